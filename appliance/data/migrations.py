"""Schema migrations for the CRM store, applied in order and recorded in ``schema_version``.

Append new steps to ``STEPS``; never edit a step that has shipped. Each step gets the database and
``playhouse.migrate``'s migrator for its dialect.
"""

from __future__ import annotations

from typing import Callable

import peewee
from playhouse.migrate import SchemaMigrator

from appliance.data import crm


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


def current_version(db: peewee.Database) -> int:
    db.execute_sql("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, name VARCHAR(128))")
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: peewee.Database) -> int:
    """Apply every pending step; return the resulting version."""
    _load_step_modules()
    version = current_version(db)
    migrator = SchemaMigrator.from_database(db)
    for number, name, step in STEPS:
        if number <= version:
            continue
        with db.atomic():
            step(db, migrator)
            db.execute_sql("INSERT INTO schema_version (version, name) VALUES (%s, %s)" % (number, _quote(name)))
        version = number
    return version


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _load_step_modules() -> None:
    """Import modules that register their own tables' migrations (keeps this file free of their models)."""
    import importlib

    for name in ("appliance.data.crm_records", "appliance.outbound.queue"):
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
