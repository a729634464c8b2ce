"""Reading an EMR's raw values: dates, times, flags and text as every product spells them.

Lenient where the meaning is certain (``2026-11-25``, ``20261125``, ``2026.11.25``; ``0930``, ``9:30``, a MySQL
``TIME``), strict where it is not: ``parse_time("2530")`` and ``parse_minutes("30분")`` raise ``BadRow``, and
the caller skips and counts that row instead of guessing (an appointment at a made-up time is worse than
none).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Any

from appliance.data import phone as phones
from appliance.data.emr.model import BadRow


def parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _parse_date_text(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _parse_date_text(str(value))  # numbers (20261125) and other driver types: their text


@functools.lru_cache(maxsize=131072)
def _parse_date_text(text: str) -> dt.date | None:
    text = text.strip()
    digits = text if text.isdigit() else "".join(c for c in text if c.isdigit())
    if len(digits) >= 8:
        try:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            return None
    return None


canonical_phone = functools.lru_cache(maxsize=262144)(phones.canonical)


def parse_time(value: Any) -> dt.time | None:
    """``None`` for a missing time; ``BadRow`` for one that is not a time of day (``2530``, ``abc``)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.timedelta):  # MySQL TIME
        secs = int(value.total_seconds())
        if not 0 <= secs < 86400:
            raise BadRow(f"time out of range: {value}")
        return dt.time(secs // 3600, (secs // 60) % 60)
    digits = "".join(c for c in str(value) if c.isdigit())
    if len(digits) == 3:
        digits = "0" + digits
    if len(digits) < 4:
        raise BadRow(f"not a time: {value!r}")
    try:
        return dt.time(int(digits[:2]), int(digits[2:4]))
    except ValueError:
        raise BadRow(f"not a time of day: {value!r}") from None


def parse_minutes(value: Any, default: int = 30) -> int:
    """An appointment length in minutes: a number (``30``, ``"30"``, ``30.0``) from 1 to 720, else ``BadRow``."""
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        raise BadRow(f"not a duration: {value!r}")
    try:
        minutes = float(value) if not isinstance(value, str) else float(value.strip())
    except ValueError:
        raise BadRow(f"not a duration in minutes: {value!r}") from None
    if not minutes.is_integer() or not 1 <= minutes <= 720:
        raise BadRow(f"duration out of range: {value!r}")
    return int(minutes)


def text(value: Any) -> str | None:
    if value is None:
        return None
    if type(value) is str:
        return value.strip()
    if type(value) is int:
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def years_ago(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # Feb 29
        return day.replace(year=day.year - years, day=28)


def months_ago(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + (day.month - 1) - months, 12)
    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))
