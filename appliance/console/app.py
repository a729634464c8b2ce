"""The staff console as one Starlette application: routes, templates, security headers, background services.

``create_app(config)`` is what ``dentalcall console`` serves (uvicorn) and what the tests drive (Starlette's
test client, and a real browser against the real server). With ``background=True`` the process also runs
the voicemail watcher and the notifier (this process, never the call engine: a slow SMTP relay or a long
transcription must not touch a live call).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import threading
from pathlib import Path
from typing import Any, AsyncIterator

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from appliance.console import live, workqueue
from appliance.console.formatting import Formatter
from appliance.console.pages import (admin, auth, calls, campaign_calendar, campaigns, health, optouts, patient,
                                     texts, today, voicemail, work)
from appliance.console.patients import PatientDirectory

_LOGGER = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
       "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")


class SecurityHeaders:
    """Headers on every response: no framing, no inline scripts, no caching of pages with patient data."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"
        static = scope.get("path", "").startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                extra = {b"content-security-policy": CSP.encode(), b"x-frame-options": b"DENY",
                         b"x-content-type-options": b"nosniff", b"referrer-policy": b"no-referrer",
                         b"permissions-policy": b"camera=(), microphone=(), geolocation=()"}
                if not static:
                    extra[b"cache-control"] = b"no-store"
                if https:
                    extra[b"strict-transport-security"] = b"max-age=31536000"
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in extra.items() if k not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def vendor_routes(config: Any) -> list[Route]:
    """The SMS vendor's callbacks (``appliance.sms.webhook``), outside the login and the CSRF check: the secret
    token in their path is what admits the vendor. Nothing else in the console is exempt (a test walks the
    route table); each endpoint is tagged ``console_kind = "vendor"`` so that walk can tell them apart."""
    from appliance.sms.webhook import sms_webhook_routes

    out = []
    for route in sms_webhook_routes(config):
        endpoint = route.endpoint

        async def vendor(request: Request, endpoint: Any = endpoint) -> Response:
            return await endpoint(request)

        vendor.__name__ = f"sms_{route.path.rsplit('/', 1)[-1]}"
        vendor.console_kind = "vendor"  # type: ignore[attr-defined]
        out.append(Route(route.path, vendor, methods=sorted(route.methods or {"POST"})))
    return out


def _routes() -> list[Any]:
    streams = live.stream_endpoint({"today": today.live_fragment, "work": work.live_fragment})
    return [
        Route("/", lambda request: RedirectResponse("/today", status_code=303)),
        Route("/login", auth.login_page, methods=["GET"]),
        Route("/login", auth.login, methods=["POST"]),
        Route("/logout", auth.logout, methods=["POST"]),
        Route("/today", today.today),
        Route("/work", work.work),
        Route("/work/{kind}/{item_id:int}/done", work.done, methods=["POST"]),
        Route("/work/{kind}/{item_id:int}/approve", work.approve, methods=["POST"]),
        Route("/work/{kind}/{item_id:int}/reject", work.reject, methods=["POST"]),
        Route("/work/{kind}/{item_id:int}/reveal", work.reveal, methods=["POST"]),
        Route("/work/{kind}/{item_id:int}/call", work.call_back, methods=["POST"]),
        Route("/voicemail", voicemail.voicemail),
        Route("/voicemail/{item_id:int}/audio", voicemail.audio),
        Route("/voicemail/{item_id:int}/handled", voicemail.handled, methods=["POST"]),
        Route("/calls", calls.calls, methods=["GET"]),
        Route("/calls", calls.search, methods=["POST"]),
        Route("/calls/{call_id:int}", calls.call),
        Route("/calls/{call_id:int}/recording", calls.recording),
        Route("/patients", patient.search, methods=["GET"]),
        Route("/patients", patient.search_post, methods=["POST"]),
        Route("/patients/{patient_id}", patient.patient),
        Route("/campaigns", campaigns.campaigns),
        Route("/campaigns/calendar", campaign_calendar.calendar),
        Route("/campaigns/{name}/preview", campaigns.preview, methods=["POST"]),
        Route("/campaigns/{name}/enable", campaigns.enable, methods=["POST"]),
        Route("/campaigns/{name}/disable", campaigns.disable, methods=["POST"]),
        Route("/campaigns/{name}/run", campaigns.run_now, methods=["POST"]),
        Route("/texts", texts.texts, methods=["GET"]),
        Route("/texts", texts.search, methods=["POST"]),
        Route("/optouts", optouts.optouts, methods=["GET"]),
        Route("/optouts", optouts.search, methods=["POST"]),
        Route("/optouts/add", optouts.add, methods=["POST"]),
        Route("/health", health.health),
        Route("/health/refresh", health.refresh, methods=["POST"]),
        Route("/admin/access", admin.access, methods=["GET"]),
        Route("/admin/access", admin.access_filter, methods=["POST"]),
        Route("/admin/staff", admin.staff),
        Route("/live/{topic}", streams),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]


