"""A refusal of one channel on a real campaign call (dialer → real Asterisk → sipp callee; real engine with Whisper):
the patient answers a reminder call with "전화는 하지 마시고 앞으로 문자로만 주세요" (calls refused, texts wanted), or
"앞으로 문자는 보내지 마세요" (the reverse). We assert the scope that lands in the CRM, the confirmation the callee
hears (``opt_out_calls_done`` / ``opt_out_texts_done``, never another scope's), what the opt-out cancelled at once
(the patient's other queued call, or their queued text, with the reason staff read) and what it left, and what the
next campaign run plans: no call after a refusal of calls, while a text still may go (or the reverse).

As in ``test_e2e_outbound_dialogs.py``, the callee speaks a real Korean clip (it triggers the VAD and goes through
Whisper) whose transcript the documented test hook (``<home>/test-hooks/transcripts.txt``) replaces; it speaks at the
first question, before any identity is asked for: a refusal is honoured wherever the call is. The lab is
``tests.outbound_e2e_support`` (a clinic open around the clock where it is about noon now).
"""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation.actions import spoken_keys
from appliance.data import crm, crm_records, opt_outs
from appliance.data.emr import EMR, drivers
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from tests.audio_checks import heard_prompt
from tests.outbound_e2e_support import (add_task, keys_stream, now_there, patient_alone_on_a_mobile, seconds,
                                        start_uas, transcript_hook, wait_task)

pytestmark = pytest.mark.e2e

CONFIRMATIONS = ("opt_out_done", "opt_out_calls_done", "opt_out_texts_done", "opt_out_all_done")
CASES = {  # scope -> (the patient's words, the confirmation they hear, (calls refused, texts refused))
    "calls": ("전화는 하지 마시고 앞으로 문자로만 주세요", "ob_opted_out_calls", (True, False)),
    "texts": ("앞으로 문자는 보내지 마세요", "ob_opted_out_texts", (False, True)),
}


@pytest.fixture(scope="module")
def lab(outbound_lab):
    return outbound_lab


OWN_IDS = 900_000  # this module's appointment ids: see _appointment_tomorrow


def _appointment_tomorrow(lab, patient_id: str, hhmm: str) -> None:
    """A reservation with an id of this module's own. The CRM outlives the module while the next module's lab seeds
    a fresh EMR whose new reservations take the next free ids again; a reminder of an id given here would make that
    later appointment look already reminded (as if the EMR had reused an id, which a real EMR does not)."""
    day = lab["today"] + dt.timedelta(days=1)
    conn = drivers.connect(lab["emr_url"], read_only=False, connect_timeout=5, statement_timeout=10)
    try:
        conn.begin(serializable=False)
        conn.execute("INSERT INTO RESERVATION (RSV_ID, RSV_PTID, RSV_DATE, RSV_TIME, RSV_MIN, RSV_DRID, RSV_CHAIR,"
                     " RSV_STATUS, RSV_TXNAME) VALUES (:id, :p, :d, :t, 30, 1, 3, 'R', '스케일링')",
                     {"id": OWN_IDS + int(patient_id), "p": int(patient_id), "d": day.strftime("%Y%m%d"), "t": hhmm})
        conn.commit()
    finally:
        conn.close()


def _reminder_plan(lab):
    from appliance.data.clinic import facts as factslib
    from appliance.outbound import targeting

    config = lab["config"]
    return targeting.plan("reminder", emr=EMR(lab["emr_url"]), facts=factslib.load_for(config),
                          now=now_there(lab), config=config, full=True)


def _queued_text(lab, patient, key: str):
    """A reminder text already in the outbox for later (the lab sends no texts: it stays until something moves it)."""
    from appliance.sms import outbox

    now = now_there(lab)
    row, _ = outbox.queue(key=f"{key}-{now:%H%M%S}", purpose="reminder", phone=patient.phones[0],
                          patient_id=patient.id, text="[미소치과] 내일 예약 안내", sender="0255501000", now=now,
                          not_before=now + dt.timedelta(hours=3))
    return row


