"""Free slots for a caller's wishes, and the nearest alternatives when the wish cannot be met.

``search(backend, facts, booking, now) -> (slots, notes)``, never on a day in ``booking.avoid`` (a day the caller
said does not suit); ``notes`` are what the desk says before the first
offer ("십이월 십사 일, 월요일입니다." when the caller said another weekday with the date; "십일월 삼십 일 일요일,
휴진입니다", "죄송하지만 그때는 예약 가능한 시간이 없습니다", … "가장 가까운 시간은").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from appliance.conversation.actions import Action, Say
from appliance.language import speak


def search(backend: Any, facts: Any, b: Any, now: dt.datetime) -> tuple[list[Any], list[Action]]:
    avoid = getattr(b, "avoid", None) or set()  # days the caller said do not suit ("내일은 안 돼요")

    def find_slots(*args: Any, limit: int = 3) -> list[Any]:
        return list(backend.find_slots(*args, limit=limit, avoid=avoid))

    today = now.date()
    notes: list[Action] = []
    if b.date is not None:
        d0 = d1 = b.date
    elif b.date_range is not None:
        d0, d1 = b.date_range
    else:
        d0, d1 = today, today + dt.timedelta(days=14)
    if b.date is not None and getattr(b, "weekday_clash", False):  # "다음 주 화요일 14일" of a Monday: the date taken
        weekday = speak.WEEKDAYS[b.date.weekday()]
        notes.append(Say(text=f"{speak.say_date(b.date, with_weekday=False)}, {weekday}입니다."))
    if b.date is not None and facts.closed_reason(b.date):
        notes += [Say(text=speak.say_date(b.date) + ","), Say("closed_word")]  # the day asked for, read back
        d0, d1 = b.date + dt.timedelta(days=1), b.date + dt.timedelta(days=14)
    rng: Any = b.time_range
    if b.time is not None:
        start = dt.datetime.combine(d0, b.time)
        if b.approximate:
            rng = ((start - dt.timedelta(minutes=60)).time(), (start + dt.timedelta(minutes=61)).time())
        else:
            rng = (b.time, (start + dt.timedelta(minutes=1)).time())
    found = find_slots(b.treatment, d0, d1, rng, now)
    if not found and b.time is not None and not notes:
        notes.append(Say("no_slots"))
        found = find_slots(b.treatment, d0, d1, None, now, limit=60)
        if found:
            want = dt.datetime.combine(d0, b.time)
            found.sort(key=lambda s: (abs((s.start - want).total_seconds()), s.start))
            found = found[:3]
    if not found and rng is not None:
        found = find_slots(b.treatment, d0, d1, None, now)
    if not found and (b.date is not None or b.date_range is not None):
        if not notes:
            notes.append(Say("no_slots"))
        found = find_slots(b.treatment, d1 + dt.timedelta(days=1), d1 + dt.timedelta(days=14), rng, now)
    if notes and found:
        notes.append(Say("nearest_is"))
    return found, notes
