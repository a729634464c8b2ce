"""Kinds of speech of two ordinary clinic days (issue 15, round 39: blind62, a clinic seeing a care home's residents
in November, and blind63, the week before Christmas).

Body kinds, read by ``care_boundaries`` before the emergency words (``body_kind``):

- a red flag told, then a day asked or "can it wait" ("고름이 나오고 열이 나는데 내일 가도 되나요", "숨쉬기가
  힘든데 주말까지 참아도 돼요"): ``emergency``: fever with pus or a swelling, trouble breathing or swallowing,
  bleeding that will not stop. The ask does not make it a question (a fever alone asked about stays round 20's
  ``medical_question``, pus alone asked whether it can wait round 38's);
- pus told alone, with no fever, swelling, blood or breathing trouble beside it, and nothing asked ("임플란트 한
  데 잇몸에서 고름 같은 게 나와요"): ``symptom`` (5 of 7 such earlier labels; with a red flag beside it, or "계속",
  "많이", it stays an emergency);
- bleeding asked about as what a treatment would do ("피 잘 멈추는 약 먹는데 이 빼면 피 많이 나요?"): a
  ``medical_question``, no bleeding told.

A fever denied ("열은 없어요") or a ten o'clock ("열 시") is no fever (``without_denied_fever``).
"""

from __future__ import annotations

import re

from appliance.language import lexicon as lx
from appliance.language.kind_rules import KindRule

# "열 시", "열한 시", "열 번", "열 개": a number; "열은 없어요", "열은 안 나요": a fever denied
_TEN_OR_DENIED = re.compile(
    r"열(?:한|두)?(?:시|번|개|명|살|분|장|알|군데)|열(?:은|이|도|까지)?(?:없|안나|안났|안올|내렸|떨어졌|다내)")
_FEVER = re.compile(r"고열|열(?:이|도|까지)?(?:좀|조금|많이|계속|살짝)?(?:나|있|올|났)|미열|[삼3][십9]?[칠팔구789]도")
_PUS = re.compile(r"(?:피)?고름")
_SWELLING = re.compile(r"부었|부어|붓|퉁퉁|부은|부기|붓기")
_BREATH_OR_SWALLOW = re.compile(
    r"숨(?:이|도|쉬기)?(?:가|도)?(?:좀|너무)?(?:차|막히|막혀|가쁘|가빠|힘들|힘드|힘든|답답|어려|어렵)|"
    r"(?:삼키기|삼키는게|삼키는거|침삼키)(?:가|도|를)?(?:좀|너무)?(?:힘들|힘드|힘든|어려|어렵|못)")
_BLEEDING_ON = re.compile(
    r"(?<![커카배])피(?:가|도)?(?:계속|안|아직도|자꾸)[가-힣]{0,3}(?:안멈|멈추지|멈추질|안그치|나와|나요|나는)|"
    r"(?<![커카배])피(?:가|도)?(?:안멈|멈추지|멈추질|안그치)")
# "내일 가도 되나요", "주말까지 참아도 돼요", "기다려도 될까요", "좀 있다 가도 돼요"
_CAN_IT_WAIT = re.compile(
    r"(?:기다려도|참아도|버텨도|있다가가도|있다가도|(?:내일|모레|주말|다음주|월요일|화요일|수요일|목요일|금요일|토요일|"
    r"일요일|나중에|이따|낼)(?:에|까지|쯤)?(?:가도|와도|봐도|진료받아도))(?:되|돼|될|괜찮)")
_PUS_ALARM = re.compile(r"계속|많이|심하|너무|터졌|터져|(?<![커카배])피(?:가|나|도|랑)|얼굴|턱까지|목까지")
_ASKED = re.compile(r"\?|가도|와도|예약|잡아|갈게|갈께|가려고|봐주|짜도|정상|원래|"
                    r"(?:나요|까요|가요|돼요|되나|되죠|괜찮|해야|어떡|어떻게|왜|뭐)[가-힣]{0,3}$")
