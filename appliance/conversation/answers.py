"""Answers from the clinic's facts file only: opening hours, lunch, closed days, location, parking, prices,
insurance rules. What the facts do not hold, or what no voice layer can say, becomes a callback.

:meth:`AnswersFlow.answer` answers and asks whether there is anything else; :meth:`AnswersFlow.sentences`
gives the answer alone (None when the facts cannot give it), for a question asked in the middle of a booking."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Flow, Step
from appliance.conversation.booking import TREATMENT_KO
from appliance.language import speak

PARKING = re.compile(r"주차|차를|차가지고|차몰고")
INSURANCE_KEYS = {"scaling": "insurance_scaling", "implant": "insurance_implant", "denture": "insurance_denture"}


class AnswersFlow(Flow):
    def answer(self, intent: str, u: Any, text: str) -> Actions:
        if intent == "ask_hours":
            return self.d.anything_else(self._hours(u, text))
        if intent == "ask_location":
            return self._location(text)
        if intent == "ask_price":
            return self._price(u)
        return self._insurance(u)

    def sentences(self, intent: str, u: Any, text: str, treatment: str | None = None) -> list[Action] | None:
        """The answer alone (no follow-up question); None when the facts (or the voice) cannot give it.
        ``treatment``: what a price or insurance question is about when the caller did not say (the booking's)."""
        t = getattr(u, "treatment", None) or treatment
        if intent == "ask_hours":
            return self._hours(u, text)
        if intent == "ask_location":
            return self._location_sentences(text)
        if intent == "ask_price":
            return self._price_sentences(t) if t else None
        if intent == "ask_insurance":
            return self._insurance_sentences(t)
        return None

    # --- hours ----------------------------------------------------------------------------------------
    def _hours_sentences(self) -> list[Action]:
        from appliance.data.clinic.facts import WEEKDAYS as WD

        f = self.d.facts
        groups: list[tuple[list[int], Any]] = []
        for i, day in enumerate(WD):
            hours = f.hours.get(day)
            if groups and groups[-1][1] == hours and groups[-1][0][-1] == i - 1:
                groups[-1][0].append(i)
            else:
                groups.append(([i], hours))
        out: list[Action] = []
        closed: list[int] = []
        for days, hours in groups:
            if not hours:
                closed += days
                continue
            who = speak.WEEKDAYS[days[0]] if len(days) == 1 else \
                f"{speak.WEEKDAYS[days[0]]}부터 {speak.WEEKDAYS[days[-1]]}까지"
            out.append(Say(text=f"{who}, {speak.say_time(hours[0])}부터 {speak.say_time(hours[1])}까지입니다."))
        for i in closed:
            out.append(Say(text=f"{speak.WEEKDAYS[i]},"))
            out.append(Say("closed_word"))
        if f.public_holidays:
            out.append(Say("holidays_closed"))
        return out

    def _lunch_sentences(self) -> list[Action]:
        if not self.d.facts.lunch:
            return []
        lo, hi = self.d.facts.lunch
        return [Say("lunch_intro"), Say(text=f"{speak.say_time(lo)}부터 {speak.say_time(hi)}까지입니다.")]

    def _hours(self, u: Any, text: str = "") -> list[Action]:
        facts = self.d.facts
        out: list[Action] = []
        if "점심" in text and facts.lunch and not getattr(u, "date", None):
            return self._lunch_sentences()
        if getattr(u, "date", None):
            day = dt.date.fromisoformat(u.date)
            hours = facts.open_hours(day)
            if not hours:
                out += [Say(text=speak.say_date(day) + ","), Say("closed_word")]
            else:
                span = f"{speak.say_time(hours[0])}부터 {speak.say_time(hours[1])}까지"
                out += [Say(text=f"{speak.say_date(day)}, {span}"),
                        Say("open_word")]
                out += self._lunch_sentences() if facts.lunch_on(day) else []
            return out
        return [Say("hours_intro")] + self._hours_sentences() + self._lunch_sentences()

    # --- location -------------------------------------------------------------------------------------
    def _location_sentences(self, text: str) -> list[Action] | None:
        """The clinic's own sentences (address and directions, or parking), only when the voice can say them."""
        f = self.d.facts
        wanted = [f.parking] if PARKING.search(re.sub(r"\s+", "", text)) else [f.address, f.directions]
        texts = [t.strip() for t in wanted if t and t.strip()]
        if texts and all(self.d.can_say(t) for t in texts):
            return [Say(text=t) for t in texts]
        return None

    def _location(self, text: str) -> Actions:
        said = self._location_sentences(text)
        if said is None:
            return self.d.callback("주차 문의" if PARKING.search(re.sub(r"\s+", "", text)) else "위치 문의")
        return self.d.anything_else(said)

    # --- prices, insurance ----------------------------------------------------------------------------
    def _price(self, u: Any) -> Actions:
        t = getattr(u, "treatment", None)
        if t is None:
            return self.d.ask("price_which", ["ask_price_which"])
        said = self._price_sentences(t)
        if said is None:
            return self.d.callback("비용 문의 (안내 자료 없음)", note=TREATMENT_KO.get(t, t))
        return self.d.anything_else(said)

    def _price_sentences(self, t: str) -> list[Action] | None:
        price = self.d.facts.prices.get(t)
        if price is None:
            return None
        amount = (speak.say_price(price.min) if price.min == price.max
                  else f"{speak.say_price(price.min)}에서 {speak.say_price(price.max)}")
        out: list[Action] = [Say(text=f"{TREATMENT_KO[t]}, {amount}까지입니다." if price.min != price.max
                                 else f"{TREATMENT_KO[t]}, {amount}입니다.")]
        if price.note and self.d.can_say(price.note):
            out.append(Say(text=price.note))
        out.append(Say("price_exact_later"))
        return out

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
        said = self._insurance_sentences(t)
        if said is None:
            return self.d.callback("보험 적용 문의", note=TREATMENT_KO.get(t, t) if t else None)
        return self.d.anything_else(said)

    def _insurance_sentences(self, t: str | None) -> list[Action] | None:
        if t in INSURANCE_KEYS:
            return [Say(INSURANCE_KEYS[t])]
        if t is None:
            return [Say(k) for k in INSURANCE_KEYS.values()]
        return None

    STEPS = {
        "price_which": Step("treatment", _words_price_which, _keys_price_which, reask=("ask_treatment_again",),
                            keypad="staff_keys", leads_to=("anything_else",), routes=True),
    }
