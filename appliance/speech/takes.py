"""Takes: a recording of one script item, checked, kept as it came, and — when it passes — put in the pack.

Every take (by phone or by file) goes through :func:`Recorder.record`:

1. the raw take is kept under ``<pack>/takes/<item key>/<UTC time>-<origin><ext>`` (0640, the clinic's file);
2. it is decoded (any format FFmpeg reads) and checked (:mod:`appliance.speech.take_check`);
3. the check's result is written to the pack's manifest (``checks``: what ``prompts status`` counts as failed);
4. only a passing take replaces the item's entries (one for a phrase, one per word for a list), marked
   ``recorded`` with the take it came from.

``Recorder.import_folder`` takes a folder of files named by item number (``012.m4a``), item key
(``greeting.wav``, ``line_months_1.mp3``) or one fragment's key (``month_6.ogg``), and a vendor pack's
``manifest.json`` matched by text.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appliance.errors import ApplianceError
from appliance.speech import decode
from appliance.speech.prompt_pack import FILE_MODE, RECORDED, PromptError, PromptPack
from appliance.speech.recording_script import ScriptItem, build_script, item_for
from appliance.speech.take_check import CheckResult, Transcribe, check_take

_LOGGER = logging.getLogger(__name__)

TAKES_DIR = "takes"
AUDIO_EXTS = {".wav", ".m4a", ".aac", ".mp3", ".ogg", ".opus", ".flac", ".webm", ".3gp", ".amr", ".mp4"}


@dataclass
class TakeOutcome:
    item: ScriptItem
    result: CheckResult
    raw: Path

    @property
    def kept(self) -> bool:
        return self.result.ok

    def line(self) -> str:
        verdict = "kept" if self.kept else "refused"
        heard = f" — heard: {self.result.heard}" if self.result.heard else ""
        return f"{self.item.number:>3} {self.item.key}: {verdict} — {self.result.message()}{heard}"


def transcriber_for(config: Any) -> Transcribe:
    """The call path's STT (setting stt_engine), loaded in this process, as ``pcm8k -> text``."""
    from appliance.speech.stt import load_transcriber

    stt = load_transcriber(config)
    return lambda pcm: stt.transcribe(pcm, 8000).text


