"""The ``emr`` command and the EMR health check against real PostgreSQL, MariaDB and SQLite (parametrized by
``emr_db``): connecting without a password in the URL, testing a profile query by query (and blaming the connection
or the failing query), looking a caller up with names masked and the view logged."""

import socket

import pytest
from click.testing import CliRunner

from appliance.data.emr import seed

pytestmark = pytest.mark.db


def test_cli_connect_test_lookup(emr_db, tmp_path, monkeypatch):
    from appliance.data import access_log, crm
    from appliance.data.emr.cli import emr as emr_cli

    _, url = emr_db
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    monkeypatch.delenv("DENTALCALL_EMR_PASSWORD", raising=False)
    runner = CliRunner()
    secret_url = url.replace("://root@", "://root:s3cret@").replace("://postgres@", "://postgres:s3cret@")
    if secret_url != url:
        # a password in the URL would stay in the shell history and the process list: refused, nothing saved
        res = runner.invoke(emr_cli, ["connect", secret_url, "--profile", "reference"])
        assert res.exit_code != 0 and "contains a password" in res.output and "s3cret" not in res.output
        assert not (tmp_path / "etc" / "dentalcall.ini").exists() or "emr_url" not in \
            (tmp_path / "etc" / "dentalcall.ini").read_text()
        # asked for instead (hidden prompt; the servers run without password checks, it must still be stored)
        res = runner.invoke(emr_cli, ["connect", url, "--profile", "reference"], input="s3cret\n")
        assert res.exit_code == 0, res.output
        assert "s3cret" not in res.output and "password" in res.output.lower()
        assert "s3cret" not in (tmp_path / "etc" / "dentalcall.ini").read_text()
        secrets_file = tmp_path / "etc" / "secrets.ini"
        assert "s3cret" in secrets_file.read_text() and (secrets_file.stat().st_mode & 0o777) == 0o600
        # or read from a file
        pw = tmp_path / "pw.txt"
        pw.write_text("fil3pw\n")
        res = runner.invoke(emr_cli, ["connect", url, "--profile", "reference", "--password-file", str(pw)])
        assert res.exit_code == 0, res.output
        assert "fil3pw" in secrets_file.read_text() and "s3cret" not in secrets_file.read_text()
    res = runner.invoke(emr_cli, ["connect", url, "--profile", "reference", "--no-password"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(emr_cli, ["test"])
    assert res.exit_code == 0, res.output
    assert "all 14 queries ran" in res.output
    # patient names are masked in every sample row (treatments_on and implant_surgeries rows carry them too)
    from appliance.data.emr import drivers

    conn = drivers.connect(url, read_only=True, connect_timeout=5, statement_timeout=10)
    try:
        names = {r["n"] for r in conn.query("SELECT PT_NAME AS n FROM PATIENT")} - set(seed.DOCTORS)
    finally:
        conn.close()
    assert not [n for n in names if n in res.output]
    res = runner.invoke(emr_cli, ["lookup", "010-2024-0001"])
    assert res.exit_code == 0, res.output
    assert "3 patient(s)" in res.output and "010-****-0001" in res.output
    assert "2024-0001" not in res.output
    from appliance import settings

    crm.open_database(settings.load().crm_url)
    try:
        logged = access_log.entries(action="emr.lookup")
        assert sorted(e.patient_id for e in logged) == ["1", "2", "3"]  # one row per patient shown
    finally:
        crm.database.close()


def test_cli_emr_test_blames_the_connection_when_the_server_is_unreachable(tmp_path, monkeypatch):
    from appliance.data.emr.cli import emr as emr_cli

    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    res = CliRunner().invoke(emr_cli, ["test", "--url", f"postgresql://dc@127.0.0.1:{port}/emr"])
    assert res.exit_code != 0
    assert "The connection failed, not the profile" in res.output and "fix them in" not in res.output


def test_emr_health(tmp_path, emr_db):
    from appliance import settings
    from appliance.data.emr import settings as emr_settings
    from appliance.data.emr.health import emr_health

    server, url = emr_db
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    assert emr_health(config).status == "warn"
    emr_settings.save(config, url, "reference")
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    health = emr_health(config)
    assert health.status in ("ok", "warn") and "reachable" in health.message
    config = settings.load(overrides={"home": str(tmp_path), "emr_url": "postgresql://x@127.0.0.1:1/none"}, env={})
    health = emr_health(config)
    assert health.status == "fail" and health.fix


def test_emr_test_points_at_the_failing_query(emr_db, tmp_path, monkeypatch):
    from appliance.data.emr.cli import emr as emr_cli
    from appliance.data.emr.profile import PROFILES_DIR

    _, url = emr_db
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    broken = tmp_path / "broken.toml"
    text = (PROFILES_DIR / "reference.toml").read_text(encoding="utf-8")
    join = "  LEFT JOIN DOCTOR d ON d.DR_ID = r.RSV_DRID\n WHERE r.RSV_DATE"
    broken.write_text(text.replace(f"FROM RESERVATION r\n{join}", f"FROM RESERVATIONS r\n{join}"), encoding="utf-8")
    res = CliRunner().invoke(emr_cli, ["test", "--url", url, "--profile", str(broken)])
    assert res.exit_code != 0
    assert "FAIL appointments_between" in res.output and "[queries.appointments_between]" in res.output
    assert "ok   get_patient" in res.output
    # seed-demo refuses to overwrite a database that holds patients
    res = CliRunner().invoke(emr_cli, ["seed-demo", "--url", url, "--patients", "10"])
    assert res.exit_code != 0 and "--force" in res.output
