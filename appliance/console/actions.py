"""What staff do to work items: mark done (with a note), approve or reject a booking request, call back.

Each action is one short transaction that closes the item exactly once (``work_closure`` is unique per item:
two people clicking "done" at the same moment get "already handled" for the second) and appends a
``work_action`` row with who, when and the note. Messages returned are Korean, for the screen.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import peewee

from appliance.console import booking_approval
from appliance.console.accounts import Staff
from appliance.console.models import WORK_KINDS, WorkClosure, log_action, whose
from appliance.console.workqueue import meta_of
from appliance.data.crm import database, utcnow
from appliance.data.crm_records import BookingRequest, Callback, StaffNote, add_callback
from appliance.errors import ApplianceError
from appliance.voicemail.store import Voicemail

_LOGGER = logging.getLogger(__name__)

MODELS: dict[str, Any] = {"callback": Callback, "booking": BookingRequest, "note": StaffNote, "voicemail": Voicemail}


@dataclasses.dataclass
class Outcome:
    ok: bool
    message: str


def item_row(kind: str, item_id: int) -> Any:
    if kind not in WORK_KINDS:
        return None
    model = MODELS[kind]
    return model.get_or_none(model.id == item_id)


def is_closed(kind: str, item_id: int) -> bool:
    return WorkClosure.select().where(WorkClosure.kind == kind, WorkClosure.item_id == item_id).exists()


def _close(staff: Staff, kind: str, item_id: int, result: str, note: str | None) -> bool:
    """Insert the closure; False when someone closed it first."""
    patient_id, phone = whose(kind, item_id)
    try:
        with database.atomic():
            WorkClosure.create(kind=kind, item_id=item_id, result=result, note=note or None, closed_by=staff.actor,
                               patient_id=patient_id, phone=phone)
    except peewee.IntegrityError:
        return False
    return True


def mark_done(staff: Staff, kind: str, item_id: int, note: str = "") -> Outcome:
    row = item_row(kind, item_id)
    if row is None:
        return Outcome(False, "해당 항목을 찾을 수 없습니다.")
    result = "handled" if kind in ("voicemail", "note") else "done"
    if kind == "booking":
        if meta_of(row).get("action") != "cancel":
            return Outcome(False, "예약 요청은 승인 또는 반려로 처리해 주세요.")
        result = "cancelled_by_hand"
    with database.atomic():
        if not _close(staff, kind, item_id, result, note):
            return Outcome(False, "이미 다른 분이 처리한 항목입니다.")
        now = utcnow()
        if kind == "callback":
            text = "; ".join(x for x in (row.note, f"{staff.label}: {note}" if note else "") if x) or None
            Callback.update(status="done", done_at=now, note=text).where(Callback.id == item_id).execute()
        elif kind == "booking":  # a cancellation staff carried out in the EMR themselves
            BookingRequest.update(status="cancelled", updated_at=now).where(BookingRequest.id == item_id).execute()
        log_action(staff.actor, kind, item_id, "done", result=result, note=note or None)
    _LOGGER.info("%s %s closed by %s (%s)", kind, item_id, staff.name, result)
    return Outcome(True, "처리 완료로 표시했습니다.")


def approve_booking(staff: Staff, item_id: int, note: str, *, config: Any, emr: Any, facts: Any) -> Outcome:
    row = BookingRequest.get_or_none(BookingRequest.id == item_id)
    if row is None or row.status not in ("requested", "pending") or is_closed("booking", item_id):
        return Outcome(False, "이미 처리되었거나 없는 예약 요청입니다.")
    if meta_of(row).get("action") == "cancel":
        return mark_done(staff, "booking", item_id, note)
    approval = booking_approval.Approval("manual", message="EMR 쓰기가 꺼져 있어 직접 입력으로 표시했습니다.")
    if booking_approval.emr_writable(config, emr, row):
        try:
            approval = booking_approval.write_to_emr(row, emr=emr, facts=facts,
                                                     memo=f"AI 전화 예약 (승인 {staff.label})")
        except ApplianceError as exc:
            log_action(staff.actor, "booking", item_id, "approve", result="emr_error", note=str(exc)[:200])
            return Outcome(False, "EMR에 쓰지 못했습니다. 잠시 후 다시 시도하거나 직접 입력해 주세요.")
    if approval.status == "taken":
        log_action(staff.actor, "booking", item_id, "approve", result="taken", note=note or None)
        return Outcome(False, "그 시간은 이미 찼습니다. 환자분께 다른 시간을 안내하거나 반려해 주세요.")
    result = "approved_emr" if approval.status == "booked" else "entered_by_hand"
    with database.atomic():
        if not _close(staff, "booking", item_id, result, note):
            return Outcome(False, "이미 다른 분이 처리한 항목입니다.")
        booking_approval.mark_approved(row, approval, staff.actor)
        log_action(staff.actor, "booking", item_id, "approve", result=result, note=note or None)
    if result == "approved_emr":
        return Outcome(True, "EMR에 예약을 넣었습니다.")
    return Outcome(True, "승인했습니다. EMR에는 직접 입력해 주세요 (직접 입력으로 기록).")


def reject_booking(staff: Staff, item_id: int, note: str) -> Outcome:
    """Reject: the request is closed and becomes a callback (someone tells the patient)."""
    row = BookingRequest.get_or_none(BookingRequest.id == item_id)
    if row is None or row.status not in ("requested", "pending"):
        return Outcome(False, "이미 처리되었거나 없는 예약 요청입니다.")
    with database.atomic():
        if not _close(staff, "booking", item_id, "rejected", note):
            return Outcome(False, "이미 다른 분이 처리한 항목입니다.")
        BookingRequest.update(status="rejected", updated_at=utcnow(), note=note or row.note).where(
            BookingRequest.id == item_id).execute()
        cb = add_callback("예약 요청 반려: 다른 시간 안내", phone=row.phone, patient_id=row.patient_id, priority=4,
                          call_id=row.call_id, note=note or None)
        log_action(staff.actor, "booking", item_id, "reject", result=f"callback {cb.id}", note=note or None)
    return Outcome(True, "반려했습니다. 환자분께 연락할 콜백이 추가되었습니다.")
