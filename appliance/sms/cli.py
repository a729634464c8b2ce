"""``dentalcall sms``: connect the clinic's vendor, send a test, look at the outbox, preview the templates."""

from __future__ import annotations

import click

from appliance import settings
from appliance.cli_errors import ApplianceErrorGroup
from appliance.data import phone as phones


def _open(config: settings.Config) -> None:
    from appliance.data import crm
    from appliance.sms import outbox

    crm.open_for(config)
    outbox.ensure_tables()


@click.group(cls=ApplianceErrorGroup)
def sms() -> None:
    """Text messages (SMS/LMS): confirmations, reminders, replies."""


@sms.command()
@click.option("--gateway", type=click.Choice(["http", "db_agent", "none"]), required=True)
@click.option("--url", default="", help="Vendor API base URL, or the agent database URL (password asked for)")
@click.option("--profile", default="", help="Vendor profile (shipped: http-generic, http-hmac, agent-generic)")
@click.option("--sender", "sender_number", default="", help="The clinic's registered sender number (발신번호)")
@click.option("--optout", default="", help="Free opt-out number for advertising texts (080...)")
@click.option("--console-url", default="", help="The console's address as the vendor reaches it (webhook URLs)")
def connect(gateway: str, url: str, profile: str, sender_number: str, optout: str, console_url: str) -> None:
    """Choose the gateway; API key/secret or DB password are asked for and kept in secrets.ini (0600)."""
    from appliance.data.emr import drivers
    from appliance.config_files import write_secret

    config = settings.load()
    changes: dict[str, str] = {"sms_gateway": gateway}
    if gateway != "none":
        if not url or not phones.canonical(sender_number):
            raise click.ClickException("--url and a valid --sender number are required")
        changes.update(sms_sender_number=phones.canonical(sender_number) or "", sms_profile=profile)
        if optout:
            if not (phones.canonical(optout) or "").startswith("080"):
                raise click.ClickException("--optout must be an 080 free number")
            changes["sms_optout_number"] = phones.canonical(optout) or ""
        if gateway == "db_agent":
            clean, password = drivers.split_password(url)
            password = password or click.prompt("agent database password (empty: none)", hide_input=True,
                                                default="", show_default=False)
            write_secret(config.secrets_file, "sms_db_password", password or None)
            url = clean
        else:
            write_secret(config.secrets_file, "sms_api_key", click.prompt("vendor API key", hide_input=True))
            api_secret = click.prompt("vendor API secret (empty: none)", hide_input=True, default="",
                                      show_default=False)
            write_secret(config.secrets_file, "sms_api_secret", api_secret or None)
        changes["sms_url"] = url.replace("%", "%%")
    settings.write_config(config, changes)
    click.echo(f"sms gateway: {gateway}")
    if gateway == "http" and console_url:
        from appliance.sms.webhook import webhook_urls

        for name, hook in webhook_urls(settings.load(), console_url).items():
            click.echo(f"give the vendor this {name} callback URL: {hook}")
    click.echo("next: dentalcall sms send-test 010XXXXXXXX, then dentalcall doctor")


@sms.command("send-test")
@click.argument("number")
def send_test(number: str) -> None:
    """Send a test text to NUMBER now (or queue it for the running engine's sender)."""
    from appliance.sms import gateways, texts
    from appliance.sms.sender import Sender, SenderBusy

    config = settings.load()
    _open(config)
    gateway = gateways.load(config)
    if gateway is None:
        raise click.ClickException("texts are off (sms_gateway = none); run `dentalcall sms connect`")
    row = texts.queue_test(config, number)
    assert row is not None
    sender = Sender(config, gateway)
    try:
        sender.start()
    except SenderBusy:
        click.echo(f"queued as message {row.id}; the running engine sends it (see `dentalcall sms outbox`)")
        return
    try:
        state = sender.send_one(row.id)
    finally:
        sender.close()
        gateway.close()
    from appliance.sms import outbox

    row = outbox.Message.get_by_id(row.id)
    click.echo(f"message {row.id} to {phones.masked(row.phone)}: {state} ({row.type} {row.bytes} bytes)"
               + (f" — {row.error}" if row.error else ""))
    if state != outbox.SENT:
        raise SystemExit(1)


