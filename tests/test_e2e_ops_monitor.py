"""The health monitor's probes against the real parts: a real Asterisk whose trunk cannot register (its carrier
is a port where nobody answers) is reported over AMI and becomes a ``trunk_unregistered`` alert after the grace
time; the drain flag lands in Asterisk's database and is removed again; an EMR whose server is down is
reported unreachable."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import socket
from types import SimpleNamespace

import pytest

from appliance import settings
from appliance.data import crm
from appliance.ops import alerts, drain
from appliance.ops.monitor import TRUNK_GRACE_S, HealthMonitor, trunk_statuses
from appliance.telephony.asterisk import TelephonyState
from tests.plugins.asterisk import make_instance

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def asterisk_with_dead_trunk():
    if os.geteuid() != 0:
        pytest.skip("a real Asterisk needs root")
    inst = make_instance(prefix="dc-ops-monitor-")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        dead_port = s.getsockname()[1]  # closed again: nobody answers the REGISTER
    TelephonyState(inst.config).add_trunk("kt", "127.0.0.1", "0212345678", "Trunk-Secret-1234", port=dead_port)
    try:
        inst.asterisk.start(timeout=60)
        yield inst
    finally:
        inst.asterisk.stop()
        shutil.rmtree(inst.home, ignore_errors=True)


def test_unregistered_trunk_is_seen_over_ami_and_alerted_after_the_grace(asterisk_with_dead_trunk, tmp_path):
    config = settings.load(env=asterisk_with_dead_trunk.env)
    statuses = asyncio.run(trunk_statuses(config))
    assert statuses is not None and set(statuses) == {"kt"} and statuses["kt"].lower() != "registered", statuses
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    try:
        monitor = HealthMonitor(config)
        t0 = dt.datetime.now(dt.timezone.utc)
        assert monitor.observe(t0, trunks=statuses) == []
        later = asyncio.run(trunk_statuses(config))
        assert monitor.observe(t0 + dt.timedelta(seconds=TRUNK_GRACE_S), trunks=later) == ["trunk_unregistered"]
        (alert,) = alerts.open_alerts()
        assert "kt (" in alert.message and "dentalcall trunk list" in alert.message
    finally:
        crm.database.close()


def test_drain_flag_reaches_asterisks_database_and_nothing_counts_as_a_live_call(asterisk_with_dead_trunk):
    config = settings.load(env=asterisk_with_dead_trunk.env)
    until = drain.start(config, 120)
    try:
        shown = asterisk_with_dead_trunk.rx("database get dentalcall drain")
        assert str(int(until)) in shown
        assert drain.live_calls(config) == 0  # no call: a restart would go ahead at once
    finally:
        drain.end(config)
    assert "not found" in asterisk_with_dead_trunk.rx("database get dentalcall drain").lower()


def test_emr_down_is_reported_unreachable():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed: the EMR server is off
    config = settings.load(overrides={"emr_url": f"postgresql://emr@127.0.0.1:{port}/emr",
                                      "emr_connect_timeout": 1.0}, env={})
    ok, detail = HealthMonitor(config).probe_emr()
    assert ok is False and "unreachable" in detail.lower(), detail
    assert HealthMonitor(SimpleNamespace(emr_url="")).probe_emr() == (None, "")
