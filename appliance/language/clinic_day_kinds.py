"""Kinds of speech a clinic day brings (issue 15, round 27: blind38, a Tuesday, and blind39, a late-opening
Thursday), consulted at stage 2 (``caller_errands``) after ``channels_and_consent``, before ``weekday_kinds``:

- a slot the bot proposed taken by its time ("네 시 반 그거요", "일곱 시 거 주세요", "두 번째 그 시간이요"):
  ``yes`` to a proposal (round 24: a choice among the bot's options is a yes);
- a wellbeing call answered "yes, fine / better / thanks" ("예 괜찮심더", "네 나았어요 부은 것도 빠지고", "네 감사해요
  염려해 주셔서"): ``no`` (nothing is wrong: the labelled sets, 69 of 69);
- "pardon?" ("네?", "네? 누구시라고요"): ``other``, never a yes (``said_pardon``, asked on the text);
- a reminder answered only "can't come" ("아니요 그때는 못 가요"): ``cancel`` (the dialog then offers a move); the
  hour asked answered in doubt ("네 시였나 모르겠네"): ``book`` with no time;
- a visit that must be moved ("그럼 옮겨야겠네요"), one day refused for another to a reminder ("월요일 말고 화요일로
  될까요"): ``reschedule``; a treatment added to a visit booked ("그날 불소도 같이 해 주세요"): ``book``;
- an offer accepted with a double negative or a condition ("망설일 것도 없죠", "많이 안 비싸면야 해야죠 네 할게요"),
  an offer taken up "anyway" ("안 그래도 가 보려고 했어요"), "then yes, I should" ("네 해야죠"): ``yes``; the offer
  declined for another clinic ("다른 치과 다녀요"): ``no``; a day of the caller's own put to it ("금요일 네 시 어때요"):
  ``book``;
- a person asked for by name or by post ("박 선생님 오늘 나오세요", "상담실장님 아직 계세요"): ``talk_to_staff``;
- a shop asked for ("거기 치킨집 아니에요"): ``wrong_number``; "are you an AI / not a person?": ``question_other``;
- a crown or a filling come off, "can you put it back" (no self-repair, no day), and an ache "you'll look at that too"
  to an offer: ``symptom`` (round 23's convention);
- dizziness with a cold sweat or about to faint after an anaesthetic is left to ``red_flags`` (stage 0).

Round 29 (blind42, a provincial Wednesday, and blind43, a Friday) added: stitches told as "꿰맨 거/데" asked when
they come out on a wellbeing call (``medical_question``); an insurance tag question then a conditional yes to an
offer ("보험 되는 거죠? 되면 할게요": ``ask_insurance``, round 25); a trouble photographed for the dentist
(``medical_question``); a person asked for with "오늘/지금" first or "진료 보세요" (``talk_to_staff``); a booked day
named as "X에 잡힌 거 있는데" then moved (``reschedule``); an offer taken on a slot of one's own ("월요일 열두 시 반
되면 할게요": ``book``, round 24) and a person booked in with one's own visit (``book``).
"""

from __future__ import annotations

import re

from appliance.language.emergency_heard import sounds_like_emergency
from appliance.language.kind_rules import KindRule, first_kind
from appliance.language.opt_out_words import OPT_OUT

_PROPOSAL = ("proposal",)
_OFFER = ("offer",)
_TAKEN_BY_ITS_TIME = re.compile(
    r"(?:시|분|반)(?:이요|요)?(?:네)?(?:그거|그걸로|그게|거|걸로|꺼)"
    r"(?:요|라도|주세요|할게요|로|로할게요|로해주세요|로요)?$")
