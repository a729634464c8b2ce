"""Each campaign's raw candidates before the exclusions: who the EMR says is due, and why.

* reminder: the appointments this calling day is the last open day (``days_before``-th) before — Saturday
  (or Friday) for Monday, the day before a holiday run for the day after it. An appointment on a day the
  clinic is closed is not reminded: it is reported to staff as a data problem.
* happy_call: treatments (profile ``happy_call_codes``) on the last two open days (a call deferred because the
  family phone was already called that day goes out the next day).
* implant_checkup: implant surgeries about a month ago.
* insurance_scaling, recall, insured_treatment: the long lists, read page by page in patient-id order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Callable, Iterator

from appliance.data.emr.model import TREATMENT_KO, Appointment, Candidate
from appliance.outbound import campaigns as camps
from appliance.outbound import window
from appliance.outbound.consent import CONSENT_VALID_DAYS
from appliance.outbound.history import appointment_ref

HORIZON_DAYS = 21  # the longest closed run a reminder looks across (설날/추석 + weekend fit easily)


@dataclasses.dataclass
class Found:
    cand: Candidate
    ref: str
    why: str
    data: dict[str, Any]
    expires_at: dt.datetime
    reason: str
    appointment: Appointment | None = None
    closed: str | None = None  # why the clinic is closed on the appointment's day (a data problem)


def end_of(day: dt.date, extra_days: int = 0) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=extra_days + 1), dt.time(0))


def calling_days(facts: Any, params: dict[str, Any], config: Any) -> Callable[[dt.date], bool]:
    """Whether INFO calls of this campaign can be made on a day (its window has any interval)."""
    if facts is None:
        return lambda day: True
    closed_days = config is not None and config.outbound_closed_days
    hours = params.get("hours") or None
    return lambda day: bool(window.intervals(facts, day, window.INFO, hours=hours, closed_days=closed_days))


def reminder_days(today: dt.date, days_before: int, calling: Callable[[dt.date], bool],
                  horizon: int = HORIZON_DAYS) -> dict[dt.date, dt.date]:
    """{appointment day: the last calling day before it} for the days ``today`` reminds: those whose
    ``days_before``-th last calling day is today. Empty when today is not a calling day."""
    if not calling(today):
        return {}
    before: list[dt.date] = [today]
    out: dict[dt.date, dt.date] = {}
    for ahead in range(1, horizon + 1):
        day = today + dt.timedelta(days=ahead)
        if len(before) >= days_before:
            reminding = before[-days_before]
            if reminding == today:
                out[day] = before[-1]
            elif reminding > today:
                break
        if calling(day):
            before.append(day)
    return out


def appointment_entry(appt: Appointment) -> dict[str, Any]:
    """The appointment as a reminder task carries it (``task.data["appointment"]``)."""
    return {"id": appt.id, "start": appt.start.isoformat(), "duration_min": appt.duration_min,
            "doctor": appt.doctor, "chair": appt.chair, "treatment": appt.treatment}


def previous_open_days(facts: Any, today: dt.date, open_days: int = 2, max_back: int = 10) -> list[dt.date]:
    """The days back to (and including) the ``open_days``-th last open day before today."""
    out: list[dt.date] = []
    found = 0
    for back in range(1, max_back + 1):
        day = today - dt.timedelta(days=back)
        out.append(day)
        if facts is None or facts.is_open_day(day):
            found += 1
            if found >= open_days:
                break
    return out


def candidates(campaign: camps.Campaign, params: dict, emr: Any, facts: Any, today: dt.date,
               config: Any, consented_only: bool = False) -> Iterator[Found]:
    """Raw candidates, lazily: the long lists are read page by page as the plan consumes them.
    ``consented_only``: the EMR may leave out patients without a current marketing consent (AD)."""
    name = campaign.name
    if name == "reminder":
        yield from _reminders(params, emr, facts, today, config)
    elif name == "happy_call":
        seen: set[str] = set()
        for day in previous_open_days(facts, today):
            for c in emr.happy_call_candidates(day, tuple(params["categories"])):
                if c.patient_id in seen:
                    continue
                seen.add(c.patient_id)
                label = TREATMENT_KO.get(c.detail or "", c.detail or "치료")
                yield Found(c, f"tx{day.isoformat()}", f"{day.isoformat()} {label} 후 안부",
                            {"treatment": c.detail, "treated_on": day.isoformat()}, end_of(today, 1), "happy_call")
    elif name == "implant_checkup":
        for c in emr.implant_checkup_candidates(today, int(params["days_after"]), int(params["window_days"])):
            on = c.date.isoformat() if c.date else ""
            yield Found(c, f"implant{on}", f"임플란트 수술 {on} 후 한 달 점검",
                        {"surgery_on": c.date.isoformat() if c.date else None, "tooth": c.detail}, end_of(today, 3),
                        "implant_checkup")
    elif name in LISTS:
        since = today - dt.timedelta(days=CONSENT_VALID_DAYS) if consented_only else None
        for kind, args in lists(name, params, today, config):
            for c in emr.iter_candidates(kind, *args, page=page_size(params), consented_since=since):
                yield list_target(kind, c, params, today)


def _reminders(params: dict, emr: Any, facts: Any, today: dt.date, config: Any) -> Iterator[Found]:
    days = reminder_days(today, int(params["days_before"]), calling_days(facts, params, config))
    if not days:
        return
    for appt, patient in emr.appointments_with_patients(min(days), max(days)):
        day = appt.start.date()
        if patient is None or day not in days:
            continue
        closed = facts.closed_reason(day) if facts is not None else None
        c = Candidate(patient.id, "reminder", day, appt.treatment, patient=patient)
        ref = appointment_ref({"id": appt.id, "patient_id": patient.id, "start": appt.start.isoformat()})
        yield Found(c, ref, f"{day.isoformat()} {appt.start:%H:%M} 예약 알림", {"appointment": appointment_entry(appt)},
                    min(appt.start, end_of(days[day])), "reminder", appointment=appt, closed=closed)


# campaign -> its long EMR lists, read page by page (connector ``iter_candidates``) in patient-id order
LISTS = ("insurance_scaling", "recall", "insured_treatment")


def lists(name: str, params: dict, today: dt.date, config: Any) -> list[tuple[str, tuple]]:
    """(list kind, its arguments) in the order the campaign checks them."""
    if name == "insurance_scaling":
        if today.month not in [int(m) for m in params.get("months") or range(1, 13)]:
            return []
        rule = (config.scaling_age_rule if config is not None else "") or "birthday"
        return [("scaling", (today, int(params["adult_age"]), rule, int(params["seen_within_months"])))]
    if name == "recall":
        return [("recall", (int(params["months"]), today, int(params["max_months"])))]
    if name == "insured_treatment":
        return [("senior", (today, int(params["senior_age"]), int(params["seen_within_months"]))),
                ("private_insurance", (today, int(params["private_every_months"])))]
    return []


def page_size(params: dict) -> int:
    """First page: enough rows for the day's targets even when most are left out (consent, cooldown, ...)."""
    return max(500, 4 * int(params.get("daily_limit") or 0))


