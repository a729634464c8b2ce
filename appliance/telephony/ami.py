"""AMI (Asterisk Manager Interface) through panoramisk, on 127.0.0.1 only, with the generated secret.

panoramisk's ``Manager`` logs in from a connection callback; ``connect_ami`` waits for that login so the
caller gets a clear error (bad secret, Asterisk down) instead of actions queued forever.

``AmiLink`` is the dialer's session: ``originate(Originate(...))`` returns a typed ``OriginateOutcome``
(``DialResult`` from the OriginateResponse Reason and the failed channel's Q.850 cause) and
``live_channels()`` lists the channel ids Asterisk has (crash reconciliation).
"""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import logging
from typing import Any

from panoramisk import Manager

from appliance.errors import AsteriskError
from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)


async def connect_ami(config: Config, timeout: float = 5.0, events: str = "off") -> Manager:
    """Connect and log in; raises AsteriskError with the fix when it cannot."""
    loop = asyncio.get_running_loop()
    logged_in: asyncio.Future[bool] = loop.create_future()

    def on_login(manager: Manager) -> None:
        if not logged_in.done():
            logged_in.set_result(True)

    manager = Manager(
        loop=loop, host="127.0.0.1", port=config.ami_port, username=config.ami_user,
        secret=config.secret("ami_secret"), events=events, ping_delay=3600, reconnect_timeout=2,
        on_login=on_login, log=logging.getLogger("panoramisk.manager"),
    )
    try:
        connect_task = manager.connect()
        try:
            await asyncio.wait_for(connect_task, timeout)
        except OSError:
            pass
        await asyncio.sleep(0)  # let panoramisk's connection_made callback run
        if not manager._connected:  # connection refused: panoramisk schedules a silent retry
            raise AsteriskError(
                f"AMI not reachable on 127.0.0.1:{config.ami_port}: is Asterisk running? "
                "Try `dentalcall asterisk start`."
            )
        await asyncio.wait_for(logged_in, timeout)
    except asyncio.TimeoutError:
        manager.close()
        raise AsteriskError(
            "AMI login failed or timed out: regenerate the config with `dentalcall asterisk config` "
            "(the AMI secret in secrets.ini must match manager.conf)"
        ) from None
    except AsteriskError:
        manager.close()
        raise
    return manager


async def ami_command(config: Config, command: str) -> str:
    """Run one CLI command over AMI and return its output."""
    manager = await connect_ami(config)
    try:
        reply: Any = await asyncio.wait_for(manager.send_command(command), 5)
        if isinstance(reply, list):
            return "\n".join(str(m.get("Output", "")) for m in reply)
        output = reply.get("Output") if hasattr(reply, "get") else None
        if isinstance(output, list):
            return "\n".join(output)
        return str(output or reply.get("content", ""))
    finally:
        manager.close()


# --- Originate ----------------------------------------------------------------------------------------------
class DialResult(str, enum.Enum):
    """How an Originate ended (a str, so ``result == "answered"`` reads naturally)."""

    ANSWERED = "answered"
    BUSY = "busy"
    NO_ANSWER = "no_answer"
    UNREACHABLE = "unreachable"
    UNKNOWN = "unknown"  # no final answer from Asterisk: the caller must reconcile before dialling again


# OriginateResponse Reason codes (Asterisk control frames)
REASONS = {"4": DialResult.ANSWERED, "5": DialResult.BUSY, "3": DialResult.NO_ANSWER, "1": DialResult.NO_ANSWER,
           "8": DialResult.UNREACHABLE, "0": DialResult.UNREACHABLE}
# Q.850 hang-up causes of the failed channel (more precise than the Reason: a 486 often comes back as Reason 1)
CAUSES = {"17": DialResult.BUSY, "18": DialResult.NO_ANSWER, "19": DialResult.NO_ANSWER, "21": DialResult.NO_ANSWER,
          "16": DialResult.NO_ANSWER, "1": DialResult.UNREACHABLE, "3": DialResult.UNREACHABLE,
          "27": DialResult.UNREACHABLE, "28": DialResult.UNREACHABLE, "34": DialResult.UNREACHABLE,
          "38": DialResult.UNREACHABLE, "41": DialResult.UNREACHABLE, "42": DialResult.UNREACHABLE}


