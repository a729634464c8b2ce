"""Life around a visit (round 20, blind27): kinds of speech about a cold or a fever, a hobby, instalments or a waiting
list that the general rules misread. Consulted at stage 2 (``caller_errands``), before the emergency words:

- a fever, a cold or the flu told with a question whether to come, to be treated or to move the visit ("열이 좀 있는데
  치과 가도 되는 거예요 아니면 미뤄야 돼요"), a treatment asked on the day of a flu shot: ``medical_question`` (the
  safety kind: never a booking, and no emergency without a red flag; ``fever_only`` sets the fever aside for the
  emergency words when a visit is told about and no swelling);
- a wind instrument or singing with braces, an implant or after a treatment ("교정 장치 끼고도 클라리넷 불 수 있어요"),
  whether a sports mouthguard is needed ("시합 중에 마우스가드 안 끼면 이가 많이 다쳐요"): ``medical_question``;
- an injury asked about an insurer's cover ("운동하다 이 부러진 거 상해보험으로 처리 되나요"): ``ask_insurance``;
- a counsellor asked for about instalments ("상담 선생님 연결해 주세요 할부 얘기 좀 하게"): ``talk_to_staff`` (a
  card's instalments or a way to pay asked stay ``ask_price``, as in every older set);
- a waiting list asked after ("대기 걸어 놓은 거 어떻게 됐나요"): ``confirm_appointment``; a cancelled slot today asked
  to be put in ("오늘 취소 자리 나면 좀 넣어 주세요"): ``book``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind
from appliance.language.replies import SURE

_UNWELL = (r"(?:고열|열(?:이|도)?(?:좀|조금|많이|계속)?(?:나|있|올)|열나|감기|독감|몸살|오한|코로나|"
           r"(?:삼십[칠팔구]|3[789])(?:\.\d|점[일이삼사오육칠팔구])?도)")
_UNWELL_RE = re.compile(_UNWELL)
_MAY_I_COME = re.compile(
    r"(?:가도|받아도|해도|빼도|뽑아도|치료해도|진료해도)(?:되|돼|괜찮)[가-힣]{0,6}(?:요|까|지|나)|진료(?:를)?못받|"
    r"(?:미뤄|바꿔|옮겨|연기해)야(?:되|돼|하|할)(?:나|는지|까|요|돼요|되요)|치료할때괜찮")
# round 20: unwell and the visit moved or cancelled ("기침이 심해서요 월요일 거 그 다음 주로 바꿀 수 있어요")
_UNWELL_TOLD = re.compile(_UNWELL[:-1] + r"|기침|콧물|목감기|장염)")
_MOVE_ASKED = re.compile(r"(?:바꿀|옮길|미룰|연기할)수(?:있|없)|(?:바꿔|옮겨|미뤄|연기해)(?:주|줄수|줘)")
_CANCEL_ASKED = re.compile(r"취소(?:해주|할게|해줘|요$|해야할것같|하려고)")
# a visit put off before taken up again ("미뤘던 스케일링 다시 잡을게요"): a booking
_TAKEN_UP_AGAIN = re.compile(r"(?:미뤘던|미룬|취소했던|취소한|연기했던|못갔던)[가-힣]{0,8}다시(?:잡|예약)")
_FLU_SHOT = re.compile(r"(?:독감|예방|코로나)(?:주사|접종|백신)[가-힣]{0,8}"
                       r"(?:빼도|뽑아도|받아도|해도|치료해도)(?:되|돼)")
_SWELLING = re.compile(r"부었|부어|붓|퉁퉁|숨|(?<![커카배])피[가나]|출혈|고름|삼키")  # round 39: pus, swallowing
_VISIT_TOLD = re.compile(r"예약|취소|미뤄|미루|바꿔|옮겨|연기|못가|가도|받아도|진료(?:를)?못|보험")

_INSTRUMENT = re.compile(r"클라리넷|색소폰|섹소폰|트럼펫|트롬본|플루트|플룻|호른|튜바|오보에|리코더|"
                         r"단소|대금|하모니카|관악기|노래|성악|보컬|합창")
_PLAYING_ASKED = re.compile(r"(?:불|부는|불어|부르|불러|소리내|소리나|연습)[가-힣]{0,10}"
                            r"(?:수있|도되|도돼|지장|괜찮|쉬어야|못하)|"
                            r"지장(?:있|없|이)[가-힣]{0,3}(?:요|나|까)")
_MOUTHGUARD_ASKED = re.compile(r"마우스가드[가-힣]{0,6}(?:안끼면|안하면|없으면|꼭|해야|필요)|"
                               r"마우스가드[가-힣]{0,10}(?:다쳐|다치|보호)[가-힣]{0,4}(?:요|나|까)$")
_BOOK_WORDS = re.compile(r"상담받고싶|예약|잡아|맞추(?:고싶|려|러)|받으려|하려고")

_INJURY_COVER = re.compile(r"(?:다친|다쳐|부러진|부러졌|깨진|깨졌|사고)[가-힣]{0,10}(?:상해|실비|실손|보험)[가-힣]{0,6}"
                           r"(?:처리|되나|돼요|되요|청구|가능)")
_COUNSELLOR_FOR_INSTALMENTS = re.compile(r"(?:선생님|실장님|담당자|직원|상담)[가-힣]{0,4}(?:연결|바꿔|통화)"
                                         r"[가-힣]{0,10}할부|"
                                         r"할부[가-힣]{0,10}(?:선생님|실장님|담당자|직원)[가-힣]{0,4}(?:연결|바꿔)")
_WAITING_LIST_ASKED = re.compile(r"대기(?:를|로)?(?:걸어|걸어놓|걸어둔|걸어논|신청|올려놓|올려둔)[가-힣]{0,6}"
                                 r"(?:어떻게됐|어떻게되|연락|소식|자리났|빠졌)")
_SQUEEZE_IN = re.compile(r"(?:오늘|당일)[가-힣]{0,3}취소(?:자리|된자리|난자리)[가-힣]{0,4}(?:나면|생기면)[가-힣]{0,4}"
                         r"(?:넣어|끼워|잡아)")


def fever_only(compact: str) -> str:
    """``compact`` without its fever words when a visit is told about and no swelling, bleeding or breathing
    trouble: "고열이 나서 오늘 두 시 예약은 못 갈 것 같아요" is no emergency."""
    if _UNWELL_RE.search(compact) and _VISIT_TOLD.search(compact) and not _SWELLING.search(compact):
        return _UNWELL_RE.sub("", compact)
    return compact


def asks_whether_to_come_unwell(compact: str) -> bool:
    """A fever, a cold or the flu told and asked whether to come, to be treated or to move the visit, or a
    treatment asked on the day of a flu shot: a medical question (the safety rule reads it too)."""
    if _FLU_SHOT.search(compact):
        return True
    return bool(_UNWELL_RE.search(compact) and _MAY_I_COME.search(compact) and not _SWELLING.search(compact))


def playing_asked(compact: str) -> bool:
    """A wind instrument or singing asked about with a treatment, or whether a sports mouthguard is needed."""
    if _BOOK_WORDS.search(compact):
        return False
    return bool(_INSTRUMENT.search(compact) and _PLAYING_ASKED.search(compact) or _MOUTHGUARD_ASKED.search(compact))


_KINDS = (
    KindRule("unwell, the visit cancelled", "cancel", (_UNWELL_TOLD, _CANCEL_ASKED), unless=(_SWELLING,)),
    KindRule("unwell, the visit moved", "reschedule", (_UNWELL_TOLD, _MOVE_ASKED), unless=(_SWELLING,)),
    KindRule("a visit put off taken up again", "book", (_TAKEN_UP_AGAIN,)),
    KindRule("an injury's cover", "ask_insurance", (_INJURY_COVER,)),
    KindRule("a counsellor for instalments", "talk_to_staff", (_COUNSELLOR_FOR_INSTALMENTS,)),
    KindRule("a waiting list asked after", "confirm_appointment", (_WAITING_LIST_ASKED,)),
    KindRule("a cancelled slot today put in", "book", (_SQUEEZE_IN,)),
)


def life_around_a_visit(compact: str) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    if asks_whether_to_come_unwell(compact) or playing_asked(compact):
        return "medical_question", SURE  # the safety kinds: their checks are ``blend``'s too
    return first_kind(_KINDS, compact)
