"""Information calls after treatment: the happy call (the day after an extraction, root canal, surgery: any
pain, bleeding or swelling?) and the implant check-up about a month after surgery. A problem goes to staff
at once (priority-1 callback, transfer while open); the check-up can be booked on the spot."""

from __future__ import annotations

from typing import Any

from appliance.conversation.asker import Actions, Flow, Step, said_no, said_yes
from appliance.conversation.outcomes import EventKind, Outcome

PROBLEM = ("symptom", "emergency", "medical_question")


class HappyCallFlow(Flow):
    PURPOSE = "ob_purpose_happy"
    ENTRY = ("happy",)
    BOOKS = False  # a problem goes to staff; nothing is booked on this call

    def start(self, match: Any) -> Actions:
        return self.d.ask("happy", ["ob_happy_ask"])

    def _words(self, u: Any, text: str) -> Actions | None:
        if u.intent in PROBLEM or said_yes(u):
            return self.d.problem(text)
        if said_no(u):
            return self._fine()
        return None

    def _keys(self, digits: str) -> Actions | None:
        if digits[:1] == "1":
            return self.d.problem()
        if digits[:1] == "2":
            return self._fine()
        return None

    def _fine(self) -> Actions:
        self.d.event(EventKind.FEELING_FINE)
        return self.d.end("ob_happy_fine", Outcome.ANSWERED, "feeling fine")

    STEPS = {
        "happy": Step("wellbeing", _words, _keys, reask=("sorry_again", "ob_happy_ask"), keypad="ob_happy_ask"),
    }


class ImplantCheckFlow(Flow):
    PURPOSE = "ob_purpose_implant"
    ENTRY = ("implant",)

    def start(self, match: Any) -> Actions:
        return self.d.ask("implant", ["ob_implant_ask"])

    def _words(self, u: Any, text: str) -> Actions | None:
        if u.intent in PROBLEM:
            return self.d.problem(text)
        if said_yes(u) or u.intent == "book":
            return self.d.slots.book("checkup", self.d.patient_for_booking())
        if said_no(u):
            return self._declined()
        return None

    def _keys(self, digits: str) -> Actions | None:
        key = digits[:1]
        if key == "1":
            return self.d.problem()
        if key == "2":
            return self.d.slots.book("checkup", self.d.patient_for_booking())
        if key == "3":
            return self._declined()
        return None

    def _declined(self) -> Actions:
        return self.d.end("ob_declined", Outcome.DECLINED, "declined the check-up")

    STEPS = {
        "implant": Step("offer", _words, _keys, reask=("sorry_again", "ob_implant_ask"), keypad="ob_implant_ask",
                        leads_to=("slot",)),
    }
