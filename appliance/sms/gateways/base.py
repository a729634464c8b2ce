"""What every SMS gateway speaks: the message going out, the vendor's answers, a reply coming in."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Protocol

from appliance.errors import ApplianceError

ACCEPTED, RETRY, REJECTED, UNKNOWN = "accepted", "retry", "rejected", "unknown"


class GatewayError(ApplianceError):
    """The SMS vendor or agent database could not be reached or answered nonsense."""


@dataclasses.dataclass(frozen=True)
class Outgoing:
    reference: str
    sender: str
    receiver: str
    text: str
    type: str  # SMS | LMS
    subject: str | None = None


@dataclasses.dataclass(frozen=True)
class SendResult:
    status: str  # accepted | retry | rejected | unknown
    vendor_id: str | None = None
    error: str | None = None


@dataclasses.dataclass(frozen=True)
class Report:
    """What the vendor says about one message: ``sent`` (has it, not yet delivered), ``delivered``, ``failed``,
    or ``missing`` (the vendor never got it)."""

    state: str
    reference: str | None = None
    vendor_id: str | None = None
    error: str | None = None


@dataclasses.dataclass(frozen=True)
class Incoming:
    """One reply (MO) from a patient's phone."""

    vendor_id: str | None
    phone: str
    text: str
    received_at: dt.datetime | None = None


class Gateway(Protocol):
    name: str
    idempotent: bool

    def send(self, message: Outgoing) -> SendResult: ...
    def lookup(self, reference: str) -> Report | None: ...
    def reports(self, references: list[str]) -> list[Report]: ...
    def check(self) -> None: ...
    def close(self) -> None: ...
