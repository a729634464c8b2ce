"""The staff console through its real app (Starlette test client, real SQLite CRM): login, sessions, CSRF,
roles and masking, the access log, and security headers."""

from __future__ import annotations

import datetime as dt
import re

from starlette.routing import Route

from appliance.console import accounts, sessions
from appliance.console.models import ConsoleSession, LoginAttempt, WorkClosure
from appliance.data import access_log, crm_records
from appliance.data.crm import utcnow
from tests.console_support import PASSWORDS, csrf_of, login

PAGES = ["/today", "/work", "/voicemail", "/calls", "/campaigns", "/optouts", "/health", "/admin/access",
         "/admin/staff"]


def _sample_path(path: str) -> str:
    return (path.replace("{kind}", "callback").replace("{item_id:int}", "1").replace("{call_id:int}", "1")
            .replace("{name}", "recall").replace("{topic}", "work"))


def test_nothing_opens_without_login(client):
    for path in PAGES + ["/calls/1", "/voicemail/1/audio"]:
        r = client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login", path
    assert client.get("/live/work").status_code == 401
    assert "로그인" in client.get("/login").text


def test_login_sets_a_secure_httponly_samesite_session_cookie(client, console_home):
    r = login(client, "kim")
    assert r.status_code == 303 and r.headers["location"] == "/today"
    cookie = [h for h in r.headers.get_list("set-cookie") if h.startswith(sessions.COOKIE + "=")][0]
    assert "HttpOnly" in cookie and "Secure" in cookie and "samesite=strict" in cookie.lower()
    token = re.match(rf"{sessions.COOKIE}=([^;]+)", cookie).group(1)
    stored = ConsoleSession.get()
    assert stored.token_hash != token and len(stored.token_hash) == 64  # only the hash is kept
    assert client.get("/today").status_code == 200


def test_a_wrong_password_five_times_is_throttled(client):
    for _ in range(5):
        r = login(client, "kim", "not-the-password")
        assert r.status_code == 401 and "맞지 않습니다" in r.text
    r = login(client, "kim")  # the right password, too late
    assert r.status_code == 429 and "15분 뒤" in r.text
    assert sessions.COOKIE not in client.cookies
    assert LoginAttempt.select().where(LoginAttempt.ok == False).count() == 6  # noqa: E712
    assert login(client, "desk").status_code == 303  # another account from the same desk still works


def test_unknown_names_cost_the_same_and_reveal_nothing(client):
    r = login(client, "nobody", "whatever-123")
    assert r.status_code == 401 and "아이디 또는 비밀번호" in r.text


def test_the_login_form_itself_needs_its_token(client):
    client.get("/login")
    r = client.post("/login", data={"name": "kim", "password": PASSWORDS["kim"]}, follow_redirects=False)
    assert r.status_code == 403 and sessions.COOKIE not in client.cookies


def test_every_form_is_refused_without_the_csrf_token(client, console_home):
    crm_records.add_callback("price", phone="01012345678", priority=5)
    login(client, "kim")
    posts = [r for r in console_home.app.routes if isinstance(r, Route) and "POST" in (r.methods or set())]
    assert len(posts) >= 15
    for route in posts:
        if getattr(route.endpoint, "console_kind", "") == "login":
            continue
        assert getattr(route.endpoint, "console_kind", "") == "action", route.path  # all POSTs check CSRF
        r = client.post(_sample_path(route.path), data={"note": "x"}, follow_redirects=False)
        assert r.status_code == 403 and "보안 토큰" in r.text, route.path
        r = client.post(_sample_path(route.path), data={"note": "x", "csrf_token": "forged"}, follow_redirects=False)
        assert r.status_code == 403, route.path
    assert WorkClosure.select().count() == 0
    assert crm_records.Callback.get().status == "open"
    assert client.get("/today").status_code == 200  # still logged in: nothing was logged out either


def test_idle_sessions_end(client, console_home):
    login(client, "kim")
    ConsoleSession.update(last_seen_at=utcnow() - dt.timedelta(minutes=16)).execute()
    r = client.get("/work", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert ConsoleSession.get().ended_at is not None


def test_logout_ends_the_session(client):
    login(client, "kim")
    page = client.get("/today")
    r = client.post("/logout", data={"csrf_token": csrf_of(page.text)}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert client.get("/today", follow_redirects=False).status_code == 303


def test_disabled_accounts_are_logged_out_at_once(client):
    login(client, "desk")
    accounts.set_disabled("desk", True)
    assert client.get("/today", follow_redirects=False).status_code == 303
    assert login(client, "desk").status_code == 401


def test_staff_see_masked_numbers_admins_full_and_revealing_is_logged(client):
    cb = crm_records.add_callback("교정 비용 문의", phone="010-7777-1234", patient_id="77", priority=5)
    login(client, "desk")
    page = client.get("/work").text
    assert "010-****-1234" in page and "010-7777-1234" not in page
    r = client.post(f"/work/callback/{cb.id}/reveal", data={"csrf_token": csrf_of(page)})
    assert "010-7777-1234" in r.text
    reveal = access_log.entries(action="console.number.reveal")
    assert [(e.actor, e.patient_id) for e in reveal] == [("staff:desk", "77")]
    client.cookies.clear()
    login(client, "kim")
    assert "010-7777-1234" in client.get("/work").text


def test_every_page_view_with_patient_data_is_in_the_access_log(client):
    crm_records.add_callback("응급 증상 (우선 연락)", phone="01011112222", patient_id="5", priority=1)
    login(client, "desk")
    for path in PAGES[:6]:
        assert client.get(path).status_code == 200, path
    rows = access_log.entries(actor="staff:desk")
    actions = {r.action for r in rows}
    assert {"console.today.view", "console.work.view", "console.voicemail.view", "console.calls.view",
            "console.optouts.view"} <= actions
    assert any(r.action == "console.work.view" and r.patient_id == "5" for r in rows)
    assert all(r.origin == "testclient" for r in rows)


def test_admin_pages_are_for_admins_only(client):
    login(client, "desk")
    client.get("/work")
    assert client.get("/admin/access").status_code == 403
    assert client.get("/admin/staff").status_code == 403
    page = client.get("/campaigns").text
    r = client.post("/campaigns/recall/enable", data={"csrf_token": csrf_of(page)})
    assert r.status_code == 403
    client.cookies.clear()
    login(client, "kim")
    access = client.get("/admin/access")
    assert access.status_code == 200 and "staff:desk" in access.text


def test_security_headers_and_no_caching(client):
    login(client, "kim")
    r = client.get("/work")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY" and r.headers["cache-control"] == "no-store"
    assert r.headers["strict-transport-security"].startswith("max-age=")
    assert "<script>" not in r.text  # no inline script: the CSP forbids it
