"""The early speculative decode (``endpoint_decode_ms``): the decode of a pause starts before the decision pause
(``endpoint_speculative_ms``), so it runs while the caller is still silent; the turn never ends sooner than that
pause, a caller who goes on before it is heard on, and a pause decode still queued when the caller goes on is
never run. Real engine, fake Asterisk, the real endpointer on tones, a fake recogniser."""

from __future__ import annotations

import struct
import threading
import time

import pytest

from appliance import settings
from appliance.errors import ConfigError
from appliance.speech import endpointer as ep
from tests.fake_asterisk import silence, tone
from tests.test_calls_end_of_turn import SentenceEnds, _call
from tests.test_engine_contract import loud

DECISION_MS, DECODE_MS = 400, 100  # a wide gap between the two, so the fake call's timing cannot blur them
FINISHED = "예약할게요"            # a finished sentence: the toy policy would end the turn on it at once
REST = "사랑니도 봐 주세요"
WHOLE = f"{FINISHED} {REST}"


def _settings(decision_ms: int, decode_ms: int) -> dict:
    return {"endpoint_speculative_ms": decision_ms, "endpoint_decode_ms": decode_ms}


def _endpointer_for(decision_ms: int, decode_ms: int):
    """The engine's endpointer for these settings (the fake models make theirs without the config)."""
    return lambda: ep.Endpointer(ep.EndpointerSettings(speculative_ms=decision_ms, decode_ms=decode_ms), vad=loud)


def _texts(pcm: bytes) -> str:
    """The first stretch (quiet tone) says FINISHED, the loud ones after it REST: the whole says WHOLE, a tail REST."""
    samples = [abs(s) for (s,) in struct.iter_unpack("<h", pcm)]
    first = next(i for i, s in enumerate(samples) if s > 1000)
    if max(samples[first:first + 800]) >= 10000:
        return REST
    return WHOLE if max(samples) >= 10000 else FINISHED


async def test_the_decode_starts_at_the_early_pause_but_the_turn_ends_only_at_the_decision_pause(tmp_path,
                                                                                                  monkeypatch):
    from tests.test_calls_end_of_turn import Models

    monkeypatch.setattr(Models, "new_endpointer", lambda self: _endpointer_for(DECISION_MS, DECODE_MS)())
    policy = SentenceEnds()
    call, models, dialog, turns = await _call(tmp_path, policy, **_settings(DECISION_MS, DECODE_MS))
    caller = next(t for t in turns if t.speaker == "caller")
    answer = next(t for t in turns if t.speaker == "bot" and t.seq > caller.seq)
    # one decode, of the utterance with ~100 ms of the pause (not the 200 ms tail it would have at the decision pause)
    assert len(models.transcribed) == 1
    assert (200 + 1000 + DECODE_MS) * 16 <= models.transcribed[0] < (200 + 1000 + 200) * 16
    assert caller.meta["early_end"] and caller.meta["decodes"] == 1 and caller.meta["dropped"] == 0
    # the fake decode is back at once, yet the turn ended only after the decision pause of silence
    assert caller.t_stt_final - caller.t_speech_end >= DECISION_MS - 1
    assert answer.latency_ms >= DECISION_MS


@pytest.mark.parametrize("decision_ms, decode_ms, heard", [(DECISION_MS, DECODE_MS, "on"), (DECODE_MS, 0, "cut")])
async def test_a_caller_going_on_between_the_decode_and_the_decision_pause_is_heard_on(tmp_path, monkeypatch,
                                                                                       decision_ms, decode_ms, heard):
    """The first stretch reads as a finished sentence and its decode is back before the caller goes on 200 ms later:
    with the decision pause at 400 ms the decode is dropped and the caller heard to the end, the whole utterance
    decoded at the end (a pause shorter than the decision pause is no boundary to join at: the transcript is what it
    would be without the early decode); with the decision pause at 100 ms (the control) the same caller is cut off
    after the first stretch."""
    from tests.test_calls_end_of_turn import Models

    monkeypatch.setattr(Models, "new_endpointer", lambda self: _endpointer_for(decision_ms, decode_ms)())
    audio = silence(1.0) + tone(0.8, 440, 8000) + silence(0.2) + tone(0.8, 440, 12000) + silence(3.0)
    call, models, dialog, turns = await _call(tmp_path, SentenceEnds(), audio=audio, texts=_texts,
                                              **_settings(decision_ms, decode_ms))
    callers = [t for t in turns if t.speaker == "caller"]
    if heard == "cut":
        assert callers[0].text == FINISHED and callers[0].meta["early_end"]
        return
    assert len(callers) == 1 and callers[0].text == WHOLE and callers[0].meta["audio_ms"] >= 1800
    assert callers[0].meta["decodes"] == 2 and callers[0].meta["dropped"] == 1
    assert len(models.transcribed) == 2 and models.transcribed[1] >= (200 + 800 + 200 + 800 + DECODE_MS) * 16


async def test_a_pause_decode_still_queued_when_the_caller_goes_on_is_never_run(tmp_path, monkeypatch):
    """One STT worker, busy with the first pause's decode (slow): the second pause's decode queues behind it, and
    the caller goes on before it reaches the worker: it is cancelled then, not decoded once the worker is free while
    the caller still talks; the turn's end decodes the rest after the first stretch."""
    from tests.test_calls_end_of_turn import Models

    monkeypatch.setattr(Models, "new_endpointer", lambda self: _endpointer_for(DECISION_MS, DECODE_MS)())
    first_done = threading.Event()
    inner = Models.transcribe

    def slow_first(self, pcm, hints):
        if not first_done.is_set():
            time.sleep(2.5)  # the first pause's decode holds the only worker while the caller goes on twice
            first_done.set()
        return inner(self, pcm, hints)

    monkeypatch.setattr(Models, "transcribe", slow_first)
    audio = (silence(1.0) + tone(0.8, 440, 8000) + silence(0.5) + tone(0.8, 440, 12000) + silence(0.5)
             + tone(1.6, 440, 12000) + silence(3.0))  # the worker is free again while the caller still talks
    call, models, dialog, turns = await _call(tmp_path, SentenceEnds(), audio=audio, texts=_texts, stt_workers=1,
                                              **_settings(DECISION_MS, DECODE_MS))
    callers = [t for t in turns if t.speaker == "caller"]
    assert len(callers) == 1 and callers[0].meta["dropped"] == 2 and callers[0].meta["decodes"] == 3
    # decoded: the first stretch, then (after the caller's end) only the rest after it; never the queued middle one
    first_end = (200 + 800 + DECODE_MS) * 16
    middle_tail = (200 + 800 + 500 + 800 + DECODE_MS) * 16 - (first_end - 1600)
    assert len(models.transcribed) == 2 and models.transcribed[0] == pytest.approx(first_end, abs=320)
    assert abs(models.transcribed[1] - middle_tail) > 8000  # the rest is the last stretch too, not the middle's tail


def test_the_decode_point_is_a_setting_no_longer_than_the_decision_pause():
    config = settings.load(overrides={"endpoint_decode_ms": "120"}, env={})
    s = ep.EndpointerSettings.from_config(config)
    assert (s.decode_ms, s.speculative_ms, s.decode_point_ms) == (120, 220, 120)
    assert ep.EndpointerSettings.from_config(settings.load(overrides={"endpoint_decode_ms": "0"}, env={})
                                             ).decode_point_ms == 220  # 0: at the decision pause
    with pytest.raises(ConfigError, match="endpoint_decode_ms"):
        ep.EndpointerSettings.from_config(settings.load(overrides={"endpoint_decode_ms": "300"}, env={}))