# a treatment's bleeding asked ("스케일링하면 피 많이 나요?", "이 빼면 피가 많이 날까요"), not bleeding told at a
# brushing ("양치하면 피가 나요")
_BLEEDING_IF = re.compile(
    r"(?<!양치)(?<!칫솔질)(?<!닦)(?:하면|받으면|빼면|뽑으면|심으면|하고나면|받고나면)(?:는|도)?[가-힣]{0,3}"
    r"(?<![커카배])피(?:가|도|는)?(?:많이|잘|오래|좀)?(?P<end>날까요|날까|나나요|나는지|날지|나요\?|나죠\?|나요)\??$")
_MEDICINE_TOLD = re.compile(r"(?:약|항응고제|아스피린|와파린)(?:을|를)?(?:먹|복용|드시)")


def without_denied_fever(compact: str) -> str:
    """``compact`` without the words of a fever denied and of ten ("열 시"): neither is a fever."""
    return _TEN_OR_DENIED.sub("", compact)


def red_flag_then_wait_asked(compact: str) -> bool:
    """A red flag told, then a day or "can it wait" asked: still an emergency (module docstring)."""
    if not _CAN_IT_WAIT.search(compact):
        return False
    body = without_denied_fever(compact)
    fever = _FEVER.search(body)
    return bool(fever and (_PUS.search(body) or _SWELLING.search(body)) or _BREATH_OR_SWALLOW.search(body)
                or _BLEEDING_ON.search(body))


def pus_told_alone(compact: str) -> bool:
    """Pus told with nothing alarming beside it and nothing asked: a symptom."""
    if not _PUS.search(compact) or _ASKED.search(compact):
        return False
    body = without_denied_fever(compact)
    if _FEVER.search(body) or _SWELLING.search(body) or _BREATH_OR_SWALLOW.search(body) or _PUS_ALARM.search(body):
        return False
    return not lx.EMERGENCY.search(_PUS.sub("", body).replace("나와", ""))


def body_kind(compact: str) -> tuple[str, float] | None:
    """Round 39's body kinds (module docstring), or ``None``."""
    if red_flag_then_wait_asked(compact):
        return "emergency", 0.95
    if pus_told_alone(compact):
        return "symptom", 0.93
    bleeding = _BLEEDING_IF.search(compact)
    if bleeding and (bleeding.group("end") not in ("나요",) or _MEDICINE_TOLD.search(compact)):
        return "medical_question", 0.95
    return None


# --- the caller's errands (``RULES``), consulted at stage 2 (``caller_errands``) after ``rainy_day_kinds``, behind
# the refusal / red-flag guard:
#
# - the last (or first) slot of a day asked to the time question ("그날 마지막 타임이 몇 시예요"): ``book`` (round
#   27: an answer to the slot asked books; the clinic's closing hour asked out of the blue stays ``ask_hours``);
# - an hour one can reach the clinic by, asked "may I come by then" ("퇴근하고 일곱 시까지 가면 돼요"): ``book``
#   (a visit asked by its time; "몇 시까지 가면 돼요", no hour given, stays the hours);
# - a group's visit or a home visit asked about ("경로당 분들 단체로 받아 주시나요", "왕진도 하세요"):
#   ``question_other`` for staff, unless a booking is asked in so many words;
# - whether another person qualifies for an offer, told by what they are ("제 딸이 중학생인데 걔도 받을 수
#   있어요"): ``question_other``;
# - a visit forgotten, then booked again ("깜빡하고 못 갔는데 다시 잡아 주세요"): ``book`` (round 35: a missed
#   visit taken up again on a new day);
# - a reminder answered with a day to move to, asked to put it off ("그날 차가 없어서 다음 주 화요일로 미뤄 주세요"):
#   ``reschedule`` (round 27);
# - another of the family added to an offer, a treatment or "둘이" between ("네 할게요 남편도 스케일링 같이 해 주세요",
#   "우리 영감도 같이 둘이 잡아 주쇼"): ``book`` (round 25: a yes with a person added);
# - an offer taken with "해야죠", then "when": ``yes`` (the day is for the next question);
# - after a proposal turned down, another day's free hours asked ("그럼 모레는 몇 시 비어요"): ``book``;
# - a visit wished with the price asked in passing ("임플란트 상담 받고 싶은데 가격도 궁금해요"): ``book``;
# - a reminder answered "on my way now" ("지금 나가요", "가는 중이에요"), nothing moved: ``yes``;
# - a missed call returned, told with nothing asked ("전화를 못 받았는데 치과에서 전화 왔길래요"): ``question_other``;
# - the clinic checked ("…치과 맞죠"), then a trouble told: ``symptom``, not the place asked;
# - a read-back held ("아 잠깐만요") and one part of it changed, or one part changed and the rest kept ("…로 바꿔
#   주세요 시간은 그대로요"): ``no`` (round 24: a read-back accepted but for one part changed);
# - several people booked at once ("아이 둘 한 번에 예약 될까요"): ``book``;
# - a reminder moved on, clipped ("그날 일이 있어서 다음 주로 좀"): ``reschedule``;
# - whether the clinic opens on a day asked ("공휴일에도 하는 치과예요", "25일도 하나요"): ``ask_hours``;
# - a yes with a day of one's own asked ("네 그럼 금요일 열 시 되는가요"): ``book`` (round 30);
# - fine on a wellbeing call ("아무렇지도 않아요", "어제보다 낫네요 고마워요"): ``no`` (rounds 27 and 34);
# - a diary looked at, then a yes to the slot proposed ("잠깐만요 수첩 좀 보고요 네 돼요"): ``yes``.

