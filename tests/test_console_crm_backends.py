"""The console's tables and queries on a CRM in real PostgreSQL and MariaDB servers (as well as SQLite):
migrations 20-23, the work queue, closing an item once, the live fingerprints, voicemail and the outbox."""

from __future__ import annotations

import datetime as dt
import secrets

import pytest
import peewee
from peewee import SQL

from appliance.console import accounts, actions, workqueue
from appliance.console.models import LAST4_SQL
from appliance.console.pages import today
from appliance.data import crm, crm_records
from appliance.data.crm import Call, utcnow
from appliance.console.notify import outbox
from appliance.voicemail.store import Voicemail

pytestmark = pytest.mark.db


@pytest.fixture(params=["sqlite", "postgresql", "mysql"])
def crm_server(request, db_servers):
    server = db_servers(request.param)
    name = f"crm_console_{secrets.token_hex(4)}"  # a fresh database per run
    server.create_db(name)
    db = crm.open_database(server.url(name))
    yield db
    db.close()


def test_queue_closing_and_fingerprints_on_every_backend(crm_server):
    staff = accounts.Staff(id=0, name="kim", role="admin")
    call = Call.create(direction="inbound", caller_number="01012345678", started_at=utcnow() - dt.timedelta(minutes=1),
                       meta={"summary": "비용 문의"})
    before = (workqueue.signature(), today.signature())
    cb = crm_records.add_callback("교정 비용 문의", phone="01012345678", priority=5, call_id=call.id)
    crm_records.add_callback("응급 증상 (우선 연락)", phone="01099998888", priority=1)
    crm_records.add_note("[AI 문진] 스케일링\n당뇨: 예", phone="01012345678", author="ai")
    Voicemail.create(msg_id="1-0", box="100", audio_path="/x.wav", received_at=utcnow(), transcript_status="done")
    assert workqueue.signature() != before[0]
    items = workqueue.build()
    assert [i.kind for i in items] == ["callback", "callback", "note", "voicemail"]
    assert items[1].summary == "비용 문의"
    assert actions.mark_done(staff, "callback", cb.id, "통화함").ok
    assert not actions.mark_done(staff, "callback", cb.id, "again").ok
    assert workqueue.open_counts() == {"emergency": 1, "callback": 0, "booking": 0, "note": 1, "voicemail": 1}
    assert today.live_calls()[0]["call"].id == call.id
    last4 = Call.select().where(SQL(LAST4_SQL) == "5678")  # the calls page's "last four digits" search
    assert [c.id for c in last4] == [call.id]
    assert outbox.enqueue("email", "voicemail", 1) and not outbox.enqueue("email", "voicemail", 1)
    assert outbox.claim("email:voicemail:1") and not outbox.claim("email:voicemail:1")


def test_whose_item_migration_and_the_consoles_retention_on_every_backend(crm_server):
    """Migration 23 on a CRM migration 20 made (columns added, rows filled in), then the console's purge."""
    from appliance.console import privacy
    from appliance.console.models import WorkAction, WorkClosure
    from appliance.data import migrations

    db = crm_server
    cb = crm_records.add_callback("교정 비용 문의", phone="01012345678", patient_id="7", priority=5)
    gone = crm_records.add_callback("예약 문의", phone="01012345678", patient_id="7", priority=5)
    for table in ("work_closure", "work_action"):
        if isinstance(db, peewee.SqliteDatabase):
            db.execute_sql(f'DROP INDEX "{table}_patient_id"')
        for column in ("patient_id", "phone"):
            db.execute_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute_sql("DELETE FROM schema_version WHERE version = 23")
    for item in (cb.id, gone.id):
        db.execute_sql("INSERT INTO work_closure (kind, item_id, result, closed_by, closed_at) "
                       f"VALUES ('callback', {item}, 'done', 'staff:kim', '2020-01-02 03:04:05')")
    migrations.migrate(db)
    assert {(c.item_id, c.patient_id, c.phone) for c in WorkClosure.select()} == {
        (cb.id, "7", "01012345678"), (gone.id, "7", "01012345678")}
    crm_records.Callback.delete().where(crm_records.Callback.id == gone.id).execute()
    WorkAction.create(actor="staff:kim", kind="callback", item=str(cb.id), action="done",
                      at=utcnow() - dt.timedelta(days=400))
    assert privacy.purge_work_records(None, utcnow() - dt.timedelta(days=365)) == 2  # the orphan and the old action
    assert [c.item_id for c in WorkClosure.select()] == [cb.id]
