"""systemd's notification protocol (sd_notify): one datagram per message to ``$NOTIFY_SOCKET``.

Enough of the protocol for a ``Type=notify`` service with ``WatchdogSec``: ``READY=1``, ``WATCHDOG=1``,
``STATUS=…``, ``STOPPING=1``. The socket is a filesystem path or, with a leading ``@``, an abstract-namespace
name. Outside systemd (no ``NOTIFY_SOCKET``) every call is a cheap no-op, so ``dentalcall serve`` runs the
same in a terminal.
"""

from __future__ import annotations

import logging
import os
import socket
from typing import Mapping

_LOGGER = logging.getLogger(__name__)


class Notifier:
    """Sends sd_notify messages; ``enabled`` is False when not started by systemd."""

    def __init__(self, env: Mapping[str, str] | None = None):
        env = os.environ if env is None else env
        address = env.get("NOTIFY_SOCKET", "")
        self.address = "\0" + address[1:] if address.startswith("@") else address
        self.enabled = bool(address)
        self.watchdog_usec = _watchdog_usec(env)
        self._sock: socket.socket | None = None

    @property
    def watchdog_seconds(self) -> float | None:
        """systemd's WatchdogSec for this process (None: no watchdog)."""
        return self.watchdog_usec / 1e6 if self.watchdog_usec else None

    def send(self, *lines: str) -> bool:
        """Send one message (lines joined by newlines); False when not under systemd or it failed."""
        if not self.enabled:
            return False
        try:
            if self._sock is None:
                self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC)
            self._sock.sendto("\n".join(lines).encode("utf-8"), self.address)
            return True
        except OSError as exc:
            _LOGGER.warning("sd_notify to %r failed: %s", self.address.replace("\0", "@"), exc)
            self.close()
            return False

    def ready(self, status: str = "") -> bool:
        return self.send("READY=1", *([f"STATUS={status}"] if status else []))

    def ping(self, status: str = "") -> bool:
        return self.send("WATCHDOG=1", *([f"STATUS={status}"] if status else []))

    def status(self, text: str) -> bool:
        return self.send(f"STATUS={text}")

    def stopping(self) -> bool:
        return self.send("STOPPING=1")

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None


def _watchdog_usec(env: Mapping[str, str]) -> int:
    """WATCHDOG_USEC when it is meant for this process (WATCHDOG_PID unset or ours), else 0."""
    try:
        usec = int(env.get("WATCHDOG_USEC", "0") or 0)
    except ValueError:
        return 0
    pid = env.get("WATCHDOG_PID")
    if pid and pid != str(os.getpid()):
        return 0
    return max(0, usec)
