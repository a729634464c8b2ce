"""Security and privacy attacks of issue 11 that need no running Asterisk: each tries what a careless installer or
an attacker would, and asserts nothing leaks and nothing is lost. (Live attacks: ``test_security_e2e.py``.)

A "production-like" instance is a home outside the system temp folder: it follows the production rules (no demo
facts, no loopback test endpoint) without touching /etc/dentalcall.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.data.clinic import facts as factslib
from appliance.errors import ConfigError
from appliance.telephony.asterisk import Asterisk, TelephonyState

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for key in list(os.environ):
        if key.startswith("DENTALCALL_") and key != "DENTALCALL_SHARED_DIR":
            monkeypatch.delenv(key)


@pytest.fixture
def production_home():
    """A home the appliance treats as production (outside the temp folder)."""
    base = Path("/var/tmp").resolve()
    tmp = Path(tempfile.gettempdir()).resolve()
    if base == tmp or tmp in base.parents:
        pytest.skip("/var/tmp is the temp folder here: no production-like home")
    home = Path(tempfile.mkdtemp(prefix="dentalcall-prodlike-", dir=base))
    home.chmod(0o755)
    yield home
    shutil.rmtree(home, ignore_errors=True)


def _config(home: Path, **values) -> settings.Config:
    return settings.load(overrides={"home": str(home), "asterisk_mode": "rootfs", **values}, env={})


def _engine_python() -> str:
    """An interpreter the engine's user may run (the venv may live in root's home on a developer box)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to act as the engine's user")
    try:
        pwd.getpwnam("dentalcall")
    except KeyError:
        pytest.skip("no 'dentalcall' user (install.sh creates it)")
    for python in (sys.executable, "/usr/bin/python3"):
        probe = subprocess.run(["setpriv", "--reuid=dentalcall", "--regid=dentalcall", "--init-groups", python, "-c",
                                "import configparser"], capture_output=True, cwd="/")
        if probe.returncode == 0:
            return python
    pytest.skip("no Python the dentalcall user may run")


def _as_engine(code: str, home: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "DENTALCALL_HOME": str(home)}
    return subprocess.run(["setpriv", "--reuid=dentalcall", "--regid=dentalcall", "--init-groups", _engine_python(),
                           "-c", code], env=env, capture_output=True, text=True, cwd="/", timeout=60)


LOAD = "from appliance import settings; c = settings.load(); print(c.clinic_name, c.secret('ami_secret')[:6])"


# ---------------------------------------------------------------- item 3: config the engine can read


def test_init_as_root_writes_config_and_secrets_the_engine_can_read(production_home, monkeypatch):
    _engine_python()
    monkeypatch.setenv("DENTALCALL_HOME", str(production_home))
    monkeypatch.setenv("DENTALCALL_ASTERISK_MODE", "rootfs")
    result = CliRunner().invoke(cli, ["init", "--clinic-name", "행복치과", "--staff-extensions", "201",
                                      "--voicemail-box", "100", "--sip-bind", "127.0.0.1", "-y"])
    assert result.exit_code == 0, result.output
    assert re.search(r"dial \*98, box 100, PIN \d{6}", result.output)  # the installer is told the PIN
    assert "clinic facts NOT ready" in result.output  # and that calls are refused until the facts are real
    config = settings.load()
    engine_gid = grp.getgrnam("dentalcall").gr_gid
    for path, owner, mode in ((config.config_dir, "root", 0o750), (config.config_file, "root", 0o640),
                              (config.secrets_file, "dentalcall", 0o600)):
        st = path.stat()
        assert (pwd.getpwuid(st.st_uid).pw_name, st.st_gid, stat.S_IMODE(st.st_mode)) == (owner, engine_gid, mode), path
    seen = _as_engine(LOAD, production_home)
    assert seen.returncode == 0, seen.stderr
    assert seen.stdout.split() == ["행복치과", config.secret("ami_secret")[:6]]  # its settings, not the defaults
    from appliance.privacy.checks import config_files

    assert config_files(config)[0] == "ok"


