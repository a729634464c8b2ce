"""What the receptionist dialog needs from the data layer, behind one small object.

``Backend`` wraps the clinic facts, the EMR (optional; down or absent = callers unknown, bookings become
requests), caller lookup, slot finder, booking, cancellation and the CRM records (callbacks, opt-outs, staff
notes). Every EMR failure is absorbed here so a dialog never sees an exception from a slow or dead EMR.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any, Collection

from appliance.data import crm_records, opt_outs, phone as phones
from appliance.data.clinic import slots as slotlib
from appliance.data.clinic.facts import Facts
from appliance.data.emr.model import Appointment, Patient
from appliance.errors import ApplianceError
from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)


@dataclasses.dataclass
class Upcoming:
    """An upcoming visit the caller may change: an EMR appointment or a booking request not yet confirmed."""

    appointment: Appointment
    request_id: int | None = None  # set when it is one of our own booking requests


class Backend:
    def __init__(self, facts: Facts, emr: Any = None, lookup: Any = None, call_id: int | None = None,
                 texts: bool = False):
        self.facts = facts
        self.emr = emr
        self.lookup = lookup
        self.call_id = call_id
        self.texts = texts  # a text-message gateway is set up: the receptionist may offer a confirmation text
        self.emr_down = False

    # --- callers ----------------------------------------------------------------------------------
    def caller_patients(self, number: str | None) -> list[Patient]:
        if not number or self.emr is None:
            return []
        try:
            if self.lookup is not None:
                result = self.lookup.lookup(number)
                if result.source == "unavailable":
                    self.emr_down = True
                return [p for p in result.patients if p.status == "active"]
            return [p for p in self.emr.find_patients_by_phone(number) if p.status == "active"]
        except (ApplianceError, Exception) as exc:  # a broken EMR must never break the call
            _LOGGER.warning("caller lookup failed: %s", type(exc).__name__)
            self.emr_down = True
            return []

    def patients_by_birth(self, birth6: str, today: dt.date) -> list[Patient]:
        """Active patients born on a 6-digit birth date (YYMMDD), for callers not found by their number.

        Needs an optional ``[queries.find_patients_by_birth]`` in the EMR profile (parameter ``birth_dates``:
        the candidate dates in the profile's date format); without it nobody is found and the dialog takes a
        callback instead."""
        if self.emr is None or self.emr_down or not self.emr.profile.has("find_patients_by_birth"):
            return []
        try:
            yy, mm, dd = int(birth6[:2]), int(birth6[2:4]), int(birth6[4:6])
            dates = []
            for century in (1900, 2000):
                try:
                    d = dt.date(century + yy, mm, dd)
                except ValueError:
                    continue
                if d <= today:
                    dates.append(self.emr.fmt(d))
            if not dates:
                return []
            rows = self.emr.run("find_patients_by_birth", birth_dates=dates)
            return [p for p in map(self.emr.patient, rows) if p.status == "active"]
        except Exception as exc:
            _LOGGER.warning("birth date lookup failed: %s", type(exc).__name__)
            return []

    # --- appointments -------------------------------------------------------------------------------
    def upcoming(self, patient_id: str | None, number: str | None, now: dt.datetime) -> list[Upcoming]:
        out: list[Upcoming] = []
        if patient_id and self.emr is not None:
            try:
                out += [Upcoming(a) for a in self.emr.upcoming_appointments(patient_id, now)]
            except Exception as exc:
                _LOGGER.warning("upcoming appointments unavailable: %s", type(exc).__name__)
                self.emr_down = True
        BR = crm_records.BookingRequest
        cond = None
        canon = phones.canonical(number)
        if patient_id:
            cond = BR.patient_id == str(patient_id)
        if canon:
            c = BR.phone == canon
            cond = c if cond is None else (cond | c)
        if cond is not None:
            for r in BR.select().where(cond, BR.status == "requested", BR.start > now).order_by(BR.start):
                if (r.meta or {}).get("action"):
                    continue
                if patient_id and r.patient_id and r.patient_id != str(patient_id):
                    continue
                appt = Appointment(id=r.emr_appointment_id or f"req{r.id}", patient_id=r.patient_id or "",
                                   start=r.start, duration_min=r.duration_min, doctor=r.doctor, chair=r.chair,
                                   treatment=r.treatment, status="booked")
                out.append(Upcoming(appt, request_id=r.id))
        out.sort(key=lambda u: u.appointment.start)
        return out

    def find_slots(self, treatment: str | None, d0: dt.date, d1: dt.date, time_range: Any, now: dt.datetime,
                   limit: int = 3, avoid: Collection[dt.date] = ()) -> list[slotlib.Slot]:
        from appliance.data.emr.booking import requested_busy

        extra = requested_busy(d0, d1)
        if self.emr is not None and not self.emr_down:
            try:
                return slotlib.find_slots(treatment, d0, d1, time_range, limit=limit, facts=self.facts, emr=self.emr,
                                          now=now, extra_busy=extra, avoid=avoid)
            except Exception as exc:
                _LOGGER.warning("EMR schedule unavailable, offering from opening hours: %s", type(exc).__name__)
                self.emr_down = True
        return slotlib.find_slots(treatment, d0, d1, time_range, limit=limit, facts=self.facts, appointments=[],
                                  now=now, extra_busy=extra, avoid=avoid)

    def book(self, *, key: str, patient_id: str | None, start: dt.datetime, treatment: str | None,
             phone: str | None, memo: str | None = None) -> Any:
        from appliance.data.emr.booking import book

        emr = None if self.emr_down else self.emr
        return book(key=key, patient_id=patient_id, start=start, treatment=treatment, facts=self.facts, emr=emr,
                    phone=phone, call_id=self.call_id, memo=memo, wait_s=3.0)

    def cancel(self, *, key: str, upcoming: Upcoming, phone: str | None, reason: str) -> str:
        """'cancelled' (done), 'requested' (staff will do it) or 'failed'."""
        from appliance.data.emr import booking

        if upcoming.request_id is not None:
            booking.cancel_request(upcoming.request_id)
            return "cancelled"
        try:
            result = booking.cancel(key=key, appointment=upcoming.appointment, emr=None if self.emr_down else self.emr,
                                    phone=phone, call_id=self.call_id, reason=reason)
        except Exception as exc:
            _LOGGER.warning("cancellation failed: %s", type(exc).__name__)
            return "failed"
        return "cancelled" if result.status == "cancelled" else "requested"

    def annotate_booking(self, request_id: int | None, **meta: Any) -> None:
        if request_id is None:
            return
        BR = crm_records.BookingRequest
        row = BR.get_or_none(BR.id == request_id)
        if row is None:
            return
        fields: dict[str, Any] = {"meta": {**(row.meta or {}), **{k: v for k, v in meta.items() if k != "note"}}}
        if meta.get("note"):
            fields["note"] = "; ".join(x for x in (row.note, meta["note"]) if x)
        BR.update(**fields).where(BR.id == request_id).execute()

    # --- CRM ---------------------------------------------------------------------------------------
    def callback(self, reason: str, *, phone: str | None, patient_id: str | None, priority: int = 5,
                 note: str | None = None, due: dt.datetime | None = None) -> int:
        row = crm_records.add_callback(reason[:64], phone=phone, patient_id=patient_id, priority=priority,
                                       call_id=self.call_id, note=note, due=due)
        return row.id

    def opt_out(self, phone: str | None, patient_id: str | None, source: str, scope: str = "ad",
                now: dt.datetime | None = None) -> bool:
        """Store an opt-out of ``scope`` (``appliance.data.crm_records.OPT_OUT_SCOPES``) and cancel the queued texts
        and calls it refuses (``opt_outs.record``); False when nothing to store it against (no number, no patient)."""
        return opt_outs.record(phone, patient_id, source=source, scope=scope, now=now).row is not None

    def note(self, text: str, *, phone: str | None, patient_id: str | None, author: str = "ai") -> int:
        return crm_records.add_note(text, patient_id=patient_id, phone=phone, author=author, call_id=self.call_id).id


def from_config(config: Config, lookup_budget: float = 1.0) -> Backend:
    """The configured clinic for a process without an engine (``dentalcall chat``): facts file, EMR when
    connected (else none), caller lookup with a short budget. The engine uses ``appliance.clinic.Clinic``."""
    from appliance.data.clinic import facts as factslib

    facts = factslib.load_for(config)
    emr = lookup = None
    if config.emr_url:
        try:
            from appliance.data.emr import CallerLookup, EMR

            emr = EMR.from_config(config)
            lookup = CallerLookup(emr, budget=lookup_budget)
        except ApplianceError as exc:
            _LOGGER.warning("EMR not usable (%s): callers unknown, bookings become requests", exc)
            emr = lookup = None
    return Backend(facts, emr=emr, lookup=lookup)
