"""Choices by position, hedged and double-negative answers, corrections to a read-back, staff known by name, how
long a visit takes, infant care and care after a treatment (issue 15, round 24: blind32 and blind33), consulted at
stage 2 (``caller_errands``) after ``channels_and_consent``:

- a choice among the options by position, to a proposal or an offer ("첫 번째 거요", "뒤에 거", "두 번째 거요 그
  월요일", "첫 번째는 안 되고 두 번째 거는 돼요", "둘 중에 아무거나"): ``yes`` (the dialogs propose one slot at
  a time, so the position names the slot just read back); none of them ("둘 다 별로예요"): ``no``; the option
  asked again: ``other``;
- a hedged or conditional acceptance ("비 안 오면 갈게요", "월급 들어오면 할게요") and a double negative ("안 갈 이유가
  없죠", "못 갈 것도 없죠"): ``yes`` to a question, ``book`` with a day and nothing asked; several people for the slot
  ("세 명 다 돼요"): ``yes``; a relayed yes after a hold ("엄마 … 네 맞대요"): ``yes``;
- a read-back or a proposal accepted but for one part changed ("맞긴 맞는데요 시간을 열한 시로 해 주세요", "이름을 남편
  이름으로 바꿔 주세요", "첫 번째 날짜는 좋은데 …"): ``no`` (the dialog asks again);
- a staff member known by name ("정 실장님 그날 계세요", "… 아니세요"): ``question_other``; greetings for them:
  ``other``; how long a visit takes ("몇 분이나 걸려요"), the least busy time, papers and a companion for surgery,
  chairs for a family, an age instead of a birth date: ``question_other``;
- a booked visit's time asked ("예약한 거 몇 시였죠"), a date checked "not to change it": ``confirm_appointment``;
- a child's tooth asked whether it must come out, a blood thinner resumed when, infant teeth (첫니, 젖병,
  밤중 수유, 불소 at what age), a child still unsteady after sedation, a temporary
  treatment on a trip, food or drink after a treatment: ``medical_question`` (never a booking);
- a visit named with its reason and a day ("턱 소리 나는 거 보러 가려고 그 목요일 네 시"), a medicine stopped as told
  then the booking ("아스피린 끊고 오라 하셨으니까 … 잡을게요"): ``book``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

_OFFERED = ("proposal", "offer", "date", "time")
_POSITION = re.compile(r"(?:첫번째|두번째|세번째|첫째|둘째|마지막|뒤에|뒤엣|뒤의|앞에|앞엣|앞의|나중)(?:거|것|꺼|"
                       r"걸|날|시간|"
                       r"거로|걸로|거요|꺼요)|둘중(?:에)?(?:아무|아무거나|아무때나|빠른|하나)")
_NONE_OF_THEM = re.compile(  # round 29: "둘 다 시간이 안 맞아요"
    r"(?:둘|셋|두개|세개)(?:다|모두)(?:[가-힣]{0,3}(?:이|가))?(?:좀|조금)?(?:별로|안돼|안되|싫|어렵|어려|못|안맞)")
_ORDINAL = re.compile(r"첫번째|두번째|세번째|마지막(?:거|꺼|것)|뒤에(?:거|꺼)|앞에(?:거|꺼)")
_ASKED_AGAIN = re.compile(r"(?:몇시|며칠|언제|무슨요일)(?:이)?(?:였|었|라고하|라고했|라했|라하)"  # round 29: 라고 했죠
                          r"|다시(?:한번)?(?:만)?(?:말씀|말해|얘기|불러)")
_REFUSED_THEN_TAKEN = re.compile(r"(?:번째|거|꺼)(?:는|은)?(?:안되|안돼|별로|어렵)[가-힣]{0,4}(?:고|는데|지만)"
                                 r"[가-힣]{0,4}(?:번째|뒤에|마지막|앞에)[가-힣]{0,4}(?:돼요|되요|좋아요|괜찮|할게)")
_PART_CHANGED = re.compile(r"(?:좋은데|맞는데|맞긴맞는데|다맞는데|맞긴한데)[가-힣]{0,30}"
                           r"(?:(?:이름|성함)[가-힣]{0,12}바꿔|늦춰|당겨|(?:로|으로)해)")
_DOUBLE_NEG = re.compile(r"(?:안|못)[가-힣]{0,3}(?:이유가|것도|게|건|수가)없(?:죠|지|어요|잖)")
_HEDGED_GOING = re.compile(r"(?:안오면|들어오면|되면|나으면|끝나면|괜찮으면|허락하면)(?:갈게|갈께|가요|갈거|할게|"
                           r"받을게)")
_CANNOT = re.compile(r"못가|못갈것같|취소|안갈래")
_CALL_US_AGAIN = re.compile(r"(?:연락|전화)(?:좀)?(?:주세요|줘요|주시면|해주세요|주실래요)")
_TOLD_AGAIN_THEN_GOING = re.compile(r"(?:알겠어요|알겠습니다|알았어요)(?:갈게요|갈께요|갈게|갈께)$")
_WHERE_WE_WERE = re.compile(r"어디까지(?:말했|얘기했|말씀드렸|했)(?:죠|지|더라|나요|어요|었죠)?$")
_NO_SUCH_PERSON = re.compile(r"(?:그런분|그런사람)[가-힣]{0,2}(?:안사|안살|없어요|없는데|없습니다)")
_MANY_FOR_SLOT = re.compile(r"(?:두명|세명|네명|둘|셋|넷|다섯명)(?:다|모두|전부)(?:돼요|되요|괜찮|가능)")
_RELAYED_YES_END = re.compile(r"(?<![안못])(?:맞대요|맞다네요|맞다고하네요|된대요|좋대요|간대요|온대요)$")
_STAFF_NAMED = re.compile(r"(?:김|이|박|최|정|강|조|윤|(?<!원)장|임|한|오|서|신|권|황|안|송|류|홍)"
                          r"(?:실장|팀장|선생|위생사|"
                          r"간호사)님")
_STAFF_ASKED = re.compile(r"계세요|계시죠|계신가|계시나|아니세요|맞죠|나오세요|근무")
_GREETINGS = re.compile(r"안부")
_PUT_THROUGH = re.compile(r"바꿔|연결|통화")
_BOOKED_IN = re.compile(r"넣어|잡아|예약")
_WANTS_TO = re.compile(r"(?:하|받)(?:으)?려고|(?:하|받)(?:으)?려구|예약")
_INJURY = re.compile(r"부러|빠졌|(?<![커카배])피(?:가|나|는)|다쳐|다쳤|넘어|부딪")
_ON_THE_WAY = re.compile(r"역에서|걸어|버스|지하철|차로|택시|주차|가는데|오는데|거리")
_HOW_LONG = re.compile(r"(?:몇분|몇시간|얼마나|오래)(?:이나|정도)?(?:걸려|걸리|소요)")
_QUIET_TIME = re.compile(r"(?:짧게걸리|덜붐비|사람(?:이)?적은|한가한)[가-힣]{0,4}(?:시간|때|날)")
_PAPERS_OR_COMPANION = re.compile(r"(?:확인서|소견서|진단서|의뢰서)[가-힣]{0,10}(?:받아|가져|필요)|"
                                  r"보호자[가-힣]{0,6}같이"
                                  r"|의자가몇|동시에(?:돼|되|받)|(?:생년월일|주민번호)[가-힣]{0,4}(?:말고|"
                                                   r"대신)"
                                  r"[가-힣]{0,4}(?:나이|학년)")
_BOOKED_TIME_ASKED = re.compile(r"예약(?:한|된|했던)(?:거|것|게)[가-힣]{0,6}(?:몇시|며칠|언제)(?:였|이었)")
_ONLY_CHECKING = re.compile(r"확인(?:하려|하고싶|만)[가-힣]{0,8}(?:바꾸|변경)[가-힣]{0,4}(?:건|려는건|는건)?아니")
_INFANT = re.compile(r"첫니|젖병|밤중수유|(?:아기|애기)[가-힣]{0,6}(?:불소|이가|잇몸|이나|치아)")
_INFANT_ASKED = re.compile(r"언제부터|몇개월|몇살|(?:야|해야)(?:돼요|되나요|하나요)$|나요$|생기나요|돼요$|해요$")
_AFTER_SEDATION = re.compile(r"(?:수면|마취|진정)[가-힣]{0,10}(?:비틀|졸려|못깨|어지)[가-힣]{0,12}(?:몇시간|언제|"
                             r"얼마나)")
_TEMPORARY_ON_TRIP = re.compile(r"임시(?:로|치료)[가-힣]{0,16}(?:해도돼|해도되|괜찮|되나요)")
_FOOD_AFTER = re.compile(r"(?:미백|스케일링|발치|임플란트|레진|치료|수술)[가-힣]{0,2}(?:끝나고|받고|하고|후에|"
                         r"한뒤)[가-힣]{0,4}"
                         r"(?:커피|아메리카노|라떼|와인|카레|김치|콜라|술|담배|홍차|녹차)[가-힣]{0,6}(?:며칠|"
                            r"언제까지|참아|"
                         r"해도|마셔도|먹어도)")
_CHILD = re.compile(r"애가|애는|아이가|아들|딸|아기|애기")
_MUST_IT_COME_OUT = re.compile(r"(?:뽑아야|빼야|씌워야|때워야)(?:돼요|되나요|하나요|해요|되요)$")
_MEDICINE_RESUMED = re.compile(r"(?:와파린|아스피린|혈전|항응고|약)[가-힣]{0,16}(?:다시먹|다시복용|다시드시|재개)"
                               r"[가-힣]{0,16}(?:부터|언제)")
_PERSON_ADDED = re.compile(r"(?:남편|아내|와이프|애|딸|아들|엄마|아빠|어머니|아버지|동생)(?:것|거|꺼)도[가-힣]{0,10}"
                           r"(?:넣어|잡아|예약해)")
_BOOKING_WORD = re.compile(r"예약|잡아|잡을|보러가|봐주")
_VISIT_FOR = re.compile(r"(?:보러|진료받으러|검사받으러|치료받으러)(?:가려고|가려구|갈려고)")
_AS_TOLD = re.compile(r"(?:오라하셨|오라고하셨|라고하셔서|라고하셨으니|하라고하셨)[가-힣]{0,16}"
                      r"(?:잡을게|잡을께|잡아|예약할게|예약해)")

_KINDS = (
    KindRule("infant teeth asked", "medical_question", (_INFANT, _INFANT_ASKED), unless=(_BOOKING_WORD, _INJURY)),
    KindRule("a child's tooth: must it come out", "medical_question", (_CHILD, _MUST_IT_COME_OUT),
             unless=(_BOOKING_WORD,), dated=False),
    KindRule("a medicine resumed when", "medical_question", (_MEDICINE_RESUMED,)),
    KindRule("a child unsteady after sedation", "medical_question", (_AFTER_SEDATION,)),
    KindRule("a temporary treatment on a trip", "medical_question", (_TEMPORARY_ON_TRIP,)),
    KindRule("food or drink after a treatment", "medical_question", (_FOOD_AFTER,)),
    KindRule("a medicine stopped as told, then the booking", "book", (_AS_TOLD,), dated=True),
    KindRule("a visit named with its reason and a day", "book", (_VISIT_FOR,), expect=(None,), dated=True),
    KindRule("a person added to the visit", "book", (_PERSON_ADDED,)),
    KindRule("none of the options", "no", (_NONE_OF_THEM,), expect=_OFFERED),
    KindRule("an option asked again", "other", (_ORDINAL, _ASKED_AGAIN), expect=_OFFERED),
    KindRule("the first refused, the next taken", "yes", (_REFUSED_THEN_TAKEN,), expect=_OFFERED),
    KindRule("a part of the read-back changed", "no", (_PART_CHANGED,), expect=("confirm", "proposal")),
    KindRule("a choice by position", "yes", (_POSITION,), unless=(_CANNOT, _HOW_LONG), expect=_OFFERED),
    KindRule("a double negative with a day", "book", (_DOUBLE_NEG,), expect=(None,), dated=True),
    KindRule("a double negative", "yes", (_DOUBLE_NEG,), unless=(_CANNOT,),
             expect=("proposal", "offer", "confirm", "reminder", "yes_no")),
    KindRule("a hedged acceptance", "yes", (_HEDGED_GOING,), unless=(_CANNOT, _CALL_US_AGAIN),
             expect=("proposal", "offer", "confirm", "reminder", "yes_no")),
    KindRule("several people for the slot", "yes", (_MANY_FOR_SLOT,), expect=("proposal", "confirm")),
    KindRule("a relayed yes", "yes", (_RELAYED_YES_END,), expect=("yes_no", "confirm", "reminder", "proposal")),
    KindRule("greetings for a staff member", "other", (_STAFF_NAMED, _GREETINGS)),
    KindRule("a staff member known by name", "question_other", (_STAFF_NAMED, _STAFF_ASKED),
             unless=(_PUT_THROUGH, _BOOKED_IN), expect=("date", "time", "reminder", "confirm", "yes_no", "proposal")),
    KindRule("the time heard again, then going", "yes", (_TOLD_AGAIN_THEN_GOING,), unless=(_CANNOT,),
             expect=("reminder", "confirm")),
    KindRule("where we were", "other", (_WHERE_WE_WERE,)),
    KindRule("no such person here", "wrong_number", (_NO_SUCH_PERSON,)),
    KindRule("how long a visit takes", "question_other", (_HOW_LONG,), unless=(_BOOKING_WORD, _ON_THE_WAY),
             dated=False),
    KindRule("the least busy time", "question_other", (_QUIET_TIME,), unless=(_WANTS_TO,)),
    KindRule("papers, a companion, chairs, an age", "question_other", (_PAPERS_OR_COMPANION,), expect=(None,)),
    KindRule("a booked visit's time asked", "confirm_appointment", (_BOOKED_TIME_ASKED,)),
    KindRule("a date only checked", "confirm_appointment", (_ONLY_CHECKING,)),
)


def choice_or_hedge(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    return first_kind(_KINDS, compact, expect, dated)
