"""Days told by the lunar calendar (round 20, blind27): "음력으로 보름 지나서 갈게" names the lunar fifteenth, not a
fortnight from today, and the rules cannot turn a lunar day into a solar date: the words after "음력" are set aside
before the dates are read, so the date stays empty for staff ("음력 설 쇠고 나서 …" likewise)."""

from __future__ import annotations

import re

# "음력", "음력으로", "음력 칠월 초하루": the calendar word and up to three words after it
_LUNAR_PHRASE = re.compile(r"음력\s?(?:으로|로|상으로)?(?:\s?[가-힣\d]+){0,3}")


def without_lunar_days(text: str) -> str:
    """``text`` without a lunar day's words (``text`` itself when no lunar day is told)."""
    return _LUNAR_PHRASE.sub(" ", text) if "음력" in text else text
