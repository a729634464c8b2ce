"""Hearing parts of the call pipeline: the n-best choice by the question, the STT queue that lets stale decodes
be cancelled and asks for the cheap decode, the level normalisation, the clinic prompt, the understanding
warmed at start. Pure logic and real worker processes; the calls themselves are in tests/test_e2e_hearing.py."""

from __future__ import annotations

import math
import struct
import threading
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from appliance import settings
from appliance.calls.pipeline import CallPipeline, SttExecutor
from appliance.calls.speech import clinic_prompt
from appliance.calls.stt_policy import SttPolicy
from appliance.language import statistical
from appliance.speech.stt.level import normalise_level, speech_level_dbfs
from tests.test_engine_contract import FakeModels

MODELS = Path("/var/lib/dentalcall/models")


def test_a_short_answer_is_read_as_the_hypothesis_that_answers_the_question():
    raw = SimpleNamespace(text="모교 일이요", avg_logprob=-0.31, no_speech_prob=0.1,
                          alternatives=[("모교 일이요", -0.31), ("목요일이요", -0.42), ("목요일 이요", -0.9)])
    policy = SttPolicy()
    chosen = policy.judge(raw, "date")
    assert chosen.text == "목요일이요" and not chosen.rejected and chosen.avg_logprob == -0.42
    assert policy.judge(raw).text == "모교 일이요"  # no question asked: the recogniser's choice
    assert policy.judge(raw, "yes_no").text == "모교 일이요"  # nothing fits better: the recogniser's choice
    assert policy.judge(raw, "need").text == "모교 일이요"  # an open question: no prior to rescore by


def test_a_long_utterance_keeps_the_recognisers_choice():
    best = "내일 오후에 스케일링 예약하고 싶은데 시간 되나요"
    raw = SimpleNamespace(text=best, avg_logprob=-0.3, no_speech_prob=0.1,
                          alternatives=[(best, -0.3), ("내일 오후 세 시에 예약하고 싶은데요", -0.35)])
    assert SttPolicy().judge(raw, "time").text == best


def test_the_stt_queue_counts_waiting_decodes_and_forgets_cancelled_ones():
    executor = SttExecutor(1)
    release = threading.Event()
    running = executor.submit(release.wait)
    queued = [executor.submit(lambda: "done") for _ in range(3)]
    assert executor.queued in (3, 4)  # the first may not have started yet
    queued[0].cancel()  # a stale speculative decode: never reaches a worker
    release.set()
    assert running.result(5) and [q.result(5) for q in queued[1:]] == ["done", "done"]
    assert queued[0].cancelled() and executor.queued == 0
    executor.shutdown()


def _tone(seconds: float, dbfs: float) -> bytes:
    amp = 32768 * 10 ** (dbfs / 20) * math.sqrt(2)
    return b"".join(struct.pack("<h", int(amp * math.sin(2 * math.pi * 300 * i / 8000)))
                    for i in range(int(8000 * seconds)))


def test_a_quiet_utterance_is_raised_to_the_target_level_and_a_loud_one_left_alone():
    quiet = b"\0\0" * 4000 + _tone(1.0, -40.0) + b"\0\0" * 4000  # pauses do not count in the speech level
    raised = normalise_level(quiet, 8000, target_dbfs=-20.0)
    assert abs(speech_level_dbfs(np.frombuffer(raised, "<i2")) - (-20.0)) < 0.5
    loud = _tone(1.0, -12.0)
    assert normalise_level(loud, 8000, target_dbfs=-20.0) == loud  # never attenuated
    silence = b"\0\0" * 8000
    assert normalise_level(silence, 8000) == silence
    whisper = _tone(1.0, -80.0)  # line noise: at most max_gain_db, so it stays far below speech
    assert speech_level_dbfs(np.frombuffer(normalise_level(whisper, 8000), "<i2")) < -45.0


def test_the_clinic_prompt_names_the_clinic_its_doctors_and_treatments():
    config = settings.load(overrides={"clinic_name": "하늘치과", "clinic_doctors": "김민수, 이지은"}, env={})
    prompt = clinic_prompt(config)
    assert "하늘치과" in prompt and "김민수 원장님" in prompt and "이지은 원장님" in prompt and "임플란트" in prompt


