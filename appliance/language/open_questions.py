"""Open questions: what the clinic's facts do not answer, taken for staff (``question_other``).

* ``open_question``: a question about the clinic or a treatment in general that the facts (hours, location,
  prices, insurance) do not cover ("교정 기간은 보통 얼마나 걸려요?", "수면 마취도 하세요?").
* ``CHANNEL``: how to reach the clinic another way ("카톡으로 예약 되나요").

All patterns match the compact text (no spaces or punctuation), like those in ``lexicon``.
"""

from __future__ import annotations

import re

from appliance.language.asking import POLITE_END, TELLING_END, before_afterthought, is_question
from appliance.language.general_info import GENERAL_INFO, NOT_A_QUESTION_FOR_STAFF
from appliance.language.questions import BOOK_REQUEST

# Asking how to reach the clinic another way ("카톡으로 예약 되나요"): an open question
CHANNEL = re.compile(
    r"(?:카톡|카카오톡?|문자|온라인|인터넷|앱|어플|홈페이지|네이버)(?:으로|로)(?:도)?(?:예약|접수|상담|문의)(?:되|돼|"
    r"가능|할수|받)"
)
_THANKS = re.compile(r"감사|고맙|부탁(?:해|드|합)|할게요|갈게요|할께요|갈께요")
# Fear given as the reason for something else ("치과가 무서워서 미뤘는데", "겁이 많아서 그런데 …")
FEAR_AS_REASON = re.compile(
    r"(?:무서워|겁이?나|겁이?많아)(?:서|가지고)(?:그런데|그러는데)?|(?:무서운|겁나는|겁이많은)데(?:요)?(?![가-힣]{0,4}(?:안|덜)아프게)"
)
# Asking staff for something: "…써 주세요", "…떼 주세요", "…보내 주세요"
SERVICE_REQUEST = re.compile(r"(?:써|떼|보내|해|챙겨|준비해|발급해|복사해)(?:주세요|줘요|주십시오|주실래요)$")


def open_question(spaced: str, compact: str) -> bool:
    """A question whose answer is not in the clinic facts (checked after hours/location/price/insurance).
    Its words ("기간", "보증", "평생") ask by themselves, so a polite ending is enough ("평생 쓸 수 있어요")."""
    if NOT_A_QUESTION_FOR_STAFF.search(compact) or _THANKS.search(compact):
        return False
    if not GENERAL_INFO.search(FEAR_AS_REASON.sub("", compact)):
        return False  # "치과가 무서워서 참고 있었는데 …": a fear told as the reason asks nothing of staff
    if SERVICE_REQUEST.search(before_afterthought(spaced, compact)) and not BOOK_REQUEST.search(compact):
        return True  # "아이가 무서워하는데 웃음가스 같은 거 써 주세요", "진단서 떼 주세요"
    return is_question(spaced, compact) or bool(POLITE_END.search(before_afterthought(spaced, compact))
                                                and not TELLING_END.search(compact))
