"""`dentalcall calls`, `calls show` and `init` through click's runner against a real SQLite CRM."""

from __future__ import annotations

import json

from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.data import crm
from appliance.data.calllog import CallLog


def _seed(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    config = settings.load()
    crm.open_for(config)
    log = CallLog("inbound", uniqueid="1.1", caller="010-1234-5678")
    log.turn("bot", "greeting", t_first_audio=80, meta={"key": "greeting"})
    log.turn("caller", "스케일링 예약하고 싶어요", t_speech_end=9000, t_stt_final=9700)
    log.turn("bot", "callback_promise", t_speech_end=9000, t_stt_final=9700, t_decision=9701, t_first_tts=9702,
             t_first_audio=9750, latency_ms=750)
    log.finish("callback_requested", next_step="hangup")
    crm.database.close()
    return log.call.id


def test_calls_lists_recent_calls_with_masked_numbers(tmp_path, monkeypatch):
    call_id = _seed(tmp_path, monkeypatch)
    result = CliRunner().invoke(cli, ["calls"])
    assert result.exit_code == 0, result.output
    assert "010-****-5678" in result.output and "1234" not in result.output
    assert "callback_requested -> hangup" in result.output
    result = CliRunner().invoke(cli, ["calls", "--json"])
    row = json.loads(result.output.splitlines()[0])
    assert row["id"] == call_id and row["turns"] == 3


def test_calls_show_prints_turns_and_timings(tmp_path, monkeypatch):
    call_id = _seed(tmp_path, monkeypatch)
    result = CliRunner().invoke(cli, ["calls", "show", str(call_id)])
    assert result.exit_code == 0, result.output
    assert "스케일링 예약하고 싶어요" in result.output
    assert "latency=750" in result.output and "speech_end=9000" in result.output
    result = CliRunner().invoke(cli, ["calls", "show", "999"])
    assert result.exit_code != 0 and "no call with id 999" in result.output


def test_init_writes_config_and_rejects_bad_extensions(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    monkeypatch.setenv("DENTALCALL_ASTERISK_MODE", "rootfs")
    result = CliRunner().invoke(cli, ["init", "--clinic-name", "행복치과", "--staff-extensions", "20x", "-y"])
    assert result.exit_code != 0 and "must be digits" in result.output
    result = CliRunner().invoke(cli, ["init", "--clinic-name", "행복치과", "--staff-extensions", "201,202",
                                      "--voicemail-box", "100", "--sip-bind", "127.0.0.1", "-y"])
    assert result.exit_code == 0, result.output
    config = settings.load()
    assert config.clinic_name == "행복치과" and config.staff_extensions == "201,202"
    rendered = (config.asterisk_dir / "etc" / "extensions.conf").read_text()
    assert "PJSIP/201" in rendered and "PJSIP/202" in rendered
    # the greeting prompt was rendered for the new clinic name
    from appliance.speech.prompt_pack import PromptPack

    assert PromptPack.load(config).pcm("greeting")