def test_a_piece_tail_is_decoded_without_the_clinic_prompt():
    """A tail starts mid-sentence: the prompt's words would be heard as the caller's (as the hotwords were)."""
    from appliance.calls.segments import TAIL_WINDOW
    from appliance.calls.speech import SpeechRuntime

    runtime = SpeechRuntime(settings.load(overrides={"clinic_name": "하늘치과", "stt_clinic_prompt": True}, env={}))
    assert runtime.prompt_for(None) == runtime.prompt and "하늘치과" in str(runtime.prompt)
    assert runtime.prompt_for("utt") == runtime.prompt
    assert runtime.prompt_for(TAIL_WINDOW) is None


async def test_the_understanding_is_warmed_when_the_pipeline_starts(tmp_path):
    statistical.default_model.cache_clear()
    config = settings.load(overrides={"home": str(tmp_path), "audiosocket_port": 0}, env={})
    pipeline = CallPipeline(config, FakeModels())
    await pipeline.start()
    try:
        assert statistical.default_model.cache_info().currsize == 1
    finally:
        await pipeline.stop()


@pytest.mark.skipif(not (MODELS / "whisper-base").is_dir(), reason="whisper-base not installed (install.sh)")
def test_the_stt_pool_decodes_side_by_side_and_cheaply_when_requests_queue(tmp_path):
    from appliance.speech.stt.audio import read_audio, resample_pcm16
    from appliance.speech.stt.pool import SttPool
    from tests.shared_data import bundled_clip

    pcm, rate = read_audio(bundled_clip())
    pcm = resample_pcm16(pcm, rate, 8000)
    config = settings.load(overrides={"home": str(tmp_path), "models_root": str(MODELS)}, env={})
    with SttPool(config, workers=2, threads=1, busy_beam_size=1) as pool:
        pool.start(wait=True)
        assert len(set(pool.pids())) == 2
        results = []
        threads = [threading.Thread(target=lambda: results.append(pool.transcribe(pcm, 8000, n_best=3)))
                   for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert len(results) == 3 and all("파란" in r.text for r in results)
        pool.backlog = lambda: 0
        before = pool.cheap_decodes
        alone = pool.transcribe(pcm, 8000, n_best=3)
        assert pool.cheap_decodes == before and len(alone.alternatives) == 3  # beam 5: three hypotheses
        assert alone.alternatives[0][0] == alone.text  # in the beam's own order, the best first
        assert all("\ufffd" not in t for t, _ in alone.alternatives)  # no hypothesis cut inside a character
        pool.backlog = lambda: 2  # two decodes queue behind this one: the cheap (greedy) decode
        busy = pool.transcribe(pcm, 8000, n_best=3)
        assert pool.cheap_decodes == before + 1 and len(busy.alternatives) == 1 and "파란" in busy.text


def test_pieces_of_an_utterance_make_one_transcript():
    from appliance.calls.segments import OVERLAP_BYTES, combine, tail_of

    head = SimpleNamespace(text="사랑니가 아파서", avg_logprob=-0.2, no_speech_prob=0.1)
    tail = SimpleNamespace(text="예약하고 싶어요.", avg_logprob=-0.6, no_speech_prob=0.3)
    joined = combine(head, tail, 3000, 1000)
    assert joined.text == "사랑니가 아파서 예약하고 싶어요."
    assert joined.avg_logprob == pytest.approx(-0.3) and joined.no_speech_prob == pytest.approx(0.15)
    noise = SimpleNamespace(text="", avg_logprob=-2.0, no_speech_prob=0.9)
    assert combine(head, noise, 3000, 1000).text == "사랑니가 아파서"  # a silent tail adds nothing
    assert combine(noise, noise, 10, 10).text == "" and combine(noise, noise, 10, 10).no_speech_prob == 0.9
    audio = bytes(range(256)) * 100
    assert tail_of(audio, 5000) == audio[5000 - OVERLAP_BYTES:]
    assert SttPolicy().judge(joined, "need").text == joined.text  # the policy reads it like any STT result