_TAKEN_BY_POSITION = re.compile(r"(?:첫|두|세|마지막)(?:번째|번)?그(?:시간|날|거)(?:이요|요|으로|로)?$")
_NOT_TAKEN = re.compile(r"말고|안돼|안되|싫|별로|어렵|못|없어요|없나요|있어요|돼요\?|뭐였|몇")
_YES_START = re.compile(r"^(?:아)?(?:네|예|응|그럼요)+")
_FINE = re.compile(r"괜찮(?:아요|습니다|심더|아예|어유|네요|아)|좋아졌|나았|낳았|잘있|잘지내|잘지냅|멀쩡|안아파|"
                   r"감사(?:합니다|해요)|고맙(?:습니다|어요)")
_NOT_ONLY_FINE = re.compile(r"근데|그런데|는데|지만|긴한데|긴해|시려|시리|시큰|아프(?!지)|아파요|욱신|쑤|뻐근|부었|"
                            r"(?<![커카배])피[가나]|흔들|빠졌어요|언제|어떻게|\?|나요$|까요$|돼요$|되요$|전화|연락|바꿔|통화|"
                            r"예약|말고|빼고|못|안괜찮|않")
_MUST_MOVE = re.compile(r"(?:옮겨|미뤄|바꿔)야(?:죠|지|겠네요|겠어요|겠다|될것같)")
_REFUSED_DAY_FOR_ANOTHER = re.compile(r"말고[가-힣]{0,8}(?:로|으로)(?:안될까|될까|돼요|되나|되죠|해주|바꿔|부탁)")
_ADDED_TO_THE_VISIT = re.compile(r"(?:도|까지)같이(?:해|받|봐)(?:주세요|줘요|주시|주실|주면|을게|을께|고싶)")
_NOT_COMING = re.compile(r"못가|안가|취소|안갈")
_DOUBLE_NEGATIVE = re.compile(r"(?:마다할|미룰|망설일|고민할|미룰|안할|뺄)(?:것도|거도|이유도|필요도|게)없")
_CONDITION_THEN_YES = re.compile(
    r"(?:들면|비싸면|되면|나오면|된다면|싸면)(?:야|은)?(?:하지요|하죠|해야죠|해야지|할게요)[가-힣]{0,3}"
    r"(?:네|예)?(?:할게요|할께요|해야죠|가께요|갈게요)?$")
_INSURED_TAG_THEN_YES = re.compile(  # round 29: "그거 보험 되는 거죠? 되면 할게요": the tag still waits for its answer
    r"보험[가-힣]{0,12}(?:맞죠|맞지요|맞나요|되죠|거죠|거지요|되나요)\??(?:되면|그럼|그라믄|그러면|그라모)"
    r"[가-힣]{0,4}(?:할게요|할께요|하께요|해야지|해야죠|하지요|할게|하지)$")
_SLOT_THEN_YES = re.compile(
    r"(?:시|반|분)(?:이|가)?(?:되면|괜찮으면|비면|가능하면)(?:할게요|할께요|하께요|갈게요|갈께요|받을게요)$")
_PERSON_BOOKED_WITH_ME = re.compile(r"(?:도|까지)같이(?:예약|잡|넣)(?:하고싶|해주|아주|아줄|어주|고싶|할게|할수)")
_ANYWAY = re.compile(r"안그래도[가-힣]{0,6}(?:가볼|가보려|하려|할라|갈라|받으려|받을라|가려)[가-힣]{0,3}했")
_THEN_I_SHOULD = re.compile(r"(?:네|예)(?:해야죠|해야지요|해야겠네요|해야겠죠|가야죠|받아야죠)$")
_ASKED = re.compile(r"얼마|보험|되죠|맞죠|\?")
_ANOTHER_CLINIC = re.compile(
    r"^(?:저|제가|저는|우리는?)?(?:딴|다른)(?:치과|병원)(?:다녀|다니|에다녀|에서다녀|가요|에서해|에서받)")
