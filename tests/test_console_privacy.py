"""The staff console's tables under the privacy rules (issue 11), on a real SQLite CRM through the real CLI:
``dentalcall privacy export|delete`` includes and removes the console's rows about one patient (voicemail
transcripts, staff closures and actions with their notes) and not their family's; the daily purge applies the
console's retention; the migration that lets closures remember whose item they were fills in existing rows."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.console import actions
from appliance.console.accounts import Staff
from appliance.console.models import ConsoleSession, LoginAttempt, WorkAction, WorkClosure, log_action
from appliance.console.notify import outbox as notifications
from appliance.data import crm, crm_records, migrations
from appliance.data.crm import utcnow
from appliance.privacy import retention
from appliance.voicemail.store import Voicemail

PHONE = "010-2024-0001"  # a family's phone: patient 7 and her father, patient 8
DESK = Staff(id=1, name="desk", role="staff")
DAY = dt.timedelta(days=1)


@pytest.fixture
def instance(tmp_path, monkeypatch):
    for key in list(os.environ):
        if key.startswith("DENTALCALL_") and key != "DENTALCALL_SHARED_DIR":
            monkeypatch.delenv(key)
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    monkeypatch.setenv("DENTALCALL_ASTERISK_MODE", "rootfs")
    monkeypatch.setenv("SUDO_USER", "privacy-officer")
    config = settings.load()
    crm.open_for(config)
    yield config
    crm.database.close()


def _voicemail(n: int, patient_id: str | None, transcript: str, age: dt.timedelta = DAY) -> Voicemail:
    return Voicemail.create(msg_id=f"17960000{n:02d}-1", box="100", audio_path=f"/nonexistent/msg{n:04d}.wav",
                            caller_number="01020240001", received_at=utcnow() - age, duration_s=9,
                            patient_id=patient_id, transcript=transcript, transcript_status="done")


def _family() -> dict[str, object]:
    mine_cb = crm_records.add_callback("booking", phone=PHONE, patient_id="7")
    father_cb = crm_records.add_callback("booking", phone=PHONE, patient_id="8")
    mine_vm = _voicemail(1, "7", "임플란트 수술 후에 피가 안 멈춰요")
    father_vm = _voicemail(2, "8", "아버지 틀니 예약 문의입니다")
    unknown_vm = _voicemail(3, None, "예약 시간 바꾸고 싶어요")  # from the number, nobody identified
    assert actions.mark_done(DESK, "callback", mine_cb.id, note="따님과 통화, 지혈 안내").ok
    assert actions.mark_done(DESK, "callback", father_cb.id, note="아버님 틀니 상담 예약함").ok
    assert actions.mark_done(DESK, "voicemail", mine_vm.id, note="다시 전화드림").ok
    log_action(DESK.actor, "callback", mine_cb.id, "call_back", result="ringing 202")
    return {"mine_cb": mine_cb, "father_cb": father_cb, "mine_vm": mine_vm, "father_vm": father_vm,
            "unknown_vm": unknown_vm}


def test_closures_and_actions_remember_whose_item_it_was(instance):
    rows = _family()
    closure = WorkClosure.get(WorkClosure.kind == "callback", WorkClosure.item_id == rows["mine_cb"].id)
    assert (closure.patient_id, closure.phone) == ("7", "01020240001")
    assert {(a.action, a.patient_id) for a in WorkAction.select()} == {("done", "7"), ("done", "8"),
                                                                      ("call_back", "7")}
    campaign = log_action(DESK.actor, "campaign", "recall", "enable")
    assert (campaign.patient_id, campaign.phone) == (None, None)


def test_privacy_export_and_delete_cover_the_console_not_the_family(instance, tmp_path):
    rows = _family()
    out = tmp_path / "export"
    result = CliRunner().invoke(cli, ["privacy", "export", "7", "--phone", PHONE, "--to", str(out), "--no-emr"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert {"console_voicemail", "work_closures", "work_actions"} <= set(manifest["holders"])
    voicemails = json.loads((out / "console_voicemail.json").read_text())
    assert {v["id"] for v in voicemails} == {rows["mine_vm"].id, rows["unknown_vm"].id}  # not the father's
    assert "임플란트 수술 후에 피가 안 멈춰요" in json.dumps(voicemails, ensure_ascii=False)
    closures = json.loads((out / "work_closures.json").read_text())
    assert sorted((c["kind"], c["note"]) for c in closures) == [("callback", "따님과 통화, 지혈 안내"),
                                                                 ("voicemail", "다시 전화드림")]
    acted = json.loads((out / "work_actions.json").read_text())
    assert sorted(a["action"] for a in acted) == ["call_back", "done", "done"]
    assert "아버님" not in json.dumps([voicemails, closures, acted], ensure_ascii=False)

    done = CliRunner().invoke(cli, ["privacy", "delete", "7", "--phone", PHONE, "--no-emr", "--yes"])
    assert done.exit_code == 0, done.output
    assert "console_voicemail" in done.output and "work_closures" in done.output
    # the callbacks holder ran first and the item is gone, yet its closure was found and removed
    assert [(c.kind, c.item_id) for c in WorkClosure.select()] == [("callback", rows["father_cb"].id)]
    assert [a.patient_id for a in WorkAction.select()] == ["8"]
    assert [v.id for v in Voicemail.select()] == [rows["father_vm"].id]
    assert crm_records.Callback.get_by_id(rows["father_cb"].id).status == "done"  # the father's item stays
    again = CliRunner().invoke(cli, ["privacy", "export", "7", "--phone", PHONE, "--to", str(tmp_path / "e2"),
                                     "--no-emr"])
    manifest = json.loads((tmp_path / "e2" / "manifest.json").read_text())
    assert again.exit_code == 0 and all(manifest["holders"][h]["records"] == 0
                                        for h in ("console_voicemail", "work_closures", "work_actions"))


def test_the_daily_purge_applies_the_consoles_retention(instance):
    config = instance
    now = utcnow()
    old_handled = _voicemail(1, "7", "오래된 처리된 메시지", age=100 * DAY)
    old_open = _voicemail(2, "7", "오래됐지만 아직 처리 안 됨", age=100 * DAY)
    recent = _voicemail(3, "7", "어제 메시지", age=DAY)
    actions.mark_done(DESK, "voicemail", old_handled.id, note="처리")
    actions.mark_done(DESK, "voicemail", recent.id, note="처리")
    gone_cb = crm_records.add_callback("booking", phone=PHONE, patient_id="7")
    kept_cb = crm_records.add_callback("booking", phone=PHONE, patient_id="7")
    actions.mark_done(DESK, "callback", gone_cb.id)
    actions.mark_done(DESK, "callback", kept_cb.id)
    crm_records.Callback.delete().where(crm_records.Callback.id == gone_cb.id).execute()
    WorkClosure.update(closed_at=now - 400 * DAY).where(WorkClosure.kind == "callback").execute()
    WorkAction.update(at=now - 400 * DAY).where(WorkAction.kind == "callback",
                                                WorkAction.item == str(gone_cb.id)).execute()
    LoginAttempt.create(name="desk", origin="192.168.0.20", ok=True, at=now - 800 * DAY)
    LoginAttempt.create(name="desk", origin="192.168.0.20", ok=True, at=now - 400 * DAY)  # kept: 2 years
    from appliance.console import accounts

    accounts.add_account("kim", "admin", "kim-password-1")
    staff_row = accounts.StaffAccount.get()
    ConsoleSession.create(token_hash="a" * 64, account=staff_row, csrf="c", origin="x", last_seen_at=now - 800 * DAY)
    ConsoleSession.create(token_hash="b" * 64, account=staff_row, csrf="c", origin="x", last_seen_at=now)
    notifications.enqueue("email", "voicemail", 99)
    notifications.enqueue("email", "voicemail", 98)
    notifications.Notification.update(status="sent", updated_at=now - 400 * DAY).where(
        notifications.Notification.ref == "99").execute()

    counts = retention.purge_all(config)

    assert {v.id for v in Voicemail.select()} == {old_open.id, recent.id}  # open work stays
    assert [c.item_id for c in WorkClosure.select().where(WorkClosure.kind == "callback")] == [kept_cb.id]
    assert sorted((a.kind, a.item) for a in WorkAction.select()) == [
        ("callback", str(kept_cb.id)), ("voicemail", str(old_handled.id)), ("voicemail", str(recent.id))]
    assert LoginAttempt.select().count() == 1 and [s.token_hash[0] for s in ConsoleSession.select()] == ["b"]
    assert [n.ref for n in notifications.Notification.select()] == ["98"]  # the pending one is still to send
    assert counts["console_voicemail"] == 1 and counts["console_notify"] == 1 and counts["console_logins"] == 2
    assert counts["console_work"] == 2  # the orphan closure and its action


def test_migration_23_fills_in_whose_item_existing_rows_were(instance):
    db = crm.database.obj
    cb = crm_records.add_callback("booking", phone=PHONE, patient_id="7")
    for table in ("work_closure", "work_action"):  # the tables as migration 20 left them
        db.execute_sql(f'DROP INDEX IF EXISTS "{table}_patient_id"')
        db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "patient_id"')
        db.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "phone"')
    db.execute_sql(f"INSERT INTO work_closure (kind, item_id, result, closed_by, closed_at) "
                   f"VALUES ('callback', {cb.id}, 'done', 'staff:desk', '2026-01-02 03:04:05')")
    db.execute_sql(f"INSERT INTO work_action (at, actor, kind, item, action) "
                   f"VALUES ('2026-01-02 03:04:05', 'staff:desk', 'callback', '{cb.id}', 'done')")
    db.execute_sql("DELETE FROM schema_version WHERE version = 23")
    assert (23, "console: work closures and actions remember whose item they were") in migrations.pending_steps(db)
    migrations.migrate(db)
    assert (WorkClosure.get().patient_id, WorkClosure.get().phone) == ("7", "01020240001")
    assert "work_closure_patient_id" in {i.name for i in db.get_indexes("work_closure")}
    assert WorkAction.get().patient_id == "7" and migrations.pending_steps(db) == []
