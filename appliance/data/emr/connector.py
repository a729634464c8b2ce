"""The EMR connector: runs a profile's queries against the clinic's EMR and returns canonical objects.

One ``EMR`` per process (``EMR.from_config(config)``); it keeps one read-only connection per thread, fails
fast (connect and statement timeouts) and, after a failure, short-circuits for ``retry_after`` seconds so
no call waits on a dead server: every method raises ``EMRUnavailable`` then. Outages are recorded in the
CRM (``crm_records.EMRSyncLog``) by the callers that own a CRM connection (``record_outage``).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections import Counter
from typing import Any, Callable, Iterable, TypeVar

from appliance.data import phone as phones
from appliance.data.emr import drivers
from appliance.data.emr.lists import TargetLists, count_sql, list_sql  # noqa: F401 - re-exported
from appliance.data.emr.model import (
    ACTIVE_APPOINTMENT_STATUSES, Appointment, BadRow, Chair, Doctor, ImplantSurgery, Patient, ScalingUse, Treatment,
    Visit,
)
from appliance.data.emr.profile import Profile, load as load_profile
from appliance.data.emr.rows import RowMapper, yes_no
from appliance.data.emr.values import (  # noqa: F401 - re-exported for callers of the former module
    canonical_phone as _canonical_phone, months_ago as _months_ago, parse_date, parse_minutes, parse_time,
    text as _s, years_ago as _years_ago,
)
from appliance.errors import ConfigError, EMRUnavailable

_LOGGER = logging.getLogger(__name__)
T = TypeVar("T")


class EMR(RowMapper, TargetLists):
    """The clinic's EMR through its profile: reads for calls and campaigns (rows mapped by ``RowMapper``, target
    lists by ``TargetLists``), with one connection per thread and a short circuit after a failure."""

    def __init__(self, url: str, profile: Profile | str = "reference", *, connect_timeout: float = 2.0,
                 statement_timeout: float = 3.0, retry_after: float = 5.0, allow_writes: bool = False):
        self.url = drivers.parse_url(url)
        self.dialect = self.url.dialect
        self.profile = load_profile(profile) if isinstance(profile, str) else profile
        self.connect_timeout = connect_timeout
        self.statement_timeout = statement_timeout
        self.retry_after = retry_after
        self.allow_writes = allow_writes
        self._local = threading.local()
        self._down_until = 0.0
        self._last_error: str | None = None
        self._lock = threading.Lock()
        self.on_outage: Callable[[str, str], None] | None = None  # (operation, message)
        self.on_recovered: Callable[[], None] | None = None
        self._was_down = False
        self._bad_total: Counter = Counter()  # op -> rows skipped since start (doctor, all threads)

    # --- rows that cannot be read ---------------------------------------------------------------------
    def skip_bad_row(self, op: str, exc: Exception) -> None:
        """Count one unreadable row of ``op`` (per thread, so a campaign's planning counts its own); the
        message never holds PHI (values are not logged unless they are the broken value itself)."""
        bad = getattr(self._local, "bad", None)
        if bad is None:
            bad = self._local.bad = Counter()
        bad[op] += 1
        with self._lock:
            self._bad_total[op] += 1
        _LOGGER.warning("EMR %s: skipped a row that cannot be read (%s)", op, type(exc).__name__)

    def bad_rows(self, reset: bool = False) -> Counter:
        """Rows skipped by this thread since the last reset (op -> count)."""
        bad = getattr(self._local, "bad", None) or Counter()
        if reset:
            self._local.bad = Counter()
        return Counter(bad)

    def bad_rows_total(self) -> Counter:
        with self._lock:
            return Counter(self._bad_total)

    def _readable(self, op: str, mapper: Callable[[dict[str, Any]], T], rows: Iterable[dict[str, Any]]) -> list[T]:
        out = []
        for row in rows:
            try:
                out.append(mapper(row))
            except (BadRow, ValueError, TypeError, OverflowError) as exc:
                self.skip_bad_row(op, exc)
        return out

    @classmethod
    def from_config(cls, config: Any) -> "EMR":
        from appliance.data.emr import settings as emr_settings

        url = emr_settings.emr_url(config)
        if not url:
            raise ConfigError("no EMR configured; run `dentalcall emr connect URL --profile reference`")
        emr = cls(
            url, emr_settings.profile_path(config),
            connect_timeout=float(config.emr_connect_timeout),
            statement_timeout=float(config.emr_statement_timeout),
            allow_writes=config.emr_booking == "emr",
        )
        emr.on_outage = _record_in_crm("outage")
        emr.on_recovered = lambda: _record_in_crm("recovered")(None, "EMR reachable again")
        return emr

    @property
    def last_error(self) -> str | None:
        return self._last_error

    @property
    def can_book(self) -> bool:
        return self.allow_writes and self.profile.can_write

    # --- plumbing ------------------------------------------------------------------------------------
    def _conn(self) -> drivers.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = drivers.connect(self.url, read_only=True, connect_timeout=self.connect_timeout,
                                   statement_timeout=self.statement_timeout)
            self._local.conn = conn
        return conn

    def _drop(self) -> None:
        conn = getattr(self._local, "conn", None)
        self._local.conn = None
        if conn is not None:
            conn.close()

    def _guard(self, op: str) -> None:
        if time.monotonic() < self._down_until:
            raise EMRUnavailable(f"EMR unavailable (retrying shortly): {self._last_error}")

    def _failed(self, op: str, exc: Exception) -> None:
        with self._lock:
            self._down_until = time.monotonic() + self.retry_after
            self._last_error = str(exc)
            self._was_down = True
        _LOGGER.warning("EMR %s failed: %s", op, exc)
        if self.on_outage:
            try:
                self.on_outage(op, str(exc))
            except Exception:  # never let logging an outage break a call
                _LOGGER.exception("recording the EMR outage failed")

    def params(self, extra: dict[str, Any]) -> dict[str, Any]:
        p = self.profile.params
        out = {k: v for k, v in p.items() if k not in ("date_format", "time_format")}
        for key, value in extra.items():
            out[key] = self.fmt(value)
        return out

    def fmt(self, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.strftime("%Y%m%d%H%M%S")
        if isinstance(value, dt.date):
            return value.strftime(self.profile.params.get("date_format", "%Y%m%d"))
        if isinstance(value, dt.time):
            return value.strftime(self.profile.params.get("time_format", "%H%M"))
        return value

    def run(self, op: str, **params: Any) -> list[dict[str, Any]]:
        """Run one read operation of the profile; rows as dicts with lower-case keys."""
        cols, rows = self.run_tuples(op, **params)
        return [dict(zip(cols, row)) for row in rows]

    def run_tuples(self, op: str, *, _wrap: Callable[[str], str] | None = None,
                   **params: Any) -> tuple[list[str], list[tuple]]:
        """Like ``run`` but ``(lower-case column names, row tuples)``; ``_wrap`` rewrites the profile SQL
        (paging and counting of target lists)."""
        self._guard(op)
        sql = self.profile.sql(op, self.dialect)
        drivers.check_read_only(sql, f"profile {self.profile.name} [queries.{op}]")
        if _wrap is not None:
            sql = _wrap(sql)
        started = time.monotonic()
        try:
            cols, rows = self._conn().query_tuples(sql, self.params(params))
        except EMRUnavailable as exc:
            self._drop()
            self._failed(op, exc)
            raise
        _LOGGER.debug("EMR %s: %d rows in %.1f ms", op, len(rows), (time.monotonic() - started) * 1000)
        with self._lock:
            self._down_until = 0.0
            recovered, self._was_down = self._was_down, False
        if recovered and self.on_recovered:
            try:
                self.on_recovered()
            except Exception:
                _LOGGER.exception("recording the EMR recovery failed")
        return cols, rows

    def close(self) -> None:
        self._drop()

    def check_connection(self) -> None:
        """Open the connection (``EMRUnavailable`` with the reason when the server cannot be reached/logged into)."""
        try:
            self._conn()
        except EMRUnavailable:
            self._drop()
            raise

    # --- reads for call flows ------------------------------------------------------------------------
    def find_patients_by_phone(self, number: str) -> list[Patient]:
        """Every patient registered on ``number`` (a family shares one phone); active first."""
        spellings = phones.variants(number)
        if not spellings:
            return []
        want = phones.canonical(number)
        found: dict[str, Patient] = {}
        for row in self.run("find_patients_by_phone", phones=spellings):
            patient = self.patient(row)
            if want in patient.phones:
                found[patient.id] = patient
        order = {"active": 0, "inactive": 1, "deceased": 2}
        return sorted(found.values(), key=lambda p: (order.get(p.status, 3), p.birth_date or dt.date.max))

    def get_patient(self, patient_id: str) -> Patient | None:
        rows = self.run("get_patient", patient_id=patient_id)
        return self.patient(rows[0]) if rows else None

    def list_visits(self, patient_id: str, limit: int = 100) -> list[Visit]:
        visits: dict[str, Visit] = {}
        for row in self.run("list_visits", patient_id=patient_id, limit=int(limit)):
            t = self.treatment(row)
            key = t.visit_id or t.date.isoformat()
            visit = visits.setdefault(key, Visit(id=key, patient_id=patient_id, date=t.date, doctor=t.doctor))
            visit.treatments.append(t)
        return sorted(visits.values(), key=lambda v: v.date, reverse=True)

    def upcoming_appointments(self, patient_id: str, now: dt.datetime | None = None) -> list[Appointment]:
        now = now or dt.datetime.now()
        rows = self.run("upcoming_appointments", patient_id=patient_id, from_date=now.date())
        return [a for a in self._readable("upcoming_appointments", self.appointment, rows)
                if a.end > now and a.status in ACTIVE_APPOINTMENT_STATUSES]

    def appointments_between(self, start: dt.datetime | dt.date, end: dt.datetime | dt.date) -> list[Appointment]:
        d0 = start.date() if isinstance(start, dt.datetime) else start
        d1 = end.date() if isinstance(end, dt.datetime) else end
        rows = self.run("appointments_between", date_from=d0, date_to=d1)
        return self._readable("appointments_between", self.appointment, rows)

    def doctors(self) -> list[Doctor]:
        if not self.profile.has("doctors"):
            return []
        return [Doctor(id=_s(r["id"]) or "", name=_s(r["name"]) or "",
                       active=yes_no(self.profile, r.get("active", "Y"))) for r in self.run("doctors")]

    def chairs(self) -> list[Chair]:
        if not self.profile.has("chairs"):
            return []
        return [Chair(id=_s(r["id"]) or "", name=_s(r["name"]) or "",
                      active=yes_no(self.profile, r.get("active", "Y"))) for r in self.run("chairs")]

    def scaling_used(self, patient_id: str | None = None, year: int | None = None) -> list[ScalingUse]:
        year = year or dt.date.today().year
        rows = self.run("scaling_this_year", patient_id=patient_id, year_start=dt.date(year, 1, 1),
                        year_end=dt.date(year, 12, 31))
        return [ScalingUse(patient_id=_s(r["patient_id"]) or "", date=parse_date(r["date"]) or dt.date.min,
                           code=_s(r.get("code"))) for r in rows]

    def implant_surgeries(self, date_from: dt.date, date_to: dt.date) -> list[ImplantSurgery]:
        rows = self.run("implant_surgeries", date_from=date_from, date_to=date_to)
        return [ImplantSurgery(patient_id=_s(r.get("id")) or "", date=parse_date(r["candidate_date"]) or date_from,
                               tooth=_s(r.get("tooth")), doctor=_s(r.get("doctor")), code=_s(r.get("code")))
                for r in rows]

    def treatments_on(self, day: dt.date) -> list[Treatment]:
        return [self.treatment(r) for r in self.run("treatments_on", date=day)]

    def appointments_with_patients(self, day: dt.date,
                                   day_to: dt.date | None = None) -> list[tuple[Appointment, Patient | None]]:
        """Active appointments on ``day`` (to ``day_to``) with their patients (reminder calls), in time order."""
        out = []
        cache: dict[str, Patient | None] = {}
        for a in self.appointments_between(day, day_to or day):
            if a.status not in ACTIVE_APPOINTMENT_STATUSES or not a.patient_id:
                continue
            if a.patient_id not in cache:
                rows = self.run("get_patient", patient_id=a.patient_id)
                found = self._readable("get_patient", self.patient, rows[:1])
                cache[a.patient_id] = found[0] if found else None
            out.append((a, cache[a.patient_id]))
        return sorted(out, key=lambda pair: pair[0].start)


def _record_in_crm(kind: str) -> Callable[[str | None, str], None]:
    """Outage/recovery recorder for ``EMR.from_config``: writes ``EMRSyncLog`` when the CRM is open."""

    def record(operation: str | None, message: str) -> None:
        try:
            from appliance.data import crm_records

            crm_records.record_emr_event(kind, operation, message)
        except Exception:  # CRM not opened in this process (CLI tools): the log line is enough
            _LOGGER.debug("EMR %s not recorded in the CRM", kind)

    return record
