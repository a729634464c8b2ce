"""A birth date as callers give it on the phone -> the six digits YYMMDD.

Callers key it ("850302"), read it digit by digit or in pairs as their 주민번호 ("팔오 공삼 공이", "팔이 영구 일팔이요",
"여덟 둘 공 아홉 하나 여덟", "82 09 18"), or say it as a date ("팔십오년 삼월 이일", "85년 3월 2일생이요",
"천구백팔십오 년 삼 월 이 일", "구월 십팔일 팔십이년생", "82년생 9월 18일이요"); eight digits (19850302)
are accepted too.
Nothing is guessed: a month 13, a 32nd, a day the month does not have, a birth in the future, a reading that could
be two different dates — each is refused (None), and the identity step asks again.
"""

from __future__ import annotations

import datetime as dt
import re

from appliance.language.digit_groups import digit_readings
from appliance.language.numerals import spoken_digits

_SINO = {"공": 0, "영": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "유": 6, "칠": 7, "팔": 8,
         "구": 9}
_UNITS = {"천": 1000, "백": 100, "십": 10, "시": 10}  # 시월 = 10월
_NUM = "[0-9일이삼사오육륙칠팔구십백천공영]"
_MONTH = "[0-9일이삼사오육륙칠팔구십유시]{1,3}"
_DAY = "[0-9일이삼사오육륙칠팔구십]{1,3}"
_FILLER = "(?:이고요|이구요|이고|이구|인데요|인데|이요|요)?"  # "팔이년생이고요 구월 십팔일"
_YMD = re.compile(rf"(?P<y>{_NUM}{{2,8}})년(?:생|도)?{_FILLER}(?P<m>{_MONTH})월(?P<d>{_DAY})일")
_MDY = re.compile(rf"(?P<m>{_MONTH})월(?P<d>{_DAY})일(?:에|이고|이구)?(?P<y>{_NUM}{{2,8}})년(?:생|도)?")


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


def _valid(y: int, mo: int, d: int, today: dt.date) -> bool:
    """A real calendar day, not in the future: a two-digit year may be of either century (19YY or 20YY)."""
    years = [y] if y >= 100 else [1900 + y, 2000 + y]
    for year in years:
        if not 1900 <= year <= today.year:
            continue
        try:
            if dt.date(year, mo, d) <= today:
                return True
        except ValueError:
            continue
    return False


def _said_as_date(compact: str, today: dt.date) -> str | None:
    """YYMMDD of a date said with 년/월/일 in either order; "" when one was said but it is no birth date."""
    m = _YMD.search(compact) or _MDY.search(compact)
    if not m:
        return None
    y, mo, d = (sino_number(m.group(k)) for k in ("y", "m", "d"))
    if y is None or mo is None or d is None or not (y < 100 or 1900 <= y) or not _valid(y, mo, d, today):
        return ""
    return f"{_two(y)}{mo:02d}{d:02d}"


def _as_birth6(digits: str, today: dt.date) -> str | None:
    if len(digits) == 8 and digits[:2] in ("19", "20"):
        y, mo, d = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    elif len(digits) == 6:
        y, mo, d = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    else:
        return None
    return f"{_two(y)}{mo:02d}{d:02d}" if _valid(y, mo, d, today) else None


def birth6(text: str, digits: str | None = None, today: dt.date | None = None) -> str | None:
    """The six digits YYMMDD of a birth date in ``text`` (``digits``: the understanding's digit reading); None
    when there is none, or it is impossible or ambiguous (``today``: births after it are impossible)."""
    today = today or dt.date.today()
    compact = re.sub(r"[\s.,\-/]+", "", text or "")
    said = _said_as_date(compact, today)
    if said is not None:
        return said or None
    readings = {digits, spoken_digits(text or ""), re.sub(r"\D", "", text or "")} | digit_readings(text or "")
    dates = {b for b in (_as_birth6(r, today) for r in readings if r) if b}
    return dates.pop() if len(dates) == 1 else None
