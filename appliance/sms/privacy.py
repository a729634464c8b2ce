"""A patient's texts for privacy requests (열람·삭제 요구): export and delete their outbox and reply rows.

Opt-outs are not touched: a refusal is kept forever (it is what stops the next advert). Callers log the view
in the access log (``access_log.record("privacy.export", patient_id=...)``) as for any other export.
"""

from __future__ import annotations

from typing import Any

from appliance.data import crm
from appliance.sms import inbox, outbox

_OUT_FIELDS = ("id", "purpose", "kind", "phone", "type", "bytes", "state", "attempts", "text", "subject",
               "created_at", "sent_at", "delivered_at", "error")
_IN_FIELDS = ("id", "phone", "text", "received_at", "action")


def _conds(patient_id: str | None, phone: str | None, model: Any) -> Any:
    cond = crm.of_person(model, phone, patient_id)
    if cond is None:
        raise ValueError("give a patient id or a phone number")
    return cond


def _row(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    out = {}
    for name in fields:
        value = getattr(row, name)
        out[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def export_for_patient(patient_id: str | None, phone: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every text sent to and received from this patient (by id, and by number: a text may predate the id)."""
    sent = outbox.Message.select().where(_conds(patient_id, phone, outbox.Message)).order_by(outbox.Message.id)
    received = inbox.Reply.select().where(_conds(patient_id, phone, inbox.Reply)).order_by(inbox.Reply.id)
    return {"sms_sent": [_row(r, _OUT_FIELDS) for r in sent], "sms_received": [_row(r, _IN_FIELDS) for r in received]}


def delete_for_patient(patient_id: str | None, phone: str | None = None) -> dict[str, int]:
    """Delete those rows (queued ones too: nothing more is sent); returns the counts."""
    with crm.write_transaction():
        sent = outbox.Message.delete().where(_conds(patient_id, phone, outbox.Message)).execute()
        received = inbox.Reply.delete().where(_conds(patient_id, phone, inbox.Reply)).execute()
    return {"sms_sent": sent, "sms_received": received}
