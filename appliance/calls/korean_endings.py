"""Does a Korean transcript end like a finished sentence, or like one that goes on?

Korean marks the end of a sentence in its last syllables: "…예요", "…습니다", "…할까", "…하죠", "네" alone end it;
a connective ("…는데", "…고", "…서", "…면", "…니까", "…지만") or a bare particle ("저는", "내일 오후에") says more
is coming. :func:`sentence_ending` reads the last word of a speech-recogniser transcript:

* ``FINAL``     — a sentence-final ending, or a yes/no word said alone;
* ``CONTINUES`` — a connective ending, a bare particle, a conjunction or a filler ("근데", "음"), or a trailing
  comma/ellipsis from the recogniser; also the infinitive "…어/…여" spelled out after a vowel that speech contracts
  ("되어", "주어", "이어", "하여": said in full it is the careful register's link, "…되어 있습니다", "…하여 주시면";
  a casual sentence end is the contracted "돼", "줘", "해");
* ``OPEN``      — neither (a bare noun "목요일", a number): the words alone do not tell.

Pure text rules, no model: it runs on every speculative transcript (at each short pause of the caller).
"""

from __future__ import annotations

import re
from enum import Enum


class Ending(str, Enum):
    FINAL = "final"
    CONTINUES = "continues"
    OPEN = "open"


# whole-word answers and fillers (compared without spaces and punctuation)
_YES_NO = frozenset({"네", "예", "넵", "응", "어어", "아니요", "아니오", "아뇨", "아니", "아니에요", "맞아", "맞아요",
                     "그래", "그럼", "좋아", "싫어", "됐어", "괜찮아", "감사합니다", "고맙습니다"})
_FILLERS = frozenset({"음", "어", "아", "저", "그", "저기", "그게", "뭐", "이제", "막", "좀", "어어어", "으음", "에",
                      "그러니까", "그니까", "근데", "그런데", "그래서", "그리고", "그러면", "아니면", "혹시",
                      "제가", "저는", "그냥"})

# connective endings (checked before the final ones: "니까" ends in 까, "는데" in 데)
_CONNECTIVES = ("는데", "은데", "인데", "한데", "던데", "니까", "지만", "는데도", "려고", "으려고", "면서",
                "으면", "거나", "든지", "다가", "도록", "어서", "아서", "해서", "워서", "라서", "이라서", "고서",
                "는지", "은지", "길래", "더니", "자마자", "며", "고", "서", "면")
# adnominal forms: a noun must follow ("어려울 [것입니다]", "불편한 [점]", "예약된 [시간]")
_ADNOMINALS = ("할", "될", "울", "던", "한", "된")
# particles left bare at the end of a phrase
_PARTICLES = ("에서", "에게", "한테", "께서", "부터", "까지", "이랑", "으로", "처럼", "보다", "하고", "이나", "마다",
              "은", "는", "이", "가", "을", "를", "에", "랑", "와", "과", "도", "만", "로", "의")
# sentence-final endings (polite, formal, casual); "요" covers …예요/…세요/…는데요/…고요
_FINALS = ("습니다", "습니까", "니다", "니까요", "세요", "예요", "에요", "이요", "요", "죠", "다", "까", "네", "군",
           "걸", "래", "지", "줘", "돼", "해", "봐", "이야", "거야", "게")
# casual finals too short to trust on a one-syllable word ("게" alone is a noun)
_CASUAL = ("지", "줘", "돼", "해", "봐", "게", "래", "걸", "군", "네")
# casual "…어/…아" only after a verb or adjective stem that ends a sentence (not adverbs: 심지어, 게다가)
_CASUAL_EO = ("었어", "았어", "였어", "했어", "겠어", "싶어", "있어", "없어", "좋아", "싫어", "몰라", "잖아", "거든",
              "같아", "아파", "괜찮아", "알았어", "그래")

# medial vowels (the syllable's index // 28 % 21) that contract with a following 어: ㅚ (되어 → 돼), ㅜ (주어 → 줘),
# ㅣ (이어 → 여, 지어 → 져)
_CONTRACTING_VOWELS = frozenset({11, 13, 20})

