"""The outbound queue and dialer with a fake clock and a fake Originate: pacing within the line limit,
windows, retries with back-off and a maximum, opt-outs checked before dialling, and crash-restart
idempotence (an attempt in flight is reconciled, never redialled blindly)."""

from __future__ import annotations

import asyncio
import datetime as dt


from appliance.data import crm_records
from appliance.data.calllog import CallLog
from appliance.data.clinic import facts as factslib
from appliance.outbound import queue
from appliance.outbound.clock import FakeClock
from appliance.outbound.dialer import Dialer
from tests.outbound_support import WED_10, FakeOriginate, dialer_config


def add(n: int, now: dt.datetime, kind: str = "INFO", campaign: str = "reminder", days: int = 1, **kw):
    out = []
    for i in range(n):
        out.append(queue.add_task(campaign=campaign, kind=kind, patient_id=str(100 + i), phone=f"0101234{5000 + i}",
                                  day=now.date(), reason=campaign, ref=f"r{i}", now=now,
                                  expires_at=dt.datetime.combine(now.date() + dt.timedelta(days=days), dt.time(0)),
                                  **kw))
    return out


def make(clock, originate, **kw):
    facts = factslib.load(factslib.EXAMPLE)
    live = kw.pop("live", set())

    async def live_channels():
        return live

    return Dialer(dialer_config(**kw.pop("cfg", {})), clock=clock, facts=facts, originate=originate,
                  live_channels=live_channels, **kw)


def run(coro):
    return asyncio.get_event_loop_policy().new_event_loop().run_until_complete(coro)


def test_busy_then_no_answer_retried_with_backoff_then_unreachable(crm_store):
    clock = FakeClock(WED_10)
    orig = FakeOriginate("busy", "no_answer", "no_answer")
    add(1, clock())

    async def scenario():
        d = make(clock, orig)
        assert len(await d.tick()) == 1
        await d.drain()
        task = queue.Task.get()
        assert task.status == queue.QUEUED and task.next_at == WED_10 + dt.timedelta(minutes=30)
        clock.advance(minutes=10)
        assert await d.tick() == []  # back-off not over
        clock.advance(minutes=20)
        assert len(await d.tick()) == 1
        await d.drain()
        task = queue.Task.get()
        assert task.next_at == clock() + dt.timedelta(minutes=120) and task.attempts == 2
        clock.advance(minutes=120)
        assert len(await d.tick()) == 1
        await d.drain()
        clock.advance(hours=5)
        assert await d.tick() == []

    run(scenario())
    task = queue.Task.get()
    assert task.status == queue.DONE and task.outcome == "unreachable" and task.attempts == 3
    attempts = queue.DialAttempt.select().order_by(queue.DialAttempt.seq)
    assert [a.status for a in attempts] == ["busy", "no_answer", "no_answer"]
    assert len(orig.calls) == 3


def test_retry_lands_in_the_next_window_and_expires(crm_store):
    clock = FakeClock(dt.datetime(2026, 11, 26, 18, 0))  # thursday, closes 18:30
    orig = FakeOriginate("no_answer")
    add(1, clock())

    async def scenario():
        d = make(clock, orig)
        await d.tick()
        await d.drain()

    run(scenario())
    task = queue.Task.get()
    # 18:30 back-off is past closing: the next window is friday 09:30, after the reminder expired → unreachable
    assert task.status == queue.DONE and task.outcome == "unreachable"


def test_pacing_keeps_lines_free_for_inbound(crm_store):
    clock = FakeClock(WED_10)
    orig = FakeOriginate(block=True)
    add(5, clock())
    inbound = {"n": 0}

    async def scenario():
        d = make(clock, orig, inbound_calls=lambda: inbound["n"])
        assert len(await d.tick()) == 2  # outbound_max_channels
        assert await d.tick() == []
        for job in d.pending:
            job.cancel()

    run(scenario())
    # with 2 inbound callers on 4 lines and 1 kept free, only one outbound call fits
    queue.DialAttempt.delete().execute()
    queue.Task.update(status=queue.QUEUED).execute()
    inbound["n"] = 2

    async def scenario2():
        d = make(clock, FakeOriginate(block=True), inbound_calls=lambda: inbound["n"])
        assert len(await d.tick()) == 1
        for job in d.pending:
            job.cancel()

    run(scenario2())


def test_no_calls_outside_window_and_ad_never_at_night(crm_store):
    clock = FakeClock(dt.datetime(2026, 11, 25, 20, 40))  # wed: clinic open to 21:00
    orig = FakeOriginate("answered", "answered")
    info, = add(1, clock(), kind="INFO")
    ad, = add(1, clock(), kind="AD", campaign="recall", days=3)
    clock.set(dt.datetime(2026, 11, 25, 21, 5))

    async def scenario():
        d = make(clock, orig)
        assert await d.tick() == []

    run(scenario())
    assert orig.calls == []
    assert queue.Task.get_by_id(ad.id).next_at == dt.datetime(2026, 11, 26, 9, 30)  # next morning
    reminder = queue.Task.get_by_id(info.id)
    assert reminder.next_at == reminder.expires_at  # the reminder's day is over


