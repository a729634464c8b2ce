"""Schema migrations for the CRM store, applied in order and recorded in ``schema_version``.

Append new steps to ``STEPS`` (or ``register`` them from the module that owns the tables); never edit a step
that has shipped. Each step gets the database and ``playhouse.migrate``'s migrator for its dialect. Every
step not yet recorded is applied, in version order — a step numbered below one already applied (work that
landed in a different order) still runs, so an upgraded CRM ends with the same tables as a fresh one.
"""

from __future__ import annotations

from typing import Callable

import peewee
from playhouse.migrate import SchemaMigrator

from appliance.data import crm
from appliance.listed_modules import import_listed


def _v1_call_log(db: peewee.Database, migrator: SchemaMigrator) -> None:
    db.create_tables([crm.Call, crm.Turn])


STEPS: list[tuple[int, str, Callable[[peewee.Database, SchemaMigrator], None]]] = [
    (1, "call log", _v1_call_log),
]


def register(version: int, name: str, step: Callable[[peewee.Database, SchemaMigrator], None]) -> None:
    """Used by other data modules to add their migration steps (kept in version order)."""
    if any(v == version for v, _, _ in STEPS):
        return
    STEPS.append((version, name, step))
    STEPS.sort(key=lambda s: s[0])


def applied_versions(db: peewee.Database) -> set[int]:
    db.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR(128))")
    return {int(row[0]) for row in db.execute_sql("SELECT version FROM schema_version").fetchall()}


def current_version(db: peewee.Database) -> int:
    return max(applied_versions(db), default=0)


def pending_steps(db: peewee.Database) -> list[tuple[int, str]]:
    """Steps this code knows that the database has not applied yet (``doctor`` and upgrades show them)."""
    _load_step_modules()
    applied = applied_versions(db)
    return [(number, name) for number, name, _ in STEPS if number not in applied]


def migrate(db: peewee.Database) -> int:
    """Apply every step not yet recorded, in version order; return the highest applied version."""
    _load_step_modules()
    applied = applied_versions(db)
    migrator = SchemaMigrator.from_database(db)
    for number, name, step in STEPS:
        if number in applied:
            continue
        with db.atomic():
            step(db, migrator)
            db.execute_sql("INSERT INTO schema_version (version, name) VALUES (%s, %s)" % (number, _quote(name)))
        applied.add(number)
    return max(applied, default=0)


def migrate_open() -> int:
    """``migrate`` the CRM this process has open (``crm.open_database``): for a module whose steps registered
    after the CRM was opened (its tables are created on first use)."""
    return migrate(crm.database.obj)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# modules that register migration steps for their own tables (one line each)
STEP_MODULES = (
    "appliance.data.crm_records",
    "appliance.data.access_log",
    "appliance.outbound.queue",
    "appliance.sms.outbox",
    "appliance.sms.inbox",
    "appliance.console.models",
    "appliance.voicemail.store",
    "appliance.console.notify.outbox",
    "appliance.ops.alerts",
)


def _load_step_modules() -> None:
    """Import modules that register their own tables' migrations (keeps this file free of their models)."""
    import_listed(STEP_MODULES)
