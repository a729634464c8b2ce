"""Two bookings, a named doctor, carers and workers far from home (issue 15, round 23: blind31).

Read on the compact text (no spaces) in ``caller_errands`` (stage 2 of ``docs/understanding.md``), right after
``readbacks_and_contacts``; each rule is narrow:
- one of two bookings cancelled ("둘 중에 아침 거는 취소하고", "두 개 잡혀 있잖아요 스케일링만 빼 주세요"), and a
  cancel said last after news about the clinic ("그만두셨다면서요 그럼 제 예약 취소할게요"): ``cancel``;
- which of two bookings checked ("목요일 거 맞죠 화요일 거 말고"): ``confirm_appointment``;
- a visit moved to the day a named doctor works, or to the day's latest slot: ``reschedule``; the days a named
  doctor works asked ("김 선생님 언제 계세요"): ``question_other``;
- "same as last time" to the day or time question: ``book``;
- halal medicines asked: ``question_other``; the bus stop, the floor, or whether the clinic is still there:
  ``ask_location``;
- a carer telling a dementia patient's signs (touching the cheek, not eating), a bruise told to a wellbeing call:
  ``symptom``; what to do days after a treatment ("뼈 이식하고 삼 일 됐는데 … 재채기는 어떡해요"):
  ``medical_question``, and so are one's medicines on a treatment's day and a mouthguard asked about (never booked);
- "아닌데요" to a yes/no question and "…없으면 안 가요" to an offer: ``no``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

_ONE_OF_TWO_CANCELLED = re.compile(r"(?:둘중|두개중|두개잡혀|두개있|두건)[가-힣]{0,30}(?:취소|만빼|는빼)")
_CANCEL_LAST = re.compile(r"(?:그럼|그러면)[가-힣]{0,6}취소(?:할게요|할께요|해주세요|하겠습니다|할래요)$")
_WHICH_OF_TWO = re.compile(r"(?:거|것)맞죠[가-힣]{0,4}[월화수목금토일]요일(?:거|것)말고$")
_MOVED_TO_DOCTORS_DAY = re.compile(r"(?:나오시는|계시는|계신|진료하시는|출근하시는)날로[가-힣]{0,4}(?:바꿔|옮겨|미뤄|"
                                   r"변경)")
_EDGE_SLOT_MOVED = re.compile(r"(?:제일|가장|젤)(?:늦은|늦게|빠른|일찍|이른)[가-힣]{0,8}시간(?:으로|에)[가-힣]{0,4}"
                              r"(?:바꿔|옮겨|미뤄|변경)")
_DOCTORS_DAYS_ASKED = re.compile(r"(?:선생님|원장님)[가-힣]{0,20}(?:언제|무슨요일|며칠)(?:계세요|나오세요|진료하세요|"
                                 r"계시나요)")
_SAME_AS_LAST_TIME = re.compile(r"(?:지난번|저번|전번|지난번이랑|저번이랑|지난번하고)[가-힣]{0,4}(?:같은|똑같은|처럼)"
                                r"(?:시간|날|요일|때)?")
_HALAL = re.compile(r"할랄|돼지성분|돼지고기성분|돼지가들어")
_PLACE_ASKED = re.compile(r"(?:어느|무슨)정류장|어디서내려|"
                          r"(?:몇층|\d층|[이삼사오육]층)(?:이었죠|이에요|이죠|였죠|인가요)|"
                          r"(?:아직|지금도)거기(?:있어요|있나요|그대로)")
_DEMENTIA_SIGNS = re.compile(r"치매[가-힣]{0,30}(?:볼을?만지|턱을?만지|입을?만지|밥을?안드|못드시|씹지를?못|입을?안벌)")
_BRUISE = re.compile(r"멍든|(?<!구)멍이|노래졌|노랗게|퍼렇게|시퍼렇")
_ASKED_IF_NORMAL = re.compile(r"괜찮|정상|거죠|거예요|인가요|나요|어떡|어떻게")
_OTHER_ERRAND = re.compile(r"취소|잡을게|예약할|예약잡|잡아|예약하")
_DAYS_AFTER_TREATMENT = re.compile(r"(?:하고|받고|뽑고|빼고)[가-힣]{0,2}(?:일|이틀|사흘|"
                                   r"주)[가-힣]{0,2}됐는데[가-힣]{0,30}"
                                   r"(?:어떡해요|어떡하죠|어떻게해요|어떻게하죠)")
_CARE_AROUND_A_TREATMENT = re.compile(r"(?:마우스가드|보호대)[가-힣]{0,8}(?:껴야|해야|써야|끼워야)|"
                                      r"(?:혈압약|당뇨약|아스피린|먹던약|먹는약)[가-힣]{0,6}"
                                      r"(?:그대로먹|먹고가|먹어도|끊어야|끊고|중단)")
_STAFF_ASKED_FOR = re.compile(r"통화|연결|바꿔주")
_NOT_SO = re.compile(r"^(?:아닌데요|아닌데)(?:그건|그거|그게)")
_NOT_WITHOUT = re.compile(r"(?:없으면|아니면|안계시면)안가요$")


_KINDS = (
    KindRule("one of two bookings cancelled", "cancel", (_ONE_OF_TWO_CANCELLED,)),
    KindRule("a cancel said last", "cancel", (_CANCEL_LAST,)),
    KindRule("which of two bookings", "confirm_appointment", (_WHICH_OF_TWO,)),
    KindRule("moved to a named doctor's day", "reschedule", (_MOVED_TO_DOCTORS_DAY,)),
    KindRule("moved to the day's earliest or latest slot", "reschedule", (_EDGE_SLOT_MOVED,)),
    KindRule("a doctor's working days asked", "question_other", (_DOCTORS_DAYS_ASKED,)),
    KindRule("halal medicines asked", "question_other", (_HALAL,)),
    KindRule("the same as last time", "book", (_SAME_AS_LAST_TIME,), expect=("date", "time")),
    KindRule("the place asked", "ask_location", (_PLACE_ASKED,), unless=(_OTHER_ERRAND,)),
    KindRule("a carer telling dementia signs", "symptom", (_DEMENTIA_SIGNS,)),
    KindRule("a bruise told on a wellbeing call", "symptom", (_BRUISE,), unless=(_ASKED_IF_NORMAL,),
             expect=("wellbeing",)),
    KindRule("days after a treatment", "medical_question", (_DAYS_AFTER_TREATMENT,)),
    KindRule("care around a treatment", "medical_question", (_CARE_AROUND_A_TREATMENT,), unless=(_STAFF_ASKED_FOR,)),
    KindRule("not so: that is someone else", "no", (_NOT_SO,), expect=("yes_no",)),
    KindRule("not without that person", "no", (_NOT_WITHOUT,), expect=("offer",)),
)


def booking_or_carer(compact: str, expect: str | None) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    return first_kind(_KINDS, compact, expect)
