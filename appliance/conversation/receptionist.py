"""The inbound receptionist: the call flows a Korean dental clinic's desk handles on the phone.

Pure dialog logic (no audio, no Asterisk, no models): ``start()`` and ``on_input(heard)`` return actions
(``Say`` … ending in ``Listen`` or ``End``); the same object runs a phone call and ``dentalcall chat``.
Data goes through :class:`appliance.conversation.backend.Backend` (facts, EMR, CRM).

The receptionist is the shared asker (:mod:`.asker`) over these flows, each with its own state table:
the desk here (what do you need? anything else?), :mod:`.booking`, :mod:`.changes` (reschedule, cancel,
"예약 몇 시였죠?"), :mod:`.answers` (facts: hours, location, prices, insurance), :mod:`.care` (symptoms,
medical questions and other questions for staff), :mod:`.questionnaire` (문진), :mod:`.optout` (and
:mod:`.optout_check`: a refusal heard but not understood as one is asked about) and :mod:`.identity` (the birth
date before any patient detail). Emergencies and staff go through
:mod:`.handover`. Greeting: the clinic name, the AI notice and — only when this call is being recorded —
the recording notice. No names, numbers or transcripts are logged.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any, Callable, ClassVar

from appliance.conversation import about_the_call
from appliance.conversation.actions import Action, End, Say
from appliance.conversation.answers import AnswersFlow
from appliance.conversation.asker import Actions, Asker, Flow, Step, is_staff_key
from appliance.conversation.booking import TREATMENT_KO, BookingFlow
from appliance.conversation.care import NOTE_MAX, CareFlow
from appliance.conversation.changes import ChangesFlow
from appliance.conversation.handover import INBOUND, Handover
from appliance.conversation.identity import Identity
from appliance.conversation.optout import OptOutFlow
from appliance.conversation.optout_check import STATE as OPT_OUT_CHECK
from appliance.conversation.optout_check import OptOutCheck
from appliance.conversation.outcomes import EventKind, NextStep, Outcome
from appliance.conversation.phrases import PHRASES
from appliance.conversation.privacy import call_is_recorded
from appliance.conversation.questionnaire import QuestionnaireFlow
from appliance.data import phone as phones
from appliance.language import tells_a_trouble

_LOGGER = logging.getLogger(__name__)

SEVERE = re.compile(r"너무아|엄청아|심하게|극심|못참|잠을못|잠도못|퉁퉁|부었|부어올|깨졌|부러|빠졌|다쳤")
MENU_KEYS = {"1": "book", "2": "ask_hours", "3": "change"}
RESUMABLE = ("ask_treatment", "ask_date", "propose", "ask_birth")  # a question asked meanwhile returns here
ASIDES = ("medical_question", "question_other", "ask_hours", "ask_location", "ask_price", "ask_insurance")
STAFF_SUMMARY_MAX = 80
TOPICS = {"book": "예약", "reschedule": "예약 변경", "cancel": "예약 취소", "confirm_appointment": "예약 확인",
          "change": "예약 변경/취소", "ask_hours": "진료시간 문의", "ask_location": "위치 문의", "ask_price": "비용 문의",
          "ask_insurance": "보험 문의", "symptom": "증상 상담", "emergency": "응급 증상",
          "medical_question": "진료 관련 질문", "question_other": "기타 문의", "opt_out": "수신거부"}


class Desk(Flow):
    """The receptionist's own questions: what the caller needs, and whether there is anything else."""

    def _words_need(self, u: Any, text: str) -> Actions | None:
        if u.intent in ("yes", "no"):
            return None
        return self.d.route(u, text)

    def _keys_need(self, digits: str) -> Actions | None:
        intent = MENU_KEYS.get(digits[:1])
        return self.d.route(_KeyedIntent(intent), "") if intent else None

    def _words_anything_else(self, u: Any, text: str) -> Actions | None:
        if u.intent == "no" or (u.intent == "other" and re.search(r"없어|됐어|괜찮|감사|고맙", text)):
            return self.d.goodbye()
        if u.intent == "yes":
            return self.d.ask("need", ["how_can_i_help"])
        return self.d.route(u, text)

    def _keys_anything_else(self, digits: str) -> Actions | None:
        if digits[:1] == "2":
            return self.d.goodbye()
        if digits[:1] == "1":
            return self.d.ask("need", ["menu_dtmf"])
        return self._keys_need(digits)

    STEPS = {
        "need": Step("need", _words_need, _keys_need, reask=("reask_need",), keypad="menu_dtmf", routes=True),
        "anything_else": Step("yes_no", _words_anything_else, _keys_anything_else, reask=("sorry_again",),
                              keypad="yes_no_keys", leads_to=("need",), routes=True, timeout_s=6.0),
    }


