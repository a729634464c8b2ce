"""The vendor's "문자 에이전트": a program at the clinic that sends whatever is inserted into its MT table and
writes the patients' replies into its MO table (MariaDB/MySQL, PostgreSQL, MS SQL Server or SQLite).

The table contract is a profile (TOML) of SQL statements with ``:name`` parameters, like the EMR profiles:

* ``insert_mt`` (:reference, :sender, :receiver, :subject, :text, :type, :now) — one MT row;
* ``find_mt`` (:reference) — the row we wrote, if any (``status``, ``result`` columns);
* ``mt_reports`` (:references, a list) — ``reference``, ``status``, ``result`` of our rows;
* ``read_mo`` (:after) — reply rows after the last one read: ``id`` (increasing), ``phone``, ``text``,
  ``received_at``.

Exactly once: before inserting, the row is looked up by ``reference`` in the same transaction (and the
generic tables make ``reference`` unique), so a resend after a crash finds the first row instead of adding a
second. ``[values]`` map our SMS/LMS to the agent's type codes and its status/result codes to ours.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from appliance.data.emr import drivers
from appliance.errors import ConfigError, EMRUnavailable
from appliance.sms.gateways.base import ACCEPTED, RETRY, Incoming, Outgoing, Report, SendResult

_LOGGER = logging.getLogger(__name__)
REQUIRED = ("insert_mt", "find_mt", "mt_reports", "read_mo")


class DbAgentGateway:
    idempotent = True  # the MT row is found by its reference before any insert

    def __init__(self, url: str, profile: dict[str, Any], *, timeout: float = 5.0):
        self.url = drivers.parse_url(url)
        self.name = f"db_agent:{profile.get('name')}"
        self.profile = profile
        self.timeout = timeout
        self.values = profile.get("values") or {}
        missing = [op for op in REQUIRED if not self._sql(op, required=False)]
        if missing:
            raise ConfigError(f"SMS agent profile {profile.get('name')}: [sql] lacks {', '.join(missing)}")
        self._conn: drivers.Connection | None = None

    def _sql(self, op: str, required: bool = True) -> str:
        sql = self.profile.get("sql") or {}
        text = (sql.get(self.url.dialect) or {}).get(op) or sql.get(op)
        if not text and required:
            raise ConfigError(f"SMS agent profile {self.profile.get('name')}: no [sql] {op}")
        return str(text or "")

    def _connection(self) -> drivers.Connection:
        if self._conn is None:
            try:
                self._conn = drivers.connect(self.url, read_only=False, connect_timeout=self.timeout,
                                             statement_timeout=self.timeout)
            except EMRUnavailable as exc:
                raise _unavailable(exc) from None
        return self._conn

    def _drop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _query(self, op: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        conn = self._connection()
        try:
            rows = conn.query(self._sql(op), params)
            conn.commit()
            return rows
        except EMRUnavailable as exc:
            self._drop()
            raise _unavailable(exc) from None

    # --- MT ---------------------------------------------------------------------------------------------
    def send(self, message: Outgoing) -> SendResult:
        try:
            conn = self._connection()
        except EMRUnavailable as exc:
            return SendResult(RETRY, error=str(exc))
        params = {"reference": message.reference, "sender": message.sender, "receiver": message.receiver,
                  "subject": message.subject, "text": message.text,
                  "type": str(self.values.get(message.type.lower(), message.type)),
                  "now": dt.datetime.now().replace(microsecond=0)}
        try:
            conn.begin(serializable=False)
            if conn.query(self._sql("find_mt"), params):
                conn.rollback()
                return SendResult(ACCEPTED, vendor_id=message.reference)  # written by an earlier attempt
            conn.execute(self._sql("insert_mt"), params)
            conn.commit()
        except EMRUnavailable as exc:
            conn.rollback()
            self._drop()
            if _is_duplicate(exc):  # a unique reference column caught a second insert
                return SendResult(ACCEPTED, vendor_id=message.reference)
            return SendResult(RETRY, error=f"agent database: {exc}")
        return SendResult(ACCEPTED, vendor_id=message.reference)

    def _report(self, row: dict[str, Any], reference: str) -> Report:
        status = _s(row.get("status"))
        result = _s(row.get("result"))
        if status in [str(v) for v in self.values.get("done_status", [])]:
            if result in [str(v) for v in self.values.get("success_results", [])]:
                return Report("delivered", reference=reference)
            return Report("failed", reference=reference, error=f"agent result {result}")
        return Report("sent", reference=reference)

    def lookup(self, reference: str) -> Report | None:
        try:
            rows = self._query("find_mt", {"reference": reference})
        except EMRUnavailable:
            return None
        return self._report(rows[0], reference) if rows else Report("missing", reference=reference)

    def reports(self, references: list[str]) -> list[Report]:
        if not references:
            return []
        rows = self._query("mt_reports", {"references": list(references)})
        return [self._report(row, _s(row.get("reference")) or "") for row in rows]

    # --- MO ---------------------------------------------------------------------------------------------
    def receive_after(self, after: int, limit: int = 200) -> list[tuple[int, Incoming]]:
        """Reply rows after id ``after``: ``(id, Incoming)`` in id order."""
        rows = self._query("read_mo", {"after": after})
        out = []
        for row in rows[:limit]:
            received = row.get("received_at")
            if isinstance(received, str):
                try:
                    received = dt.datetime.fromisoformat(received)
                except ValueError:
                    received = None
            out.append((int(row["id"]), Incoming(str(row["id"]), _s(row.get("phone")) or "",
                                                 _s(row.get("text")) or "", received)))
        return out

    def check(self) -> None:
        """One real query on each table (raises when the agent database or its tables are not there)."""
        self._query("find_mt", {"reference": "doctor-check"})
        self._query("read_mo", {"after": 2**62})

    def close(self) -> None:
        self._drop()


def _s(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip()


def _unavailable(exc: Exception) -> EMRUnavailable:
    return EMRUnavailable(str(exc).replace("EMR", "SMS agent database"))


def _is_duplicate(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(word in text for word in ("duplicate", "unique", "integrity"))
