"""Decoding while the caller still speaks: a long utterance is decoded in the pieces its pauses and dips make.

At every short pause the ear hands over the utterance so far, and while the caller talks on without a pause,
a piece at a short dip every ``endpoint_piece_ms``. When the caller goes on, the decode of that prefix is kept
(not thrown away), and at the next pause only the new audio is decoded: after a pause from 100 ms into it, the
transcript the prefix's words then the tail's; after a piece from 1 s before its dip (a dip may be inside a word,
and a short stretch decoded cold comes out garbled), the two texts ``merge``d where they agree (``calls.pieces``
keeps the chain; that tail is decoded without the question's hotwords, ``hints_for``). So the decode that decides
the turn covers the last phrase only: the answer to a 6 s sentence waits for a ~2–3 s decode, not a 6 s one
(``bench/eot_pieces.txt``, ``bench/voice_probe.txt``; as accurate as without pieces: ``bench/stt_callpath.txt``).

n-best hypotheses are kept only for a single-piece utterance (short answers: the ones the question rescores).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

OVERLAP_BYTES = 8000 * 2 // 10  # 100 ms of the pause before the tail (8 kHz s16): a clean start for the decoder
PIECE_OVERLAP_BYTES = 8000 * 2  # 1 s of context before a piece's tail: Whisper garbles a 2 s stretch that starts
# cold (CER 15.2 % -> 25.8 % on the shared clips); re-heard and merged, as good as whole (bench/eot_pieces.txt)
TAIL_WINDOW = "utt+1"  # the encoder window of a tail decoded with that context: the tail + 1 s, not 10 s (~50 ms of
# encoder instead of ~120 for a 3 s tail; CER 14.8 % against 15.0 % with the 10 s window, bench/eot_pieces.txt)
_SENTENCE_END = re.compile(r"[.?!]\s+")
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


def piece_tail_from(dip_start: int) -> int:
    """Where the audio after a piece starts: ``PIECE_OVERLAP_BYTES`` before the dip it was cut in, so the next
    decode hears the piece's last words again (a dip inside a word cuts it) and ``merge`` joins the texts."""
    return max(0, dip_start - PIECE_OVERLAP_BYTES)


def merge(head: str, tail: str, overlap_s: float, head_s: float) -> str | None:
    """Join the text of a prefix and of the audio after it, when that audio began ``overlap_s`` before the
    prefix's end (``head_s`` long): the tail's first words say the head's last ones again. They are joined where
    the two texts agree (the longest common run near where the overlap should be); the words from there on are
    the tail's (they were heard with what follows). No agreement of 3 characters or more: None (the caller
    decodes the whole instead: guessing lost or doubled words, bench/stt_callpath.txt)."""
    head, tail = head.strip(), without_echoed_end(tail)
    if not head or not tail:
        return head or tail
    share = max(1, round(len(head) * overlap_s / max(head_s, 0.1)))  # characters the overlap holds, roughly
    best: tuple[float, int, int] | None = None  # (score, head index, tail index)
    for i in range(max(0, len(head) - 2 * share), len(head)):
        for j in range(0, min(len(tail), 2 * share + 1)):
            run = _run(head, tail, i, j)
            if run < 3 or head[i].isspace():
                continue
            drift = abs((len(head) - i) - (share - j))  # how far from where the overlap should align
            score = run - 0.5 * drift
            if best is None or score > best[0]:
                best = (score, i, j)
    if best is None:
        return None
    _, i, j = best
    said = tail[j:j + _run(head, tail, i, j)]
    if any(tail.startswith(said, k) for k in range(min(len(tail), 2 * share + 1)) if k != j):
        return None  # the tail says the words both heard twice where the overlap is ("자문단장, 자문단장"): a decode
    # that repeated itself instead of hearing what followed — no guessing which copy was said
    return (head[:i] + tail[j:]).strip()


