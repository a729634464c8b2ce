"""One LLM, loaded once, in its own process: a crash or a hang is contained and the caller gets ``None`` fast.

:class:`LlmWorker` owns a child process (multiprocessing *spawn*: no forked copy of the engine's threads,
sockets or asyncio loop) that loads a single ``llama_cpp.Llama`` and serves completions over a pipe, one at a
time. The parent side is thread-safe; requests queue on a lock and every request has a hard deadline that
covers its wait in the queue too:

* the deadline passes while the child computes → the child is killed (SIGKILL; a hang in C code cannot be
  interrupted any other way), a new one is spawned at once and the caller gets ``None``;
* the child dies (segfault, OOM kill, ``kill -9``) → a watcher thread spawns a new one at once; a request in
  flight gets ``None``;
* the child is still loading/warming up → the request waits for it until its deadline, and gets ``None``
  without killing it (killing a warming child would only start the warm-up again).

Prefix reuse: llama-cpp-python keeps the tokens it evaluated last and, on the next prompt, evaluates only
what follows the longest common token prefix. Every prompt sent by one client starts with the same fixed
system text, so after the first call (done as a warm-up before the child reports ready) a request costs
only its own few tokens. The reply reports how many prompt tokens were reused.

Generation is always grammar-constrained (GBNF, compiled once per grammar text and cached in the child)
and greedy, so output is reproducible and can only be a string of the grammar.

OpenMP: ``OMP_WAIT_POLICY=passive`` is set in the child before llama.cpp loads, so idle LLM threads sleep
instead of spinning on cores that STT and TTS need; ``n_threads`` comes from the setting ``llm_threads``.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from multiprocessing.connection import wait as mp_wait
from typing import Any

_LOGGER = logging.getLogger(__name__)
_CTX = mp.get_context("spawn")

# Prompt styles the child renders requests in, chosen from the model's own chat template.
CHATML, GEMMA, PLAIN = "chatml", "gemma", "plain"


@dataclass(frozen=True)
class Request:
    """A grammar-constrained completion. ``system`` must be identical between calls to reuse its prefix."""

    system: str
    user: str
    grammar: str
    answer_prefix: str = ""
    max_tokens: int = 16
    shots: tuple[tuple[str, str], ...] = ()  # fixed example turns (user, answer) after the system text

    def as_msg(self) -> dict[str, Any]:
        return {"system": self.system, "user": self.user, "grammar": self.grammar,
                "answer_prefix": self.answer_prefix, "max_tokens": self.max_tokens,
                "shots": [list(s) for s in self.shots]}


@dataclass
class Reply:
    text: str
    prompt_tokens: int = 0
    reused_tokens: int = 0  # prompt tokens whose KV state was kept from the previous call
    completion_tokens: int = 0
    compute_s: float = 0.0  # time inside the child
    total_s: float = 0.0  # wall time seen by the caller, queue wait included


@dataclass
class WorkerStats:
    started: int = 0
    crashes: int = 0
    timeouts: int = 0
    requests: int = 0
    load_s: list[float] = field(default_factory=list)  # load + warm-up time of each child


def default_threads(setting: int | None = None) -> int:
    if setting and setting > 0:
        return int(setting)
    return max(1, (os.cpu_count() or 2) // 2)


# ===================================================================================== child process
def _render(style: str, msg: dict[str, Any]) -> str:
    """The prompt: system text, fixed example turns, then this request's user text (only that varies)."""
    system, user, prefix = msg["system"], msg["user"], msg.get("answer_prefix", "")
    shots = msg.get("shots") or []
    if style == CHATML:
        parts = [f"<|im_start|>system\n{system}<|im_end|>\n"]
        parts += [f"<|im_start|>user\n{u}<|im_end|>\n<|im_start|>assistant\n{prefix}{a}<|im_end|>\n" for u, a in shots]
        parts.append(f"<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n{prefix}")
        return "".join(parts)
    if style == GEMMA:
        # Gemma has no system role: the fixed text opens the first user turn (still the identical prefix).
        turns = list(shots) + [(user, None)]
        parts = []
        for i, (u, a) in enumerate(turns):
            head = f"{system}\n\n" if i == 0 else ""
            parts.append(f"<start_of_turn>user\n{head}{u}<end_of_turn>\n<start_of_turn>model\n{prefix}")
            if a is not None:
                parts.append(f"{a}<end_of_turn>\n")
        return "".join(parts)
    lines = [system, ""]
    for u, a in shots:
        lines += [u, f"{prefix}{a}"]
    lines += [user, prefix]
    return "\n".join(lines)


