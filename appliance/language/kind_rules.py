"""One matcher for the narrow kinds of speech the round modules add (``visit_practicalities``, ``asides_and_no_shows``,
``hearsay_and_equipment``, ``asked_back_and_added``, ``clinic_policies``, ``life_around_visits``, ``weekday_kinds``).

Each of those modules keeps an ordered table of ``KindRule``: the intent of a kind, the patterns that must all be
found in the compact text (``needs``), the patterns none of which may be found (``unless``), and, when they matter,
the questions just asked (``expect``) and whether a day or a time was said (``dated``). ``first_kind`` returns the
intent of the first rule that holds, so a rule's place in its table is its priority, as the ``if`` chains were.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from appliance.language.replies import SURE


@dataclasses.dataclass(frozen=True)
class KindRule:
    """A kind of speech: ``intent`` (with ``confidence``) when every ``needs`` pattern and no ``unless`` pattern is
    found, the question asked is one of ``expect`` (any when ``None``; ``(None,)`` is "nothing asked") and a day or
    a time was said as ``dated`` requires (either when ``None``)."""

    name: str
    intent: str
    needs: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...] = ()
    expect: tuple[str | None, ...] | None = None
    dated: bool | None = None
    confidence: float = SURE

    def holds(self, compact: str, expect: str | None, dated: bool) -> bool:
        return ((self.expect is None or expect in self.expect) and (self.dated is None or self.dated == dated)
                and all(p.search(compact) for p in self.needs) and not any(p.search(compact) for p in self.unless))


def first_kind(rules: Sequence[KindRule], compact: str, expect: str | None = None,
               dated: bool = False) -> tuple[str, float] | None:
    """The intent and confidence of the first rule that holds, or ``None`` to leave the text to the other rules."""
    for rule in rules:
        if rule.holds(compact, expect, dated):
            return rule.intent, rule.confidence
    return None