def without_echoed_end(text: str) -> str:
    """A piece's tail without the words Whisper says again after its last sentence. Decoded with a second of silence
    after it (``TAIL_WINDOW``), a tail sometimes loops back to its first words: "영려가 될 수도 있습니다. 영려가 될"
    for "…염려가 될 수도 있습니다" (the same in every call of that clip, bench/stt_callpath.txt). A last fragment after
    a sentence's end, with no ending of its own, that only repeats words the text already said is dropped."""
    text = text.strip()
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends:
        return text
    said, rest = text[:ends[-1]].strip(), text[ends[-1]:].strip()
    if len(rest) >= 3 and rest[-1] not in ".?!" and rest in said:
        return said
    return text


def _run(head: str, tail: str, i: int, j: int) -> int:
    """How many characters from ``head[i]`` and ``tail[j]`` on are the same."""
    run = 0
    while i + run < len(head) and j + run < len(tail) and head[i + run] == tail[j + run]:
        run += 1
    return run


def hints_for(hints: list[str], window: str | None) -> list[str]:
    """The hotwords for a decode in this encoder ``window``: none for a piece's tail (``TAIL_WINDOW``: heard with
    ``PIECE_OVERLAP_BYTES`` of context). It starts in the middle of a sentence, and Whisper reads the question's
    hotwords there as words the caller said ("예약", "점심시간" before the tail's first word), so the texts no longer
    agree and the join is lost: with the 'need' question's hints on every decode, pieces cost 4.2 CER points
    offline (15.8 -> 20.0 %); without them on the tails they win 0.8 (15.0 %, bench/eot_pieces.txt). Every other
    decode (a whole utterance, a piece's head, the rest after a pause) starts where the caller did: it keeps them."""
    return [] if window == TAIL_WINDOW else hints


def pause_tail_from(prefix_bytes: int, context: bool = False) -> int:
    """Where the audio after a prefix that ends in a pause starts: ``OVERLAP_BYTES`` before its end; with
    ``context`` (for a piece's decode: a short stretch) ``PIECE_OVERLAP_BYTES`` more, and the texts ``merge``d."""
    return max(0, prefix_bytes - OVERLAP_BYTES - (PIECE_OVERLAP_BYTES if context else 0))


def fits(prefix_bytes: int, length: int) -> bool:
    """Can an utterance of ``length`` bytes be decoded as this prefix's decode plus the rest? Both (the rest
    without its overlap) must be ``MIN_PIECE_BYTES`` or longer."""
    return prefix_bytes >= MIN_PIECE_BYTES and length - prefix_bytes >= MIN_PIECE_BYTES


def combine(prefix: Any, tail: Any, prefix_bytes: int, tail_bytes: int, overlap_bytes: int = 0) -> Combined | None:
    """One transcript from the prefix's and the tail's STT results (weights: their audio lengths). With an
    ``overlap_bytes`` longer than a pause's ``OVERLAP_BYTES`` (a piece's), the texts are ``merge``d."""
    parts = [(r, n) for r, n in ((prefix, prefix_bytes), (tail, tail_bytes)) if (getattr(r, "text", "") or "").strip()]
    if not parts:
        nsp = max(float(getattr(r, "no_speech_prob", 1.0) or 0.0) for r in (prefix, tail))
        return Combined("", 0.0, nsp)
    total = sum(n for _, n in parts) or 1
    if overlap_bytes > OVERLAP_BYTES and len(parts) == 2:
        merged = merge(str(prefix.text), str(tail.text), overlap_bytes / 16000, prefix_bytes / 16000)
        if merged is None:
            return None  # the texts do not agree on the words both heard: decode the whole
        text = merged
    else:
        text = " ".join(str(r.text).strip() for r, _ in parts)
    avg = sum(float(getattr(r, "avg_logprob", 0.0) or 0.0) * n for r, n in parts) / total
    nsp = sum(float(getattr(r, "no_speech_prob", 0.0) or 0.0) * n for r, n in parts) / total
    return Combined(text, avg, nsp)
