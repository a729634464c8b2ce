"""Who a campaign calls today, and why: EMR target queries through the connector, then the exclusions.

Exclusions, each counted by reason (no PHI): no usable phone, inactive/deceased, opted out (AD: any
opt-out; INFO: only opt-outs of all calls), AD without marketing consent or with consent older than two
years (reconfirm), an upcoming appointment where the call would be pointless, the campaign's cooldown, the
AD frequency cap, one call per patient per day across campaigns (and per phone for AD: a family shares one
mobile), and the campaign's daily limit. ``plan()`` is pure apart from reading the EMR and the CRM;
``enqueue()`` writes the tasks (idempotent: the same target twice is one task).

The long lists (recall, scaling, 65+/private insurance: tens of thousands of rows in a big clinic) are read
from the EMR a page at a time in patient-id order, and planning stops once the daily limit is reached: the
same targets in the same order as checking the whole list, for the cost of the rows actually looked at.
``plan(..., full=True)`` checks every candidate (complete exclusion counts); ``count=True`` asks the EMR how
long the whole list is (``campaigns preview``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import Counter
from typing import Any, Iterable, Iterator

from appliance.data import phone as phones
from appliance.data.emr.model import ACTIVE_APPOINTMENT_STATUSES, TREATMENT_KO, Candidate, Patient
from appliance.outbound import campaigns as camps
from appliance.outbound.window import AD

_LOGGER = logging.getLogger(__name__)

AD_CAP_DAYS = 30  # at most one advertising call per patient in this many days (setting outbound_ad_cap_days)
APPOINTMENT_HORIZON_DAYS = 180


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


@dataclasses.dataclass
class Plan:
    campaign: str
    day: dt.date
    targets: list[Target]
    excluded: Counter
    candidates: int  # candidates checked (all of them unless the daily limit stopped the plan early)
    complete: bool = True  # every candidate was checked
    total: int | None = None  # length of the whole candidate list, when counted (plan(count=True))


class Context:
    """What the exclusions need, read once per planning run."""

    def __init__(self, emr: Any, today: dt.date, now: dt.datetime, *, ad_cap_days: int = AD_CAP_DAYS):
        from appliance.data.crm_records import OptOut
        from appliance.outbound.queue import Task

        self.emr = emr
        self.today = today
        self.now = now
        self.ad_cap_days = ad_cap_days
        self.optout_phones_ad: set[str] = set()
        self.optout_phones_all: set[str] = set()
        self.optout_patients_ad: set[str] = set()
        self.optout_patients_all: set[str] = set()
        for row in OptOut.select():
            if row.phone:
                self.optout_phones_ad.add(row.phone)
            if row.patient_id:
                self.optout_patients_ad.add(str(row.patient_id))
            if row.scope == "all":
                if row.phone:
                    self.optout_phones_all.add(row.phone)
                if row.patient_id:
                    self.optout_patients_all.add(str(row.patient_id))
        since = dt.datetime.combine(today - dt.timedelta(days=400), dt.time(0))
        self.history = list(Task.select(Task.campaign, Task.kind, Task.patient_id, Task.phone, Task.day,
                                        Task.created_at).where(Task.created_at >= since))
        self._history_by_patient: dict[str, list[Any]] = {}
        for t in self.history:
            self._history_by_patient.setdefault(t.patient_id, []).append(t)
        self.taken_patients = {t.patient_id for t in self.history if t.day == today}
        self.taken_phones = {t.phone for t in self.history if t.day == today}
        self._booked: set[str] | None = None

    def booked_patients(self) -> set[str]:
        if self._booked is None:
            rows = self.emr.appointments_between(self.today, self.today + dt.timedelta(days=APPOINTMENT_HORIZON_DAYS))
            self._booked = {a.patient_id for a in rows
                            if a.patient_id and a.status in ACTIVE_APPOINTMENT_STATUSES and a.start >= self.now}
        return self._booked

    def in_cooldown(self, campaign: str, patient_id: str, days: int) -> bool:
        if days <= 0:
            return False
        limit = self.today - dt.timedelta(days=days)
        return any(t.campaign == campaign and t.day > limit and t.day != self.today
                   for t in self._history_by_patient.get(patient_id, ()))

    def ad_capped(self, patient_id: str) -> bool:
        limit = self.today - dt.timedelta(days=self.ad_cap_days)
        return any(t.kind == AD and t.day > limit and t.day != self.today
                   for t in self._history_by_patient.get(patient_id, ()))


def _end_of(day: dt.date, extra_days: int = 0) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=extra_days + 1), dt.time(0))


def _consent_ok(patient: Patient, today: dt.date) -> str | None:
    if not patient.marketing_consent:
        return "no_consent"
    if patient.marketing_consent_date is None:
        return "consent_undated"
    if (today - patient.marketing_consent_date).days > camps.CONSENT_VALID_DAYS:
        return "consent_expired"
    return None


def _previous_days(facts: Any, today: dt.date, max_back: int = 4) -> list[dt.date]:
    """Yesterday, and further back over closed days to the last open day (Monday calls Saturday's patients)."""
    out = []
    for back in range(1, max_back + 1):
        day = today - dt.timedelta(days=back)
        out.append(day)
        if facts is None or facts.is_open_day(day):
            break
    return out


# --- raw candidates per campaign ---------------------------------------------------------------------------
def _candidates(campaign: camps.Campaign, params: dict, emr: Any, facts: Any, today: dt.date,
                config: Any, consented_only: bool = False) -> Iterator[tuple[Candidate, str, str, dict, dt.datetime, str]]:
    """(candidate, ref, why, data, expires_at, reason) tuples before exclusions, lazily: the long lists are
    read from the EMR page by page as the plan consumes them. ``consented_only``: the EMR may leave out the
    patients without a current marketing consent (AD campaigns, which would leave them out anyway)."""
    name = campaign.name
    if name == "reminder":
        day = today + dt.timedelta(days=int(params["days_before"]))
        for appt, patient in emr.appointments_with_patients(day):
            if patient is None:
                continue
            c = Candidate(patient.id, "reminder", day, appt.treatment, patient=patient)
            data = {"appointment": {"id": appt.id, "start": appt.start.isoformat(), "duration_min": appt.duration_min,
                                    "doctor": appt.doctor, "chair": appt.chair, "treatment": appt.treatment}}
            yield (c, f"appt{appt.id or appt.start.isoformat()}", f"{day.isoformat()} {appt.start:%H:%M} 예약 알림",
                   data, min(appt.start, _end_of(today)), "reminder")
    elif name == "happy_call":
        seen: set[str] = set()
        for day in _previous_days(facts, today):
            for c in emr.happy_call_candidates(day, tuple(params["categories"])):
                if c.patient_id in seen:
                    continue
                seen.add(c.patient_id)
                label = TREATMENT_KO.get(c.detail or "", c.detail or "치료")
                yield (c, f"tx{day.isoformat()}", f"{day.isoformat()} {label} 후 안부", {"treatment": c.detail,
                       "treated_on": day.isoformat()}, _end_of(today, 1), "happy_call")
    elif name == "implant_checkup":
        for c in emr.implant_checkup_candidates(today, int(params["days_after"]), int(params["window_days"])):
            yield (c, f"implant{c.date.isoformat() if c.date else ''}",
                   f"임플란트 수술 {c.date.isoformat() if c.date else ''} 후 한 달 점검", {"surgery_on":
                   c.date.isoformat() if c.date else None, "tooth": c.detail}, _end_of(today, 3), "implant_checkup")
    elif name in _LISTS:
        seniors: set[str] = set()
        since = today - dt.timedelta(days=camps.CONSENT_VALID_DAYS) if consented_only else None
        for kind, args in _lists(name, params, today, config):
            for c in emr.iter_candidates(kind, *args, page=_page_size(params), consented_since=since):
                if kind == "senior":
                    seniors.add(c.patient_id)
                elif kind == "private_insurance" and c.patient_id in seniors:
                    continue  # on both insured_treatment lists: one candidate, as a senior
                yield _list_target(kind, c, params, today)


# campaign -> its long EMR lists, read page by page (connector ``iter_candidates``) in patient-id order
_LISTS = ("insurance_scaling", "recall", "insured_treatment")


def _lists(name: str, params: dict, today: dt.date, config: Any) -> list[tuple[str, tuple]]:
    """(list kind, its arguments) in the order the campaign checks them."""
    if name == "insurance_scaling":
        if today.month not in [int(m) for m in params.get("months") or range(1, 13)]:
            return []
        rule = str(getattr(config, "scaling_age_rule", "birthday") or "birthday")
        return [("scaling", (today, int(params["adult_age"]), rule, int(params["seen_within_months"])))]
    if name == "recall":
        return [("recall", (int(params["months"]), today, int(params["max_months"])))]
    if name == "insured_treatment":
        return [("senior", (today, int(params["senior_age"]), int(params["seen_within_months"]))),
                ("private_insurance", (today, int(params["private_every_months"])))]
    return []


def _page_size(params: dict) -> int:
    """First page: enough rows for the day's targets even when most are left out (consent, cooldown, ...)."""
    return max(500, 4 * int(params.get("daily_limit") or 0))


def _list_target(kind: str, c: Candidate, params: dict,
                 today: dt.date) -> tuple[Candidate, str, str, dict, dt.datetime, str]:
    if kind == "scaling":
        return (c, f"scaling{today.year}", f"{today.year}년 보험 스케일링 이력 없음", {}, _end_of(today, 2),
                "insurance_scaling")
    if kind == "recall":
        last = c.date.isoformat() if c.date else "?"
        return (c, f"recall{today.isoformat()}", f"마지막 내원 {last}", {"last_visit": last}, _end_of(today, 2),
                "recall")
    if kind == "senior":
        return (c, f"senior{today.isoformat()}", f"만 {params['senior_age']}세 이상 보험 임플란트·틀니",
                {"track": "senior"}, _end_of(today, 2), "senior")
    return (c, f"private{today.isoformat()}", "치아보험 가입 환자 정기 안내", {"track": "private"}, _end_of(today, 2),
            "private_insurance")


def count_candidates(name: str, *, emr: Any, now: dt.datetime, params: dict | None = None,
                     config: Any = None) -> int | None:
    """Length of campaign ``name``'s whole EMR candidate list, counted by the EMR server (None: not a long
    list). For insured_treatment the 65+ and private-insurance lists are added up (a patient on both is one
    candidate in the plan)."""
    if name not in _LISTS:
        return None
    params = params if params is not None else camps.state(name)[1]
    return sum(emr.count_candidates(kind, *args) for kind, args in _lists(name, params, now.date(), config))


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


def plan(name: str, *, emr: Any, facts: Any, now: dt.datetime, ctx: Context | None = None,
         params: dict | None = None, config: Any = None, full: bool = False, count: bool = False) -> Plan:
    """Targets of campaign ``name`` for ``now.date()`` after every exclusion (updates ``ctx`` taken sets).

    Candidates are checked in list order until the daily limit is reached (the rest could only be left out
    for ``daily_limit``); ``full`` checks all of them, so ``excluded`` counts every reason over the whole
    list. ``count`` adds the whole list's length from the EMR (``Plan.total``)."""
    campaign = camps.get(name)
    params = params if params is not None else camps.state(name)[1]
    today = now.date()
    ctx = ctx or Context(emr, today, now, ad_cap_days=int(getattr(config, "outbound_ad_cap_days", AD_CAP_DAYS)))
    excluded: Counter = Counter()
    targets: list[Target] = []
    limit = int(params.get("daily_limit") or 0)
    total = count_candidates(name, emr=emr, now=now, params=params, config=config) if count else None
    skip_booked = campaign.goal == "book"
    checked = 0
    complete = True
    # AD campaigns call only patients with a current marketing consent: the EMR may leave the others out of
    # the list (profile [filters] ad_consent) unless every exclusion is to be counted (full)
    consented_only = campaign.kind == AD and not full
    for cand, ref, why, data, expires_at, reason in _candidates(campaign, params, emr, facts, today, config,
                                                                consented_only):
        if len(targets) >= limit and not full:
            complete = False  # the rest could only be left out for the daily limit
            break
        checked += 1
        patient = cand.patient
        if patient is None:
            patient = emr.get_patient(cand.patient_id)
        if patient is None:
            excluded["no_patient"] += 1
            continue
        pid = str(patient.id)
        if patient.status != "active":
            excluded[patient.status if patient.status in ("inactive", "deceased") else "inactive"] += 1
            continue
        number = next((n for n in patient.phones if phones.canonical(n)), None)
        if not number:
            excluded["no_phone"] += 1
            continue
        if campaign.kind == AD:
            why_not = _consent_ok(patient, today)
            if why_not:
                excluded[why_not] += 1
                continue
            if pid in ctx.optout_patients_ad or any(n in ctx.optout_phones_ad for n in patient.phones):
                excluded["opted_out"] += 1
                continue
        elif pid in ctx.optout_patients_all or any(n in ctx.optout_phones_all for n in patient.phones):
            excluded["opted_out"] += 1
            continue
        if name == "insured_treatment" and data.get("track") == "senior" and patient.insurance == "none":
            excluded["no_insurance"] += 1
            continue
        if skip_booked and pid in ctx.booked_patients():
            excluded["has_appointment"] += 1
            continue
        if ctx.in_cooldown(name, pid, int(params.get("cooldown_days") or 0)):
            excluded["cooldown"] += 1
            continue
        if campaign.kind == AD and ctx.ad_capped(pid):
            excluded["frequency_cap"] += 1
            continue
        if pid in ctx.taken_patients:
            excluded["dedup_patient"] += 1
            continue
        if campaign.kind == AD and number in ctx.taken_phones:
            excluded["dedup_phone"] += 1
            continue
        if len(targets) >= limit:
            excluded["daily_limit"] += 1
            continue
        detail = cand.detail
        if name == "recall":
            detail = _recall_detail(emr, pid)
            if detail:
                why += f", 마지막 치료 {TREATMENT_KO.get(detail, detail)}"
        ctx.taken_patients.add(pid)
        ctx.taken_phones.add(number)
        data = dict(data, name=patient.name, birth_date=patient.birth_date.isoformat() if patient.birth_date else None)
        targets.append(Target(campaign=name, kind=campaign.kind, patient_id=pid, phone=number, name=patient.name,
                              reason=reason, why=why, ref=ref, priority=campaign.priority, expires_at=expires_at,
                              detail=detail, data=data))
    if total is None and complete:
        total = checked
    return Plan(name, today, targets, excluded, checked, complete, total)


def plan_all(names: Iterable[str], *, emr: Any, facts: Any, now: dt.datetime, config: Any = None) -> list[Plan]:
    """Plans for several campaigns in priority order, sharing one context (one call per patient per day)."""
    ctx = Context(emr, now.date(), now, ad_cap_days=int(getattr(config, "outbound_ad_cap_days", AD_CAP_DAYS)))
    ordered = sorted(names, key=lambda n: camps.get(n).priority)
    return [plan(n, emr=emr, facts=facts, now=now, ctx=ctx, config=config) for n in ordered]


def enqueue(p: Plan, now: dt.datetime) -> int:
    """Write a plan's targets as tasks (existing keys are skipped) and record the run."""
    from appliance.outbound import queue

    params = camps.state(p.campaign)[1]
    added = 0
    for t in p.targets:
        task = queue.add_task(campaign=t.campaign, kind=t.kind, patient_id=t.patient_id, phone=t.phone, day=p.day,
                              reason=t.reason, ref=t.ref, now=now, expires_at=t.expires_at, detail=t.detail,
                              priority=t.priority, max_attempts=int(params.get("max_attempts") or 3), data=t.data)
        added += task is not None
    queue.TargetRun.create(campaign=p.campaign, day=p.day, at=now, targeted=len(p.targets), queued=added,
                           excluded=dict(p.excluded))
    _LOGGER.info("campaign %s: %d targets, %d queued, excluded %s", p.campaign, len(p.targets), added,
                 dict(p.excluded))
    return added
