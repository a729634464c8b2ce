"""End to end: the previous tagged release (``v0.1.0``) is installed by its own ``install.sh`` into a temporary
root (own venv, own instance home; the shared venv is never touched), filled with calls, callbacks, opt-outs
and a queue, and answering calls. Then ``install.sh`` of this checkout runs while a real sipp call talks to the
old engine: the CRM is migrated, new callers go to staff (drain), the call in progress finishes normally, and
only then does the engine restart on the new release venv. ``install.sh --rollback`` returns to the old one.

Takes several minutes (two venvs, three engine starts). New venvs see the shared venv's packages through
``DENTALCALL_VENV_SEED`` instead of downloading them again.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from appliance import settings
from appliance.commands.demo import demo_script
from appliance.ops import engine_process
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from appliance.telephony.asterisk import Asterisk
from tests.audio_checks import heard_prompt
from tests.ops_helpers import table_rows
from tests.plugins.asterisk import pick_ports
from tests.plugins.engine import installed_models_root

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parent.parent
PREVIOUS = "v0.1.0"
SHARED_VENV = Path(sys.prefix)


def _run(args: list[str], env: dict, timeout: float = 900, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, **kw)


def _version(venv: Path, env: dict) -> str:
    out = _run([str(venv / "bin" / "python"), "-c", "import appliance; print(appliance.__version__)"], env, cwd="/")
    return out.stdout.strip()


class Lab:
    def __init__(self, root: Path, models: Path):
        self.root = root
        self.venv = root / "opt" / "venv"
        self.home = root / "home"
        self.src_old = root / "src-previous"
        env = {k: v for k, v in os.environ.items() if not k.startswith("DENTALCALL_") and k != "PYTHONPATH"}
        self.env = {**env, "DENTALCALL_HOME": str(self.home), "DENTALCALL_VENV": str(self.venv),
                    "DENTALCALL_NO_MODELS": "1", "DENTALCALL_NO_LLM": "1",
                    "DENTALCALL_VENV_SEED": str(SHARED_VENV)}
        self.ports = pick_ports()
        base = settings.load(overrides={"home": str(self.home)}, env={})
        settings.write_config(base, {**self.ports, "sip_bind": "127.0.0.1", "models_root": str(models),
                                     "llm_model": "", "clinic_name": "미소치과", "staff_extensions": "201"})
        self.log = root / "install.log"

    @property
    def config(self) -> settings.Config:
        return settings.load(overrides={"home": str(self.home)}, env={})

    def engine_pid(self) -> int | None:
        return engine_process.listener_pid(self.ports["agi_port"])

    def wait_engine(self, timeout: float = 400) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if engine_process.agi_health(self.config):
                return self.engine_pid()
            time.sleep(1)
        raise AssertionError(f"engine not answering; log: {self._tail(self.home / 'var' / 'log' / 'engine.log')}")

    def install(self, *args: str) -> subprocess.Popen:
        log = open(self.log, "ab")
        return subprocess.Popen(["bash", str(REPO / "install.sh"), *args], env=self.env, stdout=log,
                                stderr=subprocess.STDOUT, cwd="/")

    @staticmethod
    def _tail(path: Path, n: int = 40) -> str:
        try:
            return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def greeting_seconds(self) -> float:
        return len(PromptPack.load(self.config).pcm("greeting") or b"") / 16000

    def call(self, seconds: float, **kw) -> sipp.CallHandle:
        return sipp.start_call("127.0.0.1", self.ports["sip_port"], [(None, seconds)], hold_seconds=seconds,
                               timeout=seconds + 60, **kw)


@pytest.fixture(scope="module")
def lab():
    if os.geteuid() != 0:
        pytest.skip("needs root (install.sh, Asterisk)")
    if subprocess.run(["git", "-C", str(REPO), "rev-parse", "-q", "--verify", f"{PREVIOUS}^{{commit}}"],
                      capture_output=True).returncode != 0:
        pytest.skip(f"the previous release tag {PREVIOUS} is not in this checkout (git fetch --tags)")
    models = installed_models_root()
    if models is None:
        pytest.skip("speech models not installed: run install.sh (dentalcall models install --defaults)")
    root = Path(tempfile.mkdtemp(prefix="dc-ops-upgrade-"))
    root.chmod(0o755)
    lab = Lab(root, models)
    try:
        # the previous release, installed by its own install.sh, into a venv seeded with this one's packages
        lab.src_old.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", PREVIOUS], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(lab.src_old)], input=archive.stdout, check=True)
        subprocess.run(["python3", "-m", "venv", str(lab.venv)], check=True)
        site = _run([str(lab.venv / "bin" / "python"), "-c",
                     "import sysconfig; print(sysconfig.get_paths()['purelib'])"], lab.env).stdout.strip()
        shared = _run([str(SHARED_VENV / "bin" / "python"), "-c",
                       "import sysconfig; print(sysconfig.get_paths()['purelib'])"], lab.env).stdout.strip()
        Path(site, "_dentalcall_seed.pth").write_text(shared + "\n")
        old = _run(["bash", str(lab.src_old / "install.sh")], lab.env, cwd="/")
        assert old.returncode == 0, old.stdout[-3000:] + old.stderr[-3000:]
        assert _version(lab.venv, lab.env) == "0.1.0"
        cli = str(lab.venv / "bin" / "dentalcall")
        assert _run([cli, "init", "-y"], lab.env).returncode == 0
        filled = _run([str(lab.venv / "bin" / "python"), str(REPO / "tests" / "ops_helpers.py"), "populate", "40"],
                      lab.env, cwd="/")
        assert filled.returncode == 0, filled.stderr
        assert _run([cli, "asterisk", "start"], lab.env).returncode == 0
        engine_log = open(root / "engine-previous.log", "ab")
        subprocess.Popen([cli, "serve"], env=lab.env, stdout=engine_log, stderr=subprocess.STDOUT,
                         start_new_session=True, cwd="/")
        lab.old_pid = lab.wait_engine()
        lab.rows_before = table_rows(lab.config.crm_url)
        yield lab
    finally:
        pid = lab.engine_pid()
        if pid:
            os.kill(pid, signal.SIGKILL)
        try:
            Asterisk(lab.config).stop()
        except Exception:
            pass
        if os.environ.get("DENTALCALL_KEEP_TEST_HOME") != "1":
            shutil.rmtree(root, ignore_errors=True)


def _heard_greeting(lab: Lab, result) -> bool:
    return heard_prompt(result.heard_pcm(), PromptPack.load(lab.config).pcm("greeting"))[0]


def test_upgrade_with_a_call_in_progress_drains_migrates_and_restarts_after_it(lab):
    config = lab.config
    pack = PromptPack.load(config)
    script, hold = demo_script(pack, sipp.demo_clip(config))
    script[-1] = (None, script[-1][1] + 12.0)  # the caller lingers: the restart must wait for them
    installer = lab.install()
    # the call starts when the installer has built the new release and reaches the CRM migrations
    deadline = time.monotonic() + 900
    while "==> CRM migrations" not in lab.log.read_text(errors="replace"):
        assert installer.poll() is None, lab._tail(lab.log)
        assert time.monotonic() < deadline, lab._tail(lab.log)
        time.sleep(0.2)
    first = sipp.start_call("127.0.0.1", config.sip_port, script, from_user="01012345678",
                            hold_seconds=hold + 12.0, timeout=hold + 90)
    # the drain: Asterisk's flag set, a new caller goes to staff (nobody there in the lab: voicemail)
    while "drain" not in Asterisk(config).rx("database show dentalcall"):
        assert installer.poll() is None and first.running, lab._tail(lab.log)
        time.sleep(0.2)
    assert lab.engine_pid() == lab.old_pid
    second = lab.call(12.0, from_user="01099998888")
    diverted = second.wait()
    assert diverted.ok, diverted.describe()
    assert heard_prompt(diverted.heard_pcm(), pack.pcm("leave_message"))[0]  # staff ring group, then voicemail
    assert not _heard_greeting(lab, diverted)  # the engine never took it
    result = first.wait()
    assert installer.wait(900) == 0, lab._tail(lab.log, 80)
    log = lab.log.read_text(errors="replace")

    # the call in progress went on normally to its end, on the old engine
    assert result.ok, result.describe()
    assert _heard_greeting(lab, result)
    calls = table_rows(config.crm_url)["call"]
    call = next(c for c in calls if c[4] == "01012345678")
    assert call[12] is None and call[10] == "caller_hung_up", call  # no error, the caller ended it
    # then the engine restarted: a new process, started after that call ended, from the new release venv
    new_pid = lab.engine_pid()
    assert new_pid and new_pid != lab.old_pid and not engine_process.alive(lab.old_pid)
    started = dt.datetime.fromisoformat(engine_process.read_pidfile(config)["started_at"]).replace(tzinfo=None)
    ended = dt.datetime.fromisoformat(str(call[9]))
    assert started >= ended, (started, ended)
    assert "drained in" in log and "restarted (pid" in log
    assert lab.venv.is_symlink() and lab.venv.resolve().name.startswith("0.2.0-")
    assert Path(f"{lab.venv}.previous").resolve().name.startswith("legacy-")
    assert _version(lab.venv, lab.env) == "0.2.0"
    assert not (Path(config.data_dir) / "run" / "drain.json").exists()
    assert "drain" not in Asterisk(config).rx("database show dentalcall")
    # the CRM: migrated forward, every row of the previous release still there, a copy taken first
    after = table_rows(config.crm_url)
    assert 80 in {r[0] for r in after["schema_version"]} and "ops_alert" in after
    for table, rows in lab.rows_before.items():
        if table == "schema_version":  # new steps may carry lower numbers (every unapplied step runs)
            assert set(rows) <= set(after[table])
        else:
            assert after[table][:len(rows)] == rows, table
    assert list((lab.home / "backups").glob("dentalcall-*-pre-upgrade.tar.zst"))
    # and the new engine answers
    third = lab.call(lab.greeting_seconds() + 4.0).wait()
    assert third.ok and _heard_greeting(lab, third), third.describe()


def test_rollback_returns_to_the_previous_release(lab):
    if not Path(f"{lab.venv}.previous").is_symlink():
        pytest.skip("the upgrade did not happen")
    upgraded_pid = lab.engine_pid()
    rollback = lab.install("--rollback")
    assert rollback.wait(900) == 0, lab._tail(lab.log, 60)
    assert Path(lab.venv).resolve().name.startswith("legacy-")
    assert Path(f"{lab.venv}.previous").resolve().name.startswith("0.2.0-")
    assert _version(lab.venv, lab.env) == "0.1.0"
    pid = lab.wait_engine()
    assert pid != upgraded_pid
    assert engine_process.read_pidfile(lab.config) is None  # 0.1.0 writes no pid file: the old code runs
    # the previous release works on the migrated CRM: it answers and logs the call
    before = len(table_rows(lab.config.crm_url)["call"])
    result = lab.call(lab.greeting_seconds() + 4.0, from_user="01077776666").wait()
    assert result.ok and _heard_greeting(lab, result), result.describe()
    calls = table_rows(lab.config.crm_url)["call"]
    assert len(calls) == before + 1 and calls[-1][4] == "01077776666"
