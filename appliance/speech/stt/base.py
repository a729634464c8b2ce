"""The one STT interface every engine implements."""

from __future__ import annotations

import abc
import dataclasses


@dataclasses.dataclass
class Transcript:
    """One decoded utterance.

    ``avg_logprob`` is the decoder's mean token log-probability (≈ -0.2 confident, < -1.0 doubtful);
    ``no_speech_prob`` the model's belief there was no speech at all. Engines without these numbers map their
    own confidence onto the same scale (see each engine).
    """

    text: str
    avg_logprob: float
    no_speech_prob: float
    audio_seconds: float
    decode_seconds: float
    engine: str
    alternatives: list[tuple[str, float]] = dataclasses.field(default_factory=list)
    """n-best hypotheses ``(text, avg_logprob)``, best first, when asked for (whisper ``n_best``); else empty."""

    def as_dict(self) -> dict:
        d = dataclasses.asdict(self)
        for key in ("avg_logprob", "no_speech_prob", "audio_seconds", "decode_seconds"):
            d[key] = round(float(d[key]), 4)
        if not d["alternatives"]:
            del d["alternatives"]
        return d


class Transcriber(abc.ABC):
    """Loaded once (weights are heavy), then ``transcribe`` is called per utterance.

    Implementations are safe to call from one thread at a time; the call engine serialises decodes
    through one worker so two calls never fight over the 2 cores.
    """

    engine: str = ""

    @abc.abstractmethod
    def transcribe(
        self,
        pcm16: bytes,
        sample_rate: int,
        *,
        hints: list[str] | None = None,
        prompt: str | None = None,
    ) -> Transcript:
        """Decode one utterance of mono signed 16-bit little-endian PCM at ``sample_rate``.

        ``hints``: expected words/phrases for this question (whisper: hotwords; vosk: a grammar).
        ``prompt``: free initial prompt (whisper only; vosk ignores it).
        """

    def close(self) -> None:  # pragma: no cover - engines override when they hold resources
        """Release the model."""
