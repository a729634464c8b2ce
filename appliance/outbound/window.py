"""Calling windows: when a campaign may ring a patient.

* INFO campaigns (reminders, happy calls, check-ups) follow the clinic's opening hours (clinic facts),
  lunch excluded, never on closed days (public holidays, Sundays, 휴진일) unless ``outbound_closed_days``.
* AD campaigns additionally never ring outside 08:00-21:00 (정보통신망법 art. 50). Night consent is never
  used: the AD window is hard-coded, whatever the settings or campaign params say.
* A campaign may narrow its own window with ``params["hours"] = "HH:MM-HH:MM"``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

AD_START = dt.time(8, 0)
AD_END = dt.time(21, 0)
INFO, AD = "INFO", "AD"


def _parse_range(text: str | None) -> tuple[dt.time, dt.time] | None:
    if not text:
        return None
    a, b = text.split("-")
    t0 = dt.time.fromisoformat(a.strip())
    t1 = dt.time.fromisoformat(b.strip())
    return (t0, t1) if t0 < t1 else None


def intervals(facts: Any, day: dt.date, kind: str, *, hours: str | None = None, closed_days: bool = False,
              skip_lunch: bool = True) -> list[tuple[dt.datetime, dt.datetime]]:
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
    if kind == AD:
        lo, hi = max(lo, AD_START), min(hi, AD_END)
    if lo >= hi:
        return []
    out = [(dt.datetime.combine(day, lo), dt.datetime.combine(day, hi))]
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
    if kind == AD and not (AD_START <= moment.time() < AD_END):
        return False
    # a call started at the very end of the window would run past it: leave two minutes
    latest = moment + dt.timedelta(minutes=2)
    return any(a <= moment and latest <= b for a, b in intervals(facts, moment.date(), kind, **kwargs))


def next_opening(facts: Any, after: dt.datetime, kind: str, horizon_days: int = 14, **kwargs: Any) -> dt.datetime | None:
    """The first moment at or after ``after`` when a campaign of ``kind`` may call (None within the horizon)."""
    day = after.date()
    for _ in range(horizon_days + 1):
        for a, b in intervals(facts, day, kind, **kwargs):
            start = max(a, after)
            if start + dt.timedelta(minutes=2) <= b:
                return start
        day += dt.timedelta(days=1)
    return None
