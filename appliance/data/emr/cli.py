"""``dentalcall emr``: connect the clinic's EMR, test a profile, seed a demo EMR, look up a caller."""

from __future__ import annotations

import datetime as dt
import os
import time
from typing import Any

import click

from appliance import settings
from appliance.data import phone as phones
from appliance.cli_errors import ApplianceErrorGroup
from appliance.errors import ApplianceError


def _config() -> Any:
    return settings.load()


def _emr(url: str | None, profile: str | None, config: Any):
    from appliance.data.emr import settings as emr_settings
    from appliance.data.emr.connector import EMR

    url = url or emr_settings.emr_url(config)
    if not url:
        raise click.ClickException("no EMR configured: run `dentalcall emr connect URL --profile reference` "
                                   "or pass --url")
    return EMR(url, profile or emr_settings.profile_path(config),
               connect_timeout=config.emr_connect_timeout, statement_timeout=max(config.emr_statement_timeout, 10))


def _mask_patient(p: Any) -> str:
    age = p.age()
    return (f"#{p.id} {phones.mask_name(p.name)} {age if age is not None else '?'}세 {p.sex or '?'} "
            f"{', '.join(phones.masked(n) for n in p.phones) or '-'} {p.insurance} {p.status}")


@click.group(cls=ApplianceErrorGroup)
def emr() -> None:
    """The clinic's EMR (read-only SQL on the LAN): connect, test, demo data, caller lookup."""


PASSWORD_ENV = "DENTALCALL_EMR_PASSWORD"


def _password(url: str, password_file: str | None, no_password: bool) -> str | None:
    """The EMR login's password: from --password-file, the environment or a hidden prompt (never the URL)."""
    from appliance.data.emr import drivers

    if drivers.parse_url(url).dialect == "sqlite" or no_password:
        return None
    if password_file:
        try:
            with open(password_file, encoding="utf-8") as fh:
                return fh.readline().rstrip("\r\n") or None
        except OSError as exc:
            raise click.ClickException(f"cannot read {password_file}: {exc.strerror}") from None
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    return click.prompt("EMR password (not shown; Enter for none)", hide_input=True, default="",
                        show_default=False) or None


@emr.command()
@click.argument("url")
@click.option("--profile", default="reference", show_default=True, help="Profile name or path to a .toml")
@click.option("--booking", type=click.Choice(["request", "emr"]), default=None,
              help="request: bookings become staff-confirmed requests; emr: write into the EMR (profile needs writes)")
@click.option("--password-file", default=None, type=click.Path(dir_okay=False),
              help="Read the password from the first line of this file (else $DENTALCALL_EMR_PASSWORD, else asked)")
@click.option("--no-password", is_flag=True, help="The EMR login has no password (trust/peer authentication)")
def connect(url: str, profile: str, booking: str | None, password_file: str | None, no_password: bool) -> None:
    """Test URL with PROFILE, then save it (the password goes into the 0600 secrets file).

    URL without the password: postgresql://user@host/db, mysql://..., mariadb://...,
    mssql://user@host:1433/DENTWEBDB, sqlite:///path. The password is asked for (hidden), or read from
    --password-file or $DENTALCALL_EMR_PASSWORD, so it never lands in the shell history or the process list."""
    from appliance.data.emr import drivers, settings as emr_settings

    config = _config()
    try:
        clean, embedded = drivers.split_password(url)
    except ValueError as exc:
        raise click.ClickException(f"not a database URL: {exc}") from None
    if embedded is not None:
        raise click.ClickException(
            "the URL contains a password: it would stay in the shell history and the process list. Give the URL "
            "without it (user@host), then type the password when asked, or use --password-file FILE or "
            f"${PASSWORD_ENV}. Nothing was saved.")
    password = _password(clean, password_file, no_password)
    full = drivers.with_password(clean, password)
    masked = drivers.mask_url(full)
    e = _emr(full, profile, config)
    started = time.monotonic()
    try:
        e.run("get_patient", patient_id="0")
    except ApplianceError as exc:
        raise click.ClickException(f"{masked}: {exc}\nFix the URL, network or login; nothing was saved.") from None
    took_ms = (time.monotonic() - started) * 1000
    click.echo(f"connected to {masked} ({e.dialect}) in {took_ms:.0f} ms, profile {e.profile.name}")
    if not e.profile.verified:
        click.echo("WARNING: this profile is UNVERIFIED; run `dentalcall emr test` and fix failing queries.")
    path = emr_settings.save(config, full, profile)
    if booking:
        if booking == "emr" and not e.profile.can_write:
            raise click.ClickException(f"profile {e.profile.name} has no [writes.book_appointment]; "
                                       "keep --booking request")
        settings.write_config(config, {"emr_booking": booking})
    click.echo(f"saved to {path}" + (f" (password in {config.secrets_file}, mode 0600)" if password else ""))


