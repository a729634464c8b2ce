"""What the ``*77`` session says to staff (never to patients): instructions, item numbers, check results.

These sentences are not in the recording script (a patient never hears them), so they come from the best
voice that is installed for free text: a Korean neural voice when there is one, else espeak-ng. Item numbers
are read from the clinic's recorded digits as soon as those are recorded (they are the first thing staff
hear clearly), else by the same fallback. Each sentence is rendered once into ``prompts_dir/.staff/`` (0640,
readable by Asterisk) and played with STREAM FILE. A kept take is announced with a rising chime and a refused
one with a low tone before the words, so staff know the verdict whatever voice reads the reason (the reasons
are also listed by ``dentalcall prompts list --missing``).
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any

import numpy as np

from appliance.language import speak
from appliance.speech import audio

_LOGGER = logging.getLogger(__name__)

STAFF_DIR = ".staff"
_VERSION = "1"

ASK_PIN = "녹음 비밀번호를 누르고 우물 정자를 눌러 주세요."
WRONG_PIN = "비밀번호가 맞지 않습니다."
NO_PIN = "녹음 비밀번호가 아직 정해지지 않았습니다. 설치 담당자에게 문의해 주세요."
ALL_DONE = "모든 문장이 녹음되어 있습니다. 감사합니다."
ASK_START = "시작할 번호를 누르고 우물 정자를 눌러 주세요. 이어서 하시려면 우물 정자만 누르세요."
NOT_AN_ITEM = "없는 번호입니다."
MENU = "저장은 1번, 다시 녹음은 2번, 건너뛰기는 3번, 그만하시려면 우물 정자를 눌러 주세요."
RETRY_MENU = "다시 녹음은 2번, 건너뛰기는 3번, 그만하시려면 우물 정자를 눌러 주세요."
SAVED = "저장했습니다."
CHECKING = "확인하고 있습니다."
BYE = "녹음을 마칩니다. 다음에 별표 칠칠로 이어서 하실 수 있습니다."


def _tones(*parts: tuple[float, float]) -> bytes:
    """Sine tones (Hz, seconds) at a comfortable level, 20 ms gaps between them."""
    out = []
    for freq, seconds in parts:
        t = np.arange(int(audio.PHONE_RATE * seconds)) / audio.PHONE_RATE
        out.append(audio.fade(audio.float_to_pcm(0.25 * np.sin(2 * np.pi * freq * t)), 10.0))
    return audio.silence(20).join(out) + audio.silence(150)


CUES = {"ok": _tones((660.0, 0.12), (880.0, 0.12), (1320.0, 0.18)),  # rising chime: kept
        "error": _tones((330.0, 0.25), (247.0, 0.35))}  # low falling tone: refused


def remaining(n: int) -> str:
    return f"남은 녹음은 {speak.sino(n)} 개입니다." if n else "이제 남은 녹음이 없습니다."


def item_number(n: int) -> str:
    return f"{speak.sino(n)} 번."


class StaffVoice:
    """Renders staff sentences to WAV files Asterisk can play. ``voice``: the engine's Voice (optional)."""

    def __init__(self, config: Any, voice: Any = None):
        self.config = config
        self.voice = voice
        self.folder = Path(config.prompts_dir) / STAFF_DIR

    def _render(self, text: str) -> bytes:
        piper = getattr(self.voice, "piper", None) if self.voice is not None else None
        if piper is not None:
            try:
                return audio.normalise_loudness(piper.sentence(speak.normalise(text), store=False))
            except Exception:  # the neural voice failed: espeak still tells staff what to do
                _LOGGER.warning("neural voice failed for a staff prompt; using espeak-ng", exc_info=True)
        from appliance.speech.placeholder import espeak_pcm

        return audio.trim_silence(espeak_pcm(speak.normalise(text), speed=150), keep_ms=60.0)

    def _number_pcm(self, n: int) -> bytes | None:
        """The item number from the clinic's recorded digits (None until they are recorded)."""
        if self.voice is None:
            return None
        spoken = item_number(n).rstrip(".")
        fragments = self.voice.fragments
        if not all(self.voice.pack.is_recorded(p.key) for p in (fragments.plan(spoken.replace(" 번", "")) or [])):
            return None
        return fragments.speak(spoken.replace(" 번", ""))

    def path(self, text: str, cue: str = "") -> str:
        """STREAM FILE path (no extension) of ``text`` (after the ``cue`` tone: ok | error), rendered once."""
        digest = hashlib.sha256(f"{_VERSION}|{cue}|{text}".encode("utf-8")).hexdigest()[:20]
        target = self.folder / f"{digest}.wav"
        if not target.is_file():
            self._write(target, CUES.get(cue, b"") + self._render(text))
        return str(target.with_suffix(""))

    def number_path(self, n: int) -> str:
        pcm = self._number_pcm(n)
        if pcm is None:
            return self.path(item_number(n))
        target = self.folder / f"number-{n}-{hashlib.sha256(pcm).hexdigest()[:12]}.wav"
        if not target.is_file():
            self._write(target, pcm + audio.silence(150))
        return str(target.with_suffix(""))

    def _write(self, target: Path, pcm: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o2770)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(audio.wav_bytes(pcm))
        os.chmod(tmp, 0o640)
        tmp.replace(target)

    def pcm(self, text: str, cue: str = "") -> bytes:
        """The audio of a staff sentence (tests compare it with what the staff phone heard)."""
        samples, _ = audio.read_wav(self.path(text, cue) + ".wav")
        return audio.float_to_pcm(samples)
