"""Backups through the real command, a real CRM and real files: backup → wipe → fresh install → restore gives
back every row (compared row by row) and every file (by checksum); damaged archives, a wrong passphrase and a
CRM already in use are refused without changing anything; the nightly run copies to a really mounted USB
folder, keeps N days and alerts staff when the copy target is gone; PostgreSQL and MariaDB CRMs too."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from appliance import settings
from appliance.data import crm
from appliance.ops import alerts
from appliance.ops.backup import retention
from appliance.ops.backup.create import create_backup, nightly
from appliance.ops.backup.crm_dump import BackupError
from appliance.ops.backup.restore import restore_archive
from appliance.ops.backup.verify import verify_archive
from appliance.ops.health_checks import backup_check
from tests.ops_helpers import file_hashes, make_pack, populate_config, populate_crm, table_rows

PASSPHRASE = "correct-horse-battery-staple"
REPO = Path(__file__).resolve().parent.parent


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DENTALCALL_")}
    return {**env, "DENTALCALL_HOME": str(home), "PYTHONPATH": str(REPO), **extra}


def _cli(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "appliance", *args], env=_env(home, **extra), capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def clinic(tmp_path):
    """An instance with a populated CRM, config, secrets and a recorded pack; the CRM bound in this process."""
    home = tmp_path / "clinic"
    config = settings.load(overrides={"home": str(home)}, env={})
    populate_config(config, PASSPHRASE)
    config = settings.load(overrides={"home": str(home)}, env={})
    crm.open_for(config)
    populate_crm(30)
    make_pack(Path(config.prompts_dir))
    yield config
    crm.database.close()


def _ini(data: bytes) -> dict[str, str]:
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(data.decode())
    return dict(parser.items("secrets"))


def _without_access_log(rows: dict) -> dict:
    return {t: r for t, r in rows.items() if t != "access_entry"}


def test_backup_wipe_fresh_install_restore_gives_everything_back(clinic, tmp_path):
    home = Path(clinic.home)
    rows = table_rows(clinic.crm_url)
    assert len(rows["call"]) == 30 and len(rows["turn"]) == 60 and len(rows["opt_out"]) == 3
    assert len(rows["outbound_task"]) == 6 and len(rows["callback"]) == 7
    config_before = {name: (Path(clinic.config_dir) / name).read_bytes()
                     for name in ("dentalcall.ini", "secrets.ini", "telephony.json", "clinic.toml")}
    prompts_before = file_hashes(clinic.prompts_dir)
    crm.database.close()

    out = _cli(home, "backup")
    assert out.returncode == 0, out.stderr
    (archive,) = retention.list_archives(home / "backups")
    assert "calls 30, opt-outs 3" in out.stdout and archive.stat().st_mode & 0o777 == 0o600
    saved = tmp_path / "usb" / archive.name
    saved.parent.mkdir()
    shutil.copyfile(archive, saved)
    verified = _cli(home, "backup", "verify", str(saved))
    assert verified.returncode == 0 and "secrets: 2 files sealed, opened" in verified.stdout, verified.stdout

    shutil.rmtree(home)  # the disk died
    fresh = _cli(home, "init", "-y", "--clinic-name", "새치과")  # a fresh install on the new disk
    assert fresh.returncode == 0, fresh.stderr
    refused = _cli(home, "restore", str(saved), DENTALCALL_BACKUP_PASSPHRASE="not the passphrase")
    assert refused.returncode != 0 and "wrong backup passphrase" in refused.stderr
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    restored = _cli(home, "restore", str(saved), "--passphrase-file", str(tmp_path / "pass.txt"))
    assert restored.returncode == 0, restored.stderr
    assert "crm:" in restored.stdout and "prompts: 5 files" in restored.stdout

    after = table_rows(clinic.crm_url)
    assert _without_access_log(after) == _without_access_log(rows)  # every row of every table, as it was
    assert after["access_entry"][:len(rows["access_entry"])] == rows["access_entry"]
    assert [r[4] for r in after["access_entry"][len(rows["access_entry"]):]] == ["backup.restore"]
    for name in ("telephony.json", "clinic.toml"):
        assert (Path(clinic.config_dir) / name).read_bytes() == config_before[name], name
    # secrets.ini: every secret back (rendering Asterisk's config may add generated ones, e.g. the voicemail PIN)
    restored_secrets = _ini((Path(clinic.config_dir) / "secrets.ini").read_bytes())
    assert _ini(config_before["secrets.ini"]).items() <= restored_secrets.items()
    assert (Path(clinic.config_dir) / "secrets.ini").stat().st_mode & 0o777 == 0o600
    assert (Path(clinic.config_dir) / "telephony.json").stat().st_mode & 0o777 == 0o600
    restored_config = settings.load(overrides={"home": str(home)}, env={})
    assert restored_config.clinic_name == "행복치과" and restored_config.prompt_pack == "clinic-voice"
    pack = file_hashes(restored_config.prompts_dir)
    assert {k: v for k, v in pack.items() if k.startswith("clinic-voice/")} == prompts_before  # the voice, by checksum
    assert any(k.startswith("placeholder/") for k in pack)  # the fresh install's own pack stays


def test_backup_is_online_while_calls_are_written(clinic):
    """A writer keeps logging calls during the backup: the archive is one consistent moment."""
    crm.database.close()
    script = ("import sys, time\nfrom appliance import settings\nfrom appliance.data import crm\n"
              "from appliance.data.calllog import CallLog\ncrm.open_for(settings.load())\n"
              "print('ready', flush=True)\nwhile True:\n"
              "    log = CallLog('inbound', caller='01012345678')\n"
              "    log.turn('caller', '예약')\n    log.finish('answered')\n")
    writer = subprocess.Popen([sys.executable, "-c", script], env=_env(Path(clinic.home)), stdout=subprocess.PIPE,
                              text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.5)
        crm.open_for(clinic)
        result = create_backup(clinic)
    finally:
        writer.kill()
        writer.wait()
    counts = result.manifest["crm"]["counts"]
    # one moment of the CRM: every call written before it has its turn, except at most the one being written
    # right then (the call log commits the call and its turn separately, like the engine)
    assert counts["call"] > 30 and counts["call"] + 29 <= counts["turn"] <= counts["call"] + 30
    report = verify_archive(clinic, result.path)
    assert f"{sum(counts.values())} rows" in report.lines[1]
    live = table_rows(clinic.crm_url)["call"]
    assert len(live) > counts["call"]  # the writer went on during and after the copy


def test_damaged_or_foreign_archives_are_refused_and_restore_changes_nothing(clinic, tmp_path):
    result = create_backup(clinic)
    good = result.path.read_bytes()
    truncated = tmp_path / "truncated.tar.zst"
    truncated.write_bytes(good[: len(good) - 2000])
    flipped = tmp_path / "flipped.tar.zst"
    data = bytearray(good)
    data[len(data) // 2] ^= 0xFF
    flipped.write_bytes(bytes(data))
    foreign = tmp_path / "photos.tar.zst"
    subprocess.run(["tar", "--zstd", "-cf", str(foreign), "-C", str(REPO), "README.md"], check=True)
    for bad in (truncated, flipped, foreign):
        with pytest.raises(BackupError):
            verify_archive(clinic, bad)
    crm.database.close()  # (a checkpoint on close changes the file: hash it afterwards)
    before = hashlib.sha256(Path(clinic.crm_url[len("sqlite:///"):]).read_bytes()).hexdigest()
    rows = table_rows(clinic.crm_url)
    for bad in (truncated, flipped, foreign):
        with pytest.raises(BackupError):
            restore_archive(clinic, bad, passphrase=PASSPHRASE, replace=True)
    with pytest.raises(BackupError, match="wrong backup passphrase"):
        restore_archive(clinic, result.path, passphrase="wrong-but-long-enough", replace=True)
    assert hashlib.sha256(Path(clinic.crm_url[len("sqlite:///"):]).read_bytes()).hexdigest() == before
    assert table_rows(clinic.crm_url) == rows


def test_restore_never_overwrites_a_crm_in_use_by_accident(clinic, tmp_path):
    result = create_backup(clinic)
    crm.database.close()
    with pytest.raises(BackupError, match="already holds 30 calls.*--replace"):
        restore_archive(clinic, result.path, passphrase=PASSPHRASE)
    server = socket.socket()  # the engine of this instance answering on its FastAGI port
    server.bind(("127.0.0.1", clinic.agi_port))
    server.listen(1)
    try:
        with pytest.raises(BackupError, match="engine is running"):
            restore_archive(clinic, result.path, passphrase=PASSPHRASE, replace=True)
    finally:
        server.close()
    report = restore_archive(clinic, result.path, passphrase=PASSPHRASE, replace=True)
    kept = list(Path(clinic.data_dir).glob("crm.sqlite.before-restore-*"))
    assert len(kept) == 1 and "replaced CRM is kept" in " ".join(report.lines)


def test_crm_only_copy_needs_no_passphrase_and_nightly_needs_one(clinic):
    from appliance.ops.backup import secret_box

    Path(clinic.secrets_file).write_text("[secrets]\nami_secret = x\n")  # no passphrase set
    assert secret_box.stored_passphrase(clinic) is None
    result = create_backup(clinic, label="pre-upgrade", crm_only=True)
    assert result.path.name.endswith("-pre-upgrade.tar.zst")
    assert "crm only" in verify_archive(clinic, result.path).lines[-1]
    with pytest.raises(BackupError, match="no backup passphrase"):
        nightly(clinic)
    assert [a.kind for a in alerts.open_alerts()] == ["backup_failed"]
    status, detail, _ = backup_check(clinic)
    assert status == "warn" and "passphrase" in detail


@pytest.fixture
def usb(tmp_path):
    """A real mounted file system standing in for the clinic's USB disk."""
    mount = tmp_path / "usb"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mount)]).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    yield mount
    subprocess.run(["umount", "-l", str(mount)])


