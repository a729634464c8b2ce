"""Choose among a speech recogniser's n-best hypotheses by what they mean (short answers only).

A short answer gives the recogniser little context: "목요일이요" may come out as "모교 일이요" with a slightly
better score. Each hypothesis close enough to the best score is understood with the question just asked
(``expect``) and scored ``recogniser score + weight × answer_fit`` (see ``context``); the best total wins. Long
utterances keep the recogniser's choice: there the language model inside the recogniser knows more than a fit.

    choose_hypothesis([("모교 일이요", -0.31), ("목요일이요", -0.42)], now, "date")  # → 1
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from appliance.language.context import answer_fit
from appliance.language.times import DEFAULT_DAYPARTS, DayParts
from appliance.language.understanding import understand

SHORT_CHARS = 15
"""Hypotheses whose best-scored text has more letters than this keep the recogniser's choice."""
_LETTERS = re.compile(r"[\s.,!?~…·\"'“”‘’()\[\]\-]+")


def choose_hypothesis(
    hypotheses: Sequence[tuple[str, float]],
    now: dt.datetime,
    expect: str | None = None,
    *,
    weight: float = 1.0,
    margin: float = 1.0,
    short_chars: int = SHORT_CHARS,
    dayparts: DayParts = DEFAULT_DAYPARTS,
) -> int:
    """Index into ``hypotheses`` of the one to act on.

    ``hypotheses`` are ``(text, score)`` pairs in any order; a higher score is more likely (e.g. faster-whisper's
    average log-probability; only differences matter). Only hypotheses within ``margin`` of the best score
    compete, each gaining up to ``weight`` for fitting ``expect``; ties go to the better score, then the earlier
    entry. Raises ``ValueError`` on an empty list.
    """
    if not hypotheses:
        raise ValueError("choose_hypothesis needs at least one hypothesis")
    scores = [float(score) for _, score in hypotheses]
    best = max(range(len(hypotheses)), key=lambda i: (scores[i], -i))
    if len(_LETTERS.sub("", hypotheses[best][0])) > short_chars:
        return best
    ranked: list[tuple[float, float, int]] = []
    for i, (text, score) in enumerate(hypotheses):
        if scores[best] - scores[i] > margin or not text.strip():
            continue
        fit = answer_fit(understand(text, now, expect, dayparts=dayparts), expect)
        ranked.append((score + weight * fit, score, -i))
    return -max(ranked)[2] if ranked else best
