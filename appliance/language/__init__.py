"""Korean language: understanding (intents and slots) and speech normalisation (numbers, dates, times).

``understand(text, now, expect=None, *, fallback=None) -> Understanding`` is the entry point; it is pure (rules,
and a small statistical model built from the shipped examples on first use), so importing this package is cheap.
``expect`` (the question just asked) is a prior: ``answer_fit``/``answers_question`` say how well an
understanding answers it, and ``choose_hypothesis`` picks among a recogniser's n-best hypotheses of a short answer
by that fit.
"""

from appliance.language.context import answer_fit, answers_question
from appliance.language.hypotheses import choose_hypothesis
from appliance.language.lexicon import INTENTS, TREATMENTS
from appliance.language.times import DayParts
from appliance.language.trouble_told import tells_a_trouble
from appliance.language.understanding import Understanding, understand, understood_as_running_late

__all__ = [
    "INTENTS", "TREATMENTS", "DayParts", "Understanding", "answer_fit", "answers_question", "choose_hypothesis",
    "tells_a_trouble", "understand", "understood_as_running_late",
]
