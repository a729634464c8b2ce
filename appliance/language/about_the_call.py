"""Questions about the call itself, not about the clinic's care (round 11, blind19).

A caller may doubt that the clinic is really calling ("보이스피싱 아니죠", "제 번호 어떻게 알고 전화하신 거예요",
"진짜 그 치과에서 온 전화 맞아요"), ask whether a machine answers or the call is recorded without asking for a person
("지금 AI랑 통화하는 거예요", "이 통화 녹음 되는 거예요"), or close the call ("어 그래 알았어 수고해"). The first two
are open questions for the dialog to answer truly (``question_other``); a closing is nothing asked (``other``).

This module is the one place that decides what such a sentence *says*: :func:`about_the_call` gives the intent,
and the predicates below (:func:`machine_or_recording_asked`, :func:`clinic_doubted`, :func:`number_asked`,
:func:`denies_being_a_patient`) tell the dialog which question it was; ``conversation.about_the_call`` only chooses
the answer. The predicates read a raw sentence, the intent a compact one (the understanding's compact form).
Pure: text in, an intent or a yes/no out.
"""

from __future__ import annotations

import re

from appliance.language.lexicon import WRONG_NUMBER

_MACHINE = "ai|에이아이|인공지능|기계|로봇|자동응답"  # what a caller calls a machine that answers
_PHISHING = "보이스피싱|피싱|사기"

# Doubting the call: phishing, how the number was got, whether the clinic really rang
SUSPICION = re.compile(
    rf"{_PHISHING}(?:전화|아니|인지|인가)|스팸(?:전화)?(?:아니|인가|인지|이에요|예요)|"
    r"(?:제|내|저희)?번호(?:를|는|은)?(?:어떻게|어디서)(?:알|아셨|아시|얻|구하|받|났|나셨)|"
    r"(?:치과|병원)에서(?:온|거신|건|하신|한)(?:전화|연락)(?:가|이)?(?:맞|인가|인지)|"
    r"(?:진짜|정말|확실히)(?:그)?(?:치과|병원)(?:맞|에서(?:온|거신|건|하신))"
)
# Whether a machine answers or the call is recorded, asked without asking for a person
CALL_ITSELF = re.compile(
    rf"(?:{_MACHINE})(?:랑|이랑|하고|와|한테)?(?:통화|얘기|대화|말)(?:하는|중인)(?:거|건|게)"
    r"(?:예요|에요|야|인가|죠|맞)|"
    r"(?:통화|전화|이거|지금)(?:가|이|는|도)?(?:녹음|녹취)(?:이|가|을)?(?:돼|되|하|중)|"
    # round 15: the same in two or three words ("AI예요?", "녹음돼요?", "사람이에요 기계예요")
    rf"^(?:{_MACHINE})(?:이에요|예요|에요|야|냐|죠|인가요|이죠)$|^(?:녹음|녹취)(?:돼|되|하)(?:요|나요|는거예요|세요)$|"
    rf"사람이(?:에요|예요|야|냐)(?:아니면)?(?:{_MACHINE}|녹음)|(?:{_MACHINE}|녹음)(?:이에요|예요|에요|야|냐)(?:아니면)?사람|"
    # round 19: the notice heard mid-booking and asked back ("잠깐만 AI라고 했어요 그럼 예약은 누가 확인해요")
    rf"(?:{_MACHINE})(?:라고|이라고)(?:했|하셨|하신)"
)
# A closing: "알았어 수고해", "네 들어가세요", nothing asked
_CLOSING = re.compile(
    r"^(?:어|응|네|예)?(?:그래|그래요)?(?:알았어|알겠어|알았어요|알겠어요)?(?:수고해|수고하세요|들어가세요|들어가)(?:요)?$"
)
# round 16: thanks for the call, out of the blue ("일부러 전화 주셔서 감사해요", as 애써): nothing asked or refused
_THANKS_FOR_CALLING = re.compile(r"^(?:어|아|네|예)?(?:애써|바쁘신데|이렇게)?(?:전화|연락)(?:까지)?"
                                 r"(?:주셔서|해주셔서|줘서)(?:너무|정말|참)?(?:감사해요|감사합니다|고마워요|고맙습니다)$")
_PERSON_ASKED = re.compile(r"바꿔|연결|넘겨|말고|대줘|불러|사람(?:이랑|하고|한테)(?:통화|얘기)하고")

