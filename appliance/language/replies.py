"""Replies that only the question just asked makes clear: the prior of ``expect`` in the rules.

After "내일 세 시 괜찮으세요?" (``proposal``) "그걸로 해 주세요" is yes and "그 시간엔 일을 해서요" is no; after
"스케일링 예약 도와드릴까요?" (``offer``) "네 잡아 주세요" is yes and "벌써 다른 데서 했어요" is no; after an identity
check (``yes_no``) "저 박 씨 아닌데요" is a wrong number and "엄마 바꿔 드릴게요" is neither; after "불편하신 데
없으세요?" (``wellbeing``) "많이 좋아졌어요" is no and "시린 거 빼고는 괜찮아요" is a symptom.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from appliance.language import asking
from appliance.language import lexicon as lx
from appliance.language import reply_words as rw

if TYPE_CHECKING:
    from appliance.language.understanding_result import Understanding

SURE = 0.92
"""Rule decisions the statistical model never overrides (pure yes/no answers, a fact asked with its keyword)."""
PROPOSAL_EXPECTS = {"proposal", "confirm", "reminder", "date", "time", "slot"}
"""Questions that proposed a slot: a bare "괜찮아요" to them is yes."""
ANSWER_EXPECTS = {"proposal", "offer", "confirm", "reminder", "slot"}
_YES_END = re.compile(
    r"(?:(?:네|예)+(?:돼요|됩니다|좋아요|좋습니다|그래요|괜찮아요|괜찮습니다)|네|예|좋아요|좋습니다|그래요|좋죠|오케이|알겠습니다|그렇게해요|그럴게요)$"
)
# "오후 세 시요? 괜찮아요" (a bare "괜찮아요" is decided by expect)
_OKAY_END = re.compile(r".(?:괜찮아요|괜찮습니다|괜찮죠)$")
IDENTITY_EXPECTS = {"yes_no", "confirm", "reminder"}
# Going after all, in the last words ("아니 … 갈 거라니까요"): not after 못/안
_GOING_END = re.compile(r"(?<![못안])(?:갈게|갈께|가겠|갈거|갈꺼|갑니다|뵐게|봬요|뵙겠)[가-힣]{0,6}$")
# round 18: a yes and that one can come, nothing else said ("네 갈 수 있어요", "예 그날 갈게요")
_YES_THEN_GOING = re.compile(
    r"^(?:네+|예+|응|그럼요)(?:네)*(?:그날|그때|그시간|그시간에|그럼|저|제가)*(?:갈수있(?:어요|습니다|어|죠)|갈게요|갈께요)$"
)
# A reason given as the whole answer ("…해외에 있어서요", "…약속을 잡아서요")
_REASON_END = re.compile(r"(?:(?<!에)서요|이라서|라서|거든요|가지고요|갖고요|(?:날|때|중|주|거)(?:이)?라)$")
# "…저 박 씨 아닌데요": not the person asked for
_NOT_THAT_PERSON = re.compile(r"(?:씨|님|분|사람)?아닌(?:데|가|거든)")
# "아니요 그 시간 아닌데요": the slot read back is wrong, not the person
_NOT_THAT_SLOT = re.compile(r"(?:시간|날짜|날|요일|시|일|때|그거|그게)(?:이|가|은|는)?아닌")
_WRONG_SLOT = re.compile(r"(?:시간|날짜|날|요일)(?:이|가|은|는)?아니(?:에요|예요|야|고|잖|ㄴ데|거든)")
_MOVE_REQUEST = re.compile(r"(?:로|으로)(?:좀)?(?:바꿔|변경|옮겨|미뤄|당겨)|(?:주세요|될까요|있나요|되나요|돼요)$")
# "아 그거 벌써 다른 데서 했어요" to an offer
_DONE_ELSEWHERE = re.compile(
    r"(?:벌써|이미|다른데서|딴데서|다른곳에서|딴곳에서|다른병원에서|다른치과에서|딴치과|딴병원|지난(?:달|주|번)|작년|저번|얼마전|요전|최근|(?:달|주|개월)전|월달?에)"
    r".{0,6}(?:했|받았|끝났|하고있)"
    r"|(?:에서|때|적에)(?:이미|벌써|다)?(?:했|받았)(?:어요|습니다|는데|어)$"  # "회사에서 건강검진 때 했어요"
)
# To a proposed slot, another slot asked for instead: "세 시 말고 네 시로요", "그럼 다음 주로 해 주세요"
# To a proposed slot: "오전은 안 되고 오후면 좋겠는데" turns it down and names another
_NOT_THAT_BUT = re.compile(r"(?:안되|안돼|어렵|힘들|곤란하|그렇)(?:고|구|니까|서)|말고|말구|아니고|대신")
# Someone else's answer passed on ("엄마 뭐라고? 아 목요일이 좋대요"): "뭐라고" was asked of them, not of us
RELAYED_ANSWER = re.compile(r"(?:좋|괜찮|된|안된|싫|낫|가능하)대(?:요|여)?$|(?:하|되|좋|괜찮|가능하)시대요$")
# Passing the call on ("어머니한테 전해 드릴게요"): neither a yes nor a no
_RELAY = re.compile(r"전해(?:드릴|줄|드리|주|놓|드리겠)|전달(?:할|해|드릴|하겠)|말씀(?:드릴|드려)(?:게|께)")
# To a reminder, a plan that clashes with the visit ("그 날 약속 있는데 어떡하지")
_CLASH = re.compile(
    r"(?:약속|일정|선약|출장|여행|시험|행사|결혼식|회의|모임)(?:이|가|도)?(?:있는데|있어서|생겨서|생겼|잡혀|겹)"
)
# To a reminder, thanks or "I had forgotten" after a yes ("네 그 예약 잊고 있었네 고마워요")
_THANKS_FOR_REMINDER = re.compile(r"고마|감사|잊고있었|잊어버리|깜빡|까먹")
_INSTEAD = re.compile(r"말고|말구|아니고|대신|차라리|(?:^|아|아니|음)(?:그럼|그러면|그라믄)")
_SLOT_TARGET = re.compile(
    r"(?:주|일|날|시|반|분|요일|오전|오후|저녁|아침|쯤|때)(?:으로|로)(?:요|해|하|잡|바꿔|부탁|주|돼|될|되|가능|할)"
)
# "그날 말고 다음 주는 안 돼요?", "세 시 대신 다섯 시는 어때요": another day or time asked for instead
_ANOTHER_ASKED = re.compile(
    r"(?:말고|말구|대신).{0,12}(?:은|는)(?:안(?:돼|되|될)(?:요|나요|까요)?|어때요|괜찮아요|가능해요)$"
    r"|(?:일|요일|주|달)(?:로|으로)(?:해|바꿔|옮겨)(?:줘|주세요|주실래요|줘요)$"  # round 11: "…금요일로 해 줘요"
)
# "…근데 괜찮아요" to an offer: no, thank you
_NO_THANKS_END = re.compile(r"(?:괜찮아요|괜찮습니다|됐어요|됐습니다|괜찮아)$")
_BUSY_THEN = re.compile(
    r"그날|그때|그시간|그주|약속|일정|일이|출장|여행|행사|결혼식|시험|수술|입원|모임|집안|제사|돌잔치"
)


# To an offer, "…안 해도 돼요" declines it (not leave asked for: "스케일링이요? 아뇨 안 해도 돼요")
_NO_NEED = re.compile(r"안(?:해|받아|하셔|받으셔|가|와)도(?:돼|되|괜찮)(?:요|습니다|아요)?$"
                      r"|(?:관심|생각|필요)(?:이|은|는|도)?(?:별로)?없(?:어요|어|습니다|는데요|어유|다)$")  # round 11


# Not sure, as the whole answer: "글쎄요", "잘 모르겠어요" (neither a yes nor a no, nor a booking)
_UNSURE = re.compile(
    r"^(?:글쎄(?:요|다|올시다)?|(?:잘)?모르겠(?:어요|는데요|네요|습니다)|잘몰라요|(?:생각|기억)이?안나(?:요|네요))$"
)


# round 10: the person asked for answers ("네 접니다", "제가 어제 그 사랑니 뺀 사람이에요")
_ITS_ME = re.compile(
    r"(?:네|예)?(?:접니다|저예요|저에요|전데요|제가맞|본인맞)|(?:제가|저)(?:요)?[가-힣]{0,14}(?:한|뺀|받은|했던|하는)사람"
    r"(?:이에요|입니다|인데요|예요|이요)|^(?:네|예|제가|저)[가-힣]{0,18}사람(?:이에요|입니다|인데요|예요|이요|맞아요)$|"
    r"^(?:네|예)*(?:정확합니다|정확해요|정확하네요|틀림없어요)"
)
# busy now, and a text asked for instead of the call ("회의 들어가야 돼서요 문자로 주세요"): call back later, by text
_BUSY_NOW = re.compile(
    r"중이(?:라|어서|에요|거든)|들어가(?:봐)?야(?:돼|되|해)|나가(?:봐)?야(?:돼|되|해)|바빠서|바쁘거든"
)
_BY_TEXT = re.compile(r"문자로(?:좀)?(?:남겨|주|줘|보내|넣어|해)")
# a relative answers for the patient, who is not there ("저는 딸인데 엄마 지금 안 계세요")
_RELATIVE_ANSWERS = re.compile(
    r"(?:저|전|제가|나|난)(?:는|은)?(?:딸|아들|남편|아내|와이프|며느리|손자|손녀|사위|동생|언니|누나|오빠|보호자)"
)
# round 14: asked to ring again later ("나중에 다시 걸어 주세요", "이따 전화 주세요")
_CALL_AGAIN = re.compile(r"(?:나중에|이따|있다가|저녁에|내일)(?:다시|또)?(?:걸어|전화|연락)|다시(?:걸어|전화해|연락)")
_PATIENT_AWAY = re.compile(r"안계(?:세|시|셔)|지금없|나가(?:셨|있|계)|출근(?:했|하셨)|외출|주무(?:세|시)|입원")
# busy, but the last words answer the reminder ("…길게 통화가 안 돼요 네 가요")
_YES_GOING_LAST = re.compile(r"(?:네|예)(?:네|예)?(?:가요|갈게요|갈께요|갑니다|갈게|맞아요)$")
# round 12: whether to finish or keep taking what the clinic prescribed
_PRESCRIBED_COURSE = re.compile(
    r"(?:(?:처방|받은|주신|준|타온)약|항생제|진통제|소염제)[가-힣]{0,12}(?:끝까지|계속|마저|다)(?:먹|드)(?:어야|셔야|어도|으면|나요|나)")
# a change read back, agreed ("네 그렇게 바꿔 주세요")
_CHANGE_AGREED = re.compile(r"^(?:네|예)+(?:네|예)?그렇게(?:로)?(?:바꿔|변경해|옮겨|해)")
# an offer taken on a condition ("좋아요 보험 되는 거면 해야죠", "…거면 무조건 해야죠")
_TAKEN_IF = re.compile(
    r"(?:거|것|게)(?:라)?면(?:야)?(?:무조건|당연히|꼭)?(?:해야죠|해야지|하죠|할게요|받아야죠|가야죠)$"
)

# to an offer: the last words decline it ("…필요 없어요", "…이번엔 안 할게요"), or the first words take it
# ("네 할게요 …")
_OFFER_DECLINED_END = re.compile(
    r"(?:필요(?:가)?없(?:어요|습니다|어)|(?:이번엔|지금은|저는)?안(?:할게요|할께요|할래요|받을게요))$"
)
# round 12: this one declined, the next one welcome ("이번 검진은 됐고요 내년에 또 알려 주세요")
_NOT_THIS_TIME = re.compile(
    r"(?:이번|올해|지금|이번달)[가-힣]{0,5}(?:은|는|엔)(?:됐|괜찮|패스|넘어가|건너뛸)[가-힣]{0,3}(?:고|구|는데|지만)(?:요)?"
    r"[가-힣]{0,4}(?:내년|다음|나중|담|하반기)"
)
_BUT = re.compile(r"근데|그런데|그렇지만|다만|하지만")
# round 12: the slot proposed taken ("아 그때면 되겠네요 잡아 주세요"): a yes, not a new booking
# round 14: "그거 얼마예요 가격부터 알려 주세요" to an offer asks the price, it takes nothing yet
_PRICE_ASKED = re.compile(r"얼마(?!나)|가격|비용")
_PROPOSAL_TAKEN = re.compile(r"(?:그때|그시간|그날|그걸로)(?:면|이면|으로|로)?(?:되겠|좋겠|좋아|괜찮|돼요|될)")
_TAKEN_FIRST = re.compile(r"^(?:네|예)+(?:네|예)?(?:할게요|할께요|해주세요|받을게요|해볼게요|좋아요)")
# round 36: a day of one's own put after it ("네 할게요 근데 평일은 안 되고 다음 주 토요일 오전 돼요") books (round 30)
_OWN_DAY = re.compile(r"[월화수목금토일]요일|내일|모레|글피")
_DAY_REFUSED_END = re.compile(r"(?:안돼|안되|못가|어려워|힘들어)(?:요)?[.?!]?$")  # "… 다음 주 화요일은 안 돼요"
# round 36: a reminder answered "can't come (this week)" then another day ("이번 주는 안 되고 다음 주 토요일 …",
# "못 가 다음 주 가요"): a move (round 27), not a yes to "그걸로요" nor a cancel
_CANT_THEN_ANOTHER_DAY = re.compile(r"(?:안되고|안돼서|못가|못갈것같|못가고)[가-힣]{0,3}(?:다음주|담주|다른날|다음달)")
_CALL_LATER = re.compile(r"전화|연락")


def outbound_answer(compact: str, core: str, expect: str | None, has_symptom: bool) -> tuple[str, float] | None:
    """Round 10: answers to the clinic's own outbound questions that other words in them would mislead."""
    if expect in ANSWER_EXPECTS | {"yes_no"} and _BUSY_NOW.search(compact) and _BY_TEXT.search(compact):
        return "callback_later", SURE  # "…발표 중이라서요 문자로 남겨 주세요": busy; the rest by text, later
    if expect == "reminder" and _CANT_THEN_ANOTHER_DAY.search(compact) and not _CALL_LATER.search(compact):
        return "reschedule", SURE  # round 36: "이번 주는 안 되고 다음 주 토요일 열 시 비어 있으면 그걸로요"
    if expect == "offer" and _OFFER_DECLINED_END.search(core) and not (core.endswith("?") or "얼마" in core):
        return "no", SURE  # "어머니는 작년에 벌써 보험으로 틀니 하셨어요 필요 없어요": the last words decline
    if expect == "offer" and _NOT_THIS_TIME.search(core):
        return "no", SURE  # round 12: "이번 검진은 됐고요 내년에 또 알려 주세요": not this one; asking later is no yes
    if expect == "offer" and _TAKEN_FIRST.match(core) and not _OFFER_DECLINED_END.search(core):
        if _OWN_DAY.search(core) and not _DAY_REFUSED_END.search(re.sub(r"\s+", "", core)):
            return "book", SURE  # round 36: "네 할게요 근데 … 다음 주 토요일 오전 돼요": a yes with a day of one's own
        return "yes", SURE  # "네 할게요 근데 혼자는 못 가니까 아들이랑 날짜 맞춰서 할게요"
    if has_symptom or rw.NO_START.match(core) and not _RELATIVE_ANSWERS.search(compact):
        return None
    if expect in IDENTITY_EXPECTS and _RELATIVE_ANSWERS.search(compact) and _PATIENT_AWAY.search(compact):
        if _CALL_AGAIN.search(compact):
            return "callback_later", SURE  # round 14: "저는 아들인데요 아빠는 주무세요 나중에 다시 걸어 주세요"
        return "no", SURE  # "아닌데요 저는 딸인데 엄마 지금 안 계세요": the patient is not there
    if rw.NO_START.match(core) or rw.NEGATION.search(compact) and not _YES_GOING_LAST.search(core):
        return None
    if expect in IDENTITY_EXPECTS and _ITS_ME.search(compact):
        if _BUT.search(compact) and lx.CALLBACK.search(_ITS_ME.sub("", compact)):
            return "callback_later", SURE  # round 12: "네 저예요 근데 지금 통화가 어려워서요 …뒤에 다시요"
        return "yes", SURE  # "음 여보세요 어 네 접니다 자다 깨서 목소리가 이래요"
    if expect in ("reminder", "confirm", "proposal") and _YES_GOING_LAST.search(core) and not (
            lx.RESCHEDULE.search(compact) or lx.CANCEL.search(compact)):
        return "yes", SURE  # "제가 지금 병동 근무 중이라 길게 통화가 안 돼요 네 가요"
    if expect == "confirm" and _CHANGE_AGREED.match(core):
        return "yes", SURE  # "네 그렇게 바꿔 주세요 수요일 세 시": the change read back is agreed
    if expect == "offer" and _TAKEN_IF.search(core) and (rw.YES_START.match(core) or re.match(r"^오?좋", core)):
        return "yes", SURE  # "오 좋아요 학생이라 보험 되는 거면 무조건 해야죠"
    return None


