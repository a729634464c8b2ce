"""Whether a caller tells a trouble with their teeth or mouth ("이가 시린데", "잇몸이 부어서"), whatever they ask.

The dialog reads it beside the intent: a booking asked with a trouble told ("이가 시린데 모레 가도 돼요?") starts
with sympathy and keeps the caller's words as the 문진's main complaint, so staff see the trouble on the visit and
the caller is not asked again what is wrong. The words are read as the rules read them (``transcript.tidy``:
아파트 is no 아파).
"""

from __future__ import annotations

from appliance.language import questions, transcript


def tells_a_trouble(text: str) -> bool:
    """A symptom is told in ``text`` (``questions.has_symptom`` on the tidied, compact text)."""
    return questions.has_symptom(transcript.compact(transcript.tidy(text)))
