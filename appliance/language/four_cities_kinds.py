"""Kinds of speech of four ordinary clinic days in four cities (issue 15, round 49: blind86 in 제주시, blind87 in
서울 강남, blind88 in 수원 and blind89 in 울산).

Rows of ``RULES``, consulted at stage 2 (``caller_errands``) first of the round tables (each row is narrow), behind
the refusal / red-flag guard (round 49's other safety kinds are elsewhere: a restriction of when to call in the
"…안 했으면" form in ``channels_and_consent``, a refusal "…다시 안 해 주셔도 됩니더" in ``opt_out_words``, the mouth
hard to open with swallowing sore in ``lexicon.EMERGENCY``, a trouble in dialect or a wire poking then "may I come /
bring him" in ``care_waits``):
- a pain a painkiller does not ease, told ("진통제 먹어도 계속 아파요"): ``emergency`` (round 25);
- an appliance worn, then whether a treatment can be had in that state ("교정 장치 끼고 있는데 그 상태로 스케일링도
  받을 수 있어요"): ``medical_question`` (round 35); a check-up asked needed with nothing wrong ("안 아파도 꼭 가야
  돼요", round 49, counted: 3 of 3 earlier such answers to an offer); when one may chew or eat again
  ("언제부터 씹어도 돼요"), when to start a treatment with one's child's age told (round 46): ``medical_question``;
- duty care on a day asked ("일요일에 당직 같은 거 있어요"): ``ask_hours`` (round 26; the rebuilt model read it
  ``question_other``);
- a crown come off with "can it be put back" and no visit asked ("씌운 게 빠졌거든요 다시 붙일 수 있을까요"):
  ``symptom`` (round 23); a gap felt after a treatment ("이 사이가 벌어진 것 같아요"): ``symptom``;
- a trouble conceded then fine, on a wellbeing call ("좀 시리긴 한데 괜찮수다", "얼얼하긴 했는데 지금은 멀쩡해요"),
  fine in 제주 speech ("괜찮수다"), a swelling gone down ("붓기가 어제보다 훨씬 빠졌어요"): ``no`` (rounds 43, 46);
- the double negative "못 갈 거는 없지예" and the hedged "선선해지면 갈게" to an offer, a yes with a condition
  of one's own time ("네 할게요 근데 … 이번 달 안에 해야 돼요"), "그럼 해야죠" with a reason: ``yes`` (round 24;
  a yes to a reminder with the parking asked stays ``ask_location``, 9 of 9 earlier labels);
- a proposal's day kept and its time moved ("금요일 거 시간을 네 시로 바꿀 수 있어요"), an hour to be past ("여섯 시
  반 넘어야 돼요"): ``no`` (round 46); "I see, thanks" with nothing asked: ``other`` (3 of 3 earlier labels; to a
  reminder it is a ``yes``, 32 of 32) (these two the model rebuilt with the new sets read otherwise);
- a person added to one's booking ("사람 하나 더 추가해도 될까요"), family added with no "같이" ("영감 것도 잡아
  줘"), a day told as the only one ("내일 아니면 힘들어요") to the date question, a visit on a day if the clinic is
  open ("일요일에도 진료하면 모레 가고 싶은데"): ``book``;
- the booked hour asked again to a reminder ("몇 시라 캤지예"): ``confirm_appointment``;
- can't come that day with a reason, to a reminder ("시험 기간이라 그날은 안 돼요"): ``cancel`` (round 43);
- away for long to an offer ("군대 가 있어요"), not for a while ("당분간은 못 갈 거 같아요"): ``no``; a call
  asked next month ("다음 달에나 전화 줘요") to an offer: ``callback_later``;
- what one pays with the insurance, an age told ("칠십 넘었는데 … 보험으로 하면 내 돈은 얼마나"): ``ask_insurance``;
- the way from the industrial complex's junction, which side ("공단 삼거리에서 어느 쪽으로"): ``ask_location``;
- an address or a place mistaken ("주소를 잘못 봤나 보네요", "거기 세무사 사무실 아니에요"): ``wrong_number``.
- and, for the rules alone: how often a treatment is repeated, how many visits or years a course takes
  (``question_other``, round 30: 23 of 23, round 37); open on a holiday, the lunch break (``ask_hours``); a staff
  member asked for with a call agreed (``talk_to_staff``); a medicine one takes, is it fine (``medical_question``);
  been there before (``yes``); that is all with thanks, a proposal's time wished later (``no``); who was it again, a
  hold with another put on (``other``); a cavity wondered in dialect, gums bleeding at brushing with a cause
  wondered, gums reddened, a swelling worse with the fever denied, a filling come off told (``symptom``).

All patterns match the compact text (no spaces), after ``transcript.tidy`` (the 경상도 endings read as standard).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_WHEN_TO_START = re.compile(r"(?:언제|몇살)(?:부터|쯤|에)?[가-힣]{0,4}(?:시작하는게|시작해야|시작하면|하는게|받는게)"
                            r"(?:좋아요|좋을까요|나아요|좋은가요|되나요)")
_CHILDS_AGE = re.compile(r"(?:지금|이제|올해|벌써)[가-힣]{0,4}살(?:이에요|이거든요|인데요|이예요|이에요|입니다)")
_DUTY_ON_A_DAY = re.compile(r"(?:요일|주말|공휴일|휴일|명절|연휴)(?:에|에도|엔|날)?[가-힣]{0,4}당직(?:같은거|"
                            r"진료)?(?:도)?"
                            r"(?:있|하)")
_PAST_AN_HOUR_NEEDED = re.compile(r"시(?:반)?(?:은|는)?(?:넘어야|지나야|넘어서야|이후라야|이후여야)(?:돼요|"
                                  r"되는데|해요|가능)")
_THANKS_ONLY = re.compile(r"^(?:아|어)?(?:네|예)(?:알겠습니다|알겠어요)(?:고맙습니다|감사합니다)$")
# rules alone (the model read these right, or the kind is the rules' to carry)
_HOW_OFTEN = re.compile(r"(?:몇개월|몇달|몇년|몇주)(?:에한번|마다)[가-힣]{0,8}(?:좋아요|좋은가요|돼요|되나요|"
                        r"되는|해야|받아야|"
                        r"하는거)")
_HOW_MANY_VISITS = re.compile(r"(?:몇번|몇년|몇개월|몇달)(?:이나|정도)?(?:와야|가야|다녀야|걸려요|걸리나요|걸리는)")
_HOLIDAY_OPEN = re.compile(r"(?:크리스마스|성탄절|설날|추석|명절|공휴일|연휴|어린이날)(?:날)?(?:에)?도(?:진료|"
                           r"하세요|하나요|문열|"
                           r"여세요)")
_LUNCH_BREAK = re.compile(r"점심시간(?:은|이|도)?(?:없이|몇시|언제|있어요|있나요)")
_PERSON_THEN_CALL = re.compile(r"(?:실장님|원장님|선생님)(?:오늘)?(?:계세요|계시나요|계신가요|"
                               r"계십니까)[가-힣]{0,20}(?:통화)")
_MEDICINE_ON = re.compile(r"(?:감기약|항생제|혈압약|진통제|약)(?:을|를)?먹고있는데[가-힣]{0,4}(?:괜찮|돼요|"
                          r"되나요|되나)")
_BEEN_BEFORE = re.compile(r"^(?:네|예)전에(?:한번|한두번)?(?:가봤|와봤|다녀봤|가본)")
_THAT_IS_ALL = re.compile(r"^(?:네|예)?그게다(?:예요|에요|입니다)(?:고맙|감사)")
_WHO_AGAIN = re.compile(r"^(?:네|예)?누구(?:라고|시라고)(?:요|예)?$")
_HANDED_OVER = re.compile(r"(?:잠시만|잠깐만)[가-힣]{0,8}(?:바꿔드릴게요|바꿔드릴께요|바꿔줄게요|바꿔드릴께)$")
_LATER_THAN_PROPOSED = re.compile(r"시간(?:이|은)?(?:좀)?(?:더)?(?:늦으면|늦었으면|이르면|빨랐으면|"
                                  r"빠르면)(?:좋겠|해요)")
_CAVITY_DIALECT = re.compile(r"충치인가싶어가$")
_BRUSHED_BLEEDING_WONDERED = re.compile(r"(?:양치|칫솔질)[가-힣]{0,4}(?:때마다|"
                                        r"때)[가-힣]{0,6}피가나[가-힣]{0,16}(?:그런가|"
                                        r"때문인가)")
_REDDENED_GUMS = re.compile(r"잇몸이(?:좀|약간|살짝)?(?:벌게요|빨개요|벌겋게)")
_SWELLING_WORSE_NO_FEVER = re.compile(r"(?:붓기|부기)[가-힣]{0,6}심해진(?:것|거)같[가-힣]{0,8}열은없")
_FILLING_GONE = re.compile(r"(?:때운게|때운거|씌운거|씌운게)[가-힣]{0,6}(?:떨어져나간(?:것|거)같|까맣게보여)")
_MONEY = re.compile(r"비용|가격|얼마|돈|비싸|견적")
_CHANGED = re.compile(r"취소|변경|바꿔|옮겨|미뤄")
_PAINKILLER_FAILS = re.compile(r"진통제(?:를|도)?(?:먹어도|먹었는데도|먹어봐도|먹어도요|두번먹어도|"
                               r"먹었는데)(?:계속|여전히|그대로|"
                               r"또|자꾸|아직|아직도)"
                               r"(?:아파|아프|쑤셔|쑤시|욱신)")
_APPLIANCE_ON = re.compile(r"(?:교정장치|교정기|장치|브라켓|틀니|유지장치)(?:를|을)?(?:끼고|하고|"
                           r"달고)(?:있는데|있어서|있거든)")
_IN_THAT_STATE = re.compile(r"(?:그상태로|그대로|낀채로|한채로|끼고서)[가-힣]{0,8}(?:받을수있|받아도|해도|할수있)"
                            r"(?:어요|나요|돼요|되나요|을까요|는지)")
_NEEDED_ANYWAY = re.compile(r"(?:안아파도|아무렇지않아도|이상없어도|멀쩡해도|괜찮아도|아무이상없는데)(?:꼭|"
                            r"굳이|그래도)?"
                            r"(?:가야|받아야|와야|해야)(?:돼요|되나요|하나요|해요|될까요|되는가요)")
_WHEN_MAY_I_EAT = re.compile(r"언제부터[가-힣]{0,4}(?:씹어도|먹어도|마셔도|밥먹어도)(?:돼|되|괜찮)")
_CROWN_OFF = re.compile(r"(?:씌운게|씌운거|크라운|때운게|때운거|보철|브릿지)(?:가|이)?[가-힣]{0,2}(?:빠졌|"
                        r"떨어졌|빠져)")
_PUT_BACK = re.compile(r"(?:다시)?(?:붙일수있|붙여주|붙여줄|끼울수있|끼워주)(?:을까요|나요|어요|세요|실수있)")
_GAP_AFTER = re.compile(r"(?:받고|하고)나서[가-힣]{0,8}(?:벌어진(?:것|거)같|휑해|틈이생긴)")
_CONCEDED_FINE = re.compile(r"(?:긴|기는)(?:한데|했는데|하는데|헌디)(?:지금은|이제는|이제)?(?:괜찮|멀쩡|"
                            r"아무렇지않)[가-힣]{0,3}$")
_FINE_JEJU = re.compile(r"^(?:예|네)?괜찮수다(?:걱정맙서|걱정마세요)?$")
_SWELLING_DOWN = re.compile(r"(?:붓기|부기|통증|아픈거)(?:가|는)?[가-힣]{0,6}(?:훨씬|많이|거의|다)(?:빠졌|"
                            r"가라앉|줄었|덜해)")
_BUT = re.compile(r"근데|그런데|는데|지만|아직")
_DOUBLE_NEGATIVE = re.compile(r"못갈(?:거는|건|것은|거)없[가-힣]{0,4}(?:가야지|가야죠|갈게|가께)")
_HEDGED_WHEN = re.compile(r"(?:선선해지면|시원해지면|풀리면|나으면|좀나으면|덜더우면|날풀리면)(?:갈게|가께|"
                          r"갈께|가야지|갈게요|"
                          r"가께요)$")
_YES_WITHIN = re.compile(r"^(?:아)?(?:그거요)?(?:네|예)(?:할게요|받을게요|해야죠|할께요)(?:근데|그런데)[가-힣]{0,16}"
                         r"(?:안에|전에)(?:해야|받아야)(?:돼요|되거든요|해요)$")
_MUST_WITH_REASON = re.compile(r"^(?:네|예)?(?:그럼|그러면)?(?:해야죠|받아야죠|해야지요)[가-힣]{0,12}(?:니까|"
                               r"니깐|으니까)$")
_TIME_MOVED = re.compile(r"(?:거|건데|걸로|거요)[가-힣]{0,2}시간(?:을|만|은)?(?:좀)?(?:[가-힣0-9]{1,4}(?:로|"
                         r"으로))?(?:바꿀|바꿔|늦출|늦춰|"
                         r"당길|당겨|앞당)")
_ONE_MORE = re.compile(r"(?:사람|한명|한사람)(?:하나|한명)?(?:더)(?:추가|넣어|예약|같이)")
_FAMILY_TOO = re.compile(r"(?:영감|할멈|양반|바깥양반|마누라|집사람|손주|손자|손녀)(?:것|거|"
                         r"꺼)도(?:좀)?(?:잡아|예약해|넣어)")
_ONLY_THAT_DAY = re.compile(r"(?:아니면|말고는|빼고는)(?:힘들|안돼|어려|못가)")
_IF_OPEN = re.compile(r"(?:진료하면|문열면|여시면|열면)[가-힣]{0,6}(?:가고싶|갈게|갈께|가려고)")
_HOUR_SAID_AGAIN = re.compile(r"몇시(?:라|라고|였)(?:했|하셨|캤|그랬)")
_THAT_DAY_NOT = re.compile(r"(?:이라|라서|어서|아서)[가-힣]{0,4}(?:그날은|그날|그때는|그때)(?:안돼요|못가요|"
                           r"안되겠어요|힘들어요)$")
_AWAY_LONG = re.compile(r"(?:군대|유학|해외|외국)(?:에)?(?:가있|나가있|가서)")
_NOT_FOR_A_WHILE = re.compile(r"당분간(?:은)?[가-힣]{0,4}(?:못갈|안될|힘들)")
_CALL_LATER_MONTH = re.compile(r"(?:다음달|다음주|나중)(?:에나|에|쯤)(?:다시)?(?:전화|연락)(?:줘|주세요|"
                               r"주이소|해줘|해주세요)")
_INSURED_SHARE = re.compile(r"보험(?:으로|되면|적용하면|적용되면)[가-힣]{0,6}(?:내돈|본인부담|제가내는|"
                            r"내가내는|자기부담)")
_JUNCTION_SIDE = re.compile(r"공단(?:삼거리|사거리|입구|정문)(?:에서|서)[가-힣]{0,4}(?:어느쪽|어느방향|어디로)")
_MISTAKEN = re.compile(r"(?:주소|번호|호수)(?:를|가)?잘못(?:봤|눌렀|걸었|왔|찾아)|"
                       r"(?:세무사|법무사|시청|구청|주민센터|부동산|사무실)(?:아니에요|아닌가요|아니예요)")
_CLINIC_TOLD = re.compile(r"치과(?:아니|아닌)")

RULES = (
    KindRule("a pain a painkiller does not ease", "emergency", (_PAINKILLER_FAILS,)),
    KindRule("an appliance worn, a treatment in that state asked", "medical_question", (_APPLIANCE_ON, _IN_THAT_STATE)),
    KindRule("a check-up asked needed with nothing wrong", "medical_question", (_NEEDED_ANYWAY,)),
    KindRule("when to start a treatment, one's child's age told", "medical_question", (_WHEN_TO_START, _CHILDS_AGE)),
    KindRule("duty care on a day asked", "ask_hours", (_DUTY_ON_A_DAY,)),
    KindRule("when one may chew or eat again", "medical_question", (_WHEN_MAY_I_EAT,)),
    KindRule("a crown come off, can it be put back", "symptom", (_CROWN_OFF, _PUT_BACK),
             unless=(_MONEY, re.compile(r"가서|가면|갈게|가도|예약|오늘|내일|모레"))),
    KindRule("a gap felt after a treatment", "symptom", (_GAP_AFTER,),
             unless=(re.compile(r"원래|정상|나요|\?|그래요|거예요"),)),  # asked whether normal: medical_question
    KindRule("a trouble conceded, then fine, on a wellbeing call", "no", (_CONCEDED_FINE,), expect=("wellbeing",),
             unless=(re.compile(r"아직"),)),  # round 46: "still a little but fine" stays a symptom
    KindRule("fine in 제주 speech, on a wellbeing call", "no", (_FINE_JEJU,), expect=("wellbeing",)),
    KindRule("a swelling gone down, on a wellbeing call", "no", (_SWELLING_DOWN,), expect=("wellbeing",),
             unless=(_BUT,)),
    KindRule("a double negative, then a yes, to an offer", "yes", (_DOUBLE_NEGATIVE,), expect=("offer", "reminder")),
    KindRule("a hedged yes to an offer", "yes", (_HEDGED_WHEN,), expect=("offer",), dated=False),
    KindRule("a yes with a bound of one's own", "yes", (_YES_WITHIN,), expect=("offer",), dated=False),
    KindRule("must, with a reason, to an offer", "yes", (_MUST_WITH_REASON,), expect=("offer",), dated=False),
    KindRule("a proposal's time moved", "no", (_TIME_MOVED,), expect=("proposal",)),
    KindRule("an hour to be past, to a proposal", "no", (_PAST_AN_HOUR_NEEDED,), expect=("proposal",)),
    KindRule("I see, thanks, with nothing asked", "other", (_THANKS_ONLY,), expect=(None,)),
    KindRule("how often a treatment is repeated", "question_other", (_HOW_OFTEN,), unless=(re.compile(r"보험"),)),
    KindRule("how many visits or years a course takes", "question_other", (_HOW_MANY_VISITS,),
             unless=(_MONEY, re.compile(r"아파|아프|시려|부었"))),
    KindRule("open on a holiday asked", "ask_hours", (_HOLIDAY_OPEN,)),
    KindRule("the lunch break asked", "ask_hours", (_LUNCH_BREAK,)),
    KindRule("a staff member asked for, a call agreed", "talk_to_staff", (_PERSON_THEN_CALL,)),
    KindRule("a medicine one takes, is it fine", "medical_question", (_MEDICINE_ON,)),
    KindRule("been there before, to a yes-no question", "yes", (_BEEN_BEFORE,), expect=("yes_no",)),
    KindRule("that is all, with thanks, to the need question", "no", (_THAT_IS_ALL,), expect=("need",)),
    KindRule("who was it again", "other", (_WHO_AGAIN,)),
    KindRule("a hold, someone else put on", "other", (_HANDED_OVER,)),
    KindRule("a proposal's time wished later", "no", (_LATER_THAN_PROPOSED,), expect=("proposal",)),
    KindRule("a cavity wondered, in dialect", "symptom", (_CAVITY_DIALECT,)),
    KindRule("gums bleeding at brushing, a cause wondered", "symptom", (_BRUSHED_BLEEDING_WONDERED,)),
    KindRule("gums reddened told", "symptom", (_REDDENED_GUMS,), dated=False,
             unless=(re.compile(r"\?|나요|돼요|까요"),)),
    KindRule("a swelling worse, the fever denied", "symptom", (_SWELLING_WORSE_NO_FEVER,)),
    KindRule("a filling or a crown come off or gone dark, told", "symptom", (_FILLING_GONE,),
             unless=(re.compile(r"\?|나요|까요|예약|가서|가면"),)),
    KindRule("a person added to one's booking", "book", (_ONE_MORE,), unless=(_CHANGED, _MONEY)),
    KindRule("family added, no 같이", "book", (_FAMILY_TOO,), unless=(_CHANGED, _MONEY)),
    KindRule("a day told as the only one", "book", (_ONLY_THAT_DAY,), expect=("date",), dated=True),
    KindRule("a visit on a day if the clinic is open", "book", (_IF_OPEN,), dated=True),
    KindRule("the booked hour asked again to a reminder", "confirm_appointment", (_HOUR_SAID_AGAIN,),
             expect=("reminder", "confirm"), unless=(re.compile(r"갈게|가께|알겠"),)),
    KindRule("can't come that day with a reason, to a reminder", "cancel", (_THAT_DAY_NOT,), expect=("reminder",),
             dated=False),
    KindRule("away for long, to an offer", "no", (_AWAY_LONG,), expect=("offer",)),
    KindRule("not for a while, to an offer", "no", (_NOT_FOR_A_WHILE,), expect=("offer",)),
    KindRule("a call asked next month, to an offer", "callback_later", (_CALL_LATER_MONTH,), expect=("offer",)),
    KindRule("what one pays with the insurance", "ask_insurance", (_INSURED_SHARE,)),
    KindRule("the way from the industrial complex's junction", "ask_location", (_JUNCTION_SIDE,)),
    KindRule("an address or a place mistaken", "wrong_number", (_MISTAKEN,), unless=(_CLINIC_TOLD,)),
)
