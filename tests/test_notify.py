"""Notifications against real local servers: e-mail through a real SMTP server (aiosmtpd), signed webhooks
to a real HTTP server, each exactly once; staffed hours; alerts held after hours for the morning summary."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from appliance.data import access_log, crm_records
from appliance.data.crm import utcnow
from appliance.errors import ConfigError
from appliance.console.notify import hours, outbox, webhook
from appliance.console.notify.service import Notifier
from appliance.voicemail.store import Voicemail
from tests.console_support import WebhookSink, make_config, notify_config, run_notifier


def _config(tmp_path, smtp, hook, **extra):
    return notify_config(tmp_path, smtp, hook, notify_email_to="desk@miso.example, doctor@miso.example", **extra)


def _wav(tmp_path):
    from appliance.speech import audio

    path = tmp_path / "msg0000.wav"
    path.write_bytes(audio.wav_bytes(b"\x00\x10" * 8000))
    path.with_suffix(".txt").write_text("[message]\nmsg_id=1796000000-00000001\n", encoding="utf-8")
    return path


class _Ring:
    def __init__(self, answered_by="201"):
        self.calls = []
        self.answered_by = answered_by

    async def __call__(self, config, extensions, alert, ring_seconds=25):
        self.calls.append((list(extensions), alert.name, ring_seconds))
        return {"answered_by": self.answered_by, "results": {e: "answered" for e in extensions}}




def test_staffed_hours_follow_the_opening_hours_setting():
    spec = "mon-fri 09:00-13:00,14:00-18:00; sat 09:00-13:00"
    monday = dt.datetime(2026, 11, 23, 10, 0)
    assert hours.staffed_at(spec, monday)
    assert not hours.staffed_at(spec, monday.replace(hour=13, minute=30))  # lunch
    assert not hours.staffed_at(spec, monday.replace(hour=19))
    assert hours.staffed_at(spec, dt.datetime(2026, 11, 28, 12, 59))  # saturday morning
    assert not hours.staffed_at(spec, dt.datetime(2026, 11, 29, 10, 0))  # sunday
    assert not hours.staffed_at(spec, dt.datetime(2026, 12, 25, 10, 0))  # Christmas, a Korean holiday
    assert hours.staffed_at("mon-sun 00:00-24:00", dt.datetime(2026, 11, 29, 23, 59, 30))
    with pytest.raises(ConfigError, match="unknown day"):
        hours.parse("mon-fry 09:00-18:00")


def test_the_outbox_sends_once_and_never_resends_an_interrupted_message(tmp_path):
    from appliance.data import crm

    crm.open_for(make_config(tmp_path))
    assert outbox.enqueue("email", "voicemail", 7) and not outbox.enqueue("email", "voicemail", 7)
    key = outbox.key_for("email", "voicemail", 7)
    assert outbox.claim(key) and not outbox.claim(key)  # a second sender never gets it
    assert outbox.recover_interrupted() == 1  # the process died mid-send
    row = outbox.Notification.get()
    assert row.status == "uncertain" and outbox.due() == [] and not outbox.claim(key)


def test_voicemail_e_mail_and_webhook_exactly_once(tmp_path, notify_sinks):
    smtp, hook = notify_sinks
    config = _config(tmp_path, smtp, hook)
    wav = _wav(tmp_path)
    vm = Voicemail.create(msg_id="1796000000-00000001", box="100", audio_path=str(wav), caller_number="01077771234",
                          received_at=utcnow() - dt.timedelta(minutes=2), duration_s=12, patient_id="44",
                          transcript="내일 오전에 예약 가능한지 전화 부탁드립니다", transcript_status="done")
    notifier = Notifier(config)
    run_notifier(notifier)
    run_notifier(notifier)  # and again: nothing new goes out
    mails = [m for m in smtp.messages if "음성메시지" in m["Subject"]]  # (the daily summary may go out too)
    assert len(mails) == 1
    msg = mails[0]
    assert msg["To"] == "desk@miso.example, doctor@miso.example"
    assert "음성메시지 010-****-1234" in msg["Subject"]
    body = msg.get_body(("plain",)).get_content()
    assert "내일 오전에 예약 가능한지 전화 부탁드립니다" in body and "010-7777-1234" in body
    assert "https://192.168.0.10:8443/voicemail" in body
    attachments = list(msg.iter_attachments())
    assert len(attachments) == 1 and attachments[0].get_content_type() == "audio/wav"
    assert attachments[0].get_content() == wav.read_bytes()
    assert access_log.entries(action="notify.voicemail.email")[0].patient_id == "44"
    posts = [r for r in hook.requests if r["headers"]["X-DentalCall-Event"] == "voicemail.new"]
    assert len(posts) == 1
    req = posts[0]
    payload = json.loads(req["body"])
    assert payload["event"] == "voicemail.new" and payload["id"] == vm.id and payload["caller"] == "010-****-1234"
    assert "transcript" not in payload and "7777" not in req["body"].decode()
    assert webhook.verify(config.secret("webhook_secret"), req["headers"]["X-DentalCall-Timestamp"], req["body"],
                          req["headers"]["X-DentalCall-Signature"])
    assert not webhook.verify("another secret", req["headers"]["X-DentalCall-Timestamp"], req["body"],
                              req["headers"]["X-DentalCall-Signature"])


def test_a_failed_webhook_is_retried_with_the_same_delivery_id(tmp_path, notify_sinks):
    smtp, _ = notify_sinks
    hook = WebhookSink(statuses={"callback.urgent": [500]})
    try:
        config = _config(tmp_path, smtp, hook)
        cb = crm_records.add_callback("응급 증상 (우선 연락)", phone="01055556666", priority=1)
        notifier = Notifier(config, ring=_Ring())
        notifier._alert = tmp_path / "staff_alert.wav"
        run_notifier(notifier, 1)
        key = outbox.key_for("webhook", "callback", cb.id)
        row = outbox.Notification.get(outbox.Notification.key == key)
        assert row.status == "failed" and "500" in row.last_error and row.next_at > utcnow()
        outbox.Notification.update(next_at=utcnow()).where(outbox.Notification.key == key).execute()
        run_notifier(notifier, 1)
        assert outbox.Notification.get(outbox.Notification.key == key).status == "sent"
        mine = [r for r in hook.requests if r["headers"]["X-DentalCall-Event"] == "callback.urgent"]
        assert [r["headers"]["X-DentalCall-Delivery"] for r in mine] == [key, key]
        assert [r["status"] for r in mine] == [500, 200] and json.loads(mine[1]["body"])["emergency"] is True
    finally:
        hook.stop()


def test_urgent_callbacks_ring_the_staff_phones_in_opening_hours(tmp_path, notify_sinks):
    smtp, hook = notify_sinks
    ring = _Ring()
    config = _config(tmp_path, smtp, hook, opening_hours="mon-sun 00:00-24:00", notify_ring_extensions="201,202")
    if not hours.staffed_now(config):
        pytest.skip("today is a Korean public holiday: alerts are held by design")
    emergency = crm_records.add_callback("응급 증상 (우선 연락)", phone="01011112222", priority=1)
    crm_records.add_callback("교정 비용 문의", phone="01011113333", priority=5)  # not urgent: no ring
    notifier = Notifier(config, ring=ring)
    notifier._alert = tmp_path / "staff_alert.wav"  # (the real rendering and ringing are tested end to end)
    run_notifier(notifier)
    run_notifier(notifier)
    assert ring.calls == [(["201", "202"], "staff_alert.wav", 25)]
    assert outbox.Notification.get(outbox.Notification.key == f"ring:callback:{emergency.id}").status == "sent"


def test_after_hours_alerts_wait_for_the_morning_summary(tmp_path, notify_sinks):
    smtp, hook = notify_sinks
    ring = _Ring()
    config = _config(tmp_path, smtp, hook, opening_hours="mon-fri 00:00-00:01", notify_summary_time="00:00")
    if hours.staffed_now(config):
        pytest.skip("the test ran in the one staffed minute")
    night = crm_records.add_callback("응급 증상 (우선 연락)", phone="01099998888", priority=1)
    notifier = Notifier(config, ring=ring)
    run_notifier(notifier)
    assert ring.calls == []  # nobody rang at night
    summary = [m for m in smtp.messages if "아침 요약" in m["Subject"]]
    assert len(summary) == 1
    text = summary[0].get_body(("plain",)).get_content()
    assert "진료 시간 외에 들어온 급한 요청: 1건" in text and "010-****-8888" in text and "처리할 일: 응급 1" in text
    assert outbox.Notification.get(outbox.Notification.key == f"ring:callback:{night.id}").status == "summarised"
    daily = [r for r in hook.requests if r["headers"]["X-DentalCall-Event"] == "summary.daily"]
    assert len(daily) == 1 and json.loads(daily[0]["body"])["open"]["emergency"] == 1


def test_nobody_answering_the_alert_is_retried(tmp_path, notify_sinks):
    smtp, hook = notify_sinks
    config = _config(tmp_path, smtp, hook, opening_hours="mon-sun 00:00-24:00")
    if not hours.staffed_now(config):
        pytest.skip("today is a Korean public holiday: alerts are held by design")
    cb = crm_records.add_callback("응급 증상 (우선 연락)", phone="01011112222", priority=1)
    notifier = Notifier(config, ring=_Ring(answered_by=None))
    notifier._alert = tmp_path / "staff_alert.wav"
    run_notifier(notifier, 1)
    row = outbox.Notification.get(outbox.Notification.key == f"ring:callback:{cb.id}")
    assert row.status == "failed" and "nobody answered" in row.last_error
    crm_records.Callback.update(status="done").where(crm_records.Callback.id == cb.id).execute()
    outbox.Notification.update(next_at=utcnow()).where(outbox.Notification.id == row.id).execute()
    run_notifier(notifier, 1)  # staff took it meanwhile: no second ring
    assert outbox.Notification.get_by_id(row.id).status == "skipped"
