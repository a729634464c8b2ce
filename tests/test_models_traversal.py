"""Issue 11 item 2: `dentalcall models install` must never write, rename or delete outside the models folder,
whatever a manifest inside a model folder or tarball says or --name is given."""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.speech import models


@pytest.fixture
def config(tmp_path):
    return settings.load(overrides={"home": str(tmp_path / "home")}, env={})


def _fragment(folder: Path, path: str, source: str = "weights.bin", name: str = "evil") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "weights.bin").write_bytes(b"weights")
    (folder / "manifest.toml").write_text(f"""
[[model]]
name = "{name}"
kind = "llm"
engine = "llama-cpp"
licence = "x"
[[model.file]]
path = "{path}"
from = ["{source}"]
""", encoding="utf-8")
    return folder


def _untouched(tmp_path: Path, config) -> None:
    """Nothing new outside the models folder, and nothing half-installed inside it."""
    root = Path(config.models_dir)
    outside = [p for p in tmp_path.rglob("*") if p.name in ("escape.txt", "abs.txt")]
    assert outside == []
    if root.exists():
        assert [p.name for p in root.iterdir() if not p.name.startswith(".")] == []
        assert not [p for p in root.iterdir() if p.name.startswith(".tmp-")]


@pytest.mark.parametrize("path", ["../../escape.txt", "../escape.txt", "sub/../../escape.txt"])
def test_manifest_path_with_dotdot_is_refused(config, tmp_path, path):
    with pytest.raises(models.ModelError, match="leaves its folder"):
        models.install_path(config, _fragment(tmp_path / "given", path))
    _untouched(tmp_path, config)


def test_manifest_absolute_path_is_refused(config, tmp_path):
    target = tmp_path / "abs.txt"
    with pytest.raises(models.ModelError, match="leaves its folder"):
        models.install_path(config, _fragment(tmp_path / "given", str(target)))
    assert not target.exists()
    _untouched(tmp_path, config)


def test_manifest_source_outside_the_folder_is_refused(config, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root only")
    with pytest.raises(models.ModelError, match="leaves its folder"):
        models.install_path(config, _fragment(tmp_path / "given", "copy.bin", source="../secret.txt"))
    _untouched(tmp_path, config)


def test_symlink_to_outside_is_refused(config, tmp_path):
    folder = _fragment(tmp_path / "given", "copy.bin", source="link.bin")
    secret = tmp_path / "secret.txt"
    secret.write_text("root only")
    os.symlink(secret, folder / "link.bin")
    with pytest.raises(models.ModelError, match="leaves its folder"):
        models.install_path(config, folder)
    _untouched(tmp_path, config)


def test_malicious_tarball_is_refused(config, tmp_path):
    folder = _fragment(tmp_path / "pack", "../../../escape.txt")
    tarball = tmp_path / "evil.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(folder, arcname="pack")
    with pytest.raises(models.ModelError, match="leaves its folder"):
        models.install_path(config, tarball)
    _untouched(tmp_path, config)


def test_tarball_members_cannot_escape_on_unpack(config, tmp_path):
    import io

    tarball = tmp_path / "members.tar"
    with tarfile.open(tarball, "w") as tar:
        data = b"x"
        info = tarfile.TarInfo("../../escape.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    with pytest.raises((models.ModelError, tarfile.TarError)):
        models.install_path(config, tarball)
    _untouched(tmp_path, config)


@pytest.mark.parametrize("name", ["..", "../outside", "a/b", ".hidden", "/abs", "x/../.."])
def test_bad_names_are_refused_and_nothing_outside_moves(config, tmp_path, name):
    victim = Path(config.models_dir).parent / "outside"
    victim.mkdir(parents=True)
    (victim / "keep.txt").write_text("keep")
    given = tmp_path / "given"
    given.mkdir()
    (given / "tiny.gguf").write_bytes(b"GGUF" + b"\0" * 10)
    with pytest.raises(models.ModelError, match="bad model name"):
        models.install_path(config, given / "tiny.gguf", name=name)
    with pytest.raises(models.ModelError, match="bad model name"):
        models.install_path(config, _fragment(tmp_path / "frag", "w.bin"), name=name)
    assert (victim / "keep.txt").read_text() == "keep"
    assert not (Path(config.models_dir).parent / "tiny.gguf").exists()


def test_manifest_model_name_with_dotdot_is_refused(config, tmp_path):
    with pytest.raises(models.ModelError, match="bad model name"):
        models.install_path(config, _fragment(tmp_path / "given", "w.bin", name=".."))
    _untouched(tmp_path, config)


def test_cli_refuses_traversal_with_a_clear_error(tmp_path):
    folder = _fragment(tmp_path / "given", "../../escape.txt")
    env = {"DENTALCALL_HOME": str(tmp_path / "home"), "DENTALCALL_CONFIG": str(tmp_path / "none.ini")}
    result = CliRunner().invoke(cli, ["models", "install", str(folder)], env=env)
    assert result.exit_code != 0 and "leaves its folder" in result.output
    result = CliRunner().invoke(cli, ["models", "install", str(folder), "--name", "../../x"], env=env)
    assert result.exit_code != 0 and "bad model name" in result.output
    assert not list(tmp_path.rglob("escape.txt"))


def test_a_good_fragment_still_installs(config, tmp_path):
    line = models.install_path(config, _fragment(tmp_path / "given", "sub/w.bin", name="good-model"))[0]
    assert line.startswith("good-model: installed")
    assert (models.model_path(config, "good-model") / "sub" / "w.bin").read_bytes() == b"weights"


def test_a_supertonic_folder_is_checked_for_its_parts(config, tmp_path):
    folder = tmp_path / "supertonic-ko"
    (folder / "onnx").mkdir(parents=True)
    (folder / "onnx" / "tts.json").write_text("{}")
    (folder / "LICENSE").write_text("MIT License\n")
    with pytest.raises(models.ModelError, match="not a complete Supertonic voice"):
        models.install_path(config, folder)
    for name in ("text_encoder", "duration_predictor", "vector_estimator", "vocoder"):
        (folder / "onnx" / f"{name}.onnx").write_bytes(b"not onnx")
    (folder / "onnx" / "unicode_indexer.json").write_text("{}")
    (folder / "voice_styles").mkdir()
    (folder / "voice_styles" / "F1.json").write_text("{}")
    with pytest.raises(models.ModelError, match="not a loadable ONNX model"):
        models.install_path(config, folder)
    _untouched(tmp_path, config)


def test_a_voice_without_a_stated_licence_is_refused(config, tmp_path):
    from tests.test_models_install import korean_test_voice

    voice = korean_test_voice(tmp_path / "v" / "ko.onnx") if (tmp_path / "v").mkdir() is None else None
    (tmp_path / "v" / "MODEL_CARD").unlink()
    with pytest.raises(models.ModelError, match="no licence stated"):
        models.install_path(config, voice)
    line = models.install_path(config, voice, licence="vendor terms v2")[0]
    assert "vendor terms v2" in line and models.installed(config)["ko"]["licence"] == "vendor terms v2"
