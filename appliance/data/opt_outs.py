"""Storing an opt-out (수신거부) and stopping at once what it refuses: every path that takes a refusal (an inbound or
outbound call, a text reply, the console) calls :func:`record`.

The opt-out row is written (``crm_records.add_opt_out``: forever), then the queued texts and the queued calls of the
number or the patient that its scope refuses (``crm_records.refuses``) are cancelled right away, each with the reason,
so staff see in the console why a text or a call never went. The checks at send time (the SMS sender, the dialer's
pre-dial check) stay as the last guard, for anything queued between two steps.

The queues live in layers above this one (``sms.outbox``, ``outbound.queue``), so each registers its canceller here on
import (modules listed in ``CANCELLER_MODULES``, imported on first use), like ``migrations.STEP_MODULES``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Callable

from appliance.data import crm_records
from appliance.listed_modules import import_listed

_LOGGER = logging.getLogger(__name__)

Canceller = Callable[[str | None, str | None, str, dt.datetime], int]
"""``cancel(phone, patient_id, scope, now) -> how many`` queued items of the number or patient ``scope`` refuses."""

# modules that register a canceller for their queue (one line each)
CANCELLER_MODULES = (
    "appliance.sms.outbox",
    "appliance.outbound.queue",
)
_CANCELLERS: dict[str, Canceller] = {}


def register(channel: str, cancel: Canceller) -> None:
    """``channel``: one of ``crm_records.CHANNELS`` ("call" | "text")."""
    if channel not in crm_records.CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    _CANCELLERS[channel] = cancel


def cancel_reason(scope: str) -> str:
    """What staff read on a text or call an opt-out stopped ("수신거부(문자) 등록으로 취소")."""
    return f"수신거부({crm_records.OPT_OUT_SCOPES.get(scope, scope)}) 등록으로 취소"


@dataclasses.dataclass
class Recorded:
    row: crm_records.OptOut | None  # None: nothing to store it against (no number, no patient)
    cancelled: dict[str, int]  # channel -> queued items cancelled


def record(phone: str | None, patient_id: str | None, *, source: str, scope: str, note: str | None = None,
           now: dt.datetime | None = None) -> Recorded:
    """Store the opt-out and cancel the queued texts and calls it refuses. ``now``: clinic local time, naive (the
    queues' clock); by default the system's local time."""
    row = crm_records.add_opt_out(phone, patient_id, source=source, scope=scope, note=note)
    if row is None:
        return Recorded(None, {})
    return Recorded(row, cancel_refused(row.phone or None, patient_id, scope,
                                        now or dt.datetime.now().replace(microsecond=0)))


def cancel_refused(phone: str | None, patient_id: str | None, scope: str, now: dt.datetime) -> dict[str, int]:
    """Cancel the queued texts and calls of the number or patient that ``scope`` refuses; channel -> how many."""
    import_listed(CANCELLER_MODULES)
    counts = {channel: cancel(phone, patient_id, scope, now) for channel, cancel in sorted(_CANCELLERS.items())}
    if any(counts.values()):
        _LOGGER.info("opt-out (scope %s) cancelled %s", scope,
                     ", ".join(f"{n} queued {channel}(s)" for channel, n in counts.items() if n))
    return counts
