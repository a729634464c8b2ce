"""Replies received (MO), table ``sms_inbox`` (migration 51), and the read position in the agent's MO table.

A reply is stored once per (source, vendor id) before anything acts on it, so a webhook the vendor retries or
an MO row read twice is one reply; ``action`` records what it did (confirmed, cancelled, callback, opt-out,
work queue) and is set only when that is done, so a crash in between is finished on the next start.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from typing import Any

import peewee

from appliance.data import migrations, phone as phones
from appliance.data.crm import BaseModel, JSONField

_LOGGER = logging.getLogger(__name__)


class Reply(BaseModel):
    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    source = peewee.CharField(max_length=16)  # webhook | db_agent | test
    vendor_id = peewee.CharField(max_length=80)
    phone = peewee.CharField(max_length=20, index=True)
    patient_id = peewee.CharField(max_length=64, null=True, index=True)
    text = peewee.TextField()
    received_at = peewee.DateTimeField(index=True)
    action = peewee.CharField(max_length=24, null=True, index=True)  # None until handled; "handling" while it is
    claimed_at = peewee.DateTimeField(null=True)
    answers = peewee.IntegerField(null=True)  # the outbox message it answers
    detail = JSONField(null=True)

    class Meta:
        table_name = "sms_inbox"
        indexes = ((("source", "vendor_id"), True),)


class Cursor(BaseModel):
    name = peewee.CharField(max_length=32, primary_key=True)
    value = peewee.CharField(max_length=64)

    class Meta:
        table_name = "sms_cursor"


def _v51(db: peewee.Database, migrator: Any) -> None:
    db.create_tables([Reply, Cursor])


migrations.register(51, "sms: replies (MO) and the agent read position", _v51)


def record(source: str, vendor_id: str | None, phone: str, text: str, received_at: dt.datetime) -> tuple[Reply, bool]:
    """Store a reply once: ``(row, created)``."""
    number = phones.canonical(phone) or phone[:20]
    if not vendor_id:  # vendors without an id: the same sender, text and minute is the same reply
        vendor_id = "h" + hashlib.sha256(f"{number}|{text}|{received_at:%Y%m%d%H%M}".encode()).hexdigest()[:40]
    try:
        return Reply.create(source=source, vendor_id=str(vendor_id)[:80], phone=number, text=text,
                            received_at=received_at), True
    except peewee.IntegrityError:
        return Reply.get(Reply.source == source, Reply.vendor_id == str(vendor_id)[:80]), False


def unhandled(limit: int = 100) -> list[Reply]:
    return list(Reply.select().where(Reply.action.is_null()).order_by(Reply.id).limit(limit))


def get_cursor(name: str) -> int:
    row = Cursor.get_or_none(Cursor.name == name)
    return int(row.value) if row else 0


def set_cursor(name: str, value: int) -> None:
    Cursor.insert(name=name, value=str(value)).on_conflict(conflict_target=[Cursor.name],
                                                           update={Cursor.value: str(value)}).execute()


def release_stale(now: dt.datetime, older_than: dt.timedelta = dt.timedelta(minutes=5)) -> int:
    """Replies claimed by a handler that died are handled again (their actions are keyed: once each)."""
    return Reply.update(action=None).where(Reply.action == "handling", Reply.claimed_at < now - older_than).execute()
