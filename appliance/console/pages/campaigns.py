"""Campaigns (안내 전화): on/off, preview counts, run now, and what each did per week as charts.

The outbound layer owns the campaigns (definitions, targeting, the queue, the report); this page calls its
public functions exactly as ``dentalcall campaigns ...`` does.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from starlette.responses import Response

from appliance.console.formatting import bar_chart
from appliance.console.models import log_action
from appliance.console.web import Ctx, action, page

WEEKS = 8
SERIES = ("targeted", "answered", "booked", "revenue")
WEEKLY_CACHE_SECONDS = 60.0
EXCLUDED_KO = {
    "no_patient": "EMR에 없음", "inactive": "비활성 환자", "deceased": "사망", "no_phone": "전화번호 없음",
    "no_consent": "광고 수신 동의 없음", "consent_undated": "동의 날짜 없음", "consent_expired": "동의 2년 지남",
    "opted_out": "수신거부", "no_insurance": "보험 대상 아님", "has_appointment": "예약 있음",
    "cooldown": "최근에 연락함", "frequency_cap": "광고 전화 횟수 제한", "dedup_patient": "다른 안내와 중복",
    "dedup_phone": "같은 번호 중복", "daily_limit": "하루 한도 초과",
}


def _now(config: Any) -> dt.datetime:
    from appliance.outbound.clock import clinic_clock

    return clinic_clock(str(config.timezone))()


def weekly(facts: Any, today: dt.date, weeks: int = WEEKS) -> tuple[list[str], dict[str, dict[str, list[int]]]]:
    """(week labels, per campaign and week, oldest first: targeted, answered, booked, revenue)."""
    from appliance.outbound import report

    monday = today - dt.timedelta(days=today.weekday())
    starts = [monday - dt.timedelta(weeks=w) for w in range(weeks - 1, -1, -1)]
    out: dict[str, dict[str, list[int]]] = {}
    for i, start in enumerate(starts):
        for row in report.build(start, start + dt.timedelta(days=6), facts=facts):
            series = out.setdefault(row.campaign, {k: [0] * weeks for k in SERIES})
            series["targeted"][i] = row.targeted
            series["answered"][i] = row.answered
            series["booked"][i] = row.bookings
            series["revenue"][i] = row.revenue
    return [f"{s.month}/{s.day}" for s in starts], out


def _campaigns(ctx: Ctx) -> Response:
    from appliance.outbound import campaigns as camps
    from appliance.outbound import queue, status

    Task: Any = queue.Task  # (peewee's stubs do not see the implicit id)
    now = _now(ctx.config)
    cached = getattr(ctx.state, "campaign_weekly", None)  # past weeks do not change: recount once a minute
    if cached is None or cached[0] != now.date() or time.monotonic() - cached[1] > WEEKLY_CACHE_SECONDS:
        cached = (now.date(), time.monotonic(), weekly(ctx.state.facts(), now.date()))
        ctx.state.campaign_weekly = cached
    labels, data = cached[2]
    rows = []
    for c in camps.CAMPAIGNS.values():
        enabled, params = camps.stored(c.name)  # as stored: a campaign with a broken setting is listed too
        series = data.get(c.name)
        queued = Task.select().where(Task.campaign == c.name, Task.status == queue.QUEUED).count()
        rows.append({"campaign": c, "enabled": enabled, "params": params, "queued": queued, "series": series,
                     "chart": bar_chart(labels, [series["targeted"], series["answered"], series["booked"]])
                     if series else None,
                     "revenue": bar_chart(labels, [series["revenue"]]) if series else None,
                     "totals": {k: sum(v) for k, v in series.items()} if series else None})
    preview = ctx.state.flash.pop(("preview", ctx.session.token_hash), None)
    flash = ctx.state.flash.pop(ctx.session.token_hash, None)
    return ctx.render("campaigns.html", page="campaigns", rows=rows, labels=labels, preview=preview, flash=flash,
                      excluded_ko=EXCLUDED_KO, problems=status.campaign_problems(now),
                      health=status.health(ctx.config, now))


def _name(ctx: Ctx) -> str | None:
    from appliance.outbound import campaigns as camps

    name = str(ctx.request.path_params.get("name", ""))
    return name if name in camps.CAMPAIGNS else None


def _back(ctx: Ctx, ok: bool, message: str) -> Response:
    from appliance.console.actions import Outcome

    ctx.state.flash[ctx.session.token_hash] = Outcome(ok, message)
    return ctx.see_other("/campaigns")


def _emr_or_none(ctx: Ctx) -> Any:
    return ctx.state.patients.emr


def _preview(ctx: Ctx) -> Response:
    from appliance.outbound import targeting

    name = _name(ctx)
    emr, facts = _emr_or_none(ctx), ctx.state.facts()
    if name is None or emr is None or facts is None:
        return _back(ctx, False, "EMR 또는 병원 정보 파일이 연결되지 않아 미리보기를 할 수 없습니다.")
    try:
        plan = targeting.plan(name, emr=emr, facts=facts, now=_now(ctx.config), config=ctx.config, count=True)
    except Exception as exc:  # the EMR may be down: say so, keep the page
        return _back(ctx, False, f"미리보기 실패: EMR 조회 오류 ({type(exc).__name__})")
    ctx.state.flash[("preview", ctx.session.token_hash)] = {
        "name": name, "targets": len(plan.targets), "candidates": plan.total or plan.candidates,
        "complete": plan.complete, "excluded": plan.excluded.most_common()}
    return ctx.see_other(f"/campaigns#{name}")


def _switch(ctx: Ctx, enabled: bool) -> Response:
    """As ``dentalcall campaigns enable|disable``: the outbound layer's ``set_enabled`` and ``disable``
    (switching off also cancels the calls not yet dialled, leaving a call already dialling alone)."""
    from appliance.outbound import campaigns as camps

    name = _name(ctx)
    if name is None:
        return _back(ctx, False, "없는 안내 전화입니다.")
    cancelled = 0
    if enabled:
        camps.set_enabled(name, True)
    else:
        cancelled = camps.disable(name, _now(ctx.config))
    log_action(ctx.staff.actor, "campaign", name, "enable" if enabled else "disable",
               result=None if enabled else f"{cancelled} queued calls cancelled")
    title = camps.get(name).title
    return _back(ctx, True, f"'{title}' 켰습니다." if enabled else f"'{title}' 껐습니다 (대기 {cancelled}건 취소).")


def _run_now(ctx: Ctx) -> Response:
    """As ``dentalcall campaigns run-now``: plan with the campaign's checked settings, queue through the
    dialer's store (``store.enqueue``) and record the run, so the dialer and ``doctor`` see it."""
    from appliance.outbound import campaigns as camps
    from appliance.outbound import targeting
    from appliance.outbound.params import ParamError
    from appliance.outbound.store import CrmStore, enqueue, run_record

    name = _name(ctx)
    emr, facts = _emr_or_none(ctx), ctx.state.facts()
    if name is None or emr is None or facts is None:
        return _back(ctx, False, "EMR 또는 병원 정보 파일이 연결되지 않아 지금 실행할 수 없습니다.")
    now = _now(ctx.config)
    try:
        params = camps.state(name)[1]
        plan = targeting.plan(name, emr=emr, facts=facts, now=now, config=ctx.config, params=params)
    except ParamError as exc:
        return _back(ctx, False, f"설정 오류로 실행하지 않았습니다: {exc}")
    except Exception as exc:  # the EMR may be down: say so, keep the page
        return _back(ctx, False, f"실행 실패: EMR 조회 오류 ({type(exc).__name__})")
    store = CrmStore()
    added = enqueue(plan, now, store, max_attempts=int(params.get("max_attempts") or 3))
    store.record(run_record(plan, name, now, added))
    log_action(ctx.staff.actor, "campaign", name, "run_now", result=f"{len(plan.targets)} targets, {added} queued")
    return _back(ctx, True, f"대상 {len(plan.targets)}명 중 {added}명을 새로 대기열에 넣었습니다. "
                            "통화 가능 시간에 전화합니다.")


campaigns = page(_campaigns)
preview = action(_preview)
enable = action(lambda ctx: _switch(ctx, True), admin=True)
disable = action(lambda ctx: _switch(ctx, False), admin=True)
run_now = action(_run_now, admin=True)
