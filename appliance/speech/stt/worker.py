"""Speech-to-text in its own supervised process: the Transcriber is loaded once, a crash or a hang is contained.

:class:`SttWorker` owns one child process (multiprocessing *spawn*: no forked copy of the engine's threads,
sockets or asyncio loop) that loads the configured :class:`~appliance.speech.stt.Transcriber` once, warms it up
and then decodes utterances sent over a pipe, one at a time. The parent side is thread-safe (requests queue on
a lock) and *fails fast*: ``transcribe`` raises :class:`~appliance.errors.SpeechUnavailable` instead of
leaving a caller in silence, so the call runner ends the call with ``DENTALCALL_NEXT=fallback`` (apology, then
staff or voicemail):

* the child dies (segfault, OOM kill, ``kill -9``) → the request in flight fails at once ("worker died": its
  reader saw the pipe end; it never waits for the replacement); the child's watcher thread counts the crash
  and spawns one new child in the background, so later calls work again;
* a decode runs over its hard time limit (``time_limit(audio_seconds)``; a hang in C code or a stopped
  process) → the child is killed (SIGKILL), the request fails ("hung"), the watcher spawns the replacement;
* the child is still loading (after a restart) → a request waits for it up to ``ready_wait_s`` (2 s: a call
  must not sit in silence behind a reload) and fails after that without killing it (killing a loading child would only start the load again);
* three deaths in a row soon after start (bad model file, out of memory) → restarts back off (15 s, 30 s, …
  up to 5 min), never a tight loop.

The supervision itself (spawn, watcher, restarts, time limits) is :mod:`appliance.model_process`, shared with
the LLM worker; this module holds what the child loads and answers, and turns a failed request into
``SpeechUnavailable``.

The child names itself ``dentalcall-stt`` (``ps``/``top`` show it) and dies with its parent (PDEATHSIG).
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appliance import model_process
from appliance.errors import SpeechUnavailable
from appliance.model_process import (BUSY, CLOSED, DIED, FAILED, GONE, HUNG, NOT_READY, NOT_RUNNING, ModelProcess,
                                     RequestFailed)
from appliance.speech.stt.base import Transcript

_LOGGER = logging.getLogger(__name__)

PROCESS_NAME = "dentalcall-stt"
WARMUP_PCM = b"\x00\x00" * 8000  # 1 s of silence at 8 kHz: first-call lazy initialisation happens here
# and a real Korean sentence (the clip the package ships): the decoder's beam search warms up too — with silence
# alone a worker's first real decode was ~100-300 ms slower (bench/voice_probe.txt)
WARMUP_SPEECH = Path(__file__).resolve().parents[2] / "telephony" / "demo_audio" / "ko_rhino_light_blue_8k_ulaw.wav"


def time_limit(audio_seconds: float, base_s: float = 4.0, per_audio_s: float = 0.35) -> float:
    """Hard limit for one decode inside the child. Measured decodes take 0.2–0.7 s for 1–3 s utterances
    (window 10, 2 threads) and ~2 s on a loaded machine; 4 s + 0.35 × audio keeps a real decode safe while a
    hang is noticed well before the call runner's own 8 s limit."""
    return base_s + per_audio_s * max(0.0, audio_seconds)


@dataclass
class WorkerStats(model_process.WorkerStats):
    failures: int = 0  # requests that raised (crash, timeout, not ready, decode error)


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


def _load(config: Any, engine: str | None):  # pragma: no cover - runs in the child process
    """Child: load the transcriber and warm it up; returns the request handlers and ready info."""
    _name_process()
    from appliance.settings import Config
    from appliance.speech.stt import load_transcriber

    if isinstance(config, dict):
        config = Config(config)
    transcriber = load_transcriber(config, engine=engine)
    transcriber.transcribe(WARMUP_PCM, 8000)
    if WARMUP_SPEECH.exists():
        from appliance.speech.stt.audio import read_audio, resample_pcm16

        pcm, rate = read_audio(WARMUP_SPEECH)
        transcriber.transcribe(resample_pcm16(pcm, rate, 8000), 8000)

    def transcribe(payload: dict[str, Any]) -> dict[str, Any]:
        options = {key: payload[key] for key in ("beam_size", "n_best", "window") if payload.get(key)}
        result = transcriber.transcribe(payload["pcm"], payload["rate"], hints=payload.get("hints"),
                                        prompt=payload.get("prompt"), **options)
        return dataclasses.asdict(result)

    def transcribe_batch(payload: dict[str, Any]) -> list[dict[str, Any]]:
        requests = [{"pcm16": r["pcm"], "sample_rate": r["rate"], "hints": r.get("hints"), "prompt": r.get("prompt"),
                     "window": r.get("window")} for r in payload["requests"]]
        batch = getattr(transcriber, "transcribe_batch", None)
        if batch is None:  # an engine without batches: one by one, in this one request
            results = [transcriber.transcribe(r["pcm16"], r["sample_rate"], hints=r["hints"], prompt=r["prompt"])
                       for r in requests]
        else:
            results = batch(requests, beam_size=payload.get("beam_size") or None, n_best=payload.get("n_best") or 1)
        return [dataclasses.asdict(result) for result in results]

    def sleep(payload: Any) -> dict[str, Any]:  # tests: a decode that hangs
        time.sleep(float(payload))
        return {}

    def crash(payload: Any) -> None:  # tests: a decode that kills the process
        os._exit(70)

    handlers = {"transcribe": transcribe, "transcribe_batch": transcribe_batch, "ping": lambda _: {"pid": os.getpid()}, "sleep": sleep, "crash": crash}
    return handlers, {"engine": getattr(transcriber, "engine", "")}


