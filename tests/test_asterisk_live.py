"""The real Asterisk (rootfs or native) booted with the generated config."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import stat
import time
from pathlib import Path

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
        reply = await asyncio.wait_for(manager.send_action({"Action": "CoreSettings"}), 5)
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


STAFF_UAS = """<?xml version="1.0" encoding="UTF-8"?>
<scenario name="staff phone that is busy">
  <recv request="INVITE"/>
  <send><![CDATA[
SIP/2.0 486 Busy Here
[last_Via:]
[last_From:]
[last_To:];tag=[pid]staff[call_number]
[last_Call-ID:]
[last_CSeq:]
Content-Length: 0

]]></send>
  <recv request="ACK"/>
</scenario>
"""


async def _originate_transfer(port: int, user: str, secret: str, summary: str) -> None:
    manager = Manager(host="127.0.0.1", port=port, username=user, secret=secret, ping_delay=30,
                      reconnect_timeout=60)
    try:
        await asyncio.wait_for(manager.connect(), 5)
        reply = await asyncio.wait_for(manager.send_action({
            "Action": "Originate", "Channel": "Local/transfer@dentalcall-next", "Application": "Wait",
            "Data": "4", "Variable": f"DENTALCALL_SUMMARY={summary}", "Async": "false", "Timeout": "10000",
        }), 15)
        assert reply.success, reply
    finally:
        manager.close()


@pytest.mark.skipif(shutil.which("sipp") is None, reason="sipp (apt: sip-tester) not installed")
def test_transfer_rings_staff_with_summary_then_voicemail(asterisk_instance, tmp_path):
    """transfer: the staff phone gets the summary (header and caller name); busy -> the clinic voicemail."""
    import subprocess

    from tests.plugins.asterisk import free_port

    inst = asterisk_instance
    cfg = inst.config
    sip_port = free_port(socket.SOCK_DGRAM)
    state = TelephonyState(cfg)
    before = state.load()
    state.add_extension("201", "Front desk", "Kq7vT2mzRx9w", contact=f"sip:201@127.0.0.2:{sip_port}")
    scenario = tmp_path / "staff.xml"
    scenario.write_text(STAFF_UAS)
    summary = "예약 문의: 내일 오전 스케일링 (AMI splits Variable on commas; the engine sets it over AGI)"
    try:
        inst.asterisk.reload()
        sipp = subprocess.Popen(
            ["sipp", "-sf", str(scenario), "-i", "127.0.0.2", "-p", str(sip_port), "-m", "1", "-timeout", "20s",
             "-timeout_error", "-nostdin", "-trace_msg", "-message_file", str(tmp_path / "msgs.log")],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(0.3)
        asyncio.run(_originate_transfer(inst.ports["ami_port"], cfg.ami_user, cfg.secret("ami_secret"), summary))
        assert sipp.wait(timeout=25) == 0, sipp.stderr.read()
    finally:
        state.save(before)
        inst.asterisk.reload()
    invite = (tmp_path / "msgs.log").read_text(encoding="utf-8", errors="replace")
    assert f"X-DentalCall-Summary: {summary}" in invite
    cdr = Path(inst.asterisk.log_dir / "cdr-csv" / "Master.csv")
    for _ in range(50):
        if cdr.exists() and "VoiceMail" in cdr.read_text(encoding="utf-8", errors="replace"):
            break
        time.sleep(0.1)
    rows = cdr.read_text(encoding="utf-8", errors="replace")
    assert '"voicemail","dentalcall-next"' in rows and "VoiceMail" in rows


def test_hung_engine_cannot_hold_a_call(asterisk_instance):
    """An engine that accepts the FastAGI connection and never answers: the watchdog still moves the call on."""
    inst = asterisk_instance
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        srv.bind(("127.0.0.1", inst.ports["agi_port"]))
    except OSError:
        srv.close()
        pytest.skip("an engine is listening on this instance's FastAGI port")
    srv.listen(5)
    srv.settimeout(5)
    try:
        inst.rx("channel originate Local/s@dentalcall-inbound application Wait 6")
        conn, _ = srv.accept()  # the engine "hangs": it reads nothing and answers nothing
        t0 = time.monotonic()
        moved = None
        while time.monotonic() - t0 < float(inst.config.engine_answer_timeout) + 3:
            chans = [ln.split("!") for ln in inst.rx("core show channels concise").splitlines() if "!" in ln]
            moved = next((c for c in chans if c[1] == "dentalcall-next"), None)
            if moved:
                break
            time.sleep(0.2)
        conn.close()
        assert moved, "the call stayed in the hung AGI"
        assert moved[2] in {"fallback", "voicemail", "transfer"}
    finally:
        srv.close()
        for line in inst.rx("core show channels concise").splitlines():
            if line.startswith("Local/s@dentalcall-inbound"):
                inst.rx(f"channel request hangup {line.split('!')[0]}")


def test_extra_lab_config_is_loaded_on_reload(asterisk_instance):
    """Tests can add their own endpoints (own loopback address) and contexts beside the generated config."""
    ast = asterisk_instance.asterisk
    ast.add_extra("pjsip.conf", "[labcaller]\ntype=endpoint\ncontext=lab\ndisallow=all\nallow=ulaw\n"
                                "[labcaller]\ntype=identify\nendpoint=labcaller\nmatch=127.0.0.3\n")
    ast.add_extra("extensions.conf", "[lab]\nexten => 1000,1,Answer()\n same => n,Hangup()\n")
    try:
        ast.reload()
        assert "lab" in asterisk_instance.rx("pjsip show endpoint labcaller")
        assert "1000" in asterisk_instance.rx("dialplan show lab")
        assert "dentalcall-test" in asterisk_instance.rx("pjsip show endpoints")
    finally:
        ast.clear_extra()
        ast.reload()
    assert "labcaller" not in asterisk_instance.rx("pjsip show endpoints")
