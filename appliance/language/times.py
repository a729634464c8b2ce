"""Times of day in phone Korean.

* Hours use native or Arabic numerals (Sino only as a word of its own or after 오전/오후, so "오시는 길" is
  not 5 o'clock, "확인해 주십시오" is not 10 o'clock and "이 시린 거" is a tooth, not 2 o'clock). Without
  오전/오후, 1–8 o'clock is the afternoon or the evening (clinic context, rounds 16 and 38), 9–12 are as said.
* Vague parts of the day give ``time=None`` and ``time_range`` (see :class:`DayParts`); an exact hour gives
  ``time`` and no range, except "N시에서 M시 사이"/"N시 이후" which give both.
* A time the caller takes back ("네 시 아니 네 시 반") loses to the one after it.
"""

from __future__ import annotations

import dataclasses
import re

from appliance.language.numerals import NATIVE_RE, SINO_MULTI_RE, SINO_RE, number_value
from appliance.language import time_settled


@dataclasses.dataclass(frozen=True)
class DayParts:
    """Clinic-relative meaning of vague times ("HH:MM" ranges the slot finder searches)."""

    early_morning: tuple[str, str] = ("09:00", "10:00")
    morning: tuple[str, str] = ("09:00", "11:00")  # 아침
    forenoon: tuple[str, str] = ("09:00", "13:00")  # 오전
    lunch: tuple[str, str] = ("12:00", "14:00")  # 점심때
    after_lunch: tuple[str, str] = ("14:00", "15:00")  # 점심시간 끝나고 (lunch end = 14:00)
    afternoon: tuple[str, str] = ("14:00", "18:00")  # 오후
    late_afternoon: tuple[str, str] = ("16:00", "18:00")
    evening: tuple[str, str] = ("18:00", "21:00")  # 저녁, 퇴근하고
    bare_pm_hours: tuple[int, int] = (1, 8)
    """Hours said without 오전/오후 that mean the afternoon ("세 시" → 15:00; round 16: "일곱 시" → 19:00, the clinic
    being shut at seven in the morning, unless the morning was said before it; round 38: "여덟 시 (반)" → 20:00
    (20:30) too, the clinic opening at nine, unless the morning is said before it or just after it ("여덟 시 반에
    출근 전에요"))."""
    day_start: str = "09:00"
    day_end: str = "21:00"


DEFAULT_DAYPARTS = DayParts()


@dataclasses.dataclass
class TimeResult:
    time: str | None
    time_range: tuple[str, str] | None
    approximate: bool = False


def _hm(h: int, m: int) -> str:
    return f"{h % 24:02d}:{m:02d}"


# --------------------------------------------------------------------------- times

_AMPM = r"(?P<ap>오전|오후|아침|저녁|밤|낮|새벽|점심)\s?(?:에|때|때에)?\s?"
_HOUR = (
    rf"(?P<h>\d{{1,2}}|{NATIVE_RE}|(?:(?<![가-힣])|(?<=오전|오후|아침|저녁)){SINO_MULTI_RE}"
    r"|(?:(?<![가-힣])|(?<=오전|오후|아침|저녁))[일이삼사오육칠팔구](?=\s?시(?![는면고겠죠나니러라지던잖기려게며든어었오구냐네군다도린리렸큰큼원골댁불적]))"
    r")"
)
_MIN = rf"(?:(?P<half>반)|(?P<m>\d{{1,2}}|{SINO_RE})\s?분)"
_TIME = re.compile(
    rf"(?:{_AMPM})?{_HOUR}\s?시(?!간|계|작|험|력|설|장|청|민|술|점|절|월|키|켜|티|아(?!니))\s?(?:{_MIN})?"
    r"(?P<approx>\s?(?:쯤|경|정도|즈음|께))?"
)
_CLOCK = re.compile(r"(?<!\d)(?P<h>\d{1,2}):(?P<m>\d{2})(?!\d)")
_NOON = re.compile(r"정오|자정")

