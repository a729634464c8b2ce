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

import dataclasses
import datetime as dt
import re

from appliance.language.date_values import NATIVE_COUNT, resolve_date, safe_date
from appliance.language.numerals import NATIVE_RE, SINO_RE

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


# --------------------------------------------------------------------------- dates

_MONTH = r"(?P<mon>\d{1,2}|십[일이]?|유|시|[일이삼사오육칠팔구])"
_DAY = r"(?P<day>\d{1,2}|[이삼]?십[일이삼사오육칠팔구]?|[일이삼사오육칠팔구])"
_WD = r"(?P<wd>[월화수목금토일])\s?(?:요일|욜)"
_THIS_WEEK = r"이번\s?주|이번쭈|요번\s?주|금주"
_NEXT_WEEK = r"다음\s?주|담\s?주|차주|다음\s?쭈"
_NEXT2_WEEK = r"다다음\s?주|다담\s?주|다음\s?다음\s?주"  # round 27: "다음 다음 주 수요일"
_LAST_WEEK = r"저번\s?주|지난\s?주"
_THIS_MONTH = r"이번\s?달|이달|요번\s?달|금월"
_NEXT_MONTH = r"다음\s?달|담\s?달|내달"
_NEXT2_MONTH = r"다다음\s?달"
_AFTER = r"\s?(?:뒤|후|있다가|있다|지나서|뒤에|후에|쯤)"
# "예약 한 주 뒤로 옮겨 주세요": a move counted from the visit, not from today, names no date
# round 26: "예약 그거 하루 뒤로 수요일로": the move's target weekday follows
_NOT_A_MOVE = (r"(?!\s?(?:으로|로)\s?(?:좀\s?)?"
               r"(?:옮|미루|미뤄|미룰|늦춰|늦추|연기|바꿔|바꾸|변경|빼|[월화수목금토일]\s?요일))")
# round 27: "한 달쯤 됐어요": how long since a pain began, no day to come
_NOT_SINCE = r"(?!\s?(?:됐|되었|됬|지났|째))"
# "삼 일 됐는데", "이틀 지났는데", "사흘 전에": a count of days since something, not a day of the month
_SINCE = r"|\s?(?:이|가)?\s?(?:됐|되었|지났|전에|전부터|전(?![가-힣]))"

_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?P<y>20\d\d)[-./]\s?(?P<mon>\d{1,2})[-./]\s?(?P<day>\d{1,2})")),
    ("ymd", re.compile(rf"(?:(?P<y>20\d\d|\d\d)\s?년\s?)?{_MONTH}\s?월\s?{_DAY}\s?일(?!\s?(?:요일|째|동안|간))")),
    ("md_part", re.compile(rf"{_MONTH}\s?월\s?(?P<part>말일|말|초|중순)")),
    ("month_only", re.compile(
        rf"(?:(?<![가-힣\d])|(?<=\d)){_MONTH}\s?월(?!\s?요일)(?=\s?(?:에|달|중|쯤|이나|초|말|$|\s))")),
    ("slash", re.compile(r"(?<![\d/])(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?![\d/])")),
    ("dot", re.compile(r"(?<![\d.])(?P<mon>1[0-2]|0?[1-9])\.(?P<day>[12]\d|3[01]|0?[1-9])(?![\d.])"  # "3.15"
                       r"(?!\s?(?:도|%|퍼|배|kg|킬로|미리|mm|cm|센|만|억|원|시|분|초|년|개|키로|리터|점))")),
    ("rel_month", re.compile(
        rf"(?P<which>{_NEXT2_MONTH}|{_NEXT_MONTH}|{_THIS_MONTH})\s?(?:에\s?)?"
        rf"(?:(?P<part>말일|마지막\s?날|말|초|중순)|{_DAY}\s?일(?:날)?(?!\s?(?:요일|째|동안)))?")),
    ("month_edge", re.compile(  # "연말정산" is a tax return
        r"(?P<part>월말|월초|연말(?!\s?정산)(?=(?P<booked>에\s?(?:예약|잡아|잡고|잡을))?)|월 말|월 초)")),
    ("weekend", re.compile(  # "좋은 주말 보내세요" is a farewell
        r"(?P<which>다다음\s?주\s?|다음\s?다음\s?주\s?|다음\s?주\s?|담\s?주\s?|이번\s?주\s?|요번\s?주\s?|다음\s?|담\s?)?주말"
        r"(?!\s?(?:잘\s?|즐겁게\s?|편히\s?)?(?:보내세요|보내십시오|보내요|되세요|되십시오))")),
    ("rel_week", re.compile(
        rf"(?P<which>{_NEXT2_WEEK}|{_NEXT_WEEK}|{_THIS_WEEK}|{_LAST_WEEK})\s?(?:에\s?)?(?:{_WD}|(?P<wkend>주말))?")),
    ("weekday", re.compile(_WD)),
    ("holiday", re.compile(r"(?P<w>신정|새해\s?첫날|크리스마스|성탄절|삼일절|어린이날|현충일|광복절|개천절|한글날)")),
    ("day_word", re.compile(
        r"(?P<w>내일\s?모[레래](?!\s?(?:중에|중|둘\s?중)(?!.*(?:내일|모레|모래)))|낼\s?모[레래](?!\s?(?:중에|중|둘\s?중)(?!.*(?:내일|모레|모래)))|그저께|(?<![가-힣])그제|어제|오늘|(?<!지)금일|내일|명일|모레|글피|"
        r"모렌(?=가\s)|"  # round 41: "모렌가 글피에" (모레인가: a day in doubt); round 49: "내일 모레 중에" two days
        r"모래(?!\s?(?:알|같|처럼|밭|사장|시계|주머니|놀이))|"
        r"(?<![가-힣])(?<!에\s)(?<!한테\s)낼(?![게께거까래라려])(?!\s?(?:서류|돈|거|것|비용|금액|때|수\s?[있없])))")),
    ("offset_native", re.compile(rf"(?P<w>{'|'.join(NATIVE_COUNT)}){_AFTER}{_NOT_A_MOVE}{_NOT_SINCE}")),
    ("offset", re.compile(
        rf"(?P<n>\d{{1,3}}|{NATIVE_RE}|{SINO_RE})\s?(?P<unit>주일|주|일|달|개월){_AFTER}{_NOT_A_MOVE}{_NOT_SINCE}")),
    ("dom", re.compile(
        rf"(?<![가-힣\d])(?<!지 ){_DAY}\s?일(?:날)?(?!\s?(?:요일|째|동안|간|주일|이\s?생|이\s?있){_SINCE})")),
    ("dom_digit", re.compile(rf"(?<!지 )(?P<day>\d{{1,2}})\s?일(?:날)?(?!\s?(?:요일|째|동안|간|주일){_SINCE})")),
]


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
            date, span, wd = resolve_date(kind, m, today)
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
            r.date = safe_date(month_of.year, month_of.month, r.date.day) or r.date
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
