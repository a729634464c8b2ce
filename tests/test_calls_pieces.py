"""Pieces: a long utterance is decoded while the caller still talks, so the turn's end decodes only the rest.

Runner tests through the engine and a fake Asterisk (real sockets, the real endpointer, a fake recogniser that
notes which stretch of the caller's audio each decode held); the STT queue's priority and the piece chain's
choices on their own; the real calls are in tests/test_e2e_hearing.py.
"""

from __future__ import annotations

import array
import asyncio
import dataclasses
import threading
from types import SimpleNamespace

from appliance import settings
from appliance.calls import pieces as piece_chain
from appliance.calls.pipeline import SttExecutor
from appliance.conversation.actions import Listen
from appliance.conversation.inbound import InboundDialog
from appliance.data import crm
from appliance.engine import Engine
from appliance.speech import endpointer as ep
from tests.fake_asterisk import run_call, silence, tone
from tests.test_engine_contract import PHRASE_AUDIO, FakeModels, _free_port, loud

# Each word is a tone of its own loudness, so the fake recogniser can tell which words an audio holds.
WORDS = {4000: "사랑니가", 6000: "아파서", 9000: "예약하고", 12000: "싶어요"}
DIP = silence(0.08)  # a word boundary: too short to be a pause (endpoint_speculative_ms)


def word(amp: int, seconds: float) -> bytes:
    return tone(seconds, 440, amp)


def words_in(pcm: bytes) -> list[int]:
    """The words (by loudness) in ``pcm``, in order: each 20 ms frame's peak, rounded to a known word."""
    found: list[int] = []
    samples = array.array("h", pcm)
    for i in range(0, len(samples), 160):
        peak = max((abs(v) for v in samples[i:i + 160]), default=0)
        if peak < 2000:
            continue
        amp = min(WORDS, key=lambda a: abs(a - peak))
        if not found or found[-1] != amp:
            found.append(amp)
    return found


