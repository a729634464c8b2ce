"""Round 16: replies to the clinic's questions and calls said with an aside the older reply rules misread.

Read early by ``understanding`` (after emergencies, opt-outs and questions about the call): each rule is tied to the
question just asked (``expect``) and says one of the reply kinds (yes, no, callback_later, wrong_number, other) or
nothing. Examples it decides:

* a yes with who answers or who goes: "엄마 귀가 안 들리셔서 저랑 얘기하세요", "제가 모시고 갈게요", "와이프 예약인데
  가는 거 맞아요 제가 전해 줄게요", a yes passed on from someone at the caller's side ("여보 … 돼? 응 된대요");
* a yes to be kept short: "네 맞는데 짧게 해 주세요 회의 들어가요" (busy is why to be brief, not a callback);
* a read-back confirmed in full ("네 맞아요 다음 주 화요일 저녁 일곱 시 스케일링"): a yes, not a new booking;
* a proposed day turned down for another ("목요일은 싫고 금요일 세 시 반은요") and a read-back's day taken back
  ("그날 말고요 다음 주 월요일로 해 주세요"): a no carrying the new slot;
* a plain no to a question: "아니요 아직 못 들었는데요", "아니요 전 아닌데요 근데 무슨 일로요";
* thinking an offer over with its terms in hand ("이번 달 말까지예요 그럼 생각해 보고 전화 드릴게요", "생각해 보고
  연락드릴게요 일단 문자 하나 보내 주세요"): a call back later, where a bare "생각해 보고 연락드릴게요" stays a no;
* not an answer yet: "다시 한 번만 말씀해 주세요", "잠깐만 버스 내리고요", "카드 여기요 네 말씀하세요", "어디서 거신
  거예요 무슨 일로요";
* a number dialled by mistake: "아 죄송해요 세탁소에 건다는 게".

Also :func:`without_exertion`: out of breath from exercise ("헬스장이라 숨이 차서요") is why one pants on the phone,
no emergency. Pure: compact text in, an intent out. The words are matched on the compact text (no spaces).
"""

from __future__ import annotations

import re

from appliance.language.replies import SURE

IDENTITY = frozenset({"yes_no", "confirm", "reminder"})

# --- out of breath from exercise ------------------------------------------------------------------------------
_EXERTION_BREATH = re.compile(
    r"(?:헬스|운동|뛰어|뛰다|뛰는|달리|계단|등산|산에|자전거|수영|러닝|조깅)[가-힣]{0,10}?숨(?:이|가)?(?:차|가빠|가쁘)"
    r"(?:서|가지고|네|요|고)?(?:요)?"
)


def without_exertion(compact: str) -> str:
    """The text without breathlessness explained by exercise (what is left is still read for red flags)."""
    return _EXERTION_BREATH.sub("", compact)


# --- yes ------------------------------------------------------------------------------------------------------
# who speaks for the patient: "저랑 얘기하세요", "저한테 말씀하시면 돼요"
_SPEAK_WITH_ME = re.compile(
    r"(?:저랑|저하고|저한테|제가)(?:얘기|이야기|말씀|통화)(?:하세요|하시면|하셔도|해주세요|들을게)"
)
# who takes the patient along, passes it on: "제가 모시고 갈게요", "제가 전해 줄게요"
_GOING_ALONG = re.compile(r"(?:모시고|데리고|데려)(?:갈|올|가겠|가께|가요)|(?:가는|오는|온|간)(?:거|게)맞(?:아|죠|습)")
_PASSED_ON = re.compile(r"전해(?:줄|드릴|주겠|드리겠)(?:게|께)|전할(?:게|께)")
# a yes passed on from someone at the caller's side: "응 된대요", "괜찮대요"
_RELAYED_YES = re.compile(r"(?<!안)(?<!못)(?<!안괜)(?:된대|돼대|괜찮대|좋대|가능하대|간대)요?$")
# a yes that only asks to be brief: "네 맞는데 짧게 해 주세요"
_YES_BRIEF = re.compile(
    r"^(?:네|예)+(?:맞(?:는데|지만|아요근데)|본인(?:인데|이에요근데))[가-힣]{0,6}(?:짧게|간단히|빨리)"
)
_YES_CONFIRMED = re.compile(r"^(?:네|예)+(?:맞아요|맞습니다|맞고요|맞죠)")

