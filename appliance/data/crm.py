"""The CRM store (peewee): one database for the call log and everything staff act on.

SQLite file by default; PostgreSQL/MariaDB by URL (``crm_db`` setting). Tables are declared in modules
of this package and bound to the one ``database`` proxy; schema changes go through ``migrations``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import operator
import os
from pathlib import Path
from typing import Any

import peewee
from playhouse.db_url import connect

database = peewee.DatabaseProxy()


class BaseModel(peewee.Model):
    class Meta:
        database = database
        legacy_table_names = False


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class JSONField(peewee.TextField):
    """JSON stored as text, so the same schema works on SQLite, PostgreSQL and MariaDB."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)


class Call(BaseModel):
    """One phone call, inbound or outbound, and how it ended."""

    id = peewee.AutoField()  # peewee's implicit key, spelled out so type checkers know it
    direction = peewee.CharField(max_length=8)  # inbound | outbound
    channel = peewee.CharField(max_length=128, null=True)
    uniqueid = peewee.CharField(max_length=64, index=True, null=True)
    caller_number = peewee.CharField(max_length=32, null=True)
    called_number = peewee.CharField(max_length=32, null=True)
    patient_id = peewee.CharField(max_length=64, null=True, index=True)
    started_at = peewee.DateTimeField(default=utcnow, index=True)
    answered_at = peewee.DateTimeField(null=True)
    ended_at = peewee.DateTimeField(null=True)
    outcome = peewee.CharField(max_length=32, null=True)  # see appliance.conversation.outcomes
    next_step = peewee.CharField(max_length=16, null=True)  # hangup | transfer | voicemail
    error = peewee.TextField(null=True)
    campaign = peewee.CharField(max_length=64, null=True)
    recording_path = peewee.CharField(max_length=512, null=True)
    meta = JSONField(null=True)
    turns: peewee.ModelSelect[Turn]  # the back-reference of Turn.call, which peewee adds


class Turn(BaseModel):
    """One exchange in a call: who spoke, what was said, and the timing of each stage (ms since call start)."""

    id = peewee.AutoField()
    call = peewee.ForeignKeyField(Call, backref="turns", on_delete="CASCADE")
    seq = peewee.IntegerField()
    speaker = peewee.CharField(max_length=8)  # bot | caller
    text = peewee.TextField(null=True)
    intent = peewee.CharField(max_length=32, null=True)
    audio_path = peewee.CharField(max_length=512, null=True)
    # instrumentation, milliseconds from call start (None where a stage did not happen)
    t_speech_end = peewee.IntegerField(null=True)
    t_stt_final = peewee.IntegerField(null=True)
    t_decision = peewee.IntegerField(null=True)
    t_first_tts = peewee.IntegerField(null=True)
    t_first_audio = peewee.IntegerField(null=True)
    latency_ms = peewee.IntegerField(null=True)  # caller's end of speech -> first audio of the answer
    meta = JSONField(null=True)

    class Meta:
        indexes = ((("call", "seq"), True),)


def open_database(url: str) -> peewee.Database:
    """Connect the proxy to ``url`` and bring the schema up to date."""
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists()
        db = peewee.SqliteDatabase(
            str(path), pragmas={"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000}
        )
        database.initialize(db)
        db.connect(reuse_if_open=True)
        if new:
            os.chmod(path, 0o600)  # call logs hold health data
    else:
        db = connect(url)
        database.initialize(db)
        db.connect(reuse_if_open=True)
    from appliance.data import migrations

    migrations.migrate(db)
    return db


def open_for(config: Any) -> peewee.Database:
    return open_database(config.crm_url)


def of_person(model: Any, phone: str | None, patient_id: str | None) -> Any:
    """One condition on ``model``'s ``phone`` and ``patient_id`` columns: its rows of this number (canonical) or of
    this patient; None when neither is given."""
    from appliance.data import phone as phones

    number = phones.canonical(phone)
    conds = ([model.phone == number] if number else []) + ([model.patient_id == str(patient_id)] if patient_id else [])
    return functools.reduce(operator.or_, conds) if conds else None


def write_transaction() -> Any:
    """A transaction that takes the write lock at once (SQLite: ``BEGIN IMMEDIATE``), so two processes that read
    then write (claiming a task, a text) never both read the same row as free."""
    db = database.obj
    if isinstance(db, peewee.SqliteDatabase):
        return db.atomic(lock_type="IMMEDIATE")
    return db.atomic()
