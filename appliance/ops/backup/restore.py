"""``dentalcall restore ARCHIVE``: put a backup back, typically onto a freshly installed machine.

Order matters, so that a problem stops it before anything changed: the archive is extracted and checked,
the secrets are opened with the passphrase, the engine must be stopped, the target CRM must be empty (or
``replace`` given). Then: configuration and secrets, clinic facts, the CRM (row counts compared with the
manifest, then migrated forward if the backup is older), the prompt packs, and Asterisk's configuration
rendered again (trunks, extensions and the AMI secret come from the backup).

Machine-specific settings of the new machine (Asterisk mode and rootfs, caches, models) are kept.
"""

from __future__ import annotations

import configparser
import contextlib
import dataclasses
import datetime as dt
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from appliance.ops import engine_process
from appliance.ops.backup import crm_dump, secret_box
from appliance.ops.backup.archive import extract_verified
from appliance.ops.backup.crm_dump import BackupError

_LOGGER = logging.getLogger(__name__)

MACHINE_SETTINGS = ("home", "asterisk_mode", "asterisk_root", "cache_dir", "models_root", "shared_dir")


@dataclasses.dataclass
class RestoreReport:
    archive: Path
    crm_url: str
    counts: dict[str, int]
    config_files: list[str]
    secret_files: list[str]
    prompt_files: int
    lines: list[str]


