"""Kinds of speech of the days after a long weekend (issue 15, round 28: blind40, the Monday after a holiday, and
blind41, a Tuesday), consulted at stage 2 (``caller_errands``) after ``channels_and_consent``, before
``clinic_day_kinds``:

- an offer taken on the cover, in dialect or said as hearsay, then a plain yes ("임플란트 보험 되믄 해야지 예
  갈게요", "보험 된다 카면 해야지 예 알겠어요"): ``yes`` (round 25's convention: a condition stated, then a yes);
- a yes to the offer with someone else's visit added ("네 해야죠 남편 스케일링도 같이 잡아 주세요"): ``book``
  (round 25: a yes with a person added);
- a booking one has, to be done away with ("예약 잡힌 거 있는데 그거 없애 주세요"): ``cancel``;
- a reminder answered with one day refused and another asked ("모레 말고 다음 주 목요일 돼요"): ``reschedule``;
- a yes to a reminder, then how much to bring ("네 갈게요 그날 얼마 가져가면 돼요"): ``ask_price`` (round 25: the
  question still waits for its answer);
- the weekday of the clinic's half-day off asked ("오후 휴진하는 날이 무슨 요일이에요"): ``ask_hours``;
- the bot's option taken by its order ("두 번째 말씀하신 거요"): ``yes`` (round 24); a call asked at another time of
  day ("퇴근하고 다시 걸어 주세요"): ``callback_later``; "그냥 취소할게요" first to a reminder: ``cancel``;
- a machine asked with a post ("AI 상담원이세요?", "로봇 직원이에요?"): ``question_other``;
- one's number changed in spoken spelling, to be corrected ("번호가 바껴서요 새 번호로 고쳐 주세요"):
  ``question_other`` (the contact-update convention), never a wrong number;
- where the clinic got one's number ("제 번호는 어떻게 아셨어요"): ``question_other``, no place asked (with "never
  been there": left to the wrong-number rules);
- asked someone at home first, then a call back promised ("아내랑 상의해 보고 다시 연락드릴게요"):
  ``callback_later`` (round 25's convention);
- a read-back refused by a part said wrong ("성함이 이수진 아니고 이수민이에요", "아 잠깐 그거 말고요"): ``no``
  (round 24: a read-back accepted but for one part changed is a no);
- the bot's earlier option asked again ("아까 말씀하신 게 몇 시였죠"): ``other`` (round 24);
- a swelling gone worse with the face said fine ("붓기가 점점 심해지는데 얼굴은 멀쩡해요"): ``symptom`` (the
  worsening-swelling convention; a fever, the breath or swallowing named leave it to the emergency rules);
- a bare pain given as the treatment wanted ("음 뭐라 해야 되나 그냥 어금니가 시려서요"): ``symptom`` (round 28's
  convention, as the earlier sets label it);
- when a swelling or a bruise goes down, asked on a wellbeing call ("멍은 보통 며칠 가요 아직 퍼렇게 있어서"):
  ``medical_question`` (only the dentist can say).
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind
from appliance.language.opt_out_words import OPT_OUT

_OFFER = ("offer",)
_COVER_THEN_YES = re.compile(
    r"보험(?:이|은|도)?[가-힣]{0,2}(?:되믄|되모|되면|된다면|된다하면|된다카면|된다믄|된다그러면)(?:야)?"
    r"(?:해야지|해야죠|가야지|가야죠|하지|하죠|해야지요)(?:네|예|응)(?:가께요|갈게요|갈께요|할게요|할께요|알았어요|"
    r"알겠어요|알겠습니다|그럴게요)$")
_YES_FIRST = re.compile(r"^(?:아)?(?:네|예)(?:해야죠|해야지|할게요|좋아요|그럼|그래요)")
_SOMEONE_ADDED = re.compile(r"(?:것|거|꺼|검진|스케일링|치료|진료)?(?:도|까지)(?:같이|함께)"
                            r"(?:잡아|예약해|넣어|봐)(?:주|줘)")
_BOOKING_TO_GO = re.compile(r"예약[가-힣]{0,14}(?:없애|없에|없애버려)(?:주|줘|달|버려)")
_INFO_TO_GO = re.compile(r"번호|정보|문자|알림|기록")
_ANOTHER_DAY_ASKED = re.compile(r"말고[가-힣]{0,10}(?:요일|일|주)(?:은|이|에|로|으로)?"
                                r"(?:되나요|될까요|돼요|되죠|괜찮|가능)")
_YES_THEN_HOW_MUCH = re.compile(r"^(?:아)?(?:네|예)[가-힣]{0,8}얼마[가-힣]{0,10}"
                                r"(?:돼요|되나요|되죠|해요|예요|에요|하나요)$")
_HALF_DAY_OFF = re.compile(r"(?:휴진|휴무|쉬는날|쉬시는날)[가-힣]{0,10}(?:무슨|몇|어느|어떤)요일")
_MACHINE_POST = re.compile(r"^(?:혹시)?(?:거기|이거|지금)?(?:ai|에이아이|로봇|기계)"
                           r"(?:상담원|상담사|직원|비서|상담)"
                           r"(?:이에요|예요|에요|이세요|인가요|이죠|죠)$")
_NUMBER_CHANGED = re.compile(r"번호(?:가|를|도)?(?:바껴|바꼈|바꿨|바뀌어)[가-힣]{0,14}"
                             r"(?:수정|변경|고쳐|바꿔)(?:해)?(?:주|줘|부탁)")
_WHERE_MY_NUMBER = re.compile(r"(?:제|내|저희)?번호(?:를|는|은)?(?:어디서|어떻게)[가-힣]{0,2}"
                              r"(?:아셨|알았|알고|받으셨|구하)|"
                              r"어디서[가-힣]{0,3}(?:제|내)번호(?:를)?(?:아셨|알았|알고|받으셨|구하)")
_ASKED_AT_HOME = re.compile(r"(?:물어보고|상의하고|상의해보고|얘기해보고|의논하고|의논해보고|여쭤보고)[가-힣]{0,6}"
                            r"(?:다시)?(?:전화|연락)(?:드릴게|드릴께|드리겠|할게|할께|줄게)")
_NEVER_A_PATIENT = re.compile(r"(?:간|가본|다닌|다녀본)적(?:도)?없|모르는(?:치과|곳|데)|처음듣")
_REFUSED_NOW = re.compile(r"됐어요|지금은좀|안할|안해요|싫")
_PART_WRONG = re.compile(r"(?:이름|성함|시간|날짜|요일|번호)(?:이|은|는)?[가-힣]{1,6}(?:아니고|아니라)[가-힣]{1,4}"
                         r"(?:이요|예요|에요|요|입니다)")
# round 34: only one part changed, the rest taken ("아 시간만 네 시로 해 주세요" to a read-back)
_ONLY_PART_CHANGED = re.compile(r"^(?:아|어|음|네|예)?(?:시간|날짜|요일|이름|성함)만(?:좀)?[가-힣]{1,8}(?:로|으로)"
                                r"(?:해|바꿔|변경해|고쳐)(?:주세요|줘요|주실래요|주시면|주세요요)$")
_NOT_A_VALUE = re.compile(r"(?:같은|그런)(?:거|것)(?:아니고|아니라)")
_NOT_THAT = re.compile(r"^(?:아|어)?(?:잠깐|잠깐만|잠시만)(?:요)?(?:그거|그건|그게)(?:말고|아니고)(?:요)?$")
_OPTION_AGAIN = re.compile(r"(?:앞에|아까|처음에|먼저|첫번째)(?:말씀하신|말한|얘기하신|말씀한)[가-힣]{0,3}"
                           r"(?:몇시|언제|며칠|무슨요일)(?:라고|였|이었|예요|에요)")
_WHEN_IT_GOES_DOWN = re.compile(r"(?:부기|붓기|멍)(?:는|가|이|은)?(?:보통|대개)?(?:언제쯤|언제|며칠|얼마나)[가-힣]{0,4}"
                                r"(?:빠져|빠지|가라앉|없어|가요|가나요|풀려)")
_SWELLING_WORSE = re.compile(r"(?:붓기|부기)(?:가|는)?[가-힣]{0,4}(?:심해|심한|더심|커지|커졌|늘어)")
_FACE_FINE = re.compile(r"얼굴(?:은|는|쪽은)?(?:괜찮|멀쩡|안부었|안부어|안붓|그대로)")
_OTHER_RED_FLAG = re.compile(r"열이|열도|숨|삼키|눈까지|목까지|얼굴(?:까지|이|도)")
_TAKEN_BY_ORDER = re.compile(r"^(?:그)?(?:첫|두|세|마지막)(?:번째|번)?(?:에)?(?:말씀하신|말한|얘기하신)?"
                             r"(?:걸로|거로|거요|걸로요|거로요)$")
_CALL_AT_ANOTHER_TIME = re.compile(r"(?:저녁|낮|오후|오전|아침|밤|주말|평일|퇴근)(?:때|에|엔|후에|하고)?(?:다시)?"
                                   r"(?:걸어|전화해|연락해)(?:주세요|줘요|주시면|주실래요)")
_CANCEL_SAID = re.compile(r"^(?:아|어)?(?:그거|그럼|그냥)*취소(?:할게요|할께요|해주세요|해줘요|할래요|하겠습니다)")
_BARE_PAIN = re.compile(r"(?:이가|이빨이|치아가|어금니가|앞니가|잇몸이)(?:좀|너무|많이|자꾸)?"
                        r"(?:아파서|아파가지고|아파요|시려서|시려요|시큰해서|욱신거려서|욱신거려요)(?:요)?$")
_ASKED_OR_NAMED = re.compile(r"\?|언제|(?<!해야)되나|돼요|될까|빼|뽑|치료|스케일링|임플란트|검진|때우|씌우")

_RULES = (
    KindRule("the bot's option taken by its order", "yes", (_TAKEN_BY_ORDER,), expect=("proposal",)),
    KindRule("a call at another time of day", "callback_later", (_CALL_AT_ANOTHER_TIME,)),
    KindRule("a cancel said first to a reminder", "cancel", (_CANCEL_SAID,), expect=("reminder", "confirm")),
    KindRule("an offer taken on the cover, then yes", "yes", (_COVER_THEN_YES,), expect=_OFFER),
    KindRule("a yes with another's visit added", "book", (_YES_FIRST, _SOMEONE_ADDED), expect=_OFFER),
    KindRule("a booking done away with", "cancel", (_BOOKING_TO_GO,), unless=(_INFO_TO_GO,)),
    KindRule("one day refused, another asked", "reschedule", (_ANOTHER_DAY_ASKED,), expect=("reminder",),
             dated=True),
    KindRule("yes, then how much to bring", "ask_price", (_YES_THEN_HOW_MUCH,), expect=("reminder", "confirm")),
    KindRule("the half-day off asked", "ask_hours", (_HALF_DAY_OFF,)),
    KindRule("a machine asked with a post", "question_other", (_MACHINE_POST,)),
    KindRule("one's number changed, corrected", "question_other", (_NUMBER_CHANGED,)),
    KindRule("where one's number came from", "question_other", (_WHERE_MY_NUMBER,), unless=(_NEVER_A_PATIENT,)),
    KindRule("asked at home, then a call back", "callback_later", (_ASKED_AT_HOME,), unless=(_REFUSED_NOW,)),
    KindRule("a read-back with a part wrong", "no", (_PART_WRONG,), unless=(_NOT_A_VALUE,),
             expect=("confirm", "proposal")),
    KindRule("not that one", "no", (_NOT_THAT,), expect=("confirm", "proposal")),
    KindRule("only one part changed", "no", (_ONLY_PART_CHANGED,), expect=("confirm", "proposal")),
    KindRule("the earlier option asked again", "other", (_OPTION_AGAIN,), expect=("proposal", "offer", "confirm")),
    KindRule("a swelling gone worse, the face fine", "symptom", (_SWELLING_WORSE, _FACE_FINE),
             unless=(_OTHER_RED_FLAG,)),
    KindRule("a bare pain as the treatment", "symptom", (_BARE_PAIN,), unless=(_ASKED_OR_NAMED,),
             expect=("treatment",)),
    KindRule("when a swelling goes down, on a wellbeing call", "medical_question", (_WHEN_IT_GOES_DOWN,),
             expect=("wellbeing",)),
)


def after_holiday_kind(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of this module's kinds, or ``None`` to leave the text to the other rules (a refusal of
    calls always: the opt-out stage hears it)."""
    if OPT_OUT.search(compact):
        return None
    return first_kind(_RULES, compact, expect, dated)
