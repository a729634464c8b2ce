import datetime as dt

import peewee
import pytest

from appliance.data import access_log, crm, migrations


def test_every_view_is_a_row_with_whose_data(crm_db):
    access_log.record("calls.show", actor="cli:kim", patient_id="42", subject="call 7")
    access_log.record("campaigns.preview.unmask", actor="cli:kim", patient_ids=["1", "2", "3"],
                      subject="campaign recall", reason="weekly review")
    rows = access_log.entries()
    assert [(r.action, r.patient_id) for r in rows][-1] == ("calls.show", "42")
    assert {r.patient_id for r in rows if r.action == "campaigns.preview.unmask"} == {"1", "2", "3"}
    assert [r.subject for r in access_log.entries(patient_id="2")] == ["campaign recall"]
    assert all(r.actor == "cli:kim" for r in rows)


def test_cli_actor_names_the_sudo_user(monkeypatch):
    monkeypatch.setenv("SUDO_USER", "installer")
    assert access_log.cli_actor() == "cli:installer"


def test_purge_keeps_two_years_at_least(crm_db):
    old = access_log.record("emr.lookup", actor="cli:a", patient_id="9")[0]
    access_log.AccessEntry.update(at=crm.utcnow() - dt.timedelta(days=800)).where(
        access_log.AccessEntry.id == old.id).execute()
    access_log.record("emr.lookup", actor="cli:a", patient_id="9")
    with pytest.raises(ValueError):
        access_log.purge_older_than(30)
    assert access_log.purge_older_than(730) == 1
    assert len(access_log.entries()) == 1


def test_a_step_numbered_below_the_applied_ones_still_runs(tmp_path):
    db = peewee.SqliteDatabase(str(tmp_path / "crm.db"))
    crm.database.initialize(db)
    db.connect()
    migrations.migrate(db)
    assert migrations.pending_steps(db) == []

    def late_step(database, migrator):
        database.execute_sql("CREATE TABLE late_table (id INTEGER PRIMARY KEY)")

    migrations.register(5, "landed late", late_step)
    try:
        assert migrations.pending_steps(db) == [(5, "landed late")]
        migrations.migrate(db)
        assert migrations.pending_steps(db) == []
        db.execute_sql("SELECT COUNT(*) FROM late_table")
    finally:
        migrations.STEPS[:] = [s for s in migrations.STEPS if s[0] != 5]
        db.close()
