"""The pre-visit questionnaire (문진) after a new booking: main complaint, pain, diabetes, hypertension,
anticoagulants, pregnancy. The answers are health data: they land as one staff note on the booking (and on
the patient's chart only when the caller proved who they are), never in a log."""

from __future__ import annotations

import re
from typing import Any

from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Flow, Step, said_no, said_yes, yes_no_keys
from appliance.conversation.booking import TREATMENT_KO
from appliance.conversation.outcomes import EventKind

QUESTIONS = ("q_complaint", "q_pain", "q_diabetes", "q_hypertension", "q_anticoagulant", "q_pregnancy")
LABELS = {"complaint": "주소(불편한 곳)", "pain": "통증", "diabetes": "당뇨", "hypertension": "고혈압",
          "anticoagulant": "항응고제 복용", "pregnancy": "임신 가능성"}


class QuestionnaireFlow(Flow):
    def __init__(self, dialog: Any):
        super().__init__(dialog)
        self.answers: dict[str, Any] = {}
        self.order: list[str] = []

    def offer(self, before: list[Action]) -> Actions:
        b = self.d.booking.b
        if b is None or b.reschedule_of is not None:
            return self.d.anything_else(before)
        return self.d.ask("questionnaire_offer", ["questionnaire_offer"], before=before)

    def _words_offer(self, u: Any, text: str) -> Actions | None:
        if said_yes(u):
            return self._start()
        if u.intent == "no" or getattr(u, "answer", None) == "no":
            return self.d.anything_else()
        return None

    def _keys_offer(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, self._start, self.d.anything_else)

    def _start(self) -> Actions:
        order = list(QUESTIONS)
        complaint = self.d.booking.complaint
        if complaint:
            self.answers["complaint"] = complaint
            order.remove("q_complaint")
        if self.d.patient is not None and getattr(self.d.patient, "sex", None) == "M":
            order.remove("q_pregnancy")
        self.order = order
        return self._next()

    def _next(self) -> Actions:
        if not self.order:
            return self._finish()
        key = self.order[0]
        return self.d.ask("complaint" if key == "q_complaint" else "question", [key])

    def _record(self, value: Any) -> Actions:
        key = self.order.pop(0)
        self.answers[key[2:]] = value
        return self._next()

    def _words_complaint(self, u: Any, text: str) -> Actions:
        return self._record(text)

    def _keys_complaint(self, digits: str) -> Actions:
        return self._record(None)

    def _missed_complaint(self, misses: int) -> Actions:
        return self._record(None)

    def _words_question(self, u: Any, text: str) -> Actions | None:
        if said_yes(u):
            return self._record(True)
        if said_no(u):
            return self._record(False)
        if re.search(r"모르|글쎄|잘 모", text):
            return self._record(None)
        if u.intent == "symptom" and self.order[0] == "q_pain":
            return self._record(True)
        return None

    def _keys_question(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, lambda: self._record(True), lambda: self._record(False))

    def _finish(self) -> Actions:
        d = self.d
        lines = []
        for k, label in LABELS.items():
            if k not in self.answers:
                continue
            v = self.answers[k]
            lines.append(f"{label}: {'예' if v is True else '아니요' if v is False else '모름' if v is None else v}")
        b = d.booking.b
        when = f"{b.result.start:%Y-%m-%d %H:%M} " if b and b.result is not None else ""
        text = f"[AI 문진] {when}{TREATMENT_KO.get(b.treatment or '', '') if b else ''}\n" + "\n".join(lines)
        nid = d.backend.note(text, phone=d.caller, patient_id=d.pid())
        d.landed["questionnaire"] = {"note_id": nid, "answers": {k: v for k, v in self.answers.items() if k in LABELS}}
        d.event(EventKind.QUESTIONNAIRE, note_id=nid)
        if b is not None and b.result is not None:
            d.backend.annotate_booking(b.result.request_id, questionnaire_note=nid)
        return d.anything_else([Say("questionnaire_done")])

    STEPS = {
        "questionnaire_offer": Step("offer", _words_offer, _keys_offer, reask=("yes_no_keys",), keypad="yes_no_keys",
                                    leads_to=("complaint", "question", "anything_else")),
        "complaint": Step("free", _words_complaint, _keys_complaint, reask=("q_complaint",),
                          on_miss=_missed_complaint, leads_to=("question",), timeout_s=10.0),
        "question": Step("wellbeing", _words_question, _keys_question, reask=("yes_no_keys",), keypad="yes_no_keys",
                         leads_to=("anything_else",)),
    }
