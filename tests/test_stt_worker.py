"""The STT worker process with the real Whisper model on a real 8 kHz clip: same transcript as in-process, a
killed worker fails the request as dead (not by its time limit) and is restarted once, a hung one is killed
at its limit and restarted, a missing model is a start-up error."""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest

from appliance import settings
from appliance.errors import SpeechUnavailable
from appliance.speech.stt.worker import PROCESS_NAME, SttWorker, find_worker_pids, time_limit
from tests import shared_data

os.environ.setdefault("HF_HUB_OFFLINE", "1")
MODELS = Path(os.environ.get("DENTALCALL_TEST_MODELS_ROOT", "/var/lib/dentalcall/models"))
pytestmark = pytest.mark.skipif(not (MODELS / "whisper-base").is_dir(),
                                reason="whisper-base not installed (install.sh)")


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    home = tmp_path_factory.mktemp("stt-worker-home")
    return settings.load(overrides={"home": str(home), "models_root": str(MODELS)}, env={})


@pytest.fixture(scope="module")
def worker(config):
    w = SttWorker(config)
    try:
        w.start(wait=True, timeout_s=180)
        yield w
    finally:
        w.close()


@pytest.fixture(scope="module")
def utterance():
    from appliance.speech.stt.audio import read_audio

    pcm, rate = read_audio(shared_data.bundled_clip())
    assert rate == 8000
    return pcm


def _wait_ready(w: SttWorker, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            w.ping(timeout_s=5)
            return
        except SpeechUnavailable:
            time.sleep(0.2)
    raise AssertionError("worker not back")


def test_transcribes_a_real_clip_in_its_own_named_process(worker, utterance):
    result = worker.transcribe(utterance, 8000, hints=["파란색"])
    assert "파란" in result.text and result.engine == "whisper"
    assert -2.0 < result.avg_logprob <= 0.0 and result.decode_seconds > 0
    pid = worker.pid
    assert pid and pid != os.getpid()
    assert find_worker_pids(os.getpid()) == [pid]
    assert Path(f"/proc/{pid}/comm").read_text().strip() == PROCESS_NAME


def test_several_utterances_in_one_request_come_back_in_order(worker, utterance):
    """Callers who stopped talking together: one request, one batch in the worker, each transcript in its place."""
    tail = utterance[-3 * 16000:]
    requests = [{"pcm16": pcm, "sample_rate": 8000, "hints": hints, "prompt": None, "window": window}
                for pcm, hints, window in ((utterance, ["파란색"], None), (tail, None, "utt+1"), (tail, None, "utt+1"))]
    results = worker.transcribe_batch(requests, beam_size=1)
    assert "파란" in results[0].text and results[1].text == results[2].text
    assert results[1].text == worker.transcribe(tail, 8000, window="utt+1", beam_size=1).text
    assert [round(r.audio_seconds, 1) for r in results] == [round(len(utterance) / 16000, 1), 3.0, 3.0]


def _wait_until(predicate, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:
        time.sleep(0.02)
    return predicate()


def test_killed_mid_decode_fails_as_died_then_restarts_once(worker, utterance):
    _wait_ready(worker)
    old = worker.pid
    crashes, started = worker.stats.crashes, worker.stats.started
    os.kill(old, signal.SIGSTOP)  # frozen so the kill lands while the request is in flight
    outcome: list[object] = []

    def call() -> None:
        try:
            outcome.append(worker.transcribe(utterance, 8000))
        except BaseException as exc:  # noqa: BLE001
            outcome.append(exc)

    sent = worker.stats.requests
    thread = threading.Thread(target=call)
    thread.start()
    assert _wait_until(lambda: worker.stats.requests > sent, 10)  # the request is on its way to the child
    os.kill(old, signal.SIGKILL)
    thread.join(60)  # well past the decode's time limit: a request that is never failed shows here
    assert not thread.is_alive() and len(outcome) == 1, outcome
    assert isinstance(outcome[0], SpeechUnavailable), outcome  # never answered, never lost
    # the death was seen (not the time limit reached): "died", or "gone" if the send itself hit the dead pipe
    assert re.search(r"worker (died|gone)", str(outcome[0])) and "hung" not in str(outcome[0]), outcome
    assert _wait_until(lambda: worker.stats.crashes == crashes + 1)
    _wait_ready(worker)
    assert worker.pid not in (None, old)
    assert "파란" in worker.transcribe(utterance, 8000).text  # later requests work again
    assert worker.stats.crashes == crashes + 1 and worker.stats.started == started + 1  # counted, replaced once
    assert find_worker_pids(os.getpid()) == [worker.pid]


def test_hung_decode_hits_the_hard_limit_and_the_worker_is_replaced(worker, utterance):
    _wait_ready(worker)
    old = worker.pid
    timeouts = worker.stats.timeouts
    with pytest.raises(SpeechUnavailable, match=r"hung \(over 1\.0 s\)"):  # the limit, not the 60 s sleep
        worker._debug("sleep", 60, 1.0)
    assert worker.stats.timeouts == timeouts + 1
    assert not Path(f"/proc/{old}").exists() or "zombie" in Path(f"/proc/{old}/status").read_text()
    _wait_ready(worker)
    assert "파란" in worker.transcribe(utterance, 8000).text


def test_stopped_process_is_a_hang_too(worker, utterance):
    _wait_ready(worker)
    old = worker.pid
    os.kill(old, signal.SIGSTOP)
    with pytest.raises(SpeechUnavailable, match=r"hung \(over 1\.0 s\)"):
        worker.transcribe(utterance, 8000, time_limit_s=1.0)
    _wait_ready(worker)
    assert worker.pid != old


def test_time_limit_scales_with_audio():
    assert time_limit(0) == 4.0
    assert 4.5 < time_limit(3.0) < 5.5
    assert time_limit(15.0) < 10.0


def test_missing_model_is_a_start_up_error(tmp_path):
    cfg = settings.load(overrides={"home": str(tmp_path), "models_root": str(tmp_path / "none")}, env={})
    w = SttWorker(cfg)
    try:
        with pytest.raises(SpeechUnavailable, match="did not start"):
            w.start(wait=True, timeout_s=120)
    finally:
        w.close()
