"""One model in its own supervised process: the machinery the STT and LLM workers share.

Both :class:`~appliance.speech.stt.worker.SttWorker` and :class:`~appliance.llm.worker.LlmWorker` load a
model once in a child process (multiprocessing *spawn*: no forked copy of the engine's threads, sockets or
asyncio loop) so that a crash or a hang in C code is contained. What they have in common lives here, once:

* the pipe protocol and the child's main loop (:func:`serve`), in ``model_protocol``;
* the parent side (:class:`ModelProcess`): spawn, a watcher thread that restarts a child that died on its own
  (with back-off after three quick deaths), reading the ready message, one request at a time with a hard time
  limit (past it the child is SIGKILLed and respawned), kill, restart and close.

What differs stays in the workers: what the child loads and answers, and how a failed request reaches the
caller (the LLM worker returns ``None``, the STT worker raises ``SpeechUnavailable``): :meth:`ModelProcess._request`
raises :class:`RequestFailed` with a reason, which each worker turns into its own answer.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
import threading
import time
from multiprocessing.connection import Connection, wait as mp_wait
from multiprocessing.process import BaseProcess
from typing import Any, Callable

from appliance.model_protocol import (  # noqa: F401 - re-exported for the workers
    BUSY, CLOSED, DIED, FAILED, GONE, HUNG, NOT_READY, NOT_RUNNING, Handlers, LoadFailed, RequestFailed, WorkerStats,
    serve,
)

_CTX = mp.get_context("spawn")


class ModelProcess:
    """Parent-side handle of one supervised model process. Thread-safe; one request at a time.

    A subclass sets ``_LOG`` (its module's logger) and implements :meth:`_child` (the loader and its
    arguments, run in the child by :func:`serve`) and :meth:`_on_ready` (takes the child's ready info).
    """

    _LOG = logging.getLogger(__name__)
    #: after three quick deaths, respawn on a timer when the back-off ends (else at the next request)
    respawn_after_backoff = False
    #: a thread notices (and logs) a new child becoming ready, without waiting for a request
    notice_ready_in_background = False

    def __init__(self, name: str, process_name: str, stats: WorkerStats | None = None):
        self.name = name
        self.process_name = process_name
        self.stats = stats if stats is not None else WorkerStats()
        self.load_error: str | None = None
        self._queue = threading.Lock()  # serialises requests (the model does one thing at a time)
        self._state = threading.RLock()  # guards the process/pipe swap
        self._ready_lock = threading.Lock()  # one reader of a child's ready/error message
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None
        self._ready = False
        self._closed = False
        self._ids = itertools.count(1)
        self._consecutive_failures = 0
        self._retry_at = 0.0
        self._spawned_at = 0.0

    # ------------------------------------------------------------------ what a subclass provides
    def _child(self) -> tuple[Callable[..., tuple[Handlers, dict[str, Any]]], tuple]:
        """The loader the child runs (a module-level function, so it pickles) and its arguments."""
        raise NotImplementedError

    def _on_ready(self, info: dict[str, Any]) -> str:
        """Take the child's ready info; returns what the "ready" log line adds."""
        return ""

    def _started_note(self) -> str:
        """What the "started" log line adds after the pid."""
        return ""

    # ------------------------------------------------------------------ lifecycle
    @property
    def pid(self) -> int | None:
        proc = self._proc
        return proc.pid if proc is not None and proc.is_alive() else None

    @property
    def ready(self) -> bool:
        return self._ready

    def start(self, *, wait: bool = False, timeout_s: float = 300.0) -> bool:
        """Spawn the child (if not running). With ``wait``, block until it has loaded and warmed up."""
        with self._state:
            if self._closed:
                raise RuntimeError("worker closed")
            if self._proc is None or not self._proc.is_alive():
                self._spawn()
        if not wait:
            return self._ready
        return self._wait_loaded(timeout_s)

    def _wait_loaded(self, timeout_s: float) -> bool:
        with self._queue:
            return self._wait_ready(time.monotonic() + timeout_s)

    def _spawn(self) -> None:
        parent, child = _CTX.Pipe(duplex=True)
        load, args = self._child()
        proc = _CTX.Process(target=serve, args=(child, load, *args), name=self.process_name, daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn, self._ready = proc, parent, False
        self._spawned_at = time.monotonic()
        self.stats.started += 1
        self._LOG.info("%s worker started (pid %s%s)", self.name, proc.pid, self._started_note())
        threading.Thread(target=self._watch, args=(proc,), name=f"{self.name}-watch", daemon=True).start()
        if self.notice_ready_in_background:
            threading.Thread(target=self._await_ready, args=(proc,), name=f"{self.name}-ready", daemon=True).start()

    def _watch(self, proc: BaseProcess) -> None:
        """Restart the child as soon as it dies on its own (not when we killed or closed it)."""
        proc.join()
        self._handle_death(proc)

    def _handle_death(self, proc: BaseProcess) -> None:
        """Count the death of ``proc`` and replace it; a no-op if it was already replaced (watcher vs request)."""
        with self._state:
            if self._closed or self._proc is not proc:
                return
            proc.join(1)
            lived = time.monotonic() - self._spawned_at
            self.stats.crashes += 1
            self._consecutive_failures = 1 if lived > 60 else self._consecutive_failures + 1
            self._ready = False
            self._LOG.warning("%s worker pid %s died after %.1f s (exit code %s); restarting", self.name, proc.pid,
                              lived, proc.exitcode)
            if self._conn is not None:
                self._conn.close()
            self._proc, self._conn = None, None
            if self._consecutive_failures >= 3:
                # Dies right after start (bad file, out of memory): retry later, never in a tight loop.
                self._retry_at = time.monotonic() + min(300.0, 15.0 * (self._consecutive_failures - 2))
                self._LOG.error("%s worker failed %d times in a row; next try in %.0f s", self.name,
                                self._consecutive_failures, self._retry_at - time.monotonic())
                if self.respawn_after_backoff:
                    timer = threading.Timer(self._retry_at - time.monotonic(), self._retry)
                    timer.daemon = True  # never keeps a stopping engine alive
                    timer.start()
                return
            self._spawn()

    def _retry(self) -> None:
        with self._state:
            if not self._closed and self._proc is None:
                self._spawn()

    def _kill(self, reason: str) -> None:
        with self._state:
            proc, conn = self._proc, self._conn
            self._proc, self._conn, self._ready = None, None, False
        if proc is not None:
            self._LOG.warning("%s worker pid %s killed: %s", self.name, proc.pid, reason)
            proc.kill()
            proc.join(5)
        if conn is not None:
            conn.close()

    def restart(self, reason: str = "restart requested") -> None:
        self._kill(reason)
        with self._state:
            if not self._closed:
                self._spawn()

    def close(self) -> None:
        with self._state:
            self._closed = True
            proc, conn = self._proc, self._conn
            self._proc, self._conn, self._ready = None, None, False
        if conn is not None:
            try:
                conn.send(None)
            except OSError:
                pass
        if proc is not None:
            proc.join(2)
            if proc.is_alive():
                proc.kill()
                proc.join(5)
        if conn is not None:
            conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ ready handshake
    def _poll_ready(self, proc: BaseProcess, conn: Connection, timeout: float) -> str:
        """Read the child's first message: ``ready``, ``error`` (could not load), ``dead`` or ``wait`` (nothing
        yet). Caller holds ``_ready_lock`` (the only reader of a child that is not ready yet)."""
        try:
            got = mp_wait([conn, proc.sentinel], timeout=max(0.0, timeout))
        except (OSError, ValueError):  # the pipe was closed under us: that child is gone
            return "dead"
        if not got:
            return "wait"
        if conn in got:
            try:
                tag, info = conn.recv()
            except (EOFError, OSError):
                self._handle_death(proc)
                return "dead"
            if tag == "ready":
                note = self._on_ready(info)
                self.load_error = None
                self._consecutive_failures = 0
                self.stats.load_s.append(round(time.monotonic() - self._spawned_at, 3))
                self._ready = True
                self._LOG.info("%s worker pid %s ready in %.1f s%s", self.name, proc.pid,
                               time.monotonic() - self._spawned_at, note)
                return "ready"
            self.load_error = str(info)
            self._LOG.error("%s worker could not load: %s", self.name, info)
            proc.join(5)  # the child exits after reporting; the watcher restarts it (with back-off)
            return "error"
        self._handle_death(proc)  # died while loading
        return "dead"

    def _await_ready(self, proc: BaseProcess) -> None:
        """Background: notice (and log) a freshly spawned child becoming ready, without waiting for a request."""
        end = time.monotonic() + 600
        while time.monotonic() < end:
            with self._state:
                conn = self._conn
                if self._closed or self._proc is not proc or self._ready or conn is None:
                    return
            if not self._ready_lock.acquire(timeout=1.0):
                continue
            try:
                if self._ready or self._proc is not proc:
                    return
                status = self._poll_ready(proc, conn, 1.0)
            finally:
                self._ready_lock.release()
            if status != "wait":
                return

    def _wait_ready(self, deadline: float, fail_on_error: bool = False) -> bool:
        """Wait until the child is ready or ``deadline``. Caller holds the queue lock."""
        while not self._ready:
            with self._state:
                if self._closed:
                    return False
                if self._proc is None:
                    if time.monotonic() < self._retry_at:
                        return False
                    self._spawn()
                proc, conn = self._proc, self._conn
            if proc is None or conn is None:  # _spawn sets both: never, but say so to the type checker
                return False
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            if not self._ready_lock.acquire(timeout=remaining):
                return False
            try:
                if self._ready:
                    return True
                if self._proc is not proc:
                    continue
                status = self._poll_ready(proc, conn, deadline - time.monotonic())
            finally:
                self._ready_lock.release()
            if status == "ready":
                return True
            if status == "wait":
                if time.monotonic() >= deadline:
                    return False
                continue
            if fail_on_error and (self.load_error or self._consecutive_failures >= 3):
                return False
            if self._consecutive_failures >= 3 or time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    # ------------------------------------------------------------------ requests
    def _request(self, kind: str, payload: Any, *, limit_s: float, wait_s: float | None = None,
                 ready_wait_s: float | None = None) -> Any:
        """Send one request and return the child's answer; raise :class:`RequestFailed` otherwise.

        Without ``wait_s`` one deadline, ``limit_s`` from now, covers the queue, a (re)loading child and the
        answer. With ``wait_s``, the queue and the load may take that long (the load at most ``ready_wait_s``
        per try) and the answer then has ``limit_s`` from when the request was sent. Past the answer's limit
        the child is killed and a new one spawned at once.
        """
        start = time.monotonic()
        deadline = start + max(0.0, limit_s if wait_s is None else wait_s)
        if self._closed:
            raise RequestFailed(CLOSED)
        if not self._queue.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise RequestFailed(BUSY)
        try:
            while True:
                ready_by = deadline if ready_wait_s is None else min(deadline, time.monotonic() + ready_wait_s)
                if not self._wait_ready(ready_by):
                    raise RequestFailed(NOT_READY)
                with self._state:
                    proc, conn = self._proc, self._conn
                if proc is None or conn is None:
                    raise RequestFailed(NOT_RUNNING)
                if proc.is_alive():
                    break
                self._handle_death(proc)  # died while idle and the watcher has not seen it yet
            rid = next(self._ids)
            self.stats.requests += 1
            try:
                conn.send((rid, kind, payload))
            except OSError:
                if not proc.is_alive():
                    self._handle_death(proc)
                raise RequestFailed(GONE) from None
            hard = deadline if wait_s is None else time.monotonic() + limit_s
            while True:
                remaining = hard - time.monotonic()
                try:
                    ready = mp_wait([conn, proc.sentinel], timeout=remaining) if remaining > 0 else []
                except (OSError, TypeError, ValueError):  # the watcher closed a dead child's pipe meanwhile
                    self._handle_death(proc)
                    raise RequestFailed(DIED) from None
                if not ready:
                    self.stats.timeouts += 1
                    self._kill(f"request over its {limit_s:.2f} s limit")
                    with self._state:
                        if not self._closed:
                            self._spawn()
                    raise RequestFailed(HUNG)
                if conn not in ready:
                    self._handle_death(proc)  # died mid-request: replaced at once, this caller fails fast
                    raise RequestFailed(DIED)
                try:
                    got_id, status, answer = conn.recv()
                except (EOFError, OSError, TypeError, ValueError):  # TypeError: a pipe closed by the watcher
                    self._handle_death(proc)
                    raise RequestFailed(DIED) from None
                if got_id != rid:
                    continue  # a stale answer (cannot happen with one pipe per child, but be safe)
                if status != "ok":
                    raise RequestFailed(FAILED, str(answer))
                return answer
        finally:
            self._queue.release()
