"""A question about the call itself — "AI예요?", "사람이에요?", "이거 녹음돼요?" — answered truthfully, then the open
question again. On the clinic's own calls also a doubt about who is calling ("보이스피싱 아니에요?", "치과 맞아요?": who
we are, and that the caller may hang up and ring the clinic's number) and "제 번호 어떻게 아셨어요?" (the number the
patient left at the clinic).

The notices of the greeting (AI, and the recording only when this call is recorded) are the law's
(``shared/notes/domain.md``); a caller who missed them or doubts them gets them again in full, in the same true words,
and is told that staff can take the call. Not a question for the dentist, not a callback: the desk answers it at once.
A caller who asks for a person in so many words ("사람 바꿔 주세요") is put through before this (talk_to_staff).
The understanding reads these questions as ``question_other`` (``language.about_the_call``); this module tells the
dialog which answer each one needs.
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
# "보이스피싱 아니죠", "사기 전화 아니에요", "진짜 치과 맞아요", "병원에서 온 전화 맞아요"
_DOUBTED = re.compile(
    r"보이스피싱|피싱|사기(?:전화|꾼|아니|죠|지)|(?:진짜|정말|확실히)(?:치과|병원)(?:에서)?(?:온전화)?(?:맞|인가|이에요|예요)"
    r"|(?:치과|병원)(?:에서)?(?:온전화)?(?:맞아요|맞나요|맞죠|맞아|인가요|맞습니까)$"  # last, not "치과 맞죠 내일 가요"
)
# "제 번호 어떻게 아셨어요", "내 번호는 어디서 났어요", "번호 어떻게 알고"
_NUMBER_ASKED = re.compile(r"번호(?:를|는|가)?(?:어떻게|어디서|어디에서|누가|왜)")
# "…간 적 없는데 제 번호 어떻게 아셨어요": a wrong number after all
_NOT_A_PATIENT = re.compile(r"간적(?:이)?없|다닌적|모르는|잘못|아닌데|아니에요|아닙니다|처음듣")
ANSWERABLE = ("other", "question_other", "yes", "no")
"""What the understanding may have made of such a question: a booking or a refusal said with it goes its own way."""


def asked(text: str) -> bool:
    """The caller asks whether this is a machine or whether the call is recorded."""
    compact = _compact(text).replace("?", "")
    if _AI_ASKED.search(compact):
        return True
    questioned = "?" in text or _QUESTION_END.search(compact) is not None
    return bool(_RECORDING_ASKED.search(compact)) and questioned


def answer(recorded: bool) -> Say:
    """The true answer: an AI assistant; recorded or not, as this call is; staff on request."""
    return Say("about_call_recorded" if recorded else "about_call_unrecorded")


def doubted(text: str) -> bool:
    """The callee doubts that the clinic is calling (voice phishing is common: the fear is fair)."""
    return bool(_DOUBTED.search(_compact(text).rstrip("?")))


def number_asked(text: str) -> bool:
    """The callee asks how the clinic has their number."""
    return bool(_NUMBER_ASKED.search(_compact(text)))


def campaign_answer(text: str, intent: str, recorded: bool) -> list[Say] | None:
    """What the clinic's own call says to a question about itself, or None (``intent``: the understanding's)."""
    if intent == "wrong_number" and number_asked(text) and not _NOT_A_PATIENT.search(_compact(text)):
        return [Say("ob_your_number")]  # "제 번호 어떻게 아셨어요" asks, it says no wrong number
    if intent not in ANSWERABLE:
        return None
    if asked(text):
        return [answer(recorded)]
    if doubted(text):
        return [Say("ob_who_we_are"), Say("ob_call_us_back")]
    if number_asked(text):
        return [Say("ob_your_number")]
    return None


def _compact(text: str) -> str:
    return re.sub(r"[\s.,!~…]+", "", text.lower())
