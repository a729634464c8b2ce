"""``dentalcall asterisk|trunk|extension``: run Asterisk and manage what it serves.

Trunks and staff extensions live in ``config_dir/telephony.json`` (mode 0600); the generated Asterisk
config is re-rendered from it, and reloaded when Asterisk runs. Passwords are never printed.
"""

from __future__ import annotations

import json
import time

import click

from appliance import settings
from appliance.cli_errors import ApplianceErrorGroup
from appliance.errors import ApplianceError
from appliance.telephony import sip_security
from appliance.telephony.asterisk import Asterisk, TelephonyState


def _instance() -> Asterisk:
    return Asterisk(settings.load())


def _apply(ast: Asterisk, trunks_changed: bool = False) -> None:
    """Render the config and reload it if Asterisk runs (and the SIP guard's jail when the trunks changed)."""
    ast.reload()
    click.echo("Asterisk reloaded." if ast.running() else "Config rendered (Asterisk is not running).")
    if trunks_changed and sip_security.refresh_jail(ast.config):
        click.echo(f"fail2ban jail {sip_security.JAIL_NAME} updated (trunk hosts are never banned).")


@click.group(cls=ApplianceErrorGroup)
def asterisk() -> None:
    """Run this instance's Asterisk (native package or the Debian rootfs)."""


@asterisk.command()
def install() -> None:
    """Build or extract the Asterisk rootfs (rootfs mode; a no-op when ready or in native mode)."""
    ast = _instance()
    if ast.mode == "native":
        click.echo("Native Asterisk: nothing to install.")
        return
    started = time.monotonic()
    version = ast.ensure_rootfs()
    click.echo(f"Asterisk {version} ready in {ast.config.rootfs_dir} ({time.monotonic() - started:.0f} s).")


@asterisk.command()
@click.option("--foreground", is_flag=True, help="Run in the foreground (systemd's ExecStart).")
@click.option("--timeout", default=30.0, show_default=True, help="Seconds to wait for a full boot.")
def start(foreground: bool, timeout: float) -> None:
    """Start Asterisk; does nothing when it already runs."""
    ast = _instance()
    if foreground:
        ast.run_foreground()
        return
    was_running = ast.running()
    info = ast.start(timeout=timeout)
    state = "already running" if was_running else "started"
    click.echo(f"Asterisk {state} ({info['mode']}, pid {info['pid']}, {info['version']}).")


@asterisk.command()
def stop() -> None:
    """Stop Asterisk (active calls are hung up)."""
    stopped = _instance().stop()
    click.echo("Asterisk stopped." if stopped else "Asterisk was not running.")


@asterisk.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--modules", is_flag=True, help="Also check every module of modules.conf is loaded.")
def status(as_json: bool, modules: bool) -> None:
    """Is Asterisk running? Version, uptime, pid."""
    ast = _instance()
    info = ast.status()
    if modules and info["running"]:
        info["modules_missing"] = sorted(ast.modules_wanted() - ast.modules_loaded())
    if as_json:
        click.echo(json.dumps(info, indent=2))
    else:
        for key, value in info.items():
            click.echo(f"{key}: {value}")
    if not info["running"]:
        raise SystemExit(3)


@asterisk.command()
def config() -> None:
    """Re-render the Asterisk config from settings, trunks and extensions; reload if running."""
    _apply(_instance())


@asterisk.command()
@click.option("--write", "target", type=click.Path(dir_okay=False), default=None,
              help=f"Write the jail there (install.sh: {sip_security.JAIL_FILE}) instead of printing it.")
def guard(target: str | None) -> None:
    """The fail2ban jail that bans SIP password guessers (from this instance's Asterisk log)."""
    from pathlib import Path

    config = _instance().config
    text = sip_security.fail2ban_jail(config)
    if target is None:
        click.echo(text, nl=False)
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o644)
    click.echo(f"fail2ban jail {sip_security.JAIL_NAME} written to {path} (watching {sip_security.log_file(config)})")


@asterisk.command()
@click.argument("command", nargs=-1, required=True)
def rx(command: tuple[str, ...]) -> None:
    """Run an Asterisk CLI command, e.g. `dentalcall asterisk rx pjsip show registrations`."""
    click.echo(_instance().rx(" ".join(command)), nl=False)


@click.group(cls=ApplianceErrorGroup)
def trunk() -> None:
    """The clinic's SIP trunks (carrier lines)."""