_RANGE_JOIN = re.compile(r"^\s?(?:에서|부터|~|-|에서부터)\s?$")
_AFTER_TIME = re.compile(r"^\s?(?:이후|넘어서|넘어|지나서|후에|후|부터|이후에)")
_TAKEN_BACK = re.compile(r"아니(?!면)|아냐|말고|말구|대신|아\s?참|이르|늦|안\s?(?:되|돼)(?!면)|빼고|어렵|애매|힘들"
                        r"|죄송|미안|정정|잠깐만?|빠듯|촉박|빡빡|그렇(?:고|구|긴|지만)"
                        r"|(?:좀|조금)\s?그(?:런데|래서|렇네|래요)|별로")  # round 11: "세 시는 좀 그런데 네 시 반은"
# round 15: off work in the morning (a night shift: "아침 아홉 시에 퇴근하고 … 아홉 시 반"): the times stay morning
_MORNING_OFF = re.compile(r"(?:아침|오전)\s?[가-힣\d]{1,4}\s?시\s?(?:반\s?)?(?:에\s?)?퇴근")
# Said after work or in the evening, "일곱 시" is 19:00 (round 36: unless the morning is said after it, "야간 들어가야
# 돼서 오전밖에 안 돼요 열한 시": ``_evening_before``)
_EVENING_BEFORE = re.compile(r"퇴근|저녁|밤에|야간|일\s?끝나|회사\s?끝나|학교\s?끝나")
# round 16: a bare "일곱 시" is the evening (``bare_pm_hours``) unless the morning was said before it
_MORNING_BEFORE = re.compile(r"아침|오전|새벽|출근|일찍")
# round 38: a morning said just after a bare seven or eight ("여덟 시 반에 출근 전에요") keeps it in the morning
_MORNING_AFTER = re.compile(r"[^.?!]{0,8}?(?:아침|오전|새벽|출근)")
# round 10: said after the time, "일곱 시 … 저녁" is 19:00 too (not "오후는 …", which turns a part down)
_EVENING_AFTER = re.compile(r"[^.?!]{0,14}?(?:저녁|오후(?!\s?에(?!요))|밤)(?!\s?(?:은|는|에는|엔))")
# round 10: a time given as the reason ("다섯 시 반 퇴근이니까 여섯 시요", "3시 반인데 금요일 4시") loses to the next
# round 15: "아홉 시에 퇴근하고 …", the closing hour ("여덟 시까지 하시죠 …"), the visit as it stands ("10:00으로
# 돼 있던데 …"): not the time asked for when another follows
_REASON_AFTER = re.compile(r"\s?(?:반\s?)?(?:에\s?)?(?:퇴근|끝나|마치|이니까|니까|인데|이라서|라서)|"
                           r"\s?(?:반\s?)?까지\s?(?:하시|하세|해요|하죠|진료|영업|문\s?열)|\s?(?:반\s?)?(?:요\s?)?(?:그럼|그러면)\s|\s?(?:으로|로)?\s?(?:돼|되어|되)\s?있"
                           r"|\s?(?:에\s?)?예약(?:된|되어|돼|한|했)")  # round 25: "열 시 예약된 … 오후 세 시"
_TARGET_AFTER = re.compile(r"\s?(?:으로|로)(?!\s?(?:해서|인해))")
# round 48: a booked hour moved by whole hours ("아홉 시 반 예약 한 시간만 늦출 수 있나요"): the hour it goes to
# round 50: also the hour read back first ("오후 두 시였죠 한 시간만 당겨 주실 수 있어요")
_MOVED_BY_HOURS = re.compile(r"\s?(?:였죠|이었죠|였잖아요|이죠)?\s?(?:예약|거)?(?:을|를)?\s?"
                             r"(?P<n>한|두|세|1|2|3)\s?시간\s?(?:만|정도|쯤)?\s?(?:만\s?)?"
                             r"(?P<way>늦|미뤄|미루|미룰|뒤로|당겨|당기|당길|앞당|일찍)")
