"""Audio helpers: μ-law, band-limited resampling to 8 kHz, WAV reading, trims and frames."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from appliance.speech import audio


def sine(freq, rate, seconds=0.5, amp=0.5):
    return (amp * np.sin(2 * np.pi * freq * np.arange(int(rate * seconds)) / rate)).astype(np.float32)


def band_power(x, rate, lo, hi):
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x)))) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / rate)
    return spec[(freqs >= lo) & (freqs < hi)].sum()


def test_ulaw_matches_g711_reference_values():
    # (linear, μ-law byte) pairs from the G.711 reference encoder
    pcm = np.array([0, 1000, -1000, 32767, -32768, 8, -8], dtype="<i2").tobytes()
    assert audio.pcm_to_ulaw(pcm) == bytes([0xFF, 0xCE, 0x4E, 0x80, 0x00, 0xFE, 0x7E])
    assert audio.ulaw_to_pcm(bytes([0xFF, 0x80, 0x00])) == np.array([0, 32124, -32124], dtype="<i2").tobytes()


def test_ulaw_round_trip_error_is_small():
    x = audio.float_to_pcm(sine(440, 8000, amp=0.8))
    back = np.frombuffer(audio.ulaw_to_pcm(audio.pcm_to_ulaw(x)), dtype="<i2").astype(float)
    ref = np.frombuffer(x, dtype="<i2").astype(float)
    snr = 10 * np.log10((ref ** 2).sum() / ((ref - back) ** 2).sum())
    assert snr > 30


@pytest.mark.parametrize("src", [16000, 22050, 44100, 48000])
def test_resample_keeps_speech_band_and_removes_aliases(src):
    speech = audio.resample(sine(1000, src), src, 8000)
    assert len(speech) == pytest.approx(4000, abs=2)
    assert band_power(speech, 8000, 900, 1100) > 0.9 * band_power(speech, 8000, 0, 4000)
    # a 5 kHz tone cannot exist at 8 kHz: without a low-pass it would alias to 3 kHz
    alias = audio.resample(sine(5000, src), src, 8000)
    assert np.sqrt(np.mean(alias[200:-200] ** 2)) < 0.01


def test_sinc_fallback_also_band_limits():
    out = audio._sinc_resample(sine(5000, 22050, 0.2), 22050, 8000)
    assert np.sqrt(np.mean(out[100:-100] ** 2)) < 0.02
    ok = audio._sinc_resample(sine(1000, 22050, 0.2), 22050, 8000)
    assert np.sqrt(np.mean(ok[100:-100] ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.05)


def test_read_any_pcm_wav_to_phone_pcm(tmp_path):
    path = tmp_path / "st.wav"
    x = (sine(500, 44100) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as fh:
        fh.setnchannels(2)
        fh.setsampwidth(2)
        fh.setframerate(44100)
        fh.writeframes(np.repeat(x[:, None], 2, axis=1).tobytes())
    pcm = audio.load_phone_pcm(path)
    assert audio.duration(pcm) == pytest.approx(0.5, abs=0.002)
    with pytest.raises(audio.AudioError):
        audio.load_phone_pcm(b"RIFF....nonsense")


def test_s16_round_trip_is_exact():
    raw = np.arange(-32768, 32768, 7, dtype="<i2").tobytes()
    assert audio.float_to_pcm(audio.pcm_to_float(raw)) == raw


def test_trim_fade_frames():
    pcm = audio.silence(200) + audio.float_to_pcm(sine(300, 8000, 0.3)) + audio.silence(300)
    trimmed = audio.trim_silence(pcm, keep_ms=10)
    assert audio.duration(trimmed) == pytest.approx(0.32, abs=0.011)
    assert audio.trim_silence(audio.silence(100)) == b""
    faded = np.frombuffer(audio.fade(trimmed, 5), dtype="<i2")
    assert faded[0] == 0 and faded[-1] == 0
    chunks = audio.frames(trimmed)
    assert all(len(c) == 320 for c in chunks) and len(chunks) == -(-len(trimmed) // 320)


@pytest.mark.skipif(__import__("shutil").which("sox") is None, reason="sox not installed")
def test_sox_fallback_when_soxr_is_missing(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "soxr", None)  # import soxr → ImportError
    assert audio.resampler_name() == "sox"
    out = audio.resample(sine(1000, 22050), 22050, 8000)
    assert len(out) == pytest.approx(4000, abs=5)
    assert np.sqrt(np.mean(audio.resample(sine(5000, 22050), 22050, 8000)[200:-200] ** 2)) < 0.01
