"""The check every take passes before it is kept, with its reasons in Korean for the person who read it.

1. Sound: silent, too quiet, clipped (judged on the file's own samples, before resampling) or too noisy
   (speech level against the noise between words) takes are refused.
2. Shape: leading and trailing silence is trimmed (a short margin kept); too long or too short for the text
   is refused; a list take (fragments) is cut at its pauses into exactly as many words as the list has.
3. Level: every kept piece is loudness-normalised to the pack's one level (``audio.PACK_LEVEL_DBFS``).
4. Words: the trimmed take goes through μ-law and back (as on a call) and is transcribed by the appliance's
   own STT; the character error rate against the expected text (both read as spoken Korean: 15,000 → 만
   오천, spaces and punctuation ignored) must stay under ``CER_LIMIT`` (chosen in bench/voice_pack.txt: real
   read speech of the text passes, another text or mumbling fails). Texts under three syllables are too
   short for the recogniser to judge; the check says so instead of pretending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from appliance.language import speak
from appliance.speech import audio

CER_LIMIT = 0.35
MIN_WORD_CHECK_SYLLABLES = 3
SILENT_DBFS = -55.0
QUIET_DBFS = -40.0
MIN_SNR_DB = 15.0
CLIP_LEVEL = 0.985
CLIP_RATIO = 0.0005
FRAME_MS = 10
MIN_GAP_MS = 120
KEEP_MS_PHRASE = 80.0
KEEP_MS_PART = 15.0

Transcribe = Callable[[bytes], str]  # 8 kHz s16 PCM (already through μ-law) -> text

REASONS = {
    "silent": "소리가 녹음되지 않았습니다. 삐 소리 뒤에 바로 읽어 주세요.",
    "quiet": "소리가 너무 작습니다. 수화기에 입을 조금 더 가까이 대고 읽어 주세요.",
    "clipped": "소리가 너무 커서 찌그러졌습니다. 수화기에서 입을 조금 떼고 읽어 주세요.",
    "noisy": "주변 소음이 너무 큽니다. 조용한 곳에서 다시 읽어 주세요.",
    "too_long": "녹음이 너무 깁니다. 대본의 문장만 읽고 끝나면 우물 정자를 눌러 주세요.",
    "too_short": "녹음이 너무 짧습니다. 대본을 끝까지 읽어 주세요.",
    "parts": "단어가 제대로 나뉘지 않았습니다. 단어 사이에서 한 박자씩 쉬어 읽어 주세요.",
    "words": "읽은 내용이 대본과 다릅니다. 대본의 문장을 그대로 읽어 주세요.",
}


@dataclass
class CheckResult:
    ok: bool
    codes: list[str] = field(default_factory=list)
    seconds: float = 0.0  # after trimming
    level_dbfs: float = -120.0  # active speech level of the take as it came
    snr_db: float = 0.0
    clipped_ratio: float = 0.0
    heard: str = ""
    cer: float | None = None
    note: str = ""
    pieces: list[bytes] = field(default_factory=list)  # the kept audio: one per pack entry of the item

    @property
    def reasons(self) -> list[str]:
        return [REASONS[c] for c in self.codes]

    def message(self) -> str:
        """One line for the person who recorded it (Korean)."""
        if self.ok:
            extra = f" (일치율 {100 * (1 - self.cer):.0f}%)" if self.cer is not None else ""
            return f"통과: {self.seconds:.1f}초{extra}" + (f" · {self.note}" if self.note else "")
        return " ".join(self.reasons)

    def as_dict(self) -> dict:
        return {"ok": self.ok, "codes": self.codes, "reasons": self.reasons, "seconds": round(self.seconds, 2),
                "level_dbfs": round(self.level_dbfs, 1), "snr_db": round(self.snr_db, 1),
                "clipped_ratio": round(self.clipped_ratio, 5), "heard": self.heard,
                "cer": None if self.cer is None else round(self.cer, 3), "note": self.note}


# --- text comparison -------------------------------------------------------------------------------

def spoken_chars(text: str) -> str:
    """The syllables as read (digits spelled out), nothing else: the unit of the error rate."""
    return "".join(re.findall(r"[가-힣]", speak.normalise(text)))


def _edits(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def cer(expected: str, heard: str) -> float:
    """Character error rate of ``heard`` against ``expected`` (1.0 when nothing was heard)."""
    ref, hyp = spoken_chars(expected), spoken_chars(heard)
    if not ref:
        return 0.0 if not hyp else 1.0
    return min(1.0, _edits(ref, hyp) / len(ref))


# --- sound -------------------------------------------------------------------------------------------

def _frame_db(pcm: bytes) -> np.ndarray:
    x = audio.pcm_to_float(pcm).astype(np.float64)
    size = audio.PHONE_RATE * FRAME_MS // 1000
    n = len(x) // size
    if n == 0:
        return np.array([-120.0])
    energy = np.mean(x[: n * size].reshape(n, size) ** 2, axis=1)
    return 10 * np.log10(np.maximum(energy, 1e-12))


def _speech_threshold(db: np.ndarray) -> tuple[float, float]:
    """(noise floor, speech threshold) in dB of the frames."""
    noise = float(np.percentile(db, 10))
    top = float(np.max(db))
    return noise, max(noise + 10.0, top - 35.0)


def clipped_ratio(samples: np.ndarray) -> float:
    """Share of samples at full scale in runs of three or more (a single loud sample is not clipping)."""
    hot = np.abs(samples) >= CLIP_LEVEL
    if not hot.any():
        return 0.0
    runs = hot[:-2] & hot[1:-1] & hot[2:]
    return float(np.count_nonzero(runs)) / max(1, len(samples))


def trim(pcm: bytes, keep_ms: float) -> bytes:
    """Cut leading/trailing non-speech (relative to this take's own noise and peak), keeping ``keep_ms``."""
    db = _frame_db(pcm)
    _, threshold = _speech_threshold(db)
    loud = np.nonzero(db >= threshold)[0]
    if len(loud) == 0:
        return b""
    size = audio.PHONE_RATE * FRAME_MS // 1000
    keep = int(audio.PHONE_RATE * keep_ms / 1000)
    start = max(0, loud[0] * size - keep)
    end = min(len(pcm) // 2, (loud[-1] + 1) * size + keep)
    return pcm[start * 2: end * 2]


def split_parts(pcm: bytes, n: int) -> list[bytes] | None:
    """Cut a list take at its ``n - 1`` longest pauses; None when it has fewer pauses than that."""
    if n <= 1:
        return [pcm]
    db = _frame_db(pcm)
    _, threshold = _speech_threshold(db)
    quiet = db < threshold
    gaps: list[tuple[int, int]] = []  # (length, centre frame)
    i = 0
    while i < len(quiet):
        if quiet[i]:
            j = i
            while j < len(quiet) and quiet[j]:
                j += 1
            if i > 0 and j < len(quiet) and (j - i) * FRAME_MS >= MIN_GAP_MS:
                gaps.append((j - i, (i + j) // 2))
            i = j
        else:
            i += 1
    if len(gaps) < n - 1:
        return None
    cuts = sorted(c for _, c in sorted(gaps, reverse=True)[: n - 1])
    size = audio.PHONE_RATE * FRAME_MS // 1000 * 2
    bounds = [0] + [c * size for c in cuts] + [len(pcm)]
    parts = [trim(pcm[a:b], KEEP_MS_PART) for a, b in zip(bounds, bounds[1:])]
    if any(audio.duration(p) < 0.1 for p in parts):
        return None
    return parts


# --- the check ----------------------------------------------------------------------------------------

def check_take(samples: np.ndarray, rate: int, item, transcribe: Transcribe | None) -> CheckResult:
    """Check one take of a script item (``item.text``, ``item.parts``, ``item.max_seconds``).

    ``samples``/``rate``: the take as decoded (float mono). ``transcribe``: the STT used on calls; None skips
    the word check (the result then says so and is not ok)."""
    result = CheckResult(ok=False)
    result.clipped_ratio = clipped_ratio(samples)
    pcm = audio.float_to_pcm(audio.resample(samples, rate, audio.PHONE_RATE))
    result.level_dbfs = audio.active_level_dbfs(pcm)
    db = _frame_db(pcm)
    noise, threshold = _speech_threshold(db)
    speech_frames = int(np.count_nonzero(db >= threshold))
    if result.level_dbfs < SILENT_DBFS or speech_frames * FRAME_MS < 150:
        result.codes.append("silent")
        return result
    result.snr_db = result.level_dbfs - noise
    if result.clipped_ratio > CLIP_RATIO:
        result.codes.append("clipped")
    if result.level_dbfs < QUIET_DBFS:
        result.codes.append("quiet")
    if result.snr_db < MIN_SNR_DB:
        result.codes.append("noisy")
    trimmed = trim(pcm, KEEP_MS_PHRASE if not item.is_list else KEEP_MS_PART)
    result.seconds = audio.duration(trimmed)
    if result.seconds > item.max_seconds:
        result.codes.append("too_long")
    elif result.seconds < 0.35 * item.reading_seconds:
        result.codes.append("too_short")
    if result.codes:
        return result
    pieces = split_parts(trimmed, len(item.parts)) if item.is_list else [trimmed]
    if pieces is None:
        result.codes.append("parts")
        return result
    result.pieces = [audio.normalise_loudness(p) for p in pieces]
    if len(spoken_chars(item.text)) < MIN_WORD_CHECK_SYLLABLES:
        result.note = "짧은 말이라 내용 확인은 생략"
        result.ok = True
        return result
    if transcribe is None:
        result.note = "내용 확인 불가 (음성 인식이 없음)"
        result.codes.append("words")
        return result
    on_the_line = audio.ulaw_to_pcm(audio.pcm_to_ulaw(audio.normalise_loudness(trimmed)))
    result.heard = transcribe(on_the_line)
    result.cer = cer(item.text, result.heard)
    if result.cer > CER_LIMIT:
        result.codes.append("words")
        return result
    result.ok = True
    return result