def restore_archive(config: Any, archive: Path, *, passphrase: str | None, replace: bool = False,
                    crm_url: str | None = None) -> RestoreReport:
    archive = Path(archive).resolve()
    pid = engine_process.engine_pid(config)
    if pid is not None:
        raise BackupError(f"the engine is running (pid {pid}): stop it first (systemctl stop dentalcall), "
                          "restore, then start it again")
    data_dir = Path(config.data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    try:
        manifest = extract_verified(archive, work)
        crm_only = bool(manifest.get("crm_only"))
        secrets: dict[str, bytes] = {}
        if not crm_only:
            if not passphrase:
                raise BackupError("this backup's secrets need the backup passphrase: --passphrase-file FILE, "
                                  "or DENTALCALL_BACKUP_PASSPHRASE, or type it when asked")
            secrets = secret_box.unseal((work / "secrets.fernet").read_bytes(), manifest["secrets"], passphrase)
        restored_ini = _merged_ini(config, work / "config" / "dentalcall.ini") if not crm_only else None
        target_url = crm_url or _crm_url_from(restored_ini) or config.crm_url
        _check_target_empty(target_url, replace)
        lines: list[str] = []
        config_files: list[str] = []
        if not crm_only:
            config_files = _restore_config(config, work / "config", restored_ini, secrets)
            lines.append(f"config: {len(config_files)} files, secrets: {len(secrets)} files")
            clinic = _restore_clinic(config, work / "clinic" / "clinic.toml", restored_ini)
            if clinic:
                lines.append(f"clinic facts: {clinic}")
        crm = manifest["crm"]
        kept = _keep_old_sqlite(target_url) if replace else None
        crm_dump.load(target_url, crm["kind"], work / crm["member"])
        counts = crm_dump.live_counts(target_url)
        wrong = {t: (n, counts.get(t)) for t, n in crm["counts"].items()
                 if crm.get("counts_exact", True) and counts.get(t) != n}
        if wrong:
            raise BackupError(f"restored CRM row counts differ from the backup: {wrong}")
        lines.append(f"crm: {sum(crm['counts'].values())} rows in {len(crm['counts'])} tables"
                     + (f" (the replaced CRM is kept as {kept})" if kept else ""))
        fresh = _reloaded_settings(config, crm_url)
        _open_and_log(fresh, archive)
        lines.append(_render_asterisk(fresh))  # also gives the spool folders their owners
        prompts = 0 if crm_only else _restore_prompts(fresh, work / "prompts")
        if not crm_only:
            lines.append(f"prompts: {prompts} files")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return RestoreReport(archive, target_url, counts, config_files, sorted(secrets), prompts, lines)


def _reloaded_settings(config: Any, crm_url: str | None) -> Any:
    """Settings as restored (this machine's overrides kept)."""
    from appliance import settings

    overrides: dict[str, Any] = {"home": config.home} if config.home else {}
    if crm_url:
        overrides["crm_db"] = crm_url
    return settings.load(overrides=overrides or None)


# --- checks --------------------------------------------------------------------------------------------------
def _merged_ini(config: Any, staged: Path) -> configparser.ConfigParser:
    """The backup's settings, with this machine's machine-specific ones."""
    parser = configparser.ConfigParser(interpolation=None)
    if staged.is_file():
        parser.read(staged, encoding="utf-8")
    if not parser.has_section("dentalcall"):
        parser.add_section("dentalcall")
    current = configparser.ConfigParser(interpolation=None)
    if Path(config.config_file).is_file():
        current.read(config.config_file, encoding="utf-8")
    for key in MACHINE_SETTINGS:
        parser.remove_option("dentalcall", key)
        if current.has_option("dentalcall", key):
            parser.set("dentalcall", key, current.get("dentalcall", key))
    return parser


def _crm_url_from(parser: configparser.ConfigParser | None) -> str | None:
    if parser is None:
        return None
    value = parser.get("dentalcall", "crm_db", fallback="").strip()
    return value or None


def _check_target_empty(url: str, replace: bool) -> None:
    if replace:
        return
    try:
        counts = crm_dump.live_counts(url) if _exists(url) else {}
    except Exception as exc:
        raise BackupError(f"cannot read the CRM at {url.split('@')[-1]} ({exc}): create the database first") from None
    if counts.get("call", 0) or counts.get("opt_out", 0):
        raise BackupError(f"the CRM already holds {counts.get('call', 0)} calls and {counts.get('opt_out', 0)} "
                          "opt-outs: restoring would replace them. Add --replace if that is what you want "
                          "(an SQLite CRM is kept beside it)")


def _exists(url: str) -> bool:
    return crm_dump.kind_of(url) != "sqlite" or crm_dump.sqlite_path(url).exists()


def _keep_old_sqlite(url: str) -> Path | None:
    if crm_dump.kind_of(url) != "sqlite" or not crm_dump.sqlite_path(url).exists():
        return None
    import sqlite3

    path = crm_dump.sqlite_path(url)
    kept = path.with_name(f"{path.name}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}")
    src, dst = sqlite3.connect(path), sqlite3.connect(kept)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.chmod(kept, 0o600)
    return kept


# --- putting things back ---------------------------------------------------------------------------------
def _owner(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_uid, st.st_gid


def _write(target: Path, data: bytes, mode: int, owner: tuple[int, int] | None) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.restore")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(tmp, mode)
    if owner is not None and os.geteuid() == 0:
        os.chown(tmp, *owner)
    os.replace(tmp, target)


def _restore_config(config: Any, staged: Path, ini: configparser.ConfigParser | None,
                    secrets: dict[str, bytes]) -> list[str]:
    root = Path(config.config_dir)
    root.mkdir(parents=True, exist_ok=True)
    plain_owner = _owner(root)
    engine_owner = _owner(Path(config.data_dir))  # secrets belong to the engine's user (install.sh does the same)
    written = []
    for path in sorted(staged.rglob("*")) if staged.is_dir() else []:
        if path.is_file():
            rel = path.relative_to(staged).as_posix()
            data = path.read_bytes()
            if rel == "dentalcall.ini" and ini is not None:
                data = _ini_text(ini).encode("utf-8")
            _write(root / rel, data, 0o640, plain_owner)
            written.append(rel)
    for name, data in secrets.items():
        _write(root / name, data, 0o600, engine_owner)
    return written


def _ini_text(parser: configparser.ConfigParser) -> str:
    import io

    buf = io.StringIO()
    parser.write(buf)
    return buf.getvalue()


def _restore_clinic(config: Any, staged: Path, ini: configparser.ConfigParser | None) -> str:
    if not staged.is_file():
        return ""
    target = (ini.get("dentalcall", "clinic_file", fallback="") if ini is not None else "") or config.clinic_file
    target_path = Path(target) if target else Path(config.config_dir) / "clinic.toml"
    _write(target_path, staged.read_bytes(), 0o640, _owner(Path(config.config_dir)))
    return str(target_path)


def _restore_prompts(config: Any, staged: Path) -> int:
    """Replace each pack folder of the backup as a whole (packs not in the backup stay)."""
    if not staged.is_dir():
        return 0
    root = Path(config.prompts_dir)
    root.mkdir(parents=True, exist_ok=True)
    owner = _owner(root)
    count = 0
    for pack in sorted(p for p in staged.iterdir()):
        if pack.is_file():
            _write(root / pack.name, pack.read_bytes(), 0o660, owner)
            count += 1
            continue
        incoming = root / f".{pack.name}.restore"
        shutil.rmtree(incoming, ignore_errors=True)
        for path in sorted(pack.rglob("*")):
            target = incoming / path.relative_to(pack)
            if path.is_dir():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            os.chmod(target, 0o660)
            count += 1
        for folder in [incoming, *[d for d in incoming.rglob("*") if d.is_dir()]]:
            os.chmod(folder, 0o2770)
        if os.geteuid() == 0:
            for path in [incoming, *incoming.rglob("*")]:
                os.chown(path, *owner)
        old = root / f".{pack.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        if (root / pack.name).exists():
            os.replace(root / pack.name, old)
        os.replace(incoming, root / pack.name)
        shutil.rmtree(old, ignore_errors=True)
    return count


def _open_and_log(config: Any, archive: Path) -> None:
    """Open the restored CRM (migrations bring an older backup forward) and log the restore."""
    from appliance.data import access_log, crm

    crm.open_for(config)
    with contextlib.suppress(Exception):
        access_log.record("backup.restore", subject=archive.name[:128], reason="restore from backup")


def _render_asterisk(config: Any) -> str:
    if os.geteuid() != 0:
        return "asterisk: run `dentalcall asterisk config` as root to apply the restored trunks and extensions"
    try:
        from appliance.telephony.asterisk import Asterisk

        Asterisk(config).reload()
        return "asterisk: configuration rendered from the restored trunks, extensions and secrets"
    except Exception as exc:
        return f"asterisk: not rendered ({exc}); run `dentalcall asterisk config`"