_EDGE_SLOT = re.compile(r"(?:마지막|제일늦은|가장늦은|맨끝|첫|제일빠른|가장빠른|맨처음)(?:타임|시간|예약|진료|순서)"
                        r"[가-힣]{0,3}(?:몇시|언제)")
_BY_AN_HOUR = re.compile(r"(?:[한두세네섯곱덟홉열]|\d)시(?:반)?까지(?:가면|가도|도착하면|들어가면)(?:되|돼|될|괜찮)")
_GROUP = re.compile(r"단체|(?:어르신|할머니|할아버지|분)들(?:을|도)?(?:다|한꺼번에|같이)|"
                    r"(?:요양원|경로당|복지관)(?:분들|식구|어르신)")
_GROUP_ASKED = re.compile(r"문의|받을수있|받아주|되는건가|몇분까지|가능한가|하시나요|해주시나요")
_HOME_VISIT = re.compile(
    r"왕진|방문진료|출장진료|(?:집|요양원|시설)(?:으로|까지)(?:와서|오셔서|오실|와주)|"
    r"방문(?:해서|하셔서)(?:봐|진료|치료)(?:주시는|해주시는|주는|하는)(?:건|거|게)")
_BOOKING_SAID = re.compile(r"예약|잡아|넣어")
_STAFF_ASKED = re.compile(r"바꿔|연결|통화|원장님|실장님")
_WHAT_THEY_ARE = re.compile(r"(?:대학생|학생|초등학생|중학생|고등학생|군인|외국인|직장인|[일이삼사오육칠팔구십\d]+살)"
                            r"(?:인데|인디|이라|이에요|이거든)")
_THEY_QUALIFY = re.compile(r"(?:도|는)(?:받을수있|해당(?:되|돼)|대상이|될수있|되는가|되나|돼요|받을수있는가)")
_FORGOT_THE_VISIT = re.compile(r"(?:깜빡|잊어버리|잊고|까먹)[가-힣]{0,6}(?:못갔|못왔|안갔|못가)")
_BOOKED_AGAIN = re.compile(r"다시(?:잡|예약|넣어)")
_PUT_OFF_TO = re.compile(r"(?:로|으로)(?:좀)?(?:미뤄|바꿔|옮겨|연기해)(?:주|줘|줄)")
_CANCEL = re.compile(r"취소")
_FAMILY = r"(?:영감|할멈|마누라|바깥양반|집사람|와이프|남편|아내|신랑|각시|손자|손녀|며느리|딸|아들|애|아이)"
_FAMILY_ADDED = re.compile(
    _FAMILY + r"(?:것|거|꺼)?(?:도|까지)(?:[가-힣]{1,6}같이|같이)[가-힣]{0,12}(?:봐|해|잡아|넣어|예약)"
    r"(?:주세요|주쇼|줘|주시)|"
    + _FAMILY + r"(?:도|까지)[가-힣]{0,12}(?:둘이|둘다|같이)[가-힣]{0,4}(?:잡아|넣어|예약해|봐)(?:주세요|줘|주시)")
