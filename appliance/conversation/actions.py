"""The vocabulary between a dialog (pure logic) and whatever carries it (a phone call, the text console).

A dialog answers each input with a list of actions; the list always ends with ``Listen`` or ``End``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union


@dataclass
class Say:
    """Speak a fixed phrase (``key`` in phrases.PHRASES) or a sentence (``text``, through the voice layers)."""

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

    next: str
    outcome: str
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

    kind: str
    data: dict[str, Any] = field(default_factory=dict)
