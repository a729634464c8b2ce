"""Answers from the clinic's facts file only: opening hours, lunch, closed days, location, parking, prices,
insurance rules. What the facts do not hold, or what no voice layer can say, becomes a callback.

:meth:`AnswersFlow.answer` answers and asks whether there is anything else; :meth:`AnswersFlow.sentences`
gives the answer alone (None when the facts cannot give it), for a question asked in the middle of a booking.
The sentences themselves are :mod:`.fact_sentences` (the campaign calls say the same)."""

from __future__ import annotations

from typing import Any

from appliance.conversation import fact_sentences as said
from appliance.conversation.actions import Action
from appliance.conversation.asker import Actions, Flow, Step
from appliance.conversation.booking import TREATMENT_KO


class AnswersFlow(Flow):
    def answer(self, intent: str, u: Any, text: str) -> Actions:
        if intent == "ask_hours":
            return self.d.anything_else(said.hours(self.d.facts, u, text))
        if intent == "ask_location":
            return self._location(text)
        if intent == "ask_price":
            return self._price(u)
        return self._insurance(u)

    def sentences(self, intent: str, u: Any, text: str, treatment: str | None = None) -> list[Action] | None:
        """The answer alone (no follow-up question); None when the facts (or the voice) cannot give it.
        ``treatment``: what a price or insurance question is about when the caller did not say (the booking's)."""
        return said.sentences(self.d.facts, self.d.can_say, intent, u, text, treatment)

    # --- location -------------------------------------------------------------------------------------
    def _location(self, text: str) -> Actions:
        out = said.location(self.d.facts, self.d.can_say, text)
        if out is None:
            return self.d.callback("주차 문의" if said.is_parking(text) else "위치 문의")
        return self.d.anything_else(out)

    # --- prices, insurance ----------------------------------------------------------------------------
    def _price(self, u: Any) -> Actions:
        t = getattr(u, "treatment", None)
        if t is None:
            return self.d.ask("price_which", ["ask_price_which"])
        out = said.price(self.d.facts, self.d.can_say, t)
        if out is None:
            return self.d.callback("비용 문의 (안내 자료 없음)", note=TREATMENT_KO.get(t, t))
        return self.d.anything_else(out)

    def _words_price_which(self, u: Any, text: str) -> Actions | None:
        if u.treatment:
            return self._price(u)
        if u.intent not in ("other", "yes", "no", "book"):
            return self.d.route(u, text)
        return None

    def _keys_price_which(self, digits: str) -> Actions | None:
        return None  # no keypad list of prices: the ladder's last step is staff

    def _insurance(self, u: Any) -> Actions:
        t = getattr(u, "treatment", None)
        out = said.insurance(t)
        if out is None:
            return self.d.callback("보험 적용 문의", note=TREATMENT_KO.get(t, t) if t else None)
        return self.d.anything_else(out)

    STEPS = {
        "price_which": Step("treatment", _words_price_which, _keys_price_which, reask=("ask_treatment_again",),
                            keypad="staff_keys", leads_to=("anything_else",), routes=True),
    }
