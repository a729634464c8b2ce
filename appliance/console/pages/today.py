"""Today, all live: how much work is open, the calls in progress now, today's calls with their outcome."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Iterable

from peewee import fn
from starlette.responses import Response

from appliance.console import workqueue
from appliance.console.formatting import clinic_today, local_day_bounds
from appliance.console.web import Ctx, page
from appliance.data.crm import Call, Turn, utcnow

LIVE_WINDOW = dt.timedelta(hours=2)  # a call row still open after this is a crashed engine's, not a live call
RECENT = 100


def live_calls() -> list[dict[str, Any]]:
    """Calls in progress: open rows of the last hours, each with its latest turn."""
    rows = list(Call.select().where(Call.started_at >= utcnow() - LIVE_WINDOW, Call.ended_at.is_null())
                .order_by(Call.started_at))
    out = []
    for call in rows:
        last = Turn.select().where(Turn.call == call.id).order_by(Turn.seq.desc()).first()
        turns = Turn.select().where(Turn.call == call.id).count()
        out.append({"call": call, "last": last, "turns": turns,
                    "seconds": (utcnow() - call.started_at).total_seconds()})
    return out


def signature() -> tuple:
    """Changes with every new call, every ended call, every new turn and every work item (index lookups)."""
    since = utcnow() - dt.timedelta(hours=12)
    recent = Call.select(fn.MAX(Call.id), fn.MAX(Call.ended_at)).where(Call.started_at >= since).tuples().first()
    open_now = Call.select().where(Call.started_at >= utcnow() - LIVE_WINDOW, Call.ended_at.is_null()).count()
    last_turn = Turn.select(fn.MAX(Turn.id)).scalar()
    return (tuple(recent or ()), open_now, last_turn, workqueue.signature())


def _today_calls(zone: str) -> tuple[list[Call], Counter, int]:
    start, end = local_day_bounds(clinic_today(zone), zone)
    base = Call.select().where(Call.started_at >= start, Call.started_at < end)
    counts: Iterable[tuple[str | None, int]] = base.select(Call.outcome, fn.COUNT(Call.id)).group_by(
        Call.outcome).tuples()  # type: ignore[assignment]  # (peewee's stubs type .tuples() as the model)
    outcomes = Counter({(o or "in_progress"): n for o, n in counts})
    total = sum(outcomes.values())
    recent = list(base.order_by(Call.started_at.desc()).limit(RECENT))
    return recent, outcomes, total


def _context(ctx: Ctx) -> dict[str, Any]:
    zone = str(ctx.config.timezone)
    recent, outcomes, total = _today_calls(zone)
    live = live_calls()
    ids = [c.patient_id for c in recent] + [c["call"].patient_id for c in live]
    return {"recent": recent, "outcomes": outcomes.most_common(), "total": total, "calls": live,
            "counts": workqueue.open_counts(), "version": ctx.state.hub.version["today"],
            "patients": ctx.state.patients.many(ids), "day": clinic_today(zone), "ids": ids}


def live_fragment(ctx: Ctx) -> str:
    """The live part of the page (what the SSE stream sends): work counts, calls now, today's calls."""
    context = _context(ctx)
    ctx.access("console.today.live", patient_ids=context["ids"], subject="today's calls",
               count=len(context["recent"]) + len(context["calls"]))
    return ctx.render_fragment("_today_live.html", **context)


def _today(ctx: Ctx) -> Response:
    context = _context(ctx)
    ctx.access("console.today.view", patient_ids=context["ids"], subject="today's calls",
               count=len(context["recent"]) + len(context["calls"]))
    return ctx.render("today.html", page="today", **context)


today = page(_today)
