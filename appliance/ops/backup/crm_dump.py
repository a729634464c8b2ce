"""The CRM's part of a backup: an online, consistent copy, and loading it back.

- SQLite: the backup API (``sqlite3.Connection.backup``) while the engine keeps writing (WAL: readers never
  block writers); the copy is checked with ``PRAGMA quick_check``.
- PostgreSQL: ``pg_dump --format=custom`` inside a snapshot exported by our own REPEATABLE READ transaction,
  so the row counts recorded in the manifest are those of the dump exactly.
- MariaDB/MySQL: ``mariadb-dump --single-transaction`` (counts taken in a consistent snapshot just before;
  exact unless calls were written in between).

Loading replaces the whole CRM (its tables are dropped first), then the caller opens it (migrations bring an
older schema forward).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urlparse

from appliance.errors import ApplianceError


class BackupError(ApplianceError):
    """A backup, verification or restore problem, with what to do."""


def kind_of(url: str) -> str:
    scheme = urlparse(url).scheme.split("+")[0]
    if scheme == "sqlite":
        return "sqlite"
    if scheme in ("postgresql", "postgres"):
        return "postgresql"
    if scheme in ("mysql", "mariadb"):
        return "mysql"
    raise BackupError(f"CRM URL scheme {scheme!r} is not supported for backups (sqlite, postgresql, mysql)")


def member_name(kind: str) -> str:
    return {"sqlite": "crm/crm.sqlite", "postgresql": "crm/crm.pgdump", "mysql": "crm/crm.sql"}[kind]


def sqlite_path(url: str) -> Path:
    return Path(url[len("sqlite:///"):])


# --- snapshots ---------------------------------------------------------------------------------------------
def snapshot(url: str, dest: Path) -> dict[str, Any]:
    """Write a consistent copy of the CRM at ``url`` to ``dest``; returns {kind, counts, counts_exact}."""
    kind = kind_of(url)
    dest.parent.mkdir(parents=True, exist_ok=True)
    if kind == "sqlite":
        return {"kind": kind, "counts": _sqlite_snapshot(sqlite_path(url), dest), "counts_exact": True}
    if kind == "postgresql":
        return {"kind": kind, "counts": _pg_snapshot(url, dest), "counts_exact": True}
    return {"kind": kind, "counts": _mysql_snapshot(url, dest), "counts_exact": False}


def _sqlite_snapshot(src: Path, dest: Path) -> dict[str, int]:
    if not src.exists():
        raise BackupError(f"CRM database {src} does not exist")
    source = sqlite3.connect(src, timeout=30)  # read only in practice; WAL needs its -shm file
    target = sqlite3.connect(dest)
    try:
        source.execute("PRAGMA busy_timeout = 30000")
        source.backup(target)  # pages=-1: one step, one read snapshot
        target.execute("PRAGMA journal_mode = DELETE")  # a self-contained file
        check = target.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise BackupError(f"the CRM copy fails SQLite's check ({check}): the live database may be damaged — "
                              "run `dentalcall doctor` and restore the last good backup if needed")
        return sqlite_counts(target)
    finally:
        target.close()
        source.close()


def sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def _pg_env(url: str) -> tuple[dict[str, str], str]:
    """Environment with the password (never on a command line) and the URL without it."""
    parsed = urlparse(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = unquote(parsed.password)
        netloc = parsed.netloc.split("@", 1)
        user = netloc[0].split(":", 1)[0]
        parsed = parsed._replace(netloc=f"{user}@{netloc[1]}")
    return env, parsed._replace(scheme="postgresql").geturl()


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(f"{name} is not installed: apt-get install {package} (install.sh installs it)")
    return path


def _pg_snapshot(url: str, dest: Path) -> dict[str, int]:
    import psycopg2

    env, clean_url = _pg_env(url)
    conn = psycopg2.connect(clean_url, password=env.get("PGPASSWORD"))
    try:
        conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
        with conn.cursor() as cur:
            cur.execute("SELECT pg_export_snapshot()")
            snap = cur.fetchone()[0]
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                        "AND table_type = 'BASE TABLE' ORDER BY table_name")
            tables = [r[0] for r in cur.fetchall()]
            counts = {}
            for table in tables:
                cur.execute(f'SELECT COUNT(*) FROM "{table}"')
                counts[table] = cur.fetchone()[0]
        out = subprocess.run([_tool("pg_dump", "postgresql-client"), "--format=custom", "--no-owner",
                              "--no-privileges", f"--snapshot={snap}", f"--file={dest}", f"--dbname={clean_url}"],
                             env=env, capture_output=True, text=True)
        if out.returncode != 0:
            raise BackupError(f"pg_dump failed: {out.stderr.strip()[-400:]}")
        return counts
    finally:
        conn.rollback()
        conn.close()


def _mysql_args(url: str) -> tuple[list[str], dict[str, str], str]:
    parsed = urlparse(url)
    env = dict(os.environ)
    if parsed.password:
        env["MYSQL_PWD"] = unquote(parsed.password)
    args = ["--host", parsed.hostname or "127.0.0.1", "--port", str(parsed.port or 3306),
            "--user", unquote(parsed.username or "root"), "--protocol=TCP"]
    return args, env, parsed.path.lstrip("/")


def _mysql_connect(url: str) -> Any:
    import pymysql

    parsed = urlparse(url)
    return pymysql.connect(host=parsed.hostname or "127.0.0.1", port=parsed.port or 3306,
                           user=unquote(parsed.username or "root"), password=unquote(parsed.password or ""),
                           database=parsed.path.lstrip("/"), charset="utf8mb4")


def _mysql_snapshot(url: str, dest: Path) -> dict[str, int]:
    args, env, db = _mysql_args(url)
    conn = _mysql_connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT")
            cur.execute("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")
            tables = sorted(r[0] for r in cur.fetchall())
            counts = {}
            for table in tables:
                cur.execute(f"SELECT COUNT(*) FROM `{table}`")
                counts[table] = cur.fetchone()[0]
        conn.rollback()
    finally:
        conn.close()
    with open(dest, "wb") as fh:
        out = subprocess.run([_tool("mariadb-dump", "mariadb-client"), *args, "--single-transaction", "--quick",
                              "--skip-lock-tables", "--default-character-set=utf8mb4", "--hex-blob",
                              "--no-tablespaces", db], env=env, stdout=fh, stderr=subprocess.PIPE, text=False)
    if out.returncode != 0:
        raise BackupError(f"mariadb-dump failed: {out.stderr.decode(errors='replace').strip()[-400:]}")
    return counts


# --- checking a dump ---------------------------------------------------------------------------------------
def check_dump(kind: str, path: Path, counts: dict[str, int]) -> str:
    """Check an extracted dump without loading it into the live CRM; returns a one-line description."""
    if kind == "sqlite":
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise BackupError(f"the CRM copy is damaged: {result}")
            found = sqlite_counts(conn)
        finally:
            conn.close()
        wrong = {t: (n, found.get(t)) for t, n in counts.items() if found.get(t) != n}
        if wrong:
            raise BackupError(f"row counts differ from the manifest: {wrong}")
        return f"SQLite integrity ok, {sum(found.values())} rows in {len(found)} tables"
    if kind == "postgresql":
        out = subprocess.run([_tool("pg_restore", "postgresql-client"), "--list", str(path)],
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise BackupError(f"pg_restore cannot read the dump: {out.stderr.strip()[-300:]}")
        listed = {line.split()[-2] for line in out.stdout.splitlines() if " TABLE DATA " in line}
        missing = sorted(set(counts) - listed)
        if missing:
            raise BackupError(f"the dump has no data for tables {missing}")
        return f"pg_dump archive readable, {len(listed)} tables"
    with open(path, "rb") as fh:
        fh.seek(max(0, path.stat().st_size - 200))
        tail = fh.read().decode("utf-8", "replace")
    if "Dump completed" not in tail:
        raise BackupError("the SQL dump is truncated (no 'Dump completed' line)")
    text_tables = set()
    with open(path, "rb") as fh:
        for line in fh:
            if line.startswith(b"CREATE TABLE `"):
                text_tables.add(line.split(b"`")[1].decode())
    missing = sorted(set(counts) - text_tables)
    if missing:
        raise BackupError(f"the dump has no CREATE TABLE for {missing}")
    return f"SQL dump complete, {len(text_tables)} tables"


# --- loading -----------------------------------------------------------------------------------------------
def load(url: str, kind: str, path: Path) -> None:
    """Replace the CRM at ``url`` with the dump at ``path`` (the caller made sure this is wanted)."""
    if kind_of(url) != kind:
        raise BackupError(f"this backup holds a {kind} CRM but crm_db is {kind_of(url)}: restore onto the same "
                          "kind of database (set crm_db, or pass --crm-url)")
    if kind == "sqlite":
        target = sqlite_path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.restore")
        shutil.copyfile(path, tmp)
        with contextlib.suppress(PermissionError):  # the engine's user owns data_dir and its CRM
            st = target.parent.stat()
            os.chown(tmp, st.st_uid, st.st_gid)
        os.chmod(tmp, 0o600)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, target)
        return
    if kind == "postgresql":
        _pg_load(url, path)
    else:
        _mysql_load(url, path)


def _pg_load(url: str, path: Path) -> None:
    import psycopg2

    env, clean_url = _pg_env(url)
    conn = psycopg2.connect(clean_url, password=env.get("PGPASSWORD"))
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            for (table,) in cur.fetchall():
                cur.execute(f'DROP TABLE IF EXISTS "{table}" CASCADE')
    finally:
        conn.close()
    out = subprocess.run([_tool("pg_restore", "postgresql-client"), "--no-owner", "--no-privileges",
                          "--single-transaction", "--exit-on-error", f"--dbname={clean_url}", str(path)],
                         env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise BackupError(f"pg_restore failed: {out.stderr.strip()[-400:]}")


def _mysql_load(url: str, path: Path) -> None:
    conn = _mysql_connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute("SET FOREIGN_KEY_CHECKS = 0")
            cur.execute("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")
            for (table, _) in cur.fetchall():
                cur.execute(f"DROP TABLE IF EXISTS `{table}`")
        conn.commit()
    finally:
        conn.close()
    args, env, db = _mysql_args(url)
    with open(path, "rb") as fh:
        out = subprocess.run([_tool("mariadb", "mariadb-client"), *args, "--default-character-set=utf8mb4", db],
                             env=env, stdin=fh, capture_output=True)
    if out.returncode != 0:
        raise BackupError(f"loading the SQL dump failed: {out.stderr.decode(errors='replace').strip()[-400:]}")


def live_counts(url: str) -> dict[str, int]:
    """Row counts per table of a live CRM (restore compares them with the manifest)."""
    kind = kind_of(url)
    if kind == "sqlite":
        conn = sqlite3.connect(f"file:{sqlite_path(url)}?mode=ro", uri=True)
        try:
            return sqlite_counts(conn)
        finally:
            conn.close()
    with _server_cursor(url, kind) as (cur, tables_sql, quote):
        cur.execute(tables_sql)
        tables = sorted(r[0] for r in cur.fetchall())
        counts = {}
        for table in tables:
            cur.execute(f"SELECT COUNT(*) FROM {quote}{table}{quote}")
            counts[table] = cur.fetchone()[0]
        return counts


@contextlib.contextmanager
def _server_cursor(url: str, kind: str) -> Iterator[tuple[Any, str, str]]:
    if kind == "postgresql":
        import psycopg2

        env, clean_url = _pg_env(url)
        conn = psycopg2.connect(clean_url, password=env.get("PGPASSWORD"))
        sql, quote = ("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()", '"')
    else:
        conn = _mysql_connect(url)
        sql, quote = ("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'", "`")
    try:
        with conn.cursor() as cur:
            yield cur, sql, quote
    finally:
        conn.close()
