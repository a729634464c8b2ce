"""The engine's call handling against a fake Asterisk (real sockets, fake models): what the caller hears,
what lands in the call log, and that every failure hands the call back to the dialplan's fallback."""

from __future__ import annotations

import socket
from types import SimpleNamespace

import pytest

from appliance import settings
from appliance.conversation.inbound import InboundDialog
from appliance.data import crm
from appliance.engine import Engine
from tests.fake_asterisk import run_call, silence, tone

PHRASE_AUDIO = {key: tone(0.2, freq=200 + 40 * i) for i, key in enumerate(
    ["greeting", "how_can_i_help", "callback_promise", "goodbye", "transfer", "sorry_again", "silence",
     "menu_dtmf"])}


def loud(frame: bytes) -> bool:
    import array

    return max((abs(v) for v in array.array("h", frame)), default=0) > 2000


class FakeModels:
    def __init__(self, text: str = "예약하고 싶어요", fail: Exception | None = None):
        self.text = text
        self.fail = fail
        self.transcribed: list[int] = []

    def load(self) -> None:
        pass

    def speak(self, action) -> bytes:
        return PHRASE_AUDIO[action.key]

    def transcribe(self, pcm: bytes, hints):
        self.transcribed.append(len(pcm))
        if self.fail:
            raise self.fail
        return SimpleNamespace(text=self.text, avg_logprob=-0.2, no_speech_prob=0.01)

    def new_endpointer(self):
        from appliance.speech.endpointer import Endpointer

        return Endpointer(vad=loud)  # the real endpointer, with a loudness VAD for synthetic tones

    def ack(self):
        return None  # no acknowledgement: what the caller hears is exactly the dialog's phrases

    def can_say(self, text: str) -> bool:
        return False

    def close(self) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def engine_factory(tmp_path):
    engines = []

    async def make(models: FakeModels, intent: str = "book") -> Engine:
        config = settings.load(overrides={"home": str(tmp_path), "agi_port": _free_port(),
                                          "audiosocket_port": _free_port()}, env={})
        understand = lambda text, now, expect: SimpleNamespace(intent=intent)  # noqa: E731
        engine = Engine(config, speech=models,
                        dialog_factory=lambda agi, call_id: InboundDialog("미소치과", understand=understand))
        await engine.start()
        engines.append(engine)
        return engine

    yield make
    for _engine in engines:
        crm.database.close()


def _starts_with(heard: bytes, audio: bytes) -> bool:
    return bytes(heard[: len(audio)]) == audio


async def test_inbound_call_greets_listens_answers_and_logs(engine_factory):
    models = FakeModels()
    engine = await engine_factory(models, intent="book")
    caller = silence(1.0) + tone(1.0, 440) + silence(3.0)  # the caller speaks after the greeting
    call = await run_call(engine.config.agi_port, caller)
    # what the caller heard: greeting, question, then the answer, in that order, bit-exact
    expected = PHRASE_AUDIO["greeting"] + PHRASE_AUDIO["how_can_i_help"]
    assert _starts_with(call.heard, expected)
    assert PHRASE_AUDIO["callback_promise"] in bytes(call.heard)
    assert call.variables["DENTALCALL_NEXT"] == "hangup"
    assert call.commands[0].startswith('EXEC Set "TIMEOUT(absolute)=')  # watchdog re-armed first
    assert call.audiosocket_ended_by_engine
    assert len(models.transcribed) == 1 and models.transcribed[0] >= 8000 * 2 * 0.9  # ~1 s of speech
    row = crm.Call.get(crm.Call.uniqueid == "1700000000.7")
    assert row.direction == "inbound" and row.outcome == "callback_requested" and row.next_step == "hangup"
    turns = list(row.turns.order_by(crm.Turn.seq))
    assert [t.speaker for t in turns] == ["bot", "bot", "caller", "bot", "bot"]
    assert turns[2].text == "예약하고 싶어요"
    answer = turns[3]
    assert answer.latency_ms is not None and answer.latency_ms >= 0
    assert answer.t_speech_end <= answer.t_first_audio