def list_target(kind: str, c: Candidate, params: dict, today: dt.date) -> Found:
    if kind == "scaling":
        return Found(c, f"scaling{today.year}", f"{today.year}년 보험 스케일링 이력 없음", {}, end_of(today, 2),
                     "insurance_scaling")
    if kind == "recall":
        last = c.date.isoformat() if c.date else "?"
        return Found(c, f"recall{today.isoformat()}", f"마지막 내원 {last}", {"last_visit": last}, end_of(today, 2),
                     "recall")
    if kind == "senior":
        return Found(c, f"senior{today.isoformat()}", f"만 {params['senior_age']}세 이상", {"track": "senior"},
                     end_of(today, 2), "senior")
    last = c.date.isoformat() if c.date else "?"
    return Found(c, f"private{today.isoformat()}", f"치아보험 가입, 마지막 내원 {last}", {"track": "private"},
                 end_of(today, 2), "private_insurance")


def count_candidates(name: str, *, emr: Any, now: dt.datetime, params: dict | None = None,
                     config: Any = None) -> int | None:
    """Length of campaign ``name``'s whole EMR candidate list, counted by the EMR server (None: not a long
    list). For insured_treatment the 65+ and private-insurance lists are added up."""
    if name not in LISTS:
        return None
    params = params if params is not None else camps.state(name)[1]
    return sum(emr.count_candidates(kind, *args) for kind, args in lists(name, params, now.date(), config))
