"""The dialer's checks right before each dial and its resilience, with a fake clock and a fake Originate on a
real SQLite EMR and CRM: consent re-read from the EMR before every advert, 060 numbers never dialled, adverts
waiting while the clock is not NTP-synchronised, the legal hours pinned to Asia/Seoul, a campaign with a bad
stored setting failing alone (doctor names it) while the others plan and dial, and the planning running off
the event loop."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading

import pytest

from appliance.data import crm
from appliance.data.clinic import facts as factslib
from appliance.data.emr import EMR, seed
from appliance.outbound import campaigns as camps
from appliance.outbound import queue
from appliance.outbound.clock import FakeClock
from appliance.outbound.dialer import Dialer
from tests.outbound_charts import Charts
from tests.outbound_support import WED_10, FakeOriginate, dialer_config


@pytest.fixture(scope="module")
def emr_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('dialing') / 'emr.sqlite'}"
    seed.seed_demo(url, patients=200, seed=3, today=WED_10.date())
    c = Charts(url)
    c.patient(91001, born=dt.date(1980, 1, 1), hp="010-9100-1001")
    c.consent(91001, "MKT", "Y", dt.date(2026, 3, 1))
    c.patient(91002, born=dt.date(1980, 1, 1), hp="010-9100-1002")
    c.consent(91002, "MKT", "Y", dt.date(2026, 3, 1))
    c.close()
    return url


def task(campaign: str, kind: str, patient_id: str, phone: str, now: dt.datetime, ref: str = "r"):
    return queue.add_task(campaign=campaign, kind=kind, patient_id=patient_id, phone=phone, day=now.date(),
                          reason=campaign, ref=ref, now=now, expires_at=now + dt.timedelta(days=2), data={})


def make(clock, emr=None, synced=True, **cfg):
    async def live():
        return set()

    return Dialer(dialer_config(**cfg), clock=clock, facts=factslib.load(factslib.EXAMPLE), emr=emr,
                  originate=FakeOriginate(), live_channels=live, clock_synced=lambda: synced)


def tick(d: Dialer) -> list:
    async def go():
        started = await d.tick()
        await d.drain()
        return started

    try:
        return asyncio.run(go())
    finally:
        d.close()


def test_consent_is_read_again_from_the_emr_right_before_each_advert(emr_url, crm_store):
    clock = FakeClock(WED_10)
    keep = task("recall", "AD", "91001", "01091001001", clock())
    withdrawn = task("recall", "AD", "91002", "01091002002", clock(), ref="w")
    c = Charts(emr_url)
    c.consent(91002, "MKT", "N", WED_10.date())  # withdrawn after the task was queued
    c.close()
    d = make(clock, emr=EMR(emr_url))
    tick(d)
    assert d.originate.calls == [keep.id]
    after = queue.Task.get_by_id(withdrawn.id)
    assert after.status == queue.CANCELLED and after.outcome == "no_consent"
    assert not queue.DialAttempt.select().where(queue.DialAttempt.task == withdrawn.id).exists()


def test_an_advert_waits_when_the_emr_cannot_confirm_the_consent(emr_url, crm_store, tmp_path):
    clock = FakeClock(WED_10)
    ad = task("recall", "AD", "91001", "01091001001", clock())
    info = task("reminder", "INFO", "91001", "01091001001", clock(), ref="i")
    d = make(clock, emr=EMR(f"sqlite:///{tmp_path / 'gone.sqlite'}"))  # the EMR file is not there
    tick(d)
    assert d.originate.calls == [info.id]  # information calls do not depend on the consent
    waiting = queue.Task.get_by_id(ad.id)
    assert waiting.status == queue.QUEUED and waiting.next_at == WED_10 + dt.timedelta(minutes=5)


def test_premium_rate_numbers_are_never_dialled(emr_url, crm_store):
    clock = FakeClock(WED_10)
    premium = task("reminder", "INFO", "91001", "0607001234", clock())
    d = make(clock, emr=EMR(emr_url))
    tick(d)
    assert d.originate.calls == []
    assert queue.Task.get_by_id(premium.id).outcome == "not_callable_number"


def test_adverts_wait_while_the_clock_is_not_synchronised(emr_url, crm_store):
    clock = FakeClock(WED_10)
    ad = task("recall", "AD", "91001", "01091001001", clock())
    info = task("reminder", "INFO", "91002", "01091002002", clock(), ref="i")
    d = make(clock, emr=EMR(emr_url), synced=False)
    tick(d)
    assert d.originate.calls == [info.id]
    assert queue.Task.get_by_id(ad.id).status == queue.QUEUED
    d = make(clock, emr=EMR(emr_url), synced=True)
    clock.advance(minutes=6)
    tick(d)
    assert d.originate.calls == [ad.id]


def test_the_advert_hours_are_seoul_hours_whatever_the_timezone_setting(emr_url, crm_store):
    # the clinic's zone is set to New York by mistake: 10:00 there is midnight in Seoul
    clock = FakeClock(WED_10)
    ad = task("recall", "AD", "91001", "01091001001", clock())
    info = task("reminder", "INFO", "91002", "01091002002", clock(), ref="i")
    d = make(clock, emr=EMR(emr_url), timezone="America/New_York")
    tick(d)
    assert d.originate.calls == [info.id]
    nxt = queue.Task.get_by_id(ad.id).next_at  # 08:00 Seoul = 18:00 New York (the clinic's hours still apply)
    assert nxt == dt.datetime(2026, 11, 25, 18, 0)


def test_a_bad_stored_setting_stops_only_its_campaign(emr_url, crm_store):
    camps.set_enabled("recall", True)
    camps.set_enabled("reminder", True)
    # a value written before settings were checked (or by hand): the campaign fails, loudly, alone
    queue.CampaignState.update(params={"hours": "9-5", "months": "abc"}).where(
        queue.CampaignState.name == "recall").execute()
    clock = FakeClock(WED_10)
    waiting = task("recall", "AD", "91001", "01091001001", clock())
    queued = task("happy_call", "INFO", "91002", "01091002002", clock(), ref="h")
    d = make(clock, emr=EMR(emr_url))
    tick(d)
    runs = {r.campaign: r for r in queue.TargetRun.select()}
    assert runs["recall"].error and "hours" in runs["recall"].error
    assert runs["reminder"].error is None  # planned as usual
    assert queued.id in d.originate.calls and waiting.id not in d.originate.calls
    assert queue.Task.get_by_id(waiting.id).status == queue.QUEUED
    from appliance.outbound.status import health

    h = health(dialer_config(), now=WED_10)
    assert h.status == "fail" and "recall" in h.message and "reminder" not in h.message


def test_planning_runs_off_the_event_loop(emr_url, crm_store):
    camps.set_enabled("reminder", True)
    threads = []

    class Watched(EMR):
        def appointments_between(self, *args, **kwargs):
            threads.append(threading.current_thread())
            return super().appointments_between(*args, **kwargs)

    clock = FakeClock(WED_10)
    d = make(clock, emr=Watched(emr_url))
    loop_thread = []

    async def go():
        loop_thread.append(threading.current_thread())
        await d.tick()

    asyncio.run(go())
    d.close()
    assert threads and all(t is not loop_thread[0] for t in threads)
    assert queue.TargetRun.select().where(queue.TargetRun.campaign == "reminder").exists()


def test_planning_in_its_own_process_queues_what_in_process_planning_would(emr_url, tmp_path, monkeypatch):
    """The engine service plans in a child process (lower CPU priority, its own interpreter lock)."""
    import os
    import shutil

    from appliance import settings
    from appliance.outbound import targeting
    from appliance.outbound.planner_process import PlanningProcess

    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    clinic = tmp_path / "clinic.toml"
    shutil.copy(factslib.EXAMPLE, clinic)
    settings.write_config(settings.load(), {"emr_url": emr_url, "clinic_file": str(clinic)})
    config = settings.load()
    crm.open_for(config)
    queue.ensure_tables()
    try:
        camps.set_enabled("reminder", True)
        expected = targeting.plan("reminder", emr=EMR(emr_url), facts=factslib.load(clinic), now=WED_10, history=[])
        process = PlanningProcess(config)
        try:
            result = process.run(WED_10)
            child = process.proc.pid
            assert child != os.getpid() and os.getpriority(os.PRIO_PROCESS, child) >= 10
            assert process.run(WED_10).queued == {}  # planned already within three hours: nothing due
        finally:
            process.close()
        assert not result.errors and result.queued["reminder"] == len(expected.targets) > 0
        queued = {(t.patient_id, t.phone) for t in queue.Task.select().where(queue.Task.campaign == "reminder")}
        assert queued == {(t.patient_id, t.phone) for t in expected.targets}
    finally:
        crm.database.close()
