"""Is texting ready for patients? (``dentalcall doctor``): the gateway builds, the sender number and the
secrets are there, the vendor or agent database answers, advertising has its opt-out number."""

from __future__ import annotations

from typing import Any

from appliance.sms import config as smsconfig


def sms_health(config: Any) -> tuple[str, str, str]:
    """(ok | warn | fail, what, fix)."""
    from appliance.sms import gateways

    try:
        gateway = gateways.load(config)
    except Exception as exc:
        return "fail", str(exc), "dentalcall sms connect --gateway http|db_agent --url URL --sender NUMBER"
    if gateway is None:
        return "ok", "texts off (sms_gateway = none): the receptionist does not offer texts", ""
    try:
        gateway.check()
    except Exception as exc:
        return "fail", f"{gateway.name}: not reachable ({exc})", "check sms_url, the network and the vendor's status"
    finally:
        gateway.close()
    if smsconfig.optout_number(config) is None:
        return "warn", f"{gateway.name} ready; advertising texts refused until sms_optout_number (080) is set", \
            "dentalcall sms connect ... --optout 080XXXXXXX"
    return "ok", f"{gateway.name} ready, sender {smsconfig.sender_number(config)}", ""
