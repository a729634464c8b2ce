"""Staff approving a booking request write through the one EMR write every booking uses (``write_appointment``),
on each EMR backend: a slot someone filled in the EMR meanwhile is refused with a clear message and the
request stays waiting; an appointment staff already typed for that patient counts as booked, never twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from appliance.console.models import WorkAction, WorkClosure
from appliance.data import crm_records
from appliance.data.clinic import facts as factslib
from appliance.data.clinic import slots as slotlib
from appliance.data.emr import drivers
from appliance.data.emr.connector import EMR
from tests.console_support import add_accounts, csrf_of, login, make_config

pytestmark = pytest.mark.db


def _open_weekday(facts: Any, start: dt.date) -> dt.date:
    day = start
    while not (facts.is_open_day(day) and day.weekday() < 5):
        day += dt.timedelta(days=1)
    return day


def _typed_into_the_emr(url: str, facts: Any, start: dt.datetime, patient_ids: list[str]) -> None:
    """What the EMR's own program does when staff book at the desk: plain inserts, one chair each."""
    emr = EMR(url)
    doctor = facts.doctors_on(start.date())[0]
    conn = drivers.connect(emr.url, read_only=False, connect_timeout=5.0, statement_timeout=10.0)
    try:
        conn.begin(serializable=False)
        for chair, patient_id in enumerate(patient_ids, start=1):
            conn.execute(emr.profile.sql("book_appointment", emr.dialect), emr.params({
                "patient_id": patient_id, "date": start.date(), "time": start.time(), "duration_min": 30,
                "doctor_id": doctor.emr_id, "chair_id": str(chair), "treatment_name": "스케일링",
                "memo": "데스크 입력", "now": dt.datetime.now()}))
        conn.commit()
    finally:
        conn.close()


def _approve(config: Any, request_id: int) -> str:
    from starlette.testclient import TestClient

    from appliance.console.app import create_app

    with TestClient(create_app(config, background=False), base_url="https://console.test") as c:
        login(c, "kim")
        page = c.get("/work").text
        return c.post(f"/work/booking/{request_id}/approve", data={"csrf_token": csrf_of(page)}).text


@pytest.fixture
def clinic(tmp_path: Any, emr_db: Any) -> Any:
    from appliance.data import crm

    _, url = emr_db
    config = make_config(tmp_path, emr_url=url, emr_profile="reference", emr_booking="emr")
    db = crm.open_for(config)
    add_accounts()
    yield config, url, factslib.load_for(config)
    db.close()


def test_a_slot_filled_in_the_emr_meanwhile_is_refused_and_the_request_waits(clinic):
    config, url, facts = clinic
    day = _open_weekday(facts, dt.date.today() + dt.timedelta(days=50))
    start = dt.datetime.combine(day, dt.time(10, 0))
    row = crm_records.BookingRequest.create(idempotency_key="taken", patient_id="4", phone="01011112222",
                                            treatment="scaling", start=start, duration_min=30, status="requested")
    assert slotlib.slot_is_free(facts, EMR(url).appointments_between(day, day), start, 30) is not None
    _typed_into_the_emr(url, facts, start, [str(p) for p in range(20, 20 + facts.chairs)])

    text = _approve(config, row.id)

    assert "그 시간은 이미 찼습니다. 환자분께 다른 시간을 안내하거나 반려해 주세요." in text
    stored = crm_records.BookingRequest.get_by_id(row.id)
    assert stored.status == "requested" and stored.emr_appointment_id is None  # still waiting for staff
    assert not WorkClosure.select().where(WorkClosure.kind == "booking", WorkClosure.item_id == row.id).exists()
    assert WorkAction.get(WorkAction.item == str(row.id), WorkAction.action == "approve").result == "taken"
    assert not [a for a in EMR(url).appointments_between(day, day) if a.patient_id == "4" and a.start == start]


def test_an_appointment_staff_already_typed_counts_as_booked_once(clinic):
    config, url, facts = clinic
    day = _open_weekday(facts, dt.date.today() + dt.timedelta(days=57))
    start = dt.datetime.combine(day, dt.time(11, 0))
    row = crm_records.BookingRequest.create(idempotency_key="typed", patient_id="5", phone="01011113333",
                                            treatment="scaling", start=start, duration_min=30, status="requested")
    _typed_into_the_emr(url, facts, start, ["5"])

    text = _approve(config, row.id)

    assert "EMR에 예약을 넣었습니다" in text
    mine = [a for a in EMR(url).appointments_between(day, day) if a.patient_id == "5" and a.start == start]
    stored = crm_records.BookingRequest.get_by_id(row.id)
    assert len(mine) == 1 and stored.status == "booked" and stored.emr_appointment_id == mine[0].id
    assert WorkClosure.get(WorkClosure.item_id == row.id).result == "approved_emr"
