"""Approving a booking request: into the EMR when the clinic allows writes, else "entered by hand".

The EMR write is the one every booking uses (``appliance.data.emr.booking.write_appointment``): one
SERIALIZABLE transaction that re-checks the slot against the EMR's appointments and every other booking
request waiting for staff, retried on a write conflict; an appointment already in the EMR for this patient
at this time (staff typed it, or an earlier approval that lost its answer) counts as success, so approving
twice never books twice.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from appliance.data.crm import utcnow
from appliance.data.crm_records import BookingRequest
from appliance.data.emr.booking import write_appointment
from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)


@dataclasses.dataclass
class Approval:
    status: str  # booked (in the EMR) | manual (staff enter it themselves) | taken (slot no longer free)
    appointment_id: str | None = None
    message: str = ""


def emr_writable(config: Config, emr: Any, row: BookingRequest) -> bool:
    return config.emr_booking == "emr" and emr is not None and bool(emr.can_book) and bool(row.patient_id)


def write_to_emr(row: BookingRequest, *, emr: Any, facts: Any, memo: str) -> Approval:
    """Book ``row`` into the EMR (raises ``EMRUnavailable`` when the EMR cannot be reached)."""
    got = write_appointment(emr, facts, request_id=row.id, patient_id=str(row.patient_id), start=row.start,
                            duration=row.duration_min, treatment=row.treatment, doctor=row.doctor, memo=memo)
    if got.status == "taken":
        return Approval("taken", message="그 시간은 이미 찼습니다.")
    if got.already:
        return Approval("booked", got.appointment_id, "이미 EMR에 있는 예약입니다.")
    BookingRequest.update(doctor=got.doctor, chair=got.chair).where(BookingRequest.id == row.id).execute()
    _LOGGER.info("booking request %s approved into the EMR", row.id)
    return Approval("booked", got.appointment_id)


def mark_approved(row: BookingRequest, approval: Approval, actor: str) -> None:
    meta = dict(row.meta) if isinstance(row.meta, dict) else {}
    meta.update(approved_by=actor, approved_at=utcnow().isoformat(timespec="seconds"),
                entered_by_hand=approval.status == "manual")
    BookingRequest.update(status="booked" if approval.status == "booked" else "confirmed",
                          emr_appointment_id=approval.appointment_id or row.emr_appointment_id,
                          meta=meta, updated_at=utcnow()).where(BookingRequest.id == row.id).execute()
