"""End to end: a clinic's instance (its recorded greeting, config, secrets, call log) is backed up, its disk
wiped, a fresh instance installed and the backup restored; then the real Asterisk and the real engine come up
on it and a real sipp call hears the clinic's own recorded greeting again.

The same engine runs with ``NOTIFY_SOCKET`` pointing at a datagram socket of this test, standing in for
systemd's: it says READY=1 once it answers, pings WATCHDOG=1 from its event loop, and stops pinging while it
is frozen (SIGSTOP) — what makes systemd's ``WatchdogSec`` kill and restart it. The kill and restart itself
needs a running systemd, which this machine does not have (documented, not tested here).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from appliance import settings
from appliance.data import crm
from appliance.phrasebook import build_placeholder
from appliance.speech.prompt_pack import RECORDED, PromptPack
from appliance.telephony import sipp
from tests.audio_checks import heard_prompt
from tests.ops_helpers import populate_crm, table_rows
from tests.plugins.asterisk import make_instance
from tests.plugins.engine import LiveEngine, installed_models_root

pytestmark = pytest.mark.e2e

PASSPHRASE = "restore-test-passphrase"
WATCHDOG_USEC = 3_000_000  # WatchdogSec=3: pinged every second


def _cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "appliance", *args], env=env, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def restored():
    if os.geteuid() != 0:
        pytest.skip("a real Asterisk needs root")
    models = installed_models_root()
    if models is None:
        pytest.skip("speech models not installed: run install.sh (dentalcall models install --defaults)")
    # --- the clinic as it was: its own recorded greeting, settings, secrets, call log
    nas = Path(tempfile.mkdtemp(prefix="dc-ops-nas-"))  # where the backup is kept safe (and the passphrase)
    passphrase_file = nas / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE)
    old = make_instance(prefix="dc-ops-clinic-")
    env_old = {**old.env, "DENTALCALL_MODELS_ROOT": str(models)}
    settings.write_config(old.config, {"clinic_name": "행복치과", "staff_extensions": "201"})
    config = settings.load(env=env_old)
    assert _cli(env_old, "backup", "passphrase", "--from-file", str(passphrase_file)).returncode == 0
    build_placeholder(config)
    pack = PromptPack.load(config)
    recorded = np.frombuffer(pack.pcm("greeting"), dtype="<i2")[::-1].copy()  # "recorded" in the clinic's voice
    # stored as a kept take would be (the take check itself is tested in tests/test_take_check.py)
    pack.store("prompt", "greeting", recorded.tobytes(), pack.expected_text("prompt", "greeting") or "",
               source=RECORDED, voice="clinic")
    pack.save_manifest()
    pack.reload()
    greeting = pack.pcm("greeting")
    crm.open_for(config)
    populate_crm(12)
    crm.database.close()
    rows = table_rows(config.crm_url)
    out = _cli(env_old, "backup")
    assert out.returncode == 0, out.stderr
    archive = nas / "clinic.tar.zst"
    shutil.copyfile(next((old.home / "backups").glob("*.tar.zst")), archive)
    shutil.rmtree(old.home)  # the disk is gone

    # --- a fresh install on a new disk, then the restore
    new = make_instance(prefix="dc-ops-fresh-")
    env = {**new.env, "DENTALCALL_MODELS_ROOT": str(models), "DENTALCALL_LLM_MODEL": ""}
    assert _cli(env, "init", "-y", "--clinic-name", "새치과").returncode == 0
    placeholder = PromptPack.load(settings.load(env=env)).pcm("greeting")
    for key in ("SIP_PORT", "AMI_PORT", "AGI_PORT", "AUDIOSOCKET_PORT", "RTP_START", "RTP_END"):
        env.pop("DENTALCALL_" + key, None)  # from now on the restored configuration decides
    restore = _cli(env, "restore", str(archive), "--passphrase-file", str(passphrase_file))
    assert restore.returncode == 0, restore.stderr
    config = settings.load(env=env)
    restored_rows = table_rows(config.crm_url)  # before the engine's dialer and monitor start working on it
    from appliance.telephony.asterisk import Asterisk

    asterisk = Asterisk(config)
    asterisk.start(timeout=60)
    notify = Listener(new.home / "notify.sock")
    notify_path = notify.path
    engine_env = {**env, "NOTIFY_SOCKET": str(notify_path), "WATCHDOG_USEC": str(WATCHDOG_USEC)}
    engine = LiveEngine(new, engine_env, new.home / "engine.log")
    try:
        engine.start()
        yield {"config": config, "engine": engine, "notify": notify, "rows": rows, "restored_rows": restored_rows,
               "greeting": greeting,
               "placeholder": placeholder}
    finally:
        engine.stop()
        notify.close()
        asterisk.stop()
        shutil.rmtree(new.home, ignore_errors=True)
        shutil.rmtree(nas, ignore_errors=True)


class Listener:
    """systemd's side of sd_notify: collects (arrival time, message) in a thread."""

    def __init__(self, path: Path):
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.settimeout(0.2)
        self.messages: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.messages.append((time.monotonic(), self.sock.recv(4096).decode()))
            except socket.timeout:
                continue

    def since(self, t: float) -> list[str]:
        return [m for at, m in list(self.messages) if at >= t]

    def wait_for(self, prefix: str, after: float, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(m.startswith(prefix) for m in self.since(after)):
                return True
            time.sleep(0.1)
        return False

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


def test_restored_instance_answers_with_the_clinics_recorded_greeting(restored):
    config = restored["config"]
    after = restored["restored_rows"]
    for table, rows in restored["rows"].items():  # calls, queue, opt-outs ... all back, row by row
        if table != "access_entry":
            assert after[table] == rows, table
    assert PromptPack.load(config).pcm("greeting") == restored["greeting"] != restored["placeholder"]
    seconds = len(restored["greeting"]) / 16000 + 4.0  # the whole greeting, then hang up
    result = sipp.place_call("127.0.0.1", config.sip_port, [(None, seconds)], from_user="01055550000",
                             hold_seconds=seconds, timeout=60)
    assert result.ok, result.describe()
    found, score, offset = heard_prompt(result.heard_pcm(), restored["greeting"])
    assert found and offset < 2.0, (score, offset, restored["engine"].tail())
    assert not heard_prompt(result.heard_pcm(), restored["placeholder"])[0]  # not the fresh install's voice
    calls = table_rows(config.crm_url)["call"]
    assert len(calls) == len(restored["rows"]["call"]) + 1  # the new call is logged after the restored ones


def test_engine_tells_systemd_it_is_ready_and_stops_pinging_while_frozen(restored):
    engine, notify = restored["engine"], restored["notify"]
    first = [m for _, m in notify.messages]
    ready = [i for i, m in enumerate(first) if m.startswith("READY=1")]
    assert ready and first[ready[0]].startswith("READY=1\nSTATUS=ready, 0 calls in progress"), first[:5]
    assert first[0] == "STATUS=loading models"  # pings while the models load, READY only once it answers
    assert notify.wait_for("WATCHDOG=1\nSTATUS=ready", time.monotonic(), 10)
    os.kill(engine.proc.pid, signal.SIGSTOP)  # the engine hangs
    try:
        time.sleep(0.5)  # a ping already on its way may still arrive
        frozen = time.monotonic()
        time.sleep(3 * WATCHDOG_USEC / 1e6)
        assert notify.since(frozen) == []  # no ping for longer than WatchdogSec: systemd would kill and restart it
    finally:
        os.kill(engine.proc.pid, signal.SIGCONT)
    assert notify.wait_for("WATCHDOG=1", frozen, 15)  # alive again, pinging
