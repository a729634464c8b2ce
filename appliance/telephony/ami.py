"""AMI (Asterisk Manager Interface) through panoramisk, on 127.0.0.1 only, with the generated secret.

panoramisk's ``Manager`` logs in from a connection callback; ``connect_ami`` waits for that login so the
caller gets a clear error (bad secret, Asterisk down) instead of actions queued forever.
"""

from __future__ import annotations

import asyncio
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
