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
    line = next(row for row in report.splitlines() if row.startswith("insurance_scaling,"))
    assert line.split(",")[1] == str(queued)
    assert "insurance_scaling" in run("report")
    assert f"({queued} queued calls cancelled)" in run("campaigns", "disable", "insurance_scaling")


def fails(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize("args,why", [
    (("recall", "months", "abc"), "not a whole number"),
    (("recall", "months", "-5"), "out of range"),
    (("recall", "hours", "9-5"), "HH:MM-HH:MM"),
    (("insured_treatment", "senior_age", "40"), "fixed at 65 by law"),
    (("insurance_scaling", "adult_age", "5"), "out of range"),
    (("recall", "max_attempts", "1000"), "out of range"),
    (("recall", "max_months", "3"), "greater than months"),
    (("happy_call", "categories", "teeth"), "not a treatment category"),
    (("recall", "colour", "blue"), "no setting"),
])
def test_a_bad_setting_is_refused_and_nothing_is_stored(home, args, why):
    before = run("campaigns", "list")
    out = fails("campaigns", "set", *args)
    assert why in out and "nothing was stored" in out
    assert run("campaigns", "list") == before


def test_settings_are_typed_when_stored(home):
    assert "[11, 12]" in run("campaigns", "set", "insurance_scaling", "months", "12,11")
    assert '"10:00-17:00"' in run("campaigns", "set", "recall", "hours", "10:00-17:00")
    from appliance.outbound import campaigns as camps

    assert camps.state("insurance_scaling")[1]["months"] == [11, 12]


def test_preview_edges_and_the_access_log(home):
    from appliance.data import access_log

    assert "is not a date" in fails("campaigns", "preview", "recall", "--date", "2026-13-45")
    assert "is not a date" in fails("campaigns", "preview", "recall", "--date", "someday")
    assert "for " + (dt.date.today() + dt.timedelta(days=1)).isoformat() in run(
        "campaigns", "preview", "reminder", "--date", "tomorrow")
    assert "-3" in fails("campaigns", "preview", "recall", "--limit", "-3")
    out = run("campaigns", "preview", "insurance_scaling", "--limit", "2")
    shown = [line for line in out.splitlines() if line.startswith("  ") and "-****-" in line]
    total = int(re.search(r": (\d+) to call", out).group(1))
    assert len(shown) == min(2, total) and (total <= 2 or f"... and {total - 2} more" in out)
    # unmasked names and numbers in bulk: a reason first, then one access-log row per patient shown
    assert "--reason" in fails("campaigns", "preview", "insurance_scaling", "--unmask")
    run("campaigns", "preview", "insurance_scaling", "--unmask", "--reason", "checking the list", "--limit", "3")
    rows = access_log.entries(action="campaigns.preview.unmask")
    assert 1 <= len(rows) and all(r.reason == "checking the list" and r.patient_id for r in rows)


def test_calendar_dry_run_lists_whom_each_campaign_would_call(home):
    import json

    from appliance.data import access_log
    from appliance.outbound import queue

    run("campaigns", "enable", "reminder")
    start = dt.date.today() + dt.timedelta(days=1)
    out = run("campaigns", "calendar", "--from", start.isoformat(), "--days", "7")
    assert start.isoformat() in out and "calls" in out
    assert "--reason" in fails("campaigns", "calendar", "--json")
    lines = run("campaigns", "calendar", "--from", start.isoformat(), "--days", "7", "--campaign", "recall",
                "--json", "--reason", "weekly check").splitlines()
    items = [json.loads(line) for line in lines]
    assert items and {tuple(sorted(i)) for i in items} == {("appointment", "campaign", "day", "kind", "patient_id",
                                                            "phone")}
    assert {i["campaign"] for i in items} <= {"reminder", "recall"} and {i["kind"] for i in items} <= {"INFO", "AD"}
    for i in items:
        assert start <= dt.date.fromisoformat(i["day"]) < start + dt.timedelta(days=7)
        assert re.fullmatch(r"0\d{8,10}", i["phone"])
        if i["campaign"] == "reminder":
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", i["appointment"]) and i["appointment"] > i["day"]
        else:
            assert i["appointment"] is None
    assert queue.Task.select().count() == 0 and queue.TargetRun.select().count() == 0  # nothing written
    logged = {r.patient_id for r in access_log.entries(action="campaigns.calendar", limit=10000)}
    assert logged == {i["patient_id"] for i in items}