# --- no -------------------------------------------------------------------------------------------------------
# a proposed day turned down for another: "목요일은 싫고 금요일 …은요"
_DAY_TURNED_DOWN = re.compile(r"(?:요일|일|날|시)(?:은|는)(?:싫|안되|안돼|곤란|좀그렇)(?:고|구|은데|는데)")
# a read-back's day taken back: "그날 말고요 …로 해 주세요"
_DAY_TAKEN_BACK = re.compile(r"(?:그날|그때|그시간|그요일)(?:은|는)?(?:말고|말구|아니고)")
_MOVE_ASKED = re.compile(r"^(?:네|예)|변경|바꿔|바꾸|옮겨|옮기|미뤄|미루|취소")  # "네 그 시간 말고 … 변경 가능해요"
_PLAIN_NO = re.compile(r"^(?:아니|아뇨|아니요|아니오)(?:아직(?:못|안)(?:들었|받았|봤)|전아닌데|저아닌데)")

# --- thinking it over with the offer's terms in hand -----------------------------------------------------------
_THINK = re.compile(r"생각(?:좀)?해(?:보|볼)|고민(?:좀)?해(?:보|볼)")
_CALL_BACK = re.compile(r"(?:전화|연락)(?:드릴|할|줄)(?:게|께)")
_TERMS_IN_HAND = re.compile(r"까지(?:예요|에요|죠|라고요|래요|이죠)|문자[가-힣]{0,6}보내(?:주|줘)")

# --- not an answer yet ----------------------------------------------------------------------------------------
_SAY_AGAIN = re.compile(r"다시(?:한번|한번만|한번더)?말씀(?:해|좀해)(?:주|줘)")
_ONE_MOMENT = re.compile(
    r"^(?:아|어)?잠깐(?:만)?(?:요)?[가-힣]{0,8}(?:내리고|타고|들어가고|나가고|내리구|세우고|옮기고)(?:요)?$"
)
_HANDED_OVER = re.compile(
    r"^(?:아|어)?잠깐(?:만)?(?:요)?[가-힣]{0,8}여기(?:요|있어요)(?:네|예)?말씀(?:하세요|하십시오)$"
)
_WHO_CALLS = re.compile(r"(?:어디서|어디에서)(?:거신|전화하신|전화하셨|전화주신|연락하신)|어느동네치과")
ANSWERS = frozenset({"proposal", "offer", "confirm", "reminder", "slot", "yes_no"})

# --- a number dialled by mistake ------------------------------------------------------------------------------
_MEANT_ELSEWHERE = re.compile(
    r"(?:에|한테|로)(?:건다는|걸려던|걸려고했던|전화한다는|전화하려던)(?:게|것이|건데)|(?:에|한테)건(?:건데|거예요|거에요)"
    r"|(?:시키려고|주문하려고|배달시키려)(?:했는데|한건데)"
)
# not the person asked for: "여기 그런 이름 쓰는 사람 없어요", "다른 분 찾으시는 것 같아요"
_NO_SUCH_PERSON = re.compile(r"그런(?:이름|분|사람)[가-힣]{0,6}없|다른(?:분|사람)(?:을|를)?찾으시")

