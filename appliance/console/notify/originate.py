"""AMI Originate for people: ring the staff phones with the recorded alert, and "call back" (the staff
member's own phone rings first; when they pick up, Asterisk dials the patient through the trunk).

Uses ``appliance.telephony.ami.connect_ami`` (127.0.0.1, the generated secret) with call events, since an
``Async`` Originate answers with an ``OriginateResponse`` event. panoramisk must never re-send an Originate
after a reconnect (a phone would ring twice), so ``originate`` is made non-replayable as the dialer does.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
from pathlib import Path
from typing import Any

from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)

_EXTEN = re.compile(r"^[0-9]{2,6}$")


async def _manager(config: Any) -> Any:
    from appliance.telephony.ami import connect_ami

    manager = await connect_ami(config, events="call")
    manager.forgetable_actions = tuple(manager.forgetable_actions) + ("originate",)
    return manager


def _answered(reply: Any) -> tuple[bool, str]:
    messages = reply if isinstance(reply, list) else [reply]
    final = [m for m in messages if str(m.get("Event", "")).lower() == "originateresponse"]
    if final:
        ok = str(final[-1].get("Response", "")).lower() == "success"
        return ok, "answered" if ok else f"not answered (reason {final[-1].get('Reason', '?')})"
    first = messages[0] if messages else {}
    return False, f"refused: {first.get('Message', 'no OriginateResponse')}"


async def _originate(manager: Any, action: dict[str, str], timeout_s: float) -> tuple[bool, str]:
    try:
        reply = await asyncio.wait_for(manager.send_action(action), timeout_s + 15)
    except asyncio.TimeoutError:
        return False, "no answer from Asterisk"
    return _answered(reply)


async def _hangup_channel_ids(manager: Any, channel_ids: set[str]) -> None:
    """Stop the phones that are still ringing (their Originate channels, by our ChannelId)."""
    try:
        reply = await asyncio.wait_for(manager.send_action({"Action": "CoreShowChannels"}), 5)
    except Exception:  # noqa: BLE001 - they stop at their own timeout anyway
        return
    for m in reply if isinstance(reply, list) else [reply]:
        if str(m.get("Event", "")).lower() == "coreshowchannel" and str(m.get("Uniqueid", "")) in channel_ids:
            try:
                await asyncio.wait_for(manager.send_action({"Action": "Hangup", "Channel": m.get("Channel")}), 5)
            except Exception:  # noqa: BLE001
                _LOGGER.debug("could not stop a ringing alert channel", exc_info=True)


async def ring_alert(config: Any, extensions: list[str], alert: Path, *, ring_seconds: int = 25) -> dict[str, Any]:
    """Ring every extension at once; whoever answers first hears the alert twice, the others stop ringing.

    Returns ``{"answered_by": ext | None, "results": {ext: text}}``."""
    extensions = [e for e in extensions if _EXTEN.match(e)]
    if not extensions:
        raise ValueError("no staff extension to ring (notify_ring_extensions / staff_extensions)")
    sound = str(alert.with_suffix(""))
    tag = secrets.token_hex(4)
    manager = await _manager(config)
    try:
        ids = {ext: f"dcalert-{tag}-{ext}" for ext in extensions}
        tasks = {asyncio.create_task(_originate(manager, {
            "Action": "Originate", "Channel": f"PJSIP/{ext}", "Application": "Playback",
            "Data": f"{sound}&{sound}", "CallerID": '"DentalCall" <1119>', "Timeout": str(ring_seconds * 1000),
            "Async": "true", "ChannelId": ids[ext]}, ring_seconds)): ext for ext in extensions}
        results: dict[str, str] = {}
        answered_by = None
        pending = set(tasks)
        while pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                ok, text = task.result()
                results[tasks[task]] = text
                if ok and answered_by is None:
                    answered_by = tasks[task]
                    await _hangup_channel_ids(manager, {ids[tasks[t]] for t in pending})
        _LOGGER.info("staff alert: %s", f"answered on {answered_by}" if answered_by else "nobody answered")
        return {"answered_by": answered_by, "results": results}
    finally:
        manager.close()


def call_back_target(config: Config, number: str) -> str:
    """The trunk channel for ``number``; ``ConfigError`` when no trunk is set up or it is not dialable."""
    from appliance.telephony.asterisk import dial_string

    return dial_string(config, re.sub(r"[^0-9+]", "", number or ""), config.outbound_trunk or None)


async def call_back(config: Any, extension: str, number: str, *, clinic_number: str = "",
                    ring_seconds: int = 30) -> tuple[bool, str]:
    """Ring ``extension`` (the staff member's phone); when answered, Asterisk dials ``number`` out.

    The caller ID is the clinic's number (``clinic_number``) on both legs: the patient sees the clinic, not
    their own number. Raises ``ConfigError`` before anything rings when no trunk is configured or the number
    is not dialable."""
    if not _EXTEN.match(extension or ""):
        raise ValueError(f"extension {extension!r}: 2-6 digits")
    target = call_back_target(config, number)
    callerid = re.sub(r"[^0-9+]", "", clinic_number or "")
    manager = await _manager(config)
    try:
        return await _originate(manager, {
            "Action": "Originate", "Channel": f"PJSIP/{extension}", "Application": "Dial",
            "Data": f"{target},60", "CallerID": f'"DentalCall" <{callerid}>' if callerid else '"DentalCall"',
            "Timeout": str(ring_seconds * 1000), "Async": "true",
            "ChannelId": f"dccb-{secrets.token_hex(4)}"}, ring_seconds)
    finally:
        manager.close()
