"""Kinds of speech of two ordinary clinic days (issue 15, round 44: blind72, a Friday in October with office workers,
older callers and a foreign worker; blind73, a Saturday in April of the cherry-blossom festival, hikers and reminders).

The caller's errands (``RULES``), consulted at stage 2 (``caller_errands``) after ``exam_week_kinds``, behind the
refusal / red-flag guard:

- safety first, both ways: a swelling told with the face and the fever denied ("잇몸 부은 게 커졌는데 볼은 안
  부었고 열도 없어요"), nothing asked: ``symptom`` (the written convention; ``emergency_heard`` no longer reads
  "…부었고 열도" as "고열"); a light knock with only a slight sensitivity after it, then "may I come on a day / can it
  wait" ("산책하다 부딪혔는데 이가 조금 시려요 내일 가도 돼요"): ``medical_question`` (the convention "can I come
  tomorrow / can it wait about a problem"; a tooth knocked out, loose, broken, bleeding or swollen stays an
  emergency, and the guard leaves every red flag to the emergency stage); what happens whenever one has an
  anaesthetic, asked whether such a person can be treated ("마취만 하면 어지럽고 식은땀이 나는데 그런 사람도
  …"): ``medical_question`` (a history asked; ``red_flags`` keeps the signs told now after one an emergency); a
  treatment asked without the anaesthetic, a condition asked whether a treatment can mend it, a weak jawbone asked
  whether an implant will do (not a second opinion asked of this clinic, round 40): ``medical_question``, the
  dentist's call;
- a chip told with the pain denied and "can you fill it", no day ("앞니 모서리가 떨어졌는데 안 아파요 붙일 수
  있어요"): ``symptom`` (the convention "a problem described and can you fix it with no day");
- a tooth one thinks broken told as the reason of a visit, nothing asked ("검진 가는 길인데 어금니가 부러진 것
  같아서요"): ``symptom`` (``emergency_heard`` sets the unsure break aside when nothing else is told beside it);
  a trouble told then its cause wondered with "…인가 / 건가" and nothing asked: ``symptom`` (round 40);
- 65 and over asked cheaper for dentures or implants, "is that true" ("육십오 세 넘으면 틀니 싸다던데 맞나요"), no
  visit wished beside it: ``ask_insurance``;
- the next visit of a course of treatment asked ("… 받는 중인데 다음 거 언제예요"): ``confirm_appointment``.

- one's own number changed, to be updated ("휴대폰 번호가 바뀌어서 수정해 주세요"): ``question_other`` (the convention,
  also beside a yes); a car asked through to the clinic ("축제라 차로 들어갈 수 있어요"): ``ask_location`` (a
  wheelchair asked in, with no lift or floor, stays ``question_other``); another of the family added to
  one's booking: ``book`` (the convention); a booking cancelled then the slot on another day:
  ``reschedule``; a missed call returned with "why": ``question_other`` (round 39); a booked visit with
  "may I come a little early": ``question_other`` (a message for staff, like running late).

Answers to the question asked: an option asked again to a proposal ("몇 시라고 하셨죠"): ``other`` (round 24);
to a reminder, a booking already moved by a call, or the booked treatment asked either-or:
``confirm_appointment``; a reminder or an offer taken with another treatment or a trouble to look at
added: ``book`` (the convention); thanks for the call, or a reminder taken for another and passed on, to
a reminder: ``yes``; a condition then "I'll go" with a day to an offer ("날만 좋으면 갈게요 일요일에"): ``book``
(round 24); "my Korean is poor, say it again slowly" to an offer: ``other`` (nothing answered yet).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

# safety first, the other way: a swelling told with the face and the fever denied (the convention: a worsening
# swelling without face swelling, fever or trouble breathing or swallowing is a symptom)
_SWELLING = re.compile(r"부은|부었|부어|붓기|부기")
_FACE_DENIED = re.compile(r"(?:얼굴|볼|턱|뺨)(?:은|는|쪽은|까지는)?(?:안부었|안부어|안붓|괜찮|멀쩡|그대로)")
_FEVER_DENIED = re.compile(r"열(?:은|도|이)?(?:없|안나|안났|안올)")
_SWELLING_RED_FLAG = re.compile(r"숨|삼키|(?<![커카배])피가|고름|너무|엄청|심하|못참|죽겠|\?|까요|가도|와도")
# safety first: a light knock, only a slight sensitivity, a day or a wait asked
_KNOCK = re.compile(r"넘어져|넘어졌|부딪|맞아서|맞았는데|찧")
_SLIGHT = re.compile(r"(?:약간|살짝|좀|조금|쪼끔|쫌)(?:시큰|시려|시리|시린|욱신|뻐근|얼얼|찌릿)")
_COME_OR_WAIT = re.compile(r"(?:가도|와도|기다려도|있다가가도|두고봐도|지켜봐도)"
                           r"(?:되나요|돼요|될까요|되요|괜찮|되겠|될까)")
_KNOCK_RED_FLAG = re.compile(r"흔들|빠졌|빠져|부러|깨|(?<![커카배])피(?!하|곤|부|해)|부었|부어|붓|찢|안다물|"
                             r"안벌어|밀려|들어갔|너무|엄청|심하|많이|못참|죽겠")
# safety first: what happens whenever one has an anaesthetic, such a person asked treated
_WHENEVER_ANAESTHETIC = re.compile(r"(?:마취|주사)(?:주사)?(?:만|를|을)?(?:맞으면|하면|받으면|맞을때마다|할때마다)")
_SUCH_A_PERSON = re.compile(r"(?:그런|이런|저같은|나같은)(?:사람|분|체질|경우)[가-힣]{0,12}"
                            r"(?:수있|되나|돼요|되요|괜찮|가능)")
# a treatment asked without the anaesthetic
_WITHOUT_ANAESTHETIC = re.compile(r"마취(?:를|는)?(?:안하고|없이|안하고도|안해도)[가-힣]{0,8}"
                                  r"(?:수있|되나|돼요|되요|가능|괜찮)")
# a condition asked whether a treatment can mend it
_CONDITION = re.compile(r"(?:벌어진|벌어져|틈|삐뚤|비뚤|누런|변색|튀어나온|덧니)")
_MEND_ASKED = re.compile(r"(?:라미네이트|레진|교정|미백|크라운|임플란트|보철)(?:로|으로)[가-힣]{0,4}"
                         r"(?:메꿀|메울|때울|고칠|가릴|덮을|할|될)수(?:있어요|있나요|있을까요|있어|있죠)")
# a weak jawbone asked whether the implant will do
_WEAK_BONE = re.compile(r"뼈(?:가|도|는)?[가-힣]{0,2}(?:약하|약해|없|부족|얇)")
_WILL_IT_DO = re.compile(r"(?:될랑가|될란가|될까|되나|될지|되려나|가능할|할수있을)")
_IMPLANT = re.compile(r"임플란트")
_ELSEWHERE = re.compile(r"다른치과|다른데|다른병원|딴데|거기는|거기선|거기서는|여기는|여기선")
# a chip told with the pain denied, "can you fill it" (the convention: a problem and "can you fix it", no day)
_CHIP_TOLD = re.compile(r"(?:깨졌는데|깨진거|깨져서|떨어졌는데|금갔는데)")
_PAIN_DENIED = re.compile(r"아프(?:진|지는|지도)않|안아프|통증(?:은|도)?없")
_FIX_ASKED = re.compile(r"(?:때울|붙일|고칠|메꿀|메울|씌울)수(?:있나요|있어요|있을까요|있죠)\??$")
_CHIP_RED_FLAG = re.compile(r"(?<![커카배])피(?!하|곤|부|해)|흔들|넘어|부딪|맞아서|다쳐|다쳤|부었|부어|붓|찢|신경")
# a tooth thought broken told as a visit's reason, nothing asked
_THOUGHT_BROKEN_TOLD = re.compile(r"(?:이|이빨|치아|앞니|어금니)(?:가|이)?(?:좀|살짝|조금|약간)?(?:부러진|깨진)"
                                  r"(?:것|거)같(?:아서|애서|아서요|애서요|아요|애요)$")
_ASKED = re.compile(r"\?|까요|나요|돼요|되요|언제|예약|몇시|수있|지금|가면|가도|봐주")
# a trouble told, its cause wondered, nothing asked
_TROUBLE = re.compile(r"시큰|시려|시리|시린|찌릿|욱신|쑤시|아파|아프|아픈|흔들|불편|걸려|걸리")
_CAUSE_WONDERED = re.compile(r"(?:간|난|생긴|상한|된|빠진)(?:건가|건가봐|건지|걸까)$|(?:충치|염증|금간거|신경)인가$")
# 65 and over asked cheaper for dentures or implants
_SIXTY_FIVE = re.compile(r"(?:육십오|65|예순다섯)(?:세|살)?(?:넘|이상|부터|되면|이면)")
_CHEAPER = re.compile(r"싸|저렴|싼|보험|지원|할인|혜택")
_DENTURES_OR_IMPLANT = re.compile(r"틀니|임플란트")
_TRUE_ASKED = re.compile(r"(?:맞어요|맞아요|맞나요|맞죠|맞습니까|돼요|되나요|인가요|사실이에요|진짜예요)\??$")
_VISIT_WORDS = re.compile(r"상담|예약|받아볼|받을라|볼게요|갈게요")
# the next visit of a course of treatment asked
_IN_A_COURSE = re.compile(r"(?:받는|하는|다니는)중인데|(?:받고|하고|다니고)있는데")
_NEXT_WHEN = re.compile(r"다음(?:거|번|꺼|차례|치료|예약)(?:는|은)?"
                        r"(?:언제예요|언제죠|언제였죠|언제에요|며칠이죠|언제인가요)\??$")
# answers to a reminder: thanks for the call; taken for another and passed on
_THANKS_FOR_THE_CALL = re.compile(r"^(?:아|어)?(?:네|예)(?:네)?(?:감사합니다|고맙습니다|감사해요|고마워요)"
                                  r"(?:연락|전화)(?:주셔서|해주셔서|줘서)(?:요)?$")
_TAKEN_FOR_ANOTHER = re.compile(r"(?:대신|대신에)(?:받았|전화받았|받은)[가-힣]{0,4}"
                                r"(?:전해|전할|말해|얘기해)(?:줄게요|줄께요|드릴게요|드릴께요|놓을게요|주겠습니다)$")
# a condition then "I'll go" with a day, to an offer
_ON_A_CONDITION = re.compile(r"(?:안오면|좋으면|괜찮으면|없으면|맑으면|안바쁘면)(?:갈게요|갈께요|가겠습니다|가죠)")
# poor Korean, said again slowly, to an offer
_SAY_AGAIN_SLOWLY = re.compile(r"한국말[가-힣]{0,4}(?:몰라|못해|서툴|어려)[가-힣]{0,8}(?:천천히|다시)[가-힣]{0,4}"
                               r"(?:말해|말씀해|얘기해)")
# one's own number changed, to be updated (the convention: question_other, also beside a yes)
_OWN_NUMBER_CHANGED = re.compile(r"(?:전화)?번호(?:가|를|도)?(?:바뀌|바꿨|바뀐|변경)[가-힣]{0,8}"
                                 r"(?:바꿔놓|바꿔주|수정|변경해|고쳐|업데이트|저장)")
_NOT_ONES_OWN = re.compile(r"잘못|아닌가|아니에요|누구|몇번에|거셨|하셨어요")
# a car asked through to the clinic (a wheelchair asked in with no lift or floor word stays question_other: 4 of 4
# earlier such labels)
_GETTING_IN = re.compile(r"(?:차로|차가|자가용으로|차끌고)[가-힣]{0,8}(?:들어갈|들어가|진입|갈)수(?:있|없)")
_NO_VISIT_WORDS = re.compile(r"예약|아파|아프|시려|(?<![커카배])피(?!하|곤|부|해)")
# another of the family added to one's own booking
_BOOKED_ALREADY = re.compile(r"예약(?:한|했는데|했던|인데|돼있는|되어있는|잡은)")
_ANOTHER_TOO = re.compile(r"(?:동생|남편|아내|와이프|엄마|아빠|애|아이|딸|아들|친구|언니|오빠|누나|형|어머니|아버지)"
                          r"(?:도|까지)[가-힣]{0,10}(?:넣어|잡아|예약해)(?:주세요|줘요|주실|주시면)")
# cancelled, then the same slot on another day
_CANCEL_THEN_TO = re.compile(r"취소하고(?:요)?[가-힣]{0,20}(?:로|으로)(?:요|해주세요|잡아주세요|할게요|바꿔주세요)$")
# an option asked again to a proposal (round 24: other)
_OPTION_ASKED_AGAIN = re.compile(r"(?:몇시|언제|며칠)(?:라고|였다고|로)(?:하셨죠|하셨어요|했죠|하셨나요|하셨지요)\??$")
# to a reminder: the booking already moved by a call; the booked treatment asked either-or; a trouble added
_ALREADY_MOVED = re.compile(r"(?:이미|벌써|전에)[가-힣]{0,6}(?:바꿨|옮겼|변경했|미뤘)(?:는데요|는데|거든요|어요)$")
_EITHER_TREATMENT = re.compile(r"그날[가-힣]{0,12}(?:하는|받는)거(?:예요|에요)아니면")
_THAT_TOO_LOOKED = re.compile(r"(?:그것도|그거도|같이)(?:좀)?(?:봐주세요|봐줘요|봐주시고요|해주세요)$")
_GOING = re.compile(r"갈게요|갈께요|데리고갈|가겠습니다")
_ALARMING = re.compile(r"(?<![커카배])피(?!하|곤|부|해)|너무|엄청|심하|부었|빠졌|부러")
# a treatment added to an offer taken ("…도 같이 해 주세요 네 갈게요")
_ADDED_TOO = re.compile(r"(?:도|까지)(?:같이|함께)(?:해|봐)(?:주세요|줘요)")
# a treatment or a consultation asked done on a weekday ("상담은 토요일에도 해 주세요?"): the opening days, ask_hours
_DONE_ON_A_WEEKDAY = re.compile(r"(?:상담|진료|검진|스케일링|치료)(?:은|는|도)?"
                                r"(?:[월화수목금토일]요일|주말|일요일|공휴일)(?:에도|에는|도)(?:해주세요|하세요|하나요|해요|하시나요)\??$")
# a booked visit, coming a little early asked (a message for staff, like running late)
_EARLY_ASKED = re.compile(r"(?:일찍|먼저|미리)(?:가도|가면)(?:돼요|되나요|될까요|괜찮|되죠)")
_MOVED_WORDS = re.compile(r"(?:로|으로)(?:바꿔|옮겨|당겨)|당겨|시간(?:을|만)?바꿔")
# a missed call returned, why it was asked
_CALLED_ME = re.compile(r"전화(?:주셨던데|하셨던데|왔던데|주셨더라고요|오셨던데|주셨길래)")
_WHY = re.compile(r"무슨일|왜|뭐때문|무슨용건|어쩐일")

RULES: tuple[KindRule, ...] = (
    KindRule("a swelling, the face and fever denied", "symptom", (_SWELLING, _FACE_DENIED, _FEVER_DENIED),
             (_SWELLING_RED_FLAG,)),
    KindRule("a light knock, may I come", "medical_question", (_KNOCK, _SLIGHT, _COME_OR_WAIT), (_KNOCK_RED_FLAG,)),
    KindRule("an anaesthetic's history asked", "medical_question", (_WHENEVER_ANAESTHETIC, _SUCH_A_PERSON)),
    KindRule("a treatment without the anaesthetic", "medical_question", (_WITHOUT_ANAESTHETIC,)),
    KindRule("a condition a treatment may mend", "medical_question", (_CONDITION, _MEND_ASKED)),
    KindRule("a weak bone, will an implant do", "medical_question", (_IMPLANT, _WEAK_BONE, _WILL_IT_DO),
             (_ELSEWHERE,)),
    KindRule("a chip, no pain, can you fill it", "symptom", (_CHIP_TOLD, _PAIN_DENIED, _FIX_ASKED), (_CHIP_RED_FLAG,),
             dated=False),
    KindRule("a tooth thought broken, told", "symptom", (_THOUGHT_BROKEN_TOLD,), (_ASKED,)),
    KindRule("a trouble, its cause wondered", "symptom", (_TROUBLE, _CAUSE_WONDERED), (_ASKED,)),
    KindRule("65 and over asked cheaper", "ask_insurance", (_SIXTY_FIVE, _CHEAPER, _DENTURES_OR_IMPLANT, _TRUE_ASKED),
             (_VISIT_WORDS,)),
    KindRule("a course's next visit asked", "confirm_appointment", (_IN_A_COURSE, _NEXT_WHEN)),
    KindRule("one's own number changed", "question_other", (_OWN_NUMBER_CHANGED,), (_NOT_ONES_OWN,)),
    KindRule("a car asked in", "ask_location", (_GETTING_IN,), (_NO_VISIT_WORDS,)),
    KindRule("another added to one's booking", "book", (_BOOKED_ALREADY, _ANOTHER_TOO)),
    KindRule("cancelled, then to a day", "reschedule", (_CANCEL_THEN_TO,), dated=True),
    KindRule("an option asked again", "other", (_OPTION_ASKED_AGAIN,), expect=("proposal",)),
    KindRule("already moved by a call", "confirm_appointment", (_ALREADY_MOVED,), expect=("reminder", "confirm")),
    KindRule("the booked treatment, either", "confirm_appointment", (_EITHER_TREATMENT,),
             expect=("reminder", "confirm")),
    KindRule("a reminder taken, that too looked at", "book", (_GOING, _THAT_TOO_LOOKED), (_ALARMING,),
             expect=("reminder", "confirm")),
    KindRule("an offer taken, a treatment added", "book", (_ADDED_TOO, _GOING), (_ALARMING,), expect=("offer",)),
    KindRule("done on a weekday asked", "ask_hours", (_DONE_ON_A_WEEKDAY,), (_BOOKED_ALREADY,)),
    KindRule("booked, a little early asked", "question_other", (_BOOKED_ALREADY, _EARLY_ASKED), (_MOVED_WORDS,)),
    KindRule("a missed call returned", "question_other", (_CALLED_ME, _WHY), expect=(None,)),
    KindRule("thanks for the call", "yes", (_THANKS_FOR_THE_CALL,), expect=("reminder", "confirm")),
    KindRule("a reminder taken for another", "yes", (_TAKEN_FOR_ANOTHER,), expect=("reminder", "confirm")),
    KindRule("on a condition, a day", "book", (_ON_A_CONDITION,), (_ASKED,), expect=("offer",), dated=True),
    KindRule("say it again slowly", "other", (_SAY_AGAIN_SLOWLY,), expect=("offer", "reminder", "yes_no")),
)
