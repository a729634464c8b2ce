"""The holders of personal data: every place the appliance keeps something about a person registers here how to
export it and how to delete it, so ``dentalcall privacy export|delete`` answer a patient's request completely.

    from appliance.privacy import registry

    registry.register(registry.Holder(
        name="sms_outbox", what="text messages sent to the person",
        export=lambda config, subject: [...],       # JSON-able dicts about the subject
        delete=lambda config, subject: count,       # how many records/files were removed
        files=lambda config, subject: [...]))       # optional: files (audio) copied into an export

A holder whose data must be kept (opt-outs, the access log) sets ``delete=None`` and ``kept_because`` (the legal
basis, shown to the operator). Modules that register holders are listed in ``HOLDER_MODULES`` (one line each,
imported on first use), like ``migrations.STEP_MODULES``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any, Callable

from appliance.data import phone as phones
from appliance.listed_modules import import_listed

_LOGGER = logging.getLogger(__name__)

# modules that register holders at import (add yours: one line)
HOLDER_MODULES = (
    "appliance.privacy.holders",
    "appliance.privacy.holders_sms",
    "appliance.console.privacy",
)


@dataclasses.dataclass(frozen=True)
class Subject:
    """One person as the appliance knows them: an EMR patient id and/or phone numbers (canonical)."""

    patient_id: str | None = None
    phones: frozenset[str] = frozenset()

    @classmethod
    def of(cls, patient_id: str | None = None, numbers: list[str] | tuple[str, ...] = ()) -> "Subject":
        canon = {phones.canonical(n) for n in numbers}
        return cls(patient_id=str(patient_id) if patient_id else None, phones=frozenset(n for n in canon if n))

    def has_number(self, raw: str | None) -> bool:
        """True when ``raw`` (any spelling a trunk or EMR uses) is one of the subject's numbers."""
        return bool(raw) and phones.canonical(raw) in self.phones

    def is_patient(self, patient_id: Any) -> bool:
        return self.patient_id is not None and patient_id is not None and str(patient_id) == self.patient_id

    def owns(self, patient_id: Any, *numbers: str | None) -> bool:
        """Is a record with this patient id and these numbers about the subject? A record tied to a patient is
        the subject's only if it is that patient (a family phone is shared: another member's call is not the
        subject's); a record without a patient, or a request by phone number only, goes by the number."""
        if patient_id not in (None, "") and self.patient_id is not None:
            return str(patient_id) == self.patient_id
        return any(self.has_number(n) for n in numbers)

    def label(self) -> str:
        """For output and the access log: the patient id and masked numbers, never a full number."""
        parts = [f"patient {self.patient_id}"] if self.patient_id else []
        parts += [phones.masked(n) for n in sorted(self.phones)]
        return ", ".join(parts) or "(nobody)"


@dataclasses.dataclass(frozen=True)
class Holder:
    name: str
    what: str
    export: Callable[[Any, Subject], list[dict[str, Any]]]
    delete: Callable[[Any, Subject], int] | None = None
    files: Callable[[Any, Subject], list[Path]] | None = None
    kept_because: str = ""

    def __post_init__(self) -> None:
        if self.delete is None and not self.kept_because:
            raise ValueError(f"holder {self.name}: data that is never deleted needs kept_because (its legal basis)")


_HOLDERS: dict[str, Holder] = {}


def register(holder: Holder) -> None:
    """Add (or replace, by name) a holder."""
    _HOLDERS[holder.name] = holder


def holders() -> list[Holder]:
    _load_modules()
    return list(_HOLDERS.values())


def load_modules() -> None:
    """Import every module of ``HOLDER_MODULES`` (they register holders and retention kinds)."""
    _load_modules()


def _load_modules() -> None:
    import_listed(HOLDER_MODULES)


@dataclasses.dataclass
class Found:
    holder: Holder
    records: list[dict[str, Any]]
    files: list[Path]


def find(config: Any, subject: Subject) -> list[Found]:
    """What every holder has about ``subject`` (nothing changed)."""
    if subject.patient_id is None and not subject.phones:
        raise ValueError("name the person: a patient id and/or a phone number")
    out = []
    for holder in holders():
        records = holder.export(config, subject)
        files = [p for p in (holder.files(config, subject) if holder.files else []) if p.exists()]
        out.append(Found(holder, records, files))
    return out


def export_subject(config: Any, subject: Subject, folder: Path) -> dict[str, Any]:
    """Write everything about ``subject`` into ``folder`` (mode 0700): ``<holder>.json`` per holder with data,
    its files under ``<holder>/``, and ``manifest.json``. Returns the manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    manifest: dict[str, Any] = {"subject": {"patient_id": subject.patient_id, "phones": sorted(subject.phones)},
                                "exported_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                                "holders": {}}
    for found in find(config, subject):
        name = found.holder.name
        entry: dict[str, Any] = {"what": found.holder.what, "records": len(found.records), "files": []}
        if found.holder.delete is None:
            entry["kept_on_deletion_because"] = found.holder.kept_because
        if found.records:
            _write_private(folder / f"{name}.json",
                           json.dumps(found.records, ensure_ascii=False, indent=2, default=str))
        for path in found.files:
            target_dir = folder / name
            target_dir.mkdir(exist_ok=True, mode=0o700)
            target = target_dir / path.name
            shutil.copyfile(path, target)
            os.chmod(target, 0o600)
            entry["files"].append(f"{name}/{path.name}")
        manifest["holders"][name] = entry
    _write_private(folder / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


def delete_subject(config: Any, subject: Subject) -> dict[str, Any]:
    """Delete what may be deleted about ``subject``. Returns ``{"deleted": {holder: n}, "kept": {holder: why}}``."""
    if subject.patient_id is None and not subject.phones:
        raise ValueError("name the person: a patient id and/or a phone number")
    deleted: dict[str, int] = {}
    kept: dict[str, str] = {}
    for holder in holders():
        if holder.delete is None:
            if holder.export(config, subject):
                kept[holder.name] = holder.kept_because
            continue
        deleted[holder.name] = holder.delete(config, subject)
    _LOGGER.info("privacy: deleted %d record(s) of one person across %d holder(s)",
                 sum(deleted.values()), sum(1 for n in deleted.values() if n))
    return {"deleted": deleted, "kept": kept}


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
