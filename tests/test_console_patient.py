"""The patient page (환자) through the real app (Starlette test client) on a real SQLite CRM and a seeded SQLite
EMR: each kind of contact shows for the right patient and nothing of another (patients 1 and 2 share one family
phone in the seed), the EMR down still renders, one access-log line per view, the search by 환자번호 or phone,
403 for a role that may not see calls, and the login first."""

from __future__ import annotations

import datetime as dt
import logging
import re

import pytest
from starlette.testclient import TestClient

from appliance.console import patient_history
from appliance.console.models import StaffAccount, WorkClosure
from appliance.data import access_log, crm_records
from appliance.data.crm import Call, utcnow
from appliance.data.emr import seed
from appliance.data.emr.model import Patient
from appliance.outbound import queue
from appliance.sms import outbox
from appliance.voicemail.store import Voicemail
from tests.console_support import add_accounts, form_csrf, login, make_config

FAMILY = "01020240001"  # patients 1, 2 and 3 in the seed
SENDER = "0255501000"


def _console(tmp_path, emr_url: str):
    from appliance.console.app import create_app
    from appliance.data import crm

    config = make_config(tmp_path, timezone="Asia/Seoul", emr_url=emr_url, emr_profile="reference")
    db = crm.open_for(config)
    add_accounts()
    return db, create_app(config, background=False)


@pytest.fixture
def clinic(tmp_path):
    """A console on a clinic with a seeded EMR (patient 1: 김말순 on the family phone), logged out."""
    emr_url = f"sqlite:///{tmp_path / 'emr.sqlite'}"
    seed.seed_demo(emr_url, patients=60, seed=5)
    db, app = _console(tmp_path, emr_url)
    with TestClient(app, base_url="https://console.test") as client:
        yield client
    db.close()


def _contact(patient_id: str, tag: str) -> dict:
    """One of each kind of contact for ``patient_id``, each marked with ``tag`` where the page shows text."""
    now = utcnow()
    call = Call.create(direction="inbound", caller_number=FAMILY, patient_id=patient_id, outcome="booked",
                       started_at=now - dt.timedelta(hours=2), ended_at=now - dt.timedelta(hours=2, seconds=-80))
    outbound = Call.create(direction="outbound", called_number=FAMILY, patient_id=patient_id, campaign="recall",
                           outcome="declined", started_at=now - dt.timedelta(days=3))
    emergency = crm_records.add_callback(f"{tag} 이가 너무 아파요", phone=FAMILY, patient_id=patient_id, priority=1,
                                         call_id=call.id)
    done = crm_records.add_callback(f"{tag} 비용 문의", phone=FAMILY, patient_id=patient_id)
    WorkClosure.create(kind="callback", item_id=done.id, result="done", note="안내함", closed_by="staff:kim",
                       patient_id=patient_id)
    crm_records.Callback.update(status="done").where(crm_records.Callback.id == done.id).execute()
    crm_records.BookingRequest.create(idempotency_key=f"b-{patient_id}", patient_id=patient_id, phone=FAMILY,
                                      treatment="scaling", start=dt.datetime(2026, 12, 21, 10, 0), status="requested",
                                      call_id=call.id)
    crm_records.add_note(f"[AI 문진] {tag} 잇몸에서 피가 나요", patient_id=patient_id, phone=FAMILY, call_id=call.id)
    Voicemail.create(msg_id=f"vm-{patient_id}", box="1000", audio_path="/nonexistent", caller_number=FAMILY,
                     received_at=now - dt.timedelta(hours=1), patient_id=patient_id, transcript=f"{tag} 전화 주세요",
                     transcript_status="done", duration_s=12)
    local = dt.datetime.now().replace(microsecond=0)
    text = outbox.queue(key=f"booking:{patient_id}", purpose="confirmation", phone=FAMILY, patient_id=patient_id,
                        text="[미소치과] 예약되었습니다", sender=SENDER, now=local)[0]
    task = queue.add_task(campaign="recall", kind="AD", patient_id=patient_id, phone=FAMILY, day=local.date(),
                          reason="recall", ref=f"r{patient_id}", now=local, expires_at=local + dt.timedelta(days=3))
    attempt = queue.claim(task.id, local)
    queue.finish_attempt(attempt.id, queue.NO_ANSWER, local, retry_minutes=[60])
    return {"call": call, "outbound": outbound, "emergency": emergency, "text": text, "task": task}


