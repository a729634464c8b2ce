"""Dates in phone Korean, resolved against "now".

Conventions (the contract other layers rely on; see also docs in ``understand``):

* Weeks start on Monday. "이번 주 X요일" is X in the week containing today (may be in the past);
  "다음 주" adds one week, "다다음 주" two. A bare weekday after a named week stays in that week
  ("다음 주에 … 화요일" → next week's Tuesday).
* A weekday alone ("월요일") is the next one strictly after today (today would be "오늘").
* A day of month alone ("15일") is the next occurrence, today included; "M월 D일" is this year unless it has
  passed, then next year. A count of days since something ("뺀 지 삼 일 됐어요") is not a date.
* "주말" is this week's Saturday (Sunday itself when said on a Sunday); "다음 주말" next week's Saturday.
* Month parts: "초" → the 1st, "중순" → the 15th, "말"/"말일" → the last day; ``date_range`` carries the span
  (1–10, 11–20, 21–end).
* A week or month without a day ("다음 주에", "다음 달에") gives ``date=None`` and only ``date_range``.
* A date the caller takes back ("내일 말고 모레", "월요일은 안 되고 수요일") loses to the one after it.
* A move counted from the visit ("예약 한 주 뒤로 옮겨 주세요") names no date; "일주일 뒤에 갈게요" does.
* "모래" is how speech recognition often spells 모레 (not before 알/같/처럼: "모래알 같은 게 씹혀요").
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from appliance.language.numerals import NATIVE_RE, SINO_RE, number_value, sino_value

WEEKDAYS = "월화수목금토일"
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclasses.dataclass
class DateResult:
    date: dt.date | None
    date_range: tuple[dt.date, dt.date] | None
    start: int
    end: int
    weekday_said: int | None = None
    kind: str = ""
    weekday_clash: bool = False  # "다음 주 화요일 14일" when the 14th is a Monday: the day of the month was taken


# --------------------------------------------------------------------------- helpers


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _month_start(day: dt.date, months: int = 0) -> dt.date:
    return _add_months(day.replace(day=1), months)


def _month_end(first: dt.date) -> dt.date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
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



# --------------------------------------------------------------------------- dates

_MONTH = r"(?P<mon>\d{1,2}|십[일이]?|유|시|[일이삼사오육칠팔구])"
_DAY = r"(?P<day>\d{1,2}|[이삼]?십[일이삼사오육칠팔구]?|[일이삼사오육칠팔구])"
_WD = r"(?P<wd>[월화수목금토일])\s?(?:요일|욜)"
_THIS_WEEK = r"이번\s?주|이번쭈|요번\s?주|금주"
_NEXT_WEEK = r"다음\s?주|담\s?주|차주|다음\s?쭈"
_NEXT2_WEEK = r"다다음\s?주|다담\s?주"
_LAST_WEEK = r"저번\s?주|지난\s?주"
_THIS_MONTH = r"이번\s?달|이달|요번\s?달|금월"
_NEXT_MONTH = r"다음\s?달|담\s?달|내달"
_NEXT2_MONTH = r"다다음\s?달"
_AFTER = r"\s?(?:뒤|후|있다가|있다|지나서|뒤에|후에|쯤)"
# "예약 한 주 뒤로 옮겨 주세요": a move counted from the visit, not from today, names no date
_NOT_A_MOVE = r"(?!\s?(?:으로|로)\s?(?:좀\s?)?(?:옮|미루|미뤄|미룰|늦춰|늦추|연기|바꿔|바꾸|변경|빼))"
# "삼 일 됐는데", "이틀 지났는데", "사흘 전에": a count of days since something, not a day of the month
_SINCE = r"|\s?(?:이|가)?\s?(?:됐|되었|지났|전에|전부터|전(?![가-힣]))"
_NATIVE_COUNT = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8,
                 "아흐레": 9, "열흘": 10, "보름": 15}

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?P<y>20\d\d)[-./]\s?(?P<mon>\d{1,2})[-./]\s?(?P<day>\d{1,2})")),
    ("ymd", re.compile(rf"(?:(?P<y>20\d\d|\d\d)\s?년\s?)?{_MONTH}\s?월\s?{_DAY}\s?일(?!\s?(?:요일|째|동안|간))")),
    ("md_part", re.compile(rf"{_MONTH}\s?월\s?(?P<part>말일|말|초|중순)")),
    ("month_only", re.compile(
        rf"(?:(?<![가-힣\d])|(?<=\d)){_MONTH}\s?월(?!\s?요일)(?=\s?(?:에|달|중|쯤|이나|초|말|$|\s))")),
    ("slash", re.compile(r"(?<![\d/])(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?![\d/])")),
    ("rel_month", re.compile(
        rf"(?P<which>{_NEXT2_MONTH}|{_NEXT_MONTH}|{_THIS_MONTH})\s?(?:에\s?)?"
        rf"(?:(?P<part>말일|마지막\s?날|말|초|중순)|{_DAY}\s?일(?:날)?(?!\s?(?:요일|째|동안)))?")),
    ("month_edge", re.compile(  # "연말정산" is a tax return
        r"(?P<part>월말|월초|연말(?!\s?정산)(?=(?P<booked>에\s?(?:예약|잡아|잡고|잡을))?)|월 말|월 초)")),
    ("weekend", re.compile(
        r"(?P<which>다다음\s?주\s?|다음\s?주\s?|담\s?주\s?|이번\s?주\s?|요번\s?주\s?|다음\s?|담\s?)?주말")),
    ("rel_week", re.compile(
        rf"(?P<which>{_NEXT2_WEEK}|{_NEXT_WEEK}|{_THIS_WEEK}|{_LAST_WEEK})\s?(?:에\s?)?(?:{_WD}|(?P<wkend>주말))?")),
    ("weekday", re.compile(_WD)),
    ("holiday", re.compile(r"(?P<w>신정|새해\s?첫날|크리스마스|성탄절|삼일절|어린이날|현충일|광복절|개천절|한글날)")),
    ("day_word", re.compile(
        r"(?P<w>내일\s?모[레래]|낼\s?모[레래]|그저께|(?<![가-힣])그제|어제|오늘|(?<!지)금일|내일|명일|모레|글피|"
        r"모래(?!\s?(?:알|같|처럼|밭|사장|시계|주머니|놀이))|"
        r"(?<![가-힣])(?<!에\s)(?<!한테\s)낼(?![게께거까래])(?!\s?(?:서류|돈|거|것|비용|금액|때|수\s?[있없])))")),
    ("offset_native", re.compile(rf"(?P<w>{'|'.join(_NATIVE_COUNT)}){_AFTER}{_NOT_A_MOVE}")),
    ("offset", re.compile(
        rf"(?P<n>\d{{1,3}}|{NATIVE_RE}|{SINO_RE})\s?(?P<unit>주일|주|일|달|개월){_AFTER}{_NOT_A_MOVE}")),
    ("dom", re.compile(
        rf"(?<![가-힣\d])(?<!지 ){_DAY}\s?일(?:날)?(?!\s?(?:요일|째|동안|간|주일|이\s?생|이\s?있){_SINCE})")),
    ("dom_digit", re.compile(rf"(?<!지 )(?P<day>\d{{1,2}})\s?일(?:날)?(?!\s?(?:요일|째|동안|간|주일){_SINCE})")),
]

_DAY_WORD_OFFSET = {"오늘": 0, "금일": 0, "내일": 1, "명일": 1, "낼": 1, "모레": 2, "내일모레": 2, "낼모레": 2,
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
        candidate = _safe_date(month.year, month.month, day)
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


def _resolve(kind: str, m: re.Match[str], today: dt.date
             ) -> tuple[dt.date | None, tuple[dt.date, dt.date] | None, int | None]:
    g = m.groupdict()
    monday = today - dt.timedelta(days=today.weekday())
    if kind in ("iso", "ymd", "slash"):
        month = _month_number(g["mon"])
        day = _day_number(g["day"])
        if not month or not day:
            return None, None, None
        year = g.get("y")
        if year:
            y = int(year)
            return _safe_date(y + 2000 if y < 100 else y, month, day), None, None
        candidate = _safe_date(today.year, month, day)
        if candidate is None or candidate < today:
            candidate = _safe_date(today.year + 1, month, day)
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
            return (_safe_date(first.year, first.month, day) if day else None), None, None
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
        if which.startswith(("다다", "다담")):
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
        weeks = 2 if which.startswith("다다") else 1 if which.startswith(("다음", "담")) else 0
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
        return today + dt.timedelta(days=_NATIVE_COUNT[g["w"]]), None, None
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


def find_dates(text: str, today: dt.date) -> list[DateResult]:
    """All date expressions in ``text`` (non-overlapping, in text order).

    A bare weekday after "다음 주 X요일" stays in that week: "다음 주 목요일 예약 금요일로" → next week's Friday.
    """
    taken: list[tuple[int, int]] = []
    found: list[DateResult] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if not m.group(0).strip():
                continue
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            date, span, wd = _resolve(kind, m, today)
            if date is None and span is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateResult(date, span, m.start(), m.end(), wd, kind))
    found.sort(key=lambda r: r.start)
    week_of: dt.date | None = None
    month_of: dt.date | None = None
    for before, r in zip([None, *found], found):
        if (r.kind == "weekday" and before is not None and before.date is not None
                and before.kind in ("dom", "dom_digit", "ymd") and not text[before.end : r.start].strip()):
            r.date = before.date  # "이십팔일 일요일": the weekday names the day just given
            continue
        if r.kind == "rel_week":
            week_of = r.date_range[1] - dt.timedelta(days=6) if r.date is None and r.date_range else (
                r.date - dt.timedelta(days=r.date.weekday()) if r.date else None)
        elif r.kind in ("rel_month", "month_only") and r.date is None and r.date_range:
            month_of = r.date_range[1].replace(day=1)
        elif r.kind == "weekday" and week_of is not None and r.weekday_said is not None:
            in_week = week_of + dt.timedelta(days=r.weekday_said)
            r.date = in_week if in_week >= today else r.date
        elif r.kind in ("dom", "dom_digit") and month_of is not None and r.date is not None:
            r.date = _safe_date(month_of.year, month_of.month, r.date.day) or r.date
    _weekday_then_more(text, found, today)
    return found


def _weekday_then_more(text: str, found: list[DateResult], today: dt.date) -> None:
    """A weekday followed at once by the day of the month ("다음 주 화요일 14일", "목요일 17일") is that day, even
    when the two disagree (the day of the month is the more precise; both are marked ``weekday_clash`` so the desk
    can say which weekday it is); a bare weekday with its week said last, as an
    afterthought ("목요일이 좋겠네요 아 다음 주요"), is in that week."""
    for r, after in zip(found, found[1:]):
        if r.weekday_said is None or after.date is None and after.date_range is None:
            continue
        if (r.kind in ("weekday", "rel_week") and after.kind in ("dom", "dom_digit")
                and not text[r.end : after.start].strip()):
            r.weekday_clash = after.weekday_clash = after.date is not None and after.date.weekday() != r.weekday_said
            r.date = after.date
        elif (r.kind == "weekday" and after is found[-1] and after.kind == "rel_week" and after.date is None
              and after.date_range is not None and _WEEK_LAST.match(text, after.end)):
            in_week = after.date_range[1] - dt.timedelta(days=6 - r.weekday_said)
            r.date = in_week if in_week >= today else r.date


_WEEK_LAST = re.compile(r"\s?(?:이요|요|말이에요|말예요)?\s*[.?!]*\s*$")


# A "…로" target, maybe after a part of the day or a clock time ("다음주 화요일 점심으로 옮겨")
_TARGET_AFTER = re.compile(
    r"\s?(?:(?:오전|오후|아침|점심|저녁|밤|낮)(?:시간)?\s?)?(?:(?:\d{1,2}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두)\s?시"
    r"(?:\s?반|\s?\d{1,2}\s?분)?\s?)?(?:으로|로)"
)
# Between two mentions, words that take the first back: "내일 말고 모레", "월요일은 안 되고 화요일도 애매하고
# 수요일" (but "월요일 안 되면 화요일", "월요일 아니면 화요일" keep the first as the wish).
_TAKEN_BACK = re.compile(
    r"말고|말구|아니(?!면)|아냐|빼고|대신|안\s?(?:되|돼|될)|못|어렵|어려워|힘들|애매|곤란|바빠|바쁘|별로|쉬(?:시|는|죠|잖)|휴무|휴진"
    r"|싫(?:고|어|은데)|그럼|그러면|그라믄|그러믄|그렇(?:고|구|긴|지만)|빠듯|촉박|빡빡|꽉\s?차|야간(?:이|근무|조)"
    r"|그\s?(?:전|안)에|그\s?전까지|그\s?$"  # "…복귀하거든요 그 전에 … 월요일": a deadline; "다음 주는 … 그 다다음 주"
)
# After the last date: "월요일만 빼고" takes it back with nothing in its place
_LAST_TAKEN_BACK = re.compile(
    r"\s?(?:만|은|는|도)?\s?(?:빼고|말고|제외|빼면|안\s?되고|말구)|"
    r"\s?(?:으로|로)?\s?(?:아\s)?(?:아니다|아니야|아니지|아냐)"
)
_CONDITIONAL = re.compile(r"면(?:\s|,|$)")
# In a move, the day that names the visit ("금요일 예약 … 앞당길 수 있을까요 목요일이나") is where it is now: the
# day said after it is where it goes
_VISIT_NAMED = re.compile(r"\s?(?:에|의)?\s?(?:[가-힣]{1,6}\s?)?(?:예약|진료|수술)")
_MOVE = re.compile(r"바꾸|바꿔|바꿀|미루|미뤄|미룰|옮기|옮겨|옮길|당기|당겨|당길|늦추|늦춰|늦출|변경|땡겨|땡길")


def _taken_back(text: str, results: list[DateResult]) -> list[DateResult]:
    back = [False] * len(results)
    for i, (here, after) in enumerate(zip(results, results[1:])):
        gap = text[here.end : after.start]
        back[i] = bool(_TAKEN_BACK.search(gap) and not _CONDITIONAL.search(gap))
    for i in range(len(results) - 2, -1, -1):  # "모레는 일요일이니까 안 되고": the same day said twice goes with it
        if back[i + 1] and results[i].date is not None and results[i].date == results[i + 1].date:
            back[i] = True
    kept = [r for r, gone in zip(results, back) if not gone]
    if kept and kept[-1] is results[-1] and _LAST_TAKEN_BACK.match(text, results[-1].end):
        kept = kept[:-1]
        return kept
    return kept or results[-1:]


def pick_date(text: str, results: list[DateResult], today: dt.date) -> DateResult | None:
    """The date the caller means: mentions taken back lose, past mentions lose to upcoming ones, a "…로" target
    ("내일 예약을 금요일로") wins, a day inside a week or month said before it ("다음 주에 … 화요일") wins over
    that span, else the first mention."""
    if not results:
        return None
    results = _taken_back(text, results)
    if not results:
        return None
    upcoming = [r for r in results if (r.date or (r.date_range[1] if r.date_range else today)) >= today]
    if upcoming and len(upcoming) < len(results):  # "이번 주 수요일이나 다음 주 수요일": a past day is not meant
        results = upcoming
    for r in results:
        if _TARGET_AFTER.match(text, r.end):
            return r
    first = results[0]
    if len(results) > 1 and first.date is not None and _VISIT_NAMED.match(text, first.end) and _MOVE.search(text):
        return results[1]
    if first.date is None and first.date_range is not None:
        low, high = first.date_range
        for r in results[1:]:
            if r.date is not None and low <= r.date <= high:
                return r
    return first
