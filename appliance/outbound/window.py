"""Calling windows: when a campaign may ring a patient.

* INFO campaigns (reminders, happy calls, check-ups) follow the clinic's opening hours (clinic facts),
  lunch excluded, never on closed days (public holidays, Sundays, 휴진일) unless ``outbound_closed_days``.
* AD campaigns additionally never ring outside 08:00-21:00 Asia/Seoul (정보통신망법 art. 50), whatever the
  clinic's ``timezone`` setting says (a typo there must not move the legal window). Night consent is never
  used: the AD window is hard-coded, whatever the settings or campaign params say.
* A campaign may narrow its own window with ``params["hours"] = "HH:MM-HH:MM"``.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any
from zoneinfo import ZoneInfo

AD_START = dt.time(8, 0)
AD_END = dt.time(21, 0)
INFO, AD = "INFO", "AD"
SEOUL = "Asia/Seoul"


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or SEOUL)
    except Exception:  # an unknown zone name: the law's own zone
        return ZoneInfo(SEOUL)


def seoul_time(moment: dt.datetime, zone: str = SEOUL) -> dt.datetime:
    """``moment`` (naive, the clinic's local time in ``zone``) as naive Asia/Seoul time."""
    if (zone or SEOUL) == SEOUL:
        return moment
    return moment.replace(tzinfo=_zone(zone)).astimezone(_zone(SEOUL)).replace(tzinfo=None)


def ad_windows(day: dt.date, zone: str = SEOUL) -> list[tuple[dt.datetime, dt.datetime]]:
    """The legal advertising window(s) 08:00-21:00 Asia/Seoul that fall on ``day`` in the clinic's time."""
    if (zone or SEOUL) == SEOUL:
        return [(dt.datetime.combine(day, AD_START), dt.datetime.combine(day, AD_END))]
    local, seoul = _zone(zone), _zone(SEOUL)
    start_of, end_of = dt.datetime.combine(day, dt.time(0)), dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0))
    out = []
    for shift in (-1, 0, 1):
        d = day + dt.timedelta(days=shift)
        lo = dt.datetime.combine(d, AD_START, seoul).astimezone(local).replace(tzinfo=None)
        hi = dt.datetime.combine(d, AD_END, seoul).astimezone(local).replace(tzinfo=None)
        lo, hi = max(lo, start_of), min(hi, end_of)
        if lo < hi:
            out.append((lo, hi))
    return out


def _parse_range(text: str | None) -> tuple[dt.time, dt.time] | None:
    if not text:
        return None
    a, b = text.split("-")
    t0 = dt.time.fromisoformat(a.strip())
    t1 = dt.time.fromisoformat(b.strip())
    return (t0, t1) if t0 < t1 else None


def intervals(facts: Any, day: dt.date, kind: str, *, hours: str | None = None, closed_days: bool = False,
              skip_lunch: bool = True, zone: str = SEOUL) -> list[tuple[dt.datetime, dt.datetime]]:
    """The calling intervals of ``day`` for a campaign of ``kind`` (empty when no call may be made)."""
    open_hours = facts.open_hours(day)
    if open_hours is None:
        if not closed_days:
            return []
        # configured to call on closed days: use that weekday's regular hours, else 10:00-17:00
        from appliance.data.clinic.facts import WEEKDAYS

        open_hours = facts.hours.get(WEEKDAYS[day.weekday()]) or (dt.time(10, 0), dt.time(17, 0))
    lo, hi = open_hours
    narrow = _parse_range(hours)
    if narrow:
        lo, hi = max(lo, narrow[0]), min(hi, narrow[1])
    if lo >= hi:
        return []
    out = [(dt.datetime.combine(day, lo), dt.datetime.combine(day, hi))]
    if kind == AD:
        out = [(max(a, w0), min(b, w1)) for a, b in out for w0, w1 in ad_windows(day, zone) if max(a, w0) < min(b, w1)]
    lunch = facts.lunch_on(day) if skip_lunch else None
    if lunch:
        l0, l1 = dt.datetime.combine(day, lunch[0]), dt.datetime.combine(day, lunch[1])
        cut = []
        for a, b in out:
            if l0 < b and a < l1:
                if a < l0:
                    cut.append((a, l0))
                if l1 < b:
                    cut.append((l1, b))
            else:
                cut.append((a, b))
        out = cut
    return out


def may_call(facts: Any, moment: dt.datetime, kind: str, **kwargs: Any) -> bool:
    """True when a campaign of ``kind`` may ring a patient at ``moment`` (and the AD law check holds)."""
    if facts is None:
        return False
    if kind == AD and not (AD_START <= seoul_time(moment, kwargs.get("zone", SEOUL)).time() < AD_END):
        return False
    # a call started at the very end of the window would run past it: leave two minutes
    latest = moment + dt.timedelta(minutes=2)
    return any(a <= moment and latest <= b for a, b in intervals(facts, moment.date(), kind, **kwargs))


def next_opening(facts: Any, after: dt.datetime, kind: str, horizon_days: int = 14,
                 **kwargs: Any) -> dt.datetime | None:
    """The first moment at or after ``after`` when a campaign of ``kind`` may call (None within the horizon)."""
    day = after.date()
    for _ in range(horizon_days + 1):
        for a, b in intervals(facts, day, kind, **kwargs):
            start = max(a, after)
            if start + dt.timedelta(minutes=2) <= b:
                return start
        day += dt.timedelta(days=1)
    return None
