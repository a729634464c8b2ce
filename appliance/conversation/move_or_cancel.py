"""The answer to "날짜를 바꿔 드릴까요, 아니면 취소해 드릴까요?": one reader for the inbound change-or-cancel question
(after key 3 or "예약 변경") and the reminder's move-or-cancel question (after "그날은 못 가요").

A word said under a negation chooses nothing: "취소 안 해요" is no cancel, "바꾸지 말고 그냥 취소해 주세요" is a
cancel, "그날 갈 수가 없어요" keeps nothing. Where the words do not decide, the understanding's intent does."""

from __future__ import annotations

import re
from typing import Any, Literal

from appliance.conversation.asker import LEAVE_AS_IS

Choice = Literal["move", "cancel", "keep", "no"]

MOVE = re.compile(r"바꿔|바꾸|바까|바꿀|변경|옮겨|옮기|옮길|미뤄|미루|미룰|당겨|당기|당길|다른\s*날|날짜\s*를?\s*바")
CANCEL = re.compile(r"취\s*소")
# after the word: "…지 말고", "…는 하지 마세요", "… 안 해요", "…하지 않", "… 말고"
_NEGATED_AFTER = re.compile(r"\w{0,2}?\s*(?:는|은)?\s*"
                            r"(?:하지\s*(?:마|말)|지\s*(?:마|말)|말고|말아|안\s*(?:할|해|하)|않|못\s*(?:해|하))")
_GOING = re.compile(r"(?<!안)(?<!못)(?<!안 )(?<!못 )(?:갈게|갈께|가께|가겠|갑니다|갈\s*(?:수|거)\s*(?:가\s*)?있)"
                    r"|안\s*바꿔도|바꾸지\s*않아도|" + LEAVE_AS_IS)


_NEGATED_BEFORE = re.compile(r"(?:안|못)\s*$")


def said_plainly(word: re.Pattern[str], text: str) -> bool:
    """The word is said at least once without a negation right before or after it ("안 바꿔도 돼요")."""
    return any(not _NEGATED_AFTER.match(text, m.end()) and not _NEGATED_BEFORE.search(text, 0, m.start())
               for m in word.finditer(text))


def cancel_said(text: str) -> bool:
    """"취소" said plainly (not "취소 안 해요", "취소는 하지 마세요")."""
    return said_plainly(CANCEL, text)


def choice(u: Any, text: str) -> Choice | None:
    """"move" (another day), "cancel", "keep" (the visit stays: "그냥 갈게요", "그대로 두세요"), "no" (a bare no: the
    caller chose neither; what that means is the asking flow's call) or None (unclear: asked again)."""
    intent = getattr(u, "intent", None)
    keep = bool(_GOING.search(text))
    move, cancel = said_plainly(MOVE, text), said_plainly(CANCEL, text)
    if move and not cancel:
        return "move"
    if cancel and not move:
        return "cancel"
    if move and cancel:  # both said plainly ("취소하고 다른 날로"): the understanding weighs them
        return "move" if intent == "reschedule" else "cancel" if intent == "cancel" else None
    if keep or intent == "confirm_appointment":
        return "keep"
    if intent in ("reschedule", "book"):
        return "move"
    if intent == "cancel" and not CANCEL.search(text):  # a cancel in other words ("그냥 없던 걸로 해 주세요")
        return "cancel"
    if intent == "no":
        return "no"
    return None
