"""A crashed or hung STT process mid-call: the caller hears the apology and lands in voicemail (never silence),
the worker is restarted in the background and the next call is transcribed normally. Real SIP call, real
Asterisk, real engine (``dentalcall serve``) with its real Whisper worker process."""

from __future__ import annotations

import os
import signal
import time

import pytest

from appliance.speech.prompt_pack import PromptPack
from appliance.speech.stt.worker import find_worker_pids
from appliance.telephony import sipp
from tests.audio_checks import heard_prompt
from tests.test_e2e_inbound import _calls, _greeting_seconds, _turns, _voicemails

pytestmark = pytest.mark.e2e


def _worker_pids(engine, timeout: float = 60.0, not_pids: tuple[int, ...] = (), count: int | None = None) -> list[int]:
    """``count`` (default: every one, ``stt_workers``) STT workers under the engine, none of ``not_pids``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = [p for p in find_worker_pids(engine.proc.pid) if p not in not_pids]
        if len(pids) >= (count or engine.config.stt_workers):
            return pids
        time.sleep(0.2)
    raise AssertionError(f"not every STT worker under the engine: {engine.tail()}")


def _worker_ready(engine, pid: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if f"pid {pid} ready" in engine.log_path.read_text(errors="replace"):
            return
        time.sleep(0.2)
    raise AssertionError(f"STT worker {pid} never ready: {engine.tail()}")


@pytest.mark.parametrize("failure", ["crash", "hang"])
def test_stt_worker_dies_mid_call_caller_gets_apology_and_voicemail_then_next_call_works(engine_running, failure):
    config = engine_running.config
    pids = _worker_pids(engine_running)
    for pid in pids:
        _worker_ready(engine_running, pid)
    before_vm = len(_voicemails(config))
    before = {c.id for c in _calls(config)}
    wait = _greeting_seconds(config) + 1.0
    clip = sipp.demo_clip(config)
    clip_s = sipp.wav_seconds(clip)
    handle = sipp.start_call("127.0.0.1", config.sip_port, [(None, wait), (clip, 0.0), (None, 45.0)],
                             hold_seconds=wait + clip_s + 35, timeout=90)
    try:
        time.sleep(2.0)
        for pid in pids:  # frozen: the caller's utterance goes to a worker that will not answer
            os.kill(pid, signal.SIGSTOP)
        if failure == "crash":
            time.sleep(wait - 2.0 + clip_s + 0.9)  # the decode request is in flight now
            for pid in pids:
                os.kill(pid, signal.SIGKILL)
    except BaseException:
        handle.terminate()
        raise
    result = handle.wait()
    for pid in pids:  # a worker the hang never reached is still frozen: let it go on
        try:
            os.kill(pid, signal.SIGCONT)
        except ProcessLookupError:
            pass
    assert result.ok, result.describe()
    new = [c for c in _calls(config) if c.id not in before]
    assert len(new) == 1
    call = new[0]
    assert call.next_step == "fallback" and "SpeechUnavailable" in (call.error or ""), (call.error, call.next_step)
    pack = PromptPack.load(config)
    heard = result.heard_pcm()
    found, score, at = heard_prompt(heard, pack.pcm("apology"))
    assert found, (score, engine_running.tail())
    assert heard_prompt(heard, pack.pcm("leave_message"))[0]
    spoke_until = result.sent_spans[0][1]
    # crash: fails at once; hang: the hard limit (4 s + 0.35 s per second of audio) — no long dead air either way
    assert at - spoke_until < (3.0 if failure == "crash" else 8.0), at - spoke_until
    assert sipp.longest_silence(heard, start=spoke_until, end=at) < (3.0 if failure == "crash" else 7.5)
    assert len(_voicemails(config)) == before_vm + 1

    # the worker was replaced in the background; the next call is transcribed and answered
    for new_pid in _worker_pids(engine_running, not_pids=tuple(pids), count=1 if failure == "hang" else None):
        _worker_ready(engine_running, new_pid)  # crash: both replaced; hang: the one that hung
    before = {c.id for c in _calls(config)}
    result = sipp.place_call("127.0.0.1", config.sip_port, [(None, wait), (clip, 0.0), (None, 10.0)],
                             hold_seconds=wait + clip_s + 8.0, timeout=60)
    assert result.ok, result.describe()
    call = [c for c in _calls(config) if c.id not in before][0]
    turns = _turns(config, call.id)
    said = [t for t in turns if t.speaker == "caller" and t.text]
    assert said and "파란" in said[0].text, ([(t.speaker, t.text) for t in turns], engine_running.tail())
    answer = [t for t in turns if t.speaker == "bot" and t.seq > said[0].seq and not (t.meta or {}).get("ack")]
    assert answer and answer[0].latency_ms is not None  # the dialog went on: the caller was answered
    assert call.error is None or "SpeechUnavailable" not in call.error
