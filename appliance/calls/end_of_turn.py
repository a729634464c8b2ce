"""When is the caller's turn over? The seam for a smarter decision than a fixed silence.

Today the turn ends after ``endpoint_end_ms`` (650 ms) of silence: the endpointer decides it and the ear
reports an ``Utterance``. At the first short pause (``endpoint_speculative_ms``, 280 ms) the pipeline already
decodes the speech speculatively. A policy whose ``early`` is True is shown that speculative transcript; if it
says the sentence is complete (e.g. Korean sentence endings: "…예요", "…주세요", "…습니다"), the runner ends
the turn at once, ~370 ms sooner, with that transcript.

After an early end the rest of that utterance is not heard again: the ear drops its remaining endpointer
events (a caller who goes on after the pause is heard from their next utterance on). A policy should therefore
say "complete" only when it is sure.
"""

from __future__ import annotations

from typing import Protocol

from appliance.calls.frames import Transcript


class EndOfTurnPolicy(Protocol):
    early: bool  # False: never consulted, the turn ends on silence alone (no extra work per pause)

    def sentence_complete(self, transcript: Transcript) -> bool:
        """Judging by a speculative transcript at a short pause: is the caller done?"""
        ...


class SilenceEndOfTurn:
    """The default and today's behaviour: the turn ends after ``endpoint_end_ms`` of silence, nothing sooner."""

    early = False

    def sentence_complete(self, transcript: Transcript) -> bool:
        return False
