"""Kinds of speech of two early-summer days (issue 15, round 34: blind52, a Wednesday in June, and blind53, a Monday
in May), consulted at stage 2 (``caller_errands``) after ``spring_day_kinds``, behind the same refusal / red-flag
guard:

- a restriction of when to call, the calls not taken then ("토요일 일요일엔 제가 전화를 못 받아요 평일에 다시
  주세요"): ``callback_later`` (round 24), and no day is named (``days_not_asked``);
- "right today, can't it?" asked back to the date question ("어 오늘 바로 안 돼요?"; the question mark is not
  heard, "바로" asks it): ``book``, a day asked for;
- how long a treatment takes asked before booking ("예약하기 전에 그거 시간 얼마나 걸리는데요"): ``question_other``
  (round 23: how long a treatment takes);
- the papers an insurance claim needs ("치아보험 청구하려면 진단서 따로 떼야 돼요"): ``ask_insurance`` (round 27);
- what a treatment costs once the insurance applies ("스케일링 비용 얼마예요 보험 적용하면"): ``ask_insurance``
  (round 25: how much of it the patient pays under the insurance);
- a treated tooth broken or come off and "can you redo it" with no day ("씌운 거에 금이 갔어요 다시 해 주실 수
  있어요"): ``symptom`` (round 23: a problem described and "can you fix it" with no day);
- better than before on a wellbeing call ("어제보다는 훨씬 낫네요"): ``no``, nothing is wrong (round 27);
- a booking announced, then whether now suits to talk ("예약 잡으려고요 지금 통화 가능하세요"): ``book``, no
  person asked for;
- passing by now and walking in for a visit ("지금 앞을 지나가는 중인데 바로 들어가도 진료 받을 수 있어요"):
  ``book`` (round 31: a walk-in asked for today).
"""

from __future__ import annotations

import re

from appliance.language.days_not_asked import CALLS_NOT_THEN
from appliance.language.kind_rules import KindRule

_CALL_THEN = re.compile(r"(?:주세요|주시면|주쇼|주이소|해주세요|하세요|주실래요)(?:돼요)?$|다시")
_TODAY_NOT_POSSIBLE = re.compile(r"^(?:아|어|음)?(?:오늘|내일|지금)(?:바로|당장)안(?:돼|되)(?:요|나요|는거예요)?$")
_BEFORE_BOOKING = re.compile(r"예약(?:하기|잡기|하기도)전에")
_HOW_LONG = re.compile(r"(?:시간|기간)(?:이|은|는)?(?:얼마나|몇시간|몇분|몇달)(?:걸리|걸려|해요|돼요)")
# what a claim needs is asked, not a paper asked for ("… 진단서 발급 돼요", "… 떼 주세요": question_other)
_CLAIM_PAPERS = re.compile(r"(?:보험|실비)[가-힣]{0,6}청구[가-힣]{0,10}(?:진단서|서류|소견서|내역서|영수증)[가-힣]{0,6}"
                           r"(?:떼야|떼가야|발급받아야|준비해야|뽑아야|챙겨야)(?:돼|되|하)")
_PRICE_ASKED = re.compile(r"얼마|비용|가격")
_INSURANCE_APPLIED = re.compile(r"보험(?:이|을)?적용(?:하면|되면|받으면)(?:요)?$")  # not "보험 되면요" (blind8, train)
_TREATED_BROKEN = re.compile(r"(?:씌운|때운|떼운|붙인|임플란트|크라운|레진|브릿지)[가-힣]{0,6}"
                             r"(?:금이갔|깨졌|깨져|빠졌|떨어졌|부러졌)")
_REDO_ASKED = re.compile(r"다시(?:해|붙여|씌워|때워|고쳐)(?:주실수있|줄수있|주세요|주시나요|주실래요)")
_A_DAY_ASKED = re.compile(r"언제|몇시|오늘|내일|모레|요일|가도(?:돼|되)|가면(?:돼|되)|예약")
_FREE_OF_CHARGE = re.compile(r"무상|무료|공짜|보증|돈|비용|얼마")  # a warranty asked: question_other
_BETTER_NOW = re.compile(r"^(?:아|어|네|예)?(?:어제|그제|처음|전|저번|아까)?(?:보다|보단|보다는)?"
                         r"(?:훨씬|많이|한결|좀|다|이제)?(?:낫네요|나아졌어요|나아졌네요|나았어요|낫습니다|나아요|좋아졌어요)$")
_BOOKING_SAID = re.compile(r"^(?:아|어|네|예)?예약(?:좀)?(?:잡으려고요|잡을려구요|잡으려구요|잡을려고요|하려고요|"
                           r"할려구요|"
                           r"하려구요|할려고요)")
_NOW_A_GOOD_TIME = re.compile(r"지금(?:통화|전화)(?:가능|괜찮|되)")
_PASSING_BY = re.compile(r"지나가는(?:중|길)(?:인데|이에요)")
_WALK_IN = re.compile(r"(?:바로|그냥|지금)(?:들어가도|가도)[가-힣]{0,4}(?:진료|치료)(?:받을수|돼|되|가능)")

RULES = (
    KindRule("when to call, the calls not taken then", "callback_later", (CALLS_NOT_THEN, _CALL_THEN)),
    KindRule("right today, can't it, to the date question", "book", (_TODAY_NOT_POSSIBLE,), expect=("date", "time")),
    KindRule("how long it takes, before booking", "question_other", (_BEFORE_BOOKING, _HOW_LONG), dated=False),
    KindRule("the papers of an insurance claim", "ask_insurance", (_CLAIM_PAPERS,)),
    KindRule("the cost once the insurance applies", "ask_insurance", (_PRICE_ASKED, _INSURANCE_APPLIED)),
    KindRule("a treated tooth broken, would you redo it", "symptom", (_TREATED_BROKEN, _REDO_ASKED),
             unless=(_A_DAY_ASKED, _FREE_OF_CHARGE)),
    KindRule("better than before, on a wellbeing call", "no", (_BETTER_NOW,), expect=("wellbeing",)),
    KindRule("a booking announced, is now a good time", "book", (_BOOKING_SAID, _NOW_A_GOOD_TIME)),
    KindRule("passing by, walking in now", "book", (_PASSING_BY, _WALK_IN)),
)
