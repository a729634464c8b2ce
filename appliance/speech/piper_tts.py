"""piper-tts as its own process (piper is GPL: it is run, never imported into the appliance's process).

One long-lived ``python -m piper --model VOICE --output-dir DIR`` worker per voice keeps the model loaded; each
sentence is one line on its stdin, piper writes one WAV per line and logs ``Wrote <path>`` on stderr, which is
how the end of each sentence is known (so audio streams sentence by sentence). The WAV (22.05 kHz for most
voices) is resampled to 8 kHz once, in this process, with the soxr VHQ resampler, and cached on disk by
(voice, text), so fixed sentences are rendered once (:meth:`PiperTTS.prerender`) and never again.

Voices: models installed with ``dentalcall models install PATH`` (kind ``tts``, engine ``piper``) or any
``*.onnx`` + ``*.onnx.json`` under ``models_dir/voices/``. Only a voice whose language is Korean is chosen for
the call path automatically; any voice can be given explicitly (tests exercise the path with an English one).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from appliance.errors import ApplianceError
from appliance.speech import audio

if TYPE_CHECKING:
    from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)

START_TIMEOUT = 60.0  # loading an onnx voice on a busy 2-core box
SENTENCE_TIMEOUT = 10.0  # a live call falls back (NoVoice → staff/voicemail) rather than wait longer


class PiperError(ApplianceError):
    """piper is not installed, the voice cannot be loaded, or the worker died."""


@dataclass(frozen=True)
class PiperVoiceFile:
    model: Path
    config: Path
    sample_rate: int
    language: str  # "ko_KR", "en_US" …
    name: str

    @property
    def is_korean(self) -> bool:
        return self.language.lower().startswith("ko")

    @classmethod
    def from_model(cls, model: Path, name: str | None = None) -> "PiperVoiceFile":
        model = Path(model)
        cfg = model.with_name(model.name + ".json")
        if not cfg.is_file():
            alt = model.with_suffix(".json")
            if not alt.is_file():
                raise PiperError(f"{model}: a piper voice needs its {cfg.name} beside it")
            cfg = alt
        try:
            data = json.loads(cfg.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise PiperError(f"{cfg}: not valid JSON ({exc})") from None
        lang = (data.get("language") or {}).get("code") or (data.get("espeak") or {}).get("voice") or ""
        rate = int((data.get("audio") or {}).get("sample_rate") or 22050)
        return cls(model, cfg, rate, str(lang), name or model.stem)

    def identity(self) -> str:
        """Changes when the voice file changes (cache key)."""
        st = self.model.stat()
        return hashlib.sha256(f"{self.model.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]


def find_voices(config) -> list[PiperVoiceFile]:
    """Installed piper voices: models of kind tts/piper, then ``models_dir/voices/*.onnx``."""
    found: list[PiperVoiceFile] = []
    seen: set[Path] = set()
    try:
        from appliance.speech import models as store

        for name, record in store.installed(config).items():
            if record.get("kind") == "tts" and record.get("engine", "piper") == "piper":
                folder = store.model_path(config, name)
                for onnx in sorted(folder.glob("*.onnx")):
                    try:
                        found.append(PiperVoiceFile.from_model(onnx, name=name))
                        seen.add(onnx.resolve())
                    except PiperError as exc:
                        _LOGGER.warning("skipping voice %s: %s", name, exc)
    except ImportError:  # pragma: no cover - model store not installed
        pass
    except ApplianceError as exc:
        _LOGGER.warning("model store unreadable: %s", exc)
    voices_dir = Path(config.models_dir) / "voices"
    if voices_dir.is_dir():
        for onnx in sorted(voices_dir.rglob("*.onnx")):
            if onnx.resolve() in seen:
                continue
            try:
                found.append(PiperVoiceFile.from_model(onnx))
            except PiperError as exc:
                _LOGGER.warning("skipping voice %s: %s", onnx.name, exc)
    return found


def korean_voice(config: Config) -> PiperVoiceFile | None:
    """The voice the call path uses: setting ``tts_voice`` (a model name) if present, else the first Korean one."""
    voices = find_voices(config)
    wanted = config.tts_voice
    if wanted:
        for v in voices:
            if v.name == wanted or v.model.stem == wanted:
                return v
        _LOGGER.warning("tts_voice %r is not installed", wanted)
    return next((v for v in voices if v.is_korean), None)


def piper_command() -> list[str]:
    """How to run piper: ``python -m piper`` in this venv when the package is installed, else a ``piper`` on PATH.

    ``importlib.util.find_spec`` locates the package without importing (running) any of it."""
    override = os.environ.get("DENTALCALL_PIPER")
    if override:
        return override.split()
    if importlib.util.find_spec("piper") is not None:
        return [sys.executable, "-m", "piper"]
    exe = shutil.which("piper")
    if exe:
        return [exe]
    raise PiperError("piper-tts is not installed: pip install 'dentalcall[piper]' (piper-tts) into the venv")


def available() -> bool:
    try:
        piper_command()
        return True
    except PiperError:
        return False


class PiperProcess:
    """A long-lived piper worker for one voice. Thread-safe; one sentence at a time."""

    def __init__(self, voice: PiperVoiceFile, length_scale: float | None = None):
        self.voice = voice
        self.length_scale = length_scale
        self._proc: subprocess.Popen | None = None
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._outdir: str | None = None
        self._lock = threading.Lock()
        self._fresh = False

    def start(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        self._outdir = tempfile.mkdtemp(prefix="dentalcall-piper-")
        cmd = piper_command() + ["--model", str(self.voice.model), "--config", str(self.voice.config),
                                 "--output-dir", self._outdir]
        if self.length_scale:
            cmd += ["--length-scale", str(self.length_scale)]
        env = dict(os.environ, PYTHONUNBUFFERED="1", OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "1"),
                   OMP_WAIT_POLICY="PASSIVE")
        self._fresh = True
        self._proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                      env=env, text=True, encoding="utf-8", bufsize=1)
        self._lines = queue.Queue()
        threading.Thread(target=self._pump, args=(self._proc, self._lines), daemon=True,
                         name="piper-stderr").start()

    @staticmethod
    def _pump(proc: subprocess.Popen, lines: queue.Queue) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    def synthesize(self, sentence: str, timeout: float = SENTENCE_TIMEOUT) -> tuple[bytes, int]:
        """One sentence → (s16 mono PCM at the voice's rate, rate)."""
        line = " ".join(sentence.split())
        if not line:
            return b"", self.voice.sample_rate
        with self._lock:
            self.start()
            assert self._proc is not None and self._proc.stdin is not None
            try:
                self._proc.stdin.write(line + "\n")
                self._proc.stdin.flush()
            except (BrokenPipeError, OSError):
                self._fail("piper worker exited")
            deadline = time.monotonic() + timeout + (START_TIMEOUT if self._fresh else 0)
            tail: list[str] = []
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._fail(f"piper gave no audio within {timeout:.0f} s")
                try:
                    msg = self._lines.get(timeout=remaining)
                except queue.Empty:
                    continue
                if msg is None:
                    self._fail("piper worker exited: " + " | ".join(tail[-3:]))
                tail.append(msg)
                marker = msg.find("Wrote ")
                if marker >= 0:
                    path = Path(msg[marker + len("Wrote "):].strip())
                    break
            self._fresh = False
            try:
                samples, rate = audio.read_wav(path)
            finally:
                path.unlink(missing_ok=True)
        return audio.float_to_pcm(samples), rate

    def _fail(self, message: str) -> None:
        self.close()
        raise PiperError(message)

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            try:
                if proc.stdin:
                    proc.stdin.close()
                proc.wait(timeout=5)
            except (subprocess.TimeoutExpired, OSError):
                proc.kill()
                proc.wait()
        if self._outdir:
            shutil.rmtree(self._outdir, ignore_errors=True)
            self._outdir = None

    def __del__(self):  # pragma: no cover - best effort
        try:
            self.close()
        except Exception:
            pass


class PiperTTS:
    """Sentence-level piper synthesis at 8 kHz with an on-disk cache."""

    def __init__(self, voice: PiperVoiceFile, cache_dir: Path | None = None, length_scale: float | None = None):
        self.voice = voice
        self.process = PiperProcess(voice, length_scale)
        self.cache_dir = Path(cache_dir) / voice.identity() if cache_dir else None
        self.stats = {"rendered": 0, "cached": 0, "seconds": 0.0}

    @classmethod
    def for_config(cls, config, voice: PiperVoiceFile | None = None) -> "PiperTTS | None":
        voice = voice or korean_voice(config)
        if voice is None or not available():
            return None
        return cls(voice, cache_dir=Path(config.data_dir) / "tts-cache")

    def _cache_path(self, sentence: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:24] + ".wav")

    def sentence(self, sentence: str, store: bool = True) -> bytes:
        """One sentence → 8 kHz s16 mono PCM, from the disk cache when there.

        ``store=False`` for free text (names, LLM answers): it is rendered but never written to disk, so no
        patient's name or health detail is left behind as audio."""
        sentence = " ".join(sentence.split())
        if not any(c.isalnum() for c in sentence):
            return b""  # piper writes no audio for bare punctuation and its worker dies on the empty WAV
        cached = self._cache_path(sentence)
        if cached is not None and cached.is_file():
            self.stats["cached"] += 1
            samples, _ = audio.read_wav(cached)
            return audio.float_to_pcm(samples)
        t0 = time.monotonic()
        pcm, rate = self.process.synthesize(sentence)
        pcm = audio.resample_pcm(pcm, rate, audio.PHONE_RATE)
        self.stats["rendered"] += 1
        self.stats["seconds"] += time.monotonic() - t0
        if cached is not None and pcm and store:
            audio.write_wav(cached, pcm)
        return pcm

    def stream(self, text: str, store: bool = True) -> Iterator[bytes]:
        from appliance.speech.voice import split_sentences

        for s in split_sentences(text):
            yield self.sentence(s, store)

    def render(self, text: str, gap_ms: int = 250) -> bytes:
        return audio.silence(gap_ms).join(self.stream(text))

    def prerender(self, texts) -> int:
        """Render fixed sentences into the cache ahead of any call; returns how many were new."""
        before = self.stats["rendered"]
        for text in texts:
            for _ in self.stream(text):
                pass
        return self.stats["rendered"] - before

    def close(self) -> None:
        self.process.close()
