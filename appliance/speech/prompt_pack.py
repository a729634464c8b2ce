"""Prompt packs: the recorded voice of the appliance.

A pack is a folder ``config.prompts_dir/<pack>/`` (setting ``prompt_pack``)::

    manifest.json            {"name", "voice", "sample_rate": 8000, "clinic",
                              "prompts":   {key: {"text", "file", "sha256", "source", ...}},
                              "fragments": {key: {"text", "file", "sha256", "source", ...}},
                              "checks":    {script item key: the last take check (kept or refused, why)}}
    <key>.wav                one per phrase key (clinic name substituted)
    fragments/<key>.wav      one per fragment (numbers, months, 요일, 시/분, 원, treatments, doctors …)
    takes/                   the raw takes staff recorded, kept as they came (see appliance.speech.takes)

Audio is 8 kHz 16-bit mono WAV, the format Asterisk plays natively: the dialplan plays ``<pack dir>/<key>``
(no extension, as Playback/STREAM FILE want) and the engine streams the very same files over AudioSocket.

**Which phrases a pack must hold is not the speech layer's to know**: the caller passes the table of every
sentence a caller can hear (``phrases``: key → text, ``{clinic}`` substituted here; see
``appliance.phrasebook``). Without it a pack can still play what it holds, but cannot say what is missing.

An entry is ``recorded`` (a person's checked take for exactly the current text), ``placeholder`` (rendered by
the placeholder voice, see :mod:`appliance.speech.placeholder`), ``stale`` (recorded for a text that has since
changed: not played) or ``missing``. Files are 0640: the clinic's voice is readable by the appliance and
Asterisk (the pack folder's group), nobody else.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from appliance.errors import ApplianceError
from appliance.speech import audio
from appliance.speech.fragments import fragment_texts

_LOGGER = logging.getLogger(__name__)

MANIFEST = "manifest.json"
FRAGMENT_DIR = "fragments"
PLACEHOLDER = "placeholder"
RECORDED = "recorded"
FILE_MODE = 0o640
STATES = ("recorded", "placeholder", "stale", "missing")


class PromptError(ApplianceError):
    """A prompt pack problem the operator can fix (unknown key, unreadable file …)."""


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Entry:
    kind: str  # "prompt" | "fragment"
    key: str
    text: str  # the text this installation needs
    state: str  # recorded | placeholder | stale | missing
    recorded_text: str | None = None
    failed_check: bool = False  # the last take for it was refused

    @property
    def usable(self) -> bool:
        """Whether a caller hears this entry at all (the placeholder voice counts: it is not silence)."""
        return self.state in ("recorded", "placeholder")


class PromptPack:
    """One pack folder. Cheap to construct; audio is read lazily and cached as 8 kHz PCM."""

    def __init__(self, folder: Path, clinic: str = "", config=None, name: str | None = None,
                 phrases: Mapping[str, str] | None = None):
        self.folder = Path(folder)
        self.name = name or self.folder.name
        self.clinic = clinic
        self.config = config
        self.phrases = dict(phrases) if phrases is not None else None
        self.manifest = self._read_manifest()
        self._pcm_cache: dict[tuple[str, str], tuple[float, bytes]] = {}
        self._expected_prompts: dict[str, str] | None = None
        self._expected_fragments: dict[str, str] | None = None

    # --- construction -----------------------------------------------------------------------
    @classmethod
    def load(cls, config, name: str | None = None, phrases: Mapping[str, str] | None = None) -> "PromptPack":
        """The pack named by the ``prompt_pack`` setting (or ``name``); an empty pack if it does not exist yet."""
        name = name or config.prompt_pack
        return cls(Path(config.prompts_dir) / name, clinic=config.clinic_name, config=config, name=name,
                   phrases=phrases)

    def _manifest_stamp(self) -> int:
        try:
            return (self.folder / MANIFEST).stat().st_mtime_ns
        except OSError:
            return 0

    def refresh_if_changed(self) -> bool:
        """Re-read the manifest when another process (``prompts import``, ``*77``) changed it. True if it did."""
        if self._manifest_stamp() == self._stamp:
            return False
        self.reload()
        return True

    def _read_manifest(self) -> dict:
        path = self.folder / MANIFEST
        self._stamp = self._manifest_stamp()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            data = {}
        except ValueError as exc:
            raise PromptError(f"{path}: not valid JSON ({exc}); fix it or re-import the pack") from None
        data.setdefault("name", self.name)
        data.setdefault("voice", "")
        data.setdefault("sample_rate", audio.PHONE_RATE)
        for section in ("prompts", "fragments", "checks"):
            data.setdefault(section, {})
        return data

    def reload(self) -> None:
        self.manifest = self._read_manifest()
        self._pcm_cache.clear()
        if self.phrases is None:
            self._expected_prompts = None

    def _own_folder(self, folder: Path) -> None:
        """The clinic's voice: readable by the appliance and Asterisk (the group, inherited: setgid), no one else."""
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o2770)

    def save_manifest(self) -> None:
        self._own_folder(self.folder)
        self.manifest["name"] = self.name
        self.manifest["sample_rate"] = audio.PHONE_RATE
        self.manifest["clinic"] = self.clinic
        tmp = self.folder / f".{MANIFEST}.tmp"
        tmp.write_text(json.dumps(self.manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.chmod(tmp, FILE_MODE)
        tmp.replace(self.folder / MANIFEST)
        self._stamp = self._manifest_stamp()

    # --- what the installation needs --------------------------------------------------------
    @property
    def knows_needs(self) -> bool:
        """Whether this pack was given the phrase table (and so can tell what is missing)."""
        return self.phrases is not None

    def expected_prompts(self) -> dict[str, str]:
        """Every phrase key → the text this clinic needs; without a phrase table, the texts the pack holds."""
        if self._expected_prompts is None:
            if self.phrases is None:
                self._expected_prompts = {k: e.get("text", "") for k, e in self.manifest["prompts"].items()}
            else:
                self._expected_prompts = {k: t.replace("{clinic}", self.clinic) for k, t in self.phrases.items()}
        return self._expected_prompts

    def expected_fragments(self) -> dict[str, str]:
        if self._expected_fragments is None:
            self._expected_fragments = fragment_texts(self.config)
        return self._expected_fragments

    def expected_text(self, kind: str, key: str) -> str | None:
        return (self.expected_prompts() if kind == "prompt" else self.expected_fragments()).get(key)

    def section(self, kind: str) -> dict:
        return self.manifest["prompts" if kind == "prompt" else "fragments"]

    def kind_of(self, key: str) -> str:
        if key in self.expected_prompts():
            return "prompt"
        if key in self.expected_fragments():
            return "fragment"
        raise PromptError(f"unknown prompt key {key!r}: see `dentalcall prompts list`")

    def _state(self, kind: str, key: str, text: str) -> Entry:
        entry = self.section(kind).get(key)
        if not entry or not (self.folder / entry.get("file", "")).is_file():
            return Entry(kind, key, text, "missing")
        replaced = entry.get("replaced_recording")
        if entry.get("text") != text:
            state = "stale" if entry.get("source") == RECORDED else "missing"
            return Entry(kind, key, text, state, entry.get("text"))
        if entry.get("source") == RECORDED:
            return Entry(kind, key, text, "recorded", entry.get("text"))
        if replaced:  # a recording made for an older text, re-rendered by the placeholder meanwhile
            return Entry(kind, key, text, "stale", replaced)
        return Entry(kind, key, text, "placeholder", entry.get("text"))

    def status(self) -> list[Entry]:
        """Every entry this installation needs, with its state. Needs the phrase table."""
        if self.phrases is None:
            raise PromptError("this pack was loaded without the phrase table, so it cannot tell what is missing "
                              "(load it through appliance.phrasebook)")
        failed = {k for c in self.manifest["checks"].values() if not c.get("ok") for k in c.get("keys", [])}
        rows = [self._state("prompt", k, t) for k, t in self.expected_prompts().items()]
        rows += [self._state("fragment", k, t) for k, t in self.expected_fragments().items()]
        for row in rows:
            row.failed_check = row.key in failed and row.state != "recorded"
        return rows

    def missing(self) -> list[str]:
        """Keys a caller cannot hear at all (no audio, or audio for another text)."""
        return [row.key for row in self.status() if not row.usable]

    def not_recorded(self) -> list[str]:
        """Keys not yet in a person's voice (placeholder, stale or missing): what the recording session is for."""
        return [row.key for row in self.status() if row.state != "recorded"]

    def counts(self) -> dict[str, int]:
        """recorded / placeholder / stale / missing / failed_check counts over everything a caller can hear."""
        rows = self.status()
        out = {state: sum(r.state == state for r in rows) for state in STATES}
        out["failed_check"] = sum(r.failed_check for r in rows)
        out["total"] = len(rows)
        return out

    # --- audio -------------------------------------------------------------------------------
    def _usable_file(self, kind: str, key: str) -> Path | None:
        expected = self.expected_text(kind, key)
        entry = self.section(kind).get(key)
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

    def is_recorded(self, key: str) -> bool:
        """A person's voice (not the placeholder) for exactly the current text."""
        kind = "prompt" if key in self.expected_prompts() else "fragment"
        entry = self.section(kind).get(key) or {}
        return entry.get("source") == RECORDED and self._usable_file(kind, key) is not None

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
    def store(self, kind: str, key: str, pcm: bytes, text: str, **extra) -> Path:
        """Write one entry's audio (8 kHz s16 mono PCM) and its manifest row (call ``save_manifest`` after).

        Only :mod:`appliance.speech.takes` (checked takes) and the placeholder renderer write here."""
        rel = f"{key}.wav" if kind == "prompt" else f"{FRAGMENT_DIR}/{key}.wav"
        data = audio.wav_bytes(pcm)
        target = self.folder / rel
        self._own_folder(self.folder)
        self._own_folder(target.parent)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        os.chmod(tmp, FILE_MODE)
        tmp.replace(target)
        self.section(kind)[key] = {"text": text, "file": rel, "sha256": sha256_bytes(data), **extra}
        self._pcm_cache.pop((kind, key), None)
        return target

    def export(self, folder) -> int:
        """Copy the pack's usable recordings and a manifest to ``folder`` (a vendor/backup copy). Returns files."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        out = {k: v for k, v in self.manifest.items() if k not in ("prompts", "fragments", "checks")}
        out.update(prompts={}, fragments={})
        n = 0
        for section in ("prompts", "fragments"):
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
