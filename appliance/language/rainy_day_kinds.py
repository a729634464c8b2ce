"""Kinds of speech of two ordinary clinic days (issue 15, round 38: blind60, a rainy Tuesday in July, and blind61, a
Friday evening at a clinic open until nine), consulted at stage 2 (``caller_errands``), after ``port_day_kinds``,
behind the refusal / red-flag guard (``RULES``):

- an appliance's trouble told ("틀니가 자꾸 빠져요", "씌운 게 반으로 쪼개졌어요"), or told with "좀 봐 주세요",
  with no day, no visit and nothing asked: ``symptom`` (round 23: a problem described and "can you fix it" with no
  day; a day named books it, as the sets label it);
- a photo offered for the dentist to look at, no trouble told, no message or paper named ("사진 보낼 테니 한번
  봐 주시겠어요"): ``medical_question`` (round 23; by message it is round 19's errand for staff);
- a child's milk tooth loose with the new one coming, told and nothing asked ("유치가 흔들리는데 새 이가 나와요"):
  ``symptom``;
- what one pays with the insurance applied, before or after it ("보험 되면 얼마 내면 돼요", "제가 낼 돈은 얼마예요
  보험 적용해서"): ``ask_insurance`` (round 25: how much one pays under the insurance), unless it is not applied (a
  bare "얼마예요" with it is left as it was: the older sets are split on it);
- a walk-in asked for now with where one is as its reason ("지금 가도 돼요? 바로 앞이라서"): ``book`` (round 36),
  not the clinic's place asked; a trouble told beside it is left to the care rules;
- whether one may come without a booking, no day, no now and no trouble told ("예약 안 하고 가도 되나요"):
  ``question_other``, the clinic's way of working (a walk-in now books, round 37's ``port_day_kinds``);
- how far on foot from a landmark ("시장 입구에서 얼마나 걸어야 돼요"): ``ask_location``, not how long a treatment
  takes;
- a taxi's or a bus's fare covered ("교통비 좀 대 주시나요"): ``question_other`` for staff (the parking fee stays the
  parking topic);
- a fee for a visit missed asked ("예약하고 못 가면 돈 내야 돼요"): ``question_other`` (round 23: the no-show rule);
- coming, but maybe late, to a reminder ("가요 가는데 좀 늦을 수도 있어요"): ``yes`` (round 31);
- a proposal taken by its time after "그럼" ("그럼 두 시로 할게요"), nothing turned down: ``yes`` (5 of 5 earlier
  such answers);
- "nothing, goodbye" to the need question ("네 없습니다 들어가세요"): ``no`` (rounds 30 and 32), not a closing;
- another day asked to a reminder ("그날은 어렵고 금요일로 하면 안 될까요"): ``reschedule`` (round 27: a reminder
  answered with a day to move to);
- an offer declined as busy now ("됐어요 요즘은 바빠서"): ``no`` (round 25: a refusal now), not a call back;
- how long a treatment takes asked by its minutes ("임플란트는 한 시간이면 끝나요"): ``question_other`` (round 23).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_APPLIANCE_TROUBLE = re.compile(
    r"(?:틀니|의치|씌운거|씌운게|크라운|브릿지|보철|교정기|유지장치)[가-힣]{0,8}"
    r"(?:빠진다|빠져요|빠지네|빠지고|쪼개|갈라|헐거|안맞|깨졌|부러졌|빠졌|들떠|들떴)")
_TOLD_OR_LOOK = re.compile(r"봐주|고쳐주|손봐주|(?:쪼개|갈라|깨|부러|빠)졌어요$|빠져요$|헐거워요$|안맞아요$")
_A_DAY_VISIT_OR_ASKED = re.compile(
    r"오늘|내일|모레|요일|주말|다음주|이번주|예약|언제|몇시|가도|가면|갈게|얼마|보험|왜|어떻게|해야|되나|될까|돼요|"
    r"되요|괜찮|그날|그때|같이|나요$|까요$|\?")

_PHOTO_FOR_A_LOOK = re.compile(
    r"사진(?:을|좀)?(?:찍어(?:서)?)?(?:보내|보낼|올려|올릴)[가-힣]{0,12}(?:봐|보)(?:주실|주시|줄수|주세요|주시겠)")
_PAPERS_OR_MESSAGE = re.compile(r"카톡|카카오|문자|메일|엑스레이|서류|영수증|진단서|소견서|보험|처방전|기록")

_MILK_TOOTH_LOOSE = re.compile(r"(?:유치|젖니|애기이|아기이)[가-힣]{0,6}흔들")
_NEW_ONE_COMING = re.compile(r"(?:새이|영구치|새로운이|어른이)[가-힣]{0,4}(?:올라|나와|나오|나고|났|보여)")
_ASKED = re.compile(r"나요|까요|가요|돼요|되나|되죠|해야|어떻게|언제|빼야|뽑아야|빼줘|뽑아줘|가도|예약|\?")

_PAID = r"(?:얼마(?:나|정도|쯤)?(?:를)?(?:내|낼|부담)|(?:내는|낼|내야되는|내야하는)(?:돈|거|건|게))"
_INSURED_COST = re.compile(
    r"보험(?:으로|이|을)?(?:되면|돼서|되고|해서|하면|적용되면|적용해서|적용하면|처리하면|처리해서)[가-힣]{0,14}" + _PAID
    + r"|" + _PAID + r"[가-힣]{0,8}보험(?:으로|을)?(?:해서|하면|되면|적용해서|적용하면|처리해서|처리하면)(?:요)?$")
_NOT_INSURED = re.compile(r"보험(?:이|은)?안(?:되|돼)|보험없이|비보험")

_NOW_FROM_NEARBY = re.compile(r"지금(?:바로)?(?:가도|가면)(?:돼|되|될)")
_WHERE_ONE_IS = re.compile(r"근처|가까이|가까워|바로앞|앞이라|앞인데|옆이라|옆인데|건너편|근방")
_TROUBLE = re.compile(r"아파|아프|시려|시리|부었|부어|붓|욱신|(?<![커카배])피[가나]|흔들|빠졌|깨졌|부러|쑤시|쑤셔")

_WALK_IN_ANY_DAY = re.compile(r"예약(?:없이|안하고|안잡고)(?:그냥)?(?:가도|와도|들어가도)(?:돼|되|될|괜찮)")
_NOW_A_DAY_OR_TROUBLE = re.compile(r"지금|오늘|바로|내일|모레|요일|주말|" + _TROUBLE.pattern)
_ON_FOOT_FROM = re.compile(r"[가-힣]에서(?:얼마나|몇분)(?:정도)?(?:걸어|걸려|걸리|가야)")
_TREATMENT_TIME = re.compile(r"치료|스케일링|시술|수술|검진|진료|발치|상담|교정|임플란트")

_FARE_COVERED = re.compile(r"(?:택시비|교통비|(?<!주)차비|버스비|기차비)(?:를|는|도|좀)*"
                           r"(?:지원|대주|대줘|내주|내줘|보태|환급|해주|챙겨)")

_MISSED_VISIT_FEE = re.compile(
    r"(?:못간|안간|못가면|안가면|못오면|안오면|노쇼|펑크)(?:거|것|날|경우|건)?(?:도|는|에|에도)?[가-힣]{0,4}"
    r"(?:돈|비용|위약금|수수료|벌금|요금)(?:이|을|도)?(?:나와|나오|내야|있|물어|받|청구)")

_COMING_MAYBE_LATE = re.compile(
    r"^(?:네|예)?(?:가요|갈게요|가죠|갑니다|가긴|가는데|가요가는데)[가-힣]{0,14}"
    r"(?:늦을지도|늦을수도|늦을것|늦겠|좀늦|조금늦|늦어질)")
_NOT_COMING_OR_MOVED = re.compile(r"못가|못갈|안가|취소|바꿔|옮겨|미뤄|몇시까지|되나|돼요\?|될까")

_THEN_BY_ITS_TIME = re.compile(
    r"^(?:아|음|어)?(?:그럼|그러면)(?:[가-힣]{0,8})(?:시|반|분)(?:으로|로)(?:할게요|할께요|하죠|할래요|하겠습니다)$")
_TURNED_DOWN = re.compile(r"말고|말구|대신|아니고|안돼|안되|어렵|못")

_ANOTHER_DAY_ASKED = re.compile(
    r"(?:요일|다음주|날|모레|내일)(?:로|으로)(?:좀)?(?:하면|해주시면|해주면|바꾸면|바꿔주시면|옮기면)(?:안될까|안돼|안되|될까|되나|돼)")
_CANCELLED = re.compile(r"취소|못가요$|안갈")
_DECLINED_BUSY = re.compile(r"^(?:아|어)?(?:됐어요|됐습니다|괜찮습니다)(?:지금은|요즘은)?(?:좀|많이)?(?:바빠|바쁘)")
_HOW_LONG_IT_TAKES = re.compile(r"(?:[일이삼사오육십한두세]|\d)(?:분|시간)(?:이면|정도면|안에)(?:다)?끝나")
_BOOKED_WITH_IT = re.compile(r"예약|잡아|할게|하려고|되나요$|돼요$")
_NOTHING_GOODBYE = re.compile(r"^(?:네|예|아니요|아뇨)?(?:없습니다|없어요|없네요|됐습니다|됐어요)"
                              r"(?:들어가세요|수고하세요|수고하십시오)$")

RULES = (
    KindRule("an appliance's trouble told, a look asked", "symptom", (_APPLIANCE_TROUBLE, _TOLD_OR_LOOK),
             (_A_DAY_VISIT_OR_ASKED,), dated=False),
    KindRule("a photo offered for a look", "medical_question", (_PHOTO_FOR_A_LOOK,), (_PAPERS_OR_MESSAGE,)),
    KindRule("a milk tooth loose, the new one coming", "symptom", (_MILK_TOOTH_LOOSE, _NEW_ONE_COMING), (_ASKED,)),
    KindRule("the cost with the insurance applied", "ask_insurance", (_INSURED_COST,), (_NOT_INSURED,)),
    KindRule("a walk-in now from nearby", "book", (_NOW_FROM_NEARBY, _WHERE_ONE_IS), (_TROUBLE,)),
    KindRule("a walk-in without a booking asked, no day", "question_other", (_WALK_IN_ANY_DAY,),
             (_NOW_A_DAY_OR_TROUBLE,), dated=False),
    KindRule("how far on foot from a landmark", "ask_location", (_ON_FOOT_FROM,), (_TREATMENT_TIME,)),
    KindRule("a fare covered", "question_other", (_FARE_COVERED,)),
    KindRule("a fee for a missed visit", "question_other", (_MISSED_VISIT_FEE,)),
    KindRule("coming, maybe late, to a reminder", "yes", (_COMING_MAYBE_LATE,), (_NOT_COMING_OR_MOVED,),
             expect=("reminder",)),
    KindRule("a proposal taken by its time after 'then'", "yes", (_THEN_BY_ITS_TIME,), (_TURNED_DOWN,),
             expect=("proposal",)),
    KindRule("nothing, goodbye, to the need question", "no", (_NOTHING_GOODBYE,), expect=("need",)),
    KindRule("another day asked, to a reminder", "reschedule", (_ANOTHER_DAY_ASKED,), (_CANCELLED,),
             expect=("reminder",), dated=True),
    KindRule("an offer declined, busy now", "no", (_DECLINED_BUSY,), expect=("offer",)),
    KindRule("how long a treatment takes, asked by its minutes", "question_other", (_HOW_LONG_IT_TAKES,),
             (_BOOKED_WITH_IT,), dated=False),
)
