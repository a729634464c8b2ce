"""Replies said around an aside, and visits missed before (issue 15, round 19: blind26).

Read on the compact text (no spaces) at the start of ``caller_errands`` (stage 2 of ``docs/understanding.md``),
before the busy, callback, staff and cancel cues that such sentences carry without meaning them:
- a visit missed before, apologised for, and this one kept ("지난번에 못 가서 죄송해요 이번엔 꼭 갈게요" to a
  reminder): ``yes``; a visit missed before and a new one asked ("지난번에 못 가서 다시 잡으려고요"): ``book``;
- whether the next visit still stands after one missed ("펑크 낸 거 때문에 제 다음 예약도 없어졌어요 아직 있어요"),
  or whether a day and time checked are unchanged ("모레 열 시 맞죠 혹시 바뀐 거 아니죠"): ``confirm_appointment``;
- a visit missed before moved to a new day ("저번에 못 간 거 … 그거 그냥 다음 주 금요일로 이어서 해 주세요"), a
  reminded visit put off for a family event ("손주 운동회라 모레로 미뤄 주세요"): ``reschedule``;
- a booking said through a mask or a mouthful, with its day or time ("마스크 쓰고 있어서 잘 안 들리실 텐데 …
  모레 오후 네 시요"): ``book``, not a request to say it again;
- the visit named, an aside (eating, a mask), then another day ("내일 예약인데 … 지금 먹는 중이라 아무튼 모레로요"):
  ``reschedule``, not a callback;
- the recording objected to, then a booking all the same ("녹음하지 마세요 … 그냥 예약만 할게요 내일 열한 시"):
  ``book`` (no refusal of calls is said; one said with it goes to the opt-out rules);
- slower speech asked ("천천히 좀 말해 줘요"): ``other``, the caller did not follow (a person asked for with it
  goes to the staff rules);
- a hold for a mouthful or a mask, then "네 말씀하세요" with nothing confirmed ("잠깐만요 입에 밥이 있어서 … 네
  말씀하세요"): ``other``, the caller is ready to listen and has answered nothing yet;
- the clinic's name forgotten aloud ("그 치과 이름이 뭐였지 아무튼 그 치과예요"): ``other``, nothing asked.
"""

from __future__ import annotations

import re

from appliance.language import lexicon as lx
from appliance.language import reply_words as rw
from appliance.language.kind_rules import KindRule, first_kind

_ANSWERS = ("yes_no", "offer", "reminder", "confirm", "proposal", "wellbeing")

