"""Of the days named, the one the caller means.

``pick_date`` is the general choice: mentions taken back lose, past ones lose to upcoming ones, a "…로" target wins,
a day inside a span said before it wins over the span, else the first mention.

Round 15: of several days named, the one the closing request asks for.

A caller often tells a story with days in it and ends by asking for a slot: "어제는 잠을 설쳤거든요 오늘은
괜찮은데 … 목요일 저녁에 시간 있어요", "예약을 목요일로 했었는데 … 다음 주 월요일 같은 시간으로 옮겨 주세요",
"모레로 돼 있는 거 글피로 하루만 미뤄 주세요". When the last day named is followed, up to the end of the sentence,
by nothing but a time and a request, that day is the one meant. A day named as the visit's beats a span told as
the reason, and a weekday told with a past deed is the one just gone. ``understanding`` asks ``pick`` (this, then
``pick_date``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from appliance.language.dates import DateResult

# A "…로" target, maybe after a part of the day, a clock time or "the same time" ("다음주 화요일 점심으로 옮겨")
_TARGET_AFTER = re.compile(
    r"\s?(?:(?:오전|오후|아침|점심|저녁|밤|낮)(?:시간)?\s?)?(?:(?:\d{1,2}|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두)\s?시"
    r"(?:\s?반|\s?\d{1,2}\s?분)?\s?)?(?:(?:같은|똑같은)\s?시간\s?)?(?:으로|로)"  # round 25: "금요일 같은 시간으로"
)
# Between two mentions, words that take the first back: "내일 말고 모레", "월요일은 안 되고 화요일도 애매하고
# 수요일", "내일은 어려운데 모레는 돼요" (round 32) (but "월요일 안 되면 화요일", "월요일 아니면 화요일" keep the
# first as the wish).
_TAKEN_BACK = re.compile(
    r"말고|말구|아니(?!면)|아냐|빼고|대신|안\s?(?:되|돼|될)|못|어렵|어려워|어려운|어려울|힘들|애매|곤란|바빠|바쁘|별로"
    r"|쉬(?:시|는|죠|잖)|휴무|휴진"
    r"|싫(?:고|어|은데)|그럼|그러면|그라믄|그러믄|그렇(?:고|구|긴|지만)|빠듯|촉박|빡빡|꽉\s?차|야간(?:이|근무|조)"
    r"|그\s?(?:전|안)에|그\s?전까지|그\s?$"  # "…복귀하거든요 그 전에 … 월요일": a deadline; "다음 주는 … 그 다다음 주"
)
# After the last date: "월요일만 빼고" takes it back with nothing in its place
_LAST_TAKEN_BACK = re.compile(
    r"\s?(?:만|은|는|도)?\s?(?:빼고|말고|제외|빼면|안\s?되고|말구)|"
    # round 31: "주말엔 가게 바빠서 안 되고 …": a day refused for being busy, with nothing in its place
    r"\s?(?:엔|에는|은|는)?\s?(?:[가-힣]{1,4}\s)?(?:바빠서|바쁘고|바쁘니까|일이\s?있어서|일\s?있어서)\s?안\s?(?:되고|돼서)|"
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


# Between the days a clause ended ("…괜찮은데 …", "…잡혀서요 …"): not days offered as choices ("월요일이나 화요일")
_CLAUSE_ENDED = re.compile(r"(?:요|데|서|고|죠|니까|는데|있는\s?거|잡은\s?거)\s")
# What may follow the requested day up to the end: a time, a treatment word or two, and the request itself
_REQUEST_TAIL = re.compile(
    r"^(?:에|로|으로|쯤|에는|이요|요)?\s?(?:[가-힣0-9:]{1,6}(?<![도야])\s?){0,4}?"
    r"(?:시간\s?(?:있어요|있나요|돼요|되나요)|자리\s?(?:있어요|있나요)|"
    r"(?:으로|로)\s?(?:하루만\s?|좀\s?)?(?:옮겨|미뤄|밀어|바꿔|당겨|잡아|해)\s?(?:주세요|주실\s?수\s?있어요|줘요|주시겠어요)|"
    # round 43: "… 다음 주 수요일로 좀 바꿀 수 있을까요"
    r"(?:으로|로)\s?(?:좀\s?)?(?:옮길|미룰|바꿀|당길)\s?수\s?(?:있을까요|있나요|있어요|있을까)|"
    r"(?:되나요|돼요|될까요|가능해요|가능할까요|부탁드려요|부탁해요|넣어\s?주세요|잡아\s?주세요))\s?[?.]*$"
)


# A day named as the visit's ("이십 일 예약 좀 뒤로 빼 주세요"), after a span told as the reason ("연말 재고 조사를 …")
_VISIT_AFTER = re.compile(r"\s?(?:에\s?)?(?:잡힌\s?|잡은\s?|있는\s?)?예약")


# A weekday told with a past deed ("토요일 뺐는데 담배 언제"): the one just gone, not the one to come
_PAST_DEED_AFTER = re.compile(r"\s?(?:에|날)?\s?(?:이\s?)?(?:뺐|뽑았|했|받았|씌웠|때웠|심었)(?:는데|어요|거든요|고)")


# round 28: a weekday told as a pain's onset ("금요일부터 어금니가 너무 아파서요", "토요일 밤부터 이가 들뜬 느낌이에요")
# or as when a thing broke ("금요일에 냉면 먹다 씌운 게 빠졌어요"): the one just gone, like the onset day of the
# labelling conventions
_SIGN = (r"(?:아프|아파|아팠|아픈|부어|부었|붓|욱신|시리|시려|시렸|시큰|따가|들뜬|들떠|닿아|"
         r"(?<![커카배])피[가나]|열이|흔들|빠졌|깨졌|부러|높은|불편|쑤시|쑤셔|찌릿|뻐근)")
_ONSET_SIGN_AFTER = re.compile(rf"\s?(?:밤|아침|저녁|새벽|오후|오전|점심)?\s?(?:쯤\s?)?부터\s[^.?]{{0,24}}?{_SIGN}")
_BROKE_AFTER = re.compile(r"\s?(?:에|날)\s[가-힣\s]{0,16}?"
                          r"(?:(?:빠졌|깨졌|부러졌|다쳤|떨어졌|부었|떨어져\s?나갔|빠져\s?나왔)"
                          r"(?:어요|는데|거든|고|어)|(?:빠져|깨져|부러져|떨어져)\s?가지고"  # round 37: "빠져가지고"
                          r"|(?:빠져|깨져|부러져|떨어져)\s?버렸(?:어요|는데|거든|고|어))")  # round 46: "빠져버렸어요"
# round 33: the weekday told last, after the breakage ("씌운 게 빠졌어요 월요일에")
_BROKE_BEFORE = re.compile(r"(?:빠졌|깨졌|부러졌|다쳤|떨어졌)(?:어요|는데요|거든요)\s$")
_ENDS_THERE = re.compile(r"(?:에|날)?(?:요)?\s*$")
# round 32: a treatment had on a weekday, the treatment named between ("수요일에 임플란트 수술받았는데요"; a booking
# made, "수요일에 예약했는데", names the visit to come, not this)
_TREATED_AFTER = re.compile(r"\s?(?:에|날)\s(?:[가-힣]+\s){0,2}?[가-힣]*(?:수술|치료|발치|스케일링|시술|레진|크라운)"
                            r"(?:을|를)?\s?(?:받았|했)(?:는데|어요|거든|고)")
# round 43: a treated thing named by its deed with a trouble after ("월요일에 씌운 게 자꾸 걸리적거려요")
_TREATED_THING_AFTER = re.compile(rf"\s?(?:에|날)\s(?:씌운|때운|심은|뺀|뽑은|붙인|맞춘|새로\s?한)\s?"
                                  rf"(?:게|거|데|것이|이)(?:가|는)?\s"
                                  rf"[^.?]{{0,20}}?(?:{_SIGN[3:-1]}|걸리적|거슬|걸려|안맞|안\s맞|덜컥)")
# round 46: a thing left behind on a visit gone by ("토요일에 가서 우산을 놓고 온 것 같아요")
_LEFT_BEHIND_AFTER = re.compile(r"\s?(?:에|날)\s(?:가서|갔을\s?때|갔다가)\s[^.?]{0,16}?"
                                r"(?:두고|놓고|흘리고|빠뜨리고)\s?(?:왔|온|갔|간)")
_LAST_BEFORE = re.compile(r"(?:지난|저번)\s?$")  # round 46: "지난 금요일부터 …": the one gone, said without 주
_A_VISIT_ASKED = re.compile(r"예약|가능|진료|될까|되나요|돼요\?|되죠|봐\s?주|오라")


def past_weekday(text: str, results: list[DateResult]) -> DateResult | None:
    """A single weekday followed by a past deed, an onset or a breakage, moved back a week when it was read as
    the one to come."""
    if len(results) != 1 or results[0].date is None or results[0].weekday_said is None:
        return None
    only = results[0]
    onset = (_ONSET_SIGN_AFTER.match(text, only.end) or _BROKE_AFTER.match(text, only.end)
             or _BROKE_BEFORE.search(text[:only.start]) and _ENDS_THERE.match(text, only.end))
    deed = (_PAST_DEED_AFTER.match(text, only.end) or _TREATED_AFTER.match(text, only.end)
            or _TREATED_THING_AFTER.match(text, only.end) or _LEFT_BEHIND_AFTER.match(text, only.end))
    gone = only.kind == "weekday" and _LAST_BEFORE.search(text[:only.start])
    if not (deed or onset and not _A_VISIT_ASKED.search(text[only.end:]) or gone):
        return None
    day = only.date - dt.timedelta(days=7) if only.date else None
    return DateResult(day, None, only.start, only.end, only.weekday_said, only.kind)


def requested_date(text: str, results: list[DateResult], today: dt.date) -> DateResult | None:
    """The last of several days named when only a time and a request follow it to the end, else ``None``."""
    if len(results) < 2:
        return past_weekday(text, results) if results and results[0].date and results[0].date > today else None
    if results[0].date is None and results[0].date_range is not None:
        named = [r for r in results[1:] if r.date is not None and _VISIT_AFTER.match(text, r.end)]
        if len(named) == 1:
            return named[0]
    last = results[-1]
    if last.date is None or last.date < today or not _CLAUSE_ENDED.search(text[results[-2].end:last.start]):
        return None
    return last if _REQUEST_TAIL.match(text[last.end:].strip()) or _REQUEST_TAIL.match(text[last.end:]) else None


# round 16: the day a visit moves to, with its time kept or said ("28일 2시 예약을 30일 같은 시간으로 옮겨 주세요")
_MOVED_TO = re.compile(r"\s?(?:같은\s?시간|그\s?시간|똑같은\s?시간|[가-힣0-9:]{1,4}\s?시(?:\s?반)?)\s?(?:으로|로)\s?"
                       r"(?:옮|바꿔|바꾸|변경|미뤄|미루|당겨|당기|연기)")
# round 16: only a time follows the last day to the end ("… 화요일이나 목요일로만 돼요 다음 주 화요일 오전 열한 시")
_TIME_TAIL = re.compile(r"^\s?(?:에\s?)?(?:오전|오후|아침|저녁)?\s?[가-힣0-9]{1,3}\s?시"
                        r"(?:\s?반|\s?[가-힣0-9]{1,3}\s?분)?\s?(?:에|요|이요|으로요|로요)?\s?[?.]*$")
# round 16: digits read one by one ("생일이요 팔 칠 공 사 일 구"): "사 일" is no day of the month
_DIGITS_READ = re.compile(r"(?:(?<![가-힣])[공영일이삼사오육칠팔구]\s){2,}$")
_DIGITS_FOLLOW = re.compile(r"(?:\s[공영일이삼사오육칠팔구](?![가-힣])){2,}")


# round 16: a day counted from "그날" (a day the clinic proposed: "그날은 안 되는데 하루 뒤는요") is unknown here, and a
# holiday said to be gone ("현충일 지났는데 그 다음 공휴일은") is not the one asked for
_FROM_THAT_DAY = re.compile(r"그\s?날")
_GONE_AFTER = re.compile(r"\s?(?:은|는|이|가|도)?\s?(?:벌써\s?|이미\s?)?지났")


def _not_digits(text: str, results: list[DateResult]) -> list[DateResult]:
    """Leaves out digits read one by one, a day counted from "그날", and a holiday said to be gone."""
    return [r for r in results
            if not (r.kind in ("dom", "dom_digit") and (_DIGITS_READ.search(text[: r.start])
                                                         or _DIGITS_FOLLOW.match(text, r.end))
                    or r.kind.startswith("offset") and _FROM_THAT_DAY.search(text[: r.start])
                    or r.kind == "holiday" and _GONE_AFTER.match(text, r.end))]


def _moved_or_timed(text: str, results: list[DateResult], today: dt.date) -> DateResult | None:
    """The day a visit is moved to, or the last day when only a time follows it after an ended clause."""
    if len(results) < 2:
        return None
    for r in results[1:]:
        if r.date is not None and r.date >= today and _MOVED_TO.match(text, r.end):
            return r
    last = results[-1]
    if (last.date is not None and last.date >= today and _CLAUSE_ENDED.search(text[results[-2].end:last.start])
            and _TIME_TAIL.match(text[last.end:])):
        return last
    return None


# round 25: a day told as the onset or the span of a past pain ("주말 내내 이가 욱신거렸어요 토요일 밤부터 그랬는데
# 오늘 바로 볼 수 있을까요") is no visit day
_PAST_PAIN = r"(?:그랬|아팠|아프더|욱신거렸|시렸|부었|쑤셨)"
_ONSET_TOLD_AFTER = re.compile(rf"\s?(?:밤|아침|저녁|새벽|오후|오전)?\s?부터\s?(?:계속\s?|쭉\s?)?{_PAST_PAIN}"
                               rf"|\s?(?:내내|동안)\s?(?:[가-힣]{{1,4}}\s)?{_PAST_PAIN}")


_THEN = re.compile(r"(?<![가-힣])(?:그럼|그러면|그럼은)\s(?!.*(?:그럼|그러면)\s)")

# round 27: a day named only as when not to call ("토요일엔 전화 말고 평일 낮에 해 주세요") is no day
_CALL_REFUSED_AFTER = re.compile(
    r"(?:\s?(?:이나|하고|랑)?\s?[월화수목금토일]요일)?"  # round 28: "토요일 일요일엔 전화 주지 마세요"
    r"\s?(?:엔|에는|은|는|에)?\s?(?:전화|연락)(?:는|은)?\s?(?:말고|(?:하지|주지)\s?(?:마|말)|마시고)"
    # round 28: "주말엔 말고 평일 저녁에 다시 전화 주세요"
    r"|\s?(?:엔|에는|은|는)\s?말고\s[^.?]{0,16}?(?:전화|연락)\s?(?:주|해|걸어)")
# round 27: the one day named refused, a move asked ("내일 안 되는데 좀 미뤄 주세요"): no day yet
_REFUSED_AFTER = re.compile(r"\s?(?:은|는)?\s?(?:안\s?(?:되|돼)|못\s?(?:가|와|갈))")


def _round27_choice(text: str, results: list[DateResult]) -> tuple[bool, DateResult | None]:
    """(decided, the day) for the round-27 kinds: a weekday said again with its week ("금요일로요 다음 주 금요일",
    "수요일 예약을 다음 주 수요일로") is that week's; the one day named refused with a move asked is none."""
    for i, r in enumerate(results):
        if r.kind == "weekday" and r.weekday_said is not None:
            for later in results[i + 1:]:
                if later.kind == "rel_week" and later.weekday_said == r.weekday_said and later.date:
                    return True, later
    if (results and results[0].date and all(r.date == results[0].date for r in results)
            and _REFUSED_AFTER.match(text, results[-1].end) and _MOVE.search(text[results[-1].end:])):
        return True, None
    return False, None


