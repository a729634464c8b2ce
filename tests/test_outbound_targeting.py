"""Target selection on the synthetic EMR (seed-demo, fixed seed and day) against sets computed here by hand
from the generated rows, independently of the connector's SQL; then opt-outs, cooldowns, the AD frequency
cap and one call per patient per day across campaigns."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.data import crm, crm_records, phone as phones
from appliance.data.clinic import facts as factslib
from appliance.data.emr import EMR, seed
from appliance.outbound import campaigns as camps
from appliance.outbound import queue, targeting
from appliance.outbound.store import CrmStore, enqueue

TODAY = dt.date(2026, 11, 25)  # a Wednesday
NOW = dt.datetime(2026, 11, 25, 10, 0)
PATIENTS, SEED = 600, 5


@pytest.fixture(scope="module")
def emr_rows(tmp_path_factory):
    path = tmp_path_factory.mktemp("obemr") / "emr.sqlite"
    url = f"sqlite:///{path}"
    seed.seed_demo(url, patients=PATIENTS, seed=SEED, today=TODAY)
    return EMR(url), seed.generate(PATIENTS, SEED, TODAY)


@pytest.fixture
def store(tmp_path):
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    queue.ensure_tables()
    yield
    crm.database.close()


@pytest.fixture(scope="module")
def facts():
    return factslib.load(factslib.EXAMPLE)


def d(text):
    return dt.datetime.strptime(text, "%Y%m%d").date()


def months_ago(day, months):
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    import calendar

    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))


class Rows:
    """The generated EMR, indexed the way a person would check it."""

    def __init__(self, rows):
        self.patients = {p[0]: p for p in rows["PATIENT"]}
        self.visits: dict[int, list[dt.date]] = {}
        for r in rows["RECEIPT"]:
            self.visits.setdefault(r[1], []).append(d(r[2]))
        self.treat: dict[int, list[tuple[dt.date, str]]] = {}
        for t in rows["TREAT_DETAIL"]:
            self.treat.setdefault(t[2], []).append((d(t[3]), t[4]))
        # the newest row of a consent type is in force (latest date, then the latest row)
        newest = sorted(rows["CONSENT"], key=lambda c: (c[4] or "", c[0]))
        self.consent = {c[1]: c for c in newest if c[2] == "MKT"}
        self.guardian = {c[1]: c for c in newest if c[2] == "GUARD"}
        self.reservations = rows["RESERVATION"]

    def phone(self, pid):
        """The number a campaign rings: mobile first, never 060/070/080."""
        p = self.patients[pid]
        numbers = [n for n in (phones.canonical(p[3]), phones.canonical(p[4])) if n]
        numbers.sort(key=lambda n: not phones.is_mobile(n))
        return next((n for n in numbers if phones.is_outbound_target(n)), None)

    def active(self, pid):
        return self.patients[pid][9] == "A"

    def minor(self, pid):
        born = d(self.patients[pid][5])
        return (TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))) < 14

    def consent_ok(self, pid):
        c = self.consent.get(pid)
        ok = bool(c and c[3] == "Y" and (TODAY - d(c[4])).days <= 730)
        if ok and self.minor(pid):
            g = self.guardian.get(pid)
            ok = bool(g and g[3] == "Y")
        return ok

    def booked_ahead(self, pid):
        return any(r[1] == pid and d(r[2]) >= TODAY and r[7] in "RC" for r in self.reservations)

    def ad_ok(self, pid):
        return self.active(pid) and self.phone(pid) and self.consent_ok(pid) and not self.booked_ahead(pid)


def phones_of(targets):
    return {t.phone for t in targets}


def check_ad(got, expected_ids, rows):
    """AD: every expected patient is reached (one call per phone: families share a mobile), nobody else."""
    ids = {int(t.patient_id) for t in got}
    assert ids <= expected_ids
    assert phones_of(got) == {rows.phone(p) for p in expected_ids}
    assert len(got) == len(phones_of(got))


def test_reminder_targets_tomorrows_appointments(emr_rows, facts, store):
    emr, raw = emr_rows
    rows = Rows(raw)
    tomorrow = "20261126"
    expected = {(r[1], f"appt{r[0]}") for r in rows.reservations
                if r[2] == tomorrow and r[7] in "RC" and rows.active(r[1]) and rows.phone(r[1])}
    plan = targeting.plan("reminder", emr=emr, facts=facts, now=NOW, params=camps.get("reminder").params())
    assert expected and {(int(t.patient_id), t.ref) for t in plan.targets} == expected
    t = plan.targets[0]
    assert t.kind == "INFO" and t.data["appointment"]["start"].startswith("2026-11-26")
    assert t.expires_at <= dt.datetime(2026, 11, 26, 0, 0)


def test_recall_targets_match_hand_computed_set(emr_rows, facts, store):
    emr, raw = emr_rows
    rows = Rows(raw)
    before, since = months_ago(TODAY, 6), months_ago(TODAY, 60)
    expected = {pid for pid, v in rows.visits.items() if since <= max(v) < before and rows.ad_ok(pid)}
    plan = targeting.plan("recall", emr=emr, facts=facts, now=NOW, params=camps.get("recall").params())
    assert len(expected) > 5
    check_ad(plan.targets, expected, rows)
    assert all(t.detail for t in plan.targets[:5])  # why: their last treatment
    # the EMR leaves out patients without a current marketing consent (profile [filters] ad_consent); checking
    # every candidate (full) counts them and targets the same patients in the same order
    full = targeting.plan("recall", emr=emr, facts=facts, now=NOW, params=camps.get("recall").params(), full=True)
    assert ([(t.patient_id, t.phone, t.why) for t in full.targets]
            == [(t.patient_id, t.phone, t.why) for t in plan.targets])
    assert full.excluded["no_consent"] + full.excluded["consent_expired"] > 0 and full.complete
    assert full.candidates == emr.count_candidates("recall", 6, TODAY, 60) > plan.candidates


@pytest.mark.parametrize("name", ["recall", "insurance_scaling", "insured_treatment"])
def test_daily_limit_stops_early_with_the_same_targets_in_the_same_order(emr_rows, facts, store, name):
    emr, _ = emr_rows
    params = dict(camps.get(name).params(), daily_limit=7)
    quick = targeting.plan(name, emr=emr, facts=facts, now=NOW, params=params, count=True)
    full = targeting.plan(name, emr=emr, facts=facts, now=NOW, params=params, full=True)
    assert len(quick.targets) == 7 and not quick.complete and full.complete
    assert [(t.patient_id, t.phone, t.ref, t.why, t.detail) for t in quick.targets] == \
        [(t.patient_id, t.phone, t.ref, t.why, t.detail) for t in full.targets]
    assert full.excluded["daily_limit"] > 0 and quick.candidates < full.candidates
    assert quick.total >= full.candidates  # insured_treatment: both lists added up
    ids = [int(t.patient_id) for t in quick.targets]
    if name != "insured_treatment":
        assert ids == sorted(ids)  # patient-id order on every database


def test_scaling_targets_match_hand_computed_set(emr_rows, facts, store):
    emr, raw = emr_rows
    rows = Rows(raw)
    adult_born_by = TODAY.replace(year=TODAY.year - 19)
    seen_since = months_ago(TODAY, 36)
    year_start = dt.date(TODAY.year, 1, 1)
    expected = set()
    for pid, p in rows.patients.items():
        if p[7] not in ("11", "21", "22") or not p[5] or d(p[5]) > adult_born_by:
            continue
        if not any(v >= seen_since for v in rows.visits.get(pid, [])):
            continue
        if any(code == "U2233" and day >= year_start for day, code in rows.treat.get(pid, [])):
            continue
        if rows.ad_ok(pid):
            expected.add(pid)
    plan = targeting.plan("insurance_scaling", emr=emr, facts=facts, now=NOW,
                          params=camps.get("insurance_scaling").params())
    assert len(expected) > 5
    check_ad(plan.targets, expected, rows)


def test_seniors_and_happy_call_and_implant_checkup(emr_rows, facts, store):
    emr, raw = emr_rows
    rows = Rows(raw)
    born_by = TODAY.replace(year=TODAY.year - 65)
    seen = months_ago(TODAY, 60)

    def benefit_left(pid):  # 2 NHIS implants in a lifetime, an insured denture every 7 years, no surgery 90 days
        tx = rows.treat.get(pid, [])
        if any(code in ("UX111", "IMP01", "U4411", "U4413", "U4412") and (TODAY - day).days <= 90 for day, code in tx):
            return False
        implants = sum(code == "UX111" for _, code in tx)
        denture = any(code in ("UD111", "UD121") and day > TODAY.replace(year=TODAY.year - 7) for day, code in tx)
        return implants < 2 or not denture

    expected = {pid for pid, p in rows.patients.items()
                if p[5] and d(p[5]) <= born_by and p[7] != "00" and any(v >= seen for v in rows.visits.get(pid, []))
                and rows.ad_ok(pid) and benefit_left(pid)}
    plan = targeting.plan("insured_treatment", emr=emr, facts=facts, now=NOW,
                          params=dict(camps.get("insured_treatment").params(), private_every_months=10_000))
    check_ad([t for t in plan.targets if t.reason == "senior"], expected, rows)
    # happy call: extractions / root canals / implant surgery / gum surgery on the last two open days (a call
    # deferred because the family phone was taken goes out the next day); never the crown on an implant (IMP02)
    happy_codes = {"U4411", "U4413", "U0701", "U0702", "UX111", "IMP01", "U4412"}
    days = {TODAY - dt.timedelta(days=1), TODAY - dt.timedelta(days=2)}  # Tue, Mon
    expected = {pid for pid, tx in rows.treat.items() if any(day in days and c in happy_codes for day, c in tx)
                and rows.active(pid) and rows.phone(pid)}
    plan = targeting.plan("happy_call", emr=emr, facts=facts, now=NOW, params=camps.get("happy_call").params())
    check_ad(plan.targets, expected, rows)  # one call per phone
    assert 1 in {int(t.patient_id) for t in plan.targets}  # demo patient 1: implant yesterday
    prosthetic_only = {pid for pid, tx in rows.treat.items() if any(day in days for day, _ in tx)
                       and {c for day, c in tx if day in days} == {"IMP02"}}
    assert not prosthetic_only & {int(t.patient_id) for t in plan.targets}
    # implant check-up: surgery 30 ± 3 days ago, nothing booked
    lo, hi = TODAY - dt.timedelta(days=33), TODAY - dt.timedelta(days=27)
    expected = {pid for pid, tx in rows.treat.items()
                if any(lo <= day <= hi and c in ("UX111", "IMP01") for day, c in tx)
                and rows.active(pid) and rows.phone(pid) and not rows.booked_ahead(pid)}
    plan = targeting.plan("implant_checkup", emr=emr, facts=facts, now=NOW,
                          params=camps.get("implant_checkup").params())
    assert {int(t.patient_id) for t in plan.targets} == expected


def test_opt_out_cooldown_cap_and_one_call_a_day(emr_rows, facts, store):
    emr, _ = emr_rows
    params = camps.get("recall").params()
    first = targeting.plan("recall", emr=emr, facts=facts, now=NOW, params=params)
    victim = first.targets[0]
    crm_records.add_opt_out(victim.phone, None, source="call_dtmf")
    again = targeting.plan("recall", emr=emr, facts=facts, now=NOW, params=params)
    assert victim.patient_id not in {t.patient_id for t in again.targets}
    assert again.excluded["opted_out"] >= 1
    # queue today's scaling calls: those patients get no recall call today (one call per patient per day)
    scaling = targeting.plan("insurance_scaling", emr=emr, facts=facts, now=NOW,
                             params=camps.get("insurance_scaling").params())
    assert enqueue(scaling, NOW, CrmStore()) == len(scaling.targets)
    assert enqueue(scaling, NOW, CrmStore()) == 0  # idempotent
    recall = targeting.plan("recall", emr=emr, facts=facts, now=NOW, params=params)
    overlap = {t.patient_id for t in scaling.targets} & {t.patient_id for t in recall.targets}
    assert not overlap and recall.excluded["dedup_patient"] > 0
    # ten days later: the AD frequency cap (30 days) still holds those patients back
    later = NOW + dt.timedelta(days=10)
    recall_later = targeting.plan("recall", emr=emr, facts=facts, now=later, params=params)
    assert not ({t.patient_id for t in scaling.targets} & {t.patient_id for t in recall_later.targets})
    assert recall_later.excluded["frequency_cap"] > 0
    # and a scaling call again within its cooldown is not planned
    scaling_later = targeting.plan("insurance_scaling", emr=emr, facts=facts, now=later,
                                   params=camps.get("insurance_scaling").params())
    assert scaling_later.excluded["cooldown"] > 0


def test_plan_all_gives_each_patient_to_the_highest_priority_campaign(emr_rows, facts, store):
    emr, _ = emr_rows
    for name in camps.CAMPAIGNS:
        camps.set_enabled(name, True)
    plans = targeting.plan_all(list(camps.CAMPAIGNS), emr=emr, facts=facts, now=NOW)
    assert [p.campaign for p in plans] == sorted(camps.CAMPAIGNS, key=lambda n: camps.get(n).priority)
    seen: set[str] = set()
    for p in plans:
        ids = {t.patient_id for t in p.targets}
        assert not (ids & seen), p.campaign
        seen |= ids


def test_dialer_targets_enabled_campaigns_in_their_window_idempotently(emr_rows, facts, store):
    import asyncio

    from appliance.outbound.clock import FakeClock
    from appliance.outbound.dialer import Dialer
    from tests.unit_config import unit_config

    emr, _ = emr_rows
    camps.set_enabled("reminder", True)
    camps.set_enabled("recall", True)
    clock = FakeClock(dt.datetime(2026, 11, 25, 7, 30))  # before opening: nothing targeted yet
    cfg = unit_config(outbound_max_channels=0, outbound_retry_minutes="30")

    async def live():
        return set()

    d = Dialer(cfg, clock=clock, facts=facts, emr=emr, originate=None, live_channels=live)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(d.tick())
    assert queue.TargetRun.select().count() == 0
    clock.set(NOW)
    loop.run_until_complete(d.tick())
    runs = {r.campaign: r for r in queue.TargetRun.select()}
    assert set(runs) == {"reminder", "recall"} and runs["reminder"].queued > 0 and runs["recall"].queued > 0
    n = queue.Task.select().count()
    assert n == runs["reminder"].queued + runs["recall"].queued
    clock.advance(minutes=30)
    loop.run_until_complete(d.tick())
    assert queue.TargetRun.select().count() == 2  # not again within three hours
    clock.advance(hours=4)  # 14:30, after lunch
    loop.run_until_complete(d.tick())
    assert queue.TargetRun.select().count() == 4 and queue.Task.select().count() == n  # re-targeted, nobody twice
    loop.close()
