"""The end-of-turn seam: by default the caller's turn ends after ``endpoint_end_ms`` of silence (as always); an
injected policy that judges the speculative transcript complete ends it at the first short pause instead."""

from __future__ import annotations

import time
from types import SimpleNamespace

from appliance import settings
from appliance.calls.end_of_turn import SilenceEndOfTurn
from appliance.conversation.inbound import InboundDialog
from appliance.data import crm
from appliance.engine import Engine
from appliance.speech import endpointer as ep
from tests.fake_asterisk import run_call, silence, tone
from tests.test_engine_contract import PHRASE_AUDIO, FakeModels, _free_port


class SentenceEnds:
    """A toy policy: a sentence ending in 요 is complete (the real Korean policy comes later)."""

    early = True

    def __init__(self) -> None:
        self.seen: list[str] = []

    def sentence_complete(self, transcript) -> bool:
        self.seen.append(transcript.text)
        return transcript.text.endswith("요")


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
    def __init__(self) -> None:
        super().__init__()
        self.ends: list[float] = []

    def new_endpointer(self):
        return TimedEndpointer(super().new_endpointer(), self.ends)


class TimedDialog(InboundDialog):
    def on_input(self, heard):
        self.heard_at = time.monotonic()
        return super().on_input(heard)


async def _call(tmp_path, policy):
    config = settings.load(overrides={"home": str(tmp_path), "agi_port": _free_port(),
                                      "audiosocket_port": _free_port(), "background_services": False}, env={})
    models = Models()
    dialogs = []

    def make(agi, call_id):
        dialogs.append(TimedDialog("미소치과", understand=lambda text, now, expect: SimpleNamespace(intent="book")))
        return dialogs[-1]

    engine = Engine(config, speech=models, dialog_factory=make, end_of_turn=policy)
    await engine.start()
    try:
        call = await run_call(config.agi_port, silence(1.0) + tone(1.0, 440) + silence(3.0))
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
    assert models.ends and dialog.heard_at < models.ends[0]  # answered before the silence rule ended the turn
    assert [t.speaker for t in turns] == ["bot", "bot", "caller", "bot", "bot"]  # heard once, not twice
    assert turns[2].text == "예약하고 싶어요" and turns[2].meta["early_end"] and turns[2].meta["speculative"]
    assert PHRASE_AUDIO["callback_promise"] in bytes(call.heard)


async def test_by_default_the_turn_ends_on_silence_only(tmp_path):
    call, models, dialog, turns = await _call(tmp_path, None)
    assert isinstance(Engine(settings.load(env={})).pipeline.end_of_turn, SilenceEndOfTurn)
    assert models.ends and dialog.heard_at > models.ends[0]  # the dialog heard the caller after the silence
    assert [t.speaker for t in turns] == ["bot", "bot", "caller", "bot", "bot"]
    assert "early_end" not in turns[2].meta