# round 28: the day after a booked day named, asked as the move ("목요일 예약 말고 그 다음 날로 돼요")
# round 48: also moved straight on ("다음 주 목요일 예약을 그 다음 날로 옮겨 주세요")
_DAY_AFTER_IT = re.compile(r"\s?(?:예약|거|꺼)?(?:을|를|은|는)?\s?(?:말고|대신|에서)?\s?그\s?다음\s?날\s?(?:로|으로)")


def _day_after_it(text: str, results: list[DateResult]) -> DateResult | None:
    """The day after the one day named when the move goes "to the next day" after it, else ``None``."""
    if len(results) != 1 or results[0].date is None or not _DAY_AFTER_IT.match(text, results[0].end):
        return None
    only = results[0]
    return DateResult(only.date + dt.timedelta(days=1) if only.date else None, None, only.start, only.end)


# round 37: a day put aside, then the one moved to ("내일 말고 목요일로 바꿔 주세요 … 내일 못 올지도"): the latter
_PUT_ASIDE = re.compile(r"\s?(?:예약|거|꺼)?\s?말고\s")
_DAY_MOVED_TO = re.compile(r"\s?(?:날|쯤)?\s?(?:로|으로)(?![가-힣])")


def instead_of_it(text: str, results: list[DateResult]) -> DateResult | None:
    """The first day named with "…로" right after a day put aside with "말고", else ``None``."""
    for index, aside in enumerate(results[:-1]):
        if aside.date is not None and _PUT_ASIDE.match(text, aside.end):
            moved = results[index + 1]
            if moved.date is not None and moved.date != aside.date and _DAY_MOVED_TO.match(text, moved.end):
                return moved
    return None


