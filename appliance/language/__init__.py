"""Korean language: understanding (intents and slots) and speech normalisation (numbers, dates, times).

``understand(text, now, expect=None, *, fallback=None) -> Understanding`` is the entry point; it is pure
and rule-based (no model), so importing this package is cheap.
"""

from appliance.language.lexicon import INTENTS, TREATMENTS
from appliance.language.understanding import Understanding, understand
from appliance.language.times import DayParts

__all__ = ["INTENTS", "TREATMENTS", "DayParts", "Understanding", "understand"]
