"""Prompt packs: the recorded voice of the appliance.

A pack is a folder ``config.prompts_dir/<pack>/`` (setting ``prompt_pack``)::

    manifest.json            {"name", "voice", "sample_rate": 8000, "clinic",
                              "prompts":   {key: {"text", "file", "sha256", ...}},
                              "fragments": {key: {"text", "file", "sha256", ...}}}
    <key>.wav                one per phrase key of appliance.conversation.phrases (clinic name substituted)
    fragments/<key>.wav      one per fragment (numbers, months, 요일, 시/분, 원, treatments, doctors …)

Audio is 8 kHz 16-bit mono WAV, the format Asterisk plays natively: the dialplan plays ``<pack dir>/<key>``
(no extension, as Playback/STREAM FILE want) and the engine streams the very same files over AudioSocket
(:meth:`PromptPack.pcm`). A vendor can ship a pack (``import``/``export``), staff re-record single prompts
(``record``), and ``build_placeholder_pack`` renders a stand-in pack with espeak-ng for tests and demos.

An entry whose recorded ``text`` differs from the current phrase text is *stale*: the phrase was changed after
it was recorded. Stale prompts are not played (the words would not match what the flow means) and are listed
by :meth:`PromptPack.missing` until re-recorded.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from appliance.errors import ApplianceError
from appliance.speech import audio
from appliance.speech.fragments import fragment_texts

_LOGGER = logging.getLogger(__name__)

MANIFEST = "manifest.json"
FRAGMENT_DIR = "fragments"
PLACEHOLDER = "placeholder"
PLACEHOLDER_VOICE = "espeak-ng:ko"
_RENDER_VERSION = "2"  # bump when the placeholder rendering changes (forces a re-render)
_AUDIO_EXTS = (".wav", ".WAV")


class PromptError(ApplianceError):
    """A prompt pack problem the operator can fix (unknown key, unreadable file …)."""


def expected_prompts(clinic: str) -> dict[str, str]:
    """Every phrase key → the text a pack must hold for this clinic."""
    from appliance.conversation.phrases import PHRASES, render

    return {key: render(key, clinic) for key in PHRASES}


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Entry:
    kind: str  # "prompt" | "fragment"
    key: str
    text: str  # the text this installation needs
    state: str  # present | missing | stale
    recorded_text: str | None = None


class PromptPack:
    """One pack folder. Cheap to construct; audio is read lazily and cached as 8 kHz PCM."""

    def __init__(self, folder: Path, clinic: str = "", config=None, name: str | None = None):
        self.folder = Path(folder)
        self.name = name or self.folder.name
        self.clinic = clinic
        self.config = config
        self.manifest = self._read_manifest()
        self._pcm_cache: dict[tuple[str, str], tuple[float, bytes]] = {}
        self._expected_prompts: dict[str, str] | None = None
        self._expected_fragments: dict[str, str] | None = None

    # --- construction -----------------------------------------------------------------------
    @classmethod
    def load(cls, config, name: str | None = None) -> "PromptPack":
        """The pack named by the ``prompt_pack`` setting (or ``name``); an empty pack if it does not exist yet."""
        name = name or config.prompt_pack
        return cls(Path(config.prompts_dir) / name, clinic=config.clinic_name, config=config, name=name)

    def _read_manifest(self) -> dict:
        path = self.folder / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        except ValueError as exc:
            raise PromptError(f"{path}: not valid JSON ({exc}); fix it or re-import the pack") from None
        data.setdefault("name", self.name)
        data.setdefault("voice", "")
        data.setdefault("sample_rate", audio.PHONE_RATE)
        data.setdefault("prompts", {})
        data.setdefault("fragments", {})
        return data

    def reload(self) -> None:
        self.manifest = self._read_manifest()
        self._pcm_cache.clear()

    def save_manifest(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.manifest["name"] = self.name
        self.manifest["sample_rate"] = audio.PHONE_RATE
        self.manifest["clinic"] = self.clinic
        tmp = self.folder / f".{MANIFEST}.tmp"
        tmp.write_text(json.dumps(self.manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        tmp.replace(self.folder / MANIFEST)

    # --- what the installation needs --------------------------------------------------------
    def expected_prompts(self) -> dict[str, str]:
        if self._expected_prompts is None:
            self._expected_prompts = expected_prompts(self.clinic)
        return self._expected_prompts

    def expected_fragments(self) -> dict[str, str]:
        if self._expected_fragments is None:
            self._expected_fragments = fragment_texts(self.config)
        return self._expected_fragments

    def _section(self, kind: str) -> dict:
        return self.manifest["prompts" if kind == "prompt" else "fragments"]

    def kind_of(self, key: str) -> str:
        if key in self.expected_prompts():
            return "prompt"
        if key in self.expected_fragments():
            return "fragment"
        raise PromptError(f"unknown prompt key {key!r}: see `dentalcall prompts list`")

    def _state(self, kind: str, key: str, text: str) -> Entry:
        entry = self._section(kind).get(key)
        if not entry or not (self.folder / entry.get("file", "")).is_file():
            return Entry(kind, key, text, "missing")
        if entry.get("text") != text:
            return Entry(kind, key, text, "stale", entry.get("text"))
        return Entry(kind, key, text, "present", entry.get("text"))

    def status(self) -> list[Entry]:
        rows = [self._state("prompt", k, t) for k, t in self.expected_prompts().items()]
        rows += [self._state("fragment", k, t) for k, t in self.expected_fragments().items()]
        return rows

    def missing(self) -> list[str]:
        """Prompt and fragment keys with no usable recording (absent or recorded for another text)."""
        return [row.key for row in self.status() if row.state != "present"]

    # --- audio -------------------------------------------------------------------------------
    def _usable_file(self, kind: str, key: str) -> Path | None:
        expected = (self.expected_prompts() if kind == "prompt" else self.expected_fragments()).get(key)
        entry = self._section(kind).get(key)
        if expected is None or not entry or entry.get("text") != expected:
            return None
        path = self.folder / entry["file"]
        return path if path.is_file() else None

    def file(self, key: str) -> Path | None:
        """The WAV file of a phrase key (or fragment key), None if missing or stale."""
        kind = "prompt" if key in self.expected_prompts() else "fragment"
        return self._usable_file(kind, key)

    def path(self, key: str) -> str | None:
        """What Asterisk's Playback / STREAM FILE wants: the file path without its extension."""
        f = self.file(key)
        return str(f.with_suffix("")) if f else None

    def _cached_pcm(self, kind: str, key: str) -> bytes | None:
        path = self._usable_file(kind, key)
        if path is None:
            return None
        mtime = path.stat().st_mtime
        hit = self._pcm_cache.get((kind, key))
        if hit and hit[0] == mtime:
            return hit[1]
        samples, rate = audio.read_wav(path)
        pcm = audio.float_to_pcm(audio.resample(samples, rate, audio.PHONE_RATE)) if rate != audio.PHONE_RATE \
            else audio.float_to_pcm(samples)
        self._pcm_cache[(kind, key)] = (mtime, pcm)
        return pcm

    def pcm(self, key: str) -> bytes | None:
        """8 kHz s16 mono PCM of a phrase key (cached), None when missing or stale."""
        return self._cached_pcm("prompt", key)

    def fragment_pcm(self, key: str) -> bytes | None:
        return self._cached_pcm("fragment", key)

    def key_for_text(self, text: str) -> str | None:
        """The phrase key whose text is exactly ``text`` (whitespace-insensitive)."""
        want = " ".join(text.split())
        for key, t in self.expected_prompts().items():
            if " ".join(t.split()) == want:
                return key
        return None

    # --- changing the pack -------------------------------------------------------------------
    def _store(self, kind: str, key: str, pcm: bytes, text: str, **extra) -> Path:
        rel = f"{key}.wav" if kind == "prompt" else f"{FRAGMENT_DIR}/{key}.wav"
        data = audio.wav_bytes(pcm)
        target = self.folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        os.chmod(target, 0o644)
        self._section(kind)[key] = {"text": text, "file": rel, "sha256": sha256_bytes(data), **extra}
        self._pcm_cache.pop((kind, key), None)
        return target

    def record(self, key: str, wav, *, save: bool = True) -> Path:
        """Store a recording for ``key`` from a WAV (path or bytes; any rate/channels → 8 kHz mono s16)."""
        kind = self.kind_of(key)
        text = (self.expected_prompts() if kind == "prompt" else self.expected_fragments())[key]
        try:
            pcm = audio.load_phone_pcm(wav)
        except audio.AudioError as exc:
            raise PromptError(f"{key}: {exc}") from None
        # leading/trailing silence is dead air on the line: keep a short margin on prompts, none on fragments
        pcm = audio.trim_silence(pcm, keep_ms=10.0 if kind == "fragment" else 80.0)
        if audio.duration(pcm) < 0.05:
            raise PromptError(f"{key}: the recording is silent or too short")
        path = self._store(kind, key, pcm, text, source="recorded")
        if save:
            self.save_manifest()
        _LOGGER.info("prompt %s recorded (%.2f s)", key, audio.duration(pcm))
        return path

    def import_files(self, folder) -> dict[str, list[str]]:
        """Import ``<key>.wav`` files (prompts and fragments, also from a ``fragments/`` subfolder).

        A folder that holds its own ``manifest.json`` (an exported or vendor pack) is matched by text too: an
        entry recorded for exactly the text this clinic needs is imported whatever its file is called."""
        folder = Path(folder)
        if not folder.is_dir():
            raise PromptError(f"{folder}: not a folder")
        report: dict[str, list[str]] = {"imported": [], "skipped": [], "unknown": []}
        candidates: dict[str, Path] = {}
        for path in sorted(list(folder.glob("*.wav")) + list((folder / FRAGMENT_DIR).glob("*.wav"))):
            candidates.setdefault(path.stem, path)
        other = folder / MANIFEST
        if other.is_file():
            try:
                theirs = json.loads(other.read_text(encoding="utf-8"))
            except ValueError:
                theirs = {}
            by_text = {t: k for k, t in {**self.expected_fragments(), **self.expected_prompts()}.items()}
            for section in ("prompts", "fragments"):
                for key, entry in (theirs.get(section) or {}).items():
                    mine = by_text.get(entry.get("text", ""))
                    f = folder / entry.get("file", "")
                    if mine and f.is_file():
                        candidates[mine] = f
                    elif key in candidates and entry.get("text") not in by_text:
                        report["skipped"].append(f"{key} (recorded for another text)")
                        candidates.pop(key)
        for key, path in candidates.items():
            try:
                self.kind_of(key)
            except PromptError:
                report["unknown"].append(path.name)
                continue
            try:
                self.record(key, path, save=False)
                report["imported"].append(key)
            except PromptError as exc:
                report["skipped"].append(str(exc))
        self.save_manifest()
        return report

    def export(self, folder) -> int:
        """Copy the pack's usable recordings and a manifest to ``folder`` (a vendor/backup copy). Returns files."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        out = {k: v for k, v in self.manifest.items() if k not in ("prompts", "fragments")}
        out.update(prompts={}, fragments={})
        n = 0
        for kind, section in (("prompt", "prompts"), ("fragment", "fragments")):
            for key, entry in self.manifest[section].items():
                src = self.folder / entry.get("file", "")
                if not src.is_file():
                    continue
                dst = folder / entry["file"]
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
                out[section][key] = dict(entry)
                n += 1
        (folder / MANIFEST).write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
        return n


# --- placeholder pack (espeak-ng) -------------------------------------------------------------


def _espeak_pcm(text: str, voice: str = "ko") -> bytes:
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise PromptError("espeak-ng is not installed (apt-get install espeak-ng): the placeholder pack needs it")
    proc = subprocess.run([exe, "-v", voice, "-s", "160", "--stdout", text], capture_output=True, timeout=30)
    if proc.returncode != 0 or not proc.stdout:
        raise PromptError(f"espeak-ng failed: {proc.stderr.decode(errors='replace').strip()[:200]}")
    return audio.normalise_level(audio.load_phone_pcm(proc.stdout), -3.0)


def build_placeholder_pack(config, name: str = PLACEHOLDER) -> dict:
    """Render every prompt and fragment with espeak-ng (Korean voice) into ``prompts_dir/<name>``.

    Idempotent and fast on re-run: an entry is re-rendered only when its text (clinic name substituted),
    the voice or the renderer changed. Recordings a person made in this pack (source ``recorded``) are kept.
    Returns {"rendered", "kept", "seconds", "folder"}."""
    start = time.monotonic()
    pack = PromptPack.load(config, name)
    pack.manifest["voice"] = PLACEHOLDER_VOICE
    rendered = kept = 0
    todo = [("prompt", k, t) for k, t in pack.expected_prompts().items()]
    todo += [("fragment", k, t) for k, t in pack.expected_fragments().items()]
    for kind, key, text in todo:
        source = sha256_bytes(f"{_RENDER_VERSION}|{PLACEHOLDER_VOICE}|{text}".encode())[:16]
        entry = pack._section(kind).get(key) or {}
        if entry.get("source") == "recorded" and entry.get("text") == text:
            kept += 1
            continue
        if entry.get("source") == source and (pack.folder / entry.get("file", "")).is_file():
            kept += 1
            continue
        pcm = audio.trim_silence(_espeak_pcm(text), keep_ms=10.0 if kind == "fragment" else 80.0)
        pack._store(kind, key, pcm, text, source=source)
        rendered += 1
    pack.save_manifest()
    seconds = time.monotonic() - start
    _LOGGER.info("placeholder pack: %d rendered, %d kept in %.1f s", rendered, kept, seconds)
    return {"rendered": rendered, "kept": kept, "seconds": round(seconds, 2), "folder": str(pack.folder)}
