"""Identity details told unasked before the point (issue 15, round 18: blind25).

A caller often opens with their name, birth date and the last digits of their number ("저 이상훈인데요 칠구년 오월
삼일 번호 뒷자리 이칠이칠 내일 예약 취소요", "팔삼년 시월 육일생이에요"). A birth date said to identify oneself is
no day for a visit: :func:`without_birth_date` blanks it out before the dates are read, so "내일" is the day asked.
A date with its year is a birth date when "생" follows it or an identity cue (뒷자리, 생년월일, 주민) is said in the
same breath; "이천사십사년 오월 삼일에 예약" stays a date.
"""

from __future__ import annotations

import re

_NUM = r"[일이삼사오육칠팔구십공영\d]"
_BIRTH_DATE = re.compile(
    rf"(?:(?:천구백|이천)?{_NUM}{{1,3}}|\d{{2,4}})\s*년\s*(?:생\s*)?(?:{_NUM}{{1,3}}|시|유)\s*월\s*{_NUM}{{1,3}}\s*일\s*"
    r"(?P<born>생)?"
)
# the last digits of one's number, said with the birth date ("뒷자리 일일이삼이에요"): no day of the month either
_LAST_DIGITS = re.compile(rf"(?:뒷\s*자리|뒷\s*번호)(?:\s*(?:는|가|요))?\s*(?:{_NUM}\s*){{2,4}}")
_IDENTITY_CUE = re.compile(r"뒷\s*자리|뒷\s*번호|생년\s*월일|주민|생일은?")


def without_birth_date(text: str) -> str:
    """``text`` with a birth date told to identify oneself blanked out (see the module docstring)."""
    cue = bool(_IDENTITY_CUE.search(text))
    told = _BIRTH_DATE.sub(lambda m: " " * len(m.group(0)) if cue or m.group("born") else m.group(0), text)
    return _LAST_DIGITS.sub(lambda m: " " * len(m.group(0)), told)
