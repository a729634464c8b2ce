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

    def one(self, patient_id: str) -> tuple[Any, str | None]:
        """(the EMR ``Patient`` or None, why not): ``"no_emr"`` (none configured), ``"emr_down"`` (it failed),
        None (the EMR answered; the patient is None when it does not know the id)."""
        with self._lock:
            hit = self._cache.get(str(patient_id))
        if hit and time.monotonic() - hit[0] < CACHE_SECONDS:
            return hit[1], None
        emr = self.emr
        if emr is None:
            return None, "no_emr"
        try:
            patient = emr.get_patient(str(patient_id))
        except Exception as exc:  # EMR down: the page says so
            self.last_error = f"{type(exc).__name__}: {exc}"
            _LOGGER.warning("console: EMR patient lookup failed (%s)", type(exc).__name__)
            return None, "emr_down"
        self._remember(str(patient_id), patient)
        return patient, None

    def by_phone(self, number: str) -> tuple[list[Any], str | None]:
        """The EMR's patients with this (canonical) number, and why none could be asked (as ``one``)."""
        emr = self.emr
        if emr is None:
            return [], "no_emr"
        try:
            found = list(emr.find_patients_by_phone(number))
        except Exception as exc:  # EMR down: the search falls back to the CRM's linked calls
            self.last_error = f"{type(exc).__name__}: {exc}"
            _LOGGER.warning("console: EMR phone lookup failed (%s)", type(exc).__name__)
            return [], "emr_down"
        for patient in found:
            self._remember(str(patient.id), patient)
        return found, None

    def _remember(self, patient_id: str, patient: Any) -> None:
        with self._lock:
            if len(self._cache) >= CACHE_MAX:
                self._cache.clear()
            self._cache[patient_id] = (time.monotonic(), patient)

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
            self._remember(pid, patient)
            if patient is not None:
                out[pid] = patient
        return out