# round 37: a weekday and "오늘" told together of the same day ("수요일 오늘 저녁 일곱 시" said on a Wednesday)
_TODAY_BESIDE = re.compile(r"\s?(?:이니까|인데|이라)?\s?오늘")


def _weekday_that_is_today(text: str, results: list[DateResult], today: dt.date) -> DateResult | None:
    """Today when a weekday said is today's and "오늘" is told right beside it, else ``None``."""
    for first, second in zip(results, results[1:]):
        if (first.weekday_said == today.weekday() and second.date == today
                and _TODAY_BESIDE.fullmatch(text[first.end:second.end])):
            return second
    return None


# round 44: the hours asked of a bare weekday that is today's ("토요일은 몇 시에 끝나요" on a Saturday, "토요일에도 해
# 주세요?"): today, as the labelled sets mostly do (3 of 5 earlier such labels, and blind73's 3)
_HOURS_OF_IT = re.compile(r"(?:은|는|에도|에는|도)?\s?(?:오전\s?|오후\s?)?(?:진료는?\s?)?"
                          r"(?:몇\s?시\s?(?:까지|부터|에\s?(?:끝|닫|문|열))|원래\s|해\s?주세요$|하세요$)")
_WEEK_BEFORE = re.compile(r"(?:다음|이번|담|다다음|저번|지난)\s?주\s?$")


