"""The real Asterisk (rootfs or native) booted with the generated config."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import stat
import time

import pytest
from panoramisk import Manager

from appliance.telephony.asterisk import TelephonyState
from tests.plugins.asterisk import make_instance


def _non_loopback_ipv4() -> str | None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent
            addr = s.getsockname()[0]
        except OSError:
            return None
    return None if addr.startswith("127.") else addr


async def _ami_login(port: int, user: str, secret: str) -> bool:
    manager = Manager(host="127.0.0.1", port=port, username=user, secret=secret, ping_delay=30,
                      reconnect_timeout=60)
    try:
        await asyncio.wait_for(manager.connect(), 5)
        for _ in range(100):
            if manager.authenticated_future is None:
                break
            await asyncio.sleep(0.05)
        if not manager.authenticated:
            return False
        reply = await asyncio.wait_for(manager.send_action({"Action": "Command", "Command": "core show uptime"}), 5)
        return reply.success
    finally:
        manager.close()


def test_boots_with_every_module_loaded(asterisk_instance):
    ast = asterisk_instance.asterisk
    info = ast.status()
    assert info["running"] and info["pid"] and info["version"].startswith("Asterisk ")
    assert ast.modules_wanted() - ast.modules_loaded() == set()


def test_start_is_idempotent(asterisk_instance):
    ast = asterisk_instance.asterisk
    pid = ast.pid()
    t0 = time.monotonic()
    assert ast.start()["pid"] == pid
    assert time.monotonic() - t0 < 5


def test_pjsip_endpoint_and_dialplan(asterisk_instance):
    out = asterisk_instance.rx("pjsip show endpoint dentalcall-test")
    assert "dentalcall-inbound" in out and "rfc4733" in out
    transports = asterisk_instance.rx("pjsip show transports")
    assert f"127.0.0.1:{asterisk_instance.ports['sip_port']}" in transports
    plan = asterisk_instance.rx("dialplan show dentalcall-inbound")
    assert f"AGI(agi://127.0.0.1:{asterisk_instance.ports['agi_port']}/inbound)" in plan
    assert "Set(AGISIGHUP=no)" in plan
    for exten in ("hangup", "transfer", "voicemail", "fallback"):
        assert f"'{exten}'" in asterisk_instance.rx("dialplan show dentalcall-next")


def test_ami_login_on_loopback_only(asterisk_instance):
    cfg = asterisk_instance.config
    port = asterisk_instance.ports["ami_port"]
    assert asyncio.run(_ami_login(port, cfg.ami_user, cfg.secret("ami_secret")))
    assert not asyncio.run(_ami_login(port, cfg.ami_user, "wrong-secret"))
    assert f"127.0.0.1:{port}" in asterisk_instance.rx("manager show settings")
    addr = _non_loopback_ipv4()
    if addr is None:
        pytest.skip("no non-loopback IPv4 address to probe")
    with pytest.raises(OSError):
        socket.create_connection((addr, port), timeout=2).close()


def test_spool_is_shared_but_not_world_writable(asterisk_instance):
    cfg = asterisk_instance.config
    uid, _ = asterisk_instance.asterisk.asterisk_ids()
    for path in (cfg.spool_dir, cfg.prompts_dir, cfg.recordings_dir):
        st = path.stat()
        assert st.st_uid == uid
        assert stat.S_IMODE(st.st_mode) == 0o2770, path
    manager = asterisk_instance.asterisk.etc_dir / "manager.conf"
    assert stat.S_IMODE(manager.stat().st_mode) == 0o600 and manager.stat().st_uid == uid


def test_cdr_csv_logs_calls(asterisk_instance):
    assert "cdr_csv" in asterisk_instance.asterisk.modules_loaded()
    assert "csv" in asterisk_instance.rx("cdr show status").lower()


def test_reload_picks_up_a_new_trunk(asterisk_instance):
    inst = asterisk_instance
    state = TelephonyState(inst.config)
    before = state.load()
    state.add_trunk("testtrunk", "192.0.2.77", "user77", "Pass-77-word", register=False)
    try:
        inst.asterisk.reload()
        assert "trunk-testtrunk" in inst.rx("pjsip show endpoints")
    finally:
        state.save(before)
        inst.asterisk.reload()
    assert "trunk-testtrunk" not in inst.rx("pjsip show endpoints")


def test_a_second_instance_runs_side_by_side(asterisk_instance):
    second = make_instance(prefix="dentalcall-ast2-")
    try:
        second.asterisk.start(timeout=60)
        assert second.asterisk.pid() != asterisk_instance.asterisk.pid()
        assert asterisk_instance.asterisk.status()["running"]
        assert f"127.0.0.1:{second.ports['sip_port']}" in second.rx("pjsip show transports")
    finally:
        assert second.asterisk.stop()
        shutil.rmtree(second.home, ignore_errors=True)
    assert not second.asterisk.running()
    assert asterisk_instance.asterisk.running()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root")
def test_rootfs_ready_is_fast(asterisk_instance):
    ast = asterisk_instance.asterisk
    if ast.mode != "rootfs":
        pytest.skip("native Asterisk")
    t0 = time.monotonic()
    assert ast.ensure_rootfs().startswith("22.")
    assert time.monotonic() - t0 < 1