@pytest.mark.parametrize("scope", list(CASES))
def test_a_refusal_of_one_channel_on_a_reminder_call_stops_that_channel_only(lab, tmp_path, scope):
    from appliance.outbound import queue
    from appliance.sms import outbox

    words, confirmation, (calls_refused, texts_refused) = CASES[scope]
    config = lab["config"]
    taken = {t.patient_id for t in queue.Task.select()}
    patient = patient_alone_on_a_mobile(lab, taken)
    phone = patient.phones[0]
    _appointment_tomorrow(lab, patient.id, "1630")
    before = _reminder_plan(lab)
    mine = [t for t in before.targets if t.patient_id == patient.id]
    assert len(mine) == 1, before.targets  # the campaign would call them
    # what else is waiting for this patient: a happy call for later (not due yet) and a reminder text
    due = now_there(lab) + dt.timedelta(hours=1)  # not due during the test: no pre-dial check will touch it
    later = queue.add_task(campaign="happy_call", kind="INFO", patient_id=patient.id, phone=phone, day=due.date(),
                           reason="happy_call", ref=f"e2e-later-{scope}-{due:%H%M%S}", now=due,
                           expires_at=due + dt.timedelta(hours=2), data={"treatment": "scaling"})
    assert later is not None
    text = _queued_text(lab, patient, f"e2e-{scope}")

    pack = PromptPack.load(config)
    clip = sipp.demo_clip(config)
    speak_at = seconds(pack, "greeting_unrecorded", "ob_purpose_generic", "ask_birth") + 1.0
    with transcript_hook(config, words):
        uas = start_uas(lab, tmp_path, scope, audio=keys_stream(tmp_path / "keys", [(speak_at, clip)]), timeout=120)
        task = add_task(lab, "reminder", "INFO", patient.id, phone, f"e2e-refusal-{scope}", mine[0].data)
        try:
            task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=120)
        finally:
            callee = uas.wait(120)
    assert callee.ok, callee.describe()
    assert task.outcome == "opted_out" and task.attempts == 1, (task.__data__, lab["engine"].tail())

    # the CRM: one opt-out of the scope the words name, against the number and the patient
    opt = crm_records.OptOut.get(crm_records.OptOut.patient_id == patient.id)
    assert (opt.phone, opt.source, opt.scope) == (phone, "call_speech", scope)
    call = crm.Call.get_by_id(task.call_id)
    assert call.outcome == "opted_out" and call.campaign == "reminder"
    event = next(e for e in call.meta["events"] if e["kind"] == "opted_out")
    assert event["data"] == {"source": "call_speech", "scope": scope}

    # what the callee heard: this scope's confirmation, no other
    heard = callee.heard_pcm()
    for key in spoken_keys(confirmation):  # e.g. opt_out_calls_done + good_day
        assert heard_prompt(heard, pack.pcm(key))[0], (key, lab["engine"].tail())
    own = spoken_keys(confirmation)[0]
    for other in CONFIRMATIONS:
        if other != own:
            assert not heard_prompt(heard, pack.pcm(other))[0], other

    # cancelled at once (the waiting call is not due: no pre-dial check touched it), or left
    waiting = queue.Task.get_by_id(later.id)
    assert (waiting.status, waiting.outcome) == ((queue.CANCELLED, "opted_out") if calls_refused
                                                 else (queue.QUEUED, None))
    assert not queue.DialAttempt.select().where(queue.DialAttempt.task == later.id).exists()
    queued_text = outbox.Message.get_by_id(text.id)
    assert (queued_text.state, queued_text.error) == ((outbox.CANCELLED, opt_outs.cancel_reason(scope))
                                                      if texts_refused else (outbox.QUEUED, None))
    if not calls_refused:
        queue.cancel_task(later.id, now_there(lab), outcome="test_done")  # no later call in this lab

    # the next campaign run: no call after a refusal of calls (excluded as opted out); texts may still go
    after = _reminder_plan(lab)
    assert [t for t in after.targets if patient.id in t.patients] == []
    refused_call = after.excluded["opted_out"] - before.excluded["opted_out"]
    assert refused_call == (1 if calls_refused else 0), (before.excluded, after.excluded)
    for channel, refused in (("call", calls_refused), ("text", texts_refused)):
        assert crm_records.is_opted_out(phone, patient.id, advertising=False, channel=channel) is refused
