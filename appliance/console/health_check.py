"""The console's ``doctor`` check: ready means staff can log in and see what the appliance takes in.

Fails when no admin account exists, when the console would listen on the LAN without HTTPS, or when
nothing answers on ``console_bind:console_port``; warns when voicemail cannot reach anyone by e-mail.
"""

from __future__ import annotations

import socket
from typing import Any


def console_check(config: Any) -> tuple[str, str, str]:
    """(status, detail, fix) for ``dentalcall doctor``."""
    from appliance.console import tls
    from appliance.console.models import StaffAccount
    from appliance.data import crm
    from appliance.errors import ConfigError
    from appliance.console.notify.email import smtp_for

    host, port = str(config.console_bind), int(config.console_port)
    try:
        files = tls.server_files(config, host)
    except ConfigError as exc:
        return "fail", str(exc), "dentalcall console cert"
    crm.open_for(config)
    admins = StaffAccount.select().where(StaffAccount.role == "admin", StaffAccount.disabled == False).count()  # noqa: E712
    if not admins:
        return "fail", "no console admin account: nobody can see callbacks and voicemail", \
            "dentalcall staff add NAME --role admin --extension 201"
    probe = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    try:
        with socket.create_connection((probe, port), timeout=2):
            pass
    except OSError:
        return "fail", f"staff console not answering on {host}:{port}", \
            "systemctl start dentalcall-console (or `dentalcall console`)"
    url = f"{'https' if files else 'http'}://{host}:{port}"
    if smtp_for(config) is None:
        return "warn", f"{url} up, {admins} admin(s); voicemail e-mail not configured", \
            "set notify_smtp_host and notify_email_to in /etc/dentalcall/dentalcall.ini"
    return "ok", f"{url} up, {admins} admin(s), e-mail to {config.notify_email_to}", ""
