"""``Understanding``: what ``understand()`` makes of one caller utterance (intent, slots, polarity, urgency), the
type the dialogs read. Kept apart from the rules so that the modules that only read a result need not import them."""

from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass
class Understanding:
    """What the caller said, as the dialog needs it. Dates ISO ``YYYY-MM-DD``, times 24 h ``HH:MM``."""

    intent: str
    date: str | None = None
    time: str | None = None
    time_range: tuple[str, str] | None = None
    treatment: str | None = None
    confidence: float = 0.0
    date_range: tuple[str, str] | None = None
    weekday: str | None = None
    """Weekday of ``date`` ("mon".."sun")."""
    weekday_clash: bool = False
    """The caller named another weekday with the date ("다음 주 화요일 14일" of a Monday): the date was taken."""
    approximate: bool = False
    """The caller hedged the time ("두 시쯤") or gave only a part of the day."""
    treatments: list[str] = dataclasses.field(default_factory=list)
    """Every treatment named, most specific first (``treatment`` is the first)."""
    digits: str | None = None
    """A digit-by-digit answer (birth date, phone number), e.g. "850312"."""
    negated: bool = False
    answer: str | None = None
    """Polarity of the reply whatever the intent: "yes" ("네 근데 시간 좀 바꿀 수 있을까요" is reschedule + yes),
    "no" ("아니요 못 가요" is cancel + no), or None."""
    source: str = "rules"
    """"rules", "statistical" (the model chose the intent) or "fallback" (the LLM did)."""
    urgent: bool = False
    """Bleeding, swelling with fever, trauma or severe pain: an emergency, or a medical question/symptom for the
    staff queue with priority."""

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        for key in ("time_range", "date_range"):
            if out[key] is not None:
                out[key] = list(out[key])
        return out
