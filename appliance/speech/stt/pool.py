"""Several STT worker processes behind one ``transcribe``: decodes of concurrent calls run side by side.

One worker decoding one utterance at a time serialises every call behind the others: when four callers stop
speaking together the fourth waits for three decodes. :class:`SttPool` starts ``stt_workers`` supervised
:class:`~appliance.speech.stt.worker.SttWorker` processes (each with ``stt_threads`` CPU threads) and hands each
request to an idle one. When requests still queue behind this one, it is decoded the cheap way
(``busy_beam_size``, greedy by default: ~30–40 % less work for a little accuracy), so a burst drains quickly;
``transcribe_batch`` decodes several waiting utterances on one worker in one batch (the call pipeline's queue
batches callers who stopped talking together: ``pipeline.SttExecutor``).

Measured on 2 cores (``bench/stt_concurrency.txt``): how many workers and threads suit a box is a setting.
"""

from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Callable

from appliance.errors import SpeechUnavailable
from appliance.speech.stt.base import Transcript
from appliance.speech.stt.worker import SttWorker

_LOGGER = logging.getLogger(__name__)


class SttPool:
    """Thread-safe; ``transcribe`` has :class:`SttWorker`'s signature."""

    def __init__(self, config: Any, *, workers: int = 2, threads: int = 1, busy_beam_size: int | None = 1,
                 wait_s: float = 6.0):
        values = config.as_dict() if hasattr(config, "as_dict") else dict(config)
        values["stt_threads"] = threads
        self.size = max(1, int(workers))
        self.workers = [SttWorker(values, name=f"stt{i}" if self.size > 1 else "stt") for i in range(self.size)]
        self.busy_beam_size = busy_beam_size
        self.wait_s = wait_s
        self._idle: queue.Queue[SttWorker] = queue.Queue()
        for worker in self.workers:
            self._idle.put(worker)
        self._lock = threading.Lock()
        self.waiting = 0  # requests not yet on a worker
        self.backlog: Callable[[], int] | None = None  # requests queued before this pool (the caller's queue)
        self.cheap_decodes = 0

    @property
    def engine(self) -> str:
        return self.workers[0].engine

    def start(self, *, wait: bool = True, timeout_s: float = 300.0) -> bool:
        for worker in self.workers:
            worker.start(wait=False)
        return self.wait_ready(timeout_s) if wait else True

    def wait_ready(self, timeout_s: float = 300.0) -> bool:
        for worker in self.workers:
            worker.wait_ready(timeout_s)
        return True

    def pids(self) -> list[int]:
        return [pid for pid in (w.pid for w in self.workers) if pid is not None]

    def close(self) -> None:
        for worker in self.workers:
            worker.close()

    def _take_worker(self) -> tuple[Any, int]:
        """An idle worker (``SpeechUnavailable`` after ``wait_s``) and how many decodes wait behind this one."""
        with self._lock:
            self.waiting += 1
        try:
            worker = self._idle.get(timeout=self.wait_s)
        except queue.Empty:
            raise SpeechUnavailable(f"speech recognition busy for {self.wait_s:.1f} s") from None
        finally:
            with self._lock:
                self.waiting -= 1
                behind = self.waiting + (self.backlog() if self.backlog else 0)
        return worker, behind

    def transcribe(self, pcm16: bytes, sample_rate: int, *, hints: list[str] | None = None,
                   prompt: str | None = None, n_best: int = 1, **options: Any) -> Transcript:
        worker, behind = self._take_worker()
        try:
            if behind and self.busy_beam_size and "beam_size" not in options:
                options["beam_size"] = self.busy_beam_size
                self.cheap_decodes += 1
            return worker.transcribe(pcm16, sample_rate, hints=hints, prompt=prompt, n_best=n_best, **options)
        finally:
            self._idle.put(worker)

    def transcribe_batch(self, requests: list[dict[str, Any]], *, n_best: int = 1) -> list[Transcript]:
        """Several utterances on one worker, in one batch (``SttWorker.transcribe_batch``): the cheap decode
        (``busy_beam_size``) when more than one, as they were queued behind each other."""
        worker, behind = self._take_worker()
        beam = self.busy_beam_size if (behind or len(requests) > 1) and self.busy_beam_size else None
        if beam:
            self.cheap_decodes += len(requests)
        try:
            return worker.transcribe_batch(requests, beam_size=beam, n_best=n_best)
        finally:
            self._idle.put(worker)

    def __enter__(self) -> "SttPool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
