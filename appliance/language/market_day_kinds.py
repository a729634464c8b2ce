"""Kinds of speech of a market-side clinic's day (issue 15, round 31: blind45, a Thursday beside a traditional market
in 경상도 speech, and blind47, a rainy Wednesday), consulted at stage 2 (``caller_errands``) after
``family_day_kinds``, before ``clinic_day_kinds``. The dialect's endings are read the standard way before any of
this (``dialect_endings``), so the rules below are written in the standard forms:

- safety first: a break one is unsure of, with "may I come?" ("씌운 게 깨진 거 같은데 오늘 가도 돼요", round 23:
  "can I come … about a problem"; not with an errand of its own: "다시 붙이러 가도 돼요" is ``book``), a symptom's
  cause asked ("잇몸이 붓는 것도 그 때문인가요"): ``medical_question``;
- a reminder answered "can't come" with a reason ("그날은 안 되겠는데", "오늘은 못 가요 집에 애 볼 사람이 없어서")
  (round 27): ``cancel``; with a day of one's own and this one refused: ``reschedule``; the patient died, told to a
  reminder (round 23): ``cancel``;
- a choice by position without "거" ("두 번째요") to a proposal (round 24): ``yes``; an offer put off "좀 그렇네요":
  ``no``; a wellbeing call answered "yes, all sound" ("예 말짱합니다", round 27): ``no``;
- coming, a few minutes late, to a reminder ("네 가는데 차가 막혀서 오 분쯤 늦을 수도 있어요": blind18 labels it
  so, 1 of 1): ``yes`` (a time moved: ``reschedule``, as before);
- whether the clinic is the one a former director ran ("김 원장님 계시던 데 아니에요"): ``question_other``;
- one's own phone number changed, told ("휴대폰 번호 바꿨어요"): ``question_other`` (an update for staff, no wrong
  number); a parcel or a bag left at the clinic, a prescription that did not reach the pharmacy: ``question_other``;
- on the move, a booking asked with a day ("지금 지하철이라 짧게요 금요일 예약 좀 해 주세요"), a visit wished with
  the hours asked ("상담 받고 싶은데 토요일도 되나요", "일 끝나고 가면 … 접수 돼요"), one's own
  visit added to another's ("저도 같이 잡아 주세요"): ``book``; a booking made earlier cancelled ("잡아 둔 예약도
  취소해 주세요"): ``cancel``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule

_BREAK_UNSURE = re.compile(r"(?:빠진|떨어진|깨진|부러진|금간|나간|빠져나온)(?:거|것)(?:같|갖)")
_COME_ASKED = re.compile(r"가도(?:될까|돼|되나|되요|괜찮)|가봐야(?:될까|하나|돼)")
# round 43: a walk-in asked for now first, the break after ("지금 가도 돼요 틀니 … 떨어진 것 같아서"): round 42's
# walk-in now with the trouble after, a booking
_WALK_IN_FIRST = re.compile(r"^(?:아|어|저)?지금(?:바로|당장)?(?:가도|가면)(?:될까|되나|돼|되요)")
_ERRAND_OF_ITS_OWN = re.compile(r"(?:붙이|때우|고치|하)러|들고|가져")
_SYMPTOM = re.compile(r"열이|열나|아프|아파|부었|부어|붓는|(?<![커카배])피[가나]|시려|시리|냄새|헐었|흔들")
_CAUSE_ASKED = re.compile(r"(?:이|그|저)(?:것)?때문(?:이에요|인가요|일까요|인가|일까|이죠|인지|이에요\?)$")
_CANNOT_COME = re.compile(r"^(?:아이고|아|어|아이구|에고)?(?:오늘은|그날은|내일은|오늘|그날|내일)?"
                          r"(?:못가(?:요|겠|는데)|안되겠(?:는데|어요|네요)|못갈것같)")
_PUT_OFF_OR_MOVED = re.compile(r"전화|연락|나중|다음|다른|날로|말고|바꿔|옮겨|미뤄|늦|요일")
_THIS_ONE_REFUSED = re.compile(r"(?:이번엔|이번에는|그날은|이번주는)(?:안되|안돼|못가|어렵)")
_ANOTHER_DAY_TAKEN = re.compile(r"(?:갈게요|갈께요|올게요|할게요|될까요|되나요|가도돼요)")
_DIED = re.compile(r"돌아가셨|돌아가신|돌아가셔|세상을떠나|별세하")  # round 34: "…돌아가셔서요" alone
_BY_POSITION = re.compile(r"^(?:첫|두|세|네|마지막)번째(?:요|로요|로할게요|로해주세요|걸로요|걸로할게요)$")
_PUT_OFF = re.compile(r"^(?:지금은|요즘은|당분간은|아직은)?(?:좀)?그렇(?:네요|습니다|긴하네요|긴해요)$")
_ALL_SOUND = re.compile(r"^(?:네|예)+(?:다)?(?:말짱|멀쩡|짱짱)(?:해요|합니다|하네요|해)$")
_NUMBER_CHANGED = re.compile(r"(?:전화번호|번호|집전화|핸드폰|휴대폰|폰)[가-힣]{0,8}(?:바꿨|바꿔서|없애|없앴)|"
                             r"(?:전화번호|번호)(?:가|이)?바뀌어서(?:연락드|전화드|알려드|말씀드)")  # one's own doing
_NOT_MINE = re.compile(r"잘못|아닌데|아니에요|그런사람|그사람|그분|몰라|모르는|누구|몇번|뭐예요|알려주|주인|이번호")
_LEFT_AT_CLINIC = re.compile(r"(?:택배|짐|물건|우산|가방|장바구니)[가-힣]{0,8}(?:맡겨|맡아|놔도|둬도|놓고가|두고가)")
_PRESCRIPTION_LOST = re.compile(r"처방전[가-힣]{0,12}(?:안넘어|안왔|못받|안갔|없다)")
_VISIT_WISHED = re.compile(r"(?:받고싶|예약하고싶|하고싶|보고싶)(?:은데|어서|거든)")
_HOURS_ASKED = re.compile(r"(?:저녁|주말|토요일|일요일|야간|점심)(?:에)?(?:도)?(?:되나요|돼요|되요|가능)")
_AFTER_WORK = re.compile(r"(?:퇴근하고|끝나고|마치고)가면[가-힣]{0,14}(?:접수|진료)(?:돼|되나|가능)")
_MINE_ADDED = re.compile(r"^(?:제|저|내)(?:것|거|꺼)?도같이[가-힣]{0,10}(?:잡아|예약해|넣어)")
_EARLIER_CANCELLED = re.compile(r"(?:잡아|해)(?:놓은|놨던|둔)예약(?:도|은|을)?취소")
_CANCEL_FOR_ANOTHER = re.compile(r"취소하고")
_ON_THE_MOVE = re.compile(r"지금(?:버스|지하철|전철|택시|차|퇴근길|출근길)(?:안)?(?:이라|라|인데)")
_BOOKING_ASKED = re.compile(r"예약(?:좀|하려|하고|할수|해주|가능|돼|되나)|잡아(?:주세요|줘요|주실)")
_MOVED_OR_WAY = re.compile(r"취소|바꿔|옮겨|미뤄|변경|말고|늦춰|당겨|어디|위치|주차|역에서|내려서")
_YES_COMING = re.compile(r"^(?:아)?(?:네|예)(?:갈게요|갈께요|가는데|가요|가긴하는데|가긴가는데)|"
                         r"^(?:아|어|네|예)?가긴(?:가는데|갈건데|하는데|가요)")  # round 34: "가긴 가는데 …"
_A_LITTLE_LATE = re.compile(r"(?:(?:십|이십|오|몇|한|두)분(?:정도|쯤)?|조금|좀|약간)늦을(?:수도|거같|것같|지도)")
_TIME_MOVED = re.compile(r"늦춰|변경|바꿔|미뤄|옮겨|(?:로|으로)(?:해|돼|될까|가능)")
_FORMER_DIRECTOR = re.compile(r"원장님[가-힣]{0,4}(?:하던|하시던|있던|계시던)(?:데|곳|치과|병원)(?:맞|아니|아닌)")

RULES = (
    KindRule("a break one is unsure of, may I come", "medical_question", (_BREAK_UNSURE, _COME_ASKED),
             unless=(_ERRAND_OF_ITS_OWN, _WALK_IN_FIRST)),
    KindRule("a symptom's cause asked", "medical_question", (_SYMPTOM, _CAUSE_ASKED)),
    KindRule("can't come with a reason, to a reminder", "cancel", (_CANNOT_COME,), unless=(_PUT_OFF_OR_MOVED,),
             expect=("reminder",)),
    KindRule("another day, this one refused, to a reminder", "reschedule", (_THIS_ONE_REFUSED, _ANOTHER_DAY_TAKEN),
             expect=("reminder",), dated=True),
    KindRule("the patient died, to a reminder", "cancel", (_DIED,), expect=("reminder",)),
    KindRule("coming, a few minutes late, to a reminder", "yes", (_YES_COMING, _A_LITTLE_LATE),
             unless=(_TIME_MOVED,), expect=("reminder", "confirm")),
    KindRule("a choice by position", "yes", (_BY_POSITION,), expect=("proposal",)),
    KindRule("an offer put off", "no", (_PUT_OFF,), expect=("offer",)),
    KindRule("all sound, on a wellbeing call", "no", (_ALL_SOUND,), expect=("wellbeing",)),
    KindRule("one's own number changed", "question_other", (_NUMBER_CHANGED,), unless=(_NOT_MINE,)),
    KindRule("the clinic's former director asked", "question_other", (_FORMER_DIRECTOR,)),
    KindRule("a parcel left at the clinic", "question_other", (_LEFT_AT_CLINIC,)),
    KindRule("a prescription that did not reach the pharmacy", "question_other", (_PRESCRIPTION_LOST,)),
    KindRule("a visit wished, the hours asked", "book", (_VISIT_WISHED, _HOURS_ASKED)),
    KindRule("a visit after work asked", "book", (_AFTER_WORK,)),
    KindRule("on the move, a booking asked with a day", "book", (_ON_THE_MOVE, _BOOKING_ASKED),
             unless=(_MOVED_OR_WAY,), dated=True),
    KindRule("one's own visit added to another's", "book", (_MINE_ADDED,)),
    KindRule("a booking made earlier cancelled", "cancel", (_EARLIER_CANCELLED,), unless=(_CANCEL_FOR_ANOTHER,)),
)
