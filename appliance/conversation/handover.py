"""Staff handover and emergencies, written once for inbound and campaign calls.

While the clinic is open the call is transferred (nobody answers -> the dialplan's voicemail); after hours a
callback task lands in the staff queue and the dialog ends the way its carrier ends after hours: an inbound
call goes to voicemail, a campaign call says when staff will call back. An emergency always leaves a
priority-1 callback first, whatever happens to the call next.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any, Callable

from appliance.conversation.actions import Action, End, Say, says
from appliance.conversation.outcomes import NextStep, Outcome

_LOGGER = logging.getLogger(__name__)

AddCallback = Callable[[str, int, "str | None"], Any]  # (reason, priority, note) -> id


@dataclasses.dataclass(frozen=True)
class AfterHours:
    """How a dialog ends when nobody can take the call now."""

    staff: tuple[str, ...]  # phrases (keys or ``phrases.JOINED`` names) when the caller asked for staff
    staff_next: NextStep  # voicemail | hangup
    staff_outcome: Outcome
    emergency: tuple[str, ...]  # phrases after an emergency (guidance may follow)
    emergency_next: NextStep
    emergency_tail: tuple[str, ...] = ()  # said after the facts' guidance


INBOUND = AfterHours(staff=("staff_after_hours", "leave_message"), staff_next=NextStep.VOICEMAIL,
                     staff_outcome=Outcome.VOICEMAIL, emergency=("emergency_after_hours",),
                     emergency_next=NextStep.VOICEMAIL, emergency_tail=("leave_message",))
CAMPAIGN = AfterHours(staff=("ob_staff_unavailable",), staff_next=NextStep.HANGUP, staff_outcome=Outcome.CALLBACK,
                      emergency=("ob_problem_callback",), emergency_next=NextStep.HANGUP)


class Handover:
    """Transfer, callback and emergency endings of one call."""

    def __init__(self, *, open_now: Callable[[], bool], add_callback: AddCallback, after_hours: AfterHours,
                 can_say: Callable[[str], bool] = lambda text: False, guidance: str = ""):
        self.open_now = open_now
        self.add_callback = add_callback
        self.after_hours = after_hours
        self.can_say = can_say
        self.guidance = (guidance or "").strip()

    def is_open(self) -> bool:
        try:
            return bool(self.open_now())
        except Exception:
            _LOGGER.warning("opening hours unknown; treating the clinic as closed")
            return False

    def to_staff(self, summary: str, *, outcome: Outcome, reason: str, priority: int = 4,
                 after_hours_reason: str | None = None, note: str | None = None) -> tuple[list[Action], bool]:
        """(actions, transferred). After hours a callback task is left with ``after_hours_reason``."""
        if self.is_open():
            return [Say("transfer", barge_in=False), End(NextStep.TRANSFER, outcome, summary=summary)], True
        self.add_callback(after_hours_reason or reason, priority, note)
        ah = self.after_hours
        out: list[Action] = list(says(*ah.staff, barge_in=False))
        return out + [End(ah.staff_next, ah.staff_outcome, summary=summary)], False

    def emergency(self, summary: str, *, outcome: Outcome, transfer_key: str, reason: str,
                  note: str | None = None) -> tuple[list[Action], bool]:
        """Priority-1 callback, then staff now (open) or the after-hours guidance."""
        self.add_callback(reason, 1, note)
        if self.is_open():
            return [*says(transfer_key, barge_in=False), End(NextStep.TRANSFER, outcome, summary=summary)], True
        ah = self.after_hours
        out: list[Action] = list(says(*ah.emergency, barge_in=False))
        if self.guidance and ah.emergency_tail and self.can_say(self.guidance):
            out.append(Say(text=self.guidance, barge_in=False))
        out += says(*ah.emergency_tail, barge_in=False)
        return out + [End(ah.emergency_next, outcome, summary=summary)], False
