"""The dialer's planning, one code path for the live dialer and the calendar's dry run.

``Planner.run(now)``: the enabled campaigns whose calling window is open and that were not planned in the
last ``RETARGET_HOURS`` today are planned together (priority order, one shared history: one call per
patient and per phone a day) and handed to the store. Each campaign is planned on its own: a bad setting,
an EMR error or a bug in one is recorded on that campaign's run (``error``, shown by ``doctor`` and
``dialer status``) and the others are planned and dialled as usual.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from typing import Any

from appliance.outbound import campaigns as camps
from appliance.outbound import targeting, window
from appliance.outbound.params import ParamError
from appliance.outbound.store import CrmStore, Store, enqueue, run_record

_LOGGER = logging.getLogger(__name__)

RETARGET_HOURS = 3  # again every few hours: an appointment booked this afternoon is still reminded today


@dataclasses.dataclass
class Round:
    """What one planning round did."""

    planned: list[targeting.Plan] = dataclasses.field(default_factory=list)
    queued: dict[str, int] = dataclasses.field(default_factory=dict)
    errors: dict[str, str] = dataclasses.field(default_factory=dict)


class Planner:
    def __init__(self, *, emr: Any, facts: Any, config: Any, store: Store | None = None,
                 states: dict[str, tuple[bool, Any]] | None = None):
        """``states``: a fixed {campaign: (enabled, params or the ParamError they raise)} (a dry run);
        default: read from the CRM each round."""
        self.emr = emr
        self.facts = facts
        self.config = config
        self.store = store or CrmStore()
        self.states = states
        self.zone = (config.timezone or window.SEOUL)

    # --- settings ---------------------------------------------------------------------------------------
    def state(self, name: str) -> tuple[bool, dict[str, Any]]:
        """(enabled, typed params); ``ParamError`` when a stored value breaks a rule."""
        if self.states is not None:
            enabled, params = self.states.get(name, (False, camps.get(name).params()))
            if isinstance(params, Exception):
                raise params
            return enabled, params
        return camps.state(name)

    def enabled(self) -> list[str]:
        if self.states is not None:
            return [n for n in camps.CAMPAIGNS if self.states.get(n, (False, {}))[0]]
        return [c.name for c in camps.enabled_campaigns()]

    def window_kwargs(self, params: dict[str, Any] | None) -> dict[str, Any]:
        return {"hours": (params or {}).get("hours") or None,
                "closed_days": self.config.outbound_closed_days, "zone": self.zone}

    # --- rounds -----------------------------------------------------------------------------------------
    def due(self, now: dt.datetime) -> tuple[list[str], dict[str, str]]:
        """(campaigns to plan now, {campaign: why its settings are unusable})."""
        last = self.store.last_runs(now.date())
        due: list[str] = []
        broken: dict[str, str] = {}
        for name in self.enabled():
            at = last.get(name)
            if at is not None and at > now - dt.timedelta(hours=RETARGET_HOURS):
                continue
            try:
                params: dict[str, Any] | None = self.state(name)[1]
            except ParamError as exc:
                params, broken[name] = None, f"settings: {exc}"
            if window.may_call(self.facts, now, camps.get(name).kind, **self.window_kwargs(params)):
                if name not in broken:
                    due.append(name)
        return sorted(due, key=lambda n: camps.get(n).priority), broken

    def run(self, now: dt.datetime) -> Round:
        """Plan what is due now into the store; never raises for one campaign's failure."""
        result = Round()
        names, broken = self.due(now)
        for name, error in broken.items():
            self._failed(result, name, now, error, None)
        if not names:
            return result
        if self.emr is None:
            for name in names:
                self._failed(result, name, now, "no EMR connected: run `dentalcall emr connect`", None)
            return result
        try:
            ctx = targeting.new_context(self.emr, now, self.config, self.store.history(now.date()))
        except Exception as exc:  # the CRM cannot be read: nothing can be planned safely
            for name in names:
                self._failed(result, name, now, f"history: {type(exc).__name__}: {exc}", None)
            return result
        for name in names:
            started = time.monotonic()
            try:
                params = self.state(name)[1]
                plan = targeting.plan(name, emr=self.emr, facts=self.facts, now=now, ctx=ctx, params=params,
                                      config=self.config)
                queued = enqueue(plan, now, self.store, max_attempts=int(params.get("max_attempts") or 3))
            except Exception as exc:
                self._failed(result, name, now, f"{type(exc).__name__}: {exc}", _ms(started))
                continue
            result.planned.append(plan)
            result.queued[name] = queued
            self.store.record(run_record(plan, name, now, queued, ms=_ms(started)))
        return result

    def _failed(self, result: Round, name: str, now: dt.datetime, error: str, ms: int | None) -> None:
        _LOGGER.error("campaign %s: planning failed: %s", name, error)
        result.errors[name] = error
        try:
            self.store.record(run_record(None, name, now, error=error, ms=ms))
        except Exception:  # the CRM itself is failing: the log line is all we can do
            _LOGGER.exception("campaign %s: cannot record the failed run", name)


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def last_errors(day: dt.date | None = None) -> dict[str, tuple[dt.datetime, str]]:
    """{campaign: (when, error)} for campaigns whose latest planning run failed (``doctor``, status)."""
    from appliance.outbound.queue import TargetRun

    latest: dict[str, Any] = {}
    query = TargetRun.select()
    if day is not None:
        query = query.where(TargetRun.day >= day)
    for run in query.order_by(TargetRun.at, TargetRun.id):
        latest[run.campaign] = run
    return {name: (run.at, run.error) for name, run in latest.items() if run.error}
