"""What day a date expression names, counted from today (the conventions are in ``dates``).

``dates`` finds the expressions; ``resolve_date`` turns one match of a kind into a day, a span of days and the
weekday said."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from appliance.language.numerals import number_value, sino_value

WEEKDAYS = "월화수목금토일"


# --------------------------------------------------------------------------- helpers


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_start(day: dt.date, months: int = 0) -> dt.date:
    return _add_months(day.replace(day=1), months)


def _month_end(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_part(first: dt.date, part: str, today: dt.date) -> tuple[dt.date, tuple[dt.date, dt.date]]:
    last = _month_end(first)
    if part == "초":
        return first, (first, first.replace(day=10))
    if part == "중순":
        return first.replace(day=15), (first.replace(day=11), first.replace(day=20))
    # 말, 말일
    start = max(first.replace(day=21), min(today, last)) if part == "말" else last
    return last, (start, last)


NATIVE_COUNT = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8,
                "아흐레": 9, "열흘": 10, "보름": 15}


_DAY_WORD_OFFSET = {"오늘": 0, "금일": 0, "내일": 1, "명일": 1, "낼": 1, "모레": 2, "모렌": 2, "내일모레": 2,
                    "낼모레": 2,
                    "모래": 2, "내일모래": 2, "낼모래": 2, "글피": 3, "어제": -1, "그제": -2, "그저께": -2}


_HOLIDAYS = {"신정": (1, 1), "새해첫날": (1, 1), "크리스마스": (12, 25), "성탄절": (12, 25), "삼일절": (3, 1),
             "어린이날": (5, 5), "현충일": (6, 6), "광복절": (8, 15), "개천절": (10, 3), "한글날": (10, 9)}


def _month_number(raw: str) -> int | None:
    if raw == "유":
        return 6
    if raw == "시":
        return 10
    value = number_value(raw)
    return value if value and 1 <= value <= 12 else None


def _day_number(raw: str) -> int | None:
    value = int(raw) if raw.isdigit() else sino_value(raw)
    return value if value and 1 <= value <= 31 else None


def _next_dom(today: dt.date, day: int) -> dt.date | None:
    first = today.replace(day=1)
    for months in range(0, 4):
        month = _add_months(first, months)
        candidate = safe_date(month.year, month.month, day)
        if candidate and candidate >= today:
            return candidate
    return None


def _coming_month(name: str, today: dt.date) -> dt.date | None:
    """The first day of the month named (this year's, or next year's once this year's is over)."""
    month = _month_number(name)
    if not month:
        return None
    first = dt.date(today.year, month, 1)
    return first if _month_end(first) >= today else dt.date(today.year + 1, month, 1)


def resolve_date(kind: str, m: re.Match[str], today: dt.date
                 ) -> tuple[dt.date | None, tuple[dt.date, dt.date] | None, int | None]:
    g = m.groupdict()
    monday = today - dt.timedelta(days=today.weekday())
    if kind in ("iso", "ymd", "slash", "dot"):
        month = _month_number(g["mon"])
        day = _day_number(g["day"])
        if not month or not day:
            return None, None, None
        year = g.get("y")
        if year:
            y = int(year)
            return safe_date(y + 2000 if y < 100 else y, month, day), None, None
        candidate = safe_date(today.year, month, day)
        if candidate is None or candidate < today:
            candidate = safe_date(today.year + 1, month, day)
        return candidate, None, None
    if kind in ("md_part", "month_only"):
        first = _coming_month(g["mon"], today)
        if first is None:
            return None, None, None
        if kind == "month_only":
            return None, (max(first, today), _month_end(first)), None
        date, span = _month_part(first, g["part"], today)
        return date, span, None
    if kind == "rel_month":
        which = re.sub(r"\s", "", g["which"])
        offset = 2 if which.startswith("다다") else 1 if which in ("다음달", "담달", "내달") else 0
        first = _month_start(today, offset)
        if g.get("part"):
            part = "말일" if g["part"].startswith("마지막") else g["part"]
            date, span = _month_part(first, part, today)
            return date, span, None
        if g.get("day"):
            day = _day_number(g["day"])
            return (safe_date(first.year, first.month, day) if day else None), None, None
        return None, (max(first, today), _month_end(first)), None
    if kind == "month_edge":
        part = g["part"].replace(" ", "")
        if part == "연말":
            first = dt.date(today.year, 12, 1)  # round 13: "the year's end" is a stretch of days ("연말 모임"), not
            year_end = _month_end(first) if g.get("booked") else None  # one date, unless booked so ("연말에 예약")
            return year_end, (max(today, dt.date(today.year, 12, 21)), _month_end(first)), None
        if part == "월말":
            date, span = _month_part(today.replace(day=1), "말", today)
            return date, span, None
        first = today.replace(day=1) if today.day <= 10 else _month_start(today, 1)
        date, span = _month_part(first, "초", today)
        return max(date, today), span, None
    if kind == "rel_week":
        which = re.sub(r"\s", "", g["which"])
        if which.startswith(("다다", "다담", "다음다음")):
            weeks = 2
        elif which.startswith(("다음", "담", "차")):
            weeks = 1
        elif which.startswith(("저번", "지난")):
            weeks = -1
        else:
            weeks = 0
        week_monday = monday + dt.timedelta(weeks=weeks)
        if g.get("wd"):
            wd = WEEKDAYS.index(g["wd"])
            return week_monday + dt.timedelta(days=wd), None, wd
        if g.get("wkend"):
            sat = week_monday + dt.timedelta(days=5)
            return sat, (sat, sat + dt.timedelta(days=1)), 5
        start = week_monday if weeks < 0 else max(week_monday, today)  # "지난주" is all in the past
        return None, (start, week_monday + dt.timedelta(days=6)), None
    if kind == "weekend":
        which = re.sub(r"\s", "", g.get("which") or "")
        weeks = 2 if which.startswith(("다다", "다음다음")) else 1 if which.startswith(("다음", "담")) else 0
        sat = monday + dt.timedelta(weeks=weeks, days=5)
        if sat < today:  # said on a Sunday
            return today, (today, today), 6
        return sat, (sat, sat + dt.timedelta(days=1)), 5
    if kind == "weekday":
        wd = WEEKDAYS.index(g["wd"])
        ahead = (wd - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=ahead), None, wd
    if kind == "holiday":
        month, day = _HOLIDAYS[re.sub(r"\s", "", g["w"])]
        candidate = dt.date(today.year, month, day)
        return (candidate if candidate >= today else dt.date(today.year + 1, month, day)), None, None
    if kind == "day_word":
        return today + dt.timedelta(days=_DAY_WORD_OFFSET[re.sub(r"\s", "", g["w"])]), None, None
    if kind == "offset_native":
        return today + dt.timedelta(days=NATIVE_COUNT[g["w"]]), None, None
    if kind == "offset":
        n = number_value(g["n"])
        if n is None:
            return None, None, None
        unit = g["unit"]
        if unit == "일":
            return today + dt.timedelta(days=n), None, None
        if unit in ("주", "주일"):
            return today + dt.timedelta(weeks=n), None, None
        return _add_months(today, n), None, None
    if kind in ("dom", "dom_digit"):
        day = _day_number(g["day"])
        return (_next_dom(today, day) if day else None), None, None
    return None, None, None