class Recorder:
    """Checks and keeps takes for one pack. ``transcribe``: 8 kHz PCM → text (the STT of calls)."""

    def __init__(self, pack: PromptPack, transcribe: Transcribe | None, items: list[ScriptItem] | None = None):
        if not pack.knows_needs:
            raise PromptError("recording needs the pack loaded with the phrase table (appliance.phrasebook)")
        self.pack = pack
        self.transcribe = transcribe
        self.items = items if items is not None else build_script(pack.phrases or {}, pack.clinic, pack.config)

    # --- finding items --------------------------------------------------------------------------
    def item(self, key_or_number: str) -> ScriptItem:
        """A script item by number or key; a single fragment key gives a one-word item for that fragment."""
        wanted = key_or_number.strip()
        try:
            found = item_for(self.items, wanted)
        except KeyError:
            raise PromptError(f"unknown item {wanted!r}: `dentalcall prompts script` lists numbers and keys") from None
        if found.is_list and wanted in found.keys:
            text = found.parts[found.keys.index(wanted)]
            return ScriptItem(found.number, wanted, found.section, text, (wanted,), (text,))
        return found

    def todo(self) -> list[ScriptItem]:
        """Items with any entry not yet in a person's voice, in script order (what ``*77`` walks through)."""
        pending = set(self.pack.not_recorded())
        return [i for i in self.items if pending.intersection(i.keys)]

    # --- one take ---------------------------------------------------------------------------------
    def _keep_raw(self, item: ScriptItem, source: Path | bytes, origin: str, suffix: str) -> Path:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        folder = self.pack.folder / TAKES_DIR / item.key
        private_dir(folder.parent)
        private_dir(folder)
        target = folder / f"{stamp}-{origin}{suffix.lower() or '.bin'}"
        if isinstance(source, (bytes, bytearray)):
            target.write_bytes(source)
        else:
            shutil.copyfile(source, target)
        os.chmod(target, FILE_MODE)
        return target

    def prepare(self, key_or_number: str | ScriptItem, source: str | Path | bytes, *, origin: str = "file",
                suffix: str = ".wav") -> tuple[ScriptItem, Path]:
        """Keep the raw take as it came; returns (item, raw path)."""
        item = key_or_number if isinstance(key_or_number, ScriptItem) else self.item(key_or_number)
        if not isinstance(source, (bytes, bytearray)):
            source = Path(source)
            suffix = source.suffix or suffix
        return item, self._keep_raw(item, source, origin, suffix)

    def check(self, item: ScriptItem, raw: Path) -> CheckResult:
        """Decode and check a kept raw take (changes nothing). PromptError for a file FFmpeg cannot read."""
        try:
            samples, rate = decode.decode(raw)
        except decode.DecodeError as exc:
            raise PromptError(str(exc)) from None
        return check_take(samples, rate, item, self.transcribe)

    def commit(self, item: ScriptItem, raw: Path, result: CheckResult, *, origin: str = "file",
               kept_by_staff: bool = True) -> TakeOutcome:
        """Put a passing take in the pack (unless staff discarded it) and log the check beside the raw take
        and in the manifest."""
        rel = str(raw.relative_to(self.pack.folder))
        keep = result.ok and kept_by_staff
        if keep:
            for key, text, pcm in zip(item.keys, item.parts, result.pieces):
                self.pack.store(self.pack.kind_of(key), key, pcm, text, source=RECORDED, take=rel, voice="clinic")
        log = {**result.as_dict(), "item": item.number, "keys": list(item.keys), "text": item.text, "take": rel,
               "origin": origin, "kept": keep, "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
        if not kept_by_staff:
            log["note"] = "discarded by staff before keeping"
        sidecar = raw.with_suffix(".json")
        sidecar.write_text(json.dumps(log, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.chmod(sidecar, FILE_MODE)
        if kept_by_staff:
            self.pack.manifest["checks"][item.key] = log
        self.pack.save_manifest()
        _LOGGER.info("take for item %s (%s): %s %s", item.number, item.key, "kept" if keep else "not kept",
                     ",".join(result.codes))
        return TakeOutcome(item, result, raw)

    def record(self, key_or_number: str | ScriptItem, source: str | Path | bytes, *, origin: str = "file",
               suffix: str = ".wav") -> TakeOutcome:
        """Keep the raw take, check it, and put it in the pack when it passes. A bad take does not raise: the
        outcome says why it was refused (a file FFmpeg cannot read raises PromptError)."""
        item, raw = self.prepare(key_or_number, source, origin=origin, suffix=suffix)
        return self.commit(item, raw, self.check(item, raw), origin=origin)

    # --- a folder of takes ------------------------------------------------------------------------
    def import_folder(self, folder: str | Path) -> dict[str, list[str]]:
        """Check and keep every take in ``folder`` (see module docstring). Returns kept/refused/unknown lines."""
        folder = Path(folder)
        if not folder.is_dir():
            raise PromptError(f"{folder}: not a folder")
        report: dict[str, list[str]] = {"kept": [], "refused": [], "unknown": []}
        candidates: dict[str, Path] = {}
        files = sorted(p for p in list(folder.iterdir()) + list((folder / "fragments").glob("*"))
                       if p.is_file() and p.suffix.lower() in AUDIO_EXTS)
        for path in files:
            candidates.setdefault(path.stem, path)
        theirs = _vendor_manifest(folder)
        if theirs:
            by_text = {t: k for k, t in {**self.pack.expected_fragments(), **self.pack.expected_prompts()}.items()}
            for section in ("prompts", "fragments"):
                for key, entry in (theirs.get(section) or {}).items():
                    mine = by_text.get(entry.get("text", ""))
                    path = folder / entry.get("file", "")
                    if mine and path.is_file():
                        candidates.pop(key, None)
                        candidates[mine] = path
                    elif not mine and candidates.pop(key, None) is not None:
                        report["refused"].append(f"{key}: recorded for another text")
        for name, path in candidates.items():
            try:
                item = self.item(name)
            except PromptError:
                report["unknown"].append(path.name)
                continue
            try:
                outcome = self.record(item, path, origin="import")
            except ApplianceError as exc:
                report["refused"].append(f"{path.name}: {exc}")
                continue
            report["kept" if outcome.kept else "refused"].append(f"{path.name}: {outcome.line()}")
        return report


def private_dir(folder: Path) -> Path:
    """A folder of the clinic's recordings: the appliance and Asterisk (the group) only, setgid like the pack."""
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o2770)
    return folder


def _vendor_manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
