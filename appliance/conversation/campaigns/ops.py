"""What a campaign dialog may do to the world, as a protocol (the outbound route implements it on the EMR
and CRM; tests and ``dentalcall chat --campaign`` pass their own), and the appointments a task carries."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Collection, Protocol


@dataclasses.dataclass
class People:
    """Who the call may concern, read from the EMR when the call is answered (never from the dialer's task)."""

    concerned: list[Any]
    """The patients this call is about (birth dates and names included)."""
    others: list[Any] = dataclasses.field(default_factory=list)
    """Other patients on the same phone (a parent answering for children)."""


class Ops(Protocol):
    call_id: int | None

    def people(self) -> People | None:
        """None when the EMR cannot be read now (nobody can be verified: call again later)."""

    def find_slots(self, treatment: str | None, limit: int, avoid: Collection[dt.date] = ()) -> list[dt.datetime]:
        """The earliest free starts, never on a day in ``avoid``."""

    def book(self, start: dt.datetime, treatment: str | None, patient_id: str | None) -> bool: ...

    def reschedule(self, appointment: dict[str, Any], start: dt.datetime) -> bool: ...

    def cancel(self, appointment: dict[str, Any]) -> bool: ...

    def opt_out(self, source: str, scope: str) -> None:
        """Store an opt-out of ``scope`` (``appliance.data.crm_records.OPT_OUT_SCOPES``) and cancel what it refuses."""

    def callback(self, reason: str, priority: int, note: str | None = None) -> None: ...

    def clinic_open(self) -> bool: ...


def appointments_of(data: dict[str, Any], patient_id: str | None) -> list[dict[str, Any]]:
    """The task's appointments: ``data["appointments"]`` (a phone's family, one call) or the single
    ``data["appointment"]``; each with its ``patient_id`` (the task's when missing), sorted by start."""
    items = data.get("appointments") or ([data["appointment"]] if data.get("appointment") else [])
    out = []
    for item in items:
        appt = dict(item)
        appt.setdefault("patient_id", patient_id)
        appt["patient_id"] = str(appt["patient_id"]) if appt.get("patient_id") is not None else None
        out.append(appt)
    return sorted(out, key=lambda a: a["start"])


def start_of(appointment: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(appointment["start"])
