"""Free appointment slots against the clinic's real schedule (EMR appointments + pending booking requests).

``find_slots("scaling", next_tuesday, next_tuesday, time_range="afternoon")`` → up to ``limit`` slots,
earliest first, honouring opening hours, lunch, closed days and public holidays, treatment duration,
chair count and how many patients one doctor sees at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Collection, Iterable

from appliance.data.clinic.facts import WEEKDAYS, Facts
from appliance.data.emr.model import ACTIVE_APPOINTMENT_STATUSES, Appointment

# named parts of the day a caller says (오전, 오후, 저녁, 점심 끝나고)
TIME_RANGES = {
    "morning": (dt.time(0, 0), dt.time(12, 0)),
    "afternoon": (dt.time(12, 0), dt.time(18, 0)),
    "evening": (dt.time(17, 30), dt.time(23, 59)),
    "any": (dt.time(0, 0), dt.time(23, 59)),
}


@dataclasses.dataclass
class Slot:
    start: dt.datetime
    duration_min: int
    doctor: str | None
    chair: str | None = None

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration_min)


def _range(time_range: Any, facts: Facts, day: dt.date) -> tuple[dt.time, dt.time]:
    if time_range is None:
        return TIME_RANGES["any"]
    if isinstance(time_range, str):
        if time_range == "after_lunch":
            lunch = facts.lunch_on(day)
            return (lunch[1] if lunch else dt.time(12, 0), dt.time(23, 59))
        if time_range not in TIME_RANGES:
            raise ValueError(
                f"time_range {time_range!r}: use one of {', '.join(TIME_RANGES)}, after_lunch or (start, end)"
            )
        return TIME_RANGES[time_range]
    start, end = time_range
    return start, end


def busy_overlapping(busy: Iterable[Appointment], start: dt.datetime, end: dt.datetime) -> list[Appointment]:
    return [a for a in busy if a.status in ACTIVE_APPOINTMENT_STATUSES and a.overlaps(start, end)]


def pick(facts: Facts, busy: list[Appointment], start: dt.datetime, duration_min: int,
         doctor: str | None = None) -> Slot | None:
    """The doctor and chair for this exact slot, or None when it is taken (capacity rules only)."""
    end = start + dt.timedelta(minutes=duration_min)
    overlapping = busy_overlapping(busy, start, end)
    if len(overlapping) >= facts.chairs:
        return None
    used_chairs = {a.chair for a in overlapping if a.chair}
    chair = next((str(c) for c in range(1, facts.chairs + 1) if str(c) not in used_chairs), None)
    candidates = [facts.doctor(doctor)] if doctor else facts.doctors_on(start.date())
    for info in candidates:
        if info is None or (doctor and WEEKDAYS[start.weekday()] not in info.days):
            continue
        names = {info.name, info.emr_id}
        load = sum(1 for a in overlapping if a.doctor in names)
        if load < facts.doctor_parallel:
            return Slot(start, duration_min, info.name, chair)
    return None


def fits_hours(facts: Facts, start: dt.datetime, duration_min: int) -> bool:
    hours = facts.open_hours(start.date())
    if not hours:
        return False
    end = start + dt.timedelta(minutes=duration_min)
    if start.time() < hours[0] or end.time() > hours[1] or end.date() != start.date():
        return False
    lunch = facts.lunch_on(start.date())
    if lunch:
        l0 = dt.datetime.combine(start.date(), lunch[0])
        l1 = dt.datetime.combine(start.date(), lunch[1])
        if start < l1 and l0 < end:
            return False
    return True


def find_slots(treatment: str | None, date_from: dt.date, date_to: dt.date, time_range: Any = None,
               doctor: str | None = None, limit: int = 3, *, facts: Facts, emr: Any = None,
               appointments: list[Appointment] | None = None, now: dt.datetime | None = None,
               extra_busy: list[Appointment] | None = None, avoid: Collection[dt.date] = ()) -> list[Slot]:
    """Earliest free slots for ``treatment`` between two dates (inclusive), never on a day in ``avoid`` (a day the
    patient said does not suit).

    ``appointments`` are the EMR's bookings for that range (fetched from ``emr`` when not given;
    ``EMRUnavailable`` propagates so the caller can turn the call into a booking request).
    ``extra_busy`` adds bookings the EMR does not know yet (pending CRM booking requests)."""
    now = now or dt.datetime.now()
    duration = facts.duration(treatment)
    earliest = now + dt.timedelta(minutes=facts.min_notice_min)
    last_day = min(date_to, now.date() + dt.timedelta(days=facts.max_days_ahead))
    if appointments is None:
        appointments = emr.appointments_between(date_from, last_day) if emr is not None else []
    busy = list(appointments) + list(extra_busy or [])
    step = dt.timedelta(minutes=facts.slot_step_min)
    out: list[Slot] = []
    day = max(date_from, now.date())
    while day <= last_day and len(out) < limit:
        hours = facts.open_hours(day) if day not in avoid else None
        if hours:
            lo, hi = _range(time_range, facts, day)
            t = dt.datetime.combine(day, hours[0])
            day_busy = [a for a in busy if a.start.date() == day or a.end.date() == day]
            while t.time() < hours[1] and len(out) < limit:
                if t >= earliest and lo <= t.time() < hi and fits_hours(facts, t, duration):
                    slot = pick(facts, day_busy, t, duration, doctor)
                    if slot:
                        out.append(slot)
                t += step
        day += dt.timedelta(days=1)
    return out


def slot_is_free(facts: Facts, appointments: list[Appointment], start: dt.datetime, duration_min: int,
                 doctor: str | None = None) -> Slot | None:
    """Re-check one slot (inside a booking transaction): hours, lunch, closed days and capacity."""
    if not fits_hours(facts, start, duration_min):
        return None
    return pick(facts, appointments, start, duration_min, doctor)
