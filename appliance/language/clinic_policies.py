"""The clinic's rules asked about (round 20, blind27), consulted at stage 2 (``caller_errands``) before the booking
and price words they name would decide; staff answer them:

- a deposit's or a no-show's rule ("노쇼하면 다음 예약 못 잡는다던데 그거 진짜예요", "예약금 걸면 나중에 치료비에서 빼
  주는 거죠"), how late one may come ("예약 시간에 몇 분까지 늦어도 봐 주세요"): ``question_other``; a visit
  cancelled if the deposit comes back ("예약금 돌려받을 수 있으면 취소하고 싶은데요"): ``cancel``;
- a place on a waiting list asked for ("앞에 취소 나면 연락 좀 주세요", "대기 명단에 올려 주세요"): ``question_other``
  (a cancelled slot today asked to be put in books: ``life_around_visits``);
- where the clinic's call or message comes from ("이 전화는 어디서 거시는 거예요", "문자가 어떤 번호로 와요"):
  ``question_other``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

_DEPOSIT = re.compile(r"예약금(?!요일)|보증금|위약금|노쇼|(?:몇분|얼마나|어디까지)[가-힣]{0,4}늦어도|"
                      r"늦으면[가-힣]{0,8}(?:예약금|취소|못받|안봐|날아)")
_CANCEL_WANTED = re.compile(r"취소(?:하고싶|해주|할게|할래|해도되|하려)")
_BOOKING_ASKED = re.compile(r"(?:예약|잡아)(?:해|을|좀)?(?:주세요|주실|줘|하고싶|할게|하려)")
_WAITING_LIST = re.compile(r"(?:취소(?:자리|된자리|난자리)?|빈자리|자리)(?:가)?(?:나면|생기면|빠지면)[가-힣]{0,6}"
                           r"(?:연락|전화|문자)|대기(?:명단|자명단|자)?(?:에|로)?(?:올려|걸어|넣어)(?:주|놔|둬)")
# left to the price and staff rules
_PRICE_OR_PERSON = re.compile(r"얼마|가격|비용|(?:바꿔|연결해)(?:주|줘)|(?:직원|실장|선생)[가-힣]{0,6}(?:얘기|통화)")
_CALL_FROM = re.compile(r"(?:이|이번|지금)?전화(?:는|가)?(?:어디서|어디에서)(?:거|걸|하)|"
                        r"(?:문자|카톡|알림)[가-힣]{0,10}(?:어떤|무슨|몇)번호")


_KINDS = (
    KindRule("a visit cancelled if the deposit comes back", "cancel", (_DEPOSIT, _CANCEL_WANTED),
             unless=(_PRICE_OR_PERSON,)),
    KindRule("a deposit's, a no-show's or a lateness rule", "question_other", (_DEPOSIT,),
             unless=(_PRICE_OR_PERSON, _BOOKING_ASKED)),
    KindRule("a place on a waiting list", "question_other", (_WAITING_LIST,)),
    KindRule("where the clinic's call comes from", "question_other", (_CALL_FROM,)),
)


def clinic_policy(compact: str) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    return first_kind(_KINDS, compact)
