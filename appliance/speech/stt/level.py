"""Automatic gain for one utterance before it is decoded: a quiet caller is decoded as well as a loud one.

Whisper's features depend on the absolute level (its log-mel spectrum is clamped 8 dB (log10) below the loudest bin,
then offset by a fixed amount), so the same words at −40 dBFS come out with a high no-speech probability and
more errors than at −20 dBFS. ``normalise_level`` brings the utterance's *speech* level (the RMS of its louder
half of 20 ms frames, so pauses and the pre-roll do not count) to ``target_dbfs``, never by more than
``max_gain_db``, never past full scale, and never attenuates.
"""

from __future__ import annotations

import numpy as np

FRAME_SAMPLES_8K = 160


def speech_level_dbfs(samples: np.ndarray, frame: int = FRAME_SAMPLES_8K) -> float:
    """RMS level (dBFS) of the louder half of the ``frame``-sample frames of int16 ``samples``."""
    n = len(samples) // frame
    if n == 0:
        return -120.0
    frames = samples[: n * frame].astype(np.float64).reshape(n, frame)
    power = np.sort(np.mean(frames * frames, axis=1))[n // 2:]
    mean = float(np.mean(power))
    return 10 * np.log10(mean / 32768.0 ** 2) if mean > 0 else -120.0


def normalise_level(pcm16: bytes, sample_rate: int = 8000, *, target_dbfs: float = -20.0,
                    max_gain_db: float = 30.0) -> bytes:
    """``pcm16`` (mono s16) with its speech level raised to ``target_dbfs`` (see the module docstring)."""
    samples = np.frombuffer(pcm16, dtype="<i2")
    if samples.size == 0:
        return pcm16
    level = speech_level_dbfs(samples, max(1, sample_rate // 50))
    gain_db = min(max_gain_db, target_dbfs - level)
    peak = int(np.max(np.abs(samples.astype(np.int32))))
    if peak > 0:
        gain_db = min(gain_db, 20 * np.log10(32000 / peak))
    if gain_db <= 0.5:
        return pcm16
    scaled = samples.astype(np.float64) * 10 ** (gain_db / 20)
    return np.clip(np.round(scaled), -32768, 32767).astype("<i2").tobytes()
