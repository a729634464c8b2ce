"""The console's own CRM tables: staff accounts, sessions, login attempts, and the audit of staff actions.

Migration 20. Work items themselves stay where the engine writes them (``crm_records``); who closed one,
when and with which note is kept in ``work_closure`` (one row per item, so an item is closed exactly once),
and every action a person takes in the console is appended to ``work_action``. Migration 23: both remember
whose item it was (``patient_id``, ``phone``), so a patient's request to see or delete their data finds the
staff's notes about them even after the item itself is gone (``appliance.console.privacy``).
"""

from __future__ import annotations

from typing import Any

import peewee

from appliance.data import migrations
from appliance.data.crm import BaseModel, utcnow

ROLES = ("admin", "staff")
# the last four digits of a number: the same expressions in the indexes and in the console's queries
LAST4_SQL = "(substr(caller_number, length(caller_number) - 3))"
LAST4_CALLED_SQL = "(substr(called_number, length(called_number) - 3))"
WORK_KINDS = ("callback", "booking", "note", "voicemail")


class StaffAccount(BaseModel):
    """A person who logs in to the console. Passwords are argon2id hashes, never stored in clear."""

    id = peewee.AutoField()
    name = peewee.CharField(max_length=32, unique=True)
    role = peewee.CharField(max_length=8)  # admin | staff
    password_hash = peewee.CharField(max_length=255)
    extension = peewee.CharField(max_length=8, null=True)  # the desk phone "call back" rings first
    display_name = peewee.CharField(max_length=64, null=True)
    disabled = peewee.BooleanField(default=False)
    created_at = peewee.DateTimeField(default=utcnow)
    password_changed_at = peewee.DateTimeField(default=utcnow)
    last_login_at = peewee.DateTimeField(null=True)


class ConsoleSession(BaseModel):
    """A logged-in browser. Only the SHA-256 of the cookie token is stored; ``csrf`` is the form token."""

    token_hash = peewee.CharField(max_length=64, primary_key=True)
    account = peewee.ForeignKeyField(StaffAccount, backref="sessions", on_delete="CASCADE")
    csrf = peewee.CharField(max_length=64)
    origin = peewee.CharField(max_length=64)
    created_at = peewee.DateTimeField(default=utcnow)
    last_seen_at = peewee.DateTimeField(default=utcnow, index=True)
    ended_at = peewee.DateTimeField(null=True)


class LoginAttempt(BaseModel):
    """Every login try (for throttling and the admins' view); the password itself is never kept."""

    id = peewee.AutoField()
    at = peewee.DateTimeField(default=utcnow, index=True)
    name = peewee.CharField(max_length=64, index=True)
    origin = peewee.CharField(max_length=64, index=True)
    ok = peewee.BooleanField(default=False)


class WorkClosure(BaseModel):
    """A work item finished by a person: who, when, how (``result``) and their note."""

    id = peewee.AutoField()
    kind = peewee.CharField(max_length=12)  # callback | booking | note | voicemail
    item_id = peewee.IntegerField()
    result = peewee.CharField(max_length=24)  # done | approved_emr | entered_by_hand | rejected | handled
    note = peewee.TextField(null=True)
    closed_by = peewee.CharField(max_length=64)
    closed_at = peewee.DateTimeField(default=utcnow, index=True)
    patient_id = peewee.CharField(max_length=64, null=True, index=True)  # whose item (migration 23)
    phone = peewee.CharField(max_length=32, null=True)

    class Meta:
        table_name = "work_closure"
        indexes = ((("kind", "item_id"), True),)


class WorkAction(BaseModel):
    """Append-only audit of what staff did in the console (closing, approving, calling back, switching)."""

    id = peewee.AutoField()
    at = peewee.DateTimeField(default=utcnow, index=True)
    actor = peewee.CharField(max_length=64, index=True)
    kind = peewee.CharField(max_length=16)  # callback | booking | note | voicemail | campaign | opt_out
    item = peewee.CharField(max_length=64)  # the item's id or name (never a number or a name of a person)
    action = peewee.CharField(max_length=24)
    result = peewee.CharField(max_length=64, null=True)
    note = peewee.TextField(null=True)
    patient_id = peewee.CharField(max_length=64, null=True, index=True)  # whose item (migration 23)
    phone = peewee.CharField(max_length=32, null=True)

    class Meta:
        table_name = "work_action"