def test_opt_out_checked_right_before_dialling(crm_store):
    clock = FakeClock(WED_10)
    orig = FakeOriginate()
    ad, = add(1, clock(), kind="AD", campaign="recall")
    info = queue.add_task(campaign="reminder", kind="INFO", patient_id="200", phone="01099990000", day=clock().date(),
                          reason="reminder", ref="x", now=clock(), expires_at=clock() + dt.timedelta(hours=8))
    crm_records.add_opt_out(ad.phone, None, source="staff")  # advertising opt-out
    crm_records.add_opt_out("010-9999-0000", None, source="staff")  # ad-only: a reminder still goes out

    async def scenario():
        d = make(clock, orig)
        await d.tick()
        await d.drain()

    run(scenario())
    assert queue.Task.get_by_id(ad.id).status == queue.CANCELLED and queue.Task.get_by_id(ad.id).outcome == "opted_out"
    assert orig.calls == [info.id]


def test_a_calls_opt_out_stops_a_reminder_call_a_texts_opt_out_does_not(crm_store):
    """"전화 말고 문자로만" (scope calls) stops every call; "문자는 보내지 마세요" (texts) leaves the calls."""
    clock = FakeClock(WED_10)
    orig = FakeOriginate()
    tasks = [queue.add_task(campaign="reminder", kind="INFO", patient_id=pid, phone=phone, day=clock().date(),
                            reason="reminder", ref=pid, now=clock(), expires_at=clock() + dt.timedelta(hours=8))
             for pid, phone in (("301", "01077770001"), ("302", "01077770002"))]
    crm_records.add_opt_out("010-7777-0001", "301", source="call_speech", scope="calls")
    crm_records.add_opt_out("010-7777-0002", "302", source="call_speech", scope="texts")

    async def scenario():
        d = make(clock, orig)
        await d.tick()
        await d.drain()

    run(scenario())
    assert queue.Task.get_by_id(tasks[0].id).outcome == "opted_out" and orig.calls == [tasks[1].id]


def test_crash_mid_dial_is_reconciled_not_redialled(crm_store):
    """Kill the dialer while Originate is in flight; a new dialer asks Asterisk and the call log first."""
    clock = FakeClock(WED_10)
    add(3, clock())

    async def crash():
        d = make(clock, FakeOriginate(block=True), cfg={"outbound_max_channels": 3, "sip_lines": 8})
        assert len(await d.tick()) == 3
        for job in d.pending:  # the process dies: nothing gets recorded
            job.cancel()
        await asyncio.sleep(0)

    run(crash())
    a1, a2, a3 = list(queue.DialAttempt.select().order_by(queue.DialAttempt.id))
    # a1: the callee answered and the engine logged the call (confirmed) before the crash
    queue.mark(a1.id, queue.IN_CALL, clock())
    log = CallLog("outbound", uniqueid=a1.channel_id, campaign="reminder")
    log.finish("confirmed", next_step="hangup")
    # a2: still ringing / talking in Asterisk; a3: gone without trace (never answered)
    clock.advance(minutes=1)
    orig = FakeOriginate()

    live = {a2.channel_id}
    later = {}

    async def restart():
        d = make(clock, orig, live=live, cfg={"outbound_max_channels": 3, "sip_lines": 8})
        await d.tick()
        await d.drain()
        later["dialer"] = d

    run(restart())
    t1, t2, t3 = (queue.Task.get_by_id(a.task_id) for a in (a1, a2, a3))
    assert t1.status == queue.DONE and t1.outcome == "confirmed" and t1.call_id == log.call.id
    assert t2.status == queue.DIALING  # left alone while Asterisk still has the channel
    assert t3.status == queue.QUEUED and t3.next_at == clock() + dt.timedelta(minutes=30)
    assert orig.calls == []  # nobody was rung again at restart
    assert queue.DialAttempt.get_by_id(a3.id).status == queue.LOST
    # the call still live at restart ends: the next check (every 10 s) settles it, still without a new dial
    live.clear()
    clock.advance(seconds=11)
    run(later["dialer"].tick())
    assert queue.DialAttempt.get_by_id(a2.id).status == queue.LOST and orig.calls == []


def test_engine_died_mid_conversation_is_never_redialled(crm_store):
    clock = FakeClock(WED_10)
    task, = add(1, clock())
    attempt = queue.claim(task.id, clock())
    queue.mark(attempt.id, queue.IN_CALL, clock())
    CallLog("outbound", uniqueid=attempt.channel_id, campaign="reminder")  # no outcome: the engine died
    clock.advance(minutes=5)
    orig = FakeOriginate()

    async def restart():
        d = make(clock, orig)
        await d.tick()

    run(restart())
    t = queue.Task.get_by_id(task.id)
    assert t.status == queue.DONE and t.outcome == "failed" and orig.calls == []


def test_claim_is_exclusive_and_targeting_idempotent(crm_store):
    now = WED_10
    task, = add(1, now)
    assert add(1, now) == [None]  # same key: not queued twice
    assert queue.claim(task.id, now) is not None
    assert queue.claim(task.id, now) is None  # a second dialer (or a restart) cannot claim it again
    assert queue.finish_attempt(999, queue.BUSY, now) is None
