"""Asterisk's lifecycle for one DentalCall instance: its folders, start, stop, status and ``asterisk -rx``.

One code path for both ways of running Asterisk:

- **native**: the OS's own ``/usr/sbin/asterisk`` (Ubuntu 24.04: Asterisk 20);
- **rootfs**: Asterisk 22 from Debian testing in a minbase rootfs (``config.rootfs_dir``), run with
  ``chroot`` inside a private mount namespace (``unshare -m``) where the instance's ``data_dir`` is
  bind-mounted at the same path, so every path (config, recordings, prompts) means the same on both sides.

Everything writable of an instance lives under ``config.asterisk_dir`` (etc/, spool/, run/, log/, lib/) and is
named by a generated ``asterisk.conf``; Asterisk is always started with ``-C <asterisk_dir>/etc/asterisk.conf``.
Instances with different ``DENTALCALL_HOME`` and ports therefore run side by side.

Ownership: Asterisk runs as the ``asterisk`` user whose uid/gid are the same on the host and in the rootfs
(the rootfs's ids are remapped to the host's). The spool (prompts, recordings) is ``asterisk:<shared group>``
mode 2770 (setgid), the shared group being the host's ``dentalcall`` group (the engine's user) when it
exists; Asterisk gets it as a supplementary group. Nothing is world-writable.

The parts of an instance live beside this module: the rootfs (``asterisk_rootfs``), the generated configuration
(``asterisk_conf``, with the PJSIP sections in ``asterisk_pjsip``) and the host's users and privileged
commands (``asterisk_host``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shlex
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

from appliance.errors import AsteriskError, ConfigError
from appliance.settings import Config
from appliance.telephony import asterisk_host as host
from appliance.telephony.asterisk_conf import (  # noqa: F401 - re-exported (tests, routes, doctor)
    TEMPLATE_DIR, ConfigFiles, holiday_gotos, opening_hours_gotos,
)
from appliance.telephony.asterisk_pjsip import dial_string  # noqa: F401 - re-exported (dialer, staff notices)
from appliance.telephony.asterisk_rootfs import ROOTFS_MAJOR, ROOTFS_SUITE, Rootfs  # noqa: F401 - re-exported
from appliance.telephony.state import STATE_FILE, TelephonyState  # noqa: F401  (re-exported)

_LOGGER = logging.getLogger(__name__)

NATIVE_BINARY = Path("/usr/sbin/asterisk")
NATIVE_MIN_MAJOR = 20


class Asterisk(Rootfs, ConfigFiles):
    """One Asterisk instance: the rootfs (if any), generated config, and start/stop/status."""

    def __init__(self, config: Config):
        self.config = config
        mode = str(config.asterisk_mode).strip().lower()
        if mode not in {"auto", "native", "rootfs"}:
            raise ConfigError(f"asterisk_mode {mode!r}: use auto, native or rootfs")
        if mode == "auto":
            mode = "native" if _native_major() >= NATIVE_MIN_MAJOR else "rootfs"
        self.mode = mode
        self.root = Path(config.rootfs_dir) if mode == "rootfs" else Path("/")
        base = Path(config.asterisk_dir)
        self.etc_dir, self.spool_dir, self.run_dir = base / "etc", base / "spool", base / "run"
        self.log_dir, self.lib_dir = base / "log", base / "lib"
        self.conf_file = self.etc_dir / "asterisk.conf"
        self.console_log = self.log_dir / "console.log"

    # ------------------------------------------------------------ paths and ids
    @property
    def pid_file(self) -> Path:
        return self.run_dir / "asterisk.pid"

    @property
    def ctl_file(self) -> Path:
        return self.run_dir / "asterisk.ctl"

    def _in_root(self, path: str | Path) -> Path:
        return self.root / str(path).lstrip("/")

    def asterisk_ids(self) -> tuple[int, int]:
        """uid and gid of the asterisk user (host and rootfs agree after :meth:`sync_ids`)."""
        return host.asterisk_ids(self.mode)

    def shared_gid(self) -> int:
        """Group shared by the engine and Asterisk: the host's ``dentalcall`` group, else asterisk's own."""
        return host.shared_gid(self.mode)

    def prepare_dirs(self) -> None:
        """Create the instance's folders with the ownership and modes Asterisk and the engine need."""
        uid, _ = self.asterisk_ids()
        gid = self.shared_gid()
        is_root = os.geteuid() == 0
        data = Path(self.config.data_dir)
        data.mkdir(parents=True, exist_ok=True)
        if is_root:
            st = data.stat()
            if not (st.st_mode & 0o001 or (st.st_gid == gid and st.st_mode & 0o010) or st.st_uid == uid):
                os.chown(data, -1, gid)
                os.chmod(data, (st.st_mode & 0o7777) | 0o010)
        layout = [(Path(self.config.asterisk_dir), 0o2750)]
        layout += [(d, 0o2750) for d in (self.etc_dir, self.run_dir, self.log_dir, self.lib_dir)]
        layout += [(self.spool_dir, 0o2770), (self.log_dir / "cdr-csv", 0o2750), (self.lib_dir / "keys", 0o2750)]
        layout += [(Path(self.config.spool_dir), 0o2770), (Path(self.config.prompts_dir), 0o2770),
                   (Path(self.config.recordings_dir), 0o2770)]
        for path, mode in layout:
            path.mkdir(parents=True, exist_ok=True)
            if is_root:
                os.chown(path, uid, gid)
                os.chmod(path, mode)
        if is_root:
            for sub in (self.etc_dir, self.spool_dir, self.run_dir, self.log_dir, self.lib_dir):
                host.chown_tree(sub, uid, gid)
            host.share_tree_with_group(Path(self.config.prompts_dir), gid)
        if self.mode == "native":
            host.check_traversable(data, uid)

    # ------------------------------------------------------------ running
    def command(self, foreground: bool = True) -> list[str]:
        """The argv that runs Asterisk in the foreground (for systemd, or spawned by :meth:`start`)."""
        ast = ["/usr/sbin/asterisk", "-f", "-n", "-C", str(self.conf_file), "-U", "asterisk"]
        # umask 007: recordings and voicemail (health data) are never readable by other users
        if self.mode == "native":
            return ["sh", "-ec", "umask 007; exec " + " ".join(shlex.quote(a) for a in ast)]
        r = shlex.quote(str(self.root))
        data = shlex.quote(str(self.config.data_dir))
        script = (f"mount -t proc proc {r}/proc; mount --bind /dev {r}/dev; "
                  f"mkdir -p {r}{data}; mount --bind {data} {r}{data}; "
                  f"umask 007; exec chroot {r} {' '.join(shlex.quote(a) for a in ast)}")
        return ["unshare", "-m", "--propagation", "private", "sh", "-ec", script]

    def _ast_argv(self, *args: str) -> list[str]:
        """argv running the asterisk binary with this instance's config (for -rx)."""
        ast = ["/usr/sbin/asterisk", "-C", str(self.conf_file), *args]
        if self.mode == "native":
            return ast
        r = shlex.quote(str(self.root))
        data = shlex.quote(str(self.config.data_dir))
        script = (f"mkdir -p {r}{data}; mount --bind {data} {r}{data}; "
                  f"exec chroot {r} {' '.join(shlex.quote(a) for a in ast)}")
        return ["unshare", "-m", "--propagation", "private", "sh", "-ec", script]

    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            comm = Path(f"/proc/{pid}/comm").read_text().strip()
        except OSError:
            return None
        return pid if comm == "asterisk" and _alive(pid) else None

    def running(self) -> bool:
        return self.pid() is not None and self.ctl_file.exists()

    def prepare(self) -> None:
        """Everything before a start: rootfs, ids, folders, config."""
        if self.mode == "rootfs":
            self.ensure_rootfs()
        elif _native_major() < NATIVE_MIN_MAJOR:
            raise AsteriskError(f"asterisk_mode=native needs Asterisk >= {NATIVE_MIN_MAJOR} in {NATIVE_BINARY}: "
                                "apt-get install asterisk, or set asterisk_mode=rootfs")
        host.require_root("start Asterisk")
        self.sync_ids()
        self.prepare_dirs()
        self.render_config()

    def start(self, timeout: float = 30.0) -> dict[str, Any]:
        """Start Asterisk in the background and wait until fully booted. Already running: no-op."""
        if self.running():
            return self.status()
        self.prepare()
        for stale in (self.pid_file, self.ctl_file):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
        log = open(self.console_log, "ab")
        try:
            proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                    start_new_session=True, close_fds=True)
        finally:
            log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AsteriskError(f"Asterisk exited at start (code {proc.returncode}): "
                                    f"{_tail(self.console_log)} — see {self.log_dir}/messages.log")
            if self.ctl_file.exists():
                try:
                    out = self.rx("core waitfullybooted", timeout=max(1.0, deadline - time.monotonic()))
                except AsteriskError:
                    time.sleep(0.1)
                    continue
                if "fully booted" in out.lower():
                    _LOGGER.info("Asterisk started (%s mode, pid %s)", self.mode, proc.pid)
                    return self.status()
            time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        raise AsteriskError(f"Asterisk did not boot within {timeout:.0f} s: {_tail(self.console_log)} — "
                            f"see {self.log_dir}/messages.log")

    def run_foreground(self) -> None:  # pragma: no cover - replaces the process (systemd)
        """Prepare, then exec Asterisk in the foreground (systemd's ExecStart)."""
        if self.running():
            raise AsteriskError(f"this instance's Asterisk already runs (pid {self.pid()}); stop it first")
        self.prepare()
        argv = self.command()
        os.execvp(argv[0], argv)

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop Asterisk (hang up calls now). Returns False when it was not running."""
        pid = self.pid()
        if pid is None:
            return False
        with contextlib.suppress(AsteriskError):
            self.rx("core stop now", timeout=5)
        deadline = time.monotonic() + timeout
        sig = signal.SIGTERM
        while _alive(pid):
            if time.monotonic() > deadline:
                if sig == signal.SIGKILL:
                    raise AsteriskError(f"Asterisk (pid {pid}) does not stop")
                _LOGGER.warning("Asterisk did not stop in %.0f s; killing it", timeout)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                sig, deadline = signal.SIGKILL, time.monotonic() + 5
            time.sleep(0.05)
        for stale in (self.pid_file, self.ctl_file):
            with contextlib.suppress(FileNotFoundError):
                stale.unlink()
        self._remove_mountpoint()
        return True

    def _remove_mountpoint(self) -> None:
        """Rootfs mode: remove the empty mount point of this instance's data_dir (test homes come and go).

        Only this instance's own path and its empty parents below a top-level folder are removed.
        """
        if self.mode != "rootfs":
            return
        path = self._in_root(self.config.data_dir)
        while len(path.relative_to(self.root).parts) > 1:
            try:
                path.rmdir()
            except OSError:
                return
            path = path.parent

    def rx(self, cmd: str, timeout: float = 10.0) -> str:
        """Run one CLI command (``asterisk -rx``) on this instance and return its output."""
        if self.mode == "rootfs":
            host.require_root("talk to the rootfs Asterisk (asterisk -rx)")
        if not self.ctl_file.exists():
            raise AsteriskError(f"Asterisk is not running for this instance (no {self.ctl_file}): "
                                "dentalcall asterisk start")
        try:
            res = subprocess.run(self._ast_argv("-rx", cmd), capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise AsteriskError(f"asterisk -rx {cmd!r} timed out after {timeout:.0f} s") from None
        out = res.stdout
        if res.returncode != 0 or "Unable to connect to remote asterisk" in out:
            raise AsteriskError(f"asterisk -rx {cmd!r} failed: {(res.stderr or out).strip()[-300:]}")
        return out

    def reload(self) -> None:
        """Re-render the configuration and reload it into the running Asterisk (no-op when stopped)."""
        if os.geteuid() == 0:
            with contextlib.suppress(AsteriskError):  # no asterisk user yet: `start` fixes ownership later
                self.prepare_dirs()
        self.render_config()
        if self.running():
            self.rx("module reload res_pjsip.so")
            self.rx("dialplan reload")
            self.rx("manager reload")
            self.rx("module reload app_voicemail.so")
            self.rx("module reload res_rtp_asterisk.so")

    def status(self) -> dict[str, Any]:
        info: dict[str, Any] = {"mode": self.mode, "running": False, "pid": None, "version": None,
                                "uptime_s": None, "asterisk_dir": str(self.config.asterisk_dir)}
        if self.mode == "rootfs":
            info["rootfs"] = str(self.config.rootfs_dir)
        pid = self.pid()
        if pid is None or not self.ctl_file.exists():
            return info
        info["pid"] = pid
        if self.mode == "rootfs" and os.geteuid() != 0:  # cannot enter the rootfs: report what we can see
            info["running"] = True
            return info
        try:
            info["version"] = self.rx("core show version").strip().split(" built ")[0]
            up = self.rx("core show uptime seconds")
        except AsteriskError:
            return info
        info["running"] = True
        m = re.search(r"System uptime:\s*(\d+)", up)
        info["uptime_s"] = int(m.group(1)) if m else None
        return info

    def voicemail_dir(self, box: str | None = None) -> Path:
        """Where Asterisk files the clinic's voicemail (``INBOX/msgNNNN.wav`` + ``.txt``); group-readable."""
        return self.spool_dir / "voicemail" / "dentalcall" / str(box or self.config.voicemail_box)

    def cdr_csv(self) -> Path:
        """Asterisk's own record of every call (``Master.csv``), kept even when the engine is down."""
        return self.log_dir / "cdr-csv" / "Master.csv"

    def modules_loaded(self) -> set[str]:
        out = self.rx("module show")
        return {line.split()[0].removesuffix(".so") for line in out.splitlines()
                if line.strip() and line.split()[0].endswith(".so")}

    def modules_wanted(self) -> set[str]:
        text = (TEMPLATE_DIR / "modules.conf.in").read_text()
        return set(re.findall(r"^load\s*=>\s*(\w+)", text, re.M))


# ---------------------------------------------------------------- helpers


def _native_major(binary: Path = NATIVE_BINARY) -> int:
    if not binary.exists():
        return 0
    try:
        out = subprocess.run([str(binary), "-V"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return 0
    m = re.search(r"Asterisk (\d+)", out)
    return int(m.group(1)) if m else 0


def _alive(pid: int) -> bool:
    try:
        comm = Path(f"/proc/{pid}/stat").read_text().split()
    except OSError:
        return False
    return len(comm) > 2 and comm[2] != "Z"


def _tail(path: Path, lines: int = 5) -> str:
    try:
        return " | ".join(path.read_text(errors="replace").strip().splitlines()[-lines:]) or "(no output)"
    except OSError:
        return "(no output)"
