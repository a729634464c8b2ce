"""One model in its own supervised process: the machinery the STT and LLM workers share.

Both :class:`~appliance.speech.stt.worker.SttWorker` and :class:`~appliance.llm.worker.LlmWorker` load a
model once in a child process (multiprocessing *spawn*: no forked copy of the engine's threads, sockets or
asyncio loop) so that a crash or a hang in C code is contained. What they have in common lives here, once:

* the pipe protocol and the child's main loop (:func:`serve`), in ``model_protocol``;
* the parent side (:class:`ModelProcess`): spawn, a watcher thread per child, reading the ready message, one
  request at a time with a hard time limit (past it the child is SIGKILLed and replaced), restart and close.

Who does what when a child ends (each step has exactly one owner, so nothing races):

* **the request in flight** only *notices*: its reader sees EOF or the child's sentinel (or the pipe breaks on
  send) and fails at once with ``DIED``/``GONE``; it never waits for, counts or starts a replacement. Past its
  time limit (whether the child stopped answering or stopped reading: the request is written on a thread of its
  own, so a full pipe cannot block the caller) it marks the child *killed* and SIGKILLs it, then fails with
  ``HUNG`` (the request counts the timeout);
* **the child's watcher thread** (one per child, started with it) is the only party that handles an end: it
  joins the process, detaches it (``_child = None``), counts a crash once (not for a child we killed on purpose),
  applies the back-off (three quick deaths in a row: retry in 15 s, 30 s, … up to 5 min, never a tight loop)
  and starts the one replacement. Waiters are woken through the ``_state`` condition;
* **spawning** happens only under ``_state`` and only while there is no current child, so exactly one new child
  is started: by the watcher, by :meth:`ModelProcess.start`, by the back-off timer, or (when a worker does not
  respawn on a timer) by the next request once the back-off is over;
* **a child's pipe** is closed when the child is retired *and* its last user (a request, a ready reader) lets
  go of it, never under a thread that is reading it: a closed descriptor number could otherwise be reused by
  the replacement's pipe, and a stale reader would block on, or steal, the new child's messages.

A request that finds the current child dead but not yet handled waits for the watcher's replacement like one
that finds a child loading: up to its ready wait, then it fails (``NOT_READY``). What differs stays in the
workers: what the child loads and answers, and how a failed request reaches the caller (the LLM worker returns
``None``, the STT worker raises ``SpeechUnavailable``): :meth:`ModelProcess._request` raises
:class:`RequestFailed` with a reason, which each worker turns into its own answer.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
import threading
import time
from multiprocessing.connection import wait as mp_wait
from typing import Any, Callable

from appliance.model_protocol import (  # noqa: F401 - re-exported for the workers
    BUSY, CLOSED, DIED, FAILED, GONE, HUNG, NOT_READY, NOT_RUNNING, ChildHandle, Handlers, LoadFailed, RequestFailed,
    WorkerStats, serve,
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
        self._state = threading.Condition(threading.RLock())  # guards the child swap; notified on every change
        self._ready_lock = threading.Lock()  # one reader of a child's ready/error message
        self._current: ChildHandle | None = None
        self._closed = False
        self._ids = itertools.count(1)
        self._consecutive_failures = 0
        self._retry_at = 0.0

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
        child = self._current
        return child.proc.pid if child is not None and child.proc.is_alive() else None

    @property
    def ready(self) -> bool:
        child = self._current
        return child is not None and child.ready

    def start(self, *, wait: bool = False, timeout_s: float = 300.0) -> bool:
        """Spawn the child (if there is none). With ``wait``, block until it has loaded and warmed up."""
        with self._state:
            if self._closed:
                raise RuntimeError("worker closed")
            if self._current is None:
                self._spawn()
        if not wait:
            return self.ready
        return self._wait_loaded(timeout_s)

    def _wait_loaded(self, timeout_s: float) -> bool:
        with self._queue:
            return self._wait_ready(time.monotonic() + timeout_s) is not None

    def _spawn(self) -> ChildHandle:
        """Start a new child. Caller holds ``_state`` and has checked there is no current child."""
        parent, child_end = _CTX.Pipe(duplex=True)
        load, args = self._child()
        proc = _CTX.Process(target=serve, args=(child_end, load, *args), name=self.process_name, daemon=True)
        proc.start()
        child_end.close()
        child = self._current = ChildHandle(proc, parent)
        self.stats.started += 1
        self._state.notify_all()
        self._LOG.info("%s worker started (pid %s%s)", self.name, proc.pid, self._started_note())
        threading.Thread(target=self._watch, args=(child,), name=f"{self.name}-watch", daemon=True).start()
        if self.notice_ready_in_background:
            threading.Thread(target=self._await_ready, args=(child,), name=f"{self.name}-ready", daemon=True).start()
        return child

    def _watch(self, child: ChildHandle) -> None:
        """The one handler of ``child``'s end: count it (unless we killed it), detach it, start its replacement."""
        child.proc.join()
        with self._state:
            if self._closed or self._current is not child:
                child.retire()
                return
            self._current = None
            child.retire()
            self._state.notify_all()
            lived = time.monotonic() - child.spawned_at
            if child.killed:
                self._LOG.info("%s worker pid %s ended (%s); replacing it", self.name, child.proc.pid, child.killed)
                self._spawn()
                return
            self.stats.crashes += 1
            self._consecutive_failures = 1 if lived > 60 else self._consecutive_failures + 1
            self._LOG.warning("%s worker pid %s died after %.1f s (exit code %s); restarting", self.name,
                              child.proc.pid, lived, child.proc.exitcode)
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
            if not self._closed and self._current is None:
                self._spawn()

    def _kill(self, child: ChildHandle, reason: str) -> None:
        """SIGKILL ``child`` on purpose; its watcher replaces it (and does not count a crash)."""
        with self._state:
            if child.killed:
                return
            child.killed = reason
        self._LOG.warning("%s worker pid %s killed: %s", self.name, child.proc.pid, reason)
        child.proc.kill()
        child.proc.join(5)  # gone when this returns (whichever of this and the watcher reaps it); no respawn here

    def restart(self, reason: str = "restart requested", timeout_s: float = 5.0) -> None:
        """Kill the current child (if any) and return once its replacement is started (or ``timeout_s``)."""
        with self._state:
            child = self._current
            if child is None:
                if not self._closed:
                    self._spawn()
                return
        self._kill(child, reason)
        with self._state:
            self._wait_replaced(child, timeout_s)

    def _wait_replaced(self, child: ChildHandle, timeout_s: float) -> bool:
        """Wait (holding ``_state``) until ``child``'s watcher has handled its end; False on timeout."""
        return self._state.wait_for(lambda: self._closed or self._current is not child, max(0.0, timeout_s))

    def close(self) -> None:
        with self._state:
            self._closed = True
            child, self._current = self._current, None
            self._state.notify_all()
        if child is None:
            return
        if child.use():
            try:
                child.conn.send(None)
            except OSError:
                pass
            finally:
                child.release()
        child.proc.join(2)
        if child.proc.is_alive():
            child.proc.kill()
            child.proc.join(5)
        child.retire()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ ready handshake
    def _poll_ready(self, child: ChildHandle, timeout: float) -> str:
        """Read the child's first message: ``ready``, ``error`` (could not load), ``dead`` or ``wait`` (nothing
        yet). Caller holds ``_ready_lock`` (the only reader of a child that is not ready yet) and a use of it."""
        proc, conn = child.proc, child.conn
        try:
            got = mp_wait([conn, proc.sentinel], timeout=max(0.0, timeout))
        except (OSError, ValueError):
            got = [proc.sentinel]
        if not got:
            return "wait"
        if conn not in got:
            child.dead = True  # died while loading: its watcher counts it and replaces it
            return "dead"
        try:
            tag, info = conn.recv()
        except (EOFError, OSError):
            child.dead = True
            return "dead"
        if tag == "ready":
            note = self._on_ready(info)
            self.load_error = None
            loaded_s = time.monotonic() - child.spawned_at
            self.stats.load_s.append(round(loaded_s, 3))
            with self._state:
                self._consecutive_failures = 0
                child.ready = True
                self._state.notify_all()
            self._LOG.info("%s worker pid %s ready in %.1f s%s", self.name, proc.pid, loaded_s, note)
            return "ready"
        self.load_error = str(info)
        child.dead = True  # it exits after reporting; its watcher restarts it (with back-off)
        self._LOG.error("%s worker could not load: %s", self.name, info)
        return "error"

    def _read_ready(self, child: ChildHandle, timeout: float) -> str:
        """:meth:`_poll_ready` with the reader lock and a use of the pipe taken (``busy``: another reader has it)."""
        if not self._ready_lock.acquire(timeout=max(0.0, timeout)):
            return "busy"
        try:
            if child.ready:
                return "ready"
            if not child.use():
                return "dead"
            try:
                return self._poll_ready(child, timeout)
            finally:
                child.release()
        finally:
            self._ready_lock.release()

    def _await_ready(self, child: ChildHandle) -> None:
        """Background: notice (and log) a freshly spawned child becoming ready, without waiting for a request."""
        end = time.monotonic() + 600
        while time.monotonic() < end:
            with self._state:
                if self._closed or self._current is not child or child.ready:
                    return
            if self._read_ready(child, 1.0) not in ("wait", "busy"):
                return

    def _wait_ready(self, deadline: float, fail_on_error: bool = False) -> ChildHandle | None:
        """Wait until there is a live, loaded child (returned) or ``deadline`` (None). Caller holds the queue lock.

        Spawns only when there is no child and no back-off; a child that ended is left to its watcher, and this
        waits for the replacement."""
        while True:
            with self._state:
                if self._closed:
                    return None
                child = self._current
                if child is None:
                    if time.monotonic() < self._retry_at:
                        return None  # backing off after quick deaths
                    child = self._spawn()
                if not child.alive():
                    if fail_on_error and self.load_error:
                        return None
                    if not self._wait_replaced(child, deadline - time.monotonic()):
                        return None
                    continue
                if child.ready:
                    return child
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            status = self._read_ready(child, remaining)
            if status == "error" and fail_on_error:
                return None
            if status != "ready" and time.monotonic() >= deadline:
                return None

    # ------------------------------------------------------------------ requests
    def _request(self, kind: str, payload: Any, *, limit_s: float, wait_s: float | None = None,
                 ready_wait_s: float | None = None) -> Any:
        """Send one request and return the child's answer; raise :class:`RequestFailed` otherwise.

        Without ``wait_s`` one deadline, ``limit_s`` from now, covers the queue, a (re)loading child and the
        answer. With ``wait_s``, the queue and the load may take that long (the load at most ``ready_wait_s``
        per try) and the answer then has ``limit_s`` from when the request was sent. Past the answer's limit
        the child is killed (its watcher starts a new one at once); if the child dies meanwhile the request
        fails at once.
        """
        deadline = time.monotonic() + max(0.0, limit_s if wait_s is None else wait_s)
        if self._closed:
            raise RequestFailed(CLOSED)
        if not self._queue.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise RequestFailed(BUSY)
        try:
            while True:
                ready_by = deadline if ready_wait_s is None else min(deadline, time.monotonic() + ready_wait_s)
                child = self._wait_ready(ready_by)
                if child is None:
                    raise RequestFailed(CLOSED if self._closed else NOT_READY)
                if child.use():  # else it was retired just now: wait for its replacement
                    break
            try:
                return self._exchange(child, kind, payload, limit_s, deadline if wait_s is None else None)
            finally:
                child.release()
        finally:
            self._queue.release()

    def _exchange(self, child: ChildHandle, kind: str, payload: Any, limit_s: float, deadline: float | None) -> Any:
        """One request to ``child`` (caller holds the queue and a use of the pipe). The answer has until
        ``deadline`` (or ``limit_s`` from now)."""
        proc, conn = child.proc, child.conn
        rid = next(self._ids)
        self.stats.requests += 1
        hard = deadline if deadline is not None else time.monotonic() + limit_s
        try:
            taken = child.send((rid, kind, payload), hard - time.monotonic())
        except OSError:
            child.dead = True
            raise RequestFailed(GONE) from None
        if not taken:  # it stopped reading: as hung as one that stopped answering
            self.stats.timeouts += 1
            self._kill(child, f"request not read within its {limit_s:.2f} s limit")
            raise RequestFailed(HUNG)
        while True:
            remaining = hard - time.monotonic()
            try:
                ready = mp_wait([conn, proc.sentinel], timeout=remaining) if remaining > 0 else []
            except (OSError, ValueError):
                ready = [proc.sentinel]
            if not ready:
                self.stats.timeouts += 1
                self._kill(child, f"request over its {limit_s:.2f} s limit")
                raise RequestFailed(HUNG)
            if conn not in ready:
                child.dead = True  # died mid-request: this caller fails now, the watcher replaces the child
                raise RequestFailed(DIED)
            try:
                got_id, status, answer = conn.recv()
            except (EOFError, OSError):
                child.dead = True
                raise RequestFailed(DIED) from None
            if got_id != rid:
                continue  # a stale answer (cannot happen with one pipe per child, but be safe)
            if status != "ok":
                raise RequestFailed(FAILED, str(answer))
            return answer
