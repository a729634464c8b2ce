"""``dentalcall privacy export|delete|purge|holders`` and ``dentalcall access-log``.

A patient's request to see (열람) or delete (삭제) their data is answered from every registered holder; the export
and the deletion are written to the access log with the operator's account and reason. EMR data is the EMR's:
the chart stays with the clinic (의료법 art. 22) and is neither exported nor deleted here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from appliance import settings
from appliance.data import access_log, crm
from appliance.errors import ApplianceError
from appliance.privacy import registry, retention

EMR_NOTE = ("The EMR's chart is not touched: it is the clinic's medical record (의료법 art. 22, kept 10 years); "
            "a correction there goes through the staff and the EMR.")


def _open() -> Any:
    config = settings.load()
    crm.open_for(config)
    return config


def _subject(config: Any, patient_id: str | None, numbers: tuple[str, ...], use_emr: bool) -> registry.Subject:
    if not patient_id and not numbers:
        raise click.UsageError("name the person: PATIENT_ID (the EMR's patient id) and/or --phone NUMBER")
    bad = [n for n in numbers if not registry.Subject.of(None, [n]).phones]
    if bad:
        raise click.ClickException(f"not a Korean phone number: {', '.join(bad)}")
    found = list(numbers)
    if patient_id and use_emr and config.emr_url:
        try:
            from appliance.data.emr import EMR

            patient = EMR.from_config(config).get_patient(str(patient_id))
        except (ApplianceError, ImportError) as exc:
            click.echo(f"note: the EMR could not be asked for this patient's numbers ({exc}); "
                       "add them with --phone", err=True)
        else:
            if patient is None:
                raise click.ClickException(f"the EMR has no patient {patient_id}; check the id or use --no-emr")
            found += list(patient.phones)
    return registry.Subject.of(patient_id, found)


def _who(subject: registry.Subject) -> dict[str, Any]:
    return {"patient_id": subject.patient_id, "subject": subject.label()}


@click.group()
def privacy() -> None:
    """One person's data on request (export, delete), the retention purge, the holders of personal data."""


_person = [
    click.argument("patient_id", required=False),
    click.option("--phone", "numbers", multiple=True, help="A phone number of the person (repeatable)."),
    click.option("--no-emr", is_flag=True, help="Do not ask the EMR for the patient's phone numbers."),
    click.option("--reason", default="정보주체 요구 (data subject request)", show_default=True,
                 help="Why: written to the access log (e.g. the request's date and how identity was checked)."),
]


def _with_person(func: Any) -> Any:
    for decorator in reversed(_person):
        func = decorator(func)
    return func


@privacy.command("export")
@_with_person
@click.option("--to", "folder", type=click.Path(file_okay=False), default=None,
              help="Folder to write (default: data_dir/exports/..., removed after 30 days).")
def export_cmd(patient_id: str | None, numbers: tuple[str, ...], no_emr: bool, reason: str, folder: str | None) -> None:
    """Export everything the appliance holds about PATIENT_ID and/or --phone (개인정보 열람 요구)."""
    config = _open()
    subject = _subject(config, patient_id, numbers, not no_emr)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = Path(folder) if folder else Path(config.data_dir) / "exports" / f"{stamp}-{subject.patient_id or 'phone'}"
    access_log.record("privacy.export", reason=reason, **_who(subject))
    manifest = registry.export_subject(config, subject, target)
    if folder is None:
        _give_to_engine(target)
    for name, entry in manifest["holders"].items():
        files = f", {len(entry['files'])} file(s)" if entry["files"] else ""
        click.echo(f"  {name:17} {entry['records']:>5} record(s){files}")
    click.echo(f"exported {subject.label()} to {target} (mode 0700; hand it over, then delete it)")
    click.echo(EMR_NOTE)


def _give_to_engine(target: Path) -> None:
    """An export left in data_dir/exports is owned by the engine's user, whose daily purge removes it."""
    import os

    owner = settings.engine_ids() if os.geteuid() == 0 else None
    if owner is None:
        return
    for path in [target.parent, target, *target.rglob("*")]:
        os.chown(path, *owner)
    os.chmod(target.parent, 0o700)


