"""A question about the call itself — "AI예요?", "사람이에요?", "이거 녹음돼요?" — answered truthfully, then the open
question again. On the clinic's own calls also a doubt about who is calling ("보이스피싱 아니에요?", "치과 맞아요?": who
we are, and that the caller may hang up and ring the clinic's number) and "제 번호 어떻게 아셨어요?" (the number the
patient left at the clinic).

The notices of the greeting (AI, and the recording only when this call is recorded) are the law's
(``shared/notes/domain.md``); a caller who missed them or doubts them gets them again in full, in the same true words,
and is told that staff can take the call. Not a question for the dentist, not a callback: the desk answers it at once.
A caller who asks for a person in so many words ("사람 바꿔 주세요") is put through before this (talk_to_staff).
What such a sentence says is decided once, in the language layer (``language.about_the_call``: the intent, and
which question it was); this module only chooses the answer each one needs.
"""

from __future__ import annotations

from appliance.conversation.actions import Say
from appliance.language.about_the_call import clinic_doubted, denies_being_a_patient, number_asked
from appliance.language.about_the_call import machine_or_recording_asked as asked

__all__ = ["ANSWERABLE", "answer", "asked", "campaign_answer"]

ANSWERABLE = ("other", "question_other", "yes", "no")
"""What the understanding may have made of such a question: a booking or a refusal said with it goes its own way."""


def answer(recorded: bool) -> Say:
    """The true answer: an AI assistant; recorded or not, as this call is; staff on request."""
    return Say("about_call_recorded" if recorded else "about_call_unrecorded")


def campaign_answer(text: str, intent: str, recorded: bool) -> list[Say] | None:
    """What the clinic's own call says to a question about itself, or None (``intent``: the understanding's)."""
    if intent == "wrong_number" and number_asked(text) and not denies_being_a_patient(text):
        return [Say("ob_your_number")]  # "제 번호 어떻게 아셨어요" asks, it says no wrong number
    if intent not in ANSWERABLE:
        return None
    if asked(text):
        return [answer(recorded)]
    if clinic_doubted(text):
        return [Say("ob_who_we_are"), Say("ob_call_us_back")]
    if number_asked(text):
        return [Say("ob_your_number")]
    return None
