"""Round 15: what a caller asks about a visit in words the other rules read as something else.

* whether the booking went through or still stands ("아까 끊겼는데 예약 됐는지 모르겠어요", "변경한 거 반영됐나요",
  "그 예약 그대로 맞죠", "몇 시 예약이었는지 아세요") → ``confirm_appointment``;
* a visit called off in everyday words ("예약 있는 거 없애 주세요", "하기로 한 거 그냥 안 할게요") → ``cancel``,
  unless a new day is asked for (then it is a move);
* a visit named by its day and moved to another ("예약이 수요일인데 목요일로 밀어 주세요", "예약 좀 뒤로 빼 주세요
  해 넘겨서", "그 다음 날 같은 시간 돼요" to a reminder) → ``reschedule``;
* to a slot the clinic proposed, another asked for in its stead ("다음 주 목요일은 어때요?") → ``book``.

``visit_ask(compact, expect, slot_said)`` is consulted by ``understanding`` before the question rules; ``None``
leaves the sentence to them.
"""

from __future__ import annotations

import re

from appliance.language import lexicon as lx
from appliance.language.replies import SURE

# The booking went through? ("예약 됐나요", "예약 잡혔는지", "변경한 거 반영됐어요")
_BOOKED_ASKED = re.compile(
    r"예약(?:이|은|은요|이요)?(?:잘|제대로)?(?:됐|되었|잡혔|들어갔)(?:나|는지|어요\?|죠|을까|습니까)|"
    r"(?:변경|바꾼|바꿨던|옮긴|미룬)(?:한)?(?:거|것|건|게)?(?:요)?(?:반영|적용|처리)(?:됐|되었|된)|"
    r"예약(?:이|은)?그대로(?:맞|인|죠|이|가면)|그대로가면되는거|"
    r"(?:몇시|며칠|언제)(?:로)?예약(?:이었|였)(?:는지|나|죠|더라)|"
    r"(?:몇시|며칠|언제)(?:라고|라구)(?:했|하셨|그랬)|"
    r"예약(?:날짜|시간|일)(?:좀)?(?:다시|한번더)(?:요|만|말씀|알려|불러)?$|"
    # the day or time of one's booking asked to be told ("내 예약 날 좀 다시 말해 줘", "며칠로 잡혔드라")
    r"예약.{0,14}(?:날짜|날|시간|몇시|며칠).{0,10}(?:말해|알려|읊어|불러|알아볼)|"
    r"(?:잡혔|해놨|해놓았|잡아놨)(?:다|다고|다카)?.{0,10}(?:언제|며칠|몇시|무슨요일)|"
    r"(?:며칠|언제|몇시)로?(?:잡혔|해놨|되어있)(?:드라|더라|나|는가|는지)|"
    r"예약(?:있다고|잡혔다고).{0,10}(?:무슨요일|며칠|언제|몇시)|(?:수술|시술|치료|예약|발치)날짜(?:가|는)?(?:정확히)?(?:며칠|언제)|"
    r"예약(?:이|은)?(?:아침|오전)(?:이여|이에요|인가|이야)?(?:오후|저녁)|"
    # round 16: "제 예약이 잡혀 있나 보려고요", "제가 몇 시로 잡았었죠", "몇 월 며칠로 했어요", "예약 문자가 안 와요"
    r"예약(?:이|은)?(?:잘)?(?:잡혀|되어|돼)있(?:나|는지|는건지)|"
    r"(?:몇시|며칠|몇월며칠|언제)(?:로(?:잡았|했)|잡았)(?:었)?(?:죠|나요|더라|지|어요)$|"
    r"예약(?:확인|안내)?(?:문자|안내|알림|카톡)(?:가|이)?(?:안와|안오|못받)"
)
# round 16: to a reminder, what the visit is for or when it is ("그날이 이 빼는 날이에요 아니면 …", "예약이 내일이라고요
# … 몇 시예요")
_VISIT_ASKED_BACK = re.compile(r"(?:하는|빼는|받는|뽑는)날(?:이에요|인가요|이죠|이에요아니면)|"
                               r"예약이.{0,6}(?:이라고요|라고요)")
