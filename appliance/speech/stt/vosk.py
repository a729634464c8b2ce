"""Vosk (Kaldi) engine: small, streams, accepts a grammar — but measured far worse than Whisper on free-form
8 kHz Korean (bench/stt_results.txt). Use it for constrained answers (``hints`` become a grammar) or as a
fallback when Whisper is unavailable.

Fed at 8 kHz for telephone audio (the model's feature pipeline resamples internally; our measurements and
issue 5's found that better than upsampling first); 16 kHz audio is fed as it is; other rates go to 16 kHz.
Confidence mapped onto Whisper's scale: ``avg_logprob`` = mean log of the per-word confidences,
``no_speech_prob`` = 1.0 when no word was recognised, else 0.0.
"""

from __future__ import annotations

import json
import logging
import math
import time
from pathlib import Path

from appliance.errors import SpeechUnavailable
from appliance.speech.stt.audio import resample_pcm16
from appliance.speech.stt.base import Transcriber, Transcript

_LOGGER = logging.getLogger(__name__)


class VoskTranscriber(Transcriber):
    engine = "vosk"

    def __init__(self, model_dir: str | Path):
        try:
            import vosk
        except ImportError as exc:  # pragma: no cover - vosk is a hard dependency
            raise SpeechUnavailable(f"vosk is not installed: {exc}") from None
        vosk.SetLogLevel(-1)
        started = time.perf_counter()
        try:
            self._model = vosk.Model(str(model_dir))
        except Exception as exc:
            raise SpeechUnavailable(f"cannot load vosk model from {model_dir}: {exc}") from None
        self._vosk = vosk
        _LOGGER.info("vosk loaded in %.2f s", time.perf_counter() - started)

    def recognizer(self, sample_rate: int = 8000, hints: list[str] | None = None):
        """A light per-call streaming recognizer (partials via ``PartialResult()``)."""
        if hints:
            # this model has no [unk] word: a grammar forces one of the hints (check confidence)
            grammar = json.dumps([h.strip() for h in hints if h.strip()], ensure_ascii=False)
            rec = self._vosk.KaldiRecognizer(self._model, sample_rate, grammar)
        else:
            rec = self._vosk.KaldiRecognizer(self._model, sample_rate)
        rec.SetWords(True)
        return rec

    def transcribe(self, pcm16, sample_rate, *, hints=None, prompt=None, **_whisper_only) -> Transcript:
        audio_seconds = len(pcm16) / 2 / sample_rate if sample_rate else 0.0
        started = time.perf_counter()
        if sample_rate not in (8000, 16000):
            pcm16, sample_rate = resample_pcm16(pcm16, sample_rate, 16000), 16000
        try:
            rec = self.recognizer(sample_rate, hints)
            words, texts = [], []
            step = sample_rate // 5 * 2  # 200 ms chunks
            for i in range(0, len(pcm16), step):
                if rec.AcceptWaveform(pcm16[i:i + step]):
                    res = json.loads(rec.Result())
                    words += res.get("result", [])
                    texts.append(res.get("text", ""))
            res = json.loads(rec.FinalResult())
        except Exception as exc:
            raise SpeechUnavailable(f"vosk decode failed: {exc}") from exc
        words += res.get("result", [])
        texts.append(res.get("text", ""))
        words = [w for w in words if w.get("word") != "[unk]"]
        text = " ".join(t for t in texts if t).replace("[unk]", "").strip()
        text = " ".join(text.split())
        if words:
            avg = sum(math.log(max(w.get("conf", 1.0), 1e-6)) for w in words) / len(words)
            nsp = 0.0
        else:
            avg, nsp = 0.0, 1.0
        return Transcript(text, avg, nsp if text else 1.0, audio_seconds, time.perf_counter() - started, self.engine)
