"""A birth date as callers give it on the phone -> the six digits YYMMDD.

Callers key it ("850302"), read it digit by digit ("팔오 공삼 공이"), or say it as a date ("팔십오년 삼월 이일",
"85년 3월 2일생이요", "천구백팔십오 년 삼 월 이 일"); eight digits (19850302) are accepted too.
"""

from __future__ import annotations

import re

from appliance.language.numerals import spoken_digits

_SINO = {"공": 0, "영": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "유": 6, "칠": 7, "팔": 8,
         "구": 9}
_UNITS = {"천": 1000, "백": 100, "십": 10, "시": 10}  # 시월 = 10월
_NUM = "[0-9일이삼사오육륙칠팔구십백천공영]"
_YMD = re.compile(rf"(?P<y>{_NUM}{{2,8}})년(?:생|도)?(?P<m>[0-9일이삼사오육륙칠팔구십유시]{{1,3}})월"
                  rf"(?P<d>[0-9일이삼사오육륙칠팔구십]{{1,3}})일")


def sino_number(text: str) -> int | None:
    """"천구백팔십오" -> 1985, "팔십오" -> 85, "유" -> 6, "시" -> 10, "85" -> 85; None when not a number."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(c in _SINO and c not in "유" for c in text) and len(text) > 1:
        return int("".join(str(_SINO[c]) for c in text))  # read digit by digit: "팔오" -> 85
    total, digit = 0, None
    for c in text:
        if c in _UNITS:
            total += (digit if digit is not None else 1) * _UNITS[c]
            digit = None
        elif c in _SINO:
            if digit is not None:
                return None
            digit = _SINO[c]
        else:
            return None
    return total + (digit or 0)


def _two(n: int) -> str:
    return f"{n % 100:02d}"


def birth6(text: str, digits: str | None = None) -> str | None:
    """The six digits YYMMDD of a birth date in ``text`` (``digits``: the understanding's digit reading)."""
    compact = re.sub(r"[\s.,\-/]+", "", text or "")
    m = _YMD.search(compact)
    if m:
        y, mo, d = (sino_number(m.group(k)) for k in ("y", "m", "d"))
        if y is not None and mo is not None and d is not None and 1 <= mo <= 12 and 1 <= d <= 31 and (
                y < 100 or 1900 <= y < 2100):
            return f"{_two(y)}{mo:02d}{d:02d}"
        return None
    for candidate in (digits, spoken_digits(text or ""), re.sub(r"\D", "", text or "")):
        if not candidate:
            continue
        if len(candidate) == 8 and candidate[:2] in ("19", "20"):
            candidate = candidate[2:]
        if len(candidate) == 6 and 1 <= int(candidate[2:4]) <= 12 and 1 <= int(candidate[4:]) <= 31:
            return candidate
    return None