def test_the_page_shows_each_kind_of_contact_of_this_patient_and_nothing_of_another(clinic):
    mine = _contact("1", "가가")
    theirs = _contact("2", "나나")  # the same family phone, another patient
    crm_records.add_opt_out(None, patient_id="1", source="sms", scope="ad", note="문자로 광고 거부")
    crm_records.add_opt_out(None, patient_id="2", source="paper", scope="all", note="나나 서면 거부")
    # in patient 1's call: a request without a patient is theirs, one the parent made for a child is the child's
    crm_records.add_callback("가가 이름 없이 남긴 요청", phone=FAMILY, call_id=mine["call"].id)
    crm_records.BookingRequest.create(idempotency_key="child", patient_id="2", phone=FAMILY, treatment="checkup",
                                      start=dt.datetime(2026, 12, 22, 11, 0), note="나나 아이 검진",
                                      call_id=mine["call"].id)
    local = dt.datetime.now().replace(microsecond=0)
    for owner, covers in (("2", ["2", "1"]), ("3", ["3"])):  # one reminder call a day per phone carries 1's too
        queue.add_task(campaign="reminder", kind="INFO", patient_id=owner, phone=FAMILY, day=local.date(),
                       reason="reminder", ref=f"m{owner}", now=local, expires_at=local + dt.timedelta(days=1),
                       data={"appointments": [{"patient_id": p, "start": "2026-12-21T10:00"} for p in covers]})
    login(clinic, "kim")
    page = clinic.get("/patients/1")
    assert page.status_code == 200
    html = page.text
    assert "김말순" in html and "010-2024-0001" in html  # the EMR's name and number (an admin sees numbers)
    assert f'href="/calls/{mine["call"].id}"' in html and f'href="/calls/{mine["outbound"].id}"' in html
    assert "받은 전화" in html and "안내 전화" in html and "예약" in html and "거절" in html
    assert "응급 연락" in html and "가가 이가 너무 아파요" in html and "대기 중" in html
    assert "가가 비용 문의" in html and "처리 완료" in html and "staff:kim" in html
    assert "예약 요청" in html and "스케일링" in html and "사전 문진" in html and "가가 잇몸에서 피가 나요" in html
    assert "가가 전화 주세요" in html and "가가 이름 없이 남긴 요청" in html
    assert "예약 확인" in html and "보낸 문자 1건" in html  # the confirmation text, never its text
    assert "장기 미방문 리콜" in html and "받지 않음" in html and "1/3" in html
    tasks = re.search(r'<table class="campaign-tasks">(.*?)</table>', html, re.S).group(1)
    assert tasks.count("<tr>") == 1 + 2 and tasks.count("예약 전 알림") == 1  # 1's recall and the joint reminder
    assert "문자로 광고 거부" in html and "<td>광고</td>" in html  # the opt-out's scope, in Korean
    consent = re.search(r'<table class="consent">(.*?)</table>', html, re.S).group(1)
    rows = dict(re.findall(r'<th scope="row">(\S+)</th>(.*?)</tr>', consent, re.S))
    for channel in ("전화", "문자"):
        ad, care = re.findall(r"<td>(.*?)</td>", rows[channel], re.S)
        assert "안 됨" in ad and "수신거부(광고)" in ad and "문자" in ad  # the opt-out, its scope, source and date
        assert "가능" in care and "안 됨" not in care
    for other in ("나나", f'/calls/{theirs["call"].id}"', f'/calls/{theirs["outbound"].id}"'):
        assert other not in html


