"""The data side of issue 11's security tests, on a real SQLite CRM and real files: the retention purge removes
exactly what is past its time (and never open work or opt-outs), every view of patient data lands in the access
log, and one patient's data is exported and deleted on request — not their family's, not the opt-out."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.data import access_log, crm, crm_records, recordings
from appliance.data.calllog import CallLog
from appliance.privacy import asterisk_files, retention

DAY = dt.timedelta(days=1)
PHONE, FAMILY_PHONE = "010-2024-0001", "01020240001"  # two spellings of one family's phone


@pytest.fixture
def instance(tmp_path, monkeypatch):
    for key in list(os.environ):
        if key.startswith("DENTALCALL_") and key != "DENTALCALL_SHARED_DIR":
            monkeypatch.delenv(key)
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    monkeypatch.setenv("DENTALCALL_ASTERISK_MODE", "rootfs")
    config = settings.load()
    settings.write_config(config, {"transcript_retention_days": 30, "call_log_retention_days": 60,
                                   "questionnaire_retention_days": 20, "work_item_retention_days": 90,
                                   "voicemail_retention_days": 30, "cdr_retention_days": 90,
                                   "asterisk_log_retention_days": 30, "recording_retention_days": 30})
    config = settings.load()
    crm.open_for(config)
    yield config
    crm.database.close()


def _call(config, age: dt.timedelta, caller: str, patient: str | None, said: str, recording: bool = False) -> crm.Call:
    log = CallLog("inbound", uniqueid=f"u{time.monotonic_ns()}", caller=caller)
    log.turn("bot", "greeting", meta={"key": "greeting"})
    log.turn("caller", said)
    log.turn("caller", None, meta={"dtmf": "950101"})
    log.finish("booked", next_step="hangup")
    when = crm.utcnow() - age
    meta = {"summary": f"예약: {said}", "events": [{"kind": "emergency", "data": {"text": said}}]}
    path = None
    if recording:
        path = recordings.path_for(config, log.call.uniqueid)
        path.write_bytes(b"RIFF-audio")
        os.utime(path, (when.timestamp(), when.timestamp()))
    crm.Call.update(started_at=when, patient_id=patient, meta=meta,
                    recording_path=str(path) if path else None).where(crm.Call.id == log.call.id).execute()
    return crm.Call.get_by_id(log.call.id)


def _voicemail(config, n: int, number: str, age: dt.timedelta) -> Path:
    folder = asterisk_files.voicemail_root(config) / "100" / "INBOX"
    folder.mkdir(parents=True, exist_ok=True)
    txt = folder / f"msg{n:04d}.txt"
    when = (dt.datetime.now() - age).timestamp()
    txt.write_text(f";\n[message]\norigmailbox=100\ncallerid=\"\" <{number}>\norigtime={int(when)}\nduration=9\n")
    (folder / f"msg{n:04d}.wav").write_bytes(b"RIFF-voicemail")
    return txt


def _cdr_line(start: dt.datetime, src: str) -> str:
    stamp = start.strftime("%Y-%m-%d %H:%M:%S")
    return (f'"","{src}","s","dentalcall-inbound","""" <{src}>","PJSIP/trunk-kt-01","","AGI","agi://x",'
            f'"{stamp}","{stamp}","{stamp}",30,30,"ANSWERED","DOCUMENTATION","1.1",""\n')


