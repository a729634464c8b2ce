"""Whether an answer to the date question refuses the day it names ("내일은 안 돼요", "금요일은 좀 어려워요").

The transcript carries no tone, so "내일은 안 돼요" reads both as "tomorrow does not suit me" and, with a rising
tone, as "is tomorrow not possible?". A question's form ("…안 될까요", "…안 되나요", "…안 돼요?", "…죠") keeps the
day as the wish (round 27's convention: a bare day answered to the date question is a booking on it); a flat
"…은 안 돼요" with no other day is a day the caller cannot come, and the desk asks again with that day left out
rather than offering it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

# the day's topic particle, a few words of reason at most, then the refusal ending the answer
_REFUSED = re.compile(r"[은는]\s.{0,16}?(안\s*(돼|되|됩)|어렵|어려워|힘들|힘듭|못\s*(가|와|오|갑|갈))\S*"
                      r"(\s*(것|거)\s*같\S*)?\s*[.!]?\s*$")
_THAT_DAY = re.compile(r"그\s*날|그\s*때|그\s*요일")
_ASKED = re.compile(r"\?|까요|까\s*$|나요|\S나\s*$|죠|는지|냐|니\s*$|\S가요\s*$")


def refused_day(u: Any, text: str, that_day: dt.date | None = None) -> dt.date | None:
    """The one day ``u`` names only to say it does not suit, else None. ``that_day`` is the day just offered, for
    "그날은 안 돼요" to a proposal."""
    if getattr(u, "date_range", None) or getattr(u, "time", None) or getattr(u, "time_range", None):
        return None  # "내일은 안 되고 세 시요": a time still to be read as the wish
    flat = text.strip()
    if not _REFUSED.search(flat) or _ASKED.search(flat):
        return None
    if getattr(u, "date", None):
        return dt.date.fromisoformat(u.date)
    return that_day if that_day is not None and _THAT_DAY.search(flat) else None
