"""The FastAGI ``outbound`` route: a campaign call the dialer originated was answered.

Asterisk lands the answered callee in ``[dentalcall-outbound]`` with ``DENTALCALL_TASK`` and
``DENTALCALL_ATTEMPT`` set. Here: re-arm the watchdog, check the attempt is still ours (a late or duplicated
channel is hung up, never talked to twice), run answering machine detection (setting ``outbound_amd``), run
the campaign's dialog through ``engine.converse`` and record the result on the attempt and the task.
Side effects happen when the patient decides (``CallOps``), so a crash after "9" still leaves the opt-out.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Collection

from appliance.conversation import outcomes
from appliance.conversation.campaigns import CampaignDialog, People, VoicemailDialog, appointments_of
from appliance.conversation.factory import with_test_transcripts
from appliance.data import crm_records, opt_outs, phone as phones
from appliance.data.calllog import CallLog
from appliance.errors import CallerHungUp
from appliance.outbound import queue
from appliance.outbound.clock import Clock

_LOGGER = logging.getLogger(__name__)
MAX_CALL_SECONDS = 900


class CallOps:
    """What a campaign dialog may do to the world, for one task (idempotent per task: keys ``ob<task>:...``)."""

    def __init__(self, task: queue.Task, *, config: Any, facts: Any, emr: Any, clock: Clock,
                 call_id: int | None = None):
        self.task = task
        self.config = config
        self.facts = facts
        self.emr = emr
        self.clock = clock
        self.call_id = call_id

    def _appointment(self, a: dict[str, Any]) -> Any:
        from appliance.data.emr.model import Appointment

        return Appointment(id=a.get("id"), patient_id=a.get("patient_id") or self.task.patient_id,
                           start=dt.datetime.fromisoformat(a["start"]), duration_min=int(a.get("duration_min") or 30),
                           doctor=a.get("doctor"), chair=a.get("chair"), treatment=a.get("treatment"))

    @staticmethod
    def _ref(a: dict[str, Any]) -> str:
        return str(a.get("id") or a["start"])

    def people(self) -> People | None:
        """The task's patients and the others on its phone, read from the EMR now (birth dates for the identity
        step are never carried in the task); None when the EMR cannot be read."""
        if self.emr is None:
            return None
        try:
            ids = [self.task.patient_id] + [a["patient_id"] for a in appointments_of(self.task.data or {},
                                                                                     self.task.patient_id)]
            concerned = []
            for pid in dict.fromkeys(str(i) for i in ids if i):
                patient = self.emr.get_patient(pid)
                if patient is not None and patient.status != "deceased":  # an inactive chart is still theirs
                    concerned.append(patient)
            known = {p.id for p in concerned}
            others = [p for p in self.emr.find_patients_by_phone(self.task.phone)
                      if p.id not in known and p.status != "deceased"]
        except Exception as exc:  # a dead EMR: nobody can be verified now, the call is tried again later
            _LOGGER.warning("task %s: patients for the identity step unavailable: %s", self.task.id, type(exc).__name__)
            return None
        return People(concerned=concerned, others=others)

    def find_slots(self, treatment: str | None, limit: int, avoid: Collection[dt.date] = ()) -> list[dt.datetime]:
        from appliance.data.clinic import slots
        from appliance.data.emr import booking

        if self.facts is None:
            return []
        now = self.clock()
        d0 = now.date() + dt.timedelta(days=1)
        d1 = now.date() + dt.timedelta(days=14)
        try:
            found = slots.find_slots(treatment, d0, d1, None, limit=limit, facts=self.facts, emr=self.emr, now=now,
                                     extra_busy=booking.requested_busy(d0, d1), avoid=avoid)
        except Exception:
            _LOGGER.exception("task %s: slot search failed", self.task.id)
            return []
        return [s.start for s in found]

    def book(self, start: dt.datetime, treatment: str | None, patient_id: str | None = None) -> bool:
        from appliance.data.emr import booking

        result = booking.book(key=f"ob{self.task.id}:book", patient_id=patient_id or self.task.patient_id, start=start,
                              treatment=treatment, facts=self.facts, emr=self.emr, phone=self.task.phone,
                              call_id=self.call_id, source="campaign", memo=f"AI 전화 ({self.task.campaign})")
        _LOGGER.info("task %s: booking %s", self.task.id, result.status)
        return result.ok

    def reschedule(self, appointment: dict[str, Any], start: dt.datetime) -> bool:
        from appliance.data.emr import booking

        old = self._appointment(appointment)
        ref = self._ref(appointment)
        result = booking.book(key=f"ob{self.task.id}:move:{ref}", patient_id=old.patient_id, start=start,
                              treatment=old.treatment, facts=self.facts, emr=self.emr, phone=self.task.phone,
                              call_id=self.call_id, source="campaign", memo="AI 전화 예약 변경")
        if not result.ok:
            return False
        booking.cancel(key=f"ob{self.task.id}:cancel-old:{ref}", appointment=old, emr=self.emr, phone=self.task.phone,
                       call_id=self.call_id, reason="moved on a reminder call")
        return True

    def cancel(self, appointment: dict[str, Any]) -> bool:
        from appliance.data.emr import booking

        result = booking.cancel(key=f"ob{self.task.id}:cancel:{self._ref(appointment)}",
                                appointment=self._appointment(appointment), emr=self.emr,
                                phone=self.task.phone, call_id=self.call_id, reason="cancelled on a reminder call")
        _LOGGER.info("task %s: cancellation %s", self.task.id, result.status)
        return result.status in ("cancelled", "requested")

    def opt_out(self, source: str, scope: str) -> None:
        # stored, and nothing else queued for this number or patient that the scope refuses may ring or text them
        opt_outs.record(self.task.phone, self.task.patient_id, source=source, scope=scope,
                        note=f"campaign {self.task.campaign}", now=self.clock())

    def callback(self, reason: str, priority: int, note: str | None = None) -> None:
        text = f"campaign {self.task.campaign}" + (f": {note}" if note else "")
        crm_records.add_callback(reason[:64], phone=self.task.phone, patient_id=self.task.patient_id,
                                 priority=priority, call_id=self.call_id, note=text)

    def clinic_open(self) -> bool:
        return bool(self.facts is not None and self.facts.is_open_at(self.clock()))


async def handle_outbound(engine: Any, agi: Any) -> None:
    """Route ``outbound``: every database step runs off the audio loop (``engine.off_loop``)."""
    await agi.exec("Set", f"TIMEOUT(absolute)={MAX_CALL_SECONDS}")
    clinic, config = engine.clinic, engine.config
    facts, emr, clock = clinic.facts, clinic.emr, clinic.clock
    try:
        task_id = int(await agi.get_variable("DENTALCALL_TASK") or 0)
        attempt_id = int(await agi.get_variable("DENTALCALL_ATTEMPT") or 0)
    except ValueError:
        task_id = attempt_id = 0
    attempt = await engine.off_loop(_live_attempt, attempt_id, task_id, clock())
    if attempt is None:
        _LOGGER.warning("outbound call %s: no live attempt %s for task %s; hanging up", agi.uniqueid, attempt_id,
                        task_id)
        await agi.set_variable("DENTALCALL_NEXT", "hangup")
        return
    task = attempt.task
    _LOGGER.info("outbound call %s: task %s (%s) answered", agi.uniqueid, task.id, task.campaign)
    retry = queue.retry_minutes(config)
    dialog: Any = None
    amd = str(config.outbound_amd or "off")
    if amd != "off":
        try:
            await agi.exec("AMD")
            status = (await agi.get_variable("AMDSTATUS")) or ""
        except CallerHungUp:
            await engine.off_loop(lambda: queue.finish_attempt(attempt.id, queue.NO_ANSWER, clock(),
                                                               reason="hung up during AMD", retry_minutes=retry))
            return
        if status == "MACHINE":
            if amd == "hangup":
                await engine.off_loop(lambda: queue.finish_attempt(attempt.id, queue.MACHINE, clock(),
                                                                   reason="AMD MACHINE", retry_minutes=retry))
                await agi.set_variable("DENTALCALL_NEXT", "hangup")
                return
            dialog = VoicemailDialog(kind=task.kind, clinic_phone=(facts.phone if facts else None)
                                     or config.outbound_callerid or None)
    number = phones.digits(config.outbound_callerid or (facts.phone if facts else ""))
    log = await engine.open_call("outbound", uniqueid=agi.uniqueid, channel=agi.channel, caller=number,
                                 called=task.phone, campaign=task.campaign,
                                 meta={"task": task.id, "attempt": attempt.id})
    await engine.off_loop(lambda: log.update(patient_id=task.patient_id))
    if dialog is None:
        ops = CallOps(task, config=config, facts=facts, emr=emr, clock=clock, call_id=log.call.id)
        # the greeting says "녹음됩니다" only when this call's recording runs (campaign calls are not recorded)
        dialog = CampaignDialog(campaign=task.campaign, kind=task.kind, ops=ops, facts=facts,
                                patient_id=task.patient_id, data=task.data or {}, detail=task.detail,
                                can_say=engine.speech.can_say, now=clock, recorded=False)
        dialog = with_test_transcripts(config, dialog)  # test instances only (see conversation.factory)
    outcome = await engine.converse(agi, log, dialog)
    decided = getattr(dialog, "outcome", None)
    if outcome == outcomes.CALLER_HUNG_UP:
        outcome = decided or outcomes.DECLINED
    elif outcome == outcomes.VOICEMAIL and decided:
        outcome = decided
    await engine.off_loop(_settle, attempt.id, outcome, log, clock(), retry)
    _LOGGER.info("outbound call %s: task %s outcome %s", agi.uniqueid, task.id, outcome)


def _live_attempt(attempt_id: int, task_id: int, now: dt.datetime) -> queue.DialAttempt | None:
    """The attempt the dialer placed for this channel, marked in call; None for a late or duplicated channel."""
    queue.ensure_tables()
    # the task comes with the attempt (one query here, none on the audio loop when the call reads it)
    attempt = (queue.DialAttempt.select(queue.DialAttempt, queue.Task).join(queue.Task)
               .where(queue.DialAttempt.id == attempt_id).get_or_none())
    if attempt is None or attempt.task_id != task_id or attempt.status not in queue.IN_FLIGHT:
        return None
    queue.mark(attempt.id, queue.IN_CALL, now)
    return attempt


def _settle(attempt_id: int, outcome: str, log: CallLog, now: dt.datetime, retry: list[int]) -> None:
    if outcome == outcomes.UNREACHABLE:  # someone else answered / nobody spoke: the patient was not reached
        queue.finish_attempt(attempt_id, queue.UNREACHABLE, now, reason="patient not reached", call_id=log.call.id,
                             retry_minutes=retry)
    else:
        queue.finish_attempt(attempt_id, queue.FINISHED, now, outcome=outcome, call_id=log.call.id)
    if log.call.outcome != outcome:
        log.update(meta={**(log.call.meta or {}), "task_outcome": outcome})
