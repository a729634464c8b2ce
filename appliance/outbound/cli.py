"""``dentalcall campaigns|dialer|report``: switch campaigns on, tune and preview them, watch the dialer,
and see what the calls earned. Names and numbers are masked unless ``--unmask`` (staff screens only)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from appliance import settings
from appliance.data import crm, phone as phones
from appliance.errors import ApplianceError


def _open() -> Any:
    config = settings.load()
    crm.open_for(config)
    from appliance.outbound import queue

    queue.ensure_tables()
    return config


def _now(config: Any, date: str | None) -> dt.datetime:
    from appliance.outbound.clock import clinic_clock

    now = clinic_clock(getattr(config, "timezone", "Asia/Seoul"))()
    if date:
        day = dt.date.fromisoformat(date)
        now = dt.datetime.combine(day, now.time()) if day != now.date() else now
    return now


def _facts_emr(config: Any, need_emr: bool = True) -> tuple[Any, Any]:
    from appliance.data.clinic import facts as factslib

    facts = factslib.load_for(config)
    emr = None
    if need_emr:
        from appliance.data.emr import EMR

        emr = EMR.from_config(config)
    return facts, emr


def _check_name(name: str) -> None:
    from appliance.outbound import campaigns as camps

    if name not in camps.CAMPAIGNS:
        raise click.ClickException(f"unknown campaign {name!r}; known: {', '.join(camps.CAMPAIGNS)}")


@click.group()
def campaigns() -> None:
    """Outbound campaigns: list, preview, enable, disable, set, run-now."""


@campaigns.command("list")
def list_cmd() -> None:
    """Every campaign with its type (INFO/AD), state and params."""
    _open()
    from appliance.outbound import campaigns as camps

    for c in camps.CAMPAIGNS.values():
        enabled, params = camps.state(c.name)
        click.echo(f"{c.name:<18} {c.kind:<4} {'on ' if enabled else 'off'}  {c.title}")
        shown = {k: v for k, v in params.items() if v not in ("", None)}
        click.echo(f"{'':<18} params: {json.dumps(shown, ensure_ascii=False)}")


@campaigns.command("preview")
@click.argument("name")
@click.option("--date", default=None, help="Plan for this day (YYYY-MM-DD) instead of today")
@click.option("--unmask", is_flag=True, help="Show full names and numbers (staff screens only)")
@click.option("--limit", default=50, show_default=True)
@click.option("--all", "check_all", is_flag=True,
              help="Check every candidate, not only until the daily limit is reached (complete reasons; slower)")
def preview(name: str, date: str | None, unmask: bool, limit: int, check_all: bool) -> None:
    """Who NAME would call today and why (masked), and how many were left out for what reason."""
    _check_name(name)
    config = _open()
    from appliance.outbound import campaigns as camps
    from appliance.outbound import targeting

    facts, emr = _facts_emr(config)
    now = _now(config, date)
    plan = targeting.plan(name, emr=emr, facts=facts, now=now, config=config, full=check_all, count=not check_all)
    c = camps.get(name)
    if plan.complete:
        of = f"of {plan.candidates} candidates"
    else:
        of = (f"of {plan.total} candidates (checked the first {plan.candidates}"
              f"{' with a current marketing consent' if c.kind == 'AD' else ''} until the daily limit; "
              f"--all checks every one)")
    click.echo(f"{name} ({c.kind}, {c.title}) for {now.date().isoformat()}: {len(plan.targets)} to call {of}")
    for t in plan.targets[:limit]:
        who = (t.name or "-") if unmask else phones.mask_name(t.name)
        number = phones.formatted(t.phone) if unmask else phones.masked(t.phone)
        click.echo(f"  {who:<8} {number:<15} {t.why}")
    if len(plan.targets) > limit:
        click.echo(f"  ... and {len(plan.targets) - limit} more")
    if plan.excluded:
        click.echo("left out: " + ", ".join(f"{k} {v}" for k, v in plan.excluded.most_common()))


@campaigns.command("enable")
@click.argument("name")
def enable(name: str) -> None:
    """Switch NAME on: the dialer targets it once a day when its calling window opens."""
    _check_name(name)
    _open()
    from appliance.outbound import campaigns as camps

    camps.set_enabled(name, True)
    click.echo(f"{name}: enabled")


@campaigns.command("disable")
@click.argument("name")
def disable(name: str) -> None:
    """Switch NAME off; its queued (not yet dialled) calls are cancelled."""
    _check_name(name)
    config = _open()
    from appliance.outbound import campaigns as camps
    from appliance.outbound import queue

    camps.set_enabled(name, False)
    now = _now(config, None)
    n = queue.Task.update(status=queue.CANCELLED, outcome="campaign_disabled", finished_at=now, updated_at=now).where(
        queue.Task.campaign == name, queue.Task.status == queue.QUEUED).execute()
    click.echo(f"{name}: disabled ({n} queued calls cancelled)")


@campaigns.command("set")
@click.argument("name")
@click.argument("key")
@click.argument("value")
def set_cmd(name: str, key: str, value: str) -> None:
    """Tune a param, e.g. `campaigns set recall months 9` (VALUE is JSON or text)."""
    _check_name(name)
    _open()
    from appliance.outbound import campaigns as camps

    try:
        parsed: Any = json.loads(value)
    except ValueError:
        parsed = value
    try:
        params = camps.set_param(name, key, parsed)
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from None
    click.echo(f"{name}: {key} = {json.dumps(params[key], ensure_ascii=False)}")


@campaigns.command("run-now")
@click.argument("name")
def run_now(name: str) -> None:
    """Target NAME now and queue the calls; the dialer rings them within the calling window."""
    _check_name(name)
    config = _open()
    from appliance.outbound import targeting

    facts, emr = _facts_emr(config)
    now = _now(config, None)
    plan = targeting.plan(name, emr=emr, facts=facts, now=now, config=config)
    added = targeting.enqueue(plan, now)
    click.echo(f"{name}: {len(plan.targets)} targets, {added} newly queued")


@click.group()
def dialer() -> None:
    """The outbound dialer (runs inside `dentalcall serve`)."""


@dialer.command("status")
@click.option("--json", "as_json", is_flag=True)
def dialer_status(as_json: bool) -> None:
    """Queue, calls in flight, calling windows and line limits."""
    config = _open()
    from appliance.outbound.dialer import status

    info = status(config)
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False))
        return
    click.echo(f"now {info['now']}: queued {info['queued']}, dialing {info['dialing']}, in flight {info['in_flight']}, "
               f"finished today {info['done_today']}")
    click.echo(f"enabled campaigns: {', '.join(info['enabled']) or '(none)'}")
    for kind, w in info["windows"].items():
        click.echo(f"{kind} window: {'open' if w['open_now'] else 'closed'}; next opening {w['next'] or '-'}")
    lines = info["lines"]
    click.echo(f"lines: {lines['sip_lines']} total, outbound at most {lines['max_outbound']}, "
               f"{lines['free_for_inbound']} kept free for inbound")


@click.command()
@click.option("--campaign", default=None)
@click.option("--since", default=None, help="YYYY-MM-DD (default: 30 days ago)")
@click.option("--until", default=None, help="YYYY-MM-DD (default: today)")
@click.option("--csv", "as_csv", is_flag=True)
def report(campaign: str | None, since: str | None, until: str | None, as_csv: bool) -> None:
    """Per campaign: targeted, dialled, answered, outcomes, bookings and estimated revenue."""
    config = _open()
    from appliance.outbound import report as rep

    if campaign:
        _check_name(campaign)
    today = _now(config, None).date()
    d1 = dt.date.fromisoformat(until) if until else today
    d0 = dt.date.fromisoformat(since) if since else d1 - dt.timedelta(days=30)
    try:
        facts, _ = _facts_emr(config, need_emr=False)
    except ApplianceError:
        facts = None
    rows = rep.build(d0, d1, facts=facts, campaign=campaign)
    click.echo(rep.as_csv(rows) if as_csv else rep.as_text(rows, d0, d1), nl=not as_csv)
