"""Transcribing voicemail with the installed STT, in its own low-priority process.

The engine's STT worker is kept for live calls (one decode at a time: a minute of voicemail in front of a
caller's utterance would be dead air). The voicemail watcher runs in the console process and starts its own
:class:`~appliance.speech.stt.worker.SttWorker` when a message needs it, lowers that child's CPU priority
(``nice`` 10: live calls win the CPU), and closes it again after a few idle minutes.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path
from typing import Any, Callable

from appliance.errors import ApplianceError

_LOGGER = logging.getLogger(__name__)

IDLE_CLOSE_S = 300.0
NICE = 10
HINTS = ["예약", "치과", "스케일링", "임플란트", "전화 부탁드립니다"]


def decode_limit(audio_seconds: float) -> float:
    """Hard limit for one message: generous (files are long and the child runs at low priority)."""
    return 30.0 + 1.5 * audio_seconds


class VoicemailTranscriber:
    """``transcribe(path) -> text``; thread-safe; raises ``ApplianceError`` when no STT can be had."""

    def __init__(self, config: Any, worker_factory: Callable[[Any], Any] | None = None):
        self.config = config
        self._factory = worker_factory or _default_worker
        self._worker: Any = None
        self._lock = threading.Lock()
        self._last_used = 0.0

    def _ensure(self) -> Any:
        if self._worker is None:
            worker = self._factory(self.config)
            worker.start(wait=True, timeout_s=300.0)
            _lower_priority(worker)
            self._worker = worker
        return self._worker

    def transcribe(self, path: str | Path) -> str:
        from appliance.speech.stt.audio import read_audio

        pcm, rate = read_audio(path)
        seconds = len(pcm) / 2 / rate if rate else 0.0
        with self._lock:
            worker = self._ensure()
            self._last_used = time.monotonic()
            result = worker.transcribe(pcm, rate, hints=HINTS, time_limit_s=decode_limit(seconds))
            self._last_used = time.monotonic()
        return " ".join(str(result.text or "").split())

    def close_if_idle(self, idle_s: float = IDLE_CLOSE_S) -> bool:
        with self._lock:
            if self._worker is not None and time.monotonic() - self._last_used > idle_s:
                self._close()
                return True
        return False

    def close(self) -> None:
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._worker is not None:
            try:
                self._worker.close()
            except Exception:  # noqa: BLE001 - closing must never raise
                _LOGGER.debug("voicemail STT close failed", exc_info=True)
            self._worker = None


def _default_worker(config: Any) -> Any:
    try:
        from appliance.speech.stt.worker import SttWorker
    except ImportError as exc:  # pragma: no cover - speech is part of every install
        raise ApplianceError(f"speech recognition is not installed: {exc}") from None
    return SttWorker(config, name="voicemail-stt", wait_s=600.0, ready_wait_s=300.0)


def _lower_priority(worker: Any) -> None:
    try:
        from appliance.speech.stt.worker import find_worker_pids

        for pid in find_worker_pids(os.getpid()):
            os.setpriority(os.PRIO_PROCESS, pid, NICE)
    except (OSError, ImportError):
        _LOGGER.debug("could not lower the voicemail STT priority", exc_info=True)