_OWN_DAY_PUT = re.compile(r"(?:시|요일|일|반)(?:은|는|이|에)?(?:어때요|어떠세요|어떨까요|어떻습니까)$")
_PERSON_ASKED_FOR = re.compile(
    r"^(?:혹시)?(?:오늘|지금)?(?:혹시)?(?:[김이박최정강조윤장임한오서신권황안송류홍]|상담|담당)(?:선생님|원장님|실장님|실장|쌤)"
    r"(?:은|는|이)?(?:아직|오늘|지금|내일)?(?:나오세요|나오셨어요|출근하셨어요|출근하세요|계세요|계신가요|계시나요|계셔요|있어요"
    r"|진료(?:보세요|하세요|보시나요|하시나요|보시죠|중이세요))"
    r"(?:(?:통화|얘기|말씀)[가-힣]{0,10})?$")  # round 28: "… 출근하셨어요? 통화 좀 하고 싶어서"
_SHOP_ASKED = re.compile(r"^(?:어|아|여보세요)?(?:거기|여기)?(?:혹시)?"
                         r"(?:중국집|치킨집|피자집|식당|반찬가게|세탁소|미용실|약국|부동산|꽃집|정육점|학원)"
                         r"(?:아니에요|아니예요|아닌가요|아니세요|아니야|맞죠|이죠|죠)")
_MACHINE_ONLY = re.compile(
    r"^(?:혹시)?(?:거기|이거|여기|지금)?(?:에이아이|ai|로봇|기계|자동응답)(?:예요|에요|이에요|인가요|죠|세요)"
    r"(?:사람(?:이)?아니(?:죠|에요|지|세요))?$")
_PUT_THROUGH = re.compile(r"바꿔|연결|통화하고싶|얘기하고싶")
_CANNOT_ONLY = re.compile(r"^(?:아니요|아뇨|아니|아|어)?(?:그날은?|그날엔|그시간엔?|그시간은|그때는?|이번엔)?"
                          r"(?:안돼요|안되는데요?|못가요|못가는데요?|못갈것같아요|못가겠어요)$")
_HOUR_IN_DOUBT = re.compile(r"시(?:였|이었)나[가-힣]{0,12}(?:모르겠|헷갈|가물)")
_PLAIN_FINE = re.compile(r"^(?:네|예)+(?:괜찮(?:습니다|아요)|좋습니다|좋아요)$")
_CAME_OFF = re.compile(r"(?:씌운|때운|떼운|붙인|크라운|금니|레진|보철)[가-힣]{0,4}(?:빠졌|떨어졌|빠져)")
_PUT_BACK = re.compile(r"(?:다시)?(?:붙일|붙여|끼울|끼워|때울|붙이)(?:수있|주실|줄수|주세요|주시나|주나요)")
_SELF_REPAIR = re.compile(r"제가|집에서|본드|접착제|순간|혼자|직접")
_ACHE_TOLD = re.compile(r"(?:뻐근|시큰|욱신|시린|아픈|불편)(?:한데|거리는데|한게|한거)")
_LOOKED_AT_TOO = re.compile(r"(?:그것도|그거도|같이)(?:좀)?(?:봐|보)(?:주시는|주실|줄|주시죠|주세요)")
_STITCHES_WHEN = re.compile(
    r"(?:실밥|꿰[맨멘](?:실|거|것|데|곳|자리)|봉합(?:사|실|한실))(?:은|는)?(?:실(?:은|을)?)?(?:언제)?(?:쯤)?(?:실(?:은|을)?)?(?:풀러|뽑으러|빼러|제거하러)(?:는|은)?[가-힣]{0,4}(?:언제)?(?:가면|가요|와야|오면|가야)")