def test_nightly_copies_to_the_mounted_usb_keeps_n_days_and_alerts_when_unplugged(clinic, usb):
    import datetime as dt

    cfg = settings.load(overrides={"home": clinic.home, "backup_copy_to": str(usb), "backup_keep_days": 3}, env={})
    folder = retention.prepare_dir(retention.backup_dir(cfg))
    for days in (30, 20, 10, 5, 4):  # older archives: the newest 3 stay whatever their age
        old = folder / retention.archive_name(dt.datetime.now() - dt.timedelta(days=days))
        old.write_bytes(b"old")
    first = nightly(cfg)
    assert first.copied_to == usb / first.path.name
    assert first.copied_to.read_bytes() == first.path.read_bytes()
    names = [p.name for p in retention.list_archives(folder)]
    assert len(names) == 3 and names[0] == first.path.name  # past 3 days pruned, newest 3 kept
    assert backup_check(cfg)[0] == "ok"

    subprocess.run(["umount", "-l", str(usb)], check=True)  # the USB disk is unplugged
    with pytest.raises(BackupError, match="not mounted"):
        nightly(cfg)
    (alert,) = alerts.open_alerts()
    assert alert.kind == "backup_failed" and "NAS/USB disk is not mounted" in alert.message
    status, detail, _ = backup_check(cfg)
    assert status == "warn" and "last nightly backup failed" in detail
    assert not any(usb.iterdir())  # nothing written onto the empty mount point (the local disk)

    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(usb)], check=True)
    nightly(cfg)
    assert alerts.open_alerts() == [] and len(retention.list_archives(usb)) == 1


