"""A refusal heard but not understood as one: ask once, never drop it, never opt out on a guess.

The rules decide opt-outs; the statistical model may not (a wrong opt-out drops a patient for good). When the
understanding is not ``opt_out`` but the words sound like a refusal of contact
(:func:`appliance.language.opt_out_check.sounds_like_opt_out`: "앞으로 이런 안내 받고 싶지 않아요"), the dialog asks one
yes/no question, "앞으로 병원 안내 연락을 그만 받으시겠어요?" (``opt_out_check``), wherever the call is:

* yes, a refusal in so many words ("네", "안 받을래요", "수신거부요") or key 1: the dialog's own opt-out path
  (stored at once, "수신거부 처리되었습니다");
* no ("아니요", "계속 받을게요", "수신거부 하지 마세요" — even if the understanding read that as an opt-out) or
  key 2: "네, 알겠습니다." and the question that was open, asked again; nothing stored;
* anything else ("필요 없어요" and "싫어요" included: they may refuse the opt-out as well as the calls): not
  confirmed, the open question again (nothing is stored on a guess).

Key 9 (the dialogs' opt-out key), 0 (staff), an emergency or a request for staff keep working on the question.
The call's events show ``opt_out_check`` (asked, and during which question) and, unless the caller opted out,
``opt_out_not_confirmed`` with the answer ("no" or "unclear").

A caller is not asked again and again: after a "no" the check is not asked again in the same call (they said they
want the clinic's calls), and it is asked at most twice in a call (:data:`MAX_ASKS`); a refusal the rules read
("수신거부요", key 9) always works.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Flow, Step, said_no, said_yes
from appliance.conversation.outcomes import EventKind
from appliance.conversation.phrases import PHRASES
from appliance.language.opt_out_check import sounds_like_opt_out

STATE = "optout_check"
MAX_ASKS = 2
"""The check is asked at most this often in one call (an unclear answer may be asked once more)."""
ABOUT_CONTACT = ("offer_sms",)
"""Questions about a text or a call themselves: "문자는 필요 없어요" answers them (``about_contact``)."""
_NOT_RECEIVING = re.compile(
    r"안\s*받|그만\s*받|받기\s*싫|받고\s*싶지\s*않|(?:보내|하|주|걸)지\s*(?:마|말)|빼\s*주|빼\s*줘|지워|삭제|거부|"
    r"사절|그만\s*(?:하|주|보내)"
)
"""An answer that says "do not contact me" in so many words ("안 받을래요" is a yes to "…그만 받으시겠어요?", whatever
its polarity reads as). Not "필요 없어요" or "원치 않아요": they may refuse the opt-out as well as the calls."""
_KEEP = re.compile(
    r"계속\s*(?:받|주|연락|보내)|(?<!안)(?<!안\s)(?<!그만)(?<!그만\s)(?:받을게|받을께|받겠|받을래)|연락\s*주세요"
    r"|(?:거부|삭제|처리)\s*(?:는\s*)?(?:하지\s*마|하지\s*말|안\s*해|안\s*하셔)|(?:빼|지우)지\s*(?:마|말)"
)
"""An answer that keeps contact ("아니요 계속 받을게요", "연락 주세요", "수신거부 하지 마세요", "빼지 마세요")."""
Resume = Callable[[list[Action]], "Actions | None"]


class OptOutCheck(Flow):
    """The check question; ``confirmed`` is the dialog's opt-out path, ``resume`` (optional) says the open question
    again in its own words (a booking proposal read back) or returns None for the step's re-ask."""

    def __init__(self, dialog: Any, confirmed: Callable[[], Actions], resume: Resume | None = None):
        super().__init__(dialog)
        self.confirmed = confirmed
        self.resume = resume
        self.pending: str | None = None
        self.refusal: str | None = None  # the words that sounded like a refusal (they name the opt-out's scope)
        self.asked = 0
        self.declined = False

    def heard(self, u: Any, text: str, step: Step) -> Actions | None:
        """The check question when the words sound like a refusal the understanding did not read; else None."""
        d = self.d
        if d.state == STATE or getattr(u, "intent", None) in ("opt_out", "emergency") or getattr(u, "urgent", False):
            return None
        if self.declined or self.asked >= MAX_ASKS:
            return None
        if not sounds_like_opt_out(text, step.expect, about_contact=d.state in ABOUT_CONTACT):
            return None
        self.pending, self.refusal = d.state, text
        self.asked += 1
        d.event(EventKind.OPT_OUT_CHECK, during=d.state)
        return d.ask(STATE, ["opt_out_check"])

    def keeps_contact(self, text: str) -> bool:
        """On the check question, an answer that keeps contact in so many words ("수신거부 하지 마세요"), whatever the
        understanding read (the dialogs then let this step answer, not their opt-out path)."""
        return self.d.state == STATE and bool(_KEEP.search(text))

    def _words(self, u: Any, text: str) -> Actions:
        if _KEEP.search(text):
            return self._back("no")
        self.refusal = " ".join(w for w in (self.refusal, text) if w)  # "아니 문자 보내지 말라고요" names a scope too
        if getattr(u, "intent", None) == "opt_out":
            return self.confirmed()
        if _NOT_RECEIVING.search(text) or (said_yes(u) and not said_no(u)):
            return self.confirmed()
        return self._back("no" if said_no(u) else "unclear")

    def _keys(self, digits: str) -> Actions:
        if digits[:1] == "1":
            return self.confirmed()
        return self._back("no" if digits[:1] == "2" else "unclear")

    def _back(self, answer: str) -> Actions:
        """The open question again (nothing stored)."""
        d = self.d
        state = self.pending or d.START[0]
        self.declined = self.declined or answer == "no"
        d.event(EventKind.OPT_OUT_NOT_CONFIRMED, answer=answer, during=state)
        before: list[Action] = [Say("understood")] if answer == "no" else []
        d.trace.append((STATE, state))
        d.state, d.misses = state, 0
        if self.resume is not None:
            out = self.resume(before)
            if out is not None:
                return out
        return d.ask(state, question_of(state, d.steps[state][1]), before=before)

    def links(self, states: list[str]) -> dict[str, tuple[str, ...]]:
        """The check leads back to whichever question was open (for the dialog's declared graph)."""
        return {STATE: tuple(s for s in states if s != STATE)}

    STEPS = {
        STATE: Step("yes_no", _words, _keys, reask=("opt_out_check",), keypad="yes_no_keys", timeout_s=6.0),
    }


def question_of(state: str, step: Step) -> list[str]:
    """The words that ask ``state``'s question again: its re-ask without the apology ("죄송하지만 다시 …": the
    caller was understood), led by the question's own phrase when the re-ask only names keys ("예약 내용을 문자로
    보내 드릴까요?" + "네는 1번, …") or is only the apology."""
    keys = [k for k in step.reask if k != "sorry_again"]
    if state in PHRASES and all(k.endswith("_keys") for k in keys):
        return [state, *keys]
    return keys or list(step.reask)
