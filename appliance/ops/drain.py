"""Draining: stop taking new calls, let the live ones finish, then restart the engine.

``start(config, seconds)`` raises the drain flag until a deadline, in two places:

- Asterisk's database (``database put dentalcall drain <deadline epoch>`` through ``asterisk -rx``, as root:
  the engine's AMI user has no rights to it): the inbound dialplan checks it before handing a call to the
  engine, so a new caller goes straight to the staff ring group (then voicemail) — also while the engine is
  down for its restart;
- ``data_dir/run/drain.json``: the engine reads it (``is_draining``) — the dialer places no new calls and an
  inbound call that still reaches the engine is handed to staff.

A flag always carries a deadline, so one left behind by a crashed upgrade expires by itself.
``live_calls`` counts the calls the engine is carrying (channels in the engine's dialplan contexts, staff
recording prompts, and the dialer's own channels still ringing); ``wait_idle`` waits for none, with a cap.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any, Callable

from appliance.ops import engine_process

_LOGGER = logging.getLogger(__name__)

FLAG = "drain.json"
ASTDB_FAMILY, ASTDB_KEY = "dentalcall", "drain"
ENGINE_CONTEXTS = ("dentalcall-inbound", "dentalcall-outbound")
ENGINE_APPS = ("AGI", "AudioSocket", "EAGI")
DIALER_PREFIX = "dc-"  # the dialer's Originate ChannelId (appliance.outbound.queue)

_cache: dict[str, tuple[float, float]] = {}  # flag path -> (mtime, deadline)


def flag_path(config: Any) -> Path:
    return Path(config.data_dir) / "run" / FLAG


def start(config: Any, seconds: float, reason: str = "restart") -> float:
    """Raise the flag for ``seconds``; returns the deadline (epoch). Asterisk's copy is best effort: when
    Asterisk is not running there is no call to divert."""
    until = time.time() + seconds
    folder = engine_process.run_dir(config)
    tmp = folder / f".{FLAG}.tmp"
    tmp.write_text(json.dumps({"until": until, "reason": reason, "planned_restart": reason == "restart"}))
    tmp.chmod(0o644)
    tmp.replace(folder / FLAG)
    try:
        _astdb(config, f"database put {ASTDB_FAMILY} {ASTDB_KEY} {int(until)}")
    except Exception as exc:
        _LOGGER.warning("drain: Asterisk's copy of the flag not set (%s); the engine still diverts calls", exc)
    _LOGGER.info("drain: no new calls until %s (%s)", time.strftime("%H:%M:%S", time.localtime(until)), reason)
    return until


def end(config: Any) -> None:
    flag_path(config).unlink(missing_ok=True)
    try:
        _astdb(config, f"database del {ASTDB_FAMILY} {ASTDB_KEY}")
    except Exception as exc:
        _LOGGER.info("drain: Asterisk's copy not removed (%s); it expires by itself", exc)
    _LOGGER.info("drain: taking calls again")


def state(config: Any) -> dict[str, Any] | None:
    try:
        data = json.loads(flag_path(config).read_text())
    except (OSError, ValueError):
        return None
    return data if float(data.get("until", 0)) > time.time() else None


def is_draining(config: Any) -> bool:
    """Cheap enough for every call and every dialer tick (a stat, the file read only when it changed)."""
    path = flag_path(config)
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return False
    cached = _cache.get(str(path))
    if cached is None or cached[0] != mtime:
        data = state(config) or {}
        cached = (mtime, float(data.get("until", 0)))
        _cache[str(path)] = cached
    return cached[1] > time.time()


def planned_restart(config: Any) -> bool:
    """True while a drained restart is under way (the next engine start is not a crash)."""
    data = state(config)
    return bool(data and data.get("planned_restart"))


# --- live calls -------------------------------------------------------------------------------------------
def count_engine_channels(channels: list[dict[str, str]]) -> int:
    """Calls that need the engine, from Asterisk's channel list (Context, Application, Uniqueid)."""
    count = 0
    for ch in channels:
        if (ch.get("Context", "") in ENGINE_CONTEXTS or ch.get("Application", "") in ENGINE_APPS
                or ch.get("Uniqueid", "").startswith(DIALER_PREFIX)):
            count += 1
    return count


def parse_concise(output: str) -> list[dict[str, str]]:
    """``core show channels concise``: Channel!Context!Exten!Prio!State!App!Data!CallerID!...!Uniqueid."""
    rows = []
    for line in output.splitlines():
        fields = line.split("!")
        if len(fields) >= 8:
            rows.append({"Channel": fields[0], "Context": fields[1], "Application": fields[5],
                         "Uniqueid": fields[-1]})
    return rows


def live_calls(config: Any) -> int | None:
    """Calls the engine carries now; 0 when Asterisk is not running; None when Asterisk cannot be asked."""
    from appliance.telephony.asterisk import Asterisk

    try:
        asterisk = Asterisk(config)
        if not asterisk.running():
            return 0
        return count_engine_channels(parse_concise(asterisk.rx("core show channels concise", timeout=10)))
    except Exception as exc:
        _LOGGER.warning("drain: cannot list Asterisk's channels (%s)", exc)
        return None


def wait_idle(config: Any, cap_s: float, poll_s: float = 1.0,
              counter: Callable[[Any], int | None] | None = None) -> tuple[bool, float]:
    """Wait until no call needs the engine, at most ``cap_s``; returns (idle, seconds waited)."""
    counter = counter or live_calls
    t0 = time.monotonic()
    last = None
    while True:
        n = counter(config)
        if n == 0:
            return True, time.monotonic() - t0
        if time.monotonic() - t0 >= cap_s:
            return False, time.monotonic() - t0
        if n != last:
            _LOGGER.info("drain: %s call(s) still in progress", "unknown" if n is None else n)
            last = n
        time.sleep(poll_s)


def _astdb(config: Any, command: str) -> None:
    """Asterisk's database through its CLI (root: the engine's AMI user has no rights to it)."""
    from appliance.telephony.asterisk import Asterisk

    asterisk = Asterisk(config)
    if not asterisk.running():
        raise RuntimeError("Asterisk is not running")
    out = asterisk.rx(command, timeout=10)
    if "fail" in out.lower() or "usage" in out.lower():
        raise RuntimeError(out.strip()[:200])
