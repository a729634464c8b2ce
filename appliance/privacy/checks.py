"""``doctor`` checks of the privacy side: files the engine must read, the clinic facts, the retention.

Each returns ``(status, detail, fix)`` with status ok | warn | fail; ``appliance.commands.doctor`` wraps them.
``doctor`` usually runs as root, which reads anything: so readability is computed for the engine's user from the
files' owners and modes, not tried.
"""

from __future__ import annotations

import datetime as dt
import grp
import os
import pwd
import stat
from pathlib import Path
from typing import Any

from appliance.settings import ENGINE_USER

Result = tuple[str, str, str]


def _engine_identity() -> tuple[int, set[int]] | None:
    try:
        user = pwd.getpwnam(ENGINE_USER)
    except KeyError:
        return None
    groups = {g.gr_gid for g in grp.getgrall() if ENGINE_USER in g.gr_mem} | {user.pw_gid}
    return user.pw_uid, groups


def _allows(st: os.stat_result, uid: int, gids: set[int], bits: tuple[int, int, int]) -> bool:
    if uid == 0:
        return True
    if st.st_uid == uid:
        return bool(st.st_mode & bits[0])
    if st.st_gid in gids:
        return bool(st.st_mode & bits[1])
    return bool(st.st_mode & bits[2])


def readable_by(path: Path, uid: int, gids: set[int]) -> bool:
    """Could this user open ``path`` for reading (every parent folder searchable, the file readable)?"""
    for parent in reversed(path.parents):
        if not _allows(parent.stat(), uid, gids, (stat.S_IXUSR, stat.S_IXGRP, stat.S_IXOTH)):
            return False
    return _allows(path.stat(), uid, gids, (stat.S_IRUSR, stat.S_IRGRP, stat.S_IROTH))


def engine_files(config: Any) -> list[Path]:
    """Files the engine reads at start or per call, that exist on this instance."""
    from appliance.data.clinic import facts

    candidates = [Path(config.config_file), Path(config.secrets_file), Path(config.config_dir) / "telephony.json"]
    try:
        candidates.append(facts.path_for(config))
    except Exception:  # an invalid setting is the clinic check's business
        pass
    return [p for p in candidates if p.exists() and p != facts.EXAMPLE]


def config_files(config: Any) -> Result:
    identity = _engine_identity()
    files = engine_files(config)
    open_to_all = [p for p in files if p.name in ("secrets.ini", "telephony.json")
                   and p.stat().st_mode & (stat.S_IRWXO)]
    if open_to_all:
        names = " ".join(str(p) for p in open_to_all)
        return ("fail", f"secrets readable by every user: {names}", f"chmod o-rwx {names}")
    if identity is None:
        return ("ok", f"{len(files)} file(s); no '{ENGINE_USER}' user here (developer machine)", "")
    uid, gids = identity
    unreadable = [p for p in files if not readable_by(p, uid, gids)]
    if unreadable:
        names = " ".join(str(p) for p in unreadable)
        # a demo/test instance's engine runs as the user who started it, not as the engine's user
        status = "warn" if config.demo_or_test_instance else "fail"
        return (status, f"the engine (user {ENGINE_USER}) cannot read {names}: it would fail to start or run "
                        "without them", f"chgrp {ENGINE_USER} {names} && chmod g+r {names} (secrets: chown "
                        f"{ENGINE_USER} and chmod 0600), and chgrp {ENGINE_USER} + chmod 0750 their folder; "
                        "`dentalcall init` as root writes them so")
    return ("ok", f"{len(files)} file(s) readable by the engine, secrets private", "")


def clinic_facts(config: Any) -> Result:
    from appliance.data.clinic import facts

    refusal = facts.refusal_for_calls(config)
    if refusal:
        return ("fail", f"the engine refuses calls (they go to staff/voicemail): {refusal}",
                f"cp {facts.EXAMPLE} {Path(config.config_dir) / 'clinic.toml'}; edit it; delete its [demo] section")
    loaded = facts.load_for(config)
    if loaded.demo:
        return ("warn", f"demo clinic facts ({loaded.path.name}): fictitious, allowed on this demo/test instance only",
                "production needs /etc/dentalcall/clinic.toml with the clinic's own facts")
    return ("ok", f"{loaded.name}, {loaded.path}", "")


def retention_policy(config: Any) -> Result:
    from appliance.privacy import retention

    problems = retention.policy_problems(config)
    if problems:
        return ("fail", "; ".join(problems), "fix the *_retention_days settings in dentalcall.ini")
    last = retention.last_run(config)
    if last is None:
        return ("warn", "the daily purge has not run yet", "it runs inside the engine (systemctl start dentalcall) "
                                                           "or now: dentalcall privacy purge")
    at = dt.datetime.fromisoformat(last["at"])
    age = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) - at
    if age > dt.timedelta(days=2):
        return ("warn", f"the daily purge last ran {age.days} days ago",
                "is the engine running? dentalcall privacy purge")
    return ("ok", f"purge ran {last['at']} UTC ({sum(last.get('removed', {}).values())} removed)", "")
