"""Kinds of speech of two ordinary clinic days (issue 15, round 47: blind79, a Monday in March as the school term
begins, and blind80, a Saturday in September before 추석).

Rows of ``RULES``, consulted at stage 2 (``caller_errands``) after ``summer_blocks_kinds``, behind the refusal /
red-flag guard (the signs after an injection are round 47's rows of ``red_flags``, stage 0):
- whether a medicine (a blood thinner, aspirin, a pressure or diabetes pill) is stopped or kept before or at a
  treatment ("발치할 때 아스피린 끊고 가야 돼요"): ``medical_question`` (the dentist's call), never a booking; the
  treatment stays named (round 35);
- a trouble told, then "may I come after the holiday / the weekend / the trip" ("잇몸이 좀 부었는데 연휴 끝나고 가도
  될까요"): ``medical_question`` (round 23: "can it wait" about a problem); with an hour said it books;
- the hours of a day gone by asked ("그저께 문 일찍 닫으셨어요?", "지난 토요일에 쉬셨어요?"): ``ask_hours``, the day
  kept (round 28: a day in an hours question keeps its date);
- the latest or earliest hour asked to the date or time question ("제일 늦은 시간이 몇 시예요"): ``book`` (round 23:
  which slots are free, asked in the booking dialog);
- another person's visit asked to be booked along with one's own ("남편 것도 같이 잡아 줄 수 있어요"): ``book``
  (round 23: a person added to a visit);
- a day and an hour asked, with a hurry told ("금요일 아홉 시 돼요 빨리 끝내고 가야 돼서"): ``book``;
- a slot of one's own with "if it is free, I'll come", to an offer ("토요일 열 시에 되면 갈게요"): ``book`` (round 30:
  a yes to an offer with a day of one's own);
- a school checkup form brought and the checkup asked ("학교 구강검진표 받아 왔는데 그거 받으려고요"): ``book``;
- a discount asked for an age under the insurance ("일흔 넘으면 보험으로 할인돼요"): ``ask_insurance`` (round 43:
  the national insurance's age group);
- a card charged twice ("카드가 두 번 결제된 것 같아요"): ``question_other`` (round 23: a billing problem);
- a treatment asked offered, nothing else said ("거기 라미네이트는 하시나요?"): ``question_other`` (4 of 5 earlier
  such labels: "라미네이트도 하세요", "원데이 임플란트도 하세요?"; blind7's "투명 교정도 하세요?" is a booking,
  so braces by their Korean name are left to the other rules);
- a tooth gone dark told, nothing asked ("애 앞니가 까맣게 변했어요"): ``symptom``.

All patterns match the compact text (no spaces).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_MONEY = re.compile(r"비용|가격|얼마(?!나)|돈|비싸|견적")
_MEDICINE = re.compile(r"(?:약|아스피린|와파린|쿠마딘|항응고제|항혈전제|혈전|피묽|피를묽|플라빅스|자렐토|"
                       r"엘리퀴스|아픽사반)")
_STOPPED_OR_KEPT = re.compile(
    r"(?:약|아스피린|와파린|쿠마딘|항응고제|항혈전제|플라빅스|자렐토|엘리퀴스)[가-힣]{0,6}"
    r"(?:끊어야|끊고|끊을까|끊는게|중단해야|중단하고|안먹어야|먹지말아야|끊어야되|계속먹어도|계속먹어야|먹고가도|먹어도|"
    r"먹어야)(?:돼|되|하|할|괜찮|가야|와야)")
_AT_A_TREATMENT = re.compile(r"뽑을|뽑기|뺄때|빼기|빼는|발치|수술|임플란트|심을|심기|스케일링|치료|때|전에|전날|"
                             r"당일|하기전")
_TROUBLE = re.compile(r"흔들|아파|아프|아픈|시려|시린|시큰|부었|부어|붓|빠졌|빠져|떨어졌|떨어져|깨졌|깨져|"
                      r"욱신|쑤시|쑤셔|(?<![커카배])피가|피나|금갔|금이|찌릿|헐었|헐어")
_AFTER_A_PERIOD = re.compile(
    r"(?:추석|설|설날|명절|연휴|주말|휴가|방학|시험|출장|여행|이사|행사|대회|일)(?:이|은|만)?"
    r"(?:지나고|지나서|지나면|끝나고|끝나서|끝나면|쇠고|쇠서|이후에|이후로|후에|뒤에|다음에|다녀와서|갔다와서)"
    r"(?:나서)?(?:가도|와도|가면|봐도|가봐도)(?:괜찮|될까|되나|돼요|되요|되겠|되는)")
_AN_HOUR = re.compile(r"시반|[0-9한두세네다여일아열]시|오전|오후|저녁|점심")
_DAY_GONE = re.compile(r"어제|그저께|그제|그끄저께|지난주|저번주|지난(?:월|화|수|목|금|토|일)요일|"
                       r"저번(?:월|화|수|목|금|토|일)요일|아까|지난번")
_CLOSED_THEN = re.compile(
    r"(?:일찍|빨리|문|진료)(?:을|를)?(?:닫았|닫으셨|닫으신|닫은|마치셨|마쳤|끝내셨|끝났|안하셨|안했|안열)"
    r"|(?:쉬셨|쉬었|쉰거|휴진이었|휴진했|휴진하셨|휴무였|휴무셨|문을안|영업안하)")
_HOURS_ASKED = re.compile(r"(?:어요|나요|죠|지요|어요\?|나요\?|습니까|던가요|었어요|셨어요|예요|에요|가요)\??$|\?$")
_BOOKING_WORDS = re.compile(r"예약|잡아|잡을|바꿔|취소|갈게|가도|갈수")
_LATEST_HOUR = re.compile(r"(?:제일|가장|젤|맨)(?:늦게|늦은|마지막|빨리|빠른|일찍|이른)[가-힣]{0,8}몇시")
_ALONG_WITH_MINE = re.compile(
    r"(?:와이프|아내|남편|신랑|애|아이|애기|딸|아들|딸내미|엄마|아빠|어머니|아버지|동생|언니|누나|형|오빠|가족|애들|집사람)"
    r"(?:것|거|꺼)?(?:도|까지)같이[가-힣]{0,4}(?:예약|잡아|잡을|잡혀|넣어|봐|받을)"
    r"[가-힣]{0,3}(?:되나요|돼요|될까|되죠|가능|주세요|줄수|주실수|주시겠)")
_PUT_THROUGH = re.compile(r"통화|바꿔|연결|얘기|이야기")  # a doctor's office asking for the director
_CHANGED = re.compile(r"취소|변경|바꿔|옮겨|미뤄")
_SLOT_ASKED = re.compile(r"(?:시|시반|분)(?:에|쯤|정도)?"
                         r"(?:되나요|돼요|될까요|가능해요|가능한가요|비어있|있어요|괜찮아요)")
_IN_A_HURRY = re.compile(r"(?:빨리|일찍|금방|얼른|바로)"
                         r"(?:끝나야|끝내야|끝내고|나와야|들어가야|가야|마쳐야|출근해야|가봐야)")
_IF_FREE_I_COME = re.compile(r"(?:되면|괜찮으면|비어있으면|비면|가능하면|자리있으면)"
                             r"(?:갈게|가께|갈께|올게|할게|가겠|갈꺼|갈거)")
_CHECKUP_FORM = re.compile(r"(?:검진표|검진지|검진서류|검진용지|검진종이|검진안내문|검진통지)")
_CHECKUP_WANTED = re.compile(r"(?:해주세요|해주실|받으려|받을게|받으러|하려고|하러|할게요|예약|되나요|돼요|가능)")
_AGE_OVER = re.compile(r"(?:칠십|일흔|육십오|예순다섯|팔십|여든|65|70|80)(?:세|살)?(?:넘|이상|부터)|노인|어르신|경로")
_DISCOUNT = re.compile(r"할인|혜택|싸게|지원")
_INSURANCE = re.compile(r"보험|건보|공단|의료보험")
_CHARGED_TWICE = re.compile(r"(?:두번|이중|중복|두번이나|잘못)(?:으로)?(?:긁|결제|계산|청구|빠져나|나갔|찍)")
_GONE_DARK = re.compile(r"(?:검게|까맣게|까매|거멓게|시커멓게|새까맣게|검은색으로|회색으로|누렇게|갈색으로|거무스름)"
                        r"(?:변했|변해|됐|되었|졌|해졌)")
_OFFERED_ASKED = re.compile(
    r"^(?:혹시|거기|여기|그|저기)?(?:인비절라인|라미네이트|원데이임플란트|수면임플란트|수면치료|수면마취|"
    r"레이저치료|잇몸성형|보톡스|치아성형|올세라믹|지르코니아)(?:도|는|은)?(?:하세요|하시나요|하나요|해요|되나요|하시죠|"
    r"하시는지)\??$")
_ASKED = re.compile(r"\?|괜찮|돼요$|되나요|정상|왜|어떡|어떻게|해야|뭐|인가요|일까|건가|거예요$|건지")

RULES = (
    KindRule("a medicine stopped or kept at a treatment", "medical_question",
             (_MEDICINE, _STOPPED_OR_KEPT, _AT_A_TREATMENT), unless=(_MONEY, _PUT_THROUGH)),
    KindRule("a trouble, then may I come after a holiday", "medical_question", (_TROUBLE, _AFTER_A_PERIOD),
             unless=(_AN_HOUR, _MONEY)),
    KindRule("the hours of a day gone by asked", "ask_hours", (_DAY_GONE, _CLOSED_THEN, _HOURS_ASKED),
             unless=(_BOOKING_WORDS, _TROUBLE)),
    KindRule("the latest or earliest hour asked to the date or time question", "book", (_LATEST_HOUR,),
             expect=("time", "date")),
    KindRule("another person's visit booked along with one's own", "book", (_ALONG_WITH_MINE,),
             unless=(_CHANGED, _MONEY)),
    KindRule("a day and an hour asked, with a hurry told", "book", (_SLOT_ASKED, _IN_A_HURRY), dated=True,
             unless=(_MONEY,)),
    KindRule("a slot of one's own, if free, to an offer", "book", (_IF_FREE_I_COME,), expect=("offer",),
             dated=True),
    KindRule("a school checkup form brought, the checkup asked", "book", (_CHECKUP_FORM, _CHECKUP_WANTED),
             unless=(_MONEY, _INSURANCE)),
    KindRule("a discount for an age asked under the insurance", "ask_insurance",
             (_AGE_OVER, _DISCOUNT, _INSURANCE)),
    KindRule("a card charged twice", "question_other", (_CHARGED_TWICE,)),
    KindRule("a treatment asked offered, nothing else", "question_other", (_OFFERED_ASKED,), expect=(None,),
             dated=False),
    KindRule("a tooth gone dark, told", "symptom", (_GONE_DARK,), unless=(_ASKED,)),
)
