"""Logs that do not fill the disk and keep nothing longer than the retention settings.

``logrotate_config`` covers Asterisk's logs (``messages.log``, ``security.log``, ``console.log``), its CDR
(``cdr-csv/Master.csv``) and the engine's own log file when it runs without systemd (``data_dir/log``): each
rotated daily (the CDR monthly), capped in size, compressed, and deleted once older than its retention:
``asterisk_log_retention_days`` for the logs, ``cdr_retention_days`` for the CDR (the privacy settings; 0 =
forever). Files are copied then truncated, because Asterisk keeps its
logs open (the privacy purge likewise rewrites lines in place). Under systemd the engine and Asterisk log to
the journal, capped by ``journald_config`` (size, and age = the log retention).
"""

from __future__ import annotations

import math
import subprocess
from pathlib import Path
from typing import Any

from appliance.ops import engine_process

LOGROTATE_FILE = Path("/etc/logrotate.d/dentalcall")
JOURNALD_FILE = Path("/etc/systemd/journald.conf.d/dentalcall.conf")
FOREVER_DAYS = 3650  # "0 = forever" still needs a bound for logrotate's count
LOG_MAXSIZE = "50M"
CDR_MAXSIZE = "20M"
JOURNAL_MAX_USE = "1G"


def retention_days(days: int) -> int:
    """A retention setting in days (0 = forever; a negative value counts as 0)."""
    return max(0, int(days))


def _keep(days: int, period_days: int) -> tuple[int, str]:
    """(rotate count, maxage line) for a retention in days."""
    if days <= 0:
        return math.ceil(FOREVER_DAYS / period_days), ""
    return max(1, math.ceil(days / period_days)), f"    maxage {days}\n"


def logrotate_config(config: Any) -> str:
    log_days = retention_days(config.asterisk_log_retention_days)
    cdr_days = retention_days(config.cdr_retention_days)
    ast_log = Path(config.asterisk_dir) / "log"
    engine_log = Path(config.data_dir) / "log"
    count, maxage = _keep(log_days, 1)
    cdr_count, cdr_maxage = _keep(cdr_days, 30)
    logs = " ".join(str(ast_log / name) for name in ("messages.log", "security.log", "console.log", "full.log"))
    extra = "/var/log/dentalcall-backup.log " if not config.home else ""
    return f"""# DentalCall instance {config.data_dir}: written by `dentalcall ops logs --write` from the retention
# settings (asterisk_log_retention_days={log_days or 'forever'}, cdr_retention_days={cdr_days or 'forever'}).
# Do not edit.
{logs} {extra}{engine_log}/*.log {{
    daily
    rotate {count}
{maxage}    maxsize {LOG_MAXSIZE}
    missingok
    notifempty
    compress
    delaycompress
    copytruncate
}}

{ast_log / 'cdr-csv' / 'Master.csv'} {{
    monthly
    rotate {cdr_count}
{cdr_maxage}    maxsize {CDR_MAXSIZE}
    missingok
    notifempty
    compress
    copytruncate
}}
"""


def journald_config(config: Any) -> str:
    log_days = retention_days(config.asterisk_log_retention_days)
    retention = f"MaxRetentionSec={log_days}day\n" if log_days else ""
    return ("# DentalCall: the engine and Asterisk log to the journal; capped in size and, like Asterisk's log\n"
            "# files, kept no longer than asterisk_log_retention_days (written by `dentalcall ops logs --write`)\n"
            f"[Journal]\nSystemMaxUse={JOURNAL_MAX_USE}\nSystemKeepFree=2G\nSystemMaxFileSize=64M\n{retention}")


def write(config: Any) -> list[Path]:
    """Install the configs for this machine (a test/demo instance writes its own file in its home)."""
    if config.home:
        path = Path(config.config_dir) / "logrotate.conf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(logrotate_config(config))
        return [path]
    LOGROTATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    LOGROTATE_FILE.write_text(logrotate_config(config))
    LOGROTATE_FILE.chmod(0o644)
    written = [LOGROTATE_FILE]
    if engine_process.systemd_running():
        JOURNALD_FILE.parent.mkdir(parents=True, exist_ok=True)
        old = JOURNALD_FILE.read_text() if JOURNALD_FILE.exists() else ""
        JOURNALD_FILE.write_text(journald_config(config))
        if old != JOURNALD_FILE.read_text():
            subprocess.run(["systemctl", "restart", "systemd-journald"], check=False)
        written.append(JOURNALD_FILE)
    return written