class _KeyedIntent:
    """A keypad menu choice, read like an understanding with nothing else in it."""

    def __init__(self, intent: str):
        self.intent = intent
        self.date = self.time = self.time_range = self.treatment = self.date_range = self.answer = None
        self.digits = None
        self.approximate = False


class Receptionist(Asker):
    START = ("need",)
    ENTRIES = ("ask_birth", "ask_treatment", "ask_date", "propose", "anything_else", "change_or_cancel",
               "confirm_cancel", "price_which", "offer_booking", "offer_earliest", "need")
    ANYWHERE = ("anything_else", "ask_birth", OPT_OUT_CHECK)  # after an opt-out or a callback; an opt-out on a
    # withheld number; a refusal heard but not understood as one
    LINKS: ClassVar[dict[str, tuple[str, ...]]] = {  # where the identity step continues
        "ask_birth": ("ask_treatment", "ask_date", "propose", "anything_else", "change_or_cancel", "confirm_cancel"),
        "ask_name_verify": ("anything_else", "change_or_cancel", "confirm_cancel", "ask_date", "propose"),
    }

    def __init__(self, *, clinic_name: str, backend: Any, caller: str | None = None, call_key: str = "call",
                 now: Callable[[], dt.datetime] = dt.datetime.now, understand: Any = None,
                 can_say: Callable[[str], bool] | None = None, max_turns: int = 40,
                 fallback: Callable[[str], str | None] | None = None, recorded: bool | None = None):
        super().__init__(now=now, understand=understand, max_turns=max_turns)
        self.clinic_name = clinic_name
        self.backend = backend
        self.facts = backend.facts
        self.caller = caller
        self.call_key = call_key
        self.can_say = can_say or (lambda text: False)  # a carrier that cannot tell: only the recorded phrases
        self.fallback = fallback  # LLM intent classifier (time-limited), used only for the open question
        self.recorded = call_is_recorded(self.call_id) if recorded is None else recorded
        self.landed: dict[str, Any] = {}
        self.outcome: Outcome = Outcome.ANSWERED
        self.topics: list[str] = []
        self.patients: list[Any] = []  # on the caller's number (not proven: caller ID is not identity)
        self.patient: Any = None  # proven by the identity step
        self.guardian = False
        self.handover = Handover(open_now=self._open_now, add_callback=self._add_callback, after_hours=INBOUND,
                                 can_say=self.can_say, guidance=getattr(self.facts, "emergency", "") or "")
        self.desk = self.add(Desk(self))
        self.identity = self.add(Identity(self, self.can_say))
        self.booking = self.add(BookingFlow(self))
        self.changes = self.add(ChangesFlow(self))
        self.answers = self.add(AnswersFlow(self))
        self.care = self.add(CareFlow(self))
        self.questionnaire = self.add(QuestionnaireFlow(self))
        self.optout = self.add(OptOutFlow(self))
        self.optout_check = self.add(OptOutCheck(self, confirmed=lambda: self.optout.start(
            source="call_speech", words=self.optout_check.refusal),
                                                 resume=self.booking.resume))

    @property
    def call_id(self) -> int | None:
        return getattr(self.backend, "call_id", None)

    def links(self) -> dict[str, tuple[str, ...]]:
        return {**super().links(), **self.optout_check.links(list(self.steps))}

    @property
    def identity_confirmed(self) -> bool:
        return self.identity.confirmed

    # === carrier API ================================================================================
    def start(self) -> list[Action]:
        self.patients = self.backend.caller_patients(self.caller)
        greeting = Say("greeting" if self.recorded else "greeting_unrecorded", barge_in=False)
        return self.ask("need", ["how_can_i_help"], before=[greeting])

    # === shared helpers ===============================================================================
    def fallback_for(self, expect: str | None) -> Any:
        return self.fallback if expect == "need" else None

    def pid(self) -> str | None:
        return str(self.patient.id) if self.patient is not None else None

    def _open_now(self) -> bool:
        return self.facts.is_open_at(self.now())

    def _add_callback(self, reason: str, priority: int, note: str | None) -> int:
        cid = self.backend.callback(reason[:64], phone=self.caller, patient_id=self.pid(), priority=priority,
                                    note=note)
        self.landed.setdefault("callbacks", []).append({"id": cid, "reason": reason, "priority": priority})
        return cid

    def add_desk_message(self, reason: str, priority: int, note: str | None) -> None:
        """A message staff should see now in their queue, with nothing promised to the caller (a late patient)."""
        self._add_callback(reason, priority, note)
        self.event(EventKind.CALLBACK, reason=reason)
        if self.outcome == Outcome.ANSWERED:
            self.outcome = Outcome.CALLBACK

    def topic_ko(self) -> str:
        seen = [TOPICS[t] for t in dict.fromkeys(self.topics) if t in TOPICS]
        return ", ".join(seen) or "용건 미확인"

    def summary(self, head: str) -> str:
        if self.patient is not None:
            who = "보호자 본인 확인" if self.guardian else "본인 확인됨"
        else:
            who = "등록 번호(본인 미확인)" if self.patients else "미등록 번호"
        return f"{head} / {self.topic_ko()} / {who}"[:STAFF_SUMMARY_MAX]

    def set_outcome(self, outcome: Outcome) -> None:
        self.outcome = outcome

    # === endings ======================================================================================
    def goodbye(self, extra: list[Action] | None = None) -> Actions:
        end = End(NextStep.HANGUP, self.outcome, summary=self.summary("AI 응대 완료"))
        return list(extra or []) + [Say("goodbye"), end]

    def anything_else(self, before: list[Action] | None = None) -> Actions:
        self.booking.release()
        return self.ask("anything_else", ["anything_else"], before=before or [])

    def to_staff(self, summary: str, reason: str = "staff") -> Actions:
        """Transfer during opening hours (nobody answers → the dialplan's voicemail); after hours voicemail."""
        outcome = Outcome.TRANSFERRED if self.outcome == Outcome.ANSWERED else self.outcome
        actions, transferred = self.handover.to_staff(summary, outcome=outcome, reason=reason,
                                                      after_hours_reason=f"부재중 연결 요청: {self.topic_ko()}")
        if transferred:
            self.landed["transfer"] = {"reason": reason}
            self.event(EventKind.TRANSFER, reason=reason)
        else:
            self.landed["voicemail"] = True
            self.event(EventKind.CALLBACK, reason=reason)
        return actions

    def leave_callback(self, reason: str, priority: int = 5, note: str | None = None,
                       promise: str = "callback_promise") -> str:
        """A callback task for staff; returns the promise that is true for this caller (no number shown: we
        cannot call back, and say so)."""
        self._add_callback(reason, priority, note)
        self.event(EventKind.CALLBACK, reason=reason)
        if self.outcome == Outcome.ANSWERED:
            self.outcome = Outcome.CALLBACK
        return promise if phones.canonical(self.caller) else "callback_no_number"

    def callback(self, reason: str, priority: int = 5, note: str | None = None, keep_going: bool = True,
                 promise: str = "callback_promise") -> Actions:
        promise = self.leave_callback(reason, priority, note, promise)
        if keep_going:
            return self.anything_else([Say(promise)])
        return [Say(promise), Say("goodbye"), End(NextStep.HANGUP, self.outcome, summary=self.summary("콜백 요청"))]

    def emergency(self, severe_symptom: bool = False, note: str | None = None) -> Actions:
        self.topics.append("emergency")
        self.outcome = Outcome.EMERGENCY
        self.event(EventKind.EMERGENCY, severe_symptom=severe_symptom)
        actions, transferred = self.handover.emergency(self.summary("응급: 즉시 확인 필요"), outcome=Outcome.EMERGENCY,
                                                       transfer_key="emergency_transfer", reason="응급 증상 (우선 연락)",
                                                       note=note)
        self.landed["emergency"] = True
        self.landed["transfer" if transferred else "voicemail"] = {"reason": "emergency"} if transferred else True
        return actions

    def give_up(self, long_call: bool = False) -> Actions:
        if long_call:
            return self.to_staff("통화가 길어져 직원 연결")
        return self.to_staff(self.summary("AI가 용건을 이해하지 못함"), reason="not_understood")

    def hang_up(self) -> Actions:
        if self.booking.abandoned() and self.outcome == Outcome.ANSWERED:
            self._add_callback("통화 중 끊김: 예약 문의", 6, None)
            self.event(EventKind.CALLBACK, reason="abandoned booking")
        outcome = self.outcome if self.outcome != Outcome.ANSWERED else Outcome.CALLER_HUNG_UP
        return [End(NextStep.HANGUP, outcome, summary=self.summary("고객이 통화 중 끊음"))]

    def final_outcome(self) -> str:
        return self.outcome

    # === whatever was asked ===========================================================================
    def interrupt(self, u: Any, text: str, step: Step) -> Actions | None:
        intent = getattr(u, "intent", "other")
        urgent = getattr(u, "urgent", False) or SEVERE.search(re.sub(r"\s+", "", text))
        if intent == "emergency" or (intent in ("symptom", "medical_question") and urgent):
            spoken = intent != "emergency"  # a symptom or a question: staff get the words
            return self.emergency(severe_symptom=spoken, note=text[:500] if spoken else None)
        if intent == "opt_out" and not self.optout_check.keeps_contact(text):
            return self.optout.start(source="call_speech", words=text)
        asked = self.optout_check.heard(u, text, step)  # a refusal in other words: asked, never guessed
        if asked is not None:
            return asked
        if intent == "talk_to_staff":
            self.topics.append("staff")
            return self.to_staff(self.summary("직원 연결 요청"))
        if intent in about_the_call.ANSWERABLE and about_the_call.asked(text):  # "AI예요?", "녹음돼요?": the truth
            return self.resume([about_the_call.answer(self.recorded)])
        if intent == "wrong_number" and self.state in ("need", "anything_else"):
            return self.wrong_number()
        if intent == "callback_later" and self.state not in ("question", "ask_name"):
            return self.callback("고객이 나중에 연락 요청", keep_going=False)
        if intent in ASIDES and self.state in RESUMABLE:
            return self.aside(intent, u, text)
        return None

    def aside(self, intent: str, u: Any, text: str) -> Actions:
        """A question asked in the middle of a booking question: answered the way it is answered anywhere (a
        medical question: no advice, the words to staff for a callback; a question about us: from the facts),
        then the booking question once more, where the caller left it."""
        self.topics.append(intent)
        if intent in ("medical_question", "question_other"):
            return self.care.aside(intent, u, text, self.resume)
        said = self.answers.sentences(intent, u, text, treatment=self.booking.treatment())
        if said is None:  # the facts cannot answer it: staff will
            said = [Say(self.leave_callback(f"{TOPICS.get(intent, intent)} (예약 중 문의)"))]
        return self.resume(said)

    def resume(self, before: list[Action]) -> Actions:
        """The open question (a booking question, or the birth date) again, after ``before``."""
        out = self.booking.resume(before)
        if out is None:
            out = self.again(["ask_birth"] if self.state == "ask_birth" else self.steps[self.state][1].reask,
                             before=before)
        return out

    def interrupt_keys(self, digits: str, step: Step) -> Actions | None:
        if is_staff_key(digits, step):
            return self.to_staff(self.summary("키패드로 직원 연결 요청"))
        return None

    def on_nothing(self, heard: Any) -> Actions | None:
        if self.state == "anything_else" and heard.silence:
            return self.goodbye()
        return None

    def wrong_number(self) -> Actions:
        self.outcome = Outcome.WRONG_NUMBER
        return [Say("understood"), Say("goodbye"), End(NextStep.HANGUP, Outcome.WRONG_NUMBER, summary="잘못 건 전화")]

    def route(self, u: Any, text: str) -> Actions | None:
        """Start the flow for what the caller asked."""
        intent = u.intent
        self.topics.append(intent)
        if intent == "book":
            if tells_a_trouble(text):  # "이가 시린데 모레 가도 돼요?": sympathy; the words kept for the 문진 and staff
                self.booking.complaint = self.booking.complaint or text[:NOTE_MAX]
                return [Say("symptom_sorry"), *self.booking.start(u)]
            return self.booking.start(u)
        if intent in ("reschedule", "cancel", "confirm_appointment", "change"):
            return self.changes.start(intent, u)
        if intent in ("ask_hours", "ask_location", "ask_price", "ask_insurance"):
            return self.answers.answer(intent, u, text)
        if intent in ("symptom", "medical_question", "question_other"):
            return self.care.start(intent, u, text)
        if intent == "wrong_number":
            return self.wrong_number()
        return None


def phrase_text(key: str, clinic: str) -> str:
    return PHRASES[key].format(clinic=clinic)


__all__ = ["Receptionist", "TREATMENT_KO", "phrase_text"]
