"""Booking through the connector against real PostgreSQL, MariaDB and SQLite (same tests, parametrized by
``emr_db``): free slots, exactly one booking under races, retries and several processes, requests when the EMR is
read-only or down (nothing lost), cancellations."""

import concurrent.futures
import datetime as dt
import time

import pytest

from appliance.data import crm_records
from appliance.data.clinic import facts as factslib, slots
from appliance.data.emr import booking
from appliance.data.emr.connector import EMR
from appliance.data.emr.lookup import CallerLookup
from appliance.errors import EMRUnavailable

pytestmark = pytest.mark.db


def _open_day(facts, start: dt.date) -> dt.date:
    day = start
    while not (facts.is_open_day(day) and day.weekday() < 5):
        day += dt.timedelta(days=1)
    return day


@pytest.fixture
def facts():
    f = factslib.load(factslib.EXAMPLE)
    f.max_days_ahead = 366
    return f


def test_slots_against_real_appointments(emr_db, facts):
    _, url = emr_db
    emr = EMR(url)
    today = dt.date.today()
    found = slots.find_slots("scaling", today, today + dt.timedelta(days=14), "afternoon", facts=facts, emr=emr)
    assert len(found) == 3
    booked = emr.appointments_between(today, today + dt.timedelta(days=14))
    for s in found:
        assert facts.is_open_at(s.start) and s.start.hour >= 12
        overlapping = [a for a in booked if a.status in ("booked", "confirmed") and a.overlaps(s.start, s.end)]
        assert len(overlapping) < facts.chairs


def _race(n, fn):
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        return list(pool.map(fn, range(n)))


def test_emr_booking_exactly_once_under_races_and_retries(emr_db, facts, crm_db):
    server, url = emr_db
    facts.chairs = 1
    facts.doctor_parallel = 1
    facts.doctors = facts.doctors[:1]
    emr = EMR(url, allow_writes=True)
    day = _open_day(facts, dt.date.today() + dt.timedelta(days=45))
    start = dt.datetime.combine(day, dt.time(10, 0))

    # eight calls want the same (last) slot at once: exactly one wins
    results = _race(8, lambda i: booking.book(key=f"race-{server.kind}-{i}", patient_id=str(10 + i), start=start,
                                              treatment="scaling", facts=facts, emr=emr))
    assert sorted(r.status for r in results).count("booked") == 1, results
    assert all(r.status in ("booked", "taken") for r in results)
    on_slot = [a for a in emr.appointments_between(day, day) if a.start == start and a.status == "booked"]
    assert len(on_slot) == 1

    # the same call step retried concurrently and later: one appointment only
    start2 = start + dt.timedelta(hours=1)
    again = _race(5, lambda i: booking.book(key=f"retry-{server.kind}", patient_id="1", start=start2,
                                            treatment="scaling", facts=facts, emr=emr))
    again.append(booking.book(key=f"retry-{server.kind}", patient_id="1", start=start2, treatment="scaling",
                              facts=facts, emr=emr))
    assert {r.status for r in again} == {"booked"}
    assert len({r.appointment_id for r in again}) == 1
    assert sum(1 for r in again if not r.duplicate) == 1
    on_slot = [a for a in emr.appointments_between(day, day) if a.start == start2 and a.status == "booked"]
    assert len(on_slot) == 1 and on_slot[0].patient_id == "1"


def test_booking_requests_when_emr_is_read_only(emr_db, facts, crm_db):
    server, url = emr_db
    facts.chairs = 1
    facts.doctor_parallel = 1
    emr = EMR(url)  # emr_booking=request: no writes
    day = _open_day(facts, dt.date.today() + dt.timedelta(days=50))
    start = dt.datetime.combine(day, dt.time(11, 0))
    results = _race(6, lambda i: booking.book(key=f"req-{server.kind}-{i}", patient_id=str(20 + i), start=start,
                                              treatment="checkup", facts=facts, emr=emr))
    assert sorted(r.status for r in results) == ["requested"] + ["taken"] * 5
    assert emr.appointments_between(day, day) == [] or all(a.start != start for a in emr.appointments_between(day, day))
    assert crm_records.BookingRequest.select().where(crm_records.BookingRequest.status == "requested").count() == 1
    # outside hours / lunch is refused
    bad = booking.book(key=f"lunch-{server.kind}", patient_id="1", start=dt.datetime.combine(day, dt.time(13, 0)),
                       treatment="checkup", facts=facts, emr=emr)
    assert bad.status == "invalid"


