"""Database drivers by URL, one neutral parameter style, read-only guard and fast failure.

URLs: ``postgresql://user:pw@host:5432/db``, ``mysql://`` or ``mariadb://`` (pymysql),
``mssql://user:pw@host:1433/DENTWEBDB`` (pymssql), ``sqlite:///abs/path.db``. Query strings may carry
``?unix_socket=/path`` (MariaDB) or ``?host=/dir`` (PostgreSQL socket dir).

Profile SQL uses ``:name`` parameters; ``translate()`` rewrites them for the driver's paramstyle.
Every failure to connect or run a statement becomes ``EMRUnavailable`` so callers need one except clause.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import sqlite3
import time
import urllib.parse
from typing import Any, Iterable

from appliance.errors import ConfigError, EMRUnavailable

_LOGGER = logging.getLogger(__name__)

SCHEMES = {
    "postgresql": "postgresql", "postgres": "postgresql",
    "mysql": "mysql", "mariadb": "mysql",
    "mssql": "mssql", "sqlserver": "mssql",
    "sqlite": "sqlite",
}

_FORBIDDEN = re.compile(
    r"\b(INSERT|UPDATE|DELETE|MERGE|DROP|ALTER|CREATE|TRUNCATE|GRANT|REVOKE|EXEC|EXECUTE|CALL|REPLACE\s+INTO|"
    r"INTO\s+OUTFILE|LOCK|ATTACH|PRAGMA|COPY|SET)\b",
    re.IGNORECASE,
)
_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_STRING = re.compile(r"'(?:[^']|'')*'")


@dataclasses.dataclass(frozen=True)
class DbUrl:
    dialect: str
    user: str | None
    password: str | None
    host: str | None
    port: int | None
    database: str | None
    query: dict[str, str]
    raw: str

    @property
    def masked(self) -> str:
        return mask_url(self.raw)


def parse_url(url: str) -> DbUrl:
    parts = urllib.parse.urlsplit(url)
    dialect = SCHEMES.get(parts.scheme.split("+")[0].lower())
    if dialect is None:
        raise ConfigError(
            f"EMR URL scheme {parts.scheme!r} not supported; use postgresql://, mysql://, mariadb://, mssql:// or sqlite:///path"
        )
    query = dict(urllib.parse.parse_qsl(parts.query))
    if dialect == "sqlite":
        path = url.split("://", 1)[1]
        path = path.split("?", 1)[0]
        if path.startswith("/"):
            path = path[1:] if path.startswith("//") else path
        return DbUrl(dialect, None, None, None, None, path, query, url)
    return DbUrl(
        dialect,
        urllib.parse.unquote(parts.username) if parts.username else None,
        urllib.parse.unquote(parts.password) if parts.password else None,
        parts.hostname,
        parts.port,
        parts.path.lstrip("/") or None,
        query,
        url,
    )


def mask_url(url: str) -> str:
    """Replace the password in a URL with ``***`` (for output and logs)."""
    return re.sub(r"(//[^:/@]+:)[^@]*@", r"\1***@", url)


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    parts = urllib.parse.urlsplit(url)
    if not parts.username or parts.password:
        return url
    netloc = f"{parts.username}:{urllib.parse.quote(password, safe='')}@{parts.hostname or ''}"
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def split_password(url: str) -> tuple[str, str | None]:
    """``(url without password, password)`` so the password can live in the 0600 secrets file."""
    parts = urllib.parse.urlsplit(url)
    if not parts.password:
        return url, None
    netloc = f"{parts.username}@{parts.hostname or ''}"
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, urllib.parse.unquote(parts.password)


def check_read_only(sql: str, where: str = "query") -> None:
    """Reject anything but one SELECT/WITH statement (the EMR is read-only for us except booking writes)."""
    stripped = _STRING.sub("''", sql).strip().rstrip(";").strip()
    head = stripped.split(None, 1)[0].upper() if stripped else ""
    if head not in ("SELECT", "WITH"):
        raise ConfigError(f"{where}: read queries must start with SELECT or WITH, got {head or 'nothing'!r}")
    if ";" in stripped:
        raise ConfigError(f"{where}: only one statement allowed (found ';')")
    bad = _FORBIDDEN.search(stripped)
    if bad:
        raise ConfigError(f"{where}: read query contains {bad.group(1).upper()!r}; read operations must not write")


def translate(sql: str, dialect: str) -> str:
    """``:name`` → the driver's paramstyle (sqlite keeps ``:name``; the others use ``%(name)s``)."""
    if dialect == "sqlite":
        return sql
    out = []
    pos = 0
    for m in _STRING.finditer(sql):
        out.append(_PARAM.sub(r"%(\1)s", sql[pos:m.start()].replace("%", "%%")))
        out.append(m.group(0).replace("%", "%%"))
        pos = m.end()
    out.append(_PARAM.sub(r"%(\1)s", sql[pos:].replace("%", "%%")))
    return "".join(out)


def param_names(sql: str) -> list[str]:
    names = []
    for m in _PARAM.finditer(_STRING.sub("''", sql)):
        if m.group(1) not in names:
            names.append(m.group(1))
    return names


def expand_lists(sql: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A list/tuple parameter ``:phones`` becomes ``:phones_0, :phones_1, ...`` (for ``IN (:phones)``)."""
    out = dict(params)
    for name, value in params.items():
        if isinstance(value, (list, tuple)):
            items = list(value) or [None]
            names = [f"{name}_{i}" for i in range(len(items))]
            sql = re.sub(rf"(?<![:\w]):{name}\b", ", ".join(":" + n for n in names), sql)
            del out[name]
            out.update(zip(names, items))
    return sql, out


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

            conn = pymssql.connect(
                server=u.host or "localhost", port=str(u.port or 1433), user=u.user, password=u.password,
                database=u.database, login_timeout=max(1, int(round(connect_timeout))),
                timeout=max(1, int(round(statement_timeout))), charset="UTF-8", autocommit=False,
            )
            return conn
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
        try:
            if self.dialect == "sqlite":
                self.raw.execute("BEGIN IMMEDIATE")
            elif self.dialect == "postgresql":
                self.raw.rollback()
                self.raw.set_session(isolation_level="SERIALIZABLE" if serializable else "READ COMMITTED",
                                     readonly=False)
            elif self.dialect == "mysql":
                self.raw.rollback()
                with self.raw.cursor() as cur:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL " + ("SERIALIZABLE" if serializable else "READ COMMITTED"))
                    cur.execute("START TRANSACTION")
            elif self.dialect == "mssql":
                with self.raw.cursor() as cur:
                    cur.execute("SET TRANSACTION ISOLATION LEVEL " + ("SERIALIZABLE" if serializable else "READ COMMITTED"))
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