# What the dialog asks of a sentence it answers (any wording a caller may use, more than the intent needs):
# "AI예요?", "이거 기계야?", "ai랑 통화하는 거예요", "로봇이에요 사람이에요", "진짜 사람 맞아요?"
AI_ASKED = re.compile(
    rf"(?:{_MACHINE}|ars|챗봇|컴퓨터)(?:이랑|랑|하고|와|과)?(?:통화|얘기|대화|말)?(?:하는)?"
    r"(?:거|건|게)?(?:예요|에요|이에요|이예요|인가|이야|야\b|냐|니|죠|지|맞|아니|세요|이세요)"
    r"|(?:진짜|실제)?사람(?:이에요|이세요|맞|인가|이야|이냐|이죠|아니|이랑통화하는)"
    rf"|(?:{_MACHINE})(?:라고|이라고)(?:했|하셨|하신)"  # round 19: "AI라고 했어요"
)
# "이 통화 녹음 되는 거예요?", "녹음하세요?", "녹음 중이에요?" (not "녹음하지 마세요": a wish, not a question)
RECORDING_ASKED = re.compile(r"녹음(?:이|을|도)?(?:되|돼|하(?!지|면)|중)")
_QUESTION_END = re.compile(r"(?:요|죠|나|까|야|냐|니|지|맞아|돼|되)$")
# "보이스피싱 아니죠", "사기 전화 아니에요", "진짜 치과 맞아요", "병원에서 온 전화 맞아요"
DOUBTED = re.compile(
    rf"{_PHISHING}(?:전화|꾼|아니|죠|지)|(?:진짜|정말|확실히)(?:치과|병원)(?:에서)?(?:온전화)?(?:맞|인가|이에요|예요)"
    r"|(?:치과|병원)(?:에서)?(?:온전화)?(?:맞아요|맞나요|맞죠|맞아|인가요|맞습니까)$"  # last, not "치과 맞죠 내일 가요"
)
# "제 번호 어떻게 아셨어요", "내 번호는 어디서 났어요", "번호 어떻게 알고"
NUMBER_ASKED = re.compile(r"번호(?:를|는|가)?(?:어떻게|어디서|어디에서|누가|왜)")
# "…간 적 없는데 제 번호 어떻게 아셨어요": a wrong number after all
NOT_A_PATIENT = re.compile(r"간적(?:이)?없|다닌적|모르는|잘못|아닌데|아니에요|아닙니다|처음듣")


def about_the_call(compact: str, callback_asked: bool, expect: str | None) -> tuple[str, float] | None:
    """``question_other`` for a doubt about the call or a question whether it is a machine or recorded; ``other``
    for a closing out of the blue (to a question asked, "네 알겠어요 수고하세요" may say yes); None otherwise.

    A doubt with a call back said ("대표번호로 제가 다시 걸어 볼게요") is left to the callback rules
    (``callback_asked``), one with a denial of being the patient to the wrong-number rules."""
    if expect is None and (_CLOSING.match(compact) or _THANKS_FOR_CALLING.match(compact)):
        return "other", 0.95
    if SUSPICION.search(compact) and not callback_asked and not WRONG_NUMBER.search(SUSPICION.sub("", compact)):
        # "제 번호 어떻게 아셨어요 저 거기 간 적 없는데" is a wrong number (dev10): the doubt comes with a denial
        return "question_other", 0.95
    if CALL_ITSELF.search(compact) and not _PERSON_ASKED.search(compact):
        return "question_other", 0.95
    return None


def machine_or_recording_asked(text: str) -> bool:
    """The caller asks whether this is a machine or whether the call is recorded."""
    compact = _compact(text).replace("?", "")
    if AI_ASKED.search(compact):
        return True
    questioned = "?" in text or _QUESTION_END.search(compact) is not None
    return bool(RECORDING_ASKED.search(compact)) and questioned


def clinic_doubted(text: str) -> bool:
    """The callee doubts that the clinic is calling (voice phishing is common: the fear is fair)."""
    return bool(DOUBTED.search(_compact(text).rstrip("?")))


def number_asked(text: str) -> bool:
    """The callee asks how the clinic has their number."""
    return bool(NUMBER_ASKED.search(_compact(text)))


def denies_being_a_patient(text: str) -> bool:
    """The callee says they never were the clinic's patient ("간 적 없는데", "잘못 거셨어요")."""
    return bool(NOT_A_PATIENT.search(_compact(text)))


def _compact(text: str) -> str:
    return re.sub(r"[\s.,!~…]+", "", text.lower())