@dataclasses.dataclass(frozen=True)
class Originate:
    """One outgoing call for ``AmiLink.originate``: dial ``channel``, on answer run ``context,exten,1``."""

    channel: str  # e.g. PJSIP/01012345678@trunk-x
    context: str
    exten: str
    channel_id: str  # our own unique id for the channel (reconciliation after a crash)
    timeout_s: int
    caller_id: str = ""  # digits
    variables: tuple[tuple[str, str], ...] = ()

    def action(self) -> dict[str, str]:
        return {"Action": "Originate", "Channel": self.channel, "Context": self.context, "Exten": self.exten,
                "Priority": "1", "CallerID": f"<{self.caller_id}>" if self.caller_id else "",
                "Timeout": str(self.timeout_s * 1000), "Async": "true", "ChannelId": self.channel_id,
                "Variable": ",".join(f"{k}={v}" for k, v in self.variables)}


@dataclasses.dataclass(frozen=True)
class OriginateOutcome:
    result: DialResult
    reason: str = ""  # OriginateResponse Reason
    cause: str = ""  # Q.850 cause of the failed channel


class AmiLink:
    """Originate and channel listing over one AMI session (reconnects on failure, never re-sends an
    Originate: that could ring a patient twice)."""

    def __init__(self, config: Config):
        self.config = config
        self.manager: Any = None
        self.causes: dict[str, str] = {}

    def _on_hangup(self, manager: Any, message: Any) -> None:
        uid = str(message.get("Uniqueid") or "")
        if uid.startswith("dc-"):
            self.causes[uid] = str(message.get("Cause") or "")
            if len(self.causes) > 500:
                self.causes.pop(next(iter(self.causes)))

    def connected(self) -> bool:
        return self.manager is not None and bool(getattr(self.manager, "_connected", False))

    async def _manager(self) -> Any:
        if not self.connected():
            if self.manager is not None:
                self.manager.close()
            self.manager = await connect_ami(self.config, events="call")
            self.manager.forgetable_actions = tuple(self.manager.forgetable_actions) + ("originate",)
            self.manager.register_event("Hangup", self._on_hangup)
        return self.manager

    def close(self) -> None:
        if self.manager is not None:
            self.manager.close()
            self.manager = None

    async def live_channels(self) -> set[str] | None:
        """Unique ids of Asterisk's channels now (None when Asterisk cannot be asked)."""
        try:
            manager = await self._manager()
            reply = await asyncio.wait_for(manager.send_action({"Action": "CoreShowChannels"}), 10)
        except Exception as exc:
            _LOGGER.warning("cannot list Asterisk channels: %s", exc)
            return None
        messages = reply if isinstance(reply, list) else [reply]
        return {str(m.get("Uniqueid") or m.get("UniqueID") or "") for m in messages
                if str(m.get("Event", "")).lower() == "coreshowchannel"} - {""}

    async def originate(self, call: Originate) -> OriginateOutcome:
        """Place ``call`` and wait for its final OriginateResponse (answered or why not)."""
        manager = await self._manager()
        try:
            reply = await asyncio.wait_for(manager.send_action(call.action()), call.timeout_s + 30)
        except asyncio.TimeoutError:
            return OriginateOutcome(DialResult.UNKNOWN)
        messages = reply if isinstance(reply, list) else [reply]
        final = [m for m in messages if str(m.get("Event", "")).lower() == "originateresponse"]
        if not final:
            first = messages[0] if messages else {}
            if str(first.get("Response", "")).lower() == "error":
                return OriginateOutcome(DialResult.UNREACHABLE, reason="error")
            return OriginateOutcome(DialResult.UNKNOWN)
        m = final[-1]
        if str(m.get("Response", "")).lower() == "success":
            return OriginateOutcome(DialResult.ANSWERED, reason=str(m.get("Reason", "4")))
        reason = str(m.get("Reason", "0"))
        for _ in range(10):  # the channel's Hangup event may trail the OriginateResponse a little
            if call.channel_id in self.causes:
                break
            await asyncio.sleep(0.05)
        cause = self.causes.pop(call.channel_id, "")
        return OriginateOutcome(CAUSES.get(cause) or REASONS.get(reason, DialResult.UNREACHABLE), reason, cause)
