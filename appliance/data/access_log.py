"""The access log (접속기록): who looked at or exported whose personal data, when, from where and why.

개인정보의 안전성 확보조치 기준 art. 8 asks for the account, the time, the origin, *whose* record and the
action, kept at least two years for systems holding health data, and a recorded reason for bulk downloads.
Every surface that shows patient data (the CLI, the staff console) calls ``record`` before it shows it.

The table is append-only: this module offers no update and no delete except ``purge_older_than``, which the
retention job calls with the access log's own retention (never under two years).
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
import os
from typing import Any, Iterable

import peewee

from appliance.data import migrations
from appliance.data.crm import BaseModel, utcnow

_LOGGER = logging.getLogger(__name__)

MIN_RETENTION_DAYS = 730  # two years (안전성 확보조치 기준 art. 8)


class AccessEntry(BaseModel):
    """One view or export of personal data."""

    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    at = peewee.DateTimeField(default=utcnow, index=True)
    actor = peewee.CharField(max_length=64, index=True)  # "cli:root", "staff:kim" ...
    origin = peewee.CharField(max_length=64)  # "cli", or the console client's address
    action = peewee.CharField(max_length=48)  # e.g. calls.show, campaigns.preview.unmask, emr.lookup
    patient_id = peewee.CharField(max_length=64, null=True, index=True)  # whose data (None = several/unknown)
    subject = peewee.CharField(max_length=128, null=True)  # what was shown: "call 12", "campaign recall"
    count = peewee.IntegerField(default=1)  # how many people's records (bulk views/exports)
    reason = peewee.TextField(null=True)  # required for bulk downloads


def _v12(db: peewee.Database, migrator: Any) -> None:
    db.create_tables([AccessEntry])


migrations.register(12, "access log", _v12)


def cli_actor() -> str:
    """The account behind a CLI command: the sudo user when run through sudo, else the login name."""
    name = os.environ.get("SUDO_USER") or ""
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no passwd entry (containers)
            name = str(os.getuid())
    return f"cli:{name}"


def record(action: str, *, actor: str | None = None, origin: str = "cli", patient_id: str | None = None,
           patient_ids: Iterable[str] | None = None, subject: str | None = None, reason: str | None = None,
           count: int | None = None) -> list[AccessEntry]:
    """Log one access. With ``patient_ids`` one row per patient (so "whose data" stays searchable); a bulk
    view with no ids is one row with its ``count``. Returns the rows written."""
    who = actor or cli_actor()
    ids = [str(p) for p in patient_ids] if patient_ids is not None else None
    rows: list[dict[str, Any]]
    if ids:
        rows = [dict(actor=who, origin=origin, action=action, patient_id=pid, subject=subject, reason=reason,
                     count=1) for pid in ids]
    else:
        rows = [dict(actor=who, origin=origin, action=action,
                     patient_id=str(patient_id) if patient_id is not None else None, subject=subject,
                     reason=reason, count=count if count is not None else 1)]
    now = utcnow()
    written = []
    with AccessEntry._meta.database.atomic():
        for row in rows:
            written.append(AccessEntry.create(at=now, **row))
    _LOGGER.info("access logged: %s by %s (%d row(s))", action, who, len(written))
    return written


def entries(*, since: dt.datetime | None = None, until: dt.datetime | None = None, actor: str | None = None,
            patient_id: str | None = None, action: str | None = None, limit: int = 200) -> list[AccessEntry]:
    """Newest first, filtered."""
    query = AccessEntry.select()
    if since is not None:
        query = query.where(AccessEntry.at >= since)
    if until is not None:
        query = query.where(AccessEntry.at < until)
    if actor:
        query = query.where(AccessEntry.actor == actor)
    if patient_id:
        query = query.where(AccessEntry.patient_id == str(patient_id))
    if action:
        query = query.where(AccessEntry.action == action)
    return list(query.order_by(AccessEntry.at.desc(), AccessEntry.id.desc()).limit(limit))


def purge_older_than(days: int) -> int:
    """Delete entries older than ``days`` (the retention job; refuses less than two years)."""
    if days < MIN_RETENTION_DAYS:
        raise ValueError(f"the access log is kept at least {MIN_RETENTION_DAYS} days (got {days})")
    cutoff = utcnow() - dt.timedelta(days=days)
    return AccessEntry.delete().where(AccessEntry.at < cutoff).execute()