def _hours_of_today(text: str, results: list[DateResult], today: dt.date) -> DateResult | None:
    """Today when the only day said is today's weekday, bare, with its hours asked right after, else ``None``."""
    if (len(results) != 1 or results[0].kind != "weekday" or results[0].weekday_said != today.weekday()
            or results[0].date == today):
        return None
    said = results[0]
    if _WEEK_BEFORE.search(text[:said.start]) or not _HOURS_OF_IT.match(text, said.end):
        return None
    return dataclasses.replace(said, date=today, date_range=None)


_EVERY = re.compile(r"\s?마다")
_NEXT_MONTH_BEFORE = re.compile(r"다음\s?달(?:도|에도|에|부터)?\s?$")


def _only_a_routine_weekday(text: str, results: list[DateResult]) -> bool:
    """A weekday told as a routine ("토요일마다") and no other day but that weekday next month: no day is meant."""
    routine = [r for r in results if r.weekday_said is not None and _EVERY.match(text, r.end)]
    if not routine:
        return False
    return all(r in routine or r.kind == "rel_month" or (r.weekday_said == routine[0].weekday_said
                                and _NEXT_MONTH_BEFORE.search(text[:r.start])) for r in results)


# round 40: a day in doubt between two told with the verb between ("목요일 예약을 했는지 금요일로 했는지"): the first
# (round 27); a day given as a condition ("내일 쉬시면 모레는 하세요"): the other; a visit moved to a week with no day
# in it ("수요일 예약을 그 다음 주로 좀 미뤄 주세요"): no day (round 38); "오늘까지" beside a day past: until now,
# no day of its own ("지난주 목요일에 신경치료 했는데 오늘까지 계속 욱신거려요")
_IN_DOUBT_AFTER = re.compile(r"\s?(?:예약을?\s?|에\s?|로\s?)?(?:했는지|인지|였는지|이었는지|잡았는지)\s")
_A_CONDITION_AFTER = re.compile(r"\s?(?:에\s?)?(?:쉬시면|쉬면|안\s?하시면|휴진이면|휴무면|문\s?닫으면)\s")
_TO_A_WEEK_MOVED = re.compile(r"\s?(?:로|으로)\s?(?:좀\s?)?(?:미뤄|미루|옮겨|바꿔|밀어)")
_UNTIL_NOW = re.compile(r"\s?까지\s")
# round 48: the week first, the booked day after it ("다음 주로 미루고 싶은데요 금요일 거"): no day, like round 38
_THE_BOOKED_ONE_AFTER = re.compile(r"\s?(?:거|꺼|예약)(?:요|이요|예요)?\s*$")
# round 41: "모렌가 글피에": the first day in doubt (round 27); a day as a bound ("목요일 전이면 다 좋아요"): no day
_IN_DOUBT_ASKED_AFTER = re.compile(r"(?:인가|가)\s")
_A_BOUND_AFTER = re.compile(r"\s?(?:전이면|전까지면|전에만|이전이면|전이어야|전까지만)")
# round 49: the end of one's stay as the bound ("다음 주 화요일에 복귀라 그 전에 돼요", "이십일일이라 그 전이면"): no
# day; a bound before the day asked ("크리스마스 전에 해야 되는데 다음 주 금요일 어때요"): the day asked
_ITS_BOUND_AFTER = re.compile(r"(?:에|가|이)?\s?(?:복귀|출국|출발|입대|개학|제대)?(?:이?라|라서|이라서)"
                              r"\s?그\s?전(?:에|이면|까지)")
_BEFORE_IT = re.compile(r"\s?(?:전에|전까지)\s")


def _round40_choice(text: str, results: list[DateResult], today: dt.date) -> tuple[bool, DateResult | None]:
    """Round 40's choices (above): ``(True, day)`` when one decides, else ``(False, None)``."""
    if len(results) >= 2 and results[0].date is not None and (_IN_DOUBT_AFTER.match(text, results[0].end)
                                                              or _IN_DOUBT_ASKED_AFTER.match(text, results[0].end)):
        return True, results[0]
    if len(results) == 1 and (_A_BOUND_AFTER.match(text, results[0].end)
                              or _ITS_BOUND_AFTER.match(text, results[0].end)):
        return True, None
    if len(results) == 2 and results[1].date is not None and _BEFORE_IT.match(text, results[0].end):
        return True, results[1]
    if len(results) == 2 and results[0].date is not None and _A_CONDITION_AFTER.match(text, results[0].end):
        return True, results[1]
    if (len(results) == 2 and results[0].kind == "rel_week" and _TO_A_WEEK_MOVED.match(text, results[0].end)
            and _THE_BOOKED_ONE_AFTER.match(text, results[1].end)):
        return True, None
    last = results[-1] if results else None
    if (last is not None and last.kind == "rel_week" and last.date is None and len(results) > 1
            and _TO_A_WEEK_MOVED.match(text, last.end)):
        return True, last
    past = [r for r in results if r.date is not None and r.date < today]
    if past and len(results) == 2 and results[1].date == today and _UNTIL_NOW.match(text, results[1].end):
        return True, past[0]
    return False, None


