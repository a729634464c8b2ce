"""A slow CRM never gaps a live call's audio: the call log is written off the event loop that paces the audio.

The CRM here is the real SQLite file, slowed to 1 s per write (a busy or remote database server); the call
runs through the real engine against the scripted fake Asterisk (real sockets). Measured: the event loop's
longest stall and the longest gap in the audio frames the caller received while the bot spoke.
"""

from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

import peewee

from appliance import settings
from appliance.conversation.inbound import InboundDialog
from appliance.data import crm
from appliance.engine import Engine
from tests.fake_asterisk import run_call, silence, tone
from tests.test_engine_contract import PHRASE_AUDIO, FakeModels, _free_port

WRITE_S = 1.0
FRAME_BYTES = 320


class SlowWrites(peewee.SqliteDatabase):
    """The CRM's SQLite file, where every write takes a second (reads stay fast)."""

    def execute_sql(self, sql, *args, **kwargs):  # type: ignore[no-untyped-def]
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            time.sleep(WRITE_S)
        return super().execute_sql(sql, *args, **kwargs)


async def test_a_slow_crm_write_does_not_gap_the_callers_audio(tmp_path):
    # background services off: the dialer's own queue writes are issue 12 item 3 (tests/test_e2e_outbound_*)
    config = settings.load(overrides={"home": str(tmp_path), "agi_port": _free_port(),
                                      "audiosocket_port": _free_port(), "background_services": False}, env={})
    understand = lambda text, now, expect: SimpleNamespace(intent="book")  # noqa: E731
    engine = Engine(config, speech=FakeModels(),
                    dialog_factory=lambda agi, call_id: InboundDialog("미소치과", understand=understand))
    await engine.start()
    url = config.crm_url
    crm.database.initialize(SlowWrites(url[len("sqlite:///"):], pragmas={"journal_mode": "wal", "busy_timeout": 5000}))
    ticks: list[float] = []

    async def tick() -> None:
        while True:
            ticks.append(time.monotonic())
            await asyncio.sleep(0.01)

    ticker = asyncio.create_task(tick())
    try:
        call = await run_call(config.agi_port, silence(3.0) + tone(1.0, 440) + silence(4.0), timeout=90)
    finally:
        ticker.cancel()
        await engine.stop()
    try:
        # the greeting and the question reached the caller as one stream: no stall while the CRM wrote
        opening = PHRASE_AUDIO["greeting"] + PHRASE_AUDIO["how_can_i_help"]
        frames = len(opening) // FRAME_BYTES
        audio_gaps = [b - a for a, b in zip(call.heard_at[:frames], call.heard_at[1:frames])]
        assert max(audio_gaps) < 0.5, max(audio_gaps)
        loop_gaps = [b - a for a, b in zip(ticks, ticks[1:])]
        assert max(loop_gaps) < 0.5, max(loop_gaps)
        heard = bytes(call.heard)
        assert heard.startswith(opening) and PHRASE_AUDIO["callback_promise"] in heard  # the call went its way
        # ...and nothing was lost: every turn and the outcome landed in the CRM
        row = crm.Call.get(crm.Call.uniqueid == "1700000000.7")
        assert row.outcome == "callback_requested" and row.next_step == "hangup"
        turns = list(row.turns.order_by(crm.Turn.seq))
        assert [t.speaker for t in turns] == ["bot", "bot", "caller", "bot", "bot"]
        assert turns[2].text == "예약하고 싶어요" and turns[3].latency_ms is not None
    finally:
        crm.database.close()
