"""Kinds of speech of four ordinary clinic days (issue 15, round 48: blind78, blind81, blind82 and blind83).

Rows of ``RULES``, consulted at stage 2 (``caller_errands``) first of the round tables (each row is narrow), behind
the refusal / red-flag guard (round 48's safety kinds are elsewhere: a refusal ended "…됩니다" in
``opt_out_words``, a death told as "went" in ``readbacks_and_contacts``, a trouble then "may I bring the child /
come" in ``care_waits``):
- a little bleeding from a pulled tooth's place with the gauze held, nothing asked, nothing that will not stop ("뽑은
  데서 피가 아직 살짝 비쳐요 솜 물고 있는데"): ``symptom`` (the written convention's bleeding that stops is no
  emergency; 2 of 2 earlier such labels);
- an appliance broken with "can it be fixed" and no day ("교정기가 부러졌는데 고쳐 주시나요"): ``symptom`` (round 23);
- a treatment had, then a trouble told, nothing asked ("레진 하고 나서 이가 좀 시려요 어제 했는데"): ``symptom``;
- a trouble told, then "that too, you'll look at it?" ("크라운 한 데가 좀 시큰했는데 그것도 봐 주세요"): ``symptom``
  (round 23's "can you fix it" with no day; round 27 read "that too" so);
- nothing uncomfortable but a crown or an appliance feeling high or loose, on a wellbeing call: ``symptom``;
- a pain that eases with a painkiller, told ("진통제 먹으면 좀 나아요"): ``symptom`` (round 25);
- as it happens, a trouble told to an offer ("마침 잘됐네요 어금니가 좀 시려서요"): ``symptom`` (round 41);
- a tooth's pulling's pain asked ("어금니 뺄 때 많이 아파요?"; round 48, counted: 2 of 2, a scaling's or an
  implant's pain asked in general stays ``question_other``, 2 of 2), a trouble's length asked ("이거 며칠 가요"), a
  treatment wondered needless in one's condition ("교정 중이라서 안 받아도 되지 않아요"): ``medical_question``;
- a complaint with the one in charge asked for ("책임자 바꿔요"), a staff member asked for by surname ("저 김 실장님
  계시나요"): ``talk_to_staff``;
- a call cut off, the booking taken up ("끊어져서요 예약 이어서 할게요"), one's own booking's day for another too,
  another of the family added in dialect ("우리 바깥양반 것도 같이 잡아 주쇼"), the slots till when asked ("몇 시까지
  자리 있어요"), may I come late with an hour: ``book``;
- 65 and over heard to halve a treatment's price ("육십오 세 넘으면 틀니 반값이라던데"): ``ask_insurance`` (round 43);
  the public checkup asked free in dialect ("구강검진 … 그거 공짜유"): ``ask_insurance`` (round 43);
- a text or a call came, what is it about ("문자가 와서 전화했는데 무슨 일이에요"), a named paper issued for an
  insurance claim ("진료비 세부 내역서 떼 주세요 실비 청구하게"), one's number changed after a yes:
  ``question_other`` (rounds 23 and 39);
- the way from the industrial complex ("공단 쪽에서 가려면"): ``ask_location`` (round 46);
- a proposal taken after "then, that one" ("그럼 그거 하지 뭐"): ``yes``; "done there" to an offer ("거기서 다 해
  줘요"): ``no``; asked again ("네? 다시 한 번만"), a yes then only fillers: ``other``; a read-back held and its time
  to change, to a confirmation: ``no`` (round 39).
- and, for the rules alone (the model read them right): the public checkup heard free, a proposal's one taken
  ("…거로 할게요"), a reminder's day or hour put aside for another, fine in dialect on a wellbeing call, an offer's
  errand taken with a yes, "I'll go and see" with a day to an offer, a cavity wondered (round 40's ``symptom``), a
  hygienist asked for, another's visit added, a goodbye, busy to an offer, toothpaste asked, a shop's hours around
  a visit.

All patterns match the compact text (no spaces).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_ASKED = re.compile(r"\?|괜찮은|괜찮아요\?|괜찮죠|정상|돼요$|되나요|해야|어떡|어떻게|하나요|까요|건가|거예요$|거죠|"
                    r"원래|"
                    r"인가요|언제")
_MONEY = re.compile(r"비용|가격|얼마(?!나)|돈|비싸|견적")
_SLIGHT_BLEEDING = re.compile(r"(?<![커카배])피(?:가|는)?(?:아직|아직도|아직까지)?(?:조금씩|조금|좀|살짝|쪼금씩|"
                              r"쪼금|약간|찔끔)"
                              r"(?:씩)?(?:나|비치|비쳐|배어|배나|묻어|섞여)")
_PULLED = re.compile(r"뺀|뽑은|뺐|뽑았|발치")
_HEAVY = re.compile(r"계속|안멈|멈추지|멎질|안멎|줄줄|시간째|흠뻑|젖었|고여|많이|어지러|숨|부었|붓고|열이|빨개")
_APPLIANCE_BROKEN = re.compile(
    r"(?:틀니|교정기|유지장치|브릿지|보철|크라운|씌운거|씌운게|임시치아|마우스피스)(?:가|이|는|도)?[가-힣]{0,6}"
    r"(?:깨졌|깨져|부러졌|부러져|금갔|금이|망가졌|갈라졌|쪼개졌)")
_FIX_ASKED = re.compile(r"(?:수리|고쳐|고칠|고치|붙여|붙일|수선)[가-힣]{0,4}(?:되나요|돼요|될까요|가능|주나요|주시나요|"
                        r"줄수|주실수|되죠|되는지|해주)")
_HAD_THEN = re.compile(r"(?:스케일링|실란트|불소|레진|신경치료|미백|발치|치료|때운거|씌운거)[가-힣]{0,2}"
                       r"(?:하고|받고)(?:나서|난뒤로|부터)?")
_TROUBLE_TOLD = re.compile(r"(?:시려요|시리대요|아파요|아프대요|욱신거려요|시큰거려요|이상해요|이상하대요|불편해요|"
                           r"찌릿해요|"
                           r"시큰해요|얼얼해요)(?:[가-힣]{0,10}(?:는데|을때|할때|때))?$")
_TROUBLE_BEFORE = re.compile(r"(?:시큰|시려|시렸|아팠|아프|욱신|쑤시|불편|흔들)[가-힣]{0,6}(?:했는데|한데|는데|"
                             r"긴했는데)")
_THAT_TOO = re.compile(r"그것도(?:좀|한번)?(?:봐주|봐줄|봐주시|보시|봐줘)")
_FEELS_OFF = re.compile(r"(?:씌운|때운|틀니|크라운|보철|임플란트|교정기|브릿지|붙인)[가-힣]{0,4}(?:좀|약간|조금)?"
                        r"(?:높은|높아|낮은|뜬|떠|걸리|안맞|헐거|헐렁|꽉끼)")
_PAINKILLER_EASES = re.compile(r"진통제(?:를)?(?:먹으면|먹고나면|먹으니까|먹으니|먹었더니)(?:좀|조금|그나마)?"
                               r"(?:괜찮아요|나아요|나아지|괜찮아지|가라앉)")
_AS_IT_HAPPENS = re.compile(r"^(?:아|오|어)?(?:마침|안그래도)잘?됐[가-힣]{0,3}(?:요)?[가-힣]{2,14}"
                            r"(?:욱신거려|아파|아프|시려|시큰거려|흔들려|부어|불편해)(?:서요|서|가지고요)$")
_TREATMENT_PAIN = re.compile(r"(?:뽑을|뺄|발치할|빼낼)때(?:많이|엄청|좀|안)?"
                             r"(?:아파요|아픈가요|아프나요|아플까요|아프죠|아퍼요)\??$")
_HOW_LONG_IT_LASTS = re.compile(r"(?:며칠|몇일|얼마나|언제까지)(?:이나|정도)?(?:가요|가나요|갈까요|가는지|갑니까)\??$")
_TROUBLE = re.compile(r"힘든|힘들|아프|아파|붓|부은|부었|시려|얼얼|저려|불편|멍|벌리|욱신|시큰")
_NEEDLESS_IN_A_CONDITION = re.compile(r"(?:교정|임신|수유|치료)(?:중|하고있)(?:이라서|이어서|라서|인데|"
                                      r"이니까)[가-힣]{0,4}"
                                      r"(?:안해도|안받아도|안하면|안받으면)(?:되지않|돼요|되나요|되죠|될까요|괜찮)")
_IN_CHARGE_ASKED = re.compile(r"(?:책임자|관리자|윗사람|대표)(?:님)?(?:좀|를|분)?(?:바꿔|연결해|나오라|불러|통화)")
_BY_SURNAME = re.compile(r"(?:^|저|그|혹시)(?:김|이|박|최|정|강|조|윤|장|임|한|오|서|신|권|황|안|송|류|유|홍|전|고|"
                         r"문|양|"
                         r"손|배|백|허|남|심|노|하|곽|성|차|주|우|구|민|진)(?:선생님|실장님|원장님|간호사님|"
                         r"위생사님|쌤)(?:좀)?"
                         r"(?:계시나요|계세요|계신가요|계십니까|있나요|있어요)\??$")
_CUT_OFF = re.compile(r"끊겨|끊어져|끊겼|끊어졌|끊기")
_BOOKING_TAKEN_UP = re.compile(r"예약(?:을|좀)?(?:마저|계속|이어서|다시|마무리)(?:할게|하려|할려|하고|해주|하께|할께)")
_SAME_DAY_AS_MINE = re.compile(r"(?:제|내|저)예약(?:이랑|하고|과|날)(?:같은|같이|똑같은)?(?:날|시간|날짜)?[가-힣]{0,4}"
                               r"(?:잡아|넣어|예약해)")
_FAMILY_ALONG = re.compile(r"(?:양반|바깥양반|영감|할멈|마누라|집사람|사위|며느리|손주|손자|손녀|애아빠|애엄마|"
                           r"애기아빠|애기엄마|시어머니|장모님|시아버지)(?:것|거|꺼)?(?:도|까지)같이[가-힣]{0,4}"
                           r"(?:잡아|예약|넣어)")
_CHANGED = re.compile(r"취소|변경|바꿔|옮겨|미뤄")
_SLOTS_TILL_WHEN = re.compile(r"몇시까지(?:자리|시간|예약)(?:이|가)?(?:있|되|가능|비)")
_AN_HOUR = re.compile(r"(?:한|두|세|네|섯|곱|덟|홉|열|[0-9])시|시반")
_LATE_MAY_I = re.compile(r"늦게(?:가도|와도|가면)(?:돼|되|될|괜찮)")
_SIXTY_FIVE = re.compile(r"(?:육십오|65|예순다섯|칠십|70|일흔)(?:세|살)?(?:넘|이상|부터|되면|이면)")
_HALF_PRICE = re.compile(r"반값|반가격|반절|절반")
_DENTURE_OR_IMPLANT = re.compile(r"틀니|임플란트")
_PUBLIC_CHECKUP = re.compile(r"구강검진|(?:노인|어르신|영유아)검진")
_FREE_ASKED = re.compile(r"(?:공짜|무료)(?:요|유|예요|에요|인가요|이에요|죠|지요|여|유\?|인교|인겨)\??$")
_VISIT_WORDS = re.compile(r"예약|갈게|가께|받을게|잡아")
_TEXT_CAME = re.compile(r"(?:문자|카톡|알림|전화|부재중)(?:가|이)?(?:와서|왔길래|왔던데|왔는데|오길래|와가지고)")
_WHAT_ABOUT = re.compile(r"(?:뭔일|무슨일|뭣때문|뭐때문|무슨용건|무슨용무|뭔데)(?:인교|이에요|인가요|인지|이죠|"
                         r"이래요|예요|"
                         r"때문에|요|이세요|이신가요|로)?\??$")
_BOOKING_ASKED = re.compile(r"예약|몇시|언제|며칠")
_PAPER_ISSUED = re.compile(r"(?:세부내역서|내역서|진단서|소견서|영수증|확인서|진료비계산서|진료확인서)(?:좀|를|도)?"
                           r"(?:뽑아|떼|발급|보내|출력)(?:주|줘|해주|받)")
_CLAIM_FIRST = re.compile(r"^(?:실비|보험)")  # a claim told first is ask_insurance (blind13, blind14)
_NUMBER_CHANGED = re.compile(r"^(?:네|예)[가-힣]{0,8}(?:근데|그런데)(?:제)?(?:전화번호|번호|연락처|핸드폰번호|"
                             r"폰번호)(?:가|이)?"
                             r"(?:바뀌었|바꼈|바뀌어|변경됐|변경되었)")
_FROM_THE_COMPLEX = re.compile(r"공단(?:쪽|삼거리|앞|입구|사거리|근처)(?:에서|서)?[가-힣]{0,4}(?:가려면|오려면|"
                               r"어떻게|어디)")
_THEN_THAT_ONE = re.compile(r"(?:그러면|그럼|그라믄|그러믄|그람)(?:그거|그걸로|그때|그시간)(?:로)?(?:하지|할게|하께|"
                            r"합시다|하죠|"
                            r"해요)(?:뭐|머)?$")
_DONE_THERE = re.compile(r"(?:거기서|그쪽에서|다니는데서|다른데서|딴데서)(?:다|전부|같이)?(?:해줘요|해줘|해주세요|"
                         r"해요|받아요|"
                         r"봐줘요|해주고있)")
_ASKED_AGAIN = re.compile(r"^(?:네|예)?(?:뭐요|뭐라고요|네|예)*(?:다시한번만|다시요|한번더요|다시말해주세요|"
                          r"다시말씀해주세요|다시한번만요)$")
_YES_THEN_FILLERS = re.compile(r"^(?:아|어)?(?:네|예)(?:음|어|그|그게|그니까|그러니까|저기|뭐지|그러니깐)+$")
_HELD_TIME_CHANGED = re.compile(r"^(?:아)?잠깐(?:만요|만)?(?:시간|날짜|요일|날)(?:을|를|은)?(?:좀)?(?:바꿔|바꾸|변경)")

# rules alone (the model read these right): the public checkup heard free, a proposal's one taken as "…거로 할게요",
# a reminder's day or hour put aside for another, fine on a wellbeing call in dialect, an offer's own errand taken
# with a yes, a day of one's own "I'll go and see", a cavity wondered, a hygienist asked for, another's visit added,
# a goodbye, busy to an offer, toothpaste asked, a shop's hours around a visit
_HEARD_FREE = re.compile(r"(?:공짜|무료)(?:로|라)?[가-힣]{0,6}(?:맞소|맞나요|맞죠|맞아요|카던데|던데|다던|라던|"
                         r"맞능교|맞지요)")
_THAT_ONE_TAKEN = re.compile(r"(?:거로|걸로|꺼로)(?:할게요|하께요|할께요|할게|하죠|할래요)$|그거(?:로)?(?:하께요|"
                             r"할게요|할께요|하죠)$")
_PUT_ASIDE_FOR = re.compile(r"말고[가-힣]{0,8}(?:로|으로)?(?:좀)?(?:해주|할수|바꿔|옮겨|가면|하면)")
_FINE_IN_DIALECT = re.compile(r"괜찮(?:허요|심더|습니더|다카십니더|다카|아요괜찮아|소|여|유)$")
_NOT_FINE = re.compile(r"아프|아파|시려|부어|붓|(?<![커카배])피(?:가|나|도)|불편|근데|는데|한데|긴한데|시큰|욱신")
_OFFER_TAKEN = re.compile(r"(?:네|예)(?:받아야지라|받아야죠|받을게요|받을께요|받을게|할게요|하께요)$")
_I_GO_AND_SEE = re.compile(r"가(?:볼게|볼께|보께|볼라)")
_CAVITY_WONDERED = re.compile(r"충치인가(?:싶어서|싶어가지고|해서)")
_HYGIENIST = re.compile(r"(?:치위생사|위생사|간호사)(?:선생님|쌤)?(?:좀)?(?:계셔유|계세요|계시나요|계신가요|"
                        r"있어요)\??$")
_ANOTHERS_TOO = re.compile(r"(?:애|아이|딸|아들|남편|와이프|엄마|아빠)(?:것|거|꺼)도(?:하나더|같이|한개더)?(?:잡고|"
                           r"예약하고|잡아)")
_GOODBYE = re.compile(r"^(?:네|예)?수고하(?:세요|십시오|시쇼|셔요|이소|시소|소)$")
_BUSY_NO = re.compile(r"(?:바빠서|바쁘니까|바빠가지고)(?:괜찮아요|됐어요|괜찮습니다)$")
_TOOTHPASTE = re.compile(r"치약(?:을|만)?(?:바꾸면|바꿔야|바꿔도|쓰면)[가-힣]{0,4}(?:나아|되나|돼요|나을|괜찮|좋아)")
_AROUND_THE_SHOP = re.compile(r"(?:문열기전에|문닫고|가게닫고|장사끝나고|가게끝나고)[가-힣]{0,6}(?:갈수있|가도되|"
                              r"가도돼|가볼수)")

RULES = (
    KindRule("a little bleeding from a pulled tooth, the gauze held, nothing asked", "symptom",
             (_SLIGHT_BLEEDING, _PULLED), unless=(_HEAVY, _ASKED, re.compile(r"괜찮|정상|되나|돼요"))),
    KindRule("an appliance broken, can it be fixed", "symptom", (_APPLIANCE_BROKEN, _FIX_ASKED), dated=False,
             unless=(_MONEY,)),
    KindRule("a treatment had, then a trouble told", "symptom", (_HAD_THEN, _TROUBLE_TOLD), unless=(_ASKED,)),
    KindRule("a trouble told, then that too looked at", "symptom", (_TROUBLE_BEFORE, _THAT_TOO), dated=False),
    KindRule("fine but an appliance feels off, on a wellbeing call", "symptom", (_FEELS_OFF,), expect=("wellbeing",),
             dated=False, unless=(_ASKED, re.compile(r"지나면|나아지|맞춰져|괜찮아져|적응"))),
    KindRule("a pain eased by a painkiller, told", "symptom", (_PAINKILLER_EASES,), unless=(re.compile(r"\?"),)),
    KindRule("as it happens, a trouble told to an offer", "symptom", (_AS_IT_HAPPENS,), dated=False),
    KindRule("a treatment's pain asked", "medical_question", (_TREATMENT_PAIN,), dated=False),
    KindRule("how long a trouble lasts, asked", "medical_question", (_HOW_LONG_IT_LASTS, _TROUBLE), unless=(_MONEY,)),
    KindRule("a treatment wondered needless in one's condition", "medical_question", (_NEEDLESS_IN_A_CONDITION,)),
    KindRule("the one in charge asked for", "talk_to_staff", (_IN_CHARGE_ASKED,)),
    KindRule("a staff member asked for by surname", "talk_to_staff", (_BY_SURNAME,)),
    KindRule("a call cut off, the booking taken up", "book", (_CUT_OFF, _BOOKING_TAKEN_UP)),
    KindRule("another on the day of one's own booking", "book", (_SAME_DAY_AS_MINE,), unless=(_CHANGED,)),
    KindRule("another of the family added, in dialect", "book", (_FAMILY_ALONG,), unless=(_CHANGED, _MONEY)),
    KindRule("the slots till when asked", "book", (_SLOTS_TILL_WHEN,), expect=("time", "date", None)),
    KindRule("may I come late, with an hour", "book", (_LATE_MAY_I, _AN_HOUR), dated=True,
             unless=(_TROUBLE, re.compile(r"몇시|예약(?:인데|했는데|이|된|돼)"))),
    KindRule("65 and over heard to halve a price", "ask_insurance", (_SIXTY_FIVE, _HALF_PRICE, _DENTURE_OR_IMPLANT)),
    KindRule("the public checkup asked free", "ask_insurance", (_PUBLIC_CHECKUP, _FREE_ASKED), unless=(_VISIT_WORDS,)),
    KindRule("a text came, what is it about", "question_other", (_TEXT_CAME, _WHAT_ABOUT), unless=(_BOOKING_ASKED,)),
    KindRule("a named paper issued", "question_other", (_PAPER_ISSUED,), unless=(_CLAIM_FIRST,)),
    KindRule("one's number changed after a yes", "question_other", (_NUMBER_CHANGED,)),
    KindRule("the way from the industrial complex", "ask_location", (_FROM_THE_COMPLEX,)),
    KindRule("a proposal taken: then that one", "yes", (_THEN_THAT_ONE,), expect=("proposal", "confirm")),
    KindRule("done there, to an offer", "no", (_DONE_THERE,), expect=("offer",)),
    KindRule("asked again", "other", (_ASKED_AGAIN,)),
    KindRule("a yes, then only fillers", "other", (_YES_THEN_FILLERS,), expect=(None, "wellbeing")),
    KindRule("a read-back held, its time to change", "no", (_HELD_TIME_CHANGED,), expect=("confirm", "proposal")),
    KindRule("the public checkup heard free", "ask_insurance", (_PUBLIC_CHECKUP, _HEARD_FREE), unless=(_VISIT_WORDS,)),
    KindRule("a proposal's one taken", "yes", (_THAT_ONE_TAKEN,), expect=("proposal",)),
    KindRule("a reminder's day or hour put aside for another", "reschedule", (_PUT_ASIDE_FOR,), expect=("reminder",),
             dated=True),
    KindRule("fine in dialect, on a wellbeing call", "no", (_FINE_IN_DIALECT,), expect=("wellbeing",),
             unless=(_NOT_FINE,)),
    KindRule("an offer's errand taken with a yes", "yes", (_OFFER_TAKEN,), expect=("offer",), dated=False,
             unless=(re.compile(r"같이|함께|잡아|해주세요|예약|넣어"),)),
    KindRule("a day of one's own, I'll go and see, to an offer", "book", (_I_GO_AND_SEE,), expect=("offer",),
             dated=True),
    KindRule("a cavity wondered", "symptom", (_CAVITY_WONDERED,), unless=(re.compile(r"괜찮|정상"),)),
    KindRule("a hygienist asked for", "talk_to_staff", (_HYGIENIST,)),
    KindRule("another's visit added", "book", (_ANOTHERS_TOO,), unless=(_CHANGED, _MONEY)),
    KindRule("a goodbye", "other", (_GOODBYE,), expect=(None,)),
    KindRule("busy, to an offer", "no", (_BUSY_NO,), expect=("offer",)),
    KindRule("a toothpaste asked", "medical_question", (_TOOTHPASTE,)),
    KindRule("a shop's hours around a visit", "book", (_AROUND_THE_SHOP,), unless=(_MONEY,)),
)
