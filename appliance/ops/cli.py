"""``dentalcall ops``: drain and restart the engine safely, migrate the CRM, health alerts, log limits.

``install.sh`` uses ``ops migrate`` and ``ops restart`` on upgrades and rollbacks; an installer uses
``ops status`` and ``ops alerts``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import click

from appliance import settings


@click.group()
def ops() -> None:
    """Operations: drain/restart the engine, CRM migrations, health alerts, log rotation."""


@ops.command("status")
def status_cmd() -> None:
    """The engine (pid, starts, drain), calls in progress, disk, open alerts."""
    from appliance.ops import disk, drain, engine_process

    config = settings.load()
    pid = engine_process.engine_pid(config)
    info = engine_process.read_pidfile(config) or {}
    click.echo(f"engine: {'running, pid ' + str(pid) if pid else 'not running'}"
               + (f" (since {info.get('started_at')}, version {info.get('version')})" if pid and info else ""))
    since = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
    starts = [s for s in engine_process.starts(config) if dt.datetime.fromisoformat(s["at"]) >= since]
    crashes = sum(1 for s in starts if s.get("unclean"))
    click.echo(f"starts in the last 24 h: {len(starts)} ({crashes} after an unclean exit)")
    state = drain.state(config)
    click.echo("drain: " + (f"on until {dt.datetime.fromtimestamp(state['until']):%H:%M:%S} ({state.get('reason')})"
                            if state else "off"))
    calls = drain.live_calls(config)
    click.echo(f"calls in the engine now: {'unknown' if calls is None else calls}")
    click.echo(f"disk: {disk.data_usage(config).describe()}")
    _print_alerts(config, include_resolved=False)


@ops.command("drain")
@click.option("--seconds", default=None, type=float,
              help="How long the flag holds (default: drain_max_seconds + 10 min).")
@click.option("--wait/--no-wait", default=True, help="Wait until no call is in progress (at most drain_max_seconds).")
def drain_cmd(seconds: float | None, wait: bool) -> None:
    """Stop taking new calls (they go to staff) and wait for the live ones to end."""
    from appliance.ops import drain

    config = settings.load()
    cap = float(config.drain_max_seconds)
    drain.start(config, seconds or cap + 600, reason="manual")
    if wait:
        idle, waited = drain.wait_idle(config, cap)
        click.echo(f"{'no call in progress' if idle else 'calls still in progress'} after {waited:.0f} s")
    click.echo("new calls go to staff until `dentalcall ops undrain` (or the flag expires)")


@ops.command("undrain")
def undrain_cmd() -> None:
    """Take calls again."""
    from appliance.ops import drain

    drain.end(settings.load())
    click.echo("taking calls again")


@ops.command("restart")
@click.option("--cap", default=None, type=float, help="Longest wait for live calls (default: drain_max_seconds).")
@click.option("--venv", default=None,
              help="Venv whose `dentalcall serve` to start (default: DENTALCALL_VENV or this one).")
@click.option("--timeout", default=600.0, show_default=True, help="Seconds the new engine has to answer.")
@click.option("--switch-venv", "switch_to", default=None,
              help="Release venv to point --venv at while the engine is stopped.")
def restart_cmd(cap: float | None, venv: str | None, timeout: float, switch_to: str | None) -> None:
    """Drain, wait for live calls to end (capped), restart the engine, wait until it answers, take calls again."""
    from pathlib import Path

    from appliance.ops import drain, engine_process

    config = settings.load()
    venv = venv or os.environ.get("DENTALCALL_VENV") or sys.prefix
    if engine_process.engine_pid(config) is None and not engine_process.managed_by_systemd(config):
        note = f"; venv {engine_process.switch_venv(Path(venv), Path(switch_to))}" if switch_to else ""
        click.echo("engine not running: nothing to restart" + note)
        return
    cap = float(config.drain_max_seconds) if cap is None else cap
    drain.start(config, cap + timeout + 120, reason="restart")
    try:
        idle, waited = drain.wait_idle(config, cap)
        click.echo(f"drained in {waited:.0f} s" if idle else
                   f"calls still in progress after {waited:.0f} s (cap): restarting anyway, they fall back to staff")
        done = engine_process.restart(config, venv=venv, timeout=timeout, switch_to=switch_to)
        click.echo(f"engine {done}")
    except Exception as exc:
        raise click.ClickException(f"restart failed: {exc}") from None
    finally:
        drain.end(config)


@ops.command("switch-venv")
@click.argument("target", type=click.Path(file_okay=False, exists=True))
@click.option("--venv", required=True, help="The venv link systemd and cron use (e.g. /opt/dentalcall/venv).")
def switch_venv_cmd(target: str, venv: str) -> None:
    """Point the venv link at a release venv (the engine must not be running: use `ops restart --switch-venv`)."""
    from pathlib import Path

    from appliance.ops import engine_process

    config = settings.load()
    if engine_process.engine_pid(config) is not None:
        raise click.ClickException("the engine is running: use `dentalcall ops restart --switch-venv` (drained)")
    click.echo(engine_process.switch_venv(Path(venv), Path(target)))


@ops.command("migrate")
def migrate_cmd() -> None:
    """Bring the CRM schema up to date (every migration this release knows that is not applied yet)."""
    from appliance.data import crm, migrations

    config = settings.load()
    url = config.crm_url
    import peewee
    from playhouse.db_url import connect

    db = peewee.SqliteDatabase(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else connect(url)
    try:
        pending = migrations.pending_steps(db)
    finally:
        db.close()
    crm.open_for(config)
    version = migrations.current_version(crm.database.obj)
    if pending:
        click.echo("applied: " + ", ".join(f"{n} ({name})" for n, name in pending))
    click.echo(f"CRM schema up to date (highest step {version})")


def _print_alerts(config: settings.Config, include_resolved: bool) -> None:
    from appliance.data import crm
    from appliance.ops import alerts

    crm.open_for(config)
    rows = alerts.recent_alerts() if include_resolved else alerts.open_alerts()
    if not rows:
        click.echo("alerts: none open" if not include_resolved else "alerts: none")
        return
    for a in rows:
        state = f"resolved {a.resolved_at:%Y-%m-%d %H:%M}" if a.resolved_at else "OPEN"
        click.echo(f"[{state}] {a.kind} x{a.count} (last {a.last_at:%Y-%m-%d %H:%M} UTC): {a.message}")


@ops.command("alerts")
@click.option("--all", "show_all", is_flag=True, help="Also resolved ones (last 50).")
@click.option("--resolve", default=None, help="Close the open alert of this kind by hand.")
def alerts_cmd(show_all: bool, resolve: str | None) -> None:
    """Health alerts for staff (engine restarts, trunk, EMR, backup, disk)."""
    config = settings.load()
    if resolve:
        from appliance.data import crm
        from appliance.ops import alerts

        crm.open_for(config)
        click.echo(f"{alerts.resolve_alert(resolve)} alert(s) resolved")
        return
    _print_alerts(config, include_resolved=show_all)


@ops.command("logs")
@click.option("--write", is_flag=True, help="Install the logrotate (and journald) config for this machine.")
def logs_cmd(write: bool) -> None:
    """Print (or install) log rotation and journal limits derived from the retention settings."""
    from appliance.ops import logs

    config = settings.load()
    if write:
        for path in logs.write(config):
            click.echo(f"written: {path}")
    else:
        click.echo(logs.logrotate_config(config))
