"""Shared set-up of the sms tests: an instance config with a gateway, and its CRM."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from appliance import settings
from appliance.data.emr.settings import write_secret

SENDER = "0255501000"
OPTOUT = "0801234567"
PATIENT_PHONE = "01012345678"


def make_config(home: Path, *, api_key: str | None = "test-key", api_secret: str | None = None,
                **values: Any) -> settings.Config:
    """A test instance under ``home`` (config file + secrets 0600), read back as the CLI would."""
    config = settings.load(overrides={"home": str(home)}, env={})
    base = {"sms_gateway": "http", "sms_sender_number": SENDER, "sms_optout_number": OPTOUT}
    base.update(values)
    settings.write_config(config, {k: str(v) for k, v in base.items()})
    if api_key:
        write_secret(config, "sms_api_key", api_key)
    if api_secret:
        write_secret(config, "sms_api_secret", api_secret)
    return settings.load(overrides={"home": str(home)}, env={})


def open_crm(config: settings.Config) -> Any:
    from appliance.data import crm
    from appliance.sms import outbox

    db = crm.open_for(config)
    outbox.ensure_tables()
    return db
