"""A bare hour said for later today in the afternoon or evening (issue 15, round 19: blind26).

"애들 씻기는 중이라 이따 아홉 시쯤 다시 전화 주실래요" said at 18:50: "이따" (later today) names an hour still to
come, so a bare "아홉 시" that has already passed this morning is nine in the evening (21:00). A part of the day said
("오전", "아침") keeps the morning; a day named (내일, 월요일) is no later today.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from appliance.language.times import TimeResult

_LATER_TODAY = re.compile(r"이따|있다가|좀\s?있다|조금\s?있다|나중에|오늘\s?저녁|오늘\s?밤")
_MORNING_OR_DAY = re.compile(r"오전|아침|새벽|내일|모레|글피|요일|다음\s?주|[0-9일이삼사오육칠팔구십]+\s?일(?:에|날)")


def evening_hour(spaced: str, when: TimeResult, now: dt.datetime) -> TimeResult:
    """``when``, or its bare morning hour moved to the evening when said for later today past noon."""
    if when.time is None or now.hour < 12 or not _LATER_TODAY.search(spaced) or _MORNING_OR_DAY.search(spaced):
        return when
    hour, minute = (int(part) for part in when.time.split(":"))
    if hour >= 12 or hour + 12 > 23 or dt.time(hour + 12, minute) <= now.time():
        return when
    return dataclasses.replace(when, time=f"{hour + 12:02d}:{minute:02d}")
