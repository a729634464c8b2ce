"""Database drivers by URL, one neutral parameter style, read-only guard and fast failure.

URLs: ``postgresql://user:pw@host:5432/db``, ``mysql://`` or ``mariadb://`` (pymysql),
``mssql://user:pw@host:1433/DENTWEBDB`` (pymssql), ``sqlite:///abs/path.db``. Query strings may carry
``?unix_socket=/path`` (MariaDB) or ``?host=/dir`` (PostgreSQL socket dir).

Profile SQL uses ``:name`` parameters; ``translate()`` rewrites them for the driver's paramstyle.
Every failure to connect or run a statement becomes ``EMRUnavailable`` so callers need one except clause.
URLs are read in ``urls``, SQL text is checked and rewritten in ``sql`` (both re-exported here).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from typing import Any, Iterable

from appliance.data.emr.sql import check_read_only, expand_lists, param_names, translate  # noqa: F401 - re-exported
from appliance.data.emr.urls import (  # noqa: F401 - re-exported
    SCHEMES, DbUrl, mask_url, parse_url, split_password, with_password,
)
from appliance.errors import ConfigError, EMRUnavailable

_LOGGER = logging.getLogger(__name__)


class Connection:
    """One DB-API connection with the dialect's quirks hidden. Not thread-safe; use one per thread."""

    def __init__(self, url: DbUrl, *, read_only: bool, connect_timeout: float, statement_timeout: float):
        self.url = url
        self.dialect = url.dialect
        self.read_only = read_only
        self.statement_timeout = statement_timeout
        started = time.monotonic()
        try:
            self.raw = self._connect(connect_timeout, statement_timeout)
        except EMRUnavailable:
            raise
        except Exception as exc:  # every driver has its own error hierarchy
            raise EMRUnavailable(f"cannot connect to the EMR at {url.masked}: {_short(exc)}") from None
        _LOGGER.debug("EMR %s connected in %.0f ms", self.dialect, (time.monotonic() - started) * 1000)

    def _connect(self, connect_timeout: float, statement_timeout: float) -> Any:
        u = self.url
        ms = max(1, int(statement_timeout * 1000))
        if u.dialect == "sqlite":
            path = u.database or ":memory:"
            if self.read_only and path != ":memory:":
                import os

                if not os.path.exists(path):
                    raise EMRUnavailable(f"SQLite EMR file {path} does not exist")
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=statement_timeout,
                                       check_same_thread=False, isolation_level=None)
            else:
                conn = sqlite3.connect(path, timeout=max(statement_timeout, 5.0), check_same_thread=False,
                                       isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {max(ms, 5000)}")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB: target-list queries walk most of the file
            conn.execute("PRAGMA mmap_size = 268435456")
            return conn
        if u.dialect == "postgresql":
            import psycopg2

            opts = f"-c statement_timeout={ms} -c lock_timeout={ms} -c idle_in_transaction_session_timeout=60000"
            if self.read_only:
                opts += " -c default_transaction_read_only=on"
            kwargs: dict[str, Any] = dict(
                dbname=u.database, user=u.user, password=u.password,
                host=u.query.get("host") or u.host or "localhost", port=u.port or 5432,
                connect_timeout=max(1, int(round(connect_timeout))), options=opts,
                application_name="dentalcall",
            )
            conn = psycopg2.connect(**{k: v for k, v in kwargs.items() if v is not None})
            conn.set_client_encoding("UTF8")
            return conn
        if u.dialect == "mysql":
            import pymysql

            kwargs = dict(
                user=u.user or "root", password=u.password or "", database=u.database,
                connect_timeout=max(1, int(round(connect_timeout))),
                read_timeout=max(1, int(round(statement_timeout + 1))),
                write_timeout=max(1, int(round(statement_timeout + 1))),
                charset="utf8mb4", autocommit=False,
            )
            if u.query.get("unix_socket"):
                kwargs["unix_socket"] = u.query["unix_socket"]
            else:
                kwargs["host"] = u.host or "localhost"
                kwargs["port"] = u.port or 3306
            conn = pymysql.connect(**kwargs)
            with conn.cursor() as cur:
                try:
                    cur.execute(f"SET SESSION max_statement_time = {statement_timeout:.3f}")  # MariaDB
                except Exception:
                    cur.execute(f"SET SESSION max_execution_time = {ms}")  # MySQL (SELECT only)
                cur.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
                if self.read_only:
                    cur.execute("SET SESSION TRANSACTION READ ONLY")
            conn.commit()
            return conn
        if u.dialect == "mssql":
            import pymssql

            return pymssql.connect(
                server=u.host or "localhost", port=str(u.port or 1433), user=u.user, password=u.password,
                database=u.database or "", login_timeout=max(1, int(round(connect_timeout))),
                timeout=max(1, int(round(statement_timeout))), charset="UTF-8", autocommit=False,
            )
        raise ConfigError(f"unsupported dialect {u.dialect}")

    def query(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        cols, rows = self.query_tuples(sql, params)
        return [dict(zip(cols, row)) for row in rows]

    def query_tuples(self, sql: str, params: dict[str, Any] | None = None) -> tuple[list[str], list[tuple]]:
        """``(lower-case column names, rows as the driver's tuples)``: no dict per row (long target lists)."""
        sql, params = expand_lists(sql, params or {})
        needed = param_names(sql)
        bound = {name: params.get(name) for name in needed}
        native = translate(sql, self.dialect)
        try:
            cur = self.raw.cursor()
            cur.execute(native, bound)
            cols = [d[0].lower() for d in cur.description or []]
            rows = cur.fetchall()
            cur.close()
            if self.dialect != "sqlite" and self.read_only and self._in_txn():
                self.raw.rollback()  # end the read-only transaction: no idle snapshot left open
            return cols, rows
        except Exception as exc:
            self._fail(exc)
            raise  # pragma: no cover

    def execute(self, sql: str, params: dict[str, Any] | None = None) -> int | None:
        """Run a write statement inside the current transaction; returns lastrowid where known."""
        if self.read_only:
            raise EMRUnavailable("write attempted on a read-only EMR connection")
        sql, params = expand_lists(sql, params or {})
        bound = {name: params.get(name) for name in param_names(sql)}
        try:
            cur = self.raw.cursor()
            cur.execute(translate(sql, self.dialect), bound)
            rowid = getattr(cur, "lastrowid", None)
            cur.close()
            return rowid
        except Exception as exc:
            self._fail(exc)
            raise  # pragma: no cover

    def _in_txn(self) -> bool:
        return True

    def begin(self, serializable: bool = True) -> None:
        level = "SERIALIZABLE" if serializable else "READ COMMITTED"
        try:
            if self.dialect == "sqlite":
                self.raw.execute("BEGIN IMMEDIATE")
            elif self.dialect == "postgresql":
                self.raw.rollback()
                self.raw.set_session(isolation_level=level, readonly=False)
            elif self.dialect == "mysql":
                self.raw.rollback()
                with self.raw.cursor() as cur:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL " + level)
                    cur.execute("START TRANSACTION")
            elif self.dialect == "mssql":
                with self.raw.cursor() as cur:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL " + level)
        except Exception as exc:
            self._fail(exc)

    def commit(self) -> None:
        try:
            if self.dialect == "sqlite":
                if self.raw.in_transaction:
                    self.raw.execute("COMMIT")
            else:
                self.raw.commit()
        except Exception as exc:
            self._fail(exc)

    def rollback(self) -> None:
        try:
            if self.dialect == "sqlite":
                if self.raw.in_transaction:
                    self.raw.execute("ROLLBACK")
            else:
                self.raw.rollback()
        except Exception:
            pass

    def close(self) -> None:
        try:
            self.raw.close()
        except Exception:
            pass

    def _fail(self, exc: Exception) -> None:
        if is_conflict(exc):
            raise WriteConflict(_short(exc)) from None
        if isinstance(exc, ConfigError):
            raise exc
        raise EMRUnavailable(f"EMR query failed ({self.dialect}): {_short(exc)}") from None


class WriteConflict(EMRUnavailable):
    """Serialization failure or deadlock: the transaction lost a race and may be retried."""


def is_conflict(exc: Exception) -> bool:
    code = getattr(exc, "pgcode", None)
    if code in ("40001", "40P01"):
        return True
    args = getattr(exc, "args", ())
    if args and isinstance(args[0], int) and args[0] in (1213, 1205):  # MySQL deadlock / lock wait timeout
        return True
    text = str(exc).lower()
    return "database is locked" in text or "deadlock" in text or "could not serialize" in text


def _short(exc: Exception) -> str:
    """First line of a driver error, with quoted values and long digit runs blanked (no names or numbers in logs)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = re.sub(r"\"[^\"]*\"|'[^']*'", "'…'", text)
    text = re.sub(r"\d[\d-]{6,}", "…", text)
    return f"{type(exc).__name__}: {text[:200]}"


def connect(url: str | DbUrl, *, read_only: bool = True, connect_timeout: float = 2.0,
            statement_timeout: float = 3.0) -> Connection:
    u = parse_url(url) if isinstance(url, str) else url
    return Connection(u, read_only=read_only, connect_timeout=connect_timeout, statement_timeout=statement_timeout)


def executemany(conn: Connection, sql: str, rows: Iterable[tuple], batch: int = 5000) -> None:
    """Bulk insert for the demo generator: positional ``?`` placeholders in ``sql``."""
    raw = conn.raw
    rows = list(rows)
    if conn.dialect == "sqlite":
        raw.executemany(sql, rows)
        return
    if conn.dialect == "postgresql":  # COPY is ~10x faster than INSERTs for the 100k-patient demo
        import io

        m = re.match(r"INSERT INTO (\w+) \(([^)]*)\)", sql)
        if not m:
            raise ValueError("executemany on PostgreSQL needs INSERT INTO table (cols) VALUES (...)")

        def cell(v: Any) -> str:
            if v is None:
                return "\\N"
            return str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")

        buf = io.StringIO()
        for row in rows:
            buf.write("\t".join(cell(v) for v in row))
            buf.write("\n")
        buf.seek(0)
        with raw.cursor() as cur:
            cur.copy_expert(f"COPY {m.group(1)} ({m.group(2)}) FROM STDIN", buf)
        return
    native = sql.replace("?", "%s")
    with raw.cursor() as cur:
        for i in range(0, len(rows), batch):
            cur.executemany(native, rows[i:i + batch])
