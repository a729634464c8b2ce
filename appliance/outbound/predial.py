"""The checks right before each dial, fresh at that moment (a task can wait in the queue for days):

* the campaign's calling window (adverts: 08:00-21:00 Asia/Seoul), else the task waits for the next one;
* the number is one a campaign may ring (mobile or geographic), else the task is cancelled;
* no opt-out (adverts: any; information calls: opt-outs of all calls);
* adverts only: the system clock is NTP-synchronised (the legal hours depend on it), and the patient's
  marketing consent — the EMR's newest row, re-read now — is given, dated within two years, and for a child
  under 14 backed by a guardian's consent. Withdrawn → cancelled; the EMR unreachable → the task waits.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import Any, Callable

from appliance.data import crm_records, phone as phones
from appliance.outbound import campaigns as camps
from appliance.outbound import queue, window
from appliance.outbound.clock import ClockSync
from appliance.outbound.consent import ad_consent_problem
from appliance.outbound.params import ParamError

_LOGGER = logging.getLogger(__name__)

RECHECK_MINUTES = 5  # a check that cannot be made now (clock, EMR) is tried again this much later
SYNC_CACHE_S = 60.0


class PreDial:
    def __init__(self, config: Any, *, facts: Any, emr: Any, clock_synced: ClockSync, zone: str = window.SEOUL):
        self.config = config
        self.facts = facts
        self.emr = emr
        self.clock_synced = clock_synced
        self.zone = zone
        self._params: dict[str, dict[str, Any] | None] = {}
        self._synced: tuple[float, bool | None] | None = None
        self._warned: set[str] = set()

    def new_round(self) -> None:
        """Read each campaign's settings again (once per tick)."""
        self._params = {}

    def params(self, campaign: str) -> dict[str, Any] | None:
        """The campaign's settings, None while they are invalid (its tasks wait; doctor says why)."""
        if campaign not in self._params:
            try:
                self._params[campaign] = camps.state(campaign)[1] if campaign in camps.CAMPAIGNS else {}
            except ParamError as exc:
                if campaign not in self._warned:
                    _LOGGER.error("campaign %s: its calls wait until its settings are fixed: %s", campaign, exc)
                    self._warned.add(campaign)
                self._params[campaign] = None
        return self._params[campaign]

    def window_kwargs(self, campaign: str) -> dict[str, Any]:
        params = self.params(campaign) or {}
        return {"hours": params.get("hours") or None,
                "closed_days": self.config.outbound_closed_days, "zone": self.zone}

    def next_window(self, task: queue.Task) -> Callable[[dt.datetime], dt.datetime | None]:
        kwargs = self.window_kwargs(task.campaign)
        return lambda moment: window.next_opening(self.facts, moment, task.kind, **kwargs)

    def clock_ok(self) -> bool:
        now = time.monotonic()
        if self._synced is None or now - self._synced[0] > SYNC_CACHE_S:
            try:
                synced = self.clock_synced()
            except Exception:
                synced = None
            self._synced = (now, synced)
            if not synced:
                _LOGGER.warning("system clock not NTP-synchronised: advertising calls wait")
        return bool(self._synced[1])

    def allow(self, task: queue.Task, now: dt.datetime) -> bool:
        """True when ``task`` may be dialled now; otherwise it is delayed or cancelled here."""
        if self.params(task.campaign) is None:
            queue.delay(task.id, now + dt.timedelta(minutes=RECHECK_MINUTES))
            return False
        if not window.may_call(self.facts, now, task.kind, **self.window_kwargs(task.campaign)):
            nxt = self.next_window(task)(now)
            queue.delay(task.id, task.expires_at if nxt is None or nxt >= task.expires_at else nxt)
            return False
        if not phones.is_outbound_target(task.phone):
            queue.cancel_task(task.id, now, outcome="not_callable_number")
            return False
        if crm_records.is_opted_out(task.phone, task.patient_id, advertising=task.kind == window.AD,
                                    channel="call"):
            queue.cancel_task(task.id, now, outcome="opted_out")
            return False
        if task.kind != window.AD:
            return True
        if not self.clock_ok():
            queue.delay(task.id, now + dt.timedelta(minutes=RECHECK_MINUTES))
            return False
        problem = self.consent_problem(task, now.date())
        if problem == "unknown":
            queue.delay(task.id, now + dt.timedelta(minutes=RECHECK_MINUTES))
            return False
        if problem:
            _LOGGER.info("task %s: advertising call cancelled before dialling: %s", task.id, problem)
            queue.cancel_task(task.id, now, outcome=problem)
            return False
        return True

    def consent_problem(self, task: queue.Task, day: dt.date) -> str | None:
        """The patient's advertising consent now, from the EMR ("unknown" when it cannot be read)."""
        if self.emr is None:
            return "unknown"
        try:
            patient = self.emr.get_patient(task.patient_id)
        except Exception as exc:
            _LOGGER.warning("task %s: consent not re-checked (%s): the advert waits", task.id, type(exc).__name__)
            return "unknown"
        if patient is None:
            return "no_patient"
        return ad_consent_problem(patient, day)