# round 38: a day asked for it ("… 언제 가면 될지 날 좀 잡아 주세요") books it (round 25: a day asked for it, `book`)
_DAY_BOOKED_FOR_IT = re.compile(r"(?:날|날짜|시간|예약)(?:을|를|좀)*(?:잡아|넣어|해)(?:주세요|줘요|주실래요|주시겠)")
_NUMBER_NEW = re.compile(r"(?:새로|새로이)받은번호|번호(?:를)?새로받|쓰던(?:사람|분)(?:이)?아니")
_MOVED_TO_A_DAY = re.compile(r"^[가-힣]{0,4}(?:요일|일)(?:로|으로)요")
_WHEN_TO_CALL = re.compile(r"(?:주말|토요일|일요일|평일|저녁|낮|오전|오후)(?:엔|에는|은|는)?(?:전화|연락)(?:는)?"
                           r"(?:말고|하지마시고|하지말고|마시고)[가-힣]{0,8}(?:해|주|걸어)(?:주세요|줘요|세요)")
_WALK_IN = re.compile(r"예약(?:없이|안하고)")
_GO_THEN = re.compile(r"가도(?:되|돼|될)|가면(?:되|돼|받)")
_LATER_PLEASE = re.compile(
    r"(?:조금|좀|잠시)?(?:있다가|이따가?)(?:다시)?(?:해|걸어|전화해)(?:주세요|줘요|주실래요|주시겠)")
_WAIT_OR_COME_NOW = re.compile(r"가도(?:될까|되나|돼)[가-힣]{0,4}(?:아니면|or)[가-힣]{0,6}가야(?:될까|되나|하나|돼)")
_BOOKED_TREATMENT_ASKED = re.compile(r"무슨치료(?:였|이었|하기로)|뭐하기로(?:했더라|했죠|했지|했었)")
_DAY_PUT = re.compile(r"(?:에|로|으로)(?:해|잡아|넣어)(?:주세요|줘요|주실래요)")
_CALL_WORDS = re.compile(r"전화|연락|통화")
_GONE = re.compile(r"돌아가셨|별세|세상을떠나")
_STOP_OR_ROUTE = re.compile(r"전화|연락|번호|지워|빼|취소|예약")
_CHARGED_TWICE = re.compile(r"결제(?:가)?(?:두번|이중|중복)(?:된|됐|되었|나갔|찍)|(?:두번|이중|중복)결제(?:된|됐|되)")
_PHOTO_TO_THE_DENTIST = re.compile(
    r"사진(?:을)?찍어(?:서)?(?:보내|올려)[가-힣]{0,8}(?:선생님|원장님)[가-힣]{0,4}(?:봐|보)")
_PHOTO_LOOKED_AT = re.compile(  # round 29: "사진 보내 드릴 테니 봐 주실 수 있어요? 잇몸에 뭐가 났어요"
    r"사진(?:을)?(?:찍어(?:서)?)?(?:보내|올려)[가-힣]{0,10}(?:봐|보)(?:주실|주시|줄수|주세요|주시겠)")
_TROUBLE_SHOWN = re.compile(r"났어요|났는데|생겼|부었|붓|헐었|까졌|이상|(?<![커카배])피[가나]|하얗|까맣|검게|구멍|"
                            r"깨진|깨졌|금이|금간|부러진|부러졌")  # round 33: a break wondered about
_MESSAGE = re.compile(r"카톡|카카오|문자|메시지|톡으로|메일|엑스레이|파노라마")
_LATEST_HOUR = re.compile(
    r"제일늦은(?:게|시간|거)(?:이)?몇시(?:예요|에요|죠|인가요|까지)|(?:시|반)까지(?:하는|하시는|진료하는|여는|받는)(?:거|게)(?:맞죠|맞아요|맞나요)")
_BOOKED_THEN_LATER = re.compile(  # round 29: "목요일에 잡힌 거 있는데 그거 금요일로 해 주세요"
    r"(?:예약인데|(?:잡힌|잡아놓은|잡아둔|예약된|예약한)(?:거|게|것)(?:이)?(?:있는데|있거든요))[가-힣]{0,24}"
    r"(?:시|요일|일)(?:로|으로)(?:해|바꿔|옮겨|미뤄|늦춰)")