def _place_or_hours_asked_after(core: str) -> bool:
    """Round 12: "네 갈게요 근데 위치가 어디였죠", "…근데 아침 몇 시에 문 열어요": the question after the yes is the
    request (the visit is kept either way)."""
    parts = re.split(r"근데|그런데|그런디|그나저나", core, maxsplit=1)
    return len(parts) == 2 and bool(lx.LOCATION.search(parts[1]) or lx.HOURS.search(parts[1]))


def declines_offer(text: str, core: str, expect: str | None) -> bool:
    """"…아뇨 안 해도 돼요" to an offer: a no, checked before any question about one's teeth."""
    return expect == "offer" and not text.rstrip().endswith("?") and bool(_NO_NEED.search(core))


def context_answer(text: str, compact: str, core: str, expect: str | None, result: "Understanding"
                   ) -> tuple[str, float] | None:
    """Answers that only the question just asked makes clear (the prior of ``expect``)."""
    if _names_the_slot_asked(expect, result) and not (
            asking.strongly_asked(text, compact) or rw.NO_START.match(core) or rw.YES_START.match(core)
            or lx.RESCHEDULE.search(compact) or lx.CANCEL.search(compact) or _REFUSED.search(compact)):
        return "book", 0.85  # "12시 40분이요 점심시간이라" answers "몇 시가 좋으세요?", whatever else it names
    if (expect in IDENTITY_EXPECTS and rw.NO_START.match(core) and _NOT_THAT_PERSON.search(core[2:])
            and not _NOT_THAT_SLOT.search(core)):
        return "wrong_number", 0.8  # "아닌데요 저 박 씨 아닌데요" to "박○○ 님 맞으세요?"
    if expect in ("proposal", "slot") and rw.OTHER_SLOT.search(compact) and not rw.YES_START.match(core):
        return "no", 0.8  # "그 시간은 좀 애매한데요 다른 시간 없어요?"
    if expect in ("proposal", "slot") and _NOT_THAT_ONE.search(core) and not rw.YES_START.match(core):
        return "no", 0.85  # "그 시간 말고요": the slot proposed is turned down, nothing else said
    if expect in ("reminder", "confirm") and _ANOTHER_ASKED.search(compact):
        return "reschedule", SURE  # "그날 말고 그 다음 주는 안 돼요?": another day asked for
    if expect in ("reminder", "confirm") and rw.NO_START.match(core) and _WRONG_SLOT.search(core) and not (
            _MOVE_REQUEST.search(core)):
        return "no", 0.85  # "아뇨 그 날짜 아니에요 제가 바꿨잖아요": the visit read back is not the one booked
    if _UNSURE.match(core):
        return "other", SURE  # "어 글쎄요" to "어떤 치료 받으실 거예요?"
    if expect in ANSWER_EXPECTS | {"yes_no"} and _RELAY.search(compact) and not lx.CANCEL.search(compact):
        return "other", SURE  # "어머니 대신 받았는데 전해 드릴게요": the patient will hear of it
    if expect == "offer" and lx.CANCEL.search(compact) and "예약" not in compact:
        return "no", SURE  # "이사 가서 거기까지 못 가요": there is no visit to cancel, the offer is declined
    if expect in ("reminder", "confirm") and _CLASH.search(compact) and not (
            lx.RESCHEDULE.search(compact) or rw.GOING.search(core)):
        return "cancel", SURE  # "아 맞다 그 날 약속 있는데 어떡하지"
    if expect in ("reminder", "confirm") and rw.YES_START.match(core) and _THANKS_FOR_REMINDER.search(compact) and not (
            lx.RESCHEDULE.search(compact) or lx.CANCEL.search(compact) or rw.NEGATION.search(compact)):
        return "yes", 0.85  # "네 그 예약 잊고 있었네 고마워요"
    if expect in ("proposal", "slot") and _NOT_THAT_BUT.search(compact) and (
            result.date or result.time or result.time_range) and not rw.YES_START.match(core):
        return "no", SURE  # "오전은 안 되고 오후면 좋겠는데": the slot proposed is turned down
    if expect in ("proposal", "slot") and _INSTEAD.search(core) and _SLOT_TARGET.search(compact) and not re.search(
            r"그(?:걸|거|것|때|날|시간)(?:으로|로)", compact):
        return "no", SURE  # "세 시 말고 네 시로 해 주세요": the slot proposed is turned down, the new one is the slot
    negative = rw.NO_START.match(core) or rw.NEGATION.search(compact)
    if rw.ACCEPT.search(compact) and not negative and not (lx.RESCHEDULE.search(compact) or lx.CANCEL.search(compact)):
        new_slot = result.date is not None or (result.time is not None and expect not in ANSWER_EXPECTS)
        if expect in ANSWER_EXPECTS or not new_slot:
            return "yes", 0.85  # "그 시간으로 할게요", "그걸로 잡아 주세요", "문자로 보내 주시면 좋죠"
    last_words = re.sub(r"[^가-힣0-9]", "", " ".join(text.split()[-3:]))
    if expect in ANSWER_EXPECTS and rw.ACCEPT.search(last_words) and not (
            rw.NO_START.match(core) or lx.RESCHEDULE.search(compact) or lx.CANCEL.search(compact)):
        return "yes", 0.85  # "지금 사무실이라 길게 못 해요 그 시간 좋아요": the last words accept
    if (expect == "wellbeing" and lx.SYMPTOM.search(compact) and re.search(r"빼고|말고|빼면|외에는|만빼", compact)
            and not negative_symptom(compact)):
        return "symptom", SURE  # "아직 조금 시린 거 빼고는 괜찮아요"
    if _PRESCRIBED_COURSE.search(compact):
        return "medical_question", SURE  # round 12: "처방해 준 약 안 아파도 끝까지 다 먹어야 돼요" (not "안 아파요")
    if expect == "wellbeing" and rw.WELL.search(compact) and not (
            lx.SYMPTOM.search(rw.WELL.sub("", compact)) or negative):
        return "no", SURE  # "많이 좋아졌어요" to "불편하신 데 없으세요?"
    if expect in ("reminder", "confirm", "proposal") and rw.GOING.search(core) and not (
            lx.RESCHEDULE.search(compact) or negative or _place_or_hours_asked_after(core)):
        return "yes", 0.8 if result.date or result.time else SURE  # "아이고 깜빡했네 갈게요" to a reminder
    if expect in ("reminder", "confirm", "proposal") and _GOING_END.search(core) and not (
            lx.RESCHEDULE.search(compact) or _place_or_hours_asked_after(core) or re.match(
                r"아니요|아뇨|아니오|아니에요|아닙니다", core)):
        return "yes", 0.8  # "아니 확인 전화를 왜 세 번이나 해요 갈 거라니까요": the last words count
    if _REASON_END.search(core) and not (rw.YES_START.match(core) or rw.OKAY.search(core) or rw.GOING.search(core)
                                         or asking.asked_before_reason(text)):  # "그날 몇 시간 걸려요 회사에 …돼서요"
        if expect in ("proposal", "slot") and not (result.date or result.time):
            return "no", 0.8  # "아 그 주는 제가 해외에 있어서요": a reason is the answer
        if expect in ("reminder", "confirm") and _BUSY_THEN.search(compact) and not lx.RESCHEDULE.search(compact):
            return "cancel", 0.75  # "아 그날 제가 깜빡하고 다른 약속을 잡아서요"
        if expect == "offer" and not (result.date or result.time):
            return "no", SURE  # "어머니가 이제 치과 다니시기 힘드셔서요", "제가 지금 해외라서요"
    if expect == "treatment" and re.search(r"(?:요|이요)$", core) and len(core) <= 12 and not (
            rw.NO_START.match(core) or rw.YES_ONLY.match(core) or re.search(r"모르|몰라|글쎄|아직", core)):
        return "book", 0.7  # "아이는 불소 도포요": a treatment the lexicon does not know is still the answer
    took = rw.TAKE_OFFER.search(core) or rw.TAKE_OFFER.search(asking.before_afterthought(text, core)) or (
        rw.TAKE_OFFER.search(re.split(r"근데|그런데", core)[0]))  # "네 예약해 주세요 근데 몇 시가 비어요"
    if expect == "proposal" and took and _PROPOSAL_TAKEN.search(core) and not (negative or result.date or result.time):
        return "yes", SURE
    if expect == "offer" and took and not (
            negative or result.date or result.time or _PRICE_ASKED.search(compact)
    ):  # "네 그럼 해 주세요 검진도": the afterthought adds to it
        return "yes", SURE  # "네 잡아 주세요" to "스케일링 예약 도와드릴까요?"
    said_yes = ((_YES_END.search(core) or expect in PROPOSAL_EXPECTS and _OKAY_END.search(core))
                and not text.rstrip().endswith("?"))
    if expect in ANSWER_EXPECTS | {"yes_no"} and not negative and said_yes and not (
            lx.RESCHEDULE.search(compact) or lx.CANCEL.search(compact)):
        return "yes", 0.85  # "두 시요? 네 됩니다", "오후 세 시요? 괜찮아요"
    if expect in ("proposal", "slot") and rw.OTHER_SLOT.search(compact) and not rw.YES_START.match(core):
        return "no", 0.75  # "그 시간엔 일을 해서요"
    if expect in ("date", "time", "proposal") and rw.ANY_TIME.search(compact) and not negative:
        return "book", 0.7  # "담주 아무 날이나요"
    if expect in IDENTITY_EXPECTS and rw.HANDOVER.search(compact):
        return "other", 0.7  # "우리 엄마 바꿔 줄까요": the patient is coming to the phone
    if expect == "wellbeing" and re.search(r"안(?:아파|아프|아퍼|시려|시리|불편|부어|붓)", compact) and not re.search(
            r"아직|좀|조금|약간|가끔", compact):
        return "no", 0.8  # "괜찮어유 안 아퍼유"
    if expect == "offer" and _DONE_ELSEWHERE.search(compact):
        return "no", 0.85  # "아 그거 벌써 다른 데서 했어요"
    if expect in ("offer", "yes_no") and _NO_THANKS_END.search(core) and not rw.YES_START.match(core):
        return "no", 0.85  # "전화 주셔서 고마워요 근데 괜찮아요" to an offer
    if rw.GO_AHEAD.search(compact) and not lx.BOOK.search(compact):
        return ("yes", SURE) if expect in IDENTITY_EXPECTS | {"offer"} else ("other", SURE)  # "네 말씀하세요"
    return None


