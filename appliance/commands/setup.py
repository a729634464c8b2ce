"""``dentalcall init``: the few facts an installer must give, written to the config, then everything that
derives from them (Asterisk config, prompt pack) regenerated. Asks interactively unless given flags.

Run as root it writes the config ``root:dentalcall`` 0640 and the secrets ``dentalcall`` 0600, so the engine
(user dentalcall) reads exactly what was configured; it tells the installer the staff voicemail PIN and whether
the clinic facts are ready for callers."""

from __future__ import annotations

import click

from appliance import settings

QUESTIONS = (
    ("clinic_name", "Clinic name, as spoken in greetings (e.g. 미소치과)"),
    ("staff_extensions", "Staff extensions rung on transfer/fallback (comma-separated)"),
    ("voicemail_box", "Voicemail box number"),
    ("sip_bind", "Address for SIP (the LAN address facing the trunk; 127.0.0.1 for a lab)"),
)


@click.command()
@click.option("--clinic-name")
@click.option("--staff-extensions")
@click.option("--voicemail-box")
@click.option("--sip-bind")
@click.option("--yes", "-y", is_flag=True, help="Accept defaults for everything not given (no questions)")
def init(yes: bool, **given: str | None) -> None:
    """Set up this appliance: clinic facts, phones, then regenerate Asterisk config and prompts."""
    config = settings.load()
    changes: dict[str, str] = {}
    for name, question in QUESTIONS:
        value = given.get(name)
        if value is None:
            current = config.as_dict()[name]
            value = current if yes else click.prompt(question, default=str(current))
        changes[name] = str(value).strip()
    if not changes["clinic_name"]:
        raise click.ClickException("clinic name must not be empty")
    for ext in changes["staff_extensions"].split(","):
        if not ext.strip().isdigit():
            raise click.ClickException(f"staff extension {ext!r} must be digits, e.g. 201,202")
    path = settings.write_config(config, changes)
    click.echo(f"config written: {path}")
    config = settings.load()
    config.secret("ami_secret")  # generated once, 0600

    from appliance.data import crm

    crm.open_for(config)
    click.echo(f"CRM database ready: {config.crm_url.split('://', 1)[0]}")
    try:
        from appliance.phrasebook import build_placeholder

        if config.prompt_pack == "placeholder":
            build_placeholder(config)
            click.echo(
                "placeholder prompt pack rendered (record the real voice with *77 or `dentalcall prompts import`)"
            )
    except ImportError:
        pass
    from appliance.telephony.asterisk import Asterisk

    asterisk = Asterisk(config)
    asterisk.render_config()
    click.echo(f"Asterisk config generated in {config.asterisk_dir / 'etc'}")
    if _running(asterisk):
        asterisk.reload()
        click.echo("Asterisk reloaded")
    from appliance.data.clinic.facts import refusal_for_calls
    from appliance.telephony.sip_security import voicemail_pin

    click.echo(f"staff voicemail: dial *98, box {config.voicemail_box}, PIN {voicemail_pin(config)} (tell the staff)")
    refusal = refusal_for_calls(config)
    if refusal:
        click.echo(f"clinic facts NOT ready, calls will go to staff/voicemail until fixed: {refusal}")
    click.echo("next: record the clinic's voice — `dentalcall prompts script --pdf script.pdf`, read it by phone "
               "(*77) or `dentalcall prompts import DIR`; until then callers hear the placeholder voice. "
               "Then `dentalcall doctor`.")


def _running(asterisk) -> bool:
    state = asterisk.status()
    return bool(state.get("running") if isinstance(state, dict) else getattr(state, "running", False))