# --- later, in few words --------------------------------------------------------------------------------------
_LATER = re.compile(
    r"(?:조금|좀)있다(?:가)?(?:다시)?(?:할|전화할|연락할|통화할)(?:게|께)|가서(?:다시)?(?:전화|연락)(?:드릴|할)(?:게|께)"
    r"|(?:넘어서|이후에|지나서|후에|끝나고)통화(?:가능|돼|되)|바쁘[가-힣]{0,4}문자로|중이에요이따"
    r"|물어봐야[가-힣]{0,16}다시전화(?:주|줘)"
)
# an offer taken in other words ("마침 잘됐네요 할게요", "네 그럼 검진 한번 받아 볼게요")
_OFFER_TAKEN = re.compile(
    r"마침잘됐[가-힣]{0,4}(?:할|갈)(?:게|께)|^(?:네|예)그럼[가-힣]{0,10}(?:받아볼|해볼)(?:게|께)요?$"
)
# an offer declined for a reason ("다른 데 다니고 있어서", "얼마 전에 받아서 이번엔 안 받아도")
_OFFER_DECLINED = re.compile(
    r"다른(?:데|곳|치과)(?:다니|다녀)|(?:은|는)됐(?:고요|구요|어요|습니다|네요)$"
    r"|(?:얼마전|지난달|최근|저번달)(?:에)?[가-힣]{0,4}받아서"
)
# doing fine, to "불편하신 데 없으세요?": "걱정 안 하셔도 돼요", "괜찮아요 전화 주셔서 고마워요"
_DOING_FINE = re.compile(r"걱정(?:안|않)하셔도|^괜찮아요[가-힣]{0,8}(?:고마워|고맙|감사)")
# thanks for the call and nothing else ("일부러 전화 주셔서 감사해요", as 애써): no answer; to "불편하신 데 없으세요?" a
# "괜찮아요" before it makes it a no (``_DOING_FINE``)
_THANKS_ONLY = re.compile(
    r"^(?:애써|이렇게|정말|너무|아이고|어머)*(?:전화|연락)(?:를|까지)?(?:다)?(?:주셔서|해주셔서|줘서|주시고)"
    r"(?:정말|너무)?(?:감사|고맙|고마워)[가-힣]{0,5}$"
)
# what was said asked again: "몇 시라고요", "누구 찾으신다고요"
_ASKED_AGAIN = re.compile(
    r"(?:몇시|언제|며칠|무슨요일)(?:이)?(?:라고요|라구요|라고하셨어요)(?:다시(?:한번)?(?:만)?(?:요)?)?$|누구(?:를)?찾으신다고"
)


def reply_aside(compact: str, core: str, expect: str | None, has_slot: bool) -> tuple[str, float] | None:
    """The reply kind of an answer said with an aside, or None when no rule here applies."""
    if _MEANT_ELSEWHERE.search(compact) or expect in IDENTITY and _NO_SUCH_PERSON.search(compact):
        return "wrong_number", SURE
    if expect in ANSWERS and (_WHO_CALLS.search(compact) or _ASKED_AGAIN.search(compact)):
        return "other", SURE
    if expect == "wellbeing" and _DOING_FINE.search(core):
        return "no", SURE
    if expect != "wellbeing" and _THANKS_ONLY.search(core):
        return "other", SURE
    if (expect in ANSWERS or expect is None) and _LATER.search(compact):
        return "callback_later", SURE
    if expect in IDENTITY and (kind := _identity_reply(compact, core, expect)) is not None:
        return kind
    if expect == "offer" and (kind := _offer_reply(compact, core, has_slot)) is not None:
        return kind
    if expect in ("proposal", "slot") and has_slot and _DAY_TURNED_DOWN.search(compact):
        return "no", SURE
    if expect == "proposal" and _RELAYED_YES.search(core):
        return "yes", SURE
    if expect == "confirm" and has_slot and _DAY_TAKEN_BACK.search(compact) and not _MOVE_ASKED.search(core):
        return "no", SURE
    return None


def _identity_reply(compact: str, core: str, expect: str) -> tuple[str, float] | None:
    if _PLAIN_NO.search(core):
        return "no", SURE
    if _YES_BRIEF.search(core) or _SPEAK_WITH_ME.search(compact):
        return "yes", SURE
    if expect in ("reminder", "confirm") and (
            _GOING_ALONG.search(compact) or _PASSED_ON.search(compact) and re.search(r"맞(?:아|죠|습)", compact)):
        return "yes", SURE
    if expect == "confirm" and _YES_CONFIRMED.search(core) and not re.search(r"근데|그런데|는데|바꿔|말고", core):
        return "yes", SURE
    return None


def _offer_reply(compact: str, core: str, has_slot: bool) -> tuple[str, float] | None:
    if _SAY_AGAIN.search(compact) and not re.search(r"얼마|가격|비용", compact):
        return "other", SURE
    if _ONE_MOMENT.search(core) or _HANDED_OVER.search(core):
        return "other", SURE
    if _OFFER_TAKEN.search(core) and not has_slot:  # "네 그럼 다음 주 화요일에 해 볼게요" books
        return "yes", SURE
    if _OFFER_DECLINED.search(compact):
        return "no", SURE
    if _THINK.search(compact) and _CALL_BACK.search(compact) and _TERMS_IN_HAND.search(compact):
        return "callback_later", SURE
    return None