_MISSED_BEFORE = re.compile(r"(?:지난번|저번|전번|지난주|저번주)(?:에|엔)?[가-힣]{0,8}못(?:가|와|갔|왔|간|온)")
_SORRY = re.compile(r"죄송|미안")
_COMING_THIS_TIME = re.compile(r"(?:이번엔|이번에는|이번에|이번)(?:꼭|진짜|반드시)?(?:갈게|갈께|가겠|갈거|올게)")
_BOOKED_AGAIN = re.compile(r"(?:다시|새로)(?:잡|예약|받)|(?:잡|예약하)(?:으려고|려고|려구)[가-힣]{0,12}(?:다시|새로)")
_NO_SHOW = re.compile(r"펑크|노쇼|못(?:가|와|갔|왔|간|온)")
_STILL_STANDS = re.compile(
    r"예약(?:도|은|이)?(?:없어졌|취소됐|취소된|날아갔|빠졌)[가-힣]{0,8}(?:아직(?:있|살아)|있어요|있나요|남아)"
)
_CHECKED_UNCHANGED = re.compile(
    r"(?:맞죠|맞나요|맞아요|맞지요)[가-힣]{0,4}(?:바뀐|변경된|달라진)(?:거|건|게)(?:아니죠|없죠|아니에요|아니지요)$"
)
_CANCEL_ASKED = re.compile(r"취소(?:해|하|시켜)|빼(?:주|줘)|없애")  # not "취소된 거 다시 잡아 주세요"
_THAT_ONE_MOVED = re.compile(r"그거[가-힣]{0,8}(?:로|으로)[가-힣]{0,6}(?:해|옮겨|바꿔|잡아|넣어)(?:주세요|줘요)")
_MOVE_ASKED_END = re.compile(
    r"(?:로|으로)(?:좀)?(?:미뤄|옮겨|바꿔|당겨|연기해|변경해)(?:주세요|줘요|주실래요|주시겠어요)$"
)
_MUFFLED = re.compile(r"(?:마스크|입에|먹는중|먹던중|씹는중)[가-힣]{0,12}(?:안들리|들리실|못알아|발음|웅얼)")
_VISIT_NAMED = re.compile(r"^(?:제가|저|저희)?(?:오늘|내일|모레|[가-힣]{1,3}요일)(?:에)?예약(?:인데|이있는데|했는데)")
_ASIDE = re.compile(r"먹는중|먹던중|먹고있|밥이|마스크|운전중|씻기|말을못")
_ANYWAY_DAY = re.compile(
    r"(?:아무튼|암튼|어쨌든|하여튼|그래서)[가-힣]{0,8}(?:로|으로)(?:요|해주세요|바꿔주세요|옮겨주세요)$"
)
_RECORDING_OBJECTED = re.compile(r"녹음(?:은|도)?(?:하지마|안했으면|싫|하지말)")
_BOOKING_ANYWAY = re.compile(r"(?:그냥|아무튼|어쨌든)?예약(?:만)?(?:할게|할께|해주세요|하려고|잡아)")
_SLOWER = re.compile(r"천천히(?:좀)?(?:말|얘기|이야기|말씀)(?:해|하|씀)")
_PERSON_ASKED = re.compile(r"바꿔|연결|사람|직원|상담원|실장")
_HOLD = re.compile(r"잠깐(?:만)?(?:요|만요)?")
_GO_AHEAD_END = re.compile(r"(?:말씀하세요|말씀해주세요|얘기하세요|하세요)$")
_SELF_CONFIRMED = re.compile(r"맞아|맞습|맞는데|저예요|접니다|본인|보호자|제가[가-힣]{0,6}(?:인데|예요|입니다)|듣고있")
_NAME_FORGOTTEN = re.compile(r"(?:이름|거기)(?:이|가)?뭐였(?:지|더라)")
_NAME_TOLD_END = re.compile(r"(?:치과|병원|거기)(?:예요|에요|이에요|요)$")


_KINDS = (
    KindRule("a visit missed before, this one kept", "yes", (_MISSED_BEFORE, _SORRY, _COMING_THIS_TIME),
             expect=("reminder", "confirm", "yes_no")),
    KindRule("a visit missed before, a new one asked", "book", (_MISSED_BEFORE, _BOOKED_AGAIN),
             unless=(_CANCEL_ASKED,)),
    KindRule("a visit missed before moved to a new day", "reschedule", (_MISSED_BEFORE, _THAT_ONE_MOVED), dated=True),
    KindRule("a reminded visit put off", "reschedule", (_MOVE_ASKED_END,), expect=("reminder", "confirm"), dated=True),
    KindRule("a booking said through a mask", "book", (_MUFFLED,), unless=(lx.CANCEL, _MOVE_ASKED_END), dated=True),
    KindRule("the next visit still stands after a no-show", "confirm_appointment", (_NO_SHOW, _STILL_STANDS)),
    KindRule("a day and time checked unchanged", "confirm_appointment", (_CHECKED_UNCHANGED,), dated=True),
    KindRule("the visit named, an aside, another day", "reschedule", (_VISIT_NAMED, _ASIDE, _ANYWAY_DAY), dated=True),
    KindRule("the recording objected to, a booking all the same", "book", (_RECORDING_OBJECTED, _BOOKING_ANYWAY),
             unless=(lx.OPT_OUT,), dated=True),
    KindRule("slower speech asked", "other", (_SLOWER,), unless=(lx.BOOK, _PERSON_ASKED)),
    KindRule("a hold, then go ahead", "other", (_HOLD, _GO_AHEAD_END), unless=(_SELF_CONFIRMED, rw.CONFIRMED),
             expect=_ANSWERS),
    KindRule("the clinic's name forgotten aloud", "other", (_NAME_FORGOTTEN, _NAME_TOLD_END), dated=False),
)


def aside_or_no_show(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of this module's kinds, or ``None`` to leave the text to the other rules."""
    return first_kind(_KINDS, compact, expect, dated)