def test_every_view_is_one_access_log_line_and_staff_see_masked_numbers(clinic):
    _contact("1", "가가")
    login(clinic, "desk")
    html = clinic.get("/patients/1").text
    assert "010-****-0001" in html and "010-2024-0001" not in html
    clinic.get("/patients/1")
    views = access_log.entries(action="console.patient.view")
    assert len(views) == 2 and {(v.actor, v.patient_id) for v in views} == {("staff:desk", "1")}
    assert len(access_log.entries()) == 2  # the page's texts, calls and items add no lines of their own


def test_texts_sent_to_the_patients_number_without_a_patient_id_show_too(clinic):
    """A text to a number only (no patient id: a voicemail reply, a booking by an unknown caller) reached the
    patient's phone, so it shows on their page; a text carrying another patient's id on the same phone does not."""
    local = dt.datetime.now().replace(microsecond=0)
    number_only = outbox.queue(key="voicemail:9", purpose="voicemail_reply", phone=FAMILY,
                               text="[미소치과] 전화 드릴게요", sender=SENDER, now=local)[0]
    outbox.queue(key="booking:2", purpose="confirmation", phone=FAMILY, patient_id="2", text="[미소치과] 예약",
                 sender=SENDER, now=local)
    outbox.queue(key="voicemail:10", purpose="voicemail_reply", phone="01099990000", text="[미소치과] 다른 번호",
                 sender=SENDER, now=local)
    login(clinic, "kim")
    html = clinic.get("/patients/1").text
    assert "보낸 문자 1건 (환자번호 없이 이 분 번호로 보낸 1건 포함)" in html
    shown = re.search(r'<table class="texts">(.*?)</table>', html, re.S).group(1)
    assert shown.count("<tr class=") == 1 and "음성메시지 답장" in shown and "예약 확인" not in shown
    assert [m.id for m in patient_history.gather("1", _Directory(), local.date()).messages] == [number_only.id]
    views = access_log.entries(action="console.patient.view")
    assert [(v.actor, v.patient_id) for v in views] == [("staff:kim", "1")]  # the view, with whose page it was


class _Directory:
    """The EMR's answer for patient 1 on the family phone."""

    def one(self, patient_id):
        return Patient(id=patient_id, name="김말순", phones=[FAMILY]), None


def test_links_lead_to_the_page_from_the_call_the_work_queue_texts_and_opt_outs(clinic):
    made = _contact("1", "가가")
    crm_records.add_opt_out(None, patient_id="1", source="staff", scope="ad", note="데스크")
    login(clinic, "kim")
    for url in (f"/calls/{made['call'].id}", "/work", "/texts", "/optouts", "/calls", "/voicemail", "/admin/access"):
        assert 'href="/patients/1"' in clinic.get(url).text, url


def test_the_search_finds_by_patient_number_or_phone_and_logs_a_miss_without_the_number(clinic):
    Call.create(direction="inbound", caller_number="01049591033", patient_id="4", outcome="answered")
    login(clinic, "desk")
    page = clinic.get("/patients").text
    found = clinic.get("/patients?q=4", follow_redirects=False)
    assert found.status_code == 303 and found.headers["location"] == "/patients/4"
    by_phone = clinic.post("/patients", data={"csrf_token": form_csrf(page, "/patients"), "q": "010-4959-1033"},
                           follow_redirects=False)
    assert by_phone.headers["location"] == "/patients/4"
    family = clinic.get("/patients?q=010-2024-0001").text  # three patients on one phone: a choice
    assert all(f'href="/patients/{i}"' in family for i in ("1", "2", "3")) and "3명" in family
    miss = clinic.get("/patients?q=01077778888").text
    assert "찾는 환자가 없습니다" in miss
    searches = access_log.entries(action="console.patients.search")
    missed = [s for s in searches if s.count == 0]
    assert len(missed) == 1 and missed[0].patient_id is None and "7778888" not in (missed[0].subject or "")
    assert {s.patient_id for s in searches if s.count} == {"1", "2", "3"}
    assert clinic.get("/patients/99999").status_code == 404  # the EMR answers: no such patient


