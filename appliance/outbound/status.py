"""What staff and ``doctor`` see of the outbound side: the queue, the calling windows, and whether each
enabled campaign can actually run (its settings, its last planning run, unreadable EMR rows, appointments
on closed days, the clock the advertising hours depend on). Reads the CRM only (and the system clock state).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from appliance.outbound import campaigns as camps
from appliance.outbound import queue, window
from appliance.outbound.clock import clinic_clock, clock_sync_for
from appliance.outbound.params import ParamError


@dataclasses.dataclass
class Health:
    status: str  # ok | warn | fail
    message: str
    fix: str = ""


def campaign_problems(now: dt.datetime) -> dict[str, str]:
    """{enabled campaign: why it cannot run} from its settings and its latest planning run (last 2 days)."""
    from appliance.outbound.planning import last_errors

    problems: dict[str, str] = {}
    enabled = [c.name for c in camps.enabled_campaigns()]
    for name in enabled:
        try:
            camps.state(name)
        except ParamError as exc:
            problems[name] = f"settings: {exc}"
    for name, (at, error) in last_errors(now.date() - dt.timedelta(days=1)).items():
        if name in enabled and name not in problems:
            problems[name] = f"planning failed at {at:%Y-%m-%d %H:%M}: {error}"
    return problems


def recent_runs(now: dt.datetime, days: int = 2) -> list[queue.TargetRun]:
    since = now.date() - dt.timedelta(days=days - 1)
    return list(queue.TargetRun.select().where(queue.TargetRun.day >= since).order_by(queue.TargetRun.at))


def health(config: Any, now: dt.datetime | None = None) -> Health:
    """``doctor``'s outbound check (the CRM must be open)."""
    now = now or clinic_clock(config.timezone)()
    enabled = camps.enabled_campaigns()
    if not enabled:
        return Health("ok", "no campaign enabled (outbound calls off)")
    problems = campaign_problems(now)
    if problems:
        return Health("fail", "; ".join(f"{n}: {p}" for n, p in problems.items()),
                      "fix the setting with `dentalcall campaigns set NAME KEY VALUE` (or the EMR / profile the "
                      "error names); the other campaigns keep running")
    if any(c.kind == window.AD for c in enabled):
        check = (config.outbound_clock_check or "ntp").lower()
        if check == "off":
            return Health("warn", "advertising calls trust an unchecked system clock (outbound_clock_check = off)",
                          "set outbound_clock_check = ntp once NTP works (the 08:00-21:00 rule depends on it)")
        if not clock_sync_for(config)():
            return Health("fail", "advertising calls are blocked: the system clock is not NTP-synchronised",
                          "timedatectl set-ntp true (and check the network reaches an NTP server)")
    runs = recent_runs(now)
    bad = sum(r.bad_rows or 0 for r in runs)
    closed = sum(r.problems or 0 for r in runs)
    notes = []
    if bad:
        notes.append(f"{bad} EMR rows skipped (values that cannot be read, e.g. a duration like '30분')")
    if closed:
        notes.append(f"{closed} appointments on closed days (staff callbacks 'appointment on a closed day')")
    names = ", ".join(c.name for c in enabled)
    if notes:
        return Health("warn", f"campaigns {names} running; " + "; ".join(notes),
                      "correct those appointments/rows in the EMR (`dentalcall campaigns preview NAME` counts them)")
    return Health("ok", f"campaigns {names} running")


def status(config: Any, now: dt.datetime | None = None) -> dict[str, Any]:
    """For ``dentalcall dialer status`` (reads the CRM only)."""
    from appliance.data.clinic import facts as factslib

    now = now or clinic_clock(config.timezone)()
    try:
        facts = factslib.load_for(config)
    except Exception:
        facts = None
    q = queue.Task
    counts = {s: q.select().where(q.status == s).count() for s in (queue.QUEUED, queue.DIALING)}
    today = now.date()
    midnight = dt.datetime.combine(today, dt.time(0))
    done_today = q.select().where(q.status == queue.DONE, q.finished_at >= midnight).count()
    kwargs: dict[str, Any] = {"closed_days": config.outbound_closed_days, "zone": config.timezone or window.SEOUL}
    windows = {}
    for kind in (window.INFO, window.AD):
        nxt = window.next_opening(facts, now, kind, **kwargs) if facts else None
        windows[kind] = {"open_now": bool(facts and window.may_call(facts, now, kind, **kwargs)),
                         "next": nxt.isoformat(timespec="minutes") if nxt else None}
    return {"now": now.isoformat(timespec="minutes"), "queued": counts[queue.QUEUED], "dialing": counts[queue.DIALING],
            "in_flight": len(queue.in_flight()), "done_today": done_today,
            "enabled": [c.name for c in camps.enabled_campaigns()], "windows": windows,
            "problems": campaign_problems(now),
            "lines": {"sip_lines": config.sip_lines, "max_outbound": config.outbound_max_channels,
                      "free_for_inbound": config.outbound_free_lines}}
