"""The parts of the call pipeline on their own: the STT policy, the ear's frames, the CRM writer's order."""

from __future__ import annotations

import asyncio
import logging
import threading
from types import SimpleNamespace

import pytest

from appliance import settings
from appliance.calls.ear import Ear
from appliance.calls.frames import BargeIn, Dtmf, Hangup, Noise, Speculative, SpeechResumed, SpeechStarted, Utterance
from appliance.calls.recorder import CrmWriter, TurnRecorder
from appliance.calls.stt_policy import SttPolicy
from appliance.data import crm
from appliance.speech import endpointer as ep
from appliance.telephony.audiosocket import InboundEvent


def test_stt_policy_rejects_empty_no_speech_and_guesses():
    policy = SttPolicy()
    good = policy.judge(SimpleNamespace(text=" 예약하고 싶어요 ", avg_logprob=-0.2, no_speech_prob=0.01))
    assert good.text == "예약하고 싶어요" and not good.rejected
    assert good.confidence == pytest.approx(0.9 * 0.99)
    assert policy.judge(SimpleNamespace(text="", avg_logprob=-0.1, no_speech_prob=0.0)).rejected
    assert policy.judge(SimpleNamespace(text="음", avg_logprob=-0.1, no_speech_prob=0.85)).rejected
    assert policy.judge(SimpleNamespace(text="네", avg_logprob=-1.6, no_speech_prob=0.0)).rejected
    assert not policy.judge(SimpleNamespace(text="네", avg_logprob=-1.4, no_speech_prob=0.79)).rejected
    assert policy.judge(SimpleNamespace(text="네")).confidence == 1.0  # an STT without scores (vosk)
    strict = SttPolicy(min_avg_logprob=-0.5)
    assert strict.judge(SimpleNamespace(text="네", avg_logprob=-0.6, no_speech_prob=0.0)).rejected


class ScriptedEndpointer:
    """Returns the scripted endpointer events for each fed frame (frame bytes are the script's index)."""

    def __init__(self, script: dict[int, list[ep.Event]]):
        self.script = script
        self.fed = 0
        self.bot = False

    def feed(self, frame: bytes) -> list[ep.Event]:
        self.fed += 1
        return self.script.get(frame[0], [])

    def set_bot_speaking(self, speaking: bool) -> None:
        self.bot = speaking

    def start_listening(self) -> None:
        pass


async def _frames(script, inbound):
    """Everything the ear makes of ``inbound`` (AudioSocket events) with a scripted endpointer."""
    stream = SimpleNamespace(events=asyncio.Queue())
    ear = Ear(stream, ScriptedEndpointer(script), end_ms=650, speculative_ms=280)
    for event in inbound:
        await stream.events.put(event)
    ear.start()
    await asyncio.sleep(0.05)
    ear.stop()
    out = []
    while not ear.events.empty():
        out.append(ear.events.get_nowait())
    return out


def _audio(i: int, at: float) -> InboundEvent:
    return InboundEvent("audio", bytes([i]) * 320, at=at)


async def test_the_ear_turns_endpointer_events_into_typed_frames():
    script = {
        1: [ep.Event(ep.SPEECH_START, 20), ep.Event(ep.BARGE_IN, 20)],
        2: [ep.Event(ep.SPECULATIVE_END, 300, audio=b"ab")],
        3: [ep.Event(ep.SPEECH_RESUMED, 320)],
        4: [ep.Event(ep.END_OF_UTTERANCE, 1000, audio=b"abcd", reason="silence", speculative_ok=True)],
        5: [ep.Event(ep.NOISE, 1200)],
    }
    inbound = [_audio(i, 10.0 + i) for i in range(1, 6)] + [InboundEvent("dtmf", digit="5", at=17.0),
                                                           InboundEvent("hangup", at=18.0)]
    frames = await _frames(script, inbound)
    assert [type(f) for f in frames] == [SpeechStarted, BargeIn, Speculative, SpeechResumed, Utterance, Noise, Dtmf,
                                         Hangup]
    spec, utt = frames[2], frames[4]
    assert spec.audio == b"ab" and spec.speech_end == pytest.approx(12.0 + 0.02 - 0.28)
    assert utt.audio == b"abcd" and utt.speculative_ok and utt.speech_end == pytest.approx(14.0 + 0.02 - 0.65)
    assert frames[6].digit == "5"


