"""A question about the call itself — "AI예요?", "사람이에요?", "이거 녹음돼요?" — answered truthfully, then the open
question again.

The notices of the greeting (AI, and the recording only when this call is recorded) are the law's
(``shared/notes/domain.md``); a caller who missed them or doubts them gets them again in full, in the same true words,
and is told that staff can take the call. Not a question for the dentist, not a callback: the desk answers it at once.
A caller who asks for a person in so many words ("사람 바꿔 주세요") is put through before this (talk_to_staff).
"""

from __future__ import annotations

import re

from appliance.conversation.actions import Say

# "AI예요?", "이거 기계야?", "ai랑 통화하는 거예요", "로봇이에요 사람이에요", "진짜 사람 맞아요?"
_AI_ASKED = re.compile(
    r"(?:ai|에이아이|인공지능|기계|로봇|자동응답|ars|챗봇|컴퓨터)(?:이랑|랑|하고|와|과)?(?:통화|얘기|대화|말)?(?:하는)?"
    r"(?:거|건|게)?(?:예요|에요|이에요|이예요|인가|이야|야\b|냐|니|죠|지|맞|아니|세요|이세요)"
    r"|(?:진짜|실제)?사람(?:이에요|이세요|맞|인가|이야|이냐|이죠|아니|이랑통화하는)"
)
# "이 통화 녹음 되는 거예요?", "녹음하세요?", "녹음 중이에요?" (not "녹음하지 마세요": a wish, not a question)
_RECORDING_ASKED = re.compile(r"녹음(?:이|을|도)?(?:되|돼|하(?!지|면)|중)")
_QUESTION_END = re.compile(r"(?:요|죠|나|까|야|냐|니|지|맞아|돼|되)$")
ANSWERABLE = ("other", "question_other", "yes", "no")
"""What the understanding may have made of such a question: a booking or a refusal said with it goes its own way."""


def asked(text: str) -> bool:
    """The caller asks whether this is a machine or whether the call is recorded."""
    compact = re.sub(r"[\s.,!~…]+", "", text.lower())
    if _AI_ASKED.search(compact):
        return True
    questioned = "?" in compact or _QUESTION_END.search(compact.rstrip("?")) is not None
    return bool(_RECORDING_ASKED.search(compact)) and questioned


def answer(recorded: bool) -> Say:
    """The true answer: an AI assistant; recorded or not, as this call is; staff on request."""
    return Say("about_call_recorded" if recorded else "about_call_unrecorded")
