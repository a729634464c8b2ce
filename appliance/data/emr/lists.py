"""The EMR's outbound target lists (campaigns), mixed into ``EMR``.

The long lists (recall, scaling, 65+, private insurance) run through ``_list``: in patient-id order,
optionally one page at a time (``limit`` rows after the id ``after``), so a campaign that calls a few
hundred patients a day reads a few hundred rows, not 50,000. ``count_candidates`` counts a whole list
on the server (``campaigns preview``). A row whose values cannot be read is skipped and counted
(``EMR.bad_rows``), never allowed to stop the list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Iterator

from appliance.data.emr.model import BadRow, BenefitHistory, Candidate
from appliance.data.emr.values import months_ago, parse_date, text, years_ago


class TargetLists:
    """Target queries of ``EMR`` (needs its ``run``, ``run_tuples``, ``profile``, ``dialect``, ``candidate``,
    ``patient``, ``treatment`` and ``skip_bad_row``)."""

    run: Callable[..., list[dict[str, Any]]]
    run_tuples: Callable[..., tuple[list[str], list[tuple]]]
    profile: Any
    dialect: str
    candidate: Callable[..., Candidate]
    patient: Callable[..., Any]
    treatment: Callable[..., Any]
    skip_bad_row: Callable[[str, Exception], None]

    def recall_candidates(self, months: int = 6, today: dt.date | None = None, max_months: int = 60, *,
                          limit: int | None = None, after: Any = None) -> list[Candidate]:
        """Patients whose last visit is more than ``months`` ago (but within ``max_months``), nothing booked."""
        return self._list(*self._recall_query(months, today, max_months), limit=limit, after=after)[0]

    def _recall_query(self, months: int = 6, today: dt.date | None = None,
                      max_months: int = 60) -> tuple[str, dict[str, Any], str]:
        today = today or dt.date.today()
        return "last_visits", dict(before=months_ago(today, months), since=months_ago(today, max_months),
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
            birth_limit = years_ago(today, adult_age)
        return "scaling_unused", dict(birth_on_or_before=birth_limit, year_start=dt.date(today.year, 1, 1),
                                      seen_since=months_ago(today, seen_within_months)), "scaling"

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
            c = self.candidate(r, "implant_checkup", detail=text(r.get("tooth")))
            out[c.patient_id] = c
        return list(out.values())

    def happy_call_candidates(self, day: dt.date | None = None, categories: tuple[str, ...] = (
                              "extraction", "wisdom_tooth", "root_canal", "implant", "gum")) -> list[Candidate]:
        """Patients treated on ``day`` (default yesterday) with one of ``categories``; one per patient.

        When the profile lists ``[params] happy_call_codes``, only those treatment codes count (so the crown
        placed on an implant, a prosthetic visit, does not trigger "임플란트 후 안부")."""
        day = day or dt.date.today() - dt.timedelta(days=1)
        codes = self.profile.params.get("happy_call_codes")
        wanted = {str(c).strip() for c in codes} if codes else None
        out: dict[str, Candidate] = {}
        for r in self.run("treatments_on", date=day):
            t = self.treatment(r)
            if wanted is not None and (t.code or "") not in wanted:
                continue
            if t.category in categories and t.patient_id not in out:
                out[t.patient_id or ""] = self.candidate(r, "happy_call", detail=t.category)
        return list(out.values())

    def senior_candidates(self, today: dt.date | None = None, age: int = 65, seen_within_months: int = 60, *,
                          limit: int | None = None, after: Any = None) -> list[Candidate]:
        return self._list(*self._senior_query(today, age, seen_within_months), limit=limit, after=after)[0]

    def _senior_query(self, today: dt.date | None = None, age: int = 65,
                      seen_within_months: int = 60) -> tuple[str, dict[str, Any], str]:
        today = today or dt.date.today()
        return "seniors", dict(birth_on_or_before=years_ago(today, age),
                               seen_since=months_ago(today, seen_within_months)), "senior"

    def private_insurance_candidates(self, today: dt.date | None = None, months: int = 3, *,
                                     limit: int | None = None, after: Any = None) -> list[Candidate]:
        if not self.profile.has("private_insurance"):
            return []
        return self._list(*self._private_query(today, months), limit=limit, after=after)[0]

    def _private_query(self, today: dt.date | None = None, months: int = 3) -> tuple[str, dict[str, Any], str]:
        today = today or dt.date.today()
        return "private_insurance", dict(before=months_ago(today, months)), "private_insurance"

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
            got, after, read = self._list(op, params, reason, limit=page, after=after, where=where)
            yield from got
            if read < page:
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
              after: Any = None, where: list[str] | None = None) -> tuple[list[Candidate], Any, int]:
        """Candidates of one list query in patient-id order: all of them, or ``limit`` after id ``after``;
        ``where``: extra conditions on the list's columns (``cq.<alias>``).
        Returns (candidates, the raw id of the last row for the next page, rows read)."""
        conds = list(where or []) + (["cq.id > :page_after"] if after is not None else [])
        extra = {} if limit is None else {"page_limit": int(limit)}
        if after is not None:
            extra["page_after"] = after
        cols, rows = self.run_tuples(op, _wrap=lambda sql: list_sql(sql, self.dialect, conds, limit is not None),
                                     **params, **extra)
        ids = [row[cols.index("id")] for row in rows if row[cols.index("id")] is not None]
        return self._candidates(cols, rows, reason), (ids[-1] if ids else after), len(rows)

    def _candidates(self, cols: list[str], rows: list[tuple], reason: str) -> list[Candidate]:
        """Candidates straight from row tuples; each patient is mapped only if the campaign looks at it."""
        pid = cols.index("id") if "id" in cols else cols.index("patient_id")
        when = cols.index("candidate_date") if "candidate_date" in cols else None
        mapper = (lambda row: self.patient(dict(zip(cols, row)))) if "name" in cols else None
        history = _history_reader(cols)
        out = []
        for row in rows:
            ident = row[pid]
            if ident is None:
                self.skip_bad_row(reason, BadRow("candidate without a patient id"))
                continue
            out.append(Candidate(ident if type(ident) is str else (text(ident) or ""), reason,
                                 parse_date(row[when]) if when is not None else None, None, None,
                                 row if mapper else None, mapper, history(row) if history else None))
        return out


def _history_reader(cols: list[str]) -> Callable[[tuple], BenefitHistory] | None:
    """The 65+ list's benefit columns (``nhis_implants``, ``last_insured_denture``, ``last_surgery``), if any."""
    if "nhis_implants" not in cols:
        return None
    implants = cols.index("nhis_implants")
    denture = cols.index("last_insured_denture") if "last_insured_denture" in cols else None
    surgery = cols.index("last_surgery") if "last_surgery" in cols else None

    def read(row: tuple) -> BenefitHistory:
        try:
            used = int(row[implants] or 0)
        except (TypeError, ValueError):
            used = 0
        return BenefitHistory(used, parse_date(row[denture]) if denture is not None else None,
                              parse_date(row[surgery]) if surgery is not None else None)

    return read

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
