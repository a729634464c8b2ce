"""Admins only: the access log (who viewed or exported whose data), staff actions, and the accounts."""

from __future__ import annotations

import datetime as dt

from starlette.responses import Response

from appliance.console.accounts import list_accounts
from appliance.console.formatting import local_day_bounds
from appliance.console.models import LoginAttempt, WorkAction
from appliance.console.web import Ctx, action, page
from appliance.data import access_log
from appliance.data.crm import utcnow

SHOWN = 300


def _render(ctx: Ctx, entries: list, criteria: dict[str, str]) -> Response:
    actions = list(WorkAction.select().order_by(WorkAction.at.desc()).limit(100))
    return ctx.render("access.html", page="access", entries=entries, criteria=criteria, actions=actions)


def _access(ctx: Ctx) -> Response:
    return _render(ctx, access_log.entries(limit=SHOWN), {})


def _filter(ctx: Ctx) -> Response:
    criteria = {k: ctx.field(k)[:64] for k in ("day", "actor", "patient", "action")}
    since = until = None
    if criteria["day"]:
        try:
            since, until = local_day_bounds(dt.date.fromisoformat(criteria["day"]), str(ctx.config.timezone))
        except ValueError:
            return ctx.render("error.html", status_code=400, message="날짜는 2026-11-23 형식으로 입력해 주세요.")
    actor = criteria["actor"]
    if actor and ":" not in actor:
        actor = f"staff:{actor}"
    entries = access_log.entries(since=since, until=until, actor=actor or None,
                                 patient_id=criteria["patient"] or None, action=criteria["action"] or None,
                                 limit=SHOWN)
    return _render(ctx, entries, criteria)


def _staff(ctx: Ctx) -> Response:
    since = utcnow() - dt.timedelta(days=1)
    failures = (LoginAttempt.select().where(LoginAttempt.at >= since, LoginAttempt.ok == False)  # noqa: E712
                .order_by(LoginAttempt.at.desc()).limit(50))
    return ctx.render("staff.html", page="staff", accounts=list_accounts(), failures=list(failures))


access = page(_access, admin=True)
access_filter = action(_filter, admin=True)
staff = page(_staff, admin=True)
