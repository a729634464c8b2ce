"""One LLM, loaded once, in its own process: a crash or a hang is contained and the caller gets ``None`` fast.

:class:`LlmWorker` owns a child process (multiprocessing *spawn*: no forked copy of the engine's threads,
sockets or asyncio loop) that loads a single ``llama_cpp.Llama`` and serves completions over a pipe, one at a
time. The parent side is thread-safe; requests queue on a lock and every request has a hard deadline that
covers its wait in the queue too:

* the deadline passes while the child computes → the child is killed (SIGKILL; a hang in C code cannot be
  interrupted any other way), its watcher spawns a new one at once and the caller gets ``None``;
* the child dies (segfault, OOM kill, ``kill -9``) → a watcher thread spawns a new one at once; a request in
  flight gets ``None``;
* the child is still loading/warming up → the request waits for it until its deadline, and gets ``None``
  without killing it (killing a warming child would only start the warm-up again).

The supervision itself (spawn, watcher, restarts, time limits) is :mod:`appliance.model_process`, shared with
the STT worker; this module holds what the child loads and answers.

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

import logging
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appliance.model_process import FAILED, LoadFailed, ModelProcess, RequestFailed, WorkerStats

_LOGGER = logging.getLogger(__name__)

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


def _load(opts: dict[str, Any]):  # pragma: no cover - runs in the child process
    """Child: load the model and warm up the fixed prefixes; returns the request handlers and ready info."""
    os.environ["OMP_WAIT_POLICY"] = "passive"
    os.environ["OMP_NUM_THREADS"] = str(opts["n_threads"])
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
        if not isinstance(out, dict):  # a stream only when stream=True is asked for
            raise TypeError(f"llama.cpp returned {type(out).__name__}, not a completion")
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
        raise LoadFailed(f"warm-up failed: {type(exc).__name__}: {exc}") from exc
    if state_path and state != "loaded":
        state = _save_prefix_state(llm, llama_cpp, state_path)
    handlers = {"complete": complete, "ping": lambda _: {"pid": os.getpid(), "style": style}}
    return handlers, {"style": style, "state": state}


# ==================================================================================== parent side
class LlmWorker(ModelProcess):
    """Parent-side handle of the model process. Thread-safe; one request at a time."""

    _LOG = _LOGGER

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
        state_dir: str | Path | None = None,
    ):
        super().__init__(name, f"dentalcall-{name}", WorkerStats())
        self._opts = {
            "model_path": str(model_path), "n_threads": int(n_threads), "n_ctx": int(n_ctx),
            "n_batch": int(n_batch), "warmup": [w.as_msg() for w in warmup], "style": style,
            "state_dir": str(state_dir) if state_dir else None,
        }
        self.style: str | None = None
        self.prefix_state: str | None = None  # off | none | loaded | saved | "... failed (why)"

    def _child(self):
        return _load, (self._opts,)

    def _started_note(self) -> str:
        return f", {self._opts['n_threads']} threads"

    def _on_ready(self, info: dict[str, Any]) -> str:
        self.style = info.get("style")
        self.prefix_state = info.get("state")
        return f" (prompt style {self.style}, prefix state {self.prefix_state})"

    def __enter__(self) -> "LlmWorker":
        return self

    def __del__(self):  # best effort: never leave a model process behind
        try:
            if not self._closed:
                self.close()
        except Exception:  # noqa: BLE001
            pass

    def request(self, req: Request, timeout_s: float) -> Reply | None:
        """Run one completion; ``None`` on timeout, crash or when not ready in time. Never raises for those.

        The deadline ``timeout_s`` covers the wait in the queue and for a (re)loading child too."""
        start = time.monotonic()
        try:
            payload = self._request("complete", req.as_msg(), limit_s=timeout_s)
        except RequestFailed as exc:
            if exc.reason == FAILED:
                _LOGGER.error("%s request failed in the worker: %s", self.name, exc.detail)
            return None
        return Reply(text=payload["text"], prompt_tokens=payload["prompt_tokens"],
                     reused_tokens=payload["reused_tokens"],
                     completion_tokens=payload["completion_tokens"], compute_s=payload["compute_s"],
                     total_s=time.monotonic() - start)
