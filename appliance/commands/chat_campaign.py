"""``dentalcall chat --campaign NAME [--patient ID]``: a campaign call in text, the patient's side typed.

The call is built the way the dialer builds it: a task for one patient's phone with the campaign's data
(for a reminder, every appointment that day of the patients on that phone: one call per phone), and the
same side effects as a real call (``CallOps``: bookings, cancellations, opt-outs, callbacks in the CRM, the
EMR when it takes writes). With ``--demo`` the throwaway demo EMR also gets two appointments tomorrow for the
family phone's children, so a family's reminder can be tried (``--patient 2``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from appliance.data import phone as phones
from appliance.data.emr.model import age_on

DEFAULT_PATIENT = "1"


@dataclasses.dataclass
class ChatTask:
    """What ``CallOps`` reads of a dialer task."""

    id: str
    campaign: str
    kind: str
    patient_id: str
    phone: str
    data: dict[str, Any]
    detail: str | None = None


def add_demo_family_appointments(emr_url: str, today: dt.date) -> dt.date:
    """Two appointments on the next open day for the demo family's children (patients 2 and 3)."""
    from appliance.data.emr import drivers

    day = today + dt.timedelta(days=1)
    if day.weekday() == 6:
        day += dt.timedelta(days=1)
    conn = drivers.connect(emr_url, read_only=False, connect_timeout=5, statement_timeout=10)
    try:
        conn.begin(serializable=False)
        for pid, hhmm in (("2", "1500"), ("3", "1530")):
            conn.execute("INSERT INTO RESERVATION (RSV_PTID, RSV_DATE, RSV_TIME, RSV_MIN, RSV_DRID, RSV_CHAIR,"
                         " RSV_STATUS, RSV_TXNAME) VALUES (:p, :d, :t, 30, 1, 1, 'R', '정기검진')",
                         {"p": int(pid), "d": day.strftime("%Y%m%d"), "t": hhmm})
        conn.commit()
    finally:
        conn.close()
    return day


def _appointment(appt: Any, patient: Any, today: dt.date) -> dict[str, Any]:
    age = age_on(patient.birth_date, today) if patient is not None else None
    return {"id": appt.id, "patient_id": str(appt.patient_id), "start": appt.start.isoformat(),
            "duration_min": appt.duration_min, "doctor": appt.doctor, "chair": appt.chair,
            "treatment": appt.treatment, "minor": age is not None and age < 14}


def _reminder_data(emr: Any, patient: Any, now: dt.datetime) -> dict[str, Any]:
    """The patient's next appointment day, with the appointments that day of everyone on the same phone."""
    mine = emr.upcoming_appointments(patient.id, now)
    if not mine:
        raise LookupError(f"patient {patient.id} has no upcoming appointment to remind")
    day = mine[0].start.date()
    family = emr.find_patients_by_phone(patient.phones[0]) if patient.phones else [patient]
    appts = []
    for person in family:
        for appt in emr.upcoming_appointments(person.id, now):
            if appt.start.date() == day:
                appts.append(_appointment(appt, person, now.date()))
    appts.sort(key=lambda a: a["start"])
    return {"appointments": appts} if len(appts) > 1 else {"appointment": appts[0]}


def _last_treatment(emr: Any, patient_id: str) -> tuple[str | None, dt.date | None]:
    for visit in emr.list_visits(patient_id, limit=20):
        for treatment in visit.treatments:
            if treatment.category:
                return treatment.category, visit.date
    return None, None


def build_task(campaign: str, emr: Any, patient_id: str | None, now: dt.datetime) -> ChatTask:
    """The task the dialer would make for this patient and campaign (data read from the EMR now)."""
    from appliance.outbound import campaigns

    kind = campaigns.get(campaign).kind
    if patient_id is None:
        patient_id = DEFAULT_PATIENT
        if campaign == "reminder":
            soon = emr.appointments_between(now.date() + dt.timedelta(days=1), now.date() + dt.timedelta(days=14))
            patient_id = next((str(a.patient_id) for a in soon if a.patient_id and a.status == "booked"), None)
            if patient_id is None:
                raise LookupError("no upcoming appointment in the EMR to remind")
    patient = emr.get_patient(str(patient_id))
    if patient is None or not patient.phones:
        raise LookupError(f"patient {patient_id} not found in the EMR (or has no phone)")
    detail = None
    data: dict[str, Any]
    if campaign == "reminder":
        data = _reminder_data(emr, patient, now)
    elif campaign == "happy_call":
        treatment, day = _last_treatment(emr, patient.id)
        data = {"treatment": treatment or "extraction", "treated_on": (day or now.date()).isoformat()}
    elif campaign == "implant_checkup":
        data = {"surgery_on": (now.date() - dt.timedelta(days=30)).isoformat(), "tooth": None}
    elif campaign == "recall":
        detail, _ = _last_treatment(emr, patient.id)
        data = {"track": "recall"}
    elif campaign == "insured_treatment":
        age = age_on(patient.birth_date, now.date())
        data = {"track": "senior" if age is not None and age >= 65 else "private"}
    else:
        data = {}
    phone = phones.canonical(patient.phones[0]) or patient.phones[0]
    return ChatTask(id=f"chat{now:%Y%m%d%H%M%S}", campaign=campaign, kind=kind, patient_id=str(patient.id),
                    phone=phone, data=data, detail=detail)


def landed_since(task: ChatTask, marks: dict[str, int]) -> dict[str, Any]:
    """What the call left in the CRM: booking requests (bookings, moves, cancellations), opt-outs, callbacks."""
    from appliance.data import crm_records as records

    BR = records.BookingRequest
    requests = [{"status": r.status, "action": (r.meta or {}).get("action", "book"),
                 "start": r.start.isoformat(timespec="minutes"), "patient_id": r.patient_id}
                for r in BR.select().where(BR.idempotency_key.startswith(f"ob{task.id}:")).order_by(BR.id)]
    opt_outs = [{"scope": o.scope, "source": o.source} for o in
                records.OptOut.select().where(records.OptOut.id > marks["opt_out"])]
    callbacks = [{"reason": c.reason, "priority": c.priority} for c in
                 records.Callback.select().where(records.Callback.id > marks["callback"])]
    return {"booking_requests": requests, "opt_outs": opt_outs, "callbacks": callbacks}


def marks() -> dict[str, int]:
    from appliance.data import crm_records as records

    def last(model: Any) -> int:
        row = model.select(model.id).order_by(model.id.desc()).first()
        return row.id if row else 0

    return {"opt_out": last(records.OptOut), "callback": last(records.Callback)}


def campaign_dialog(task: ChatTask, *, config: Any, facts: Any, emr: Any, now: dt.datetime) -> Any:
    from appliance.conversation.campaigns import CampaignDialog
    from appliance.outbound import queue
    from appliance.outbound.calls import CallOps

    queue.ensure_tables()
    ops = CallOps(task, config=config, facts=facts, emr=emr, clock=lambda: now)  # type: ignore[arg-type]
    return CampaignDialog(campaign=task.campaign, kind=task.kind, ops=ops, facts=facts, patient_id=task.patient_id,
                          data=task.data, detail=task.detail, can_say=lambda text: True, now=lambda: now,
                          recorded=False)


__all__ = ["ChatTask", "add_demo_family_appointments", "build_task", "campaign_dialog", "landed_since", "marks"]
