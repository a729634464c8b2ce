"""End to end on a really full disk: an instance whose whole home (CRM, prompts, Asterisk's spool and logs)
lives on a small tmpfs that gets filled to the last byte while the real Asterisk and engine run. A real call
then cannot be logged — and still reaches a person: the dialplan's apology, then staff or voicemail, no dead
air. ``doctor`` fails the disk check and says why. Once space is freed, the next call is the AI's again,
without a restart."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from appliance import settings
from appliance.phrasebook import build_placeholder
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from appliance.telephony.asterisk import Asterisk
from tests.audio_checks import heard_prompt
from tests.plugins.asterisk import AsteriskInstance, pick_ports
from tests.plugins.engine import LiveEngine, installed_models_root

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def small_disk():
    if os.geteuid() != 0:
        pytest.skip("needs root (a tmpfs mount, Asterisk)")
    models = installed_models_root()
    if models is None:
        pytest.skip("speech models not installed: run install.sh (dentalcall models install --defaults)")
    mount = Path(tempfile.mkdtemp(prefix="dc-ops-disk-"))
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=96m,mode=0755", "tmpfs", str(mount)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    home = mount / "home"
    home.mkdir(mode=0o755)
    ports = pick_ports()
    values = {**ports, "sip_bind": "127.0.0.1", "models_root": str(models), "llm_model": ""}
    settings.write_config(settings.load(overrides={"home": str(home)}, env={}), values)
    config = settings.load(overrides={"home": str(home)}, env={})
    env = {**os.environ, "DENTALCALL_HOME": str(home), "DENTALCALL_MODELS_ROOT": str(models),
           "DENTALCALL_LLM_MODEL": ""}
    instance = AsteriskInstance(home=home, config=config, asterisk=Asterisk(config), env=env, ports=ports)
    build_placeholder(config)
    engine = LiveEngine(instance, env, mount.parent / f"{mount.name}-engine.log")
    try:
        instance.asterisk.start(timeout=60)
        engine.start()
        yield {"mount": mount, "config": config, "engine": engine, "env": env}
    finally:
        engine.stop()
        instance.asterisk.stop()
        subprocess.run(["umount", "-l", str(mount)])
        shutil.rmtree(mount, ignore_errors=True)
        (mount.parent / f"{mount.name}-engine.log").unlink(missing_ok=True)


def _call_rows(config) -> int:
    conn = sqlite3.connect(f"file:{config.crm_url[len('sqlite:///'):]}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM call").fetchone()[0]
    finally:
        conn.close()


def _fill(mount: Path) -> Path:
    filler = mount / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1 << 20, 4096, 512):  # down to the last few bytes
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                continue
    finally:
        os.close(fd)
    return filler


def test_full_disk_calls_reach_staff_or_voicemail_and_doctor_says_why(small_disk):
    config, mount = small_disk["config"], small_disk["mount"]
    pack = PromptPack.load(config)
    greeting_s = len(pack.pcm("greeting")) / 16000
    # the CRM's write-ahead log emptied, as after any checkpoint: the next write needs new disk space
    conn = sqlite3.connect(config.crm_url[len("sqlite:///"):])
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _call_rows(config)
    filler = _fill(mount)
    assert shutil.disk_usage(mount).free < 64 * 1024

    result = sipp.place_call("127.0.0.1", config.sip_port, [(None, 22.0)], from_user="01012340000",
                             hold_seconds=22, timeout=60)
    assert result.ok, result.describe()
    heard = result.heard_pcm()
    found, _, at = heard_prompt(heard, pack.pcm("apology"))
    assert found, small_disk["engine"].tail()  # the dialplan's fallback took the call...
    assert heard_prompt(heard, pack.pcm("leave_message"))[0]  # ...to staff, then the voicemail prompt
    assert sipp.longest_silence(heard, start=0.5, end=at) < 6.0  # no dead air before the apology
    assert "database or disk is full" in small_disk["engine"].tail(200)

    doctor = subprocess.run([sys.executable, "-m", "appliance", "doctor", "--json"], env=small_disk["env"],
                            capture_output=True, text=True, timeout=120)
    checks = {c["name"]: c for c in json.loads(doctor.stdout)}
    assert checks["disk"]["status"] == "fail" and doctor.returncode == 1
    assert "disk full" in checks["disk"]["detail"] and "not logged" in checks["disk"]["detail"]
    assert "free space" in checks["disk"]["fix"]

    filler.unlink()  # space freed: the appliance is itself again, no restart needed
    result = sipp.place_call("127.0.0.1", config.sip_port, [(None, greeting_s + 3.0)], from_user="01012340001",
                             hold_seconds=greeting_s + 3.0, timeout=60)
    assert result.ok and heard_prompt(result.heard_pcm(), pack.pcm("greeting"))[0], result.describe()
    assert _call_rows(config) == before + 1  # the call while full was not logged; this one is