class Recogniser(FakeModels):
    """Says the words the audio holds; notes each decode's words. ``gate``: decodes wait for it."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        super().__init__()
        self.decodes: list[list[int]] = []
        self.seconds: list[float] = []
        self.windows: list[str | None] = []
        self.hints: list[list[str]] = []
        self.gate = gate

    def transcribe(self, pcm: bytes, hints, window=None):
        self.windows.append(window)
        self.hints.append(list(hints or []))
        if self.gate is not None:
            self.gate.wait(20)
        heard = words_in(pcm)
        self.decodes.append(heard)
        self.seconds.append(len(pcm) / 16000)
        return SimpleNamespace(text=" ".join(WORDS[a] for a in heard), avg_logprob=-0.2, no_speech_prob=0.01)

    def new_endpointer(self):
        return ep.Endpointer(ep.EndpointerSettings(piece_ms=2000, piece_dip_ms=60, piece_dip_db=20.0), vad=loud)


async def _call(tmp_path, models, audio: bytes, *, before_call=None, hangup_after_s: float | None = None,
                dialog=InboundDialog, **overrides):
    config = settings.load(overrides={"home": str(tmp_path), "agi_port": _free_port(),
                                      "audiosocket_port": _free_port(), "background_services": False,
                                      **overrides}, env={})
    understand = lambda text, now, expect: SimpleNamespace(intent="book")  # noqa: E731
    engine = Engine(config, speech=models,
                    dialog_factory=lambda agi, call_id: dialog("미소치과", understand=understand))
    await engine.start()
    try:
        if before_call is not None:
            before_call(engine)
        call = await run_call(config.agi_port, audio, hangup_after_s=hangup_after_s)
        row = crm.Call.get(crm.Call.uniqueid == "1700000000.7")
        turns = list(row.turns.order_by(crm.Turn.seq))
    finally:
        await engine.stop()
        crm.database.close()
    return call, row, [t for t in turns if t.speaker == "caller"]


def callers_audio_s(audio: bytes) -> float:
    return (len(audio) - len(silence(4.0))) / 16000  # without the silence before and after


# "사랑니가 아파서 예약하고 싶어요", 6.3 s with two 80 ms dips and no pause
TWO_DIPS = (silence(1.0) + word(4000, 2.2) + DIP + word(6000, 2.2) + DIP + word(9000, 0.8) + word(12000, 0.9)
            + silence(3.0))


async def test_a_long_utterance_with_two_dips_is_decoded_in_three_pieces_the_last_only_the_tail(tmp_path):
    models = Recogniser()
    call, row, callers = await _call(tmp_path, models, TWO_DIPS)
    # each decode held its own words and the last second before them (context: the texts are merged)
    assert models.decodes == [[4000], [4000, 6000], [6000, 9000, 12000]]
    assert models.windows == [None, "utt+1", "utt+1"]  # a tail's encoder window: its length + 1 s, not 10 s
    assert models.seconds[2] < 3.5 < callers_audio_s(TWO_DIPS)
    assert [t.text for t in callers] == ["사랑니가 아파서 예약하고 싶어요"]
    assert callers[0].meta["pieces"] == 2 and callers[0].meta["audio_ms"] >= 6000
    assert PHRASE_AUDIO["callback_promise"] in bytes(call.heard)  # the caller got the answer to all of it


class HintedInbound(InboundDialog):
    """The inbound dialog whose first question gives Whisper hotwords (as the receptionist's 'need' question does)."""

    def start(self):
        return [dataclasses.replace(a, hints=["예약", "점심시간"]) if isinstance(a, Listen) else a
                for a in super().start()]


async def test_a_pieces_tail_is_decoded_without_the_questions_hotwords(tmp_path):
    """A tail heard with a piece's context starts mid-sentence, where Whisper says the hotwords as words ("예약 에
    전해지기"): the piece (from the start of the utterance) has them, its tails do not."""
    models = Recogniser()
    call, row, callers = await _call(tmp_path, models, TWO_DIPS, dialog=HintedInbound)
    assert models.windows == [None, "utt+1", "utt+1"]
    assert models.hints == [["예약", "점심시간"], [], []]
    assert [t.text for t in callers] == ["사랑니가 아파서 예약하고 싶어요"]


async def test_the_setting_switches_pieces_off(tmp_path):
    models = Recogniser()
    models.new_endpointer = lambda: ep.Endpointer(ep.EndpointerSettings(piece_ms=0), vad=loud)
    call, row, callers = await _call(tmp_path, models, TWO_DIPS)
    assert models.decodes == [[4000, 6000, 9000, 12000]]
    assert "pieces" not in callers[0].meta


def _occupy(submitted: list[int], release: threading.Event, *, waiting: bool):
    """Before the call: another call's decodes hold every STT worker (until ``release``); with ``waiting``, one
    more of its decodes waits for a worker (a caller waits for that answer). Notes the priority of every decode
    this call submits."""
    def occupy(engine):
        pool = engine.pipeline.stt_pool
        for _ in range(pool.workers + waiting):
            pool.submit(release.wait, 30)
        submit_at = pool.submit_at

        def noted(priority, fn, *args):
            submitted.append(priority)
            return submit_at(priority, fn, *args)

        pool.submit_at = noted
    return occupy


def _released_at(kind: str, release: threading.Event):
    class Watch(ep.Endpointer):  # the other call's decodes end when this caller reaches ``kind``
        def feed(self, frame=None, **kw):
            events = super().feed(frame, **kw)
            if any(e.kind == kind for e in events):
                release.set()
            return events
    return lambda: Watch(ep.EndpointerSettings(piece_ms=2000), vad=loud)


async def test_while_another_callers_answer_waits_no_piece_is_decoded(tmp_path):
    """Another call's decode waits for an STT worker while this caller talks: no piece is even queued (it would
    delay that caller's answer); once the STT is free, this caller's turn is one decode of the whole."""
    models, release, submitted = Recogniser(), threading.Event(), []
    models.new_endpointer = _released_at(ep.SPECULATIVE_END, release)
    call, row, callers = await _call(tmp_path, models, TWO_DIPS, before_call=_occupy(submitted, release, waiting=True))
    assert submitted == [piece_chain.URGENT]  # no piece was even queued
    assert models.decodes == [[4000, 6000, 9000, 12000]]
    assert callers[0].text == "사랑니가 아파서 예약하고 싶어요" and "pieces" not in callers[0].meta


async def test_pieces_queue_while_the_workers_are_busy_but_nobody_waits_for_an_answer(tmp_path):
    """Every STT worker is busy (another call's decode runs) but no answer waits: the caller's pieces queue behind
    it and are decoded once a worker frees, so the turn's end decodes only the tail (ten callers talking at once:
    their pieces fill the workers while they speak, bench/voice_probe.txt)."""
    models, release, submitted = Recogniser(), threading.Event(), []
    models.new_endpointer = _released_at(ep.PIECE, release)
    call, row, callers = await _call(tmp_path, models, TWO_DIPS, before_call=_occupy(submitted, release, waiting=False))
    assert submitted[0] == piece_chain.PIECE and submitted[-1] == piece_chain.URGENT
    assert models.decodes[0] == [4000] and models.decodes[-1] == [6000, 9000, 12000]
    assert callers[0].text == "사랑니가 아파서 예약하고 싶어요" and callers[0].meta["pieces"] == 2


async def test_with_stt_queue_pieces_off_a_busy_worker_means_no_piece(tmp_path):
    models, release, submitted = Recogniser(), threading.Event(), []
    models.new_endpointer = _released_at(ep.SPECULATIVE_END, release)
    call, row, callers = await _call(tmp_path, models, TWO_DIPS, before_call=_occupy(submitted, release, waiting=False),
                                     stt_queue_pieces=False)
    assert submitted == [piece_chain.URGENT]
    assert models.decodes == [[4000, 6000, 9000, 12000]] and "pieces" not in callers[0].meta


async def test_a_tail_under_0_8_s_is_decoded_from_the_earlier_piece(tmp_path):
    short_tail = (silence(1.0) + word(4000, 2.2) + DIP + word(6000, 2.2) + DIP + word(12000, 0.3) + silence(3.0))
    models = Recogniser()
    call, row, callers = await _call(tmp_path, models, short_tail)
    assert models.decodes[0] == [4000] and models.decodes[-1] == [4000, 6000, 12000]
    # from 1 s before the first dip (0.2 s pre-roll + 2.2 s word), not the whole, not the 0.3 s word alone
    assert abs(models.seconds[-1] - (callers[0].meta["audio_ms"] / 1000 - 1.4)) < 0.05
    assert callers[0].text == "사랑니가 아파서 싶어요" and callers[0].meta["pieces"] == 1


async def test_a_hang_up_mid_utterance_ends_the_decoding(tmp_path):
    """The caller hangs up after the first piece, mid-sentence: the rest is never decoded (nor the whole), and
    nothing is logged as heard."""
    models = Recogniser()
    call, row, callers = await _call(tmp_path, models, TWO_DIPS, hangup_after_s=4.5)
    assert row.outcome == "caller_hung_up" and callers == []
    assert models.decodes == [[4000]]


# ------------------------------------------------------------------------------------------ the parts on their own
def test_the_stt_queue_runs_speculative_and_final_decodes_before_pieces():
    executor = SttExecutor(1)
    release = threading.Event()
    order: list[str] = []
    executor.submit(release.wait, 5)
    assert executor.busy()  # the worker is taken: a piece now would wait
    executor.submit_at(piece_chain.PIECE, order.append, "piece")
    last = executor.submit_at(piece_chain.URGENT, order.append, "final")
    release.set()
    last.result(5)
    executor.shutdown()
    assert order == ["final", "piece"]


async def test_the_chain_uses_the_latest_usable_boundary_and_drops_a_queued_one():
    submitted: list[tuple[int, int]] = []
    queued: set[int] = set()
    loop = asyncio.get_running_loop()

    def transcribe(audio: bytes, priority: int, window=None):
        submitted.append((len(audio), priority))
        future = loop.create_future()
        future.set_result(SimpleNamespace(text=f"{len(audio)}", avg_logprob=-0.1, no_speech_prob=0.0))
        return future

    chain = piece_chain.PieceChain(transcribe, lambda job: id(job) in queued)
    second = 16000  # one second of 8 kHz s16
    audio = bytes(6 * second)
    first = chain.decode(audio[:2 * second], piece_chain.PIECE)
    chain.keep(first, 2 * second - 1280, piece=True)
    assert submitted == [(2 * second, piece_chain.PIECE)]
    later = chain.decode(audio[:4 * second], piece_chain.PIECE)
    chain.keep(later, 4 * second - 1280, piece=True)
    assert submitted[-1] == (2 * second + 1280, piece_chain.PIECE)  # only the new audio, from the dip
    final = chain.decode(audio[:int(4.5 * second)])
    assert final.base is first and final.pieces() == 1  # 0.5 s after the later piece: too short on its own
    assert submitted[-1] == (int(2.5 * second) + 1280, piece_chain.URGENT)
    queued.add(id(later.job))  # the later piece never reached a worker: the STT is busy
    final = chain.decode(audio)
    await asyncio.sleep(0)
    assert final.base is first and later.decode.cancelled()
    assert (await final.decode).text.startswith(f"{2 * second} ")
    chain.drop()
    assert first.decode.done() and not chain


async def test_dropped_pieces_never_reach_an_stt_worker():
    """A hang-up or noise mid-utterance drops the chain: a piece decode still queued never costs a decode."""
    executor = SttExecutor(1)
    release = threading.Event()
    ran: list[int] = []
    executor.submit(release.wait, 5)

    def transcribe(audio: bytes, priority: int, window=None):
        return asyncio.wrap_future(executor.submit_at(priority, ran.append, len(audio)))

    chain = piece_chain.PieceChain(transcribe, lambda job: not job.done())
    chain.keep(chain.decode(bytes(32000), piece_chain.PIECE), 30720, piece=True)
    chain.drop()
    await asyncio.sleep(0)  # the cancellation reaches the STT queue from the event loop
    release.set()
    executor.submit(lambda: None).result(5)
    executor.shutdown()
    assert ran == [] and executor.queued == 0 and not chain


def test_a_tail_that_re_hears_the_pieces_last_words_is_merged_where_the_texts_agree():
    from appliance.calls.segments import merge

    assert merge("사랑니가 아파서", "아파서 예약하고 싶어요", 1.0, 2.4) == "사랑니가 아파서 예약하고 싶어요"
    # the piece was cut inside its last word: the tail, which heard it whole, has it right
    assert merge("한잔의 커피가 소비자에게 전해지기 위해서", "전해지기 위해서는 여러 차례의", 1.0, 3.0) == \
        "한잔의 커피가 소비자에게 전해지기 위해서는 여러 차례의"
    # the same words earlier in the piece do not pull the join back there
    assert merge("영화 표를 사고 영화관 가서 영화 보", "영화 보고 왔어요", 0.5, 3.0) == \
        "영화 표를 사고 영화관 가서 영화 보고 왔어요"
    assert merge("네 예약이요", "음 다음 주 화요일", 1.0, 2.0) is None  # no agreement: no guessing (decode whole)
    assert merge("", "네 맞아요", 1.0, 2.0) == "네 맞아요" and merge("네 맞아요", "", 1.0, 2.0) == "네 맞아요"
    joined = combine_with_overlap("사랑니가 아파서", "아파서 예약하고 싶어요")
    assert joined.text == "사랑니가 아파서 예약하고 싶어요"


def test_a_tail_that_says_the_shared_words_twice_is_not_joined():
    """Heard on a real call (bench/stt_callpath.txt, zeroth_0019): the tail repeated the piece's last word instead of
    hearing what followed; joined, the transcript said it twice and lost "위축되면서". Not joined: decoded whole."""
    from appliance.calls.segments import merge

    head = "지난 3월, 김 전 장관의 동료인 장동량 홍입대 교수가 민간 자문단장으로 믿고"
    assert merge(head, "자문단장, 자문단장,", 1.04, 6.18) is None
    assert combine_with_overlap(head, "자문단장, 자문단장,") is None
    # a word said again further on, after new words, is speech: joined
    assert merge("영수증은 영수증", "영수증 뽑아 주시고 영수증 하나 더요", 1.0, 2.0) == \
        "영수증은 영수증 뽑아 주시고 영수증 하나 더요"


def test_only_a_pieces_tail_decodes_without_the_hotwords():
    from appliance.calls import segments

    hints = ["예약", "점심시간"]
    assert segments.hints_for(hints, segments.TAIL_WINDOW) == []
    assert segments.hints_for(hints, None) == hints  # a whole utterance, a piece's head, the rest after a pause


def combine_with_overlap(head: str, tail: str):
    from appliance.calls import segments

    def result(text: str) -> SimpleNamespace:
        return SimpleNamespace(text=text, avg_logprob=-0.2, no_speech_prob=0.1)

    return segments.combine(result(head), result(tail), 3 * 16000, 3 * 16000, segments.PIECE_OVERLAP_BYTES)


async def test_a_tail_heard_as_nothing_after_a_piece_is_decoded_whole():
    """The caller spoke on after the piece (the endpointer heard it), but the tail's decode came back empty (seen
    once on a −40 dBFS line): the whole utterance is decoded, not the piece's words alone."""
    loop = asyncio.get_running_loop()
    submitted: list[int] = []

    def transcribe(audio: bytes, priority: int, window=None):
        submitted.append(len(audio))
        said = {32000: "그는 이리저리 피하면서", 64000: "그는 이리저리 피하면서 길 한 옆으로 걸어갔다"}
        text = said.get(len(audio), "")
        future = loop.create_future()
        future.set_result(SimpleNamespace(text=text, avg_logprob=-0.3, no_speech_prob=0.1))
        return future

    chain = piece_chain.PieceChain(transcribe, lambda job: False)
    chain.keep(chain.decode(bytes(32000), piece_chain.PIECE), 30000 - 16000, piece=True)
    final = chain.decode(bytes(64000))
    assert (await final.decode).text == "그는 이리저리 피하면서 길 한 옆으로 걸어갔다"
    assert submitted == [32000, 64000 - 14000, 64000]  # the piece, its tail (empty), then the whole


def test_a_tail_that_loops_back_to_its_first_words_after_its_last_sentence_loses_the_echo():
    """Seen on every call of a read clip: the last tail, decoded with a second of silence after it, said its first
    words again, and the caller's turn ended in "… 있습니다. 영려가 될"."""
    from appliance.calls.segments import merge, without_echoed_end

    head = "자신을 장담화하지는 않을까 염려가 될 수"
    assert merge(head, "영려가 될 수도 있습니다. 영려가 될", 1.0, 8.9) == \
        "자신을 장담화하지는 않을까 염려가 될 수도 있습니다."
    new_words = "내일 세 시에 갈게요. 그리고 하나 더"
    assert without_echoed_end(new_words) == new_words
    assert without_echoed_end("네 맞아요. 네") == "네 맞아요. 네"  # too short to call an echo
    assert without_echoed_end("예약할게요. 예약할게요.") == "예약할게요. 예약할게요."  # a sentence said again, ended
