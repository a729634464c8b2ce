"""The work queue and its actions through the real app: order, done with a note, booking approval (into a
real seeded EMR when writes are allowed, else "entered by hand"), rejection into a callback, and the audit."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.console import workqueue
from appliance.console.models import WorkAction, WorkClosure
from appliance.data import access_log, crm_records
from appliance.data.clinic import facts as factslib
from appliance.data.crm import Call, Turn, utcnow
from appliance.data.emr import seed
from appliance.data.emr.connector import EMR
from appliance.voicemail.store import Voicemail
from tests.console_support import csrf_of, form_csrf, login, make_config


def _queue(console_home_: object) -> dict[str, object]:
    call = Call.create(direction="inbound", caller_number="01055550001", patient_id="9", ended_at=utcnow(),
                       outcome="callback_requested", meta={"summary": "비용 문의: 교정"})
    Turn.create(call=call, seq=1, speaker="caller", text="교정 비용은 얼마나 해요?")
    late = crm_records.add_callback("교정 비용 문의", phone="01055550001", priority=5, call_id=call.id)
    urgent = crm_records.add_callback("응급 증상 (우선 연락)", phone="01055550002", priority=1)
    booking = crm_records.BookingRequest.create(idempotency_key="k1", phone="01055550003", treatment="scaling",
                                                start=dt.datetime(2030, 1, 7, 10, 0), status="requested")
    note = crm_records.add_note("[AI 문진] 스케일링\n당뇨: 예", phone="01055550004", author="ai")
    crm_records.add_note("staff wrote this", phone="01055550004")  # not a questionnaire: not work
    vm = Voicemail.create(msg_id="1-0", box="100", audio_path="/nonexistent.wav", caller_number="01055550005",
                          received_at=utcnow(), transcript="전화 부탁드립니다", transcript_status="done")
    return {"late": late, "urgent": urgent, "booking": booking, "note": note, "voicemail": vm}


def test_the_queue_is_in_working_order_with_summary_and_transcript(client, console_home):
    items = _queue(console_home)
    order = [(i.kind, i.id) for i in workqueue.build()]
    assert order == [("callback", items["urgent"].id), ("callback", items["late"].id),
                     ("booking", items["booking"].id), ("note", items["note"].id),
                     ("voicemail", items["voicemail"].id)]
    login(client, "kim")
    page = client.get("/work").text
    keys = [f'id="callback-{items["urgent"].id}"', f'id="callback-{items["late"].id}"',
            f'id="booking-{items["booking"].id}"', f'id="note-{items["note"].id}"',
            f'id="voicemail-{items["voicemail"].id}"']
    assert [page.index(k) for k in keys] == sorted(page.index(k) for k in keys)
    assert "비용 문의: 교정" in page and "교정 비용은 얼마나 해요?" in page and "전화 부탁드립니다" in page
    assert workqueue.open_counts() == {"emergency": 1, "callback": 1, "booking": 1, "note": 1, "voicemail": 1}


def test_done_with_a_note_closes_once_and_is_audited(client, console_home):
    items = _queue(console_home)
    login(client, "desk")
    page = client.get("/work").text
    cb = items["late"]
    token = form_csrf(page, f"/work/callback/{cb.id}/done")  # the token inside the item's own form
    assert token == csrf_of(page)
    r = client.post(f"/work/callback/{cb.id}/done", data={"csrf_token": token, "note": "통화함, 견적 안내"})
    assert "처리 완료로 표시했습니다" in r.text and f'id="callback-{cb.id}"' not in r.text
    row = crm_records.Callback.get_by_id(cb.id)
    assert row.status == "done" and row.done_at is not None and "통화함, 견적 안내" in row.note
    closure = WorkClosure.get(WorkClosure.kind == "callback", WorkClosure.item_id == cb.id)
    assert closure.closed_by == "staff:desk" and closure.note == "통화함, 견적 안내"
    again = client.post(f"/work/callback/{cb.id}/done", data={"csrf_token": csrf_of(page), "note": "again"})
    assert "이미 다른 분이 처리한" in again.text
    assert [(a.actor, a.action, a.note) for a in WorkAction.select()] == [("staff:desk", "done", "통화함, 견적 안내")]
    for kind in ("note", "voicemail"):
        r = client.post(f"/work/{kind}/{items[kind].id}/done", data={"csrf_token": csrf_of(page)})
        assert "처리 완료" in r.text
    assert workqueue.open_counts() == {"emergency": 1, "callback": 0, "booking": 1, "note": 0, "voicemail": 0}


def test_approve_by_hand_when_the_emr_is_read_only(client, console_home):
    items = _queue(console_home)
    login(client, "kim")
    page = client.get("/work").text
    b = items["booking"]
    r = client.post(f"/work/booking/{b.id}/approve", data={"csrf_token": csrf_of(page), "note": "EMR에 입력함"})
    assert "직접 입력" in r.text
    row = crm_records.BookingRequest.get_by_id(b.id)
    assert row.status == "confirmed" and row.meta["entered_by_hand"] is True and row.meta["approved_by"] == "staff:kim"
    assert WorkClosure.get(WorkClosure.kind == "booking").result == "entered_by_hand"
    r = client.post(f"/work/booking/{b.id}/reject", data={"csrf_token": csrf_of(page)})
    assert "이미 처리" in r.text  # no second decision


def test_reject_becomes_a_callback(client, console_home):
    items = _queue(console_home)
    login(client, "kim")
    page = client.get("/work").text
    b = items["booking"]
    r = client.post(f"/work/booking/{b.id}/reject", data={"csrf_token": csrf_of(page), "note": "그 시간 원장님 부재"})
    assert "콜백이 추가" in r.text
    assert crm_records.BookingRequest.get_by_id(b.id).status == "rejected"
    new = crm_records.Callback.select().order_by(crm_records.Callback.id.desc()).first()
    assert new.phone == "01055550003" and new.reason.startswith("예약 요청 반려") and new.note == "그 시간 원장님 부재"
    assert f'id="callback-{new.id}"' in r.text


def _open_weekday(facts: object, start: dt.date) -> dt.date:
    day = start
    while not (facts.is_open_day(day) and day.weekday() < 5):
        day += dt.timedelta(days=1)
    return day


@pytest.mark.db
def test_approve_writes_into_the_emr_when_allowed(tmp_path):
    from starlette.testclient import TestClient

    from appliance.console.app import create_app
    from appliance.data import crm
    from tests.console_support import add_accounts

    emr_url = f"sqlite:///{tmp_path / 'emr.sqlite'}"
    seed.seed_demo(emr_url, patients=60, seed=5)
    config = make_config(tmp_path, emr_url=emr_url, emr_profile="reference", emr_booking="emr")
    crm.open_for(config)
    add_accounts()
    facts = factslib.load_for(config)
    day = _open_weekday(facts, dt.date.today() + dt.timedelta(days=40))
    start = dt.datetime.combine(day, dt.time(10, 0))
    row = crm_records.BookingRequest.create(idempotency_key="appr", patient_id="4", phone="01011112222",
                                            treatment="scaling", start=start, status="requested")
    with TestClient(create_app(config, background=False), base_url="https://console.test") as c:
        login(c, "kim")
        page = c.get("/work").text
        r = c.post(f"/work/booking/{row.id}/approve", data={"csrf_token": csrf_of(page)})
    assert "EMR에 예약을 넣었습니다" in r.text
    stored = crm_records.BookingRequest.get_by_id(row.id)
    assert stored.status == "booked" and stored.emr_appointment_id
    in_emr = [a for a in EMR(emr_url).appointments_between(day, day) if a.patient_id == "4" and a.start == start]
    assert len(in_emr) == 1 and in_emr[0].id == stored.emr_appointment_id
    assert WorkClosure.get(WorkClosure.kind == "booking").result == "approved_emr"
    assert access_log.entries(actor="staff:kim", action="console.work.view")


def test_call_back_needs_an_extension_and_a_trunk(client, console_home):
    items = _queue(console_home)
    login(client, "kim")
    page = client.get("/work").text
    r = client.post(f"/work/callback/{items['late'].id}/call", data={"csrf_token": csrf_of(page)})
    assert "트렁크" in r.text  # no SIP trunk in this home: said clearly, nothing rings
    assert not WorkAction.select().where(WorkAction.action == "call_back").exists()
