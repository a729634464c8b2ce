"""Digits read out in groups, as callers read a 주민번호's front six digits: "팔이 공구 일팔이요", "팔이 영구 일팔",
"팔 이 공 구 일 팔", "여덟 둘 공 아홉 하나 여덟", "팔십이 공구 십팔", and as Whisper writes them ("82 09 18",
"8 2 0 9 1 8").

:func:`digit_readings` gives every digit string the utterance can be read as: a trailing "이요" may be the copula
("일팔이요" = 18) or a digit ("일이이요" = 122 …), so both readings are returned and the caller of this module keeps
only a reading that makes sense (and refuses when two do). Every word of the utterance must be digits, apart from a
lead-in ("생년월일은", "저는") and a polite ending: "일이 생겨서" is no number.
"""

from __future__ import annotations

import re

from appliance.language.numerals import SINO_DIGITS

# one word per digit: Sino-Korean (공/영 for 0), native ("여덟 둘 …"), Arabic; longest first for the scan
_WORDS = {**{k: str(v) for k, v in SINO_DIGITS.items()}, "하나": "1", "둘": "2", "셋": "3", "넷": "4", "다섯": "5",
          "여섯": "6", "일곱": "7", "여덟": "8", "아홉": "9", **{str(i): str(i) for i in range(10)}}
_ORDER = sorted(_WORDS, key=len, reverse=True)
_TENS = re.compile(r"^([이삼사오육칠팔구])?십([일이삼사오육칠팔구])?$")  # "십팔" 18, "팔십이" 82: one two-digit group
_LEAD_IN = re.compile(r"^.*?(?:생년월일|생일|주민(?:등록)?번호(?:\s?앞(?:자리)?)?|앞자리)(?:은|는|이|가|이요)?\s*|"
                      r"^(?:(?:저는?|제|네|예|어|음|그|아)\s+)+")
_ENDINGS = ("이에요", "이예요", "입니다", "이고요", "이구요", "이요", "예요", "에요", "이죠", "요", "죠", "이고",
            "이구")
_SPLIT = re.compile(r"[\s\-.,/]+")


def _word_digits(word: str) -> str | None:
    """One word's digits ("팔이" → "82", "여덟" → "8", "십팔" → "18", "09" → "09"), None when not digits."""
    tens = _TENS.match(word)
    if tens and word != "십":
        return f"{SINO_DIGITS.get(tens.group(1) or '일', 1)}{SINO_DIGITS[tens.group(2)] if tens.group(2) else 0}"
    out, i = [], 0
    while i < len(word):
        for w in _ORDER:
            if word.startswith(w, i):
                out.append(_WORDS[w])
                i += len(w)
                break
        else:
            return None
    return "".join(out) or None


def _reading(words: list[str]) -> str | None:
    parts = [_word_digits(w) for w in words]
    return "".join(p for p in parts if p is not None) if words and all(parts) else None


def digit_readings(text: str) -> set[str]:
    """Every digit string the whole utterance can be read as (empty when it is not only digits)."""
    body = _LEAD_IN.sub("", (text or "").strip())
    words = [w for w in _SPLIT.split(body) if w]
    if not words:
        return set()
    last = words[-1]
    tails = [last] + [last[:-len(e)] for e in _ENDINGS if last.endswith(e) and len(last) > len(e)]
    if last in _ENDINGS:  # "… 일팔 이요": the ending said apart
        tails.append("")
    readings = set()
    for tail in tails:
        reading = _reading(words[:-1] + ([tail] if tail else []))
        if reading:
            readings.add(reading)
    return readings