def test_config_the_engine_cannot_read_is_fatal_never_defaults(production_home):
    _engine_python()
    config = _config(production_home)
    settings.write_config(config, {"clinic_name": "행복치과"})
    os.chown(config.config_file, 0, 0)  # what `dentalcall init` as root did before: root:root
    seen = _as_engine(LOAD, production_home)
    assert seen.returncode != 0 and "미소치과" not in seen.stdout  # never the default clinic
    assert "cannot read it" in seen.stderr and f"chown root:dentalcall {config.config_file}" in seen.stderr
    from appliance.privacy.checks import config_files

    status, detail, fix = config_files(config)  # doctor runs as root, which reads anything: it still sees it
    assert status == "fail" and str(config.config_file) in detail and "chgrp dentalcall" in fix


def test_unreadable_secrets_are_fatal_not_regenerated(production_home):
    _engine_python()
    config = _config(production_home)
    settings.write_config(config, {"clinic_name": "행복치과"})
    secret = config.secret("ami_secret")
    os.chown(config.secrets_file, 0, 0)
    seen = _as_engine(LOAD, production_home)
    assert seen.returncode != 0 and "secrets.ini exists but user dentalcall cannot read it" in seen.stderr
    assert f"chown dentalcall:dentalcall {config.secrets_file}" in seen.stderr
    assert config.secret("ami_secret") == secret  # nothing was overwritten


# ---------------------------------------------------------------- item 6: no calls on example facts


def test_production_refuses_missing_demo_and_example_facts(production_home):
    config = _config(production_home)
    assert "not found" in factslib.refusal_for_calls(config)
    with pytest.raises(ConfigError):
        factslib.load_for(config)  # the dialer gets no fictitious caller ID either
    target = config.config_dir / "clinic.toml"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(factslib.EXAMPLE, target)
    assert "DEMO clinic facts" in factslib.refusal_for_calls(config)
    text = re.sub(r"^\[demo\]\nfictitious = true.*\n", "", factslib.EXAMPLE.read_text(encoding="utf-8"), flags=re.M)
    target.write_text(text, encoding="utf-8")  # the demo section removed but nothing edited
    refusal = factslib.refusal_for_calls(config)
    assert "phone" in refusal and "address" in refusal and "fictitious" in refusal
    own = (text.replace("02-555-0100", "02-3456-7890").replace("테헤란로 123", "봉은사로 45")
           .replace("강남세브란스병원 02-2019-3333", "삼성서울병원 02-3410-2114"))
    target.write_text(own, encoding="utf-8")
    assert factslib.refusal_for_calls(config) is None and factslib.load_for(config).phone == "02-3456-7890"
    from appliance.privacy.checks import clinic_facts

    assert clinic_facts(config)[0] == "ok"
    target.unlink()
    status, detail, fix = clinic_facts(config)
    assert status == "fail" and "refuses calls" in detail and "clinic.toml" in fix


def test_demo_and_test_instances_run_on_the_demo_facts(tmp_path):
    config = _config(tmp_path)
    assert config.demo_or_test_instance and factslib.refusal_for_calls(config) is None
    assert factslib.load_for(config).demo
    from appliance.privacy.checks import clinic_facts

    assert clinic_facts(config)[0] == "warn"  # never "ok": doctor green means ready for patients


# ---------------------------------------------------------------- items 9, 12, 13: the generated Asterisk config


def test_production_config_has_no_loopback_test_endpoint(production_home, tmp_path):
    prod = {p.name: p.read_text() for p in Asterisk(_config(production_home)).render_config()}
    assert "dentalcall-test" not in prod["pjsip.conf"] and "127.0.0.1/32" not in prod["pjsip.conf"]
    lab = {p.name: p.read_text() for p in Asterisk(_config(tmp_path)).render_config()}
    assert "[dentalcall-test]" in lab["pjsip.conf"] and "match = 127.0.0.1/32" in lab["pjsip.conf"]


def test_ami_user_cannot_run_commands_or_touch_the_system(tmp_path):
    files = {p.name: p.read_text() for p in Asterisk(_config(tmp_path)).render_config()}
    rights = dict(re.findall(r"^(read|write) = (.*)$", files["manager.conf"], re.M))
    assert set(rights["write"].split(",")) == {"call", "reporting", "originate"}
    assert set(rights["read"].split(",")) <= {"call", "reporting"}
    assert "127.0.0.1" in files["manager.conf"] and "deny = 0.0.0.0/0.0.0.0" in files["manager.conf"]


