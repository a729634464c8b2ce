"""Writing the call log: a call row when it starts, a turn row per exchange, the outcome when it ends.

Timing fields are milliseconds since the call started, so a turn's stages can be compared directly.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from appliance.data.crm import Call, Turn, utcnow


class CallLog:
    """One call's log writer. Every write is its own short transaction: a crash mid-call loses nothing."""

    def __init__(self, direction: str, *, uniqueid: str = "", channel: str = "", caller: str = "",
                 called: str = "", campaign: str | None = None, meta: dict[str, Any] | None = None):
        self.t0 = time.monotonic()
        self.call = Call.create(
            direction=direction, uniqueid=uniqueid or None, channel=channel or None,
            caller_number=caller or None, called_number=called or None, campaign=campaign,
            answered_at=utcnow(), meta=meta or {},
        )
        self.seq = 0

    def ms(self, monotonic_time: float | None = None) -> int:
        return int(((monotonic_time if monotonic_time is not None else time.monotonic()) - self.t0) * 1000)

    def turn(self, speaker: str, text: str | None, **fields: Any) -> Turn:
        self.seq += 1
        return Turn.create(call=self.call, seq=self.seq, speaker=speaker, text=text, **fields)

    def update(self, **fields: Any) -> None:
        for key, value in fields.items():
            setattr(self.call, key, value)
        self.call.save()

    def link_patient(self, patient_id: str) -> bool:
        """Link the call to the patient whose identity the call proved. The first proven patient stays: a call
        that already knows its patient (an outbound call, or a second identity later in the call) keeps it.
        Caller ID alone never links a call. True when the row now names this patient."""
        if self.call.patient_id:
            return self.call.patient_id == str(patient_id)
        self.update(patient_id=str(patient_id))
        return True

    def finish(self, outcome: str, next_step: str | None = None, error: str | None = None,
               **fields: Any) -> None:
        self.call.outcome = outcome
        self.call.next_step = next_step
        self.call.error = error
        self.call.ended_at = utcnow()
        for key, value in fields.items():
            setattr(self.call, key, value)
        self.call.save()


def recent_calls(limit: int = 20) -> list[Call]:
    return list(Call.select().order_by(Call.started_at.desc(), Call.id.desc()).limit(limit))


def mask_number(number: str | None) -> str:
    """010-1234-5678 → 010-****-5678: enough for staff to recognise, not enough to leak."""
    if not number:
        return "-"
    digits = "".join(ch for ch in number if ch.isdigit())
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}-****-{digits[-4:]}"


def duration_s(call: Call) -> float | None:
    if call.ended_at and call.started_at:
        return (call.ended_at - call.started_at).total_seconds()
    return None


__all__ = ["CallLog", "recent_calls", "mask_number", "duration_s", "dt"]
