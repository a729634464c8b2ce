"""Channel and consent preferences and replies to event texts (issue 15, round 24: blind32), consulted first at
stage 2 (``caller_errands``), before the opt-out words (stage 5) and the price and booking topics would decide:

- a lasting refusal of calls for another channel ("전화 말고 앞으로는 카톡으로만 보내 주세요"): ``opt_out`` (the CRM's
  opt-out scopes are advertising or all, not channels: the dialogs store what the call's kind gives); advertising
  stopped, also for another number ("광고 문자 끊는 거 … 엄마 번호도 같이 해 주세요"): ``opt_out``;
- a restriction of WHEN to call ("주말엔 전화 좀 하지 마세요 평일에 다시 주세요"): ``callback_later``, never an opt-out
  (a channel or a lasting "앞으로" word, or advertising, keeps the opt-out);
- the message asked for to read and answer later ("카톡으로 보내 주세요 보고 답할게요"): ``callback_later``;
- an event or a discount's conditions asked (new patients only, a captured text, a coupon number):
  ``question_other``; the earliest slot asked to use it: ``book``;
- weekend or evening opening asked in reply to an offer ("주말에도 하세요 평일엔 못 가요"): ``ask_hours``.
"""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

_CALLS = re.compile(r"전화|통화|연락")
_OTHER_CHANNEL_ONLY = re.compile(r"(?:카톡|카카오톡|문자|메시지|메세지)(?:으로|로)만")
_NOT_BY_CALL = re.compile(r"전화(?:는|말고|대신|로는)")
_LASTING = re.compile(r"앞으로|앞으론|이제부터|이제는|다음부터|계속")
_ADS = re.compile(r"광고|홍보|이벤트|마케팅|행사")
_ADS_STOPPED = re.compile(r"(?:광고|홍보|이벤트|마케팅|행사)[가-힣]{0,6}(?:끊|그만|차단|수신거부|빼)")
_FOR_ANOTHER_TOO = re.compile(r"(?:번호|것|거|꺼)도(?:같이|함께|다)")
_WHEN_NOT = re.compile(r"(?:주말|평일|저녁|낮|아침|오전|오후|밤|점심|근무시간|일할때)(?:에는|엔|에|은|는|시간엔|"
                       r"시간에는)?"
                       r"(?:전화|연락|통화)[가-힣]{0,4}(?:하지마|주지마|하지말|주지말|말아|안해|안주)")
_WHEN_INSTEAD = re.compile(r"(?:주말|평일|저녁|낮|아침|오전|오후|밤|점심)(?:에|엔|에만|에는)?(?:다시|만)?"
                           r"(?:전화|연락|주세요|해주|줘요|주시면)")
_FOR_GOOD = re.compile(r"다시는|절대|영영|평생|앞으로|두번다시")
_SEND_TO_READ = re.compile(r"(?:카톡|문자|메시지)(?:으로|로)[가-힣]{0,4}보내[가-힣]{0,6}(?:보고|읽고|확인하고)"
                           r"(?:답|연락|결정|말씀)")
_EVENT = re.compile(r"할인|이벤트|쿠폰|행사|제휴")
_EVENT_TERMS = re.compile(r"신규만|처음(?:오는|온)?사람만|캡처|쿠폰번호|대상이|조건이|중복")
_HOW_MUCH = re.compile(r"얼마|가격|비용|몇프로|몇퍼센트")
_EARLIEST = re.compile(r"(?:언제|며칠)(?:가|이)?(?:가장|제일|젤)빨라|(?:가장|제일|젤)빠른(?:날|시간|때)")
_THEN_BOOKED = re.compile(r"그럼|그러면|예약|잡을|잡아")
_OPEN_ON = re.compile(r"(?:주말|토요일|일요일|공휴일|야간|밤)(?:에도|도)(?:하세요|하나요|진료|여세요|해요|문열)")

_KINDS = (
    KindRule("a lasting refusal of calls for another channel", "opt_out", (_NOT_BY_CALL, _OTHER_CHANNEL_ONLY, _LASTING),
             confidence=0.95),
    KindRule("advertising stopped, also for another number", "opt_out", (_ADS_STOPPED, _FOR_ANOTHER_TOO),
             confidence=0.95),
    KindRule("a restriction of when to call", "callback_later", (_WHEN_NOT, _WHEN_INSTEAD),
             unless=(_FOR_GOOD, _ADS, _OTHER_CHANNEL_ONLY)),
    KindRule("the message asked for, to answer later", "callback_later", (_SEND_TO_READ,)),
    KindRule("an event's conditions", "question_other", (_EVENT, _EVENT_TERMS), unless=(_HOW_MUCH,)),
    KindRule("the earliest slot for an event", "book", (_EVENT, _EARLIEST)),
    KindRule("weekend or evening opening asked", "ask_hours", (_OPEN_ON,), unless=(_CALLS, _THEN_BOOKED)),
)


def channel_or_consent(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """The intent of one of the kinds above, or None (see the module docstring)."""
    return first_kind(_KINDS, compact, expect, dated)
