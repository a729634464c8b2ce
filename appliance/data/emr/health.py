"""``emr_health(config)`` for ``dentalcall doctor``: can the EMR be reached, and what to do if not."""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from appliance.errors import ApplianceError


@dataclasses.dataclass
class Health:
    status: str  # ok | warn | fail
    message: str
    fix: str = ""
    latency_ms: float | None = None


def emr_health(config: Any) -> Health:
    from appliance.data.emr.connector import EMR

    if not config.emr_url:
        return Health("warn", "no EMR connected: callers are not recognised and bookings become requests",
                      "run `dentalcall emr connect URL --profile reference` (see docs/emr-profiles.md)")
    try:
        emr = EMR.from_config(config)
    except ApplianceError as exc:
        return Health("fail", f"EMR settings invalid: {exc}", "fix emr_url / emr_profile with `dentalcall emr connect`")
    started = time.monotonic()
    try:
        emr.run("doctors") if emr.profile.has("doctors") else emr.find_patients_by_phone("010-0000-0000")
    except ApplianceError as exc:
        return Health("fail", f"EMR unreachable at {emr.url.masked}: {exc}",
                      "check the EMR server is on, the LAN cable/firewall (port), and the read-only login; "
                      "then `dentalcall emr test`")
    finally:
        emr.close()
    ms = (time.monotonic() - started) * 1000
    note = "" if emr.profile.verified else " (profile UNVERIFIED: run `dentalcall emr test`)"
    if emr.allow_writes and not emr.profile.can_write:
        return Health("warn", f"EMR reachable in {ms:.0f} ms but emr_booking=emr and the profile has no writes",
                      "set emr_booking=request or add [writes.*] to the profile", ms)
    status = "ok" if emr.profile.verified and ms < 1000 else "warn"
    message = f"EMR reachable ({emr.dialect}, profile {emr.profile.name}) in {ms:.0f} ms{note}"
    fix = "" if status == "ok" else "run `dentalcall emr test` and check the network latency"
    outage = _recent_outage()
    if outage:
        status = "warn"
        message += f"; last outage {outage}"
        fix = fix or ("check the EMR server's power-saving/sleep settings and the LAN; booking requests made during "
                      "it wait for staff")
    return Health(status, message, fix, ms)


def _recent_outage(hours: int = 24) -> str | None:
    """The last outage in the CRM log if it is recent (only when this process has the CRM open)."""
    try:
        import datetime as dt

        from appliance.data import crm_records
        from appliance.data.crm import utcnow

        last = (crm_records.EMRSyncLog.select().where(crm_records.EMRSyncLog.kind == "outage")
                .order_by(crm_records.EMRSyncLog.id.desc()).first())
        if last and utcnow() - last.at < dt.timedelta(hours=hours):
            return f"{last.at:%Y-%m-%d %H:%M} UTC ({last.operation})"
    except Exception:
        return None
    return None
