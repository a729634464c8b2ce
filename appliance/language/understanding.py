"""``understand()``: one caller utterance (STT text) → intent and slots, by rules and lexicons.

Rules decide every date, time and treatment, and emergencies and opt-outs; where the rules are unsure the intent is
the statistical model's (``statistical``: naive Bayes over the labelled caller sentences), within the limits of
``blend`` (never ``opt_out``, no emergency without a red flag, …). An optional ``fallback`` classifier (e.g. the local
LLM) is consulted only when the result is still ``other`` with low confidence, and it can only choose the intent,
never a slot. Last, whoever decided, a question about one's own teeth with no visit asked for is never ``book`` or
``reschedule`` but ``medical_question`` (``blend.never_book_a_medical_question``).

Intent order: ``_classify`` asks its checks in a fixed order and the first that decides wins; the order is the
design (safety holds first: care boundaries, emergencies, opt-outs; then the answer to the question just asked;
then the general topics). ``docs/understanding.md`` lists the stages in order and why each comes before the next.
``urgent`` flags bleeding, swelling with fever, trauma or severe pain in an emergency, a medical question or a
symptom (see ``questions``).

Vague times ("오후", "퇴근하고") give ``time=None`` plus ``time_range`` — we never invent an exact time the
caller did not say; the slot finder searches the range. "두 시쯤" gives ``time="14:00"`` and
``approximate=True``.

``expect`` is what the dialog just asked, which decides the ambiguous "괜찮아요":

* ``"proposal"`` / ``"confirm"`` / ``"date"`` / ``"time"`` (we proposed a slot: "내일 세 시 괜찮으세요?") → ``yes``;
* ``"yes_no"`` / ``"offer"`` ("예약 도와드릴까요?"), ``"wellbeing"`` ("불편하신 데 있으세요?" → "no problem")
  and no context → ``no``.

``expect="cancel_confirm"`` ("예약을 취소해 드릴까요?") reads as ``"confirm"`` except that "네 갈 거예요" (going after
all) is ``no``. ``expect="confirm"`` (or ``"reminder"``: "내일 세 시 예약 맞으시죠?") also turns "그날 안 될 것
같아요" into ``cancel``; after a proposal it is ``no``, and so is "다른 시간 없어요?". The question is a prior for short
answers: after ``"date"``/``"time"``/``"treatment"`` a bare "목요일이요"/"세 시요"/"잇몸이요" is ``book``; after a
proposal or offer "그걸로 해 주세요"/"보내 주시면 좋죠" is ``yes``; after ``"yes_no"``/``"confirm"`` "저 박 씨
아닌데요" is ``wrong_number``; "네 말씀하세요" is ``yes`` only when a yes/no question was asked. Other values
("need", "menu", …) are accepted.
``answer`` gives the reply's polarity whatever the intent ("네 근데 시간 바꿀 수 있어요?" → reschedule + yes).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Callable

from appliance.language import (asking, blend, care_asks, care_waits, date_choice, days_not_asked,
                                red_flags, relative_days, repairs, reply_asides, reply_kinds, routine_words,
                                side_matters, topics, transcript, visit_asks)
from appliance.language.about_the_call import about_the_call
from appliance.language.cannot_make_it import cannot_make_it
from appliance.language.caller_errands import caller_errand
from appliance.language.clinic_day_kinds import said_pardon
from appliance.language.care_boundaries import care_boundary
from appliance.language.emergency_heard import sounds_like_emergency
from appliance.language import lexicon as lx
from appliance.language import reply_words as rw
from appliance.language import questions as qs
from appliance.language import body_or_visit as bv
from appliance.language import open_questions as oq
from appliance.language.dates import WEEKDAY_NAMES, find_dates
from appliance.language.general_info import BRING_ALONG, GENERAL_INFO, NOT_A_QUESTION_FOR_STAFF, SEDATION, STAFF_ONLY
from appliance.language.numerals import spoken_digits
from appliance.language.replies import (
    ANSWER_EXPECTS,
    PROPOSAL_EXPECTS,
    RELAYED_ANSWER,
    SURE,
    context_answer,
    declines_offer,
    outbound_answer,
    polarity,
    yes_no,
)
from appliance.language.later_today import evening_hour
from appliance.language.times import DEFAULT_DAYPARTS, DayParts, find_time
from appliance.language.treatments_named import treatments_named
from appliance.language.understanding_result import Understanding

_LOGGER = logging.getLogger(__name__)

Fallback = Callable[[str], "str | None"]

LOW_CONFIDENCE = 0.5
_SPACED_PUNCT = re.compile(r"[\s,!?…·\"'“”‘’()\[\]\u3131-\u318e^;*]+|\.(?!\d)")


_compact = transcript.compact


def understood_as_running_late(text: str) -> bool:
    """The caller is late for a visit and asks no move or cancel ("가는 중인데 십 분 늦을 것 같아요")."""
    return topics.running_late(_compact(text))


def _strip_fillers(spaced: str) -> str:
    return transcript.FILLERS.sub("", spaced).strip()


# "…다 나았어요 가끔 시린 거 말고는": fine but for a symptom, which is what the dialog must hear
_BUT_FOR_A_SYMPTOM = re.compile(
    r"(?:시린|시려|아픈|아프|욱신|부은|붓|불편|찌릿|(?<![커카배])피나|흔들)[가-힣]{0,4}(?:빼고|말고|빼면|외에|말곤|빼곤)"
)
# Words of a call: without them, being busy is only the reason to be brief
_CALL_WORDS = re.compile(r"전화|연락|통화|걸어|걸게|걸께|이따|나중에|다시")
_CALL_ASKED = re.compile(r"전화|연락|통화|걸어|걸게|걸께|이따|나중에|다시(?:해|걸|전화|연락)")
# Put through to someone in so many words ("사람 연결 되나요", "직원 바꿔 주세요")
_PUT_THROUGH = re.compile(r"연결(?:해|좀|되|돼|부탁|가능|시켜)|바꿔(?:주|줘|달)|직접(?:받|통화|얘기)")
# "지금 사람이랑 통화하는 거 맞죠?": whether a machine answers, asked in passing
_MACHINE_ASKED = re.compile(
    r"(?:사람|기계|로봇|ai|자동응답|녹음)(?:이랑|하고|과|와)?(?:통화|얘기|말)?(?:하는)?(?:거|게)?(?:맞|예요|에요|이에요|인가|죠)"
)
# Returning a missed call and asking why the clinic rang ("부재중 와 있던데 무슨 일이세요"): for staff, who know
_RETURNED_CALL = re.compile(
    r"부재중|(?:전화|연락)(?:가|이)?(?:와있|왔던|왔길|왔는데|왔었|와서|와가지고)|전화(?:를)?받았"
)
_WHY_CALLED = re.compile(r"무슨일|왜(?:전화|연락|하셨|주셨|거셨)|뭐때문에|무슨용건|용건이|무슨건")
# A sentence that ends by naming the slot ("…화요일 두 시 반이요"): a booking, whatever it asked on the way
_SLOT_LAST = re.compile(r"(?:시|반|분|요일|일)(?:이요|요|에|으로|로|쯤|쯤에)?$")
_STRONG_BOOK = re.compile(
    r"예약(?!없이|안하고|시간보다|.{0,6}확인|문자|알림|안내|카톡|메시지)|잡아|잡고|받으러|하러|가려고|갈게|갈께|받고싶|하고싶|상담받|자리있|(?<!들어)갈수있|"
    r"빈시간|시간(?:되|돼|있)"
)
# "…알겠고요 그럼 …": what follows the last "그럼" is the request the small questions led up to
_THEN = re.compile(r".*(?:그럼|그러면|그라믄|그렇다면)(.{4,})$")
_WILL_DO = re.compile(r"(?:받|할|갈|잡|하)(?:을|ㄹ)?(?:게|께|래)(?:요)?|(?:로|으로)(?:할|갈|하겠)")
THEN_SPACED = re.compile(r".*\b(?:그럼|그러면|그라믄|그렇다면)\s(.+)$")
# A day offered on conditions: "화요일 되면 화요일 안되면 수요일", "목요일이나 금요일이면 좋고"
_DAY_PREFERRED = re.compile(
    r"(?:일|요일|날)(?:이|은|도)?(?:되면|안되면|괜찮으면|가능하면|이면좋|이면돼|좋고|이나|아니면)"
)


def understand(
    text: str,
    now: dt.datetime,
    expect: str | None = None,
    *,
    fallback: Fallback | None = None,
    dayparts: DayParts = DEFAULT_DAYPARTS,
    statistical: bool = True,
) -> Understanding:
    """Intent and slots of one utterance. Pure: no I/O, no model, no clock (``now`` is given).

    ``expect`` names what the dialog just asked (see the module docstring); unknown values are ignored.
    ``fallback(text) -> intent | None`` is called only when the result is ``other`` with low confidence.
    ``statistical=False`` gives the rules' own answer (for measuring them).
    """
    if expect == "cancel_confirm":  # "예약을 취소해 드릴까요?": "갈 거예요" keeps the visit, so it answers no
        result = understand(text, now, "confirm", fallback=fallback, dayparts=dayparts, statistical=statistical)
        going = rw.GOING.search(_compact(_strip_fillers(text)))
        if result.intent == "yes" and going and not lx.CANCEL.search(_compact(text)):
            result.intent = result.answer = "no"
        return result
    text = transcript.tidy(text)  # hesitations, "…여", split numbers, a navigation voice
    spaced = " ".join(_SPACED_PUNCT.sub(" ", text).split())
    compact = _compact(text)
    core = _compact(_strip_fillers(spaced))
    today = now.date()

    # slots are read on the spaced text (word starts guard Sino numerals: "오시는 길" is not 5 o'clock), then on
    # the compact text when nothing was found there (wrong spacing: "다 음주 화요 일"), without the opening fillers
    # ("어 제가 …" is no "어제")
    dates_text = days_not_asked.dated_words(spaced)  # round 18: a birth date, 20: "음력", 34: when to call
    dates = find_dates(dates_text, today)
    if not dates:
        dates_text = days_not_asked.dated_words(core)
        dates = find_dates(dates_text, today)
    dates = relative_days.with_relative_days(dates_text, dates, today)  # round 23: "말일", "다음 달 첫째 주 화요일"
    picked = (date_choice.instead_of_it(dates_text, dates) or repairs.date_after_correction(dates_text, dates)
              or date_choice.pick(dates_text, dates, today))
    when = find_time(spaced, dayparts)
    if when.time is None and when.time_range is None:
        when = find_time(core, dayparts)
    when = routine_words.time_told_as_reason(spaced, when, dayparts, expect)  # "유치원 끝나는 게 두 시라서 …"
    when = evening_hour(spaced, when, now)  # round 19: "이따 아홉 시쯤 다시 전화 주실래요" at 18:50 is 21:00
    then = THEN_SPACED.match(spaced)
    then_when = find_time(then.group(1), dayparts) if then else None
    if then_when is not None and then_when.time:
        when = then_when  # "점심시간이 한 시부터죠 그럼 내일 열두 시 반에 …": the time of the request
    treatments = treatments_named(core)  # "어 금니가 빠졌어요" names a crown, not "어금니"
    treatments = repairs.treatment_after_correction(core, treatments)  # "미백이요 아 아니다 스케일링 먼저요"

    result = Understanding(intent="other", treatments=treatments)
    if picked is not None:
        result.date = picked.date.isoformat() if picked.date else None
        if picked.date_range:
            result.date_range = (picked.date_range[0].isoformat(), picked.date_range[1].isoformat())
        if picked.date:
            result.weekday = WEEKDAY_NAMES[picked.date.weekday()]
            result.weekday_clash = picked.weekday_clash
    result.time, result.time_range, result.approximate = when.time, when.time_range, when.approximate
    result.treatment = treatments[0] if treatments else None
    result.digits = spoken_digits(_strip_fillers(spaced))
    if expect == "digits" and result.digits:  # "구 공 공 삼 일 오" is a birth date, not "the 3rd"
        result.date = result.date_range = result.weekday = result.time = result.time_range = None
    result.negated = bool(rw.NEGATION.search(compact))

    intent, confidence = _classify(text, compact, core, expect, treatments, result)
    if statistical:
        slot_or_treatment = bool(result.date or result.time or result.time_range or treatments)
        intent, confidence, chosen = blend.with_model(text, compact, expect, intent, confidence, slot_or_treatment)
        result.source = "statistical" if chosen else "rules"
    result.intent, result.confidence = intent, confidence
    if intent == "other" and confidence < LOW_CONFIDENCE and fallback is not None and compact:
        try:
            guess = fallback(text)
        except Exception:  # a broken classifier must never break the call
            _LOGGER.warning("NLU fallback classifier failed", exc_info=True)
            guess = None
        if guess in lx.INTENTS and guess != "other":
            result.intent, result.confidence, result.source = guess, LOW_CONFIDENCE, "fallback"
    if (result.intent == "other" and confidence < LOW_CONFIDENCE
            and expect not in ("date", "time", "treatment", "digits") and _any_question(text, compact, core)):
        result.intent, result.confidence = "question_other", 0.45  # a real question nothing else covers: for staff
    result.intent = side_matters.second_look(compact, result.intent, bool(result.date), bool(result.time))
    # a time, or a day to come (not "어제")
    slot_said = bool(result.time or result.time_range or (result.date and result.date > today.isoformat())) or (
        expect == "treatment" and repairs.relayed_treatment(core, expect, treatments))  # the treatment asked, passed on
    if blend.never_book_a_medical_question(text, compact, result.intent, slot_said):
        result.intent, result.confidence = "medical_question", 0.7  # safety: a question about one's teeth is no booking
    result.answer = polarity(core, result.intent)
    result.urgent = result.intent == "emergency" or (
        result.intent in ("medical_question", "symptom") and qs.urgent(compact))
    return result


def _any_question(text: str, compact: str, core: str) -> bool:
    """A question with some content that no rule placed ("라미네이트도 하세요?"), not "누구세요?" or "네?"."""
    return (len(core) >= 5 and asking.strongly_asked(text, compact) and not NOT_A_QUESTION_FOR_STAFF.search(compact)
            and not rw.GREETING.search(compact))


def _classify(
    text: str, compact: str, core: str, expect: str | None, treatments: list[str], result: Understanding
) -> tuple[str, float]:
    """The rules' intent: the checks below in their order, the first that decides wins (``docs/understanding.md``)."""
    if not compact:
        return "other", 0.0
    if transcript.ONLY_FILLERS.match(compact) and transcript.HESITATION.search(compact):
        return "other", SURE  # "음 그게 저기": the caller has not said anything yet
    after_yes = re.sub(r"^(?:네+|예+|응+)|요$", "", core)
    if (expect in (None, "wellbeing") and after_yes != core and transcript.ONLY_FILLERS.match(after_yes)
            and transcript.HESITATION.search(after_yes)):
        return "other", 0.8  # "아 네 그러니까 그게 음" out of the blue (round 42: or to "how are you"): nothing said
    if transcript.FORGOT_WHAT.search(compact) and not (result.date or result.time or treatments):
        return "other", SURE  # "음 그러니까 제가 뭘 물어보려고 했더라": nothing asked yet
    if said_pardon(text):
        return "other", SURE  # round 27: "네?" is "pardon?", never a yes
    if red_flags.narrow_red_flag(compact):
        return "emergency", 0.95  # round 24: red flags first, before any rule reads a place, a price or a day
    if (errand := caller_errand(compact, core, expect, bool(result.date or result.time))) is not None:
        return red_flags.checked(errand, compact)  # round 17: errands, on a bus; round 24: a red flag outranks them
    if (care := care_boundary(compact, expect, bool(result.date or result.time))) is not None:
        return red_flags.checked(care, compact)  # round 16: symptom or emergency, care and staff questions
    if sounds_like_emergency(compact):
        return "emergency", 0.95
    if lx.OPT_OUT.search(compact):
        return "opt_out", 0.95
    if (call := about_the_call(compact, bool(lx.CALLBACK.search(compact)), expect)) is not None:
        return call  # round 11: "보이스피싱 아니죠", "지금 AI랑 통화하는 거예요", "알았어 수고해"
    if (aside := reply_asides.reply_aside(compact, core, expect, bool(result.date or result.time))) is not None:
        return aside  # round 16: "제가 모시고 갈게요", "목요일은 싫고 금요일 …은요", "세탁소에 건다는 게"
    if (visit := visit_asks.visit_ask(compact, expect, bool(result.date or result.time))) is not None:
        return visit  # round 15: "예약 됐는지 모르겠어요", "예약 있는 거 없애 주세요", "수요일인데 목요일로 밀어"
    if repairs.readback_corrected(core, expect, bool(result.date or result.time or result.time_range or treatments)):
        return "no", SURE  # round 14: "아니요 스케일링 말고 잇몸 치료요" to a read-back corrects it
    if (kind := reply_kinds.reply_kind(text, compact, core, expect, bool(result.date or result.time))) is not None:
        return kind  # round 15: short, busy, elderly and regional replies to the clinic's questions
    outbound = outbound_answer(compact, core, expect, qs.has_symptom(compact))
    if outbound is not None:
        return outbound
    if lx.WRONG_NUMBER.search(compact):
        return "wrong_number", 0.9
    if (expect is None and _RETURNED_CALL.search(compact) and _WHY_CALLED.search(compact) and not (
            "예약" in compact or treatments or lx.CONFIRM.search(compact))):
        return "question_other", SURE  # "아까 전화 왔던데 왜 전화하신 거예요": staff know why the clinic rang
    if expect not in PROPOSAL_EXPECTS and topics.running_late(compact):
        return "question_other", SURE  # "차가 막혀서 십 분 정도 늦을 것 같아요 괜찮을까요": a message for staff
    if rw.THINK_ABOUT.search(compact) and not lx.BOOK.search(rw.THINK_ABOUT.sub("", compact)) and (
            expect in ANSWER_EXPECTS | {"yes_no"} or lx.CALLBACK.search(compact)):
        relayed = rw.SOMEONE_ELSE_DECIDES.search(compact)  # to a slot proposed a no, unless "잠깐만요 네 …" first
        alone = expect == "offer" and re.search(r"생각|고민", compact)  # "생각해 보고 연락드릴게요": not now (no)
        held = re.match(r"(?:잠깐(?:만)?요?)?[네예]", core)
        later = relayed and (expect not in ("date", "time") or held)
        return ("callback_later" if later else "no"), SURE if relayed or alone else 0.75
    deferred = rw.DEFER.search(compact) and (expect in ANSWER_EXPECTS | {"yes_no"} or not compact.endswith("요") or
                                             re.search(r"(?:할|갈|받을)(?:게|께)", compact))
    if deferred and not (re.search(r"전화|연락|통화|걸어|받아요|못받", compact) or topics.CLEAR_CANCEL.search(compact)):
        return "no", 0.75  # "요즘 바빠서 다음에 할게요": not now
    busy_but_booking = (lx.BOOK.search(compact) and (result.date or result.time)
                        and not _CALL_WORDS.search(compact))  # "외근 중이라 짧게 여쭙니다 금요일 5시 예약 되겠습니까"
    # "운전 중이라 짧게요 네 맞아요", "운전 중이라 버튼 못 눌러요 직원 연결해 주세요": busy, but asking another thing
    busy_but_asking = not _CALL_ASKED.search(compact) and (
        lx.STAFF.search(compact) or lx.CONFIRM.search(compact) or qs.medicine_asked(text, compact)
        or qs.medical_question(text, compact, qs.has_symptom(compact))
        or expect and (rw.YES_START.match(core) or rw.GO_AHEAD.search(core))
        and (rw.CONFIRMED.search(core) or rw.GO_AHEAD.search(core)))
    # "네 시 이후면 돼요 지금 일하는 중이라서요" to "몇 시가 좋으세요?": busy is the reason, the time the answer
    busy_but_answering = (expect in ("date", "time") or expect in ("reminder", "confirm") and re.search(
        r"(?:로|으로)(?:해|바꿔|옮겨|미뤄)", compact)) and (result.date or result.time or result.time_range) and not (
        _CALL_WORDS.search(compact))  # round 11: "운전 중 … 다음 주 화요일로 해 줘요" to a reminder moves it
    put_through = (lx.STAFF.search(compact) and _PUT_THROUGH.search(compact)
                   and not re.search(r"나중에|이따|있다가|(?:뒤|후)에", compact))  # not "나중에 … 연결해 주세요"
    if lx.CALLBACK.search(compact) and not (busy_but_booking or busy_but_asking or busy_but_answering or put_through):
        if topics.CLEAR_CANCEL.search(compact):
            return "cancel", 0.85  # "예약 빼 주세요 다음에 다시 연락드릴게요"
        if expect in ANSWER_EXPECTS and not _CALL_ASKED.search(compact) and rw.NOT_POSSIBLE.search(compact):
            return "no", 0.8  # "이번 달은 좀 바빠서 안 되겠어요" to an offer: busy is the reason for a no
        return "callback_later", 0.9
    if lx.CALLBACK.search(compact) and busy_but_asking and rw.CONFIRMED.search(core) and not lx.STAFF.search(compact):
        return "yes", SURE  # "네 맞아요 근데 운전 중이라 빨리 말씀해 주세요": busy is why to be brief; a yes
    machine_asked = _MACHINE_ASKED.search(compact) and not _PUT_THROUGH.search(compact)
    if lx.STAFF.search(compact) and not (machine_asked and lx.BOOK.search(compact) and (result.date or result.time)):
        if oq.open_question(text, compact) and not lx.STAFF_REQUEST.search(compact):
            return "question_other", SURE  # "소아 전문 선생님 계세요?", "일본어 하시는 분 계세요?" ask about the clinic
        return "talk_to_staff", SURE if put_through else 0.9  # "… 사람 연결 되나요": put through, unmistakably

    if rw.CLARIFY.search(compact) and not (lx.BOOK.search(compact) or RELAYED_ANSWER.search(compact) or re.search(
            r"얼마(?:라고|라구|였다고|였죠)", compact)):  # round 15: "가격이 얼마라고요" asks the price again
        clarify_last = rw.CLARIFY.search(compact[-8:])  # "그거 무슨 말씀이세요": asking us to say it again is all
        return "other", SURE if clarify_last else 0.7  # "네? 뭐라고 하셨어요?": the caller did not understand us
    if (rw.SYMPTOM_DENIED.search(compact) and not lx.BOOK.search(compact) and not asking.strongly_asked(text, compact)
            and not _BUT_FOR_A_SYMPTOM.search(rw.SYMPTOM_DENIED.sub("", compact))):
        return "no", SURE if expect == "wellbeing" else 0.8  # "아니요 별로 불편한 데 없어요"
    if declines_offer(text, core, expect):
        return "no", SURE  # "스케일링이요? 아뇨 안 해도 돼요"
    if repairs.slot_answer_repaired(core, expect, bool(result.date or result.date_range or result.time or (
            treatments and expect == "treatment")), len(treatments) > 1) or repairs.relayed_treatment(
            core, expect, treatments):
        return "book", SURE  # round 14: "아니 열 시 말고 열한 시요" to "몇 시가 좋으세요?" answers it
    if visit_asks.slot_asked_last(compact, expect, bool(result.date or result.time or result.time_range)):
        return "book", 0.92  # round 15: "…어머니가 식사를 못 하세요 오늘 수리 되나요": the request comes last
    if qs.condition_allows(text, compact) or qs.medicine_asked(text, compact) or care_asks.sure_medical_question(
            text, compact) or care_waits.asks_whether_it_can_wait(compact):
        return "medical_question", SURE  # "당뇨 있는데 임플란트 할 수 있나요"
    if qs.medical_question(text, compact, qs.has_symptom(compact)):
        if qs.ASKS_NORMAL.search(compact) and (qs.has_symptom(compact) or qs.AFTER_CARE.search(compact)):
            return "medical_question", SURE  # "때운 데가 … 시큰한데 원래 좀 그래요": is it normal, after a treatment
        return "medical_question", 0.8  # never advice: staff answer it (see ``questions``)
    if oq.CHANNEL.search(compact) or STAFF_ONLY.search(compact) and not (result.date or result.time):
        return "question_other", 0.75 if oq.CHANNEL.search(compact) else SURE  # "카톡으로 예약 되나요": for staff
    if SEDATION.search(compact) and not (result.date or result.time):
        return "question_other", SURE  # "수면 마취 해 주시는 데예요 …하고 싶어서요": what the clinic offers, for staff
    context = context_answer(text, compact, core, expect, result)
    if context is not None:
        return context
    topic = topics.topic_intent(compact)
    if (topic is not None and topic[0] in blend.FACTS and (result.date or result.time) and _STRONG_BOOK.search(
            compact) and _SLOT_LAST.search(compact) and not asking.strongly_asked(text, compact)):
        topic = ("book", 0.85)  # "보험 틀니 하려고 … 상담 가려고요 다음 주 화요일 오전 열 시": the fact is the kind
    then = _THEN.search(compact)
    if then and (result.date or result.time) and (topic is None or topic[0] in (*blend.FACTS, "ask_hours")) and (
            lx.BOOK.search(then.group(1)) or bv.visit_asked(then.group(1)) or _WILL_DO.search(then.group(1))):
        return "book", 0.85  # "주차는 알겠고요 … 그럼 내일 열두 시 반에 가도 진료 받을 수 있나요": the real request
    if topic is not None and topic[0] == "ask_hours" and (result.date or result.time) and re.search(
            r"(?:그럼|그러면|그라믄).{0,20}(?:일|요일|시)(?:로|요|이요|으로)?(?:해주세요|잡아주세요|부탁(?:해요|드려요))?$",
            compact):
        topic = ("book", 0.8)  # "일요일은 쉬시죠 그럼 이십구일 월요일 열 시요"
    if (topics.offered_treatment(compact) and not GENERAL_INFO.search(compact)
            and (topic is None or topic[0] == "book")):
        return "book", SURE  # "임플란트도 하세요?": a treatment the clinic does, so offer a booking
    if (topic is None or topic[0] == "book") and BRING_ALONG.search(compact) and not (
            result.date or result.time or treatments or qs.has_symptom(compact)):
        return "question_other", SURE  # "애기 데리고 가도 돼요 봐줄 사람이 없어서": who may come along, for staff
    if ((topic is None or topic[0] == "book") and qs.asks_what_it_takes(compact) and not result.time
            and oq.open_question(text, compact)):
        return "question_other", SURE  # "상담 받으려면 부모님이 같이 가야 돼요": what a visit takes, for staff
    asked = asking.strongly_asked(text, compact)
    slot_last = (result.time or result.date) and _SLOT_LAST.search(compact) and not asking.asked_at_the_end(
        text, compact) or repairs.slot_asked_if_free(compact, bool(result.time or result.date))
    if (topic is None or topic[0] in ("book", "symptom", "ask_hours")) and (
            not _STRONG_BOOK.search(compact) or asked) and not slot_last and oq.open_question(text, compact):
        return "question_other", 0.75  # "스케일링은 몇 분이면 끝나요", "교정 기간은 보통 얼마나 걸려요"
    if (rw.YES_START.match(core) and rw.CONFIRMED.search(core)
            and (topic is None or topic[0] in ("book", "confirm_appointment"))):
        return "yes", 0.85  # "예 예약 맞아요"
    if (topic is None or topic[0] == "book") and (
            cannot := cannot_make_it(compact, expect, bool(result.date))) is not None:
        return cannot  # "그날 안 될 것 같은데요": a cancel to a reminder, a no to a proposed slot
    has_topic = topic is not None and topic[0] != "book" or bool(treatments)
    if topic is not None and topic[0] == "book" and re.search(r"예약|받으러|하러|싶|려고|려구|라고", compact):
        has_topic = True
    answer = yes_no(core, expect, has_topic)
    if answer is not None:
        return answer
    if rw.REFUSAL.search(compact) and (topic is None or topic[0] == "book"):
        return "no", 0.8  # "스케일링 안 할래요"
    if (topic is None or topic[0] in ("symptom", "book")) and qs.asked_about_symptom(text, compact,
                                                                                      qs.has_symptom(compact)):
        return "medical_question", 0.7
    if topic is not None:
        if topic[0] == "symptom" and (result.time or result.date) and (
                lx.BOOK.search(compact) or bv.visit_asked(compact)):  # "…배겨서 깎으러 가야 돼요 내일 아홉 시 반"
            return "book", 0.8
        return topic
    if result.time or treatments or (result.date and (expect in PROPOSAL_EXPECTS or _DAY_PREFERRED.search(compact))):
        return "book", 0.6
    if result.time_range and (result.date or expect in PROPOSAL_EXPECTS):
        return "book", 0.55
    if ((result.date or result.time) and asking.strongly_asked(text, compact)
            and not NOT_A_QUESTION_FOR_STAFF.search(compact)):
        return "book", 0.55  # "스물다섯째 날 괜찮아요?": a day asked about
    return "other", 0.3
