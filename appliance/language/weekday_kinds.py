"""Kinds of speech an ordinary weekday brings (issue 15, round 26: blind36, a Wednesday, and blind37, a Friday),
consulted at stage 2 (``caller_errands``) after ``channels_and_consent``, before ``choices_and_hedges``:

- a person asked to come to the phone ("원장님 진료 끝나셨으면 잠깐만 바꿔 주실 수 있어요"): ``talk_to_staff``
  (바꿔 is "put on the phone", not a visit changed, when no visit, day or time is named);
- a caller who took the clinic for a shop ("피자집인 줄 알았네 죄송해요"): ``wrong_number``;
- what to type into a navigation app ("내비에 뭐라고 치면 나와요"): ``ask_location``;
- a visit already booked on one weekday moved to another ("임플란트 실밥 푸는 날이 화요일인데 그거 수요일로 돼요",
  "다음 주 화요일 예약 그거 하루 뒤로 수요일로"): ``reschedule``;
- a treatment told by its insurance cover, then booked on a day ("일 년에 한 번 보험 되는 스케일링 그거 하려구요 토요일
  열 시"): ``book``;
- how long getting used to a denture or braces already in takes ("틀니 처음 꼈는데 … 적응되는 데 얼마나 걸려요"):
  ``medical_question`` (asked before having one, "틀니 하면 적응하는 데 얼마나 걸려요", stays ``question_other``);
- a visit booked before asked about ("전에 잡아 둔 게 다음 주 맞나 싶어서요"): ``confirm_appointment``;
- how long a discomfort after a treatment lasts ("교정 철사 갈고 나서 … 못 씹는데 보통 얼마나 가요"):
  ``medical_question``;
- whether to keep a denture or braces in at night ("새로 한 틀니 밤에도 그냥 끼고 있는 게 나아요"), whether to
  keep biting on gauze ("거즈 더 물고 있어야 돼요"): ``medical_question`` (the safety kind: never a booking);
- a caller who cannot talk now asking to be called later ("고속도로라 통화 길게 못 해요 나중에 주세요"):
  ``callback_later``, never a refusal of the offer.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

_PERSON = r"(?:원장님|실장님|선생님|담당자|담당선생님|간호사|위생사|데스크)"
_PUT_ON_THE_PHONE = re.compile(_PERSON + r"[가-힣]{0,16}?(?:잠깐|잠시|좀)?(?:만)?(?:바꿔|바꾸어)(?:주|줄|줘)")
_A_VISIT_CHANGED = re.compile(r"예약|날짜|날로|시간|요일|(?:으|로)바꿔|치료|진료(?:를|날)")
_VISIT_ENDED = re.compile(r"진료(?:가)?(?:끝나|마치)")
_TOOK_FOR_A_SHOP = re.compile(r"(?:집|가게|식당|마트|약국|세탁소|미용실|학원|은행|부동산|센터)(?:인|이)?"
                              r"줄(?:알았|알앗)")
_A_CLINIC = re.compile(r"치과인줄")
_NAVIGATION = re.compile(r"내비|네비|티맵|카카오맵|네이버지도|지도앱")
_WHAT_TO_TYPE = re.compile(r"(?:뭐라고|뭘|뭐|어떻게)(?:치|찍|검색|입력|쳐)")
_MOVED_TO_ANOTHER_DAY = re.compile(
    r"[월화수목금토일]요일(?:인데|이었는데|예약|거)?[가-힣]{0,6}그거[가-힣]{0,8}[월화수목금토일]요일로|"
    r"예약[가-힣]{0,3}그거(?:하루|이틀)?(?:뒤로|앞으로)?[월화수목금토일]요일로")
_INSURED_TREATMENT_BOOKED = re.compile(r"보험(?:이)?(?:되는|적용되는|나오는)[가-힣]{0,10}"
                                       r"(?:하려|할게|할께|받으려|받을게|예약)")
_ALREADY_IN = re.compile(r"(?:꼈는데|끼웠는데|꼈더니|끼고나서|낀지|넣었는데|붙였는데|처음껴)")
_GETTING_USED_TO = re.compile(r"적응(?:되는데|하는데|되려면|하려면|기간|까지)[가-힣]{0,6}(?:얼마나|얼마|며칠|언제)")
_BOOKED_ASKED = re.compile(r"(?:잡아둔|잡아놓은|잡아논|예약해둔|예약해놓은|잡은|예약한)(?:게|거|것|날)[가-힣]{0,10}"
                           r"(?:맞나|맞는지|맞죠|맞아요|맞는가)")
_AFTER_A_TREATMENT = re.compile(r"(?:갈고|하고|받고|끼우고|조이고|붙이고|씌우고)(?:나서|난뒤|난후|나니까)")
_HOW_LONG_IT_LASTS = re.compile(r"(?:보통)?(?:얼마나|며칠|언제까지)(?:가|가요|가나요|갈까요|가는지)$")
_APPLIANCE_HABIT = re.compile(r"(?:틀니|교정기|장치|마우스피스|유지장치)[가-힣]{0,10}(?:끼고|빼고|낀채로|뺀채로)"
                              r"(?:있는게|자는게|자도|있어도|있어야)[가-힣]{0,6}(?:나아|좋아|괜찮|돼|되|하)")
_GAUZE_HOW_LONG = re.compile(r"거즈(?:를)?(?:더|계속|얼마나|몇시간)?(?:물고|물어)(?:있어야|있어요|있으면|있는게)")
# bleeding that goes on, swelling or breathing trouble leave it to the emergency words
_RED_FLAG_TOLD = re.compile(r"(?<![커카배])피가(?:계속|안멈|멈추지|멈추질|철철|많이)|안멈춰|계속나|숨|삼키|"
                            r"부었|부어|붓")
_CANNOT_TALK_NOW = re.compile(r"통화(?:를)?(?:길게|오래|지금)?못|고속도로|운전중|운전하고")
_CALL_LATER = re.compile(r"나중에(?:다시)?(?:전화)?(?:주세요|해주세요|걸어주세요|주시|해주시)")
_REFUSED = re.compile(r"필요없|안할|됐어요|하지마|관심없")

_ANSWERED = ("offer", "proposal", "confirm", "reminder", "yes_no", "wellbeing", "need", None)
_RULES = (
    KindRule("put on the phone", "talk_to_staff", (_PUT_ON_THE_PHONE,), unless=(_A_VISIT_CHANGED,), dated=False),
    KindRule("put on the phone after a visit", "talk_to_staff", (_PUT_ON_THE_PHONE, _VISIT_ENDED),
             unless=(re.compile(r"예약|날짜|시간"),), dated=False),
    KindRule("took the clinic for a shop", "wrong_number", (_TOOK_FOR_A_SHOP,), unless=(_A_CLINIC,)),
    KindRule("what to type into a navigation app", "ask_location", (_NAVIGATION, _WHAT_TO_TYPE)),
    KindRule("a booked weekday moved to another", "reschedule", (_MOVED_TO_ANOTHER_DAY,), dated=True),
    KindRule("a treatment told by its cover, then booked", "book", (_INSURED_TREATMENT_BOOKED,),
             unless=(re.compile(r"얼마|맞죠|되죠|되나요|돼요\?"),), dated=True),
    KindRule("getting used to a denture or braces", "medical_question", (_GETTING_USED_TO, _ALREADY_IN)),
    KindRule("a booked visit asked about", "confirm_appointment", (_BOOKED_ASKED,),
             unless=(re.compile(r"바꿔|옮겨|취소|미뤄"),)),
    KindRule("how long a discomfort after a treatment lasts", "medical_question",
             (_AFTER_A_TREATMENT, _HOW_LONG_IT_LASTS)),
    KindRule("an appliance worn or out at night", "medical_question", (_APPLIANCE_HABIT,),
             unless=(re.compile(r"예약|잡아"), _RED_FLAG_TOLD)),
    KindRule("gauze held longer", "medical_question", (_GAUZE_HOW_LONG,),
             unless=(re.compile(r"예약|잡아"), _RED_FLAG_TOLD)),
    KindRule("cannot talk now, call later", "callback_later", (_CANNOT_TALK_NOW, _CALL_LATER),
             unless=(_REFUSED,), expect=_ANSWERED),
)


def weekday_kind(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of this module's kinds, or ``None`` to leave the text to the other rules."""
    return first_kind(_RULES, compact, expect, dated)
