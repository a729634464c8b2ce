"""A caller who cannot make a day ("그날 안 될 것 같은데요"): in a reminder it cancels the visit, to a proposed slot it
is a no, and a day named after it ("다음 주 수요일 아 그날 안 되겠다 목요일로요") is the answer. A slot still asked
for after it ("네 시 넘어서밖에 안 되는데 목요일 그 시간에 자리 있어요?") is not this: the booking goes on."""

from __future__ import annotations

import re

from appliance.language import lexicon as lx
from appliance.language import reply_words as rw
from appliance.language.replies import SURE

_STILL_ASKS = re.compile(r"자리|시간|되나|돼요|가능|있어요|있나")
_DAY_LAST = re.compile(r"(?:시|반|분|요일|일)(?:으로|로|에)?(?:요|이요)?$")


def cannot_make_it(compact: str, expect: str | None, dated: bool) -> tuple[str, float] | None:
    """cancel, book or no for "can't make it" words in ``compact`` (``dated``: a date was heard); None otherwise."""
    impossible = rw.NOT_POSSIBLE.search(compact)
    if impossible is None:
        return None
    after = compact[impossible.end():]
    if lx.BOOK.search(after) and _STILL_ASKS.search(after):
        return None
    if expect in ("confirm", "reminder") or expect is None and dated:
        return "cancel", 0.75
    if expect in ("date", "time") and _DAY_LAST.search(after):
        return "book", 0.85
    return "no", SURE if expect in ("date", "time") and not after else 0.75  # "금요일은 안 되는데": no day given