_PUNCT_TAIL = re.compile(r"[\s.!?。？！~…\"'”’)\]]+$")
_CONTINUATION_MARK = re.compile(r"(,|，|…|\.\.\.?|-)\s*$")
_HANGUL = re.compile(r"[가-힣]")


def _has_final_consonant(syllable: str, jongseong: int | None = None) -> bool:
    """Whether a Hangul syllable has a final consonant (``jongseong``: that one, e.g. 8 for ㄹ)."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return False
    tail = code % 28
    return tail != 0 if jongseong is None else tail == jongseong


def sentence_ending(text: str) -> Ending:
    """Classify how ``text`` (one speculative transcript) ends; see the module docstring."""
    stripped = text.strip()
    if not stripped:
        return Ending.OPEN
    if _CONTINUATION_MARK.search(stripped):
        return Ending.CONTINUES
    question = stripped.rstrip(" .!~…\"'”’").endswith(("?", "？"))
    core = _PUNCT_TAIL.sub("", stripped)
    words = core.split()
    if not words:
        return Ending.OPEN
    last = re.sub(r"[^가-힣0-9A-Za-z]", "", words[-1])
    if not last:
        return Ending.OPEN
    if all(re.sub(r"[^가-힣]", "", w) in _YES_NO for w in words):
        return Ending.FINAL
    if last in _FILLERS:
        return Ending.CONTINUES
    if not _HANGUL.search(last[-1]):
        return Ending.FINAL if question else Ending.OPEN
    if last.endswith("요") or last.endswith(("습니다", "습니까", "니다")):
        return Ending.FINAL
    if _ends_with_connective(last):
        return Ending.CONTINUES
    if last.endswith(_PARTICLES) and len(last) >= 2:
        return Ending.CONTINUES
    if last.endswith(_ADNOMINALS) and len(last) >= 2:
        return Ending.CONTINUES
    if _ends_final(last):
        return Ending.FINAL
    return Ending.FINAL if question else Ending.OPEN


def _ends_with_connective(word: str) -> bool:
    for ending in _CONNECTIVES:
        if word.endswith(ending) and len(word) > len(ending):
            return True
    if _uncontracted_infinitive(word):
        return True
    # "…어야/…아야" (해야, 거쳐야, 가야: "must …", more follows), but not the copula "…이야/…거야/뭐야"
    if len(word) >= 2 and word.endswith("야") and not word.endswith(("이야", "거야", "뭐야")):
        return True
    # "…ㄴ데" / "…는데" on any stem: 간데, 큰데, 좋은데 (the syllable before 데 ends in ㄴ)
    return len(word) >= 2 and word.endswith("데") and _has_final_consonant(word[-2], 4)


def _uncontracted_infinitive(word: str) -> bool:
    """"…되어", "…주어", "…이어", "…하여": the infinitive after an open stem whose vowel speech contracts
    (ㅚ, ㅜ, ㅣ + 어 → 돼, 줘, 여; 하 + 여 → 해). Not after a closed syllable: "영어", "단어" are nouns, and "먹어",
    "있어" may be casual sentence ends."""
    if len(word) < 2 or word[-1] not in "어여" or not _HANGUL.search(word[-2]) or _has_final_consonant(word[-2]):
        return False
    if word[-1] == "여":
        return word[-2] == "하"
    return (ord(word[-2]) - 0xAC00) // 28 % 21 in _CONTRACTING_VOWELS


def _ends_final(word: str) -> bool:
    if word.endswith(_CASUAL_EO):
        return True
    for ending in _FINALS:
        if not word.endswith(ending) or len(word) <= len(ending):
            continue
        if ending in _CASUAL and len(word) < 2:
            continue
        if ending == "게" and not _has_final_consonant(word[-2], 8):  # 할게/갈게, not 빠르게/그렇게
            continue
        if ending == "까" and word.endswith("니까"):
            continue
        return True
    return False