def test_daily_purge_removes_only_what_is_past_its_retention(instance):
    config, now = instance, crm.utcnow()
    old_call = _call(config, 100 * DAY, PHONE, "7", "임플란트 상담이요", recording=True)
    mid_call = _call(config, 45 * DAY, PHONE, "7", "스케일링 예약이요")  # words gone, row kept
    new_call = _call(config, 2 * DAY, PHONE, "7", "내일 예약할게요", recording=True)
    note = crm_records.StaffNote
    old_q = note.create(text="[AI 문진] 당뇨: 예", patient_id="7", created_at=now - 25 * DAY)
    new_q = note.create(text="[AI 문진] 고혈압: 예", patient_id="7", created_at=now - 5 * DAY)
    cb = crm_records.Callback
    old_done = cb.create(reason="booking", phone=PHONE, status="done", created_at=now - 200 * DAY,
                         done_at=now - 199 * DAY)
    old_open = cb.create(reason="pain", phone=PHONE, status="open", created_at=now - 200 * DAY)
    br = crm_records.BookingRequest
    old_booked = br.create(idempotency_key="a", start=now - 150 * DAY, status="booked", updated_at=now - 160 * DAY,
                           note="생년월일 900101")
    old_pending = br.create(idempotency_key="b", start=now - 150 * DAY, status="requested", updated_at=now - 160 * DAY)
    optout = crm_records.add_opt_out(PHONE, "7", source="call_dtmf", note="old")
    crm_records.OptOut.update(created_at=now - 3000 * DAY).execute()
    seen = access_log.record("calls.show", actor="cli:kim", patient_id="7")[0]
    access_log.AccessEntry.update(at=now - 800 * DAY).where(access_log.AccessEntry.id == seen.id).execute()
    recent_seen = access_log.record("calls.show", actor="cli:kim", patient_id="7")[0]
    old_vm, new_vm = _voicemail(config, 0, PHONE, 40 * DAY), _voicemail(config, 1, PHONE, 1 * DAY)
    cdr = asterisk_files.cdr_file(config)
    cdr.parent.mkdir(parents=True, exist_ok=True)
    cdr.write_text(_cdr_line(now - 100 * DAY, PHONE) + _cdr_line(now - DAY, PHONE))
    log = config.asterisk_dir / "log" / "messages.log"
    old_stamp = (dt.datetime.now() - 40 * DAY).strftime("%Y-%m-%d %H:%M:%S")
    new_stamp = (dt.datetime.now() - DAY).strftime("%Y-%m-%d %H:%M:%S")
    log.write_text(f"[{old_stamp}] NOTICE[1] x.c: old from 01020240001\n  continued old\n"
                   f"[{new_stamp}] NOTICE[2] x.c: new line\n")

    from appliance.sms import inbox, outbox

    old_sms = outbox.queue(key="r1", purpose="reminder", phone=PHONE, text="내일 오후 3시 예약입니다",
                           sender="0212345678", now=now - 100 * DAY, state=outbox.DELIVERED, patient_id="7")[0]
    open_sms = outbox.queue(key="r2", purpose="reminder", phone=PHONE, text="예약 안내", sender="0212345678",
                            now=now - 100 * DAY, patient_id="7")[0]
    old_reply = inbox.record("test", "v1", PHONE, "취소할게요", now - 100 * DAY)[0]
    inbox.Reply.update(action="cancelled").where(inbox.Reply.id == old_reply.id).execute()
    old_export, new_export = config.data_dir / "exports" / "old-7", config.data_dir / "exports" / "new-7"
    for folder, age in ((old_export, 31 * DAY), (new_export, DAY)):
        folder.mkdir(parents=True)
        (folder / "calls.json").write_text("[]")
        os.utime(folder, ((dt.datetime.now() - age).timestamp(),) * 2)

    counts = retention.purge_all(config)

    assert not crm.Call.select().where(crm.Call.id == old_call.id).exists()
    assert not Path(old_call.recording_path).exists() and Path(new_call.recording_path).exists()
    mid = crm.Call.get_by_id(mid_call.id)
    assert [t.text for t in mid.turns] == [None, None, None] and "summary" not in mid.meta and "events" not in mid.meta
    assert all("dtmf" not in (t.meta or {}) for t in mid.turns)
    new = crm.Call.get_by_id(new_call.id)
    assert "내일 예약할게요" in [t.text for t in new.turns] and new.meta["summary"]
    assert not note.select().where(note.id == old_q.id).exists() and note.get_by_id(new_q.id)
    assert not cb.select().where(cb.id == old_done.id).exists() and cb.get_by_id(old_open.id).status == "open"
    assert not br.select().where(br.id == old_booked.id).exists() and br.get_by_id(old_pending.id)
    assert crm_records.OptOut.get_by_id(optout.id)  # refusals are kept forever
    assert [e.id for e in access_log.entries(patient_id="7")] == [recent_seen.id]
    assert not old_vm.exists() and not old_vm.with_suffix(".wav").exists() and new_vm.exists()
    assert cdr.read_text().count("\n") == 1 and (now - DAY).strftime("%Y-%m-%d") in cdr.read_text()
    assert log.read_text() == f"[{new_stamp}] NOTICE[2] x.c: new line\n"
    assert not old_export.exists() and new_export.exists()  # exports handed over are not kept either
    assert not outbox.Message.select().where(outbox.Message.id == old_sms.id).exists()
    assert outbox.Message.get_by_id(open_sms.id).state == outbox.QUEUED  # still to be sent
    assert not inbox.Reply.select().where(inbox.Reply.id == old_reply.id).exists() and counts["sms"] == 2
    assert counts["call_log"] == 1 and counts["transcripts"] >= 1 and counts["voicemail"] == 1
    assert retention.last_run(config)["removed"] == counts
    assert retention.purge_all(config)["call_log"] == 0  # idempotent