# ==================================================================================== parent side
_MESSAGES = {
    CLOSED: "speech recognition worker closed",
    BUSY: "speech recognition busy for {wait_s:.1f} s",
    NOT_READY: "speech recognition not ready ({why})",
    NOT_RUNNING: "speech recognition not running",
    GONE: "speech recognition worker gone",
    HUNG: "speech recognition hung (over {limit_s:.1f} s); worker restarted",
    DIED: "speech recognition worker died; restarting",
    FAILED: "speech recognition failed: {detail}",
}


class SttWorker(ModelProcess):
    """Parent-side handle of the STT process. Thread-safe; one decode at a time.

    ``transcribe(pcm16, rate, hints=..., prompt=...)`` has the Transcriber's signature and returns a
    :class:`Transcript`; on crash, hang or unavailability it raises ``SpeechUnavailable`` quickly.
    """

    _LOG = _LOGGER
    respawn_after_backoff = True
    notice_ready_in_background = True

    def __init__(self, config: Any, *, engine: str | None = None, name: str = "stt", wait_s: float = 6.0,
                 ready_wait_s: float = 2.0,
                 limit_base_s: float = 4.0, limit_per_audio_s: float = 0.35):
        super().__init__(name, PROCESS_NAME, WorkerStats())
        # Config itself does not unpickle (its __getattr__ runs before _values exists): send its values
        self._config = config.as_dict() if hasattr(config, "as_dict") else config
        self._engine = engine
        self.wait_s = wait_s  # queue wait (another decode running) before a request gives up
        self.ready_wait_s = ready_wait_s  # wait for a (re)loading child before a request gives up
        self.limit_base_s = limit_base_s
        self.limit_per_audio_s = limit_per_audio_s
        self.engine = ""

    def _child(self):
        return _load, (self._config, self._engine)

    def _on_ready(self, info: dict[str, Any]) -> str:
        self.engine = info.get("engine", "")
        return ""

    def start(self, *, wait: bool = True, timeout_s: float = 300.0) -> bool:
        """Spawn the child. With ``wait``, block until it is loaded; raise ``SpeechUnavailable`` if it cannot
        load (a missing model is a start-up error, as it was in-process)."""
        return super().start(wait=wait, timeout_s=timeout_s)

    def wait_ready(self, timeout_s: float = 300.0) -> bool:
        return self._wait_loaded(timeout_s)

    def _wait_loaded(self, timeout_s: float) -> bool:
        with self._queue:
            ok = self._wait_ready(time.monotonic() + timeout_s, fail_on_error=True)
        if not ok:
            raise SpeechUnavailable(f"speech recognition did not start: {self.load_error or 'timed out'}")
        return True

    def __enter__(self) -> "SttWorker":
        return self

    # ------------------------------------------------------------------ requests
    def _call(self, kind: str, payload: Any, limit_s: float) -> Any:
        try:
            return self._request(kind, payload, limit_s=limit_s, wait_s=self.wait_s, ready_wait_s=self.ready_wait_s)
        except RequestFailed as exc:
            self.stats.failures += 1
            message = _MESSAGES[exc.reason].format(wait_s=self.wait_s, limit_s=limit_s, detail=exc.detail,
                                                   why=self.load_error or "restarting")
            raise SpeechUnavailable(message) from None

    def transcribe(self, pcm16: bytes, sample_rate: int, *, hints: list[str] | None = None,
                   prompt: str | None = None, time_limit_s: float | None = None, beam_size: int | None = None,
                   n_best: int = 1, window: str | None = None) -> Transcript:
        """``beam_size`` (this decode only; 1 = greedy), ``n_best`` (hypotheses in ``alternatives``) and
        ``window`` (this decode's encoder window) are Whisper's; other engines ignore them."""
        audio_s = len(pcm16) / 2 / sample_rate if sample_rate else 0.0
        limit = time_limit_s if time_limit_s is not None else time_limit(audio_s, self.limit_base_s,
                                                                           self.limit_per_audio_s)
        payload = {"pcm": bytes(pcm16), "rate": int(sample_rate), "hints": list(hints) if hints else None,
                   "prompt": prompt, "beam_size": beam_size, "n_best": n_best, "window": window}
        result = self._call("transcribe", payload, limit)
        result["alternatives"] = [tuple(pair) for pair in result.get("alternatives") or []]
        return Transcript(**result)

    def transcribe_batch(self, requests: list[dict[str, Any]], *, beam_size: int | None = None,
                         n_best: int = 1) -> list[Transcript]:
        """Several utterances in one request (``requests``: ``pcm16``, ``sample_rate``, ``hints``, ``prompt``,
        ``window``), decoded as one batch where they can be (Whisper: ``transcribe_batch``); results in order."""
        audio_s = sum(len(r["pcm16"]) / 2 / r["sample_rate"] for r in requests if r["sample_rate"])
        limit = time_limit(audio_s, self.limit_base_s, self.limit_per_audio_s)
        payload = {"requests": [{"pcm": bytes(r["pcm16"]), "rate": int(r["sample_rate"]),
                                 "hints": list(r["hints"]) if r.get("hints") else None, "prompt": r.get("prompt"),
                                 "window": r.get("window")} for r in requests],
                   "beam_size": beam_size, "n_best": n_best}
        out = []
        for result in self._call("transcribe_batch", payload, limit):
            result["alternatives"] = [tuple(pair) for pair in result.get("alternatives") or []]
            out.append(Transcript(**result))
        return out

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
