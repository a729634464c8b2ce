"""A campaign running beside inbound calls (issue 15): while the dialer's reminder call is on the line with a patient,
two patients ring the clinic, all three speak real Korean at about the same moment, and their decodes share the one
engine (the same Whisper, the same AudioSocket server, the same CRM). A call mixed up with another would give one
caller another's words, answer or appointment: a privacy and safety failure no single-call test can show.

Real parts throughout: the session's Asterisk and engine, the outbound lab of ``tests.outbound_e2e_support``
(dialer → Asterisk → a sipp "patient" phone on 127.0.0.3, over a freshly seeded EMR), and sipp callers dialling in.
The patient speaks a real clip twice (their birth date, then "네 갈게요"): the documented test hook
(``<home>/test-hooks/transcripts.txt``) swaps the text the campaign dialog gets, and only that call's (the campaign
call takes the file when it starts, before any inbound call is placed: the inbound callers are heard as Whisper hears
them, as in ``test_e2e_concurrent_callers.py``). The call log keeps what Whisper heard on each call, so the three
sentences (three different clips) show whose words landed where. The engine runs with one STT worker, as in that
test, so the decodes of the three sentences, which end within a few tens of ms of each other, queue on it together
(its debug log says how long each waited; the clips' lengths differ too much for one batch).

Asserted on each inbound call: the caller turn holds that caller's sentence and no word of the others' (nor the
patient's); the answer logged on the call is what the caller heard after their sentence; the two callers get
different answers and neither heard the other's, nor any of the campaign call's prompts. On the campaign call: the
patient's own words in its caller turns, the identity step passed by the spoken birth date, the reminder confirmed,
and that outcome in the CRM (task, call, events) and in the dialer's history for that patient's appointment only;
the patient heard none of the receptionist's prompts. On all three: the calls overlapped, none ends in dead air
(each caller hears the bot again soon after speaking; the patient hears the goodbye), and the engine logged no error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

import peewee
import pytest

from appliance.calls.runner import STT_TIMEOUT_S
from appliance.conversation.actions import spoken_keys
from appliance.data import crm, crm_records
from appliance.data.emr import EMR, drivers
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from tests.audio_checks import heard_prompt
from tests.outbound_e2e_support import (add_task, keys_stream, now_there, patient_alone_on_a_mobile, seconds,
                                        start_uas, transcript_hook, wait_task)
from tests.shared_data import SPEECH_KO_READ, bundled_clip, needs_speech_ko

pytestmark = [pytest.mark.e2e, needs_speech_ko]

# inbound caller → (their sentence, words of it Whisper hears), as in test_e2e_concurrent_callers.py; numbers of
# this module's own (no seeded patient has them: checked below), so no other module's calls are counted as theirs
CALLERS = {
    "01051500001": (SPEECH_KO_READ / "zeroth_104_003_0294_8k_ulaw.wav", ("커피", "전해지기", "공정")),
    "01051500002": (SPEECH_KO_READ / "zeroth_104_003_0374_8k_ulaw.wav", ("대통령", "안철수", "선택")),
}
PATIENT_CLIP = bundled_clip()  # "모든 불닭 파란색으로 다 바꿔줘", said twice by the patient
PATIENT_WORDS = ("모든", "파란", "바꿔")
OWN_IDS = 920_000  # this module's reservation ids (test_e2e_opt_out_channels.py takes 900000 + patient id)
MONDAY_10 = "2026-11-23T10:00"  # the receptionist's clock (documented test hook): its answers do not hang on the hour
LISTEN_S = 10.0  # an inbound caller listens this long after their sentence, then hangs up
THINK_S = 5.0  # from the end of the patient's clip to the dialog's next prompt: end of turn + a shared decode
READ_BACK_S = 3.0  # the appointment's time read back in the reminder question (spoken by the voice, not a prompt)
DEAD_AIR_S = STT_TIMEOUT_S + 2.0  # the engine gives up on a decode after STT_TIMEOUT_S; longer silence is dead air
SIN0 = "공일이삼사오육칠팔구"
ERROR_LINE = re.compile(r"^\S+ \S+ (ERROR|CRITICAL) |Traceback")
WAITED = re.compile(r"STT: (?:a decode|a batch of \d+) waited (\d+) ms for a worker")


def _spoken_birth(birth: dt.date) -> str:
    """The six digits read in pairs as callers do ("팔오 공삼 공이")."""
    digits = birth.strftime("%y%m%d")
    return " ".join("".join(SIN0[int(c)] for c in digits[i:i + 2]) for i in (0, 2, 4))


def _words(text: str, words) -> int:
    return sum(w in (text or "") for w in words)


def _others_words(text: str, caller: str | None) -> int:
    """Words of the sentences of everyone but ``caller`` (None: the patient) in ``text``."""
    others = sum(_words(text, words) for other, (_, words) in CALLERS.items() if other != caller)
    return others + (_words(text, PATIENT_WORDS) if caller is not None else 0)


@contextlib.contextmanager
def _receptionist_clock(config) -> Iterator[None]:
    path = Path(config.home) / "test-hooks" / "now.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(MONDAY_10, encoding="utf-8")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def _appointment_tomorrow(lab, patient_id: str, hhmm: str) -> int:
    rsv_id = OWN_IDS + int(patient_id)
    conn = drivers.connect(lab["emr_url"], read_only=False, connect_timeout=5, statement_timeout=10)
    try:
        conn.begin(serializable=False)
        conn.execute("INSERT INTO RESERVATION (RSV_ID, RSV_PTID, RSV_DATE, RSV_TIME, RSV_MIN, RSV_DRID, RSV_CHAIR,"
                     " RSV_STATUS, RSV_TXNAME) VALUES (:id, :p, :d, :t, 30, 1, 2, 'R', '스케일링')",
                     {"id": rsv_id, "p": int(patient_id), "t": hhmm,
                      "d": (lab["today"] + dt.timedelta(days=1)).strftime("%Y%m%d")})
        conn.commit()
    finally:
        conn.close()
    return rsv_id


def _reminder_targets(lab, patient_id: str) -> list:
    from appliance.data.clinic import facts as factslib
    from appliance.outbound import targeting

    config = lab["config"]
    plan = targeting.plan("reminder", emr=EMR(lab["emr_url"]), facts=factslib.load_for(config), now=now_there(lab),
                          config=config)
    return [t for t in plan.targets if patient_id in t.patients]


def _wait_gone(path: Path, timeout: float, why: str) -> None:
    deadline = time.monotonic() + timeout
    while path.exists():
        if time.monotonic() > deadline:
            raise AssertionError(why)
        time.sleep(0.2)


def _speech_end(clip: Path) -> float:
    return sipp.speech_segments(sipp.read_pcm(clip))[-1][1]


def _place(config, caller: str, lead_s: float) -> sipp.CallResult:
    clip = CALLERS[caller][0]
    seconds_ = sipp.wav_seconds(clip)
    return sipp.place_call("127.0.0.1", config.sip_port, [(None, lead_s), (clip, 0.0), (None, LISTEN_S)],
                           hold_seconds=lead_s + seconds_ + LISTEN_S - 1, timeout=120, from_user=caller)


def _longest_silence_after(heard, after: float) -> float:
    """The longest silence the caller heard from ``after`` (their sentence's end) to the last sound of the bot."""
    segments = [s for s in sipp.speech_segments(heard) if s[1] > after]
    assert segments, "the caller heard nothing after their sentence"
    return sipp.longest_silence(heard, start=after, end=segments[-1][1])


def test_a_reminder_call_beside_two_inbound_calls_keeps_each_call_its_own(outbound_lab, tmp_path):
    from appliance.outbound import queue

    lab = outbound_lab
    config, engine = lab["config"], lab["engine"]
    pack = PromptPack.load(config)
    emr = EMR(lab["emr_url"])
    assert not any(emr.find_patients_by_phone(number) for number in CALLERS)  # unknown callers, as designed
    patient = patient_alone_on_a_mobile(lab, {t.patient_id for t in queue.Task.select()})
    rsv_id = _appointment_tomorrow(lab, patient.id, "1430")
    mine = _reminder_targets(lab, patient.id)
    assert len(mine) == 1 and list(mine[0].patients) == [patient.id], mine  # the campaign calls them, about this visit

    # the patient's phone: their birth date said at the identity question, then "네 갈게요" at the reminder's
    clip_s = sipp.wav_seconds(PATIENT_CLIP)
    birth_at = seconds(pack, "greeting_unrecorded", "ob_purpose_generic", "ask_birth") + 1.0
    yes_at = (birth_at + clip_s + THINK_S + READ_BACK_S
              + seconds(pack, "confirmed_short", "ob_purpose_reminder", *spoken_keys("ob_reminder_ask")))
    stream = keys_stream(tmp_path / "patient", [(birth_at, PATIENT_CLIP), (yes_at, PATIENT_CLIP)])
    patient_end = birth_at + _speech_end(PATIENT_CLIP)  # when their first sentence ends, after the answer

    calls_before = crm.Call.select(peewee.fn.MAX(crm.Call.id)).scalar() or 0
    tasks_before = queue.Task.select(peewee.fn.MAX(queue.Task.id)).scalar() or 0
    callbacks_before = crm_records.Callback.select(peewee.fn.MAX(crm_records.Callback.id)).scalar() or 0
    task = None
    try:
        # one STT worker: the decodes of the three sentences, which end together, queue on it (or share a batch)
        with engine.reconfigured(DENTALCALL_STT_WORKERS="1", DENTALCALL_DEBUG="1"), _receptionist_clock(config), \
                transcript_hook(config, _spoken_birth(patient.birth_date), "네 갈게요") as hook:
            log_from = engine.log_path.stat().st_size
            uas = start_uas(lab, tmp_path, "patient", audio=stream, timeout=180)
            try:
                task = add_task(lab, "reminder", "INFO", patient.id, patient.phones[0], "e2e-beside",
                                mine[0].data, max_attempts=1)
                # the campaign call's dialog takes the hook file when it starts: then the inbound calls ring
                _wait_gone(hook, 90, f"the campaign call did not start: {engine.tail()}")
                started = time.monotonic()
                wait = seconds(pack, "greeting", "how_can_i_help") + 1.0
                # each caller's sentence ends when the patient's first one does (or as soon after their greeting)
                leads = {c: max(wait, patient_end - (time.monotonic() - started) - _speech_end(clip))
                         for c, (clip, _) in CALLERS.items()}
                with ThreadPoolExecutor(max_workers=len(CALLERS)) as pool:
                    results = dict(zip(CALLERS, pool.map(lambda c: _place(config, c, leads[c]), CALLERS)))
                task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=180)
            finally:
                callee = uas.wait(180)
            log = engine.log_path.read_bytes()[log_from:].decode(errors="replace")
        new_tasks = [t.id for t in queue.Task.select().where(queue.Task.id > tasks_before)]
        assert new_tasks == [task.id], new_tasks  # the one campaign call of this test, dialled once

        call = _assert_the_campaign_call(lab, task, patient, rsv_id, callee, pack)
        new_calls = list(crm.Call.select().where(crm.Call.id > calls_before).order_by(crm.Call.id))
        inbound = {c.caller_number: c for c in new_calls if c.direction == "inbound"}
        assert sorted(inbound) == sorted(CALLERS), ([(c.direction, c.caller_number) for c in new_calls], engine.tail())
        assert sorted(c.id for c in new_calls) == sorted([call.id, *(c.id for c in inbound.values())])
        _assert_the_inbound_calls(inbound, results, leads, callee.heard_pcm(), pack)

        # all three: on the line together, their decodes queued on the one worker, and no error in the engine's log
        spans = [(c.answered_at, c.ended_at) for c in (call, *inbound.values())]
        assert max(s for s, _ in spans) < min(e for _, e in spans), spans  # the three calls overlapped
        waits = [int(ms) for ms in WAITED.findall(log)]
        assert waits and max(waits) > 0, ("no decode waited for the worker: the calls' speech never met", waits)
        errors = [line for line in log.splitlines() if ERROR_LINE.search(line)]
        assert not errors, errors[:20]
    finally:
        _leave_nothing_behind(lab, task, callbacks_before)


