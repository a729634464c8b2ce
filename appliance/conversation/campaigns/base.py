"""A campaign call: the shared asker over the identity step, the slot offer and the campaign's own flow.

Every call opens with the clinic name and the AI notice (locked, no barge-in; the recording notice only when
the call is recorded), for advertising the opt-out notice (speech or key 9), then the purpose in generic words
("안내드릴 내용이 있어 전화드렸습니다") — nothing about the patient or a treatment — and the birth date of the
patient (for a child, the guardian answers). Only after that the campaign's own purpose and flow.
Wherever the call is: a refusal is stored at once and confirmed (one heard but not understood as one is asked
about first: :mod:`..optout_check`); pain, bleeding or swelling is a priority-1
callback and staff now when open; "직원 연결"/0 goes to staff; "누구세요?" is answered; "지금 바빠요" ends with
a promise to call again; after identity a question about the clinic is answered from its facts (``facts``, the
same object the inbound desk answers from) or goes to staff (:mod:`.questions`). Side effects go through ``ops``
(:class:`.ops.Ops`), so this stays pure.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable, ClassVar

from appliance.conversation import about_the_call
from appliance.conversation.actions import Action, End, Say, says
from appliance.conversation.asker import Actions, Asker, Flow, Step, is_staff_key
from appliance.conversation.campaigns.ops import Ops, appointments_of
from appliance.conversation.campaigns.questions import answer as answer_question
from appliance.conversation.campaigns.refusal_visits import drop_visits
from appliance.conversation.campaigns.slots import SlotFlow
from appliance.conversation.handover import CAMPAIGN, Handover
from appliance.conversation.identity import Identity
from appliance.conversation.optout_check import STATE as OPT_OUT_CHECK
from appliance.conversation.optout_check import OptOutCheck
from appliance.conversation.outcomes import EventKind, NextStep, Outcome
from appliance.language.channels_and_consent import opt_out_scope

AD = "AD"
OPTED_OUT = {"ad": "ob_opted_out", "calls": "ob_opted_out_calls", "texts": "ob_opted_out_texts",
             "all": "ob_opted_out_all"}
"""The last words after an opt-out, by the scope stored (what was stored is what the patient hears)."""
WHO = re.compile(r"누구|어디(?:세요|시죠|라고|에서|서)|어느\s*(?:병원|치과)|무슨\s*(?:일|전화)|왜\s*전화")
NOTE_MAX = 500


class CampaignDialog(Asker):
    SILENCE_KEY = None
    START = ("ask_birth",)
    ANYWHERE = (OPT_OUT_CHECK,)  # a refusal heard but not understood as one is asked about wherever the call is
    BODIES: ClassVar[dict[str, Callable[[Any], Flow]]] = {}  # campaign name -> its flow (filled by __init__.py)

    def __init__(self, *, campaign: str, kind: str, ops: Ops, facts: Any, patient_id: str | None = None,
                 data: dict[str, Any] | None = None, detail: str | None = None,
                 can_say: Callable[[str], bool] = lambda text: False, now: Callable[[], dt.datetime] = dt.datetime.now,
                 understand: Any = None, recorded: bool = False):
        super().__init__(now=now, understand=understand, max_turns=30)
        if campaign not in self.BODIES:
            raise ValueError(f"no dialog for campaign {campaign!r}")
        self.campaign = campaign
        self.kind = kind
        self.ops = ops
        self.facts = facts  # the clinic's facts (None: no valid facts file, every question about us goes to staff)
        self.patient_id = str(patient_id) if patient_id is not None else None
        self.data = data or {}
        self.detail = detail
        self.appointments = appointments_of(self.data, self.patient_id)
        self.can_say = can_say
        self.recorded = recorded
        self.outcome: Outcome | None = None  # decided so far (kept if the patient hangs up after it)
        self.handover = Handover(open_now=ops.clinic_open, add_callback=lambda r, p, n: ops.callback(r, p, n),
                                 after_hours=CAMPAIGN)
        self.identity = self.add(Identity(self, can_say))
        body = self.BODIES[campaign]
        self.slots: Any = self.add(SlotFlow(self)) if getattr(body, "BOOKS", True) else None
        self.body: Any = self.add(body(self))
        self.optout_check = self.add(OptOutCheck(self, confirmed=lambda: self.opt_out("call_speech",
                                                                                   self.optout_check.refusal)))

    @property
    def call_id(self) -> int | None:
        return getattr(self.ops, "call_id", None)

    def links(self) -> dict[str, tuple[str, ...]]:
        return {"ask_birth": tuple(self.body.ENTRY), "ask_name_verify": tuple(self.body.ENTRY),
                **self.optout_check.links(list(self.steps))}

    # --- opening ------------------------------------------------------------------------------------
    def start(self) -> list[Action]:
        out: list[Action] = [Say("greeting" if self.recorded else "greeting_unrecorded", barge_in=False)]
        if self.kind == AD:
            out.append(Say("ob_optout_notice", barge_in=False))
        out.append(Say("ob_purpose_generic"))
        people = self.ops.people()
        if people is None or not people.concerned:
            self.event(EventKind.IDENTITY_UNAVAILABLE)
            return out + self.end("ob_identity_unavailable", Outcome.UNREACHABLE, "identity could not be checked")
        return self.identity.verify(candidates=people.concerned, others=people.others, unlock_all=True,
                                    then=self._verified, fail=self._unverified, on_no=self._not_the_patient,
                                    before=out)

    def _verified(self, match: Any) -> Actions:
        purpose = [Say(self.body.PURPOSE)] if self.body.PURPOSE else []
        return purpose + self.body.start(match)

    def _unverified(self, reason: str) -> Actions:
        if reason == "not_understood":
            return self.give_up()
        return self.staff(summary="본인 확인 실패: 직원 확인 필요", reason="identity not proven on a campaign call")

    def _not_the_patient(self) -> Actions:
        self.event(EventKind.NOT_THE_PATIENT)
        return self.end("ob_not_patient", Outcome.UNREACHABLE, "someone else answered")

    # --- whatever was asked -------------------------------------------------------------------------
    def interrupt(self, u: Any, text: str, step: Step) -> Actions | None:
        intent = getattr(u, "intent", "other")
        if intent == "opt_out" and not self.optout_check.keeps_contact(text):
            return self.opt_out("call_speech", text)
        checking = self.state in ("happy", "implant")  # these questions ask about symptoms themselves
        if intent == "emergency" or getattr(u, "urgent", False) or (intent == "symptom" and not checking):
            return self.problem(text)
        asked = self.optout_check.heard(u, text, step)  # a refusal in other words: asked, never guessed
        if asked is not None:
            return asked
        if intent == "medical_question" and not checking:
            self.ops.callback(f"{self.campaign}: 진료 관련 질문", 3, text[:NOTE_MAX])
            self.event(EventKind.MEDICAL_QUESTION)
            return self.again(["medical_no_advice", step.reask[-1]])
        if intent == "talk_to_staff":
            return self.staff()
        truth = about_the_call.campaign_answer(text, intent, self.recorded)
        if truth is not None:  # "AI예요?", "녹음돼요?", "보이스피싱 아니에요?", "제 번호 어떻게 아셨어요?"
            return self.again([step.reask[-1]], before=truth)
        if intent == "wrong_number":
            return self.end("ob_wrong_number", Outcome.WRONG_NUMBER, "wrong number")
        if intent == "callback_later":
            self.ops.callback("patient asked to be called later", 5, None)
            return self.end("ob_callback_later", Outcome.CALLBACK, "call back later")
        if WHO.search(re.sub(r"\s+", " ", text)) and intent in ("other", "no", "yes"):
            return self.again(["ob_who_we_are", step.reask[-1]])
        return answer_question(self, u, text, step)  # hours, parking, price, insurance, any other question

    def interrupt_keys(self, digits: str, step: Step) -> Actions | None:
        if is_staff_key(digits, step):
            return self.staff()
        nine = digits == "9" or (step.max_digits == 1 and digits[:1] == "9")
        if nine and (self.kind == AD or self.state != "ask_birth"):
            return self.opt_out("call_dtmf")
        return None

    # --- endings ------------------------------------------------------------------------------------
    def end(self, key: str, outcome: Outcome, summary: str, barge_in: bool = True) -> Actions:
        """The last words (a phrase key or a ``phrases.JOINED`` name) and hang up with ``outcome``."""
        self.outcome = outcome
        self.state = "done"
        return [*says(key, barge_in=barge_in), End(NextStep.HANGUP, outcome, summary=summary)]

    def opt_out(self, source: str, words: str | None = None) -> Actions:
        """Store the refusal with the scope its words name (key 9: advertising on an advert, else every contact)."""
        scope = opt_out_scope(words, self.kind == AD) if words else ("ad" if self.kind == AD else "all")
        self.ops.opt_out(source, scope)
        self.event(EventKind.OPTED_OUT, source=source, scope=scope)
        before = drop_visits(self, words) if words else []  # "예약된 거 다 없애 주시고 연락도 안 주셔도 됩니다"
        summary = "opted out; booked visits cancelled" if before else "opted out"
        return before + self.end(OPTED_OUT[scope], Outcome.OPTED_OUT, summary, barge_in=False)

    def staff(self, summary: str = "환자 요청: 직원 연결",
              reason: str = "patient asked for staff (outbound, after hours)") -> Actions:
        outcome = self.outcome or Outcome.TRANSFERRED
        actions, transferred = self.handover.to_staff(summary, outcome=outcome, reason=reason)
        self.outcome = outcome if transferred else Outcome.CALLBACK
        self.state = "done"
        return actions

    def problem(self, text: str = "") -> Actions:
        self.outcome = Outcome.PROBLEM_REPORTED
        self.event(EventKind.PROBLEM_REPORTED, campaign=self.campaign)
        actions, transferred = self.handover.emergency(
            "문제 호소: 바로 연결", outcome=Outcome.PROBLEM_REPORTED, transfer_key="ob_problem_transfer",
            reason=f"{self.campaign}: pain, bleeding or swelling reported", note=text[:NOTE_MAX] or None)
        self.state = "done"
        if not transferred:
            actions[-1] = End(NextStep.HANGUP, Outcome.PROBLEM_REPORTED, summary="problem reported after hours")
        return actions

    def give_up(self, long_call: bool = False) -> Actions:
        self.ops.callback("patient not understood on an outbound call", 6, None)
        return self.end("ob_callback_later", self.outcome or Outcome.CALLBACK, "not understood")

    def hang_up(self) -> Actions:
        return [End(NextStep.HANGUP, self.outcome or Outcome.CALLER_HUNG_UP)]

    def final_outcome(self) -> str:
        return self.outcome or Outcome.CALLER_HUNG_UP

    def patient_for_booking(self) -> str | None:
        match = self.identity.match
        return str(match.patient.id) if match is not None and match.patient is not None else self.patient_id
