"""The connector against real PostgreSQL, MariaDB and SQLite (same tests, parametrized by ``emr_db``)."""

import concurrent.futures
import datetime as dt
import socket
import time

import pytest
from click.testing import CliRunner

from appliance.data import crm_records
from appliance.data.clinic import facts as factslib, slots
from appliance.data.emr import booking, seed
from appliance.data.emr.connector import EMR
from appliance.data.emr.lookup import CallerLookup
from appliance.errors import ConfigError, EMRUnavailable

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


def test_lookup_family_and_patient(emr_db):
    _, url = emr_db
    emr = EMR(url)
    family = emr.find_patients_by_phone("+82 10 2024 0001")
    assert [p.id for p in family] == ["1", "2", "3"]
    assert all(p.phones[0] == "01020240001" for p in family)
    assert emr.find_patients_by_phone("1020240001")  # trunk dropped the 0
    assert emr.find_patients_by_phone("010-0000-0000") == []
    p = emr.get_patient("1")
    assert p.name and p.birth_date and p.insurance == "nhis" and p.status == "active"
    visits = emr.list_visits("1")
    assert visits and visits[0].treatments[0].category == "implant"
    assert emr.doctors()[0].name == seed.DOCTORS[0]


def test_outbound_target_queries(emr_db):
    _, url = emr_db
    emr = EMR(url)
    today = dt.date.today()
    recall = emr.recall_candidates(months=6)
    assert recall and all(c.date < today - dt.timedelta(days=150) for c in recall)
    assert all(c.patient.status == "active" for c in recall)
    scaling = emr.scaling_candidates()
    used = {s.patient_id for s in emr.scaling_used()}
    assert scaling and not ({c.patient_id for c in scaling} & used)
    assert all(c.patient.age(today) >= 19 and c.patient.insurance != "none" for c in scaling)
    assert all(c.patient.age(today) >= 65 for c in emr.senior_candidates())
    happy = emr.happy_call_candidates()
    assert "1" in {c.patient_id for c in happy}  # patient 1 had an implant yesterday
    surgeries = emr.implant_surgeries(today - dt.timedelta(days=2), today)
    assert any(s.patient_id == "1" for s in surgeries)
    assert isinstance(emr.implant_checkup_candidates(), list)
    assert isinstance(emr.private_insurance_candidates(), list)


def test_target_lists_page_in_patient_id_order(emr_db):
    """The long target lists read page by page (keyset on the patient id) give the whole list, in order;
    the EMR counts them; the AD consent filter keeps exactly the patients with a current consent."""
    _, url = emr_db
    emr = EMR(url)
    today = dt.date.today()
    for kind, whole in [("recall", emr.recall_candidates()), ("scaling", emr.scaling_candidates()),
                        ("senior", emr.senior_candidates()), ("private_insurance", emr.private_insurance_candidates())]:
        assert whole, kind
        ids = [int(c.patient_id) for c in whole]
        assert ids == sorted(ids) and len(set(ids)) == len(ids), kind
        paged = list(emr.iter_candidates(kind, page=7, max_page=20))
        assert [(c.patient_id, c.date) for c in paged] == [(c.patient_id, c.date) for c in whole], kind
        assert emr.count_candidates(kind) == len(whole)
        since = today - dt.timedelta(days=730)
        consented = [c.patient_id for c in whole if c.patient.marketing_consent
                     and c.patient.marketing_consent_date and c.patient.marketing_consent_date >= since]
        assert [c.patient_id for c in emr.iter_candidates(kind, page=5, consented_since=since)] == consented, kind
        assert emr.count_candidates(kind, consented_since=since) == len(consented)
    first = emr.recall_candidates(limit=3)
    assert [c.patient_id for c in first] == [c.patient_id for c in emr.recall_candidates()[:3]]
    after = emr.recall_candidates(limit=2, after=int(first[0].patient_id))
    assert [c.patient_id for c in after] == [c.patient_id for c in first[1:]]