TABLES = [StaffAccount, ConsoleSession, LoginAttempt, WorkClosure, WorkAction]


def _v20(db: peewee.Database, migrator: Any) -> None:
    from playhouse.migrate import migrate

    db.create_tables(TABLES)
    # the console searches calls by number (and by its last digits): keep both index lookups at 100,000 calls
    migrate(migrator.add_index("call", ("caller_number",), False),
            migrator.add_index("call", ("called_number",), False))
    if isinstance(db, (peewee.SqliteDatabase, peewee.PostgresqlDatabase)):  # MariaDB has no expression index
        db.execute_sql(f'CREATE INDEX call_caller_last4 ON "call" ({LAST4_SQL})')
        db.execute_sql(f'CREATE INDEX call_called_last4 ON "call" ({LAST4_CALLED_SQL})')


migrations.register(20, "console: staff accounts, sessions, login attempts, work closures and actions", _v20)


def whose(kind: str, item: Any) -> tuple[str | None, str | None]:
    """(patient id, phone) of a work item or opt-out (the call's when the item has none); (None, None) else."""
    from appliance.data.crm import Call
    from appliance.data.crm_records import BookingRequest, Callback, OptOut, StaffNote
    from appliance.voicemail.store import Voicemail

    models: dict[str, Any] = {"callback": Callback, "booking": BookingRequest, "note": StaffNote,
                              "voicemail": Voicemail, "opt_out": OptOut}
    model = models.get(kind)
    try:
        row = model.get_or_none(model.id == int(item)) if model is not None else None
    except (TypeError, ValueError):
        return None, None
    if row is None:
        return None, None
    patient_id = getattr(row, "patient_id", None)
    phone = getattr(row, "phone", None) or getattr(row, "caller_number", None)
    call_id = getattr(row, "call_id", None)
    if call_id and not (patient_id and phone):
        call = Call.get_or_none(Call.id == call_id)
        if call is not None:
            patient_id = patient_id or call.patient_id
            phone = phone or call.caller_number
    return (str(patient_id) if patient_id else None), phone


def _v23(db: peewee.Database, migrator: Any) -> None:
    """work_closure and work_action learn whose item they were about; existing rows are filled in."""
    from playhouse.migrate import migrate

    for model in (WorkClosure, WorkAction):
        table = model._meta.table_name
        present = {c.name for c in db.get_columns(table)}
        steps = [migrator.add_column(table, name, getattr(model, name)) for name in ("patient_id", "phone")
                 if name not in present]  # (add_column indexes patient_id, as the field says)
        if steps:
            migrate(*steps)
    for closure in WorkClosure.select(WorkClosure.id, WorkClosure.kind, WorkClosure.item_id):
        patient_id, phone = whose(closure.kind, closure.item_id)
        if patient_id or phone:
            WorkClosure.update(patient_id=patient_id, phone=phone).where(WorkClosure.id == closure.id).execute()
    for act in WorkAction.select(WorkAction.id, WorkAction.kind, WorkAction.item):
        patient_id, phone = whose(act.kind, act.item)
        if patient_id or phone:
            WorkAction.update(patient_id=patient_id, phone=phone).where(WorkAction.id == act.id).execute()


migrations.register(23, "console: work closures and actions remember whose item they were", _v23)


def log_action(actor: str, kind: str, item: Any, action: str, *, result: str | None = None,
               note: str | None = None) -> WorkAction:
    """Append one audit row (who did what to which item, when, and whose item it was)."""
    patient_id, phone = whose(kind, item)
    return WorkAction.create(actor=actor, kind=kind, item=str(item)[:64], action=action,
                             result=(result or "")[:64] or None, note=note, patient_id=patient_id, phone=phone)
