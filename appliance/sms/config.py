"""The text-message settings of one clinic, read in one place.

Settings lines (``dentalcall.ini``): ``sms_gateway`` (none | http | db_agent), ``sms_profile`` (vendor profile),
``sms_url`` (the vendor's API base URL or the agent's database URL, without password), ``sms_sender_number``
(the clinic's registered 발신번호), ``sms_optout_number`` (무료수신거부 080 number for advertising texts),
``sms_reminders`` and ``sms_voicemail_reply``. Secrets live in ``secrets.ini`` (0600): ``sms_api_key``,
``sms_api_secret``, ``sms_db_password`` and the generated ``sms_webhook_token``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from appliance import config_files
from appliance.data import phone as phones
from appliance.errors import ConfigError

GATEWAYS = ("none", "http", "db_agent")
DEFAULT_PROFILE = {"http": "http-generic", "db_agent": "agent-generic"}
PROFILES_DIR = Path(__file__).resolve().parent / "gateways" / "profiles"


def gateway_name(config: Any) -> str:
    name = (config.sms_gateway or "none").strip().lower()
    if name not in GATEWAYS:
        raise ConfigError(f"sms_gateway must be one of {', '.join(GATEWAYS)}, got {name!r}")
    return name


def sender_number(config: Any) -> str | None:
    """The clinic's registered sender number (발신번호 사전등록), canonical; None when unset or invalid."""
    return phones.canonical(config.sms_sender_number)


def optout_number(config: Any) -> str | None:
    """The free opt-out number for advertising texts (an 080 number), canonical; None when unset."""
    number = phones.canonical(config.sms_optout_number)
    return number if number and number.startswith("080") else None


def profile_path(config: Any) -> Path:
    name = config.sms_profile or DEFAULT_PROFILE.get(gateway_name(config), "")
    if not name:
        raise ConfigError("no SMS gateway profile: set sms_profile")
    if "/" in name or name.endswith(".toml"):
        path = Path(name)
    else:
        local = Path(config.config_dir) / "sms-profiles" / f"{name}.toml"
        path = local if local.exists() else PROFILES_DIR / f"{name}.toml"
    if not path.exists():
        shipped = ", ".join(sorted(p.stem for p in PROFILES_DIR.glob("*.toml")))
        raise ConfigError(f"SMS profile {name!r} not found (shipped: {shipped})")
    return path


def read_secret(config: Any, name: str) -> str | None:
    """A secret from ``secrets.ini`` without creating it (vendor keys are given, never generated)."""
    return config_files.read_secret(config.secrets_file, name)


def webhook_token(config: Any) -> str:
    """The secret path segment of the vendor webhooks (generated once, 0600)."""
    return str(config.secret("sms_webhook_token"))


def reminders_mode(config: Any) -> str:
    mode = (config.sms_reminders or "unanswered").strip().lower()
    if mode not in ("unanswered", "all", "off"):
        raise ConfigError(f"sms_reminders must be unanswered, all or off, got {mode!r}")
    return mode
