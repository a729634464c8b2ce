"""Texts through the real console process (issue 16): ``python -m appliance console`` (uvicorn) on loopback, a
real SQLite EMR that allows writes, the clinic texting through an HTTP vendor. The vendor's MO callback "취소"
cancels the patient's next appointment in the EMR; any other reply lands in the staff work queue; a wrong token
is refused; every other route still needs the login (the route table walked against the running server)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from appliance import settings
from appliance.data import crm, crm_records
from appliance.data.emr import EMR, seed
from appliance.data.emr.settings import write_secret
from appliance.sms import inbox, outbox
from appliance.sms.webhook import webhook_urls
from tests.console_support import PASSWORDS, add_accounts, csrf_of

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _patient_with_next_appointment(emr: EMR) -> tuple[str, str, object]:
    """A patient alone on their mobile number (not a family phone) with an appointment ahead."""
    today = dt.date.today()
    now = dt.datetime.now()
    for appt in sorted(emr.appointments_between(today + dt.timedelta(days=2), today + dt.timedelta(days=30)),
                       key=lambda a: a.start):
        patient = emr.get_patient(str(appt.patient_id))
        if patient is None or patient.status != "active":
            continue
        mobiles = [p for p in patient.phones if p.startswith("010")]
        if mobiles and len(emr.find_patients_by_phone(mobiles[0])) == 1:
            upcoming = emr.upcoming_appointments(patient.id, now)
            if upcoming:
                return patient.id, mobiles[0], min(upcoming, key=lambda a: a.start)
    raise AssertionError("the demo EMR has no patient with an appointment ahead on their own phone")


@pytest.fixture
def console(tmp_path):
    emr_url = f"sqlite:///{tmp_path / 'emr.sqlite'}"
    seed.seed_demo(emr_url, patients=80, seed=11)
    home = tmp_path / "home"
    config = settings.load(overrides={"home": str(home)}, env={})
    settings.write_config(config, {"emr_url": emr_url, "emr_profile": "reference", "emr_booking": "emr",
                                   "timezone": "Asia/Seoul", "sms_gateway": "http", "sms_url": "http://127.0.0.1:9",
                                   "sms_sender_number": "0255501000", "sms_optout_number": "0801234567"})
    config = settings.load(overrides={"home": str(home)}, env={})
    write_secret(config, "sms_api_key", "test-key")
    crm.open_for(config)
    add_accounts()
    crm.database.close()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DENTALCALL_") or k == "DENTALCALL_SHARED_DIR"}
    env.update(DENTALCALL_HOME=str(home), PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    log = open(tmp_path / "console.log", "ab")
    proc = subprocess.Popen([sys.executable, "-m", "appliance", "console", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (tmp_path / "console.log").read_text(errors="replace")[-3000:]
            try:
                if httpx.get(base + "/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "console not up"
            time.sleep(0.3)
        crm.open_for(config)
        yield {"base": base, "config": config, "emr": EMR(emr_url), "log": tmp_path / "console.log"}
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        log.close()
        crm.database.close()


def test_a_text_reply_cancels_in_the_emr_and_others_reach_the_work_queue(console):
    base, config, emr = console["base"], console["config"], console["emr"]
    patient_id, phone, appt = _patient_with_next_appointment(emr)
    urls = webhook_urls(config, base)
    vendor = httpx.Client(timeout=20)  # no cookies, no CSRF token: what a vendor has

    wrong = vendor.post(f"{base}/sms/hook/guessed-token/mo", json={"id": "v0", "from": phone, "text": "취소"})
    assert wrong.status_code == 404 and inbox.Reply.select().count() == 0
    assert emr.upcoming_appointments(patient_id, dt.datetime.now())  # nothing happened

    r = vendor.post(urls["mo"], json={"id": "v1", "from": phone, "text": "취소"})
    assert r.json() == {"ok": True, "action": "cancelled"}, (r.text, console["log"].read_text()[-3000:])
    left = [a for a in emr.upcoming_appointments(patient_id, dt.datetime.now()) if a.id == appt.id]
    assert left == []  # cancelled in the EMR itself
    cancel = crm_records.BookingRequest.get(crm_records.BookingRequest.patient_id == patient_id)
    assert cancel.status == "cancelled" and cancel.meta["appointment_id"] == appt.id
    answer = outbox.Message.get(outbox.Message.purpose == "reply")
    assert answer.phone == phone and "취소" in answer.text and answer.state == "queued"
    assert vendor.post(urls["mo"], json={"id": "v1", "from": phone, "text": "취소"}).json()["action"] == "cancelled"
    assert crm_records.BookingRequest.select().count() == 1  # the vendor's retry changed nothing

    r = vendor.post(urls["mo"], data={"id": "v2", "from": "01055501234", "text": "토요일에도 진료하나요?"})
    assert r.status_code == 200 and r.json()["action"] == "work_queue"

    staff = httpx.Client(base_url=base, timeout=20, follow_redirects=True)
    page = staff.get("/login")
    staff.post("/login", data={"name": "desk", "password": PASSWORDS["desk"], "csrf_token": csrf_of(page.text)})
    work = staff.get("/work").text
    assert "문자 답장" in work and "토요일에도 진료하나요?" in work and "010-****-1234" in work
    texts = staff.get("/texts").text
    assert "예약 취소함" in texts and "처리할 일로 보냄" in texts and "답장에 대한 회신" in texts


def test_every_route_but_the_vendor_webhook_needs_the_login_on_the_running_server(console):
    from appliance.console.app import create_app

    base, config = console["base"], console["config"]
    client = httpx.Client(base_url=base, timeout=20)
    routes = [r for r in create_app(config, background=False).routes if hasattr(r, "methods") and r.methods]
    open_paths = []
    for route in routes:
        kind = getattr(route.endpoint, "console_kind", "")
        path = (route.path.replace("{kind}", "callback").replace("{item_id:int}", "1")
                .replace("{call_id:int}", "1").replace("{name}", "recall").replace("{topic}", "work")
                .replace("{token}", "not-the-token"))
        for method in sorted(route.methods - {"HEAD"}):
            r = client.request(method, path, follow_redirects=False)
            if r.status_code < 300 or (r.status_code == 303 and r.headers["location"] != "/login"):
                open_paths.append((method, route.path, r.status_code))
            if kind == "vendor":
                assert r.status_code == 404, path  # a wrong token is no way in either
    assert open_paths == [("GET", "/", 303), ("GET", "/login", 200)]  # the redirect to /today, and the login
