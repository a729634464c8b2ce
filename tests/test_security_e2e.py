"""Issue 11's attacks against the real parts: password guessing on SIP from a LAN host (a network namespace)
against the real Asterisk guarded by a real fail2ban, the AMI secret trying CLI commands, a call arriving while
the clinic facts are unusable, and ``dentalcall demo`` run on a production instance."""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from panoramisk import Manager

from appliance import settings
from appliance.data import crm
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sip_security, sipp
from appliance.telephony.asterisk import TelephonyState
from tests.audio_checks import heard_prompt
from tests.plugins.asterisk import make_instance

pytestmark = pytest.mark.e2e
REGISTER = Path(__file__).resolve().parent / "sip_register.py"


def _sh(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(argv), capture_output=True, text=True, timeout=60)


class Lan:
    """A veth pair into a network namespace holding a staff phone, a guesser and a host outside the allowed range."""

    def __init__(self) -> None:
        used = _sh("ip", "-4", "-o", "addr").stdout
        self.net = ""
        while not self.net or f" {self.net}." in used:  # a /24 no interface here uses
            self.net = f"10.{random.randrange(64, 250)}.{random.randrange(0, 255)}"
        tag = f"{os.getpid() % 100000}"
        self.ns, self.host_if, self.ns_if = f"dcsec{tag}", f"dcs{tag}h", f"dcs{tag}n"
        self.host, self.phone, self.guesser, self.outside = (f"{self.net}.{n}" for n in (1, 2, 3, 200))

    def up(self) -> None:
        steps = [("ip", "netns", "add", self.ns),
                 ("ip", "link", "add", self.host_if, "type", "veth", "peer", "name", self.ns_if),
                 ("ip", "link", "set", self.ns_if, "netns", self.ns),
                 ("ip", "addr", "add", f"{self.host}/24", "dev", self.host_if),
                 ("ip", "link", "set", self.host_if, "up")]
        steps += [("ip", "netns", "exec", self.ns, "ip", "addr", "add", f"{a}/24", "dev", self.ns_if)
                  for a in (self.phone, self.guesser, self.outside)]
        steps += [("ip", "netns", "exec", self.ns, "ip", "link", "set", name, "up") for name in (self.ns_if, "lo")]
        for step in steps:
            res = _sh(*step)
            if res.returncode != 0:
                self.down()
                pytest.skip(f"cannot build a test network ({' '.join(step)}): {res.stderr.strip()}")

    def down(self) -> None:
        _sh("ip", "netns", "del", self.ns)
        _sh("ip", "link", "del", self.host_if)

    def register(self, src: str, user: str, password: str, port: int, tries: int = 1) -> list:
        res = subprocess.run(["ip", "netns", "exec", self.ns, sys.executable, str(REGISTER), "--user", user,
                              "--server", self.host, "--port", str(port), "--src", src, "--timeout", "1.5",
                              *[arg for _ in range(tries) for arg in ("--password", password)]],
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, res.stderr
        return [json.loads(line)["status"] for line in res.stdout.splitlines()]


class Fail2ban:
    """A private fail2ban server (own socket, own nftables table) with the appliance's jail for one instance."""

    def __init__(self, config: settings.Config, folder: Path) -> None:
        self.dir, self.table = folder, f"f2b-dcsec{os.getpid() % 100000}"
        folder.mkdir()
        for name in ("fail2ban.conf", "paths-common.conf", "paths-debian.conf"):
            shutil.copy(Path("/etc/fail2ban") / name, folder)
        for sub in ("filter.d", "action.d"):
            shutil.copytree(Path("/etc/fail2ban") / sub, folder / sub)
        (folder / "fail2ban.local").write_text(
            f"[Definition]\nlogtarget = {folder}/fail2ban.log\nsocket = {folder}/f2b.sock\n"
            f"pidfile = {folder}/f2b.pid\ndbfile = :memory:\n")
        (folder / "jail.conf").write_text("[INCLUDES]\nbefore = paths-debian.conf\n\n"
                                          + sip_security.fail2ban_jail(config, table=self.table))

    def client(self, *args: str) -> subprocess.CompletedProcess:
        return _sh("fail2ban-client", "-c", str(self.dir), "-s", str(self.dir / "f2b.sock"), "-p",
                   str(self.dir / "f2b.pid"), *args)

    def banned(self) -> str:
        return self.client("status", sip_security.JAIL_NAME).stdout


def test_sip_password_guessing_from_the_lan_is_banned_while_the_staff_phone_still_registers(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("network namespaces, nftables and Asterisk need root")
    for tool in ("ip", "nft", "fail2ban-client"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} not installed (install.sh installs fail2ban and nftables)")
    lan = Lan()
    lan.up()
    inst = make_instance(prefix="dentalcall-sec-", sip_bind=lan.host, sip_allowed_networks=f"{lan.net}.0/25")
    guard = None
    try:
        password = TelephonyState(inst.config).add_extension("201", "데스크")  # generated, strong
        inst.asterisk.start(timeout=60)
        port = inst.ports["sip_port"]
        assert lan.register(lan.phone, "201", password, port) == [200]
        outside = lan.register(lan.outside, "201", password, port)  # right password, wrong network
        assert outside != [200], outside
        guard = Fail2ban(inst.config, tmp_path / "fail2ban")
        started = guard.client("start")
        assert started.returncode == 0, started.stderr + started.stdout
        guesses = lan.register(lan.guesser, "201", "Guess-0000-xyz", port, tries=sip_security.GUARD_MAX_RETRY + 1)
        assert 200 not in guesses
        deadline = time.monotonic() + 30
        while lan.guesser not in guard.banned() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert lan.guesser in guard.banned(), guard.banned() + (tmp_path / "fail2ban" / "fail2ban.log").read_text()
        assert lan.register(lan.guesser, "201", password, port) == ["timeout"]  # even the right password: dropped
        assert lan.register(lan.phone, "201", password, port) == [200]  # the clinic's phone is not locked out
        assert lan.phone not in guard.banned()
    finally:
        if guard is not None:
            guard.client("stop")
        inst.asterisk.stop()
        lan.down()
        shutil.rmtree(inst.home, ignore_errors=True)
    assert guard is None or f"table inet {guard.table}" not in _sh("nft", "list", "tables").stdout


async def _ami(port: int, user: str, secret: str, action: dict) -> dict:
    manager = Manager(host="127.0.0.1", port=port, username=user, secret=secret, ping_delay=30, reconnect_timeout=60)
    try:
        await asyncio.wait_for(manager.connect(), 5)
        for _ in range(100):
            if manager.authenticated:
                break
            await asyncio.sleep(0.05)
        return dict(await asyncio.wait_for(manager.send_action(action), 5))
    finally:
        manager.close()


def test_the_ami_secret_cannot_run_cli_commands_or_reload(asterisk_instance):
    cfg = asterisk_instance.config
    login = (asterisk_instance.ports["ami_port"], cfg.ami_user, cfg.secret("ami_secret"))
    assert asyncio.run(_ami(*login, {"Action": "CoreSettings"}))["Response"] == "Success"
    for action in ({"Action": "Command", "Command": "core show channels"}, {"Action": "Reload"},
                   {"Action": "ModuleLoad", "Module": "app_system.so", "LoadType": "load"},
                   {"Action": "GetConfig", "Filename": "pjsip.conf"}):
        reply = asyncio.run(_ami(*login, action))
        assert reply["Response"] == "Error" and "Permission denied" in reply.get("Message", ""), (action, reply)


def test_a_call_is_refused_to_staff_or_voicemail_while_the_clinic_facts_are_unusable(engine_running):
    config = engine_running.config
    facts = config.config_dir / "clinic.toml"
    facts.write_text('[clinic]\nname = "행복치과"\n', encoding="utf-8")  # no phone, no hours: unusable
    try:
        result = sipp.place_call("127.0.0.1", config.sip_port, [(None, 14.0)], hold_seconds=14, timeout=60)
    finally:
        facts.unlink()
    assert result.ok, result.describe()
    pack = PromptPack.load(config)
    assert heard_prompt(result.heard_pcm(), pack.pcm("apology"))[0], result.describe()
    assert not heard_prompt(result.heard_pcm(), pack.pcm("greeting"), min_score=0.6)[0]  # the AI never spoke
    crm.open_database(config.crm_url)
    try:
        call = crm.Call.select().order_by(crm.Call.id.desc()).first()
        assert call.error.startswith("clinic facts:") and call.next_step == "fallback" and not call.recording_path
        assert crm.Turn.select().where(crm.Turn.call == call.id).count() == 0
    finally:
        crm.database.close()


def test_demo_on_a_production_instance_runs_beside_it_and_leaves_it_untouched(engine_running):
    base = Path("/var/tmp")
    if Path(tempfile.gettempdir()).resolve() in [base.resolve(), *base.resolve().parents]:
        pytest.skip("/var/tmp is the temp folder here: no production-like home")
    home = Path(tempfile.mkdtemp(prefix="dentalcall-prodlike-", dir=base))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DENTALCALL_")}
    env.update(DENTALCALL_HOME=str(home), DENTALCALL_MODELS_ROOT=str(engine_running.config.models_dir),
               DENTALCALL_ASTERISK_MODE=engine_running.config.asterisk_mode, DENTALCALL_LLM_MODEL="",
               PYTHONPATH=os.environ.get("PYTHONPATH", ""))
    try:
        out = subprocess.run([sys.executable, "-m", "appliance", "demo"], env=env, capture_output=True, text=True,
                             timeout=400)
        assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
        demo_home = Path(out.stdout.split("demo instance (fictitious clinic, own ports) in ")[1].split()[0])
        assert "AI 상담원" in out.stdout and "call log: row" in out.stdout
        assert Path(tempfile.gettempdir()).resolve() in demo_home.resolve().parents and not demo_home.exists()
        assert not (home / "var" / "crm.sqlite").exists()  # nothing landed in the production call log
    finally:
        shutil.rmtree(home, ignore_errors=True)
