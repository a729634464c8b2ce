"""The EMR connector: runs a profile's queries against the clinic's EMR and returns canonical objects.

One ``EMR`` per process (``EMR.from_config(config)``); it keeps one read-only connection per thread, fails
fast (connect and statement timeouts) and, after a failure, short-circuits for ``retry_after`` seconds so
no call waits on a dead server: every method raises ``EMRUnavailable`` then. Outages are recorded in the
CRM (``crm_records.EMRSyncLog``) by the callers that own a CRM connection (``record_outage``).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
import time
from typing import Any, Callable

from appliance.data import phone as phones
from appliance.data.emr import drivers
from appliance.data.emr.model import (
    ACTIVE_APPOINTMENT_STATUSES, Appointment, Candidate, Chair, Doctor, ImplantSurgery, Patient, ScalingUse,
    Treatment, Visit,
)
from appliance.data.emr.profile import Profile, load as load_profile
from appliance.errors import ConfigError, EMRUnavailable

_LOGGER = logging.getLogger(__name__)


def parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return _parse_date_text(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) >= 8:
        try:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            return None
    return None


@functools.lru_cache(maxsize=131072)
def _parse_date_text(text: str) -> dt.date | None:
    text = text.strip()
    digits = text if text.isdigit() else "".join(c for c in text if c.isdigit())
    if len(digits) >= 8:
        try:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        except ValueError:
            return None
    return None


_canonical_phone = functools.lru_cache(maxsize=262144)(phones.canonical)


def parse_time(value: Any) -> dt.time | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.time):
        return value
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.timedelta):  # MySQL TIME
        secs = int(value.total_seconds())
        return dt.time(secs // 3600, (secs // 60) % 60)
    digits = "".join(c for c in str(value) if c.isdigit())
    if len(digits) == 3:
        digits = "0" + digits
    if len(digits) >= 4:
        return dt.time(int(digits[:2]), int(digits[2:4]))
    return None


def _flag(profile: Profile, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    mapped = profile.value("flag", value, "false")
    return str(mapped).lower() in ("true", "1", "y", "yes")


def _s(value: Any) -> str | None:
    if value is None:
        return None
    if type(value) is str:
        return value.strip()
    if type(value) is int:
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class EMR:
    def __init__(self, url: str, profile: Profile | str = "reference", *, connect_timeout: float = 2.0,
                 statement_timeout: float = 3.0, retry_after: float = 5.0, allow_writes: bool = False):
        self.url = drivers.parse_url(url)
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

    @classmethod
    def from_config(cls, config: Any) -> "EMR":
        from appliance.data.emr import settings as emr_settings

        url = emr_settings.emr_url(config)
        if not url:
            raise ConfigError("no EMR configured; run `dentalcall emr connect URL --profile reference`")
        emr = cls(
            url, emr_settings.profile_path(config),
            connect_timeout=float(getattr(config, "emr_connect_timeout", 2.0)),
            statement_timeout=float(getattr(config, "emr_statement_timeout", 3.0)),
            allow_writes=str(getattr(config, "emr_booking", "request")) == "emr",
        )
        emr.on_outage = _record_in_crm("outage")
        emr.on_recovered = lambda: _record_in_crm("recovered")(None, "EMR reachable again")
        return emr

    @property
    def dialect(self) -> str:
        return self.url.dialect

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
        self._guard(op)
        sql = self.profile.sql(op, self.dialect)
        drivers.check_read_only(sql, f"profile {self.profile.name} [queries.{op}]")
        started = time.monotonic()
        try:
            rows = self._conn().query(sql, self.params(params))
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
        return rows

    def close(self) -> None:
        self._drop()

    # --- mapping -------------------------------------------------------------------------------------
    def _maps(self) -> tuple[dict, dict, dict, dict]:
        maps = getattr(self, "_value_maps", None)
        if maps is None:
            v = self.profile.values
            maps = self._value_maps = (v.get("sex", {}), v.get("insurance", {}), v.get("status", {}), v.get("flag", {}))
        return maps

    def patient(self, row: dict[str, Any]) -> Patient:
        """Map one patient row (hot path for campaign target lists: keep it cheap)."""
        sex_map, ins_map, status_map, flag_map = self._maps()
        numbers = []
        for key in ("phone1", "phone2", "phone3"):
            raw = row.get(key)
            if raw:
                n = _canonical_phone(str(raw))
                if n and n not in numbers:
                    numbers.append(n)
        if len(numbers) > 1:
            numbers.sort(key=lambda n: not phones.is_mobile(n))

        def code(key: str, mapping: dict, default: Any) -> Any:
            raw = row.get(key)
            if raw is None:
                return default
            text = _s(raw) or ""
            if not mapping:
                return text or default
            got = mapping.get(text)
            return got if got is not None else mapping.get("*", default)

        def flag(key: str) -> bool:
            raw = row.get(key)
            if raw is None:
                return False
            if isinstance(raw, bool):
                return raw
            got = flag_map.get(_s(raw) or "", flag_map.get("*", str(raw)))
            return str(got).lower() in ("true", "1", "y", "yes")

        ident = row.get("id")
        if ident is None:
            ident = row.get("patient_id")
        return Patient(
            id=_s(ident) or "",
            chart_no=_s(row.get("chart_no")),
            name=_s(row.get("name")),
            birth_date=parse_date(row.get("birth_date")),
            sex=code("sex", sex_map, None),
            phones=numbers,
            insurance=code("insurance", ins_map, "none"),
            private_insurance=flag("private_insurance"),
            marketing_consent=flag("marketing_consent"),
            marketing_consent_date=parse_date(row.get("marketing_consent_date")),
            night_consent=flag("night_consent"),
            status=code("status", status_map, "active"),
            last_visit=parse_date(row.get("last_visit")),
        )

    def treatment(self, row: dict[str, Any]) -> Treatment:
        code = _s(row.get("code"))
        name = _s(row.get("tx_name") if "tx_name" in row else row.get("name"))
        return Treatment(
            date=parse_date(row.get("date") or row.get("candidate_date")) or dt.date.min,
            category=self.profile.category(code, name), code=code, name=name, tooth=_s(row.get("tooth")),
            doctor=_s(row.get("doctor")), patient_id=_s(row.get("patient_id") or row.get("id")),
            visit_id=_s(row.get("visit_id")),
        )

    def appointment(self, row: dict[str, Any]) -> Appointment:
        if row.get("start") is not None:
            start = row["start"] if isinstance(row["start"], dt.datetime) else None
        else:
            start = None
        if start is None:
            day = parse_date(row.get("date") or row.get("start"))
            at = parse_time(row.get("time")) or dt.time(0, 0)
            start = dt.datetime.combine(day or dt.date.min, at)
        text = _s(row.get("treatment"))
        return Appointment(
            id=_s(row.get("id")), patient_id=_s(row.get("patient_id")), start=start,
            duration_min=int(row.get("duration_min") or 30), doctor=_s(row.get("doctor")),
            chair=_s(row.get("chair")), status=self.profile.value("appointment_status", _s(row.get("status")), "booked"),
            treatment=self.profile.category(None, text) or text, memo=_s(row.get("memo")),
        )

    def candidate(self, row: dict[str, Any], reason: str, detail: str | None = None) -> Candidate:
        return Candidate(
            patient_id=_s(row.get("id") or row.get("patient_id")) or "", reason=reason,
            date=parse_date(row.get("candidate_date")), detail=detail,
            row=row if "name" in row else None, mapper=self.patient,
        )

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
        return [a for a in map(self.appointment, rows) if a.end > now and a.status in ACTIVE_APPOINTMENT_STATUSES]

    def appointments_between(self, start: dt.datetime | dt.date, end: dt.datetime | dt.date) -> list[Appointment]:
        d0 = start.date() if isinstance(start, dt.datetime) else start
        d1 = end.date() if isinstance(end, dt.datetime) else end
        return [self.appointment(r) for r in self.run("appointments_between", date_from=d0, date_to=d1)]

    def doctors(self) -> list[Doctor]:
        if not self.profile.has("doctors"):
            return []
        return [Doctor(id=_s(r["id"]) or "", name=_s(r["name"]) or "", active=_flag(self.profile, r.get("active", "Y")))
                for r in self.run("doctors")]

    def chairs(self) -> list[Chair]:
        if not self.profile.has("chairs"):
            return []
        return [Chair(id=_s(r["id"]) or "", name=_s(r["name"]) or "", active=_flag(self.profile, r.get("active", "Y")))
                for r in self.run("chairs")]

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

    def appointments_with_patients(self, day: dt.date) -> list[tuple[Appointment, Patient | None]]:
        """Active appointments on ``day`` with their patients (reminder calls the day before)."""
        out = []
        cache: dict[str, Patient | None] = {}
        for a in self.appointments_between(day, day):
            if a.status not in ACTIVE_APPOINTMENT_STATUSES or not a.patient_id:
                continue
            if a.patient_id not in cache:
                cache[a.patient_id] = self.get_patient(a.patient_id)
            out.append((a, cache[a.patient_id]))
        return out

    # --- outbound target queries (campaigns) ----------------------------------------------------------
    def recall_candidates(self, months: int = 6, today: dt.date | None = None, max_months: int = 60) -> list[Candidate]:
        """Patients whose last visit is more than ``months`` ago (but within ``max_months``), nothing booked."""
        today = today or dt.date.today()
        rows = self.run("last_visits", before=_months_ago(today, months), since=_months_ago(today, max_months),
                        today=today)
        return [self.candidate(r, "recall") for r in rows]

    def scaling_candidates(self, today: dt.date | None = None, adult_age: int = 19, age_rule: str = "birthday",
                           seen_within_months: int = 36) -> list[Candidate]:
        """Insured adults with no insurance scaling billed here this calendar year.

        ``age_rule``: ``birthday`` (만 19세 on ``today``) or ``year`` (from Jan 1 of the year they turn 19)."""
        today = today or dt.date.today()
        if age_rule == "year":
            birth_limit = dt.date(today.year - adult_age, 12, 31)
        else:
            birth_limit = _years_ago(today, adult_age)
        rows = self.run("scaling_unused", birth_on_or_before=birth_limit, year_start=dt.date(today.year, 1, 1),
                        seen_since=_months_ago(today, seen_within_months))
        return [self.candidate(r, "scaling") for r in rows]

    def implant_checkup_candidates(self, today: dt.date | None = None, days_after: int = 30,
                                   window_days: int = 7) -> list[Candidate]:
        """Implant surgeries about ``days_after`` days ago (± half the window), one candidate per patient."""
        today = today or dt.date.today()
        centre = today - dt.timedelta(days=days_after)
        half = window_days // 2
        rows = self.run("implant_surgeries", date_from=centre - dt.timedelta(days=half),
                        date_to=centre + dt.timedelta(days=half))
        out: dict[str, Candidate] = {}
        for r in rows:
            c = self.candidate(r, "implant_checkup", detail=_s(r.get("tooth")))
            out[c.patient_id] = c
        return list(out.values())

    def happy_call_candidates(self, day: dt.date | None = None,
                              categories: tuple[str, ...] = ("extraction", "wisdom_tooth", "root_canal", "implant", "gum")
                              ) -> list[Candidate]:
        """Patients treated on ``day`` (default yesterday) with one of ``categories``; one per patient."""
        day = day or dt.date.today() - dt.timedelta(days=1)
        out: dict[str, Candidate] = {}
        for r in self.run("treatments_on", date=day):
            t = self.treatment(r)
            if t.category in categories and t.patient_id not in out:
                out[t.patient_id or ""] = self.candidate(r, "happy_call", detail=t.category)
        return list(out.values())

    def senior_candidates(self, today: dt.date | None = None, age: int = 65,
                          seen_within_months: int = 60) -> list[Candidate]:
        today = today or dt.date.today()
        rows = self.run("seniors", birth_on_or_before=_years_ago(today, age),
                        seen_since=_months_ago(today, seen_within_months))
        return [self.candidate(r, "senior") for r in rows]

    def private_insurance_candidates(self, today: dt.date | None = None, months: int = 3) -> list[Candidate]:
        if not self.profile.has("private_insurance"):
            return []
        today = today or dt.date.today()
        rows = self.run("private_insurance", before=_months_ago(today, months))
        return [self.candidate(r, "private_insurance") for r in rows]


def _record_in_crm(kind: str) -> Callable[[str | None, str], None]:
    """Outage/recovery recorder for ``EMR.from_config``: writes ``EMRSyncLog`` when the CRM is open."""

    def record(operation: str | None, message: str) -> None:
        try:
            from appliance.data import crm_records

            crm_records.record_emr_event(kind, operation, message)
        except Exception:  # CRM not opened in this process (CLI tools): the log line is enough
            _LOGGER.debug("EMR %s not recorded in the CRM", kind)

    return record


def _years_ago(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # Feb 29
        return day.replace(year=day.year - years, day=28)


def _months_ago(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.year * 12 + (day.month - 1) - months, 12)
    import calendar

    return dt.date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))
