"""A refusal of calls that also drops the booked visits: "아버지가 지난주에 돌아가셔가 예약된 거 다 없애 주시고 연락도
인제 안 주셔도 됩니더" on a reminder. The opt-out alone stops the calls and leaves the visits booked, so the clinic
would still expect the patient.

The visits are cancelled only when the words ask it plainly ("취소", or "없애/지워/없던 걸로" with "예약"; not "예약은
취소하지 말고 전화만 그만 주세요"), identity is proven, and they are one patient's; otherwise, when the words ask it,
staff get a callback with the words to sort it out. What the patient hears is only what was done."""

from __future__ import annotations

import re
from typing import Any

from appliance.conversation.actions import Action, Say
from appliance.conversation.move_or_cancel import cancel_said, said_plainly
from appliance.conversation.outcomes import EventKind

_DROPPED = re.compile(r"없애|없던\s*걸로|지워|지우")
_A_VISIT = re.compile(r"예약")
NOTE_MAX = 500


def asks_the_visits_cancelled(text: str) -> bool:
    """The refusal's words ask the booked visits away too."""
    return cancel_said(text) or bool(_A_VISIT.search(text) and said_plainly(_DROPPED, text))


def drop_visits(d: Any, words: str) -> list[Action]:
    """Cancel the call's booked visits when the refusal asks it (see the module); what the patient hears first."""
    if not d.appointments or not asks_the_visits_cancelled(words):
        return []
    patients = {a.get("patient_id") for a in d.appointments}
    if not d.identity.confirmed or len(patients) != 1:
        d.ops.callback("opt-out asking the booked visits cancelled: staff to check", 3, words[:NOTE_MAX])
        return []
    if not all(d.ops.cancel(a) for a in d.appointments):
        d.ops.callback("opt-out asking the booked visits cancelled: cancellation failed", 3, words[:NOTE_MAX])
        return []
    for a in d.appointments:
        d.event(EventKind.CANCELLED, patient_id=a.get("patient_id"), start=a["start"])
    return [Say("cancelled")]
