"""The engine's health monitor (background service ``health``): watches what staff cannot see and raises
alerts (``appliance.ops.alerts``) when it stays wrong, resolving them when it is right again:

- the SIP trunk registration (``PJSIPShowRegistrationsOutbound`` over AMI), lost for ``TRUNK_GRACE_S``;
- the EMR (``emr_health``), unreachable for more than ``alert_emr_minutes``;
- the disk holding the data (``appliance.ops.disk``): ``disk_low`` at 85 %, ``disk_full`` when the CRM can no
  longer be written.

``HealthMonitor.observe`` is pure bookkeeping (time in, alerts out) so it is tested without the probes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from typing import Any

from appliance import services
from appliance.ops import alerts, disk

_LOGGER = logging.getLogger(__name__)

INTERVAL_S = 60.0
TRUNK_GRACE_S = 150.0  # a registration retries every 60 s: two misses before staff are told


class HealthMonitor:
    def __init__(self, config: Any):
        self.config = config
        self.emr_down_since: dt.datetime | None = None
        self.trunk_down_since: dict[str, dt.datetime] = {}
        self._open: set[str] | None = None

    # --- bookkeeping --------------------------------------------------------------------------------------
    def observe(self, now: dt.datetime, *, emr_ok: bool | None = None, emr_detail: str = "",
                trunks: dict[str, str] | None = None, disk_usage: disk.Usage | None = None) -> list[str]:
        """Record one round of probes (None = not probed); returns the alert kinds raised this round."""
        raised: list[str] = []
        if emr_ok is not None:
            raised += self._emr(now, emr_ok, emr_detail)
        if trunks is not None:
            raised += self._trunks(now, trunks)
        if disk_usage is not None:
            raised += self._disk(disk_usage)
        return raised

    def _emr(self, now: dt.datetime, ok: bool, detail: str) -> list[str]:
        if ok:
            if self.emr_down_since is not None:
                _LOGGER.info("EMR reachable again")
            self.emr_down_since = None
            self._resolve("emr_unreachable")
            return []
        self.emr_down_since = self.emr_down_since or now
        minutes = (now - self.emr_down_since).total_seconds() / 60
        if minutes >= float(self.config.alert_emr_minutes):
            return self._raise("emr_unreachable",
                               f"the EMR has been unreachable for {minutes:.0f} minutes ({detail}); callers are "
                               "not recognised and bookings wait for staff as requests")
        return []

    def _trunks(self, now: dt.datetime, trunks: dict[str, str]) -> list[str]:
        for name, status in trunks.items():
            if status.lower() == "registered":
                self.trunk_down_since.pop(name, None)
            else:
                self.trunk_down_since.setdefault(name, now)
        for name in list(self.trunk_down_since):
            if name not in trunks:
                self.trunk_down_since.pop(name)
        late = {name: (now - since).total_seconds() for name, since in self.trunk_down_since.items()
                if (now - since).total_seconds() >= TRUNK_GRACE_S}
        if not late:
            self._resolve("trunk_unregistered")
            return []
        names = ", ".join(f"{n} ({trunks[n].lower()}, {s / 60:.0f} min)" for n, s in sorted(late.items()))
        return self._raise("trunk_unregistered",
                           f"phone line not registered with the carrier: {names}; patients cannot call in "
                           "through it — check the internet connection and `dentalcall trunk list`")

    def _disk(self, usage: disk.Usage) -> list[str]:
        if usage.level == "full":
            return self._raise("disk_full", f"disk full: {usage.describe()}; calls go to staff and voicemail "
                                            "but are not logged — free space now")
        self._resolve("disk_full")
        if usage.level == "low":
            return self._raise("disk_low", f"disk filling up: {usage.describe()}")
        self._resolve("disk_low")
        return []

    def _raise(self, kind: str, message: str) -> list[str]:
        alerts.raise_alert(kind, message, config=self.config)
        self.open_kinds().add(kind)
        return [kind]

    def _resolve(self, kind: str) -> None:
        if kind in self.open_kinds():
            alerts.resolve_alert(kind, config=self.config)
            self.open_kinds().discard(kind)

    def open_kinds(self) -> set[str]:
        """Kinds open in the CRM (read once: an alert left open by a previous run is resolved too)."""
        if self._open is None:
            try:
                self._open = {a.kind for a in alerts.open_alerts()}
            except Exception:
                self._open = set()
        return self._open

    # --- probes (blocking; run in a worker thread) ----------------------------------------------------------
    def probe_emr(self) -> tuple[bool | None, str]:
        if not self.config.emr_url:
            return None, ""
        from appliance.data.emr.health import emr_health

        try:
            health = emr_health(self.config)
        except Exception as exc:
            return False, f"{type(exc).__name__}"
        return health.status != "fail", health.message.split(":")[0]


async def trunk_statuses(config: Any) -> dict[str, str] | None:
    """Registration status per registering trunk (None when there is none or AMI cannot be asked)."""
    from appliance.telephony.asterisk import TelephonyState

    wanted = {f"trunk-{name}" for name, t in TelephonyState(config).load()["trunks"].items() if t.get("register", True)}
    if not wanted:
        return None
    from appliance.telephony.ami import connect_ami

    try:
        manager = await connect_ami(config, timeout=5.0)
    except Exception as exc:
        _LOGGER.warning("health: AMI unavailable for the trunk check (%s)", exc)
        return None
    try:
        reply = await asyncio.wait_for(manager.send_action({"Action": "PJSIPShowRegistrationsOutbound"}), 10)
    except Exception as exc:
        _LOGGER.warning("health: trunk registrations unknown (%s)", exc)
        return None
    finally:
        manager.close()
    messages = reply if isinstance(reply, list) else [reply]
    found = {str(m.get("ObjectName", "")): str(m.get("Status", "")) for m in messages
             if str(m.get("Event", "")).lower() == "outboundregistrationdetail"}
    return {name[len("trunk-"):]: found.get(name, "missing") for name in sorted(wanted)}


async def run_health_monitor(engine: Any) -> None:
    """Engine background service: one round of probes a minute until the engine stops."""
    monitor = HealthMonitor(engine.config)

    async def one_round() -> None:
        now = dt.datetime.now(dt.timezone.utc)
        emr_ok, emr_detail = await engine.off_loop(monitor.probe_emr)
        trunks = await trunk_statuses(engine.config)
        usage = disk.data_usage(engine.config)
        await engine.off_loop(functools.partial(monitor.observe, now, emr_ok=emr_ok, emr_detail=emr_detail,
                                                trunks=trunks, disk_usage=usage))

    await services.every(INTERVAL_S, engine.stopping, one_round, what="health monitor round", log=_LOGGER)
