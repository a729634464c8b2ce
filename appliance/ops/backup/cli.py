"""``dentalcall backup`` (make, verify, list, nightly, passphrase, schedule) and ``dentalcall restore``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from appliance import settings
from appliance.ops.backup import retention
from appliance.ops.backup.crm_dump import BackupError
from appliance.ops.disk import human

PASSPHRASE_ENV = "DENTALCALL_BACKUP_PASSPHRASE"


def _passphrase(path: str | None, ask: bool) -> str | None:
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV].strip()
    if ask and sys.stdin.isatty():
        return click.prompt("Backup passphrase", hide_input=True).strip()
    return None


def _fail(exc: Exception) -> click.ClickException:
    return click.ClickException(str(exc))


@click.group(invoke_without_command=True)
@click.option("--to", "to", type=click.Path(file_okay=False), help="Folder to write to (default: backup_dir).")
@click.option("--label", default="", help="Word added to the file name (e.g. before-move).")
@click.option("--crm-only", is_flag=True, help="Only the CRM (no secrets needed): a quick copy before a change.")
@click.pass_context
def backup(ctx: click.Context, to: str | None, label: str, crm_only: bool) -> None:
    """Back up the CRM, configuration, secrets (sealed), prompt packs and clinic facts, online."""
    if ctx.invoked_subcommand is not None:
        return
    from appliance.ops.backup.create import create_backup

    config = settings.load()
    _open_crm(config)
    try:
        result = create_backup(config, Path(to) if to else None, label=label, crm_only=crm_only)
    except (BackupError, OSError) as exc:
        raise _fail(exc) from None
    counts = result.manifest["crm"]["counts"]
    click.echo(f"backup written: {result.path}")
    click.echo(f"  {human(result.size)} in {result.seconds:.1f} s; calls {counts.get('call', 0)}, "
               f"opt-outs {counts.get('opt_out', 0)}, prompt files {result.manifest.get('prompts', 0)}")
    click.echo(f"check it: dentalcall backup verify {result.path}")


def _open_crm(config: settings.Config) -> None:
    from appliance.data import crm

    try:
        crm.open_for(config)
    except Exception as exc:
        raise click.ClickException(f"cannot open the CRM ({exc})") from None


@backup.command("verify")
@click.argument("archive", required=False, type=click.Path(dir_okay=False))
@click.option("--passphrase-file", type=click.Path(dir_okay=False), help="Open the sealed secrets with this.")
def verify_cmd(archive: str | None, passphrase_file: str | None) -> None:
    """Check an archive (default: the newest) restores: checksums, CRM, secrets, prompts."""
    from appliance.ops.backup.verify import verify_archive

    config = settings.load()
    path = Path(archive) if archive else next(iter(retention.list_archives(retention.backup_dir(config))), None)
    if path is None:
        raise click.ClickException(f"no backup in {retention.backup_dir(config)}: run `dentalcall backup`")
    try:
        report = verify_archive(config, path, _passphrase(passphrase_file, ask=False))
    except (BackupError, OSError) as exc:
        raise click.ClickException(f"{path.name}: NOT OK — {exc}") from None
    made, version = report.manifest.get("created_at"), report.manifest.get("app_version")
    click.echo(f"{path.name}: OK (made {made}, DentalCall {version})")
    for line in report.lines:
        click.echo(f"  {line}")


@backup.command("list")
def list_cmd() -> None:
    """Backups in the backup folder (and the NAS/USB copy), newest first, and the last nightly run."""
    config = settings.load()
    folders = [retention.backup_dir(config)]
    if config.backup_copy_to:
        folders.append(Path(config.backup_copy_to))
    for folder in folders:
        archives = retention.list_archives(folder)
        click.echo(f"{folder}: {len(archives)} backup(s)")
        for path in archives:
            click.echo(f"  {path.name}  {human(path.stat().st_size)}")
    status = retention.read_status(config)
    if status:
        outcome = "ok" if status.get("ok") else f"FAILED: {status.get('error')}"
        click.echo(f"last nightly run: {status.get('at')} {outcome}")


@backup.command("nightly")
def nightly_cmd() -> None:
    """The timer's job: back up, verify, copy to backup_copy_to, keep backup_keep_days; alert on failure."""
    from appliance.ops.backup.create import nightly

    config = settings.load()
    _open_crm(config)
    try:
        result = nightly(config)
    except Exception as exc:
        raise click.ClickException(f"nightly backup failed (staff alerted): {exc}") from None
    click.echo(f"backup {result.path.name} ({human(result.size)}, {result.seconds:.1f} s) verified"
               + (f", copied to {result.copied_to.parent}" if result.copied_to else "")
               + (f", {len(result.pruned)} old one(s) removed" if result.pruned else ""))


@backup.command("passphrase")
@click.option("--generate", is_flag=True, help="Make a strong passphrase and print it once (write it down).")
@click.option("--from-file", type=click.Path(dir_okay=False), help="Read it from a file.")
def passphrase_cmd(generate: bool, from_file: str | None) -> None:
    """Set the passphrase that seals the secrets in every backup (kept in secrets.ini, 0600)."""
    from appliance.ops.backup import secret_box

    config = settings.load()
    if generate:
        value = secret_box.generate_passphrase()
    elif from_file:
        value = Path(from_file).read_text(encoding="utf-8").strip()
    else:
        value = click.prompt("New backup passphrase", hide_input=True, confirmation_prompt=True).strip()
    try:
        secret_box.store_passphrase(config, value)
    except BackupError as exc:
        raise _fail(exc) from None
    if generate:
        click.echo(f"backup passphrase: {value}")
        click.echo("Write it down and keep it away from this machine: restoring a backup on a new machine needs it.")
    else:
        click.echo("backup passphrase stored.")


@backup.command("schedule")
def schedule_cmd() -> None:
    """Install the nightly run at backup_time (systemd timer, else cron)."""
    from appliance.ops.backup import schedule

    config = settings.load()
    venv = os.environ.get("DENTALCALL_VENV") or sys.prefix
    try:
        click.echo(schedule.install(config, venv))
    except (BackupError, OSError) as exc:
        raise _fail(exc) from None


@click.command()
@click.argument("archive", type=click.Path(dir_okay=False, exists=True))
@click.option("--passphrase-file", type=click.Path(dir_okay=False), help="The backup passphrase, from a file.")
@click.option("--replace", is_flag=True,
              help="Replace a CRM that already holds calls (an SQLite one is kept beside it).")
@click.option("--crm-url", default=None, help="Restore the CRM into this database instead of crm_db.")
def restore(archive: str, passphrase_file: str | None, replace: bool, crm_url: str | None) -> None:
    """Restore a backup onto this machine (engine stopped): calls, queue, opt-outs, config, secrets and voice."""
    from appliance.ops.backup.restore import restore_archive

    config = settings.load()
    try:
        report = restore_archive(config, Path(archive), passphrase=_passphrase(passphrase_file, ask=True),
                                 replace=replace, crm_url=crm_url)
    except (BackupError, OSError) as exc:
        raise _fail(exc) from None
    click.echo(f"restored {report.archive.name}:")
    for line in report.lines:
        click.echo(f"  {line}")
    click.echo("next: start the engine (systemctl start dentalcall, or `dentalcall serve`), then `dentalcall doctor`")
