"""What ``dentalcall serve`` does for operations, around ``Engine.start``/``stop`` (kept out of the engine):

    hooks = ServeHooks(engine)   # pid file + start record; sd_notify watchdog pings begin (loading counts)
    await engine.start()
    hooks.ready()                # READY=1 to systemd; alert when the engine keeps restarting
    ...
    hooks.stopping()             # STOPPING=1
    await engine.stop()
    hooks.stopped()              # pid file removed: the next start is not a crash

The watchdog pings come from a task on the engine's event loop, so a loop that hangs (a blocking call, a
deadlock, SIGSTOP) stops them and systemd (``WatchdogSec``) kills and restarts the engine. Without systemd
the notifier is a no-op and the pid file still records clean and unclean exits.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any

from appliance.ops import drain, engine_process
from appliance.ops.sdnotify import Notifier

_LOGGER = logging.getLogger(__name__)

RESTART_ALERT_COUNT = 3  # unplanned starts within RESTART_ALERT_WINDOW that raise ``engine_restarts``
RESTART_ALERT_WINDOW = dt.timedelta(hours=1)
MAX_PING_INTERVAL_S = 10.0


class ServeHooks:
    def __init__(self, engine: Any, notifier: Notifier | None = None):
        from appliance import __version__

        self.engine = engine
        self.config = engine.config
        self.notifier = notifier or Notifier()
        self.start_entry: dict[str, Any] = {}
        try:
            self.start_entry = engine_process.record_start(self.config, planned=drain.planned_restart(self.config),
                                                           version=__version__)
        except OSError as exc:  # a full or read-only disk must not stop the engine from taking calls
            _LOGGER.error("could not write the engine's pid file: %s", exc)
        if self.start_entry.get("unclean"):
            _LOGGER.warning("the previous engine run ended without a clean stop (crash, kill or power loss)")
        self.watchdog: asyncio.Task | None = None
        if self.notifier.enabled:
            self.notifier.status("loading models")
            self.watchdog = asyncio.get_running_loop().create_task(run_watchdog(engine, self.notifier))

    def ready(self) -> None:
        self.notifier.ready(status_text(self.engine))
        try:
            check_restarts(self.config, self.start_entry)
        except Exception:
            _LOGGER.exception("restart check failed")

    def stopping(self) -> None:
        self.notifier.stopping()
        if self.watchdog is not None:
            self.watchdog.cancel()

    def stopped(self) -> None:
        try:
            engine_process.clear_pidfile(self.config)
        except OSError as exc:
            _LOGGER.error("could not remove the engine's pid file: %s", exc)
        self.notifier.close()


def status_text(engine: Any) -> str:
    calls = int(getattr(engine, "calls_in_progress", 0))
    text = "ready" if getattr(engine, "agi_server", None) is not None else "loading models"
    text += f", {calls} call{'s' if calls != 1 else ''} in progress"
    if drain.is_draining(engine.config):
        text += ", draining (no new calls)"
    return text


async def run_watchdog(engine: Any, notifier: Notifier) -> None:
    """Ping systemd's watchdog from the event loop, a few times per ``WatchdogSec``; STATUS each time."""
    seconds = notifier.watchdog_seconds
    interval = min(MAX_PING_INTERVAL_S, seconds / 3) if seconds else MAX_PING_INTERVAL_S
    while True:
        text = status_text(engine)
        if seconds:
            notifier.ping(text)
        else:
            notifier.status(text)
        await asyncio.sleep(interval)


def check_restarts(config: Any, entry: dict[str, Any]) -> None:
    """Raise ``engine_restarts`` when the engine started unplanned RESTART_ALERT_COUNT times in the window."""
    if entry.get("planned"):
        return
    since = dt.datetime.now(dt.timezone.utc) - RESTART_ALERT_WINDOW
    recent = engine_process.unplanned_starts_since(config, since)
    if len(recent) >= RESTART_ALERT_COUNT:
        from appliance.ops.alerts import raise_alert

        crashes = sum(1 for s in recent if s.get("unclean"))
        raise_alert("engine_restarts",
                    f"the call engine started {len(recent)} times in the last hour without a planned restart "
                    f"({crashes} after an unclean exit); calls fall back to staff while it is down — "
                    "see `journalctl -u dentalcall` or data_dir/log/engine.log", config=config)