async def test_stt_crash_falls_back_to_staff_and_is_logged(engine_factory):
    engine = await engine_factory(FakeModels(fail=RuntimeError("model crashed")))
    call = await run_call(engine.config.agi_port, silence(0.8) + tone(0.8) + silence(2.0))
    assert call.variables["DENTALCALL_NEXT"] == "fallback"
    row = crm.Call.get(crm.Call.uniqueid == "1700000000.7")
    assert row.outcome == "failed" and "model crashed" in row.error


async def test_caller_hangs_up_mid_sentence(engine_factory):
    engine = await engine_factory(FakeModels())
    call = await run_call(engine.config.agi_port, silence(5), hangup_after_s=0.15)
    assert "DENTALCALL_NEXT" not in call.variables  # nothing sent to a dead channel after the 511
    row = crm.Call.get(crm.Call.uniqueid == "1700000000.7")
    assert row.outcome == "caller_hung_up"


def test_a_hang_up_keeps_what_the_call_decided():
    """A caller who booked and hung up at the questionnaire offer made a booked call, not just a hang-up; a call
    that decided nothing (still "answered") is logged as the caller's hang-up."""
    from appliance.calls.pipeline import decided_before_hangup

    class Decided:
        def __init__(self, outcome: str):
            self.outcome = outcome

        def final_outcome(self) -> str:
            return self.outcome

    assert decided_before_hangup(Decided("booked")) == "booked"
    assert decided_before_hangup(Decided("answered")) is None
    assert decided_before_hangup(object()) is None


async def test_keypad_zero_transfers_to_staff(engine_factory):
    engine = await engine_factory(FakeModels())
    call = await run_call(engine.config.agi_port, silence(6), dtmf=[(0.1, "0")])
    assert call.variables["DENTALCALL_NEXT"] == "transfer"
    # pressing a key during the greeting does not cut the legally required notice (barge_in=False)
    assert _starts_with(call.heard, PHRASE_AUDIO["greeting"])
    assert PHRASE_AUDIO["transfer"] in bytes(call.heard)
    row = crm.Call.get(crm.Call.uniqueid == "1700000000.7")
    assert row.outcome == "transferred"


async def test_silence_is_asked_again_then_voicemail(engine_factory):
    engine = await engine_factory(FakeModels())
    call = await run_call(engine.config.agi_port, silence(40), timeout=60)
    assert call.variables["DENTALCALL_NEXT"] == "voicemail"
    heard = bytes(call.heard)
    assert PHRASE_AUDIO["silence"] in heard and PHRASE_AUDIO["menu_dtmf"] in heard


class SlowDialog(InboundDialog):
    """A dialog step that blocks for a while, as an EMR query over a slow LAN or the LLM fallback would."""

    def on_input(self, heard):
        import time

        time.sleep(2.0)
        return super().on_input(heard)


async def test_a_slow_dialog_step_does_not_stall_the_event_loop(tmp_path):
    import asyncio
    import time

    config = settings.load(overrides={"home": str(tmp_path), "agi_port": _free_port(),
                                      "audiosocket_port": _free_port()}, env={})
    understand = lambda text, now, expect: SimpleNamespace(intent="book")  # noqa: E731
    engine = Engine(config, speech=FakeModels(),
                    dialog_factory=lambda agi, call_id: SlowDialog("미소치과", understand=understand))
    await engine.start()
    ticks: list[float] = []

    async def tick() -> None:
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.02)

    ticker = asyncio.create_task(tick())
    try:
        call = await run_call(config.agi_port, silence(1.0) + tone(1.0, 440) + silence(5.0))
    finally:
        ticker.cancel()
        await engine.stop()
        crm.database.close()
    assert PHRASE_AUDIO["callback_promise"] in bytes(call.heard)  # the slow step did answer...
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert max(gaps) < 1.0, max(gaps)  # ...while audio (and every other call) kept being served
