"""The outbox in the CRM (table ``sms_outbox``, migration 50): every text, why it was sent and what became of it.

One row per message, unique by ``key`` (the caller's idempotency key, e.g. ``booking:42``): queueing the
same message twice returns the first row. ``reference`` is the key the vendor sees (the HTTP vendor's
reference field, the agent's MT unique column), the same on every attempt, so a resend after a crash is
recognised by the vendor instead of delivered twice.

States: ``queued`` → ``sending`` (claimed: the request is in flight) → ``sent`` (the vendor accepted it) →
``delivered``; or ``failed`` / ``cancelled`` (opted out, no consent, staff). Times are clinic local time,
naive, like the outbound queue. Text and numbers are health data: never logged.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from typing import Any, Iterable

import peewee

from appliance.data import crm_records, migrations, opt_outs, phone as phones
from appliance.data.crm import BaseModel, JSONField, of_person, write_transaction
from appliance.sms import encoding

_LOGGER = logging.getLogger(__name__)

QUEUED, SENDING, SENT, DELIVERED, FAILED, CANCELLED = "queued", "sending", "sent", "delivered", "failed", "cancelled"
STATES = (QUEUED, SENDING, SENT, DELIVERED, FAILED, CANCELLED)
OPEN_STATES = (QUEUED, SENDING)
INFO, AD = "INFO", "AD"
PURPOSES = ("confirmation", "reminder", "voicemail_reply", "followup", "reply", "test")


class Message(BaseModel):
    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    key = peewee.CharField(max_length=160, unique=True)
    reference = peewee.CharField(max_length=40, unique=True)
    purpose = peewee.CharField(max_length=24, index=True)
    kind = peewee.CharField(max_length=4, default=INFO)  # INFO | AD
    patient_id = peewee.CharField(max_length=64, null=True, index=True)
    phone = peewee.CharField(max_length=20, index=True)
    sender = peewee.CharField(max_length=20)
    subject = peewee.CharField(max_length=64, null=True)
    text = peewee.TextField()
    type = peewee.CharField(max_length=4)  # SMS | LMS
    bytes = peewee.IntegerField()
    state = peewee.CharField(max_length=12, default=QUEUED, index=True)
    attempts = peewee.IntegerField(default=0)
    not_before = peewee.DateTimeField(index=True)
    vendor_id = peewee.CharField(max_length=64, null=True, index=True)
    error = peewee.TextField(null=True)
    meta = JSONField(null=True)  # appointment, campaign, consent date (CRM only, never logged)
    created_at = peewee.DateTimeField()
    updated_at = peewee.DateTimeField()
    claimed_at = peewee.DateTimeField(null=True)
    sent_at = peewee.DateTimeField(null=True)
    delivered_at = peewee.DateTimeField(null=True)
    finished_at = peewee.DateTimeField(null=True)

    class Meta:
        table_name = "sms_outbox"


def _v50(db: peewee.Database, migrator: Any) -> None:
    db.create_tables([Message])


migrations.register(50, "sms: outbox", _v50)


def ensure_tables() -> None:
    """For a CRM opened before this module was imported."""
    migrations.migrate_open()


def queue(*, key: str, purpose: str, phone: str, text: str, sender: str, now: dt.datetime, kind: str = INFO,
          patient_id: str | None = None, subject: str | None = None, not_before: dt.datetime | None = None,
          meta: dict | None = None, state: str = QUEUED, error: str | None = None) -> tuple[Message, bool]:
    """Queue one message once per ``key``: ``(row, created)``; an existing key returns its row unchanged.

    Raises ``TextNotSendable`` for a text or number that cannot be sent (nothing is written then)."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}; known: {', '.join(PURPOSES)}")
    number = phones.canonical(phone)
    if not number or not phones.is_mobile(number):
        raise encoding.TextNotSendable("texts go to mobile numbers only (010, 011, 016-019)")
    measure = encoding.check(text, subject)
    existing = Message.get_or_none(Message.key == key)
    if existing is not None:
        return existing, False
    finished = now if state in (DELIVERED, FAILED, CANCELLED) else None
    try:
        with write_transaction():
            row = Message.create(
                key=key[:160], reference="dc" + secrets.token_hex(12), purpose=purpose, kind=kind,
                patient_id=str(patient_id) if patient_id is not None else None, phone=number, sender=sender,
                subject=subject if measure.type == encoding.LMS else None, text=text, type=measure.type,
                bytes=measure.bytes, state=state, not_before=not_before or now, meta=meta or {}, error=error,
                created_at=now, updated_at=now, finished_at=finished)
    except peewee.IntegrityError:  # the same key queued concurrently
        return Message.get(Message.key == key), False
    _LOGGER.info("sms %s queued (%s, %s, %s %d bytes, %s)", row.id, purpose, kind, row.type, row.bytes, state)
    return row, True


