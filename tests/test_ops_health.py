"""Operations logic without Asterisk: sd_notify over a real datagram socket standing in for systemd's, the
watchdog pings stopping while the event loop hangs, the engine's start record and restart alert, health
alerts in a real SQLite CRM, the health monitor's thresholds, disk levels and the drain flag."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import socket
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from appliance import settings
from appliance.ops import alerts, disk, drain, engine_hooks, engine_process
from appliance.ops.monitor import TRUNK_GRACE_S, HealthMonitor
from appliance.ops.sdnotify import Notifier


@pytest.fixture
def notify_socket(tmp_path):
    """A datagram socket where systemd's would be; yields (env, receive(timeout) -> message or None)."""
    path = tmp_path / "notify.sock"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))

    def receive(timeout: float) -> str | None:
        sock.settimeout(timeout)
        try:
            return sock.recv(4096).decode()
        except socket.timeout:
            return None

    def drain_all() -> list[str]:
        out = []
        while (msg := receive(0.01)) is not None:
            out.append(msg)
        return out

    receive.drain_all = drain_all  # type: ignore[attr-defined]
    yield {"NOTIFY_SOCKET": str(path)}, receive
    sock.close()


@pytest.fixture
def config(tmp_path):
    return settings.load(overrides={"home": str(tmp_path / "home")}, env={})


