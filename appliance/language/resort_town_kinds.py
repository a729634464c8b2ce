"""Kinds of speech of two ordinary clinic days (issue 15, round 42: blind68, a Wednesday in March with families
moved to town; blind69, a Friday in August at a seaside resort with holiday makers and 경상도 speakers).

The caller's errands (``RULES``), consulted at stage 2 (``caller_errands``) after ``harvest_day_kinds``, behind the
refusal / red-flag guard:

- safety first: an activity asked allowed after a treatment ("사랑니 뽑고 바다 들어가도 되나요", "임플란트 심은 뒤에
  비행기 타도 돼요"): ``medical_question``, the dentist's call, never a booking;
- a walk-in asked for now with the trouble as its reason after ("지금 바로 가도 될까요 … 이가 시려서"), an
  appliance's trouble with a day and the errand of the visit ("… 내일 가 봐도 돼요 조정하러"), a visitor from
  elsewhere asking to be seen on a day ("놀러 왔는데 … 오늘 가도 되나"), an offer welcomed with a day of one's own
  ("마침 잘됐네 내일 가도 돼요"), a consultation wished then how to book ("상담 받아 보려고 하는데요 예약 어떻게
  해요"), a treatment to go on with no booking found ("이어서 해야 되는데 예약이 안 돼 있더라고요"), a day asked
  "not possible?" to the date question ("오늘은 안 돼요?"): ``book`` (rounds 30, 34 and 36);
- a reminder's slot put aside and another asked ("그 시간 말고 좀 이른 시간 없어요"): ``reschedule``;
- an offer declined for a clinic nearer home ("가까운 데 다니려고요"): ``no``;
- the way asked along a road or a landmark ("큰길 따라오면 보여요?"): ``ask_location``.

Then kinds the model read right and the rules alone did not, read so by the rules too: a reminder's day refused then
another ("… 안 되고 월요일 두 시로 해 주세요", ``reschedule``), "a little later" or after an hour (``callback_later``),
fine told with thanks on a wellbeing call (round 27's ``no``), a day asked with a remark to the date question
(``book``), the first one said (``yes``), the slot not suiting, "that is enough" to the need question, a read-back's
part wrong (``no``), "let's do it" and "no reason not to" (``yes``), a shop asked (``wrong_number``), a trouble with its
cause wondered (round 40's ``symptom``), open now and the hours asked (``ask_hours``), the booked treatment asked
(``confirm_appointment``), a booking to a day (``reschedule``), "I must come to have it pulled" (``book``), how long a
treatment takes (``question_other``).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

# safety first: after a treatment, an activity asked allowed
_AFTER_TREATMENT = re.compile(
    r"(?:뽑고|뽑은뒤|뽑은후|뽑고나서|빼고|뺀뒤|뺀후|발치하고|발치한뒤|발치후|심고|심은뒤|심은후|수술하고|수술한뒤|수술후|"
    r"치료하고|치료받고|마취하고|스케일링하고|스케일링받고|때우고|씌우고|꿰매고)")
_ACTIVITY_ALLOWED = re.compile(
    r"(?:바다|수영|물놀이|해수욕|수영장|목욕탕|목욕|사우나|찜질방|헬스|운동|등산|비행기|술|담배|샤워|골프|축구|"
    r"자전거|다이빙|스노클링|서핑|캠핑|여행|노래방|요가|뛰어|달리기|마라톤)[가-힣]{0,4}"
    r"(?:해도|가도|들어가도|타도|마셔도|피워도|해도|받아도|나가도|다녀와도)(?:돼|되|될|괜찮)")
_BOOKING_WORDS = re.compile(r"예약|잡아|넣어")
# a walk-in asked for now, the trouble as its reason after (round 36: today's booking)
_WALK_IN_NOW = re.compile(r"^(?:아|어|저)?지금(?:바로|당장)?(?:가도|가면)(?:될까요|되나요|돼요|되요|될까|되나)")
_TROUBLE_AFTER = re.compile(r"(?:시려|시리|시린|아파|아프|욱신|시큰|흔들|불편|빠졌|깨졌)")
# an appliance's trouble with a day and the errand of the visit ("조정하러", "고치러")
_ERRAND = re.compile(r"(?:조정|수리|손보|고치|맞추|깎으|깍으|붙이|줄이|조이)(?:하)?러|(?:조정|수리)받으러")
_MAY_I_COME = re.compile(r"(?:가도|가봐도|와도|가면)(?:돼|되|될|괜찮)")
# a visitor from elsewhere asking to be seen on a day
_VISITOR = re.compile(r"놀러|여행|휴가|외지|타지|관광|피서|출장")
_A_DAY_ASKED = re.compile(r"(?:오늘|내일|모레|지금|이따|[월화수목금토일]요일)(?:에|은|도)?(?:바로|좀)?"
                          r"(?:가도|가면)(?:될까|되나|돼|되요|되죠|될까요|되나요)")
# an offer welcomed, then a day of one's own
_WELCOMED = re.compile(r"^(?:아|오|어)?(?:마침|잘됐|잘됬|안그래도|그렇잖아도|그러잖아도)")
# a consultation wished, then how to book
_CONSULT_WISHED = re.compile(r"상담(?:을|도|좀)?(?:받아|받으|받고)")
_HOW_TO_BOOK = re.compile(r"예약(?:은|을|하려면)?(?:어떻게|어케)(?:해요|하나요|하면|해야|하죠)")
# a treatment to go on with, no booking found
_TO_GO_ON = re.compile(r"(?:이어서|계속|마저|마무리)[가-힣]{0,4}(?:해야|받아야|해야하|받아야하)")
_NO_BOOKING_FOUND = re.compile(r"예약이(?:안돼있|안되어있|안잡혀|없더라|없네|없다고|안돼있더)")
# "오늘은 안 돼요?" to the date question: a day asked (round 27: a bare day to it books, whatever)
_DAY_NOT_POSSIBLE_ASKED = re.compile(r"^(?:그럼|그러면|아)?(?:오늘|내일|모레|[월화수목금토일]요일|주말|이번주)"
                                     r"(?:은|는)?(?:바로)?(?:안돼요|안되나요|안될까요|안되요|안돼|안되죠|안됩니까)$")
# a reminder's slot put aside, another asked
_SLOT_PUT_ASIDE = re.compile(r"^(?:아|어|음)?(?:그시간|그날|그때)(?:은|는)?(?:말고|말구|대신)[가-힣]{0,4}"
                             r"(?:이른|늦은|빠른|다른|일찍|늦게)(?:시간|날|때)?[가-힣]{0,4}"
                             r"(?:없어요|없나요|있어요|있나요|되나요|돼요|안돼요|없을까요)\??$")
# an offer declined for a clinic nearer home
_NEARER_CLINIC = re.compile(r"(?:가까운|집근처|집앞|동네)(?:데|곳|치과|병원)?(?:로|에|에서|를)?[가-힣]{0,2}"
                            r"(?:다니려|다닐|다니고|옮기려|가려고|갈라고|다니려고)")
# the way along a road or from a landmark
_ALONG_THE_WAY = re.compile(r"(?:길|큰길|도로|해변|바닷가|사거리|골목|다리|쪽)(?:을|로|으로)?(?:따라|쭉)"
                            r"(?:오면|가면|걸어오면|내려오면|올라오면)(?:바로)?(?:보여|보이|나와|나오|있어요|있나요)")

# read by the rules alone as the model does (round 42): answers to the question asked
_DAY_REFUSED_THEN_ANOTHER = re.compile(r"안되고[가-힣]{0,10}(?:로|으로)(?:해|바꿔|옮겨)(?:주세요|줘요|주시고|주실래요)")
_A_LITTLE_LATER = re.compile(r"(?:좀|조금|잠시)있다(?:가)?(?:다시)?(?:해|걸어|전화해|전화)(?:주세요|줘요|주실래요)$")
_CALL_AFTER_AN_HOUR = re.compile(r"(?:시|저녁|오후|밤)(?:넘어서|이후에|지나서|쯤|에)?(?:다시)?(?:전화|연락)"
                                 r"(?:주시면|해주시면|좀주시면)(?:안될까요|좋겠어요|안돼요|안되나요)$")
_FINE_TOLD = re.compile(
    r"^(?:아|어|음|아이고)?(?:[가-힣]{0,14}(?:감사해요|감사합니다|고맙습니다|고마워요|낫네요|나았어요))?"
    r"괜찮(?:아요|습니다|구먼요|네요)$|^괜찮(?:아요|구먼요|습니다)(?:암시랑도안해요|걱정마세요|걱정마셔요)$")
_NOT_FINE = re.compile(r"시려|시리|시큰|아프|아파|욱신|쑤|뻐근|부었|부어|(?<![커카배])피[가나]|흔들|"
                       r"근데|는데|지만|예약")
_DAY_ASKED_WITH_A_REMARK = re.compile(r"^(?:그럼)?(?:[월화수목금토일]요일|내일|모레|다음주[월화수목금토일]요일)"
                                      r"(?:은|는|도)?(?:되나요|돼요|되요|가능해요|가능한가요)[가-힣]{0,8}$")
_THE_FIRST_SAID = re.compile(r"^(?:처음|먼저|맨처음|마지막에|나중에)(?:에)?"
                             r"(?:말씀하신|말한|얘기하신|말해주신|불러주신)(?:거|걸|것)(?:요|로요|로할게요|로해주세요|로하죠)?$")
_SLOT_NOT_SUITING = re.compile(r"^(?:그시간|그날|그때)(?:은|는)?(?:좀)?(?:그렇고|별로고|어렵고|곤란하고|애매하고)"
                               r"(?:더|좀)?(?:늦게|일찍|이르게|빠르게|늦은|이른|다른)[가-힣]{0,4}(?:없어요|있어요|없나요|있나요)$")
_THAT_IS_ENOUGH = re.compile(r"^(?:그거면|그걸로|그거로|이거면)(?:됐어요|돼요|충분해요|됐습니다)"
                             r"(?:고마워요|감사합니다|감사해요)?$")
_LETS_DO_IT = re.compile(r"^(?:그러면|그럼)?(?:그래|그래요)(?:합시다|하죠|해요|할게요)$")
_NO_REASON_NOT = re.compile(r"(?:안할|못할|안갈|못갈)이유가(?:뭐)?(?:있나|있어요|있겠어요|없죠|없지)")
_A_SHOP_ASKED = re.compile(r"^(?:어|아)?거기(?:가)?(?!치과)[가-힣]{1,3}(?:집|식당|약국|미용실|세탁소|부동산|마트)"
                           r"(?:이|가)?(?:아니에요|아닌가요|아니예요|아니야|맞죠|아닙니까)$")
_PART_WRONG = re.compile(r"(?:이름|성함|번호|날짜|요일|시간)(?:이|가)?(?:틀렸|잘못됐|잘못되|달라요|다른데)")
_CAUSE_WONDERED = re.compile(r"(?:시려|시리|아파|아프|욱신|시큰)[가-힣]{0,8}(?:충치|신경|잇몸병|풍치|사랑니)"
                             r"(?:인지|인가|인가봐요|인가싶어요|때문인지)$")
_OPEN_NOW = re.compile(r"^(?:아직|지금)(?:진료)(?:보고|하고)(?:계세요|계시나요|있어요|하세요)(?:지금)?$|^(?:아|어)?벌써"
                       r"(?:진료)?(?:끝났어요|끝났나요|끝났어)$")
_HOURS_ASKED = re.compile(r"(?:저녁|야간|주말|토요일)진료(?:는)?(?:무슨|몇|어느)(?:요일|날)"
                          r"(?:이에요|예요|에요|해요|하세요)$|점심(?:시간)?(?:끝나고|지나고|후에)?[가-힣]{0,2}(?:몇시에|언제)(?:다시)?(?:열어요|여세요|시작해요|하세요)")
_BOOKED_TREATMENT = re.compile(r"(?:다음|그)예약(?:이|은)?(?:무슨|뭔|어떤)(?:치료|진료)"
                               r"(?:였죠|였나요|이었죠|예요|이에요|였더라)")
_BOOKING_TO_A_DAY = re.compile(r"예약(?:을|은)?(?:다음주|다다음주)?[가-힣]{0,4}(?:요일|일)(?:로|으로)요")
_MUST_COME_FOR_IT = re.compile(r"(?:뽑|빼|때우|치료받|씌우)(?:으)?러가야(?:될|할)(?:것같아요|거같아요)$")
_HOW_LONG = re.compile(r"(?:는|은)(?:거|건|것)(?:은|는)?(?:시간)?(?:얼마나|몇분)(?:걸려요|걸리나요)")

RULES: tuple[KindRule, ...] = (
    KindRule("an activity after a treatment", "medical_question", (_AFTER_TREATMENT, _ACTIVITY_ALLOWED),
             (_BOOKING_WORDS,)),
    KindRule("a walk-in now, the trouble after", "book", (_WALK_IN_NOW, _TROUBLE_AFTER)),
    KindRule("an appliance's errand on a day", "book", (_ERRAND, _MAY_I_COME), dated=True),
    KindRule("a visitor asks for a day", "book", (_VISITOR, _A_DAY_ASKED), (_TROUBLE_AFTER,), dated=True),
    KindRule("an offer welcomed with a day", "book", (_WELCOMED, _A_DAY_ASKED), (_TROUBLE_AFTER,), expect=("offer",),
             dated=True),
    KindRule("a consultation, how to book", "book", (_CONSULT_WISHED, _HOW_TO_BOOK)),
    KindRule("to go on, no booking found", "book", (_TO_GO_ON, _NO_BOOKING_FOUND)),
    KindRule("a day asked not possible", "book", (_DAY_NOT_POSSIBLE_ASKED,), expect=("date", "time"), dated=True),
    KindRule("a reminder's slot put aside", "reschedule", (_SLOT_PUT_ASIDE,), expect=("reminder", "confirm")),
    KindRule("an offer declined for nearer", "no", (_NEARER_CLINIC,), expect=("offer",)),
    KindRule("the way along a road", "ask_location", (_ALONG_THE_WAY,)),
    KindRule("a day refused, another", "reschedule", (_DAY_REFUSED_THEN_ANOTHER,), expect=("reminder",), dated=True),
    KindRule("a little later", "callback_later", (_A_LITTLE_LATER,), expect=("reminder", "confirm", "offer",
                                                                          "wellbeing", "yes_no")),
    KindRule("a call after an hour", "callback_later", (_CALL_AFTER_AN_HOUR,)),
    KindRule("fine told, on a wellbeing call", "no", (_FINE_TOLD,), (_NOT_FINE,), expect=("wellbeing",)),
    KindRule("a day asked with a remark", "book", (_DAY_ASKED_WITH_A_REMARK,), expect=("date", "time"), dated=True),
    KindRule("the first one said", "yes", (_THE_FIRST_SAID,), expect=("proposal", "yes_no")),
    KindRule("the slot not suiting", "no", (_SLOT_NOT_SUITING,), expect=("proposal", "confirm")),
    KindRule("that is enough", "no", (_THAT_IS_ENOUGH,), expect=("need",)),
    KindRule("let's do it", "yes", (_LETS_DO_IT,), expect=("offer", "proposal", "yes_no")),
    KindRule("no reason not to", "yes", (_NO_REASON_NOT,), expect=("offer", "yes_no")),
    KindRule("a shop asked", "wrong_number", (_A_SHOP_ASKED,)),
    KindRule("a read-back's part wrong", "no", (_PART_WRONG,), expect=("confirm",)),
    KindRule("a trouble, its cause wondered", "symptom", (_CAUSE_WONDERED,)),
    KindRule("open now", "ask_hours", (_OPEN_NOW,)),
    KindRule("the hours asked", "ask_hours", (_HOURS_ASKED,)),
    KindRule("the booked treatment asked", "confirm_appointment", (_BOOKED_TREATMENT,)),
    KindRule("a booking to a day", "reschedule", (_BOOKING_TO_A_DAY,), dated=True),
    KindRule("must come for it", "book", (_MUST_COME_FOR_IT,)),
    KindRule("how long it takes", "question_other", (_HOW_LONG,), expect=("reminder", "confirm", None)),
)
