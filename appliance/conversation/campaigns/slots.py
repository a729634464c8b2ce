"""Offering free slots on a campaign call, one at a time: a new visit (check-up, scaling) or new times for one
or several appointments of the call (a family's reminder). A slot taken meanwhile is skipped; when the
patient wants none of the three offered, staff call back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Flow, Step, said_no, said_yes
from appliance.conversation.campaigns.ops import start_of
from appliance.conversation.outcomes import EventKind, Outcome
from appliance.language import speak


@dataclasses.dataclass
class _Job:
    treatment: str | None
    patient_id: str | None
    move: dict[str, Any] | None = None  # the appointment being moved (None: a new booking)


class SlotFlow(Flow):
    def __init__(self, dialog: Any):
        super().__init__(dialog)
        self.jobs: list[_Job] = []
        self.slots: list[dt.datetime] = []
        self.index = 0
        self.several = False
        self.done: list[tuple[_Job, dt.datetime]] = []
        self.avoid: set[dt.date] = set()  # days the patient said do not suit ("그날은 안 돼요" to a reminder)

    def book(self, treatment: str | None, patient_id: str | None, before: list[Action] | None = None) -> Actions:
        self.jobs, self.several, self.done, self.avoid = [_Job(treatment, patient_id)], False, [], set()
        return self._next_job(before or [])

    def move(self, appointments: list[dict[str, Any]], before: list[Action] | None = None,
             avoid: set[dt.date] | None = None) -> Actions:
        """New times for ``appointments``, never on a day in ``avoid``."""
        self.avoid = set(avoid or ())
        self.jobs = [_Job(a.get("treatment"), a.get("patient_id"), a) for a in appointments]
        self.several, self.done = len(self.jobs) > 1, []
        return self._next_job(list(before or []) + ([Say("ob_reschedule_each")] if self.several else []))

    def _today(self) -> dt.date:
        return self.d.now().date()

    def _next_job(self, before: list[Action]) -> Actions:
        if not self.jobs:
            return self._finish()
        job = self.jobs[0]
        self.slots = list(self.d.ops.find_slots(job.treatment, 3, avoid=self.avoid))
        self.index = 0
        if not self.slots:
            self.d.ops.callback("no free slot found on an outbound call", 4, None)
            return self.d.end("ob_no_slot", Outcome.CALLBACK, "no slot found")
        if self.several and job.move is not None:
            before = before + [Say(text=speak.say_datetime(start_of(job.move), today=self._today())),
                               Say("ob_moving_this")]
        return self._propose(before)

    def _propose(self, before: list[Action]) -> Actions:
        slot = self.slots[self.index]
        return self.d.ask("slot", ["ob_offer_slot"],
                          before=before + [Say(text=speak.say_datetime(slot, today=self._today()))])

    def _take(self) -> Actions:
        job = self.jobs[0]
        slot = self.slots[self.index]
        ops = self.d.ops
        ok = ops.reschedule(job.move, slot) if job.move is not None else ops.book(slot, job.treatment, job.patient_id)
        if not ok:  # taken meanwhile: the next one
            return self._other()
        self.d.event(EventKind.RESCHEDULED if job.move is not None else "booked", start=slot.isoformat(),
                     patient_id=job.patient_id)
        self.done.append((self.jobs.pop(0), slot))
        self.d.outcome = Outcome.RESCHEDULED if job.move is not None else Outcome.BOOKED
        return self._next_job([])

    def _other(self) -> Actions:
        self.index += 1
        if self.index < len(self.slots):
            return self._propose([])
        self.d.ops.callback("patient wants another time (outbound)", 4, None)
        return self.d.end("callback_promise", Outcome.CALLBACK, "wants another time")

    def _finish(self) -> Actions:
        moved = any(job.move is not None for job, _ in self.done)
        if moved:
            return self.d.end("ob_rescheduled", Outcome.RESCHEDULED, "appointment moved")
        return self.d.end("ob_booked", Outcome.BOOKED, "booked")

    def _words(self, u: Any, text: str) -> Actions | None:
        if said_yes(u) or u.intent == "book" and not (u.date or u.time):
            return self._take()
        if said_no(u) or u.intent == "reschedule":  # "다른 시간이요"
            return self._other()
        return None

    def _keys(self, digits: str) -> Actions | None:
        if digits[:1] == "1":
            return self._take()
        if digits[:1] == "2":
            return self._other()
        return None

    STEPS = {
        "slot": Step("proposal", _words, _keys, reask=("sorry_again", "ob_offer_slot"), keypad="ob_offer_slot",
                     leads_to=("slot",)),
    }
