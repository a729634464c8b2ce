"""Second looks at an intent the rules gave, for matters beside the main ones (issue 15, round 13).

- A menu key said aloud while unsure whether to press or say it ("삼 번 이거 누르는 건가", "샵 누르라는 게 우물 정
  자죠"): nothing asked of staff yet (``other``).
- Trouble with a parking ticket (a stamp forgotten, a charge taken twice): a matter for staff (``question_other``),
  not the way to the clinic.
- A booking taken up again after a side question ("예약하려는데 아 근데 주차 돼요 … 그럼 목요일 여섯 시로 해
  주세요"): the request said last, with its day and time, is what staff act on (``book``).
- Whether one's own records show a thing ("올해 보험 스케일링 받았는지 기억이 안 나요 기록 좀 봐 주실 수 있어요"):
  staff look it up (``question_other``), it asks nothing of the insurance rules.
"""

from __future__ import annotations

import re

_KEY = r"(?:[일이삼사오육칠팔구공영]|\d)번|샵|샾|별표|우물정|#|\*"
_MENU_KEY_ALOUD = re.compile(rf"(?:{_KEY})[가-힣]{{0,10}}누르|누르(?:라는|라고|는|란)[가-힣]{{0,6}}(?:{_KEY})")
_A_PLACE = re.compile(r"주차|건물|층|역|길|위치|정류장|치과")
_PARKING_TROUBLE = re.compile(
    r"(?:주차|출차|주차권|정산)[가-힣]{0,16}(?:깜빡|안받|못받|두번|이중|잘못|환불|처리해)"
)
_BOOKING_WORD = re.compile(r"예약|잡아|잡고|받으려|하려는데|하려고|되나요|될까요|가능해요|가능할까")
_RECORDS_LOOKED_UP = re.compile(r"(?:기록|내역|이력|차트)(?:을|를|좀|도)?[가-힣]{0,3}(?:봐|확인|찾아|조회)")
_REQUEST_OR_SLOT_LAST = re.compile(r"(?:해주세요|해줘요|해주실래요|로요|으로요|로할게요|시|시반|분)$")
_SIDE_QUESTIONS = ("ask_location", "ask_hours", "ask_insurance", "ask_price")


# round 14: which dentist treats, asked ("여자 선생님이세요", "남자 원장님 계세요")
_WHO_TREATS = re.compile(
    r"(?:여자|남자|여의사|남의사)(?:선생님|원장님|의사|분)?(?:이세요|세요|인가요|이에요|예요|계세요|있나요)"
)

# round 18: one kind of change denied, the other insisted on ("변경 아니고 취소라니까요", "취소 말고 날짜만
# 바꿔 주세요")
_NOT_MOVED_CANCELLED = re.compile(
    r"(?:변경|바꾸는(?:거|게)|옮기는(?:거|게)|미루는(?:거|게)|연기)(?:이|은|는|가)?(?:아니고|아니라|말고|아니에요)(?:요)?[가-힣]{0,6}"
    r"(?:취소|없애|빼(?:주|줘)|지워)"  # round 19: "날짜 바꾸는 게 아니고요 그냥 없애 주세요"
)
_NOT_CANCELLED_MOVED = re.compile(
    r"취소(?:가|는|하는거)?(?:아니고|아니라|말고|아니에요)[가-힣]{0,8}(?:변경|바꿔|바꾸|옮겨|옮기|미뤄|미루|연기)"
)


def second_look(compact: str, intent: str, has_date: bool, has_time: bool) -> str:
    """The intent after a second look at ``compact`` (the text without spaces); ``intent`` when nothing applies."""
    if intent in ("question_other", "ask_hours", "ask_location") and _MENU_KEY_ALOUD.search(compact) and not (
            has_date or _A_PLACE.search(compact)):
        return "other"  # "별표 누르라는 거죠 어디 있더라" looks for the key on the phone, not the clinic
    if intent in ("other", "talk_to_staff") and _WHO_TREATS.search(compact):
        return "question_other"  # round 14: "원장님이 여자 선생님이세요 남자 선생님이세요": who treats, for staff
    if intent in ("reschedule", "cancel", "no", "book") and _NOT_MOVED_CANCELLED.search(compact):
        return "cancel"
    if intent in ("reschedule", "cancel", "no", "book") and _NOT_CANCELLED_MOVED.search(compact):
        return "reschedule"
    if intent == "ask_insurance" and _RECORDS_LOOKED_UP.search(compact):
        return "question_other"
    if intent == "ask_location" and _PARKING_TROUBLE.search(compact):
        return "question_other"
    if (intent in _SIDE_QUESTIONS and has_date and has_time and _BOOKING_WORD.search(compact)
            and _REQUEST_OR_SLOT_LAST.search(compact)):
        return "book"
    return intent