async def test_a_taken_utterance_is_forgotten_and_what_the_caller_says_next_is_a_new_one():
    """The runner ended the turn on the speculative transcript: the real endpointer forgets that utterance, so
    the caller going on is heard as a new utterance (its audio only), not as the rest of the old one."""
    endpointer = ep.Endpointer(vad=lambda frame: frame[0] != 0)
    stream = SimpleNamespace(events=asyncio.Queue())
    ear = Ear(stream, endpointer, end_ms=650)
    ear.start()
    t = 0.0
    for voiced, n in ((1, 25), (0, 15)):  # 0.5 s of speech, then a 0.3 s pause: a speculative decode
        for _ in range(n):
            await stream.events.put(_audio(voiced, t))
            t += 0.02
    await asyncio.sleep(0.05)
    ear.take_utterance()  # the runner ended the turn on the speculative transcript
    for voiced, n in ((2, 20), (0, 40)):  # the caller goes on for 0.4 s, then is quiet
        for _ in range(n):
            await stream.events.put(_audio(voiced, t))
            t += 0.02
    await asyncio.sleep(0.05)
    ear.stop()
    frames = []
    while not ear.events.empty():
        frames.append(ear.events.get_nowait())
    assert [type(f) for f in frames] == [SpeechStarted, Speculative, SpeechStarted, Speculative, Utterance]
    assert 2 in frames[4].audio and 1 not in frames[4].audio  # only what was said after the turn was taken


async def test_a_barge_in_over_the_legal_notice_is_ignored_and_its_utterance_marked():
    script = {1: [ep.Event(ep.SPEECH_START, 20), ep.Event(ep.BARGE_IN, 20)],
              2: [ep.Event(ep.END_OF_UTTERANCE, 900, audio=b"x", reason="silence")]}
    stream = SimpleNamespace(events=asyncio.Queue())
    ear = Ear(stream, ScriptedEndpointer(script), end_ms=650)
    ear.bot_speaking(True, locked=True)
    ear.start()
    await stream.events.put(_audio(1, 1.0))
    await stream.events.put(_audio(2, 2.0))
    await asyncio.sleep(0.05)
    ear.stop()
    frame = ear.events.get_nowait()
    assert isinstance(frame, Utterance) and frame.during_locked_speech and ear.events.empty()


@pytest.fixture
def crm_file(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    crm.open_for(config)
    yield config
    crm.database.close()


async def test_the_crm_writer_keeps_a_calls_rows_in_order_and_survives_a_failed_write(crm_file, caplog):
    writer = CrmWriter()
    log = await writer.open_call("inbound", uniqueid="1700000000.5", caller="01012345678")
    written_by = await writer.run(lambda: threading.current_thread().name)
    assert written_by.startswith("crm-writer") and written_by != threading.current_thread().name
    recorder = TurnRecorder(log, writer)
    for i in range(20):
        recorder.turn("bot" if i % 2 else "caller", f"turn {i}", t_first_audio=i)
    with caplog.at_level(logging.ERROR, logger="appliance.calls.recorder"):
        recorder.turn("bot", "x", meta=object())  # a write that fails (meta is not JSON)
        recorder.update_meta(summary="예약 요청")
        recorder.update_meta(events=[{"kind": "callback"}])
        await recorder.finish("callback_requested", next_step="hangup")
    writer.close()
    row = crm.Call.get(crm.Call.uniqueid == "1700000000.5")
    assert row.outcome == "callback_requested" and row.next_step == "hangup"
    assert row.meta == {"summary": "예약 요청", "events": [{"kind": "callback"}]}  # both merges kept
    turns = list(row.turns.order_by(crm.Turn.seq))
    assert [t.text for t in turns] == [f"turn {i}" for i in range(20)]
    assert [t.seq for t in turns] == list(range(1, 21))
    assert "call log write failed" in caplog.text
