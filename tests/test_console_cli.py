"""``dentalcall staff`` and ``dentalcall console cert|fingerprint``, and the console's ``doctor`` check."""

from __future__ import annotations

import socket
import ssl
import subprocess
import sys
import time

from click.testing import CliRunner

from appliance.cli import cli
from appliance.console import accounts
from appliance.console.health_check import console_check
from appliance.console.models import StaffAccount
from tests.console_support import make_config


def _env(tmp_path):
    return {"DENTALCALL_HOME": str(tmp_path)}


def test_staff_add_asks_for_the_password_and_stores_only_a_hash(tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["staff", "add", "kim", "--role", "admin", "--extension", "201"],
                      input="kim-password-1\nkim-password-1\n", env=_env(tmp_path))
    assert r.exit_code == 0, r.output
    assert "kim-password-1" not in r.output and "added kim (admin, extension 201)" in r.output
    row = StaffAccount.get(StaffAccount.name == "kim")
    assert row.password_hash.startswith("$argon2id$") and "kim-password-1" not in row.password_hash
    r = runner.invoke(cli, ["staff", "add", "lee", "--role", "staff"], input="short\nshort\n", env=_env(tmp_path))
    assert r.exit_code != 0 and "at least 10 characters" in r.output
    r = runner.invoke(cli, ["staff", "list"], env=_env(tmp_path))
    assert "kim" in r.output and "admin" in r.output and "201" in r.output
    r = runner.invoke(cli, ["staff", "passwd", "kim"], input="new-password-22\nnew-password-22\n", env=_env(tmp_path))
    assert r.exit_code == 0, r.output
    assert accounts.authenticate("kim", "new-password-22", "cli") is not None
    assert accounts.authenticate("kim", "kim-password-1", "cli") is None


def test_staff_extension_disable_and_enable_change_the_account_and_refuse_what_is_not_there(tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["staff", "add", "kim", "--role", "staff"], input="kim-password-1\nkim-password-1\n",
                  env=_env(tmp_path))
    r = runner.invoke(cli, ["staff", "extension", "kim", "202"], env=_env(tmp_path))
    assert r.exit_code == 0 and "kim: extension 202" in r.output, r.output
    assert StaffAccount.get(StaffAccount.name == "kim").extension == "202"
    r = runner.invoke(cli, ["staff", "extension", "kim", "2x"], env=_env(tmp_path))
    assert r.exit_code != 0 and "2-6 digits" in r.output
    r = runner.invoke(cli, ["staff", "disable", "kim"], env=_env(tmp_path))
    assert r.exit_code == 0 and "kim: disabled" in r.output, r.output
    assert accounts.authenticate("kim", "kim-password-1", "cli") is None
    assert "disabled" in runner.invoke(cli, ["staff", "list"], env=_env(tmp_path)).output
    r = runner.invoke(cli, ["staff", "enable", "kim"], env=_env(tmp_path))
    assert r.exit_code == 0 and "kim: enabled" in r.output, r.output
    assert accounts.authenticate("kim", "kim-password-1", "cli") is not None
    for command in (["extension", "park", "203"], ["disable", "park"], ["enable", "park"]):
        r = runner.invoke(cli, ["staff", *command], env=_env(tmp_path))
        assert r.exit_code != 0 and "no account 'park'" in r.output and "Traceback" not in r.output

def test_console_cert_is_made_once_with_a_private_key_and_a_fingerprint(tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["console", "cert"], env=_env(tmp_path))
    assert r.exit_code == 0, r.output
    key = tmp_path / "etc" / "console" / "key.pem"
    assert (key.stat().st_mode & 0o777) == 0o600
    printed = r.output.split("SHA-256 fingerprint: ")[1].split()[0]
    assert len(printed.split(":")) == 32
    again = runner.invoke(cli, ["console", "fingerprint"], env=_env(tmp_path))
    assert again.output.strip() == printed  # kept, not regenerated
    der = ssl.PEM_cert_to_DER_cert((tmp_path / "etc" / "console" / "cert.pem").read_text())
    import hashlib

    assert hashlib.sha256(der).hexdigest().upper() == printed.replace(":", "")


def test_the_doctor_check_wants_an_admin_https_and_a_listening_console(tmp_path):
    from appliance.data import crm

    config = make_config(tmp_path, console_bind="192.0.2.10")
    crm.open_for(config)
    status, detail, fix = console_check(config)
    assert status == "fail" and "without HTTPS" in detail and fix == "dentalcall console cert"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = make_config(tmp_path, console_bind="127.0.0.1", console_port=port)
    status, detail, fix = console_check(config)
    assert status == "fail" and "admin" in detail and "staff add" in fix
    accounts.add_account("kim", "admin", "kim-password-1")
    status, detail, _ = console_check(config)
    assert status == "fail" and "not answering" in detail
    proc = subprocess.Popen([sys.executable, "-m", "appliance", "console", "--no-background"],
                            env={**_env(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while console_check(config)[0] == "fail" and time.monotonic() < deadline:
            time.sleep(0.3)
        status, detail, fix = console_check(config)
        assert status == "warn" and f"http://127.0.0.1:{port} up" in detail and "notify_smtp_host" in fix
    finally:
        proc.terminate()
        proc.wait(10)
