"""Kinds of speech of two ordinary clinic days (issue 15, round 41: blind66, the week of 추석 with callers going home
and soldiers on leave; blind67, a February day of reminders, wellbeing calls and older patients on blood thinners).

The caller's errands (``RULES``), consulted at stage 2 (``caller_errands``) after ``childrens_week_kinds``, behind
the refusal / red-flag guard:

- safety first: fine on a call, then whether the next treatment may wait until after a holiday or a trip ("네
  괜찮아요 근데 다음 치료는 설 지나고 받아도 돼요"): ``medical_question`` (the dentist's call; a visit moved by its
  booking, "예약", stays with the rules that read it);
- "as it happens" ("안 그래도") then a trouble told, nothing asked ("안 그래도 씌운 데가 좀 욱신거려서요"):
  ``symptom``, never the "안" of a no (a trouble told beside an answer must reach staff);
- a yes, then the piece that came out kept ("네 부러진 조각 챙겨 놨어요"), the medicines one takes ("예 당뇨약
  먹고 있습니다") or one's age ("네 칠십 넘었어요") told to a yes/no question: ``yes``, the answer, no trouble
  and no question;
- a proposal taken by its time after "그럼" with "해 주세요" ("그럼 네 시 반으로 해 주세요"): ``yes`` (round 38);
- the proposed time or day clashing with one's own life ("그날은 남편이 출근해서요", "그 시간은 애가 학원
  가요"): ``no``.

``denied_fever_dropped`` takes a fever denied in its own clause ("열은 없어요", "열은 안 나고") out of a sentence,
so a trouble told before it still reaches round 34's "may I come" (``care_waits``): a fever denied is no fever, and
no sentence between the trouble and the question.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_YES_FIRST = re.compile(r"^(?:아|어)?(?:네|예|응|그럼요|그렇죠)")
_QUESTION_END = re.compile(r"\?|까요$|나요$")
_ASKED = re.compile(r"\?|까요$|나요$|되요$|돼요$|괜찮|해도|어때")
_TREATMENT = r"(?:치료|진료|교정|신경치료|수술|발치|임플란트|스케일링|레진|크라운|사랑니)"
_WAIT_ASKED = re.compile(
    _TREATMENT + r"(?:는|은|도|를|을)?[가-힣]{0,10}(?:지나고|지나서|끝나고|끝나서|다녀와서|다녀오고|갔다와서|쇠고)"
    r"(?:해도|받아도|가도|와도|하면|받으면)(?:돼|되|될|괜찮)")
_BOOKING_WORDS = re.compile(r"예약|잡아|옮겨|바꿔|미뤄주|취소|넣어")
_AS_IT_HAPPENS = re.compile(r"^(?:아|어|네|예)?안그래도")
_TROUBLE = re.compile(r"시큰|시려|시리|시린|아파|아프|아픈|욱신|쑤시|쑤셔|흔들|부었|부어|(?<![커카배])피가나|빠졌|"
                      r"깨졌|부러졌|헐거|헐렁|불편")
_QUESTION_OR_VISIT = re.compile(r"\?|까요|나요|가도|와도|예약|잡아|봐주|갈게|갈께|가려고")
_PIECE_KEPT = re.compile(
    r"(?:빠진|떨어진|부러진|깨진|빠졌던|떨어졌던)(?:거|것|조각|이|니|이빨)(?:는|은|를|을|도)?[가-힣]{0,4}"
    r"(?:가지고|갖고|챙겨|보관|들고|모아)(?:있|놨|놓|왔|두)")
_MEDICINE_TAKEN = re.compile(r"약(?:을|를|도|은)?(?:계속|매일|꾸준히)?(?:먹고|복용하고|드시고|먹는중)"
                             r"(?:있|이에요|예요|입니다)[가-힣]{0,4}$")
_AGE_TOLD = re.compile(r"(?:세|살)(?:이|가)?(?:넘었|넘었어|이에요|예요|됐어요|입니다|이요|요)|(?:넘었어요|넘었습니다)$")
_AGE_NUMBER = re.compile(r"(?:[이삼사오육칠팔구]십|[0-9]{2})(?:[일이삼사오육칠팔구]|[0-9])?(?:세|살)|"
                         r"(?:칠십|팔십|육십|구십|예순|일흔|여든)(?:넘|이|세|살)")
_THEN_BY_TIME = re.compile(r"^(?:아|음|어)?(?:그럼|그러면)(?:[가-힣]{0,8})(?:시|반|분)(?:으로|로)"
                           r"(?:해주세요|해줘요|해주시고요|부탁해요|부탁드려요|잡아주세요|해주시면돼요|해주시면되요)$")
_THAT_SLOT = re.compile(r"^(?:아|어|음|저)?(?:그시간|그날|그때|그시간대|그요일)(?:은|는|에는|엔|이|도)")
_CLASH = re.compile(r"(?:학원|회사|출근|근무|수업|약속|회의|병원|모임|야근|당직|일|시험)(?:을|이|가|에|도)?"
                    r"(?:가요|가야|가서|있어요|있어서|있고|이에요|예요|해요|해서|잡혀|나가)")
_YES_AFTER = re.compile(r"(?:괜찮아요|좋아요|돼요|되요|가능해요)$")
_WORSE_ASKED = re.compile(r"(?:하면|받으면|하고나면|받고나면)[가-힣]{0,2}(?:시린|아픈|흔들리는|부은|시큰한)"
                          r"(?:거|게|것|데)?(?:가|이)?(?:더)?(?:심해|악화|더해)[가-힣]{0,4}(?:않아요|않나요|나요|까요|죠|않을까요)$")
_OFFER_NOT_NEEDED = re.compile(r"(?:안가도|안와도|안받아도|안해도)(?:될|되|돼)|필요없을것같|"
                               r"다른(?:데|치과|병원|곳)(?:서|에서)?[가-힣]{0,4}(?:다니고|봐주고|받고있|하고있|관리받)")
_NO_THEN_DENIED = re.compile(r"^(?:아니요|아뇨|아니|아니에요)[가-힣]{0,6}(?:지는|진)"
                             r"(?:않았어요|않아요|않았습니다|않습니다|않았는데요|안했어요|안나요|안났어요)$|"
                             r"^(?:아니요|아뇨|아니)(?:피|열|붓기|부기|고름|통증)(?:는|은)(?:안났어요|안나요|없어요|없었어요)$")
_LOOK_AGAIN = re.compile(r"(?:다시|한번)?봐(?:줄|주실)수(?:있어요|있나요|있을까요|있으세요)$")
_DISCOMFORT = re.compile(r"불편|안맞|아파|아프|시려|시리|시큰|헐거|헐렁|높아|높은|걸려|걸리")
_BOOKED_TOLD = re.compile(r"예약(?:인데|있는데|돼있는데|되어있는데|했는데|잡혀있는데)(?:요)?")
_ONLY_PART_MOVED = re.compile(r"(?:시간|날짜|요일)만")
_PUT_OFF = re.compile(r"(?:로|으로)(?:좀)?(?:넘겨|미뤄|옮겨|당겨)(?:주세요|줘요|주실|주시겠|줄수)")
_BOTH_DECLINED = re.compile(r"둘다|별로|싫어|안돼요|안되고")
_PUT_OFF_CALL_BACK = re.compile(r"(?:미루고|옮기고|바꾸고|변경하고)싶은데[가-힣]{0,6}(?:날짜|시간|요일)(?:는|은)"
                                r"[가-힣]{0,4}(?:다시|나중에|이따)(?:전화|연락)")
_BOOKED_SWAPPED = re.compile(r"(?:잡았던|예약했던|잡은|예약한)(?:거|것|걸)[가-힣]{0,12}(?:로|으로)(?:바꿔|변경)")
_MUST_CANCEL = re.compile(r"취소(?:해야겠어요|해야할것같아요|해야될것같아요|해야돼요|해야겠네요)$")
_MOVED_TO = re.compile(r"(?:로|으로)(?:바꿔|옮겨|미뤄)|다른날|대신")
_WHICH_DAY_BOOKED = re.compile(r"(?:로|으로)(?:잡았나요|잡혔나요|예약했나요|예약됐나요|돼있나요|되어있나요|했나요)")
_OTHER_ADDED = re.compile(r"(?:동생|남편|아내|와이프|엄마|아빠|애|아이|딸|아들|친구|언니|오빠|누나|형|어머니|아버지)"
                          r"(?:도|까지|랑|하고)(?:같이|함께)|둘이같이|셋이같이")
_BOOK_WORDS = re.compile(r"잡아|예약|넣어")
_A_ROOM = re.compile(r"진료실|키즈룸|들어가|들어와")
_OPEN_ASKED = re.compile(r"(?:날|당일|연휴|명절|추석|설|요일|공휴일|대체휴일)(?:은|는|에는|에도|도)"
                         r"(?:문)?(?:여나요|열어요|여세요|여시나요|열까요|여는지|영업해요|영업하나요)\??$")
_CHARGED_TWICE = re.compile(r"(?:계산|결제|카드결제|승인)[가-힣]{0,4}(?:두번|이중|중복)")
_AN_HOUR = re.compile(r"(?:[한두세네섯곱덟홉열]|[0-9])시")
_EVENING_SLOT = re.compile(r"야간[가-힣]{0,2}(?:되나요|돼요|가능|있나요)")
_WALK_IN_NEARBY = re.compile(r"^지금(?:바로|당장)?(?:가면|가도)(?:봐|진료)[가-힣]{0,8}근처")
_TIME_TAKEN = re.compile(r"^(?:[월화수목금토일]요일|내일|모레)?[가-힣]{1,3}시(?:반)?(?:으로|로)"
                         r"(?:할게요|할께요|하겠습니다|해주세요)$")
_NUMBER_CHANGED = re.compile(r"번호(?:가|를)?(?:바뀌었|바꿨|변경)[가-힣]{0,8}(?:저장|이걸로|이번호로)")
_ANOTHERS_HOME = re.compile(r"씨(?:집|댁)(?:이)?(?:아닌가요|아니에요|아니예요|아닙니까)")
_STAFF_IN = re.compile(r"^(?:거기|저)?(?:[가-힣]선생님|[가-힣]원장님|실장님|원장님)(?:좀)?"
                       r"(?:계시나요|계세요|계신가요|계십니까)")
_BOUND_ANY = re.compile(r"(?:전이면|전까지면|전까지만|이전이면)(?:다|아무때나|언제든|언제라도|언제든지)?"
                        r"(?:좋아요|괜찮아요|돼요|되요|상관없어요)$")
_ALARM = re.compile(r"(?<![커카배])피(?:가|도|나)|깨져|깨졌|부러|너무|엄청|심하|죽겠|못참")
_RELAYED_FINE = re.compile(r"(?:괜찮|좋|된|돼)대요$|(?:괜찮|좋)다고(?:하세요|하시네요|하네요|해요)$")
_FEVER_DENIED = re.compile(
    r"열(?:은|이|도)?(?:없|안나|안났|안올)(?:어요|구요|고요|고|는데요|는데|습니다|었어요|어)?")


def denied_fever_dropped(compact: str) -> str:
    """``compact`` without a fever denied in its own clause (see the module docstring)."""
    return _FEVER_DENIED.sub("", compact)


RULES: tuple[KindRule, ...] = (
    KindRule("next treatment may wait", "medical_question", (_WAIT_ASKED,), (_BOOKING_WORDS,)),
    KindRule("as it happens, a trouble", "symptom", (_AS_IT_HAPPENS, _TROUBLE), (_QUESTION_OR_VISIT,)),
    KindRule("yes, the piece kept", "yes", (_YES_FIRST, _PIECE_KEPT), (_ASKED,), expect=("yes_no", "confirm")),
    KindRule("yes, the medicines taken", "yes", (_YES_FIRST, _MEDICINE_TAKEN), (_ASKED,), expect=("yes_no",)),
    KindRule("yes, the age told", "yes", (_YES_FIRST, _AGE_NUMBER, _AGE_TOLD), (_ASKED,), expect=("yes_no",)),
    KindRule("a treatment making a trouble worse", "medical_question", (_WORSE_ASKED,)),
    KindRule("a trouble, look again", "symptom", (_DISCOMFORT, _LOOK_AGAIN), (_BOOKING_WORDS, _ALARM), dated=False),
    KindRule("a day relayed as fine", "book", (_RELAYED_FINE,), expect=("date", "time"), dated=True),
    KindRule("any day before a bound", "book", (_BOUND_ANY,), expect=("date", "time")),
    KindRule("then by its time", "yes", (_THEN_BY_TIME,), expect=("proposal",)),
    KindRule("a proposal taken by its time", "yes", (_TIME_TAKEN,), expect=("proposal",)),
    KindRule("an offer not needed", "no", (_OFFER_NOT_NEEDED,), (_QUESTION_END,), expect=("offer",)),
    KindRule("no, a trouble denied", "no", (_NO_THEN_DENIED,), expect=("yes_no", "wellbeing")),
    KindRule("a booking's time only moved", "reschedule", (_BOOKED_TOLD, _ONLY_PART_MOVED)),
    KindRule("a booking put off", "reschedule", (_PUT_OFF,), (_OTHER_ADDED, _BOTH_DECLINED)),
    KindRule("put off, the day called back", "reschedule", (_PUT_OFF_CALL_BACK,)),
    KindRule("a booked treatment swapped", "reschedule", (_BOOKED_SWAPPED,)),
    KindRule("a booking that must be cancelled", "cancel", (_MUST_CANCEL,), (_MOVED_TO,)),
    KindRule("which day was booked", "confirm_appointment", (_WHICH_DAY_BOOKED,)),
    KindRule("another added", "book", (_OTHER_ADDED, _BOOK_WORDS), (_A_ROOM,)),
    KindRule("open on a day", "ask_hours", (_OPEN_ASKED,)),
    KindRule("charged twice", "question_other", (_CHARGED_TWICE,)),
    KindRule("an evening slot at an hour", "book", (_AN_HOUR, _EVENING_SLOT)),
    KindRule("a walk-in from nearby", "book", (_WALK_IN_NEARBY,), (_TROUBLE,)),
    KindRule("a number changed, kept", "question_other", (_NUMBER_CHANGED,)),
    KindRule("another's home", "wrong_number", (_ANOTHERS_HOME,)),
    KindRule("a staff member in", "talk_to_staff", (_STAFF_IN,)),
    KindRule("that slot clashes", "no", (_THAT_SLOT, _CLASH), (_YES_AFTER,), expect=("proposal", "offer")),
)
