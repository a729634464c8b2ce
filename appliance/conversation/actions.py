"""The vocabulary between a dialog (pure logic) and whatever carries it (a phone call, the text console).

A dialog answers each input with a list of actions; the list always ends with ``Listen`` or ``End``.
The call pipeline (``appliance.calls``) and ``dentalcall chat`` carry a dialog through :class:`Dialog`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, Union

from appliance.conversation.outcomes import EventKind
from appliance.conversation.phrases import JOINED


@dataclass
class Say:
    """Speak a fixed phrase (``key`` in phrases.PHRASES) or a sentence (``text``, through the voice layers).
    A longer sentence built from recorded ones (``phrases.JOINED``) is several ``Say``: see :func:`says`."""

    key: str | None = None
    text: str | None = None
    barge_in: bool = True  # may the caller interrupt it?


@dataclass
class Listen:
    """Wait for the caller: speech (transcribed) or keypad digits."""

    expect: str | None = None  # e.g. "yes_no", "date", "time", "treatment", "digits"
    timeout_s: float = 8.0
    hints: list[str] = field(default_factory=list)
    max_digits: int = 1


@dataclass
class End:
    """Finish the AI part of the call; ``next`` is what the dialplan does: hangup | transfer | voicemail."""

    next: str  # an outcomes.NextStep value
    outcome: str  # an outcomes.Outcome value
    summary: str = ""  # short handover note for staff (no PHI in logs; stored in the CRM)
    data: dict[str, Any] = field(default_factory=dict)


Action = Union[Say, Listen, End]


@dataclass
class Heard:
    """What came back from a Listen."""

    text: str = ""
    dtmf: str = ""
    silence: bool = False
    hung_up: bool = False
    confidence: float = 1.0  # 0..1, from the STT (avg_logprob / no_speech_prob)
    rejected: bool = False  # STT thought it was noise / low confidence


@dataclass
class Event:
    """Something that happened during the dialog worth recording (booking, callback, opt-out ...)."""

    kind: str  # an EventKind value
    data: dict[str, Any] = field(default_factory=dict)


def spoken_keys(*names: str) -> list[str]:
    """The recorded phrase keys that say ``names``: a phrase key as it is, a name of ``phrases.JOINED`` as its
    recorded sentences (one recording serves many longer sentences)."""
    return [key for name in names for key in JOINED.get(name, (name,))]


def says(*names: str, barge_in: bool = True) -> list[Say]:
    """``Say`` each phrase of ``names`` (phrase keys or ``phrases.JOINED`` names) from its recordings."""
    return [Say(key, barge_in=barge_in) for key in spoken_keys(*names)]


class Dialog(Protocol):
    """What carries a dialog needs from it. Optional extras a carrier looks for: ``on_hangup()`` (keep what
    the caller started when they hang up), ``events`` (list of :class:`Event`) and ``summary``."""

    def start(self) -> list[Action]: ...

    def on_input(self, heard: Heard) -> list[Action]: ...


__all__ = ["Action", "Dialog", "End", "Event", "EventKind", "Heard", "Listen", "Say", "says", "spoken_keys"]
