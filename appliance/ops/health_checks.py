"""``doctor``'s operations checks, as (status, detail, fix): disk space, backups, open health alerts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from appliance.ops import disk

BACKUP_MAX_AGE = dt.timedelta(hours=36)

Result = tuple[str, str, str]


def disk_check(config: Any) -> Result:
    usage = disk.data_usage(config)
    if usage.level == "full":
        return ("fail", f"disk full: {usage.describe()} — calls still reach staff and voicemail through the "
                        "dialplan's fallback, but they are not logged and nothing is booked",
                "free space now: old backups in backup_dir, `journalctl --vacuum-size=200M`, recordings past "
                "their retention; then `dentalcall doctor`")
    if usage.level == "low":
        return ("warn", f"disk {usage.describe()} (warning from {disk.WARN_PERCENT:.0f} %)",
                "free space before it fills: old backups, logs, recordings; or a bigger disk")
    return "ok", usage.describe(), ""


def backup_check(config: Any) -> Result:
    from appliance.ops.backup import retention, secret_box

    fix_first = ("set the passphrase: `dentalcall backup passphrase --generate` (write it down), "
                 "then `dentalcall backup`")
    if not secret_box.stored_passphrase(config):
        return "warn", "no backup passphrase set: nightly backups cannot seal the secrets", fix_first
    status = retention.read_status(config)
    archives = retention.list_archives(retention.backup_dir(config))
    if status and not status.get("ok"):
        return ("warn", f"the last nightly backup failed ({status.get('at')}): {status.get('error')}",
                "fix the cause, then `dentalcall backup nightly`")
    if not archives:
        return ("warn", f"no backup yet in {retention.backup_dir(config)}",
                "dentalcall backup (the timer runs it nightly)")
    newest = retention.created_at(archives[0])
    age = dt.datetime.now() - newest if newest else None
    if age is None or age > BACKUP_MAX_AGE:
        return ("warn", f"newest backup {archives[0].name} is {age.days if age else '?'} day(s) old",
                "is the nightly timer running? `systemctl status dentalcall-backup.timer` (or cron); "
                "`dentalcall backup nightly`")
    copied = bool(config.backup_copy_to and status and status.get("copied_to"))
    copy = f", copied to {config.backup_copy_to}" if copied else ""
    return "ok", f"newest backup {archives[0].name} ({len(archives)} kept{copy})", ""


def alerts_check(config: Any) -> Result:
    from appliance.data import crm
    from appliance.ops import alerts

    try:
        if crm.database.obj is None:
            crm.open_for(config)
        rows = alerts.open_alerts()
    except Exception as exc:  # a CRM that cannot be read is the database check's failure; say it here too
        return "warn", f"health alerts unknown: the CRM cannot be read ({exc})", "see the database check"
    if not rows:
        return "ok", "no open health alerts", ""
    text = "; ".join(f"{a.kind}: {a.message}" for a in rows[:3])
    return ("warn", f"{len(rows)} open alert(s): {text}"[:600],
            "fix the cause (each message says what); they close by themselves once it is right, or "
            "`dentalcall ops alerts --resolve KIND`")
