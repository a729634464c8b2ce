"""Speech-to-text in its own supervised process: the Transcriber is loaded once, a crash or a hang is contained.

:class:`SttWorker` owns one child process (multiprocessing *spawn*: no forked copy of the engine's threads,
sockets or asyncio loop) that loads the configured :class:`~appliance.speech.stt.Transcriber` once, warms it up
and then decodes utterances sent over a pipe, one at a time. The parent side is thread-safe (requests queue on
a lock) and *fails fast*: ``transcribe`` raises :class:`~appliance.errors.SpeechUnavailable` instead of
leaving a caller in silence, so the call runner ends the call with ``DENTALCALL_NEXT=fallback`` (apology, then
staff or voicemail):

* the child dies (segfault, OOM kill, ``kill -9``) → the request in flight fails at once; a watcher thread
  spawns a new child in the background, so later calls work again;
* a decode runs over its hard time limit (``time_limit(audio_seconds)``; a hang in C code or a stopped
  process) → the child is killed (SIGKILL) and respawned, the request fails;
* the child is still loading (after a restart) → a request waits for it up to ``ready_wait_s`` (2 s: a call
  must not sit in silence behind a reload) and fails after that without killing it (killing a loading child would only start the load again);
* three deaths in a row soon after start (bad model file, out of memory) → restarts back off (15 s, 30 s, …
  up to 5 min), never a tight loop.

The child names itself ``dentalcall-stt`` (``ps``/``top`` show it) and dies with its parent (PDEATHSIG).
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing as mp
import os
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import wait as mp_wait
from typing import Any

from appliance.errors import SpeechUnavailable
from appliance.speech.stt.base import Transcript

_LOGGER = logging.getLogger(__name__)
_CTX = mp.get_context("spawn")

PROCESS_NAME = "dentalcall-stt"
WARMUP_PCM = b"\x00\x00" * 8000  # 1 s of silence at 8 kHz: first-call lazy initialisation happens here


def time_limit(audio_seconds: float, base_s: float = 4.0, per_audio_s: float = 0.35) -> float:
    """Hard limit for one decode inside the child. Measured decodes take 0.2–0.7 s for 1–3 s utterances
    (window 10, 2 threads) and ~2 s on a loaded machine; 4 s + 0.35 × audio keeps a real decode safe while a
    hang is noticed well before the call runner's own 8 s limit."""
    return base_s + per_audio_s * max(0.0, audio_seconds)


@dataclass
class WorkerStats:
    started: int = 0
    crashes: int = 0
    timeouts: int = 0
    requests: int = 0
    failures: int = 0  # requests that raised (crash, timeout, not ready, decode error)
    load_s: list[float] = field(default_factory=list)  # spawn → ready of each child


# ===================================================================================== child process
def _name_process() -> None:  # pragma: no cover - runs in the child
    try:
        with open("/proc/self/comm", "w") as f:
            f.write(PROCESS_NAME)
    except OSError:
        pass
    try:  # die with the engine even when it is SIGKILLed
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort (non-Linux)
        pass


