"""Asterisk 22 from Debian testing in a minbase rootfs (``config.rootfs_dir``), for hosts whose own Asterisk is
too old: built once with debootstrap (or extracted from the cached tar in ``cache_dir``), its asterisk user
remapped to the host's ids so files mean the same on both sides."""

from __future__ import annotations

import grp
import json
import logging
import os
import pwd
import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path

from appliance.errors import AsteriskError
from appliance.settings import Config
from appliance.telephony import asterisk_host as host
from appliance.telephony.asterisk_host import SHARED_GROUP

_LOGGER = logging.getLogger(__name__)

ROOTFS_MAJOR = 22
ROOTFS_SUITE = "testing"
ROOTFS_PACKAGES = ("asterisk", "asterisk-modules", "asterisk-core-sounds-en", "tzdata")
ROOTFS_RECIPE = 1  # bump when the rootfs recipe changes: forces a rebuild and a new cache file
MARKER_NAME = ".dentalcall-rootfs"


class Rootfs:
    """The rootfs part of ``Asterisk`` (a mixin: needs its ``config`` and ``mode``)."""

    config: Config
    mode: str

    @property
    def marker(self) -> Path:
        return Path(self.config.rootfs_dir) / MARKER_NAME

    @property
    def rootfs_cache(self) -> Path:
        return Path(self.config.cache_dir) / f"asterisk-rootfs-{ROOTFS_SUITE}-r{ROOTFS_RECIPE}.tar.zst"

    def rootfs_ready(self) -> bool:
        try:
            info = json.loads(self.marker.read_text())
        except (OSError, ValueError):
            return False
        return info.get("recipe") == ROOTFS_RECIPE and (Path(self.config.rootfs_dir) / "usr/sbin/asterisk").exists()

    def ensure_rootfs(self) -> str:
        """Build (or extract from the cache) the Asterisk rootfs. Idempotent; returns the Asterisk version."""
        root = Path(self.config.rootfs_dir)
        if self.rootfs_ready():
            return json.loads(self.marker.read_text())["version"]
        host.require_root("build the Asterisk rootfs")
        cache_dir = Path(self.config.cache_dir)
        cache_dir.mkdir(parents=True, exist_ok=True)
        with host.flock(cache_dir / "asterisk-rootfs.lock"):
            if self.rootfs_ready():  # another process built it while we waited
                return json.loads(self.marker.read_text())["version"]
            work = root.with_name(root.name + ".build")
            host.remove_tree(work)
            started = time.monotonic()
            if self.rootfs_cache.exists():
                _LOGGER.info("Extracting the Asterisk rootfs from %s", self.rootfs_cache)
                work.mkdir(parents=True)
                host.run(["tar", "--zstd", "-xpf", str(self.rootfs_cache), "-C", str(work), "--numeric-owner"],
                         "extract the cached rootfs", fix=f"delete {self.rootfs_cache} and retry to rebuild it")
                version = rootfs_version(work)
            else:
                version = self._build_rootfs(work)
                _LOGGER.info("Caching the rootfs in %s", self.rootfs_cache)
                tmp = self.rootfs_cache.with_suffix(".tmp")
                host.run(["tar", "-I", "zstd -T0 -3", "-cpf", str(tmp), "--numeric-owner", "-C", str(work), "."],
                         "cache the rootfs", fix=f"check free space in {cache_dir}")
                os.replace(tmp, self.rootfs_cache)
            (work / MARKER_NAME).write_text(json.dumps({"recipe": ROOTFS_RECIPE, "version": version,
                                                        "suite": ROOTFS_SUITE}) + "\n")
            host.remove_tree(root)
            root.parent.mkdir(parents=True, exist_ok=True)
            os.replace(work, root)
            _LOGGER.info("Asterisk rootfs ready (%s) in %.0f s", version, time.monotonic() - started)
            return version

    def _build_rootfs(self, work: Path) -> str:
        if not shutil.which("debootstrap"):
            raise AsteriskError("debootstrap is not installed: apt-get install debootstrap (or run install.sh)")
        _LOGGER.info("Building the Asterisk rootfs (debootstrap %s, about a minute)", ROOTFS_SUITE)
        # in a private mount namespace: a failed debootstrap cannot leave proc/sys mounted under the work dir
        host.run(["unshare", "-m", "--propagation", "private", "debootstrap", "--variant=minbase", ROOTFS_SUITE,
                  str(work)], "debootstrap the rootfs",
                 fix="check network access to the Debian mirror (or set a proxy) and retry; "
                     "bookworm's debootstrap needs the 'testing' or 'sid' suite")
        (work / "etc/apt/apt.conf.d/99dentalcall").write_text(
            'Acquire::Check-Valid-Until "false";\nAPT::Install-Recommends "false";\n')
        policy = work / "usr/sbin/policy-rc.d"
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
        w = shlex.quote(str(work))
        script = (f"mount -t proc proc {w}/proc; mount --bind /dev {w}/dev; "
                  f"chroot {w} apt-get update -q; "
                  f"DEBIAN_FRONTEND=noninteractive chroot {w} apt-get install -y -q --no-install-recommends "
                  f"{' '.join(ROOTFS_PACKAGES)}; chroot {w} apt-get clean")
        host.run(["unshare", "-m", "--propagation", "private", "sh", "-ec", script], "install Asterisk in the rootfs",
                 fix="check network access to the Debian mirror and retry `dentalcall asterisk install`")
        return rootfs_version(work)

    def sync_ids(self) -> None:
        """Make the asterisk uid/gid the same on the host and in the rootfs, and give Asterisk the shared group.

        The rootfs's own asterisk uid (101) is often another user on the host (e.g. postgres): files owned
        by it would be readable by that user. So a host system user ``asterisk`` is created if missing and the
        rootfs's passwd/group entries are rewritten to its ids.
        """
        if self.mode != "rootfs":
            gid = host.shared_gid(self.mode)
            uid, agid = host.asterisk_ids(self.mode)
            if gid != agid and os.geteuid() == 0 and "asterisk" not in grp.getgrgid(gid).gr_mem:
                host.run(["gpasswd", "-a", "asterisk", grp.getgrgid(gid).gr_name], "add asterisk to the shared group")
            return
        try:
            user = pwd.getpwnam("asterisk")
        except KeyError:
            host.require_root("create the asterisk system user")
            host.run(["useradd", "--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent",
                      "--shell", "/usr/sbin/nologin", "asterisk"], "create the asterisk system user")
            user = pwd.getpwnam("asterisk")
        uid, gid = user.pw_uid, user.pw_gid
        shared = host.shared_gid(self.mode)
        root = Path(self.config.rootfs_dir)
        with host.flock(Path(self.config.cache_dir) / "asterisk-rootfs.lock"):
            passwd, group = root / "etc/passwd", root / "etc/group"
            plines = passwd.read_text().splitlines()
            glines = group.read_text().splitlines()
            old = next((ln.split(":") for ln in plines if ln.startswith("asterisk:")), None)
            if old is None:
                raise AsteriskError(f"{passwd} has no asterisk user: the rootfs is broken; delete {root} "
                                    "and run `dentalcall asterisk install`")
            old_uid, old_gid = int(old[2]), int(old[3])
            new_p, new_g = list(plines), list(glines)
            if (old_uid, old_gid) != (uid, gid):
                _LOGGER.info("Remapping the rootfs asterisk user %d:%d -> %d:%d", old_uid, old_gid, uid, gid)
                new_p = [":".join(f[:2] + [str(uid), str(gid)] + f[4:]) if f[0] == "asterisk" else ln
                         for ln, f in ((ln, ln.split(":")) for ln in plines)]
                new_g = [":".join(f[:2] + [str(gid)] + f[3:]) if f[0] == "asterisk" else ln
                         for ln, f in ((ln, ln.split(":")) for ln in glines)]
                for sub in ("etc/asterisk", "var/lib/asterisk", "var/spool/asterisk", "var/log/asterisk",
                            "var/run/asterisk", "run/asterisk", "usr/share/asterisk"):
                    host.chown_tree_ids(root / sub, {old_uid: uid}, {old_gid: gid})
            if shared != gid:
                fields = [ln.split(":") for ln in new_g]
                match = next((f for f in fields if int(f[2]) == shared), None)
                if match is None:
                    fields.append([SHARED_GROUP, "x", str(shared), "asterisk"])
                elif "asterisk" not in match[3].split(","):
                    match[3] = ",".join(filter(None, match[3].split(",") + ["asterisk"]))
                new_g = [":".join(f) for f in fields]
            if new_p != plines:
                passwd.write_text("\n".join(new_p) + "\n")
            if new_g != glines:
                group.write_text("\n".join(new_g) + "\n")


def rootfs_version(root: Path) -> str:
    try:
        out = subprocess.run(["chroot", str(root), "/usr/sbin/asterisk", "-V"], capture_output=True, text=True,
                             timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise AsteriskError(f"cannot run asterisk in {root}: {exc}") from None
    m = re.search(r"Asterisk (\d+)", out)
    if not m or int(m.group(1)) != ROOTFS_MAJOR:
        raise AsteriskError(f"rootfs Asterisk reports {out!r}, expected {ROOTFS_MAJOR}.x: "
                            f"delete {root} and the cached tar in cache_dir, then `dentalcall asterisk install`")
    return out.split()[1] if len(out.split()) > 1 else out