def test_notifier_speaks_the_protocol_and_is_silent_outside_systemd(notify_socket, tmp_path):
    env, receive = notify_socket
    n = Notifier({**env, "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": str(os.getpid())})
    assert n.enabled and n.watchdog_seconds == 30.0
    assert n.ready("ready, 0 calls in progress")
    assert receive(2) == "READY=1\nSTATUS=ready, 0 calls in progress"
    assert n.ping() and receive(2) == "WATCHDOG=1"
    assert n.stopping() and receive(2) == "STOPPING=1"
    # a watchdog meant for another process (WATCHDOG_PID) is not ours; no NOTIFY_SOCKET: a no-op
    assert Notifier({**env, "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}).watchdog_seconds is None
    assert not Notifier({}).enabled and Notifier({}).ready() is False
    # abstract-namespace addresses (systemd's usual) are sent to, too
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    name = f"dentalcall-test-{os.getpid()}"
    abstract.bind("\0" + name)
    abstract.settimeout(2)
    try:
        assert Notifier({"NOTIFY_SOCKET": "@" + name}).send("STATUS=x")
        assert abstract.recv(100) == b"STATUS=x"
    finally:
        abstract.close()


def test_watchdog_pings_come_from_the_event_loop_and_stop_while_it_hangs(notify_socket, config):
    env, receive = notify_socket
    notifier = Notifier({**env, "WATCHDOG_USEC": "300000"})  # WatchdogSec=0.3 s: pinged every 0.1 s
    engine = SimpleNamespace(config=config, calls_in_progress=2, agi_server=object())
    loop = asyncio.new_event_loop()
    unblock = threading.Event()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    task = asyncio.run_coroutine_threadsafe(engine_hooks.run_watchdog(engine, notifier), loop)
    try:
        first = receive(5)
        assert first is not None and first.startswith("WATCHDOG=1\nSTATUS=ready, 2 calls in progress")
        loop.call_soon_threadsafe(unblock.wait)  # the loop hangs (a blocking call, a deadlock)
        time.sleep(0.3)
        receive.drain_all()  # pings sent before the hang took hold
        assert receive(1.0) is None  # hung loop: no ping, so systemd's WatchdogSec would fire
        unblock.set()
        assert (receive(5) or "").startswith("WATCHDOG=1")  # alive again
    finally:
        unblock.set()
        task.cancel()
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)


def test_serve_hooks_ready_pid_file_and_clean_stop(notify_socket, config, crm_db):
    env, receive = notify_socket

    async def main():
        engine = SimpleNamespace(config=config, calls_in_progress=0, agi_server=None)
        hooks = engine_hooks.ServeHooks(engine, Notifier(env))
        assert receive(2) == "STATUS=loading models"
        assert engine_process.read_pidfile(config)["pid"] == os.getpid()
        engine.agi_server = object()
        hooks.ready()
        assert receive(2) == "READY=1\nSTATUS=ready, 0 calls in progress"
        hooks.stopping()
        assert receive(2) == "STOPPING=1"
        hooks.stopped()

    asyncio.run(main())
    assert engine_process.read_pidfile(config) is None  # a clean stop leaves no pid file
    assert engine_process.starts(config)[-1]["unclean"] is False


def test_unclean_exits_and_repeated_restarts_raise_an_alert(config, crm_db):
    run = engine_process.run_dir(config)
    dead = 2 ** 22 + 12345  # beyond pid_max on this box: never a live process

    def crash_and_start(planned: bool = False) -> dict:
        (run / "engine.pid").write_text(json.dumps({"pid": dead}))  # what kill -9 leaves behind
        entry = engine_process.record_start(config, planned=planned, version="test")
        engine_hooks.check_restarts(config, entry)
        return entry

    assert crash_and_start()["unclean"] is True
    crash_and_start()
    assert alerts.open_alerts() == []  # two starts in an hour: not yet
    crash_and_start()
    (alert,) = alerts.open_alerts()
    assert alert.kind == "engine_restarts" and "3 times in the last hour" in alert.message
    assert "3 after an unclean" in alert.message
    crash_and_start()
    (alert,) = alerts.open_alerts()
    assert alert.count == 2  # the same open alert, not a new one per restart
    # a drained restart (upgrade) is planned: it neither counts nor alerts
    alerts.resolve_alert("engine_restarts")
    entry = crash_and_start(planned=True)
    assert entry["planned"] and alerts.open_alerts() == []
    hour_ago = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
    assert len(engine_process.unplanned_starts_since(config, hour_ago)) == 4


def test_alerts_are_one_open_row_per_kind_until_resolved_then_new(crm_db):
    seen = []
    alerts.add_listener(seen.append)
    try:
        a = alerts.raise_alert("backup_failed", "nightly backup failed: disk full")
        b = alerts.raise_alert("backup_failed", "nightly backup failed: NAS not mounted")
        assert a.id == b.id and b.count == 2 and b.message.endswith("NAS not mounted")
        assert [x.id for x in alerts.pending_notifications()] == [a.id]
        alerts.mark_notified(a.id)
        assert alerts.pending_notifications() == []
        assert alerts.resolve_alert("backup_failed") == 1 and alerts.open_alerts() == []
        c = alerts.raise_alert("backup_failed", "again")
        assert c.id != a.id and [x.id for x in alerts.pending_notifications()] == [c.id]
        assert [x.kind for x in seen] == ["backup_failed"] * 3
    finally:
        alerts._LISTENERS.remove(seen.append)


def test_raise_alert_never_raises_when_the_crm_is_unusable(tmp_path, caplog):
    from appliance.data import crm

    crm.database.initialize(None)
    bad = SimpleNamespace(crm_url=f"sqlite:///{tmp_path}/not-a-dir/x/crm.sqlite")
    (tmp_path / "not-a-dir").write_text("a file where a folder should be")
    with caplog.at_level("WARNING"):
        assert alerts.raise_alert("disk_full", "disk full", config=SimpleNamespace(crm_url=bad.crm_url)) is None
    assert "ALERT disk_full: disk full" in caplog.text


def test_monitor_alerts_after_the_thresholds_and_resolves(crm_db):
    cfg = SimpleNamespace(alert_emr_minutes=10)
    m = HealthMonitor(cfg)
    t0 = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.timezone.utc)
    ok = disk.Usage(Path("/"), total=100 * 2 ** 30, used=50 * 2 ** 30, free=50 * 2 ** 30)
    assert m.observe(t0, emr_ok=False, emr_detail="EMR unreachable", trunks={"kt": "Rejected"}, disk_usage=ok) == []
    assert m.observe(t0 + dt.timedelta(minutes=9), emr_ok=False, trunks={"kt": "Rejected"}) == ["trunk_unregistered"]
    raised = m.observe(t0 + dt.timedelta(minutes=10), emr_ok=False, trunks={"kt": "Unregistered"})
    assert set(raised) == {"emr_unreachable", "trunk_unregistered"}
    kinds = {a.kind: a for a in alerts.open_alerts()}
    assert "10 minutes" in kinds["emr_unreachable"].message
    assert "kt (unregistered" in kinds["trunk_unregistered"].message
    m.observe(t0 + dt.timedelta(minutes=11), emr_ok=True, trunks={"kt": "Registered"})
    assert alerts.open_alerts() == []
    # a registration that flaps back within the grace period never bothers staff
    m.observe(t0 + dt.timedelta(minutes=20), trunks={"kt": "Rejected"})
    assert m.observe(t0 + dt.timedelta(minutes=20, seconds=TRUNK_GRACE_S - 1), trunks={"kt": "Rejected"}) == []
    # disk: 85 % warns, full is its own alert; back to normal resolves both
    low = disk.Usage(Path("/"), total=100 * 2 ** 30, used=86 * 2 ** 30, free=14 * 2 ** 30)
    full = disk.Usage(Path("/"), total=100 * 2 ** 30, used=100 * 2 ** 30 - 2 ** 20, free=2 ** 20)
    assert m.observe(t0, disk_usage=low) == ["disk_low"]
    assert m.observe(t0, disk_usage=full) == ["disk_full"]
    assert {a.kind for a in alerts.open_alerts()} == {"disk_low", "disk_full"}
    m.observe(t0, disk_usage=ok)
    assert alerts.open_alerts() == []