def _assert_the_campaign_call(lab, task, patient, rsv_id: int, callee, pack) -> crm.Call:
    """The patient passed the identity step and confirmed; the outcome is theirs in the CRM and the dialer's history,
    what Whisper heard on the call is their sentence, and they heard the goodbye (no dead air at the end)."""
    from appliance.outbound import queue

    engine = lab["engine"]
    assert callee.ok, callee.describe()
    assert (task.outcome, task.attempts) == ("confirmed", 1), (task.__data__, engine.tail())
    call = crm.Call.get_by_id(task.call_id)
    assert (call.direction, call.campaign, call.outcome) == ("outbound", "reminder", "confirmed")
    assert (call.patient_id, call.called_number) == (patient.id, patient.phones[0])
    events = call.meta["events"]
    assert [e["kind"] for e in events] == ["identity_confirmed", "confirmed"], events
    assert str(events[1]["data"].get("patient_id")) == patient.id, events
    said = [t.text for t in call.turns if t.speaker == "caller" and t.text]
    assert len(said) >= 2, [(t.speaker, t.text, t.meta) for t in call.turns]
    for text in said:  # Whisper's text on this call (the hook swapped what the dialog got): the patient's, only
        assert _words(text, PATIENT_WORDS) >= 2 and not _others_words(text, None), said
    heard = callee.heard_pcm()
    for key in ("greeting_unrecorded", "ask_birth", "confirmed_short", "ob_purpose_reminder",
                *spoken_keys("ob_confirmed")):  # the last is the goodbye
        assert heard_prompt(heard, pack.pcm(key))[0], (key, engine.tail())
    assert not heard_prompt(heard, pack.pcm("how_can_i_help"))[0]  # the receptionist never spoke on this call
    # the dialer's history: this task alone covers the appointment, done, for this patient
    history = [h for h in queue.history_items(lab["today"]) if f"appt{rsv_id}" in h.refs]
    assert [(h.task_id, h.patient_id, h.status) for h in history] == [(task.id, patient.id, queue.DONE)], history
    assert _reminder_targets(lab, patient.id) == []  # reminded: the next run does not call them again
    return call