_NOT_GOING = re.compile(r"안(?:할|해|갈|가)|못(?:해|가|갈)|다음에|나중에|됐어요")
_MUST_DO_IT = re.compile(r"(?:해야|받아야|가야)(?:죠|지요|지|제|지라|겠죠|겠네)")
_WHEN = re.compile(r"언제")
_ANOTHER_DAYS_HOURS = re.compile(r"그럼[가-힣]{0,8}(?:몇시|언제)(?:가|에|쯤)?(?:비어|비었|돼|되|가능|괜찮)")
_VISIT_WISHED = re.compile(r"(?:상담|검진|진료|치료)(?:을|도|좀)?(?:받고싶|받아보고싶|받으려|하고싶)(?:은데|는데)")
_PRICE_IN_PASSING = re.compile(r"(?:비용|가격|값|금액)(?:도|이랑)?(?:궁금|알고싶)")
_ON_MY_WAY = re.compile(r"(?:지금|바로|금방)(?:출발|가는중|가고있|나가요|나갈게|갈게|갑니다|가요)")
_LATE_OR_MOVED = re.compile(r"늦|못|취소|바꿔|미뤄|옮겨|안돼|안되")
_MISSED_CALL = re.compile(r"(?:전화|연락)(?:를)?못받았[가-힣]{0,4}(?:는데|어서)")
_CALL_CAME = re.compile(r"전화(?:가|와)?(?:왔길래|와있길래|왔던데|왔더라|왔어서|와있던데|왔었는데)")
_CLINIC_CHECKED = re.compile(r"치과(?:맞죠|맞지요|맞나요|맞아요|맞으시죠)")
_TROUBLE = re.compile(r"빠졌|빠져서|깨졌|깨져서|부러|아파|아프|시려|부었|흔들")
_WAY_OR_VISIT = re.compile(r"어디|위치|가는길|오는길|주차|몇층|가도|가면|예약|봐주")
_HELD = re.compile(r"^(?:아|어)?잠깐(?:만요|만|요)?")
_TO_A_SLOT = re.compile(r"(?:일|시|반|분|요일)(?:로|으로)(?:요|바꿔주세요|해주세요|바꿔줘요|해줘요)")
_REST_KEPT = re.compile(r"(?:시간|날짜|날)(?:은|는)(?:그대로|같게|똑같이)")
_ANOTHER_DAY = re.compile(r"다른(?:날|시간)|취소")
_SEVERAL_AT_ONCE = re.compile(r"(?:두|세|네|둘|셋|넷|다섯|여러|[2-9])(?:분|명|사람)?[가-힣]{0,10}"
                              r"(?:한번에|같이|한꺼번에|함께)예약(?:이)?(?:될까|되나|돼요|되요|가능|할수)")
_CLIPPED_MOVE = re.compile(r"(?:다음주|담주|다른날|요일|다음달)(?:로|으로)(?:좀|좀요)$")
_OPEN_ON_A_DAY = re.compile(r"(?:요일|주말|공휴일|연휴|[일이삼사오육칠팔구십\d]일)(?:에|날)?도"
                            r"(?:하는|여는|진료하는|문여는)(?:치과|병원|데|곳)(?:예요|에요|죠|인가요|맞죠)|"
                            r"(?:[이삼]?십[일이삼사오육칠팔구]?|[1-3]?\d)일(?:에|날)?도(?:하나요|해요|하세요|여나요|열어요)\??$")