def _sample_params(today: dt.date) -> dict[str, dict[str, Any]]:
    from appliance.data.emr.connector import _months_ago, _years_ago

    return {
        "find_patients_by_phone": {"phones": phones.variants("010-2024-0001")},
        "get_patient": {"patient_id": "1"},
        "list_visits": {"patient_id": "1", "limit": 20},
        "upcoming_appointments": {"patient_id": "1", "from_date": today},
        "appointments_between": {"date_from": today, "date_to": today + dt.timedelta(days=7)},
        "doctors": {},
        "chairs": {},
        "last_visits": {"before": _months_ago(today, 6), "since": _months_ago(today, 60), "today": today},
        "scaling_this_year": {"patient_id": None, "year_start": dt.date(today.year, 1, 1),
                              "year_end": dt.date(today.year, 12, 31)},
        "scaling_unused": {"birth_on_or_before": _years_ago(today, 19), "year_start": dt.date(today.year, 1, 1),
                           "seen_since": _months_ago(today, 36)},
        "implant_surgeries": {"date_from": today - dt.timedelta(days=35), "date_to": today - dt.timedelta(days=25)},
        "treatments_on": {"date": today - dt.timedelta(days=1)},
        "seniors": {"birth_on_or_before": _years_ago(today, 65), "seen_since": _months_ago(today, 60)},
        "private_insurance": {"before": _months_ago(today, 3)},
    }


STAFF_LISTS = ("doctors", "chairs")  # rows whose ``name`` is a doctor's or a chair's, not a patient's


def _mask_row(op: str, row: dict[str, Any]) -> str:
    shown = []
    for key, value in row.items():
        if value is None:
            continue
        if key == "name" and op not in STAFF_LISTS:
            value = phones.mask_name(str(value))
        elif key.startswith("phone") or key in ("hp", "tel"):
            value = phones.masked(str(value))
        elif key == "birth_date":
            value = str(value)[:4] + "****"
        elif key in ("memo",):
            value = "…"
        shown.append(f"{key}={value}")
    return " ".join(shown[:9])


@emr.command("test")
@click.option("--url", default=None, help="Test this URL instead of the saved one")
@click.option("--profile", default=None, help="Profile name or path (default: the saved one)")
def test_cmd(url: str | None, profile: str | None) -> None:
    """Run every query of the profile against the live EMR: row counts, timings and masked samples."""
    config = _config()
    e = _emr(url, profile, config)
    today = dt.date.today()
    params = _sample_params(today)
    failed = 0
    lost = 0  # failures of the connection itself (not of a query)
    click.echo(f"EMR {e.url.masked} ({e.dialect}), profile {e.profile.name} ({e.profile.path})")
    try:
        e.check_connection()
    except ApplianceError as exc:
        raise click.ClickException(
            f"{exc}\nThe connection failed, not the profile: check that the EMR server is on, its address and port, "
            "the firewall and the read-only login (`dentalcall emr connect URL` to change them).") from None
    for op in e.profile.queries:
        started = time.monotonic()
        try:
            e._down_until = 0.0
            rows = e.run(op, **params.get(op, {}))
        except ApplianceError as exc:
            failed += 1
            try:
                e.check_connection()
            except ApplianceError:
                lost += 1
            click.echo(f"FAIL {op}: {exc}")
            click.echo(f"     query: [queries.{op}] in {e.profile.path}")
            click.echo(f"     sql:   {e.profile.sql(op, e.dialect)[:400]}")
            continue
        ms = (time.monotonic() - started) * 1000
        sample = _mask_row(op, rows[0]) if rows else "(no rows)"
        click.echo(f"ok   {op:24s} {len(rows):7d} rows {ms:7.1f} ms  {sample}")
    if lost:
        raise click.ClickException(f"{failed} of {len(e.profile.queries)} queries failed and the connection to the EMR "
                                   "was lost: check the server and the network, then run the test again")
    if failed:
        raise click.ClickException(f"{failed} of {len(e.profile.queries)} queries failed; fix them in {e.profile.path}")
    click.echo(f"all {len(e.profile.queries)} queries ran")


