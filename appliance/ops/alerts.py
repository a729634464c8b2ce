"""Health alerts for staff: repeated engine restarts, trunk registration lost, EMR unreachable, backup failed,
disk filling up.

``raise_alert(kind, message)`` is the one entry point. It writes (or refreshes) an open ``ops_alert`` row in
the CRM, logs a warning and calls the in-process listeners; ``doctor`` lists open alerts. The notification
layer (staff console) picks up rows with ``notified_at`` empty (``pending_notifications``), sends them through
its channels and calls ``mark_notified``. An alert of a kind that is already open is not repeated: its count
and last time go up. ``resolve_alert(kind)`` closes it when the condition is gone, so the next occurrence is
a new alert (and a new notification).

Messages never hold patient data (no numbers, names or transcripts): they go to logs and staff e-mail.
``raise_alert`` never raises — an alert about a full disk must not crash the code that noticed it.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

import peewee

from appliance.data import migrations
from appliance.data.crm import BaseModel, database, utcnow

_LOGGER = logging.getLogger(__name__)

KINDS = {
    "engine_restarts": "the call engine keeps restarting",
    "trunk_unregistered": "the phone line (SIP trunk) is not registered",
    "emr_unreachable": "the EMR cannot be reached",
    "backup_failed": "the nightly backup failed",
    "disk_low": "the disk is filling up",
    "disk_full": "the disk is full",
}

_LISTENERS: list[Callable[["Alert"], None]] = []


class Alert(BaseModel):
    """One health problem staff should know about; open until resolved."""

    id = peewee.AutoField()
    kind = peewee.CharField(max_length=32, index=True)
    message = peewee.TextField()
    first_at = peewee.DateTimeField(default=utcnow)
    last_at = peewee.DateTimeField(default=utcnow, index=True)
    count = peewee.IntegerField(default=1)
    resolved_at = peewee.DateTimeField(null=True, index=True)
    notified_at = peewee.DateTimeField(null=True)  # set by the notification layer once staff were told

    class Meta:
        table_name = "ops_alert"


def _v80(db: peewee.Database, migrator: Any) -> None:
    db.create_tables([Alert])


migrations.register(80, "operations: health alerts", _v80)


def add_listener(listener: Callable[[Alert], None]) -> None:
    """Call ``listener(alert)`` in this process whenever an alert is raised (new or repeated)."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def _ensure_database(config: Any = None) -> bool:
    """Bind the CRM if this process has not (CLI commands such as ``backup``); False when it cannot."""
    if database.obj is not None:
        return True
    try:
        from appliance import settings
        from appliance.data import crm

        crm.open_for(config or settings.load())
        return True
    except Exception as exc:  # a full disk or a broken CRM: the log still gets the alert
        _LOGGER.error("alerts: CRM unavailable (%s)", exc)
        return False


def raise_alert(kind: str, message: str, *, config: Any = None) -> Alert | None:
    """Record a health alert for staff (see module docstring). Returns the row, or None if it could not be
    stored (it is logged either way)."""
    _LOGGER.warning("ALERT %s: %s", kind, message)
    if kind not in KINDS:
        _LOGGER.error("alerts: unknown kind %r (known: %s)", kind, ", ".join(KINDS))
    if not _ensure_database(config):
        return None
    try:
        now = utcnow()
        with database.atomic():
            alert = (Alert.select().where(Alert.kind == kind, Alert.resolved_at.is_null())
                     .order_by(Alert.id.desc()).first())
            if alert is None:
                alert = Alert.create(kind=kind, message=message, first_at=now, last_at=now)
            else:
                Alert.update(message=message, last_at=now, count=Alert.count + 1).where(Alert.id == alert.id).execute()
                alert = Alert.get_by_id(alert.id)
    except Exception as exc:
        _LOGGER.error("alerts: could not store %s (%s)", kind, exc)
        return None
    for listener in list(_LISTENERS):
        try:
            listener(alert)
        except Exception:
            _LOGGER.exception("alerts: listener %r failed", listener)
    return alert


def resolve_alert(kind: str, *, config: Any = None) -> int:
    """Close the open alert(s) of ``kind``; returns how many were closed."""
    if not _ensure_database(config):
        return 0
    try:
        n = Alert.update(resolved_at=utcnow()).where(Alert.kind == kind, Alert.resolved_at.is_null()).execute()
    except Exception as exc:
        _LOGGER.error("alerts: could not resolve %s (%s)", kind, exc)
        return 0
    if n:
        _LOGGER.info("alert %s resolved", kind)
    return n


def open_alerts() -> list[Alert]:
    return list(Alert.select().where(Alert.resolved_at.is_null()).order_by(Alert.last_at.desc()))


def recent_alerts(limit: int = 50) -> list[Alert]:
    return list(Alert.select().order_by(Alert.id.desc()).limit(limit))


def pending_notifications() -> list[Alert]:
    """Alerts staff have not been told about yet (for the notification layer)."""
    return list(Alert.select().where(Alert.notified_at.is_null()).order_by(Alert.id))


def mark_notified(alert_id: int) -> None:
    Alert.update(notified_at=utcnow()).where(Alert.id == alert_id).execute()