def _style_of(llm) -> str:
    template = (getattr(llm, "metadata", None) or {}).get("tokenizer.chat_template", "") or ""
    if "<|im_start|>" in template:
        return CHATML
    if "<start_of_turn>" in template:
        return GEMMA
    return PLAIN


def _state_path(opts: dict[str, Any], style: str, version: str):
    """File caching the evaluated fixed prompt (KV state), keyed by everything that shapes it."""
    if not opts.get("state_dir") or not opts.get("warmup"):
        return None
    import hashlib
    import json
    from pathlib import Path

    st = os.stat(opts["model_path"])
    key = json.dumps([opts["model_path"], st.st_size, st.st_mtime_ns, opts["n_ctx"], opts["n_batch"], style, version,
                      opts["warmup"]], ensure_ascii=False, sort_keys=True)
    return Path(opts["state_dir"]) / f"prefix-{hashlib.sha256(key.encode()).hexdigest()[:20]}.state"


def _load_prefix_state(llm, llama_cpp, path) -> str:
    """Restore the fixed prompt's KV state (a restart then costs ~a second, not the whole prompt)."""
    import ctypes

    if not path.is_file():
        return "none"
    try:
        n_ctx = llm.n_ctx()
        buf = (llama_cpp.llama_token * n_ctx)()
        n_out = ctypes.c_size_t(0)
        if not llama_cpp.llama_state_load_file(llm._ctx.ctx, str(path).encode(), buf, n_ctx, ctypes.byref(n_out)):
            raise RuntimeError("llama_state_load_file failed")
        n = int(n_out.value)
        llm.input_ids[:n] = buf[:n]
        llm.n_tokens = n
        return "loaded"
    except Exception as exc:  # noqa: BLE001 - a bad cache file only costs the normal warm-up
        llm.reset()
        try:
            path.unlink()
        except OSError:
            pass
        return f"load failed ({exc})"


def _save_prefix_state(llm, llama_cpp, path) -> str:
    n = int(llm.n_tokens)
    if n <= 0:
        return "none"
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tokens = (llama_cpp.llama_token * n)(*llm.input_ids[:n].tolist())
        if not llama_cpp.llama_state_save_file(llm._ctx.ctx, str(tmp).encode(), tokens, n):
            raise RuntimeError("llama_state_save_file failed")
        os.replace(tmp, path)
        return "saved"
    except Exception as exc:  # noqa: BLE001
        try:
            tmp.unlink()
        except OSError:
            pass
        return f"save failed ({exc})"


