"""Request plumbing shared by every page: login required, CSRF on every form, roles, rendering, access log.

A handler is a plain (synchronous) function ``handler(ctx) -> Response``; it runs in Starlette's thread pool
because the CRM (peewee) and the EMR drivers are blocking. ``page``/``action`` wrap it:

* ``page`` (GET): a live session is required (else a redirect to /login); the session's idle clock restarts.
* ``action`` (POST): the same, plus the form's ``csrf_token`` (or the ``X-CSRF-Token`` header) must match
  the session's token, else 403 and nothing happens. Every POST route of the app is an ``action`` (a test
  walks the routes to make sure).
* ``admin=True`` refuses the staff role (403); ``calls=True`` refuses a role that may not see calls and
  patients' pages (``Staff.sees_calls``).

``Ctx.access(...)`` writes the access log (who saw whose data) with the person and their address; pages call
it before they return patient data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any, Awaitable, Callable, Iterable

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from appliance.console import sessions
from appliance.console.accounts import Staff
from appliance.data import access_log, phone as phones

_LOGGER = logging.getLogger(__name__)

Handler = Callable[["Ctx"], Response]


@dataclasses.dataclass
class Ctx:
    request: Request
    session: sessions.Session
    form: FormData | None = None
    shown: dict[str, Any] | None = None  # a live stream's memory: log a view again only when it shows others

    @property
    def staff(self) -> Staff:
        return self.session.staff

    @property
    def config(self) -> Any:
        return self.request.app.state.config

    @property
    def origin(self) -> str:
        return client_address(self.request)

    @property
    def state(self) -> Any:
        return self.request.app.state

    def field(self, name: str, default: str = "") -> str:
        value = self.form.get(name) if self.form is not None else None
        return str(value).strip() if isinstance(value, str) else default

    def render(self, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("staff", self.staff)
        context.setdefault("csrf", self.session.csrf)
        context.setdefault("fmt", self.state.formatter(self.staff))
        return self.state.templates.TemplateResponse(self.request, template, context, status_code=status_code)

    def access(self, action: str, *, patient_ids: Iterable[str | None] | None = None, subject: str | None = None,
               count: int | None = None) -> None:
        """Log a view/export of personal data: one row per patient, or one row with ``count``."""
        ids = sorted({str(p) for p in (patient_ids or []) if p})
        if self.shown is not None:
            key = (tuple(ids), count)
            if self.shown.get(action) == key:
                return
            self.shown[action] = key
        access_log.record(action, actor=self.staff.actor, origin=self.origin, patient_ids=ids or None,
                          subject=subject, count=count if not ids else None)

    def render_fragment(self, template: str, **context: Any) -> str:
        """A template's HTML as text (the live streams send fragments)."""
        return bytes(self.render(template, **context).body).decode()

    def see_other(self, url: str) -> RedirectResponse:
        return RedirectResponse(url, status_code=303)


def client_address(request: Request) -> str:
    return (request.client.host if request.client else "unknown")[:64]


def session_of(request: Request, *, touch: bool) -> sessions.Session | None:
    idle = dt.timedelta(minutes=int(request.app.state.config.console_idle_minutes))
    return sessions.lookup(request.cookies.get(sessions.COOKIE), idle, touch=touch)


def _denied(request: Request, status: int, message: str) -> Response:
    return request.app.state.templates.TemplateResponse(request, "error.html", {"message": message},
                                                        status_code=status)


def page(handler: Handler, *, admin: bool = False, calls: bool = False) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        session = await run_in_threadpool(session_of, request, touch=True)
        if session is None:
            return RedirectResponse("/login", status_code=303)
        if admin and not session.staff.is_admin:
            return _denied(request, 403, "관리자만 볼 수 있는 화면입니다.")
        if calls and not session.staff.sees_calls:
            return _denied(request, 403, "통화와 환자 기록을 볼 권한이 없는 계정입니다.")
        return await run_in_threadpool(handler, Ctx(request, session))

    endpoint.__name__ = handler.__name__
    endpoint.console_kind = "page"  # type: ignore[attr-defined]
    return endpoint


def action(handler: Handler, *, admin: bool = False, calls: bool = False) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        session = await run_in_threadpool(session_of, request, touch=True)
        if session is None:
            return _denied(request, 401, "로그인이 필요합니다. 다시 로그인해 주세요.")
        form = await request.form()
        token = form.get("csrf_token") or request.headers.get("x-csrf-token")
        if not sessions.csrf_ok(session, token if isinstance(token, str) else None):
            _LOGGER.warning("refused a form without a valid CSRF token (%s %s)", request.method, request.url.path)
            return _denied(request, 403, "보안 토큰이 맞지 않아 처리하지 않았습니다. "
                                         "화면을 새로 고친 뒤 다시 시도해 주세요.")
        if admin and not session.staff.is_admin:
            return _denied(request, 403, "관리자만 할 수 있는 작업입니다.")
        if calls and not session.staff.sees_calls:
            return _denied(request, 403, "통화와 환자 기록을 볼 권한이 없는 계정입니다.")
        return await run_in_threadpool(handler, Ctx(request, session, form))

    endpoint.__name__ = handler.__name__
    endpoint.console_kind = "action"  # type: ignore[attr-defined]
    return endpoint


def number_for(staff: Staff, number: str | None, revealed: bool = False) -> str:
    """Admins see numbers; the staff role sees them masked unless revealed (a logged action)."""
    if not number:
        return "-"
    if staff.is_admin or revealed:
        return phones.formatted(number) or number
    return phones.masked(number)
