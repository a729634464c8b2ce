"""Patient names for the screens: the EMR read on demand, cached briefly, never in the way of a page.

The console shows who a caller is ("patient match"): the call's ``patient_id`` looked up in the EMR. The EMR
may be absent (no ``emr_url``), down or slow; then pages still render, with the id only and a note.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Iterable

_LOGGER = logging.getLogger(__name__)

CACHE_SECONDS = 300.0
CACHE_MAX = 5000


class PatientDirectory:
    def __init__(self, config: Any, emr: Any = None):
        self.config = config
        self._emr = emr
        self._emr_tried = emr is not None
        self._cache: dict[str, tuple[float, Any]] = {}
        self._lock = threading.Lock()
        self.last_error: str | None = None

    @property
    def emr(self) -> Any:
        if not self._emr_tried:
            with self._lock:
                if not self._emr_tried:
                    self._emr_tried = True
                    if getattr(self.config, "emr_url", ""):
                        try:
                            from appliance.data.emr import EMR

                            self._emr = EMR.from_config(self.config)
                        except Exception as exc:  # a bad EMR setting must not break the console
                            self.last_error = f"{type(exc).__name__}: {exc}"
                            _LOGGER.warning("console: EMR not usable (%s)", type(exc).__name__)
        return self._emr

    def get(self, patient_id: str | None) -> Any:
        """The EMR ``Patient`` (cached) or None (unknown id, no EMR, EMR down)."""
        if not patient_id:
            return None
        found = self.many([patient_id])
        return found.get(str(patient_id))

    def many(self, patient_ids: Iterable[str | None]) -> dict[str, Any]:
        ids = {str(p) for p in patient_ids if p}
        now = time.monotonic()
        out: dict[str, Any] = {}
        missing = []
        with self._lock:
            for pid in ids:
                hit = self._cache.get(pid)
                if hit and now - hit[0] < CACHE_SECONDS:
                    if hit[1] is not None:
                        out[pid] = hit[1]
                else:
                    missing.append(pid)
        emr = self.emr if missing else None
        if emr is None:
            return out
        for pid in missing:
            try:
                patient = emr.get_patient(pid)
            except Exception as exc:  # EMR down: show ids only, try again on the next page
                self.last_error = f"{type(exc).__name__}: {exc}"
                _LOGGER.warning("console: EMR patient lookup failed (%s)", type(exc).__name__)
                break
            with self._lock:
                if len(self._cache) >= CACHE_MAX:
                    self._cache.clear()
                self._cache[pid] = (now, patient)
            if patient is not None:
                out[pid] = patient
        return out
