"""``dentalcall console`` (serve the staff console; ``--demo`` on demo data; ``cert``, ``fingerprint``,
``smtp-password``, ``webhook-secret``) and ``dentalcall staff`` (accounts)."""

from __future__ import annotations

import shutil
from collections.abc import Callable

import click

from appliance import settings
from appliance.cli_errors import ApplianceErrorGroup
from appliance.errors import ApplianceError


def _open() -> settings.Config:
    from appliance.data import crm

    config = settings.load()
    crm.open_for(config)
    return config


def _change_account(change: Callable[[], None], done: str) -> None:
    """Make one change to a console account in the CRM; a refusal (no such account, a bad extension) is the
    command's error, otherwise ``done`` says what changed."""
    _open()
    change()
    click.echo(done)


@click.group(cls=ApplianceErrorGroup, invoke_without_command=True)
@click.option("--demo", is_flag=True, help="Serve on demo data in a temporary home (http://127.0.0.1:8080)")
@click.option("--host", default=None, help="Listen address (default: the console_bind setting)")
@click.option("--port", type=int, default=None, help="Port (default: the console_port setting)")
@click.option("--no-background", is_flag=True, help="Pages only: no voicemail transcription, no notifications")
@click.pass_context
def console(ctx: click.Context, demo: bool, host: str | None, port: int | None, no_background: bool) -> None:
    """The staff console (web, Korean): today's calls live, the work queue, voicemail, calls, campaigns,
    opt-outs and health. systemd runs it as dentalcall-console.service beside the engine."""
    if ctx.invoked_subcommand:
        return
    from appliance.console import server

    if demo:
        from appliance.console import demo as demo_data

        config, logins = demo_data.prepare()
        click.echo(f"demo home: {config.home}")
        for name, (role, password) in logins.items():
            click.echo(f"  login {name} ({role}): {password}")
        click.echo(f"open http://{host or '127.0.0.1'}:{port or demo_data.PORT}/  (Ctrl+C stops)")
        try:
            server.serve(config, host=host or "127.0.0.1", port=port or demo_data.PORT, background=False,
                         app=demo_data.app(config))
        finally:
            shutil.rmtree(config.home, ignore_errors=True)  # made-up data, made for this run only
        return
    config = settings.load()
    server.serve(config, host=host, port=port, background=not no_background)


@console.command("cert")
@click.option("--host", "hosts", multiple=True, help="Extra host name or address the certificate is for")
@click.option("--force", is_flag=True, help="Replace an existing certificate")
def cert(hosts: tuple[str, ...], force: bool) -> None:
    """Create the console's self-signed HTTPS certificate and print its SHA-256 fingerprint."""
    from appliance.console import tls

    config = settings.load()
    path, print_ = tls.generate(config, hosts=list(hosts), force=force)
    click.echo(f"certificate: {path}")
    click.echo(f"SHA-256 fingerprint: {print_}")
    click.echo("Read it to the staff: the browser shows the same the first time they open the console.")


@console.command("address")
def address() -> None:
    """Print where staff open the console (host:port)."""
    config = settings.load()
    click.echo(f"{config.console_bind}:{config.console_port}")


@console.command("fingerprint")
def fingerprint() -> None:
    """Print the SHA-256 fingerprint of the console's certificate."""
    from appliance.console import tls

    config = settings.load()
    path, _ = tls.paths(config)
    try:
        click.echo(tls.fingerprint(path))
    except ApplianceError as exc:
        raise click.ClickException(f"{exc}; create one with `dentalcall console cert`") from None


@console.command("smtp-password")
def smtp_password() -> None:
    """Store the SMTP relay's password (asked for, never echoed) in secrets.ini (0600)."""
    from appliance.config_files import write_secret

    config = settings.load()
    password = click.prompt("SMTP password", hide_input=True, confirmation_prompt=True)
    write_secret(config.secrets_file, "smtp_password", password)
    click.echo(f"stored in {config.secrets_file}")


@console.command("webhook-secret")
def webhook_secret() -> None:
    """Print the webhook signing secret (generated on first use) for the messenger bridge's setup."""
    config = settings.load()
    click.echo(config.secret("webhook_secret"))


@click.group(cls=ApplianceErrorGroup)
def staff() -> None:
    """Console accounts: add, list, passwd, extension, disable, enable."""


@staff.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["admin", "staff"]), required=True,
              help="admin: everything, numbers shown, access log; staff: numbers masked")
@click.option("--extension", default=None, help="The person's desk phone (rung first by 'call back')")
@click.option("--display-name", default=None, help="Name shown in the console (e.g. 김 실장)")
def add(name: str, role: str, extension: str | None, display_name: str | None) -> None:
    """Add a console account; the password is asked for (at least 10 characters)."""
    from appliance.console import accounts

    _open()
    password = click.prompt("password", hide_input=True, confirmation_prompt=True)
    who = accounts.add_account(name, role, password, extension=extension, display_name=display_name)
    click.echo(f"added {who.name} ({who.role}{', extension ' + who.extension if who.extension else ''})")


@staff.command("list")
def list_cmd() -> None:
    """Accounts, roles, extensions and last login."""
    from appliance.console import accounts

    _open()
    rows = accounts.list_accounts()
    if not rows:
        click.echo("no accounts yet: dentalcall staff add NAME --role admin")
    for row in rows:
        last = f"{row.last_login_at:%Y-%m-%d %H:%M} UTC" if row.last_login_at else "never"
        state = "disabled" if row.disabled else "active"
        click.echo(f"{row.name:<16} {row.role:<6} ext {row.extension or '-':<6} {state:<8} last login {last}")


@staff.command("passwd")
@click.argument("name")
def passwd(name: str) -> None:
    """Set a new password (logs the account out everywhere)."""
    from appliance.console import accounts

    _open()
    password = click.prompt("new password", hide_input=True, confirmation_prompt=True)
    accounts.set_password(name, password)
    click.echo(f"{name}: password changed")


@staff.command("extension")
@click.argument("name")
@click.argument("extension")
def extension(name: str, extension: str) -> None:
    """Set the desk phone that 'call back' rings first for NAME."""
    from appliance.console import accounts

    _change_account(lambda: accounts.set_extension(name, extension), f"{name}: extension {extension}")


@staff.command("disable")
@click.argument("name")
def disable(name: str) -> None:
    """Lock an account out (its sessions end at once)."""
    from appliance.console import accounts

    _change_account(lambda: accounts.set_disabled(name, True), f"{name}: disabled")


@staff.command("enable")
@click.argument("name")
def enable(name: str) -> None:
    """Let a disabled account log in again."""
    from appliance.console import accounts

    _change_account(lambda: accounts.set_disabled(name, False), f"{name}: enabled")
