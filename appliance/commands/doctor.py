"""``dentalcall doctor``: checks everything a call needs, each failure with a concrete fix."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from dataclasses import dataclass
from typing import Callable

import click

from appliance import settings
from appliance.settings import Config

SHOWN_KEYS = 6
"""How many phrase keys a prompts finding names (the rest are counted; `dentalcall prompts status` lists them all)."""


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str
    fix: str = ""


def check_asterisk(config: Config) -> Check:
    from appliance.telephony.asterisk import Asterisk

    try:
        state = Asterisk(config).status()
    except Exception as exc:
        return Check("asterisk", "fail", str(exc), "dentalcall asterisk start")
    running = state.get("running") if isinstance(state, dict) else getattr(state, "running", False)
    version = state.get("version") if isinstance(state, dict) else getattr(state, "version", "")
    if not running:
        return Check("asterisk", "fail", "Asterisk is not running", "dentalcall asterisk start")
    return Check("asterisk", "ok", f"running, {version}".strip(", "))


def check_ami(config: Config) -> Check:
    """Log in and send CoreSettings: the AMI user has call/reporting/originate rights only (no CLI commands)."""
    from appliance.telephony.ami import connect_ami

    async def probe() -> str:
        manager = await connect_ami(config)
        try:
            reply = await asyncio.wait_for(manager.send_action({"Action": "CoreSettings"}), 5)
        finally:
            manager.close()
        if str(reply.get("Response", "")).lower() != "success":
            raise RuntimeError(f"CoreSettings refused: {reply.get('Message', reply)}")
        return f"Asterisk {reply.get('AsteriskVersion', '?')}"

    try:
        output = asyncio.run(probe())
    except Exception as exc:
        return Check("ami", "fail", str(exc), "dentalcall asterisk config && dentalcall asterisk start")
    return Check("ami", "ok", f"login on 127.0.0.1:{config.ami_port} ok ({output})")


def check_fastagi(config: Config) -> Check:
    """Talk real AGI to the engine's ``health`` route (never a bare connect: panoramisk bug 1)."""

    async def probe() -> float:
        t0 = time.monotonic()
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", config.agi_port), 2)
        writer.write(b"agi_network: yes\nagi_network_script: health\nagi_uniqueid: doctor\n\n")
        await writer.drain()
        line = await asyncio.wait_for(reader.readline(), 3)
        if not line.startswith(b"GET VARIABLE"):
            raise RuntimeError(f"unexpected reply {line[:40]!r}")
        writer.write(b"200 result=1 (ok)\n")
        await writer.drain()
        await asyncio.wait_for(reader.read(), 3)
        writer.close()
        return (time.monotonic() - t0) * 1000

    try:
        ms = asyncio.run(probe())
    except Exception as exc:
        return Check("fastagi", "fail",
                     f"engine not answering on 127.0.0.1:{config.agi_port} ({exc or type(exc).__name__})",
                     "start the engine: systemctl start dentalcall (or `dentalcall serve`)")
    return Check("fastagi", "ok", f"engine answered in {ms:.0f} ms")


def check_models(config: Config) -> Check:
    from appliance.speech import models

    try:
        problems = {name: problem for name, problem in models.verify(config, full=False).items() if problem}
    except Exception as exc:
        return Check("models", "fail", str(exc), "dentalcall models install --defaults")
    if problems:
        return Check("models", "fail", "; ".join(f"{n}: {p}" for n, p in problems.items()),
                     "dentalcall models install --defaults")
    return Check("models", "ok", "installed and checksums verified")


def check_prompts(config: Config) -> Check:
    """Honest about the voice: OK only when every sentence a caller can hear is in a person's recorded voice."""
    from appliance.phrasebook import load_pack

    record = ("record the clinic's voice: `dentalcall prompts script --pdf script.pdf`, then *77 on a staff "
              "phone or `dentalcall prompts import DIR` (`dentalcall prompts status` shows what is left)")
    try:
        pack = load_pack(config)
        counts = pack.counts()
    except Exception as exc:
        return Check("prompts", "fail", str(exc), "dentalcall prompts build-placeholder, then " + record)
    total = counts["total"]
    if counts["missing"]:
        shown = ", ".join(pack.missing()[:SHOWN_KEYS])
        return Check("prompts", "fail", f"{counts['missing']} of {total} sentences/fragments have no voice at all "
                     f"({shown})", record)
    if counts["recorded"] < total:
        detail = (f"pack {pack.name!r}: {counts['recorded']} of {total} recorded; {counts['placeholder']} in the "
                  f"placeholder voice (espeak-ng: callers cannot understand it), {counts['stale']} stale")
        if counts["failed_check"]:
            detail += f", {counts['failed_check']} with a refused last take"
        left = pack.not_recorded()
        detail += f"; not yet in the clinic's voice: {', '.join(left[:SHOWN_KEYS])}" + (
            f" and {len(left) - SHOWN_KEYS} more" if len(left) > SHOWN_KEYS else "")
        return Check("prompts", "warn", detail, record)
    return Check("prompts", "ok", f"pack {pack.name!r}: all {total} recorded in the clinic's voice")


