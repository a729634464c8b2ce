"""`dentalcall chat --demo --script`: one JSON line per bot turn and a final summary of what landed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from appliance.commands.chat import chat, parse_input

NOW = "2026-11-23T10:00"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path / "home"))

    def go(lines: list[str], *args: str) -> tuple[list[dict], dict]:
        result = CliRunner().invoke(chat, ["--demo", "--now", NOW, "--script", "-", *args],
                                    input="\n".join(lines) + "\n")
        assert result.exit_code == 0, result.output
        out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        assert "summary" in out[-1]
        return out[:-1], out[-1]["summary"]

    return go


def test_script_booking_lands_a_request(run):
    said = ["다음 주 화요일 오후 세 시 반에 스케일링 돼요?", "네", "김철수입니다", "아니요", "아니요", "아니요"]
    turns, summary = run(said, "--caller", "010-9999-1234")
    assert turns[0]["say"].startswith("안녕하세요, 미소치과입니다. 저는 AI 상담원이고")
    assert all(set(t) >= {"say", "state", "action"} for t in turns)
    assert turns[1]["state"] == "propose" and "십이월 일 일 화요일 오후 세 시 반" in turns[1]["say"]
    assert turns[-1]["action"] == "end" and turns[-1]["next"] == "hangup"
    assert summary["booking"]["status"] == "requested" and summary["booking"]["start"] == "2026-12-01T15:30"
    assert summary["outcome"] == "booked"


def test_script_books_into_demo_emr_with_writes(run):
    _, summary = run(["예약하려고요", "#820918", "#1", "#1203", "#1", "#2", "#2", "#2"],
                     "--caller", "010-2024-0001", "--emr-writes")
    assert summary["booking"]["status"] == "booked" and summary["booking"]["appointment_id"]
    assert summary["booking"]["patient_known"] is True


def test_script_emergency_transfer_and_opt_out_and_callback(run):
    _, summary = run(["잇몸에서 피가 멈추지 않아요"])
    assert summary["transfer"] == {"reason": "emergency"} and summary["callbacks"][0]["priority"] == 1
    _, summary = run(["수신거부 할게요", "아니요"], "--caller", "010-9999-1234")
    assert summary["opt_out"] is True and summary["outcome"] == "opted_out"
    _, summary = run(["교정 비용 얼마예요?", "아니요"])
    assert summary["callbacks"] and summary["outcome"] == "callback_requested"


def test_script_end_of_input_is_a_hang_up(run):
    turns, summary = run(["예약하고 싶어요"])
    assert summary["outcome"] == "caller_hung_up" and summary["callbacks"]


def test_input_syntax():
    assert parse_input("#5").dtmf == "5" and parse_input("#850312#").dtmf == "850312"
    assert parse_input("#*").dtmf == "*" and parse_input("").silence and parse_input(None).hung_up
    assert parse_input("/bye").hung_up and parse_input("네").text == "네"