def _serve(conn, opts: dict[str, Any]) -> None:  # pragma: no cover - runs in the child process
    """Child main: load the model, warm up the fixed prefixes, then answer requests until EOF."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when the child ends
    os.environ["OMP_WAIT_POLICY"] = "passive"
    os.environ["OMP_NUM_THREADS"] = str(opts["n_threads"])
    t0 = time.monotonic()
    try:
        import llama_cpp

        llm = llama_cpp.Llama(
            model_path=opts["model_path"],
            n_ctx=opts["n_ctx"],
            n_batch=opts["n_batch"],
            n_threads=opts["n_threads"],
            n_threads_batch=opts["n_threads"],
            seed=opts.get("seed", 0),
            use_mmap=True,
            verbose=False,
        )
        style = opts.get("style") or _style_of(llm)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return

    grammars: OrderedDict[str, Any] = OrderedDict()

    def grammar_for(text: str):
        g = grammars.get(text)
        if g is None:
            g = llama_cpp.LlamaGrammar.from_string(text, verbose=False)
            grammars[text] = g
            if len(grammars) > 64:
                grammars.popitem(last=False)
        else:
            grammars.move_to_end(text)
        return g

    def complete(msg: dict[str, Any]) -> dict[str, Any]:
        start = time.monotonic()
        prompt = _render(style, msg)
        tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
        reused = llama_cpp.Llama.longest_token_prefix(llm._input_ids.tolist(), tokens) if llm.n_tokens else 0
        out = llm.create_completion(
            prompt, max_tokens=msg.get("max_tokens", 16), temperature=0.0, top_k=1, top_p=1.0,
            repeat_penalty=1.0, grammar=grammar_for(msg["grammar"]),
        )
        usage = out.get("usage", {})
        return {
            "text": out["choices"][0]["text"],
            "prompt_tokens": usage.get("prompt_tokens", len(tokens)),
            "completion_tokens": usage.get("completion_tokens", 0),
            "reused_tokens": min(reused, len(tokens)),
            "compute_s": time.monotonic() - start,
        }

    state_path = _state_path(opts, style, llama_cpp.__version__)
    state = _load_prefix_state(llm, llama_cpp, state_path) if state_path else "off"
    try:
        for msg in opts.get("warmup", []):
            complete(msg)
    except Exception as exc:  # noqa: BLE001
        conn.send(("error", f"warm-up failed: {type(exc).__name__}: {exc}"))
        return
    if state_path and state != "loaded":
        state = _save_prefix_state(llm, llama_cpp, state_path)
    conn.send(("ready", {"style": style, "load_s": time.monotonic() - t0, "pid": os.getpid(), "state": state}))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        rid, kind, payload = msg
        try:
            if kind == "complete":
                conn.send((rid, "ok", complete(payload)))
            elif kind == "ping":
                conn.send((rid, "ok", {"pid": os.getpid(), "style": style}))
            else:
                conn.send((rid, "error", f"unknown request kind {kind!r}"))
        except Exception as exc:  # noqa: BLE001 - a bad grammar must not kill the worker
            conn.send((rid, "error", f"{type(exc).__name__}: {exc}"))


# ==================================================================================== parent side
class LlmWorker:
    """Parent-side handle of the model process. Thread-safe; one request at a time."""

    def __init__(
        self,
        model_path: str,
        *,
        n_threads: int = 1,
        n_ctx: int = 2048,
        n_batch: int = 512,
        warmup: list[Request] | tuple[Request, ...] = (),
        style: str | None = None,
        name: str = "llm",
        state_dir: str | None = None,
    ):
        self._opts = {
            "model_path": str(model_path), "n_threads": int(n_threads), "n_ctx": int(n_ctx),
            "n_batch": int(n_batch), "warmup": [w.as_msg() for w in warmup], "style": style,
            "state_dir": str(state_dir) if state_dir else None,
        }
        self.name = name
        self.stats = WorkerStats()
        self.style: str | None = None
        self.prefix_state: str | None = None  # off | none | loaded | saved | "... failed (why)"
        self.load_error: str | None = None
        self._queue = threading.Lock()  # serialises requests (the model does one thing at a time)
        self._state = threading.RLock()  # guards the process/pipe swap
        self._proc = None
        self._conn = None
        self._ready = False
        self._closed = False
        self._ids = itertools.count(1)
        self._consecutive_failures = 0
        self._retry_at = 0.0

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
        with self._queue:
            return self._wait_ready(time.monotonic() + timeout_s)

    def _spawn(self) -> None:
        parent, child = _CTX.Pipe(duplex=True)
        proc = _CTX.Process(target=_serve, args=(child, self._opts), name=f"dentalcall-{self.name}", daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn, self._ready = proc, parent, False
        self._spawned_at = time.monotonic()
        self.stats.started += 1
        _LOGGER.info("%s worker started (pid %s, %s threads)", self.name, proc.pid, self._opts["n_threads"])
        threading.Thread(target=self._watch, args=(proc,), name=f"{self.name}-watch", daemon=True).start()

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
                # Dies right after start (bad file, out of memory): retry later, never in a tight loop.
                self._retry_at = time.monotonic() + min(300.0, 15.0 * (self._consecutive_failures - 2))
                _LOGGER.error("%s worker failed %d times in a row; next try in %.0f s", self.name,
                              self._consecutive_failures, self._retry_at - time.monotonic())
                return
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

    def __enter__(self) -> "LlmWorker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):  # best effort: never leave a model process behind
        try:
            if not self._closed:
                self.close()
        except Exception:  # noqa: BLE001
            pass

    # ------------------------------------------------------------------ requests
    def _wait_ready(self, deadline: float) -> bool:
        """Read the child's ready/error message until ``deadline``. Caller holds the queue lock."""
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
            ready = mp_wait([conn, proc.sentinel], timeout=remaining)
            if not ready:
                return False
            if conn in ready:
                try:
                    tag, info = conn.recv()
                except (EOFError, OSError):
                    self._handle_death(proc)
                    continue
                if tag == "ready":
                    self._ready = True
                    self.style = info.get("style")
                    self.prefix_state = info.get("state")
                    self.load_error = None
                    self._consecutive_failures = 0
                    self.stats.load_s.append(round(time.monotonic() - self._spawned_at, 3))
                    _LOGGER.info("%s worker pid %s ready in %.1f s (prompt style %s, prefix state %s)", self.name,
                                 proc.pid, time.monotonic() - self._spawned_at, self.style, self.prefix_state)
                    return True
                self.load_error = str(info)
                _LOGGER.error("%s worker could not load: %s", self.name, info)
                # The child exits after reporting; the watcher restarts it (with back-off after 3 failures).
                proc.join(5)
                time.sleep(0.01)
                if self._consecutive_failures >= 3 or time.monotonic() >= deadline:
                    return False
            else:
                self._handle_death(proc)  # died while loading
        return True

    def request(self, req: Request, timeout_s: float) -> Reply | None:
        """Run one completion; ``None`` on timeout, crash or when not ready in time. Never raises for those."""
        start = time.monotonic()
        deadline = start + max(0.0, timeout_s)
        if self._closed:
            return None
        if not self._queue.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return None
        try:
            while True:
                if not self._wait_ready(deadline):
                    return None
                with self._state:
                    proc, conn = self._proc, self._conn
                if proc is None or conn is None:
                    return None
                if proc.is_alive():
                    break
                self._handle_death(proc)  # died while idle and the watcher has not seen it yet
            rid = next(self._ids)
            self.stats.requests += 1
            try:
                conn.send((rid, "complete", req.as_msg()))
            except OSError:
                if not proc.is_alive():
                    self._handle_death(proc)
                return None
            while True:
                remaining = deadline - time.monotonic()
                ready = mp_wait([conn, proc.sentinel], timeout=max(0.0, remaining)) if remaining > 0 else []
                if not ready:
                    self.stats.timeouts += 1
                    self._kill(f"request over its {timeout_s:.2f} s limit")
                    with self._state:
                        if not self._closed:
                            self._spawn()
                    return None
                if conn not in ready:
                    self._handle_death(proc)  # died mid-request: replaced at once, this caller gets None
                    return None
                try:
                    got_id, status, payload = conn.recv()
                except (EOFError, OSError):
                    self._handle_death(proc)
                    return None
                if got_id != rid:
                    continue  # a stale answer (cannot happen with one pipe per child, but be safe)
                if status != "ok":
                    _LOGGER.error("%s request failed in the worker: %s", self.name, payload)
                    return None
                return Reply(text=payload["text"], prompt_tokens=payload["prompt_tokens"],
                             reused_tokens=payload["reused_tokens"],
                             completion_tokens=payload["completion_tokens"], compute_s=payload["compute_s"],
                             total_s=time.monotonic() - start)
        finally:
            self._queue.release()