@privacy.command("delete")
@_with_person
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def delete_cmd(patient_id: str | None, numbers: tuple[str, ...], no_emr: bool, reason: str, yes: bool) -> None:
    """Delete what the appliance holds about PATIENT_ID and/or --phone (개인정보 삭제 요구); opt-outs are kept."""
    config = _open()
    subject = _subject(config, patient_id, numbers, not no_emr)
    found = registry.find(config, subject)
    click.echo(f"The appliance holds about {subject.label()}:")
    for item in found:
        verb = "kept" if item.holder.delete is None else "deleted"
        files = f", {len(item.files)} file(s)" if item.files else ""
        click.echo(f"  {item.holder.name:17} {len(item.records):>5} record(s){files}  -> {verb}")
    if not any(item.records for item in found if item.holder.delete is not None):
        click.echo("nothing to delete")
        return
    if not yes:
        click.confirm("Delete these records for good?", abort=True)
    result = registry.delete_subject(config, subject)
    total = sum(result["deleted"].values())
    access_log.record("privacy.delete", reason=reason, count=total, **_who(subject))
    click.echo(f"deleted {total} record(s) of {subject.label()}")
    for name, why in result["kept"].items():
        click.echo(f"kept {name}: {why}")
    click.echo(EMR_NOTE)


@privacy.command("purge")
def purge_cmd() -> None:
    """Apply the retention of every kind of data now (the engine does it daily)."""
    config = _open()
    problems = retention.policy_problems(config)
    for problem in problems:
        click.echo(f"not applied: {problem}", err=True)
    counts = retention.purge_all(config)
    for kind in retention.kinds():
        days = retention.days_for(config, kind)
        shown = "kept forever" if days <= 0 else f"{counts.get(kind.name, 0)} removed (older than {days} days)"
        click.echo(f"  {kind.name:14} {shown}")


@privacy.command("holders")
def holders_cmd() -> None:
    """Where personal data lives and how long it is kept."""
    config = settings.load()
    click.echo("holders of personal data (privacy export/delete):")
    for holder in registry.holders():
        click.echo(f"  {holder.name:17} {holder.what}" + ("  [kept on deletion]" if holder.delete is None else ""))
    click.echo("retention:")
    for kind in retention.kinds():
        days = retention.days_for(config, kind)
        click.echo(f"  {kind.name:14} {'forever' if days <= 0 else f'{days} days':>9}  {kind.what}"
                   + (f"  ({kind.setting})" if kind.setting else ""))


@click.command("access-log")
@click.option("--patient", default=None, help="Only views of this patient's data (EMR patient id).")
@click.option("--actor", default=None, help='Only this account, e.g. "cli:kim" or "staff:lee".')
@click.option("--since", default=None, help="From this date (YYYY-MM-DD, UTC).")
@click.option("--action", default=None, help="Only this action, e.g. calls.show or privacy.export.")
@click.option("-n", "--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def access_log_command(patient: str | None, actor: str | None, since: str | None, action: str | None, limit: int,
                       as_json: bool) -> None:
    """Who viewed or exported whose personal data, when and why (newest first; for the privacy officer)."""
    _open()
    try:
        start = dt.datetime.fromisoformat(since) if since else None
    except ValueError:
        raise click.BadParameter(f"{since!r}: use YYYY-MM-DD", param_hint="--since") from None
    rows = access_log.entries(since=start, actor=actor, patient_id=patient, action=action, limit=limit)
    filters = ", ".join(f"{k}={v}" for k, v in (("patient", patient), ("actor", actor), ("since", since),
                                                ("action", action)) if v) or "all"
    access_log.record("access_log.view", patient_id=patient, subject=f"access log ({filters})"[:128],
                      count=len(rows))
    if as_json:
        for r in rows:
            click.echo(json.dumps({k: getattr(r, k) for k in ("at", "actor", "origin", "action", "patient_id",
                                                             "subject", "count", "reason")},
                                  ensure_ascii=False, default=str))
        return
    if not rows:
        click.echo("no access logged" + ("" if filters == "all" else f" ({filters})"))
        return
    click.echo(f"{'at (UTC)':19}  {'actor':16} {'origin':10} {'action':24} {'patient':>8}  subject / reason")
    for r in rows:
        extra = f"  ({r.count} people)" if r.count and r.count > 1 else ""
        why = f"  reason: {r.reason}" if r.reason else ""
        click.echo(f"{r.at:%Y-%m-%d %H:%M:%S}  {r.actor[:16]:16} {r.origin[:10]:10} {r.action[:24]:24} "
                   f"{r.patient_id or '-':>8}  {r.subject or ''}{extra}{why}")
