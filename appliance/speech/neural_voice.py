"""Verifying a neural voice an installer brings on installation media (never downloaded, never the default).

Two formats are recognised:

* **Piper** (``voice.onnx`` + ``voice.onnx.json``): the config must be a Piper voice config (audio sample
  rate, phoneme map, language) and the ONNX file must load in onnxruntime with Piper's inputs (``input``,
  ``input_lengths``, ``scales``). The call path runs it through ``appliance.speech.piper_tts``; only a Korean
  one (language ``ko…``) is used for callers.
* **Supertonic** (a folder with ``onnx/{text_encoder,duration_predictor,vector_estimator,vocoder}.onnx``,
  ``onnx/tts.json``, ``onnx/unicode_indexer.json`` and ``voice_styles/*.json``): structure and that every ONNX
  file loads. Its runtime (the MIT ``supertonic`` package) is not wired into the call path yet: the voice is
  installed and verified, and ``doctor``/``prompts status`` say it is not used.

Every voice needs its licence stated (a ``licence`` in its manifest fragment, a LICENSE/MODEL_CARD/README file
beside it, or ``models install --licence``): Korean voices come under very different terms (MIT,
OpenRAIL-M, non-commercial), and the clinic must be able to see which one it runs.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from appliance.errors import ApplianceError

_LOGGER = logging.getLogger(__name__)

PIPER_INPUTS = {"input", "input_lengths", "scales"}
SUPERTONIC_ONNX = ("text_encoder", "duration_predictor", "vector_estimator", "vocoder")
SUPERTONIC_JSON = ("tts.json", "unicode_indexer.json")
_LICENCE_FILES = ("LICENSE*", "LICENCE*", "MODEL_CARD*", "README*", "*.md")
UNSTATED = ("", "unknown", "given by the installer")


class VoiceError(ApplianceError):
    """A voice file that is not what it claims to be (or has no licence stated)."""


@dataclass
class VoiceInfo:
    engine: str  # piper | supertonic
    language: str
    sample_rate: int
    licence: str

    @property
    def is_korean(self) -> bool:
        return self.language.lower().startswith("ko")


def engine_of(folder: Path) -> str | None:
    """'supertonic' or 'piper' when ``folder`` holds such a voice, else None."""
    if (folder / "onnx" / "tts.json").is_file() or (folder / "voice_styles").is_dir():
        return "supertonic"
    if any(p.with_name(p.name + ".json").is_file() for p in folder.glob("*.onnx")):
        return "piper"
    return None


def _onnx_inputs(path: Path) -> set[str]:
    try:
        import onnxruntime
    except ImportError as exc:  # pragma: no cover - onnxruntime ships with faster-whisper
        raise VoiceError(f"onnxruntime is not installed ({exc}): cannot verify {path.name}") from None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    try:
        session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own Fail/InvalidProtobuf classes
        raise VoiceError(f"{path.name}: not a loadable ONNX model ({str(exc).splitlines()[0][:160]})") from None
    return {i.name for i in session.get_inputs()}


def find_licence(folder: Path) -> str:
    """A one-line licence statement from the files beside the voice ('' when none)."""
    for pattern in _LICENCE_FILES:
        for path in sorted(folder.glob(pattern)):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for line in text.splitlines():
                if re.search(r"licen[cs]e", line, re.I) and len(line.strip()) > 8:
                    return line.strip(" #*-:\t")[:160]
            if path.name.upper().startswith(("LICENSE", "LICENCE")) and text.strip():
                return text.strip().splitlines()[0][:160]
    return ""


def _piper(folder: Path) -> tuple[str, int]:
    voices = [p for p in sorted(folder.glob("*.onnx")) if p.with_name(p.name + ".json").is_file()]
    if not voices:
        raise VoiceError(f"{folder}: a Piper voice is VOICE.onnx with VOICE.onnx.json beside it")
    model = voices[0]
    try:
        config = json.loads(model.with_name(model.name + ".json").read_text(encoding="utf-8"))
    except ValueError as exc:
        raise VoiceError(f"{model.name}.json: not valid JSON ({exc})") from None
    rate = (config.get("audio") or {}).get("sample_rate")
    if not isinstance(rate, int) or not isinstance(config.get("phoneme_id_map"), dict) or not config["phoneme_id_map"]:
        raise VoiceError(f"{model.name}.json: not a Piper voice config (audio.sample_rate and phoneme_id_map needed)")
    language = str((config.get("language") or {}).get("code") or (config.get("espeak") or {}).get("voice") or "")
    missing = PIPER_INPUTS - _onnx_inputs(model)
    if missing:
        raise VoiceError(f"{model.name}: loads, but lacks Piper's inputs {sorted(missing)}: not a Piper voice")
    return language, rate


def _supertonic(folder: Path) -> tuple[str, int]:
    onnx = folder / "onnx"
    wanted = [onnx / f"{n}.onnx" for n in SUPERTONIC_ONNX] + [onnx / n for n in SUPERTONIC_JSON]
    missing = [str(p.relative_to(folder)) for p in wanted if not p.is_file()]
    styles = sorted((folder / "voice_styles").glob("*.json"))
    if not styles:
        missing.append("voice_styles/*.json")
    if missing:
        raise VoiceError(f"{folder}: not a complete Supertonic voice (missing {', '.join(missing)})")
    try:
        config = json.loads((onnx / "tts.json").read_text(encoding="utf-8"))
        for style in styles:
            json.loads(style.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise VoiceError(f"{folder}: a Supertonic JSON file is not valid ({exc})") from None
    for name in SUPERTONIC_ONNX:
        _onnx_inputs(onnx / f"{name}.onnx")
    rate = int(((config.get("ae") or {}).get("sample_rate")) or config.get("sample_rate") or 44100)
    languages = config.get("languages") or config.get("language") or ""
    return (",".join(languages) if isinstance(languages, list) else str(languages)), rate


def verify(folder: Path, engine: str, licence: str = "") -> VoiceInfo:
    """Check an unpacked voice; ``licence``: what the installer's manifest or ``--licence`` says."""
    folder = Path(folder)
    if engine == "piper":
        language, rate = _piper(folder)
    elif engine == "supertonic":
        language, rate = _supertonic(folder)
    else:
        raise VoiceError(f"unknown voice engine {engine!r} (piper or supertonic)")
    stated = licence if licence.strip().lower() not in UNSTATED else find_licence(folder)
    if not stated:
        raise VoiceError(f"{folder.name}: no licence stated for this voice: put its LICENSE or MODEL_CARD beside it, "
                         "give `licence = \"…\"` in its manifest.toml, or `dentalcall models install PATH --licence "
                         "\"…\"` — the clinic must know the terms of the voice it runs")
    return VoiceInfo(engine, language or "unknown", rate, stated)
