"""The placeholder pack: every phrase and fragment rendered by espeak-ng's Korean voice.

It exists so tests and a fresh install's demo have *something* in every slot — it is not a voice for
patients (run back through Whisper at 8 kHz its Korean is mostly not understood; see bench/voice_pack.txt).
Every entry it writes is marked as placeholder, so ``doctor``, ``prompts status`` and the demo say so, and
the recording session (``dentalcall prompts script``, ``*77``) replaces it item by item.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import time
from typing import Mapping

from appliance.speech import audio
from appliance.speech.prompt_pack import PLACEHOLDER, RECORDED, PromptError, PromptPack, sha256_bytes

_LOGGER = logging.getLogger(__name__)

PLACEHOLDER_VOICE = "espeak-ng:ko"
_RENDER_VERSION = "3"  # bump when the rendering changes (forces a re-render)


def espeak_pcm(text: str, voice: str = "ko", speed: int = 160) -> bytes:
    """8 kHz s16 PCM of ``text`` from espeak-ng at the pack's loudness."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise PromptError("espeak-ng is not installed (apt-get install espeak-ng): the placeholder pack needs it")
    proc = subprocess.run([exe, "-v", voice, "-s", str(speed), "--stdout", text], capture_output=True, timeout=30)
    if proc.returncode != 0 or not proc.stdout:
        raise PromptError(f"espeak-ng failed: {proc.stderr.decode(errors='replace').strip()[:200]}")
    return audio.normalise_loudness(audio.load_phone_pcm(proc.stdout))


def build_placeholder_pack(config, name: str = PLACEHOLDER, phrases: Mapping[str, str] | None = None) -> dict:
    """Render every prompt and fragment with espeak-ng (Korean voice) into ``prompts_dir/<name>``.

    ``phrases``: the table of every fixed sentence (``appliance.phrasebook.spoken_table``). Idempotent and fast
    on re-run: an entry is re-rendered only when its text, the voice or the renderer changed. Recordings a
    person made (source ``recorded``) for the current text are kept; one recorded for an older text is
    remembered as ``replaced_recording`` (the entry then counts as stale, not as placeholder).
    Returns {"rendered", "kept", "seconds", "folder"}."""
    if phrases is None:
        raise PromptError("build_placeholder_pack needs the phrase table (use appliance.phrasebook.build_placeholder)")
    start = time.monotonic()
    pack = PromptPack.load(config, name, phrases=phrases)
    if not pack.manifest.get("voice"):
        pack.manifest["voice"] = PLACEHOLDER_VOICE
    rendered = kept = 0
    todo = [("prompt", k, t) for k, t in pack.expected_prompts().items()]
    todo += [("fragment", k, t) for k, t in pack.expected_fragments().items()]
    for kind, key, text in todo:
        source = sha256_bytes(f"{_RENDER_VERSION}|{PLACEHOLDER_VOICE}|{text}".encode())[:16]
        entry = pack.section(kind).get(key) or {}
        if entry.get("source") == RECORDED and entry.get("text") == text:
            kept += 1
            continue
        if entry.get("source") == source and (pack.folder / entry.get("file", "")).is_file():
            kept += 1
            continue
        replaced = entry.get("text") if entry.get("source") == RECORDED else entry.get("replaced_recording")
        pcm = audio.trim_silence(espeak_pcm(text), keep_ms=10.0 if kind == "fragment" else 80.0)
        extra = {"replaced_recording": replaced} if replaced else {}
        pack.store(kind, key, pcm, text, source=source, voice=PLACEHOLDER_VOICE, **extra)
        rendered += 1
    pack.save_manifest()
    seconds = time.monotonic() - start
    _LOGGER.info("placeholder pack: %d rendered, %d kept in %.1f s", rendered, kept, seconds)
    return {"rendered": rendered, "kept": kept, "seconds": round(seconds, 2), "folder": str(pack.folder)}
