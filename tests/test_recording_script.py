"""The recording session's script: everything a caller can hear in ≤ 150 recordings and ≤ 30 minutes of
reading, counters read right, every pack entry covered by exactly one item; HTML and a real printable PDF."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.phrasebook import spoken_table
from appliance.speech.fragments import fragment_texts
from appliance.speech.recording_script import build_script, item_for, summary
from appliance.speech.script_render import render_html

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def config(tmp_path):
    return settings.load(overrides={"home": str(tmp_path / "home"), "clinic_doctors": "김하늘,박바다"}, env={})


@pytest.fixture
def items(config):
    return build_script(spoken_table(config), config.clinic_name, config)


def test_everything_a_caller_can_hear_in_150_recordings_and_30_minutes(items, config):
    s = summary(items)
    assert s["recordings"] <= 150 and s["reading_minutes"] <= 30.0, s
    # every phrase and every fragment is filled by exactly one item
    keys = [k for i in items for k in i.keys]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(spoken_table(config)) | set(fragment_texts(config))
    assert [i.number for i in items] == list(range(1, len(items) + 1))
    assert s["entries"] == len(keys) and s["recordings"] < s["entries"]  # shared takes: fewer recordings


def test_counters_have_the_right_reading(items):
    by_key = {i.key: i for i in items}
    hours = by_key["line_hours_1"].parts + by_key["line_hours_2"].parts
    assert hours == ("한 시", "두 시", "세 시", "네 시", "다섯 시", "여섯 시", "일곱 시", "여덟 시", "아홉 시", "열 시",
                     "열한 시", "열두 시")  # native numbers for 시, recorded with the counter
    months = by_key["line_months_1"].parts + by_key["line_months_2"].parts
    assert months[5] == "유월" and months[9] == "시월" and months[11] == "십이월"  # Sino, with 유월/시월
    assert by_key["line_units"].parts == ("분", "반", "원", "년")  # 십오 분, 만 오천 원: Sino digits + counter
    assert by_key["line_digits"].parts[1] == "일"  # one 일: the digit and the day (삼 일) are the same word
    # digits inside phrases are shown with their reading
    assert by_key["insurance_scaling"].reading.startswith("만 십구 세 이상이시면 일 년에 한 번")
    assert "일 번" in by_key["yes_no_keys"].reading
    assert by_key["line_doctors"].parts == ("원장님", "김하늘", "박바다")


def test_items_are_found_by_number_key_or_fragment(items):
    assert item_for(items, "1").key == items[0].key
    assert item_for(items, "001").key == items[0].key
    assert item_for(items, "greeting").key == "greeting"
    assert item_for(items, "month_6").key == "line_months_1"


def test_sections_are_read_top_to_bottom(items):
    sections = [i.section for i in items]
    order = list(dict.fromkeys(sections))
    assert order[0] == "numbers" and order[1] == "opening" and order[-1] == "treatments"
    assert sections == sorted(sections, key=order.index)  # each section in one block


def test_html_page_lists_every_item_with_count_and_time(items, config):
    page = render_html(items, config.clinic_name, {"greeting": "recorded"})
    s = summary(items)
    assert f"녹음 <b>{s['recordings']}개</b>" in page and "*77" in page and "012.m4a" in page
    for i in items:
        assert f"<td class='n'>{i.number}</td>" in page
    assert "녹음됨" in page  # state shown when a pack is given


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed")
def test_prompts_script_writes_a_printable_korean_pdf(tmp_path):
    pytest.importorskip("weasyprint", reason="pip install weasyprint")
    env = {"DENTALCALL_HOME": str(tmp_path / "home"), "DENTALCALL_CONFIG": str(tmp_path / "none.ini")}
    result = CliRunner().invoke(cli, ["prompts", "script", "--pdf", str(tmp_path / "s.pdf"),
                                      "--html", str(tmp_path / "s.html")], env=env)
    assert result.exit_code == 0, result.output
    assert "recordings" in result.output and "min of reading" in result.output
    info = subprocess.run(["pdfinfo", str(tmp_path / "s.pdf")], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 3 <= pages <= 20
    fonts = subprocess.run(["pdffonts", str(tmp_path / "s.pdf")], capture_output=True, text=True).stdout
    assert "Nanum" in fonts or "Noto" in fonts, fonts  # a real Korean font is embedded
    text = subprocess.run(["pdftotext", str(tmp_path / "s.pdf"), "-"], capture_output=True, text=True).stdout
    assert "무엇을 도와드릴까요?" in text and "한 시 · 두 시 · 세 시" in text


def test_the_speech_layer_never_imports_the_dialogs():
    """No import cycle conversation → llm → speech → conversation: speech gets the phrase table passed in."""
    offenders = []
    for path in (ROOT / "appliance" / "speech").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                if name.startswith(("appliance.conversation", "appliance.phrasebook", "appliance.commands",
                                    "appliance.engine", "appliance.outbound")):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []
