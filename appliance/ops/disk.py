"""Disk space: how full the filesystem holding the appliance's data is, and what that means.

At ``WARN_PERCENT`` (85 %) staff are warned (doctor, alert ``disk_low``); at ``FULL_PERCENT`` or with less
than ``FULL_FREE_BYTES`` free the CRM can no longer be written: calls still reach staff and voicemail through
the dialplan's fallback, but they are not logged and no booking is taken (alert ``disk_full``).
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

WARN_PERCENT = 85.0
FULL_PERCENT = 98.0
FULL_FREE_BYTES = 200 * 1024 * 1024


@dataclasses.dataclass
class Usage:
    path: Path
    total: int
    used: int
    free: int

    @property
    def percent(self) -> float:
        return 100.0 * self.used / self.total if self.total else 0.0

    @property
    def level(self) -> str:
        """ok | low | full"""
        if self.free < FULL_FREE_BYTES or self.percent >= FULL_PERCENT:
            return "full"
        if self.percent >= WARN_PERCENT:
            return "low"
        return "ok"

    def describe(self) -> str:
        return f"{self.percent:.0f} % used, {_size(self.free)} free on {self.path}"


def existing(path: Path) -> Path:
    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def usage(path: Path) -> Usage:
    """Usage of the filesystem holding ``path`` (or its nearest existing parent). ``used`` counts the space
    reserved for root as used, as ``df`` does: the appliance does not run as root."""
    where = existing(path)
    du = shutil.disk_usage(where)
    return Usage(path=where, total=du.used + du.free, used=du.used, free=du.free)


def data_usage(config: Any) -> Usage:
    return usage(Path(config.data_dir))


def crm_path(config: Any) -> Path | None:
    url = str(config.crm_url)
    return Path(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else None


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit in ("B", "KB") else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def human(n: float) -> str:
    return _size(n)
