"""The running engine as a process: its pid file and start record, finding it, and restarting it.

``dentalcall serve`` writes ``data_dir/run/engine.pid`` at start and removes it at a clean stop, and appends
each start to ``data_dir/run/engine-starts.jsonl``. A start that finds a pid file whose process is gone
follows an unclean exit (kill -9, hang killed by the watchdog, power loss); starts that were not planned by a
drained restart count towards the ``engine_restarts`` alert.

Restarting: under systemd (production layout) ``systemctl restart dentalcall.service``; without systemd the
running engine (pid file, else whoever listens on this instance's FastAGI port) is stopped with SIGTERM and
started again detached, with the same user, environment and working folder, logging to ``data_dir/log``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

_LOGGER = logging.getLogger(__name__)

UNIT = "dentalcall.service"
PIDFILE = "engine.pid"
STARTS = "engine-starts.jsonl"
KEEP_STARTS = 200


def run_dir(config: Any) -> Path:
    """``data_dir/run``: small state files of the running appliance (pid file, drain flag, start record)."""
    path = Path(config.data_dir) / "run"
    path.mkdir(mode=0o750, parents=True, exist_ok=True)
    return path


def log_dir(config: Any) -> Path:
    path = Path(config.data_dir) / "log"
    path.mkdir(mode=0o750, parents=True, exist_ok=True)
    return path


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie is not alive
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


# --- pid file and start record --------------------------------------------------------------------------
def read_pidfile(config: Any) -> dict[str, Any] | None:
    try:
        return json.loads((Path(config.data_dir) / "run" / PIDFILE).read_text())
    except (OSError, ValueError):
        return None


def record_start(config: Any, *, planned: bool, version: str) -> dict[str, Any]:
    """Write the pid file and append this start; returns the start entry (``unclean``: the previous run
    ended without removing its pid file)."""
    folder = run_dir(config)
    previous = read_pidfile(config)
    unclean = bool(previous and previous.get("pid") != os.getpid() and not alive(int(previous.get("pid", 0))))
    now = dt.datetime.now(dt.timezone.utc)
    entry = {"at": now.isoformat(timespec="milliseconds"), "pid": os.getpid(), "version": version,
             "unclean": unclean, "planned": planned}
    starts = folder / STARTS
    lines = starts.read_text().splitlines()[-(KEEP_STARTS - 1):] if starts.exists() else []
    _write(starts, "".join(line + "\n" for line in [*lines, json.dumps(entry)]))
    _write(folder / PIDFILE, json.dumps({"pid": os.getpid(), "started_at": entry["at"], "version": version}))
    return entry


def clear_pidfile(config: Any) -> None:
    """A clean stop: the next start is not counted as a crash."""
    info = read_pidfile(config)
    if info and info.get("pid") == os.getpid():
        (Path(config.data_dir) / "run" / PIDFILE).unlink(missing_ok=True)


def starts(config: Any) -> list[dict[str, Any]]:
    path = Path(config.data_dir) / "run" / STARTS
    out = []
    try:
        for line in path.read_text().splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
    except OSError:
        pass
    return out


def unplanned_starts_since(config: Any, since: dt.datetime) -> list[dict[str, Any]]:
    """Starts after ``since`` that no drained restart planned (crashes, watchdog kills, manual restarts)."""
    return [s for s in starts(config)
            if not s.get("planned") and dt.datetime.fromisoformat(s["at"]) >= since]


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text)
    os.chmod(tmp, 0o640)
    tmp.replace(path)


# --- finding the engine ----------------------------------------------------------------------------------
def engine_pid(config: Any) -> int | None:
    """The pid of this instance's running engine: the pid file, else the process listening on its FastAGI
    port (an engine from a release without pid files)."""
    info = read_pidfile(config)
    if info and alive(int(info.get("pid", 0))):
        return int(info["pid"])
    return listener_pid(int(config.agi_port))


def listener_pid(port: int, host: str = "127.0.0.1") -> int | None:
    """The process holding a TCP socket listening on ``host:port`` (from /proc)."""
    wanted = f"{socket.inet_aton(host)[::-1].hex().upper()}:{port:04X}"
    inodes = set()
    try:
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[1] == wanted and fields[3] == "0A":
                inodes.add(fields[9])
    except OSError:
        return None
    if not inodes:
        return None
    targets = {f"socket:[{inode}]" for inode in inodes}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            for fd in (proc / "fd").iterdir():
                if os.readlink(fd) in targets:
                    return int(proc.name)
        except OSError:
            continue
    return None


def agi_health(config: Any, timeout: float = 3.0) -> bool:
    """Does the engine answer a real AGI session on its ``health`` route (the ``doctor`` probe)?"""
    try:
        with socket.create_connection(("127.0.0.1", int(config.agi_port)), timeout=timeout) as conn:
            conn.settimeout(timeout)
            conn.sendall(b"agi_network: yes\nagi_network_script: health\nagi_uniqueid: ops\n\n")
            line = conn.makefile("rb").readline()
            if not line.startswith(b"GET VARIABLE"):
                return False
            conn.sendall(b"200 result=1 (ok)\n")
            return True
    except OSError:
        return False


def wait_healthy(config: Any, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if agi_health(config):
            return True
        time.sleep(1.0)
    return False


# --- systemd -----------------------------------------------------------------------------------------------
def systemd_running() -> bool:
    return Path("/run/systemd/system").is_dir() and shutil.which("systemctl") is not None


def managed_by_systemd(config: Any) -> bool:
    """The production instance under systemd (a test or demo home never is)."""
    if config.home or not systemd_running():
        return False
    out = subprocess.run(["systemctl", "is-enabled", UNIT], capture_output=True, text=True)
    return out.returncode == 0


# --- restarting --------------------------------------------------------------------------------------------
def restart(config: Any, *, venv: str, timeout: float = 300.0, switch_to: str | None = None) -> str:
    """Restart the engine (see module docstring) and wait until it answers; returns what was done.

    ``switch_to``: point the ``venv`` link at this release venv while the engine is stopped, so the old
    engine never imports code from the new release and the new one starts from it."""
    def switch() -> str:
        return f"; venv {switch_venv(Path(venv), Path(switch_to))}" if switch_to else ""

    if managed_by_systemd(config):
        subprocess.run(["systemctl", "stop", UNIT], check=True)
        note = switch()
        subprocess.run(["systemctl", "daemon-reload"], check=True)  # units installed by the upgrade apply now
        subprocess.run(["systemctl", "start", UNIT], check=True)
        if not wait_healthy(config, timeout):
            raise RuntimeError(f"the engine did not answer within {timeout:.0f} s after the restart: "
                               "journalctl -u dentalcall")
        return "restarted by systemd" + note
    pid = engine_pid(config)
    if pid is None:
        return "not running (nothing restarted)" + switch()
    spawn = _spawn_spec(pid)
    stop_process(pid)
    note = switch()
    new_pid = _spawn(config, venv, spawn)
    if not wait_healthy(config, timeout):
        raise RuntimeError(f"the engine (pid {new_pid}) did not answer within {timeout:.0f} s: "
                           f"see {log_dir(config) / 'engine.log'}")
    return f"restarted (pid {pid} -> {new_pid}){note}"


def switch_venv(link: Path, target: Path) -> str:
    """Point ``link`` (the venv path systemd and cron use) at ``target`` atomically; the release it pointed at
    becomes ``link.previous`` (what ``install.sh --rollback`` returns to)."""
    if link.exists() and not link.is_symlink():
        raise RuntimeError(f"{link} is a directory, not a release link: run install.sh to convert it")
    if not (target / "bin" / "dentalcall").exists():
        raise RuntimeError(f"{target} is not a DentalCall venv (no bin/dentalcall)")
    old = link.resolve() if link.is_symlink() else None
    tmp = link.with_name(f".{link.name}.new")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    os.replace(tmp, link)
    if old is not None and old != target.resolve():
        previous = link.with_name(f"{link.name}.previous")
        tmp.symlink_to(old)
        os.replace(tmp, previous)
    return f"{link} -> {target.name}" + (f" (previous: {old.name})" if old is not None else "")


def stop_process(pid: int, timeout: float = 30.0) -> None:
    """SIGTERM, then SIGKILL after ``timeout`` seconds."""
    with_kill = False
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while alive(pid):
        if time.monotonic() > deadline and not with_kill:
            _LOGGER.warning("engine pid %s ignored SIGTERM for %.0f s; killing it", pid, timeout)
            with_kill = True
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                return
        time.sleep(0.1)


def _spawn_spec(pid: int) -> dict[str, Any]:
    """User, environment and folder of a running process, to start its successor the same way."""
    proc = Path(f"/proc/{pid}")
    raw = (proc / "environ").read_bytes()
    env = dict(item.split("=", 1) for item in raw.decode("utf-8", "replace").split("\0") if "=" in item)
    status = (proc / "status").read_text().splitlines()
    uid = int(next(line for line in status if line.startswith("Uid:")).split()[1])
    gid = int(next(line for line in status if line.startswith("Gid:")).split()[1])
    try:
        cwd = os.readlink(proc / "cwd")
    except OSError:
        cwd = "/"
    return {"env": env, "uid": uid, "gid": gid, "cwd": cwd}


def _spawn(config: Any, venv: str, spec: dict[str, Any]) -> int:
    binary = Path(venv) / "bin" / "dentalcall"
    if not binary.exists():
        raise RuntimeError(f"{binary} does not exist: is {venv} the appliance's venv?")
    log_path = log_dir(config) / "engine.log"
    log = open(log_path, "ab")
    try:
        kwargs: dict[str, Any] = {}
        if os.geteuid() == 0 and spec["uid"] != 0:
            os.chown(log_path, spec["uid"], spec["gid"])
            kwargs = {"user": spec["uid"], "group": spec["gid"], "extra_groups": [spec["gid"]]}
        proc = subprocess.Popen([str(binary), "serve"], env=spec["env"], cwd=spec["cwd"], stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs)
    finally:
        log.close()
    _LOGGER.info("engine started again: pid %s (%s serve), log %s", proc.pid, binary, log_path)
    return proc.pid
