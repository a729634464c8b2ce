"""`dentalcall tts say` and `dentalcall prompts …` through click's CliRunner."""

from __future__ import annotations

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
    env = {"DENTALCALL_HOME": str(tmp_path / "home"), "DENTALCALL_CONFIG": str(tmp_path / "none.ini")}

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


def test_prompts_list_record_export_import(run, tmp_path):
    listed = run("prompts", "list")
    assert listed.exit_code == 0
    assert "greeting" in listed.output and "missing" in listed.output
    wav = tmp_path / "rec.wav"
    tone = 0.3 * np.sin(2 * np.pi * 300 * np.arange(8000) / 8000)
    audio.write_wav(wav, audio.float_to_pcm(tone))
    rec = run("prompts", "record", "goodbye", str(wav))
    assert rec.exit_code == 0 and "goodbye: recorded" in rec.output
    present = [l for l in run("prompts", "list").output.splitlines() if " goodbye " in l]
    assert "present" in present[0]
    assert run("prompts", "record", "nope", str(wav)).exit_code != 0
    exp = run("prompts", "export", str(tmp_path / "exp"))
    assert exp.exit_code == 0 and "exported 1 files" in exp.output
    imp = run("prompts", "import", str(tmp_path / "exp"), "--pack", "other")
    assert imp.exit_code == 0 and "imported 1" in imp.output
