"""Speech-to-text engines behind one interface (``Transcriber``).

Load once per process, then transcribe utterances::

    from appliance.speech.stt import load_transcriber
    stt = load_transcriber(config)                     # whisper by default (setting stt_engine)
    result = stt.transcribe(pcm16, 8000, hints=["네", "아니요"])
    result.text, result.avg_logprob, result.no_speech_prob
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from appliance.speech.stt.base import Transcriber, Transcript

if TYPE_CHECKING:
    from appliance.settings import Config

__all__ = ["Transcriber", "Transcript", "load_transcriber", "ENGINES"]

ENGINES = ("whisper", "vosk")
# engine → model name in models/manifest.toml (override with the stt_whisper_model / stt_vosk_model settings)
DEFAULT_MODELS = {"whisper": "whisper-base", "vosk": "vosk-ko-small"}


def load_transcriber(config: Config, engine: str | None = None) -> Transcriber:
    """Build the configured engine with its installed model (``ModelMissing`` tells how to install it)."""
    from appliance.errors import ConfigError
    from appliance.speech.models import model_path

    engine = (engine or config.stt_engine or "whisper").strip().lower()
    if engine not in ENGINES:
        raise ConfigError(f"stt_engine {engine!r}: expected one of {', '.join(ENGINES)}")
    name = (config.stt_whisper_model if engine == "whisper" else config.stt_vosk_model) or DEFAULT_MODELS[engine]
    folder = model_path(config, name)
    if engine == "whisper":
        from appliance.speech.stt.whisper import DEFAULT_WINDOW, WhisperTranscriber

        return WhisperTranscriber(
            folder,
            cpu_threads=config.stt_threads or 2,
            beam_size=config.stt_beam_size or 5,
            window=config.stt_whisper_window or DEFAULT_WINDOW,
            level_dbfs=config.stt_level_dbfs or None,
        )
    from appliance.speech.stt.vosk import VoskTranscriber

    return VoskTranscriber(folder)
