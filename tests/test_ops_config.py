"""What operations installs: the systemd units (checked by systemd's own parser; every folder the engine and
Asterisk write is writable under ProtectSystem=strict), the backup schedule, and log rotation run by the
real logrotate (sizes capped, old files gone after the retention)."""

from __future__ import annotations

import configparser
import gzip
import os
import shutil
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from appliance import settings
from appliance.ops import logs
from appliance.ops.backup import schedule
from appliance.ops.backup.crm_dump import BackupError

REPO = Path(__file__).resolve().parent.parent
UNITS = REPO / "systemd"


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # case-sensitive keys
    text = (UNITS / name).read_text()
    # systemd allows repeated keys (ReadWritePaths=...): keep all of them
    merged: dict[str, list[str]] = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            merged.setdefault(f"{section}.{key}", []).append(value)
    parser.read_string(text.replace("%", "%%"))
    parser.all = merged  # type: ignore[attr-defined]
    return parser


def _writable(unit: configparser.ConfigParser) -> list[Path]:
    paths = []
    for value in unit.all.get("Service.ReadWritePaths", []):  # type: ignore[attr-defined]
        paths += [Path(p.lstrip("-")) for p in value.split()]
    return paths


def _covered(path: Path, writable: list[Path]) -> bool:
    return any(path == w or w in path.parents for w in writable)


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_units_parse_cleanly_with_systemd_analyze(tmp_path):
    names = sorted(p.name for p in UNITS.iterdir() if p.suffix in (".service", ".timer"))
    assert {"dentalcall.service", "dentalcall-asterisk.service", "dentalcall-backup.service",
            "dentalcall-backup.timer"} <= set(names)
    for name in names:
        (tmp_path / name).write_text((UNITS / name).read_text().replace("@VENV@", "/opt/dentalcall/venv"))
    out = subprocess.run(["systemd-analyze", "verify", *names], cwd=tmp_path, capture_output=True, text=True)
    ours = [line for line in (out.stdout + out.stderr).splitlines() if str(tmp_path) in line]
    assert ours == [], ours  # no unknown key, bad value or missing section in our units


def test_engine_unit_is_a_hardened_notify_service_with_a_watchdog():
    unit = _unit("dentalcall.service")
    service = unit["Service"]
    assert service["Type"] == "notify" and service["NotifyAccess"] == "main"
    assert int(service["WatchdogSec"]) > 0 and service["Restart"] == "always"
    assert int(service["TimeoutStartSec"]) >= 300  # loading models on a slow box must not count as a hang
    assert service["ProtectSystem"] == "strict" and service["NoNewPrivileges"] == "yes"
    assert service["ExecStart"] == "@VENV@/bin/dentalcall serve" and service["User"] == "dentalcall"
    # every place the production engine writes is writable; nothing else is
    config = settings.load(env={})
    writable = _writable(unit)
    wanted = [config.data_dir, Path(config.crm_url[len("sqlite:///"):]), config.prompts_dir, config.recordings_dir,
              config.models_dir, config.data_dir / "run", config.data_dir / "log", config.data_dir / "tts-cache",
              Path(config.cache_dir) / "llm-state"]
    assert [p for p in wanted if not _covered(p, writable)] == []
    assert not _covered(config.config_dir, writable)  # the engine never writes its configuration


def test_asterisk_unit_is_hardened_and_restarted_when_it_dies():
    unit = _unit("dentalcall-asterisk.service")
    service = unit["Service"]
    assert service["Restart"] == "always" and service["ProtectSystem"] == "strict"
    config = settings.load(env={})
    writable = _writable(unit)
    for path in (config.asterisk_dir / "log", config.asterisk_dir / "spool", config.asterisk_dir / "lib",
                 config.asterisk_dir / "run", config.asterisk_dir / "etc", config.spool_dir, config.rootfs_dir):
        assert _covered(path, writable), path


