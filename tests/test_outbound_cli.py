"""`dentalcall campaigns|dialer|report` on a seeded synthetic EMR in a temporary instance."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.data import crm
from appliance.data.emr import seed


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    url = f"sqlite:///{tmp_path / 'emr.sqlite'}"
    today = dt.datetime.now().date()
    seed.seed_demo(url, patients=300, seed=4, today=today)
    settings.write_config(settings.load(), {"emr_url": url, "emr_profile": "reference"})
    yield tmp_path
    crm.database.close()


def run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_campaigns_list_enable_preview_run_now_status_report(home):
    out = run("campaigns", "list")
    assert re.search(r"insurance_scaling\s+AD\s+off", out) and re.search(r"reminder\s+INFO\s+off", out)
    run("campaigns", "enable", "recall")
    assert re.search(r"recall\s+AD\s+on", run("campaigns", "list"))
    assert "months = 9" in run("campaigns", "set", "recall", "months", "9").replace(":", " =")
    out = run("campaigns", "preview", "insurance_scaling")
    assert "to call" in out and "left out:" in out
    rows = [line for line in out.splitlines() if line.startswith("  ") and "-****-" in line]
    assert rows, out
    # masked: 김*수 style names and 010-****-1234 numbers only
    for line in rows:
        name, number = line.split()[:2]
        assert "*" in name and re.fullmatch(r"0\d\d-\*{3,4}-\d{4}", number)
    unmasked = run("campaigns", "preview", "insurance_scaling", "--unmask", "--reason", "staff check")
    assert "-****-" not in unmasked
    out = run("campaigns", "run-now", "insurance_scaling")
    queued = int(re.search(r"(\d+) newly queued", out).group(1))
    assert queued == len(rows) or queued >= len(rows)
    assert "0 newly queued" in run("campaigns", "run-now", "insurance_scaling")
    status = run("dialer", "status")
    assert f"queued {queued}" in status and "AD window" in status
    report = run("report", "--csv")
    line = [l for l in report.splitlines() if l.startswith("insurance_scaling,")][0]
    assert line.split(",")[1] == str(queued)
    assert "insurance_scaling" in run("report")
    assert f"({queued} queued calls cancelled)" in run("campaigns", "disable", "insurance_scaling")