def pick(text: str, results: list[DateResult], today: dt.date) -> DateResult | None:
    """The day the closing request asks for (``requested_date``), else ``pick_date``'s choice."""
    results = _not_digits(text, results)
    called = [r for r in results if not _CALL_REFUSED_AFTER.match(text, r.end)]
    if len(called) < len(results) and not called:
        return None
    results = called
    settled, day = _round40_choice(text, results, today)
    if settled:
        return day
    if (after := _day_after_it(text, results) or instead_of_it(text, results)
            or _weekday_that_is_today(text, results, today) or _hours_of_today(text, results, today)) is not None:
        return after
    if len(results) == 2 and results[0].date_range and (in_it := results[1].date) is not None and (
            results[0].date_range[0] <= in_it <= results[0].date_range[1]):
        return results[1]  # round 34: "다음 주로 미뤄 주세요 다음 주 수요일 오후": the week, then the day in it
    if _only_a_routine_weekday(text, results):
        return None  # round 30: "토요일마다 다니는데 다음 달도 토요일로": a routine, no day
    decided, day = _round27_choice(text, results)
    if decided:
        return day
    if len(results) > 1 and (then := _THEN.search(text)):  # round 26: "… 오늘이 금요일이구나 그럼 다음주 월요일"
        results = [r for r in results if r.start >= then.end() and r.date] or results
    if (len(results) == 2 and results[0].date and results[1].date and results[0].date < results[1].date <= today
            and _ONSET_SIGN_AFTER.match(text, results[1].end)):
        return results[1]  # round 42: "어제 … 뽑았는데 오늘 아침부터 … 붓고": a red flag's onset after the treatment
    if len(results) > 1:  # an onset told before the day asked for loses to it (round 28: signs a few words on)
        results = [r for r in results if not (_ONSET_TOLD_AFTER.match(text, r.end)
                                              or _ONSET_SIGN_AFTER.match(text, r.end))] or results
    return (requested_date(text, results, today) or _moved_or_timed(text, results, today)
            or pick_date(text, results, today))