def test_outage_fails_fast_and_loses_nothing(emr_db, facts, crm_db):
    server, url = emr_db
    if server.kind == "sqlite":
        pytest.skip("SQLite has no server to stop")
    emr = EMR(url, allow_writes=True, retry_after=0.5, connect_timeout=1.0)
    emr.on_outage = lambda op, msg: crm_records.record_emr_event("outage", op, msg)
    emr.on_recovered = lambda: crm_records.record_emr_event("recovered", None, "back")
    lookup = CallerLookup(emr, ttl=0.2, budget=1.0)
    assert lookup.lookup("010-2024-0001").known
    day = _open_day(facts, dt.date.today() + dt.timedelta(days=55))
    start = dt.datetime.combine(day, dt.time(15, 0))
    server.stop()
    try:
        t0 = time.monotonic()
        with pytest.raises(EMRUnavailable):
            emr.get_patient("1")
        assert time.monotonic() - t0 < 3.0
        t0 = time.monotonic()
        with pytest.raises(EMRUnavailable):
            emr.find_patients_by_phone("010-2024-0001")
        assert time.monotonic() - t0 < 0.2  # short-circuited while down
        time.sleep(0.3)
        res = lookup.lookup("010-2024-0001")  # stale entry served at once
        assert res.source == "stale" and res.known
        res = lookup.lookup("010-9999-0000")
        assert res.source == "unavailable" and not res.known
        t0 = time.monotonic()
        result = booking.book(key=f"outage-{server.kind}", patient_id="1", start=start, treatment="scaling",
                              facts=facts, emr=emr)
        assert time.monotonic() - t0 < 5.0
        assert result.status == "requested"
        kinds = [e.kind for e in crm_records.EMRSyncLog.select()]
        assert "outage" in kinds and "queued" in kinds
    finally:
        server.start()
    time.sleep(0.6)
    assert emr.get_patient("1").id == "1"
    assert crm_records.last_emr_event().kind == "recovered"
    row = crm_records.BookingRequest.get(crm_records.BookingRequest.idempotency_key == f"outage-{server.kind}")
    assert row.status == "requested" and row.start == start
    assert booking.book(key=f"outage-{server.kind}", patient_id="1", start=start, treatment="scaling",
                        facts=facts, emr=emr).duplicate
    lookup.close()


def _book_in_process(args):
    """Runs in a separate process: its own CRM and EMR connections, like a second call-engine worker."""
    crm_url, emr_url, key, patient_id, start_iso = args
    import datetime as _dt

    from appliance.data import crm
    from appliance.data.clinic import facts as _facts
    from appliance.data.emr import booking as _booking
    from appliance.data.emr.connector import EMR as _EMR

    crm.open_database(crm_url)
    f = _facts.load(_facts.EXAMPLE)
    f.chairs, f.doctor_parallel, f.doctors, f.max_days_ahead = 1, 1, f.doctors[:1], 366
    r = _booking.book(key=key, patient_id=patient_id, start=_dt.datetime.fromisoformat(start_iso),
                      treatment="scaling", facts=f, emr=_EMR(emr_url, allow_writes=True))
    return r.status, r.appointment_id


def test_booking_once_across_processes(emr_db, facts, crm_db, tmp_path):
    import multiprocessing

    server, url = emr_db
    day = _open_day(facts, dt.date.today() + dt.timedelta(days=60))
    start = dt.datetime.combine(day, dt.time(16, 0))
    crm_url = f"sqlite:///{tmp_path / 'crm.sqlite'}"
    jobs = [(crm_url, url, f"proc-{server.kind}-{i}", str(30 + i), start.isoformat()) for i in range(4)]
    jobs += [(crm_url, url, f"proc-{server.kind}-same", "40", (start + dt.timedelta(hours=1)).isoformat())] * 3
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        results = pool.map(_book_in_process, jobs)
    first, same = results[:4], results[4:]
    assert [s for s, _ in first].count("booked") == 1 and {s for s, _ in first} <= {"booked", "taken"}
    assert {s for s, _ in same} == {"booked"} and len({a for _, a in same}) == 1
    rows = [a for a in EMR(url).appointments_between(day, day) if a.status == "booked"]
    assert len([a for a in rows if a.start == start]) == 1
    assert len([a for a in rows if a.start == start + dt.timedelta(hours=1)]) == 1


def test_reminders_and_cancel(emr_db, facts, crm_db):
    server, url = emr_db
    emr = EMR(url, allow_writes=True)
    today = dt.date.today()
    day = next(today + dt.timedelta(days=i) for i in range(1, 31)
               if emr.appointments_with_patients(today + dt.timedelta(days=i)))
    appt, patient = emr.appointments_with_patients(day)[0]
    assert patient is not None and patient.id == appt.patient_id
    res = booking.cancel(key=f"cancel-{server.kind}", appointment=appt, emr=emr)
    assert res.status == "cancelled"
    assert booking.cancel(key=f"cancel-{server.kind}", appointment=appt, emr=emr).duplicate
    after = {a.id: a.status for a in emr.appointments_between(day, day)}
    assert after[appt.id] == "cancelled"
    # read-only clinic: the cancellation becomes a request for staff
    res = booking.cancel(key=f"cancel-ro-{server.kind}", appointment=appt, emr=EMR(url))
    assert res.status == "requested"


def test_requested_slots_are_not_offered_again(emr_db, facts, crm_db):
    server, url = emr_db
    facts.chairs = 1
    facts.doctor_parallel = 1
    emr = EMR(url)
    day = _open_day(facts, dt.date.today() + dt.timedelta(days=65))
    first = slots.find_slots("scaling", day, day, "morning", facts=facts, emr=emr, limit=1)[0]
    res = booking.book(key=f"offer-{server.kind}", patient_id="5", start=first.start, treatment="scaling",
                       facts=facts, emr=emr)
    assert res.status == "requested"
    again = slots.find_slots("scaling", day, day, "morning", facts=facts, emr=emr, limit=1,
                             extra_busy=booking.requested_busy(day, day))
    assert again[0].start > first.start
