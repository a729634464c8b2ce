"""Assertions on what a caller heard, tolerant of RTP timestamp jumps.

Asterisk re-stamps RTP from the wall clock when frames reach it late (a loaded 2-core box), so a long prompt
can come out of the timestamp-based decoder in slightly shifted pieces. We check that the prompt's pieces are
all there, in order, each sample-exact through μ-law.
"""

from __future__ import annotations

import numpy as np

from appliance.telephony import sipp

CHUNK_S = 0.5


def heard_prompt(heard, reference, *, min_score: float = 0.9) -> tuple[bool, float, float]:
    """(found, median chunk score, offset seconds of the first chunk) for ``reference`` inside ``heard``."""
    ref = sipp.read_pcm(reference)
    h = sipp.read_pcm(heard)
    size = int(CHUNK_S * 8000)
    chunks = [ref[i:i + size] for i in range(0, len(ref) - size // 2, size)]
    # skip near-silent chunks: they match anywhere and nowhere
    chunks = [c for c in chunks if np.sqrt(np.mean(c.astype(np.float64) ** 2)) > 200]
    if not chunks:
        return False, 0.0, 0.0
    scores, offsets = [], []
    for chunk in chunks:
        score, offset = sipp.align(h, chunk)
        scores.append(score)
        offsets.append(offset)
    median = float(np.median(scores))
    in_order = all(b >= a - 0.2 for a, b in zip(offsets, offsets[1:]))
    return median >= min_score and in_order, median, offsets[0]


def heard_in_sequence(heard, *references, min_score: float = 0.9) -> tuple[bool, int]:
    """(found, index of the first reference missing): each reference heard after the previous one, taking the
    EARLIEST match of each piece (``heard_prompt`` takes the best, which cannot tell a sentence said twice, or two
    sentences sharing words, apart). A reference counts as heard when at least half its pieces are found in order."""
    h = sipp.read_pcm(heard)
    at = 0
    for n, reference in enumerate(references):
        ref = sipp.read_pcm(reference)
        size = int(CHUNK_S * 8000)
        chunks = [ref[i:i + size] for i in range(0, len(ref) - size // 2, size)]
        chunks = [c for c in chunks if np.sqrt(np.mean(c.astype(np.float64) ** 2)) > 200]
        found, start, last = 0, at, at
        for chunk in chunks:
            where = _earliest(h, chunk, start, min_score)
            if where is not None:
                found += 1
                start = last = where + len(chunk) - int(0.2 * 8000)
        if not chunks or found * 2 < len(chunks):
            return False, n
        at = last
    return True, len(references)


def _earliest(h: np.ndarray, chunk: np.ndarray, start: int, min_score: float) -> int | None:
    """The first sample at or after ``start`` where ``chunk`` is heard (score ≥ ``min_score``), or None."""
    step = 8000 // 2
    for w0 in range(max(start, 0), len(h), step):
        window = h[w0:w0 + len(chunk) + step]
        if len(window) < len(chunk) // 2:
            break
        score, offset = sipp.align(window, chunk)
        if score >= min_score:
            return w0 + max(int(offset * 8000), 0)
    return None
