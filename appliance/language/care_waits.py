"""Care questions about waiting, and about a care step left out, that name a visit or a day (issue 15, round 19:
blind26).

A patient in the middle of a treatment asks whether a thing can wait until the next visit ("임시로 막은 데가
꺼졌는데 다음 예약까지 괜찮은 거죠"), how many hours after a treatment one may eat ("불소 발랐는데 저녁은 몇 시간
뒤에 먹여야 돼요"), or whether an appliance may be left off for a while ("고무줄 하나 잃어버렸는데 하루 정도 안
껴도 돼요"), or how a thing will go with time: how many days until it settles ("입이 잘 안 벌어지는데 며칠이면
풀려요"), whether a new denture's burning is getting used to it ("이게 적응하는 과정이에요"), what happens to a tooth
left so ("빠진 채로 며칠 두면 이가 상해요"), how to care for a treated site ("뽑은 자리에 음식이 들어가면 어떻게
빼요"). The treatment, the next visit or "today" named on the way book
nothing: each is a question about one's own care, a ``medical_question`` for the dentist
(:func:`asks_whether_it_can_wait`). Round 32 (blind49): a trouble told, then whether to come now or whether it can
wait a while ("… 흔들리는 느낌인데 지금 가 봐야 돼요 주말 지나서 가도 돼요"), and "may I come tomorrow" with the
trouble given as its reason after ("내일 아침에 가도 돼요 잇몸에서 피가 나서"): the dentist's call, as the labelling
conventions write ("can I come tomorrow / can it wait" about a problem). All patterns match the compact text (no
spaces).
"""

from __future__ import annotations

import re

from appliance.language import harvest_day_kinds

# Until the next visit, may it stay so ("다음 예약까지 괜찮은 거죠", "다음 진료 때까지 그냥 둬도 돼요")
_UNTIL_NEXT_VISIT = re.compile(
    r"다음(?:예약|진료|치료|번|내원|방문)(?:때)?까지[가-힣]{0,10}(?:괜찮|버텨도|버티면|둬도|놔둬도|있어도|"
    r"기다려도|참아도|견뎌도)"
)
# How many hours after it before eating or drinking ("몇 시간 뒤에 먹여야 돼요", "몇 시간 있다가 마셔도 돼요")
_HOURS_BEFORE_EATING = re.compile(
    r"(?:몇시간|몇분|얼마나|얼마)(?:뒤|후|있다가?|지나서|지나고|기다렸다가?)(?:에|부터)?[가-힣]{0,4}"
    r"(?:먹|마시|마셔|드셔|드시|양치|씹|물고|물어)"
)
# A treatment had today or just now that the hours count from ("불소 발랐는데", "레진 때웠는데", "마취했는데")
_TREATMENT_HAD = re.compile(
    r"(?:불소|실란트|레진|스케일링|마취|치료|신경치료|발치|때우|때웠|씌웠|뽑|뺐|발랐|바르)[가-힣]{0,6}(?:는데|"
    r"고나서|고왔|했|받았)"
)
# An appliance one wears, left off for a while ("하루 정도 안 껴도 돼요", "며칠 빼고 있어도 괜찮아요")
_APPLIANCE = re.compile(
    r"고무줄|유지장치|교정기|교정장치|장치|마우스피스|스플린트|틀니|투명교정|교정|나이트가드|보정기"
)
_LEFT_OFF = re.compile(
    r"(?:하루|이틀|사흘|며칠|한동안|잠깐|오늘|오늘하루|일주일|주말|당분간|몇일)(?:정도|만|쯤|동안)?"
    r"(?:안|안끼고|빼고|빼놓고|안하고)[가-힣]{0,3}(?:껴도|끼어도|해도|있어도|자도|지내도|돼|되|괜찮)"
    r"|안(?:끼면|하면)안(?:돼|되)(?:요|나요|죠)?$"
)
# How it will go with time ("며칠이면 풀려요", "적응하는 과정이에요", "그냥 두면 이가 상해요")
_SETTLES_WHEN = re.compile(
    r"(?:며칠|몇일|얼마나|언제쯤)(?:이면|지나면|있으면|정도면|가면)[가-힣]{0,4}"
    r"(?:풀려|풀리|나아|낫|괜찮아|가라앉|없어져|없어지|돌아와|적응)[가-힣]{0,3}(?:요|나요|까요|죠)$"
)
_GETTING_USED = re.compile(r"적응(?:하는|되는)?(?:과정|기간|중)(?:이에요|인가요|이죠|예요|인거죠|인건가요|이겠죠)$")
_LEFT_SO_HARMS = re.compile(
    r"(?:두면|놔두면|놔두면|있으면|지내면)[가-힣]{0,6}(?:상해|상하|썩어|썩|깨져|망가|안좋아|문제(?:가)?생겨)"
    r"[가-힣]{0,3}(?:요|나요|까요|죠)$"
)
# round 42: not how to book ("교정 상담 받아 보려고 하는데요 예약 어떻게 해요": a visit asked, no care step)
_HOW_TO_CARE = re.compile(r"(?<!예약)(?<!예약은)(?<!예약을)(?<!예약하려면)(?<!예약좀)"
                          r"어떻게(?:빼|해|닦|하|관리|씻)[가-힣]{0,3}(?:요|나요|야돼요|야되나요|야해요)$")
