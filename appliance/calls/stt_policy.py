"""When the call pipeline believes a transcript: the STT accept/reject thresholds, in one place.

A decode is rejected (the dialog hears "not understood" and re-asks) when it is empty, when Whisper thinks it
was no speech at all, or when its average log-probability says it was guessing. Confidence, 0..1, is what
dialogs may weigh (e.g. confirm a date heard with low confidence).

With the question asked (``expect``) and the recogniser's n-best hypotheses (``alternatives``, scored by the beam
itself), a short answer to a closed question is read as the hypothesis that answers it best
(``language.choose_hypothesis``: "모교 일이요" → "목요일이요" after "어느 날짜가 좋으세요?"); long utterances and
answers to open questions keep the recogniser's choice.

Quiet callers: Whisper's ``no_speech_prob`` rises on quiet audio (issue 15: a −40 dBFS short answer heard, then
rejected as no speech); the recogniser's input is therefore level-normalised first (``stt_level_dbfs``), and
``bench/stt_levels.py`` counts the rejections at −20…−45 dBFS with and without it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from appliance.calls.frames import Transcript

_LOGGER = logging.getLogger(__name__)

OPEN_QUESTIONS = frozenset({"need", "free"})
"""Questions that expect anything ("무엇을 도와드릴까요?"): no prior to rescore by; the recogniser's choice stands
(rescoring there turned "다 바꿔줘" into a "change"-like "다 바꾸죠" in bench/voice_results.txt)."""


@dataclass(frozen=True)
class SttPolicy:
    max_no_speech_prob: float = 0.8  # above: the model heard no speech (breathing, line noise)
    min_avg_logprob: float = -1.5  # below: the model was guessing

    def judge(self, raw: Any, expect: str | None = None, now: dt.datetime | None = None) -> Transcript:
        """``raw``: what the STT returned (``text``, ``avg_logprob``, ``no_speech_prob``, optionally
        ``alternatives`` [(text, avg_logprob)]; missing = 0). ``expect``: the question asked (n-best choice)."""
        text = (getattr(raw, "text", "") or "").strip()
        no_speech = float(getattr(raw, "no_speech_prob", 0.0) or 0.0)
        logprob = float(getattr(raw, "avg_logprob", 0.0) or 0.0)
        alternatives = list(getattr(raw, "alternatives", None) or [])
        if text and expect and expect not in OPEN_QUESTIONS and len(alternatives) > 1:
            text, logprob = self._choose(alternatives, expect, now) or (text, logprob)
        rejected = not text or no_speech > self.max_no_speech_prob or logprob < self.min_avg_logprob
        confidence = max(0.0, min(1.0, 1.0 + logprob / 2)) * (1.0 - no_speech)
        return Transcript(text=text, confidence=confidence, rejected=rejected, avg_logprob=logprob,
                          no_speech_prob=no_speech)

    @staticmethod
    def _choose(alternatives: list[Any], expect: str, now: dt.datetime | None) -> tuple[str, float] | None:
        from appliance.language import choose_hypothesis

        pairs = [(str(t).strip(), float(a)) for t, a in alternatives]
        try:
            return pairs[choose_hypothesis(pairs, now or dt.datetime.now(), expect)]
        except Exception:  # the understanding must never cost the caller the transcript
            _LOGGER.exception("n-best choice failed")
            return None


DEFAULT = SttPolicy()
