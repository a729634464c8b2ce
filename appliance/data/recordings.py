"""Call recordings: where they go and how long they stay.

Recordings are health data. Asterisk writes them (MixMonitor) into ``recordings_dir/YYYY-MM/`` — a folder
shared only by Asterisk and the appliance (mode 2770, no access for others) — and they are deleted after
``recording_retention_days`` (call audio is not in 의료법's retention list, so the clinic sets its own) by the
daily purge of ``appliance.privacy.retention``, which ``run_purger`` runs inside the engine.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

from appliance.settings import Config

_SAFE = re.compile(r"[^0-9A-Za-z._-]")


def path_for(config: Config, uniqueid: str, when: dt.datetime | None = None) -> Path:
    """Recording file for a call (``.wav``), in a month folder created with the spool's permissions."""
    when = when or dt.datetime.now()
    folder = Path(config.recordings_dir) / f"{when:%Y-%m}"
    if not folder.exists():
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o2770)
        try:
            parent = folder.parent.stat()
            os.chown(folder, parent.st_uid, parent.st_gid)
        except PermissionError:
            pass
    name = _SAFE.sub("_", uniqueid or "call") + ".wav"
    return folder / name


def purge_old(config: Config, now: float | None = None, before: float | None = None) -> int:
    """Delete recordings older than the retention (or modified ``before`` an epoch time); returns how many."""
    days = int(config.recording_retention_days)
    if days <= 0 and before is None:
        return 0
    limit = before if before is not None else (now or time.time()) - days * 86400
    removed = 0
    root = Path(config.recordings_dir)
    if not root.exists():
        return 0
    for path in root.glob("*/*.wav"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    for folder in root.iterdir():
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed
