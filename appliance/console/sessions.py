"""Console sessions: a random cookie token (only its SHA-256 is stored), a CSRF token per session, idle logout.

A session ends after ``console_idle_minutes`` without a click (live updates do not count: an open screen
on the desk PC logs itself out), after ``MAX_AGE`` whatever happens, at logout, or when its account is
disabled or its password changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import secrets

from appliance.console.accounts import Staff, as_staff
from appliance.console.models import ConsoleSession, StaffAccount
from appliance.data.crm import utcnow

COOKIE = "dc_session"
MAX_AGE = dt.timedelta(hours=12)
TOUCH_EVERY = dt.timedelta(seconds=20)  # last_seen_at is written at most this often


@dataclasses.dataclass(frozen=True)
class Session:
    token_hash: str
    staff: Staff
    csrf: str
    last_seen_at: dt.datetime


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start(staff: Staff, origin: str) -> tuple[str, Session]:
    """A new session for ``staff``; returns the cookie token (shown once, never stored) and the session."""
    token = secrets.token_urlsafe(32)
    row = ConsoleSession.create(token_hash=_hash(token), account=staff.id, csrf=secrets.token_urlsafe(32),
                                origin=origin[:64])
    return token, Session(row.token_hash, staff, row.csrf, row.last_seen_at)


def lookup(token: str | None, idle: dt.timedelta, *, touch: bool = True,
           now: dt.datetime | None = None) -> Session | None:
    """The live session of a cookie token, or None (unknown, ended, idle too long, account disabled).

    ``touch`` records activity (a page or a form); live-update streams look up with ``touch=False``."""
    if not token or len(token) > 128:
        return None
    now = now or utcnow()
    row = (ConsoleSession.select(ConsoleSession, StaffAccount).join(StaffAccount)
           .where(ConsoleSession.token_hash == _hash(token)).first())
    if row is None or row.ended_at is not None or row.account.disabled:
        return None
    if now - row.last_seen_at > idle or now - row.created_at > MAX_AGE:
        end(row.token_hash, now)
        return None
    if touch and now - row.last_seen_at >= TOUCH_EVERY:
        ConsoleSession.update(last_seen_at=now).where(ConsoleSession.token_hash == row.token_hash).execute()
        row.last_seen_at = now
    return Session(row.token_hash, as_staff(row.account), row.csrf, row.last_seen_at)


def still_valid(session: Session, idle: dt.timedelta, now: dt.datetime | None = None) -> bool:
    """For long-lived streams: has the session ended or gone idle since it was looked up?"""
    now = now or utcnow()
    row = ConsoleSession.get_or_none(ConsoleSession.token_hash == session.token_hash)
    return bool(row and row.ended_at is None and now - row.last_seen_at <= idle
                and now - row.created_at <= MAX_AGE)


def csrf_ok(session: Session, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(session.csrf.encode(), str(token).encode())


def end(token_hash: str, now: dt.datetime | None = None) -> None:
    ConsoleSession.update(ended_at=now or utcnow()).where(ConsoleSession.token_hash == token_hash,
                                                         ConsoleSession.ended_at.is_null()).execute()
