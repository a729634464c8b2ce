"""``dentalcall campaigns|dialer|report``: switch campaigns on, tune, preview and dry-run them over a
calendar, watch the dialer, and see what the calls earned. Names and numbers are masked unless
``--unmask --reason TEXT`` (staff screens only; written to the access log before anything is shown)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import click

from appliance import settings
from appliance.data import crm, phone as phones
from appliance.cli_errors import ApplianceErrorGroup
from appliance.errors import ApplianceError


def _open() -> Any:
    config = settings.load()
    crm.open_for(config)
    from appliance.outbound import queue

    queue.ensure_tables()
    return config


def _now(config: Any, date: dt.date | None) -> dt.datetime:
    from appliance.outbound.clock import clinic_clock

    now = clinic_clock(config.timezone)()
    if date and date != now.date():
        now = dt.datetime.combine(date, now.time())
    return now


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """``YYYY-MM-DD``, ``today`` or ``tomorrow`` (a clear error otherwise, never a traceback)."""
    if value is None:
        return None
    text = value.strip().lower()
    today = dt.date.today()
    if text in ("today", "오늘"):
        return today
    if text in ("tomorrow", "내일"):
        return today + dt.timedelta(days=1)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD (e.g. 2026-11-25), today or tomorrow"
                                 ) from None


def _log_access(action: str, patient_ids: list[str], subject: str, reason: str | None) -> None:
    """Write the access log before patient data is shown (one row per patient)."""
    from appliance.data import access_log

    access_log.record(action, patient_ids=patient_ids or None, count=0 if not patient_ids else None,
                      subject=subject, reason=reason)


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


@click.group(cls=ApplianceErrorGroup)
def campaigns() -> None:
    """Outbound campaigns: list, preview, enable, disable, set, run-now."""


@campaigns.command("list")
def list_cmd() -> None:
    """Every campaign with its type (INFO/AD), state and params."""
    _open()
    from appliance.outbound import campaigns as camps

    from appliance.outbound.params import ParamError

    for c in camps.CAMPAIGNS.values():
        enabled, params = camps.stored(c.name)
        click.echo(f"{c.name:<18} {c.kind:<4} {'on ' if enabled else 'off'}  {c.title}")
        shown = {k: v for k, v in params.items() if v not in ("", None)}
        click.echo(f"{'':<18} params: {json.dumps(shown, ensure_ascii=False)}")
        try:
            camps.state(c.name)
        except ParamError as exc:
            click.echo(f"{'':<18} INVALID: {exc} (this campaign does not run until it is fixed)")


@campaigns.command("preview")
@click.argument("name")
@click.option("--date", default=None, callback=_day, help="Plan for this day (YYYY-MM-DD, today, tomorrow)")
@click.option("--unmask", is_flag=True, help="Show full names and numbers (staff screens only; needs --reason)")
@click.option("--reason", default=None, help="Why the full names and numbers are needed (kept in the access log)")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0), help="Rows shown at most")
@click.option("--all", "check_all", is_flag=True,
              help="Check every candidate, not only until the daily limit is reached (complete reasons; slower)")
def preview(name: str, date: dt.date | None, unmask: bool, reason: str | None, limit: int, check_all: bool) -> None:
    """Who NAME would call today and why (masked), and how many were left out for what reason."""
    _check_name(name)
    if unmask and not (reason or "").strip():
        raise click.UsageError("--unmask shows names and numbers in bulk: give --reason TEXT (kept in the access log)")
    config = _open()
    from appliance.outbound import campaigns as camps
    from appliance.outbound import targeting
    from appliance.outbound.params import ParamError

    facts, emr = _facts_emr(config)
    now = _now(config, date)
    try:
        plan = targeting.plan(name, emr=emr, facts=facts, now=now, config=config, full=check_all, count=not check_all)
    except ParamError as exc:
        raise click.ClickException(f"{exc}\nfix it with `dentalcall campaigns set {name} KEY VALUE`") from None
    c = camps.get(name)
    shown = plan.targets[:limit]
    if unmask:
        _log_access("campaigns.preview.unmask", [p for t in shown for p in (t.patients or (t.patient_id,))],
                    f"campaign {name} {now.date().isoformat()}", reason)
    if plan.complete:
        of = f"of {plan.candidates} candidates"
    else:
        of = (f"of {plan.total} candidates (checked the first {plan.candidates}"
              f"{' with a current marketing consent' if c.kind == 'AD' else ''} until the daily limit; "
              f"--all checks every one)")
    click.echo(f"{name} ({c.kind}, {c.title}) for {now.date().isoformat()}: {len(plan.targets)} to call {of}")
    for t in shown:
        who = (t.name or "-") if unmask else phones.mask_name(t.name)
        number = phones.formatted(t.phone) if unmask else phones.masked(t.phone)
        click.echo(f"  {who:<8} {number:<15} {t.why}")
    if len(plan.targets) > len(shown):
        click.echo(f"  ... and {len(plan.targets) - len(shown)} more")
    if plan.excluded:
        click.echo("left out: " + ", ".join(f"{k} {v}" for k, v in plan.excluded.most_common()))
    if plan.problems:
        click.echo(f"{len(plan.problems)} appointments fall on days the clinic is closed: not reminded, "
                   "reported to staff (fix them in the EMR)")
    if plan.bad_rows:
        click.echo(f"{plan.bad_rows} EMR rows skipped: values that cannot be read (a duration like '30분', "
                   "an hour of 25, a missing date); fix them in the EMR")


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

    n = camps.disable(name, _now(config, None))
    click.echo(f"{name}: disabled ({n} queued calls cancelled)")


@campaigns.command("set", context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.argument("key")
@click.argument("value", type=click.UNPROCESSED)
def set_cmd(name: str, key: str, value: str) -> None:
    """Tune a setting, e.g. `campaigns set recall months 9` (checked: type and range; refused otherwise)."""
    _check_name(name)
    _open()
    from appliance.outbound import campaigns as camps
    from appliance.outbound.params import ParamError

    try:
        params = camps.set_param(name, key, value)
    except ParamError as exc:
        raise click.ClickException(f"{exc}; nothing was stored") from None
    click.echo(f"{name}: {key} = {json.dumps(params[key], ensure_ascii=False)}")


@campaigns.command("run-now")
@click.argument("name")
def run_now(name: str) -> None:
    """Target NAME now and queue the calls; the dialer rings them within the calling window."""
    _check_name(name)
    config = _open()
    from appliance.outbound import campaigns as camps
    from appliance.outbound import targeting
    from appliance.outbound.params import ParamError
    from appliance.outbound.store import CrmStore, enqueue, run_record

    facts, emr = _facts_emr(config)
    now = _now(config, None)
    try:
        params = camps.state(name)[1]
        plan = targeting.plan(name, emr=emr, facts=facts, now=now, config=config, params=params)
    except ParamError as exc:
        raise click.ClickException(str(exc)) from None
    store = CrmStore()
    added = enqueue(plan, now, store, max_attempts=int(params.get("max_attempts") or 3))
    store.record(run_record(plan, name, now, added))
    click.echo(f"{name}: {len(plan.targets)} targets, {added} newly queued")


@campaigns.command("calendar")
@click.option("--from", "start", default=None, callback=_day, help="First day (YYYY-MM-DD; default today)")
@click.option("--days", default=7, show_default=True, type=click.IntRange(1, 62))
@click.option("--campaign", "names", multiple=True, help="Plan this campaign even if it is off (repeatable)")
@click.option("--json", "as_json", is_flag=True, help="One JSON object a line, full numbers (needs --reason)")
@click.option("--reason", default=None, help="Why full numbers are needed (kept in the access log)")
def calendar_cmd(start: dt.date | None, days: int, names: tuple[str, ...], as_json: bool, reason: str | None) -> None:
    """Dry run of the dialer's planning: which campaign would call whom on which day (nothing is dialled
    or written; calls already queued are not repeated)."""
    for name in names:
        _check_name(name)
    if as_json and not (reason or "").strip():
        raise click.UsageError("--json lists full phone numbers: give --reason TEXT (kept in the access log)")
    config = _open()
    from appliance.outbound import calendar

    facts, emr = _facts_emr(config)
    first = start or _now(config, None).date()
    cal = calendar.simulate(emr=emr, facts=facts, config=config, start=first, days=days,
                            states=calendar.campaign_states(list(names) if names else None))
    if as_json:
        _log_access("campaigns.calendar", sorted({e.patient_id for e in cal.entries}),
                    f"calendar {first.isoformat()} +{days}d", reason)
        for entry in cal.entries:
            click.echo(json.dumps(entry.as_json(), ensure_ascii=False))
        return
    for name, error in cal.errors().items():
        click.echo(f"{name}: planning failed: {error}")
    for day in (first + dt.timedelta(days=i) for i in range(days)):
        todays = [e for e in cal.entries if e.day == day]
        click.echo(f"{day.isoformat()} ({'월화수목금토일'[day.weekday()]}): {len(todays)} calls")
        for e in todays:
            when = f" {e.appointment:%m-%d %H:%M}" if e.appointment else ""
            who = f"{phones.mask_name(e.name):<6} {phones.masked(e.phone):<15}"
            click.echo(f"  {e.campaign:<18} {e.kind:<4} {who}{when}")
    for p in cal.problems:
        click.echo(f"! appointment on a closed day: patient #{p.patient_id} on {p.day.isoformat()} ({p.closed})")


@click.group(cls=ApplianceErrorGroup)
def dialer() -> None:
    """The outbound dialer (runs inside `dentalcall serve`)."""


@dialer.command("status")
@click.option("--json", "as_json", is_flag=True)
def dialer_status(as_json: bool) -> None:
    """Queue, calls in flight, calling windows and line limits."""
    config = _open()
    from appliance.outbound.status import status

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
    for name, problem in info["problems"].items():
        click.echo(f"PROBLEM {name}: {problem}")


@click.command()
@click.option("--campaign", default=None)
@click.option("--since", default=None, callback=_day, help="YYYY-MM-DD (default: 30 days ago)")
@click.option("--until", default=None, callback=_day, help="YYYY-MM-DD (default: today)")
@click.option("--csv", "as_csv", is_flag=True)
def report(campaign: str | None, since: dt.date | None, until: dt.date | None, as_csv: bool) -> None:
    """Per campaign: targeted, dialled, answered, outcomes, bookings and estimated revenue."""
    config = _open()
    from appliance.outbound import report as rep

    if campaign:
        _check_name(campaign)
    today = _now(config, None).date()
    d1 = until or today
    d0 = since or d1 - dt.timedelta(days=30)
    try:
        facts, _ = _facts_emr(config, need_emr=False)
    except ApplianceError:
        facts = None
    rows = rep.build(d0, d1, facts=facts, campaign=campaign)
    click.echo(rep.as_csv(rows) if as_csv else rep.as_text(rows, d0, d1), nl=not as_csv)