@emr.command("seed-demo")
@click.option("--patients", default=1000, show_default=True, type=int)
@click.option("--url", default=None,
              help="Target database (default: the saved EMR URL, else a SQLite demo in data_dir)")
@click.option("--seed", "seed_value", default=1, show_default=True, type=int)
@click.option("--force", is_flag=True, help="Overwrite a database that already holds patients")
def seed_demo_cmd(patients: int, url: str | None, seed_value: int, force: bool) -> None:
    """Fill the reference schema with N synthetic Korean patients (deterministic by --seed). DROPS the tables."""
    from appliance.data.emr import drivers, seed, settings as emr_settings

    config = _config()
    url = url or emr_settings.emr_url(config) or f"sqlite:///{config.data_dir / 'emr-demo.sqlite'}"
    if url.startswith("sqlite:///"):
        from pathlib import Path

        Path(drivers.parse_url(url).database or "").parent.mkdir(parents=True, exist_ok=True)
    if not force:
        conn = drivers.connect(url, read_only=False, connect_timeout=3, statement_timeout=10)
        try:
            rows = conn.query("SELECT COUNT(*) AS n FROM PATIENT")
            if rows and rows[0]["n"]:
                raise click.ClickException(
                    f"{drivers.mask_url(url)} already has {rows[0]['n']} patients; pass --force to replace them "
                    "(never point this at a clinic's real EMR)")
        except ApplianceError:
            pass
        finally:
            conn.close()
    started = time.monotonic()
    counts = seed.seed_demo(url, patients=patients, seed=seed_value)
    click.echo(f"seeded {drivers.mask_url(url)} in {time.monotonic() - started:.1f} s: "
               + ", ".join(f"{t}={n}" for t, n in counts.items()))
    click.echo(f"demo family phone: {phones.masked(seed.DEMO_FAMILY_PHONE)} (3 patients)")


@emr.command()
@click.argument("number")
@click.option("--url", default=None)
@click.option("--profile", default=None)
def lookup(number: str, url: str | None, profile: str | None) -> None:
    """Who is calling from NUMBER (masked output; written to the access log first)."""
    config = _config()
    e = _emr(url, profile, config)
    canonical = phones.canonical(number)
    if not canonical:
        raise click.ClickException(f"{number!r} is not a Korean phone number")
    started = time.monotonic()
    found = e.find_patients_by_phone(canonical)
    ms = (time.monotonic() - started) * 1000
    if found:
        from appliance.data import access_log, crm

        try:
            crm.open_for(config)
            access_log.record("emr.lookup", patient_ids=[p.id for p in found],
                              subject=f"lookup {phones.masked(canonical)}")
        except Exception as exc:  # no log, no data: the access log comes first
            raise click.ClickException(f"cannot write the access log ({exc}); nothing is shown") from None
    click.echo(f"{phones.masked(canonical)}: {len(found)} patient(s) in {ms:.0f} ms")
    for p in found:
        click.echo("  " + _mask_patient(p))


@emr.command()
@click.option("--dialect", type=click.Choice(["postgresql", "mysql", "sqlite", "mssql"]), default="postgresql")
def schema(dialect: str) -> None:
    """Print the reference schema DDL for DIALECT."""
    from appliance.data.emr import schema as sch

    click.echo(sch.ddl_text(dialect))


@emr.command()
@click.argument("treatment")
@click.option("--date", "day", default=None, help="YYYY-MM-DD (default: tomorrow)")
@click.option("--days", default=7, show_default=True)
@click.option("--time-range", default=None, help="morning | afternoon | evening | after_lunch")
@click.option("--doctor", default=None)
def slots(treatment: str, day: str | None, days: int, time_range: str | None, doctor: str | None) -> None:
    """First free slots for TREATMENT (scaling, implant, ...) against the EMR's appointments."""
    from appliance.data.clinic import facts as factslib, slots as slotlib

    config = _config()
    facts = factslib.load_for(config)
    e = _emr(None, None, config)
    start = dt.date.fromisoformat(day) if day else dt.date.today() + dt.timedelta(days=1)
    found = slotlib.find_slots(treatment, start, start + dt.timedelta(days=days), time_range, doctor,
                               limit=5, facts=facts, emr=e)
    for s in found:
        click.echo(f"{s.start:%Y-%m-%d %a %H:%M} {s.duration_min} min {s.doctor} chair {s.chair}")
    if not found:
        click.echo("no free slot in that range")
