"""The PJSIP sections of the clinic's trunks and staff phones (rendered into ``pjsip.conf``), and the dial string
of a campaign call through a trunk."""

from __future__ import annotations

import re
from typing import Any

from appliance.errors import ConfigError
from appliance.settings import Config
from appliance.telephony.state import TelephonyState


def trunk_sections(trunks: dict[str, dict[str, Any]], media_options: str) -> str:
    """auth, aor, endpoint, identify (and registration unless off) of each trunk, named ``trunk-<name>``."""
    out = []
    for name, t in sorted(trunks.items()):
        ep = f"trunk-{name}"
        hostport = t["host"] if int(t.get("port", 5060)) == 5060 else f"{t['host']}:{t['port']}"
        out.append(f"""[{ep}-auth]
type = auth
auth_type = userpass
username = {t['username']}
password = {t['password']}

[{ep}]
type = aor
contact = sip:{hostport}
qualify_frequency = 60

[{ep}]
type = endpoint
transport = transport-udp
context = dentalcall-inbound
disallow = all
allow = ulaw,alaw
outbound_auth = {ep}-auth
aors = {ep}
from_user = {t['username']}
from_domain = {t['host']}
direct_media = no
rtp_symmetric = yes
force_rport = yes
rewrite_contact = yes
dtmf_mode = rfc4733
{media_options}

[{ep}]
type = identify
endpoint = {ep}
match = {t['host']}
""")
        if t.get("register", True):
            out.append(f"""[{ep}]
type = registration
transport = transport-udp
outbound_auth = {ep}-auth
server_uri = sip:{hostport}
client_uri = sip:{t['username']}@{hostport}
contact_user = {t.get('number') or t['username']}
retry_interval = 60
forbidden_retry_interval = 600
max_retries = 10000
expiration = 3600
line = yes
endpoint = {ep}
""")
    return "\n".join(out) if out else "; (none yet: dentalcall trunk add NAME --host ... --username ... )"


def extension_sections(extensions: dict[str, dict[str, Any]], voicemail_box: str, media_options: str,
                        acl: str = "") -> str:
    """auth, aor and endpoint of each staff phone, in the ``dentalcall-staff`` context with the clinic's mailbox."""
    out = []
    for ext, e in sorted(extensions.items()):
        if e.get("contact"):  # a phone at a fixed address that does not register: no qualify
            aor = f"contact = {e['contact']}\nqualify_frequency = 0"
        else:
            aor = "max_contacts = 2\nremove_existing = yes\nqualify_frequency = 60"
        out.append(f"""[{ext}-auth]
type = auth
auth_type = userpass
username = {ext}
password = {e['password']}

[{ext}]
type = aor
{aor}

[{ext}]
type = endpoint
transport = transport-udp
context = dentalcall-staff
disallow = all
allow = ulaw,alaw
auth = {ext}-auth
aors = {ext}
callerid = "{e.get('name') or ext}" <{ext}>
mailboxes = {voicemail_box}@dentalcall
direct_media = no
rtp_symmetric = yes
force_rport = yes
rewrite_contact = yes
dtmf_mode = rfc4733
{acl}
{media_options}
""")
    return "\n".join(out) if out else "; (none yet: dentalcall extension add 201 --name ...)"


def dial_string(config: Config, number: str, trunk: str | None = None) -> str:
    """The Originate channel for calling ``number`` out through a trunk (the first one unless named)."""
    if not re.match(r"^\+?[0-9]{2,20}$", number):
        raise ConfigError(f"cannot dial {number!r}: digits only")
    trunks = TelephonyState(config).load()["trunks"]
    if not trunks:
        raise ConfigError("no SIP trunk configured: dentalcall trunk add NAME --host ... --username ...")
    name = trunk or sorted(trunks)[0]
    if name not in trunks:
        raise ConfigError(f"no trunk {name!r}; known: {', '.join(sorted(trunks))}")
    return f"PJSIP/{number}@trunk-{name}"
