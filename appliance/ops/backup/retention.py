"""Where backups live and how long: listing, keeping ``backup_keep_days`` (never fewer than the newest
``KEEP_MIN``), and the copy to a mounted NAS or USB folder (``backup_copy_to``)."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

from appliance.ops.backup.archive import SUFFIX, sidecar
from appliance.ops.backup.crm_dump import BackupError

KEEP_MIN = 3
STATUS_FILE = "last-run.json"
_NAME = re.compile(r"^dentalcall-(\d{8}-\d{6})(?:-[a-z0-9-]+)?" + re.escape(SUFFIX) + "$")


def backup_dir(config: Any) -> Path:
    if config.backup_dir:
        return Path(config.backup_dir)
    return Path(config.home) / "backups" if config.home else Path("/var/backups/dentalcall")


def prepare_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # backups hold health data and the CRM: root only
    return folder


def archive_name(now: dt.datetime, label: str = "") -> str:
    label = re.sub(r"[^a-z0-9-]", "-", label.lower()).strip("-")
    return f"dentalcall-{now:%Y%m%d-%H%M%S}{'-' + label if label else ''}{SUFFIX}"


def created_at(path: Path) -> dt.datetime | None:
    match = _NAME.match(path.name)
    return dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None


def list_archives(folder: Path) -> list[Path]:
    """Complete archives in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and created_at(p) is not None]
    return sorted(found, key=lambda p: created_at(p) or dt.datetime.min, reverse=True)


def prune(folder: Path, keep_days: int, now: dt.datetime | None = None, keep_min: int = KEEP_MIN) -> list[Path]:
    """Delete archives older than ``keep_days``, always keeping the newest ``keep_min``; returns the deleted."""
    if keep_days <= 0:
        return []
    now = now or dt.datetime.now()
    cutoff = now - dt.timedelta(days=keep_days)
    removed = []
    for path in list_archives(folder)[keep_min:]:
        if (created_at(path) or now) < cutoff:
            path.unlink(missing_ok=True)
            sidecar(path).unlink(missing_ok=True)
            removed.append(path)
    for stale in folder.glob("*.partial") if folder.is_dir() else []:
        stale.unlink(missing_ok=True)  # an interrupted backup
    return removed


def check_mounted(dest: Path, local: Path) -> None:
    """The copy target must be a mounted filesystem other than the local backups' (an unplugged USB disk
    leaves an empty mount point: copying there would fill the local disk and protect nothing)."""
    if not dest.is_dir():
        raise BackupError(f"backup_copy_to {dest} does not exist: is the NAS/USB disk mounted?")
    if dest.stat().st_dev == local.stat().st_dev:
        raise BackupError(f"backup_copy_to {dest} is on the same disk as {local}: the NAS/USB disk is not "
                          "mounted there (mount it, or clear backup_copy_to)")


def copy_to(archive: Path, dest: Path) -> Path:
    """Copy an archive (and its manifest copy) into ``dest``, atomically; returns the copy."""
    check_mounted(dest, archive.parent)
    target = dest / archive.name
    tmp = dest / (archive.name + ".partial")
    try:
        with open(archive, "rb") as src, open(tmp, "wb") as out:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"copy to {dest} failed: {exc}") from None
    if sidecar(archive).exists():
        shutil.copyfile(sidecar(archive), sidecar(target))
        os.chmod(sidecar(target), 0o600)
    if os.path.getsize(target) != os.path.getsize(archive):
        raise BackupError(f"copy to {dest} is incomplete")
    return target


def write_status(config: Any, status: dict[str, Any]) -> None:
    folder = prepare_dir(backup_dir(config))
    tmp = folder / f".{STATUS_FILE}.tmp"
    tmp.write_text(json.dumps(status, ensure_ascii=False, indent=1))
    os.chmod(tmp, 0o600)
    os.replace(tmp, folder / STATUS_FILE)


def read_status(config: Any) -> dict[str, Any] | None:
    try:
        return json.loads((backup_dir(config) / STATUS_FILE).read_text())
    except (OSError, ValueError):
        return None