_TREATED = re.compile(r"틀니|뽑|뺀|빼고|발치|씌운|때운|임플란트|교정|신경치료|크라운|레진|수술|마취|브릿지|보철")
# round 32: a trouble of one's own ("흔들리는 느낌", "피가 나서", "부어서")
_TROUBLE = re.compile(r"흔들|(?<![커카배])피가(?:나|났)|아파|"
                      r"아프|부어|부었|시려|시리|시큰|욱신|빠졌|빠져|깨졌|깨져|떨어졌|부러졌|느낌")  # round 42: 시큰
# whether now, or after a while ("지금 가 봐야 돼요", "주말 지나서 가도 돼요", "며칠 있다가 가도 되나요")
_NOW_OR_LATER = re.compile(
    r"(?:지금|당장|바로)(?:바로)?(?:가|와|가봐|와봐|가서봐)야(?:돼|되|하)"
    r"|(?:주말|며칠|몇일|이틀|사흘|일주일|연휴|다음주|좀|조금)(?:더)?(?:지나서|지나고|있다가|기다렸다가|"
    r"지나면)(?:가|와)도(?:돼|되|괜찮)"
)
# "내일 (아침에) 가도 돼요" with the trouble as its reason at the end ("… 잇몸에서 피가 나서")
_COME_THEN_REASON = re.compile(
    r"(?:내일|낼|모레|이따|오늘|저녁에|오후에|아침에)[가-힣]{0,4}(?:가도|와도)(?:돼|되)(?:요|나요)?"
    r"[가-힣]{2,14}(?:(?<![커카배])피가나|아파|아프|부어|부었|시려|시리|흔들려|욱신거려|빠져|깨져)서(?:요)?$"
)
# round 34: a pain told first, then only "may I come today" ("주말 내내 어금니가 욱신거렸는데요 오늘 가도 되나요"):
# whether to come is asked, no visit is (no hour, no errand: "붙이러 목요일에 가도 돼요" books)
# round 40: also another's pain relayed ("애가 어금니가 아프다고 해서요 오늘 가능할까요") and "is today possible"
_PAIN_THEN_MAY_I_COME = re.compile(
    r"(?:(?:아팠|아파|아프|욱신|쑤시|쑤신|쑤셔|쑤셨|시렸|시려|시리|시큰|부었|부어)[가-힣]{0,6}"
    r"(?:는데|어서|아서|니까|다고해서|다고하셔서|어요|아요)|(?:시린|아픈|쑤신|부은|시큰한)데|"
    r"(?:욱신거리|쑤시|아파|아프|시려|시리|쑤셔|부어|시큰거리)가)(?:요)?"
    r"(?:혹시)?(?:오늘|내일|낼|모레)(?:바로|당장|좀|한번)?"
    r"(?:(?:가도|가봐도|와도)(?:돼|되|될|괜찮)(?:요|나요|죠|까요|는거죠|아요|을까요)?|가능할까요|가능해요|"
    r"가능한가요)\??$"
)
# round 48: the same with a child brought ("애가 이가 아프다고 우는데 오늘 데려가도 돼요"), a tooth about to come out
# ("쑥 빠질라 카는데"), "되겠나요", and a reason of one's own day after ("… 오늘은 가게 때문에"); no hour, no errand
# round 49: a wire poking told ("철사가 튀어나와서 볼을 찔러요") and after school ("오늘 학교 끝나고 데려가도 될까요");
# round 34's form in dialect ("밤새 욱신거리가 오늘 가도 되는교"); a weekday as the day ("… 아픈데 토요일에 좀
# 가 봐도 돼요")
_TROUBLE_THEN_MAY_I_BRING = re.compile(
    r"(?:(?:찔러요|찔려요|찔러서요|찔려서요|(?:시린|아픈|쑤신|부은|시큰한)데)"
    r"|(?:아팠|아파|아프|욱신|쑤시|쑤셔|시려|시리|시큰|부었|부어|흔들|빠질|빠지려|빠질라|빠질려|깨졌|깨져|"
    r"(?<![커카배])피가나|튀어나와|튀어나왔)[가-힣]{0,8}(?:는데|어서|아서|니까))(?:요)?(?:혹시)?"
    r"(?:오늘|내일|낼|모레|[월화수목금토일]요일(?:에|날)?)(?:바로|당장|좀|한번)?(?:학교|수업|학원|일|회사)?"
    r"(?:끝나고|마치고)?"
    r"(?:데려|데리고|델고|애데리고)?"
    r"(?:가도|가봐도|와도|와봐도)(?:돼|되|될|괜찮)(?:요|나요|죠|까요|겠나요|겠어요|겠습니까|을까요)?\??"
    r"(?:[가-힣]{0,10}(?:때문에|때메|땜에|라서|이라서|바빠서))?$"
)
# round 40: a trouble told, then whether one should go at all ("계속 욱신거려요 한번 가 봐야 할까요 내일 가도 돼요"):
# asked, not booked (a statement, "한번 가 봐야겠어요", stays with the rules that read it)
# round 42: must I come today, or may I come next week ("… 오늘 가야 돼요 아니면 다음 주에 가도 돼요"), either order
_MUST_OR_MAY = re.compile(
    r"(?:가야|와야|가봐야)(?:돼|되|하|할)[가-힣]{0,4}(?:아니면|아님|혹은)[가-힣]{0,10}(?:가도|와도|"
    r"있다가)(?:돼|되|될|괜찮)"
    r"|(?:가도|와도)(?:돼|되|될|괜찮)[가-힣]{0,4}(?:아니면|아님|혹은)[가-힣]{0,10}(?:가야|와야|가봐야)(?:돼|"
    r"되|하|할)")