@trunk.command("add")
@click.argument("name")
@click.option("--host", required=True, help="Carrier SIP server (host name or IP).")
@click.option("--port", default=5060, show_default=True)
@click.option("--username", required=True, help="SIP user / auth name.")
@click.option("--password", prompt=True, hide_input=True, help="SIP password (prompted when omitted).")
@click.option("--number", default="", help="The line's phone number (DID), used as the registration contact.")
@click.option("--register/--no-register", default=True, show_default=True,
              help="Register to the carrier (off for IP-authenticated trunks).")
def trunk_add(name: str, host: str, port: int, username: str, password: str, number: str, register: bool) -> None:
    """Add or replace a trunk NAME."""
    ast = _instance()
    TelephonyState(ast.config).add_trunk(name, host, username, password, number=number, port=port,
                                         register=register)
    click.echo(f"Trunk {name} saved.")
    _apply(ast, trunks_changed=True)


@trunk.command("list")
def trunk_list() -> None:
    """List trunks (without passwords)."""
    ast = _instance()
    trunks = TelephonyState(ast.config).load()["trunks"]
    if not trunks:
        click.echo("No trunks. Add one: dentalcall trunk add NAME --host ... --username ...")
    for name, t in sorted(trunks.items()):
        reg = "register" if t.get("register", True) else "no-register"
        click.echo(f"{name}\t{t['host']}:{t.get('port', 5060)}\tuser={t['username']}\t"
                   f"number={t.get('number') or '-'}\t{reg}")
    if trunks and ast.running():
        try:
            click.echo(ast.rx("pjsip show registrations"), nl=False)
        except ApplianceError:
            pass


@trunk.command("remove")
@click.argument("name")
def trunk_remove(name: str) -> None:
    """Remove trunk NAME."""
    ast = _instance()
    if not TelephonyState(ast.config).remove("trunks", name):
        raise click.ClickException(f"no trunk {name!r}")
    click.echo(f"Trunk {name} removed.")
    _apply(ast, trunks_changed=True)


@click.group(cls=ApplianceErrorGroup)
def extension() -> None:
    """Staff phones (SIP extensions rung on transfer)."""


@extension.command("add")
@click.argument("ext")
@click.option("--name", default="", help="Shown on other phones, e.g. 'Front desk'.")
@click.option("--ask-password", is_flag=True,
              help=f"Type the phone's SIP password (hidden; at least {sip_security.MIN_PASSWORD_LENGTH} characters, "
                   "not trivial) instead of a generated one.")
@click.option("--contact", default="", help="Fixed SIP URI for a phone that does not register "
              "(e.g. sip:201@192.168.0.21:5060).")
def extension_add(ext: str, name: str, ask_password: bool, contact: str) -> None:
    """Add or replace staff extension EXT with a strong generated SIP password, shown once
    (add EXT to staff_extensions to ring it on transfer)."""
    ast = _instance()
    password = None
    if ask_password:
        password = click.prompt("SIP password for the phone", hide_input=True, confirmation_prompt=True)
    password = TelephonyState(ast.config).add_extension(ext, name or ext, password, contact=contact)
    click.echo(f"Extension {ext} saved (registers only from {ast.config.sip_allowed_networks}).")
    if not ask_password:
        click.echo(f"SIP password for {ext} (enter it in the phone now; it is not shown again): {password}")
    staff = [s.strip() for s in str(ast.config.staff_extensions).split(",") if s.strip()]
    if ext not in staff:
        click.echo(f"Note: {ext} is not in staff_extensions ({','.join(staff) or 'empty'}); "
                   "transfers do not ring it.")
    _apply(ast)


@extension.command("voicemail-pin")
def extension_voicemail_pin() -> None:
    """The PIN staff enter after dialling *98 (the clinic voicemail box)."""
    config = _instance().config
    pin = sip_security.voicemail_pin(config)
    click.echo(f"Clinic voicemail: dial *98 from a staff phone, box {config.voicemail_box}, PIN {pin}")


@extension.command("list")
def extension_list() -> None:
    """List staff extensions (without passwords)."""
    ast = _instance()
    exts = TelephonyState(ast.config).load()["extensions"]
    staff = {s.strip() for s in str(ast.config.staff_extensions).split(",") if s.strip()}
    if not exts:
        click.echo("No extensions. Add one: dentalcall extension add 201 --name 'Front desk'")
    for ext, e in sorted(exts.items()):
        click.echo(f"{ext}\t{e.get('name', '')}\t{'rings on transfer' if ext in staff else ''}".rstrip())


@extension.command("remove")
@click.argument("ext")
def extension_remove(ext: str) -> None:
    """Remove staff extension EXT."""
    ast = _instance()
    if not TelephonyState(ast.config).remove("extensions", ext):
        raise click.ClickException(f"no extension {ext!r}")
    click.echo(f"Extension {ext} removed.")
    _apply(ast)
