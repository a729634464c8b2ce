"""The notification outbox (migration 22): every alert, e-mail and webhook is a row with a unique key.

Exactly once, as far as a network allows:

* a message is *enqueued* under a key such as ``email:voicemail:12`` (a second enqueue is a no-op, so a
  restart that sees the same voicemail again adds nothing);
* it is *claimed* (``pending``/``failed`` → ``sending``, one UPDATE) before anything is sent, so two
  processes never send the same row;
* after the send it is ``sent``; a definite failure (connection refused, an SMTP/HTTP error) goes back to
  ``failed`` and is retried with back-off, up to ``MAX_ATTEMPTS``;
* a row found ``sending`` at start-up was interrupted mid-send (crash, power cut): it may or may not have
  gone out, so it becomes ``uncertain`` and is **not** resent (no duplicate e-mail after a restart); the
  Health page lists such rows.

Alerts outside staffed hours are ``held`` and go out with the morning summary (``summarised``).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import peewee

from appliance.data import migrations
from appliance.data.crm import BaseModel, JSONField, utcnow

_LOGGER = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_MINUTES = (1, 2, 5, 15, 30)
STATUSES = ("pending", "sending", "sent", "failed", "held", "summarised", "uncertain", "gave_up", "skipped")


class Notification(BaseModel):
    key = peewee.CharField(max_length=96, unique=True)
    channel = peewee.CharField(max_length=12)  # ring | email | webhook
    kind = peewee.CharField(max_length=24)  # callback | voicemail | summary | ops_alert
    ref = peewee.CharField(max_length=32)  # the callback/voicemail id or the summary's day
    status = peewee.CharField(max_length=12, default="pending", index=True)
    attempts = peewee.IntegerField(default=0)
    next_at = peewee.DateTimeField(default=utcnow, index=True)
    created_at = peewee.DateTimeField(default=utcnow)
    updated_at = peewee.DateTimeField(default=utcnow)
    sent_at = peewee.DateTimeField(null=True)
    last_error = peewee.CharField(max_length=255, null=True)
    data = JSONField(null=True)  # ids and flags only, never a number, name or transcript


def _v22(db: peewee.Database, migrator: Any) -> None:
    db.create_tables([Notification])


migrations.register(22, "notifications outbox (alerts, e-mail, webhooks)", _v22)


def key_for(channel: str, kind: str, ref: Any) -> str:
    return f"{channel}:{kind}:{ref}"


def enqueue(channel: str, kind: str, ref: Any, *, status: str = "pending", data: dict | None = None) -> bool:
    """Add a message once; True when it is new."""
    key = key_for(channel, kind, ref)
    try:
        with Notification._meta.database.atomic():
            Notification.create(key=key, channel=channel, kind=kind, ref=str(ref), status=status, data=data)
    except peewee.IntegrityError:
        return False
    return True


def known(channel: str, kind: str, ref: Any) -> bool:
    return Notification.select().where(Notification.key == key_for(channel, kind, ref)).exists()


CHANNELS = ("ring", "email", "webhook")
SAME_ITEM_SLACK = dt.timedelta(seconds=2)  # clock rounding between the item's row and its notifications


def forget_earlier(kind: str, ref: Any, item_created: dt.datetime) -> int:
    """Drop rows about an *earlier* item that had the same id: a deleted row's id is given again (SQLite reuses
    the highest id after a privacy deletion or a purge), and the new item must still be notified. Rows are
    always written after their item, so one older than the item belongs to its predecessor."""
    keys = [key_for(channel, kind, ref) for channel in CHANNELS]
    stale = [row.key for row in Notification.select(Notification.key).where(
        Notification.key.in_(keys), Notification.created_at < item_created - SAME_ITEM_SLACK)]
    if not stale:
        return 0
    _LOGGER.info("notifications %s were about an earlier %s with the same id: forgotten", ", ".join(stale), kind)
    return Notification.delete().where(Notification.key.in_(stale)).execute()


def claim(key: str, now: dt.datetime | None = None) -> bool:
    """Take a due row for sending; False when another sender has it or it is not due."""
    now = now or utcnow()
    n = (Notification.update(status="sending", attempts=Notification.attempts + 1, updated_at=now)
         .where(Notification.key == key, Notification.status.in_(("pending", "failed")),
                Notification.next_at <= now, Notification.attempts < MAX_ATTEMPTS).execute())
    return n == 1


def due(channel: str | None = None, now: dt.datetime | None = None, limit: int = 50) -> list[Notification]:
    now = now or utcnow()
    query = Notification.select().where(Notification.status.in_(("pending", "failed")), Notification.next_at <= now,
                                        Notification.attempts < MAX_ATTEMPTS)
    if channel:
        query = query.where(Notification.channel == channel)
    return list(query.order_by(Notification.created_at).limit(limit))


def mark_sent(key: str, now: dt.datetime | None = None) -> None:
    now = now or utcnow()
    Notification.update(status="sent", sent_at=now, updated_at=now, last_error=None).where(
        Notification.key == key).execute()


def mark_failed(key: str, error: str, now: dt.datetime | None = None) -> None:
    """A definite failure: retried after a back-off, until MAX_ATTEMPTS (then ``gave_up``)."""
    now = now or utcnow()
    row = Notification.get_or_none(Notification.key == key)
    if row is None:
        return
    final = row.attempts >= MAX_ATTEMPTS
    delay = RETRY_MINUTES[min(row.attempts, len(RETRY_MINUTES)) - 1] if row.attempts else RETRY_MINUTES[0]
    Notification.update(status="gave_up" if final else "failed", last_error=error[:255], updated_at=now,
                        next_at=now + dt.timedelta(minutes=delay)).where(Notification.key == key).execute()
    _LOGGER.warning("notification %s failed (attempt %d%s): %s", key, row.attempts, ", giving up" if final else "",
                    error[:200])


def set_status(key: str, status: str, error: str | None = None) -> None:
    Notification.update(status=status, updated_at=utcnow(), last_error=error).where(Notification.key == key).execute()


def recover_interrupted() -> int:
    """At start-up: rows left ``sending`` by a dead process become ``uncertain`` (never resent)."""
    n = Notification.update(status="uncertain", updated_at=utcnow(),
                            last_error="interrupted while sending (process stopped); not resent").where(
        Notification.status == "sending").execute()
    if n:
        _LOGGER.warning("%d notification(s) were interrupted mid-send and are not resent", n)
    return n


def held(kind: str | None = None) -> list[Notification]:
    query = Notification.select().where(Notification.status == "held")
    if kind:
        query = query.where(Notification.kind == kind)
    return list(query.order_by(Notification.created_at))


def problems(limit: int = 20) -> list[Notification]:
    """For the Health page: what could not be delivered."""
    return list(Notification.select().where(Notification.status.in_(("failed", "gave_up", "uncertain")))
                .order_by(Notification.updated_at.desc()).limit(limit))
