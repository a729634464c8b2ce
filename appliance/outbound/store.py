"""Where planned calls go: the CRM's task queue (``CrmStore``, the dialer) or memory (``MemoryStore``, the
calendar's dry run, which writes nothing). Both take a plan through the same ``enqueue``, so a dry run sees
exactly the calls, merges and problem reports the dialer would make.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Protocol

from appliance.outbound.history import HistoryItem, task_key
from appliance.outbound.targeting import Plan, Problem, Target

_LOGGER = logging.getLogger(__name__)

CLOSED_DAY_REASON = "appointment on a closed day"


@dataclasses.dataclass
class RunRecord:
    """One campaign's planning at one moment (``outbound_target_run``)."""

    campaign: str
    day: dt.date
    at: dt.datetime
    targeted: int = 0
    queued: int = 0
    excluded: dict[str, int] = dataclasses.field(default_factory=dict)
    error: str | None = None
    bad_rows: int = 0
    problems: int = 0
    ms: int | None = None


class Store(Protocol):
    def history(self, today: dt.date) -> list[HistoryItem]: ...
    def last_runs(self, day: dt.date) -> dict[str, dt.datetime]: ...
    def add(self, target: Target, day: dt.date, now: dt.datetime, max_attempts: int) -> bool: ...
    def report(self, problem: Problem) -> None: ...
    def record(self, run: RunRecord) -> None: ...


class CrmStore:
    """The CRM: tasks in ``outbound_task``, runs in ``outbound_target_run``, problems as staff callbacks."""

    def history(self, today: dt.date) -> list[HistoryItem]:
        from appliance.outbound import queue

        return queue.history_items(today)

    def last_runs(self, day: dt.date) -> dict[str, dt.datetime]:
        from appliance.outbound.queue import TargetRun

        out: dict[str, dt.datetime] = {}
        for run in TargetRun.select(TargetRun.campaign, TargetRun.at).where(TargetRun.day == day):
            out[run.campaign] = max(out.get(run.campaign, run.at), run.at)
        return out

    def add(self, target: Target, day: dt.date, now: dt.datetime, max_attempts: int) -> bool:
        from appliance.outbound import queue

        if target.merge_into is not None and target.merge_into.task_id is not None:
            if queue.join_reminder(target.merge_into.task_id, target.appointments(), target.expires_at, now):
                return False  # joined today's call to that phone: no new call
        task = queue.add_task(campaign=target.campaign, kind=target.kind, patient_id=target.patient_id,
                              phone=target.phone, day=day, reason=target.reason, ref=target.ref, now=now,
                              expires_at=target.expires_at, detail=target.detail, priority=target.priority,
                              max_attempts=max_attempts, data=target.data)
        return task is not None

    def report(self, problem: Problem) -> None:
        from appliance.data import crm_records

        note = f"{problem.ref} on {problem.day.isoformat()} ({problem.closed}): fix the appointment in the EMR"
        exists = crm_records.Callback.select().where(crm_records.Callback.reason == CLOSED_DAY_REASON,
                                                     crm_records.Callback.note == note).exists()
        if not exists:
            crm_records.add_callback(CLOSED_DAY_REASON, patient_id=problem.patient_id, priority=3, note=note)

    def record(self, run: RunRecord) -> None:
        from appliance.outbound.queue import TargetRun

        TargetRun.create(**dataclasses.asdict(run))


class MemoryStore:
    """A dry run's queue: starts from the CRM's history (read once), keeps everything it is given in memory."""

    def __init__(self, base: list[HistoryItem] | None = None):
        self.items: list[HistoryItem] = list(base or [])
        self.calls: list[tuple[dt.date, Target]] = []  # (day, target) in planning order, joins included
        self.problems: list[Problem] = []
        self.runs: list[RunRecord] = []

    def history(self, today: dt.date) -> list[HistoryItem]:
        return list(self.items)

    def last_runs(self, day: dt.date) -> dict[str, dt.datetime]:
        out: dict[str, dt.datetime] = {}
        for run in self.runs:
            if run.day == day:
                out[run.campaign] = max(out.get(run.campaign, run.at), run.at)
        return out

    def add(self, target: Target, day: dt.date, now: dt.datetime, max_attempts: int) -> bool:
        self.calls.append((day, target))
        if target.merge_into is not None:
            return False
        key = task_key(target.campaign, target.patient_id, target.ref)
        if any(item.key == key for item in self.items):
            return False
        self.items.append(dataclasses.replace(target.history_item(day), status="queued"))
        return True

    def report(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def record(self, run: RunRecord) -> None:
        self.runs.append(run)


def enqueue(plan: Plan, now: dt.datetime, store: Store, *, max_attempts: int = 3) -> int:
    """Hand a plan's targets to ``store`` (existing keys are skipped) and report its closed-day problems;
    returns how many new calls were queued."""
    added = sum(store.add(t, plan.day, now, max_attempts) for t in plan.targets)
    for problem in plan.problems:
        store.report(problem)
    _LOGGER.info("campaign %s: %d targets, %d queued, %d closed-day appointments, excluded %s", plan.campaign,
                 len(plan.targets), added, len(plan.problems), dict(plan.excluded))
    return added


def run_record(plan: Plan | None, campaign: str, now: dt.datetime, queued: int = 0, error: str | None = None,
               ms: int | None = None) -> RunRecord:
    if plan is None:
        return RunRecord(campaign, now.date(), now, error=error, ms=ms)
    return RunRecord(campaign, plan.day, now, len(plan.targets), queued, dict(plan.excluded), error, plan.bad_rows,
                     len(plan.problems), ms)