_NOT_THAT_ONE = re.compile(  # round 11: "그 시간 안 돼"
    r"^(?:그|이|저)?(?:시간|날|날짜|요일|때|주|거)(?:은|는)?(?:말고|말구|빼고|안돼|안되는데|힘들어|어려워)(?:요)?$"
)
_REFUSED = re.compile(r"안(?:되|돼|될)|말고|말구|빼고|어렵|힘들|곤란|애매|싫")


def _names_the_slot_asked(expect: str | None, result: "Understanding") -> bool:
    if expect == "date":
        return bool(result.date or result.date_range)
    if expect == "time":
        return bool(result.time or result.time_range)
    return expect == "treatment" and result.treatment is not None


def negative_symptom(compact: str) -> bool:
    return bool(re.search(r"안(?:아파|아프|아퍼|시려|시리|불편|부어|붓)", compact))


def yes_no(compact_core: str, expect: str | None, has_topic: bool) -> tuple[str, float] | None:
    """yes/no for answer-like utterances; None when the utterance is about something else."""
    okay = bool(rw.OKAY.search(compact_core))
    okay_means_yes = expect in PROPOSAL_EXPECTS
    if rw.NO_START.match(compact_core) and not has_topic:
        return "no", SURE
    if okay and rw.OKAY_TIME.search(compact_core) and (not has_topic or okay_means_yes):
        return "yes", 0.85
    if okay and not has_topic and (rw.NO_ONLY.match(compact_core) or rw.YES_ONLY.match(
            rw.OKAY.sub("", compact_core) or "네")):
        if okay_means_yes:
            return "yes", 0.85
        return "no", 0.8 if expect else 0.6
    if rw.YES_ONLY.match(compact_core):
        return "yes", SURE
    if rw.NO_ONLY.match(compact_core):
        return "no", SURE
    if expect is None and rw.THANKS_FIRST.match(compact_core) and rw.SEE_YOU.search(compact_core):
        return "other", SURE  # "고맙습니다 그럼 그날 뵐게요" out of the blue: a goodbye (round 35: sure, 2 of 2 labels)
    if rw.SEE_YOU.search(compact_core) and not has_topic:  # "내일 봬요" in a reminder call
        return "yes", 0.8
    if _YES_THEN_GOING.match(compact_core):
        return "yes", SURE  # round 18: "네 갈 수 있어요" is a yes, not a question about getting there
    if rw.YES_START.match(compact_core) and not has_topic and not rw.GREETING.search(compact_core):
        return "yes", 0.75
    return None



def polarity(core: str, intent: str) -> str | None:
    """The reply's polarity whatever the intent ("네 근데 시간 바꿀 수 있어요?" is a reschedule and a yes)."""
    if intent in ("yes", "no"):
        return intent
    if intent in ("cancel", "opt_out", "wrong_number"):
        return "no"
    if rw.NO_START.match(core):
        return "no"
    if rw.YES_START.match(core):
        return "yes"
    return None
