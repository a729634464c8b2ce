"""The two sides of a supervised model process (``model_process``) agree on this: the pipe protocol, the child's
main loop, why a request failed, and the counters a worker keeps.

The child's first message is ``("ready", info)`` or ``("error", text)``; then each request ``(id, kind, payload)``
gets ``(id, "ok" | "error", payload)``; ``None`` or EOF ends the child (:func:`serve`, the child's main).
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Callable

Handlers = dict[str, Callable[[Any], Any]]

# Why a request failed (RequestFailed.reason).
CLOSED = "closed"  # the worker was closed
BUSY = "busy"  # another request held the queue past the wait
NOT_READY = "not_ready"  # the child did not (re)load in time, or restarts are backing off
NOT_RUNNING = "not_running"  # no child to send to
GONE = "gone"  # the pipe broke while sending
HUNG = "hung"  # no answer within the limit: the child was killed and respawned
DIED = "died"  # the child died with the request in flight
FAILED = "failed"  # the child answered with an error (``detail`` says what)


@dataclass
class WorkerStats:
    started: int = 0
    crashes: int = 0
    timeouts: int = 0
    requests: int = 0
    load_s: list[float] = field(default_factory=list)  # spawn → ready (load + warm-up) of each child


class RequestFailed(Exception):
    """A request got no answer; ``reason`` is one of the constants above, ``detail`` the child's error text."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class LoadFailed(Exception):
    """Raised by a child's loader to report exactly this text as its load error."""


def serve(conn: Connection, load: Callable[..., tuple[Handlers, dict[str, Any]]],
          *args: Any) -> None:  # pragma: no cover
    """Child main: ``load(*args)`` (returns the handler of each request kind and extra ``ready`` info), report
    ``ready`` or ``error``, then answer requests one at a time until EOF or ``None``."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when the child ends
    t0 = time.monotonic()
    try:
        handlers, info = load(*args)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", str(exc) if isinstance(exc, LoadFailed) else f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", {**info, "pid": os.getpid(), "load_s": time.monotonic() - t0}))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        rid, kind, payload = msg
        handler = handlers.get(kind)
        try:
            if handler is None:
                conn.send((rid, "error", f"unknown request kind {kind!r}"))
            else:
                conn.send((rid, "ok", handler(payload)))
        except Exception as exc:  # noqa: BLE001 - a bad request must not kill the worker
            conn.send((rid, "error", f"{type(exc).__name__}: {exc}"))
