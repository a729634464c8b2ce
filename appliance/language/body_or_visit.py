"""Whether a sentence is about one's own body or asks for a visit: the line the safety rule draws (``blend``).

All patterns match the compact text (no spaces or punctuation), like those in ``lexicon``.
"""

from __future__ import annotations

import re

from appliance.language import four_days_kinds
from appliance.language.asking import asked_before_aside, is_question
from appliance.language.questions import (
    AFTER_CARE, BOOK_REQUEST, CARE_PLACE, CARE_TOPIC, CONDITION, FACT_WORDS, MOUTH, OKAY_AFTER_CLAUSE, PERMISSION,
    has_symptom)

# A visit or a slot asked for in so many words: a question about one's teeth with these stays a booking
VISIT_REQUEST = re.compile("|".join((
    r"예약", r"(?<![은뺀한된])자리(?:있|가있|없|나|비|가능)", r"빈(?:시간|자리|날)", r"시간(?:되|돼|있|괜찮|비|내)",
    r"(?:제일|가장|최대한)?빠른(?:날|시간|때)", r"(?:제일|가장|최대한)빨리", r"봐주(?:실|시|세요|나요|셔야|셨으면|면)",
    r"봐줄", r"진료(?:를|도)?(?:받|볼|보|되|돼|가능)",
    r"(?:가면|오면|가도|와도|들러도|들르면|방문하면)(?:돼|되|될|괜찮)", r"언제(?:쯤)?(?:가|와|오|갈|올|방문)", r"방문",
    r"내원", r"접수", r"(?:갈|올|볼|받을)수(?:있|없)", r"언제(?:쯤)?(?:돼|되|가능|비)",
    r"(?:오늘|내일|모레|요일)(?:에|은|도)?.{0,4}(?:가(?:도|면|요|볼|서)|갈|봐주|볼수|진료|예약|가능|괜찮)",
    r"보여(?:드리|드릴|주|줘)", r"(?:러|으러)(?:가|갈|와|올|오)", r"상담(?:만|을|도|좀)?(?:받|하|예약|가능|되|돼)",
    r"(?:가|와|오)서(?:보|봐|받|하)",
    # round 40: one's own treatment added to a visit ("그날 애 치료하고 제 스케일링도 같이 해 주실 수 있어요")
    r"(?:도|까지)같이(?:해|받|봐)(?:주실수있|줄수있|주세요|주시나요)",
)))


def visit_asked(compact: str) -> bool:
    """A visit or a slot is asked for in so many words ("빼러 가도 돼요?"; not "사우나 가도 돼요?")."""
    rest = CARE_PLACE.sub("", compact)
    return bool(BOOK_REQUEST.search(rest) or VISIT_REQUEST.search(rest) or four_days_kinds.visit_on_a_day(rest))


def own_care_question(text: str, compact: str) -> bool:
    """A question about one's own body, symptom or care with no visit asked for ("사랑니가 반만 나와 있는데 그냥
    둬도 돼요?", "임플란트 한 데서 냄새가 나는데 왜 그럴까요?"): never a booking (see ``blend``)."""
    asked = (is_question(text, compact) or PERMISSION.search(compact) or OKAY_AFTER_CLAUSE.search(compact)
             or asked_before_aside(text))  # round 14: "…물고 있어야 돼요 벌써 빼 버렸는데"
    if not asked or FACT_WORDS.search(compact):
        return False
    return not visit_asked(compact) and about_body(compact)


def about_body(compact: str) -> bool:
    """A symptom, after-care, a care topic, a part of the mouth or a condition is named: what a medical question is
    about (the model may not call a sentence without any of these a medical question)."""
    return bool(has_symptom(compact) or AFTER_CARE.search(compact) or CARE_TOPIC.search(compact)
                or MOUTH.search(compact) or CONDITION.search(compact))