def test_backup_timer_and_schedule_follow_backup_time():
    timer = _unit("dentalcall-backup.timer")
    assert timer["Timer"]["Persistent"] == "true"
    config = SimpleNamespace(backup_time="03:05", home="")
    assert "OnCalendar=\nOnCalendar=*-*-* 03:05:00\n" in schedule.timer_dropin(config)
    line = schedule.cron_line(config, "/opt/dentalcall/venv").splitlines()[-1]
    assert line.startswith("5 3 * * * root /opt/dentalcall/venv/bin/dentalcall backup nightly")
    with pytest.raises(BackupError, match="HH:MM"):
        schedule.parse_time("25:00")
    service = _unit("dentalcall-backup.service")["Service"]
    assert service["ExecStart"] == "@VENV@/bin/dentalcall backup nightly" and service["Type"] == "oneshot"


@pytest.mark.skipif(not shutil.which("logrotate"), reason="logrotate not installed (install.sh installs it)")
def test_logrotate_caps_sizes_and_deletes_past_the_retention(tmp_path):
    home = tmp_path / "home"
    config = settings.load(overrides={"home": str(home)}, env={})
    # the privacy retention settings, when present, decide how long; here 7 days of logs, 60 of CDR
    cfg = SimpleNamespace(home=str(home), data_dir=config.data_dir, asterisk_dir=config.asterisk_dir,
                          asterisk_log_retention_days=7, cdr_retention_days=60)
    log_dir = config.asterisk_dir / "log"
    (log_dir / "cdr-csv").mkdir(parents=True)
    for folder in (config.asterisk_dir, log_dir, log_dir / "cdr-csv"):
        folder.chmod(0o750)
    messages = log_dir / "messages.log"
    with open(messages, "wb") as fh:  # a runaway log past the size cap
        fh.write(b"[2026-11-25 10:00:00] NOTICE[1] chan_pjsip.c: something\n" * (60 * 1024 * 1024 // 56))
    (log_dir / "cdr-csv" / "Master.csv").write_text('"","0101234","1000","dentalcall-inbound"\n')
    old = log_dir / "messages.log.3.gz"
    with gzip.open(old, "wb") as fh:
        fh.write(b"[2026-10-01 10:00:00] NOTICE[1] 010-1234-5678 old caller\n")
    ten_days = time.time() - 10 * 86400
    os.utime(old, (ten_days, ten_days))
    recent = log_dir / "messages.log.2.gz"
    with gzip.open(recent, "wb") as fh:
        fh.write(b"recent\n")
    conf = tmp_path / "logrotate.conf"
    conf.write_text(logs.logrotate_config(cfg))
    out = subprocess.run(["logrotate", "-s", str(tmp_path / "state"), str(conf)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert messages.stat().st_size == 0  # copied then truncated: Asterisk keeps writing to the same file
    assert (log_dir / "messages.log.1").stat().st_size > 50 * 1024 * 1024  # delaycompress: gzipped next round
    # the 10-day-old copy (shifted to .4.gz) is past the 7 days: deleted; the recent one moved up to .3.gz
    assert not (log_dir / "messages.log.4.gz").exists()
    assert gzip.open(log_dir / "messages.log.3.gz").read() == b"recent\n"
    assert (log_dir / "cdr-csv" / "Master.csv").exists()  # the CDR rotates monthly, not on this run


def test_logrotate_config_uses_the_retention_settings_or_documented_defaults(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    text = logs.logrotate_config(config)
    days = config.asterisk_log_retention_days
    assert f"maxage {days}\n" in text and "copytruncate" in text and f"maxsize {logs.LOG_MAXSIZE}" in text
    assert str(config.asterisk_dir / "log" / "cdr-csv" / "Master.csv") in text
    forever = SimpleNamespace(home=str(tmp_path), data_dir=config.data_dir, asterisk_dir=config.asterisk_dir,
                              asterisk_log_retention_days=0, cdr_retention_days=0)
    assert "maxage" not in logs.logrotate_config(forever)  # 0 = forever: only the size cap applies
    journal = logs.journald_config(SimpleNamespace(asterisk_log_retention_days=30))
    assert "MaxRetentionSec=30day" in journal and "SystemMaxUse=" in journal
    written = logs.write(config)
    assert written == [config.config_dir / "logrotate.conf"]  # an instance never touches /etc/logrotate.d


def test_install_script_parses_and_offers_rollback():
    assert subprocess.run(["bash", "-n", str(REPO / "install.sh")]).returncode == 0
    text = (REPO / "install.sh").read_text()
    assert "--rollback" in text and "ops restart" in text and "backup --crm-only --label pre-upgrade" in text
