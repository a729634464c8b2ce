"""The backup archive: a tar stream compressed by ``zstd``, one file, mode 0600.

Members are written as they are read (each hashed on the way), and ``manifest.json`` comes last with every
member's SHA-256 and size, the CRM's row counts and the KDF parameters of the sealed secrets. Reading
extracts into a folder and checks every member against the manifest: a truncated, altered or incomplete
archive is an error, never a partial restore. An archive is written as ``NAME.partial`` and renamed when
complete and synced, so a crash or a full disk never leaves something that looks like a backup.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path, PurePosixPath
from typing import IO, Any, BinaryIO

from appliance.ops.backup.crm_dump import BackupError

FORMAT = "dentalcall-backup"
FORMAT_VERSION = 1
SUFFIX = ".tar.zst"
MANIFEST = "manifest.json"
CHUNK = 1 << 20


def _zstd() -> str:
    path = shutil.which("zstd")
    if not path:
        raise BackupError("zstd is not installed: apt-get install zstd (install.sh installs it)")
    return path


class _Hashing(io.RawIOBase):
    """A reader that hashes what passes through it."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self.sha = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        self.sha.update(data)
        return data


class ArchiveWriter:
    def __init__(self, path: Path, level: int = 3):
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".partial")
        fd = os.open(self.tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self.out = os.fdopen(fd, "wb")
        self.proc = subprocess.Popen([_zstd(), "-q", f"-{level}", "-T0", "-c"], stdin=subprocess.PIPE,
                                     stdout=self.out)
        assert self.proc.stdin is not None  # stdin=PIPE
        self.stdin: IO[bytes] = self.proc.stdin
        self.tar = tarfile.open(fileobj=self.stdin, mode="w|", format=tarfile.PAX_FORMAT)
        self.files: dict[str, dict[str, Any]] = {}

    def add_bytes(self, name: str, data: bytes) -> None:
        self._add(name, len(data), io.BytesIO(data))

    def add_file(self, name: str, source: Path) -> None:
        with open(source, "rb") as fh:
            self._add(name, os.fstat(fh.fileno()).st_size, fh)

    def _add(self, name: str, size: int, fh: BinaryIO) -> None:
        if name in self.files or name == MANIFEST:
            raise BackupError(f"duplicate archive member {name}")
        info = tarfile.TarInfo(name)
        info.size, info.mode = size, 0o600
        reader = _Hashing(fh)
        self.tar.addfile(info, reader)
        self.files[name] = {"sha256": reader.sha.hexdigest(), "size": size}

    def finish(self, manifest: dict[str, Any]) -> Path:
        """Write the manifest, close, sync and rename; returns the archive path."""
        manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest, "files": self.files}
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode = len(data), 0o600
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        self.stdin.close()
        if self.proc.wait() != 0:
            self.abort()
            raise BackupError("zstd failed while writing the backup (disk full?)")
        self.out.flush()
        os.fsync(self.out.fileno())
        self.out.close()
        os.replace(self.tmp, self.path)
        _fsync_dir(self.path.parent)
        return self.path

    def abort(self) -> None:
        for closer in (self.tar.close, self.stdin.close):
            try:
                closer()
            except Exception:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.out.close()
        self.tmp.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts and "\\" not in name


def extract_verified(archive: Path, dest: Path) -> dict[str, Any]:
    """Extract ``archive`` into ``dest`` and check every member against the manifest; returns the manifest."""
    if not Path(archive).is_file():
        raise BackupError(f"{archive}: no such backup file")
    proc = subprocess.Popen([_zstd(), "-q", "-d", "-c", str(archive)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    stdout, stderr = proc.stdout, proc.stderr
    assert stdout is not None and stderr is not None  # both PIPE
    hashes: dict[str, dict[str, Any]] = {}
    manifest: dict[str, Any] | None = None
    try:
        with tarfile.open(fileobj=stdout, mode="r|") as tar:
            for member in tar:
                fh = tar.extractfile(member) if member.isfile() and _safe_name(member.name) else None
                if fh is None:
                    raise BackupError(f"{archive}: unexpected member {member.name!r}: not a DentalCall backup")
                if member.name == MANIFEST:
                    manifest = json.loads(fh.read())
                    continue
                target = dest / member.name
                target.parent.mkdir(parents=True, exist_ok=True)
                sha = hashlib.sha256()
                with open(target, "wb") as out:
                    while chunk := fh.read(CHUNK):
                        sha.update(chunk)
                        out.write(chunk)
                os.chmod(target, 0o600)
                hashes[member.name] = {"sha256": sha.hexdigest(), "size": member.size}
    except (tarfile.TarError, EOFError, ValueError) as exc:
        raise BackupError(f"{archive}: cannot read the archive ({exc}): truncated or not a backup") from None
    finally:
        stdout.close()
        err = stderr.read().decode(errors="replace").strip()
        stderr.close()
        code = proc.wait()
    if code != 0:
        raise BackupError(f"{archive}: zstd cannot decompress it ({err[-200:]}): the file is damaged")
    if manifest is None or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive}: no manifest: truncated, or not a DentalCall backup")
    if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
        raise BackupError(f"{archive}: made by a newer DentalCall (format {manifest['format_version']}); upgrade first")
    expected = manifest.get("files", {})
    bad = sorted(n for n, info in expected.items() if hashes.get(n, {}).get("sha256") != info.get("sha256"))
    extra = sorted(set(hashes) - set(expected))
    if bad or extra:
        raise BackupError(f"{archive}: checksum mismatch for {bad or extra}: the backup is damaged")
    return manifest


def read_sidecar(archive: Path) -> dict[str, Any] | None:
    """The manifest copy written beside an archive (for listing without decompressing)."""
    try:
        return json.loads(sidecar(archive).read_text())
    except (OSError, ValueError):
        return None


def sidecar(archive: Path) -> Path:
    return archive.with_name(archive.name[: -len(SUFFIX)] + ".json") if archive.name.endswith(SUFFIX) \
        else archive.with_name(archive.name + ".json")
