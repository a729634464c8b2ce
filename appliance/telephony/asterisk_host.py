"""The host side of running Asterisk: its user and the group it shares with the engine, ownership of folder
trees, and the privileged commands (run as root, with the fix in the error when they fail)."""

from __future__ import annotations

import contextlib
import fcntl
import grp
import os
import pwd
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Iterator

from appliance.errors import AsteriskError

SHARED_GROUP = "dentalcall"


def asterisk_ids(mode: str) -> tuple[int, int]:
    """uid and gid of the asterisk user (host and rootfs agree after ``Rootfs.sync_ids``)."""
    try:
        entry = pwd.getpwnam("asterisk")
        return entry.pw_uid, entry.pw_gid
    except KeyError:
        if mode == "native":
            raise AsteriskError("no 'asterisk' user on this host: reinstall the asterisk package "
                                "(apt-get install --reinstall asterisk) or run install.sh") from None
        raise AsteriskError("no 'asterisk' user on the host: run `dentalcall asterisk install` as root") from None


def shared_gid(mode: str) -> int:
    """Group shared by the engine and Asterisk: the host's ``dentalcall`` group, else asterisk's own."""
    try:
        return grp.getgrnam(SHARED_GROUP).gr_gid
    except KeyError:
        return asterisk_ids(mode)[1]


def require_root(what: str) -> None:
    """Rootfs building, ids and starting Asterisk need root: a clear error naming how, otherwise."""
    if os.geteuid() != 0:
        raise AsteriskError(f"must be root to {what}: sudo dentalcall asterisk ... (or systemctl start "
                            "dentalcall-asterisk)")


def run(argv: list[str], what: str, fix: str = "") -> str:
    """Run a command and return its output; a failure is an ``AsteriskError`` with its tail and the fix."""
    try:
        res = subprocess.run(argv, capture_output=True, text=True)
    except OSError as exc:
        raise AsteriskError(f"cannot {what}: {exc}" + (f"; {fix}" if fix else "")) from None
    if res.returncode != 0:
        tail = (res.stderr.strip() or res.stdout.strip())[-600:]
        raise AsteriskError(f"cannot {what} (exit {res.returncode}): {tail}" + (f"\nFix: {fix}" if fix else ""))
    return res.stdout


def remove_tree(path: Path) -> None:
    if path.exists() or path.is_symlink():
        # never follow into a mount: a rootfs never has live mounts outside a private namespace
        shutil.rmtree(path)


def chown_tree(path: Path, uid: int, gid: int) -> None:
    for dirpath, dirnames, filenames in os.walk(path):
        for name in dirnames + filenames:
            with contextlib.suppress(FileNotFoundError):
                os.lchown(os.path.join(dirpath, name), uid, gid)


def _walk_tree(path: Path) -> Iterator[tuple[str, os.stat_result]]:
    """Every folder, file and link of a tree (the top included), with its lstat; entries removed meanwhile skipped."""
    for dirpath, dirnames, filenames in os.walk(path):
        for name in [""] + dirnames + filenames:
            p = os.path.join(dirpath, name) if name else dirpath
            try:
                yield p, os.lstat(p)
            except FileNotFoundError:
                continue


def share_tree_with_group(path: Path, gid: int) -> None:
    """Give a tree the shared group (owners kept) with setgid folders, so Asterisk reads what the engine wrote
    there before the folder itself was prepared (a prompt pack built or restored first)."""
    for p, st in _walk_tree(path):
        with contextlib.suppress(FileNotFoundError):
            if st.st_gid != gid:
                os.lchown(p, -1, gid)
            if stat.S_ISDIR(st.st_mode):
                os.chmod(p, (st.st_mode & 0o7777) | 0o2010)


def chown_tree_ids(path: Path, uids: dict[int, int], gids: dict[int, int]) -> None:
    """Map a tree's owners and groups (old id → new id; ids not in the maps are kept)."""
    for p, st in _walk_tree(path):
        nu, ng = uids.get(st.st_uid, -1), gids.get(st.st_gid, -1)
        if nu != -1 or ng != -1:
            os.lchown(p, nu, ng)


def check_traversable(path: Path, uid: int) -> None:
    """Native mode: Asterisk must be able to reach data_dir (rootfs mode bind-mounts it, so no check)."""
    user = pwd.getpwuid(uid)
    groups = {g.gr_gid for g in grp.getgrall() if user.pw_name in g.gr_mem} | {user.pw_gid}
    for parent in [path, *path.parents]:
        st = parent.stat()
        ok = (st.st_uid == uid and st.st_mode & 0o100) or (st.st_gid in groups and st.st_mode & 0o010) \
            or st.st_mode & 0o001
        if not ok:
            raise AsteriskError(f"the asterisk user cannot enter {parent}: chmod o+x {parent} "
                                f"(or chgrp {SHARED_GROUP} and g+x)")


@contextlib.contextmanager
def flock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
