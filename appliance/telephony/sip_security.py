"""SIP hardening: strong staff passwords, staff phones only from the clinic LAN, a guard against guessing.

- **Passwords**: ``dentalcall extension add`` generates a 24-character password unless the installer types one;
  a typed one is refused when it is shorter than 12 characters or trivial (``weak_password_reason``).
- **LAN only**: every staff endpoint carries ``deny``/``permit`` and ``contact_deny``/``contact_permit`` built
  from ``sip_allowed_networks`` (default: loopback and the RFC 1918 ranges; narrow it to the clinic's subnet).
  A phone elsewhere — even with the right password — gets 403 and its attempt is logged.
- **Guard**: fail2ban watches this instance's Asterisk ``messages.log`` (failed authentication, unknown
  endpoint, ACL refusals: the stock ``asterisk`` filter) and drops the source's SIP packets with nftables for
  an hour after 5 failures in 10 minutes. ``fail2ban_jail(config)`` renders the jail ``install.sh`` installs.
- **Voicemail**: the clinic box has a generated 6-digit PIN (``voicemail_pin``); ``*98`` asks for it.
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Any

from appliance.errors import ConfigError
from appliance.telephony.passwords import (MIN_PASSWORD_LENGTH, check_password, generate_password,  # noqa: F401
                                           weak_password_reason)
from appliance.telephony.state import TelephonyState

JAIL_NAME = "dentalcall-sip"
JAIL_FILE = Path("/etc/fail2ban/jail.d/dentalcall.conf")
GUARD_MAX_RETRY = 5
GUARD_FIND_TIME_S = 600
GUARD_BAN_TIME_S = 3600


# ---------------------------------------------------------------- LAN only


def allowed_networks(config: Any) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """The networks staff phones may use (``sip_allowed_networks``), validated."""
    raw = config.sip_allowed_networks
    networks = []
    for item in filter(None, (part.strip() for part in raw.split(","))):
        try:
            networks.append(ipaddress.ip_network(item, strict=False))
        except ValueError:
            raise ConfigError(f"sip_allowed_networks: {item!r} is not a network; write CIDR like "
                              "192.168.0.0/24 (comma-separated)") from None
    if not networks:
        raise ConfigError("sip_allowed_networks is empty: no staff phone could register; set the clinic LAN, "
                          "e.g. 192.168.0.0/24")
    return networks


def endpoint_acl(config: Any) -> str:
    """pjsip endpoint lines: requests and Contact addresses only from the allowed networks."""
    lines = ["deny = 0.0.0.0/0.0.0.0", "deny = ::/0"]
    lines += [f"permit = {net.with_netmask if net.version == 4 else net}" for net in allowed_networks(config)]
    return "\n".join(lines + ["contact_" + line for line in lines])


# ---------------------------------------------------------------- loopback test endpoint


def test_endpoint(config: Any, media_options: str) -> str:
    """The loopback caller sipp and ``dentalcall demo`` use: rendered on demo/test instances only."""
    if not config.demo_or_test_instance:
        return "; (no loopback test endpoint: this is a production instance)"
    return f"""; --- loopback test caller (sipp, the demo; demo/test instances only): identified by IP 127.0.0.1 ---
[dentalcall-test]
type = endpoint
transport = transport-udp
context = dentalcall-inbound
disallow = all
allow = ulaw
direct_media = no
rtp_symmetric = yes
force_rport = yes
rewrite_contact = yes
dtmf_mode = rfc4733
aors = dentalcall-test
{media_options}

[dentalcall-test]
type = aor
max_contacts = 1

[dentalcall-test]
type = identify
endpoint = dentalcall-test
match = 127.0.0.1/32"""


# ---------------------------------------------------------------- voicemail PIN


def voicemail_pin(config: Any) -> str:
    """The clinic voicemail box's 6-digit PIN, derived from a generated secret (stable across renders)."""
    seed = config.secret("voicemail_pin").encode()
    return str(int.from_bytes(seed[:8], "big") % 900000 + 100000)


# ---------------------------------------------------------------- the guard (fail2ban)


