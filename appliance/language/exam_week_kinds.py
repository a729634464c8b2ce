"""Kinds of speech of two ordinary clinic days (issue 15, round 43: blind70, a Monday in November in a big-city
apartment district the week before the college entrance exam; blind71, a Thursday in June in a rural county seat with
elderly callers, dentures and implants, 전라도 and 충청도 speech).

The caller's errands (``RULES``), consulted at stage 2 (``caller_errands``) after ``resort_town_kinds``, behind the
refusal / red-flag guard:

- safety first: a treatment asked allowed while another goes on ("지금 투명교정 하고 있는데 스케일링 받아도
  문제없어요?", round 35's kind said with "문제없어요"): ``medical_question``, the dentist's call, never a booking;
- a walk-in asked for now with an appliance's trouble after ("지금 가도 돼요 틀니 고무가 떨어진 것 같아서"), "if I
  leave now can I be seen right away", a cover left to use with a day asked ("회사 보험 … 남은 거 쓰려는데 내일
  돼요?"), a booking said at the end with the insurance as its way ("… 보험으로 해 드릴라고요 상담 예약이요"), a slot
  at an hour asked with a remark on the evening hours ("… 일곱 시 되나요 야간 하시죠"), a yes with a day asked to an
  offer ("네 내일 가도 돼요?", round 30): ``book``;
- a doctor asked for as "put me through to that one" ("그분으로 연결 좀"): ``talk_to_staff``;
- a reminder answered "can't come" with a reason first ("그날 애 … 데려다줘야 돼서 안 되겠네요", round 27):
  ``cancel``;
- the public checkup asked free ("노인들 구강검진은 무료예요?"): ``ask_insurance`` (round 43's convention, 3 of 3
  earlier such labels).

Answers to the question asked: a proposal taken by its place in the list ("나중에 말한 그 시간이 좋겠네요",
"앞에 말씀하신 걸로 할게요"), a yes then "then book it" to a yes/no question, a hesitation then "let's do it" to an
offer ("하긴 해야 되는데 예 합시다"): ``yes``; a clipped "not now" to an offer ("지금은 좀"): ``no``; a yes, a slight
discomfort conceded, then fine on a wellbeing call ("예 살짝 뻐근하긴 한데 견딜 만해요 괜찮아요", round 32):
``no``; a trouble told with "still" on a wellbeing call and no question ("… 좀 시린데요 아직 좀", round 32):
``symptom``; "then I'll hang up" (``other``).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

# safety first: a treatment asked allowed while another goes on
_WHILE_IN_TREATMENT = re.compile(
    r"(?:교정|투명교정|임플란트|신경치료|치료|틀니|장치|교정기)[가-힣]{0,4}"
    r"(?:하고있는데|하는중인데|중인데|받고있는데|끼고있는데|하고있거든요|받는중인데)")
_TREATMENT_ALLOWED = re.compile(
    r"(?:스케일링|미백|발치|레진|때우는거|치료|검진|엑스레이|마취|잇몸치료|불소)[가-힣]{0,3}"
    r"(?:받아도|해도|찍어도|바르면)(?:문제없|문제가없|괜찮|돼|되|될|상관없)")
_BOOKING_WORDS = re.compile(r"예약|잡아|넣어")
# a walk-in asked for now, an appliance's trouble after
_WALK_IN_NOW = re.compile(r"^(?:아|어|저)?지금(?:바로|당장)?(?:가도|가면)(?:될까요|되나요|돼요|되요|될까|되나)")
_APPLIANCE_TROUBLE = re.compile(r"(?:틀니|교정장치|장치|유지장치|크라운|보철|씌운거|때운거|브릿지)[가-힣]{0,6}"
                                r"(?:떨어|빠졌|빠진|깨졌|깨진|부러|헐거|나갔|들떴|들떠)")
_LEAVING_NOW = re.compile(r"^(?:아|어|저)?(?:지금)(?:출발하면|나서면|나가면|바로가면|가면)(?:바로)?(?:진료|치료)?"
                          r"(?:볼수있|받을수있|봐주실수있|봐주시나|가능)")
# not with the closing hour asked beside it ("… 토요일은 한 시까지죠": the hours, blind35)
_CLOSING_HOUR = re.compile(r"까지(?:죠|지요|예요|에요|이죠|하죠|하시죠|맞죠|인가요|하나요)|몇시까지")
# a cover left to use, a day asked
_COVER_TO_USE = re.compile(r"보험[가-힣]{0,12}(?:쓰려|쓸려|쓰려고|쓰고싶|쓸라|쓰려는데|남은거|남아서)")
_DAY_ASKED = re.compile(r"(?:오늘|내일|모레|요일|다음주|이번주)"
                        r"(?:에|은|는)?(?:돼요|되나요|될까요|가능해요|가능한가요|되요)\??$")
# a booking said at the end with the insurance as its way
_INSURANCE = re.compile(r"보험")
_BOOKING_AT_THE_END = re.compile(r"예약(?:이요|할게요|하려고요|해주세요|좀해주세요|부탁드려요|부탁해요|하고싶어요)$")
_ASKS = re.compile(r"되나요|돼요\?|얼마|까요|나요|인가요")
# a slot at an hour with a remark on the evening hours
_SLOT_ASKED = re.compile(r"(?:시|시반)[가-힣]{0,8}(?:되나요|돼요|될까요|가능해요)")
_EVENING_REMARK = re.compile(r"(?:야간|저녁진료|야간진료|늦게까지)"
                             r"(?:도)?(?:하시죠|하죠|하잖아요|하시잖아요|있죠|하시던데)$")
# a yes with a day asked to an offer
_YES_WITH_A_DAY = re.compile(r"^(?:네|예)(?:네|예)?(?:그럼|그러면)?(?:오늘|내일|모레|[월화수목금토일]요일"
                             r"|다음주[월화수목금토일]요일)(?:에|은)?(?:가도|가면)(?:돼요|되나요|될까요|되요)\??$")
# a doctor asked for as "that one"
_THAT_ONE = re.compile(r"(?:그분|그선생님|그원장님)(?:으로|한테|께|에게|을|좀)?(?:좀)?(?:연결|바꿔|돌려)")
# a reminder's "can't come" with its reason first
_REASON_THEN_CANNOT = re.compile(r"(?:그날|그때|그날은|그시간)[가-힣]{0,16}"
                                 r"(?:해야|줘야|가야|봐야)(?:돼서|되서|해서|하니까)"
                                 r"(?:안되겠|못가|못갈|어렵겠)")
_PUT_OFF_OR_MOVED = re.compile(r"전화|연락|나중|다음|다른|날로|말고|바꿔|옮겨|미뤄|늦|요일")
# the public checkup asked free
_PUBLIC_CHECKUP_FREE = re.compile(r"(?:구강검진|(?:노인|어르신|영유아|육십오세|65세)[가-힣]{0,4}검진)(?:은|는|도)?"
                                  r"(?:무료|공짜)(?:예요|에요|인가요|죠|맞죠|이에요|아니에요|지요)")

# answers to the question asked
_TAKEN_BY_PLACE = re.compile(r"^(?:처음|먼저|나중|마지막|앞|뒤|두번째|첫번째|세번째)(?:에|로|에서)?"
                             r"(?:말씀하신|말한|얘기하신|불러주신|말씀해주신)(?:그)?(?:시간|날|거|걸|것)"
                             r"(?:이|으로|로)?(?:좋겠|좋아요|할게요|괜찮|요$|로요$|해주세요)")
_YES_THEN_BOOK_IT = re.compile(r"^(?:네|예)(?:네|예)?(?:그러면|그럼)예약(?:해|좀해)?(?:주세요|줘요|부탁해요)$")
_HESITATION_THEN_YES = re.compile(r"(?:해야(?:되|하)는데|해야겠는데|하긴해야)[가-힣]{0,3}(?:네|예)"
                                  r"(?:합시다|하죠|할게요|해요|해주세요)$")
_NOT_NOW = re.compile(r"^(?:아|음|어)?(?:지금은|오늘은|요즘은|당분간은|이번엔|이번에는)(?:좀)$")
_CONCEDED_THEN_FINE = re.compile(r"^(?:네|예)[가-힣]{0,8}(?:긴한데|긴하지만|긴해도)[가-힣]{0,8}괜찮(?:아요|습니다)$")
_STILL = re.compile(r"아직")
_TROUBLE_STILL = re.compile(r"(?:시린|아픈|욱신거리는|시큰거리는|시큰한|뻐근한|불편한|쑤시는)데요?"
                            r"(?:아직(?:좀|도|은)?)$")
# read by the rules alone as the model does (round 43)
_ONSET_TROUBLE = re.compile(r"(?:어제|그저께|그제|엊그제|며칠전|지난주|아침|어젯밤|밤)"
                            r"(?:저녁|밤|아침)?부터[가-힣]{0,12}"
                            r"(?:벌겋|빨갛|쓰라|쓰려|시려|시리|시큰|아파|아프|욱신|부었|부어|쑤시|쑤셔|헐었|따가|뻐근)"
                            r"[가-힣]{0,6}$")
_VISIT_ASKED = re.compile(r"예약|가도|봐주|갈게|갈께|잡아|되나요|돼요|될까|가능|오늘|내일|모레|요일|\?")
_CAVITY_WONDERED = re.compile(r"(?:시려|시리|시큰|아파|아프|욱신)[가-힣]{0,8}(?:충치|신경|잇몸병|풍치)"
                              r"(?:인가|인지|일까)(?:싶어서요|싶어서|해서요|해서)$")
_NOT_KNOWING_WHERE = re.compile(r"(?:어디가|어느이가|어느쪽이)(?:아픈지|아픈건지)(?:모르겠|잘모르)[가-힣]{0,8}"
                                r"(?:욱신|시려|시리|아파|쑤셔|시큰)")
_SKIPPED = re.compile(r"(?:이번엔|이번에는|이번은|올해는)?(?:건너뛸|건너뛰|패스할|넘어갈|쉴)(?:게요|께요|래요)$")
_MUST_THEN_YES = re.compile(r"해야겠(?:네요|어요|다)(?:네|예)(?:할게요|해주세요|합시다|하죠)"
                            r"$|^마다할이유가(?:있나요|있어요|없죠)[가-힣]{0,4}(?:해야죠|해야지요|할게요|하죠)?$")
_THANKS_FOR_THE_WORK = re.compile(r"^(?:네|예)*수고(?:많으세요|많으십니다|하세요|하십시오|많이하세요)$")
_THAT_ONE_ASKED = re.compile(r"(?:상담했던|통화했던|얘기했던|말씀나눴던)(?:사람|사람인데|사람이에요)[가-힣]{0,4}"
                             r"(?:그분|그선생님|그실장님)(?:좀|을|께)?(?:부탁|바꿔|연결)")
_A_SHOP_ASKED = re.compile(r"^(?:어|아)?거기(?:가)?(?:철물점|정육점|방앗간|농협"
                           r"|세탁소|슈퍼|식당|약국|미용실|부동산|철물)"
                           r"(?:이|가)?(?:아니에요|아닌가요|아니예요|아녀요|아니유|아닙니까|맞죠)\??$")
_NOT_NEEDED = re.compile(r"^(?:아녀|아니여|아니유)(?:아녀|아니여)?(?:괜찮아요|괜찮혀)$")
_HANG_UP = re.compile(r"^(?:네|예)*(?:그러면|그럼)(?:이만)?(?:끊어요|끊을게요|끊습니다|끊겠습니다)$")

RULES: tuple[KindRule, ...] = (
    KindRule("a treatment allowed while another goes on", "medical_question",
             (_WHILE_IN_TREATMENT, _TREATMENT_ALLOWED), (_BOOKING_WORDS,)),
    KindRule("a walk-in now, an appliance's trouble after", "book", (_WALK_IN_NOW, _APPLIANCE_TROUBLE)),
    KindRule("seen right away if I leave now", "book", (_LEAVING_NOW,), (_CLOSING_HOUR,)),
    KindRule("a cover to use, a day asked", "book", (_COVER_TO_USE, _DAY_ASKED), dated=True),
    KindRule("a booking with the insurance as its way", "book", (_INSURANCE, _BOOKING_AT_THE_END), (_ASKS,)),
    KindRule("a slot at an hour, the evening hours remarked", "book", (_SLOT_ASKED, _EVENING_REMARK), dated=True),
    KindRule("a yes with a day asked to an offer", "book", (_YES_WITH_A_DAY,), expect=("offer",), dated=True),
    KindRule("that one put through", "talk_to_staff", (_THAT_ONE,)),
    KindRule("a reason, then can't come", "cancel", (_REASON_THEN_CANNOT,), (_PUT_OFF_OR_MOVED,),
             expect=("reminder",)),
    KindRule("the public checkup asked free", "ask_insurance", (_PUBLIC_CHECKUP_FREE,)),
    KindRule("taken by its place", "yes", (_TAKEN_BY_PLACE,), expect=("proposal",)),
    KindRule("yes, then book it", "yes", (_YES_THEN_BOOK_IT,), expect=("yes_no",)),
    KindRule("a hesitation, then let's do it", "yes", (_HESITATION_THEN_YES,), expect=("offer",)),
    KindRule("not now, clipped", "no", (_NOT_NOW,), expect=("offer",)),
    KindRule("conceded, then fine", "no", (_CONCEDED_THEN_FINE,), (_STILL,), expect=("wellbeing",)),
    KindRule("a trouble still there", "symptom", (_TROUBLE_STILL,), expect=("wellbeing",)),
    KindRule("then I'll hang up", "other", (_HANG_UP,)),
    KindRule("a trouble since a day, no visit asked", "symptom", (_ONSET_TROUBLE,), (_VISIT_ASKED,)),
    KindRule("a trouble, a cavity wondered", "symptom", (_CAVITY_WONDERED,)),
    KindRule("where it hurts not known", "symptom", (_NOT_KNOWING_WHERE,)),
    KindRule("skipped this time", "no", (_SKIPPED,), expect=("offer",)),
    KindRule("must, then yes", "yes", (_MUST_THEN_YES,), expect=("offer",)),
    KindRule("thanks for the work", "other", (_THANKS_FOR_THE_WORK,)),
    KindRule("the one talked with asked for", "talk_to_staff", (_THAT_ONE_ASKED,)),
    KindRule("a shop asked", "wrong_number", (_A_SHOP_ASKED,)),
    KindRule("not needed, 충청도", "no", (_NOT_NEEDED,), expect=("offer",)),
)
