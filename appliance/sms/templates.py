"""The Korean texts: shipped defaults (``templates.toml`` here) overlaid by the clinic's own file
(``sms-templates.toml`` in the config dir, only the keys it changes), rendered with the clinic's facts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import string
import tomllib
from pathlib import Path
from typing import Any

from appliance.data import phone as phones
from appliance.errors import ConfigError
from appliance.sms import dates, encoding

SHIPPED = Path(__file__).resolve().parent / "templates.toml"
FILE_NAME = "sms-templates.toml"
PLACEHOLDERS = ("clinic", "clinic_phone", "when", "day", "time", "treatment")
SAMPLE = {"clinic": "미소치과", "clinic_phone": "02-123-4567", "when": "12월 3일(목) 오후 3:30",
          "day": "12월 3일(목)", "time": "오후 3:30", "treatment": "스케일링"}


@dataclasses.dataclass(frozen=True)
class Template:
    name: str
    text: str
    subject: str | None = None
    source: str = "shipped"  # shipped | clinic


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None


def clinic_file(config: Any) -> Path:
    return Path(config.config_dir) / FILE_NAME


def load(config: Any | None = None) -> dict[str, Template]:
    out = {name: Template(name, str(v["text"]), v.get("subject")) for name, v in _read(SHIPPED).items()}
    path = clinic_file(config) if config is not None else None
    if path is not None and path.exists():
        for name, v in _read(path).items():
            if not isinstance(v, dict) or "text" not in v:
                raise ConfigError(f"{path}: [{name}] needs text = \"...\"")
            base = out.get(name)
            out[name] = Template(name, str(v["text"]), v.get("subject", base.subject if base else None), "clinic")
    for t in out.values():
        _check_placeholders(t)
    return out


def _check_placeholders(t: Template) -> None:
    for part in (t.text, t.subject or ""):
        try:
            names = [f for _, f, _, _ in string.Formatter().parse(part) if f is not None]
        except ValueError as exc:
            raise ConfigError(f"SMS template {t.name}: {exc} (write braces as {{{{ and }}}})") from None
        unknown = [n for n in names if n not in PLACEHOLDERS]
        if unknown:
            raise ConfigError(f"SMS template {t.name}: unknown placeholder {{{unknown[0]}}}; "
                              f"known: {', '.join(PLACEHOLDERS)}")


def values(*, clinic: str, clinic_phone: str | None, start: dt.datetime | None = None,
           treatment: str | None = None) -> dict[str, str]:
    """Placeholder values: the clinic, and the appointment written the Korean way."""
    from appliance.data.emr.model import TREATMENT_KO

    out = {"clinic": clinic, "clinic_phone": phones.formatted(clinic_phone) or (clinic_phone or ""),
           "when": "", "day": "", "time": "", "treatment": ""}
    if start is not None:
        out.update(when=dates.when_text(start), day=dates.day_text(start.date()), time=dates.time_text(start))
    if treatment:
        out["treatment"] = TREATMENT_KO.get(treatment, treatment)
    return out


def render(template: Template, vals: dict[str, str]) -> tuple[str, str | None]:
    """(text, subject) with the placeholders filled; double spaces left by an empty value are closed."""
    text = " ".join(template.text.format_map(vals).split(" "))
    while "  " in text:
        text = text.replace("  ", " ")
    subject = template.subject.format_map(vals) if template.subject else None
    return text.strip(), subject


@dataclasses.dataclass(frozen=True)
class Preview:
    name: str
    text: str
    measure: encoding.Measure
    source: str


def preview(config: Any | None = None, sample: dict[str, str] | None = None) -> list[Preview]:
    """Every template rendered with sample values (or the clinic's own), with its bytes and type; follow-ups
    of advertising campaigns with the advertising marks they are sent with."""
    from appliance.outbound.campaigns import CAMPAIGNS
    from appliance.sms import config as smsconfig, law

    vals = dict(SAMPLE, **(sample or {}))
    optout = (smsconfig.optout_number(config) if config is not None else None) or "0800000000"
    out = []
    for t in load(config).values():
        text, _ = render(t, vals)
        campaign = CAMPAIGNS.get(t.name.removeprefix("followup_")) if t.name.startswith("followup_") else None
        if campaign is not None and campaign.kind == "AD":
            text = law.wrap_advert(text, clinic=vals["clinic"], clinic_phone=vals["clinic_phone"], optout_number=optout)
        out.append(Preview(t.name, text, encoding.measure(text), t.source))
    return out
