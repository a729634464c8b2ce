"""What the round files of caller speech kinds (``test_language_kinds_round*.py``) share: hearing a sentence said
at a fixed moment, with the statistical model and by the rules alone."""

from __future__ import annotations

import datetime as dt
from typing import Callable

import pytest

from appliance.language import Understanding, understand

#: runs a test once with the statistical model and once by the rules alone (its argument ``statistical``)
WITH_AND_WITHOUT_MODEL = pytest.mark.parametrize("statistical", [True, False])


def hearer(now: dt.datetime) -> Callable[..., Understanding]:
    """``hear(text, expect=None, statistical=True)``: what the understanding makes of ``text`` said at ``now``."""

    def hear(text: str, expect: str | None = None, statistical: bool = True) -> Understanding:
        return understand(text, now, expect=expect, statistical=statistical)

    return hear


def assert_heard_both_ways(now: dt.datetime, text: str, expect: str | None, intent: str, date: str | None,
                           time: str | None, treatment: str | None) -> None:
    """``text`` said at ``now`` is heard as this intent, date, time and treatment, with the model and without."""
    for statistical in (True, False):
        got = understand(text, now, expect=expect, statistical=statistical)
        assert (got.intent, got.date, got.time, got.treatment) == (intent, date, time, treatment), (statistical, got)
