"""Health: the ``doctor`` checks (run in the background, shown from the last run), the voice pack, disk, the
last EMR error, and the console's own services (voicemail transcription, notifications, live updates)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time
from typing import Any

from starlette.responses import Response

from appliance.console.web import Ctx, action, page

_LOGGER = logging.getLogger(__name__)

REFRESH_SECONDS = 300.0
DOCTOR_TIMEOUT_S = 120.0


class HealthCache:
    """The last ``doctor`` run; refreshed in a background thread so a page never waits for a slow check."""

    def __init__(self, config: Any):
        self.config = config
        self.checks: list[dict[str, Any]] = []
        self.error: str | None = None
        self.at: float | None = None
        self.running = False
        self._lock = threading.Lock()

    def refresh(self) -> None:
        """Run ``dentalcall doctor --json`` in its own process: the same checks the installer runs, and none of
        them (AMI logins, CRM and EMR connections) touches this process's state."""
        with self._lock:
            if self.running:
                return
            self.running = True
        env = dict(os.environ)
        if self.config.home:
            env["DENTALCALL_HOME"] = str(self.config.home)
        try:
            out = subprocess.run([sys.executable, "-m", "appliance", "doctor", "--json"], capture_output=True,
                                 text=True, timeout=DOCTOR_TIMEOUT_S, env=env)
            self.checks = json.loads(out.stdout or "[]")
            self.error = None if self.checks else (out.stderr.strip()[-300:] or f"exit {out.returncode}")
            self.at = time.time()
        except (OSError, ValueError, subprocess.TimeoutExpired) as exc:
            self.error = f"{type(exc).__name__}: {exc}"[:300]
            _LOGGER.warning("health checks could not run: %s", self.error)
        finally:
            self.running = False

    def refresh_in_background(self) -> None:
        threading.Thread(target=self.refresh, name="console-health", daemon=True).start()

    def stale(self) -> bool:
        return self.at is None or time.time() - self.at > REFRESH_SECONDS


def console_services(ctx: Ctx) -> list[dict[str, str]]:
    from appliance.data.crm_records import last_emr_event
    from appliance.console.notify import outbox
    from appliance.voicemail.store import Voicemail

    state = ctx.state
    rows = []
    waiting = Voicemail.select().where(Voicemail.transcript_status.in_(("pending", "failed"))).count()
    unavailable = Voicemail.select().where(Voicemail.transcript_status == "unavailable").count()
    watcher = getattr(state, "voicemail_watcher", None)
    watcher_status = "warn" if waiting or unavailable else "ok"
    rows.append({"name": "음성메시지 받아쓰기",
                 "status": "fail" if watcher is None and state.background else watcher_status,
                 "detail": (f"대기 {waiting}건, 받아쓰기 불가 {unavailable}건"
                            + (f" · 마지막 오류: {watcher.last_error}" if watcher and watcher.last_error else ""))})
    problems = outbox.problems()
    notifier = getattr(state, "notifier", None)
    notifier_error = f" · {notifier.last_error}" if notifier and notifier.last_error else ""
    rows.append({"name": "알림 (전화·메일·웹훅)",
                 "status": "warn" if problems or notifier_error else "ok",
                 "detail": ("; ".join(f"{p.key}: {p.status} ({p.last_error or '-'})" for p in problems[:5])
                            or "실패한 알림 없음") + notifier_error})
    rows.append({"name": "실시간 화면", "status": "warn" if state.hub.last_error else "ok",
                 "detail": state.hub.last_error or f"보는 화면 {state.hub.subscribers}개"})
    rows.append(campaigns_row(ctx))
    event = last_emr_event()
    rows.append({"name": "EMR 마지막 기록", "status": "warn" if event and event.kind == "outage" else "ok",
                 "detail": f"{event.kind}: {event.message or '-'} ({ctx.state.formatter(ctx.staff).when(event.at)})"
                 if event else "EMR 장애 기록 없음"})
    return rows


def campaigns_row(ctx: Ctx) -> dict[str, str]:
    """The outbound layer's own verdict (``outbound.status.health``: ``doctor``'s check, read live) and every
    enabled campaign that cannot run (``campaign_problems``)."""
    from appliance.outbound import status
    from appliance.outbound.clock import clinic_clock

    now = clinic_clock(str(ctx.config.timezone))()
    try:
        verdict = status.health(ctx.config, now)
        problems = status.campaign_problems(now)
    except Exception as exc:  # noqa: BLE001 - the CRM failing: the row says so
        return {"name": "안내 전화", "status": "fail", "detail": f"확인 실패: {type(exc).__name__}"}
    detail = verdict.message + "".join(f" · {name}: {why}" for name, why in problems.items()
                                       if name not in verdict.message)
    if verdict.status != "ok" and verdict.fix:
        detail += f" (해결: {verdict.fix})"
    return {"name": "안내 전화", "status": verdict.status, "detail": detail}


def _health(ctx: Ctx) -> Response:
    cache: HealthCache = ctx.state.health
    if cache.stale():
        cache.refresh_in_background()
    return ctx.render("health.html", page="health", checks=cache.checks, checked_at=cache.at,
                      running=cache.running, error=cache.error, services=console_services(ctx))


def _refresh(ctx: Ctx) -> Response:
    ctx.state.health.refresh_in_background()
    return ctx.see_other("/health")


health = page(_health)
refresh = action(_refresh)
