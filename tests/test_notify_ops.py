"""The appliance's health alerts (``appliance.ops.alerts``) reach staff through the console's notifier: one e-mail
through a real SMTP server (aiosmtpd) and one signed webhook to a real HTTP server per alert, never repeated, no
patient data; and a row id given again after a deletion is still notified (SQLite reuses the highest id)."""

from __future__ import annotations

import datetime as dt
import json


from appliance.console.notify import outbox, webhook
from appliance.console.notify.service import Notifier
from appliance.data import crm_records
from appliance.data.crm import utcnow
from appliance.ops import alerts
from appliance.voicemail.store import Voicemail
from tests.console_support import WebhookSink, notify_config, run_notifier


def _config(tmp_path, smtp, hook, **extra):
    return notify_config(tmp_path, smtp, hook, **{"notify_summary_time": "23:59", **extra})




def _ops_mails(smtp):
    return [m for m in smtp.messages if "장비 점검 필요" in m["Subject"]]


def _ops_posts(hook):
    return [r for r in hook.requests if r["headers"]["X-DentalCall-Event"] == "ops.alert"]


def test_a_health_alert_is_mailed_and_posted_once(tmp_path, notify_sinks):
    smtp, hook = notify_sinks
    config = _config(tmp_path, smtp, hook)
    crm_records.add_callback("교정 비용 문의", phone="01077771234", patient_id="44", priority=5)  # patient data nearby
    alert = alerts.raise_alert("backup_failed", "backup to /var/backups/dentalcall failed: disk full", config=config)
    notifier = Notifier(config)
    run_notifier(notifier)
    alerts.raise_alert("backup_failed", "backup failed again", config=config)  # still open: no new message
    run_notifier(notifier)

    mails = _ops_mails(smtp)
    assert len(mails) == 1
    assert mails[0]["Subject"] == f"[{config.clinic_name}] 장비 점검 필요: {alerts.KINDS['backup_failed']}"
    body = mails[0].get_body(("plain",)).get_content()
    assert "backup to /var/backups/dentalcall failed: disk full" in body
    assert "https://192.168.0.10:8443/health" in body
    assert "7777" not in body and "환자" not in body and "비용" not in body  # nothing about patients
    posts = _ops_posts(hook)
    assert len(posts) == 1
    payload = json.loads(posts[0]["body"])
    assert (payload["event"], payload["id"], payload["kind"], payload["resolved"]) == (
        "ops.alert", alert.id, "backup_failed", False)
    assert payload["title"] == alerts.KINDS["backup_failed"] and payload["url"] == "https://192.168.0.10:8443/health"
    assert webhook.verify(config.secret("webhook_secret"), posts[0]["headers"]["X-DentalCall-Timestamp"],
                          posts[0]["body"], posts[0]["headers"]["X-DentalCall-Signature"])
    assert alerts.pending_notifications() == [] and alerts.Alert.get_by_id(alert.id).notified_at is not None
    for channel in ("email", "webhook"):
        assert outbox.Notification.get(outbox.Notification.key == f"{channel}:ops_alert:{alert.id}").status == "sent"

    # resolved, then back: a new alert, a new message
    alerts.resolve_alert("backup_failed", config=config)
    again = alerts.raise_alert("backup_failed", "backup failed: the backup disk is missing", config=config)
    run_notifier(Notifier(config))  # a restarted console sends it once, and nothing twice
    assert again.id != alert.id and len(_ops_mails(smtp)) == 2 and len(_ops_posts(hook)) == 2
    assert "the backup disk is missing" in _ops_mails(smtp)[1].get_body(("plain",)).get_content()


def test_without_channels_alerts_are_marked_and_a_failed_post_is_retried(tmp_path, notify_sinks):
    smtp, _ = notify_sinks
    hook = WebhookSink(statuses={"ops.alert": [503]})
    try:
        config = _config(tmp_path, smtp, hook, notify_smtp_host="")  # webhook only
        alert = alerts.raise_alert("disk_low", "disk 91% full (4.1 GB free)", config=config)
        notifier = Notifier(config)
        run_notifier(notifier, 1)
        key = f"webhook:ops_alert:{alert.id}"
        row = outbox.Notification.get(outbox.Notification.key == key)
        assert row.status == "failed" and "503" in row.last_error
        assert not outbox.Notification.select().where(outbox.Notification.channel == "email").exists()
        outbox.Notification.update(next_at=utcnow()).where(outbox.Notification.key == key).execute()
        run_notifier(notifier, 1)
        assert outbox.Notification.get(outbox.Notification.key == key).status == "sent"
        assert [r["status"] for r in _ops_posts(hook)] == [503, 200] and smtp.messages == []
    finally:
        hook.stop()


def test_an_id_given_again_after_a_deletion_is_still_notified(tmp_path, notify_sinks):
    smtp, hook = notify_sinks
    config = _config(tmp_path, smtp, hook)
    before = utcnow() - dt.timedelta(hours=2)
    first = Voicemail.create(msg_id="m1", box="100", audio_path=str(tmp_path / "none.wav"), caller_number="01011110000",
                             received_at=before, duration_s=4, transcript="첫 메시지", transcript_status="done",
                             created_at=before)
    run_notifier(Notifier(config))
    assert len([m for m in smtp.messages if "음성메시지" in m["Subject"]]) == 1
    outbox.Notification.update(created_at=utcnow() - dt.timedelta(hours=1)).execute()  # that was an hour ago
    Voicemail.delete().where(Voicemail.id == first.id).execute()  # e.g. the patient asked for deletion
    second = Voicemail.create(msg_id="m2", box="100", audio_path=str(tmp_path / "none.wav"),
                              caller_number="01022220000", received_at=utcnow(), duration_s=6,
                              transcript="두 번째 메시지", transcript_status="done")
    assert second.id == first.id  # SQLite gives the highest id again
    run_notifier(Notifier(config))
    mails = [m for m in smtp.messages if "음성메시지" in m["Subject"]]
    assert len(mails) == 2 and "두 번째 메시지" in mails[1].get_body(("plain",)).get_content()
    run_notifier(Notifier(config))
    assert len([m for m in smtp.messages if "음성메시지" in m["Subject"]]) == 2  # and still once each