_HOURS_MOVED = {"한": 1, "두": 2, "세": 3, "1": 1, "2": 2, "3": 3}
_UNSURE_AFTER = re.compile(r"\s?(?:반\s?)?(?:이었|였)(?:나|던가|더라|는지)|\s?(?:반\s?)?인가")
_BEFORE_TIME = re.compile(r"^\s?(?:전에|전|이전|이전에)")

_VAGUE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"아침\s?일찍|이른\s?아침|아침\s?첫|오전\s?일찍|일찍\s?아침"), "early_morning"),
    (re.compile(r"점심\s?(?:시간)?\s?(?:끝나고|끝나면|지나서|지나고|이후|후에|먹고)"), "after_lunch"),
    (re.compile(r"퇴근\s?(?:하고|후|길|하면|끝나고)|일\s?끝나고|회사\s?끝나고|학교\s?끝나고|"
                r"저녁\s?(?:때|에)?|밤\s?에|야간에"), "evening"),
    (re.compile(r"늦은\s?오후|오후\s?늦게"), "late_afternoon"),
    (re.compile(r"오전"), "forenoon"),
    (re.compile(r"아침"), "morning"),
    (re.compile(r"점심\s?(?:때|시간에|에)"), "lunch"),
    (re.compile(r"오후|낮에"), "afternoon"),
]


def _hour24(h: int, ap: str | None, bare_pm: tuple[int, int] = (1, 6)) -> int:
    if ap in ("오전", "아침", "새벽"):
        return 0 if h == 12 else h
    if ap in ("오후", "저녁", "밤"):
        if h == 12:
            return 0 if ap == "밤" else 12
        return h + 12 if h < 12 else h
    if ap in ("낮", "점심"):
        return h + 12 if h < 11 else h
    if bare_pm[0] <= h <= bare_pm[1] and h < 12:
        return h + 12
    return h


def _parse_time_match(m: re.Match[str], bare_pm: tuple[int, int]) -> tuple[int, int] | None:
    h = number_value(m.group("h"))
    if h is None or h > 24:
        return None
    minute = 0
    if m.group("half"):
        minute = 30
    elif m.group("m"):
        minute = number_value(m.group("m")) or 0
        if minute >= 60:
            return None
    return _hour24(h, m.group("ap"), bare_pm), minute


# "서너 시쯤" (three or four): the first of the two, said approximately
_ONE_OR_TWO = ((re.compile(r"한두\s?시"), "한 시쯤"), (re.compile(r"두세\s?시"), "두 시쯤"),
               (re.compile(r"서너\s?시"), "세 시쯤"), (re.compile(r"(?:너덧|네다섯|너댓)\s?시"), "네 시쯤"),
               (re.compile(r"대여섯\s?시"), "다섯 시쯤"))


# "알림은 그대로 두시고": the verb 두다 (leave it be), not two o'clock (round 10)
_LEAVE_IT = re.compile(r"((?:알림|문자|안내|카톡|전화|그대로|그냥)(?:은|는|을|를)?\s?)두\s?시(?=고|구)")


def _evening_before(before: str) -> bool:
    """An evening word before the time with no morning word after it (round 36: "야간 … 오전밖에 안 돼요 열한 시")."""
    evenings = list(_EVENING_BEFORE.finditer(before))
    return bool(evenings) and not _MORNING_BEFORE.search(before[evenings[-1].end():])


def find_time(text: str, parts: DayParts = DEFAULT_DAYPARTS) -> TimeResult:
    """The time slot of ``text``: exact, approximate, a span between two times, or a vague part of the day."""
    start = time_settled.settled_start(text)  # round 23: a part of the day doubted, the latest slot, a hour said again
    return TimeResult(None, None) if start is None else _find_time(text[start:], parts)