def test_staff_phones_register_only_from_the_allowed_networks(tmp_path):
    config = _config(tmp_path, sip_allowed_networks="192.168.10.0/24")
    TelephonyState(config).add_extension("201", "데스크")
    pjsip = next(p for p in Asterisk(config).render_config() if p.name == "pjsip.conf").read_text()
    staff = pjsip.split("[201]\ntype = endpoint")[1].split("\n\n")[0]
    for line in ("deny = 0.0.0.0/0.0.0.0", "permit = 192.168.10.0/255.255.255.0",
                 "contact_deny = 0.0.0.0/0.0.0.0", "contact_permit = 192.168.10.0/255.255.255.0"):
        assert line in staff
    with pytest.raises(ConfigError, match="not a network"):
        Asterisk(_config(tmp_path, sip_allowed_networks="192.168.10.0/24,clinic-lan")).render_config()


@pytest.mark.parametrize("weak", ["short1A", "password1234", "201-frontdesk", "aaaaaaaaaaaaaaa", "123456789012"])
def test_weak_staff_passwords_are_refused(tmp_path, weak):
    with pytest.raises(ConfigError, match="too weak"):
        TelephonyState(_config(tmp_path)).add_extension("201", "데스크", weak)
    assert "201" not in TelephonyState(_config(tmp_path)).load()["extensions"]


def test_extension_add_generates_a_strong_password_shown_once(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    monkeypatch.setenv("DENTALCALL_ASTERISK_MODE", "rootfs")
    out = CliRunner().invoke(cli, ["extension", "add", "202", "--name", "진료실"])
    assert out.exit_code == 0, out.output
    password = re.search(r"SIP password for 202 .*: (\S+)", out.output).group(1)
    stored = TelephonyState(settings.load()).load()["extensions"]["202"]["password"]
    assert password == stored and len(password) >= 24
    from appliance.telephony.sip_security import weak_password_reason

    assert weak_password_reason(password, "202") is None
    listed = CliRunner().invoke(cli, ["extension", "list"])
    assert "202" in listed.output and password not in listed.output
    typed = CliRunner().invoke(cli, ["extension", "add", "203", "--ask-password"], input="desk2031\ndesk2031\n")
    assert typed.exit_code != 0 and "too weak" in typed.output


def test_staff_voicemail_asks_for_the_box_pin(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    monkeypatch.setenv("DENTALCALL_ASTERISK_MODE", "rootfs")
    config = settings.load()
    files = {p.name: p.read_text() for p in Asterisk(config).render_config()}
    main = re.search(r"VoiceMailMain\(([^)]*)\)", files["extensions.conf"]).group(1)
    assert main == "100@dentalcall"  # no ",s": the PIN is asked
    pin = re.search(r"^100 => (\d+),", files["voicemail.conf"], re.M).group(1)
    assert len(pin) == 6
    shown = CliRunner().invoke(cli, ["extension", "voicemail-pin"])
    assert f"PIN {pin}" in shown.output


def test_fail2ban_jail_watches_this_instance_and_its_sip_port(tmp_path):
    from appliance.telephony.sip_security import fail2ban_jail

    config = _config(tmp_path, sip_port=5071)
    TelephonyState(config).add_trunk("kt", "192.0.2.50", "0212345678", "Trunk-pass-1")
    jail = fail2ban_jail(config)
    assert "ignoreip = 127.0.0.1/8 ::1 192.0.2.50" in jail  # the carrier is never locked out
    assert f"logpath = {config.asterisk_dir / 'log' / 'messages.log'}" in jail
    assert 'port="5071"' in jail and "filter = asterisk" in jail and "enabled = true" in jail
    logger = next(p for p in Asterisk(config).render_config() if p.name == "logger.conf").read_text()
    assert re.search(r"^messages\.log => notice", logger, re.M)  # the failures fail2ban reads are logged
