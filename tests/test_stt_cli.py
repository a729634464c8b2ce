"""`dentalcall stt transcribe` and `dentalcall models` contracts through click's CliRunner."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from tests import shared_data

CLIPS = shared_data.SPEECH_KO
KEYS = {"file", "text", "avg_logprob", "no_speech_prob", "audio_seconds", "decode_seconds", "engine"}


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    from appliance.speech.models import install_defaults

    home = tmp_path_factory.mktemp("cli-home")
    install_defaults(settings.load(overrides={"home": str(home)}), names=["whisper-base"])
    return home


@pytest.mark.skipif(not (CLIPS / "transcripts.tsv").exists(), reason=shared_data.MISSING)
def test_transcribe_prints_one_json_line_per_file(home, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(home))
    files = [str(CLIPS / "ko_rhino_light_blue_8k_ulaw.wav"), str(CLIPS / "ko_rhino_out_of_context_16k.wav")]
    result = CliRunner().invoke(cli, ["stt", "transcribe", *files])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert all(set(line) == KEYS and line["engine"] == "whisper" for line in lines)
    assert lines[0]["file"] == files[0] and "파란색" in lines[0]["text"]
    assert "커피" in lines[1]["text"]


def test_transcribe_without_models_says_how_to_install(tmp_path, monkeypatch):
    import numpy as np

    from appliance.speech.stt.audio import read_audio

    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path / "empty"))
    wav = tmp_path / "tone.wav"
    import wave

    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(np.zeros(800, dtype="<i2").tobytes())
    assert read_audio(wav)[1] == 8000
    result = CliRunner().invoke(cli, ["stt", "transcribe", str(wav)])
    assert result.exit_code == 1 and "models install" in result.output


def test_models_list_and_verify(home, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(home))
    result = CliRunner().invoke(cli, ["models", "list"])
    assert result.exit_code == 0
    assert any(line.startswith("whisper-base") and "installed" in line for line in result.stdout.splitlines())
    result = CliRunner().invoke(cli, ["models", "verify", "--quick"])
    assert result.exit_code == 0 and "whisper-base: ok" in result.stdout, result.output
    assert "vosk-ko-small" not in result.stdout  # test-only, not a default: not required on a clinic box
    assert CliRunner().invoke(cli, ["models", "install"]).exit_code == 2  # needs PATH or --defaults


def test_models_install_path_cli(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path / "home"))
    model = tmp_path / "clinic-llm.gguf"
    model.write_bytes(b"GGUF" + bytes(64))
    result = CliRunner().invoke(cli, ["models", "install", str(model)])
    assert result.exit_code == 0, result.output
    assert "clinic-llm: installed (llm/llama-cpp" in result.stdout
    assert (tmp_path / "home" / "var" / "models" / "clinic-llm" / "clinic-llm.gguf").read_bytes() == model.read_bytes()
    result = CliRunner().invoke(cli, ["models", "install", str(tmp_path)])  # holds the models folder itself
    assert result.exit_code == 1 and "overlaps the models folder" in result.output
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "notes.txt").write_text("hello")
    result = CliRunner().invoke(cli, ["models", "install", str(junk)])
    assert result.exit_code == 1 and "cannot tell what model" in result.output


def test_models_verify_names_a_missing_default(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path / "bare"))
    result = CliRunner().invoke(cli, ["models", "verify", "--quick"])
    assert result.exit_code == 1 and "whisper-base: not installed" in result.stdout, result.output