# round 45: today or may it wait, either-or, the trouble named before as "그거" ("그거 오늘 가도 되는 건지 아니면 좀
# 기다려도 되는 건지"): whether it can wait is asked, the dentist's call, whatever trouble it is
_TODAY_OR_WAIT = re.compile(
    r"(?:오늘|지금|당장|바로)[가-힣]{0,3}(?:가도|와도|가야|와야|가봐야)(?:돼|되|하|할|괜찮)[가-힣]{0,4}"
    r"(?:아니면|아님|혹은)[가-힣]{0,6}(?:기다려도|기다렸다가?|참아도|버텨도|두고봐도|지켜봐도|놔둬도|있다가)")
# round 50 (counted: a trouble told, then "may I come [a day word]" with no hour and no errand, 15 of 18 earlier
# labels medical_question; with "지금/바로" and no day word 29 of 29 book, round 36; an appliance's fit with a day 6 of
# 6 book): the general form, whatever the trouble's ending ("욱신욱신한데", "시려서 그러는데", "아프긴 한데"), a
# wait between ("참았다가"), a part of the day ("내일 아침에"), and a reason of one's own day after ("… 오늘은 회의가
# 계속 있어서요")
_TROUBLE_TOLD = re.compile(
    r"(?:(?:아파|아프|아픈|아팠|욱신|쑤시|쑤셔|쑤신|시려|시리|시린|시렸|시큰|부었|부어|부은|흔들|(?<![커카배])피가나|"
    r"(?<![커카배])피나)[가-힣]{0,8}?(?:는데|한데|은데|ㄴ데|데|어서|아서|려서|해서|니까)(?:요)?"
    r"|(?:부러져|부러졌|깨져|깨졌)(?:버렸|부렀|버렀)(?:어|는데|어요))"  # round 51: a thing broken, "… 부러져 부렀어"
    r"(?:그러는데|그래서|그런데)?(?:요)?")
