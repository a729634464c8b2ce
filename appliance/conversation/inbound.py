"""The basic inbound dialog, used when the receptionist cannot be built (e.g. an invalid clinic facts file):
greets (the AI notice; the recording notice when ``recorded``), listens, understands, and takes a callback
or hands over. Pure logic: no audio, no Asterisk, no models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from appliance.conversation.actions import Action, End, Event, Heard, Listen, Say
from appliance.conversation.outcomes import EventKind, NextStep, Outcome

Understand = Callable[[str, dt.datetime, str | None], Any]


def _default_understand(text: str, now: dt.datetime, expect: str | None) -> Any:
    from appliance.language import understand

    return understand(text, now, expect=expect)


@dataclass
class InboundDialog:
    clinic_name: str
    now: Callable[[], dt.datetime] = dt.datetime.now
    understand: Understand = _default_understand
    max_retries: int = 1
    recorded: bool = True  # the engine passes whether this call's recording runs (setting record_calls)
    events: list[Event] = field(default_factory=list)
    state: str = "start"
    retries: int = 0
    silences: int = 0
    turns: int = 0

    def start(self) -> list[Action]:
        self.state = "ask_need"
        greeting = "greeting" if self.recorded else "greeting_unrecorded"
        return [Say(greeting, barge_in=False), Say("how_can_i_help"), Listen(expect="need")]

    def on_input(self, heard: Heard) -> list[Action]:
        self.turns += 1
        if heard.hung_up:
            return [End(NextStep.HANGUP, Outcome.CALLER_HUNG_UP)]
        if heard.dtmf:
            return self._on_dtmf(heard.dtmf)
        if heard.silence or heard.rejected or not heard.text.strip():
            return self._on_nothing(heard)
        result = self.understand(heard.text, self.now(), None)
        intent = getattr(result, "intent", "other")
        return self._on_intent(intent, heard.text)

    # --- branches --------------------------------------------------------------
    def _on_dtmf(self, digits: str) -> list[Action]:
        if digits.startswith("0"):
            return self._transfer("caller pressed 0")
        if digits.startswith("1"):
            return self._callback("booking request by keypad", kind="booking")
        if digits.startswith("2"):
            return self._callback("hours question by keypad", kind="question")
        if digits.startswith("3"):
            return self._callback("appointment change or cancellation by keypad", kind="change")
        return [Say("menu_dtmf"), Listen(expect="menu", max_digits=1)]

    def _on_nothing(self, heard: Heard) -> list[Action]:
        self.silences += 1
        if self.silences == 1:
            return [Say("silence" if heard.silence else "sorry_again"), Listen(expect="need")]
        if self.silences == 2:
            return [Say("menu_dtmf"), Listen(expect="menu", max_digits=1)]
        return [End(NextStep.VOICEMAIL, Outcome.VOICEMAIL, summary="caller not understood")]

    def _on_intent(self, intent: str, text: str) -> list[Action]:
        if intent in ("emergency",):
            self.events.append(Event(EventKind.EMERGENCY, {"text": text}))
            return self._transfer("emergency", outcome=Outcome.EMERGENCY)
        if intent == "talk_to_staff":
            return self._transfer("caller asked for staff")
        if intent == "wrong_number":
            return [Say("goodbye"), End(NextStep.HANGUP, Outcome.WRONG_NUMBER)]
        if intent == "other" and self.retries < self.max_retries:
            self.retries += 1
            return [Say("sorry_again"), Listen(expect="need")]
        return self._callback(f"caller request: {intent}", kind=intent)

    def _transfer(self, why: str, outcome: Outcome = Outcome.TRANSFERRED) -> list[Action]:
        return [Say("transfer", barge_in=False), End(NextStep.TRANSFER, outcome, summary=why)]

    def _callback(self, why: str, kind: str) -> list[Action]:
        self.events.append(Event(EventKind.CALLBACK, {"reason": why, "kind": kind}))
        return [Say("callback_promise"), Say("goodbye"), End(NextStep.HANGUP, Outcome.CALLBACK, summary=why)]
