"""Making a backup: the CRM (online), the configuration, the secrets (sealed with the backup passphrase),
the prompt packs (the clinic's recorded voice) and the clinic facts — into one archive.

``nightly`` is what the timer runs: back up, verify the archive just written, copy it to the NAS/USB folder,
prune old ones; any failure raises the ``backup_failed`` alert (cleared by the next good run).
Not in a backup: call recordings and voicemail (they run on their own retention clock and are large), the
speech models (reinstalled by ``install.sh``) and the Asterisk rootfs (a cache).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import shutil
import socket
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from appliance.ops.backup import crm_dump, retention, secret_box
from appliance.ops.backup.archive import ArchiveWriter, sidecar
from appliance.ops.backup.crm_dump import BackupError

_LOGGER = logging.getLogger(__name__)


@dataclasses.dataclass
class BackupResult:
    path: Path
    size: int
    seconds: float
    manifest: dict[str, Any]
    copied_to: Path | None = None
    pruned: list[Path] = dataclasses.field(default_factory=list)


def masked_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.password:
        parsed = parsed._replace(netloc=parsed.netloc.replace(f":{parsed.password}@", ":***@"))
    return parsed.geturl()


def clinic_file_outside(config: Any) -> Path | None:
    """The clinic facts file when it is not inside the config folder (then it is saved separately)."""
    path = Path(config.clinic_file) if config.clinic_file else None
    if path is None or not path.is_file():
        return None
    try:
        path.resolve().relative_to(Path(config.config_dir).resolve())
        return None
    except ValueError:
        return path


def config_files(config: Any) -> tuple[list[tuple[str, Path]], dict[str, bytes]]:
    """(plain files as (relative name, path), secret files as {name: content}) of the config folder."""
    root = Path(config.config_dir)
    plain: list[tuple[str, Path]] = []
    sealed: dict[str, bytes] = {}
    if not root.is_dir():
        return plain, sealed
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        if secret_box.is_secret(path):
            if "/" in rel:
                raise BackupError(f"{path}: a secret file below the config folder's top level is not supported")
            sealed[rel] = path.read_bytes()
        else:
            plain.append((rel, path))
    return plain, sealed


def prompt_files(config: Any) -> list[tuple[str, Path]]:
    root = Path(config.prompts_dir)
    if not root.is_dir():
        return []
    return [(path.relative_to(root).as_posix(), path) for path in sorted(root.rglob("*"))
            if path.is_file() and not any(p.startswith(".") for p in path.relative_to(root).parts)]


def create_backup(config: Any, to: Path | None = None, *, label: str = "", crm_only: bool = False,
                  passphrase: str | None = None, now: dt.datetime | None = None) -> BackupResult:
    """Write one archive into ``to`` (default: the backup folder); see the module docstring."""
    from appliance import __version__

    t0 = time.monotonic()
    now = now or dt.datetime.now()
    folder = retention.prepare_dir(Path(to) if to else retention.backup_dir(config))
    passphrase = passphrase or secret_box.stored_passphrase(config)
    if not crm_only and not passphrase:
        raise BackupError("no backup passphrase yet: run `dentalcall backup passphrase --generate` and write "
                          "the printed passphrase down (a restore on a new machine needs it)")
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder))
    writer = ArchiveWriter(folder / retention.archive_name(now, label))
    try:
        kind = crm_dump.kind_of(config.crm_url)
        snap = staging / "crm"
        crm_info = crm_dump.snapshot(config.crm_url, snap)
        writer.add_file(crm_dump.member_name(kind), snap)
        snap.unlink()
        manifest: dict[str, Any] = {
            "created_at": now.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
            "host": socket.gethostname(), "app_version": __version__, "label": label, "crm_only": crm_only,
            "crm": {**crm_info, "member": crm_dump.member_name(kind), "url": masked_url(config.crm_url),
                    "schema_versions": _schema_versions(crm_info["counts"], config.crm_url)},
            "settings": {"prompt_pack": config.prompt_pack, "clinic_file": config.clinic_file},
            "secrets": None, "prompts": 0, "config": [],
        }
        if not crm_only:
            plain, sealed = config_files(config)
            for rel, path in plain:
                writer.add_file(f"config/{rel}", path)
            manifest["config"] = [rel for rel, _ in plain]
            outside = clinic_file_outside(config)
            if outside is not None:
                writer.add_file("clinic/clinic.toml", outside)
            token, params = secret_box.seal(sealed, passphrase or "")
            writer.add_bytes("secrets.fernet", token)
            manifest["secrets"] = params
            prompts = prompt_files(config)
            for rel, path in prompts:
                writer.add_file(f"prompts/{rel}", path)
            manifest["prompts"] = len(prompts)
        path = writer.finish(manifest)
    except BaseException:
        writer.abort()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    full = {**manifest, "files": writer.files}
    side = sidecar(path)
    side.write_text(json.dumps(full, ensure_ascii=False, indent=1, sort_keys=True))
    os.chmod(side, 0o600)
    _access_logged(path, crm_info["counts"])
    result = BackupResult(path, path.stat().st_size, time.monotonic() - t0, full)
    _LOGGER.info("backup written: %s (%d bytes, %.1f s)", path.name, result.size, result.seconds)
    return result


def _schema_versions(counts: dict[str, int], url: str) -> list[int]:
    if "schema_version" not in counts:
        return []
    try:
        from appliance.data import crm, migrations

        if crm.database.obj is None:
            crm.open_database(url)
        return sorted(migrations.applied_versions(crm.database.obj))
    except Exception as exc:
        _LOGGER.warning("backup: schema versions unknown (%s)", exc)
        return []


def _access_logged(path: Path, counts: dict[str, int]) -> None:
    """A backup copies every patient's data: the access log says who made it."""
    try:
        from appliance.data import access_log

        access_log.record("backup.create", subject=path.name[:128], count=int(counts.get("call", 0)),
                          reason="backup")
    except Exception as exc:
        _LOGGER.warning("backup: access log not written (%s)", exc)


def nightly(config: Any) -> BackupResult:
    """The timer's job (see module docstring); raises after alerting on failure."""
    from appliance.ops.alerts import raise_alert, resolve_alert
    from appliance.ops.backup.verify import verify_archive

    started = dt.datetime.now(dt.timezone.utc)
    try:
        result = create_backup(config, label="")
        verify_archive(config, result.path)
        dest = config.backup_copy_to
        if dest:
            result.copied_to = retention.copy_to(result.path, Path(dest))
            retention.prune(Path(dest), int(config.backup_keep_days))
        result.pruned = retention.prune(result.path.parent, int(config.backup_keep_days))
    except Exception as exc:
        message = f"nightly backup failed: {exc}"
        retention.write_status(config, {"at": started.isoformat(timespec="seconds"), "ok": False, "error": str(exc)})
        raise_alert("backup_failed", message[:1000], config=config)
        raise
    retention.write_status(config, {"at": started.isoformat(timespec="seconds"), "ok": True,
                                    "archive": str(result.path), "size": result.size,
                                    "seconds": round(result.seconds, 1),
                                    "copied_to": str(result.copied_to) if result.copied_to else None})
    resolve_alert("backup_failed", config=config)
    return result