def _serve(conn, config: Any, engine: str | None) -> None:  # pragma: no cover - runs in the child process
    """Child main: load the transcriber, warm it up, then answer requests until EOF or ``None``."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when the child ends
    _name_process()
    t0 = time.monotonic()
    try:
        from appliance.settings import Config
        from appliance.speech.stt import load_transcriber

        if isinstance(config, dict):
            config = Config(config)
        transcriber = load_transcriber(config, engine=engine)
        transcriber.transcribe(WARMUP_PCM, 8000)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", {"pid": os.getpid(), "load_s": time.monotonic() - t0,
                         "engine": getattr(transcriber, "engine", "")}))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        rid, kind, payload = msg
        try:
            if kind == "transcribe":
                result = transcriber.transcribe(payload["pcm"], payload["rate"], hints=payload.get("hints"),
                                                prompt=payload.get("prompt"))
                conn.send((rid, "ok", dataclasses.asdict(result)))
            elif kind == "ping":
                conn.send((rid, "ok", {"pid": os.getpid()}))
            elif kind == "sleep":  # tests: a decode that hangs
                time.sleep(float(payload))
                conn.send((rid, "ok", {}))
            elif kind == "crash":  # tests: a decode that kills the process
                os._exit(70)
            else:
                conn.send((rid, "error", f"unknown request kind {kind!r}"))
        except Exception as exc:  # noqa: BLE001 - a bad utterance must not kill the worker
            conn.send((rid, "error", f"{type(exc).__name__}: {exc}"))


# ==================================================================================== parent side
class SttWorker:
    """Parent-side handle of the STT process. Thread-safe; one decode at a time.

    ``transcribe(pcm16, rate, hints=..., prompt=...)`` has the Transcriber's signature and returns a
    :class:`Transcript`; on crash, hang or unavailability it raises ``SpeechUnavailable`` quickly.
    """

    def __init__(self, config: Any, *, engine: str | None = None, name: str = "stt", wait_s: float = 6.0,
                 ready_wait_s: float = 2.0,
                 limit_base_s: float = 4.0, limit_per_audio_s: float = 0.35):
        # Config itself does not unpickle (its __getattr__ runs before _values exists): send its values
        self._config = config.as_dict() if hasattr(config, "as_dict") else config
        self._engine = engine
        self.name = name
        self.wait_s = wait_s  # queue wait (another decode running) before a request gives up
        self.ready_wait_s = ready_wait_s  # wait for a (re)loading child before a request gives up
        self.limit_base_s = limit_base_s
        self.limit_per_audio_s = limit_per_audio_s
        self.stats = WorkerStats()
        self.engine = ""
        self.load_error: str | None = None
        self._queue = threading.Lock()  # one request at a time
        self._state = threading.RLock()  # guards the process/pipe swap
        self._ready_lock = threading.Lock()  # one reader of a child's ready/error message
        self._proc = None
        self._conn = None
        self._ready = False
        self._closed = False
        self._ids = itertools.count(1)
        self._consecutive_failures = 0
        self._retry_at = 0.0
        self._spawned_at = 0.0

    # ------------------------------------------------------------------ lifecycle
    @property
    def pid(self) -> int | None:
        proc = self._proc
        return proc.pid if proc is not None and proc.is_alive() else None

    @property
    def ready(self) -> bool:
        return self._ready

    def start(self, *, wait: bool = True, timeout_s: float = 300.0) -> bool:
        """Spawn the child. With ``wait``, block until it is loaded; raise ``SpeechUnavailable`` if it cannot
        load (a missing model is a start-up error, as it was in-process)."""
        with self._state:
            if self._closed:
                raise RuntimeError("worker closed")
            if self._proc is None or not self._proc.is_alive():
                self._spawn()
        if not wait:
            return self._ready
        with self._queue:
            ok = self._wait_ready(time.monotonic() + timeout_s, fail_on_error=True)
        if not ok:
            raise SpeechUnavailable(f"speech recognition did not start: {self.load_error or 'timed out'}")
        return True

    def wait_ready(self, timeout_s: float = 300.0) -> bool:
        with self._queue:
            ok = self._wait_ready(time.monotonic() + timeout_s, fail_on_error=True)
        if not ok:
            raise SpeechUnavailable(f"speech recognition did not start: {self.load_error or 'timed out'}")
        return True

    def _spawn(self) -> None:
        parent, child = _CTX.Pipe(duplex=True)
        proc = _CTX.Process(target=_serve, args=(child, self._config, self._engine), name=PROCESS_NAME,
                            daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn, self._ready = proc, parent, False
        self._spawned_at = time.monotonic()
        self.stats.started += 1
        _LOGGER.info("%s worker started (pid %s)", self.name, proc.pid)
        threading.Thread(target=self._watch, args=(proc,), name=f"{self.name}-watch", daemon=True).start()
        threading.Thread(target=self._await_ready, args=(proc,), name=f"{self.name}-ready", daemon=True).start()

    def _watch(self, proc) -> None:
        """Restart the child as soon as it dies on its own (not when we killed or closed it)."""
        proc.join()
        self._handle_death(proc)

    def _handle_death(self, proc) -> None:
        """Count the death of ``proc`` and replace it; a no-op if it was already replaced (watcher vs request)."""
        with self._state:
            if self._closed or self._proc is not proc:
                return
            proc.join(1)
            lived = time.monotonic() - self._spawned_at
            self.stats.crashes += 1
            self._consecutive_failures = 1 if lived > 60 else self._consecutive_failures + 1
            self._ready = False
            _LOGGER.warning("%s worker pid %s died after %.1f s (exit code %s); restarting", self.name, proc.pid,
                            lived, proc.exitcode)
            if self._conn is not None:
                self._conn.close()
            self._proc, self._conn = None, None
            if self._consecutive_failures >= 3:
                self._retry_at = time.monotonic() + min(300.0, 15.0 * (self._consecutive_failures - 2))
                _LOGGER.error("%s worker failed %d times in a row; next try in %.0f s", self.name,
                              self._consecutive_failures, self._retry_at - time.monotonic())
                threading.Timer(self._retry_at - time.monotonic(), self._retry).start()
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
            _LOGGER.warning("%s worker pid %s killed: %s", self.name, proc.pid, reason)
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

    def __enter__(self) -> "SttWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ requests
    def _poll_ready(self, proc, conn, timeout: float) -> str:
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
                self.engine = info.get("engine", "")
                self.load_error = None
                self._consecutive_failures = 0
                self.stats.load_s.append(round(time.monotonic() - self._spawned_at, 3))
                self._ready = True
                _LOGGER.info("%s worker pid %s ready in %.1f s", self.name, proc.pid,
                             time.monotonic() - self._spawned_at)
                return "ready"
            self.load_error = str(info)
            _LOGGER.error("%s worker could not load: %s", self.name, info)
            proc.join(5)  # the child exits after reporting; the watcher restarts it (with back-off)
            return "error"
        self._handle_death(proc)  # died while loading
        return "dead"

    def _await_ready(self, proc) -> None:
        """Background: notice (and log) a freshly spawned child becoming ready, without waiting for a request."""
        end = time.monotonic() + 600
        while time.monotonic() < end:
            with self._state:
                if self._closed or self._proc is not proc or self._ready:
                    return
                conn = self._conn
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

    def _fail(self, message: str) -> SpeechUnavailable:
        self.stats.failures += 1
        return SpeechUnavailable(message)

    def _call(self, kind: str, payload: Any, limit_s: float) -> Any:
        start = time.monotonic()
        deadline = start + self.wait_s
        if self._closed:
            raise self._fail("speech recognition worker closed")
        if not self._queue.acquire(timeout=self.wait_s):
            raise self._fail(f"speech recognition busy for {self.wait_s:.1f} s")
        try:
            while True:
                if not self._wait_ready(min(deadline, time.monotonic() + self.ready_wait_s)):
                    raise self._fail(f"speech recognition not ready ({self.load_error or 'restarting'})")
                with self._state:
                    proc, conn = self._proc, self._conn
                if proc is None or conn is None:
                    raise self._fail("speech recognition not running")
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
                raise self._fail("speech recognition worker gone") from None
            hard = time.monotonic() + limit_s
            while True:
                remaining = hard - time.monotonic()
                ready = mp_wait([conn, proc.sentinel], timeout=remaining) if remaining > 0 else []
                if not ready:
                    self.stats.timeouts += 1
                    self._kill(f"request over its {limit_s:.2f} s limit")
                    with self._state:
                        if not self._closed:
                            self._spawn()
                    raise self._fail(f"speech recognition hung (over {limit_s:.1f} s); worker restarted")
                if conn not in ready:
                    self._handle_death(proc)  # died mid-request: replaced at once, this caller fails fast
                    raise self._fail("speech recognition worker died; restarting")
                try:
                    got_id, status, result = conn.recv()
                except (EOFError, OSError):
                    self._handle_death(proc)
                    raise self._fail("speech recognition worker died; restarting") from None
                if got_id != rid:
                    continue  # a stale answer (cannot happen with one pipe per child, but be safe)
                if status != "ok":
                    raise self._fail(f"speech recognition failed: {result}")
                return result
        finally:
            self._queue.release()

    def transcribe(self, pcm16: bytes, sample_rate: int, *, hints: list[str] | None = None,
                   prompt: str | None = None, time_limit_s: float | None = None) -> Transcript:
        audio_s = len(pcm16) / 2 / sample_rate if sample_rate else 0.0
        limit = time_limit_s if time_limit_s is not None else time_limit(audio_s, self.limit_base_s,
                                                                           self.limit_per_audio_s)
        payload = {"pcm": bytes(pcm16), "rate": int(sample_rate), "hints": list(hints) if hints else None,
                   "prompt": prompt}
        result = self._call("transcribe", payload, limit)
        return Transcript(**result)

    def ping(self, timeout_s: float = 2.0) -> int:
        return int(self._call("ping", None, timeout_s)["pid"])

    # test hooks (a decode that hangs / crashes the child)
    def _debug(self, kind: str, payload: Any, limit_s: float) -> Any:
        return self._call(kind, payload, limit_s)


def find_worker_pids(parent_pid: int) -> list[int]:
    """Pids of ``dentalcall-stt`` processes whose parent is ``parent_pid`` (tests, the benchmark, ops)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1: stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        if comm == PROCESS_NAME and ppid == parent_pid:
            pids.append(int(entry))
    return pids
