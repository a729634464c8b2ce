"""The reminder: tomorrow's appointment(s) read back after identity; confirm, move or cancel.

One phone gets at most one call a day, so a task may carry several appointments of a family on one phone
(``data["appointments"]``). After the birth date of any one of them (or the guardian's), the call says how
many ("자녀분 두 분 예약이 있습니다"), reads each time back (with the name only when the voice can say it),
and the answer applies to all, or — after "일부만" — to the one chosen.
"""

from __future__ import annotations

import re
from typing import Any

from appliance.conversation import addressing, move_or_cancel
from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Flow, Step, cancel_answer, said_no, said_yes
from appliance.conversation.campaigns.ops import start_of
from appliance.conversation.outcomes import EventKind, Outcome
from appliance.conversation.privacy import is_minor
from appliance.language import speak

ALL = re.compile(r"모두|전부|둘다|셋다|다요|다취소|다바꿔|다변경|다옮|다같이|같이|둘다요")
ONE = re.compile(r"한명|한분|하나|한건|한개|첫째|둘째|큰애|작은애|막내|만요|만취소|만바꿔|일부")


class ReminderFlow(Flow):
    PURPOSE = "ob_purpose_reminder"
    ENTRY = ("reminder", "reminder_family")

    def __init__(self, dialog: Any):
        super().__init__(dialog)
        self.appts: list[dict[str, Any]] = []
        self.names: dict[str, str] = {}
        self.selected: list[dict[str, Any]] = []
        self.action = "cancel"
        self.pick = 0
        self.cancel_said = False  # "취소해 주세요" (or key 3), not only "그날은 못 가요"

    def start(self, match: Any) -> Actions:
        d = self.d
        unlocked = {str(p.id): p for p in match.unlocked}
        self.names = {pid: (p.name or "").strip() for pid, p in unlocked.items()}
        self.appts = [a for a in d.appointments if a.get("patient_id") in unlocked]
        if not self.appts:
            return d.end("ob_not_patient", Outcome.UNREACHABLE, "no appointment of the verified person")
        if len(self.appts) == 1:
            return d.ask("reminder", ["ob_reminder_ask"], before=[self._when(self.appts[0], named=False)])
        today = d.now().date()
        patients = {a["patient_id"] for a in self.appts}
        minors = all(is_minor(unlocked[p], today) for p in patients)
        if len(patients) == 1:
            count = "ob_multi_one_person"
        elif len(patients) == 2:
            count = "ob_multi_children_2" if minors else "ob_multi_family"
        else:
            count = "ob_multi_family"
        readback = [self._when(a, named=len(patients) > 1) for a in self.appts]
        return d.ask("reminder_family", ["ob_reminder_keys"], before=[Say(count)] + readback)

    def _when(self, appt: dict[str, Any], named: bool) -> Action:
        when = speak.say_datetime(start_of(appt), today=self.d.now().date())
        said = addressing.named(self.names.get(appt.get("patient_id") or ""), when, self.d.can_say) if named else None
        return said or Say(text=when)

    # --- one appointment --------------------------------------------------------------------------------
    def _words_single(self, u: Any, text: str) -> Actions | None:
        self.selected = list(self.appts)
        return self._choice(u, text, family=False)

    def _keys_single(self, digits: str) -> Actions | None:
        self.selected = list(self.appts)
        return self._key_choice(digits, family=False)

    def _choice(self, u: Any, text: str, family: bool) -> Actions | None:
        self.cancel_said = move_or_cancel.cancel_said(text)
        if u.intent == "reschedule":
            return self._which("reschedule", u, text) if family else self._act("reschedule")
        if u.intent == "cancel" or (said_no(u) and u.intent in ("no", "other")):
            return self._which("cancel", u, text) if family else self._act("cancel")
        if said_yes(u) or u.intent == "confirm_appointment":
            return self._confirm(self.appts)
        return None

    def _key_choice(self, digits: str, family: bool) -> Actions | None:
        key = digits[:1]
        if key == "1":
            return self._confirm(self.appts)
        if key in ("2", "3"):
            action = "reschedule" if key == "2" else "cancel"
            self.cancel_said = key == "3"
            if not family:
                return self._act(action)
            self.action = action
            return self.d.ask("which", ["ob_which_appointment"])
        return None

    # --- several appointments -------------------------------------------------------------------------
    def _words_family(self, u: Any, text: str) -> Actions | None:
        return self._choice(u, text, family=True)

    def _keys_family(self, digits: str) -> Actions | None:
        return self._key_choice(digits, family=True)

    def _which(self, action: str, u: Any, text: str) -> Actions:
        self.action = action
        chosen = self._chosen(u, text)
        if chosen is not None:
            self.selected = chosen
            return self._act(action)
        return self.d.ask("which", ["ob_which_appointment"])

    def _chosen(self, u: Any, text: str) -> list[dict[str, Any]] | None:
        compact = re.sub(r"\s+", "", text)
        if ALL.search(compact):
            return list(self.appts)
        if getattr(u, "time", None):
            hits = [a for a in self.appts if start_of(a).strftime("%H:%M") == u.time]
            if len(hits) == 1:
                return hits
        named = [a for a in self.appts if self.names.get(a["patient_id"]) and self.names[a["patient_id"]] in compact]
        if len(named) == 1:
            return named
        return None

    def _words_which(self, u: Any, text: str) -> Actions | None:
        chosen = self._chosen(u, text)
        if chosen is not None:
            self.selected = chosen
            return self._act(self.action)
        if ONE.search(re.sub(r"\s+", "", text)):
            return self._ask_pick(0)
        return None

    def _keys_which(self, digits: str) -> Actions | None:
        if digits[:1] == "1":
            self.selected = list(self.appts)
            return self._act(self.action)
        if digits[:1] == "2":
            return self._ask_pick(0)
        return None

    def _ask_pick(self, index: int) -> Actions:
        self.pick = index
        if index >= len(self.appts):
            self.d.ops.callback("reminder: which appointment to change is unclear", 4, None)
            return self.d.end("callback_promise", Outcome.CALLBACK, "appointment to change unclear")
        return self.d.ask("which_one", ["ob_this_one"], before=[self._when(self.appts[index], named=True)])

    def _words_pick(self, u: Any, text: str) -> Actions | None:
        if said_yes(u):
            return self._picked()
        if said_no(u):
            return self._ask_pick(self.pick + 1)
        return None

    def _keys_pick(self, digits: str) -> Actions | None:
        if digits[:1] == "1":
            return self._picked()
        if digits[:1] == "2":
            return self._ask_pick(self.pick + 1)
        return None

    def _picked(self) -> Actions:
        self.selected = [self.appts[self.pick]]
        return self._act(self.action)

    # --- doing it -----------------------------------------------------------------------------------
    def _act(self, action: str) -> Actions:
        self.action = action
        if action == "reschedule":
            return self.d.slots.move(self.selected)
        if not self.cancel_said:  # "그날은 안 돼요": another day first — better a visit moved than lost
            return self.d.ask("move_or_cancel", ["change_or_cancel"])
        return self.d.ask("cancel_confirm", ["ob_cancel_ask"])

    def _words_move_or_cancel(self, u: Any, text: str) -> Actions | None:
        """"날짜를 바꿔 드릴까요, 아니면 취소해 드릴까요?": a move, a cancel chosen in words, or the visit kept after
        all ("아니요 그냥 갈게요"); a bare "네" or "아니요" chooses nothing here (the caller said the day does not
        suit): asked again."""
        chosen = move_or_cancel.choice(u, text)
        if chosen == "move":
            return self._move_off_the_day()
        if chosen == "cancel":
            return self._cancel()  # chosen between the two: no second question
        if chosen == "keep":
            return self._confirm(self.selected or self.appts)
        return None

    def _keys_move_or_cancel(self, digits: str) -> Actions | None:
        key = digits[:1]
        if key == "1":
            return self._confirm(self.selected or self.appts)
        if key == "2":
            return self._move_off_the_day()
        if key == "3":
            return self._cancel()
        return None

    def _move_off_the_day(self) -> Actions:
        """A move after "can't come": the visit's own day is not offered back."""
        self.action = "reschedule"
        return self.d.slots.move(self.selected, avoid={start_of(a).date() for a in self.selected})

    def _words_cancel(self, u: Any, text: str) -> Actions | None:
        if u.intent == "reschedule":
            return self._act("reschedule")
        verdict = cancel_answer(u, text)  # "예 내일 갈게요" answers no here: only a clear yes cancels the visit
        if verdict is True:
            return self._cancel()
        if verdict is False:
            return self._confirm(self.appts)
        return None

    def _keys_cancel(self, digits: str) -> Actions | None:
        if digits[:1] == "1":
            return self._cancel()
        if digits[:1] == "2":
            return self._confirm(self.appts)
        return None

    def _cancel(self) -> Actions:
        d = self.d
        if not all(d.ops.cancel(a) for a in self.selected):
            d.ops.callback("cancellation failed on an outbound call", 3, None)
            return d.end("callback_promise", Outcome.CALLBACK, "cancellation needs staff")
        for a in self.selected:
            d.event(EventKind.CANCELLED, patient_id=a.get("patient_id"), start=a["start"])
        kept = [a for a in self.appts if a not in self.selected]
        before = [Say("ob_others_kept")] if kept else []
        return before + d.end("ob_cancelled", Outcome.CANCELLED, "appointment cancelled")

    def _confirm(self, appts: list[dict[str, Any]]) -> Actions:
        for a in appts:
            self.d.event(EventKind.CONFIRMED, patient_id=a.get("patient_id"), start=a["start"])
        return self.d.end("ob_confirmed", Outcome.CONFIRMED, "appointment confirmed")

    STEPS = {
        "reminder": Step("reminder", _words_single, _keys_single, reask=("sorry_again", "ob_reminder_keys"),
                         keypad="ob_reminder_keys", leads_to=("move_or_cancel", "cancel_confirm", "slot"),
                         hints="reminder"),
        "reminder_family": Step("reminder", _words_family, _keys_family,
                                reask=("sorry_again", "ob_reminder_keys"), keypad="ob_reminder_keys",
                                leads_to=("which", "move_or_cancel", "cancel_confirm", "slot")),
        "which": Step("which", _words_which, _keys_which, reask=("sorry_again", "ob_which_appointment"),
                      keypad="ob_which_appointment",
                      leads_to=("which_one", "move_or_cancel", "cancel_confirm", "slot")),
        "which_one": Step("yes_no", _words_pick, _keys_pick, reask=("sorry_again", "ob_this_one"),
                          keypad="ob_this_one", leads_to=("which_one", "move_or_cancel", "cancel_confirm", "slot")),
        "move_or_cancel": Step("reminder", _words_move_or_cancel, _keys_move_or_cancel,
                               reask=("sorry_again", "change_or_cancel"), keypad="ob_reminder_keys",
                               leads_to=("slot",)),
        "cancel_confirm": Step("cancel_confirm", _words_cancel, _keys_cancel, reask=("sorry_again", "ob_cancel_ask"),
                               keypad="ob_cancel_ask", leads_to=("slot",)),
    }
