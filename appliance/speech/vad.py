"""Voice activity detection on telephone audio: WebRTC's GMM VAD (webrtcvad-wheels; its model is compiled into
the wheel, nothing to download) on 8 kHz signed 16-bit mono frames of 20 ms (320 bytes)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Iterator

import numpy as np

if TYPE_CHECKING:
    from appliance.settings import Config

SAMPLE_RATE = 8000
FRAME_MS = 20


def frame_bytes(sample_rate: int = SAMPLE_RATE, frame_ms: int = FRAME_MS) -> int:
    return sample_rate * frame_ms // 1000 * 2


def iter_frames(pcm16: bytes, sample_rate: int = SAMPLE_RATE, frame_ms: int = FRAME_MS) -> Iterator[bytes]:
    """Whole frames of ``pcm16`` (a trailing partial frame is dropped)."""
    size = frame_bytes(sample_rate, frame_ms)
    for i in range(0, len(pcm16) - size + 1, size):
        yield pcm16[i:i + size]


def rms_dbfs(frame: bytes) -> float:
    """Level of a s16 frame in dB relative to full scale (silence → -120)."""
    samples = np.frombuffer(frame, dtype="<i2").astype(np.float64)
    if samples.size == 0:
        return -120.0
    rms = math.sqrt(float(np.mean(samples * samples)))
    return 20 * math.log10(rms / 32768.0) if rms > 0 else -120.0


class VoiceActivityDetector:
    """Per-call, light: ``is_speech(frame)`` for one 10/20/30 ms frame.

    ``aggressiveness`` 0–3: higher rejects more non-speech (3 suits noisy lines but clips soft speech onsets;
    2 is our default for phone audio).
    """

    def __init__(self, aggressiveness: int = 2, sample_rate: int = SAMPLE_RATE, frame_ms: int = FRAME_MS):
        import webrtcvad

        if sample_rate not in (8000, 16000, 32000, 48000):
            raise ValueError(f"webrtcvad needs 8/16/32/48 kHz, not {sample_rate}")
        if frame_ms not in (10, 20, 30):
            raise ValueError(f"webrtcvad needs 10/20/30 ms frames, not {frame_ms}")
        self.sample_rate = sample_rate
        self.frame_ms = frame_ms
        self.frame_bytes = frame_bytes(sample_rate, frame_ms)
        self._vad = webrtcvad.Vad(int(aggressiveness))

    @classmethod
    def from_config(cls, config: Config) -> "VoiceActivityDetector":
        return cls(config.vad_aggressiveness)

    def is_speech(self, frame: bytes) -> bool:
        if len(frame) != self.frame_bytes:
            raise ValueError(f"VAD frame must be {self.frame_bytes} bytes, got {len(frame)}")
        return bool(self._vad.is_speech(frame, self.sample_rate))

    __call__ = is_speech
