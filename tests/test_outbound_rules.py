"""Who is called, per rule, on a seeded SQLite EMR plus hand-made charts (tests/outbound_charts.py): the
newest consent wins, children need a guardian's consent for adverts, one advert per phone a day and the cap
per phone, family reminders merged into one call, reminders on the last open day before the appointment
(closed-day appointments reported to staff), the 65+ benefit history, happy_call_codes, unreadable EMR rows
skipped and counted, 060 numbers never rung."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.data import crm, crm_records
from appliance.data.clinic import facts as factslib
from appliance.data.emr import EMR, seed
from appliance.outbound import campaigns as camps
from appliance.outbound import queue, targeting
from appliance.outbound.store import CrmStore, enqueue
from tests.outbound_charts import Charts

TODAY = dt.date(2026, 11, 25)  # a Wednesday
NOW = dt.datetime(2026, 11, 25, 10, 0)
THU = dt.date(2026, 11, 26)
LAST_VISIT = dt.date(2026, 3, 20)  # eight months ago: a recall candidate
FAMILY = "01020240001"


def years(n: int, day: dt.date = TODAY) -> dt.date:
    return day.replace(year=day.year - n) - dt.timedelta(days=30)


@pytest.fixture(scope="module")
def emr(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('rules') / 'emr.sqlite'}"
    seed.seed_demo(url, patients=400, seed=11, today=TODAY)
    c = Charts(url)
    # consent history: withdrawn yesterday / re-confirmed this year / an older-dated row entered later
    for pid, rows in {90001: [("Y", dt.date(2026, 1, 10)), ("N", dt.date(2026, 11, 20))],
                      90002: [("Y", dt.date(2022, 1, 1)), ("Y", dt.date(2026, 6, 1))],
                      90003: [("Y", dt.date(2026, 11, 21)), ("N", dt.date(2025, 1, 1))]}.items():
        c.patient(pid, born=years(40), hp=f"010-9000-{pid % 10000:04d}")
        c.visit(pid, LAST_VISIT, "U0101")
        for agree, day in rows:
            c.consent(pid, "MKT", agree, day)
    # children: a marketing consent alone, and with a guardian's consent
    for pid, guardian in ((90010, False), (90011, True)):
        c.patient(pid, born=years(10), hp=f"010-9000-{pid % 10000:04d}")
        c.visit(pid, LAST_VISIT, "U0101")
        c.consent(pid, "MKT", "Y", dt.date(2026, 2, 1))
        if guardian:
            c.consent(pid, "GUARD", "Y", dt.date(2026, 2, 1))
    # two adults on one mobile, both due a recall
    for pid in (90020, 90021):
        c.patient(pid, born=years(45), hp="010-9000-2020")
        c.visit(pid, LAST_VISIT, "U0101")
        c.consent(pid, "MKT", "Y", dt.date(2026, 2, 1))
    # 65+: both benefits used / one implant used / surgery days ago / private insurance without NHIS / neither
    for pid, ins, priv, visits in (
            (90040, "11", "N", [(dt.date(2020, 5, 1), "UX111"), (dt.date(2021, 5, 1), "UX111"),
                                (dt.date(2022, 5, 1), "UD111"), (dt.date(2026, 9, 1), "AA157")]),
            (90041, "11", "N", [(dt.date(2024, 5, 1), "UX111"), (dt.date(2026, 9, 1), "AA157")]),
            (90042, "11", "N", [(TODAY - dt.timedelta(days=20), "IMP01")]),
            (90043, "00", "Y", [(dt.date(2026, 6, 1), "AA157")]),
            (90044, "00", "N", [(dt.date(2026, 6, 1), "AA157")])):
        c.patient(pid, born=years(70), hp=f"010-9000-{pid % 10000:04d}", instype=ins, privins=priv)
        for day, code in visits:
            c.visit(pid, day, code)
        c.consent(pid, "MKT", "Y", dt.date(2026, 1, 5))
    # happy call: the crown on an implant only / an implant surgery, yesterday
    for pid, code in ((90050, "IMP02"), (90051, "UX111")):
        c.patient(pid, born=years(50), hp=f"010-9000-{pid % 10000:04d}")
        c.visit(pid, TODAY - dt.timedelta(days=1), code)
    # a 060 premium-rate number as the only phone
    c.patient(90060, born=years(40), hp="060-700-1234")
    c.visit(90060, LAST_VISIT, "U0101")
    c.consent(90060, "MKT", "Y", dt.date(2026, 2, 1))
    # reminders: the family's two children on Thursday; odd values; Christmas week (Fri 25 holiday, Sat open)
    c.execute("UPDATE PATIENT SET PT_STATUS = 'A' WHERE PT_ID IN (1, 2, 3)")
    c.appointment(2, THU, "1500")
    c.appointment(3, THU, "1530")
    for pid in (90070, 90071, 90072, 90073, 90074, 90075):
        c.patient(pid, born=years(30), hp=f"010-9000-{pid % 10000:04d}")
    c.appointment(90075, THU, "0930")
    c.appointment(90070, THU, "1100", minutes="30분")
    c.appointment(90071, THU, "2530")
    c.appointment(90072, dt.date(2026, 12, 25), "1000")  # on Christmas day: a data problem
    c.appointment(90073, dt.date(2026, 12, 26), "1000")  # Saturday
    c.appointment(90074, dt.date(2026, 12, 28), "1000")  # Monday
    c.appointment(90074, dt.date(2026, 12, 27), "1100")  # Sunday: a data problem
    c.close()
    emr = EMR(url)
    emr.test_url = url
    return emr


@pytest.fixture
def store(tmp_path):
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    queue.ensure_tables()
    yield CrmStore()
    crm.database.close()


@pytest.fixture(scope="module")
def facts():
    return factslib.load(factslib.EXAMPLE)


def plan(name, emr, facts, now=NOW, **params):
    return targeting.plan(name, emr=emr, facts=facts, now=now, params=dict(camps.get(name).params(), **params),
                          full=True)


def ids(p):
    return {int(x) for t in p.targets for x in (t.patients or (t.patient_id,))}


def test_newest_consent_row_wins(emr, facts, store):
    p = plan("recall", emr, facts, daily_limit=10000)
    assert 90001 not in ids(p)  # "Y" in January, "N" last week: withdrawn
    assert 90002 in ids(p)  # expired in 2024, re-confirmed in June: current
    assert 90003 in ids(p)  # the newest by date is "Y", whatever order the rows were entered in
    assert emr.get_patient("90001").marketing_consent is False  # every patient query reads the newest row


def test_children_get_no_advert_without_a_guardians_consent(emr, facts, store):
    p = plan("recall", emr, facts, daily_limit=10000)
    assert 90010 not in ids(p) and 90011 in ids(p)
    assert p.excluded["minor_without_guardian_consent"] >= 1
    assert next(t for t in p.targets if t.patient_id == "90011").data["minor"] is True


def test_one_advert_per_phone_a_day_and_the_cap_per_phone(emr, facts, store):
    first = plan("recall", emr, facts, daily_limit=10000)
    family = [t for t in first.targets if t.phone == "01090002020"]
    assert len(family) == 1 and first.excluded["dedup_phone"] >= 1
    enqueue(first, NOW, store)
    # the next day the other family member is held back by the cap, which counts the phone, not the patient
    nxt = plan("insurance_scaling", emr, facts, now=NOW + dt.timedelta(days=1), daily_limit=10000)
    assert not [t for t in nxt.targets if t.phone == "01090002020"]
    again = plan("recall", emr, facts, now=NOW + dt.timedelta(days=1), daily_limit=10000)
    other = "90021" if family[0].patient_id == "90020" else "90020"
    assert other not in {t.patient_id for t in again.targets} and again.excluded["frequency_cap"] >= 1
    later = plan("recall", emr, facts, now=NOW + dt.timedelta(days=31), daily_limit=10000, cooldown_days=0)
    assert len([t for t in later.targets if t.phone == "01090002020"]) == 1  # a month on: the phone again, once


def test_family_reminders_become_one_call_with_every_appointment(emr, facts, store):
    p = plan("reminder", emr, facts)
    calls = [t for t in p.targets if t.phone == FAMILY]
    assert len(calls) == 1
    task = calls[0]
    entries = task.data["appointments"]
    assert {e["patient_id"] for e in entries} >= {"2", "3"} and task.patient_id == entries[0]["patient_id"]
    for e in entries:
        assert {"patient_id", "start", "duration_min", "doctor", "chair", "treatment", "minor"} <= set(e)
        assert dt.datetime.strptime(e["start"], "%Y-%m-%dT%H:%M:%S").date() == THU
    assert [e["minor"] for e in entries if e["patient_id"] in ("2", "3")] == [True, True]
    assert "appointment" not in task.data and "birth_date" not in task.data
    single = next(t for t in p.targets if t.patient_id == "90075")
    assert set(single.data["appointment"]) == {"id", "start", "duration_min", "doctor", "chair", "treatment"}
    assert "birth_date" not in single.data and single.data["minor"] in (True, False)
    # queued; a new appointment on that phone booked later today joins the waiting call (still one call)
    enqueue(p, NOW, store)
    c = Charts(emr.test_url)
    rid = c.appointment(1, THU, "1700")
    try:
        again = plan("reminder", emr, facts, now=NOW + dt.timedelta(hours=3))
        assert enqueue(again, NOW + dt.timedelta(hours=3), store) == 0
        tasks = list(queue.Task.select().where(queue.Task.phone == FAMILY, queue.Task.campaign == "reminder"))
        assert len(tasks) == 1 and str(rid) in {str(e["id"]) for e in tasks[0].data["appointments"]}
    finally:
        c.execute("DELETE FROM RESERVATION WHERE RSV_ID = :id", {"id": rid})
        c.close()


def test_reminders_go_out_on_the_last_open_day_and_closed_day_appointments_go_to_staff(emr, facts, store):
    thu = plan("reminder", emr, facts, now=dt.datetime(2026, 12, 24, 10, 0))  # before Christmas (Fri, closed)
    assert 90073 in ids(thu)  # Saturday's appointment, reminded Thursday
    closed = {p.patient_id: p for p in thu.problems}  # the seeded EMR has its own Christmas bookings too
    assert "90072" in closed and closed["90072"].closed == "기독탄신일" and 90072 not in ids(thu)
    assert {p.day for p in thu.problems} == {dt.date(2026, 12, 25)}
    assert next(t for t in thu.targets if t.patient_id == "90073").expires_at == dt.datetime(2026, 12, 25, 0, 0)
    sat = plan("reminder", emr, facts, now=dt.datetime(2026, 12, 26, 10, 0))
    assert 90074 in ids(sat) and {e["start"][:10] for t in sat.targets if t.patient_id == "90074"
                                  for e in t.appointments()} == {"2026-12-28"}  # Monday's, on Saturday
    assert ("90074", dt.date(2026, 12, 27)) in [(p.patient_id, p.day) for p in sat.problems]
    assert 90074 not in ids(plan("reminder", emr, facts, now=dt.datetime(2026, 12, 28, 10, 0)))
    enqueue(thu, dt.datetime(2026, 12, 24, 10, 0), store)
    enqueue(thu, dt.datetime(2026, 12, 24, 13, 0), store)  # re-planned: reported once
    staff = list(crm_records.Callback.select().where(crm_records.Callback.reason == "appointment on a closed day"))
    assert len(staff) == len(thu.problems) and "90072" in {s.patient_id for s in staff}
    assert all("2026-12-25" in s.note for s in staff)


def test_senior_coverage_respects_the_patients_history(emr, facts, store):
    p = plan("insured_treatment", emr, facts, daily_limit=10000)
    by_id = {t.patient_id: t for t in p.targets}
    assert "90040" not in by_id  # both NHIS implants used and an insured denture within 7 years
    assert "90042" not in by_id  # implant surgery 20 days ago
    assert "90044" not in by_id  # 65+, neither NHIS nor private insurance
    assert by_id["90041"].data["offer"] == ["implant", "denture"] and "1/2개" in by_id["90041"].why
    assert by_id["90043"].data["track"] == "private" and "건강보험 없음" in by_id["90043"].why  # not lost
    assert p.excluded["benefits_used"] >= 1 and p.excluded["recent_surgery"] >= 1


def test_happy_call_uses_the_profiles_codes(emr, facts, store):
    p = plan("happy_call", emr, facts)
    assert 90051 in ids(p) and 90050 not in ids(p)  # the crown on an implant is not a surgery


def test_unreadable_emr_rows_are_skipped_counted_and_the_rest_planned(emr, facts, store):
    p = plan("reminder", emr, facts)
    assert p.bad_rows >= 2 and p.excluded["bad_row"] == p.bad_rows  # "30분", 25:30
    assert not {90070, 90071} & ids(p) and {2, 3} <= ids(p)


def test_premium_rate_numbers_are_never_targets(emr, facts, store):
    p = plan("recall", emr, facts, daily_limit=10000)
    assert 90060 not in ids(p) and p.excluded["no_callable_phone"] >= 1
    assert not [t for t in p.targets if t.phone.startswith("060")]
