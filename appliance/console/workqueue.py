"""The work queue: everything the appliance took in that a person must finish, in the order to do it.

Emergencies first (callbacks of priority 1), then callbacks by priority and age, booking requests (new
bookings and cancellations staff must carry out), the AI's pre-visit questionnaires (문진) and voicemails.
Items live where the engine wrote them (``crm_records``, ``voicemail``); an item is open until it is closed
in ``work_closure`` (callbacks and booking requests also get their own status updated).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Iterable

from appliance.console.models import WorkClosure
from appliance.data.crm import Call, Turn
from appliance.data.crm_records import BookingRequest, Callback, StaffNote
from appliance.voicemail.store import Voicemail

QUESTIONNAIRE_PREFIX = "[AI 문진]"
OPEN_BOOKING_STATUSES = ("requested", "pending")
LIMIT = 200


@dataclasses.dataclass
class WorkItem:
    kind: str  # callback | booking | note | voicemail
    id: int
    created_at: dt.datetime
    title: str  # what it is, in Korean
    reason: str = ""
    phone: str | None = None
    patient_id: str | None = None
    call_id: int | None = None
    priority: int = 5
    summary: str = ""  # the engine's handover note of the call
    transcript: list[tuple[str, str]] = dataclasses.field(default_factory=list)  # (speaker, text)
    detail: str = ""  # booking slot, questionnaire text, voicemail transcript
    extra: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def urgent(self) -> bool:
        return self.kind == "callback" and self.priority <= 1

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.id}"


def meta_of(row: Any) -> dict[str, Any]:
    """A row's JSON ``meta`` as a dict (anything else, e.g. an old row's text, counts as empty)."""
    meta = getattr(row, "meta", None)
    return meta if isinstance(meta, dict) else {}


def _closed_ids(kind: str) -> Any:
    return WorkClosure.select(WorkClosure.item_id).where(WorkClosure.kind == kind)


def open_callbacks(limit: int = LIMIT) -> list[Callback]:
    return list(Callback.select().where(Callback.status == "open", Callback.id.not_in(_closed_ids("callback")))
                .order_by(Callback.priority, Callback.created_at).limit(limit))


def open_bookings(limit: int = LIMIT) -> list[BookingRequest]:
    return list(BookingRequest.select().where(BookingRequest.status.in_(OPEN_BOOKING_STATUSES),
                                              BookingRequest.id.not_in(_closed_ids("booking")))
                .order_by(BookingRequest.created_at).limit(limit))


def open_questionnaires(limit: int = LIMIT) -> list[StaffNote]:
    return list(StaffNote.select().where(StaffNote.text.startswith(QUESTIONNAIRE_PREFIX),
                                         StaffNote.id.not_in(_closed_ids("note")))
                .order_by(StaffNote.created_at).limit(limit))


def open_voicemails(limit: int = LIMIT) -> list[Voicemail]:
    return list(Voicemail.select().where(Voicemail.id.not_in(_closed_ids("voicemail")))
                .order_by(Voicemail.received_at).limit(limit))


def open_counts() -> dict[str, int]:
    """How much is waiting, per kind (the Today page, the daily summary)."""
    cb = Callback.select().where(Callback.status == "open", Callback.id.not_in(_closed_ids("callback")))
    return {
        "emergency": cb.where(Callback.priority <= 1).count(),
        "callback": cb.where(Callback.priority > 1).count(),
        "booking": BookingRequest.select().where(BookingRequest.status.in_(OPEN_BOOKING_STATUSES),
                                                 BookingRequest.id.not_in(_closed_ids("booking"))).count(),
        "note": StaffNote.select().where(StaffNote.text.startswith(QUESTIONNAIRE_PREFIX),
                                         StaffNote.id.not_in(_closed_ids("note"))).count(),
        "voicemail": Voicemail.select().where(Voicemail.id.not_in(_closed_ids("voicemail"))).count(),
    }


def _calls(call_ids: set[int]) -> tuple[dict[int, Call], dict[int, list[tuple[str, str]]]]:
    ids = [i for i in call_ids if i]
    if not ids:
        return {}, {}
    calls = {c.id: c for c in Call.select().where(Call.id.in_(ids))}
    turns: dict[int, list[tuple[str, str]]] = {}
    said: Iterable[tuple[int, str, str | None]] = Turn.select(Turn.call, Turn.speaker, Turn.text).where(
        Turn.call.in_(ids)).order_by(Turn.call, Turn.seq).tuples()  # type: ignore[assignment]  # (peewee stubs)
    for call_id, speaker, text in said:
        if text:
            turns.setdefault(call_id, []).append((speaker, text))
    return calls, turns


SMS_REASON_PREFIX = "문자"  # callbacks the SMS layer makes from a patient's reply (appliance.sms.replies)
SMS_BOOKING_KEY_PREFIX = "mo"  # booking requests it makes (a cancellation by text: key "mo<reply id>:cancel")


def _from_text(c: Callback) -> bool:
    return (c.reason or "").startswith(SMS_REASON_PREFIX)


def _callback_title(c: Callback) -> str:
    if c.priority <= 1:
        return "응급 연락"
    return "문자 답장" if _from_text(c) else "콜백 요청"


def _booking_title(b: BookingRequest) -> str:
    by_text = " (문자)" if (b.idempotency_key or "").startswith(SMS_BOOKING_KEY_PREFIX) else ""
    if meta_of(b).get("action") == "cancel":
        return "예약 취소 요청" + by_text
    return ("예약 요청" if b.source != "campaign" else "예약 요청 (안내 전화)") + by_text


def build(limit: int = LIMIT) -> list[WorkItem]:
    """Every open item, in working order."""
    items: list[WorkItem] = []
    for c in open_callbacks(limit):
        items.append(WorkItem("callback", c.id, c.created_at, _callback_title(c), reason=c.reason, phone=c.phone,
                              patient_id=c.patient_id, call_id=c.call_id, priority=c.priority, detail=c.note or "",
                              extra={"due": c.due, "sms": _from_text(c)}))
    for b in open_bookings(limit):
        items.append(WorkItem("booking", b.id, b.created_at, _booking_title(b), reason=b.treatment or "",
                              phone=b.phone, patient_id=b.patient_id, call_id=b.call_id, priority=6,
                              detail=b.note or "", extra={"start": b.start, "doctor": b.doctor, "chair": b.chair,
                                                          "status": b.status, "meta": meta_of(b),
                                                          "duration": b.duration_min,
                                                          "sms": b.idempotency_key.startswith(SMS_BOOKING_KEY_PREFIX)}))
    for n in open_questionnaires(limit):
        items.append(WorkItem("note", n.id, n.created_at, "사전 문진", phone=n.phone, patient_id=n.patient_id,
                              call_id=n.call_id, priority=7, detail=n.text[len(QUESTIONNAIRE_PREFIX):].strip()))
    for v in open_voicemails(limit):
        items.append(WorkItem("voicemail", v.id, v.received_at, "음성메시지", phone=v.caller_number,
                              patient_id=v.patient_id, call_id=v.call_id, priority=8,
                              detail=v.transcript or "", extra={"duration": v.duration_s,
                                                                "transcript_status": v.transcript_status}))
    calls, turns = _calls({i.call_id for i in items if i.call_id})
    for item in items:
        call = calls.get(item.call_id or 0)
        if call is not None:
            item.summary = str(meta_of(call).get("summary") or "")
            item.patient_id = item.patient_id or call.patient_id
            item.phone = item.phone or call.caller_number
        item.transcript = turns.get(item.call_id or 0, [])
    order = {"callback": 0, "booking": 1, "note": 2, "voicemail": 3}
    items.sort(key=lambda i: (0 if i.urgent else 1, order[i.kind], i.priority if i.kind == "callback" else 0,
                              i.created_at))
    return items


def _closures(kind: str, ids: list[int]) -> dict[int, WorkClosure]:
    if not ids:
        return {}
    return {c.item_id: c for c in WorkClosure.select().where(WorkClosure.kind == kind, WorkClosure.item_id.in_(ids))}


def _of_patient(model: Any, patient_id: str, call_ids: list[int]) -> Any:
    """Rows of ``model`` about the patient: theirs by id, or without an id from one of their linked calls (a row
    that names another patient, e.g. a parent booking for a child, stays that patient's)."""
    cond = model.patient_id == str(patient_id)
    return (cond | (model.patient_id.is_null() & model.call_id.in_(call_ids))) if call_ids else cond


def of_patient(patient_id: str, call_ids: Iterable[int] = (), limit: int = LIMIT) -> list[WorkItem]:
    """One patient's items, open and finished, newest first: callbacks (emergencies among them), booking requests,
    questionnaires and notes, voicemails, found by the patient id or by one of the patient's linked calls.
    ``extra["open"]`` says whether it still waits; ``extra["closure"]`` is who finished it (when staff did)."""
    calls = [i for i in call_ids if i]

    def mine(model: Any) -> Any:
        return _of_patient(model, patient_id, calls)

    items: list[WorkItem] = []
    callbacks = list(Callback.select().where(mine(Callback)).order_by(Callback.id.desc()).limit(limit))
    closed = _closures("callback", [c.id for c in callbacks])
    for c in callbacks:
        items.append(WorkItem("callback", c.id, c.created_at, _callback_title(c), reason=c.reason,
                              patient_id=c.patient_id, call_id=c.call_id, priority=c.priority, detail=c.note or "",
                              extra={"open": c.status == "open" and c.id not in closed, "closure": closed.get(c.id),
                                     "status": c.status}))
    bookings = list(BookingRequest.select().where(mine(BookingRequest)).order_by(BookingRequest.id.desc())
                    .limit(limit))
    closed = _closures("booking", [b.id for b in bookings])
    for b in bookings:
        items.append(WorkItem("booking", b.id, b.created_at, _booking_title(b), reason=b.treatment or "",
                              patient_id=b.patient_id, call_id=b.call_id, detail=b.note or "",
                              extra={"open": b.status in OPEN_BOOKING_STATUSES and b.id not in closed,
                                     "closure": closed.get(b.id), "status": b.status, "start": b.start}))
    notes = list(StaffNote.select().where(mine(StaffNote)).order_by(StaffNote.id.desc()).limit(limit))
    closed = _closures("note", [n.id for n in notes])
    for n in notes:
        questionnaire = n.text.startswith(QUESTIONNAIRE_PREFIX)
        items.append(WorkItem("note", n.id, n.created_at, "사전 문진" if questionnaire else "메모",
                              patient_id=n.patient_id, call_id=n.call_id,
                              detail=n.text[len(QUESTIONNAIRE_PREFIX):].strip() if questionnaire else n.text,
                              extra={"open": questionnaire and n.id not in closed, "closure": closed.get(n.id)}))
    items.sort(key=lambda i: (i.created_at, i.id), reverse=True)
    return items


def voicemails_of(patient_id: str, call_ids: Iterable[int] = (), limit: int = LIMIT) -> list[Voicemail]:
    """One patient's voicemails, newest first (by the patient match or a linked call)."""
    cond = _of_patient(Voicemail, patient_id, [i for i in call_ids if i])
    return list(Voicemail.select().where(cond).order_by(Voicemail.received_at.desc()).limit(limit))


def signature() -> tuple:
    """Cheap fingerprint of the queue (index lookups only): it changes when an item comes or goes."""
    def last(model: Any) -> int:
        row = model.select(model.id).order_by(model.id.desc()).first()
        return row.id if row else 0

    return (last(Callback), Callback.select().where(Callback.status == "open").count(), last(BookingRequest),
            BookingRequest.select().where(BookingRequest.status.in_(OPEN_BOOKING_STATUSES)).count(),
            last(StaffNote), last(Voicemail), Voicemail.select().where(Voicemail.transcript_status == "done").count(),
            last(WorkClosure))
