"""Whisper (faster-whisper / CTranslate2, int8 on CPU) for whole utterances cut by our own VAD.

Settings from issue 5 and our measurements: ``compute_type="int8"``, ``cpu_threads=2``, ``language="ko"``,
``beam_size=5``, ``condition_on_previous_text=False``, faster-whisper's own ``vad_filter`` off.

Latency: the encoder normally sees a 30 s window (3000 mel frames) however short the utterance.
CTranslate2 accepts fewer frames, so ``window`` picks the encoder input length:

* ``"full"``  – 3000 frames (30 s), Whisper's training condition: most accurate, slowest;
* ``"<N>"``   – at least N seconds (e.g. ``"10"``), or the utterance + 1 s when longer;
* ``"utt+1"`` – the utterance + 1 s of padding: fastest, most prone to repetition loops.

See ``bench/stt_results.txt`` for the measured trade-off and the chosen default (``DEFAULT_WINDOW``).
Latin-letter tokens are suppressed by default (``hangul_only``): measured to turn "pxb"/"ice cream" on isolated
words back into Hangul. Repetition loops are bounded twice: ``max_new_tokens`` scales with the audio length, and repeated
n-grams left in the text are collapsed (``trim_repetitions``). Temperature fallback is off (temperature 0 only):
measured random and slower on noise. Low-confidence results are for the caller to reject (``avg_logprob``,
``no_speech_prob``); Whisper's own no-speech rule and its known Korean silence hallucinations blank the text.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from appliance.errors import SpeechUnavailable
from appliance.speech.stt.audio import pcm16_to_float, resample_pcm16
from appliance.speech.stt.base import Transcriber, Transcript
from appliance.speech.stt.level import normalise_level

_LOGGER = logging.getLogger(__name__)

SAMPLE_RATE = 16000
FRAMES_PER_SECOND = 100  # mel frames (hop 160 at 16 kHz)
FULL_FRAMES = 3000
DEFAULT_WINDOW = "10"
BATCH_PAD_S = 0.5  # in a batch, a window is padded by at most this much to the longest (else a batch of its own)

# Whisper's well-known Korean hallucinations on silence/noise (subtitle credits from its training data).
_HALLUCINATIONS = (
    "시청해주셔서 감사합니다",
    "시청해 주셔서 감사합니다",
    "구독과 좋아요",
    "mbc 뉴스",
    "kbs 뉴스",
    "sbs 뉴스",
    "자막 제공",
    "다음 영상에서 만나요",
    "이 영상은",  # "이 영상은 유료 광고를 포함하고 있습니다": heard on 2 s of digital silence at no_speech_prob 0.59
)
_LATIN = re.compile(r"[A-Za-z]")
_MIN_RESTART = 5  # characters (spaces excluded); "네 네" or "아니요 아니요" are kept
# a unit of 2–40 characters with no digit (phone numbers like 1111 must survive) repeated 3+ times in a row
_REPEAT = re.compile(r"((?=\S)[^\d]{2,40}?)(?:[\s,.]*\1){2,}", re.DOTALL)


def _drop_restart(text: str) -> str:
    """Whisper on a short window often starts the utterance over: "A B C. A B" → "A B C."."""
    for match in re.finditer(r"(?<=[\s.,!?])\S", text):
        tail = text[match.start():].strip(" .,!?")
        if len(tail.replace(" ", "")) >= _MIN_RESTART and text.startswith(tail) and match.start() >= len(tail) // 2:
            return text[: match.start()].strip()
    return text


def trim_repetitions(text: str, *, utterance: bool = True) -> str:
    """Guard against Whisper's loops: a phrase repeated 3+ times in a row is kept once, and (for one utterance,
    not long recordings) a restart of the utterance (the text starting over after itself) is cut off."""
    previous = None
    while previous != text:
        previous = text
        text = _REPEAT.sub(r"\1", text)
        if utterance:
            text = _drop_restart(text)
    return re.sub(r"\s{2,}", " ", text).strip()


def is_hallucination(text: str) -> bool:
    plain = re.sub(r"[\s.,!?~]", "", text.lower())
    return bool(plain) and any(re.sub(r"\s", "", h) in plain for h in _HALLUCINATIONS) and len(plain) < 30


def window_frames(window: str, content_frames: int) -> int:
    """Encoder input length (mel frames, even) for an utterance of ``content_frames``."""
    window = str(window).strip().lower()
    if window in ("full", "30"):
        return FULL_FRAMES
    if window == "utt+1":
        frames = content_frames + FRAMES_PER_SECOND
    else:
        try:
            seconds = float(window)
        except ValueError:
            raise ValueError(f"whisper window {window!r}: expected full, utt+1 or seconds") from None
        frames = max(int(seconds * FRAMES_PER_SECOND), content_frames + FRAMES_PER_SECOND)
    frames += frames % 2
    return min(frames, FULL_FRAMES)


class WhisperTranscriber(Transcriber):
    engine = "whisper"

    def __init__(
        self,
        model_dir: str | Path,
        *,
        cpu_threads: int = 2,
        beam_size: int = 5,
        language: str = "ko",
        window: str = DEFAULT_WINDOW,
        temperatures: tuple[float, ...] = (0.0,),
        compute_type: str = "int8",
        hangul_only: bool = True,
        level_dbfs: float | None = None,
    ):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a local folder only: never a hub download
        try:
            from faster_whisper import WhisperModel
            from faster_whisper.tokenizer import Tokenizer
        except ImportError as exc:  # pragma: no cover - faster-whisper is a hard dependency
            raise SpeechUnavailable(f"faster-whisper is not installed: {exc}") from None
        started = time.perf_counter()
        try:
            self._model = WhisperModel(
                str(model_dir), device="cpu", compute_type=compute_type, cpu_threads=cpu_threads,
                num_workers=1, local_files_only=True,
            )
        except Exception as exc:  # CTranslate2 raises RuntimeError/ValueError on bad files
            raise SpeechUnavailable(f"cannot load Whisper from {model_dir}: {exc}") from None
        self._tokenizer = Tokenizer(self._model.hf_tokenizer, self._model.model.is_multilingual,
                                    task="transcribe", language=language)
        self.beam_size = beam_size
        self.level_dbfs = level_dbfs  # utterances are brought to this speech level first (None: as they are)
        self.window = window
        window_frames(window, 0)  # validate now, not on the first call
        self.temperatures = tuple(temperatures)
        self._suppress = [-1]
        if hangul_only:
            # Whisper writes isolated Korean words it half-recognises in Latin ("빅스비" → "PXB", "아이스크림" →
            # "ice cream"); a Korean dental line never needs Latin letters, and fuzzy matching needs Hangul.
            decode = self._tokenizer.tokenizer.decode
            self._suppress += [i for i in range(self._tokenizer.eot) if _LATIN.search(decode([i]))]
        self._lock = threading.Lock()
        _LOGGER.info("whisper loaded in %.2f s (window %s)", time.perf_counter() - started, window)

    # -------------------------------------------------------------------------------------------
    def _options(self, max_new_tokens: int | None, hints: list[str] | None, prompt: str | None,
                 beam_size: int | None = None):
        from faster_whisper.transcribe import TranscriptionOptions, get_suppressed_tokens

        return TranscriptionOptions(
            beam_size=beam_size or self.beam_size, best_of=5, patience=1.0, length_penalty=1.0, repetition_penalty=1.0,
            no_repeat_ngram_size=0, log_prob_threshold=-1.0, no_speech_threshold=0.6,
            compression_ratio_threshold=2.4, condition_on_previous_text=False, prompt_reset_on_temperature=0.5,
            temperatures=list(self.temperatures), initial_prompt=prompt, prefix=None, suppress_blank=True,
            suppress_tokens=get_suppressed_tokens(self._tokenizer, self._suppress), without_timestamps=True,
            max_initial_timestamp=1.0, word_timestamps=False, prepend_punctuations="\"'“¿([{-",
            append_punctuations="\"'.。,，!！?？:：”)]}、", multilingual=False, max_new_tokens=max_new_tokens,
            clip_timestamps="0", hallucination_silence_threshold=None,
            hotwords=", ".join(h.strip() for h in hints if h.strip()) if hints else None,
        )

    def _prepare(self, audio: np.ndarray, hints, prompt, window: str, beam_size: int | None = None):
        """One window's encoder input (unpadded), its frame count, the decoder prompt tokens and the options."""
        model = self._model
        features = model.feature_extractor(audio)  # [80, T+1]; never pass chunk_length (it mutates shared state)
        content = features.shape[-1] - 1
        frames = window_frames(window, content)
        segment = features[:, :min(content, frames)]
        options = self._options(int(24 + 16 * content / FRAMES_PER_SECOND), hints, prompt, beam_size)
        previous = self._tokenizer.encode(" " + prompt.strip()) if prompt and prompt.strip() else []
        tokens = model.get_prompt(self._tokenizer, previous, without_timestamps=True, hotwords=options.hotwords)
        return segment, frames, tokens, options

    @staticmethod
    def _padded(segment: np.ndarray, frames: int) -> np.ndarray:
        if segment.shape[-1] < frames:
            segment = np.pad(segment, ((0, 0), (0, frames - segment.shape[-1])))
        return segment

    def _generate(self, encoder_output, prompts: list[list[int]], options, n_best: int, max_new_tokens: int):
        """One beam search (greedy at beam 1) over a batch of encoded windows: CTranslate2's results, in order."""
        return self._model.model.generate(
            encoder_output, prompts, beam_size=options.beam_size, patience=options.patience,
            num_hypotheses=max(1, min(max(n_best, 2), options.beam_size)), length_penalty=options.length_penalty,
            repetition_penalty=options.repetition_penalty, no_repeat_ngram_size=options.no_repeat_ngram_size,
            max_length=max(len(p) for p in prompts) + max_new_tokens, return_scores=True,
            return_no_speech_prob=True, suppress_blank=options.suppress_blank,
            suppress_tokens=options.suppress_tokens, max_initial_timestamp_index=50,
        )

    def _best(self, result) -> tuple[str, float, float, list[tuple[str, float]]]:
        """(text, avg_logprob, no_speech_prob, n-best [(text, avg_logprob)]) of one window's search result."""
        # the beam's own scores (log-probability per token), in its own order: comparable with each other
        hypotheses = [(self._tokenizer.decode(ids).strip(), float(score))
                      for ids, score in zip(result.sequences_ids, result.scores)]
        # a hypothesis that stops inside a character ("나에게 커피\ufffd") loses to the best whole one
        best = next((i for i, (t, _) in enumerate(hypotheses) if "\ufffd" not in t), 0)
        ids = result.sequences_ids[best]
        avg = float(result.scores[best]) * len(ids) / (len(ids) + 1)  # faster-whisper's avg_logprob
        return hypotheses[best][0].replace("\ufffd", "").strip(), avg, float(result.no_speech_prob), hypotheses

    def _decode_window(self, audio: np.ndarray, hints, prompt, window: str, beam_size: int | None = None,
                       n_best: int = 1):
        """One window: (text, avg_logprob, no_speech_prob, n-best [(text, avg_logprob)], best first)."""
        segment, frames, tokens, options = self._prepare(audio, hints, prompt, window, beam_size)
        encoder_output = self._model.encode(self._padded(segment, frames))
        if self.temperatures != (0.0,):
            result, avg_logprob, _temperature, _ratio = self._model.generate_with_fallback(
                encoder_output, tokens, self._tokenizer, options)
            text = self._tokenizer.decode(result.sequences_ids[0]).strip()
            return text, float(avg_logprob), float(result.no_speech_prob), [(text, float(avg_logprob))]
        # temperature 0 only (the default): one beam search that may return several hypotheses
        return self._best(self._generate(encoder_output, [tokens], options, n_best, options.max_new_tokens or 0)[0])

    def decode_windows(self, windows: list[tuple[np.ndarray, list[str] | None, str | None, str]],
                       beam_size: int | None = None, n_best: int = 1) -> list[tuple[str, float, float, list]]:
        """Several windows ``(audio, hints, prompt, window)`` (each under 30 s) in one batch: one encoder pass and
        one search over all of them, each padded to the longest window (as one window is padded to its length).
        On one CPU thread a batch of five 3.5 s tails took ~0.5-0.7 s against ~1.1-1.6 s one by one
        (bench/voice_probe.txt): the small decoder's per-token overhead is shared. Same prompt tokens only."""
        prepared = [self._prepare(audio, hints, prompt, window, beam_size) for audio, hints, prompt, window in windows]
        if len({tuple(tokens) for _, _, tokens, _ in prepared}) > 1 or self.temperatures != (0.0,):
            raise ValueError("a batch needs the same prompt and temperature 0")
        frames = max(frames for _, frames, _, _ in prepared)
        batch = np.stack([self._padded(segment, frames) for segment, _, _, _ in prepared])
        options = prepared[0][3]
        budget = max(options.max_new_tokens or 0 for _, _, _, options in prepared)
        results = self._generate(self._model.encode(batch), [tokens for _, _, tokens, _ in prepared], options,
                                 n_best, budget)
        return [self._best(result) for result in results]

    def _decode_long(self, audio: np.ndarray, hints, prompt):
        """Over 30 s (files, voicemail): faster-whisper's own sliding windows, same settings."""
        segments, _info = self._model.transcribe(
            audio, language="ko", beam_size=self.beam_size, condition_on_previous_text=False, vad_filter=False,
            temperature=list(self.temperatures), initial_prompt=prompt,
            hotwords=", ".join(hints) if hints else None, without_timestamps=False,
            suppress_tokens=self._suppress,
        )
        segments = list(segments)
        if not segments:
            return "", 0.0, 1.0
        weights = np.array([max(s.end - s.start, 0.01) for s in segments])
        text = " ".join(s.text.strip() for s in segments)
        avg = float(np.average([s.avg_logprob for s in segments], weights=weights))
        nsp = float(np.average([s.no_speech_prob for s in segments], weights=weights))
        return text, avg, nsp

    def transcribe(self, pcm16, sample_rate, *, hints=None, prompt=None, window: str | None = None,
                   beam_size: int | None = None, n_best: int = 1) -> Transcript:
        """``beam_size`` overrides the setting for this decode (1: greedy, the cheap decode for a long queue);
        ``n_best`` > 1 also returns that many beam hypotheses in ``alternatives`` (utterances under 30 s)."""
        audio_seconds = len(pcm16) / 2 / sample_rate if sample_rate else 0.0
        started = time.perf_counter()
        if len(pcm16) < 2 * sample_rate // 10:  # < 100 ms: nothing to decode
            return Transcript("", 0.0, 1.0, audio_seconds, 0.0, self.engine)
        audio = self._audio(pcm16, sample_rate)
        alternatives: list[tuple[str, float]] = []
        with self._lock:
            try:
                long = len(audio) > 30 * SAMPLE_RATE
                if long:
                    text, avg, nsp = self._decode_long(audio, hints, prompt)
                else:
                    text, avg, nsp, alternatives = self._decode_window(audio, hints, prompt, window or self.window,
                                                                       beam_size, n_best)
            except Exception as exc:  # a CTranslate2 failure must become a fallback, not a crash
                raise SpeechUnavailable(f"whisper decode failed: {exc}") from exc
        return self._transcript(text, avg, nsp, alternatives, long=long, n_best=n_best,
                                audio_seconds=audio_seconds, seconds=time.perf_counter() - started)

    def transcribe_batch(self, requests: list[dict[str, Any]], *, beam_size: int | None = None,
                         n_best: int = 1) -> list[Transcript]:
        """Several utterances at once (``requests``: ``pcm16``, ``sample_rate``, ``hints``, ``prompt``, ``window``):
        those that share a decoder prompt, each under 30 s, in one batch (``decode_windows``); others one by one."""
        results: list[Transcript | None] = [None] * len(requests)
        groups: dict[tuple, list[tuple[int, np.ndarray]]] = {}
        started = time.perf_counter()
        for i, req in enumerate(requests):
            pcm16, rate = req["pcm16"], req["sample_rate"]
            audio = self._audio(pcm16, rate) if len(pcm16) >= 2 * rate // 10 else None
            if audio is None or len(audio) > 30 * SAMPLE_RATE or self.temperatures != (0.0,):
                results[i] = self.transcribe(pcm16, rate, hints=req.get("hints"), prompt=req.get("prompt"),
                                             window=req.get("window"), beam_size=beam_size, n_best=n_best)
                continue
            key = (tuple(req.get("hints") or ()), req.get("prompt") or "")
            groups.setdefault(key, []).append((i, audio))
        for (hints, prompt), group in groups.items():
            for members in self._similar_lengths(group, [requests[i].get("window") or self.window for i, _ in group]):
                self._decode_members(requests, results, members, list(hints) or None, prompt or None, beam_size,
                                     n_best, started)
        return [r for r in results if r is not None]

    @staticmethod
    def _similar_lengths(members: list[tuple[int, np.ndarray]], windows: list[str]) -> list[list]:
        """Split a batch so that no window is padded by more than ``BATCH_PAD_S`` to the longest (a short tail padded
        with much silence may get a syllable invented at its end)."""
        frames = [window_frames(w, int(len(a) / SAMPLE_RATE * FRAMES_PER_SECOND)) for (_, a), w in zip(members, windows)]
        order = sorted(range(len(members)), key=lambda k: frames[k])
        chunks: list[list] = []
        for k in order:
            if chunks and frames[k] - frames[chunks[-1][0][2]] <= BATCH_PAD_S * FRAMES_PER_SECOND:
                chunks[-1].append((*members[k], k))
            else:
                chunks.append([(*members[k], k)])
        return [[(i, audio, windows[k]) for i, audio, k in chunk] for chunk in chunks]

    def _decode_members(self, requests, results, members, hints, prompt, beam_size, n_best, started) -> None:
        windows = [(audio, hints, prompt, window) for _, audio, window in members]
        with self._lock:
            try:
                decoded = self.decode_windows(windows, beam_size, n_best)
            except Exception as exc:  # a CTranslate2 failure must become a fallback, not a crash
                raise SpeechUnavailable(f"whisper decode failed: {exc}") from exc
        seconds = time.perf_counter() - started
        for (i, _audio, _window), (text, avg, nsp, alternatives) in zip(members, decoded):
            pcm16, rate = requests[i]["pcm16"], requests[i]["sample_rate"]
            results[i] = self._transcript(text, avg, nsp, alternatives, long=False, n_best=n_best,
                                          audio_seconds=len(pcm16) / 2 / rate, seconds=seconds)

    def _audio(self, pcm16: bytes, sample_rate: int) -> np.ndarray:
        """What the model hears: the utterance at the speech level (``level_dbfs``), 16 kHz float."""
        if self.level_dbfs is not None and len(pcm16) <= 30 * 2 * sample_rate:
            pcm16 = normalise_level(pcm16, sample_rate, target_dbfs=self.level_dbfs)
        return pcm16_to_float(resample_pcm16(pcm16, sample_rate, SAMPLE_RATE))

    def _transcript(self, text: str, avg: float, nsp: float, alternatives: list[tuple[str, float]], *, long: bool,
                    n_best: int, audio_seconds: float, seconds: float) -> Transcript:
        text = trim_repetitions(text, utterance=not long)
        if (nsp > 0.6 and avg < -1.0) or is_hallucination(text):
            text = ""
        alternatives = [(trim_repetitions(t), a) for t, a in alternatives  # no broken characters, no credits
                        if "\ufffd" not in t and not is_hallucination(t)] if text else []
        return Transcript(text, avg, nsp, audio_seconds, seconds, self.engine,
                          alternatives=alternatives if n_best > 1 else [])
