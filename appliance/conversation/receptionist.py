"""The inbound receptionist: the call flows a Korean dental clinic's desk handles on the phone.

Pure dialog logic (no audio, no Asterisk, no models): ``start()`` and ``on_input(heard)`` return actions
(``Say`` … ending in ``Listen`` or ``End``); the same object runs a phone call and ``dentalcall chat``.
Data goes through :class:`appliance.conversation.backend.Backend` (facts, EMR, CRM).

Flows: greeting (clinic name, AI and recording notices; the patient's name when the number matches exactly
one patient and the voice can say it), booking (treatment/date/time, real free slots, read-back, book once
per call, SMS hook, 문진), reschedule/cancel/confirm of the caller's own upcoming visit, questions answered
only from the facts file (else a callback), emergencies (transfer during opening hours; after hours the
guidance, a priority callback and voicemail), staff transfer, opt-out, wrong numbers, callbacks.

Not understood: the question is asked once more in other words, then as a keypad menu, then the caller goes
to staff (voicemail after hours). Silence is treated the same way. A caller who hangs up in the middle of a
booking gets a callback task. No names, numbers or transcripts are logged.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from appliance.conversation import outcomes
from appliance.conversation.actions import Action, End, Event, Heard, Listen, Say
from appliance.conversation.phrases import PHRASES
from appliance.language import speak

_LOGGER = logging.getLogger(__name__)

Understand = Callable[..., Any]

TREATMENT_KO = {
    "scaling": "스케일링", "implant": "임플란트", "filling": "충치 치료", "root_canal": "신경 치료",
    "extraction": "발치", "wisdom_tooth": "사랑니 발치", "orthodontics": "교정", "whitening": "미백",
    "checkup": "검진", "denture": "틀니", "crown": "크라운", "gum": "잇몸 치료",
}
TREATMENT_KEYS = {"1": "scaling", "2": "filling", "3": "checkup", "4": "implant", "5": "checkup"}
MENU_KEYS = {"1": "book", "2": "ask_hours", "3": "change", "0": "talk_to_staff"}

HINTS = {
    "need": ["예약", "예약 변경", "예약 취소", "진료시간", "점심시간", "주차", "위치", "비용", "보험", "직원 연결"],
    "treatment": list(TREATMENT_KO.values()) + ["치석 제거", "사랑니", "신경치료", "충치", "상담"],
    "date": ["오늘", "내일", "모레", "이번 주", "다음 주", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일",
             "오전", "오후", "가장 빠른 날"],
    "yes_no": ["네", "아니요", "맞아요", "괜찮아요"],
    "digits": ["공", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"],
    "free": ["네", "아니요", "잇몸", "어금니", "앞니", "시려요", "아파요", "충치", "흔들려요"],
    "offer": ["네", "아니요", "좋아요", "괜찮아요", "됐어요"],
    "proposal": ["네", "좋아요", "아니요", "다른 시간", "오전", "오후", "내일", "다음 주"],
    "wellbeing": ["네", "아니요", "있어요", "없어요", "모르겠어요"],
}
SEVERE = re.compile(r"너무아|엄청아|심하게|극심|못참|잠을못|잠도못|퉁퉁|부었|부어올|깨졌|부러|빠졌|다쳤")
PARKING = re.compile(r"주차|차를|차가지고|차몰고")
STAFF_SUMMARY_MAX = 80


@dataclass
class Ask:
    """The question now open: what it expects, how to ask again, and the keypad version."""

    state: str
    expect: str
    reask: str | None = None
    menu: str | None = None
    max_digits: int = 1
    misses: int = 0
    timeout_s: float = 8.0


@dataclass
class Booking:
    treatment: str | None = None
    date: dt.date | None = None
    date_range: tuple[dt.date, dt.date] | None = None
    time: dt.time | None = None
    time_range: tuple[dt.time, dt.time] | None = None
    approximate: bool = False
    offers: list[Any] = field(default_factory=list)
    offered: Any = None
    rejected: int = 0
    reschedule_of: Any = None  # backend.Upcoming being moved
    result: Any = None


class Receptionist:
    def __init__(self, *, clinic_name: str, backend: Any, caller: str | None = None, call_key: str = "call",
                 now: Callable[[], dt.datetime] = dt.datetime.now, understand: Understand | None = None,
                 can_say: Callable[[str], bool] | None = None, max_turns: int = 40,
                 fallback: Callable[[str], str | None] | None = None):
        self.clinic_name = clinic_name
        self.backend = backend
        self.facts = backend.facts
        self.caller = caller
        self.call_key = call_key
        self.now = now
        self._understand = understand
        self.can_say = can_say or (lambda text: True)
        self.max_turns = max_turns
        self.fallback = fallback  # LLM intent classifier (time-limited), used only for the open question
        self.events: list[Event] = []
        self.landed: dict[str, Any] = {}
        self.state = "start"
        self.ask: Ask | None = None
        self.turns = 0
        self.total_misses = 0
        self.keypad = False
        self.patients: list[Any] = []
        self.patient: Any = None
        self.identity_confirmed = False
        self.booking: Booking | None = None
        self.pending: str | None = None  # the intent waiting for identification (reschedule/cancel/confirm/book)
        self.upcoming: list[Any] = []
        self.target: Any = None  # the Upcoming being cancelled/moved
        self.topics: list[str] = []
        self.outcome = outcomes.ANSWERED
        self.q_answers: dict[str, Any] = {}
        self.q_order: list[str] = []
        self.caller_name_text: str | None = None

    # === carrier API ================================================================================
    def start(self) -> list[Action]:
        self.patients = self.backend.caller_patients(self.caller)
        out: list[Action] = [Say("greeting", barge_in=False)]
        if len(self.patients) == 1:
            self.patient = self.patients[0]
            name = (self.patient.name or "").strip()
            question = f"{name} 님 맞으세요?"
            if name and self.can_say(question):
                out.append(Say(text=question))
                return out + self._listen(Ask("confirm_identity", "yes_no", reask="yes_no_keys", menu="yes_no_keys"))
        return out + [Say("how_can_i_help")] + self._listen(self._need_ask())

    def on_input(self, heard: Heard) -> list[Action]:
        self.turns += 1
        if heard.hung_up:
            self._hung = True
            return self._hung_up()
        if self.turns > self.max_turns:
            return self._to_staff("통화가 길어져 직원 연결")
        ask = self.ask or self._need_ask()
        if heard.dtmf:
            self.keypad = True
            actions = getattr(self, f"_dtmf_{ask.state}", self._dtmf_default)(heard.dtmf)
            return actions if actions is not None else self._miss(ask, silence=False)
        text = (heard.text or "").strip()
        if heard.silence or heard.rejected or not text:
            if ask.state == "anything_else" and heard.silence:
                return self._goodbye()
            return self._miss(ask, silence=heard.silence)
        self.keypad = False  # the caller speaks again: ask in words
        u = self.understand(text, ask.expect)
        urgent = self._global(u, text, ask)
        if urgent is not None:
            return urgent
        actions = getattr(self, f"_on_{ask.state}")(u, text)
        return actions if actions is not None else self._miss(ask, silence=False)

    # === helpers =====================================================================================
    def understand(self, text: str, expect: str | None) -> Any:
        if self._understand is not None:
            return self._understand(text, self.now(), expect)
        from appliance.language import understand

        fallback = self.fallback if expect == "need" else None
        return understand(text, self.now(), expect=expect, fallback=fallback)

    def _listen(self, ask: Ask) -> list[Action]:
        self.ask = ask
        self.state = ask.state
        hints = HINTS.get(ask.expect) or HINTS["yes_no"]
        return [Listen(expect=ask.expect, timeout_s=ask.timeout_s, hints=list(hints), max_digits=ask.max_digits)]

    def _ask(self, keys: list[str] | str, ask: Ask, texts_before: list[Action] | None = None) -> list[Action]:
        keys = [keys] if isinstance(keys, str) else keys
        out = list(texts_before or []) + [Say(k) for k in keys]
        if self.keypad and ask.menu and ask.menu not in keys:
            out.append(Say(ask.menu))
        return out + self._listen(ask)

    def _need_ask(self) -> Ask:
        return Ask("need", "need", reask="reask_need", menu="menu_dtmf")

    def _event(self, kind: str, **data: Any) -> None:
        self.events.append(Event(kind, data))

    def _pid(self) -> str | None:
        return str(self.patient.id) if self.patient is not None else None

    def _open_now(self) -> bool:
        try:
            return self.facts.is_open_at(self.now())
        except Exception:
            return False

    def _topic_ko(self) -> str:
        names = {"book": "예약", "reschedule": "예약 변경", "cancel": "예약 취소", "confirm_appointment": "예약 확인", "change": "예약 변경/취소",
                 "ask_hours": "진료시간 문의", "ask_location": "위치 문의", "ask_price": "비용 문의",
                 "ask_insurance": "보험 문의", "symptom": "증상 상담", "emergency": "응급 증상"}
        seen = [names[t] for t in dict.fromkeys(self.topics) if t in names]
        return ", ".join(seen) or "용건 미확인"

    def _summary(self, head: str) -> str:
        who = "기존 환자" if self.patient is not None else ("가족 번호" if len(self.patients) > 1 else "미등록 번호")
        return f"{head} / {self._topic_ko()} / {who}"[:STAFF_SUMMARY_MAX]

    def _slot_text(self, start: dt.datetime) -> str:
        return speak.say_datetime(start)

    # === not understood, silence, hang-ups ===========================================================
    def _miss(self, ask: Ask, silence: bool) -> list[Action]:
        ask.misses += 1
        self.total_misses += 1
        if ask.state == "ask_name":  # the name is only a help for staff: never insist
            return self._after_booking([])
        if ask.state == "question" and self.q_order and self.q_order[0] == "q_complaint":
            return self._record_answer(None)
        if ask.state == "ask_birth" and self.pending == "book" and ask.misses >= 2:
            self.pending = None  # book without knowing which family member: staff sort it out
            self.q_answers["birth6"] = "미확인"
            return self._continue_booking()
        if ask.misses >= 3 or self.total_misses >= 6:
            return self._to_staff(self._summary("AI가 용건을 이해하지 못함"), reason="not_understood")
        if ask.misses == 1 and not self.keypad:
            first = [Say("silence")] if silence else []
            key = ask.reask or "sorry_again"
            return first + [Say(key)] + self._listen(ask)
        if ask.menu:
            self.keypad = True
            return [Say(ask.menu)] + self._listen(ask)
        return self._to_staff(self._summary("AI가 용건을 이해하지 못함"), reason="not_understood")

    def _hung_up(self) -> list[Action]:
        if self.booking is not None and self.booking.result is None and self.outcome == outcomes.ANSWERED:
            cid = self.backend.callback("통화 중 끊김: 예약 문의", phone=self.caller, patient_id=self._pid(), priority=6)
            self.landed.setdefault("callbacks", []).append({"id": cid, "reason": "abandoned booking"})
            self._event("callback", reason="abandoned booking")
        outcome = self.outcome if self.outcome != outcomes.ANSWERED else outcomes.CALLER_HUNG_UP
        return [End("hangup", outcome, summary=self._summary("고객이 통화 중 끊음"))]

    def on_hangup(self) -> None:
        """The carrier saw the caller hang up (a phone call never delivers ``Heard(hung_up=True)``)."""
        if not getattr(self, "_hung", False):
            self._hung = True
            self._hung_up()

    def _goodbye(self, extra: list[Action] | None = None) -> list[Action]:
        return list(extra or []) + [Say("goodbye"), End("hangup", self.outcome, summary=self._summary("AI 응대 완료"))]

    def _anything_else(self, before: list[Action] | None = None) -> list[Action]:
        self.booking = None if self.booking is None or self.booking.result is not None else self.booking
        return self._ask("anything_else", Ask("anything_else", "yes_no", menu="yes_no_keys", timeout_s=6.0),
                         texts_before=before)

    def _to_staff(self, summary: str, reason: str = "staff") -> list[Action]:
        """Transfer during opening hours (nobody answers → the dialplan's voicemail); after hours voicemail."""
        if self._open_now():
            self.landed["transfer"] = {"reason": reason}
            self._event("transfer", reason=reason)
            outcome = outcomes.TRANSFERRED if self.outcome in (outcomes.ANSWERED,) else self.outcome
            return [Say("transfer", barge_in=False), End("transfer", outcome, summary=summary)]
        cid = self.backend.callback(f"부재중 연결 요청: {self._topic_ko()}"[:64], phone=self.caller,
                                    patient_id=self._pid(), priority=4)
        self.landed.setdefault("callbacks", []).append({"id": cid, "reason": reason})
        self.landed["voicemail"] = True
        self._event("callback", reason=reason)
        return [Say("staff_after_hours", barge_in=False), Say("leave_message", barge_in=False),
                End("voicemail", outcomes.VOICEMAIL, summary=summary)]

    def _callback(self, reason: str, priority: int = 5, note: str | None = None, keep_going: bool = True) -> list[Action]:
        cid = self.backend.callback(reason, phone=self.caller, patient_id=self._pid(), priority=priority, note=note)
        self.landed.setdefault("callbacks", []).append({"id": cid, "reason": reason})
        self._event("callback", reason=reason)
        if self.outcome == outcomes.ANSWERED:
            self.outcome = outcomes.CALLBACK
        if keep_going:
            return self._anything_else([Say("callback_promise")])
        return [Say("callback_promise"), Say("goodbye"), End("hangup", self.outcome, summary=self._summary("콜백 요청"))]

    # === global intents (any question) ==================================================================
    def _global(self, u: Any, text: str, ask: Ask) -> list[Action] | None:
        intent = getattr(u, "intent", "other")
        compact = re.sub(r"\s+", "", text)
        if intent == "emergency" or (intent == "symptom" and SEVERE.search(compact)):
            return self._emergency(severe_symptom=intent == "symptom")
        if intent == "opt_out":
            return self._opt_out(source="call_speech")
        if intent == "talk_to_staff":
            self.topics.append("staff")
            return self._to_staff(self._summary("직원 연결 요청"))
        if intent == "wrong_number" and ask.state in ("need", "confirm_identity", "anything_else"):
            self.outcome = outcomes.WRONG_NUMBER
            return [Say("wrong_number"), Say("goodbye"), End("hangup", outcomes.WRONG_NUMBER, summary="잘못 건 전화")]
        if intent == "callback_later" and ask.state not in ("q_complaint", "ask_name"):
            return self._callback("고객이 나중에 연락 요청", keep_going=False)
        return None

    def _emergency(self, severe_symptom: bool = False) -> list[Action]:
        self.topics.append("emergency")
        self.outcome = outcomes.EMERGENCY
        self._event("emergency", severe_symptom=severe_symptom)
        cid = self.backend.callback("응급 증상 (우선 연락)", phone=self.caller, patient_id=self._pid(), priority=1)
        self.landed.setdefault("callbacks", []).append({"id": cid, "reason": "emergency", "priority": 1})
        self.landed["emergency"] = True
        summary = self._summary("응급: 즉시 확인 필요")
        if self._open_now():
            self.landed["transfer"] = {"reason": "emergency"}
            return [Say("emergency_transfer", barge_in=False), End("transfer", outcomes.EMERGENCY, summary=summary)]
        out: list[Action] = [Say("emergency_after_hours", barge_in=False)]
        guidance = (self.facts.emergency or "").strip()
        if guidance and self.can_say(guidance):
            out.append(Say(text=guidance, barge_in=False))
        self.landed["voicemail"] = True
        return out + [Say("leave_message", barge_in=False), End("voicemail", outcomes.EMERGENCY, summary=summary)]

    def _opt_out(self, source: str) -> list[Action]:
        self.backend.opt_out(self.caller, self._pid(), source)
        self.landed["opt_out"] = True
        self._event("opt_out", source=source)
        self.outcome = outcomes.OPTED_OUT
        return self._anything_else([Say("opt_out_done")])

    # === first question: what do you need? ===========================================================
    def _on_confirm_identity(self, u: Any, text: str) -> list[Action] | None:
        if u.intent not in ("yes", "no", "other"):
            return self._route(u, text)  # went straight to business: the number's patient, not confirmed
        answer = u.intent if u.intent in ("yes", "no") else getattr(u, "answer", None)
        if answer == "yes" or u.intent == "yes":
            self.identity_confirmed = True
            if u.intent not in ("yes", "no", "other"):
                return self._route(u, text)
            return [Say("how_can_i_help")] + self._listen(self._need_ask())
        if answer == "no":
            self.patient = None  # someone else on this phone (family) or a new number owner
            if u.intent not in ("yes", "no", "other"):
                return self._route(u, text)
            return [Say("how_can_i_help")] + self._listen(self._need_ask())
        if u.intent != "other":
            return self._route(u, text)
        return None

    def _dtmf_confirm_identity(self, digits: str) -> list[Action] | None:
        if digits[:1] == "1":
            self.identity_confirmed = True
        elif digits[:1] == "2":
            self.patient = None
        else:
            return None
        return [Say("how_can_i_help"), Say("menu_dtmf")] + self._listen(self._need_ask())

    def _on_need(self, u: Any, text: str) -> list[Action] | None:
        if u.intent in ("yes", "no"):
            return None
        return self._route(u, text)

    def _dtmf_need(self, digits: str) -> list[Action] | None:
        intent = MENU_KEYS.get(digits[:1])
        if intent is None:
            return None
        if intent == "talk_to_staff":
            return self._to_staff(self._summary("키패드로 직원 연결 요청"))
        from types import SimpleNamespace

        return self._route(SimpleNamespace(intent=intent, date=None, time=None, time_range=None, treatment=None,
                                           date_range=None, approximate=False, answer=None, digits=None), "")

    def _dtmf_default(self, digits: str) -> list[Action] | None:
        if digits[:1] == "0":
            return self._to_staff(self._summary("키패드로 직원 연결 요청"))
        return None

    def _route(self, u: Any, text: str) -> list[Action] | None:
        intent = u.intent
        self.topics.append(intent)
        if intent == "book":
            return self._start_booking(u)
        if intent in ("reschedule", "cancel", "confirm_appointment", "change"):
            return self._start_change(intent, u)
        if intent == "ask_hours":
            return self._answer_hours(u, text)
        if intent == "ask_location":
            return self._answer_location(text)
        if intent == "ask_price":
            return self._answer_price(u)
        if intent == "ask_insurance":
            return self._answer_insurance(u)
        if intent == "symptom":
            self.booking = Booking(treatment="checkup")
            self._event("symptom")
            self.q_answers["complaint"] = text
            return self._ask(["symptom_sorry", "offer_booking"], Ask("offer_booking", "offer", menu="yes_no_keys"))
        if intent == "wrong_number":
            self.outcome = outcomes.WRONG_NUMBER
            return [Say("wrong_number"), Say("goodbye"), End("hangup", outcomes.WRONG_NUMBER, summary="잘못 건 전화")]
        return None

    def _on_offer_booking(self, u: Any, text: str) -> list[Action] | None:
        if u.intent == "yes" or getattr(u, "answer", None) == "yes" and u.intent in ("book", "other"):
            return self._start_booking(u, keep=True)
        if u.intent == "no":
            self.booking = None
            return self._anything_else()
        if u.intent not in ("other",):
            return self._route(u, text)
        return None

    def _dtmf_offer_booking(self, digits: str) -> list[Action] | None:
        return self._yes_no_dtmf(digits, lambda: self._start_booking(None, keep=True),
                                 lambda: self._anything_else())

    def _yes_no_dtmf(self, digits: str, yes: Callable[[], list[Action]], no: Callable[[], list[Action]]) -> list[Action] | None:
        if digits[:1] == "1":
            return yes()
        if digits[:1] == "2":
            return no()
        if digits[:1] == "0":
            return self._to_staff(self._summary("키패드로 직원 연결 요청"))
        return None

    def _on_anything_else(self, u: Any, text: str) -> list[Action] | None:
        if u.intent == "no" or (u.intent == "other" and re.search(r"없어|됐어|괜찮|감사|고맙", text)):
            return self._goodbye()
        if u.intent == "yes":
            return [Say("how_can_i_help")] + self._listen(self._need_ask())
        return self._route(u, text)

    def _dtmf_anything_else(self, digits: str) -> list[Action] | None:
        if digits[:1] == "2":
            return self._goodbye()
        if digits[:1] == "1":
            return [Say("menu_dtmf")] + self._listen(self._need_ask())
        return self._dtmf_need(digits)

    # === identification (family phones, birth date) ====================================================
    def _need_patient(self, pending: str) -> list[Action] | None:
        """Ask whose appointment it is when the phone has several patients (or none, for changes)."""
        if self.patient is not None:
            return None
        self.pending = pending
        before = [Say("family_who")] if len(self.patients) > 1 else []
        return self._ask("ask_birth", Ask("ask_birth", "digits", reask="ask_birth_again", menu="ask_birth_again",
                                          max_digits=6, timeout_s=10.0), texts_before=before)

    def _birth_match(self, digits: str) -> Any:
        for p in self.patients:
            if p.birth_date and p.birth_date.strftime("%y%m%d") == digits:
                return p
        return None

    def _on_ask_birth(self, u: Any, text: str) -> list[Action] | None:
        digits = re.sub(r"\D", "", getattr(u, "digits", None) or "") or re.sub(r"\D", "", text)
        if len(digits) == 6:
            return self._after_birth(digits)
        if self.pending == "book" and self.booking is not None and (u.treatment or u.date or u.time or u.time_range):
            self._merge(u)  # the caller went on with the booking: keep it, ask again for the birth date
            return [Say("ask_birth_again")] + self._listen(self.ask)
        return None

    def _dtmf_ask_birth(self, digits: str) -> list[Action] | None:
        if digits == "0":
            return self._to_staff(self._summary("키패드로 직원 연결 요청"))
        if len(digits) != 6:
            return None
        return self._after_birth(digits)

    def _after_birth(self, digits: str) -> list[Action]:
        match = self._birth_match(digits)
        pending, self.pending = self.pending, None
        if match is not None:
            self.patient = match
            self.identity_confirmed = True
            before = [Say("confirmed_short")]
            if pending == "book":
                return before + self._continue_booking()
            return self._change_for_patient(pending or "confirm_appointment", before)
        if not self.patients and pending != "book":
            found = self.backend.patients_by_birth(digits, self.now().date())
            if found:
                self.candidates = found
                self.pending = pending
                return self._ask("ask_name_verify", Ask("ask_name_verify", "free", reask="ask_name_verify"))
        if not self.q_answers.get("birth_retry"):
            self.q_answers["birth_retry"] = True
            self.pending = pending
            return [Say("birth_not_found"), Say("ask_birth_again")] + self._listen(self.ask)
        if pending == "book":  # book anyway as a request; staff match the patient
            self.q_answers["birth6"] = digits
            return self._continue_booking()
        return self._callback(f"본인 확인 실패: {self._topic_ko()}", note=f"생년월일 {digits}")

    def _on_ask_name_verify(self, u: Any, text: str) -> list[Action] | None:
        spoken = re.sub(r"\s+", "", text)
        match = [p for p in getattr(self, "candidates", []) if p.name and re.sub(r"\s+", "", p.name) in spoken]
        pending, self.pending = self.pending, None
        if len(match) == 1:
            self.patient = match[0]
            self.identity_confirmed = True
            return self._change_for_patient(pending or "confirm_appointment", [Say("confirmed_short")])
        return self._callback(f"본인 확인 실패: {self._topic_ko()}")

    def _dtmf_ask_name_verify(self, digits: str) -> list[Action] | None:
        return self._dtmf_default(digits)

    # === booking ========================================================================================
    def _start_booking(self, u: Any, keep: bool = False) -> list[Action]:
        if self.booking is None or not keep:
            self.booking = Booking(treatment=self.booking.treatment if self.booking and keep else None)
        if u is not None:
            self._merge(u)
        if len(self.patients) > 1 and self.patient is None and not self.q_answers.get("birth6"):
            asked = self._need_patient("book")
            if asked is not None:
                return asked
        return self._continue_booking()

    def _merge(self, u: Any) -> None:
        b = self.booking
        assert b is not None
        if getattr(u, "treatment", None):
            b.treatment = u.treatment
        if getattr(u, "date", None):
            b.date = dt.date.fromisoformat(u.date)
            b.date_range = None
        elif getattr(u, "date_range", None):
            b.date_range = (dt.date.fromisoformat(u.date_range[0]), dt.date.fromisoformat(u.date_range[1]))
            b.date = None
        if getattr(u, "time", None):
            h, m = map(int, u.time.split(":"))
            b.time, b.time_range, b.approximate = dt.time(h, m), None, bool(getattr(u, "approximate", False))
        elif getattr(u, "time_range", None):
            lo, hi = (dt.time(*map(int, t.split(":"))) for t in u.time_range)
            b.time_range, b.time = (lo, hi), None

    def _continue_booking(self) -> list[Action]:
        b = self.booking
        assert b is not None
        if b.treatment is None:
            return self._ask("ask_treatment", Ask("ask_treatment", "treatment", reask="ask_treatment_again",
                                                  menu="treatment_menu"))
        if b.date is None and b.date_range is None and b.time is None and b.time_range is None:
            return self._ask("ask_date", Ask("ask_date", "date", reask="ask_date_again", menu="date_menu",
                                             max_digits=4, timeout_s=10.0))
        return self._offer()

    def _on_ask_treatment(self, u: Any, text: str) -> list[Action] | None:
        if u.intent not in ("book", "other", "yes", "no", "symptom"):
            return self._route(u, text)
        if u.treatment is None and re.search(r"모르|상담|검진|봐주|봐 주|아파|불편|검사", text):
            self.booking.treatment = "checkup"
            self.q_answers.setdefault("complaint", text)
        if u.treatment is None and self.booking.treatment is None:
            if u.date or u.time or u.time_range:
                self._merge(u)
            return None
        self._merge(u)
        return self._continue_booking()

    def _dtmf_ask_treatment(self, digits: str) -> list[Action] | None:
        if digits[:1] == "0":
            return self._to_staff(self._summary("키패드로 직원 연결 요청"))
        t = TREATMENT_KEYS.get(digits[:1])
        if t is None:
            return None
        self.booking.treatment = t
        return self._continue_booking()

    def _on_ask_date(self, u: Any, text: str) -> list[Action] | None:
        if u.intent in ("reschedule", "cancel", "ask_hours", "ask_location", "ask_price", "ask_insurance"):
            return self._route(u, text)
        if re.search(r"빠른|빨리|아무때|아무 때|언제든|상관없", text):
            self.booking.date_range = (self.now().date(), self.now().date() + dt.timedelta(days=14))
            return self._offer()
        if u.date or u.date_range or u.time or u.time_range:
            self._merge(u)
            return self._offer()
        return None

    def _dtmf_ask_date(self, digits: str) -> list[Action] | None:
        today = self.now().date()
        if digits.startswith("*"):
            self.booking.date_range = (today, today + dt.timedelta(days=14))
            return self._offer()
        if digits == "0":
            return self._to_staff(self._summary("키패드로 직원 연결 요청"))
        if len(digits) != 4 or not digits.isdigit():
            return None
        try:
            day = dt.date(today.year, int(digits[:2]), int(digits[2:]))
        except ValueError:
            return None
        if day < today:
            day = day.replace(year=today.year + 1)
        self.booking.date, self.booking.date_range = day, None
        return self._offer()

    def _search(self) -> tuple[list[Any], list[Action]]:
        """Free slots for the current wishes, nearest alternatives when the wish cannot be met."""
        b = self.booking
        now = self.now()
        today = now.date()
        notes: list[Action] = []
        if b.date is not None:
            d0 = d1 = b.date
        elif b.date_range is not None:
            d0, d1 = b.date_range
        else:
            d0, d1 = today, today + dt.timedelta(days=14)
        if b.date is not None and self.facts.closed_reason(b.date):
            notes.append(Say("closed_that_day"))
            d0, d1 = b.date + dt.timedelta(days=1), b.date + dt.timedelta(days=14)
        rng: Any = b.time_range
        if b.time is not None:
            start = dt.datetime.combine(d0, b.time)
            if b.approximate:
                rng = ((start - dt.timedelta(minutes=60)).time(), (start + dt.timedelta(minutes=61)).time())
            else:
                rng = (b.time, (start + dt.timedelta(minutes=1)).time())
        found = self.backend.find_slots(b.treatment, d0, d1, rng, now)
        if not found and b.time is not None and not notes:
            notes.append(Say("time_taken"))
            found = self.backend.find_slots(b.treatment, d0, d1, None, now, limit=60)
            if found:
                want = dt.datetime.combine(d0, b.time)
                found.sort(key=lambda s: (abs((s.start - want).total_seconds()), s.start))
                found = found[:3]
        if not found and rng is not None:
            found = self.backend.find_slots(b.treatment, d0, d1, None, now)
        if not found and (b.date is not None or b.date_range is not None):
            if not notes:
                notes.append(Say("no_slots"))
            found = self.backend.find_slots(b.treatment, d1 + dt.timedelta(days=1), d1 + dt.timedelta(days=14), rng, now)
        if notes and found:
            notes.append(Say("nearest_is"))
        return found, notes

    def _offer(self, notes: list[Action] | None = None) -> list[Action]:
        b = self.booking
        found, more = self._search()
        b.offers = found
        if not found:
            return self._callback("예약 가능한 시간을 찾지 못함", note=f"진료 {b.treatment}")
        return self._propose(found[0], (notes or []) + more)

    def _propose(self, slot: Any, before: list[Action]) -> list[Action]:
        b = self.booking
        b.offered = slot
        readback = f"{self._slot_text(slot.start)}, {TREATMENT_KO.get(b.treatment or 'checkup', '검진')}"
        ask = Ask("propose", "proposal", reask="yes_no_keys", menu="yes_no_keys")
        return self._ask("book_this", ask, texts_before=before + [Say(text=readback)])

    def _on_propose(self, u: Any, text: str) -> list[Action] | None:
        b = self.booking
        if u.intent in ("reschedule", "cancel", "ask_hours", "ask_location", "ask_price", "ask_insurance"):
            return self._route(u, text)
        said_yes = u.intent == "yes" or getattr(u, "answer", None) == "yes"
        offered = b.offered.start if b.offered is not None else None
        same = offered is not None and (not u.date or u.date == offered.date().isoformat()) and \
            (not u.time or u.time == offered.strftime("%H:%M"))
        if said_yes and same and not u.time_range and not u.date_range:
            return self._book()  # "네, 세 시 반 좋아요"
        if u.date or u.time or u.time_range or u.date_range:
            self._merge(u)
            return self._offer()
        if u.intent == "yes" or (u.intent == "book" and getattr(u, "answer", None) == "yes"):
            return self._book()
        if u.intent == "no" or getattr(u, "answer", None) == "no":
            return self._next_offer()
        return None

    def _dtmf_propose(self, digits: str) -> list[Action] | None:
        return self._yes_no_dtmf(digits, self._book, self._next_offer)

    def _next_offer(self) -> list[Action]:
        b = self.booking
        b.rejected += 1
        rest = [s for s in b.offers if s.start > b.offered.start] if b.offers else []
        if b.rejected >= 3:
            return self._callback("원하는 예약 시간 조율 필요", note=f"진료 {b.treatment}")
        if b.rejected == 2 or not rest:
            b.time, b.time_range, b.date, b.date_range = None, None, None, None
            return self._ask("ask_date_again", Ask("ask_date", "date", reask="ask_time_pref", menu="date_menu",
                                                   max_digits=4, timeout_s=10.0))
        return self._propose(rest[0], [])

    def _book(self) -> list[Action]:
        b = self.booking
        slot = b.offered
        key = f"{self.call_key}:book"
        memo = "AI 전화 예약" + (" (변경)" if b.reschedule_of else "")
        result = self.backend.book(key=key, patient_id=self._pid(), start=slot.start, treatment=b.treatment,
                                   phone=self.caller, memo=memo)
        b.result = result
        if result.status == "taken":
            b.result = None
            self.call_key = f"{self.call_key}+"  # a new key for the next attempt in this call
            b.offers = [s for s in b.offers if s.start != slot.start]
            return self._offer([Say("slot_gone")])
        if not result.ok:
            return self._callback("예약 처리 실패", note=f"{slot.start:%Y-%m-%d %H:%M} {b.treatment}")
        self.landed["booking"] = {"status": result.status, "start": slot.start.isoformat(timespec="minutes"),
                                  "treatment": b.treatment, "request_id": result.request_id,
                                  "appointment_id": result.appointment_id, "patient_known": self.patient is not None}
        self._event("booking", status=result.status, start=slot.start.isoformat(timespec="minutes"),
                    treatment=b.treatment)
        self.outcome = outcomes.BOOKED
        readback = [Say(text=self._slot_text(slot.start))]
        if b.reschedule_of is not None:
            old = b.reschedule_of
            status = self.backend.cancel(key=f"{self.call_key}:cancel", upcoming=old, phone=self.caller,
                                         reason="AI 전화 예약 변경")
            self.landed["cancellation"] = {"status": status, "start": old.appointment.start.isoformat(timespec="minutes"),
                                           "reason": "reschedule"}
            self._event("reschedule", status=status)
            self.outcome = outcomes.RESCHEDULED
            said = [Say("rescheduled")] if result.status == "booked" and status == "cancelled" else [Say("booking_requested")]
            return self._after_booking(readback + said)
        said = [Say("booked")] if result.status == "booked" else [Say("booking_requested")]
        if self.q_answers.get("birth6"):
            self.backend.annotate_booking(result.request_id, note=f"생년월일 {self.q_answers['birth6']}")
        if self.patient is None:
            return readback + said + self._ask("ask_name", Ask("ask_name", "free", timeout_s=8.0))
        return self._after_booking(readback + said)

    def _on_ask_name(self, u: Any, text: str) -> list[Action] | None:
        name = re.sub(r"(이요|요|입니다|이에요|예요)$", "", text.strip().rstrip(".")).strip()
        self.caller_name_text = name
        b = self.booking
        if b and b.result is not None:
            self.backend.annotate_booking(b.result.request_id, note=f"성함(음성 인식) {name}")
        return self._after_booking([])

    def _dtmf_ask_name(self, digits: str) -> list[Action] | None:
        return self._after_booking([])

    def _after_booking(self, before: list[Action]) -> list[Action]:
        if self.caller and _is_mobile(self.caller):
            return self._ask("offer_sms", Ask("offer_sms", "offer", reask="yes_no_keys", menu="yes_no_keys"),
                             texts_before=before)
        return self._questionnaire_offer(before)

    def _on_offer_sms(self, u: Any, text: str) -> list[Action] | None:
        if u.intent == "yes" or getattr(u, "answer", None) == "yes":
            return self._sms(True)
        if u.intent == "no" or getattr(u, "answer", None) == "no":
            return self._sms(False)
        return None

    def _dtmf_offer_sms(self, digits: str) -> list[Action] | None:
        return self._yes_no_dtmf(digits, lambda: self._sms(True), lambda: self._sms(False))

    def _sms(self, wanted: bool) -> list[Action]:
        b = self.booking
        if wanted:
            self.landed["sms_confirmation"] = True
            self._event("sms_confirmation", request_id=b.result.request_id if b and b.result else None)
            if b and b.result is not None:
                self.backend.annotate_booking(b.result.request_id, sms_confirmation="wanted")
        return self._questionnaire_offer([Say("sms_ok")] if wanted else [])

    # --- 문진 (new bookings) ---
    QUESTIONS = ("q_complaint", "q_pain", "q_diabetes", "q_hypertension", "q_anticoagulant", "q_pregnancy")

    def _questionnaire_offer(self, before: list[Action]) -> list[Action]:
        b = self.booking
        if b is None or b.reschedule_of is not None:
            return self._anything_else(before)
        return self._ask("questionnaire_offer", Ask("questionnaire_offer", "offer", reask="yes_no_keys",
                                                    menu="yes_no_keys"), texts_before=before)

    def _on_questionnaire_offer(self, u: Any, text: str) -> list[Action] | None:
        if u.intent == "yes" or getattr(u, "answer", None) == "yes":
            return self._start_questions()
        if u.intent == "no" or getattr(u, "answer", None) == "no":
            return self._anything_else()
        return None

    def _dtmf_questionnaire_offer(self, digits: str) -> list[Action] | None:
        return self._yes_no_dtmf(digits, self._start_questions, lambda: self._anything_else())

    def _start_questions(self) -> list[Action]:
        order = list(self.QUESTIONS)
        if "complaint" in self.q_answers:
            order.remove("q_complaint")
        if self.patient is not None and getattr(self.patient, "sex", None) == "M":
            order.remove("q_pregnancy")
        self.q_order = order
        return self._next_question()

    def _next_question(self) -> list[Action]:
        if not self.q_order:
            return self._finish_questions()
        key = self.q_order[0]
        if key == "q_complaint":
            return self._ask(key, Ask("question", "free", timeout_s=10.0))
        return self._ask(key, Ask("question", "wellbeing", reask="yes_no_keys", menu="yes_no_keys"))

    def _record_answer(self, value: Any) -> list[Action]:
        key = self.q_order.pop(0)
        self.q_answers[key[2:]] = value
        return self._next_question()

    def _on_question(self, u: Any, text: str) -> list[Action] | None:
        key = self.q_order[0]
        if key == "q_complaint":
            return self._record_answer(text)
        if u.intent == "yes" or getattr(u, "answer", None) == "yes":
            return self._record_answer(True)
        if u.intent == "no" or getattr(u, "answer", None) == "no":
            return self._record_answer(False)
        if re.search(r"모르|글쎄|잘 모", text):
            return self._record_answer(None)
        if u.intent == "symptom" and key == "q_pain":
            return self._record_answer(True)
        return None

    def _dtmf_question(self, digits: str) -> list[Action] | None:
        key = self.q_order[0]
        if key == "q_complaint":
            return self._record_answer(None)
        return self._yes_no_dtmf(digits, lambda: self._record_answer(True), lambda: self._record_answer(False))

    def _finish_questions(self) -> list[Action]:
        labels = {"complaint": "주소(불편한 곳)", "pain": "통증", "diabetes": "당뇨", "hypertension": "고혈압",
                  "anticoagulant": "항응고제 복용", "pregnancy": "임신 가능성"}
        lines = []
        for k, label in labels.items():
            if k not in self.q_answers:
                continue
            v = self.q_answers[k]
            lines.append(f"{label}: {'예' if v is True else '아니요' if v is False else '모름' if v is None else v}")
        b = self.booking
        when = f"{b.result.start:%Y-%m-%d %H:%M} " if b and b.result is not None else ""
        text = f"[AI 문진] {when}{TREATMENT_KO.get(b.treatment or '', '') if b else ''}\n" + "\n".join(lines)
        nid = self.backend.note(text, phone=self.caller, patient_id=self._pid())
        answers = {k: v for k, v in self.q_answers.items() if k in labels}
        self.landed["questionnaire"] = {"note_id": nid, "answers": answers}
        self._event("questionnaire", note_id=nid)
        if b is not None and b.result is not None:
            self.backend.annotate_booking(b.result.request_id, questionnaire_note=nid)
        return self._anything_else([Say("questionnaire_done")])

    # === reschedule / cancel / confirm =================================================================
    def _start_change(self, intent: str, u: Any) -> list[Action]:
        if self.patient is None and len(self.patients) != 1:
            asked = self._need_patient(intent)
            if asked is not None:
                if not self.patients:
                    # unknown number: our own booking requests on this phone can still be found
                    ups = self.backend.upcoming(None, self.caller, self.now())
                    if ups:
                        self.pending = None
                        return self._change_with(intent, ups, [], u)
                return asked
        return self._change_for_patient(intent, [], u)

    def _change_for_patient(self, intent: str, before: list[Action], u: Any = None) -> list[Action]:
        ups = self.backend.upcoming(self._pid(), self.caller, self.now())
        return self._change_with(intent, ups, before, u)

    def _change_with(self, intent: str, ups: list[Any], before: list[Action], u: Any = None) -> list[Action]:
        self.upcoming = ups
        if not ups:
            if self.backend.emr_down:
                return self._callback(f"{self._topic_ko()} (EMR 연결 안 됨)")
            return self._callback(f"예약 없음: {self._topic_ko()}", keep_going=True) if intent != "confirm_appointment" \
                else self._anything_else(before + [Say("no_appointment")])
        self.target = ups[0]
        appt = self.target.appointment
        readback = self._slot_text(appt.start)
        if appt.treatment in TREATMENT_KO:
            readback += f", {TREATMENT_KO[appt.treatment]}"
        said = before + [Say(text=readback), Say("appointment_is")]
        if intent == "confirm_appointment":
            self.outcome = outcomes.CONFIRMED
            self.landed["confirmed"] = {"start": appt.start.isoformat(timespec="minutes")}
            return self._anything_else(said)
        if intent == "change":  # keypad 3: change or cancel?
            return self._ask("change_or_cancel", Ask("change_or_cancel", "yes_no", reask="change_or_cancel_keys",
                                                     menu="change_or_cancel_keys"), texts_before=said)
        if intent == "cancel":
            return self._ask("confirm_cancel", Ask("confirm_cancel", "yes_no", reask="yes_no_keys", menu="yes_no_keys"),
                             texts_before=said)
        # reschedule: same treatment, new date
        self.booking = Booking(treatment=appt.treatment or "checkup", reschedule_of=self.target)
        if u is not None and (getattr(u, "date", None) or getattr(u, "time", None) or getattr(u, "date_range", None)):
            self._merge(u)
            return self._offer(said)
        return self._ask("which_new_date", Ask("ask_date", "date", reask="ask_date_again", menu="date_menu",
                                               max_digits=4, timeout_s=10.0), texts_before=said)

    def _on_change_or_cancel(self, u: Any, text: str) -> list[Action] | None:
        if u.intent == "cancel" or "취소" in text:
            return self._change_with("cancel", self.upcoming, [])
        if u.intent in ("reschedule", "book") or re.search(r"바꾸|바꿔|변경|옮기|미루|당기", text):
            return self._change_with("reschedule", self.upcoming, [], u)
        if u.intent == "no":
            return self._anything_else([Say("keep_appointment")])
        return None

    def _dtmf_change_or_cancel(self, digits: str) -> list[Action] | None:
        return self._yes_no_dtmf(digits, lambda: self._change_with("reschedule", self.upcoming, []),
                                 lambda: self._change_with("cancel", self.upcoming, []))

    def _on_confirm_cancel(self, u: Any, text: str) -> list[Action] | None:
        if u.intent == "reschedule":
            return self._change_with("reschedule", self.upcoming, [], u)
        if u.intent in ("yes", "cancel") or getattr(u, "answer", None) == "yes":
            return self._do_cancel()
        if u.intent == "no":
            return self._anything_else([Say("keep_appointment")])
        return None

    def _dtmf_confirm_cancel(self, digits: str) -> list[Action] | None:
        return self._yes_no_dtmf(digits, self._do_cancel, lambda: self._anything_else([Say("keep_appointment")]))

    def _do_cancel(self) -> list[Action]:
        target = self.target
        status = self.backend.cancel(key=f"{self.call_key}:cancel", upcoming=target, phone=self.caller,
                                     reason="AI 전화 취소")
        self.landed["cancellation"] = {"status": status, "start": target.appointment.start.isoformat(timespec="minutes")}
        self._event("cancellation", status=status)
        if status == "failed":
            return self._callback("예약 취소 처리 실패", priority=3)
        self.outcome = outcomes.CANCELLED
        said = Say("cancelled") if status == "cancelled" else Say("cancel_requested")
        return self._ask("offer_rebook", Ask("offer_rebook", "offer", reask="yes_no_keys", menu="yes_no_keys"),
                         texts_before=[said])

    def _on_offer_rebook(self, u: Any, text: str) -> list[Action] | None:
        if u.intent in ("yes", "book") or getattr(u, "answer", None) == "yes":
            treatment = self.target.appointment.treatment if self.target else None
            self.booking = Booking(treatment=treatment)
            self._merge(u)
            return self._continue_booking()
        if u.intent == "no":
            return self._anything_else()
        return self._route(u, text) if u.intent != "other" else None

    def _dtmf_offer_rebook(self, digits: str) -> list[Action] | None:
        def yes() -> list[Action]:
            self.booking = Booking(treatment=self.target.appointment.treatment if self.target else None)
            return self._continue_booking()
        return self._yes_no_dtmf(digits, yes, lambda: self._anything_else())

    # === answers from the facts file =====================================================================
    def _hours_sentences(self) -> list[Action]:
        from appliance.data.clinic.facts import WEEKDAYS as WD

        f = self.facts
        groups: list[tuple[list[int], Any]] = []
        for i, day in enumerate(WD):
            hours = f.hours.get(day)
            if groups and groups[-1][1] == hours and groups[-1][0][-1] == i - 1:
                groups[-1][0].append(i)
            else:
                groups.append(([i], hours))
        out: list[Action] = []
        closed: list[int] = []
        for days, hours in groups:
            if not hours:
                closed += days
                continue
            who = speak.WEEKDAYS[days[0]] if len(days) == 1 else f"{speak.WEEKDAYS[days[0]]}부터 {speak.WEEKDAYS[days[-1]]}까지"
            out.append(Say(text=f"{who}, {speak.say_time(hours[0])}부터 {speak.say_time(hours[1])}까지입니다."))
        for i in closed:
            out.append(Say(text=f"{speak.WEEKDAYS[i]},"))
            out.append(Say("closed_word"))
        if f.public_holidays:
            out.append(Say("holidays_closed"))
        return out

    def _lunch_sentences(self) -> list[Action]:
        if not self.facts.lunch:
            return []
        lo, hi = self.facts.lunch
        return [Say("lunch_intro"), Say(text=f"{speak.say_time(lo)}부터 {speak.say_time(hi)}까지입니다.")]

    def _answer_hours(self, u: Any, text: str = "") -> list[Action]:
        out: list[Action] = []
        if "점심" in text and self.facts.lunch and not getattr(u, "date", None):
            return self._anything_else(self._lunch_sentences())
        if getattr(u, "date", None):
            day = dt.date.fromisoformat(u.date)
            hours = self.facts.open_hours(day)
            if not hours:
                out += [Say(text=speak.say_date(day) + ","), Say("closed_word")]
            else:
                out += [Say(text=f"{speak.say_date(day)}, {speak.say_time(hours[0])}부터 {speak.say_time(hours[1])}까지"),
                        Say("open_word")]
                out += self._lunch_sentences() if self.facts.lunch_on(day) else []
            return self._anything_else(out)
        out = [Say("hours_intro")] + self._hours_sentences() + self._lunch_sentences()
        return self._anything_else(out)

    def _say_facts(self, texts: list[str], why: str) -> list[Action]:
        texts = [t.strip() for t in texts if t and t.strip()]
        if texts and all(self.can_say(t) for t in texts):
            return self._anything_else([Say(text=t) for t in texts])
        return self._callback(why)

    def _answer_location(self, text: str) -> list[Action]:
        f = self.facts
        if PARKING.search(re.sub(r"\s+", "", text)):
            return self._say_facts([f.parking], "주차 문의")
        return self._say_facts([f.address, f.directions], "위치 문의")

    def _answer_price(self, u: Any) -> list[Action]:
        t = getattr(u, "treatment", None)
        if t is None:
            self.booking = None
            return self._ask("ask_price_which", Ask("price_which", "treatment", reask="ask_treatment_again"))
        price = self.facts.prices.get(t)
        if price is None:
            return self._callback("비용 문의 (안내 자료 없음)", note=TREATMENT_KO.get(t, t))
        amount = (speak.say_price(price.min) if price.min == price.max
                  else f"{speak.say_price(price.min)}에서 {speak.say_price(price.max)}")
        out: list[Action] = [Say(text=f"{TREATMENT_KO[t]}, {amount}까지입니다." if price.min != price.max
                                 else f"{TREATMENT_KO[t]}, {amount}입니다.")]
        if price.note and self.can_say(price.note):
            out.append(Say(text=price.note))
        out.append(Say("price_exact_later"))
        return self._anything_else(out)

    def _on_price_which(self, u: Any, text: str) -> list[Action] | None:
        if u.treatment:
            return self._answer_price(u)
        if u.intent not in ("other", "yes", "no", "book"):
            return self._route(u, text)
        return None

    def _answer_insurance(self, u: Any) -> list[Action]:
        t = getattr(u, "treatment", None)
        keys = {"scaling": "insurance_scaling", "implant": "insurance_implant", "denture": "insurance_denture"}
        if t in keys:
            return self._anything_else([Say(keys[t])])
        if t is None:
            return self._anything_else([Say("insurance_scaling"), Say("insurance_implant"), Say("insurance_denture")])
        return self._callback("보험 적용 문의", note=TREATMENT_KO.get(t, t))


def _is_mobile(number: str) -> bool:
    from appliance.data import phone

    return phone.is_mobile(number)


def phrase_text(key: str, clinic: str) -> str:
    return PHRASES[key].format(clinic=clinic)
