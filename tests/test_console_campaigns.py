"""Campaign state in the console, through the real app on a real SQLite CRM and a seeded SQLite EMR: failing
campaigns and the outbound layer's warnings on the Campaigns and Health pages, switching off through the
outbound layer's functions (queued calls cancelled, a call being dialled left alone), "run now" through the
dialer's own store, and the week-ahead calendar counting exactly what ``dentalcall campaigns calendar`` plans."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

from appliance.cli import cli
from appliance.console.models import WorkAction
from appliance.data import crm
from appliance.data.emr import seed
from appliance.outbound import campaigns as camps
from appliance.outbound import queue, status
from appliance.outbound.clock import clinic_clock
from appliance.outbound.store import CrmStore, run_record
from tests.console_support import add_accounts, form_csrf, login, make_config


@pytest.fixture
def clinic(tmp_path, monkeypatch):
    """A console on a clinic with a seeded EMR (read-only), as ``dentalcall`` commands see it too."""
    from appliance.console.app import create_app

    for key in list(__import__("os").environ):
        if key.startswith("DENTALCALL_") and key != "DENTALCALL_SHARED_DIR":
            monkeypatch.delenv(key)
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    emr_url = f"sqlite:///{tmp_path / 'emr.sqlite'}"
    seed.seed_demo(emr_url, patients=300, seed=7)
    config = make_config(tmp_path, timezone="Asia/Seoul", emr_url=emr_url, emr_profile="reference",
                         outbound_clock_check="off")
    db = crm.open_for(config)
    queue.ensure_tables()
    add_accounts()
    app = create_app(config, background=False)
    with TestClient(app, base_url="https://console.test") as client:
        login(client, "kim")
        yield config, app, client
    db.close()


def _now(config) -> dt.datetime:
    return clinic_clock(str(config.timezone))()


def test_a_failing_campaign_shows_on_the_campaigns_and_health_pages(clinic):
    config, _, client = clinic
    camps.set_enabled("reminder", True)
    camps.set_enabled("recall", True)
    queue.CampaignState.update(params={"months": -3}).where(queue.CampaignState.name == "recall").execute()
    CrmStore().record(run_record(None, "reminder", _now(config), error="EMR query timed out"))
    problems = status.campaign_problems(_now(config))
    assert set(problems) == {"recall", "reminder"}

    page = client.get("/campaigns")
    assert page.status_code == 200  # a stored setting that breaks a rule does not break the page
    html = page.text
    assert "안내 전화 문제" in html and "dentalcall campaigns set" in html
    shown = re.findall(r'campaign-problem" role="status">이 안내 전화는 지금 돌지 않습니다: ([^<]+)<', html)
    assert len(shown) == 2 and any("EMR query timed out" in s for s in shown)
    assert any(s.startswith("settings:") and "months" in s for s in shown)

    health = client.get("/health").text
    row = re.search(r'<tr class="(\w+)"><td>안내 전화</td>.*?</tr>', health, re.S)
    assert row and row.group(1) == "fail" and "EMR query timed out" in row.group(0) and "months" in row.group(0)


def test_health_says_ok_when_no_campaign_runs_and_warns_on_an_unchecked_clock(clinic):
    config, _, client = clinic
    row = re.search(r'<tr class="(\w+)"><td>안내 전화</td>.*?</tr>', client.get("/health").text, re.S)
    assert row.group(1) == "ok" and "no campaign enabled" in row.group(0)
    camps.set_enabled("recall", True)  # advertising, and this clinic set outbound_clock_check = off
    html = client.get("/campaigns").text
    assert "안내 전화 주의" in html and "unchecked system clock" in html


def test_switching_off_cancels_the_queued_calls_not_the_one_being_dialled(clinic):
    config, _, client = clinic
    now = _now(config)
    camps.set_enabled("recall", True)
    tasks = [queue.add_task(campaign="recall", kind="AD", patient_id=str(i), phone=f"0101234000{i}", day=now.date(),
                            reason="recall", ref=f"r{i}", now=now, expires_at=now + dt.timedelta(days=1))
             for i in range(3)]
    other = queue.add_task(campaign="happy_call", kind="INFO", patient_id="9", phone="01012349999", day=now.date(),
                           reason="happy_call", ref="h9", now=now, expires_at=now + dt.timedelta(days=1))
    assert queue.claim(tasks[0].id, now) is not None  # the dialer has this one on the line
    page = client.get("/campaigns").text
    r = client.post("/campaigns/recall/disable", data={"csrf_token": form_csrf(page, "/campaigns/recall/disable")})
    assert "껐습니다 (대기 2건 취소)" in r.text and camps.stored("recall")[0] is False
    states = {t.id: (t.status, t.outcome) for t in queue.Task.select()}
    assert states[tasks[0].id][0] == queue.DIALING
    assert states[tasks[1].id] == states[tasks[2].id] == (queue.CANCELLED, "campaign_disabled")
    assert states[other.id][0] == queue.QUEUED  # another campaign's calls are not touched
    assert WorkAction.get(WorkAction.action == "disable").result == "2 queued calls cancelled"


def test_run_now_queues_through_the_dialers_store_and_records_the_run(clinic):
    config, _, client = clinic
    page = client.get("/campaigns").text
    r = client.post("/campaigns/recall/run", data={"csrf_token": form_csrf(page, "/campaigns/recall/run")})
    m = re.search(r"대상 (\d+)명 중 (\d+)명을 새로 대기열에 넣었습니다", r.text)
    assert m, r.text[-2000:]
    targets, added = int(m.group(1)), int(m.group(2))
    assert targets > 0 and added == queue.Task.select().where(queue.Task.campaign == "recall").count()
    runs = [run for run in status.recent_runs(_now(config)) if run.campaign == "recall"]
    assert [(run.targeted, run.queued, run.error) for run in runs] == [(targets, added, None)]
    again = client.post("/campaigns/recall/run", data={"csrf_token": form_csrf(page, "/campaigns/recall/run")})
    assert "명 중 0명을 새로 대기열에 넣었습니다" in again.text  # queued once per patient, whatever staff click
    assert queue.Task.select().where(queue.Task.campaign == "recall").count() == added


def _cli_calendar(names: list[str]) -> dict[dt.date, int]:
    args = ["campaigns", "calendar"] + [a for n in names for a in ("--campaign", n)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    return {dt.date.fromisoformat(d): int(n) for d, n in re.findall(r"^(\d{4}-\d\d-\d\d) \(.\): (\d+) calls",
                                                                    result.output, re.M)}


def _console_totals(html: str) -> list[int]:
    foot = re.search(r"<tfoot><tr><th>하루 합계</th>(.*?)</tr>", html, re.S).group(1)
    return [int(n) for n in re.findall(r'<th class="num">(\d+)</th>', foot)][:-1]


def test_the_calendar_counts_what_the_dialers_planning_would_call(clinic):
    config, _, client = clinic
    camps.set_enabled("reminder", True)
    camps.set_enabled("happy_call", True)
    html = client.get("/campaigns/calendar").text
    expected = _cli_calendar(["reminder", "happy_call"])
    assert len(expected) == 7 and sum(expected.values()) > 0
    assert _console_totals(html) == [expected[d] for d in sorted(expected)]
    assert 'id="cal-reminder"' in html and 'id="cal-recall"' not in html  # switched off: not planned
    assert "010-" not in html  # counts only, nobody's number

    # what switching on the implant check-up would add (planned as if on, nothing stored)
    with_implant = client.get("/campaigns/calendar?with=implant_checkup").text
    expected = _cli_calendar(["reminder", "happy_call", "implant_checkup"])
    assert _console_totals(with_implant) == [expected[d] for d in sorted(expected)]
    assert 'id="cal-implant_checkup"' in with_implant and "켰다고 치고" in with_implant
    assert camps.stored("implant_checkup")[0] is False and queue.Task.select().count() == 0