def due(now: dt.datetime, limit: int = 100) -> list[Message]:
    return list(Message.select().where(Message.state == QUEUED, Message.not_before <= now)
                .order_by(Message.not_before, Message.id).limit(limit))


def finish(row_id: int, state: str, now: dt.datetime, *, from_states: Iterable[str] = OPEN_STATES,
           **fields: Any) -> bool:
    """Move a message to ``state`` if it is still in one of ``from_states``; False when it had moved on."""
    fields.update(state=state, updated_at=now)
    if state in (DELIVERED, FAILED, CANCELLED):
        fields.setdefault("finished_at", now)
    if state == SENT:
        fields.setdefault("sent_at", now)
    if state == DELIVERED:
        fields.setdefault("delivered_at", now)
    n = Message.update(**fields).where(Message.id == row_id, Message.state.in_(list(from_states))).execute()
    return n == 1


def cancel_open(*, phone: str | None = None, patient_id: str | None = None, kinds: Iterable[str] = (AD,),
                now: dt.datetime, reason: str = "opted out") -> int:
    """Cancel queued messages of a number/patient (after an opt-out)."""
    cond = of_person(Message, phone, patient_id)
    if cond is None:
        return 0
    return Message.update(state=CANCELLED, error=reason, updated_at=now, finished_at=now).where(
        cond, Message.state == QUEUED, Message.kind.in_(list(kinds))).execute()


def cancel_refused(phone: str | None, patient_id: str | None, scope: str, now: dt.datetime) -> int:
    """Cancel the queued messages of a number/patient that an opt-out of ``scope`` refuses (``opt_outs.record``);
    the answer to a refusal (``optout_notice``) still goes."""
    cond = of_person(Message, phone, patient_id)
    if cond is None:
        return 0
    ids = [m.id for m in Message.select(Message.id, Message.kind, Message.meta).where(cond, Message.state == QUEUED)
           if crm_records.refuses(scope, "text", advertising=m.kind == AD) and not (m.meta or {}).get("optout_notice")]
    if not ids:
        return 0
    return Message.update(state=CANCELLED, error=opt_outs.cancel_reason(scope), updated_at=now, finished_at=now).where(
        Message.id.in_(ids), Message.state == QUEUED).execute()


opt_outs.register("text", cancel_refused)


def for_patient(patient_id: str | None = None, phone: str | None = None, limit: int = 200) -> list[Message]:
    query = Message.select()
    number = phones.canonical(phone)
    if patient_id and number:
        query = query.where((Message.patient_id == str(patient_id)) | (Message.phone == number))
    elif patient_id:
        query = query.where(Message.patient_id == str(patient_id))
    elif number:
        query = query.where(Message.phone == number)
    return list(query.order_by(Message.id.desc()).limit(limit))


def of_patient(patient_id: str, numbers: Iterable[str], limit: int = 200) -> list[Message]:
    """The patient's texts, newest first: those carrying their id, and those sent to one of their ``numbers``
    (canonical) with no patient id at all (a text to a number only); never another patient's on a shared phone."""
    cond = Message.patient_id == str(patient_id)
    numbers = [n for n in numbers if n]
    if numbers:
        cond = cond | (Message.patient_id.is_null() & Message.phone.in_(numbers))
    return list(Message.select().where(cond).order_by(Message.id.desc()).limit(limit))


def last_to(phone: str, since: dt.datetime) -> Message | None:
    """The newest message sent to ``phone`` since ``since`` (what a reply answers)."""
    number = phones.canonical(phone)
    if not number:
        return None
    return (Message.select().where(Message.phone == number, Message.created_at >= since,
                                   Message.purpose != "reply", Message.state.in_([SENT, DELIVERED, SENDING]))
            .order_by(Message.id.desc()).first())
