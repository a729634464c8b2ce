"""The nightly backup's schedule (setting ``backup_time``): a systemd timer where systemd runs
(``dentalcall-backup.timer``, time set by a drop-in), else a line in ``/etc/cron.d``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from appliance.ops import engine_process
from appliance.ops.backup.crm_dump import BackupError

TIMER = "dentalcall-backup.timer"
DROPIN = Path("/etc/systemd/system/dentalcall-backup.timer.d/time.conf")
CRON_FILE = Path("/etc/cron.d/dentalcall-backup")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time(value: str) -> tuple[int, int]:
    match = _TIME.match(str(value).strip())
    if not match:
        raise BackupError(f"backup_time {value!r} must be HH:MM, e.g. 02:30")
    return int(match.group(1)), int(match.group(2))


def timer_dropin(config: Any) -> str:
    hour, minute = parse_time(config.backup_time)
    return ("# written by `dentalcall backup schedule` from the backup_time setting\n[Timer]\nOnCalendar=\n"
            f"OnCalendar=*-*-* {hour:02d}:{minute:02d}:00\n")


def cron_line(config: Any, venv: str) -> str:
    hour, minute = parse_time(config.backup_time)
    return ("# DentalCall nightly backup (written by `dentalcall backup schedule` from backup_time)\n"
            "SHELL=/bin/sh\nPATH=/usr/sbin:/usr/bin:/sbin:/bin\n"
            f"{minute} {hour} * * * root {venv}/bin/dentalcall backup nightly >>/var/log/dentalcall-backup.log 2>&1\n")


def install(config: Any, venv: str) -> str:
    """Put the schedule in place for this machine; returns what was done."""
    if config.home:
        return "a test or demo instance has no nightly schedule (production layout only)"
    if engine_process.systemd_running():
        DROPIN.parent.mkdir(parents=True, exist_ok=True)
        DROPIN.write_text(timer_dropin(config))
        subprocess.run(["systemctl", "daemon-reload"], check=True)
        subprocess.run(["systemctl", "enable", "--now", TIMER], check=True)
        return f"systemd timer {TIMER} at {config.backup_time}"
    if CRON_FILE.parent.is_dir():
        CRON_FILE.write_text(cron_line(config, venv))
        CRON_FILE.chmod(0o644)
        return f"cron ({CRON_FILE}) at {config.backup_time}; make sure the cron daemon runs"
    raise BackupError("neither systemd nor cron (/etc/cron.d) here: run `dentalcall backup nightly` from "
                      "whatever schedules jobs on this machine")
