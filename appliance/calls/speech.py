"""The speech runtime of the engine: the voice (Say → 8 kHz audio) and the ears (STT, endpointers).

Loaded once at engine start; per call only an endpointer is made. STT runs in supervised worker processes
(``SttPool`` of ``stt_workers`` × ``SttWorker``): concurrent calls decode side by side; a crashed or hung decode
fails that request fast (the call falls back to staff/voicemail) and its worker is restarted in the background.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any, Callable, Protocol

from appliance.calls.segments import TAIL_WINDOW
from appliance.conversation.actions import Say
from appliance.settings import Config

if TYPE_CHECKING:
    from appliance.speech.stt.pool import SttPool
    from appliance.speech.voice import Voice

_LOGGER = logging.getLogger(__name__)


class Speech(Protocol):
    """What the call pipeline needs from speech (tests give a fake with the same methods). Optional:
    ``transcribe_batch(items)`` (``SpeechRuntime``): several ``transcribe`` argument tuples decoded in one batch."""

    def load(self) -> None: ...

    def speak(self, action: Say) -> bytes: ...

    def ack(self) -> bytes | None:
        """The short acknowledgement ("네,") played while a slow decode runs; None: none."""
        ...

    def transcribe(self, pcm: bytes, hints: list[str], window: str | None = None) -> Any:
        """``window``: this decode's Whisper encoder window (None: the setting)."""
        ...

    def new_endpointer(self) -> Any: ...

    def can_say(self, text: str) -> bool:
        """Can the voice say ``text`` (e.g. a patient's name) in the clinic's voice?"""
        ...

    def close(self) -> None: ...


CLINIC_TREATMENTS = "스케일링, 임플란트, 충치 치료, 신경 치료, 사랑니 발치, 교정, 미백, 잇몸 치료, 크라운, 틀니"


def clinic_prompt(config: Config) -> str:
    """The clinic's vocabulary as Whisper's prompt: its name, its doctors, the treatments callers name."""
    doctors = [d.strip() for d in str(config.clinic_doctors or "").split(",") if d.strip()]
    lines = [f"{config.clinic_name} 예약 문의입니다."]
    if doctors:
        lines.append(" ".join(f"{d} 원장님" for d in doctors) + ".")
    lines.append(CLINIC_TREATMENTS + ".")
    return " ".join(lines)


class SpeechRuntime:
    def __init__(self, config: Config):
        self.config = config
        self.prompt = clinic_prompt(config) if config.stt_clinic_prompt else None
        self.transcriber: SttPool | None = None
        self.voice: Voice | None = None
        self._backlog: Callable[[], int] | None = None

    def set_stt_backlog(self, backlog: Callable[[], int]) -> None:
        """How many decodes wait for a worker (the call pipeline's queue): more than none asks for the cheap one."""
        self._backlog = backlog
        if self.transcriber is not None:
            self.transcriber.backlog = backlog

    def load(self) -> None:
        from appliance.phrasebook import load_voice
        from appliance.speech.stt.pool import SttPool

        t0 = time.monotonic()
        self.transcriber = SttPool(self.config, workers=self.config.stt_workers, threads=self.config.stt_threads,
                                   busy_beam_size=self.config.stt_busy_beam_size or None)
        self.transcriber.backlog = self._backlog
        self.transcriber.start(wait=False)  # loads (and warms up) in their own processes meanwhile
        self.voice = load_voice(self.config)  # the pack over every sentence a caller can hear
        self.voice.warm()  # recordings into memory, piper started, fixed phrases pre-rendered
        self.transcriber.wait_ready()
        _LOGGER.info("speech loaded in %.1f s", time.monotonic() - t0)

    def _voice(self) -> Voice:
        if self.voice is None:
            raise RuntimeError("speech runtime not loaded")
        return self.voice

    def speak(self, action: Say) -> bytes:
        return self._voice().render(action.key if action.key else (action.text or ""))

    def ack(self) -> bytes | None:
        return self._voice().render("ack")

    def prompt_for(self, window: str | None) -> str | None:
        """The clinic prompt for a decode in this encoder ``window``: none for a piece's tail, which starts mid-sentence
        (Whisper says a prompt's words there as the caller's, as it does the hotwords: ``segments.hints_for``)."""
        return None if window == TAIL_WINDOW else self.prompt

    def transcribe(self, pcm: bytes, hints: list[str], window: str | None = None) -> Any:
        if self.transcriber is None:
            raise RuntimeError("speech runtime not loaded")
        options = {"window": window} if window else {}
        return self.transcriber.transcribe(pcm, 8000, hints=hints or None, prompt=self.prompt_for(window),
                                           n_best=max(1, self.config.stt_n_best), **options)

    def transcribe_batch(self, items: list[tuple]) -> list[Any]:
        """Several ``transcribe`` argument tuples ``(pcm, hints[, window])`` decoded together (``SttPool``)."""
        if self.transcriber is None:
            raise RuntimeError("speech runtime not loaded")
        requests = [{"pcm16": item[0], "sample_rate": 8000, "hints": item[1] or None,
                     "window": item[2] if len(item) > 2 else None,
                     "prompt": self.prompt_for(item[2] if len(item) > 2 else None)} for item in items]
        results: list[Any] = self.transcriber.transcribe_batch(requests, n_best=max(1, self.config.stt_n_best))
        return results

    def new_endpointer(self) -> Any:
        from appliance.speech.endpointer import Endpointer

        return Endpointer.from_config(self.config)

    def can_say(self, text: str) -> bool:
        """Can the voice say ``text`` (a name, say) in the clinic's voice? False before loading or on error."""
        try:
            return self.voice is not None and bool(self.voice.can_say(text))
        except Exception:
            return False

    def close(self) -> None:
        if self.transcriber is not None:
            self.transcriber.close()