_ON_THE_WAY_SEEN = re.compile(r"가는중[가-힣]{0,20}받아(?:주실수|주시나|줄수|주세요|주실래)")
_LATE = re.compile(r"늦|예약시간")
_PAID_BY_TRANSFER = re.compile(r"(?:계좌이체|이체)(?:도|는|로)?(?:돼|되|가능)")
_RED = re.compile(r"(?<![커카배])피[가나]|부었|부어|붓|숨|아파|아프|깨졌|부러")

_RULES = (
    KindRule("a proposal taken by its time", "yes", (_TAKEN_BY_ITS_TIME,), unless=(_NOT_TAKEN,), expect=_PROPOSAL),
    KindRule("a proposal taken by its position", "yes", (_TAKEN_BY_POSITION,), unless=(_NOT_TAKEN,),
             expect=_PROPOSAL),
    KindRule("a reminder answered only 'can't come'", "cancel", (_CANNOT_ONLY,), expect=("reminder",)),
    KindRule("the hour asked, in doubt", "book", (_HOUR_IN_DOUBT,), expect=("time",)),
    KindRule("a plain fine to a proposal", "yes", (_PLAIN_FINE,), expect=("proposal", "confirm")),
    KindRule("fine, on a wellbeing call", "no", (_YES_START, _FINE), unless=(_NOT_ONLY_FINE,), expect=("wellbeing",)),
    KindRule("a visit that must be moved", "reschedule", (_MUST_MOVE,), unless=(_NOT_COMING,),
             expect=("yes_no", "reminder", "confirm", None)),
    KindRule("one day refused for another", "reschedule", (_REFUSED_DAY_FOR_ANOTHER,), expect=("reminder",),
             dated=True),
    KindRule("a treatment added to the visit", "book", (_ADDED_TO_THE_VISIT,), unless=(_NOT_COMING,),
             expect=("reminder", "confirm")),
    KindRule("an offer taken with a double negative", "yes", (_DOUBLE_NEGATIVE,), expect=("offer", "yes_no")),
    KindRule("an insurance tag question, then a yes", "ask_insurance", (_INSURED_TAG_THEN_YES,), expect=_OFFER),
    KindRule("an offer taken on a slot of one's own", "book", (_SLOT_THEN_YES,), unless=(_ASKED,), expect=_OFFER,
             dated=True),  # round 29: "월요일 점심시간 열두 시 반 되면 할게요" (round 24: a day and nothing asked)
    KindRule("an offer taken on a condition", "yes", (_CONDITION_THEN_YES,), unless=(_ASKED,), expect=_OFFER),
    KindRule("an offer taken up anyway", "yes", (_ANYWAY,), unless=(_ASKED,), expect=_OFFER, dated=False),
    KindRule("then yes, I should", "yes", (_THEN_I_SHOULD,), expect=_OFFER, dated=False),
    KindRule("the offer declined for another clinic", "no", (_ANOTHER_CLINIC,), unless=(_CALL_WORDS,),
             expect=("offer", "yes_no")),
    KindRule("a day of one's own put to the offer", "book", (_OWN_DAY_PUT,), expect=_OFFER, dated=True),
    KindRule("a person asked for by name or post", "talk_to_staff", (_PERSON_ASKED_FOR,)),
    KindRule("a person booked in with one's own visit", "book", (_PERSON_BOOKED_WITH_ME,), unless=(_NOT_COMING,),
             expect=(None, "reminder", "confirm")),  # to an offer: family_day_kinds (round 30, round 25: book)
    KindRule("a shop asked for", "wrong_number", (_SHOP_ASKED,), unless=(re.compile(r"치과"),)),
    KindRule("a machine or a person asked", "question_other", (_MACHINE_ONLY,)),
    KindRule("a crown come off, put back", "symptom", (_CAME_OFF, _PUT_BACK), unless=(_SELF_REPAIR,), dated=False),
    KindRule("an ache looked at too", "symptom", (_ACHE_TOLD, _LOOKED_AT_TOO), expect=_OFFER, dated=False),
    KindRule("when the stitches come out, on a wellbeing call", "medical_question", (_STITCHES_WHEN,),
             unless=(_DAY_BOOKED_FOR_IT,), expect=("wellbeing",), dated=False),
    KindRule("a number newly taken", "wrong_number", (_NUMBER_NEW,)),
    KindRule("a reminder answered with another day", "reschedule", (_MOVED_TO_A_DAY,), expect=("reminder",),
             dated=True),
    KindRule("when to call, not the day", "callback_later", (_WHEN_TO_CALL,)),
    KindRule("a walk-in on a day", "book", (_WALK_IN, _GO_THEN), unless=(_RED,), dated=True),
    KindRule("call me a little later", "callback_later", (_LATER_PLEASE,), unless=(_PUT_THROUGH,),
             expect=("reminder", "confirm", "offer", "wellbeing", "yes_no")),
    KindRule("can it wait or come now", "medical_question", (_WAIT_OR_COME_NOW,)),
    KindRule("the treatment booked asked", "confirm_appointment", (_BOOKED_TREATMENT_ASKED,),
             expect=("reminder", "confirm")),
    KindRule("an offer taken on a day of one's own", "book", (_YES_START, _DAY_PUT), unless=(_CALL_WORDS,),
             expect=_OFFER, dated=True),
    KindRule("a patient gone, the offer", "no", (_GONE,), unless=(_STOP_OR_ROUTE,), expect=("offer", "wellbeing")),
    KindRule("charged twice", "question_other", (_CHARGED_TWICE,)),
    KindRule("a photo for the dentist", "medical_question", (_PHOTO_TO_THE_DENTIST,), unless=(_MESSAGE,)),
    KindRule("a trouble photographed for a look", "medical_question", (_PHOTO_LOOKED_AT, _TROUBLE_SHOWN),
             unless=(_MESSAGE,), dated=False),
    KindRule("the latest hour asked", "ask_hours", (_LATEST_HOUR,), expect=(None,)),
    KindRule("a booked time moved later", "reschedule", (_BOOKED_THEN_LATER,)),
    KindRule("on the way, seen now", "book", (_ON_THE_WAY_SEEN,), unless=(_LATE, _RED)),
    KindRule("paid by transfer", "ask_price", (_PAID_BY_TRANSFER,)),
)

