"""The identity step: who is on the line, proven by a birth date before any patient detail is said.

Caller ID is not identity (numbers are spoofed, families share phones). Every flow that reads back or changes
a patient's data first calls :meth:`Identity.verify` with the patients it may concern; the caller gives a
birth date (six digits, spoken or keyed) and the step unlocks the patient it matches. Three tries, then the
flow's ``fail`` (staff or a callback). For a patient under 14 the guardian answers with the child's birth
date (or, when every patient concerned is a minor, with their own as a patient on the same phone) and is
addressed as 보호자님. Callers on an unknown or withheld number can be found by birth date and name when
the EMR profile can search by birth date.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from typing import Any, Callable

from appliance.conversation.actions import Action, Say
from appliance.conversation.addressing import named
from appliance.conversation.asker import Actions, Flow, Step, said_no
from appliance.conversation.birthdate import birth6
from appliance.conversation.outcomes import EventKind
from appliance.conversation.privacy import birth6_of, is_minor, log_disclosure

_LOGGER = logging.getLogger(__name__)

MAX_TRIES = 3


@dataclasses.dataclass
class Match:
    """The outcome of the identity step."""

    unlocked: list[Any]
    """The patients whose details may now be said and changed."""
    guardian: bool = False
    """The caller answered for a minor (addressed as 보호자님)."""

    @property
    def patient(self) -> Any:
        return self.unlocked[0] if self.unlocked else None


@dataclasses.dataclass
class _Request:
    candidates: list[Any]
    others: list[Any]
    then: Callable[[Match], Actions]
    fail: Callable[[str], Actions]
    unlock_all: bool
    find_by_birth: Callable[[str], list[Any]] | None
    aside: Callable[[Any, str], Actions | None] | None
    on_no: Callable[[], Actions] | None
    tries: int = 0
    noes: int = 0
    found: list[Any] = dataclasses.field(default_factory=list)


class Identity(Flow):
    """The birth-date check, shared by the receptionist and every campaign call."""

    def __init__(self, dialog: Any, can_say: Callable[[str], bool]):
        super().__init__(dialog)
        self.can_say = can_say
        self.request: _Request | None = None
        self.match: Match | None = None
        self.last_birth6: str | None = None  # the last birth date given (a hint for staff when none matched)

    @property
    def confirmed(self) -> bool:
        return self.match is not None

    def verify(self, *, candidates: list[Any], then: Callable[[Match], Actions], fail: Callable[[str], Actions],
               others: list[Any] | None = None, before: list[Action] | None = None, unlock_all: bool = False,
               find_by_birth: Callable[[str], list[Any]] | None = None,
               aside: Callable[[Any, str], Actions | None] | None = None,
               on_no: Callable[[], Actions] | None = None, prompt: tuple[str, ...] = ("ask_birth",)) -> Actions:
        """Ask for the birth date and continue with ``then(match)`` or ``fail(reason)``.

        ``candidates``: the patients this may unlock; ``others``: other patients on the same phone (an adult
        among them may answer for minors); ``unlock_all``: one birth date unlocks every candidate (a family's
        reminder; a minor's, given by the guardian, unlocks the minors only); ``find_by_birth``: look patients
        up by birth date when there are no candidates (then their name is asked too); ``aside``: the flow hears
        other answers meanwhile (e.g. booking wishes);
        ``on_no``: what "아니요, 저는 …" means here (campaign calls: someone else answered)."""
        if self.match is not None:
            unlocked = [p for p in candidates if any(p.id == q.id for q in self.match.unlocked)]
            if unlocked:
                return list(before or []) + then(Match(unlocked, self.match.guardian))
        if find_by_birth is None and not any(birth6_of(p) for p in list(candidates) + list(others or [])):
            return fail("no_candidates" if not candidates else "no_birth_dates")  # nothing a caller could match
        self.request = _Request(list(candidates), list(others or []), then, fail, unlock_all, find_by_birth, aside,
                                on_no)
        return self.d.ask("ask_birth", prompt, before=before or [])

    # --- answers ------------------------------------------------------------------------------------
    def _words_birth(self, u: Any, text: str) -> Actions | None:
        req = self.request
        b6 = birth6(text, getattr(u, "digits", None), today=self.d.now().date())
        if b6 is not None:
            return self._check(b6)
        if req is not None and req.aside is not None:
            out = req.aside(u, text)
            if out is not None:
                return out
        if req is not None and req.on_no is not None and (said_no(u) or re.search(r"아닌데|아니에요|아니고", text)):
            req.noes += 1
            if req.noes >= 2:
                return req.on_no()
            return self.d.again(["ob_family_may_answer"])
        return None

    def _keys_birth(self, digits: str) -> Actions | None:
        b6 = birth6(digits, today=self.d.now().date())
        return self._check(b6) if b6 is not None else None

    def _missed_birth(self, misses: int) -> Actions | None:
        req = self.request
        if req is None:
            return None
        req.tries += 1
        if req.tries >= MAX_TRIES:
            return self._fail("not_understood")
        return None  # the ladder: in other words, then the keypad

    def _check(self, b6: str) -> Actions:
        req = self.request
        assert req is not None
        today = self.d.now().date()
        self.last_birth6 = b6
        hits = [p for p in req.candidates if birth6_of(p) == b6]
        if hits:
            minor = is_minor(hits[0], today)
            unlocked = hits[:1]
            if req.unlock_all:  # a child's birth date (the guardian) unlocks the children, an adult's everyone
                unlocked = [p for p in req.candidates if is_minor(p, today)] if minor else list(req.candidates)
            return self._unlock(Match(unlocked, guardian=minor))
        minors = [p for p in req.candidates if is_minor(p, today)]
        adult = [p for p in req.others if birth6_of(p) == b6 and not is_minor(p, today)]
        if adult and minors:
            return self._unlock(Match(minors, guardian=True))
        if not req.candidates and req.find_by_birth is not None:
            req.found = req.find_by_birth(b6)
            if req.found:
                return self.d.ask("ask_name_verify", ["ask_name_verify"])
        req.tries += 1
        if req.tries >= MAX_TRIES:
            return self._fail("mismatch")
        if adult:  # a patient on this phone, but the call is about another family member
            return self.d.again(["ob_other_family"])
        return self.d.again(["birth_not_found", "ask_birth_again"])

    def _words_name(self, u: Any, text: str) -> Actions:
        req = self.request
        spoken = re.sub(r"\s+", "", text)
        found = req.found if req is not None else []
        match = [p for p in found if p.name and re.sub(r"\s+", "", p.name) in spoken]
        if len(match) == 1:
            return self._unlock(Match(match, guardian=is_minor(match[0], self.d.now().date())))
        return self._fail("name")

    def _keys_name(self, digits: str) -> Actions:
        return self._fail("name")

    def _missed_name(self, misses: int) -> Actions:
        return self._fail("name")

    # --- results ------------------------------------------------------------------------------------
    def _unlock(self, match: Match) -> Actions:
        req = self.request
        assert req is not None
        self.match = match
        self.request = None
        self.d.event(EventKind.IDENTITY_CONFIRMED, guardian=match.guardian)
        log_disclosure([p.id for p in match.unlocked], subject="identity verified by birth date",
                       call_id=getattr(self.d, "call_id", None))
        self._tell_proven(match)
        return [self.confirmation(match)] + req.then(match)

    def _tell_proven(self, match: Match) -> None:
        """Tell the dialog's listeners (the call log) whose identity is proven: the patient the call concerns."""
        if match.patient is None:
            return
        for notify in list(getattr(self.d, "on_patient_proven", None) or ()):
            try:
                notify(str(match.patient.id))
            except Exception:  # the call goes on: staff can still link it by hand
                _LOGGER.exception("the proven patient could not be linked to the call")

    def _fail(self, reason: str) -> Actions:
        req = self.request
        assert req is not None
        self.request = None
        self.d.event(EventKind.IDENTITY_FAILED, reason=reason)
        _LOGGER.info("identity not proven (%s)", reason)
        return req.fail(reason)

    def confirmation(self, match: Match) -> Action:
        """"김민수 님, 확인되었습니다." when the voice can say the name, else the recorded "네, 확인되었습니다." /
        "네, 보호자분 확인되었습니다."."""
        name = getattr(match.patient, "name", None) if len(match.unlocked) == 1 else None
        said = named(name, "확인되었습니다.", self.can_say, guardian=match.guardian)
        return said or Say("confirmed_guardian" if match.guardian else "confirmed_short")

    STEPS = {
        "ask_birth": Step("birth", _words_birth, _keys_birth, reask=("ask_birth_again",), keypad="ask_birth_keys",
                          leads_to=("ask_name_verify",), on_miss=_missed_birth, max_digits=6, timeout_s=10.0),
        "ask_name_verify": Step("free", _words_name, _keys_name, reask=("ask_name_verify",),
                                on_miss=_missed_name, timeout_s=8.0),
    }