def _assert_the_inbound_calls(inbound: dict, results: dict, leads: dict, patient_heard, pack) -> None:
    """Each caller's own sentence on their call, the answer they heard after it is the one logged there, no dead air
    after it, and nobody heard another call's answer or prompts."""
    answers = {}
    for caller, result in results.items():
        assert result.ok, (caller, result.describe())
        row = inbound[caller]
        assert not row.patient_id and not row.campaign, (caller, row.patient_id, row.campaign)
        turns = list(row.turns)
        words = [t for t in turns if t.speaker == "caller" and t.text]
        assert words, (caller, [(t.speaker, t.text, t.meta) for t in turns])
        text = words[0].text
        assert _words(text, CALLERS[caller][1]) >= 2 and not _others_words(text, caller), (caller, text)
        answer = [t for t in turns if t.speaker == "bot" and t.seq > words[0].seq and not (t.meta or {}).get("ack")]
        assert answer, (caller, [(t.speaker, t.text, t.meta) for t in turns])
        key = (answer[0].meta or {}).get("key")
        assert key and pack.pcm(key), (caller, answer[0].text, answer[0].meta)
        sentence_end = leads[caller] + _speech_end(CALLERS[caller][0])
        found, score, at = heard_prompt(result.heard_pcm(), (pack.pcm(key) or b"")[:2 * 16000])
        assert found and at > sentence_end - 0.5, (caller, key, score, at, sentence_end)
        silence = _longest_silence_after(result.heard_pcm(), sentence_end)
        assert silence < DEAD_AIR_S, (caller, "dead air after their sentence", silence)
        assert not row.error and row.ended_at is not None, (caller, row.error)
        answers[caller] = key
    assert len(set(answers.values())) == len(CALLERS), answers  # the two sentences get two different answers
    for caller, result in results.items():
        heard = result.heard_pcm()
        for other, key in answers.items():
            if other != caller:
                assert not heard_prompt(heard, (pack.pcm(key) or b"")[:2 * 16000])[0], (caller, "heard", other, key)
        for key in ("ask_birth", "ob_purpose_reminder", *spoken_keys("ob_confirmed")):
            assert not heard_prompt(heard, pack.pcm(key))[0], (caller, "heard the campaign call's", key)
        key = answers[caller]
        assert not heard_prompt(patient_heard, (pack.pcm(key) or b"")[:2 * 16000])[0], ("the patient heard", key)


def _leave_nothing_behind(lab, task, callbacks_before: int) -> None:
    """The engine and CRM go on to later modules: no task of this test may ring again, and the callbacks its calls
    left (an inbound caller's question for staff) are closed, so no later console rings a staff phone for them."""
    from appliance.outbound import queue

    now = now_there(lab)
    if task is not None:
        queue.cancel_task(task.id, now, outcome="test_done")  # a no-op once done
    crm_records.Callback.update(status="done", done_at=crm.utcnow(),
                                note="e2e test").where(crm_records.Callback.id > callbacks_before,
                                                       crm_records.Callback.status == "open").execute()
