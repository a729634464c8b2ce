"""Campaign planning in its own process, so EMR targeting never competes with a live call's audio.

A thread is not enough: targeting maps thousands of EMR rows in Python, and while it holds the interpreter
lock the event loop that paces a call's audio in 20 ms frames waits (measured: 120 ms gaps in the RTP a
caller received during a planning round on a 100k-patient EMR). Here the planning runs in a child Python
process at a lower CPU priority (nice 10): the kernel keeps the engine's audio first on a busy box.

Protocol (JSON lines over the child's stdin/stdout; its log goes to the engine's stderr):
``{"config": {...}}`` → ``{"ready": true}`` or ``{"error": ...}``; then ``{"now": "ISO"}`` →
``{"queued": {campaign: n}, "errors": {campaign: text}}`` per round. The child opens its own CRM and EMR
connections from the engine's settings; it runs ``planning.Planner.run``, the same code as in-process.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import select
import subprocess
import sys
import threading
from typing import Any

from appliance.outbound.planning import Round

_LOGGER = logging.getLogger(__name__)

ROUND_TIMEOUT_S = 600.0  # a round that takes longer is abandoned (the child is restarted)
START_TIMEOUT_S = 120.0
NICE = 10


class PlanningProcess:
    """The parent's handle: ``run(now)`` blocks (call it from the dialer's worker thread, never the loop)."""

    def __init__(self, config: Any):
        self.values = {k: (str(v) if not isinstance(v, (str, int, float, bool, type(None))) else v)
                       for k, v in config.as_dict().items()}
        self.proc: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def _start(self) -> subprocess.Popen:
        proc = subprocess.Popen([sys.executable, "-m", "appliance.outbound.planner_process"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True, encoding="utf-8", env=os.environ.copy())
        try:
            reply = self._ask(proc, {"config": self.values}, START_TIMEOUT_S)
        except Exception:
            _kill(proc)
            raise
        if not reply.get("ready"):
            _kill(proc)
            raise RuntimeError(f"planning process did not start: {reply.get('error')}")
        _LOGGER.info("campaign planning runs in its own process (pid %s, nice %d)", proc.pid, NICE)
        return proc

    @staticmethod
    def _ask(proc: subprocess.Popen, message: dict[str, Any], timeout: float) -> dict[str, Any]:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
        proc.stdin.flush()
        ready, _, _ = select.select([proc.stdout], [], [], timeout)
        if not ready:
            raise TimeoutError(f"no answer from the planning process in {timeout:.0f} s")
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the planning process exited ({proc.poll()})")
        return json.loads(line)

    def run(self, now: dt.datetime) -> Round:
        """One planning round in the child (started, or restarted after a crash, on demand)."""
        with self._lock:
            try:
                if self.proc is None or self.proc.poll() is not None:
                    self.proc = self._start()
                reply = self._ask(self.proc, {"now": now.isoformat()}, ROUND_TIMEOUT_S)
            except Exception as exc:
                _LOGGER.error("campaign planning failed: %s", exc)
                if self.proc is not None:
                    _kill(self.proc)
                self.proc = None
                return Round(errors={"planning": f"{type(exc).__name__}: {exc}"})
        return Round(queued=dict(reply.get("queued") or {}), errors=dict(reply.get("errors") or {}))

    def close(self) -> None:
        with self._lock:
            if self.proc is not None:
                try:
                    assert self.proc.stdin is not None
                    self.proc.stdin.close()
                    self.proc.wait(10)
                except Exception:
                    _kill(self.proc)
                self.proc = None


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait(10)


def clinic_resources(config: Any) -> tuple[Any, Any]:
    """Clinic facts and the EMR connector for the dialer (each None, with the reason logged, when missing)."""
    from appliance.data.clinic import facts as factslib

    try:
        facts = factslib.load_for(config)
    except Exception as exc:
        _LOGGER.error("outbound dialer: clinic facts unavailable: %s", exc)
        facts = None
    emr = None
    try:
        from appliance.data.emr import EMR

        emr = EMR.from_config(config)
    except Exception as exc:  # no EMR: nothing is planned, each campaign's run records why
        _LOGGER.warning("outbound dialer: EMR unavailable: %s", exc)
    return facts, emr


# --- the child --------------------------------------------------------------------------------------------
def main() -> None:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        os.nice(NICE)
    except OSError:
        pass
    planner = None
    for line in sys.stdin:
        message = json.loads(line)
        if "config" in message:
            try:
                planner = _planner(message["config"])
                reply: dict[str, Any] = {"ready": True}
            except Exception as exc:
                _LOGGER.exception("planning process cannot start")
                reply = {"ready": False, "error": f"{type(exc).__name__}: {exc}"}
        elif planner is None:
            reply = {"errors": {"planning": "not started"}}
        else:
            result = planner.run(dt.datetime.fromisoformat(message["now"]))
            reply = {"queued": result.queued, "errors": result.errors}
        sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def _planner(values: dict[str, Any]) -> Any:
    from appliance.data import crm
    from appliance.outbound import queue
    from appliance.outbound.planning import Planner
    from appliance.settings import Config

    config = Config(values)
    crm.open_for(config)
    queue.ensure_tables()
    facts, emr = clinic_resources(config)
    return Planner(emr=emr, facts=facts, config=config)


if __name__ == "__main__":
    main()
