"""Symptoms and questions the facts cannot answer: never advice, always a person.

- a mild symptom ("이가 좀 시려요"): sympathy and a check-up booking offer (severe ones are emergencies);
- a medical question (symptoms after treatment, medication, "is this normal?"): the AI gives no advice; the
  dentist or hygienist will answer: the question goes to the staff queue as a callback with its words as the
  note, and the earliest visit is offered. Bleeding, swelling with fever or an injury take the emergency
  path (priority 1, staff now or the after-hours guidance);
- any other question the facts do not cover ("교정 기간은 보통 얼마나 걸려요?"): "원장님께 여쭤보고
  연락드릴게요", saved as a callback with the question — never a re-ask loop;
- a patient running late ("가는 중인데 십 분 늦을 것 같아요"): no question for the dentist, a message for the desk:
  "늦으신다고 전해 두겠습니다. 조심히 오세요", and the message in the staff queue at once (no call back needed).

Asked in the middle of another question (a booking's date, the slot offered), the same answer and callback
(:meth:`CareFlow.aside`), then the dialog asks its question again: the booking goes on where it was.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Flow, Step, said_yes, yes_no_keys
from appliance.conversation.outcomes import EventKind
from appliance.language import understood_as_running_late

URGENT = re.compile(
    r"피가?(?:계속|많이|안멈|안멎|철철|줄줄|나요|나는데|나고)|출혈|(?:부었|부어|붓).{0,10}열|열.{0,8}(?:부었|부어|붓)|"
    r"고열|다쳤|다쳐|부러|깨졌|빠졌|넘어져|부딪|숨쉬|삼키기"
)
NOTE_MAX = 500


def _urgent(u: Any, text: str) -> bool:
    """Bleeding, swelling with fever, an injury: the emergency path, not a callback."""
    return bool(getattr(u, "urgent", False) or URGENT.search(re.sub(r"\s+", "", text)))


class CareFlow(Flow):
    def start(self, intent: str, u: Any, text: str) -> Actions:
        if intent == "symptom":
            return self._symptom(u, text)
        if intent == "medical_question":
            return self._medical(u, text)
        return self._question(text)

    def _symptom(self, u: Any, text: str) -> Actions:
        d = self.d
        d.event(EventKind.SYMPTOM)
        d.booking.complaint = text
        d.booking.prepare("checkup")
        return d.ask("offer_booking", ["symptom_sorry", "offer_booking"])

    def _medical(self, u: Any, text: str) -> Actions:
        d = self.d
        if _urgent(u, text):
            return d.emergency(note=text[:NOTE_MAX])
        d.booking.complaint = text
        return d.ask("offer_earliest", [self._to_staff("medical_question", text), "offer_earliest"])

    def _question(self, text: str) -> Actions:
        if understood_as_running_late(text):
            return self._running_late(text)
        return self.d.anything_else([Say(self._to_staff("question_other", text))])

    def _running_late(self, text: str) -> Actions:
        """A message for the desk, seen in the staff queue at once; nobody needs to call back, so no promise to."""
        d = self.d
        d.event(EventKind.RUNNING_LATE)
        d.add_desk_message("도착 지연 알림 (회신 불필요)", priority=2, note=text[:NOTE_MAX])
        return d.anything_else([Say("running_late_noted")])

    def aside(self, intent: str, u: Any, text: str, resume: Callable[[list[Action]], Actions]) -> Actions:
        """A medical or other question asked in the middle of another question: the promise (never advice) and
        the staff callback, then ``resume(said)`` asks the open question again. An urgent one is an emergency."""
        if intent == "medical_question" and _urgent(u, text):
            return self.d.emergency(note=text[:NOTE_MAX])
        if intent == "medical_question" and not self.d.booking.complaint:
            self.d.booking.complaint = text  # for the 문진 after the booking
        return resume([Say(self._to_staff(intent, text))])

    def _to_staff(self, intent: str, text: str) -> str:
        """The question to staff as a callback with its words; the promise that is true for this caller."""
        d = self.d
        if intent == "medical_question":
            d.event(EventKind.MEDICAL_QUESTION)
            return d.leave_callback("진료 관련 질문 (원장님·치위생사 답변)", priority=3, note=text[:NOTE_MAX],
                                    promise="medical_no_advice")
        d.event(EventKind.QUESTION_FOR_STAFF)
        return d.leave_callback("문의: 원장님 확인 후 답변", priority=5, note=text[:NOTE_MAX],
                                promise="question_to_staff")

    # --- "진료 예약 도와드릴까요?" after a symptom ------------------------------------------------------------
    def _words_offer_booking(self, u: Any, text: str) -> Actions | None:
        if said_yes(u) and u.intent in ("yes", "book", "other"):
            return self.d.booking.start(u, keep=True)
        if u.intent == "no":
            self.d.booking.b = None
            return self.d.anything_else()
        if u.intent != "other":
            return self.d.route(u, text)
        return None

    def _keys_offer_booking(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, lambda: self.d.booking.start(None, keep=True), self._declined)

    def _declined(self) -> Actions:
        self.d.booking.b = None
        return self.d.anything_else()

    # --- "가장 빠른 시간으로 예약 도와드릴까요?" after a medical question ------------------------------------------
    def _words_earliest(self, u: Any, text: str) -> Actions | None:
        if said_yes(u) or u.intent == "book":
            return self.d.booking.start_earliest(u.treatment or "checkup", [])
        if u.intent == "no":
            return self.d.anything_else()
        if u.intent != "other":
            return self.d.route(u, text)
        return None

    def _keys_earliest(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, lambda: self.d.booking.start_earliest("checkup", []), self.d.anything_else)

    STEPS = {
        "offer_booking": Step("offer", _words_offer_booking, _keys_offer_booking, reask=("sorry_again",),
                              keypad="yes_no_keys", routes=True,
                              leads_to=("ask_birth", "ask_treatment", "ask_date", "propose", "anything_else")),
        "offer_earliest": Step("offer", _words_earliest, _keys_earliest, reask=("offer_earliest",),
                               keypad="yes_no_keys", routes=True, leads_to=("propose", "anything_else")),
    }