def _find_time(text: str, parts: DayParts) -> TimeResult:
    """``find_time`` on the part of the text that holds the settled time."""
    text = _LEAVE_IT.sub(r"\1두", text)
    for pattern, said in _ONE_OR_TWO:
        text = pattern.sub(said, text)
    hits: list[tuple[int, int, int, int, bool]] = []  # start, end, h, m, approx
    for m in _TIME.finditer(text):
        hm = _parse_time_match(m, parts.bare_pm_hours)
        if hm and m.group("ap") is None and 7 <= hm[0] <= 11 and not _MORNING_OFF.search(text[: m.start()]) and (
                _evening_before(text[: m.start()]) or hm[0] <= 9 and _EVENING_AFTER.match(text, m.end())):
            hm = (hm[0] + 12, hm[1])
        if hm and m.group("ap") is None and number_value(m.group("h")) in (7, 8) and hm[0] >= 19 and (
                _MORNING_BEFORE.search(text[: m.start()]) and not _EVENING_BEFORE.search(text[: m.start()])
                or _MORNING_AFTER.match(text, m.end())):
            hm = (hm[0] - 12, hm[1])  # "출근 전에 … 일곱 시", "여덟 시 반에 출근 전에요": the morning
        if hm:
            hits.append((m.start(), m.end(), hm[0], hm[1], bool(m.group("approx"))))
    for m in _CLOCK.finditer(text):
        h, minute = int(m.group("h")), int(m.group("m"))
        if h <= 24 and minute < 60:
            hits.append((m.start(), m.end(), _hour24(h, None, parts.bare_pm_hours) if h <= 12 else h, minute, False))
    for m in _NOON.finditer(text):
        hits.append((m.start(), m.end(), 12 if m.group(0) == "정오" else 0, 0, False))
    hits.sort()
    if len(hits) > 1 and all(_UNSURE_AFTER.match(text, hit[1]) for hit in hits):
        return TimeResult(None, None)  # round 16: "세 시였나 네 시였나": the caller does not know
    if len(hits) > 1 and _UNSURE_AFTER.match(text, hits[-1][1]) and _TAKEN_BACK.search(text[hits[-2][1] : hits[-1][0]]):
        return TimeResult(None, None)  # round 20: "세 시 맞죠 아니 네 시였나": taken back for a time half recalled
    # "네 시 아니 네 시 반": a time taken back loses to the next one
    hits = [hit for hit, after in zip(hits, hits[1:]) if not _TAKEN_BACK.search(text[hit[1] : after[0]])] + hits[-1:]
    hits = [hit for hit in hits[:-1] if not _REASON_AFTER.match(text, hit[1])] + hits[-1:]
    # "세 시 예약인데 다섯 시로 늦춰 주세요": the "…로" target wins
    targets = [hit for hit in hits[1:] if _TARGET_AFTER.match(text, hit[1])]
    if targets:
        hits = targets[:1] + [hit for hit in hits if hit is not targets[0]]
    if hits:
        s, e, h, minute, approx = hits[0]
        if len(hits) == 1 and (moved := _MOVED_BY_HOURS.match(text, e)) is not None:
            earlier = moved.group("way") in ("당겨", "당기", "당길", "앞당", "일찍")
            h += _HOURS_MOVED[moved.group("n")] * (-1 if earlier else 1)
        first = _hm(h, minute)
        if len(hits) > 1 and _RANGE_JOIN.match(text[e : hits[1][0]]):
            return TimeResult(first, (first, _hm(hits[1][2], hits[1][3])), approx)
        tail = text[e:]
        if _AFTER_TIME.match(tail):
            return TimeResult(first, (first, parts.day_end), approx)
        if _BEFORE_TIME.match(tail):
            return TimeResult(None, (parts.day_start, first), approx)
        return TimeResult(first, None, approx)
    for pattern, name in _VAGUE:
        if pattern.search(text):
            return TimeResult(None, getattr(parts, name), True)
    return TimeResult(None, None)