@sms.command()
def flush() -> None:
    """Send every due message now and exit (when the engine is not running)."""
    from appliance.sms import gateways
    from appliance.sms.sender import Sender, SenderBusy

    config = settings.load()
    _open(config)
    gateway = gateways.load(config)
    if gateway is None:
        raise click.ClickException("texts are off (sms_gateway = none)")
    sender = Sender(config, gateway)
    try:
        settled = sender.start()
        sent = sender.send_due()
    except SenderBusy as exc:
        raise click.ClickException(f"{exc}: the engine is sending") from None
    finally:
        sender.close()
        gateway.close()
    click.echo(f"sent {sent}; reconciled {settled}")


@sms.command("outbox")
@click.option("--patient", "patient_id", default=None, help="One patient's texts (their text is shown)")
@click.option("--limit", default=50, show_default=True)
def outbox_cmd(patient_id: str | None, limit: int) -> None:
    """The outbox, newest first (numbers masked; texts only for one patient)."""
    from appliance.data import access_log
    from appliance.sms import outbox

    config = settings.load()
    _open(config)
    M = outbox.Message
    rows = outbox.for_patient(patient_id, limit=limit) if patient_id else list(
        M.select().order_by(M.id.desc()).limit(limit))
    ids = sorted({r.patient_id for r in rows if r.patient_id})
    access_log.record("sms.outbox", patient_ids=ids if ids else None, subject="sms outbox", count=len(rows))
    click.echo(f"{'id':>6} {'created':16} {'purpose':15} {'kind':4} {'type':4} {'bytes':>5} {'state':9} "
               f"{'try':>3} {'to':13} patient")
    for r in rows:
        click.echo(f"{r.id:>6} {r.created_at:%Y-%m-%d %H:%M} {r.purpose:15} {r.kind:4} {r.type:4} {r.bytes:>5} "
                   f"{r.state:9} {r.attempts:>3} {phones.masked(r.phone):13} {r.patient_id or '-'}")
        if patient_id:
            click.echo("       " + r.text.replace("\n", " / ") + (f"  [{r.error}]" if r.error else ""))


@sms.command("templates")
@click.option("--preview", is_flag=True, help="Render each text with sample values: bytes and type")
def templates_cmd(preview: bool) -> None:
    """The Korean texts (edit /etc/dentalcall/sms-templates.toml: only the keys you change)."""
    from appliance.sms import templates
    from appliance.sms.texts import clinic_identity

    config = settings.load()
    if not preview:
        for t in templates.load(config).values():
            click.echo(f"{t.name:28} [{t.source}] {t.text}")
        click.echo(f"clinic file: {templates.clinic_file(config)}")
        return
    clinic, phone = clinic_identity(config)
    for p in templates.preview(config, {"clinic": clinic, "clinic_phone": phones.formatted(phone) or ""}):
        click.echo(f"{p.name:28} {p.measure.describe()}")
        click.echo("    " + p.text.replace("\n", "\n    "))


@sms.command("agent-schema")
@click.option("--dialect", type=click.Choice(["postgresql", "mysql", "mssql", "sqlite"]), required=True)
@click.option("--profile", default="agent-generic", show_default=True)
def agent_schema(dialect: str, profile: str) -> None:
    """Print the MT/MO tables of an agent profile (for the vendor's installer, or a test agent)."""
    from appliance.sms import config as smsconfig
    from appliance.sms.gateways import load_profile

    data = load_profile(smsconfig.PROFILES_DIR / f"{profile}.toml")
    ddl = (data.get("schema") or {}).get(dialect)
    if not ddl:
        raise click.ClickException(f"profile {profile} documents no {dialect} tables")
    click.echo(ddl.strip() + ";")
