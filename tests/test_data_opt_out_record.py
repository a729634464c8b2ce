"""Storing an opt-out cancels at once what its scope refuses (``opt_outs.record``), on a real SQLite CRM with the
real text outbox and the real outbound queue: the queued texts (with the reason staff read in the text queue) and the
queued calls of the number or the patient; nothing of anyone else, nothing the scope allows, nothing already sent."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.data import crm_records, opt_outs
from appliance.outbound import queue
from appliance.sms import outbox

NOW = dt.datetime(2030, 12, 2, 10, 0)
PHONE, OTHER_PHONE = "01044445555", "01066667777"

# scope -> (reminder text, advertising text, reminder call, advertising call) cancelled?
CANCELLED = {
    "ad": (False, True, False, True),
    "calls": (False, False, True, True),
    "texts": (True, True, False, False),
    "all": (True, True, True, True),
}


def _text(key: str, kind: str, phone: str = PHONE, patient_id: str | None = "77", **fields) -> outbox.Message:
    row, _ = outbox.queue(key=key, purpose="reminder", phone=phone, text="[미소치과] 안내", sender="0212345678",
                          now=NOW, kind=kind, patient_id=patient_id, not_before=NOW + dt.timedelta(hours=1), **fields)
    return row


def _call(ref: str, kind: str, patient_id: str = "77", phone: str = PHONE) -> queue.Task:
    task = queue.add_task(campaign="reminder" if kind == "INFO" else "recall", kind=kind, patient_id=patient_id,
                          phone=phone, day=NOW.date(), reason="test", ref=ref, now=NOW,
                          expires_at=NOW + dt.timedelta(days=2))
    assert task is not None
    return task


def _state(row: outbox.Message) -> tuple[str, str | None]:
    fresh = outbox.Message.get_by_id(row.id)
    return fresh.state, fresh.error


@pytest.mark.parametrize("scope", list(CANCELLED))
def test_the_queued_texts_and_calls_the_scope_refuses_are_cancelled_when_it_is_stored(crm_db, scope):
    reminder_text, ad_text = _text("t-info", outbox.INFO), _text("t-ad", outbox.AD)
    number_only_text = _text("t-number", outbox.INFO, patient_id=None)  # sent to the number, no patient id
    reminder_call, ad_call = _call("c-info", "INFO"), _call("c-ad", "AD")
    others = [_text("o-text", outbox.AD, phone=OTHER_PHONE, patient_id="78"), _call("o-call", "AD", "78", OTHER_PHONE)]
    sent = _text("t-sent", outbox.AD)
    outbox.finish(sent.id, outbox.SENT, NOW)

    done = opt_outs.record("010-4444-5555", "77", source="staff", scope=scope, note="test", now=NOW)

    assert done.row is not None and (done.row.phone, done.row.scope) == (PHONE, scope)
    want_reminder_text, want_ad_text, want_reminder_call, want_ad_call = CANCELLED[scope]
    reason = opt_outs.cancel_reason(scope)
    for row, wanted in ((reminder_text, want_reminder_text), (ad_text, want_ad_text),
                        (number_only_text, want_reminder_text)):
        assert _state(row) == ((outbox.CANCELLED, reason) if wanted else (outbox.QUEUED, None))
    for task, wanted in ((reminder_call, want_reminder_call), (ad_call, want_ad_call)):
        fresh = queue.Task.get_by_id(task.id)
        assert (fresh.status, fresh.outcome) == ((queue.CANCELLED, "opted_out") if wanted else (queue.QUEUED, None))
    assert done.cancelled == {"text": want_reminder_text * 2 + want_ad_text,
                              "call": want_reminder_call + want_ad_call}
    assert _state(others[0]) == (outbox.QUEUED, None) and queue.Task.get_by_id(others[1].id).status == queue.QUEUED
    assert _state(sent) == (outbox.SENT, None)


def test_the_reason_names_the_scope_in_korean_for_staff():
    assert opt_outs.cancel_reason("texts") == "수신거부(문자) 등록으로 취소"
    assert opt_outs.cancel_reason("all") == "수신거부(전체) 등록으로 취소"


def test_a_refusal_of_one_number_reaches_its_calls_for_another_patient_id_and_the_answer_to_it_still_goes(crm_db):
    """The number refused (no patient known): a call queued on it for any patient stops; the text answering the
    refusal (``optout_notice``) is not cancelled."""
    call = _call("c-family", "INFO", patient_id="79")
    notice = _text("t-notice", outbox.INFO, meta={"optout_notice": True})
    done = opt_outs.record(PHONE, None, source="sms", scope="all", now=NOW)
    assert queue.Task.get_by_id(call.id).status == queue.CANCELLED
    assert _state(notice) == (outbox.QUEUED, None)
    assert done.cancelled == {"text": 0, "call": 1}


def test_nothing_to_store_it_against_stores_and_cancels_nothing(crm_db):
    _text("t-info", outbox.INFO)
    done = opt_outs.record(None, None, source="call_speech", scope="all", now=NOW)
    assert done.row is None and done.cancelled == {}
    assert crm_records.OptOut.select().count() == 0
    assert outbox.Message.get().state == outbox.QUEUED

