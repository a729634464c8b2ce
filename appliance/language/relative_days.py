"""Days named relative to a month or to another day (issue 15, round 23: blind31).

``dates.find_dates`` reads each piece alone ("이번 달" as the whole month, "토요일" as the next Saturday); this
module joins the pieces that name one day together:
- the month's last day: "말일", "이번 달 말일", "다음 달 말일", "월말" keeps its own reading;
- the last or the first given weekday of a month: "이번 달 마지막 토요일", "다음 달 첫째 주 화요일",
  "다음 달 첫 주 금요일"; "다음 달 첫째 주" alone is that month's first seven days;
- a weekday some weeks on: "일주일 뒤 수요일", "이 주 뒤 금요일" (that weekday in the week so many weeks from
  today), and "수요일 거 (딱) 일주일 뒤 (수요일)" (the booked Wednesday moved on by a week);
- the day after a day of the month ("이십오 일이라서 그 다음 날", "25일 다음 날"), or after a holiday ("크리스마스
  다음 날", "한글날 그 다음 날", round 39): that day plus one (round 24);
- a day given as a deadline ("금요일 전에", "수요일에 올라가야 돼서 그 전에"): no day of the visit (round 24);
- a clipped weekday after its week ("담주 금"): that day; weekdays excepted ("수요일 목요일 빼고 아무 날이나")
  name no day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from appliance.language.date_values import WEEKDAYS
from appliance.language.dates import DateResult
from appliance.language.walk_in_now import walk_in_today

_MONTH_WORD = r"(?P<month>이번\s?달|이달|요번\s?달|다음\s?달|담\s?달|내달)?\s?"
_LAST_DAY = re.compile(_MONTH_WORD + r"말일")
_WEEKDAY_OF_MONTH = re.compile(_MONTH_WORD + r"(?P<which>마지막(?:\s?주)?|첫\s?(?:째)?\s?주|첫)\s?"
                                             r"(?P<wd>[월화수목금토일])\s?(?:요일|욜)")
_FIRST_WEEK = re.compile(_MONTH_WORD + r"첫\s?(?:째)?\s?주(?!\s?[월화수목금토일]\s?(?:요일|욜))")
_WEEKS_ON = {"일주일": 1, "한 주": 1, "한주": 1, "이 주": 2, "이주": 2, "2주": 2, "삼 주": 3, "삼주": 3, "3주": 3}
_WEEKS = "|".join(sorted(_WEEKS_ON, key=len, reverse=True))
_BOOKED_DAY_ON = re.compile(r"(?P<wd>[월화수목금토일])\s?(?:요일|욜)\s?(?:거|것|꺼|"
                            r"예약)\s?(?:딱\s?)?(?P<weeks>" + _WEEKS
                            + r")\s?(?:뒤|후)(?:\s?(?:에|로))?(?:\s?(?P<wd2>[월화수목금토일])\s?(?:요일|욜))?")
_CLIPPED_WEEKDAY = re.compile(r"(?P<week>다음\s?주|담\s?주|이번\s?주)\s?(?P<wd>[월화수목금토일])(?![가-힣])")
_EXCEPT = re.compile(r"(?:\s?(?:이랑|하고|랑|,|이나)?\s?(?:[월화수목금토일]\s?(?:요일|욜)))*\s?(?:은|는|만)?\s?"
                     r"(?:빼고|제외하고)")
_WEEKS_ON_WEEKDAY = re.compile(r"(?P<weeks>" + _WEEKS + r")\s?(?:뒤|후)(?:에)?\s?(?P<wd>[월화수목금토일])\s?(?:요일|"
                               r"욜)")


_DAY_AFTER = re.compile(r"\s?(?:[가-힣\s]{0,10}?(?:이라서|라서|이라|라|이니까|니까|인데|이고|이면)\s?)?(?:그\s?)?"
                        r"(?:다음\s?날|담날|이튿날)")


_DAY_AFTER_KINDS = ("dom", "dom_digit", "ymd", "slash", "dot", "holiday")  # round 39: "크리스마스 다음 날"
_DAY_KINDS = ("weekday", "rel_week", "dom", "dom_digit", "ymd", "slash", "dot", "day_word")
_DEADLINE = re.compile(r"\s?(?:전에|전까지|이전에|이전까지)|(?:에)?\s?[가-힣\s]{0,14}?(?:돼서|되서|라서|해서|니까)\s?"
                       r"그\s?(?:전에|전까지|이전에)")


def _days_after(text: str, found: list[DateResult]) -> list[DateResult]:
    """``found`` with a day of the month followed by "(그) 다음 날" moved on by one day (round 24)."""
    moved: list[DateResult] = []
    for r in found:
        after = _DAY_AFTER.match(text, r.end) if r.kind in _DAY_AFTER_KINDS else None
        if after is not None and r.date is not None:
            r = DateResult(r.date + dt.timedelta(days=1), None, r.start, after.end(), kind="relative_day")
        moved.append(r)
    return moved


def _month_start(month_word: str | None, today: dt.date) -> dt.date:
    first = today.replace(day=1)
    if month_word and month_word.replace(" ", "") in ("다음달", "담달", "내달"):
        return (first + dt.timedelta(days=32)).replace(day=1)
    return first


def _month_end(start: dt.date) -> dt.date:
    return start.replace(day=calendar.monthrange(start.year, start.month)[1])


def _next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _joined(match: re.Match[str], today: dt.date) -> DateResult | None:
    """The one day (or span) a match of the patterns above names."""
    pattern, groups = match.re, match.groupdict()
    if pattern is _LAST_DAY:
        return DateResult(_month_end(_month_start(groups["month"], today)), None, match.start(), match.end(),
                          kind="relative_day")
    if pattern is _FIRST_WEEK:
        start = _month_start(groups["month"], today)
        return DateResult(None, (start, start + dt.timedelta(days=6)), match.start(), match.end(), kind="relative_day")
    weekday = WEEKDAYS.index(groups["wd"])
    if pattern is _WEEKDAY_OF_MONTH:
        start = _month_start(groups["month"], today)
        if groups["which"].startswith("마지막"):
            end = _month_end(start)
            day = end - dt.timedelta(days=(end.weekday() - weekday) % 7)
        else:
            day = _next_weekday(start, weekday)
        return DateResult(day, None, match.start(), match.end(), weekday, kind="relative_day")
    if pattern is _CLIPPED_WEEKDAY:
        ahead = 0 if groups["week"].replace(" ", "") == "이번주" else 7
        monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=ahead)
        return DateResult(monday + dt.timedelta(days=weekday), None, match.start(), match.end(), weekday,
                          kind="relative_day")
    weeks = _WEEKS_ON[groups["weeks"]]
    if pattern is _BOOKED_DAY_ON:
        day = _next_weekday(today, weekday) + dt.timedelta(days=7 * weeks)
        return DateResult(day, None, match.start(), match.end(), weekday, kind="relative_day")
    monday = today - dt.timedelta(days=today.weekday()) + dt.timedelta(days=7 * weeks)
    return DateResult(monday + dt.timedelta(days=weekday), None, match.start(), match.end(), weekday,
                      kind="relative_day")


def with_relative_days(text: str, found: list[DateResult], today: dt.date) -> list[DateResult]:
    """``found`` with the pieces of each day named relative to a month or a day replaced by that one day; today
    for a walk-in asked for now with no day said (round 36, ``walk_in_now``)."""
    found = walk_in_today(text, found, today)
    joined: list[DateResult] = []
    found = [r for r in found if not (r.kind == "weekday" and _EXCEPT.match(text, r.end))]  # "수요일 목요일 빼고"
    found = [r for r in _days_after(text, found) if not (r.kind in _DAY_KINDS and _DEADLINE.match(text, r.end))]
    for pattern in (_BOOKED_DAY_ON, _WEEKDAY_OF_MONTH, _WEEKS_ON_WEEKDAY, _CLIPPED_WEEKDAY, _LAST_DAY, _FIRST_WEEK):
        for match in pattern.finditer(text):
            if any(match.start() < r.end and r.start < match.end() for r in joined):
                continue
            if (result := _joined(match, today)) is not None:
                joined.append(result)
    if not joined:
        return found
    kept = [r for r in found if not any(r.start < j.end and j.start < r.end for j in joined)]
    return sorted(kept + joined, key=lambda r: r.start)