def test_the_engine_service_runs_the_whole_purge(instance):
    old_call = _call(instance, 100 * DAY, PHONE, None, "예약이요")

    class Engine:
        config = instance

    async def one_day() -> None:
        task = asyncio.create_task(retention.run_daily(Engine()))
        for _ in range(200):
            if retention.last_run(instance):
                break
            await asyncio.sleep(0.05)
        task.cancel()

    asyncio.run(one_day())
    assert not crm.Call.select().where(crm.Call.id == old_call.id).exists()


def test_retention_settings_below_the_law_fail_doctor(instance):
    from appliance.privacy.checks import retention_policy

    config = settings.load(overrides={"access_log_retention_days": 365})
    status, detail, _ = retention_policy(config)
    assert status == "fail" and "at least 730" in detail
    retention.purge_all(config)  # the access log is then left alone, never cut short
    assert retention_policy(instance)[0] == "ok"


def test_every_view_of_patient_data_is_access_logged(instance, monkeypatch):
    monkeypatch.setenv("SUDO_USER", "kim")
    known = _call(instance, DAY, PHONE, "7", "스케일링 예약이요")
    _call(instance, DAY, "010-9999-0000", None, "주차 되나요")
    shown = CliRunner().invoke(cli, ["calls", "show", str(known.id)])
    assert shown.exit_code == 0 and "스케일링 예약이요" in shown.output
    listed = CliRunner().invoke(cli, ["calls"])
    assert listed.exit_code == 0 and "010-****-0001" in listed.output and "2024" not in listed.output
    rows = access_log.entries(actor="cli:kim")
    assert ("calls.show", "7", f"call {known.id} (transcript)") in [(r.action, r.patient_id, r.subject) for r in rows]
    assert {(r.action, r.patient_id, r.count) for r in rows if r.action == "calls.list"} == {
        ("calls.list", "7", 1), ("calls.list", None, 1)}
    audit = CliRunner().invoke(cli, ["access-log", "--patient", "7", "--since", "2000-01-01"])
    assert audit.exit_code == 0 and "calls.show" in audit.output and "cli:kim" in audit.output
    assert access_log.entries(action="access_log.view")[0].patient_id == "7"  # reading the log is logged too
    as_json = [json.loads(line) for line in CliRunner().invoke(cli, ["access-log", "--json", "--actor", "cli:kim"])
               .output.splitlines()]
    assert {row["action"] for row in as_json} >= {"calls.show", "calls.list", "access_log.view"}


