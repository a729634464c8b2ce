"""Caller lookup (ANI → patients) that never makes a call wait on a slow EMR.

``CallerLookup.lookup(number)`` returns every patient registered on the number (a family shares one
phone). Results are cached in memory for ``ttl`` seconds; after that the stale entry is still served at
once while one background thread refreshes it (stale-while-revalidate). A miss waits at most ``budget``
seconds for the EMR; when the EMR is slow or down the caller is treated as unknown (empty list, with
``LookupResult.source == "unavailable"``) and the query keeps running in the background to fill the cache.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import logging
import threading
import time
from typing import Any

from appliance.data import phone as phones
from appliance.data.emr.model import Patient
from appliance.errors import EMRUnavailable

_LOGGER = logging.getLogger(__name__)


@dataclasses.dataclass
class LookupResult:
    number: str | None  # canonical
    patients: list[Patient]
    source: str  # cache | emr | stale | unavailable | invalid

    @property
    def known(self) -> bool:
        return bool(self.patients)


class CallerLookup:
    def __init__(self, emr: Any, ttl: float = 300.0, budget: float = 1.5, negative_ttl: float = 60.0,
                 max_entries: int = 50000, workers: int = 2):
        self.emr = emr
        self.ttl = ttl
        self.negative_ttl = negative_ttl
        self.budget = budget
        self.max_entries = max_entries
        self._cache: dict[str, tuple[float, list[Patient]]] = {}
        self._inflight: dict[str, concurrent.futures.Future] = {}
        self._lock = threading.Lock()
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ani-lookup")

    @classmethod
    def from_config(cls, emr: Any, config: Any) -> "CallerLookup":
        return cls(emr, ttl=float(config.caller_cache_ttl))

    def _fetch(self, number: str) -> list[Patient]:
        try:
            patients = self.emr.find_patients_by_phone(number)
        finally:
            with self._lock:
                self._inflight.pop(number, None)
        with self._lock:
            if len(self._cache) >= self.max_entries:
                for old in sorted(self._cache, key=lambda k: self._cache[k][0])[: self.max_entries // 10]:
                    del self._cache[old]
            self._cache[number] = (time.monotonic(), patients)
        return patients

    def _start(self, number: str) -> concurrent.futures.Future:
        with self._lock:
            fut = self._inflight.get(number)
            if fut is None:
                fut = self._pool.submit(self._fetch, number)
                self._inflight[number] = fut
            return fut

    def lookup(self, raw_number: str | None) -> LookupResult:
        number = phones.canonical(raw_number)
        if not number:
            return LookupResult(None, [], "invalid")
        now = time.monotonic()
        with self._lock:
            entry = self._cache.get(number)
        if entry is not None:
            at, patients = entry
            ttl = self.ttl if patients else self.negative_ttl
            if now - at < ttl:
                return LookupResult(number, patients, "cache")
            self._start(number)  # refresh in the background, answer with what we have
            return LookupResult(number, patients, "stale")
        fut = self._start(number)
        try:
            return LookupResult(number, fut.result(timeout=self.budget), "emr")
        except concurrent.futures.TimeoutError:
            _LOGGER.warning("caller lookup exceeded %.1f s; treating the caller as unknown", self.budget)
        except EMRUnavailable as exc:
            _LOGGER.warning("caller lookup: EMR unavailable (%s)", exc)
        return LookupResult(number, [], "unavailable")

    def prefetch(self, numbers: list[str]) -> None:
        """Warm the cache (e.g. tomorrow's appointment patients before reminder calls)."""
        for raw in numbers:
            n = phones.canonical(raw)
            if n:
                self._start(n)

    def invalidate(self, raw_number: str | None = None) -> None:
        with self._lock:
            if raw_number is None:
                self._cache.clear()
            else:
                self._cache.pop(phones.canonical(raw_number) or "", None)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
