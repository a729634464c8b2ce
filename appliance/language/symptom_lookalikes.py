"""Words that spell a symptom word inside them, read as what they are (round 38).

The rules find a symptom by its stem wherever it stands: 아파/아프 (it hurts), 시리/시려 (sensitive), 부러 (broken),
피가 (blood), 흔들 (loose), 붓 (swollen). Some everyday words spell one of them inside: 아파트 (an apartment, which a
clinic in an apartment district hears all day: "아파트 상가", "아파트 단지 제휴", "아파트 앞에 주차"), 아프리카,
시리얼, 시리즈, Siri called by name ("시리야"), 일부러 (on purpose), 레시피가, 흔들의자, 붓글씨. ``plain_words(text)``
puts a stand-in of the same kind that spells no symptom in their place, once, before any rule or the model reads
the sentence (``transcript.tidy`` and ``statistical.features``), so no pattern, old or new, can find a pain in them:
"아파트 계단에서 넘어져서 이가 아파요" keeps its own 아파요.

A rule that wants the word itself reads its stand-in (``STAND_INS``); tests/test_language_symptom_lookalikes.py
scans every pattern of the understanding against these words.
"""

from __future__ import annotations

import re

#: (the word as heard, its stand-in): the stand-ins spell no symptom word and no other word the rules read
STAND_INS: tuple[tuple[str, str], ...] = (
    (r"아파트", "맨션"),  # 아파트단지, 아파트값, 세마파크미아파트: anywhere, no pain spells 아파트
    (r"아프리카", "유럽"),
    (r"아프가니스탄", "네팔"),
    (r"시리즈", "연작"),
    (r"시리얼", "콘플레이크"),
    (r"(?<![가-힣])시리아(?!\s?(?:파|프|퍼))", "레바논"),  # not "시리아파요" (시리 아파요 run together)
    (r"(?<![가-힣])시리(?=야|한테|에게)", "빅스비"),  # the phone's assistant called: "시리야 치과 전화해 줘"
    (r"일부러", "애써"),  # on purpose: "일부러 시간 내서 왔는데", no broken tooth
    (r"레시피", "조리법"),
    (r"흔들의자", "소파"),
    (r"붓글씨", "먹글씨"),
)
_WORDS = tuple((re.compile(word), stand_in) for word, stand_in in STAND_INS)


def plain_words(text: str) -> str:
    """``text`` with each word that spells a symptom inside it replaced by its stand-in (see the module docstring)."""
    for word, stand_in in _WORDS:
        text = word.sub(stand_in, text)
    return text