def test_one_patient_is_exported_and_deleted_not_the_family_nor_the_opt_out(instance, tmp_path, monkeypatch):
    monkeypatch.setenv("SUDO_USER", "privacy-officer")
    mine = _call(instance, DAY, PHONE, "7", "제 예약 확인이요", recording=True)
    unknown = _call(instance, DAY, FAMILY_PHONE, None, "예약 문의요")  # the number, nobody identified
    family = _call(instance, DAY, PHONE, "8", "아버지 예약이요")  # another patient on the family phone
    crm_records.add_callback("booking", phone=PHONE, patient_id="7")
    crm_records.add_note("[AI 문진] 항응고제 복용: 예", patient_id="7", phone=PHONE)
    crm_records.add_opt_out(PHONE, "7", source="call_dtmf")
    from appliance.sms import inbox, outbox

    outbox.queue(key="c1", purpose="confirmation", phone=PHONE, text="예약 확정 안내", sender="0212345678",
                 now=crm.utcnow(), patient_id="7")
    outbox.queue(key="c2", purpose="confirmation", phone=PHONE, text="아버님 예약 안내", sender="0212345678",
                 now=crm.utcnow(), patient_id="8")
    inbox.record("test", "m1", FAMILY_PHONE, "네 확인했어요", crm.utcnow())
    vm = _voicemail(instance, 0, FAMILY_PHONE, DAY)
    cdr = asterisk_files.cdr_file(instance)
    cdr.parent.mkdir(parents=True, exist_ok=True)
    cdr.write_text(_cdr_line(crm.utcnow(), FAMILY_PHONE) + _cdr_line(crm.utcnow(), "0212345678"))
    out = tmp_path / "export"
    result = CliRunner().invoke(cli, ["privacy", "export", "7", "--phone", PHONE, "--to", str(out), "--no-emr"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    calls = json.loads((out / "calls.json").read_text())
    assert {c["id"] for c in calls} == {mine.id, unknown.id}  # not the father's call
    assert "제 예약 확인이요" in json.dumps(calls, ensure_ascii=False)
    assert (out / "calls" / Path(mine.recording_path).name).read_bytes() == b"RIFF-audio"
    opt_outs = manifest["holders"]["opt_outs"]
    assert opt_outs["records"] == 1 and "kept_on_deletion_because" in opt_outs
    assert manifest["holders"]["voicemail"]["files"] and manifest["holders"]["cdr"]["records"] == 1
    assert [m["text"] for m in json.loads((out / "sms_sent.json").read_text())] == ["예약 확정 안내"]
    assert manifest["holders"]["sms_received"]["records"] == 1
    assert (os.stat(out).st_mode & 0o077) == 0
    assert access_log.entries(action="privacy.export")[0].actor == "cli:privacy-officer"

    refused = CliRunner().invoke(cli, ["privacy", "delete", "7", "--phone", PHONE, "--no-emr"], input="n\n")
    assert refused.exit_code != 0 and crm.Call.get_or_none(crm.Call.id == mine.id)  # nothing without a yes
    done = CliRunner().invoke(cli, ["privacy", "delete", "7", "--phone", PHONE, "--no-emr", "--reason", "요청서 #12"],
                              input="y\n")
    assert done.exit_code == 0, done.output
    assert crm.Call.get_or_none(crm.Call.id == mine.id) is None
    assert crm.Call.get_or_none(crm.Call.id == unknown.id) is None
    assert crm.Call.get_by_id(family.id).patient_id == "8"  # the father's call stays
    assert not Path(mine.recording_path).exists() and not vm.exists()
    assert not crm_records.Callback.select().exists() and not crm_records.StaffNote.select().exists()
    assert crm_records.is_opted_out(PHONE)  # the refusal is still obeyed
    assert [m.text for m in outbox.Message.select()] == ["아버님 예약 안내"] and not inbox.Reply.select().exists()
    assert "0212345678" in cdr.read_text() and FAMILY_PHONE not in cdr.read_text()
    assert "kept opt_outs" in done.output and "의료법" in done.output
    deletion = access_log.entries(action="privacy.delete")[0]
    assert deletion.patient_id == "7" and deletion.reason == "요청서 #12" and deletion.count >= 5
