"""Who a campaign calls today, and why: the campaign's candidates (``candidates.py``), then the exclusions.

Exclusions, each counted by reason (no PHI): an EMR row that cannot be read (``bad_row``), inactive or
deceased, no phone a campaign may ring (mobile or geographic only: never 060/070/080), opted out (AD: any
opt-out; INFO: opt-outs of all calls), AD without a current marketing consent (the newest row, within two
years) or a child under 14 without a guardian's consent, the 65+ benefits already used or a surgery days
ago, an appointment ahead where the call would be pointless, the campaign's cooldown, the AD frequency cap
(per patient and per phone), one call per patient and per phone per day across campaigns, and the daily
limit. Reminders are never deferred: several on one phone become one call (``data["appointments"]``), and
an appointment on a day the clinic is closed is a data problem for staff (``Plan.problems``), not a call.

``plan()`` reads the EMR and the history (``history.Context``) and writes nothing. The long lists are read
a page at a time in patient-id order and planning stops once the daily limit is reached; ``full=True``
checks every candidate (complete exclusion counts); ``count=True`` asks the EMR for the whole list's length.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import Counter
from typing import Any, Iterable

from appliance.data import phone as phones
from appliance.data.emr.model import TREATMENT_KO, BadRow, BenefitHistory, Patient, age_on
from appliance.data.emr.values import years_ago
from appliance.outbound import campaigns as camps
from appliance.outbound.candidates import Found, candidates, count_candidates
from appliance.outbound.consent import ad_consent_problem, is_minor
from appliance.outbound.history import AD_CAP_DAYS, Context, HistoryItem, task_key
from appliance.outbound.window import AD

_LOGGER = logging.getLogger(__name__)

NHIS_IMPLANTS = 2  # NHIS implants in a lifetime from 65
DENTURE_YEARS = 7  # one insured denture per 7 years


@dataclasses.dataclass
class Target:
    campaign: str
    kind: str
    patient_id: str
    phone: str
    name: str | None
    reason: str  # code
    why: str  # Korean, for staff (preview)
    ref: str  # what makes the task unique with campaign + patient
    priority: int
    expires_at: dt.datetime
    detail: str | None = None
    data: dict[str, Any] = dataclasses.field(default_factory=dict)
    patients: tuple[str, ...] = ()  # every patient the call is about (a merged reminder: several)
    refs: tuple[str, ...] = ()  # appointments a reminder covers
    merge_into: HistoryItem | None = None  # today's queued reminder to this phone it joins (no new call)

    def history_item(self, day: dt.date) -> HistoryItem:
        return HistoryItem(key=task_key(self.campaign, self.patient_id, self.ref), campaign=self.campaign,
                           kind=self.kind, patient_id=self.patient_id, phone=self.phone, day=day,
                           patients=self.patients or (self.patient_id,), refs=self.refs)

    def appointments(self) -> list[dict[str, Any]]:
        """The appointments this call reminds (each with its patient_id), none for other campaigns."""
        if "appointments" in self.data:
            return list(self.data["appointments"])
        one = self.data.get("appointment")
        return [dict(one, patient_id=self.patient_id)] if one else []


@dataclasses.dataclass
class Problem:
    """An appointment on a day the clinic is closed: staff must fix the EMR (never a reminder call)."""

    patient_id: str
    ref: str
    day: dt.date
    closed: str  # why the clinic is closed that day


@dataclasses.dataclass
class Plan:
    campaign: str
    day: dt.date
    targets: list[Target]
    excluded: Counter
    candidates: int  # candidates checked (all of them unless the daily limit stopped the plan early)
    complete: bool = True  # every candidate was checked
    total: int | None = None  # length of the whole candidate list, when counted (plan(count=True))
    problems: list[Problem] = dataclasses.field(default_factory=list)
    bad_rows: int = 0  # EMR rows skipped because their values cannot be read


def callable_number(patient: Patient) -> str | None:
    return next((n for n in patient.phones if phones.is_outbound_target(n)), None)


def _senior_check(patient: Patient, history: BenefitHistory | None, params: dict,
                  today: dt.date) -> tuple[str | None, list[str], str]:
    """(exclusion, benefits still open, why) for the 65+ NHIS implant/denture offer."""
    h = history or BenefitHistory()
    recent = int(params.get("recent_surgery_days") or 0)
    if recent and h.last_surgery and (today - h.last_surgery).days <= recent:
        return "recent_surgery", [], ""
    implants_left = max(0, NHIS_IMPLANTS - h.nhis_implants)
    denture_open = not (h.last_insured_denture and h.last_insured_denture > years_ago(today, DENTURE_YEARS))
    offer = (["implant"] if implants_left else []) + (["denture"] if denture_open else [])
    if not offer:
        return "benefits_used", [], ""
    age = age_on(patient.birth_date, today)
    why = (f"만 {age}세 건강보험, 보험 임플란트 {min(h.nhis_implants, NHIS_IMPLANTS)}/{NHIS_IMPLANTS}개 사용, "
           + ("보험 틀니 가능" if denture_open else f"보험 틀니 {h.last_insured_denture:%Y-%m} 제작(7년 내)"))
    return None, offer, why


def _merge_reminder(target: Target, f: Found, patient: Patient, today: dt.date) -> None:
    """Add one more appointment on the same phone to a reminder call (one call per phone per day)."""
    entries = target.appointments()
    if "appointments" not in target.data:
        entries[0].update(name=target.name, minor=bool(target.data.get("minor")))
    entries.append(dict(f.data["appointment"], patient_id=str(patient.id), name=patient.name,
                        minor=is_minor(patient, today)))
    target.data = {k: v for k, v in target.data.items() if k != "appointment"}
    target.data["appointments"] = entries
    target.patients = tuple(dict.fromkeys(target.patients + (str(patient.id),)))
    target.refs = target.refs + (f.ref,)
    target.expires_at = min(target.expires_at, f.expires_at)
    target.why = f"{len(entries)}건 예약 알림 (한 번호로 함께)"


def plan(name: str, *, emr: Any, facts: Any, now: dt.datetime, ctx: Context | None = None,
         params: dict | None = None, config: Any = None, full: bool = False, count: bool = False,
         history: Iterable[HistoryItem] | None = None) -> Plan:
    """Targets of campaign ``name`` for ``now.date()`` after every exclusion (records them in ``ctx``).

    ``history``: the calls to count as made already (default: the CRM's task queue)."""
    campaign = camps.get(name)
    params = params if params is not None else camps.state(name)[1]
    today = now.date()
    ctx = ctx or new_context(emr, now, config, history)
    excluded: Counter = Counter()
    targets: list[Target] = []
    problems: list[Problem] = []
    by_phone: dict[str, Target] = {}  # reminders of this plan, to merge
    limit = int(params.get("daily_limit") or 0)
    total = count_candidates(name, emr=emr, now=now, params=params, config=config) if count else None
    emr.bad_rows(reset=True)
    seniors: set[str] = set()
    checked = 0
    complete = True
    # AD campaigns call only patients with a current marketing consent: the EMR may leave the others out of
    # the list (profile [filters] ad_consent) unless every exclusion is to be counted (full)
    for f in candidates(campaign, params, emr, facts, today, config, campaign.kind == AD and not full):
        if len(targets) >= limit and not full:
            complete = False  # the rest could only be left out for the daily limit
            break
        checked += 1
        try:
            patient = f.cand.patient or emr.get_patient(f.cand.patient_id)
        except (BadRow, ValueError, TypeError) as exc:
            emr.skip_bad_row(name, exc)
            continue
        if patient is None:
            excluded["no_patient"] += 1
            continue
        pid = str(patient.id)
        if f.closed:
            problems.append(Problem(pid, f.ref, f.cand.date or today, f.closed))
            excluded["appointment_on_closed_day"] += 1
            continue
        why = _exclusion(name, campaign.kind, f, patient, params, today, ctx, seniors)
        if why == "":
            continue  # counted elsewhere (a 65+ patient without NHIS goes to the private-insurance track)
        if why:
            excluded[why] += 1
            continue
        number = callable_number(patient)
        assert number is not None
        minor = is_minor(patient, today)
        if name == "reminder":
            queued = ctx.reminder_queued_today(number)
            if number in by_phone or queued is not None:
                target = by_phone.get(number)
                if target is None:
                    target = by_phone[number] = _reminder_target(campaign, f, patient, number, minor, queued)
                    targets.append(target)
                else:
                    _merge_reminder(target, f, patient, today)
                ctx.taken_patients.add(pid)
                ctx.reminded_refs.add(f.ref)
                continue
        elif pid in ctx.taken_patients:
            excluded["dedup_patient"] += 1
            continue
        elif number in ctx.taken_phones:
            excluded["dedup_phone"] += 1
            continue
        if len(targets) >= limit:
            excluded["daily_limit"] += 1
            continue
        target = _target(campaign, f, patient, number, minor, params, today, emr)
        if name == "reminder":
            by_phone[number] = target
        targets.append(target)
        ctx.take(target.history_item(today))
    if total is None and complete:
        total = checked
    bad = sum(emr.bad_rows().values())
    if bad:
        excluded["bad_row"] += bad
    return Plan(name, today, targets, excluded, checked, complete, total, problems, bad)


def _exclusion(name: str, kind: str, f: Found, patient: Patient, params: dict, today: dt.date, ctx: Context,
               seniors: set[str]) -> str | None:
    """Why this candidate is left out ("" = silently, it is counted on another list), None if not."""
    pid = str(patient.id)
    if f.reason == "private_insurance" and pid in seniors:
        return ""
    if f.reason == "senior":
        if patient.insurance == "none" and patient.private_insurance:
            return ""  # 65+ without NHIS: the private-insurance track may call them
        seniors.add(pid)
    if patient.status != "active":
        return patient.status if patient.status in ("inactive", "deceased") else "inactive"
    number = callable_number(patient)
    if not number:
        return "no_callable_phone" if patient.phones else "no_phone"
    if kind == AD:
        problem = ad_consent_problem(patient, today)
        if problem:
            return problem
    if ctx.optouts.refused(pid, patient.phones, advertising=kind == AD):
        return "opted_out"
    if f.reason == "senior":
        if patient.insurance == "none":
            return "no_insurance"
        problem, offer, why = _senior_check(patient, f.cand.history, params, today)
        if problem:
            return problem
        f.data = dict(f.data, offer=offer)
        f.why = why
    if camps.get(name).goal == "book" and pid in ctx.booked_patients():
        return "has_appointment"
    if ctx.in_cooldown(name, pid, int(params.get("cooldown_days") or 0)):
        return "cooldown"
    if kind == AD and ctx.ad_capped(pid, number):
        return "frequency_cap"
    if name == "reminder" and f.ref in ctx.reminded_refs:
        return "already_reminded"
    if name != "reminder" and task_key(name, pid, f.ref) in ctx.keys:
        return "already_called"
    return None


def _reminder_target(campaign: camps.Campaign, f: Found, patient: Patient, number: str, minor: bool,
                     queued: HistoryItem | None) -> Target:
    """A reminder that joins ``queued`` (today's reminder call to the same phone, not dialled yet)."""
    entry = dict(f.data["appointment"], patient_id=str(patient.id), name=patient.name, minor=minor)
    return Target(campaign=campaign.name, kind=campaign.kind,
                  patient_id=queued.patient_id if queued else str(patient.id),
                  phone=number, name=patient.name, reason=f.reason, why=f.why, ref=f.ref, priority=campaign.priority,
                  expires_at=f.expires_at, data={"appointments": [entry]}, patients=(str(patient.id),),
                  refs=(f.ref,), merge_into=queued)


def _target(campaign: camps.Campaign, f: Found, patient: Patient, number: str, minor: bool, params: dict,
            today: dt.date, emr: Any) -> Target:
    detail, why = f.cand.detail, f.why
    if campaign.name == "recall":
        detail = _recall_detail(emr, str(patient.id))
        if detail:
            why += f", 마지막 치료 {TREATMENT_KO.get(detail, detail)}"
    if f.reason == "private_insurance":
        age = age_on(patient.birth_date, today)
        if age is not None and age >= int(params.get("senior_age") or 65) and patient.insurance == "none":
            why = f"만 {age}세, 건강보험 없음 → " + why
    # the dialog says the name only after the identity check; no birth date is stored (looked up at call time)
    data = dict(f.data, name=patient.name, minor=minor)
    return Target(campaign=campaign.name, kind=campaign.kind, patient_id=str(patient.id), phone=number,
                  name=patient.name, reason=f.reason, why=why, ref=f.ref, priority=campaign.priority,
                  expires_at=f.expires_at, detail=detail, data=data, patients=(str(patient.id),),
                  refs=(f.ref,) if campaign.name == "reminder" else ())


def _recall_detail(emr: Any, patient_id: str) -> str | None:
    """The last meaningful treatment category (why they should come back)."""
    try:
        for visit in emr.list_visits(patient_id, limit=20):
            cats = [t.category for t in visit.treatments if t.category]
            for preferred in ("implant", "denture", "gum", "root_canal", "crown", "scaling", "filling", "orthodontics"):
                if preferred in cats:
                    return preferred
            if cats:
                return cats[0]
    except Exception:  # a failing detail query must not drop the target
        _LOGGER.warning("recall detail lookup failed")
    return None


def new_context(emr: Any, now: dt.datetime, config: Any = None,
                history: Iterable[HistoryItem] | None = None) -> Context:
    from appliance.outbound import queue

    items = list(history) if history is not None else queue.history_items(now.date())
    return Context(emr, now.date(), now, history=items,
                   ad_cap_days=(config.outbound_ad_cap_days if config is not None else 0) or AD_CAP_DAYS)


def plan_all(names: Iterable[str], *, emr: Any, facts: Any, now: dt.datetime, config: Any = None,
             history: Iterable[HistoryItem] | None = None) -> list[Plan]:
    """Plans for several campaigns in priority order, sharing one context (one call per patient per day).
    A campaign that fails raises; ``planning.Planner`` runs them one by one with their own error."""
    ctx = new_context(emr, now, config, history)
    ordered = sorted(names, key=lambda n: camps.get(n).priority)
    return [plan(n, emr=emr, facts=facts, now=now, ctx=ctx, config=config) for n in ordered]
