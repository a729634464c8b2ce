"""CRM records the data layer owns: opt-outs, callbacks, booking requests, staff notes, EMR sync/outage log.

Tables are created by migration step 10. Phones are stored canonical (``appliance.data.phone``).
``is_opted_out()`` is the one check "may we contact this person on CHANNEL for PURPOSE": the dialer runs it before
every outbound call, the SMS senders before every text.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import peewee

from appliance.data import migrations, phone as phones
from appliance.data.crm import BaseModel, JSONField, database, of_person, utcnow

_LOGGER = logging.getLogger(__name__)

OPT_OUT_SCOPES = {"ad": "광고", "calls": "전화", "texts": "문자", "all": "전체"}
"""Scope -> its short Korean name (console, staff notes). ``ad``: no advertising, any channel; ``calls``: no calls
of any purpose (texts still allowed); ``texts``: no texts of any purpose (calls still allowed); ``all``: no calls
and no texts (rows from before the channel scopes: ``all`` meant exactly this, as the SMS sender read it)."""
CHANNELS = ("call", "text")
_BLOCKS = {"call": ("calls", "all"), "text": ("texts", "all")}
"""The scopes that refuse a channel for every purpose (``ad`` refuses advertising on both)."""

BOOKING_STATUSES = ("pending", "requested", "booked", "confirmed", "rejected", "taken", "cancelled")
CALLBACK_STATUSES = ("open", "done", "cancelled")


class OptOut(BaseModel):
    """수신거부: a number (and patient) that must never get an advertising call again. Never deleted."""

    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    phone = peewee.CharField(max_length=20, index=True)
    patient_id = peewee.CharField(max_length=64, null=True, index=True)
    created_at = peewee.DateTimeField(default=utcnow)
    source = peewee.CharField(max_length=16)  # call_speech | call_dtmf | staff | sms | import
    scope = peewee.CharField(max_length=8, default="ad")  # one of OPT_OUT_SCOPES
    note = peewee.TextField(null=True)


class Callback(BaseModel):
    """Someone on staff must call this person back."""

    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    priority = peewee.IntegerField(default=5)  # 1 urgent (pain, emergency) .. 9 low
    reason = peewee.CharField(max_length=64)
    patient_id = peewee.CharField(max_length=64, null=True, index=True)
    phone = peewee.CharField(max_length=20, null=True)
    status = peewee.CharField(max_length=12, default="open", index=True)
    due = peewee.DateTimeField(null=True, index=True)
    call_id = peewee.IntegerField(null=True)
    note = peewee.TextField(null=True)
    created_at = peewee.DateTimeField(default=utcnow)
    done_at = peewee.DateTimeField(null=True)


class BookingRequest(BaseModel):
    """A booking made by a call: either written into the EMR (status booked) or waiting for staff (requested).

    ``idempotency_key`` is unique, so a retried call step never books twice."""

    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    idempotency_key = peewee.CharField(max_length=128, unique=True)
    patient_id = peewee.CharField(max_length=64, null=True, index=True)
    phone = peewee.CharField(max_length=20, null=True)
    treatment = peewee.CharField(max_length=32, null=True)
    start = peewee.DateTimeField(index=True)
    duration_min = peewee.IntegerField(default=30)
    doctor = peewee.CharField(max_length=64, null=True)
    chair = peewee.CharField(max_length=32, null=True)
    status = peewee.CharField(max_length=12, default="pending", index=True)
    emr_appointment_id = peewee.CharField(max_length=64, null=True)
    source = peewee.CharField(max_length=16, default="call")  # call | campaign | staff
    call_id = peewee.IntegerField(null=True)
    note = peewee.TextField(null=True)
    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow)
    meta = JSONField(null=True)


class StaffNote(BaseModel):
    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    patient_id = peewee.CharField(max_length=64, null=True, index=True)
    phone = peewee.CharField(max_length=20, null=True)
    text = peewee.TextField()
    author = peewee.CharField(max_length=64, default="system")
    call_id = peewee.IntegerField(null=True)
    created_at = peewee.DateTimeField(default=utcnow)


class EMRSyncLog(BaseModel):
    """EMR outages and recoveries (for ``doctor`` and reports)."""

    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    at = peewee.DateTimeField(default=utcnow, index=True)
    kind = peewee.CharField(max_length=12)  # outage | recovered | test | queued
    operation = peewee.CharField(max_length=64, null=True)
    message = peewee.TextField(null=True)


class CrmLock(BaseModel):
    """Named mutex rows (SELECT ... FOR UPDATE) for PostgreSQL/MariaDB CRMs."""

    name = peewee.CharField(max_length=32, primary_key=True)


TABLES = [OptOut, Callback, BookingRequest, StaffNote, EMRSyncLog, CrmLock]


def _v10(db: peewee.Database, migrator: Any) -> None:
    db.create_tables(TABLES)
    CrmLock.insert(name="booking").on_conflict_ignore().execute()


migrations.register(10, "data layer: opt-outs, callbacks, booking requests, notes, EMR log", _v10)


# --- opt-outs -----------------------------------------------------------------------------------------
def add_opt_out(phone: str | None, patient_id: str | None = None, source: str = "call_speech",
                scope: str = "ad", note: str | None = None) -> OptOut | None:
    """Store the row only (None: no number, no patient). A refusal taken from a patient or staff goes through
    ``opt_outs.record``, which also cancels the queued texts and calls the scope refuses."""
    if scope not in OPT_OUT_SCOPES:
        raise ValueError(f"unknown opt-out scope {scope!r} (one of {', '.join(OPT_OUT_SCOPES)})")
    number = phones.canonical(phone)
    if not number and not patient_id:
        return None
    _LOGGER.info("opt-out recorded (source %s, scope %s)", source, scope)
    return OptOut.create(phone=number or "", patient_id=patient_id, source=source, scope=scope, note=note)


def refuses(scope: str, channel: str, advertising: bool) -> bool:
    """Whether one opt-out of ``scope`` refuses contact on ``channel`` ("call" | "text") for this purpose."""
    if channel not in _BLOCKS:
        raise ValueError(f"unknown channel {channel!r} (one of {', '.join(CHANNELS)})")
    return scope in _BLOCKS[channel] or (advertising and scope == "ad")


def is_opted_out(phone: str | None, patient_id: str | None = None, advertising: bool = True,
                 channel: str = "call") -> bool:
    """True when the number or the patient refused contact on ``channel`` ("call" | "text") for this purpose:
    advertising by ``ad`` and the channel's own scopes; reminders, happy calls and other care contact only by
    ``calls`` or ``all`` (calls) and ``texts`` or ``all`` (texts)."""
    scopes = [scope for scope in OPT_OUT_SCOPES if refuses(scope, channel, advertising)]  # one rule: refuses()
    cond = of_person(OptOut, phone, patient_id)
    if cond is None:
        return False
    return OptOut.select().where(cond, OptOut.scope.in_(scopes)).exists()


def opted_out_numbers() -> set[str]:
    """All refused numbers (for filtering a campaign's target list in one query)."""
    return {row.phone for row in OptOut.select(OptOut.phone) if row.phone}


# --- callbacks, notes, outage log ----------------------------------------------------------------------
def add_callback(reason: str, *, phone: str | None = None, patient_id: str | None = None, priority: int = 5,
                 due: dt.datetime | None = None, call_id: int | None = None, note: str | None = None) -> Callback:
    return Callback.create(reason=reason, phone=phones.canonical(phone), patient_id=patient_id, priority=priority,
                           due=due, call_id=call_id, note=note)


def open_callbacks() -> list[Callback]:
    return list(Callback.select().where(Callback.status == "open").order_by(Callback.priority, Callback.created_at))


def add_note(text: str, *, patient_id: str | None = None, phone: str | None = None, author: str = "system",
             call_id: int | None = None) -> StaffNote:
    return StaffNote.create(text=text, patient_id=patient_id, phone=phones.canonical(phone), author=author,
                            call_id=call_id)


def record_emr_event(kind: str, operation: str | None, message: str | None) -> None:
    """Record an outage/recovery; consecutive identical outages within a minute are not repeated."""
    try:
        last = EMRSyncLog.select().order_by(EMRSyncLog.id.desc()).first()
        if last and last.kind == kind == "outage" and (utcnow() - last.at).total_seconds() < 60:
            return
        EMRSyncLog.create(kind=kind, operation=operation, message=(message or "")[:1000])
    except peewee.PeeweeException:
        _LOGGER.exception("could not record EMR %s", kind)


def last_emr_event() -> EMRSyncLog | None:
    return EMRSyncLog.select().order_by(EMRSyncLog.id.desc()).first()


def pending_booking_requests() -> list[BookingRequest]:
    return list(BookingRequest.select().where(BookingRequest.status.in_(("requested", "pending")))
                .order_by(BookingRequest.start))


def crm_lock(name: str = "booking") -> Any:
    """A transaction holding the named CRM mutex: ``with crm_lock(): ...`` (serialises booking decisions)."""
    return _Locked(database.obj, name)


class _Locked:
    def __init__(self, db: peewee.Database, name: str):
        self.db = db
        self.name = name
        self.txn: Any = None

    def __enter__(self) -> "_Locked":
        if isinstance(self.db, peewee.SqliteDatabase):
            self.txn = self.db.atomic(lock_type="IMMEDIATE")
            self.txn.__enter__()
        else:
            self.txn = self.db.atomic()
            self.txn.__enter__()
            list(CrmLock.select().where(CrmLock.name == self.name).for_update())
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self.txn.__exit__(*exc)
