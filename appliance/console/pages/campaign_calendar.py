"""The campaigns calendar: a week ahead, which campaign would call how many people on which day.

It is the same dry run of the dialer's own planning as ``dentalcall campaigns calendar``
(``outbound.calendar.simulate`` with ``calendar.campaign_states``): the clinic's hours and holidays, cooldowns
and one call per phone a day carried from day to day, nothing dialled and nothing written. Staff may add
campaigns that are switched off, to see what switching one on would do. The page shows counts only (no names
or numbers), so it is not a view of anyone's data; the result is kept a few minutes (planning reads the EMR).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from typing import Any

from starlette.responses import Response

from appliance.console.formatting import WEEKDAYS_KO, bar_chart
from appliance.console.web import Ctx, page

DAYS = 7
CACHE_SECONDS = 300.0


def plan_week(ctx: Ctx, start: dt.date, extra: tuple[str, ...]) -> dict[str, Any]:
    """{"counts": Counter[(day, campaign)], "errors": {campaign: error}, "problems": Counter[day],
    "enabled": [names planned]} for ``DAYS`` days from ``start``."""
    from appliance.outbound import calendar

    states = calendar.campaign_states()
    for name in extra:
        states[name] = (True, states[name][1])
    cal = calendar.simulate(emr=ctx.state.patients.emr, facts=ctx.state.facts(), config=ctx.config, start=start,
                            days=DAYS, states=states)
    return {"counts": Counter((e.day, e.campaign) for e in cal.entries), "errors": cal.errors(),
            "problems": Counter(p.day for p in cal.problems), "enabled": [n for n, (on, _) in states.items() if on]}


def _calendar(ctx: Ctx) -> Response:
    from appliance.outbound import campaigns as camps
    from appliance.outbound.clock import clinic_clock

    extra = tuple(sorted({n for n in ctx.request.query_params.getlist("with") if n in camps.CAMPAIGNS}))
    start = clinic_clock(str(ctx.config.timezone))().date()
    days = [start + dt.timedelta(days=i) for i in range(DAYS)]
    context: dict[str, Any] = {"page": "campaigns", "days": days, "weekdays": WEEKDAYS_KO, "extra": extra,
                               "campaigns": list(camps.CAMPAIGNS.values()), "week": None, "error": None}
    if ctx.state.patients.emr is None or ctx.state.facts() is None:
        context["error"] = "EMR 또는 병원 정보 파일이 연결되지 않아 일정을 계산할 수 없습니다."
        return ctx.render("campaign_calendar.html", **context)
    cache: dict[tuple, tuple[float, dict[str, Any]]] = ctx.state.campaign_calendar
    key = (start, extra)
    hit = cache.get(key)
    if hit is None or time.monotonic() - hit[0] > CACHE_SECONDS:
        try:
            hit = (time.monotonic(), plan_week(ctx, start, extra))
        except Exception as exc:  # the EMR or the CRM failing: say so, keep the page
            context["error"] = f"일정 계산 실패: {type(exc).__name__}"
            return ctx.render("campaign_calendar.html", **context)
        cache.clear()
        cache[key] = hit
    week = hit[1]
    rows = [{"campaign": c, "counts": [week["counts"].get((d, c.name), 0) for d in days],
             "planned": c.name in week["enabled"], "error": week["errors"].get(c.name)}
            for c in camps.CAMPAIGNS.values()]
    totals = [sum(r["counts"][i] for r in rows) for i in range(DAYS)]
    labels = [f"{d.month}/{d.day}({WEEKDAYS_KO[d.weekday()]})" for d in days]
    context.update(week=week, rows=rows, totals=totals, day_chart=bar_chart(labels, [totals]),
                   problems=[week["problems"].get(d, 0) for d in days], computed=hit[0])
    return ctx.render("campaign_calendar.html", **context)


calendar = page(_calendar)
