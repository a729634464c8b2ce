"""The connector's reads against real PostgreSQL, MariaDB and SQLite (same tests, parametrized by ``emr_db``):
patients and families by phone, the outbound target lists page by page, read-only sessions, and a caller lookup
that never waits on a slow EMR."""

import datetime as dt
import time

import pytest

from appliance.data.emr import seed
from appliance.data.emr.connector import EMR
from appliance.data.emr.lookup import CallerLookup
from appliance.errors import ConfigError, EMRUnavailable

pytestmark = pytest.mark.db


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
