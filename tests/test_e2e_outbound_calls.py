"""Outbound end to end through the real parts: the engine's dialer (a background service of the real
``dentalcall serve``) originates over AMI through the real Asterisk to a sipp callee on 127.0.0.3 that
answers and presses keys (the only Korean speech clips we have are not dental, so answers are DTMF); the
dialog runs on the real engine (AudioSocket, placeholder prompts, Whisper loaded). We assert the task's
outcome, the call log, what the callee heard, and the cancellation in the (seeded SQLite) EMR, plus a
no-answer that is retried and then busy, and a keypad opt-out recorded forever.

The lab (``tests.outbound_e2e_support``): a clinic open around the clock in a time zone where it is about noon
now, the callee's keys as in-band tones.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from appliance import settings
from appliance.conversation.actions import spoken_keys
from appliance.data import crm, crm_records
from appliance.data.emr import drivers
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from tests.audio_checks import heard_prompt
from tests.outbound_e2e_support import (add_task, advert_hours, birth_presses, consented_adult, keys_stream,
                                        now_there, seconds, start_uas, wait_task)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def lab(outbound_lab):
    return outbound_lab


def test_reminder_cancelled_by_keypad_frees_the_slot_in_the_emr(lab, tmp_path):
    from appliance.data.emr import EMR
    from appliance.data.clinic import facts as factslib
    from appliance.outbound import targeting

    config = lab["config"]
    tomorrow = lab["today"] + dt.timedelta(days=1)
    conn = drivers.connect(lab["emr_url"], read_only=False, connect_timeout=5, statement_timeout=10)
    try:
        conn.begin(serializable=False)
        conn.execute("INSERT INTO RESERVATION (RSV_PTID, RSV_DATE, RSV_TIME, RSV_MIN, RSV_DRID, RSV_CHAIR, RSV_STATUS,"
                     " RSV_TXNAME) VALUES (1, :d, '1500', 30, 1, 1, 'R', '스케일링')", {"d": tomorrow.strftime("%Y%m%d")})
        conn.commit()
    finally:
        conn.close()
    emr = EMR(lab["emr_url"])
    plan = targeting.plan("reminder", emr=emr, facts=factslib.load_for(config), now=now_there(lab), config=config)
    mine = [t for t in plan.targets if "1" in t.patients]  # the family phone's call (a merged one if siblings are due)
    assert len(mine) == 1, plan.targets
    entry = next(a for a in mine[0].appointments() if a["patient_id"] == "1")
    appt_id = entry["id"]
    pack = PromptPack.load(config)
    birth = EMR(lab["emr_url"]).get_patient("1").birth_date.strftime("%y%m%d")  # the patient keys it in
    presses, after_identity = birth_presses(pack, birth)
    presses += [(after_identity + 9.0, "3"), (after_identity + 15.0, "1")]
    uas = start_uas(lab, tmp_path, "reminder", audio=keys_stream(tmp_path / "keys", presses))
    from appliance.outbound import queue

    single = {"appointment": {k: entry[k] for k in ("id", "start", "duration_min", "doctor", "chair", "treatment")}}
    task = add_task(lab, "reminder", "INFO", "1", mine[0].phone, "e2e-reminder", single)
    try:
        task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=120)
    finally:
        callee = uas.wait(120)
    assert callee.ok, callee.describe()
    assert task.outcome == "cancelled", (task.__data__, lab["engine"].tail())
    call = crm.Call.get_by_id(task.call_id)
    assert call.direction == "outbound" and call.campaign == "reminder" and call.outcome == "cancelled"
    assert call.called_number == "01020240001" and call.patient_id == "1"
    attempt = queue.DialAttempt.get(queue.DialAttempt.task == task.id)
    assert attempt.status == queue.FINISHED and call.uniqueid == attempt.channel_id
    rows = drivers.connect(lab["emr_url"], read_only=True, connect_timeout=5, statement_timeout=10).query(
        "SELECT RSV_STATUS AS s FROM RESERVATION WHERE RSV_ID = :id", {"id": int(appt_id)})
    assert rows[0]["s"] == "X"  # cancelled in the EMR at once: the slot is free again
    heard = callee.heard_pcm()
    assert heard_prompt(heard, pack.pcm("greeting_unrecorded"))[0]  # campaign calls are not recorded
    assert heard_prompt(heard, pack.pcm("ask_birth"))[0]
    for key in spoken_keys("ob_cancelled"):  # "예약이 취소되었습니다." + "필요하시면 …" + "좋은 하루 보내세요."
        assert heard_prompt(heard, pack.pcm(key))[0], key


def test_reminder_confirmed_after_the_birth_date_keyed_on_the_phone(lab, tmp_path):
    """Issue 11: nothing about the appointment before the birth date; keyed on the phone, it unlocks the
    reminder and the patient confirms with 1. The birth date never lands in the call log."""
    from appliance.data.emr import EMR
    from appliance.data.clinic import facts as factslib
    from appliance.outbound import queue, targeting

    config = lab["config"]
    day = lab["today"] + dt.timedelta(days=1)
    emr = EMR(lab["emr_url"])
    patient = next(p for p in map(emr.get_patient, map(str, range(4, 100))) if p and p.status == "active"
                   and p.phones and p.birth_date and p.birth_date.year < 2000
                   and len(emr.find_patients_by_phone(p.phones[0])) == 1)
    conn = drivers.connect(lab["emr_url"], read_only=False, connect_timeout=5, statement_timeout=10)
    try:
        conn.begin(serializable=False)
        conn.execute("INSERT INTO RESERVATION (RSV_PTID, RSV_DATE, RSV_TIME, RSV_MIN, RSV_DRID, RSV_CHAIR, RSV_STATUS,"
                     " RSV_TXNAME) VALUES (:p, :d, '1100', 30, 1, 2, 'R', '스케일링')",
                     {"p": int(patient.id), "d": day.strftime("%Y%m%d")})
        conn.commit()
    finally:
        conn.close()
    plan = targeting.plan("reminder", emr=emr, facts=factslib.load_for(config), now=now_there(lab), config=config)
    mine = [t for t in plan.targets if t.patient_id == patient.id]
    assert mine, plan.targets
    pack = PromptPack.load(config)
    presses, unlocked = birth_presses(pack, patient.birth_date.strftime("%y%m%d"))
    presses.append((unlocked + seconds(pack, "confirmed_short", "ob_purpose_reminder", *spoken_keys("ob_reminder_ask"))
                    + 6.0, "1"))
    uas = start_uas(lab, tmp_path, "confirm", audio=keys_stream(tmp_path / "keys", presses))
    task = add_task(lab, "reminder", "INFO", patient.id, mine[0].phone, "e2e-confirm", mine[0].data)
    try:
        task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=150)
    finally:
        callee = uas.wait(150)
    assert callee.ok, callee.describe()
    assert task.outcome == "confirmed", (task.__data__, lab["engine"].tail())
    heard = callee.heard_pcm()
    # (the question itself may be cut by the key when a loaded machine reads the time back slowly)
    for key in ("greeting_unrecorded", "ob_purpose_generic", "ask_birth", "confirmed_short", "ob_purpose_reminder",
                *spoken_keys("ob_confirmed")):
        assert heard_prompt(heard, pack.pcm(key))[0], key
    assert not heard_prompt(heard, pack.pcm("greeting"))[0]  # no recording notice: the call is not recorded
    call = crm.Call.get_by_id(task.call_id)
    keyed = [t.meta.get("dtmf") for t in call.turns if t.speaker == "caller" and (t.meta or {}).get("dtmf")]
    assert keyed[0] == "******" and patient.birth_date.strftime("%y%m%d") not in str([t.meta for t in call.turns])
    assert [e["kind"] for e in call.meta["events"]] == ["identity_confirmed", "confirmed"]


def test_no_answer_is_retried_then_busy_then_answered(lab, tmp_path):
    from appliance.outbound import queue

    ring = start_uas(lab, tmp_path, "ring", mode="ring", timeout=40)
    task = add_task(lab, "happy_call", "INFO", "2", "01020240001", "e2e-happy", {"treatment": "extraction"})
    try:
        task = wait_task(task.id, lambda t: t.attempts == 1 and t.status == queue.QUEUED, timeout=60)
    finally:
        ring.wait(60)
    first = queue.DialAttempt.get(queue.DialAttempt.task == task.id)
    assert first.status == queue.NO_ANSWER
    assert dt.timedelta(seconds=50) < task.next_at - first.ended_at <= dt.timedelta(minutes=1, seconds=1)
    busy = start_uas(lab, tmp_path, "busy", mode="busy", timeout=120)
    try:
        task = wait_task(task.id, lambda t: t.attempts == 2 and t.status == queue.QUEUED, timeout=120)
    finally:
        busy.wait(60)
    second = queue.DialAttempt.get(queue.DialAttempt.task == task.id, queue.DialAttempt.seq == 2)
    assert second.status == queue.BUSY
    from appliance.data.emr import EMR

    pack = PromptPack.load(lab["config"])
    child = EMR(lab["emr_url"]).get_patient("2")  # a minor: the parent answers with the child's birth date
    presses, unlocked = birth_presses(pack, child.birth_date.strftime("%y%m%d"))
    presses.append((unlocked + seconds(pack, "confirmed_guardian", "ob_purpose_happy", "ob_happy_ask") + 1.0, "2"))
    answer = start_uas(lab, tmp_path, "answer", audio=keys_stream(tmp_path / "keys", presses), timeout=150)
    try:
        task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=150)
    finally:
        callee = answer.wait(150)
    assert callee.ok, callee.describe()
    assert task.outcome == "answered" and task.attempts == 3, lab["engine"].tail()


def test_keypad_opt_out_is_recorded_forever(lab, tmp_path):
    from appliance.outbound import queue

    advert_hours()
    patient = consented_adult(lab)
    uas = start_uas(lab, tmp_path, "optout", audio=keys_stream(tmp_path / "keys", [(4.0, "9")]))
    task = add_task(lab, "recall", "AD", patient, "01055550009", "e2e-optout", {"track": "recall"})
    try:
        task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=90)
    finally:
        callee = uas.wait(90)
    assert callee.ok, callee.describe()
    assert task.outcome == "opted_out", lab["engine"].tail()
    opt = crm_records.OptOut.get(crm_records.OptOut.patient_id == patient)
    assert opt.phone == "01055550009" and opt.source == "call_dtmf" and opt.scope == "ad"
    assert crm_records.is_opted_out("010-5555-0009")
    pack = PromptPack.load(lab["config"])
    heard = callee.heard_pcm()
    assert heard_prompt(heard, pack.pcm("ob_optout_notice"))[0]
    assert all(heard_prompt(heard, pack.pcm(key))[0] for key in spoken_keys("ob_opted_out"))
    # the next advertising task for that number is cancelled before any dial
    again = add_task(lab, "insurance_scaling", "AD", patient, "01055550009", "e2e-optout-2")
    again = wait_task(again.id, lambda t: t.status != queue.QUEUED, timeout=30)
    assert again.status == queue.CANCELLED and again.outcome == "opted_out"
    assert not queue.DialAttempt.select().where(queue.DialAttempt.task == again.id).exists()


def test_engine_killed_mid_call_is_reconciled_without_a_second_call(lab, tmp_path):
    """Crash-restart: the engine dies while the patient is on the line; the restarted dialer finds the call in
    the log, closes the task (for staff review) and never rings the patient again for it."""
    from appliance.outbound import queue

    engine = lab["engine"]
    uas = start_uas(lab, tmp_path, "crash", hold_seconds=14, timeout=60)
    task = add_task(lab, "happy_call", "INFO", "3", "01020240001", "e2e-crash", {"treatment": "extraction"})
    try:
        wait_task(task.id, lambda t: queue.DialAttempt.select().where(
            queue.DialAttempt.task == t.id, queue.DialAttempt.status == queue.IN_CALL).exists(), timeout=60)
        time.sleep(2.0)  # the greeting is playing
        engine.kill()
    finally:
        callee = uas.wait(60)
    assert callee.ok, callee.describe()  # the callee was never left in dead air: the dialplan took over
    engine.start()
    task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=150)
    assert task.outcome == "failed" and task.attempts == 1 and task.call_id is not None
    time.sleep(8.0)  # a few dialer ticks later: still one attempt, nobody redialled
    assert queue.DialAttempt.select().where(queue.DialAttempt.task == task.id).count() == 1


def test_answering_machine_gets_a_short_call_back_message(lab, tmp_path):
    """outbound_amd = message: Asterisk's AMD hears a long greeting (a machine) → the short message without
    any health detail, outcome voicemail_left, no retry."""
    from appliance.outbound import queue

    advert_hours()
    engine = lab["engine"]
    base = settings.load(env=engine.env)
    settings.write_config(base, {"outbound_amd": "message"})
    engine.stop()
    engine.start()
    try:
        machine = [(None, 0.3), (sipp.demo_clip(lab["config"]), 0.0)]  # 4.6 s of continuous speech
        uas = start_uas(lab, tmp_path, "machine", audio=machine, timeout=60)
        task = add_task(lab, "recall", "AD", consented_adult(lab), "01020240001", "e2e-amd", {"track": "recall"})
        try:
            task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=60)
        finally:
            callee = uas.wait(60)
        assert callee.ok, callee.describe()
        assert task.outcome == "voicemail_left" and task.attempts == 1, engine.tail()
        pack = PromptPack.load(lab["config"])
        heard = callee.heard_pcm()
        for key in ("ob_voicemail_ad", "ob_voicemail_number", "ob_voicemail_ad_end"):  # an advert: notice, opt-out
            assert heard_prompt(heard, pack.pcm(key))[0], key
        assert not heard_prompt(heard, pack.pcm("greeting_unrecorded"))[0]  # the patient dialog never ran
    finally:
        settings.write_config(base, {"outbound_amd": "off"})
        engine.stop()
        engine.start()