_PARDON = re.compile(r"^\s*(?:네|예|에|응)\s*\?+\s*(?:(?:누구|어디|뭐|무슨|어느)[가-힣\s]{0,14}\??"
                     r"|(?:다시\s?)?(?:한\s?번\s?(?:만|더)?\s?(?:다시\s?)?|다시\s?)"  # round 28: "네? 다시 한 번만요"
                     r"(?:요|말씀해\s?주세요|해\s?주세요)?)?\s*$")


def clinic_day_kind(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of this module's kinds, or ``None`` to leave the text to the other rules (a refusal of
    calls always: the opt-out stage hears it)."""
    if OPT_OUT.search(compact):
        return None
    answer = first_kind(_RULES, compact, expect, dated)
    if answer is not None and answer[0] == "medical_question" and sounds_like_emergency(compact):
        return None  # round 30: a photo offered of a tooth that will not stop bleeding is the emergency stage's
    return answer


# round 36: "what?" at the end, also after a yes or an aside of hearing ("네 뭐요?", "내가 귀가 어두워서 뭐라꼬?")
_WHAT_AT_THE_END = re.compile(r"(?:^\s*(?:네|예|에|응)?\s*\??\s*뭐요\s*\?+|(?:^|\s)뭐라꼬(?:요|예)?\s*\??)\s*$")


def said_pardon(text: str) -> bool:
    """A rising "네?" alone or with "who / what?" ("네? 어디라고요"), or "what?" at the end ("네 뭐요?", "… 뭐라꼬?",
    round 36): the caller did not catch us (module docstring)."""
    return bool(_PARDON.match(text) or _WHAT_AT_THE_END.search(text))
