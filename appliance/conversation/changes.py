"""The caller's own upcoming visit: read it back ("예약 몇 시였죠?"), move it, or cancel it.

Every path goes through the identity step first: nothing about an appointment is said or changed before the
caller gave the birth date of the patient (the guardian: the child's). A number without patients cannot be
proven on the phone (unless the EMR profile can search by birth date): the request goes to staff, truthfully.
"""

from __future__ import annotations

from typing import Any

from appliance.conversation import move_or_cancel
from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Flow, Step, cancel_answer, said_yes, yes_no_keys
from appliance.conversation.booking import TREATMENT_KO
from appliance.conversation.outcomes import EventKind, Outcome
from appliance.conversation.privacy import can_find_by_birth
from appliance.language import speak


class ChangesFlow(Flow):
    def __init__(self, dialog: Any):
        super().__init__(dialog)
        self.upcoming: list[Any] = []
        self.target: Any = None  # the backend.Upcoming being read back, cancelled or moved

    def start(self, intent: str, u: Any) -> Actions:
        d = self.d
        if d.patient is not None and d.identity.confirmed:
            return self._for_patient(intent, [], u)
        if d.patients:
            before = [Say("family_who")] if len(d.patients) > 1 else []
            return d.identity.verify(candidates=d.patients, before=before,
                                     then=lambda m: self._identified(intent, m, u), fail=self._unproven)
        if can_find_by_birth(d.backend):
            return d.identity.verify(candidates=[], then=lambda m: self._identified(intent, m, u), fail=self._unproven,
                                     find_by_birth=lambda b6: d.backend.patients_by_birth(b6, d.now().date()))
        if d.backend.emr_down:
            return d.callback(f"{d.topic_ko()} (EMR 연결 안 됨)")
        return d.callback(f"{d.topic_ko()}: 등록되지 않은 번호", promise="identity_failed")

    def _identified(self, intent: str, match: Any, u: Any) -> Actions:
        self.d.patient, self.d.guardian = match.patient, match.guardian
        return self._for_patient(intent, [], u)

    def _unproven(self, reason: str) -> Actions:
        d = self.d
        return d.to_staff(d.summary("본인 확인 실패"), reason="identity") if d.handover.is_open() \
            else d.callback(f"본인 확인 실패: {d.topic_ko()}", promise="identity_failed")

    def _for_patient(self, intent: str, before: list[Action], u: Any = None) -> Actions:
        self.upcoming = self.d.backend.upcoming(self.d.pid(), None, self.d.now())
        return self._with(intent, before, u)

    def _with(self, intent: str, before: list[Action], u: Any = None) -> Actions:
        d = self.d
        ups = self.upcoming
        if not ups:
            if d.backend.emr_down:
                return d.callback(f"{d.topic_ko()} (EMR 연결 안 됨)")
            if intent == "confirm_appointment":
                return d.anything_else(before + [Say("no_appointment")])
            return d.callback(f"예약 없음: {d.topic_ko()}")
        self.target = ups[0]
        appt = self.target.appointment
        readback = speak.say_datetime(appt.start)
        if appt.treatment in TREATMENT_KO:
            readback += f", {TREATMENT_KO[appt.treatment]}"
        said = before + [Say(text=readback), Say("appointment_is")]
        if intent == "confirm_appointment":
            d.outcome = Outcome.CONFIRMED
            d.landed["confirmed"] = {"start": appt.start.isoformat(timespec="minutes")}
            return d.anything_else(said)
        if intent == "change":  # keypad 3: change or cancel?
            return d.ask("change_or_cancel", ["change_or_cancel"], before=said)
        if intent == "cancel":
            return d.ask("confirm_cancel", ["confirm_cancel"], before=said)
        return d.booking.start_reschedule(self.target, u, said)

    def _words_change_or_cancel(self, u: Any, text: str) -> Actions | None:
        chosen = move_or_cancel.choice(u, text)  # "취소 안 해요" keeps the visit; "바꾸지 말고 취소해 주세요" cancels
        if chosen == "cancel":
            return self._with("cancel", [])
        if chosen == "move":
            return self._with("reschedule", [], u)
        if chosen in ("keep", "no"):  # asked after the caller chose to change it: a no keeps the visit
            return self.d.anything_else([Say("keep_appointment")])
        return None

    def _keys_change_or_cancel(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, lambda: self._with("reschedule", []), lambda: self._with("cancel", []))

    def _words_confirm_cancel(self, u: Any, text: str) -> Actions | None:
        if u.intent == "reschedule":
            return self._with("reschedule", [], u)
        verdict = cancel_answer(u, text)  # only a clear yes cancels: "네 갈게요" keeps the visit
        if verdict is True:
            return self._cancel()
        if verdict is False:
            return self.d.anything_else([Say("keep_appointment")])
        return None

    def _keys_confirm_cancel(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, self._cancel, lambda: self.d.anything_else([Say("keep_appointment")]))

    def _cancel(self) -> Actions:
        d = self.d
        target = self.target
        status = d.backend.cancel(key=f"{d.call_key}:cancel", upcoming=target, phone=d.caller, reason="AI 전화 취소")
        d.landed["cancellation"] = {"status": status, "start": target.appointment.start.isoformat(timespec="minutes")}
        d.event(EventKind.CANCELLATION, status=status)
        if status == "failed":
            return d.callback("예약 취소 처리 실패", priority=3)
        d.outcome = Outcome.CANCELLED
        said = Say("cancelled") if status == "cancelled" else Say("cancel_requested")
        return d.ask("offer_rebook", ["offer_rebook"], before=[said])

    def _treatment(self) -> str | None:
        return self.target.appointment.treatment if self.target else None

    def _words_rebook(self, u: Any, text: str) -> Actions | None:
        if u.intent in ("yes", "book") or said_yes(u):
            return self.d.booking.start_rebook(self._treatment(), u)
        if u.intent == "no":
            return self.d.anything_else()
        return self.d.route(u, text) if u.intent != "other" else None

    def _keys_rebook(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, lambda: self.d.booking.start_rebook(self._treatment()), self.d.anything_else)

    STEPS = {
        "change_or_cancel": Step("yes_no", _words_change_or_cancel, _keys_change_or_cancel,
                                 reask=("change_or_cancel_keys",), keypad="change_or_cancel_keys",
                                 leads_to=("confirm_cancel", "ask_date", "propose", "anything_else")),
        "confirm_cancel": Step("cancel_confirm", _words_confirm_cancel, _keys_confirm_cancel, reask=("yes_no_keys",),
                               keypad="yes_no_keys",
                               leads_to=("offer_rebook", "ask_date", "propose", "anything_else")),
        "offer_rebook": Step("offer", _words_rebook, _keys_rebook, reask=("yes_no_keys",), keypad="yes_no_keys",
                             leads_to=("ask_treatment", "ask_date", "propose", "anything_else"), routes=True),
    }