# round 16: a move asked in a word ("예약 바꾸려고 전화했어요"); to a reminder, that visit to another slot
# ("내일 거 다음 주 수요일 두 시로 가능해요")
_MOVE_ASKED = re.compile(r"예약(?:을|좀|을좀)?(?:바꾸|변경하|옮기|미루)(?:려고|러)")
_THAT_ONE_TO = re.compile(r"(?:오늘|내일|모레|요일|일)(?:거|것|예약)(?:을|를)?.{0,16}(?:로|으로)"
                          r"(?:가능|돼|되|될|바꿔|옮겨|해)")
_OPEN_SLOTS = re.compile(r"가능|빈|비어|되는날|남은|빠른")  # "예약 가능한 날짜 알려 주세요" asks for a new one
# A visit to come called off without 취소 ("없애 주세요", "빼 주세요", "하기로 한 거 안 할게요")
_CALLED_OFF = re.compile(
    r"(?:예약|잡아놓은거|잡아둔거|있는거|한거)(?:있잖아요)?(?:그거|그것)?(?:좀|그냥){0,2}(?:없애|빼|지워|삭제)(?:주|줘|줄|버려)|"
    r"(?:하기로|받기로|가기로)한(?:거|것|건)(?:그냥)?(?:안|못)(?:할|받을|갈)(?:게|께|래)"
)
_NEW_DAY = re.compile(r"(?:로|으로)(?:옮|바꿔|미뤄|해|잡아|당겨)|뒤로|해넘겨|다시잡|나중으로")
# A move: the visit's day named, then the new one ("수요일인데 목요일로 밀어", "내일인데 모레로 미뤄도")
_MOVED_TO = re.compile(
    r"(?:예약|거|것|건)(?:이|은|가)?.{0,8}(?:인데|이었는데|였는데|인디)(?:요)?.{0,10}(?:로|으로)(?:하루만|좀|하루)?"
    r"(?:밀어|미뤄|미룰|옮겨|옮길|바꿔|바꿀|당겨|당길)|"
    r"예약(?:좀|을좀|을)?(?:뒤로|앞으로)(?:빼|미뤄|밀어|옮겨)"
)
# To a reminder of the caller's own visit, another day asked ("그 시간 말고요 그 다음 날 같은 시간 돼요"); to a
# slot the clinic proposed the same words only turn it down
_ANOTHER_DAY = re.compile(r"(?:그시간|그날)(?:말고|말구)(?:요)?(?:그)?(?:다음날|다다음날|전날|다른날)|"
                          r"(?:시간만|날짜만|날만|하루만|이틀만|한시간만).{0,6}(?:로|뒤로|앞으로|늦게|일찍)|"
                          r"(?:그날|그시간)(?:말고|말구).{0,8}(?:로|으로)(?:요|좀|해|바꿔)")

# To a slot the clinic proposed, another asked for in its stead and nothing else said ("다음 주 목요일은 어때요?"): a
# booking; after a decline ("수요일은 안 되고 금요일은 어때요") it stays a no that carries the day
_COUNTER_OFFER = re.compile(
    r"(?:요일|일|시|반|주|날)(?:은|는|이면|으로는|로는)?(?:어때요|어떠세요|어떨까요|가능할까요|되나요)$")


