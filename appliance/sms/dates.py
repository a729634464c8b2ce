"""Dates and times the way Korean texts write them: ``12월 3일(목) 오후 3:30``, ``오전 10시``."""

from __future__ import annotations

import datetime as dt

WEEKDAYS_KO = "월화수목금토일"


def day_text(day: dt.date) -> str:
    """``12월 3일(목)``."""
    return f"{day.month}월 {day.day}일({WEEKDAYS_KO[day.weekday()]})"


def time_text(moment: dt.time | dt.datetime) -> str:
    """``오후 3:30``, ``오전 10시`` (on the hour), ``오후 12:30`` (noon is 오후 12)."""
    hour, minute = moment.hour, moment.minute
    half = "오전" if hour < 12 else "오후"
    h12 = hour % 12 or 12
    return f"{half} {h12}시" if minute == 0 else f"{half} {h12}:{minute:02d}"


def when_text(moment: dt.datetime) -> str:
    """``12월 3일(목) 오후 3:30``."""
    return f"{day_text(moment.date())} {time_text(moment)}"
