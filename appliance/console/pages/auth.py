"""Log in and out. The login form has its own CSRF token (a double-submit cookie: there is no session yet);
wrong passwords are throttled (``accounts.authenticate``)."""

from __future__ import annotations

import hmac
import secrets

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from appliance.console import accounts, sessions
from appliance.console.web import Ctx, action, client_address, session_of

LOGIN_COOKIE = "dc_login"


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _login_form(request: Request, message: str = "", status: int = 200) -> Response:
    token = secrets.token_urlsafe(24)
    response = request.app.state.templates.TemplateResponse(
        request, "login.html", {"csrf": token, "message": message,
                                "expired": request.query_params.get("expired") == "1",
                                "clinic": request.app.state.config.clinic_name}, status_code=status)
    response.set_cookie(LOGIN_COOKIE, token, max_age=3600, httponly=True, samesite="strict", secure=_secure(request),
                        path="/login")
    return response


async def login_page(request: Request) -> Response:
    if await run_in_threadpool(session_of, request, touch=False) is not None:
        return RedirectResponse("/today", status_code=303)
    return _login_form(request)


async def login(request: Request) -> Response:
    form = await request.form()
    token, cookie = form.get("csrf_token"), request.cookies.get(LOGIN_COOKIE)
    if not (isinstance(token, str) and cookie and hmac.compare_digest(token.encode(), cookie.encode())):
        return _login_form(request, "보안 토큰이 맞지 않습니다. 다시 로그인해 주세요.", 403)
    name, password = str(form.get("name") or ""), str(form.get("password") or "")
    origin = client_address(request)
    limit = int(request.app.state.config.console_login_attempts)
    try:
        staff = await run_in_threadpool(accounts.authenticate, name, password, origin, limit=limit)
    except accounts.LoginThrottled:
        return _login_form(request, "로그인 시도가 너무 많습니다. 15분 뒤에 다시 시도해 주세요.", 429)
    if staff is None:
        return _login_form(request, "아이디 또는 비밀번호가 맞지 않습니다.", 401)
    cookie_token, _ = await run_in_threadpool(sessions.start, staff, origin)
    response = RedirectResponse("/today", status_code=303)
    response.set_cookie(sessions.COOKIE, cookie_token, httponly=True, samesite="strict", secure=_secure(request),
                        path="/")
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


login.console_kind = "login"  # type: ignore[attr-defined]


def _logout(ctx: Ctx) -> Response:
    sessions.end(ctx.session.token_hash)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(sessions.COOKIE, path="/")
    return response


logout = action(_logout)
