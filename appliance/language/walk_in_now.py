"""A walk-in asked for now names today (issue 15, round 36: blind57).

"저 야간 근무 끝나고 지금 가도 돼요", "지금 대기 많아요? 바로 가면 볼 수 있어요", "지금 가면 늦어요? 여섯 시 반쯤
도착하는데": a visit asked for right now, with no day word, is a visit today (6 of 7 such earlier labelled bookings;
round 31 wrote it down for "오늘 … 지금 가도 돼요"). An emergency names no day (491 of 493 labels), so the
emergency words, and bleeding, trauma or a severe pain told beside it, keep it dayless; a cover question ("지금 가도
보험 적용돼요") asks about no visit; "퇴근하고 바로 가면", with no "지금", is no walk-in now.
"""

from __future__ import annotations

import datetime as dt
import re

from appliance.language.dates import DateResult
from appliance.language.emergency_heard import sounds_like_emergency
from appliance.language.questions import urgent

_WALK_IN_NOW = re.compile(
    r"(?:지금|바로)(?:이라도|라도)?(?:바로)?(?:가면|가도|들어가면|들어가도|출발하면)(?:바로)?.{0,4}"
    r"(?:볼수|봐주|봐줄|진료|받을수|받아주|돼요|되나요|될까요|되죠|늦어요|늦나요|괜찮)"
    r"|(?:가도|가면)(?:돼요|되나요|될까요|괜찮아요|봐주세요)지금(?:요)?$"  # round 37: "그냥 가도 돼요 지금"
    # round 47: "지금 출발할게요 바로 진료 볼 수 있죠": on one's way now, then seen at once asked
    r"|지금(?:바로)?(?:갈게|가께|갈께|출발할게|출발해요|출발했|갑니다|가요)[가-힣]{0,8}(?:봐주|볼수|진료|받을수)")
_NOT_A_VISIT = re.compile(r"보험|적용|실비|기다려야|대기시간")
_DAY_WORD = re.compile(r"오늘|내일|모레|요일|주말|다음주|이번주|[0-9일이삼사오육칠팔구십]일(?:에|날|로)")


def walk_in_today(text: str, found: list[DateResult], today: dt.date) -> list[DateResult]:
    """``found``, or today when nothing was found and a walk-in is asked for now (module docstring)."""
    if found:
        return found
    compact = re.sub(r"\s+", "", text)
    if _WALK_IN_NOW.search(compact) is None or "지금" not in compact:
        return found
    if _NOT_A_VISIT.search(compact) or _DAY_WORD.search(compact) or sounds_like_emergency(compact) or urgent(compact):
        return found
    return [DateResult(today, None, 0, 0, kind="walk_in")]
