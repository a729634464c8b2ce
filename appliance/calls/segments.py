"""Decoding while the caller still speaks: a long utterance is decoded in the pieces its pauses and dips make.

At every short pause the ear hands over the utterance so far, and while the caller talks on without a pause,
a piece at a short dip every ``endpoint_piece_ms``. When the caller goes on, the decode of that prefix is kept
(not thrown away), and at the next pause only the new audio — from a little before the end of the prefix
(``tail_from``: 100 ms into a pause, or the start of a dip) — is decoded; the transcript is the prefix's words
then the tail's (``calls.pieces`` keeps the chain). So the decode that decides the
turn covers the last phrase only: the answer to a 6 s sentence waits for a ~1–2 s decode, not a 6 s one, and a
long utterance costs its audio once, not once per pause (``bench/eot_results.txt``, ``bench/voice_probe.txt``).

n-best hypotheses are kept only for a single-piece utterance (short answers: the ones the question rescores).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OVERLAP_BYTES = 8000 * 2 // 10  # 100 ms of the pause before the tail (8 kHz s16): a clean start for the decoder
MIN_PIECE_BYTES = 8000 * 2 * 8 // 10  # pieces under 0.8 s are decoded with their neighbour, whole: Whisper on a
# short piece invents words (a "예약" from the question's hotwords before a 0.3 s "그", bench/stt_callpath.txt)


@dataclass
class Combined:
    """What the STT policy judges, for a transcript made of pieces (the same fields as an STT result)."""

    text: str
    avg_logprob: float
    no_speech_prob: float
    alternatives: list[tuple[str, float]] = field(default_factory=list)


def tail_of(audio: bytes, prefix_bytes: int) -> bytes:
    """The audio after a prefix of ``prefix_bytes``, from ``OVERLAP_BYTES`` before its end."""
    return audio[pause_tail_from(prefix_bytes):]


def pause_tail_from(prefix_bytes: int) -> int:
    """Where the audio after a prefix that ends in a pause starts (``OVERLAP_BYTES`` before its end)."""
    return max(0, prefix_bytes - OVERLAP_BYTES)


def fits(prefix_bytes: int, length: int) -> bool:
    """Can an utterance of ``length`` bytes be decoded as this prefix's decode plus the rest? Both (the rest
    without its overlap) must be ``MIN_PIECE_BYTES`` or longer."""
    return prefix_bytes >= MIN_PIECE_BYTES and length - prefix_bytes >= MIN_PIECE_BYTES


def combine(prefix: Any, tail: Any, prefix_bytes: int, tail_bytes: int) -> Combined:
    """One transcript from the prefix's and the tail's STT results (weights: their audio lengths)."""
    parts = [(r, n) for r, n in ((prefix, prefix_bytes), (tail, tail_bytes)) if (getattr(r, "text", "") or "").strip()]
    if not parts:
        nsp = max(float(getattr(r, "no_speech_prob", 1.0) or 0.0) for r in (prefix, tail))
        return Combined("", 0.0, nsp)
    total = sum(n for _, n in parts) or 1
    text = " ".join(str(r.text).strip() for r, _ in parts)
    avg = sum(float(getattr(r, "avg_logprob", 0.0) or 0.0) * n for r, n in parts) / total
    nsp = sum(float(getattr(r, "no_speech_prob", 0.0) or 0.0) * n for r, n in parts) / total
    return Combined(text, avg, nsp)