def visit_ask(compact: str, expect: str | None, slot_said: bool) -> tuple[str, float] | None:
    """The intent of a question or request about a visit the other rules misread, or ``None``."""
    counter = _COUNTER_OFFER.search(compact) if expect in ("proposal", "date", "time") and slot_said else None
    if counter and counter.start() <= 8 and not re.search(r"안|못|말고|대신|어렵|힘들", compact[: counter.start()]):
        return "book", SURE
    if expect == "offer" and slot_said and _WILL_DO_THEN_SLOT.search(compact):
        return "book", SURE  # "네 해 볼게요 스케일링 다음 주 화요일": the offer taken, with the day
    if _MOVED_TO.search(compact) or expect in ("reminder", "confirm") and _ANOTHER_DAY.search(compact):
        return "reschedule", SURE
    if _BOOKED_ASKED.search(compact) and not _OPEN_SLOTS.search(compact) or expect in ("reminder", "confirm") and (
            _VISIT_ASKED_BACK.search(compact)):
        return "confirm_appointment", SURE
    if _MOVE_ASKED.search(compact) or expect in ("reminder", "confirm") and _THAT_ONE_TO.search(compact):
        return "reschedule", SURE
    if _CALLED_OFF.search(compact) and not (_NEW_DAY.search(compact) or slot_said and "다시" in compact):
        return "cancel", SURE
    return None


# The sentence ends by asking for a slot: whatever came before (a story, a symptom, the price or parking "들을게요",
# insurance heard of) was the reason, the request is the kind ("…오늘 수리 되나요", "…목요일 저녁에 시간 있어요",
# "…그럼 금요일 오후 다섯 시로 임플란트 상담 부탁드려요", "네 그럼 할게요 토요일 오전")
_SLOT_WORD = (r"(?:오늘|내일|낼|모레|글피|요일|주말|[일이삼사오육칠팔구십\d]+(?:시|일)|"
              r"(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|열한|열두)시|시반|오전|오후|저녁|아침|"
              r"점심|첫타임|이따|지금바로|오늘중)")
_REQUEST_AFTER_SLOT = re.compile(
    _SLOT_WORD + r"(?:에|로|으로|쯤|이나|에는)?(?:요)?.{0,14}?"
    r"(?:(?:수리|치료|진료|상담|검진|예약)(?:가|이|을|좀|을좀)?(?:되나요|돼요|될까요|가능(?:해요|한가요|할까요))|"
    r"(?<!점심)시간(?:있어요|있나요|돼요|되나요)|자리(?:있어요|있나요)|"
    r"(?:부탁드려요|부탁드립니다|부탁해요|넣어주세요|잡아주세요|받을라꼬예|받을라고요|받을게요|받으러갈게요)|"
    r"(?:진료|치료)?받을수있(?:어요|나요|을까요))$|"
    + _SLOT_WORD + r"(?:에|로|으로)(?:는)?(?:되나요|돼요|될까요)$|"  # "…뭐라도 해야 돼서요 내일 오전에 돼요"
    # round 16: after the price or insurance heard, "…알겠어요 그냥 수요일 오전 아홉 시 반에 할게요"
    + _SLOT_WORD + r"(?:에|로|으로)(?:예약)?(?:해주세요|해주실래요|해줘요|할게요|할께요|잡아줘요)$|"
    r"(?:그럼|그러면).{0,16}" + _SLOT_WORD + r"(?:에|로|으로)?(?:이요|요)$"  # "…엑스레이도 찍어요 그럼 화요일 네 시요"
)
_WILL_DO_THEN_SLOT = re.compile(r"(?:할|해볼|받을|갈)(?:게|께)요?[가-힣]{0,10}?" + _SLOT_WORD
                                + r"(?:이요|요|에|에요|로|으로|쯤|오전|오후|오전에|오후에|이나)?$")

_A_PERSON = re.compile(r"그분|실장|원장|선생님")


def slot_asked_last(compact: str, expect: str | None, slot_said: bool) -> bool:
    """The sentence ends by asking for a day or time (``book``), whatever it told or asked before."""
    if not slot_said or expect not in (None, "offer", "need"):
        return False
    if any(p.search(compact) for p in (lx.CANCEL, lx.RESCHEDULE, lx.CONFIRM, lx.STAFF, _A_PERSON)):
        return False  # a visit cancelled, moved or checked, or a person asked for, is not a new booking
    return bool(_REQUEST_AFTER_SLOT.search(compact) or expect == "offer" and _WILL_DO_THEN_SLOT.search(compact))
