"""The question just asked as a prior: how well an understood utterance answers it.

``expect`` is what the dialog asked (see ``understanding``). ``answer_fit(u, expect)`` scores an
:class:`~appliance.language.understanding_result.Understanding` from 0 (says nothing the question wants) to 1 (a full
answer: a date to "어느 날짜가 좋으세요?", yes/no to "내일 세 시 괜찮으세요?"). It ranks speech-recogniser hypotheses
(``hypotheses.choose_hypothesis``) and tells the end-of-turn logic whether the caller has answered
(``answers_question``). Emergencies and requests for staff always fit: they must never lose to a tidier guess.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appliance.language.understanding_result import Understanding

ALWAYS_FIT = frozenset({"emergency", "talk_to_staff", "opt_out", "wrong_number"})
"""Intents that answer any question: the dialog must act on them whatever it asked."""

_REPLIES: dict[str, dict[str, float]] = {
    # a proposed slot, a reminder, an offer, an identity check: the polarity is the answer
    "proposal": {"yes": 1.0, "no": 1.0, "reschedule": 0.7, "cancel": 0.6, "callback_later": 0.6},
    "slot": {"yes": 1.0, "no": 1.0, "reschedule": 0.7, "cancel": 0.6, "callback_later": 0.6},
    "confirm": {"yes": 1.0, "no": 1.0, "cancel": 1.0, "reschedule": 1.0, "callback_later": 0.8,
                "confirm_appointment": 0.6},
    "cancel_confirm": {"yes": 1.0, "no": 1.0, "cancel": 1.0, "confirm_appointment": 1.0, "callback_later": 0.8},
    "reminder": {"yes": 1.0, "no": 1.0, "cancel": 1.0, "reschedule": 1.0, "callback_later": 0.8,
                 "confirm_appointment": 0.6},
    "offer": {"yes": 1.0, "no": 1.0, "book": 0.8, "callback_later": 0.8, "ask_price": 0.6, "question_other": 0.6},
    "yes_no": {"yes": 1.0, "no": 1.0, "callback_later": 0.6},
    "wellbeing": {"yes": 1.0, "no": 1.0, "symptom": 1.0, "medical_question": 1.0},
}
_SLOT_QUESTIONS = ("date", "time", "treatment", "digits")


def answer_fit(u: "Understanding", expect: str | None, *, by_confidence: bool = True) -> float:
    """0..1: how well ``u`` answers the question ``expect`` (unknown or no question: any recognised intent).

    ``by_confidence`` scales a reply's fit by how sure the reading is (round 24: the n-best chooser prefers a sure
    reading); the end of turn asks without it, since ``answers_question`` weighs the confidence on its own."""
    if u.intent in ALWAYS_FIT:
        return 1.0
    if expect in _SLOT_QUESTIONS:
        return _slot_fit(u, expect)
    if expect in _REPLIES:
        fit = _REPLIES[expect].get(u.intent, 0.0)
        if expect in ("proposal", "slot") and u.intent == "book" and (u.date or u.time or u.time_range):
            fit = 0.8  # a counter-proposal: "금요일은요?"
        return fit * (0.5 + 0.5 * min(1.0, u.confidence)) if by_confidence else fit
    if u.intent == "other":
        return 0.0
    return 0.5 + 0.5 * min(1.0, u.confidence)


def _slot_fit(u: "Understanding", expect: str) -> float:
    if expect == "digits":
        return 1.0 if u.digits else 0.0
    if expect == "treatment":
        return 1.0 if u.treatment else 0.4 if u.intent not in ("other", "book") else 0.0
    exact = u.date if expect == "date" else u.time
    vague = u.date_range if expect == "date" else u.time_range
    if exact:
        return 1.0
    if vague or (expect == "time" and u.date) or (expect == "date" and u.time):
        return 0.7
    if u.intent in ("yes", "no", "reschedule", "cancel", "callback_later", "question_other", "medical_question"):
        return 0.4  # a reply, not the slot ("아무 때나요" is book with no slot: 0)
    return 0.3 if u.intent == "book" else 0.0


def answers_question(u: "Understanding", expect: str | None, *, threshold: float = 0.7) -> bool:
    """True when ``u`` is a complete answer to ``expect`` (the end of turn need not wait for more).

    At the open question ("무엇을 도와드릴까요?") a question the rules heard is a whole turn however unsure they are of
    its topic: the caller asked something, and waiting the hold only delays the answer."""
    if expect in (None, "need") and u.intent == "question_other" and getattr(u, "source", "rules") == "rules":
        return True
    return answer_fit(u, expect, by_confidence=False) >= threshold and (u.intent in ALWAYS_FIT or u.confidence >= 0.5)
