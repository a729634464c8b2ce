"""Booking exactly once: into the EMR when the profile has writes and the clinic enabled them
(``emr_booking = emr``), otherwise as a ``BookingRequest`` in the CRM that staff confirm.

Both paths re-check the slot inside a transaction (SERIALIZABLE on the EMR, the CRM booking mutex for
requests), so two concurrent calls for the last free chair cannot both win. The idempotency key (one per
call step, e.g. ``f"{call_uniqueid}:book"``) is unique in the CRM: a retried or duplicated step returns the
first result instead of booking again. When the EMR is down the booking becomes a request (nothing lost).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import random
import time
from typing import Any

import peewee

from appliance.data import crm_records, phone as phones
from appliance.data.clinic import slots as slotlib
from appliance.data.clinic.facts import Facts
from appliance.data.crm import utcnow
from appliance.data.emr import drivers
from appliance.data.emr.model import TREATMENT_KO, Appointment
from appliance.errors import EMRUnavailable

_LOGGER = logging.getLogger(__name__)
STALE_PENDING_S = 30.0


@dataclasses.dataclass
class BookingResult:
    status: str  # booked (in the EMR) | requested (staff confirm) | taken (slot no longer free) | invalid
    start: dt.datetime
    request_id: int | None = None
    appointment_id: str | None = None
    duplicate: bool = False  # an earlier attempt with the same key already decided this
    doctor: str | None = None
    chair: str | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.status in ("booked", "requested")


def _result(row: crm_records.BookingRequest, duplicate: bool) -> BookingResult:
    return BookingResult(status=row.status, start=row.start, request_id=row.id,
                         appointment_id=row.emr_appointment_id, duplicate=duplicate, doctor=row.doctor,
                         chair=row.chair, message=row.note or "")


def _requests_as_busy(exclude_id: int | None, start: dt.datetime) -> list[Appointment]:
    """The other booking requests of that day, as appointments (``requested_busy`` but this one)."""
    return [a for a in requested_busy(start.date(), start.date()) if a.id != f"req{exclude_id}"]


def requested_busy(date_from: dt.date, date_to: dt.date) -> list[Appointment]:
    """Booking requests staff have not confirmed yet, as appointments: pass them to ``find_slots(...,
    extra_busy=...)`` so a call never offers a slot another call just requested."""
    BR = crm_records.BookingRequest
    rows = BR.select().where(BR.status == "requested", BR.start >= dt.datetime.combine(date_from, dt.time(0)),
                             BR.start < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(0)))
    return [Appointment(id=f"req{r.id}", patient_id=r.patient_id, start=r.start, duration_min=r.duration_min,
                        doctor=r.doctor, chair=r.chair, status="booked") for r in rows
            if not (r.meta or {}).get("action")]


def book(*, key: str, patient_id: str | None, start: dt.datetime, treatment: str | None, facts: Facts,
         emr: Any = None, phone: str | None = None, doctor: str | None = None, duration_min: int | None = None,
         call_id: int | None = None, memo: str | None = None, source: str = "call",
         wait_s: float = 10.0) -> BookingResult:
    """Book ``start`` for ``patient_id`` once per ``key``; see the module docstring."""
    duration = duration_min or facts.duration(treatment)
    # 1. claim the idempotency key (or return what the first attempt decided)
    row, claimed = _claim(key, patient_id, phone, treatment, start, duration, doctor, call_id, source, wait_s)
    if not claimed:
        return _result(row, duplicate=True)
    if not slotlib.fits_hours(facts, start, duration):
        return _finish(row, "invalid", note="outside opening hours, lunch or a closed day")
    # 2. into the EMR when allowed
    if emr is not None and emr.can_book and patient_id:
        try:
            return _book_emr(row, emr, facts, patient_id, start, duration, treatment, doctor, memo)
        except EMRUnavailable as exc:
            crm_records.record_emr_event("outage", "book_appointment", str(exc))
            _LOGGER.warning("EMR booking failed, keeping it as a request: %s", exc)
    # 3. otherwise a request staff confirm
    return _book_request(row, emr, facts, start, duration, doctor)


def _claim(key, patient_id, phone, treatment, start, duration, doctor, call_id, source, wait_s):
    BR = crm_records.BookingRequest
    try:
        row = BR.create(idempotency_key=key, patient_id=patient_id, phone=phones.canonical(phone),
                        treatment=treatment, start=start, duration_min=duration, doctor=doctor, call_id=call_id,
                        source=source, status="pending")
        return row, True
    except peewee.IntegrityError:
        pass
    deadline = time.monotonic() + wait_s
    while True:
        row = BR.get(BR.idempotency_key == key)
        if row.status != "pending":
            return row, False
        if (utcnow() - row.updated_at).total_seconds() > STALE_PENDING_S:
            # the first attempt died mid-way: take over (the EMR path finds its insert if it happened)
            n = BR.update(updated_at=utcnow()).where(BR.id == row.id, BR.updated_at == row.updated_at).execute()
            if n:
                return BR.get_by_id(row.id), True
        if time.monotonic() > deadline:
            return row, False
        time.sleep(0.05)


def _finish(row: crm_records.BookingRequest, status: str, **fields: Any) -> BookingResult:
    fields.update(status=status, updated_at=utcnow())
    crm_records.BookingRequest.update(**fields).where(crm_records.BookingRequest.id == row.id).execute()
    for k, v in fields.items():
        setattr(row, k, v)
    _LOGGER.info("booking %s: %s", row.id, status)
    return _result(row, duplicate=False)


@dataclasses.dataclass(frozen=True)
class EmrWrite:
    """What writing an appointment into the EMR came to (``write_appointment``)."""

    status: str  # booked | taken (the slot is no longer free)
    appointment_id: str | None = None
    doctor: str | None = None
    chair: str | None = None
    already: bool = False  # it was in the EMR already (an earlier try of the same booking, or staff)


def write_appointment(emr: Any, facts: Facts, *, request_id: int, patient_id: str, start: dt.datetime,
                      duration: int, treatment: str | None, doctor: str | None, memo: str,
                      tries: int = 8) -> EmrWrite:
    """Write one appointment into the EMR in a SERIALIZABLE transaction (calls, and staff approving a request):
    idempotent (the same patient and start already there: ``booked``, ``already``), the slot re-checked against
    the EMR and the CRM's other requests (else ``taken``), retried on a write conflict. ``EMRUnavailable`` when
    the EMR cannot be written or keeps conflicting."""
    prof = emr.profile
    attempt = 0
    while True:
        attempt += 1
        conn = drivers.connect(emr.url, read_only=False, connect_timeout=emr.connect_timeout,
                               statement_timeout=max(emr.statement_timeout, 5.0))
        try:
            conn.begin(serializable=True)
            rows = conn.query(prof.sql("appointments_between", emr.dialect),
                              emr.params({"date_from": start.date(), "date_to": start.date()}))
            existing = [emr.appointment(r) for r in rows]
            mine = [a for a in existing if a.patient_id == str(patient_id) and a.start == start
                    and a.status in ("booked", "confirmed")]
            if mine:  # an earlier attempt of this key (or staff) already put it in: idempotent success
                conn.rollback()
                return EmrWrite("booked", mine[0].id, mine[0].doctor, mine[0].chair, already=True)
            busy = existing + _requests_as_busy(request_id, start)
            slot = slotlib.slot_is_free(facts, busy, start, duration, doctor)
            if slot is None:
                conn.rollback()
                return EmrWrite("taken")
            info = facts.doctor(slot.doctor)
            params = emr.params({
                "patient_id": patient_id, "date": start.date(), "time": start.time(), "duration_min": duration,
                "doctor_id": info.emr_id if info else None, "chair_id": slot.chair,
                "treatment_name": TREATMENT_KO.get(treatment or "", treatment), "memo": memo,
                "now": dt.datetime.now(),
            })
            conn.execute(prof.sql("book_appointment", emr.dialect), params)
            got = conn.query(prof.sql("booked_id", emr.dialect), params)
            conn.commit()
            appointment_id = str(got[0]["id"]) if got and got[0].get("id") is not None else None
            return EmrWrite("booked", appointment_id, slot.doctor, slot.chair)
        except drivers.WriteConflict:
            conn.rollback()
            if attempt >= tries:
                raise EMRUnavailable("EMR booking kept conflicting; try again") from None
            time.sleep(random.uniform(0.02, 0.1) * attempt)
        except Exception:
            conn.rollback()
            raise
        finally:
            conn.close()


def _book_emr(row, emr, facts, patient_id, start, duration, treatment, doctor, memo) -> BookingResult:
    got = write_appointment(emr, facts, request_id=row.id, patient_id=patient_id, start=start, duration=duration,
                            treatment=treatment, doctor=doctor, memo=memo or "AI 전화 예약")
    if got.status == "taken":
        return _finish(row, "taken", note="slot taken")
    return _finish(row, "booked", emr_appointment_id=got.appointment_id, doctor=got.doctor, chair=got.chair)


def _book_request(row, emr, facts, start, duration, doctor) -> BookingResult:
    appointments: list[Appointment] | None = None
    checked = True
    if emr is not None:
        try:
            appointments = emr.appointments_between(start.date(), start.date())
        except EMRUnavailable as exc:
            crm_records.record_emr_event("outage", "appointments_between", str(exc))
            checked = False
    with crm_records.crm_lock("booking"):
        busy = list(appointments or []) + _requests_as_busy(row.id, start)
        slot = slotlib.slot_is_free(facts, busy, start, duration, doctor)
        if slot is None:
            return _finish(row, "taken", note="slot taken")
        note = None if checked else "EMR unreachable: availability not checked against the EMR"
        result = _finish(row, "requested", doctor=slot.doctor, chair=slot.chair, note=note)
    if not checked:
        crm_records.record_emr_event("queued", "book", f"booking request {row.id} queued during EMR outage")
    return result


def cancel_request(request_id: int) -> None:
    crm_records.BookingRequest.update(status="cancelled", updated_at=utcnow()).where(
        crm_records.BookingRequest.id == request_id).execute()


def cancel(*, key: str, appointment: Appointment, emr: Any = None, phone: str | None = None,
           call_id: int | None = None, reason: str | None = None) -> BookingResult:
    """Cancel an EMR appointment once per ``key``: in the EMR when writes are enabled, else as a request
    (``meta.action == "cancel"``) that staff carry out. Staff see the result in the booking request list."""
    BR = crm_records.BookingRequest
    try:
        row = BR.create(idempotency_key=key, patient_id=appointment.patient_id, phone=phones.canonical(phone),
                        treatment=appointment.treatment, start=appointment.start,
                        duration_min=appointment.duration_min, doctor=appointment.doctor, chair=appointment.chair,
                        call_id=call_id, status="pending", note=reason,
                        meta={"action": "cancel", "appointment_id": appointment.id})
    except peewee.IntegrityError:
        return _result(BR.get(BR.idempotency_key == key), duplicate=True)
    if emr is not None and emr.can_book and emr.profile.has("cancel_appointment") and appointment.id:
        conn = None
        try:
            conn = drivers.connect(emr.url, read_only=False, connect_timeout=emr.connect_timeout,
                                   statement_timeout=max(emr.statement_timeout, 5.0))
            conn.begin(serializable=False)
            conn.execute(emr.profile.sql("cancel_appointment", emr.dialect),
                         emr.params({"appointment_id": appointment.id}))
            conn.commit()
            return _finish(row, "cancelled", emr_appointment_id=appointment.id)
        except EMRUnavailable as exc:
            crm_records.record_emr_event("outage", "cancel_appointment", str(exc))
        finally:
            if conn is not None:
                conn.close()
    return _finish(row, "requested", emr_appointment_id=appointment.id)
