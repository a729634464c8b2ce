"""Assertions helpers on heard audio: alignment/similarity against a reference and speech activity."""

from __future__ import annotations

import numpy as np

from .audio_io import read_pcm
from .g711 import RATE, ulaw_roundtrip


def align(heard, reference) -> tuple[float, float]:
    """Best normalised cross-correlation of ``reference`` (μ-law round-tripped) inside ``heard``.

    Returns (score in [-1, 1], offset seconds of the reference start inside ``heard``)."""
    h = read_pcm(heard).astype(np.float64)
    r = ulaw_roundtrip(read_pcm(reference)).astype(np.float64)
    r -= r.mean() if len(r) else 0.0
    m = len(r)
    if m == 0 or not np.any(r):
        return 0.0, 0.0
    # the reference may stick out at either end (capture started late, call cut): pad with silence
    pad = m - 1
    h = np.concatenate([np.zeros(pad), h, np.zeros(pad)])
    n = len(h) + m
    size = 1 << (n - 1).bit_length()
    corr = np.fft.irfft(np.fft.rfft(h, size) * np.conj(np.fft.rfft(r, size)), size)[: len(h) - m + 1]
    csum = np.concatenate([[0.0], np.cumsum(h)])
    csum2 = np.concatenate([[0.0], np.cumsum(h * h)])
    win_sum = csum[m:] - csum[:-m]
    win_energy = np.maximum(csum2[m:] - csum2[:-m] - win_sum * win_sum / m, 0.0)
    denom = np.sqrt(win_energy) * np.sqrt(np.sum(r * r))
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(denom > 1e-9 * max(1.0, float(denom.max(initial=0.0))), corr / denom, 0.0)
    best = int(np.argmax(score))
    return float(score[best]), (best - pad) / RATE


def audio_similarity(heard_pcm, reference_pcm) -> float:
    """Normalised cross-correlation (best offset) of the reference, transcoded through μ-law, in what was heard.

    1.0 = the reference was heard sample-exact (within μ-law rounding) somewhere in ``heard_pcm``. Arguments:
    numpy int16 arrays, s16le bytes or audio file paths."""
    return align(heard_pcm, reference_pcm)[0]


def speech_segments(pcm, *, threshold_db: float = -45.0, frame_ms: int = 20, min_gap: float = 0.3,
                    min_speech: float = 0.06) -> list[tuple[float, float]]:
    """Energy-based (start, end) seconds where the audio is on (frame RMS above ``threshold_db`` dBFS).

    Gaps shorter than ``min_gap`` are bridged; blips shorter than ``min_speech`` are dropped."""
    x = read_pcm(pcm).astype(np.float64)
    flen = RATE * frame_ms // 1000
    n = len(x) // flen
    if n == 0:
        return []
    frames = x[: n * flen].reshape(n, flen)
    rms = np.sqrt(np.mean(frames * frames, axis=1))
    db = 20 * np.log10(np.maximum(rms, 1e-9) / 32768.0)
    active = db > threshold_db
    segs: list[list[float]] = []
    for i, on in enumerate(active):
        if not on:
            continue
        start, end = i * frame_ms / 1000, (i + 1) * frame_ms / 1000
        if segs and start - segs[-1][1] < min_gap:
            segs[-1][1] = end
        else:
            segs.append([start, end])
    return [(round(s, 3), round(e, 3)) for s, e in segs if e - s >= min_speech]


def longest_silence(pcm, *, start: float = 0.0, end: float | None = None, **kwargs) -> float:
    """Longest stretch (seconds) without audio between ``start`` and ``end`` (default: whole clip)."""
    x = read_pcm(pcm)
    total = len(x) / RATE
    end = total if end is None else end
    cursor, longest = start, 0.0
    for s, e in speech_segments(x, **kwargs):
        if e <= start or s >= end:
            continue
        longest = max(longest, s - cursor)
        cursor = max(cursor, e)
    return max(longest, end - cursor)
