"""Vendor adapters: what the sender needs from a gateway, and ``load(config)`` to build the clinic's one.

A gateway ``send``s one message with our ``reference`` (the same on every attempt) and answers with a
``SendResult``: ``accepted`` (the vendor has it), ``retry`` (it certainly did not get it: refused connection,
HTTP 429/5xx), ``rejected`` (permanent: bad number, unregistered sender) or ``unknown`` (the request may
have arrived: a timeout after sending). ``lookup(reference)`` tells whether the vendor has a message
(``None``: this vendor cannot be asked); ``idempotent`` says the vendor ignores a resent reference. The
sender uses these to settle ``unknown`` results and crashes without ever sending twice. Replies arrive
by the HTTP vendor's webhook (``parse_mo``) or from the agent's MO table (``receive_after``).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from appliance.errors import ConfigError
from appliance.sms.gateways.base import (ACCEPTED, REJECTED, RETRY, UNKNOWN, Gateway, GatewayError, Incoming,  # noqa: F401
                                         Outgoing, Report, SendResult)


def load_profile(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"SMS profile {path}: {exc}") from None
    data.setdefault("name", path.stem)
    return data


def load(config: Any) -> Gateway | None:
    """The clinic's gateway from settings, or None for ``sms_gateway = none``. A configured gateway with a
    missing piece (URL, sender number, key) is a ``ConfigError`` naming the fix, never a silent no-op."""
    from appliance.sms import config as smsconfig

    name = smsconfig.gateway_name(config)
    if name == "none":
        return None
    if smsconfig.sender_number(config) is None:
        raise ConfigError("sms_sender_number is not set (the clinic's registered sender number, 발신번호 사전등록); "
                          "dentalcall sms connect ... --sender 02XXXXXXXX")
    url = config.sms_url
    if not url:
        raise ConfigError(f"sms_url is not set for sms_gateway={name}; run `dentalcall sms connect`")
    profile = load_profile(smsconfig.profile_path(config))
    kind = profile.get("kind")
    if kind != name:
        raise ConfigError(f"SMS profile {profile['name']} is for {kind!r}, but sms_gateway={name}")
    if name == "http":
        from appliance.sms.gateways.http_api import HttpGateway

        return HttpGateway(url, profile, secret=lambda key: smsconfig.read_secret(config, key))
    from appliance.sms.gateways.db_agent import DbAgentGateway
    from appliance.data.emr import drivers

    return DbAgentGateway(drivers.with_password(url, smsconfig.read_secret(config, "sms_db_password")), profile)
