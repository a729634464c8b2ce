"""Staffed hours: when a ringing staff phone reaches someone. The same rule as the dialplan's fallback
(``opening_hours`` setting, public holidays closed), evaluated in the clinic's time zone."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from appliance.errors import ConfigError
from appliance.settings import Config

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RANGE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")


def _days(spec: str) -> set[int]:
    out: set[int] = set()
    for part in re.split(r"[&,]", spec.lower()):
        if part == "*":
            return set(range(7))
        if "-" in part:
            a, b = part.split("-", 1)
            if a not in DAYS or b not in DAYS:
                raise ConfigError(f"opening_hours: unknown day range {part!r}; use mon..sun, e.g. mon-fri")
            i, j = DAYS.index(a), DAYS.index(b)
            out.update(range(i, j + 1) if i <= j else list(range(i, 7)) + list(range(0, j + 1)))
        elif part in DAYS:
            out.add(DAYS.index(part))
        else:
            raise ConfigError(f"opening_hours: unknown day {part!r}; use mon..sun")
    return out


def parse(spec: str) -> list[tuple[set[int], dt.time, dt.time]]:
    """``"mon-fri 09:00-13:00,14:00-18:00; sat 09:00-13:00"`` → [(weekdays, start, end), ...]."""
    rules = []
    for part in filter(None, (p.strip() for p in (spec or "").split(";"))):
        fields = part.split()
        if len(fields) != 2:
            raise ConfigError(f"opening_hours: {part!r} must be 'DAYS HH:MM-HH:MM[,HH:MM-HH:MM]'")
        days = _days(fields[0])
        for rng in fields[1].split(","):
            m = _RANGE.match(rng)
            if not m:
                raise ConfigError(f"opening_hours: bad time range {rng!r}; use HH:MM-HH:MM")
            start = dt.time(int(m.group(1)), int(m.group(2)))
            end = dt.time(23, 59, 59, 999999) if m.group(3) == "24" else dt.time(int(m.group(3)), int(m.group(4)))
            rules.append((days, start, end))
    return rules


def is_holiday(day: dt.date) -> bool:
    try:
        import holidays
    except ImportError:  # pragma: no cover - a declared dependency
        return False
    return day in holidays.KR(years=[day.year])


def staffed_at(spec: str, local: dt.datetime) -> bool:
    """Is someone at the desk at this clinic-local time?"""
    if is_holiday(local.date()):
        return False
    now = local.time()
    return any(local.weekday() in days and start <= now <= end for days, start, end in parse(spec))


def staffed_now(config: Config, now_utc: dt.datetime | None = None) -> bool:
    zone = ZoneInfo(config.timezone or "Asia/Seoul")
    moment = (now_utc.replace(tzinfo=dt.timezone.utc) if now_utc else dt.datetime.now(dt.timezone.utc)).astimezone(zone)
    return staffed_at(config.opening_hours, moment.replace(tzinfo=None))
