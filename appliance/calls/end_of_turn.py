"""When is the caller's turn over? A fixed silence, or the Korean sentence and what it means.

At the first short pause the pipeline decodes the speech so far, speculatively: the decode starts at
``endpoint_decode_ms`` of silence (0: at ``endpoint_speculative_ms``), so it runs while the caller is still quiet.
A policy whose ``early`` is True is shown that speculative transcript with the question the dialog asked (the
``Listen``'s ``expect``) and says how much silence, counted from the caller's last voiced frame, ends the turn —
never less than ``endpoint_speculative_ms`` (the decision pause), however soon the decode is back:

* ``0`` — now: the sentence is finished and answers the question ("내일 세 시요" after "몇 시가 좋으세요?");
* ``N`` ms — when the caller stays quiet that long (a connective "…는데" or an incomplete answer: wait longer);
* ``None`` — no opinion: the endpointer's silence rule decides.

The endpointer's own silence rule (``max_silence_ms`` when the policy sets one, else ``endpoint_end_ms``) is
the longest wait; a caller who goes on before the policy's silence is up is simply heard on (the decode is
dropped and the next pause judged afresh).

``SilenceEndOfTurn`` (setting ``end_of_turn = silence``) is the old behaviour: ``endpoint_end_ms`` of silence,
never sooner. ``KoreanEndOfTurn`` (``end_of_turn = korean``, the default) reads the sentence ending
(``korean_endings``) and the understanding (``answers_question`` with the question's ``expect``):

================================  ===============================  =================================
ending of the transcript          understanding complete           understanding incomplete
================================  ===============================  =================================
final (…요, …다, …까, 네 alone)    end now (a guess: ``end_ms``)    wait ``hold_ms`` (1 s)
open (a bare noun: "목요일")       wait ``end_ms`` (a guess: hold)  wait ``hold_ms``
connective, particle, filler      wait ``hold_ms``                 wait ``hold_ms``
================================  ===============================  =================================

A guess is a reading the statistical model made where the rules alone read nothing at all ("other"): read speech
stopped mid-sentence is often guessed as a whole answer, and so is a list of bare nouns. After a finished sentence
it waits the ordinary silence; after an open ending, where neither the words nor the rules say the caller is done,
it waits the hold, as an incomplete answer does (a caller naming things one by one pauses between them). Where the
rules did recognise a request or a question and the model only re-labelled it, the turn ends as for the rules.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from typing import Any, Callable, Protocol

from appliance.calls.frames import Transcript
from appliance.calls.korean_endings import Ending, sentence_ending
from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)

POLICIES = ("korean", "silence")
GUESSED = "statistical"
"""``Understanding.source`` of a reading the model chose over the rules'. Where the rules read nothing, it is not sure
enough to end a turn at a short pause: "…2년 전 피부함을 지내요." before its second half is guessed as an answer."""


class EndOfTurnPolicy(Protocol):
    early: bool  # False: never consulted, the turn ends on silence alone (no extra work per pause)
    max_silence_ms: int | None  # the endpointer's silence rule while this policy is in force (None: the setting)

    def silence_needed_ms(self, transcript: Transcript, expect: str | None) -> int | None:
        """Judging by a speculative transcript at a short pause: how much silence ends the turn (0: now)."""
        ...


class SilenceEndOfTurn:
    """The turn ends after ``endpoint_end_ms`` of silence, nothing sooner."""

    early = False
    max_silence_ms: int | None = None

    def silence_needed_ms(self, transcript: Transcript, expect: str | None) -> int | None:
        return None


class KoreanEndOfTurn:
    """End at the first pause when the sentence is finished and answers the question; wait when it goes on."""

    early = True

    def __init__(self, *, end_ms: int = 650, hold_ms: int = 1000,
                 clock: Callable[[], dt.datetime] = dt.datetime.now,
                 understand: Callable[[str, dt.datetime, str | None], Any] | None = None,
                 answers: Callable[[Any, str | None], bool] | None = None,
                 rules_only: Callable[[str, dt.datetime, str | None], Any] | None = None):
        if understand is None or answers is None:
            from appliance.language import answers_question
            from appliance.language import understand as rules

            if understand is None and rules_only is None:
                rules_only = functools.partial(rules, statistical=False)
            understand, answers = understand or rules, answers or answers_question
        self.end_ms = end_ms
        self.hold_ms = max(hold_ms, end_ms)
        self.max_silence_ms: int | None = self.hold_ms
        self.clock = clock
        self._understand = understand
        self._answers = answers
        self._rules_only = rules_only

    def silence_needed_ms(self, transcript: Transcript, expect: str | None) -> int | None:
        ending = sentence_ending(transcript.text)
        if ending is Ending.CONTINUES:
            return self.hold_ms
        try:
            understood = self._understand(transcript.text, self.clock(), expect)
            complete = bool(self._answers(understood, expect))
        except Exception:  # never let the understanding break the ear: fall back to the silence rule
            _LOGGER.exception("end of turn: understanding failed")
            return None
        if not complete:
            return self.hold_ms
        guessed = (getattr(understood, "source", "rules") == GUESSED
                   and not self._rules_read_something(transcript.text, expect))
        if ending is Ending.FINAL:
            return self.end_ms if guessed else 0  # a guessed finished sentence: the ordinary silence
        return self.hold_ms if guessed else self.end_ms  # an open ending: the ordinary silence, a guess the hold

    def _rules_read_something(self, text: str, expect: str | None) -> bool:
        """The rules alone recognised the sentence (a request, a question): the model only re-labelled it."""
        if self._rules_only is None:
            return False
        try:
            return getattr(self._rules_only(text, self.clock(), expect), "intent", "other") != "other"
        except Exception:
            _LOGGER.exception("end of turn: the rules failed")
            return False


def from_config(config: Config, clock: Callable[[], dt.datetime] | None = None) -> EndOfTurnPolicy:
    """The policy named by the ``end_of_turn`` setting (``ConfigError`` for an unknown name)."""
    from appliance.errors import ConfigError

    name = (config.end_of_turn or "korean").strip().lower()
    if name == "silence":
        return SilenceEndOfTurn()
    if name != "korean":
        raise ConfigError(f"end_of_turn {name!r}: expected one of {', '.join(POLICIES)}")
    return KoreanEndOfTurn(end_ms=config.endpoint_end_ms, hold_ms=config.endpoint_hold_ms,
                           clock=clock or _local_clock(config.timezone or "Asia/Seoul"))


def _local_clock(timezone: str) -> Callable[[], dt.datetime]:
    """Now in the clinic's time zone, naive (what ``understand`` reads relative dates from)."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(timezone)
    return lambda: dt.datetime.now(zone).replace(tzinfo=None, microsecond=0)
