"""``dentalcall backup verify``: is this archive a complete, readable backup that restores?

Everything is checked without touching the live appliance: every member's checksum against the manifest,
the CRM copy (SQLite ``integrity_check`` and row counts; ``pg_restore --list``; a complete SQL dump), the
sealed secrets (opened with the passphrase, when one is known here) and the number of prompt files.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from pathlib import Path
from typing import Any

from appliance.ops.backup import crm_dump, secret_box
from appliance.ops.backup.archive import extract_verified
from appliance.ops.backup.crm_dump import BackupError


@dataclasses.dataclass
class VerifyReport:
    archive: Path
    manifest: dict[str, Any]
    lines: list[str]


def verify_archive(config: Any, archive: Path, passphrase: str | None = None,
                   work_dir: Path | None = None) -> VerifyReport:
    """Raise ``BackupError`` naming the problem, else return what was checked."""
    archive = Path(archive)
    work = Path(tempfile.mkdtemp(prefix=".verify-", dir=work_dir or archive.parent))
    try:
        manifest = extract_verified(archive, work)
        lines = [f"archive: {len(manifest['files'])} files, checksums match the manifest"]
        crm = manifest["crm"]
        lines.append("crm: " + crm_dump.check_dump(crm["kind"], work / crm["member"], crm["counts"]))
        if manifest.get("crm_only"):
            lines.append("crm only (a pre-upgrade copy): no configuration, secrets or prompts in it")
            return VerifyReport(archive, manifest, lines)
        missing = [rel for rel in manifest.get("config", []) if not (work / "config" / rel).is_file()]
        if missing:
            raise BackupError(f"configuration files missing from the archive: {missing}")
        lines.append(f"config: {len(manifest.get('config', []))} files")
        prompts = sum(1 for p in (work / "prompts").rglob("*") if p.is_file()) if (work / "prompts").is_dir() else 0
        if prompts != int(manifest.get("prompts", 0)):
            raise BackupError(f"prompt files: {prompts} in the archive, {manifest.get('prompts')} in the manifest")
        lines.append(f"prompts: {prompts} files")
        lines.append("secrets: " + _check_secrets(config, work, manifest, passphrase))
        return VerifyReport(archive, manifest, lines)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _check_secrets(config: Any, work: Path, manifest: dict[str, Any], passphrase: str | None) -> str:
    params = manifest.get("secrets")
    if not params:
        raise BackupError("the archive has no sealed secrets")
    passphrase = passphrase or secret_box.stored_passphrase(config)
    if not passphrase:
        return f"{len(params.get('files', []))} files sealed (not opened: no passphrase on this machine)"
    files = secret_box.unseal((work / "secrets.fernet").read_bytes(), params, passphrase)
    if sorted(files) != sorted(params.get("files", [])):
        raise BackupError(f"sealed secrets hold {sorted(files)}, the manifest lists {params.get('files')}")
    return f"{len(files)} files sealed, opened with the passphrase"