_WAIT_BETWEEN = r"(?:좀|그냥|혹시|참았다가|참다가|기다렸다가|버티다가|며칠)*"
_A_DAY_WORD = (r"(?:오늘|내일|낼|모레|내일모레|이번주|다음주|담주|주말|[월화수목금토일]요일)(?:날)?(?:에|은|는)?"
               r"(?:아침|오전|오후|저녁|점심)?(?:에|때)?(?:좀|한번|다시|일찍)?")
_MAY_I_COME = (r"(?:가도|와도|가봐도|와봐도|데려가도|가서봐도)(?:돼|되|될|괜찮)(?:요|나요|죠|까요|까|겠나요|겠어요|"
               r"을까요|는거죠)?\??")
_TROUBLE_THEN_A_DAY = re.compile(_TROUBLE_TOLD.pattern + _WAIT_BETWEEN + _A_DAY_WORD + _MAY_I_COME
                                 + r"(?:[가-힣]{2,16}(?:어서요|아서요|해서요|어서|아서|해서|때문에|라서요|라서))?$")
_HOUR_OR_ERRAND = re.compile(r"(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두|\d)시(?!간)|[가-힣]러(?:가|와|오)"
                             r"|들고|모시고|헐렁|덜그럭|지금|바로|당장")
_SHOULD_I_GO = re.compile(r"(?:한번|꼭|바로)?가봐야(?:할까요|하나요|되나요|될까요|하는지|하는건가요|하는거예요)")
_REQUEST_END = re.compile(r"(?:주세요|줘요|주십시오|부탁해요|부탁드려요|잡아줘|잡아주세요)$")


def asks_whether_it_can_wait(compact: str) -> bool:
    """A question about waiting with one's care (see the module docstring): a medical question, never a booking."""
    if _REQUEST_END.search(compact):
        return False  # "… 다음 예약까지 기다리기 힘드니까 앞당겨 주세요": a visit asked for
    if _UNTIL_NEXT_VISIT.search(compact):
        return True
    if (_NOW_OR_LATER.search(compact) and _TROUBLE.search(compact)) or _COME_THEN_REASON.search(compact):
        return True  # round 32: now, or can it wait; may I come tomorrow, because of a trouble
    if _TODAY_OR_WAIT.search(compact):
        return True  # round 45: today, or may it wait
    if (_SHOULD_I_GO.search(compact) or _MUST_OR_MAY.search(compact)) and _TROUBLE.search(compact):
        return True  # round 40: a trouble told, then "should I go and see"; round 42: "today, or next week"
    if _PAIN_THEN_MAY_I_COME.search(harvest_day_kinds.denied_fever_dropped(compact)):
        # round 34: a pain told, then "may I come today": the dentist's call, no booking asked (round 41: "시린데",
        # "모레", a fever denied between)
        return True
    if _TROUBLE_THEN_MAY_I_BRING.search(compact):
        return True  # round 48: a child brought, a tooth about to come out, a reason after
    if _TROUBLE_THEN_A_DAY.search(compact) and not _HOUR_OR_ERRAND.search(compact):
        return True  # round 50: the general form, counted (no hour, no errand, no "지금", no appliance's fit)
    if _HOURS_BEFORE_EATING.search(compact) and _TREATMENT_HAD.search(compact):
        return True
    if _APPLIANCE.search(compact) and _LEFT_OFF.search(compact):
        return True
    return bool((_SETTLES_WHEN.search(compact) or _GETTING_USED.search(compact) or _LEFT_SO_HARMS.search(compact)
                 or _HOW_TO_CARE.search(compact)) and _TREATED.search(compact))
