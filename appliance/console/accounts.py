"""Staff accounts: adding them (``dentalcall staff add``), argon2id password hashes, and login with throttling.

Throttling: after ``console_login_attempts`` wrong passwords for one account within 15 minutes (or four
times that from one address, which stops guessing across many names) every further try is refused without
even checking the password, until the window has passed. An unknown name costs the same hash work as a
known one, so the answer time does not tell which names exist.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from appliance.console.models import ROLES, ConsoleSession, LoginAttempt, StaffAccount
from appliance.data.crm import utcnow
from appliance.errors import ApplianceError

_LOGGER = logging.getLogger(__name__)

CALL_ROLES = ("admin", "staff")  # the roles that see calls and patients' pages; any other role gets 403

THROTTLE_WINDOW = dt.timedelta(minutes=15)
ADDRESS_FACTOR = 4
MIN_PASSWORD = 10
_NAME = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
_EXTENSION = re.compile(r"^[0-9]{2,6}$")
_HASHER = PasswordHasher()  # argon2id with the library's current recommended parameters
_DUMMY_HASH = _HASHER.hash("not a password: equalises timing for unknown names")


class AccountError(ApplianceError):
    """A bad account name, role, password or extension."""


class LoginThrottled(ApplianceError):
    """Too many wrong passwords lately: the login is refused until the window has passed."""


@dataclasses.dataclass(frozen=True)
class Staff:
    """The logged-in person, as pages see it."""

    id: int
    name: str
    role: str
    extension: str | None = None
    display_name: str | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def actor(self) -> str:
        """How the access log and the action audit name this person."""
        return f"staff:{self.name}"

    @property
    def label(self) -> str:
        return self.display_name or self.name

    @property
    def sees_calls(self) -> bool:
        """May see calls, and so a patient's page (their calls, texts, work items, consent)."""
        return self.role in CALL_ROLES


def as_staff(row: StaffAccount) -> Staff:
    return Staff(id=row.id, name=row.name, role=row.role, extension=row.extension, display_name=row.display_name)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password: at least {MIN_PASSWORD} characters")
    if password.strip() != password or not password.isprintable():
        raise AccountError("password: no leading/trailing spaces or control characters")


def add_account(name: str, role: str, password: str, *, extension: str | None = None,
                display_name: str | None = None) -> Staff:
    """Create an account (``name`` lower-case letters, digits, ``._-``)."""
    if not _NAME.match(name or ""):
        raise AccountError(f"account name {name!r}: 2-32 lower-case letters, digits, '.', '_' or '-', "
                           "starting with a letter")
    if role not in ROLES:
        raise AccountError(f"role {role!r}: use {' or '.join(ROLES)}")
    if extension and not _EXTENSION.match(extension):
        raise AccountError(f"extension {extension!r}: 2-6 digits (the desk phone 'call back' rings first)")
    check_password_rules(password)
    if StaffAccount.select().where(StaffAccount.name == name).exists():
        raise AccountError(f"account {name!r} exists already; `dentalcall staff passwd {name}` changes its password")
    row = StaffAccount.create(name=name, role=role, password_hash=_HASHER.hash(password), extension=extension or None,
                              display_name=(display_name or "").strip() or None)
    _LOGGER.info("console account %s added (role %s)", name, role)
    return as_staff(row)


def set_password(name: str, password: str) -> None:
    check_password_rules(password)
    row = StaffAccount.get_or_none(StaffAccount.name == name)
    if row is None:
        raise AccountError(f"no account {name!r}; `dentalcall staff list` shows them")
    StaffAccount.update(password_hash=_HASHER.hash(password), password_changed_at=utcnow()).where(
        StaffAccount.id == row.id).execute()
    _end_sessions(row.id)


def _end_sessions(account_id: int) -> None:
    """A new password or a disabled account logs every open console session of that account out."""
    ConsoleSession.update(ended_at=utcnow()).where(ConsoleSession.account == account_id,
                                                   ConsoleSession.ended_at.is_null()).execute()


def set_disabled(name: str, disabled: bool) -> None:
    row = StaffAccount.get_or_none(StaffAccount.name == name)
    if row is None:
        raise AccountError(f"no account {name!r}; `dentalcall staff list` shows them")
    StaffAccount.update(disabled=disabled).where(StaffAccount.id == row.id).execute()
    if disabled:
        _end_sessions(row.id)


def set_extension(name: str, extension: str) -> None:
    if not _EXTENSION.match(extension or ""):
        raise AccountError(f"extension {extension!r}: 2-6 digits")
    row = StaffAccount.get_or_none(StaffAccount.name == name)
    if row is None:
        raise AccountError(f"no account {name!r}; `dentalcall staff list` shows them")
    StaffAccount.update(extension=extension).where(StaffAccount.id == row.id).execute()


def list_accounts() -> list[StaffAccount]:
    return list(StaffAccount.select().order_by(StaffAccount.name))


def is_throttled(name: str, origin: str, limit: int, now: dt.datetime | None = None) -> bool:
    since = (now or utcnow()) - THROTTLE_WINDOW
    failed = LoginAttempt.select().where(LoginAttempt.at >= since, LoginAttempt.ok == False)  # noqa: E712
    if failed.where(LoginAttempt.name == name).count() >= limit:
        return True
    return failed.where(LoginAttempt.origin == origin).count() >= limit * ADDRESS_FACTOR


def authenticate(name: str, password: str, origin: str, *, limit: int = 5) -> Staff | None:
    """The account when ``password`` is right; None when wrong; ``LoginThrottled`` after too many misses."""
    name = (name or "").strip().lower()[:64]
    if is_throttled(name, origin, limit):
        LoginAttempt.create(name=name, origin=origin, ok=False)
        _LOGGER.warning("console login refused: throttled (origin %s)", origin)
        raise LoginThrottled("too many wrong passwords")
    row = StaffAccount.get_or_none(StaffAccount.name == name)
    ok = False
    try:
        ok = _HASHER.verify(row.password_hash if row is not None else _DUMMY_HASH, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    ok = ok and row is not None and not row.disabled
    LoginAttempt.create(name=name, origin=origin, ok=ok)
    if not ok or row is None:
        _LOGGER.info("console login failed (origin %s)", origin)
        return None
    fields: dict = {StaffAccount.last_login_at: utcnow()}
    if _HASHER.check_needs_rehash(row.password_hash):
        fields[StaffAccount.password_hash] = _HASHER.hash(password)
    StaffAccount.update(fields).where(StaffAccount.id == row.id).execute()
    _LOGGER.info("console login ok: %s", row.name)
    return as_staff(row)
