"""`dentalcall tts say` and `dentalcall prompts …` through click's CliRunner."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from click.testing import CliRunner

from appliance.cli import cli
from appliance.speech import audio

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()
    from tests.plugins.engine import installed_models_root

    env = {"DENTALCALL_HOME": str(tmp_path / "home"), "DENTALCALL_CONFIG": str(tmp_path / "none.ini"),
           "DENTALCALL_MODELS_ROOT": str(installed_models_root() or tmp_path / "no-models")}

    def invoke(*args):
        return runner.invoke(cli, list(args), env=env, catch_exceptions=False)

    return invoke


def test_tts_say_writes_8k_wav_from_fragments(run, tmp_path):
    assert run("prompts", "build-placeholder").exit_code == 0
    out = tmp_path / "out.wav"
    result = run("tts", "say", "12월 3일 오후 3시 반", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "layer: fragments" in result.output
    info = audio.wav_info(out)
    assert (info["rate"], info["channels"], info["width"]) == (8000, 1, 2) and info["seconds"] > 1.0


def test_tts_say_key_and_rate(run, tmp_path):
    run("prompts", "build-placeholder")
    out = tmp_path / "g.wav"
    result = run("tts", "say", "greeting", "-o", str(out), "--rate", "16000")
    assert result.exit_code == 0 and "layer: prompt" in result.output
    assert audio.wav_info(out)["rate"] == 16000


def test_tts_say_fails_clearly_without_a_voice(run, tmp_path):
    out = tmp_path / "x.wav"
    result = CliRunner().invoke(cli, ["tts", "say", "김민수 님 맞으세요?", "-o", str(out)],
                                env={"DENTALCALL_HOME": str(tmp_path / "empty")})
    assert result.exit_code != 0
    assert "no voice can say" in result.output and not out.exists()


def test_prompts_list_status_and_export(run, tmp_path):
    listed = run("prompts", "list")
    assert listed.exit_code == 0
    assert "greeting" in listed.output and "missing" in listed.output
    run("prompts", "build-placeholder")
    status = run("prompts", "status")
    assert status.exit_code == 0 and "recorded         0" in status.output and "placeholder" in status.output
    assert "prompts script" in status.output  # names the fix
    as_json = json.loads(run("prompts", "status", "--json").output)
    assert as_json["placeholder"] == as_json["total"] > 100 and as_json["recorded"] == 0
    placeholder = [line for line in run("prompts", "list").output.splitlines() if " goodbye " in line]
    assert "placeholder" in placeholder[0]
    exp = run("prompts", "export", str(tmp_path / "exp"))
    assert exp.exit_code == 0 and "exported" in exp.output


def test_prompts_record_a_tone_is_refused_not_kept(run, tmp_path):
    from tests.plugins.engine import installed_models_root

    if installed_models_root() is None:
        pytest.skip("Whisper not installed")
    wav = tmp_path / "rec.wav"
    tone = 0.3 * np.sin(2 * np.pi * 300 * np.arange(16000) / 8000)
    audio.write_wav(wav, audio.float_to_pcm(tone))
    result = run("prompts", "record", "goodbye", str(wav))
    assert result.exit_code == 1 and "refused" in result.output and "이유:" in result.output
    assert run("prompts", "record", "nope", str(wav)).exit_code != 0


def test_prompts_pin_is_digits_and_secret(run, tmp_path):
    first = run("prompts", "pin")
    pin = first.output.split(":")[1].split()[0]
    assert first.exit_code == 0 and pin.isdigit() and len(pin) == 6
    assert run("prompts", "pin").output == first.output  # stable until changed
    assert run("prompts", "pin", "--set", "12ab").exit_code != 0
    assert "4321" in run("prompts", "pin", "--set", "4321").output
    secrets = tmp_path / "home" / "etc" / "secrets.ini"
    found = list((tmp_path / "home").rglob("secrets.ini"))
    assert found and found[0].stat().st_mode & 0o777 == 0o600, secrets
