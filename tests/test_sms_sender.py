"""The outbox sender against a REAL local HTTP vendor: exactly once through faults, lost answers and a killed
process; send-time checks (opt-out, the 21:00-08:00 advert ban); delivery reports; HMAC signing."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from appliance.data import crm_records
from appliance.data.emr.model import Patient
from appliance.outbound.clock import FakeClock
from appliance.sms import gateways, outbox, sender as senderlib, texts
from tests.sms_fake_vendor import FakeVendor
from tests.sms_helpers import PATIENT_PHONE, SENDER, make_config, open_crm

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parent.parent
START = dt.datetime(2026, 12, 3, 15, 30)


@pytest.fixture
def vendor():
    v = FakeVendor()
    yield v
    v.close()


@pytest.fixture
def env(tmp_path, vendor):
    config = make_config(tmp_path, sms_url=vendor.url)
    db = open_crm(config)
    clock = FakeClock(dt.datetime(2026, 12, 1, 10, 0))
    gateway = gateways.load(config)
    sender = senderlib.Sender(config, gateway, clock=clock)
    sender.start()
    yield config, clock, sender
    sender.close()
    gateway.close()
    db.close()


def _confirmation(config, clock, key="call1:sms"):
    return texts.queue_confirmation(config, kind="booked", phone=PATIENT_PHONE, start=START, treatment="scaling",
                                    patient_id="P1", key=key, now=clock())


def test_vendor_failing_twice_then_succeeding_delivers_exactly_one(env, vendor):
    config, clock, sender = env
    row = _confirmation(config, clock)
    vendor.fail_next = 2
    states = []
    for _ in range(6):
        sender.send_due()
        states.append(outbox.Message.get_by_id(row.id).state)
        clock.advance(minutes=5)
    assert states[:3] == ["queued", "queued", "sent"] and states[-1] == "sent"
    assert len(vendor.requests) == 3 and len(vendor.messages) == 1
    got = vendor.messages[row.reference]
    assert (got["to"], got["from"], got["type"]) == (PATIENT_PHONE, SENDER, "SMS")
    assert got["text"] == "[미소치과] 12월 3일(목) 오후 3:30 스케일링 예약되었습니다. 문의 02-555-0100"
    done = outbox.Message.get_by_id(row.id)
    assert done.attempts == 3 and done.vendor_id == got["message_id"]


def test_lost_answer_is_settled_by_asking_the_vendor_not_by_a_second_text(env, vendor):
    config, clock, sender = env
    row = _confirmation(config, clock)
    vendor.drop_next = 1  # the vendor takes it, the answer never comes back
    sender.send_due()
    assert outbox.Message.get_by_id(row.id).state == "sending"
    clock.advance(seconds=senderlib.UNKNOWN_RECHECK_S + 1)
    sender.tick()
    assert outbox.Message.get_by_id(row.id).state == "sent"
    assert len(vendor.requests) == 1 and len(vendor.messages) == 1


def _restart(config, clock, profile_text: str | None = None):
    if profile_text:
        folder = Path(config.config_dir) / "sms-profiles"
        folder.mkdir(exist_ok=True)
        (folder / "nostatus.toml").write_text(profile_text, encoding="utf-8")
    gateway = gateways.load(config)
    return gateway, senderlib.Sender(config, gateway, clock=clock)


def _profile_without_status(idempotent: bool) -> str:
    shipped = (Path(senderlib.__file__).parent / "gateways" / "profiles" / "http-generic.toml").read_text("utf-8")
    head, _, rest = shipped.partition("[status]")
    text = head.replace("idempotent = true", f"idempotent = {str(idempotent).lower()}").replace(
        'name = "http-generic"', 'name = "nostatus"')
    return text + "[report]" + rest.partition("[report]")[2]


@pytest.mark.parametrize("idempotent,final,posts", [(True, "sent", 2), (False, "failed", 1)])
def test_crash_with_a_vendor_that_cannot_be_asked(tmp_path, vendor, idempotent, final, posts):
    """No status lookup: resend only where the vendor ignores a resent reference; else fail for staff."""
    config = make_config(tmp_path, sms_url=vendor.url, sms_profile="nostatus")
    db = open_crm(config)
    clock = FakeClock(dt.datetime(2026, 12, 1, 10, 0))
    Path(config.config_dir, "sms-profiles").mkdir(parents=True, exist_ok=True)
    Path(config.config_dir, "sms-profiles", "nostatus.toml").write_text(_profile_without_status(idempotent), "utf-8")
    gateway, first = _restart(config, clock)
    first.start()
    row = _confirmation(config, clock)
    vendor.drop_next = 1
    first.send_due()
    first.close()  # the process "dies" with the row in flight
    gateway2, second = _restart(config, clock)
    second.start()
    second.send_due()
    done = outbox.Message.get_by_id(row.id)
    assert done.state == final and len(vendor.requests) == posts and len(vendor.messages) == 1
    if final == "failed":
        assert "unknown" in done.error
    for g in (gateway, gateway2):
        g.close()
    db.close()


def _flush(home: Path) -> subprocess.Popen:
    env = dict(os.environ, DENTALCALL_HOME=str(home), PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-m", "appliance", "sms", "flush"], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_sender_killed_mid_send_sends_once_after_restart(tmp_path, vendor):
    config = make_config(tmp_path, sms_url=vendor.url)
    db = open_crm(config)
    queued_before_start = texts.queue_confirmation(config, kind="booked", phone=PATIENT_PHONE, start=START,
                                                   key="a", now=dt.datetime.now())
    vendor.hold_next = 1  # the vendor takes the first message and keeps the answer
    proc = _flush(tmp_path)
    assert vendor.received.wait(60), "the sender never reached the vendor"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert outbox.Message.get_by_id(queued_before_start.id).state == "sending"
    second = texts.queue_confirmation(config, kind="cancelled", phone=PATIENT_PHONE, start=START, key="b",
                                      now=dt.datetime.now())
    vendor.release()
    proc = _flush(tmp_path)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    assert outbox.Message.get_by_id(queued_before_start.id).state == "sent"
    assert outbox.Message.get_by_id(second.id).state == "sent"
    assert len(vendor.messages) == 2 and len(vendor.requests) == 2  # the first one was asked about, not resent
    db.close()


def test_opt_out_after_queueing_cancels_at_send_time(env, vendor):
    config, clock, sender = env
    row = _confirmation(config, clock)
    crm_records.add_opt_out(PATIENT_PHONE, "P1", source="sms", scope="all")
    sender.send_due()
    done = outbox.Message.get_by_id(row.id)
    assert (done.state, done.error) == ("cancelled", "opted out") and vendor.requests == []


@pytest.mark.parametrize("scope, sent", [("calls", True), ("texts", False)])
def test_a_channel_opt_out_after_queueing_is_read_at_send_time(env, vendor, scope, sent):
    """"전화 말고 문자로만" (calls) keeps the confirmation text going; "문자는 보내지 마세요" (texts) stops it."""
    config, clock, sender = env
    row = _confirmation(config, clock)
    crm_records.add_opt_out(PATIENT_PHONE, "P1", source="call_speech", scope=scope)
    sender.send_due()
    done = outbox.Message.get_by_id(row.id)
    assert (done.state == "sent") is sent and (len(vendor.messages) == 1) is sent


def test_advert_queued_at_2059_sent_after_2100_waits_until_0800(env, vendor):
    config, clock, sender = env
    clock.set(dt.datetime(2026, 12, 1, 20, 59))
    patient = Patient(id="P7", phones=[PATIENT_PHONE], marketing_consent=True,
                      marketing_consent_date=dt.date(2026, 3, 1))
    row = texts.queue_campaign_followup(config, campaign="insurance_scaling", patient=patient, ref="2026",
                                        now=clock())
    assert row.not_before == dt.datetime(2026, 12, 1, 20, 59)
    clock.set(dt.datetime(2026, 12, 1, 21, 0, 30))  # the sender gets to it after 21:00
    sender.send_due()
    waiting = outbox.Message.get_by_id(row.id)
    assert waiting.state == "queued" and waiting.not_before == dt.datetime(2026, 12, 2, 8, 0) and waiting.attempts == 0
    clock.set(dt.datetime(2026, 12, 2, 7, 59, 59))
    sender.send_due()
    assert vendor.requests == []
    clock.set(dt.datetime(2026, 12, 2, 8, 0))
    sender.send_due()
    got = vendor.messages[row.reference]
    assert got["text"].startswith("(광고)미소치과 02-555-0100\n") and got["text"].endswith("무료수신거부 080-123-4567")
    assert got["type"] == "LMS" and got["subject"] == "[미소치과] 스케일링 안내"


def test_delivery_reports_are_polled(env, vendor):
    config, clock, sender = env
    a = _confirmation(config, clock, "k1")
    b = _confirmation(config, clock, "k2")
    sender.send_due()
    vendor.status[a.reference] = "delivered"
    vendor.status[b.reference] = "failed"
    assert sender.poll_reports() == 2
    assert outbox.Message.get_by_id(a.id).state == "delivered"
    assert outbox.Message.get_by_id(b.id).state == "failed"


def test_hmac_profile_signs_every_request(tmp_path):
    vendor = FakeVendor(api_key="K", api_secret="S3cret")
    config = make_config(tmp_path, sms_url=vendor.url, sms_profile="http-hmac", api_key="K", api_secret="S3cret")
    db = open_crm(config)
    row = _confirmation(config, FakeClock(dt.datetime(2026, 12, 1, 10, 0)))
    gateway = gateways.load(config)
    sender = senderlib.Sender(config, gateway, clock=FakeClock(dt.datetime(2026, 12, 1, 10, 0)))
    sender.start()
    sender.send_due()
    # the fake vendor answers 401 to a bad signature; it accepted the message nested the vendor's way
    got = vendor.messages[row.reference]["message"]
    assert (got["to"], got["from"], got["customFields"]["reference"]) == (PATIENT_PHONE, SENDER, row.reference)
    assert outbox.Message.get_by_id(row.id).state == "sent" and len(vendor.requests) == 1
    sender.close()
    gateway.close()
    db.close()
    vendor.close()
    bad = make_config(tmp_path / "bad", sms_url="http://127.0.0.1:9", sms_profile="http-hmac", api_key="K")
    with pytest.raises(Exception, match="sms_api_secret"):
        gateways.load(bad)


def test_one_sender_per_appliance(env):
    config, clock, sender = env
    gateway = gateways.load(config)
    with pytest.raises(senderlib.SenderBusy):
        senderlib.Sender(config, gateway, clock=clock).start()
    gateway.close()


async def test_engine_service_sends_and_stops(tmp_path, vendor):
    """``run_sms_sender(engine)`` as the engine runs it: the queued text goes out, stopping ends it."""
    import asyncio
    import types

    config = make_config(tmp_path, sms_url=vendor.url)
    db = open_crm(config)
    row = texts.queue_confirmation(config, kind="booked", phone=PATIENT_PHONE, start=START, key="svc",
                                   now=dt.datetime.now())
    engine = types.SimpleNamespace(config=config, stopping=asyncio.Event(),
                                   clinic=types.SimpleNamespace(emr=None, clock=dt.datetime.now))
    service = asyncio.create_task(senderlib.run_sms_sender(engine))
    for _ in range(200):
        if row.reference in vendor.messages:
            break
        await asyncio.sleep(0.05)
    engine.stopping.set()
    await asyncio.wait_for(service, 10)
    assert outbox.Message.get_by_id(row.id).state == "sent" and len(vendor.messages) == 1
    again = senderlib.Sender(config, gateways.load(config))  # the lock is released for the next process
    again.start()
    again.close()
    db.close()