def refresh_jail(config: Any) -> bool:
    """After a trunk change: rewrite the installed jail (its ignoreip lists the trunks) and reload fail2ban.
    Only where install.sh installed it and as root; returns whether it was refreshed."""
    import subprocess

    if os.geteuid() != 0 or not JAIL_FILE.exists() or config.demo_or_test_instance:
        return False
    JAIL_FILE.write_text(fail2ban_jail(config), encoding="utf-8")
    try:
        subprocess.run(["fail2ban-client", "reload", JAIL_NAME], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        pass  # doctor reports an inactive jail
    return True


def log_file(config: Any) -> Path:
    """The Asterisk log fail2ban reads (notices: failed authentication, ACL refusals)."""
    return Path(config.asterisk_dir) / "log" / "messages.log"


def fail2ban_jail(config: Any, *, table: str = "f2b-table", name: str = JAIL_NAME) -> str:
    """The fail2ban jail for this instance: the stock ``asterisk`` filter on its messages.log, SIP port dropped."""
    if not re.match(r"^[A-Za-z0-9_-]+$", table + name):
        raise ConfigError("fail2ban table and jail names: letters, digits, - and _")
    port = int(config.sip_port)
    trunks = sorted({str(t["host"]) for t in TelephonyState(config).load()["trunks"].values()})
    header = ("# generated by DentalCall (`dentalcall asterisk guard`) — do not edit: change the settings, re-run "
              "install.sh\n"
              f"# Password guessing against the staff phones' SIP accounts: {GUARD_MAX_RETRY} failures in "
              f"{GUARD_FIND_TIME_S // 60} minutes\n"
              f"# from one address drop its SIP packets for {GUARD_BAN_TIME_S // 60} minutes. The carrier's trunk "
              "hosts are never banned.\n")
    return header + f"""[{name}]
enabled = true
filter = asterisk
ignoreip = {" ".join(["127.0.0.1/8", "::1", *trunks])}
backend = polling
logpath = {log_file(config)}
maxretry = {GUARD_MAX_RETRY}
findtime = {GUARD_FIND_TIME_S}
bantime = {GUARD_BAN_TIME_S}
port = {port}
protocol = udp
action = nftables[name={name}, type=multiport, port="{port}", protocol="udp", blocktype=drop, table={table}]
"""


# ---------------------------------------------------------------- doctor


def doctor_check(config: Any) -> tuple[str, str, str]:
    """(status, detail, fix): weak staff passwords, the LAN ACL setting, the fail2ban jail installed and active."""
    import shutil
    import subprocess

    try:
        networks = allowed_networks(config)
    except ConfigError as exc:
        return "fail", str(exc), "set sip_allowed_networks, e.g. 192.168.0.0/24"
    weak = [ext for ext, e in sorted(TelephonyState(config).load()["extensions"].items())
            if weak_password_reason(str(e.get("password", "")), ext)]
    if weak:
        return ("fail", f"weak SIP password on extension(s) {', '.join(weak)}",
                "; ".join(f"dentalcall extension add {ext}" for ext in weak) + " (new generated password)")
    lan = f"staff phones only from {', '.join(str(n) for n in networks)}"
    if config.demo_or_test_instance:
        return "warn", f"{lan}; guard not checked on a demo/test instance", ""
    expected = fail2ban_jail(config)
    try:
        installed = JAIL_FILE.read_text(encoding="utf-8")
    except OSError:
        installed = ""
    if installed != expected:
        return ("fail", f"no up-to-date fail2ban jail {JAIL_FILE}: SIP passwords can be guessed without limit",
                "re-run install.sh (or: dentalcall asterisk guard --write "
                f"{JAIL_FILE} && fail2ban-client reload)")
    if os.geteuid() != 0 or shutil.which("fail2ban-client") is None:
        return "warn", f"{lan}; jail installed, run doctor as root to see it active", ""
    res = subprocess.run(["fail2ban-client", "status", JAIL_NAME], capture_output=True, text=True, timeout=10)
    if res.returncode != 0:
        return ("fail", f"fail2ban jail {JAIL_NAME} is not active: {(res.stderr or res.stdout).strip()[-200:]}",
                "systemctl enable --now fail2ban (or fail2ban-client start)")
    banned = re.search(r"Currently banned:\s*(\d+)", res.stdout)
    return "ok", f"{lan}; guard active ({banned.group(1) if banned else '?'} address(es) banned now)", ""