_YES_A_DAY_ASKED = re.compile(r"^(?:아|어)?(?:네|예)(?:그럼|그러면)?[가-힣]{2,16}(?:되는가요|되능교|되겠습니까)$")
_DIARY_THEN_YES = re.compile(r"(?:달력|수첩|일정|스케줄|다이어리)[가-힣]{0,8}(?:네|예)"
                             r"(?:돼요|좋아요|괜찮아요|됩니다|가능해요)$")
_CALLED_BACK = re.compile(r"전화|연락")
_FINE_NOW = re.compile(r"^(?:음|아|어)?(?:네|예)?(?:아무렇지도않|아무렇지않|멀쩡)(?:아요|해요|습니다)$|"
                       r"^(?:어제|전)보다(?:훨씬|좀|많이)?(?:낫|나아)[가-힣]{0,4}(?:고마워요|감사합니다|감사해요)$")

RULES = (
    KindRule("the last slot of a day asked", "book", (_EDGE_SLOT,), expect=("date", "time", "proposal")),
    KindRule("may I come by an hour", "book", (_BY_AN_HOUR,), dated=True),
    KindRule("a group's visit asked about", "question_other", (_GROUP, _GROUP_ASKED), (_BOOKING_SAID,)),
    KindRule("a home visit asked about", "question_other", (_HOME_VISIT,), (_BOOKING_SAID, _STAFF_ASKED)),
    KindRule("another person qualifies for an offer", "question_other", (_WHAT_THEY_ARE, _THEY_QUALIFY),
             (_BOOKING_SAID,), expect=("offer",)),
    KindRule("a visit forgotten, booked again", "book", (_FORGOT_THE_VISIT, _BOOKED_AGAIN)),
    KindRule("a reminder, put off to another day", "reschedule", (_PUT_OFF_TO,), (_CANCEL,), expect=("reminder",),
             dated=True),
    KindRule("another of the family added, a treatment between", "book", (_FAMILY_ADDED,), (_NOT_GOING,),
             expect=("offer", "reminder")),
    KindRule("an offer taken, when asked", "yes", (_MUST_DO_IT, _WHEN), (_NOT_GOING,), expect=("offer",),
             dated=False),
    KindRule("another day's free hours asked after a proposal", "book", (_ANOTHER_DAYS_HOURS,),
             expect=("proposal", "date"), dated=True),
    KindRule("a visit wished, the price asked in passing", "book", (_VISIT_WISHED, _PRICE_IN_PASSING)),
    KindRule("on my way now, to a reminder", "yes", (_ON_MY_WAY,), (_LATE_OR_MOVED,), expect=("reminder",)),
    KindRule("a missed call returned", "question_other", (_MISSED_CALL, _CALL_CAME), (_BOOKING_SAID,),
             expect=(None,)),
    KindRule("the clinic checked, a trouble told", "symptom", (_CLINIC_CHECKED, _TROUBLE), (_WAY_OR_VISIT,)),
    KindRule("a read-back held, one part changed", "no", (_HELD, _TO_A_SLOT), (_ANOTHER_DAY,), expect=("confirm",),
             dated=True),
    KindRule("a read-back's one part changed, the rest kept", "no", (_TO_A_SLOT, _REST_KEPT), (_ANOTHER_DAY,),
             expect=("confirm",), dated=True),
    KindRule("several people booked at once", "book", (_SEVERAL_AT_ONCE,)),
    KindRule("a reminder moved on, clipped", "reschedule", (_CLIPPED_MOVE,), (_CANCEL,), expect=("reminder",)),
    KindRule("open on a day asked", "ask_hours", (_OPEN_ON_A_DAY,), (_BOOKING_SAID,)),
    KindRule("a yes with a day of one's own asked", "book", (_YES_A_DAY_ASKED,), expect=("offer", "yes_no"),
             dated=True),
    KindRule("fine on a wellbeing call", "no", (_FINE_NOW,), expect=("wellbeing",)),
    KindRule("a diary looked at, then a yes", "yes", (_DIARY_THEN_YES,), (_CALLED_BACK,),
             expect=("proposal", "confirm")),
)
