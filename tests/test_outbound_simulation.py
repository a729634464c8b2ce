"""Four weeks of the real dialer on a seeded EMR, Monday 2026-12-14 to Friday 2027-01-08: weekends, Christmas
(Friday), a clinic closing day (12-31), New Year's Day and the year change.

The dialer (``Dialer.tick``, the engine service's own loop body) runs on a fake clock every 10 minutes, all six
campaigns enabled, with a fake Originate that answers at once (the telephony is tested end to end elsewhere).
Then, against the CRM it filled:

* every campaign's calls, day by day, equal an independent expected list built in the test from plain SQL
  (tests/outbound_expected.py);
* every appointment on an open day got its reminder call attempted on the last open day before it (Saturday
  for Monday, Thursday for the Saturday after Christmas, Wednesday 12-30 for Saturday 01-02); appointments on
  closed days were reported to staff, never reminded; a row with an unreadable duration was skipped and counted;
* no phone got two calls a day, no phone got two adverts within 30 days, no advert went to a patient whose
  newest consent was not a current "yes", nor to a child without a guardian's consent;
* ``campaigns calendar``'s dry run, computed beforehand, lists exactly the calls the dialer made.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import defaultdict
from types import SimpleNamespace

import pytest

from appliance.data import crm, crm_records
from appliance.data.clinic import facts as factslib
from appliance.data.emr import EMR, seed
from appliance.outbound import calendar, queue
from appliance.outbound import campaigns as camps
from appliance.outbound.clock import FakeClock
from appliance.outbound.dialer import Dialer
from tests.outbound_charts import Charts
from tests.outbound_expected import EmrFacts, Expected, age, d
from tests.unit_config import unit_config

START = dt.date(2026, 12, 14)
DAYS = 26
PATIENTS, SEED = 1200, 17
FAMILY = "01020240001"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("simulation")
    url = f"sqlite:///{tmp / 'emr.sqlite'}"
    seed.seed_demo(url, patients=PATIENTS, seed=SEED, today=START - dt.timedelta(days=1))
    c = Charts(url)
    c.execute("UPDATE PATIENT SET PT_STATUS = 'A' WHERE PT_ID IN (1, 2, 3)")
    family = [c.appointment(2, dt.date(2026, 12, 17), "1500"), c.appointment(3, dt.date(2026, 12, 17), "1530")]
    c.patient(95001, born=dt.date(1980, 5, 5), hp="010-9500-1001")
    bad = c.appointment(95001, dt.date(2026, 12, 18), "1100", minutes="30분")
    c.close()
    facts = factslib.load(factslib.EXAMPLE)
    config = unit_config(sip_lines=20, outbound_max_channels=10, outbound_retry_minutes="30,120")
    crm.open_database(f"sqlite:///{tmp / 'crm.sqlite'}")
    queue.ensure_tables()
    for name in camps.CAMPAIGNS:
        camps.set_enabled(name, True)
        camps.set_param(name, "daily_limit", "10000")
    emr = EMR(url)
    dry = calendar.simulate(emr=emr, facts=facts, config=config, start=START, days=DAYS)
    assert queue.Task.select().count() == 0  # the dry run wrote nothing
    answered = _run_dialer(config, facts, emr)
    expected = Expected(EmrFacts(url), facts, skip_reservations={bad}).run(START, DAYS)
    yield SimpleNamespace(url=url, facts=facts, dry=dry, expected=expected, family=family, bad=bad,
                          answered=answered, emr=EmrFacts(url))
    crm.database.close()


def _run_dialer(config, facts, emr) -> dict[int, dt.datetime]:
    clock = FakeClock(dt.datetime.combine(START, dt.time(0)))
    answered: dict[int, dt.datetime] = {}

    async def originate(task, attempt):
        answered.setdefault(task.id, clock())
        queue.finish_attempt(attempt.id, queue.FINISHED, clock(), outcome="answered")
        return "answered"

    async def live():
        return set()

    dialer = Dialer(config, clock=clock, facts=facts, emr=emr, originate=originate, live_channels=live,
                    clock_synced=lambda: True)

    async def run():
        end = dt.datetime.combine(START + dt.timedelta(days=DAYS), dt.time(0))
        while clock() < end:
            await dialer.tick()
            await dialer.drain()
            clock.advance(minutes=10)

    try:
        asyncio.run(run())
    finally:
        dialer.close()
    return answered


def _calls(tasks) -> dict[tuple[dt.date, str], set]:
    out: dict[tuple[dt.date, str], set] = defaultdict(set)
    for t in tasks:
        data = t.data or {}
        patients = [str(a["patient_id"]) for a in data.get("appointments", [])] or [t.patient_id]
        out[(t.day, t.campaign)].add((t.phone, frozenset(patients)))
    return out


def _open_day_before(facts, day: dt.date) -> dt.date:
    before = day - dt.timedelta(days=1)
    while not facts.is_open_day(before):
        before -= dt.timedelta(days=1)
    return before


def test_every_campaigns_calls_equal_the_independent_expected_lists(world):
    actual = _calls(queue.Task.select())
    keys = set(actual) | set(world.expected.calls)
    assert {c for _, c in keys} == set(camps.CAMPAIGNS)  # every campaign called someone
    for key in sorted(keys):
        assert actual.get(key, set()) == world.expected.calls.get(key, set()), key
    days = {day for day, _ in keys}
    assert dt.date(2026, 12, 25) not in days and dt.date(2026, 12, 31) not in days and dt.date(2027, 1, 1) not in days
    assert not [day for day in days if day.weekday() == 6]  # Sundays: closed
    # the year change: patients whose 2026 scaling was done are offered 2027's in January
    renewed = {p for (day, c), calls in actual.items() if c == "insurance_scaling" and day.year == 2027
               for _, pats in calls for p in pats
               if any(code == "U2233" and t.year == 2026 for t, code in world.emr.treatments.get(int(p), []))}
    assert renewed


def test_the_calendar_dry_run_lists_exactly_what_the_dialer_did(world):
    dry: dict[tuple[dt.date, str], set] = defaultdict(set)
    grouped: dict[tuple[dt.date, str, str], set] = defaultdict(set)
    for e in world.dry.entries:
        grouped[(e.day, e.campaign, e.phone)].add(e.patient_id)
    for (day, campaign, phone), patients in grouped.items():
        dry[(day, campaign)].add((phone, frozenset(patients)))
    assert dry == _calls(queue.Task.select())
    assert world.dry.problems and not world.dry.errors()


def test_every_appointment_is_reminded_on_the_last_open_day_before_it(world):
    tasks = list(queue.Task.select().where(queue.Task.campaign == "reminder"))
    by_appt = {}
    for t in tasks:
        data = t.data or {}
        for a in data.get("appointments") or [data["appointment"]]:
            by_appt[int(a["id"])] = t
    last_day = START + dt.timedelta(days=DAYS - 1)
    due = [r for r in world.emr.reservations if r["RSV_STATUS"] in ("R", "C") and r["RSV_ID"] != world.bad
           and d(r["RSV_DATE"]) and world.facts.is_open_day(d(r["RSV_DATE"]))
           and START <= _open_day_before(world.facts, d(r["RSV_DATE"])) <= last_day
           and world.emr.active(int(r["RSV_PTID"])) and world.emr.phone(int(r["RSV_PTID"]))]
    assert len(due) > 50
    weekday_of = {}
    for r in due:
        when = d(r["RSV_DATE"])
        task = by_appt.get(int(r["RSV_ID"]))
        assert task is not None, r
        assert task.day == _open_day_before(world.facts, when), (r, task.day)
        dialled = world.answered.get(task.id)
        start = dt.datetime.combine(when, dt.time(int(r["RSV_TIME"][:2]), int(r["RSV_TIME"][2:])))
        assert dialled is not None and dialled.date() == task.day and dialled < start
        weekday_of[when.weekday()] = task.day.weekday()
    assert weekday_of[0] == 5  # Monday's appointments: reminded on Saturday
    assert world.bad not in by_appt
    runs = list(queue.TargetRun.select().where(queue.TargetRun.campaign == "reminder", queue.TargetRun.bad_rows > 0))
    assert {r.day for r in runs} == {dt.date(2026, 12, 17)}  # the day that would have reminded it, counted
    family = [t for t in tasks if t.phone == FAMILY and t.day == dt.date(2026, 12, 16)]
    assert len(family) == 1 and {a["patient_id"] for a in family[0].data["appointments"]} >= {"2", "3"}


def test_appointments_on_closed_days_go_to_staff_not_to_the_dialer(world):
    closed = world.expected.closed_day
    assert closed  # the seeded EMR books some on Christmas, 12-31 and New Year's Day
    notes = " ".join(c.note for c in crm_records.Callback.select().where(
        crm_records.Callback.reason == "appointment on a closed day"))
    reminded = {int(a["id"]) for t in queue.Task.select().where(queue.Task.campaign == "reminder")
                for a in (t.data.get("appointments") or [t.data["appointment"]])}
    for rid in closed:
        assert f"appt{rid} " in notes and rid not in reminded


def test_no_phone_is_called_twice_a_day_nor_advertised_to_twice_within_the_cap(world):
    per_day = defaultdict(int)
    adverts = defaultdict(list)
    for t in queue.Task.select():
        per_day[(t.phone, t.day)] += 1
        if t.kind == "AD":
            adverts[t.phone].append(t.day)
    assert max(per_day.values()) == 1
    for phone, days in adverts.items():
        days.sort()
        assert all((b - a).days >= 30 for a, b in zip(days, days[1:])), (phone, days)
    assert sum(len(v) for v in adverts.values()) > 100


def test_no_advert_without_a_current_consent_nor_to_a_child_without_a_guardian(world):
    ads = list(queue.Task.select().where(queue.Task.kind == "AD"))
    for t in ads:
        assert world.emr.ad_consent(int(t.patient_id), t.day), t.patient_id
    children = [t for t in ads if age(world.emr.born(int(t.patient_id)), t.day) < 14]
    for t in children:
        guardian = world.emr.newest.get((int(t.patient_id), "GUARD"))
        assert guardian and guardian["CS_AGREE"] == "Y"
    # patients who once said yes and then withdrew (a newer "N"): never advertised to
    withdrawn = {int(c["CS_PTID"]) for c in world.emr.consents if c["CS_TYPE"] == "MKT" and c["CS_AGREE"] == "Y"
                 and world.emr.newest[(int(c["CS_PTID"]), "MKT")]["CS_AGREE"] == "N"}
    assert withdrawn and not withdrawn & {int(t.patient_id) for t in ads}
