"""The end-of-turn seam: the Korean policy (the default) ends the caller's turn at the first short pause when the
speculative transcript is a finished sentence that answers the question, and waits through a pause after a
connective; ``end_of_turn = silence`` keeps the old rule (``endpoint_end_ms`` of silence, nothing sooner)."""

from __future__ import annotations

import struct
import time
from types import SimpleNamespace

from appliance import settings
from appliance.calls.end_of_turn import KoreanEndOfTurn, SilenceEndOfTurn
from appliance.conversation.inbound import InboundDialog
from appliance.data import crm
from appliance.engine import Engine
from appliance.speech import endpointer as ep
from tests.fake_asterisk import run_call, silence, tone
from tests.test_engine_contract import PHRASE_AUDIO, FakeModels, _free_port


class SentenceEnds:
    """A toy policy: a sentence ending in 요 is complete (the real Korean policy comes later)."""

    early = True
    max_silence_ms = None

    def __init__(self) -> None:
        self.seen: list[str] = []

    def silence_needed_ms(self, transcript, expect):
        self.seen.append(transcript.text)
        return 0 if transcript.text.endswith("요") else None


class TimedEndpointer:
    """The real endpointer, noting when it decided each end of an utterance."""

    def __init__(self, inner, ends: list[float]):
        self.inner = inner
        self.ends = ends

    def feed(self, frame):
        events = self.inner.feed(frame)
        self.ends.extend(time.monotonic() for e in events if e.kind == ep.END_OF_UTTERANCE)
        return events

    def __getattr__(self, name):
        return getattr(self.inner, name)


class Models(FakeModels):
    def __init__(self, texts=None) -> None:
        super().__init__()
        self.ends: list[float] = []
        self.texts = texts  # audio -> what it says

    def transcribe(self, pcm: bytes, hints):
        result = super().transcribe(pcm, hints)
        if self.texts:
            result.text = self.texts(pcm)
        return result

    def new_endpointer(self):
        return TimedEndpointer(super().new_endpointer(), self.ends)


class TimedDialog(InboundDialog):
    def on_input(self, heard):
        self.heard_at = time.monotonic()
        return super().on_input(heard)


async def _call(tmp_path, policy, *, audio: bytes | None = None, texts=None, **overrides):
    config = settings.load(overrides={"home": str(tmp_path), "agi_port": _free_port(),
                                      "audiosocket_port": _free_port(), "background_services": False,
                                      **overrides}, env={})
    models = Models(texts)
    dialogs = []

    def make(agi, call_id):
        dialogs.append(TimedDialog("미소치과", understand=lambda text, now, expect: SimpleNamespace(intent="book")))
        return dialogs[-1]

    engine = Engine(config, speech=models, dialog_factory=make, end_of_turn=policy)
    await engine.start()
    try:
        call = await run_call(config.agi_port, audio or silence(1.0) + tone(1.0, 440) + silence(3.0))
        row = crm.Call.get(crm.Call.uniqueid == "1700000000.7")
        turns = list(row.turns.order_by(crm.Turn.seq))
    finally:
        await engine.stop()
        crm.database.close()
    return call, models, dialogs[0], turns


async def test_a_complete_sentence_ends_the_turn_at_the_first_pause(tmp_path):
    policy = SentenceEnds()
    call, models, dialog, turns = await _call(tmp_path, policy)
    assert policy.seen == ["예약하고 싶어요"]
    assert len(models.transcribed) == 1  # the speculative decode was the final one
    assert not models.ends  # answered before the silence rule ended the utterance (it never did: it was taken)
    assert [t.speaker for t in turns] == ["bot", "bot", "caller", "bot", "bot"]  # heard once, not twice
    assert turns[2].text == "예약하고 싶어요" and turns[2].meta["early_end"] and turns[2].meta["speculative"]
    assert PHRASE_AUDIO["callback_promise"] in bytes(call.heard)


