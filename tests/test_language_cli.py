"""The ``dentalcall nlu parse`` contract: one JSON object, first keys intent/date/time/treatment, UTF-8 text,
and ``--jsonl -`` answering one line per input line, in order."""

from __future__ import annotations

import json

from click.testing import CliRunner

from appliance.cli import cli
from appliance.language.cli import nlu

NOW = "2026-11-23T10:00"


def test_parse_json_contract():
    result = CliRunner().invoke(cli, ["nlu", "parse", "--now", NOW, "--json",
                                      "다음 주 화요일 오후 세 시 반에 스케일링 돼요?"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert list(data)[:4] == ["intent", "date", "time", "treatment"]
    assert data["intent"] == "book"
    assert data["date"] == "2026-12-01"
    assert data["time"] == "15:30"
    assert data["treatment"] == "scaling"
    assert "time_range" in data and "confidence" in data


def test_parse_json_nulls_and_no_ascii_escapes():
    result = CliRunner().invoke(nlu, ["parse", "--now", NOW, "--json", "오후에 갈게요"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["time"] is None and data["treatment"] is None
    assert data["time_range"] == ["14:00", "18:00"]
    assert "\\u" not in result.output


def test_parse_default_now_is_seoul_time():
    result = CliRunner().invoke(nlu, ["parse", "--json", "오늘"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["date"] is not None


def test_parse_now_with_offset_is_converted_to_seoul():
    # 2026-11-23T20:00Z is already the 24th in Seoul
    result = CliRunner().invoke(nlu, ["parse", "--now", "2026-11-23T20:00+00:00", "--json", "오늘"])
    assert json.loads(result.output)["date"] == "2026-11-24"


def test_parse_bad_now():
    result = CliRunner().invoke(nlu, ["parse", "--now", "next tuesday", "--json", "네"])
    assert result.exit_code != 0


def test_jsonl_keeps_order_and_alignment():
    utterances = ["피가 안 멈춰요", "네", "", "다음 주 화요일 세 시", "수신거부", "임플란트 얼마예요"]
    result = CliRunner().invoke(nlu, ["parse", "--now", NOW, "--jsonl", "-"], input="\n".join(utterances) + "\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["intent"] for r in rows] == ["emergency", "yes", "other", "book", "opt_out", "ask_price"]
    assert rows[3]["date"] == "2026-12-01" and rows[3]["time"] == "15:00"
    assert all(list(r)[:4] == ["intent", "date", "time", "treatment"] for r in rows)


def test_jsonl_accepts_json_lines_with_now_and_expect():
    lines = [
        json.dumps({"text": "괜찮아요", "expect": "proposal"}, ensure_ascii=False),
        json.dumps({"text": "괜찮아요", "expect": "wellbeing"}, ensure_ascii=False),
        json.dumps({"text": "내일", "now": "2026-12-31T10:00"}, ensure_ascii=False),
    ]
    result = CliRunner().invoke(nlu, ["parse", "--now", NOW, "--jsonl", "-"], input="\n".join(lines) + "\n")
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["intent"] for r in rows[:2]] == ["yes", "no"]
    assert rows[2]["date"] == "2027-01-01"


def test_text_and_jsonl_are_exclusive():
    result = CliRunner().invoke(nlu, ["parse", "--jsonl", "-", "네"], input="네\n")
    assert result.exit_code != 0


def test_human_output():
    result = CliRunner().invoke(nlu, ["parse", "--now", NOW, "내일 세 시"])
    assert result.exit_code == 0
    assert "2026-11-24" in result.output and "15:00" in result.output