@pytest.mark.db
@pytest.mark.parametrize("kind", ["postgresql", "mysql"])
def test_server_crm_backup_wipe_restore_row_by_row(kind, db_servers, tmp_path):
    server = db_servers(kind)
    name = f"crm_ops_{os.getpid()}_{kind[:2]}"
    server.create_db(name)
    url = server.url(name)
    home = tmp_path / "clinic"
    config = settings.load(overrides={"home": str(home), "crm_db": url}, env={})
    populate_config(config, PASSPHRASE)
    config = settings.load(overrides={"home": str(home), "crm_db": url}, env={})
    crm.open_for(config)
    populate_crm(30)
    rows = table_rows(url)
    result = create_backup(config)
    assert result.manifest["crm"]["kind"] == kind and result.manifest["crm"]["counts"]["call"] == 30
    verify_archive(config, result.path)
    crm.database.close()

    _drop_database(server, name)  # the database server lost everything
    server.create_db(name)
    crm.open_for(config)  # a fresh install's empty schema
    crm.database.close()
    report = restore_archive(config, result.path, passphrase=PASSPHRASE)
    assert report.crm_url == url
    after = table_rows(url)
    assert _without_access_log(after) == _without_access_log(rows)
    crm.database.close()


def _drop_database(server, name: str) -> None:
    if server.kind == "postgresql":
        import psycopg2

        conn = psycopg2.connect(server.url("postgres"))
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.close()
    else:
        import pymysql

        conn = pymysql.connect(host="127.0.0.1", port=server.port, user="root")
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE `{name}`")
        conn.close()
