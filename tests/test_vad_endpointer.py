"""Endpointer behaviour: synthetic frames (exact timings) and the real 8 kHz clips through webrtcvad."""

from __future__ import annotations

import csv
import math
import struct
from pathlib import Path

import numpy as np
import pytest

from appliance import settings
from appliance.speech.endpointer import (
    BARGE_IN, END_OF_UTTERANCE, NO_SPEECH, NOISE, PIECE, SPECULATIVE_END, SPEECH_RESUMED, SPEECH_START,
    Endpointer, EndpointerSettings,
)
from appliance.speech.vad import VoiceActivityDetector, frame_bytes, iter_frames, rms_dbfs
from tests import shared_data

S = EndpointerSettings()  # defaults: onset 60 ms, speculative 220 ms, end 650 ms, barge-in 80 ms


def run(ep: Endpointer, pattern: list[tuple[bool, int]], loud: bool = True) -> list:
    """Feed (is_speech, ms) runs as 20 ms frames; loud/quiet frames carry audio for the echo gate."""
    level = 8000 if loud else 100
    tone = struct.pack("<160h", *(int(level * math.sin(2 * math.pi * 440 * i / 8000)) for i in range(160)))
    events = []
    for speech, ms in pattern:
        for _ in range(ms // 20):
            events += ep.feed(tone if speech else b"\0" * 320, is_speech=speech)
    return events


def kinds(events) -> list[str]:
    return [e.kind for e in events]


def test_utterance_start_speculative_end():
    ep = Endpointer()
    events = run(ep, [(False, 400), (True, 1000), (False, 1000)])
    assert kinds(events) == [SPEECH_START, SPECULATIVE_END, END_OF_UTTERANCE]
    start, spec, end = events
    assert start.onset_ms == 400 and start.t_ms == 460          # decided after 60 ms of voice
    assert spec.t_ms - 1400 == S.speculative_ms                 # last voiced frame ends at 1400 ms
    assert end.t_ms - 1400 == 660 and end.reason == "silence"  # 650 ms rounded up to whole frames
    # audio: 200 ms pre-roll + 1000 ms speech + 200 ms tail, 8 kHz s16
    assert len(end.audio) == (200 + 1000 + 200) * 16
    assert end.speculative_ok and spec.audio == end.audio


def test_pause_then_resume_cancels_speculation():
    ep = Endpointer()
    events = run(ep, [(True, 600), (False, 400), (True, 600), (False, 800)])
    assert kinds(events) == [SPEECH_START, SPECULATIVE_END, SPEECH_RESUMED, SPECULATIVE_END, END_OF_UTTERANCE]
    assert events[-1].onset_ms == 0 and len(events[-1].audio) == (600 + 400 + 600 + 200) * 16
    assert events[-1].speculative_ok  # the second speculation covered everything


def test_short_blips_are_not_speech_and_a_cough_is_noise():
    ep = Endpointer()
    events = run(ep, [(True, 20), (False, 100), (True, 40), (False, 500)])
    assert events == []
    events = run(ep, [(True, 100), (False, 800)])
    assert kinds(events) == [SPEECH_START, NOISE]  # < min_speech_ms voiced: nothing to decode


def test_max_utterance_length():
    ep = Endpointer(EndpointerSettings(max_utterance_ms=2000))
    events = run(ep, [(True, 2500)])
    assert kinds(events)[:2] == [SPEECH_START, END_OF_UTTERANCE]
    assert events[1].reason == "max_length" and events[1].t_ms == 2000


def test_no_speech_timeout_armed_when_bot_stops():
    ep = Endpointer(EndpointerSettings(no_speech_timeout_ms=1000))
    ep.set_bot_speaking(True)
    assert run(ep, [(False, 3000)]) == []        # the bot is talking: no timeout
    ep.set_bot_speaking(False)                    # question asked: the caller's turn
    events = run(ep, [(False, 1500)])
    assert kinds(events) == [NO_SPEECH] and events[0].t_ms == 3000 + 1000
    assert run(ep, [(False, 3000)]) == []         # fires once until re-armed
    ep.start_listening()
    assert kinds(run(ep, [(False, 1000)])) == [NO_SPEECH]


def test_barge_in_needs_sustained_loud_voice():
    ep = Endpointer()
    ep.set_bot_speaking(True)
    assert run(ep, [(True, 60), (False, 200)]) == []               # too short: echo / noise
    assert run(ep, [(True, 400), (False, 100)], loud=False) == []  # quiet echo of our own prompt
    events = run(ep, [(True, 300)])
    assert kinds(events) == [BARGE_IN, SPEECH_START]
    reaction = events[0].t_ms - events[0].onset_ms
    assert reaction <= 160  # playback can stop well inside the 200 ms goal
    ep.set_bot_speaking(False)
    events = run(ep, [(True, 300), (False, 700)])
    assert kinds(events) == [SPECULATIVE_END, END_OF_UTTERANCE]  # the caller's words are kept


def test_settings_from_config():
    config = settings.load(overrides={"endpoint_end_ms": "700", "endpoint_barge_in_min_dbfs": "-38"}, env={})
    s = EndpointerSettings.from_config(config)
    assert s.end_ms == 700 and s.barge_in_min_dbfs == -38.0 and s.speculative_ms == 220
    assert s.preroll_ms == EndpointerSettings().preroll_ms  # not a setting: the built-in value
    ep = Endpointer.from_config(config)
    assert ep.s.end_ms == 700 and ep.feed(b"\0" * 320) == []  # its own webrtcvad decides


def test_vad_helpers():
    vad = VoiceActivityDetector(2)
    assert vad.frame_bytes == frame_bytes() == 320
    assert not vad.is_speech(b"\0" * 320)
    with pytest.raises(ValueError):
        vad.is_speech(b"\0" * 100)
    assert len(list(iter_frames(b"\0" * 1000))) == 3
    assert rms_dbfs(b"\0" * 320) == -120.0
    full = np.full(160, 32767, dtype="<i2").tobytes()
    assert abs(rms_dbfs(full)) < 0.01


# --------------------------------------------------------------------------- real clips (8 kHz μ-law)
CLIPS = shared_data.SPEECH_KO


def endpoint_clip(name: "str | Path") -> tuple[list, int]:
    from appliance.speech.stt.audio import read_audio

    pcm, rate = read_audio(CLIPS / name)  # an absolute path replaces CLIPS
    assert rate == 8000
    ep = Endpointer(vad=VoiceActivityDetector(2))
    events = []
    for frame in iter_frames(pcm + b"\0" * 16000):
        events += ep.feed(frame)
    return events, len(pcm) // 16


def test_real_clip_one_utterance():
    events, duration_ms = endpoint_clip(shared_data.bundled_clip())
    ends = [e for e in events if e.kind == END_OF_UTTERANCE]
    assert len(ends) == 1 and ends[0].reason == "silence" and ends[0].speculative_ok
    start = next(e for e in events if e.kind == SPEECH_START)
    assert 500 <= start.onset_ms <= 700          # the clip is silent (-78 dBFS) for its first 600 ms
    assert 2.5 <= len(ends[0].audio) / 16000 <= duration_ms / 1000


@shared_data.needs_speech_ko
def test_real_clip_with_pauses_gives_several_utterances():
    events, _ = endpoint_clip("ko_porcupine_3_keywords_8k_ulaw.wav")
    ends = [e for e in events if e.kind == END_OF_UTTERANCE]
    assert 3 <= len(ends) <= 6                   # keywords spoken with pauses > 650 ms between them
    assert all(e.speculative_ok for e in ends)
    rows = list(csv.DictReader(open(CLIPS / "transcripts.tsv", encoding="utf-8"), delimiter="\t"))
    assert any(r["file"] == "ko_porcupine_3_keywords_8k_ulaw.wav" for r in rows)


def test_real_clip_barge_in_and_attenuated_echo():
    from appliance.speech.stt.audio import read_audio

    pcm, _ = read_audio(shared_data.bundled_clip())
    ep = Endpointer(vad=VoiceActivityDetector(2))
    ep.set_bot_speaking(True)
    events = []
    for frame in iter_frames(pcm):
        events += ep.feed(frame)
    barge = [e for e in events if e.kind == BARGE_IN]
    assert len(barge) == 1 and barge[0].t_ms - barge[0].onset_ms <= 200

    # the same speech 30 dB down, as line echo of our own prompt would be: no barge-in
    quiet = (np.frombuffer(pcm, dtype="<i2") * 10 ** (-30 / 20)).astype("<i2").tobytes()
    ep = Endpointer(vad=VoiceActivityDetector(2))
    ep.set_bot_speaking(True)
    assert [e for f in iter_frames(quiet) for e in ep.feed(f)] == []


# --------------------------------------------------------------------------- pieces (decoding while the caller talks)
PIECES = EndpointerSettings(piece_ms=2000, piece_dip_ms=60, piece_dip_db=20.0)


def feed_levels(ep: Endpointer, pattern: list[tuple[str, int]]) -> list:
    """Feed ("loud" | "soft" | "silent", ms) runs: soft is voiced by the VAD but 38 dB under loud."""
    def tone(level: int) -> bytes:
        return struct.pack("<160h", *(int(level * math.sin(2 * math.pi * 440 * i / 8000)) for i in range(160)))

    frames = {"loud": (tone(8000), True), "soft": (tone(100), True), "silent": (b"\0" * 320, False)}
    events = []
    for kind, ms in pattern:
        frame, voiced = frames[kind]
        for _ in range(ms // 20):
            events += ep.feed(frame, is_speech=voiced)
    return events


def test_a_long_utterance_with_a_short_dip_gives_a_piece_cut_inside_the_dip():
    ep = Endpointer(PIECES)
    events = feed_levels(ep, [("loud", 2400), ("silent", 80), ("loud", 1000), ("silent", 1000)])
    assert kinds(events) == [SPEECH_START, PIECE, SPECULATIVE_END, END_OF_UTTERANCE]
    piece, end = events[1], events[3]
    assert piece.t_ms == 2500  # decided when the voice came back after the 80 ms dip (2400-2480 ms)
    cut_ms = len(piece.audio) // 16
    assert 2400 < cut_ms < 2480  # cut inside the dip: the word before it is whole in the piece
    assert piece.tail_from == 2400 * 16  # what follows the piece starts where the dip began, not inside the word
    assert set(piece.audio[piece.tail_from:]) == {0}  # between the two: only the dip
    assert end.audio.startswith(piece.audio)  # the piece is a prefix of the utterance


def test_a_dip_in_loudness_under_a_voiced_vad_is_a_dip_too():
    ep = Endpointer(PIECES)
    events = feed_levels(ep, [("loud", 2400), ("soft", 100), ("loud", 1000), ("silent", 1000)])
    assert kinds(events) == [SPEECH_START, PIECE, SPECULATIVE_END, END_OF_UTTERANCE]
    assert 2400 < len(events[1].audio) // 16 < 2500 and events[1].tail_from == 2400 * 16


def test_no_piece_in_a_short_utterance_nor_at_a_dip_too_short_or_a_pause():
    assert PIECE not in kinds(feed_levels(Endpointer(PIECES), [("loud", 1500), ("silent", 80), ("loud", 400),
                                                                 ("silent", 1000)]))
    assert PIECE not in kinds(feed_levels(Endpointer(PIECES), [("loud", 2400), ("silent", 40), ("loud", 1000),
                                                                 ("silent", 1000)]))
    paused = kinds(feed_levels(Endpointer(PIECES), [("loud", 2400), ("silent", 300), ("loud", 1000),
                                                     ("silent", 1000)]))
    assert paused == [SPEECH_START, SPECULATIVE_END, SPEECH_RESUMED, SPECULATIVE_END, END_OF_UTTERANCE]


def test_pieces_come_every_piece_ms_of_new_audio_and_count_from_the_last_pause():
    ep = Endpointer(PIECES)
    events = feed_levels(ep, [("loud", 2400), ("silent", 80), ("loud", 1000), ("silent", 80), ("loud", 1200),
                              ("silent", 80), ("loud", 500), ("silent", 1000)])
    pieces = [e for e in events if e.kind == PIECE]
    assert [p.t_ms for p in pieces] == [2500, 4860]  # the dip at 3480 ms had only ~1 s of new audio before it
    assert pieces[1].audio.startswith(pieces[0].audio)
    # after a pause the caller went on from, the next piece needs piece_ms of audio after that pause
    ep = Endpointer(PIECES)
    events = feed_levels(ep, [("loud", 1800), ("silent", 300), ("loud", 1200), ("silent", 80), ("loud", 1200),
                              ("silent", 80), ("loud", 500), ("silent", 1000)])
    assert [e.t_ms for e in events if e.kind == PIECE] == [4680]


def test_no_piece_while_the_bot_speaks_and_none_when_switched_off():
    ep = Endpointer(PIECES)
    ep.set_bot_speaking(True)
    events = feed_levels(ep, [("loud", 2400), ("silent", 80), ("loud", 1000)])
    assert kinds(events) == [BARGE_IN, SPEECH_START]
    off = Endpointer(EndpointerSettings(piece_ms=0))
    assert PIECE not in kinds(feed_levels(off, [("loud", 2400), ("silent", 80), ("loud", 1000), ("silent", 1000)]))


def test_piece_settings_from_config():
    config = settings.load(overrides={"endpoint_piece_ms": "1500", "endpoint_piece_dip_ms": "80"}, env={})
    s = EndpointerSettings.from_config(config)
    assert s.piece_ms == 1500 and s.piece_dip_ms == 80 and s.piece_dip_db == config.endpoint_piece_dip_db
    assert EndpointerSettings.from_config(settings.load(overrides={"endpoint_piece_ms": "0"}, env={})).piece_ms == 0


@shared_data.needs_speech_ko
def test_a_long_read_sentence_is_cut_in_its_dips_the_same_way_every_time():
    """zeroth_104_003_0294: 4.5 s of fluent read speech without a 220 ms pause: the piece is cut where the voice
    dips (20 dB under the sentence's loudest), and the same audio gives the same events."""
    from appliance.speech.stt.audio import read_audio

    pcm, _ = read_audio(shared_data.SPEECH_KO_READ / "zeroth_104_003_0294_8k_ulaw.wav")
    runs = []
    for _ in range(2):
        ep = Endpointer(PIECES, vad=VoiceActivityDetector(2))
        runs.append([e for f in iter_frames(pcm + b"\0" * 16000) for e in ep.feed(f)])
    assert [(e.kind, e.t_ms, e.audio, e.tail_from) for e in runs[0]] == \
        [(e.kind, e.t_ms, e.audio, e.tail_from) for e in runs[1]]
    pieces = [e for e in runs[0] if e.kind == PIECE]
    end = next(e for e in runs[0] if e.kind == END_OF_UTTERANCE)
    assert pieces and len(end.audio) - len(pieces[-1].audio) >= 16000 * 0.8  # a tail worth decoding on its own
    peak = max(rms_dbfs(f) for f in iter_frames(end.audio))
    for piece in pieces:
        assert len(piece.audio) >= 2 * 16000
        assert rms_dbfs(piece.audio[-320:]) < peak - 20  # the cut is in a dip, not in a word
        assert rms_dbfs(piece.audio[piece.tail_from:piece.tail_from + 320]) < peak - 20
        assert end.audio.startswith(piece.audio)


def test_an_early_decode_point_gives_the_speculative_end_sooner_and_its_decode_still_counts_at_the_end():
    """``decode_ms`` 120: the speculative audio is cut 120 ms into the pause (less than the 200 ms tail); the caller
    staying quiet to the end rule still makes that decode the final one (only silence came after it)."""
    ep = Endpointer(EndpointerSettings(decode_ms=120))
    events = run(ep, [(False, 400), (True, 1000), (False, 1000)])
    assert kinds(events) == [SPEECH_START, SPECULATIVE_END, END_OF_UTTERANCE]
    _, spec, end = events
    assert spec.t_ms - 1400 == 120 and spec.silence_ms == 120
    assert len(spec.audio) == (200 + 1000 + 120) * 16 and len(end.audio) == (200 + 1000 + 200) * 16
    assert end.speculative_ok
    # the caller goes on 160 ms into the pause (before the 220 ms decision pause): resumed, and the end needs its own
    ep = Endpointer(EndpointerSettings(decode_ms=120))
    events = run(ep, [(True, 600), (False, 160), (True, 600), (False, 800)])
    assert kinds(events) == [SPEECH_START, SPECULATIVE_END, SPEECH_RESUMED, SPECULATIVE_END, END_OF_UTTERANCE]
    assert events[-1].speculative_ok and events[3].audio != events[-1].audio  # the second covered all the speech
    assert events[2].silence_ms == 200  # the silence the pause reached (the resuming frames before the onset rule
    # heard speech count as silence, as for the end rules): under the 220 ms decision pause, no place to decide
    ep = Endpointer()  # the same caller without the early point: no speculative end at all in a 160 ms pause
    assert SPECULATIVE_END not in kinds(run(ep, [(True, 600), (False, 160), (True, 600)]))