def test_monitor_resolves_an_alert_left_open_by_a_previous_run(crm_db):
    alerts.raise_alert("emr_unreachable", "EMR down for 30 minutes")
    HealthMonitor(SimpleNamespace(alert_emr_minutes=10)).observe(dt.datetime.now(dt.timezone.utc), emr_ok=True)
    assert alerts.open_alerts() == []


def test_disk_levels():
    gb = 2 ** 30
    assert disk.Usage(Path("/"), 100 * gb, 84 * gb, 16 * gb).level == "ok"
    assert disk.Usage(Path("/"), 100 * gb, 85 * gb, 15 * gb).level == "low"
    assert disk.Usage(Path("/"), 100 * gb, 98 * gb, 2 * gb).level == "full"
    assert disk.Usage(Path("/"), gb, gb // 2, 100 * 2 ** 20).level == "full"  # under 200 MB free
    assert disk.usage(Path("/no/such/folder/below/root")).path == Path("/")


def test_drain_flag_expires_by_itself_and_counts_engine_channels(config):
    assert not drain.is_draining(config)
    drain.start(config, 60, reason="restart")  # no Asterisk here: the engine's copy still works
    assert drain.is_draining(config) and drain.planned_restart(config)
    drain.end(config)
    assert not drain.is_draining(config) and not drain.planned_restart(config)
    drain.start(config, -1)  # a flag left behind by a crash, past its deadline
    assert not drain.is_draining(config) and drain.state(config) is None
    concise = "\n".join([
        "PJSIP/sipp-00000001!dentalcall-inbound!s!7!Up!AudioSocket!uuid,127.0.0.1:4574!0101234!!!3!12!!1700000000.1",
        "PJSIP/201-00000002!dentalcall-staff!*98!3!Up!VoiceMailMain!100@dentalcall!201!!!3!40!!1700000000.2",
        "PJSIP/sipp-00000003!dentalcall-next!transfer!6!Ring!Dial!PJSIP/201,20!0101!!!3!2!!1700000000.3",
        "PJSIP/201-00000004!dentalcall-staff!*77!4!Up!AGI!agi://127.0.0.1/prompts!201!!!3!5!!1700000000.4",
        "PJSIP/trunk-kt-00000005!!!1!Ringing!AppDial2!(Outgoing Line)!!!!3!3!!dc-12-1-ab12cd34",
    ])
    assert drain.count_engine_channels(drain.parse_concise(concise)) == 3  # AI call, *77 recording, dialer ringing


def test_wait_idle_waits_for_the_last_call_and_is_capped(config):
    counts = iter([2, 1, None, 0])
    idle, _ = drain.wait_idle(config, 60, poll_s=0.01, counter=lambda c: next(counts))
    assert idle
    idle, _ = drain.wait_idle(config, 0.05, poll_s=0.01, counter=lambda c: 1)
    assert not idle  # the cap: restart anyway, live calls fall back to staff


def test_engine_found_by_its_fastagi_listener_without_a_pid_file(config):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    try:
        port = server.getsockname()[1]
        cfg = SimpleNamespace(data_dir=config.data_dir, agi_port=port)
        assert engine_process.engine_pid(cfg) == os.getpid()
    finally:
        server.close()
    assert engine_process.engine_pid(SimpleNamespace(data_dir=config.data_dir, agi_port=port)) is None


def test_switch_venv_keeps_the_previous_release(tmp_path):
    releases = tmp_path / "venv-releases"
    for name in ("0.1.0-aaa", "0.2.0-bbb"):
        (releases / name / "bin").mkdir(parents=True)
        (releases / name / "bin" / "dentalcall").write_text("#!/bin/sh\n")
    link = tmp_path / "venv"
    link.symlink_to(releases / "0.1.0-aaa")
    engine_process.switch_venv(link, releases / "0.2.0-bbb")
    assert link.resolve() == releases / "0.2.0-bbb"
    assert (tmp_path / "venv.previous").resolve() == releases / "0.1.0-aaa"
    engine_process.switch_venv(link, releases / "0.1.0-aaa")  # a rollback swaps them
    assert link.resolve() == releases / "0.1.0-aaa"
    assert (tmp_path / "venv.previous").resolve() == releases / "0.2.0-bbb"
    with pytest.raises(RuntimeError, match="not a DentalCall venv"):
        engine_process.switch_venv(link, tmp_path)
