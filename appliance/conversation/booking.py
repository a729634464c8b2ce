"""Booking a visit on an inbound call: treatment, date, time, a real free slot read back, booked once.

Only what is missing is asked. A caller whose number belongs to patients proves who they are with a birth
date first (family phones: the birth date picks the patient; a minor's is given by the guardian), so the
booking lands on the right chart; when that fails the booking still lands, as a request without a patient
that staff match. Afterwards: the name for staff (unknown callers), an SMS confirmation on mobiles, and the
문진 offer (:mod:`.questionnaire`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Flow, Step, said_no, said_yes, yes_no_keys
from appliance.conversation.outcomes import EventKind, Outcome
from appliance.conversation.day_refused import refused_day
from appliance.conversation.slot_search import search
from appliance.data import phone as phones
from appliance.language import speak

TREATMENT_KO = {
    "scaling": "스케일링", "implant": "임플란트", "filling": "충치 치료", "root_canal": "신경 치료",
    "extraction": "발치", "wisdom_tooth": "사랑니 발치", "orthodontics": "교정", "whitening": "미백",
    "checkup": "검진", "denture": "틀니", "crown": "크라운", "gum": "잇몸 치료",
}
TREATMENT_KEYS = {"1": "scaling", "2": "filling", "3": "checkup", "4": "implant", "5": "checkup"}
ELSEWHERE = ("reschedule", "cancel", "ask_hours", "ask_location", "ask_price", "ask_insurance")


def _clock(hhmm: str) -> dt.time:
    hour, minute = hhmm.split(":")
    return dt.time(int(hour), int(minute))


@dataclasses.dataclass
class Booking:
    treatment: str | None = None
    date: dt.date | None = None
    date_range: tuple[dt.date, dt.date] | None = None
    time: dt.time | None = None
    time_range: tuple[dt.time, dt.time] | None = None
    approximate: bool = False
    weekday_clash: bool = False  # the caller's weekday is not the date's: the desk says which it is, once
    offers: list[Any] = dataclasses.field(default_factory=list)
    offered: Any = None
    rejected: int = 0
    reschedule_of: Any = None  # backend.Upcoming being moved
    result: Any = None
    birth6: str | None = None  # a birth date staff may use to find the chart (identity not proven)
    avoid: set[dt.date] = dataclasses.field(default_factory=set)  # days the caller said do not suit


class BookingFlow(Flow):
    def __init__(self, dialog: Any):
        super().__init__(dialog)
        self.b: Booking | None = None
        self.complaint: str | None = None  # what the caller said was wrong (for the 문진)

    # --- entry points -------------------------------------------------------------------------------
    def start(self, u: Any, keep: bool = False) -> Actions:
        if self.b is None or not keep:
            self.b = Booking(treatment=self.b.treatment if self.b and keep else None)
        if u is not None:
            self.merge(u)
        d = self.d
        if d.patients and d.patient is None and not d.identity.confirmed and self.b.birth6 is None:
            before = [Say("family_who")] if len(d.patients) > 1 else []
            return d.identity.verify(candidates=d.patients, then=self._identified, fail=self._unidentified,
                                     before=before, aside=self._aside)
        if d.identity.confirmed and d.patient is None:
            d.patient = d.identity.match.patient
        return self.proceed()

    def start_reschedule(self, target: Any, u: Any, said: list[Action]) -> Actions:
        appt = target.appointment
        self.b = Booking(treatment=appt.treatment or "checkup", reschedule_of=target)
        if u is not None and (getattr(u, "date", None) or getattr(u, "time", None) or getattr(u, "date_range", None)):
            self.merge(u)
            return self.offer(said)
        return self.d.ask("ask_date", ["which_new_date"], before=said)

    def start_rebook(self, treatment: str | None, u: Any = None) -> Actions:
        self.b = Booking(treatment=treatment)
        if u is not None:
            self.merge(u)
        return self.proceed()

    def start_earliest(self, treatment: str, before: list[Action]) -> Actions:
        today = self.d.now().date()
        self.b = Booking(treatment=treatment, date_range=(today, today + dt.timedelta(days=14)))
        return self.offer(before)

    def prepare(self, treatment: str) -> None:
        """A booking that may follow (after a symptom): the treatment is known, nothing is asked yet."""
        self.b = Booking(treatment=treatment)

    def release(self) -> None:
        """Forget a finished booking (a new one may start in the same call)."""
        if self.b is not None and self.b.result is not None:
            self.b = None

    def abandoned(self) -> bool:
        return self.b is not None and self.b.result is None

    def treatment(self) -> str | None:
        """The treatment of the booking in progress (a price asked meanwhile is about it)."""
        return self.b.treatment if self.b is not None else None

    def resume(self, before: list[Action]) -> Actions | None:
        """The open booking question once more after ``before`` (an answer to a question asked meanwhile); None
        when no booking question is open."""
        d = self.d
        if d.state == "propose" and self.b is not None and self.b.offered is not None:
            return d.again(["book_this"], before=before + [Say(text=self._readback(self.b.offered))])
        if d.state in ("ask_treatment", "ask_date"):
            return d.again([d.state], before=before)
        return None

    # --- identity -------------------------------------------------------------------------------------
    def _identified(self, match: Any) -> Actions:
        self.d.patient, self.d.guardian = match.patient, match.guardian
        return self.proceed()

    def _unidentified(self, reason: str) -> Actions:
        # book anyway, as a request without a patient: staff find the chart
        assert self.b is not None
        self.b.birth6 = getattr(self.d.identity, "last_birth6", None) or "미확인"
        return self.proceed()

    def _aside(self, u: Any, text: str) -> Actions | None:
        if self.b is not None and (u.treatment or u.date or u.time or u.time_range):
            self.merge(u)  # the caller went on with the booking: keep it, ask again for the birth date
            return self.d.again(["ask_birth_again"])
        return None

    # --- wishes ---------------------------------------------------------------------------------------
    def merge(self, u: Any) -> None:
        b = self.b
        assert b is not None
        if getattr(u, "treatment", None):
            b.treatment = u.treatment
        if getattr(u, "date", None):
            b.date = dt.date.fromisoformat(u.date)
            b.date_range, b.weekday_clash = None, bool(getattr(u, "weekday_clash", False))
        elif getattr(u, "date_range", None):
            b.date_range = (dt.date.fromisoformat(u.date_range[0]), dt.date.fromisoformat(u.date_range[1]))
            b.date = None
        if getattr(u, "time", None):
            b.time, b.time_range, b.approximate = _clock(u.time), None, bool(getattr(u, "approximate", False))
        elif getattr(u, "time_range", None):
            b.time_range, b.time = (_clock(u.time_range[0]), _clock(u.time_range[1])), None

    def proceed(self) -> Actions:
        b = self.b
        assert b is not None
        if b.treatment is None:
            return self.d.ask("ask_treatment", ["ask_treatment"])
        if b.date is None and b.date_range is None and b.time is None and b.time_range is None:
            return self.d.ask("ask_date", ["ask_date"])
        return self.offer()

    def _words_treatment(self, u: Any, text: str) -> Actions | None:
        b = self.b
        assert b is not None
        if u.intent not in ("book", "other", "yes", "no", "symptom"):
            return self.d.route(u, text)
        if u.treatment is None and re.search(r"모르|상담|검진|봐주|봐 주|아파|불편|검사", text):
            b.treatment = "checkup"
            self.complaint = self.complaint or text
        if u.treatment is None and b.treatment is None:
            if u.date or u.time or u.time_range:
                self.merge(u)
            return None
        self.merge(u)
        return self.proceed()

    def _keys_treatment(self, digits: str) -> Actions | None:
        t = TREATMENT_KEYS.get(digits[:1])
        if t is None or self.b is None:
            return None
        self.b.treatment = t
        return self.proceed()

    def _words_date(self, u: Any, text: str) -> Actions | None:
        b = self.b
        assert b is not None
        refused = refused_day(u, text)
        if refused is not None:  # "내일은 안 돼요": that day left out, the question asked again
            self._leave_out(refused)
            return self.d.ask("ask_date", ["day_left_out", "ask_date"])
        if u.intent in ELSEWHERE:
            return self.d.route(u, text)
        if re.search(r"빠른|빨리|아무때|아무 때|언제든|상관없", text):
            today = self.d.now().date()
            b.date_range = (today, today + dt.timedelta(days=14))
            return self.offer()
        if u.date or u.date_range or u.time or u.time_range:
            self.merge(u)
            return self.offer()
        return None

    def _keys_date(self, digits: str) -> Actions | None:
        b = self.b
        assert b is not None
        today = self.d.now().date()
        if digits.startswith("*"):
            b.date_range = (today, today + dt.timedelta(days=14))
            return self.offer()
        if len(digits) != 4 or not digits.isdigit():
            return None
        try:
            day = dt.date(today.year, int(digits[:2]), int(digits[2:]))
        except ValueError:
            return None
        if day < today:
            day = day.replace(year=today.year + 1)
        b.date, b.date_range = day, None
        return self.offer()

    # --- offering slots -------------------------------------------------------------------------------
    def offer(self, notes: list[Action] | None = None) -> Actions:
        b = self.b
        assert b is not None
        found, more = search(self.d.backend, self.d.facts, b, self.d.now())
        b.offers, b.weekday_clash = found, False
        if not found:
            return self.d.callback("예약 가능한 시간을 찾지 못함", note=f"진료 {b.treatment}")
        return self._propose(found[0], (notes or []) + more)

    def _propose(self, slot: Any, before: list[Action]) -> Actions:
        b = self.b
        assert b is not None
        b.offered = slot
        return self.d.ask("propose", ["book_this"], before=before + [Say(text=self._readback(slot))])

    def _readback(self, slot: Any) -> str:
        treatment = self.b.treatment if self.b is not None else None
        return f"{speak.say_datetime(slot.start)}, {TREATMENT_KO.get(treatment or 'checkup', '검진')}"

    def _words_propose(self, u: Any, text: str) -> Actions | None:
        b = self.b
        assert b is not None
        if u.intent in ELSEWHERE:
            return self.d.route(u, text)
        refused = refused_day(u, text, b.offered.start.date() if b.offered is not None else None)
        if refused is not None:  # "그날은 안 돼요" to the offer: the next free time on another day
            self._leave_out(refused)
            return self.offer([Say("day_left_out")])
        offered = b.offered.start if b.offered is not None else None
        other_treatment = bool(u.treatment) and u.treatment != b.treatment  # "아니요 스케일링 말고 잇몸 치료요"
        same = offered is not None and (not u.date or u.date == offered.date().isoformat()) and \
            (not u.time or u.time == offered.strftime("%H:%M")) and not other_treatment
        if said_yes(u) and same and not u.time_range and not u.date_range:
            return self._book()  # "네, 세 시 반 좋아요"
        if u.date or u.time or u.time_range or u.date_range or other_treatment:
            self.merge(u)
            return self.offer()
        if u.intent == "yes" or (u.intent == "book" and getattr(u, "answer", None) == "yes"):
            return self._book()
        if said_no(u):
            return self._next_offer()
        return None

    def _leave_out(self, day: dt.date) -> None:
        b = self.b
        assert b is not None
        b.avoid.add(day)
        b.date, b.date_range, b.weekday_clash = None, None, False

    def _keys_propose(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, self._book, self._next_offer)

    def _next_offer(self) -> Actions:
        b = self.b
        assert b is not None
        b.rejected += 1
        rest = [s for s in b.offers if s.start > b.offered.start] if b.offers else []
        if b.rejected >= 3:
            return self.d.callback("원하는 예약 시간 조율 필요", note=f"진료 {b.treatment}")
        if b.rejected == 2 or not rest:
            b.time, b.time_range, b.date, b.date_range = None, None, None, None
            return self.d.ask("ask_date", ["ask_date_again"])
        return self._propose(rest[0], [])

    # --- booking ------------------------------------------------------------------------------------
    def _book(self) -> Actions:
        d = self.d
        b = self.b
        assert b is not None
        slot = b.offered
        memo = "AI 전화 예약" + (" (변경)" if b.reschedule_of else "")
        result = d.backend.book(key=f"{d.call_key}:book", patient_id=d.pid(), start=slot.start, treatment=b.treatment,
                                phone=d.caller, memo=memo)
        b.result = result
        if result.status == "taken":
            b.result = None
            d.call_key = f"{d.call_key}+"  # a new key for the next attempt in this call
            b.offers = [s for s in b.offers if s.start != slot.start]
            return self.offer([Say("slot_gone")])
        if not result.ok:
            return d.callback("예약 처리 실패", note=f"{slot.start:%Y-%m-%d %H:%M} {b.treatment}")
        start = slot.start.isoformat(timespec="minutes")
        d.landed["booking"] = {"status": result.status, "start": start, "treatment": b.treatment,
                               "request_id": result.request_id, "appointment_id": result.appointment_id,
                               "patient_known": d.patient is not None}
        d.event(EventKind.BOOKING, status=result.status, start=start, treatment=b.treatment)
        d.outcome = Outcome.BOOKED
        readback: list[Action] = [Say(text=speak.say_datetime(slot.start))]
        if b.reschedule_of is not None:
            old = b.reschedule_of
            status = d.backend.cancel(key=f"{d.call_key}:cancel", upcoming=old, phone=d.caller,
                                      reason="AI 전화 예약 변경")
            d.landed["cancellation"] = {"status": status, "start": old.appointment.start.isoformat(timespec="minutes"),
                                        "reason": "reschedule"}
            d.event(EventKind.RESCHEDULE, status=status)
            d.outcome = Outcome.RESCHEDULED
            ok = result.status == "booked" and status == "cancelled"
            return self.after_booking(readback + [Say("rescheduled" if ok else "booking_requested")])
        said: list[Action] = [Say("booked" if result.status == "booked" else "booking_requested")]
        if b.birth6:
            d.backend.annotate_booking(result.request_id, note=f"생년월일 {b.birth6} (본인 확인 안 됨)")
        if d.patient is None:
            return self.d.ask("ask_name", ["ask_name"], before=readback + said)
        return self.after_booking(readback + said)

    def _words_name(self, u: Any, text: str) -> Actions:
        name = re.sub(r"(이요|요|입니다|이에요|예요)$", "", text.strip().rstrip(".")).strip()
        b = self.b
        if b and b.result is not None:
            self.d.backend.annotate_booking(b.result.request_id, note=f"성함(음성 인식) {name}")
        return self.after_booking([])

    def _keys_name(self, digits: str) -> Actions:
        return self.after_booking([])

    def _missed_name(self, misses: int) -> Actions:  # the name is only a help for staff: never insist
        return self.after_booking([])

    def after_booking(self, before: list[Action]) -> Actions:
        if self.d.backend.texts and self.d.caller and phones.is_mobile(self.d.caller):
            return self.d.ask("offer_sms", ["offer_sms"], before=before)  # only when a text can really be sent
        return self.d.questionnaire.offer(before)

    def _words_sms(self, u: Any, text: str) -> Actions | None:
        if said_yes(u):
            return self._sms(True)
        if said_no(u):
            return self._sms(False)
        return None

    def _keys_sms(self, digits: str) -> Actions | None:
        return yes_no_keys(digits, lambda: self._sms(True), lambda: self._sms(False))

    def _sms(self, wanted: bool) -> Actions:
        b = self.b
        if wanted:
            self.d.landed["sms_confirmation"] = True
            self.d.event(EventKind.SMS_CONFIRMATION, request_id=b.result.request_id if b and b.result else None)
            if b and b.result is not None:
                self.d.backend.annotate_booking(b.result.request_id, sms_confirmation="wanted")
        return self.d.questionnaire.offer([Say("sms_ok")] if wanted else [])

    STEPS = {
        "ask_treatment": Step("treatment", _words_treatment, _keys_treatment, reask=("ask_treatment_again",),
                              keypad="treatment_menu", leads_to=("ask_date", "propose", "anything_else"),
                              routes=True),
        "ask_date": Step("date", _words_date, _keys_date, reask=("ask_date_again",), keypad="date_menu",
                         leads_to=("propose", "anything_else"), routes=True, max_digits=4, timeout_s=10.0),
        "propose": Step("proposal", _words_propose, _keys_propose, reask=("yes_no_keys",), keypad="yes_no_keys",
                        leads_to=("propose", "ask_date", "ask_name", "offer_sms", "questionnaire_offer",
                                  "anything_else"), routes=True),
        "ask_name": Step("free", _words_name, _keys_name, reask=("ask_name",), on_miss=_missed_name,
                         leads_to=("offer_sms", "questionnaire_offer", "anything_else")),
        "offer_sms": Step("offer", _words_sms, _keys_sms, reask=("yes_no_keys",), keypad="yes_no_keys",
                          leads_to=("questionnaire_offer", "anything_else")),
    }
