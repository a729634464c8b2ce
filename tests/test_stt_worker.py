"""The STT worker process with the real Whisper model on a real 8 kHz clip: same transcript as in-process, a
killed or hung worker fails the request fast and is restarted, a missing model is a start-up error."""

from __future__ import annotations

import os
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


def test_killed_mid_decode_fails_fast_then_restarts(worker, utterance):
    _wait_ready(worker)
    old = worker.pid
    crashes = worker.stats.crashes
    os.kill(old, signal.SIGSTOP)  # frozen so the kill lands while the request is in flight
    errors: list[BaseException] = []
    took: list[float] = []

    def call() -> None:
        t0 = time.monotonic()
        try:
            worker.transcribe(utterance, 8000)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        took.append(time.monotonic() - t0)

    sent = worker.stats.requests
    thread = threading.Thread(target=call)
    thread.start()
    until = time.monotonic() + 5.0
    while worker.stats.requests == sent and time.monotonic() < until:  # the request is on its way to the child
        time.sleep(0.01)
    time.sleep(0.1)
    os.kill(old, signal.SIGKILL)
    thread.join(10)
    assert errors and isinstance(errors[0], SpeechUnavailable), errors
    assert took[0] < 1.5, took  # fails as soon as the child dies, not at the time limit
    assert worker.stats.crashes == crashes + 1
    _wait_ready(worker)
    assert worker.pid not in (None, old)
    assert "파란" in worker.transcribe(utterance, 8000).text  # later requests work again


def test_hung_decode_hits_the_hard_limit_and_the_worker_is_replaced(worker, utterance):
    _wait_ready(worker)
    old = worker.pid
    timeouts = worker.stats.timeouts
    t0 = time.monotonic()
    with pytest.raises(SpeechUnavailable, match="hung"):
        worker._debug("sleep", 60, 1.0)
    assert time.monotonic() - t0 < 3.0
    assert worker.stats.timeouts == timeouts + 1
    assert not Path(f"/proc/{old}").exists() or "zombie" in Path(f"/proc/{old}/status").read_text()
    _wait_ready(worker)
    assert "파란" in worker.transcribe(utterance, 8000).text


def test_stopped_process_is_a_hang_too(worker, utterance):
    _wait_ready(worker)
    old = worker.pid
    os.kill(old, signal.SIGSTOP)
    t0 = time.monotonic()
    with pytest.raises(SpeechUnavailable):
        worker.transcribe(utterance, 8000, time_limit_s=1.0)
    assert time.monotonic() - t0 < 3.0
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
