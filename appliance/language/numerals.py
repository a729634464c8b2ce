"""Korean numerals as spoken on the phone: Sino-Korean (일, 이, 삼 … 십, 공/영), native (한, 두, 세 … 열두),
and Arabic digits as STT writes them, plus digit-by-digit strings (phone numbers, birth dates).

The regex fragments here are shared by :mod:`appliance.language.when`; they are written so that they also
work on STT output without spaces ("오후세시반").
"""

from __future__ import annotations

import re

SINO_DIGITS = {"공": 0, "영": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8,
               "구": 9}

NATIVE = {
    "하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "석": 3, "넷": 4, "네": 4, "넉": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
    "열하나": 11, "열한": 11, "열둘": 12, "열두": 12, "스물": 20, "스무": 20,
    # round 20: the 24-hour clock read aloud ("열네 시", "열다섯 시 반"), written without a space
    "열셋": 13, "열세": 13, "열넷": 14, "열네": 14, "열다섯": 15, "열여섯": 16, "열일곱": 17, "열여덟": 18,
    "열아홉": 19,
    "스물하나": 21, "스물한": 21, "스물둘": 22, "스물두": 22, "스물셋": 23, "스물세": 23, "스물넷": 24, "스물네": 24,
}

# longest first, so "열한" wins over "열" and "일곱" over the Sino "일"
NATIVE_RE = (r"(?:열셋|열세|열넷|열네|열다섯|열여섯|열일곱|열여덟|열아홉|스물하나|스물한|스물둘|스물두|스물셋|스물세|"
             r"스물넷|스물네|열\s?하나|열\s?한|열\s?둘|열\s?두|스물|스무|다섯|여섯|일곱|여덟|아홉|"
             r"하나|열|한|둘|두|셋|세|석|넷|네|넉)")
_D = "[일이삼사오육륙칠팔구]"
# Sino-Korean 1..99 (strict: "일삼" is not a number, "십삼" is)
SINO_RE = rf"(?:{_D}?십{_D}?|{_D})"
SINO_MULTI_RE = rf"(?:{_D}?십{_D}?)"


def sino_value(text: str) -> int | None:
    """Value of a Sino-Korean numeral below 100 ("삼십오" → 35), None if it is not one."""
    text = text.replace(" ", "")
    if not text:
        return None
    if "십" in text:
        tens, _, units = text.partition("십")
        t = SINO_DIGITS.get(tens, None) if tens else 1
        u = SINO_DIGITS.get(units, None) if units else 0
        if t is None or u is None:
            return None
        return t * 10 + u
    if len(text) == 1 and text in SINO_DIGITS:
        return SINO_DIGITS[text]
    return None


def native_value(text: str) -> int | None:
    return NATIVE.get(text.replace(" ", ""))


def number_value(text: str) -> int | None:
    """Arabic, native or Sino numeral → int (None when it is none of these)."""
    text = text.replace(" ", "")
    if text.isdigit():
        return int(text)
    value = native_value(text)
    if value is not None:
        return value
    return sino_value(text)


_DIGIT_WORD = {**{k: str(v) for k, v in SINO_DIGITS.items()}, **{str(i): str(i) for i in range(10)}}
_DIGIT_STRING = re.compile(r"^[0-9공영일이삼사오육륙칠팔구\s\-.,]+$")
# round 15: a hedge after the digits ("삼 구 일 이 공 사 맞나 모르겠네") leaves them digits
_DIGIT_TAIL = re.compile(r"\s*(?:요|입니다|예요|이구요|이고요|(?:이\s?)?맞(?:나|나요|죠|는지|을걸요|을\s?거예요)"
                         r"(?:\s?모르겠(?:네|네요|어요))?)$")


def spoken_digits(text: str) -> str | None:
    """Digit-by-digit readings ("공일공 일이삼사", "팔오공삼일이", "010-1234") → "0101234"; None otherwise.

    Only when the whole utterance is digits (optionally + 요/입니다): "일이 생겨서" must not become "12".
    """
    body = _DIGIT_TAIL.sub("", text.strip())
    if not body or not _DIGIT_STRING.match(body):
        return None
    digits = "".join(_DIGIT_WORD[c] for c in body if c in _DIGIT_WORD)
    return digits if len(digits) >= 4 else None
