"""Whisper engine on the real 8 kHz μ-law clips (the model comes from its pinned PyPI packages)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from appliance import settings
from appliance.speech.stt.whisper import DEFAULT_WINDOW, is_hallucination, trim_repetitions, window_frames
from tests import shared_data

os.environ.setdefault("HF_HUB_OFFLINE", "1")
CLIPS = shared_data.SPEECH_KO
needs_clips = pytest.mark.skipif(not (CLIPS / "transcripts.tsv").exists(), reason=shared_data.MISSING)


@pytest.fixture(scope="module")
def stt_config(tmp_path_factory):
    from appliance.speech.models import install_defaults

    config = settings.load(overrides={"home": str(tmp_path_factory.mktemp("stt-home"))})
    install_defaults(config, names=["whisper-base"])
    return config


@pytest.fixture(scope="module")
def whisper(stt_config):
    from appliance.speech.stt import load_transcriber

    return load_transcriber(stt_config, engine="whisper")


def clip(name: "str | Path") -> tuple[bytes, int]:
    from appliance.speech.stt.audio import read_audio

    return read_audio(CLIPS / name)  # an absolute path replaces CLIPS


def test_phone_clip_keeps_the_colour(whisper):
    pcm, rate = clip(shared_data.bundled_clip())
    assert rate == 8000
    result = whisper.transcribe(pcm, rate)
    # measured: "모든 불닭 파란색으로 다 바꿔줘." (full and 10 s windows; the 10 s window's repeat is trimmed)
    assert "파란색" in result.text
    assert result.text.count("파란색") == 1
    assert result.engine == "whisper" and result.avg_logprob > -0.6 and result.no_speech_prob < 0.2
    assert abs(result.audio_seconds - 4.59) < 0.05 and result.decode_seconds > 0


@needs_clips
def test_any_sample_rate(whisper):
    from appliance.speech.stt.audio import resample_pcm16

    pcm, _ = clip("ko_rhino_out_of_context_16k.wav")
    assert "커피" in whisper.transcribe(pcm, 16000).text
    pcm44 = resample_pcm16(pcm, 16000, 44100)
    assert "커피" in whisper.transcribe(pcm44, 44100).text


def test_silence_gives_no_text(whisper):
    silence = np.zeros(8000 * 2, dtype="<i2").tobytes()
    result = whisper.transcribe(silence, 8000)
    assert result.text == ""
    assert whisper.transcribe(b"\0" * 100, 8000).text == ""  # too short to decode at all


@needs_clips
def test_hints_and_prompt_are_accepted(whisper):
    pcm, rate = clip("ko_porcupine_bixby_8k_ulaw.wav")
    result = whisper.transcribe(pcm, rate, hints=["빅스비", "코뿔소"], prompt="음성 명령입니다.")
    assert result.text  # hotwords bias, never break decoding


def test_reinstall_is_quick(stt_config):
    import time

    from appliance.speech.models import install_defaults, verify

    started = time.perf_counter()
    assert install_defaults(stt_config, names=["whisper-base"]) == ["whisper-base: already installed"]
    assert time.perf_counter() - started < 2.0
    assert verify(stt_config, full=False)["whisper-base"] == ""


def test_window_frames():
    assert window_frames("full", 300) == 3000
    assert window_frames("10", 300) == 1000
    assert window_frames("10", 1450) == 1550           # longer than the window: utterance + 1 s
    assert window_frames("utt+1", 301) == 402          # even
    assert window_frames("5", 2990) == 3000            # never past 30 s
    with pytest.raises(ValueError):
        window_frames("wide", 100)
    assert DEFAULT_WINDOW in ("full", "10", "5", "utt+1")


def test_trim_repetitions():
    assert trim_repetitions("모든 불닭 파란색으로 다 바꿔줘. 모든 불닭 파란색으로 다 바꿔줘.") == "모든 불닭 파란색으로 다 바꿔줘."
    assert trim_repetitions("모든 불닭 파란색으로 다 바꿔줘. 모든 불닭 파란색으로 다 바꿔") == "모든 불닭 파란색으로 다 바꿔줘."
    assert trim_repetitions("예약 예약 예약 예약 하고 싶어요") == "예약 하고 싶어요"
    assert trim_repetitions("네 네") == "네 네"
    assert trim_repetitions("아니요 아니요") == "아니요 아니요"
    assert trim_repetitions("다음 주 화요일 오후 세 시요") == "다음 주 화요일 오후 세 시요"
    assert trim_repetitions("010-1111-2222") == "010-1111-2222"
    assert trim_repetitions("하나 둘. 하나 둘 셋", utterance=False) == "하나 둘. 하나 둘 셋"


def test_hallucination_filter():
    assert is_hallucination("시청해주셔서 감사합니다.")
    assert not is_hallucination("내일 오후 세 시 예약 감사합니다")


@needs_clips
def test_long_audio_uses_sliding_windows(whisper):
    names = ["ko_rhino_light_blue_8k_ulaw.wav", "ko_rhino_out_of_context_8k_ulaw.wav",
             "ko_porcupine_3_keywords_8k_ulaw.wav", "ko_rhino_light_blue_8k_ulaw.wav"]
    gap = b"\0\0" * 8000 * 3
    long = b"".join(clip(n)[0] + gap for n in names)  # ~33 s: over Whisper's 30 s window (voicemail-style)
    result = whisper.transcribe(long, 8000)
    assert result.audio_seconds > 30
    assert "파란색" in result.text and "커피" in result.text and "아이스크림" in result.text


def test_a_batch_hears_what_one_by_one_hears(whisper):
    """Callers who stop talking together are decoded in one batch (``transcribe_batch``): each utterance comes back
    in its place with the words the single decode gives it; tails of different lengths are padded at most
    ``BATCH_PAD_S`` (a much longer one is a batch of its own); silence stays silence."""
    from appliance.speech.stt.audio import resample_pcm16

    pcm, rate = clip(shared_data.bundled_clip())
    pcm = resample_pcm16(pcm, rate, 8000)
    second = 16000
    utterances = [pcm, pcm[-3 * second:], pcm[-int(3.3 * second):], b"\x00\x00" * 8000, pcm[:2 * second]]
    requests = [{"pcm16": u, "sample_rate": 8000, "hints": None, "prompt": None, "window": "utt+1"} for u in utterances]
    requests[0]["window"] = None  # the setting's window (10 s), as a whole utterance is decoded
    batch = whisper.transcribe_batch(requests, beam_size=1)
    one_by_one = [whisper.transcribe(u, 8000, window=r["window"], beam_size=1) for u, r in zip(utterances, requests)]
    assert [t.text for t in batch] == [t.text for t in one_by_one]
    assert "파란색" in batch[0].text and batch[3].text == ""
    assert [round(t.audio_seconds, 1) for t in batch] == [round(len(u) / 16000, 1) for u in utterances]