async def test_the_silence_setting_ends_the_turn_on_silence_only(tmp_path):
    call, models, dialog, turns = await _call(tmp_path, None, end_of_turn="silence")
    assert models.ends and dialog.heard_at > models.ends[0]  # the dialog heard the caller after the silence
    assert [t.speaker for t in turns] == ["bot", "bot", "caller", "bot", "bot"]
    assert "early_end" not in turns[2].meta


async def test_the_korean_policy_is_the_default_and_answers_a_finished_request_at_the_pause(tmp_path):
    assert isinstance(Engine(settings.load(env={})).pipeline.end_of_turn, KoreanEndOfTurn)
    assert isinstance(Engine(settings.load(overrides={"end_of_turn": "silence"}, env={})).pipeline.end_of_turn,
                      SilenceEndOfTurn)
    call, models, dialog, turns = await _call(tmp_path, None)  # "예약하고 싶어요": finished, and a request
    assert len(models.transcribed) == 1
    assert not models.ends
    assert turns[2].text == "예약하고 싶어요" and turns[2].meta["early_end"]
    assert PHRASE_AUDIO["callback_promise"] in bytes(call.heard)


# "사랑니가 아파서 [0.8 s] 예약하고 싶어요": the two halves are tones of different loudness, so the fake recogniser
# can tell which words an audio holds (the first half, the second, or both)
PAUSED = silence(1.0) + tone(0.8, 440, 8000) + silence(0.8) + tone(0.8, 440, 12000) + silence(3.0)
HALF, REST = "사랑니가 아파서", "예약하고 싶어요"
WHOLE = f"{HALF} {REST}"


def TEXTS(pcm: bytes) -> str:
    samples = [abs(s) for (s,) in struct.iter_unpack("<h", pcm)]
    first = next(i for i, s in enumerate(samples) if s > 1000)
    starts_with_half = max(samples[first:first + 800]) < 10000
    has_rest = max(samples) > 10000
    if starts_with_half:
        return WHOLE if has_rest else HALF
    return REST


async def test_a_connective_keeps_listening_through_a_pause_longer_than_the_silence_rule(tmp_path):
    call, models, dialog, turns = await _call(tmp_path, None, audio=PAUSED, texts=TEXTS)
    callers = [t for t in turns if t.speaker == "caller"]
    assert [t.text for t in callers] == [WHOLE]  # one turn: the caller was not cut off at "…아파서"
    assert callers[0].meta["audio_ms"] >= 2000
    assert len(models.transcribed) == 2  # the half (judged: go on), then only the rest (segments)
    assert models.transcribed[1] < models.transcribed[0] + 16000  # the second decode was the tail, not all of it
    assert callers[0].meta["early_end"]


async def test_the_silence_rule_cuts_the_same_caller_off_at_the_pause(tmp_path):
    """The same audio under ``end_of_turn = silence``: the 0.8 s pause is over ``endpoint_end_ms``, so the turn
    ends on the half sentence — what the Korean policy prevents."""
    call, models, dialog, turns = await _call(tmp_path, None, audio=PAUSED, texts=TEXTS, end_of_turn="silence")
    callers = [t for t in turns if t.speaker == "caller"]
    assert callers[0].text == HALF


async def test_a_long_first_sentence_without_a_pause_is_an_answer_not_silence(tmp_path):
    """The caller starts late and talks for 6 s without a pause, past the question's 8 s no-answer timeout: the
    runner knows from the first voiced frames that the caller is talking (issue 15: such a caller was logged as
    silence and heard the silence prompt)."""
    audio = silence(4.0) + tone(6.0, 440) + silence(3.0)
    call, models, dialog, turns = await _call(tmp_path, None, audio=audio)
    callers = [t for t in turns if t.speaker == "caller"]
    assert callers and callers[0].text == "예약하고 싶어요", [(t.text, t.meta) for t in callers]
    assert not callers[0].meta.get("silence") and callers[0].meta["audio_ms"] >= 6000
    assert PHRASE_AUDIO["silence"] not in bytes(call.heard)
