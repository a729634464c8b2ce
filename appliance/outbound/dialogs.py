"""The outbound conversations, one flow per campaign, as pure dialog objects (same protocol as inbound:
``start()`` and ``on_input(Heard)`` return actions ending in ``Listen`` or ``End``).

Every call: clinic name + AI + recording notice (locked, no barge-in), the purpose in one sentence without
health details, then identity ("김민수 님 되시나요?" when the name can be voiced, else "환자분 본인 되시나요?");
treatment is only discussed after a yes (의료법 art. 21). AD calls say how to refuse right after the
notice (speech or key 9), and a refusal is recorded at once and confirmed. "직원 연결" / 0 transfers to staff
during opening hours (otherwise a callback). Every answer can be given by speech or by keypad.

Side effects (booking, cancelling, opt-out, callbacks) go through ``ops`` so this module stays pure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from appliance.conversation import outcomes
from appliance.conversation.actions import Action, End, Event, Heard, Listen, Say
from appliance.language import speak

ANSWERED_OK = outcomes.ANSWERED  # a happy call where all is well


class Ops(Protocol):
    def find_slots(self, treatment: str | None, limit: int) -> list[dt.datetime]: ...
    def book(self, start: dt.datetime, treatment: str | None) -> bool: ...
    def reschedule(self, start: dt.datetime) -> bool: ...
    def cancel(self) -> bool: ...
    def opt_out(self, source: str) -> None: ...
    def callback(self, reason: str, priority: int) -> None: ...
    def clinic_open(self) -> bool: ...


def _default_understand(text: str, now: dt.datetime, expect: str | None) -> Any:
    from appliance.language import understand

    return understand(text, now, expect=expect)


PURPOSE = {
    "reminder": "ob_purpose_reminder", "happy_call": "ob_purpose_happy", "implant_checkup": "ob_purpose_implant",
    "insurance_scaling": "ob_purpose_scaling", "recall": "ob_purpose_recall", "insured_treatment": "ob_purpose_insured",
}
RECALL_WHY = {"implant": "ob_recall_why_implant", "gum": "ob_recall_why_gum", "denture": "ob_recall_why_denture",
              "root_canal": "ob_recall_why_tooth", "crown": "ob_recall_why_tooth", "filling": "ob_recall_why_tooth",
              "scaling": "ob_recall_why_scaling"}


@dataclass
class OutboundDialog:
    campaign: str
    kind: str  # INFO | AD
    ops: Ops
    name: str | None = None  # spoken only when the voice can say it
    can_say: Callable[[str], bool] = lambda text: False
    data: dict[str, Any] = field(default_factory=dict)
    detail: str | None = None
    now: Callable[[], dt.datetime] = dt.datetime.now
    understand: Callable[[str, dt.datetime, str | None], Any] = _default_understand
    events: list[Event] = field(default_factory=list)
    state: str = "start"
    outcome: str | None = None  # decided so far (kept if the patient hangs up after it)
    misses: int = 0
    slots: list[dt.datetime] = field(default_factory=list)
    slot_index: int = 0

    # --- opening ----------------------------------------------------------------------------------------
    def start(self) -> list[Action]:
        out: list[Action] = [Say("greeting", barge_in=False)]
        if self.kind == "AD":
            out.append(Say("ob_optout_notice", barge_in=False))
        out.append(Say(PURPOSE[self.campaign]))
        out += self._ask_identity()
        return out

    def _ask_identity(self) -> list[Action]:
        self.state = "identity"
        sentence = f"{self.name} 님 되시나요?" if self.name else ""
        if sentence and self.can_say(sentence):
            return [Say(text=sentence), Say("ob_identity_keys"), Listen(expect="yes_no", max_digits=1)]
        return [Say("ob_identity"), Listen(expect="yes_no", max_digits=1)]

    # --- input ------------------------------------------------------------------------------------------
    def on_input(self, heard: Heard) -> list[Action]:
        if heard.hung_up:
            return [End("hangup", self.outcome or outcomes.CALLER_HUNG_UP)]
        intent, answer = self._read(heard)
        # anywhere in the call: refusal, staff, wrong number, call me later
        if intent == "opt_out":
            return self._opt_out("call_dtmf" if heard.dtmf else "call_speech")
        if intent == "emergency" or (intent == "symptom" and self.state not in ("happy", "implant")):
            return self._problem()  # pain, bleeding, swelling: urgent callback, and staff now if open
        if intent == "talk_to_staff":
            return self._staff()
        if intent == "wrong_number":
            return self._end("ob_wrong_number", outcomes.WRONG_NUMBER, "wrong number")
        if intent == "callback_later":
            self.ops.callback("patient asked to be called later", 5)
            return self._end("ob_callback_later", outcomes.CALLBACK, "call back later")
        if intent is None:
            return self._miss()
        handler = getattr(self, f"_on_{self.state}")
        return handler(intent, answer)

    def _read(self, heard: Heard) -> tuple[str | None, str | None]:
        """(intent, answer) from keys or speech; keys are read per state."""
        if heard.dtmf:
            d = heard.dtmf[:1]
            if d == "9" and (self.kind == "AD" or self.state != "identity"):
                return "opt_out", None
            if d == "0":
                return "talk_to_staff", None
            return "key" + d, None
        if heard.silence or heard.rejected or not heard.text.strip():
            return None, None
        expect = {"identity": "yes_no", "reminder": "reminder", "happy": "wellbeing", "offer": "offer",
                  "slot": "proposal", "cancel_confirm": "confirm", "implant": "offer"}.get(self.state)
        result = self.understand(heard.text, self.now(), expect)
        intent = getattr(result, "intent", "other")
        answer = getattr(result, "answer", None)
        if intent == "other" and answer in ("yes", "no"):
            intent = answer
        return intent, answer

    def _miss(self) -> list[Action]:
        self.misses += 1
        if self.misses >= 3:
            self.ops.callback("patient not understood on an outbound call", 6)
            return self._end("ob_callback_later", self.outcome or outcomes.CALLBACK, "not understood")
        return [Say("ob_not_understood")] + self._repeat()

    def _repeat(self) -> list[Action]:
        return {
            "identity": [Say("ob_identity_keys"), Listen(expect="yes_no", max_digits=1)],
            "reminder": [Say("ob_reminder_ask"), Listen(expect="reminder", max_digits=1)],
            "cancel_confirm": [Say("ob_cancel_ask"), Listen(expect="confirm", max_digits=1)],
            "happy": [Say("ob_happy_ask"), Listen(expect="wellbeing", max_digits=1)],
            "implant": [Say("ob_implant_ask"), Listen(expect="offer", max_digits=1)],
            "offer": [Say("ob_offer_booking"), Listen(expect="offer", max_digits=1)],
            "slot": [Say("ob_offer_slot"), Listen(expect="proposal", max_digits=1)],
        }[self.state]

    # --- identity ---------------------------------------------------------------------------------------
    def _on_identity(self, intent: str, answer: str | None) -> list[Action]:
        if intent in ("yes", "key1", "confirm_appointment"):
            self.events.append(Event("identity_confirmed"))
            return self._body()
        if intent in ("no", "key2"):
            self.events.append(Event("not_the_patient"))
            return self._end("ob_not_patient", outcomes.UNREACHABLE, "someone else answered")
        return self._miss()

    def _body(self) -> list[Action]:
        c = self.campaign
        if c == "reminder":
            self.state = "reminder"
            start = dt.datetime.fromisoformat(self.data["appointment"]["start"])
            return [Say(text=speak.say_datetime(start, today=self.now().date())), Say("ob_reminder_ask"),
                    Listen(expect="reminder", max_digits=1)]
        if c == "happy_call":
            self.state = "happy"
            return [Say("ob_happy_ask"), Listen(expect="wellbeing", max_digits=1)]
        if c == "implant_checkup":
            self.state = "implant"
            return [Say("ob_implant_ask"), Listen(expect="offer", max_digits=1)]
        pitch: list[Action] = []
        if c == "insurance_scaling":
            pitch = [Say("ob_scaling_pitch")]
        elif c == "recall":
            pitch = [Say("ob_recall_pitch")]
            if self.detail in RECALL_WHY:
                pitch.append(Say(RECALL_WHY[self.detail]))
        elif c == "insured_treatment":
            pitch = [Say("ob_senior_pitch" if self.data.get("track") == "senior" else "ob_private_pitch")]
        self.state = "offer"
        return pitch + [Say("ob_offer_booking"), Listen(expect="offer", max_digits=1)]

    # --- reminder ---------------------------------------------------------------------------------------
    def _on_reminder(self, intent: str, answer: str | None) -> list[Action]:
        if intent in ("key1", "yes", "confirm_appointment"):
            self.events.append(Event("confirmed"))
            return self._end("ob_confirmed", outcomes.CONFIRMED, "appointment confirmed")
        if intent in ("key2", "reschedule"):
            return self._offer_slots(reschedule=True)
        if intent in ("key3", "cancel", "no"):
            self.state = "cancel_confirm"
            return [Say("ob_cancel_ask"), Listen(expect="confirm", max_digits=1)]
        return self._miss()

    def _on_cancel_confirm(self, intent: str, answer: str | None) -> list[Action]:
        if intent in ("key1", "yes", "cancel"):
            if self.ops.cancel():
                self.events.append(Event("cancelled"))
                return self._end("ob_cancelled", outcomes.CANCELLED, "appointment cancelled")
            self.ops.callback("cancellation failed on an outbound call", 3)
            return self._end("callback_promise", outcomes.CALLBACK, "cancellation needs staff")
        if intent in ("key2", "no", "confirm_appointment"):
            self.events.append(Event("confirmed"))
            return self._end("ob_confirmed", outcomes.CONFIRMED, "kept the appointment")
        if intent == "reschedule":
            return self._offer_slots(reschedule=True)
        return self._miss()

    # --- booking (reschedule, check-up, AD offers) ------------------------------------------------------
    def _treatment(self) -> str | None:
        if self.campaign == "insurance_scaling":
            return "scaling"
        if self.campaign == "reminder":
            return (self.data.get("appointment") or {}).get("treatment")
        return "checkup"

    def _offer_slots(self, reschedule: bool = False) -> list[Action]:
        self.rescheduling = reschedule
        self.slots = self.ops.find_slots(self._treatment(), 3)
        self.slot_index = 0
        if not self.slots:
            self.ops.callback("no free slot found on an outbound call", 4)
            return self._end("ob_no_slot", outcomes.CALLBACK, "no slot found")
        return self._propose()

    def _propose(self) -> list[Action]:
        self.state = "slot"
        slot = self.slots[self.slot_index]
        return [Say(text=speak.say_datetime(slot, today=self.now().date())), Say("ob_offer_slot"),
                Listen(expect="proposal", max_digits=1)]

    def _on_slot(self, intent: str, answer: str | None) -> list[Action]:
        if intent in ("key1", "yes"):
            slot = self.slots[self.slot_index]
            if getattr(self, "rescheduling", False):
                ok = self.ops.reschedule(slot)
                if ok:
                    self.events.append(Event("rescheduled", {"start": slot.isoformat()}))
                    return self._end("ob_rescheduled", outcomes.RESCHEDULED, "appointment moved")
            else:
                ok = self.ops.book(slot, self._treatment())
                if ok:
                    self.events.append(Event("booked", {"start": slot.isoformat()}))
                    return self._end("ob_booked", outcomes.BOOKED, "booked")
            # taken meanwhile: next one
            intent = "key2"
        if intent in ("key2", "no"):
            self.slot_index += 1
            if self.slot_index < len(self.slots):
                return self._propose()
            self.ops.callback("patient wants another time (outbound)", 4)
            return self._end("callback_promise", outcomes.CALLBACK, "wants another time")
        return self._miss()

    # --- happy call / implant check-up --------------------------------------------------------------------
    def _on_happy(self, intent: str, answer: str | None) -> list[Action]:
        if intent in ("key1", "yes", "symptom", "emergency"):
            return self._problem()
        if intent in ("key2", "no"):
            self.events.append(Event("feeling_fine"))
            return self._end("ob_happy_fine", ANSWERED_OK, "feeling fine")
        return self._miss()

    def _on_implant(self, intent: str, answer: str | None) -> list[Action]:
        if intent in ("key1", "symptom", "emergency"):
            return self._problem()
        if intent in ("key2", "yes", "book"):
            return self._offer_slots()
        if intent in ("key3", "no"):
            return self._end("ob_declined", outcomes.DECLINED, "declined the check-up")
        return self._miss()

    def _problem(self) -> list[Action]:
        self.outcome = outcomes.PROBLEM_REPORTED
        self.events.append(Event("problem_reported", {"campaign": self.campaign}))
        self.ops.callback(f"{self.campaign}: pain, bleeding or swelling reported", 1)
        if self.ops.clinic_open():
            return [Say("ob_problem_transfer", barge_in=False),
                    End("transfer", outcomes.PROBLEM_REPORTED, summary="문제 호소: 바로 연결")]
        return self._end("ob_problem_callback", outcomes.PROBLEM_REPORTED, "problem reported after hours")

    # --- AD offer -----------------------------------------------------------------------------------------
    def _on_offer(self, intent: str, answer: str | None) -> list[Action]:
        if intent in ("key1", "yes", "book"):
            return self._offer_slots()
        if intent in ("key2", "no"):
            return self._end("ob_declined", outcomes.DECLINED, "declined")
        return self._miss()

    # --- common endings -----------------------------------------------------------------------------------
    def _opt_out(self, source: str) -> list[Action]:
        self.ops.opt_out(source)
        self.events.append(Event("opted_out", {"source": source}))
        return self._end("ob_opted_out", outcomes.OPTED_OUT, "opted out", barge_in=False)

    def _staff(self, emergency: bool = False) -> list[Action]:
        if self.ops.clinic_open():
            self.outcome = self.outcome or outcomes.TRANSFERRED
            return [Say("transfer", barge_in=False), End("transfer", self.outcome, summary="환자 요청: 직원 연결")]
        self.ops.callback("patient asked for staff (outbound, after hours)", 2 if emergency else 4)
        return self._end("ob_staff_unavailable", outcomes.CALLBACK, "asked for staff after hours")

    def _end(self, key: str, outcome: str, summary: str, barge_in: bool = True) -> list[Action]:
        self.outcome = outcome
        self.state = "done"
        return [Say(key, barge_in=barge_in), End("hangup", outcome, summary=summary)]


@dataclass
class VoicemailDialog:
    """An answering machine: one short message without any health detail, then hang up."""

    events: list[Event] = field(default_factory=list)

    def start(self) -> list[Action]:
        return [Say("ob_voicemail", barge_in=False), End("hangup", outcomes.VOICEMAIL_LEFT, summary="voicemail")]

    def on_input(self, heard: Heard) -> list[Action]:  # pragma: no cover - never listens
        return [End("hangup", outcomes.VOICEMAIL_LEFT)]