class _Facts:
    """The clinic facts file, loaded once (None with a clear log line when it cannot be)."""

    def __init__(self, config: Any):
        self.config = config
        self._facts: Any = None
        self._loaded = False
        self._lock = threading.Lock()

    def __call__(self) -> Any:
        with self._lock:
            if not self._loaded:
                self._loaded = True
                try:
                    from appliance.data.clinic import facts as factslib

                    self._facts = factslib.load_for(self.config)
                except Exception as exc:  # noqa: BLE001 - pages say what is missing
                    _LOGGER.warning("console: clinic facts unavailable (%s)", exc)
        return self._facts


def create_app(config: Any, *, background: bool = True, services: dict[str, Any] | None = None) -> Starlette:
    """The console for ``config``. ``background``: also run the voicemail watcher and the notifier.
    ``services``: prebuilt watcher/notifier objects (tests pass their own)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        from appliance.data import crm

        await run_in_threadpool(crm.open_for, config)
        app.state.loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        tasks = [asyncio.create_task(app.state.hub.run(stop), name="console-live")]
        if background:
            from appliance.console.notify.service import Notifier
            from appliance.voicemail.watcher import VoicemailWatcher

            given = services or {}
            app.state.voicemail_watcher = given.get("voicemail") or VoicemailWatcher(config,
                                                                                     on_change=app.state.hub.poke)
            app.state.notifier = given.get("notifier") or Notifier(config)
            tasks.append(asyncio.create_task(app.state.voicemail_watcher.run(stop), name="console-voicemail"))
            tasks.append(asyncio.create_task(app.state.notifier.run(stop), name="console-notifier"))
            app.state.health.refresh_in_background()
        _LOGGER.info("console ready (background services %s)", "on" if background else "off")
        try:
            yield
        finally:
            stop.set()
            app.state.hub.poke()
            done, pending = await asyncio.wait(tasks, timeout=10)
            for task in pending:
                task.cancel()

    app = Starlette(routes=vendor_routes(config) + _routes(), lifespan=lifespan)
    app.add_middleware(SecurityHeaders)
    app.state.config = config
    app.state.background = background
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.templates.env.globals.update(clinic=config.clinic_name,
                                           idle_minutes=int(config.console_idle_minutes))
    app.state.templates.env.filters["utc_from_timestamp"] = (
        lambda ts: dt.datetime.fromtimestamp(ts, dt.timezone.utc).replace(tzinfo=None))
    zone = str(config.timezone or "Asia/Seoul")
    app.state.formatter = lambda staff: Formatter(staff, zone)
    app.state.hub = live.LiveHub({"today": today.signature, "work": workqueue.signature})
    app.state.patients = PatientDirectory(config)
    app.state.facts = _Facts(config)
    app.state.flash = {}
    app.state.revealed = {}
    app.state.campaign_calendar = {}
    app.state.health = health.HealthCache(config)
    app.state.voicemail_watcher = None
    app.state.notifier = None

    async def not_found(request: Request, exc: Exception) -> Response:
        return app.state.templates.TemplateResponse(request, "error.html", {"message": "없는 화면입니다."},
                                                    status_code=404)

    app.add_exception_handler(404, not_found)
    return app
