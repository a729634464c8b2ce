"""Texts in the console (issue 16), through the real app (Starlette test client, real SQLite CRM): the vendor's
webhook is mounted outside the login and the CSRF check and nothing else is; the outbox page shows state, type,
bytes and purpose (never the text), masks numbers for the staff role and is access-logged; the call page shows
the caller's texts; a reply that became a work item says so in the queue."""

from __future__ import annotations

import datetime as dt

import pytest
from starlette.routing import Mount, Route
from starlette.testclient import TestClient

from appliance.data import access_log, crm_records
from appliance.data.crm import Call, utcnow
from appliance.data.emr.settings import write_secret
from appliance.sms import inbox, outbox
from appliance.sms.webhook import webhook_urls
from tests.console_support import add_accounts, csrf_of, form_csrf, login, make_config

PATIENT_PHONE, FAMILY_PHONE = "01023456789", "01099990000"
SENDER = "0255501000"


@pytest.fixture
def sms_console(tmp_path):
    """A console whose clinic texts through an HTTP vendor (the webhook routes are mounted)."""
    from appliance.console.app import create_app
    from appliance.data import crm

    config = make_config(tmp_path, timezone="Asia/Seoul", sms_gateway="http", sms_url="http://127.0.0.1:9",
                         sms_sender_number=SENDER, sms_optout_number="0801234567")
    write_secret(config, "sms_api_key", "test-key")
    db = crm.open_for(config)
    add_accounts()
    app = create_app(config, background=False)
    with TestClient(app, base_url="https://console.test") as client:
        yield config, app, client
    db.close()


def _sample(path: str) -> str:
    return (path.replace("{kind}", "callback").replace("{item_id:int}", "1").replace("{call_id:int}", "1")
            .replace("{name}", "recall").replace("{topic}", "work").replace("{token}", "x"))


def _mo(config) -> str:
    return webhook_urls(config, "")["mo"]


def test_only_the_vendor_webhook_is_outside_the_login(sms_console):
    config, app, client = sms_console
    routes = [r for r in app.routes if isinstance(r, Route)]
    vendor = sorted(r.path for r in routes if getattr(r.endpoint, "console_kind", "") == "vendor")
    assert vendor == ["/sms/hook/{token}/mo", "/sms/hook/{token}/report"]
    # a wrong token is refused and stores nothing
    r = client.post("/sms/hook/not-the-token/mo", json={"id": "x1", "from": PATIENT_PHONE, "text": "취소"})
    assert r.status_code == 404 and inbox.Reply.select().count() == 0
    # the right one needs no login and no CSRF token
    r = client.post(_mo(config), json={"id": "x2", "from": PATIENT_PHONE, "text": "주차 되나요?"})
    assert r.status_code == 200 and r.json() == {"ok": True, "action": "work_queue"}
    # every other route: a page without a session goes to the login, a form or stream is refused
    for route in routes:
        kind = getattr(route.endpoint, "console_kind", "")
        if kind == "vendor" or route.path in ("/", "/login"):
            continue
        assert kind in ("page", "action", "stream"), route.path
        for method in sorted(route.methods or {"GET"}):
            if method == "HEAD":
                continue
            r = client.request(method, _sample(route.path), follow_redirects=False)
            if method == "GET" and kind == "page":
                assert r.status_code == 303 and r.headers["location"] == "/login", route.path
            else:
                assert r.status_code == 401, (method, route.path, r.status_code)
    assert [r for r in app.routes if isinstance(r, Mount)][0].path == "/static"  # files only, no patient data
    assert client.get("/", follow_redirects=False).headers["location"] == "/today"


def test_without_a_text_vendor_no_webhook_route_exists(client, console_home):
    assert not [r for r in console_home.app.routes if getattr(r, "path", "").startswith("/sms/")]
    assert client.post("/sms/hook/x/mo", json={"from": PATIENT_PHONE, "text": "1"}).status_code == 404