def test_cli_connect_test_lookup(emr_db, tmp_path, monkeypatch):
    from appliance.data import access_log, crm
    from appliance.data.emr.cli import emr as emr_cli

    _, url = emr_db
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    monkeypatch.delenv("DENTALCALL_EMR_PASSWORD", raising=False)
    runner = CliRunner()
    secret_url = url.replace("://root@", "://root:s3cret@").replace("://postgres@", "://postgres:s3cret@")
    if secret_url != url:
        # a password in the URL would stay in the shell history and the process list: refused, nothing saved
        res = runner.invoke(emr_cli, ["connect", secret_url, "--profile", "reference"])
        assert res.exit_code != 0 and "contains a password" in res.output and "s3cret" not in res.output
        assert not (tmp_path / "etc" / "dentalcall.ini").exists() or "emr_url" not in \
            (tmp_path / "etc" / "dentalcall.ini").read_text()
        # asked for instead (hidden prompt; the servers run without password checks, it must still be stored)
        res = runner.invoke(emr_cli, ["connect", url, "--profile", "reference"], input="s3cret\n")
        assert res.exit_code == 0, res.output
        assert "s3cret" not in res.output and "password" in res.output.lower()
        assert "s3cret" not in (tmp_path / "etc" / "dentalcall.ini").read_text()
        secrets_file = tmp_path / "etc" / "secrets.ini"
        assert "s3cret" in secrets_file.read_text() and (secrets_file.stat().st_mode & 0o777) == 0o600
        # or read from a file
        pw = tmp_path / "pw.txt"
        pw.write_text("fil3pw\n")
        res = runner.invoke(emr_cli, ["connect", url, "--profile", "reference", "--password-file", str(pw)])
        assert res.exit_code == 0, res.output
        assert "fil3pw" in secrets_file.read_text() and "s3cret" not in secrets_file.read_text()
    res = runner.invoke(emr_cli, ["connect", url, "--profile", "reference", "--no-password"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(emr_cli, ["test"])
    assert res.exit_code == 0, res.output
    assert "all 14 queries ran" in res.output
    # patient names are masked in every sample row (treatments_on and implant_surgeries rows carry them too)
    from appliance.data.emr import drivers

    conn = drivers.connect(url, read_only=True, connect_timeout=5, statement_timeout=10)
    try:
        names = {r["n"] for r in conn.query("SELECT PT_NAME AS n FROM PATIENT")} - set(seed.DOCTORS)
    finally:
        conn.close()
    assert not [n for n in names if n in res.output]
    res = runner.invoke(emr_cli, ["lookup", "010-2024-0001"])
    assert res.exit_code == 0, res.output
    assert "3 patient(s)" in res.output and "010-****-0001" in res.output
    assert "2024-0001" not in res.output
    from appliance import settings

    crm.open_database(settings.load().crm_url)
    try:
        logged = access_log.entries(action="emr.lookup")
        assert sorted(e.patient_id for e in logged) == ["1", "2", "3"]  # one row per patient shown
    finally:
        crm.database.close()


def test_cli_emr_test_blames_the_connection_when_the_server_is_unreachable(tmp_path, monkeypatch):
    from appliance.data.emr.cli import emr as emr_cli

    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    res = CliRunner().invoke(emr_cli, ["test", "--url", f"postgresql://dc@127.0.0.1:{port}/emr"])
    assert res.exit_code != 0
    assert "The connection failed, not the profile" in res.output and "fix them in" not in res.output


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


def test_read_only_enforced(emr_db):
    server, url = emr_db
    emr = EMR(url)
    emr.profile.queries["doctors"] = {"sql": "DELETE FROM DOCTOR"}
    with pytest.raises(ConfigError):
        emr.run("doctors")
    if server.kind != "sqlite":
        # even a statement that slips past the guard cannot write on a read-only session
        conn = emr._conn()
        with pytest.raises(EMRUnavailable):
            cur = conn.raw.cursor()
            try:
                cur.execute("UPDATE DOCTOR SET DR_USE = 'N'")
            except Exception as exc:
                conn.raw.rollback()
                raise EMRUnavailable(str(exc)) from exc
    assert all(d.active for d in EMR(url).doctors())


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


class _SlowEMR:
    def __init__(self, delay):
        self.delay = delay
        self.calls = 0

    def find_patients_by_phone(self, number):
        import time as _t

        self.calls += 1
        _t.sleep(self.delay)
        if self.delay > 5:
            raise EMRUnavailable("down")
        from appliance.data.emr.model import Patient

        return [Patient(id="9", phones=[number])]


def test_caller_lookup_never_waits_on_a_slow_emr():
    slow = _SlowEMR(0.3)
    lookup = CallerLookup(slow, ttl=1.5, budget=0.1)
    t0 = time.monotonic()
    res = lookup.lookup("010-1234-5678")
    assert res.source == "unavailable" and time.monotonic() - t0 < 0.3
    deadline = time.monotonic() + 5
    while lookup._inflight and time.monotonic() < deadline:  # the background query fills the cache
        time.sleep(0.02)
    res = lookup.lookup("+82 10 1234 5678")
    assert res.source == "cache" and res.patients[0].id == "9"
    time.sleep(1.6)
    t0 = time.monotonic()
    res = lookup.lookup("01012345678")
    assert res.source == "stale" and res.known and time.monotonic() - t0 < 0.05
    assert lookup.lookup("anonymous").source == "invalid"
    lookup.close()


def test_emr_health(tmp_path, emr_db):
    from appliance import settings
    from appliance.data.emr import settings as emr_settings
    from appliance.data.emr.health import emr_health

    server, url = emr_db
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    assert emr_health(config).status == "warn"
    emr_settings.save(config, url, "reference")
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    health = emr_health(config)
    assert health.status in ("ok", "warn") and "reachable" in health.message
    config = settings.load(overrides={"home": str(tmp_path), "emr_url": "postgresql://x@127.0.0.1:1/none"}, env={})
    health = emr_health(config)
    assert health.status == "fail" and health.fix


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


def test_emr_test_points_at_the_failing_query(emr_db, tmp_path, monkeypatch):
    from appliance.data.emr.cli import emr as emr_cli
    from appliance.data.emr.profile import PROFILES_DIR

    _, url = emr_db
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    broken = tmp_path / "broken.toml"
    text = (PROFILES_DIR / "reference.toml").read_text(encoding="utf-8")
    join = "  LEFT JOIN DOCTOR d ON d.DR_ID = r.RSV_DRID\n WHERE r.RSV_DATE"
    broken.write_text(text.replace(f"FROM RESERVATION r\n{join}", f"FROM RESERVATIONS r\n{join}"), encoding="utf-8")
    res = CliRunner().invoke(emr_cli, ["test", "--url", url, "--profile", str(broken)])
    assert res.exit_code != 0
    assert "FAIL appointments_between" in res.output and "[queries.appointments_between]" in res.output
    assert "ok   get_patient" in res.output
    # seed-demo refuses to overwrite a database that holds patients
    res = CliRunner().invoke(emr_cli, ["seed-demo", "--url", url, "--patients", "10"])
    assert res.exit_code != 0 and "--force" in res.output