def check_database(config: Config) -> Check:
    from appliance.data import crm, migrations

    try:
        db = crm.open_for(config)
        version = migrations.current_version(db)
    except Exception as exc:
        return Check("database", "fail", f"CRM database: {exc}", "check the crm_db setting / disk permissions")
    return Check("database", "ok", f"CRM schema version {version}")


def check_emr(config: Config) -> Check:
    try:
        from appliance.data.emr.health import emr_health
    except ImportError:
        return Check("emr", "warn", "EMR connector not configured", "dentalcall emr connect URL --profile P")
    try:
        health = emr_health(config)
    except Exception as exc:
        return Check("emr", "fail", str(exc), "dentalcall emr test")
    return Check("emr", health.status, health.message, health.fix)


def check_disk(config: Config) -> Check:
    from appliance.ops.health_checks import disk_check

    return Check("disk", *disk_check(config))


def check_clock(config: Config) -> Check:
    now = dt.datetime.now(dt.timezone.utc)
    if now.year < 2025:
        return Check("clock", "fail", f"system clock says {now:%Y-%m-%d}", "enable NTP: timedatectl set-ntp true")
    synced = None
    try:
        import subprocess

        out = subprocess.run(["timedatectl", "show", "-p", "NTPSynchronized", "--value"],
                             capture_output=True, text=True, timeout=3)
        if out.returncode == 0:
            synced = out.stdout.strip() == "yes"
    except (OSError, Exception):
        synced = None
    if synced is False:
        return Check("clock", "warn", "clock not NTP-synchronised (calling hours depend on it)",
                     "timedatectl set-ntp true")
    kst = now.astimezone(dt.timezone(dt.timedelta(hours=9)))
    return Check("clock", "ok", f"{kst:%Y-%m-%d %H:%M} KST" + ("" if synced else " (NTP state unknown)"))


def check_config_files(config: Config) -> Check:
    """The engine's user can read its config, secrets, trunks and clinic facts; secrets are private."""
    from appliance.privacy.checks import config_files

    return Check("config", *config_files(config))


def check_clinic_facts(config: Config) -> Check:
    """Real clinic facts: missing or demo facts make the engine refuse calls (staff/voicemail)."""
    from appliance.privacy.checks import clinic_facts

    return Check("clinic", *clinic_facts(config))


def check_sip_security(config: Config) -> Check:
    """Strong staff SIP passwords, staff phones from the LAN only, the fail2ban guard active."""
    from appliance.telephony.sip_security import doctor_check

    return Check("sip", *doctor_check(config))


def check_retention(config: Config) -> Check:
    """Retention settings valid and the daily purge running."""
    from appliance.privacy.checks import retention_policy

    return Check("retention", *retention_policy(config))


def check_sms(config: Config) -> Check:
    from appliance.sms.health import sms_health

    status, detail, fix = sms_health(config)
    return Check("sms", status, detail, fix)


def check_console(config: Config) -> Check:
    """The staff console: an admin account, HTTPS on the LAN address, the service listening."""
    from appliance.console.health_check import console_check

    status, detail, fix = console_check(config)
    return Check("console", status, detail, fix)


def check_outbound(config: Config) -> Check:
    """Campaigns: every enabled one can run (valid settings, last planning ok), unreadable EMR rows and
    appointments on closed days, and the clock the advertising hours depend on."""
    from appliance.data import crm
    from appliance.outbound import queue
    from appliance.outbound.status import health

    try:
        crm.open_for(config)
        queue.ensure_tables()
        result = health(config)
    except Exception as exc:
        return Check("outbound", "fail", f"campaign state unreadable: {exc}", "check the CRM database (crm_db)")
    return Check("outbound", result.status, result.message, result.fix)


def check_backup(config: Config) -> Check:
    from appliance.ops.health_checks import backup_check

    return Check("backup", *backup_check(config))


def check_alerts(config: Config) -> Check:
    from appliance.ops.health_checks import alerts_check

    return Check("alerts", *alerts_check(config))


CHECKS: list[Callable[[Config], Check]] = [
    check_asterisk, check_ami, check_fastagi, check_models, check_prompts, check_database, check_emr,
    check_disk, check_clock, check_sms, check_config_files, check_clinic_facts, check_sip_security,
    check_retention, check_console, check_outbound, check_backup, check_alerts,
]


def run_checks(config: Config) -> list[Check]:
    results = []
    for check in CHECKS:
        try:
            results.append(check(config))
        except ImportError as exc:
            results.append(Check(check.__name__.replace("check_", ""), "fail", f"component missing: {exc}",
                                 "re-run install.sh"))
    return results


@click.command()
@click.option("--json", "as_json", is_flag=True)
def doctor(as_json: bool) -> None:
    """Check Asterisk, AMI, FastAGI, models, prompts, database, EMR, disk, clock, config files, clinic facts,
    SIP security and retention."""
    import json

    config = settings.load()
    results = run_checks(config)
    if as_json:
        click.echo(json.dumps([r.__dict__ for r in results], ensure_ascii=False))
    else:
        marks = {"ok": "OK  ", "warn": "WARN", "fail": "FAIL"}
        for r in results:
            click.echo(f"[{marks[r.status]}] {r.name:9} {r.detail}")
            if r.status != "ok" and r.fix:
                click.echo(f"       fix: {r.fix}")
    if any(r.status == "fail" for r in results):
        raise SystemExit(1)
