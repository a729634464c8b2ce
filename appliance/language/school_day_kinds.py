"""Kinds of speech of two ordinary clinic days (issue 15, round 35: blind54, a Friday in June full of students, and
blind55, a Tuesday in April), consulted at stage 2 (``caller_errands``):

before the refusal / red-flag guard (``home_care_asked``):
- a swelling or a pain told, then whether a step of care at home is allowed ("볼이 많이 부었어요 얼음찜질 해도
  돼요", "너무 아파서 진통제 두 알 먹었는데 더 먹어도 돼요"): ``medical_question`` (round 13: a question about
  one's care), unless a red flag beside it (a fever, the eye, swallowing or breathing, bleeding that will not stop);

after ``early_summer_kinds``, behind the guard (``RULES``):
- a treatment asked whether allowed in one's condition ("교정 장치 낀 채로 스케일링 받아도 되나요", "아기가 이가
  났는데 불소 발라도 돼요"), also whether it may be skipped ("교정 중이라서 스케일링 안 해도 되는 거 아니에요"):
  ``medical_question`` (round 32: a treatment wondered possible for one's condition), never a booking;
- a trouble come back after a treatment, whether to redo it ("교정 끝났는데 이가 다시 틀어지는 거 같아요 다시
  해야 돼요"): ``medical_question``, the dentist's call, no visit asked;
- a yes to an offer or a reminder with another of the family booked in ("네 온 김에 남편 검진도 같이 잡아
  주세요", "네 딸이랑 갈게요 딸도 스케일링 받을 수 있어요"): ``book`` (round 25: a yes with a person added);
- a missed visit taken up again on a new day ("지난번에 못 간 예약 다시 하고 싶어요 목요일로"): ``book`` (a missed
  past visit taken up on a new day, the written convention), nothing booked is moved;
- a booking announced first, then the day told as "the day after" something ("예약하려고요 발표 끝나는 날이 이십 일이라
  그 다음 날로요"): ``book``, no booking of one's own is referred to;
- what a treatment costs once the insurance is taken off ("임플란트 얼마 나와요 보험 되고 나서"): ``ask_insurance``
  (round 25: how much of it the patient pays under the insurance).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule
from appliance.language.replies import SURE

_SWOLLEN_OR_SORE = re.compile(r"부었|부어|붓|아파|아프|욱신|쑤셔|쑤시|시려|시리")
_HOME_CARE_ALLOWED = re.compile(
    r"(?:얼음|냉|온|찜질|가글|진통제|타이레놀|소염제|약|연고|소금물)[가-힣]{0,12}"
    r"(?:해도|먹어도|발라도|대도|해봐도|드셔도)(?:돼|되|괜찮)|(?:하면|먹으면)(?:돼요|되나요|돼)$")
_RED_FLAG_BESIDE = re.compile(r"열(?:이|도|나|까지)|눈(?:이|까지|밑)|삼키|숨|입이안벌|안멈|멈추지|철철|기절|어지러")

_IN_A_CONDITION = re.compile(
    r"교정(?:장치|기)?(?:를|을)?(?:낀채로|끼고|낀상태|중|하는중|하고있는데|하는데)|임신|수유|모유|"
    r"이가(?:났|나기)|이났|혈압약|당뇨|아스피린|항응고|"
    # round 45: a small child's age ("애가 돌 지났는데 불소 발라도 되나요", "세 살인데", "18개월인데")
    r"돌(?:이|을)?(?:지났|지난|됐|되었|안됐|도안)|돌쟁이|(?:한|두|세|네|\d)살(?:인데|이에요|이라|짜리|밖에)|"
    r"개월(?:인데|됐는데|된|짜리|이에요|이라|밖에)")
_TREATMENT_ALLOWED = re.compile(
    r"(?:스케일링|불소|미백|레진|검진|엑스레이|마취|발치|치료|실란트)[가-힣]{0,4}"
    r"(?:받아도|발라도|해도|찍어도|뽑아도|하면|받으면)(?:돼|되|괜찮)|"
    r"(?:스케일링|불소|미백|검진|치료)[가-힣]{0,3}안(?:해도|받아도)(?:되는|돼|되)")
_A_VISIT_ASKED = re.compile(r"예약|잡아|언제|몇시|오늘|내일|모레|요일|가도|가면|갈게")

_COME_BACK = re.compile(r"다시(?:벌어|틀어|흔들|아프|아파|시리|시려|삐뚤|빠졌|깨졌|생긴)")
_REDO_WHETHER = re.compile(r"다시(?:해야|받아야|씌워야|때워야)(?:돼요|되나요|하나요|되요|돼|하는거예요)$")

_YES_FIRST = re.compile(r"^(?:아|어)?(?:네|예|응|그래요|좋아요)")
_FAMILY = re.compile(r"엄마|아빠|어머니|아버지|집사람|와이프|남편|아내|신랑|애|아이|딸|아들|동생|언니|오빠|누나|형|"
                     r"할머니|할아버지|장모님|시어머니")
_ADDED_TOO = re.compile(
    r"(?:도|것도|거도)(?:같이|함께)?(?:잡아|예약해|넣어|해)(?:주세요|주실래요|줘요|주시겠)|"
    r"(?:도|것도|거도)(?:같이|함께)?[가-힣]{0,8}(?:받을수있|받을수있을까|받아도되|할수있)")

_MISSED_VISIT = re.compile(r"(?:놓친|못간|못갔던|빼먹은|안간|안갔던|펑크낸|빠진)예약")
_TAKEN_UP = re.compile(r"다시(?:잡|예약|하고싶|할게|해주)")
_BOOKING_FIRST = re.compile(
    r"^(?:아|어|음|저)?예약(?:좀|을)?(?:할께요|할게요|하려고요|하려구요|할려고요|하고싶어요|잡으려고요)")
_ONES_OWN_BOOKING = re.compile(r"예약(?:한|된|했던|잡은|해둔|되어있는)|옮|바꿔|바꾸|변경|미뤄|미루|당겨|취소")

_PRICE_ASKED = re.compile(r"얼마|비용|가격")
_AFTER_THE_INSURANCE = re.compile(r"보험(?:이|을)?(?:되고나서|적용되고나서|적용받고|처리되고|빼고|제하고)(?:요)?$")


def home_care_asked(compact: str) -> tuple[str, float] | None:
    """``medical_question`` when a swelling or a pain is told and a step of care at home asked (see the docstring)."""
    if (_SWOLLEN_OR_SORE.search(compact) and _HOME_CARE_ALLOWED.search(compact)
            and not _RED_FLAG_BESIDE.search(compact) and not _A_VISIT_ASKED.search(compact)):
        return "medical_question", SURE
    return None


RULES = (
    KindRule("a treatment asked allowed in one's condition", "medical_question", (_IN_A_CONDITION, _TREATMENT_ALLOWED),
             unless=(_A_VISIT_ASKED,)),
    KindRule("a trouble come back, whether to redo it", "medical_question", (_COME_BACK, _REDO_WHETHER),
             unless=(_A_VISIT_ASKED,)),
    KindRule("a yes with another of the family booked in", "book", (_YES_FIRST, _FAMILY, _ADDED_TOO),
             expect=("offer", "reminder")),
    KindRule("a missed visit taken up again", "book", (_MISSED_VISIT, _TAKEN_UP), unless=(_ONES_OWN_BOOKING,)),
    KindRule("a booking announced, the day told after", "book", (_BOOKING_FIRST,), unless=(_ONES_OWN_BOOKING,),
             expect=(None,)),
    KindRule("the cost after the insurance", "ask_insurance", (_PRICE_ASKED, _AFTER_THE_INSURANCE)),
)
