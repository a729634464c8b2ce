"""경상도 sentence ends read as the standard ones before any rule reads the text (issue 15, round 31: blind45, a
clinic beside a traditional market). The rules were written in the standard forms and a few dialect spellings each;
reading the dialect's endings the standard way once lets every rule hear them:

- "…주이소", "그라이소", "오이소", "하이소" (…세요); "다시 해 주소" at the end (…주세요: no address asked there);
- "되능교", "있능교" (…나요);
- "가께요", "가께예", "할께예" (갈게요, 할게요); "알겠심더", "괜찮심더" (…습니다);
- "그라고" (그리고), "그라믄", "그라모" (그러면), "그라이소" (그러세요);
- "몇 시라 캤지요" (…라 했지요: what was said asked again).

Only whole endings of a word are read; a shop's name ("다이소") or an address ("집 주소") stays as it was.
"""

from __future__ import annotations

import re

_WORD_END = r"(?=$|[\s?.!,~])"

_READINGS = (
    (re.compile(r"(?<![가-힣])그라고" + _WORD_END), "그리고"),
    (re.compile(r"(?<![가-힣])그라(?:믄|모)" + _WORD_END), "그러면"),
    (re.compile(r"(?<![가-힣])그라(?=이소)"), "그러"),
    (re.compile(r"(?<=[주하오보가러드])이소" + _WORD_END), "세요"),
    (re.compile(r"(?<=[해줘봐러려어])(\s?)주소(?=\s*[.!~]*$)"), r"\1주세요"),
    (re.compile(r"능교" + _WORD_END), "나요"),
    (re.compile(r"(?<![가-힣])가께(?:요|예)" + _WORD_END), "갈게요"),
    (re.compile(r"(?<=[할갈])께예" + _WORD_END), "게요"),
    (re.compile(r"심더" + _WORD_END), "습니다"),
    (re.compile(r"(?<=[라다])(\s?)캤(?=지|나|어|던)"), r"\1했"),
)


def standard_endings(text: str) -> str:
    """The text with the 경상도 endings above read as the standard ones; any other text unchanged."""
    for pattern, standard in _READINGS:
        text = pattern.sub(standard, text)
    return text
