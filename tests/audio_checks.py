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
