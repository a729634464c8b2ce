"""Session fixtures: REAL PostgreSQL and MariaDB servers (throwaway data dirs, 127.0.0.1 only) plus SQLite.

``db_server("postgresql" | "mysql" | "sqlite")`` gives a ``Server`` with ``url(dbname)``, ``stop()`` and
``start()`` (for outage tests). PostgreSQL runs as the ``postgres`` system user (we are root) with trust
auth on a free port; MariaDB runs ``mariadbd --skip-grant-tables --user=root`` on a free port. Binaries come
from the distro packages (install.d/50-test-databases.sh); a missing server skips its tests.

``emr_db`` is parametrized over the three backends and yields a seeded reference EMR (300 patients, seed 7)
shared by a module; tests that write use dates no other test uses.
"""

from __future__ import annotations

import dataclasses
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

BACKENDS = ("sqlite", "postgresql", "mysql")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


@dataclasses.dataclass
class Server:
    kind: str
    root: Path
    port: int | None = None
    proc: Any = None
    bindir: str | None = None

    def url(self, db: str = "emr") -> str:
        if self.kind == "sqlite":
            return f"sqlite:///{self.root / (db + '.sqlite')}"
        if self.kind == "postgresql":
            return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"
        return f"mysql://root@127.0.0.1:{self.port}/{db}"

    def create_db(self, db: str) -> None:
        if self.kind == "postgresql":
            import psycopg2

            conn = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres")
            conn.autocommit = True
            with conn.cursor() as cur:
                cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,))
                if not cur.fetchone():
                    cur.execute(f'CREATE DATABASE "{db}" ENCODING \'UTF8\' TEMPLATE template0')
            conn.close()
        elif self.kind == "mysql":
            import pymysql

            conn = pymysql.connect(host="127.0.0.1", port=self.port, user="root")
            with conn.cursor() as cur:
                cur.execute(f"CREATE DATABASE IF NOT EXISTS `{db}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            conn.commit()
            conn.close()

    # --- lifecycle ----------------------------------------------------------------------------------
    def start(self) -> None:
        if self.kind == "postgresql":
            subprocess.run(["runuser", "-u", "postgres", "--", f"{self.bindir}/pg_ctl", "-D", str(self.root / "data"),
                            "-l", str(self.root / "log"), "-w", "-t", "30",
                            "-o", f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                                  "-c max_connections=60 -c shared_buffers=64MB",
                            "start"], check=True, capture_output=True)
        elif self.kind == "mysql":
            log = open(self.root / "log", "ab")
            self.proc = subprocess.Popen(
                ["mariadbd", "--no-defaults", f"--datadir={self.root / 'data'}", f"--socket={self.root / 'sock'}",
                 f"--port={self.port}", "--bind-address=127.0.0.1", "--skip-grant-tables", "--user=root",
                 f"--pid-file={self.root / 'pid'}", "--skip-log-bin", "--innodb-buffer-pool-size=128M",
                 "--innodb-flush-log-at-trx-commit=0", "--skip-name-resolve", "--max-connections=100",
                 "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"],
                stdout=log, stderr=log)
            if not _wait_port(self.port):
                raise RuntimeError(f"mariadbd did not start; see {self.root / 'log'}")

    def stop(self) -> None:
        if self.kind == "postgresql":
            subprocess.run(["runuser", "-u", "postgres", "--", f"{self.bindir}/pg_ctl", "-D", str(self.root / "data"),
                            "-m", "immediate", "-w", "stop"], capture_output=True)
        elif self.kind == "mysql" and self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


def _pg_bindir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return os.path.dirname(found[-1]) if found else None


def _start_postgresql() -> Server:
    bindir = _pg_bindir()
    if not bindir:
        pytest.skip("PostgreSQL server not installed (install.d/50-test-databases.sh)")
    root = Path(tempfile.mkdtemp(prefix="dc-pg-"))
    os.chmod(root, 0o755)
    shutil.chown(root, "postgres", "postgres")
    subprocess.run(["runuser", "-u", "postgres", "--", f"{bindir}/initdb", "-D", str(root / "data"), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True)
    server = Server("postgresql", root, _free_port(), bindir=bindir)
    server.start()
    return server


def _start_mysql() -> Server:
    if not shutil.which("mariadbd") or not shutil.which("mariadb-install-db"):
        pytest.skip("MariaDB server not installed (install.d/50-test-databases.sh)")
    root = Path(tempfile.mkdtemp(prefix="dc-maria-"))
    subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={root / 'data'}", "--user=root",
                    "--auth-root-authentication-method=normal", "--skip-test-db"],
                   check=True, capture_output=True)
    server = Server("mysql", root, _free_port())
    server.start()
    return server


_SERVERS: dict[str, Server] = {}


@pytest.fixture(scope="session")
def db_servers():
    """Lazily started servers by kind, stopped at session end."""
    def get(kind: str) -> Server:
        if kind not in _SERVERS:
            if kind == "postgresql":
                _SERVERS[kind] = _start_postgresql()
            elif kind == "mysql":
                _SERVERS[kind] = _start_mysql()
            else:
                _SERVERS[kind] = Server("sqlite", Path(tempfile.mkdtemp(prefix="dc-sqlite-")))
        return _SERVERS[kind]

    yield get
    for server in _SERVERS.values():
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)
    _SERVERS.clear()


@pytest.fixture(params=BACKENDS, scope="module")
def emr_db(request, db_servers):
    """(server, url) of a seeded reference EMR for one backend; one per test module."""
    from appliance.data.emr import seed

    server = db_servers(request.param)
    dbname = "emr_" + request.module.__name__.rsplit(".", 1)[-1].replace("test_", "")[:40]
    server.create_db(dbname)
    url = server.url(dbname)
    seed.seed_demo(url, patients=300, seed=7)
    return server, url


@pytest.fixture
def crm_db(tmp_path):
    """A fresh SQLite CRM with every migration applied (bound to appliance.data.crm.database)."""
    from appliance.data import crm

    db = crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    yield db
    db.close()
