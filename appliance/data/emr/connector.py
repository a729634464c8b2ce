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
from typing import Any, Callable, Iterator

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
    # The long lists (recall, scaling, 65+, private insurance) run through ``_list``: in patient-id order,
    # optionally one page at a time (``limit`` rows after the id ``after``), so a campaign that calls a few
    # hundred patients a day reads a few hundred rows, not 50,000. ``count_candidates`` counts a whole list
    # on the server (``campaigns preview``).
    def recall_candidates(self, months: int = 6, today: dt.date | None = None, max_months: int = 60, *,
                          limit: int | None = None, after: Any = None) -> list[Candidate]:
        """Patients whose last visit is more than ``months`` ago (but within ``max_months``), nothing booked."""
        return self._list(*self._recall_query(months, today, max_months), limit=limit, after=after)[0]

    def _recall_query(self, months: int = 6, today: dt.date | None = None,
                      max_months: int = 60) -> tuple[str, dict[str, Any], str]:
        today = today or dt.date.today()
        return "last_visits", dict(before=_months_ago(today, months), since=_months_ago(today, max_months),
                                   today=today), "recall"

    def scaling_candidates(self, today: dt.date | None = None, adult_age: int = 19, age_rule: str = "birthday",
                           seen_within_months: int = 36, *, limit: int | None = None,
                           after: Any = None) -> list[Candidate]:
        """Insured adults with no insurance scaling billed here this calendar year.

        ``age_rule``: ``birthday`` (만 19세 on ``today``) or ``year`` (from Jan 1 of the year they turn 19)."""
        return self._list(*self._scaling_query(today, adult_age, age_rule, seen_within_months),
                          limit=limit, after=after)[0]

    def _scaling_query(self, today: dt.date | None = None, adult_age: int = 19, age_rule: str = "birthday",
                       seen_within_months: int = 36) -> tuple[str, dict[str, Any], str]:
        today = today or dt.date.today()
        if age_rule == "year":
            birth_limit = dt.date(today.year - adult_age, 12, 31)
        else:
            birth_limit = _years_ago(today, adult_age)
        return "scaling_unused", dict(birth_on_or_before=birth_limit, year_start=dt.date(today.year, 1, 1),
                                      seen_since=_months_ago(today, seen_within_months)), "scaling"

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

    def senior_candidates(self, today: dt.date | None = None, age: int = 65, seen_within_months: int = 60, *,
                          limit: int | None = None, after: Any = None) -> list[Candidate]:
        return self._list(*self._senior_query(today, age, seen_within_months), limit=limit, after=after)[0]

    def _senior_query(self, today: dt.date | None = None, age: int = 65,
                      seen_within_months: int = 60) -> tuple[str, dict[str, Any], str]:
        today = today or dt.date.today()
        return "seniors", dict(birth_on_or_before=_years_ago(today, age),
                               seen_since=_months_ago(today, seen_within_months)), "senior"

    def private_insurance_candidates(self, today: dt.date | None = None, months: int = 3, *,
                                     limit: int | None = None, after: Any = None) -> list[Candidate]:
        if not self.profile.has("private_insurance"):
            return []
        return self._list(*self._private_query(today, months), limit=limit, after=after)[0]

    def _private_query(self, today: dt.date | None = None, months: int = 3) -> tuple[str, dict[str, Any], str]:
        today = today or dt.date.today()
        return "private_insurance", dict(before=_months_ago(today, months)), "private_insurance"

    LISTS = {"recall": "_recall_query", "scaling": "_scaling_query", "senior": "_senior_query",
             "private_insurance": "_private_query"}

    def iter_candidates(self, kind: str, *args: Any, page: int = 500, max_page: int = 8000,
                        consented_since: dt.date | None = None, **kwargs: Any) -> Iterator[Candidate]:
        """One target list (``LISTS``: recall, scaling, senior, private_insurance) in patient-id order, read
        a page at a time as the caller consumes it (pages double up to ``max_page``): stopping after the
        day's targets reads only the rows looked at. Same rows, same order as the ``*_candidates`` lists.

        ``consented_since``: only patients with marketing consent dated on or after it, when the profile
        has ``[filters] ad_consent`` (otherwise every row; the caller checks consent itself either way)."""
        op, params, reason = getattr(self, self.LISTS[kind])(*args, **kwargs)
        if not self.profile.has(op):
            return
        where, params = self._filters(params, consented_since)
        after = None
        while True:
            got, after = self._list(op, params, reason, limit=page, after=after, where=where)
            yield from got
            if len(got) < page:
                return
            page = min(max_page, page * 2)

    def count_candidates(self, kind: str, *args: Any, consented_since: dt.date | None = None,
                         **kwargs: Any) -> int:
        """How many rows the whole list ``kind`` has, counted by the EMR server (no rows transferred)."""
        op, params, _ = getattr(self, self.LISTS[kind])(*args, **kwargs)
        if not self.profile.has(op):
            return 0
        where, params = self._filters(params, consented_since)
        _, rows = self.run_tuples(op, _wrap=lambda sql: count_sql(sql, where), **params)
        return int(rows[0][0]) if rows else 0

    def _filters(self, params: dict[str, Any], consented_since: dt.date | None) -> tuple[list[str], dict[str, Any]]:
        if consented_since is None or "ad_consent" not in self.profile.filters:
            return [], params
        return [f"({self.profile.filters['ad_consent']})"], dict(params, consent_since=consented_since)

    def _list(self, op: str, params: dict[str, Any], reason: str, *, limit: int | None = None,
              after: Any = None, where: list[str] | None = None) -> tuple[list[Candidate], Any]:
        """Candidates of one list query in patient-id order: all of them, or ``limit`` after id ``after``;
        ``where``: extra conditions on the list's columns (``cq.<alias>``).
        Returns (candidates, the raw id of the last row for the next page)."""
        conds = list(where or []) + (["cq.id > :page_after"] if after is not None else [])
        extra = {} if limit is None else {"page_limit": int(limit)}
        if after is not None:
            extra["page_after"] = after
        cols, rows = self.run_tuples(op, _wrap=lambda sql: list_sql(sql, self.dialect, conds, limit is not None),
                                     **params, **extra)
        return self._candidates(cols, rows, reason), (rows[-1][cols.index("id")] if rows else after)

    def _candidates(self, cols: list[str], rows: list[tuple], reason: str) -> list[Candidate]:
        """Candidates straight from row tuples; each patient is mapped only if the campaign looks at it."""
        pid = cols.index("id") if "id" in cols else cols.index("patient_id")
        when = cols.index("candidate_date") if "candidate_date" in cols else None
        mapper = (lambda row: self.patient(dict(zip(cols, row)))) if "name" in cols else None
        out = []
        for row in rows:
            ident = row[pid]
            out.append(Candidate(ident if type(ident) is str else (_s(ident) or ""), reason,
                                 parse_date(row[when]) if when is not None else None, None, None,
                                 row if mapper else None, mapper))
        return out


def list_sql(sql: str, dialect: str, conds: list[str], limited: bool) -> str:
    """A target-list query in patient-id order, filtered by ``conds`` on its columns (``cq.<alias>``) and,
    when ``limited``, cut to ``:page_limit`` rows. The profile's query must not ORDER BY itself."""
    where = f" WHERE {' AND '.join(conds)}" if conds else ""
    if not limited:
        return f"SELECT * FROM ({sql}) cq{where} ORDER BY cq.id"
    if dialect == "mssql":
        return f"SELECT TOP (:page_limit) * FROM ({sql}) cq{where} ORDER BY cq.id"
    return f"SELECT * FROM ({sql}) cq{where} ORDER BY cq.id LIMIT :page_limit"


def count_sql(sql: str, conds: list[str]) -> str:
    where = f" WHERE {' AND '.join(conds)}" if conds else ""
    return f"SELECT COUNT(*) AS n FROM ({sql}) cq{where}"


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
