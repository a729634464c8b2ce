"""Approving a booking request: into the EMR when the clinic allows writes, else "entered by hand".

The EMR write re-checks the slot in one SERIALIZABLE transaction against the EMR's appointments and every
other booking request waiting for staff (``booking.requested_busy``), exactly as a call's own booking does;
an appointment already in the EMR for this patient at this time (staff typed it, or an earlier approval
that lost its answer) counts as success, so approving twice never books twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import random
import time
from typing import Any

from appliance.data.crm import utcnow
from appliance.data.crm_records import BookingRequest
from appliance.data.emr.model import TREATMENT_KO

_LOGGER = logging.getLogger(__name__)

MAX_TRIES = 6


@dataclasses.dataclass
class Approval:
    status: str  # booked (in the EMR) | manual (staff enter it themselves) | taken (slot no longer free)
    appointment_id: str | None = None
    message: str = ""


def emr_writable(config: Any, emr: Any, row: BookingRequest) -> bool:
    return (str(getattr(config, "emr_booking", "request")) == "emr" and emr is not None
            and bool(getattr(emr, "can_book", False)) and bool(row.patient_id))


def write_to_emr(row: BookingRequest, *, emr: Any, facts: Any, memo: str) -> Approval:
    """Book ``row`` into the EMR (raises ``EMRUnavailable`` when the EMR cannot be reached)."""
    from appliance.data.clinic import slots as slotlib
    from appliance.data.emr import drivers
    from appliance.data.emr.booking import requested_busy
    from appliance.errors import EMRUnavailable

    prof = emr.profile
    day = row.start.date()
    for attempt in range(1, MAX_TRIES + 1):
        conn = drivers.connect(emr.url, read_only=False, connect_timeout=emr.connect_timeout,
                               statement_timeout=max(emr.statement_timeout, 5.0))
        try:
            conn.begin(serializable=True)
            rows = conn.query(prof.sql("appointments_between", emr.dialect),
                              emr.params({"date_from": day, "date_to": day}))
            existing = [emr.appointment(r) for r in rows]
            mine = [a for a in existing if a.patient_id == str(row.patient_id) and a.start == row.start
                    and a.status in ("booked", "confirmed")]
            if mine:
                conn.rollback()
                return Approval("booked", mine[0].id, "이미 EMR에 있는 예약입니다.")
            busy = existing + [a for a in requested_busy(day, day) if a.id != f"req{row.id}"]
            slot = slotlib.slot_is_free(facts, busy, row.start, row.duration_min, row.doctor)
            if slot is None:
                conn.rollback()
                return Approval("taken", message="그 시간은 이미 찼습니다.")
            info = facts.doctor(slot.doctor)
            params = emr.params({
                "patient_id": row.patient_id, "date": day, "time": row.start.time(),
                "duration_min": row.duration_min, "doctor_id": info.emr_id if info else None,
                "chair_id": slot.chair, "treatment_name": TREATMENT_KO.get(row.treatment or "", row.treatment),
                "memo": memo, "now": dt.datetime.now(),
            })
            conn.execute(prof.sql("book_appointment", emr.dialect), params)
            got = conn.query(prof.sql("booked_id", emr.dialect), params)
            conn.commit()
            appointment_id = str(got[0]["id"]) if got and got[0].get("id") is not None else None
            BookingRequest.update(doctor=slot.doctor, chair=slot.chair).where(BookingRequest.id == row.id).execute()
            return Approval("booked", appointment_id)
        except drivers.WriteConflict:
            conn.rollback()
            if attempt == MAX_TRIES:
                raise EMRUnavailable("the EMR kept reporting write conflicts; try again") from None
            time.sleep(random.uniform(0.02, 0.1) * attempt)
        except Exception:
            conn.rollback()
            raise
        finally:
            conn.close()
    raise EMRUnavailable("unreachable")  # pragma: no cover


def mark_approved(row: BookingRequest, approval: Approval, actor: str) -> None:
    meta = dict(row.meta) if isinstance(row.meta, dict) else {}
    meta.update(approved_by=actor, approved_at=utcnow().isoformat(timespec="seconds"),
                entered_by_hand=approval.status == "manual")
    BookingRequest.update(status="booked" if approval.status == "booked" else "confirmed",
                          emr_appointment_id=approval.appointment_id or row.emr_appointment_id,
                          meta=meta, updated_at=utcnow()).where(BookingRequest.id == row.id).execute()