def _texts(now: dt.datetime) -> tuple[outbox.Message, outbox.Message]:
    mine = outbox.queue(key="booking:1", purpose="confirmation", phone=PATIENT_PHONE, patient_id="P1",
                        text="[미소치과] 12월 3일(목) 오후 3:30 스케일링 예약되었습니다", sender=SENDER, now=now)[0]
    outbox.finish(mine.id, outbox.SENT, now)
    other = outbox.queue(key="reminder:9", purpose="reminder", phone=FAMILY_PHONE, patient_id="P2",
                         text="[미소치과] 내일 오전 10:00 예약이 있습니다", sender=SENDER, now=now)[0]
    inbox.record("test", "r1", PATIENT_PHONE, "변경 가능할까요", now)
    return mine, other


def test_the_outbox_page_masks_numbers_for_staff_never_shows_the_text_and_is_logged(sms_console):
    config, _, client = sms_console
    mine, other = _texts(dt.datetime.now().replace(microsecond=0))
    login(client, "desk")
    page = client.get("/texts")
    assert page.status_code == 200
    html = page.text
    assert "010-****-6789" in html and "010-2345-6789" not in html and PATIENT_PHONE not in html
    assert "스케일링 예약되었습니다" not in html and "예약 확인" in html and "예약 알림" in html
    assert f"<td>{mine.type}</td>" in html and f"<td>{mine.bytes}</td>" in html
    assert "보냄" in html and "대기" in html and "변경 가능할까요" in html
    seen = access_log.entries(actor="staff:desk", action="console.texts.view")
    assert {e.patient_id for e in seen} == {"P1", "P2"}
    # one person's texts: searched by number (POSTed, the number never in a URL)
    found = client.post("/texts", data={"number": "010-2345-6789", "csrf_token": form_csrf(html, "/texts")})
    assert found.status_code == 200 and "예약 확인" in found.text and "예약 알림" not in found.text
    assert [e.patient_id for e in access_log.entries(action="console.texts.search")] == ["P1"]
    client.cookies.clear()
    login(client, "kim")
    assert "010-2345-6789" in client.get("/texts").text  # admins see the numbers


def test_the_call_page_shows_the_callers_texts(sms_console):
    _, _, client = sms_console
    _texts(dt.datetime.now().replace(microsecond=0))
    call = Call.create(direction="inbound", caller_number=PATIENT_PHONE, patient_id="P1", outcome="booked",
                       started_at=utcnow() - dt.timedelta(minutes=5))
    login(client, "desk")
    html = client.get(f"/calls/{call.id}").text
    assert "이 분의 문자" in html and "예약 확인" in html and "변경 가능할까요" in html
    assert "예약 알림" not in html  # the family member's reminder is theirs
    logged = access_log.entries(action="console.texts.patient")
    assert [(e.actor, e.patient_id) for e in logged] == [("staff:desk", "P1")]


def test_replies_that_became_work_show_as_texts_in_the_queue(sms_console):
    config, _, client = sms_console
    client.post(_mo(config), data={"id": "w1", "from": PATIENT_PHONE, "text": "주차 되나요?"})
    client.post(_mo(config), data={"id": "w2", "from": FAMILY_PHONE, "text": "변경"})
    login(client, "desk")
    html = client.get("/work").text
    assert html.count("문자 답장") == 2 and "주차 되나요?" in html and "받은 문자" in html
    assert "문자: 예약 변경 요청" in html and 'href="/texts"' in html
    texts_page = client.get("/texts").text
    assert "처리할 일로 보냄" in texts_page and "처리할 일(변경 요청)" in texts_page
    cb = crm_records.Callback.get(crm_records.Callback.note == "주차 되나요?")
    r = client.post(f"/work/callback/{cb.id}/done", data={"note": "주차 안내함", "csrf_token": csrf_of(html)})
    assert r.status_code == 200 and crm_records.Callback.get_by_id(cb.id).status == "done"