def test_the_page_renders_from_the_crm_when_the_emr_is_down(tmp_path):
    db, app = _console(tmp_path, f"sqlite:///{tmp_path / 'gone' / 'emr.sqlite'}")
    try:
        made = _contact("1", "가가")
        with TestClient(app, base_url="https://console.test") as client:
            login(client, "kim")
            page = client.get("/patients/1")
        assert page.status_code == 200
        assert "EMR에 연결할 수 없어" in page.text and "환자번호 1" in page.text
        assert f'href="/calls/{made["call"].id}"' in page.text and "확인 불가" in page.text
        assert access_log.entries(action="console.patient.view")[0].patient_id == "1"
    finally:
        db.close()


def test_a_role_that_may_not_see_calls_gets_403_and_no_login_goes_to_the_login(clinic):
    assert clinic.get("/patients/1", follow_redirects=False).headers["location"] == "/login"
    assert clinic.get("/patients?q=1", follow_redirects=False).headers["location"] == "/login"
    login(clinic, "desk")
    StaffAccount.update(role="billing").where(StaffAccount.name == "desk").execute()  # a role without calls
    clinic.cookies.clear()
    login(clinic, "desk")
    for url in ("/patients/1", "/patients?q=1", "/calls"):
        r = clinic.get(url)
        assert r.status_code == 403 and "권한이 없는" in r.text, url
    assert not access_log.entries(action="console.patient.view")


def test_consent_per_channel_follows_the_dialer_and_the_text_sender():
    today = dt.date(2026, 12, 7)
    adult = Patient(id="7", name="박하늘", birth_date=dt.date(1990, 1, 1), phones=["01012345678"],
                    marketing_consent=True, marketing_consent_date=dt.date(2026, 1, 5))
    grid = {(p.channel, p.purpose): p for p in patient_history.permissions(adult, None, [], today)}
    assert all(p.allowed for p in grid.values()) and grid["call", "ad"].why == "동의 (2026-01-05)"
    child = Patient(id="8", birth_date=dt.date(2016, 3, 1), marketing_consent=True,
                    marketing_consent_date=dt.date(2026, 1, 5))
    grid = {(p.channel, p.purpose): p for p in patient_history.permissions(child, None, [], today)}
    assert grid["call", "ad"].allowed is False and "보호자" in grid["call", "ad"].why  # the dialer's rule
    assert grid["text", "ad"].allowed is True  # the text sender checks the consent and its date only
    grid = {(p.channel, p.purpose): p for p in patient_history.permissions(None, "emr_down", [], today)}
    assert grid["call", "ad"].allowed is None and grid["call", "care"].allowed is True


def test_the_request_log_never_shows_a_query_or_a_patient_id():
    from appliance.console.server import RedactedRequests

    def line(path: str) -> str:
        record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                                   ("127.0.0.1:5000", "GET", path, "1.1", 200), None)
        RedactedRequests().filter(record)
        return record.getMessage()

    assert "01012345678" not in line("/patients?q=01012345678") and "/patients?…" in line("/patients?q=1")
    assert line("/patients/12345") == '127.0.0.1:5000 - "GET /patients/… HTTP/1.1" 200'
    assert "/calls/7" in line("/calls/7")


def test_the_consent_grid_reads_each_scope_the_way_the_dialer_and_texts_do():
    """A "calls" opt-out: no call of any purpose, reminder texts still allowed; "texts" the reverse."""
    def grid(scope: str) -> dict[tuple[str, str], str]:
        refusal = crm_records.OptOut(scope=scope, source="call_speech", phone="01012345678")
        return {(p.channel, p.purpose): p.why for p in patient_history.permissions(None, None, [refusal],
                                                                                 dt.date(2026, 12, 1))}

    calls = grid("calls")
    assert calls[("call", "care")] == calls[("call", "ad")] == "수신거부(전화)"
    assert calls[("text", "care")] == "가능" and calls[("text", "ad")] != "수신거부(전화)"  # consent decides
    texts = grid("texts")
    assert texts[("text", "care")] == texts[("text", "ad")] == "수신거부(문자)" and texts[("call", "care")] == "가능"
    everything = grid("all")
    assert set(everything.values()) == {"수신거부(전체)"}
