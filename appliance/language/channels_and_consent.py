"""Channel and consent preferences and replies to event texts (issue 15, round 24: blind32), consulted first at
stage 2 (``caller_errands``), before the opt-out words (stage 5) and the price and booking topics would decide:

- a lasting refusal of calls for another channel ("전화 말고 앞으로는 카톡으로만 보내 주세요"): ``opt_out``, and
  :func:`opt_out_scope` tells the dialogs which scope the words name (here ``calls``: texts still wanted); advertising
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
# round 45: a reason between the time and the call ("토요일 일요일엔 자니까 전화 주지 말고 평일에 해 주세요",
# "새벽엔 일하는 중이라 연락 주지 마시고")
_WHEN_NOT = re.compile(r"(?:[월화수목금토일]요일|주말|평일|저녁|낮|아침|오전|오후|밤|점심|새벽|근무시간|일할때)"
                       r"(?:에는|엔|에|은|는|시간엔|시간에는)?"
                       r"(?:[가-힣]{0,10}(?:니까|니깐|라서|이라|거든요|는데|서))?"
                       r"(?:좀)?(?:전화|연락|통화)[가-힣]{0,4}(?:하지마|주지마|하지말|주지말|말아|안해|안주|안했으면|"
                       r"안하셨으면|안주셨으면)")  # round 49: "주말엔 좀 전화 안 했으면 좋겠는데"
# round 48: the other time with a part of the day ("평일 낮에 하시고"), said in dialect ("저녁에 하쇼")
_WHEN_INSTEAD = re.compile(r"(?:주말|평일|저녁|낮|아침|오전|오후|밤|점심)(?:낮|저녁|오전|오후|아침)?"
                           r"(?:에|엔|에만|에는)?"
                           r"(?:다시|만)?(?:전화|연락|주세요|해주|줘요|주시면|하시고|주시고|해주시고|하세요|하쇼|주쇼|"
                           r"하이소|주이소)")
_FOR_GOOD = re.compile(r"다시는|절대|영영|평생|앞으로|두번다시")
_SEND_TO_READ = re.compile(r"(?:카톡|문자|메시지)(?:으로|로)[가-힣]{0,4}보내[가-힣]{0,6}(?:보고|읽고|확인하고)"
                           r"(?:답|연락|결정|말씀)")
_EVENT = re.compile(r"할인|이벤트|쿠폰|행사|제휴")
_EVENT_TERMS = re.compile(r"신규만|처음(?:오는|온)?사람만|캡처|쿠폰번호|대상이|조건이|중복")
_HOW_MUCH = re.compile(r"얼마|가격|비용|몇프로|몇퍼센트")
_EARLIEST = re.compile(r"(?:언제|며칠)(?:가|이)?(?:가장|제일|젤)빨라|(?:가장|제일|젤)빠른(?:날|시간|때)")
# round 49: a visit wished if the clinic is open ("일요일에도 진료하면 모레 가고 싶은데") is a booking
_THEN_BOOKED = re.compile(r"그럼|그러면|예약|잡을|잡아|(?:하면|열면)[가-힣]{0,6}(?:가고싶|갈게|갈께|가려고)")
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


# --- which opt-out scope a refusal names (appliance.data.crm_records.OPT_OUT_SCOPES) ------------------------
_TEXT_WORD = r"(?:문자|카톡|카카오톡|메시지|메세지|알림톡)"
_CALL_WORD = r"(?:전화|통화)"
_ANY_CHANNEL = re.compile(r"문자|카톡|카카오|메시지|메세지|알림톡|전화|통화|연락")
_REFUSED = (r"(?:(?:하|보내|주|걸|받|오)(?:지마|지말|지않|지도마|지도말)|안(?:받|하|보내|주|와|오|걸)|그만|싫|끊|사절|"
            r"거부|차단|빼|필요없|원치않|싶지않)")
_GAP = r"(?:(?!문자|카톡|카카오|메시지|메세지|알림톡|전화|통화|연락)[가-힣]){0,7}?"
"""The words between a channel and its refusal, never across another channel ("문자로 주시고 전화는 하지 마세요")."""
_TEXTS_REFUSED = re.compile(_TEXT_WORD + r"(?:은|는)?(?:말고|대신)|" + _TEXT_WORD + _GAP + _REFUSED)
_CALLS_REFUSED = re.compile(_CALL_WORD + r"(?:은|는)?(?:말고|대신)|" + _CALL_WORD + _GAP + _REFUSED)
_JOINED = r"(?:도|이나|나|이랑|랑|하고|과|와)"
_BOTH_REFUSED = re.compile(r"(?:" + _CALL_WORD + _JOINED + _TEXT_WORD + "|" + _TEXT_WORD + _JOINED + _CALL_WORD + r")"
                           + _JOINED + r"?(?:둘다|모두|다)?" + _GAP + _REFUSED)
_TEXTS_WANTED = re.compile(_TEXT_WORD + r"(?:으로|로)(?:만|나)?(?!도)|" + _TEXT_WORD
                           + r"(?:은|는)?(?:받을|받겠|받아도|받을게|괜찮|주세요|보내주|좋아)")
_ADVERTISING = re.compile(r"광고|홍보|이벤트|마케팅|프로모션|할인|행사|혜택")
_CONTACT_REFUSED = re.compile(r"연락" + _GAP + _REFUSED + r"|번호[가-힣]{0,4}(?:지워|지우|삭제|빼)")


def opt_out_scope(text: str, campaign_is_ad: bool | None) -> str:
    """The opt-out scope a refusal names: ``ad`` | ``calls`` | ``texts`` | ``all``. ``campaign_is_ad`` is the
    kind of an outbound call (True: an advertising campaign, False: a reminder or care call), None on an inbound call.

    - advertising refused ("광고 문자 그만 보내세요", "이벤트 안내는 빼 주세요"): ``ad``, whatever the channel;
    - calls and texts both refused ("전화도 문자도 하지 마세요"): ``all``;
    - calls refused with texts wanted ("전화 말고 카톡으로만 보내 주세요"): ``calls``; texts refused: ``texts``;
    - calls refused with no other channel named: ``calls`` on an inbound call, ``all`` on an outbound call (the
      patient refused the very contact they are on, and may not want its texts either);
    - no channel named: contact refused in so many words ("이제 연락하지 마세요", "제 번호 지워 주세요"): ``all``;
      a bare "수신거부요": ``all`` on a reminder or care call, ``ad`` on an advert (the answer to its opt-out notice)
      and on an inbound call.
    """
    compact = re.sub(r"\s+", "", text)
    if _ADVERTISING.search(compact):
        return "ad"
    calls, texts = bool(_CALLS_REFUSED.search(compact)), bool(_TEXTS_REFUSED.search(compact))
    if (calls and texts) or _BOTH_REFUSED.search(compact):
        return "all"
    if calls and _TEXTS_WANTED.search(compact):
        return "calls"
    if texts:
        return "texts"
    if calls:
        return "calls" if campaign_is_ad is None else "all"
    if campaign_is_ad is not False and not _CONTACT_REFUSED.search(compact):
        return "ad"  # a bare "수신거부요" inbound, or on an advert (the answer to its opt-out notice)
    return "all"
