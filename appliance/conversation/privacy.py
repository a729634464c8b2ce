"""What the dialogs need to handle patient data lawfully, beyond :class:`~appliance.conversation.backend.Backend`.

- ``MINOR_AGE``: under 14 a patient's data goes to the guardian (개인정보보호법 §22-2).
- ``log_disclosure``: the access log (접속기록) entry when a dialog tells a caller, who proved who they are,
  a patient's details (their appointments); actor ``ai:phone``.
- ``call_is_recorded``: whether this call's recording actually started (the greeting says so only then).
- ``can_find_by_birth``: whether the EMR profile can look patients up by birth date (callers on an unknown
  or withheld number).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Iterable

from appliance.data.emr.model import age_on

_LOGGER = logging.getLogger(__name__)

MINOR_AGE = 14
ACTOR = "ai:phone"


def is_minor(patient: Any, today: dt.date) -> bool:
    age = age_on(getattr(patient, "birth_date", None), today)
    return age is not None and age < MINOR_AGE


def birth6_of(patient: Any) -> str | None:
    birth = getattr(patient, "birth_date", None)
    return birth.strftime("%y%m%d") if birth else None


def log_disclosure(patient_ids: Iterable[str | None], *, subject: str, call_id: int | None = None) -> None:
    """Record that the AI told a verified caller these patients' details (never breaks the call)."""
    ids = [str(p) for p in patient_ids if p]
    if not ids:
        return
    try:
        from appliance.data import access_log

        access_log.record("call.disclosed", actor=ACTOR, origin="phone", patient_ids=ids,
                          subject=f"{subject} (call {call_id})" if call_id else subject)
    except Exception as exc:
        _LOGGER.warning("access log unavailable (%s): a disclosure on a call was not logged", type(exc).__name__)


def call_is_recorded(call_id: int | None) -> bool:
    """True when the call log says this call's recording was started (``recording_path`` set)."""
    if call_id is None:
        return False
    try:
        from appliance.data import crm

        row = crm.Call.get_or_none(crm.Call.id == call_id)
        return bool(row is not None and row.recording_path)
    except Exception as exc:
        _LOGGER.warning("call log unavailable (%s): the recording notice is left out", type(exc).__name__)
        return False


def can_find_by_birth(backend: Any) -> bool:
    emr = getattr(backend, "emr", None)
    try:
        return bool(emr is not None and not backend.emr_down and emr.profile.has("find_patients_by_birth"))
    except Exception:
        return False
