"""When the call pipeline believes a transcript: the STT accept/reject thresholds, in one place.

A decode is rejected (the dialog hears "not understood" and re-asks) when it is empty, when Whisper thinks it
was no speech at all, or when its average log-probability says it was guessing. Confidence, 0..1, is what
dialogs may weigh (e.g. confirm a date heard with low confidence).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from appliance.calls.frames import Transcript


@dataclass(frozen=True)
class SttPolicy:
    max_no_speech_prob: float = 0.8  # above: the model heard no speech (breathing, line noise)
    min_avg_logprob: float = -1.5  # below: the model was guessing

    def judge(self, raw: Any) -> Transcript:
        """``raw``: what the STT returned (``text``, ``avg_logprob``, ``no_speech_prob``; missing = 0)."""
        text = (getattr(raw, "text", "") or "").strip()
        no_speech = float(getattr(raw, "no_speech_prob", 0.0) or 0.0)
        logprob = float(getattr(raw, "avg_logprob", 0.0) or 0.0)
        rejected = not text or no_speech > self.max_no_speech_prob or logprob < self.min_avg_logprob
        confidence = max(0.0, min(1.0, 1.0 + logprob / 2)) * (1.0 - no_speech)
        return Transcript(text=text, confidence=confidence, rejected=rejected, avg_logprob=logprob,
                          no_speech_prob=no_speech)


DEFAULT = SttPolicy()
