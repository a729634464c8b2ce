"""The two sides of a supervised model process (``model_process``) agree on this: the pipe protocol, the child's
main loop, why a request failed, the counters a worker keeps, and the parent's handle of one child and its pipe.

The child's first message is ``("ready", info)`` or ``("error", text)``; then each request ``(id, kind, payload)``
gets ``(id, "ok" | "error", payload)``; ``None`` or EOF ends the child (:func:`serve`, the child's main).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait as mp_wait
from multiprocessing.process import BaseProcess
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


class ChildHandle:
    """The parent's handle of one spawned child and its pipe. ``use``/``release`` bracket every read or write of
    the pipe; the pipe is closed once the child is retired *and* nobody uses it any more, never under a reader
    (a closed descriptor number may be reused at once by the replacement's pipe)."""

    def __init__(self, proc: BaseProcess, conn: Connection):
        self.proc = proc
        self.conn = conn
        self.spawned_at = time.monotonic()
        self.ready = False
        self.dead = False  # a reader saw it end (its watcher may not have handled it yet)
        self.killed: str | None = None  # why we SIGKILLed it (then its end is no crash)
        self._lock = threading.Lock()
        self._users = 0
        self._retired = False

    def alive(self) -> bool:
        if self.dead or self.killed:
            return False
        try:
            return not mp_wait([self.proc.sentinel], timeout=0)
        except (OSError, ValueError):
            return False

    def use(self) -> bool:
        """Take a use of the pipe; False once the child is retired (its pipe may be closed)."""
        with self._lock:
            if self._retired:
                return False
            self._users += 1
            return True

    def send(self, message: Any, timeout_s: float) -> bool:
        """Write ``message`` to the child; False when the child has not taken it within ``timeout_s`` (it stopped
        reading: the caller kills it, which ends the write with a broken pipe). Raises ``OSError`` when the pipe
        is broken. The write runs on a thread of its own that holds its own use of the pipe, so a write blocked
        on a full pipe never holds up the caller and the pipe is never closed under it."""
        if not self.use():
            raise BrokenPipeError("the child was retired")
        written = threading.Event()
        failed: list[Exception] = []

        def write() -> None:
            try:
                self.conn.send(message)
            except Exception as exc:  # noqa: BLE001 - handed to the caller below
                failed.append(exc)
            finally:
                self.release()
                written.set()

        threading.Thread(target=write, name=f"send-to-{self.proc.pid}", daemon=True).start()
        if not written.wait(max(0.0, timeout_s)):
            return False
        if failed:
            raise failed[0]
        return True

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            close = self._retired and self._users == 0
        if close:
            self.conn.close()

    def retire(self) -> None:
        with self._lock:
            if self._retired:
                return
            self._retired = True
            close = self._users == 0
        if close:
            self.conn.close()
