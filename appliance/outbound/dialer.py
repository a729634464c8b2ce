"""The progressive dialler: one call per free line, only inside the calling window, through AMI Originate.

``run_dialer(engine)`` is the engine's background service. Each tick (``Dialer.tick``):

1. expire tasks whose time has passed; plan the enabled campaigns that are due (``planning.Planner``: each
   campaign on its own, a failing one recorded and skipped, the others planned and dialled);
2. reconcile attempts that went quiet (and, at start, every attempt a previous process left in flight);
3. free lines = min(outbound_max_channels - outbound in flight,
                    sip_lines - outbound_free_lines - inbound calls - outbound in flight);
4. for each due task while lines are free, the checks right before dialling (``predial``: window, number,
   opt-out; for adverts also the clock's NTP sync and the patient's consent, read fresh from the EMR), claim
   (attempt row first), then Originate (``telephony.ami.AmiLink``) to ``dial_string``, context
   ``dentalcall-outbound`` exten ``s``. Busy / no answer / unreachable are retried after the back-off.

Everything that blocks runs off the event loop that paces live calls in 20 ms frames: every CRM read and write
in the dialer's own worker thread, and EMR targeting (hundreds of ms per campaign on a big EMR, mostly
Python work that would hold the interpreter lock) in its own lower-priority process (``planner_process``).

Progressive, never predictive: a call is placed only when the engine can take it, and every answered
callee is connected to the AI at once, so no call is ever abandoned.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import functools
import logging
from typing import Any, Awaitable, Callable, TypeVar

from appliance import services
from appliance.errors import ConfigError
from appliance.ops import drain
from appliance.outbound import predial, queue
from appliance.outbound.clock import Clock, ClockSync, clinic_clock, clock_sync_for
from appliance.outbound.planner_process import PlanningProcess
from appliance.outbound.planning import Planner, Round

_LOGGER = logging.getLogger(__name__)

TICK_S = 5.0
ORPHAN_CHECK_S = 10.0
T = TypeVar("T")

# (task, attempt) -> "answered" | "busy" | "no_answer" | "unreachable" | "unknown" (or a telephony.ami.DialResult)
Originate = Callable[[queue.Task, queue.DialAttempt], Awaitable[str]]


class Dialer:
    def __init__(self, config: Any, *, clock: Clock | None = None, facts: Any = None, emr: Any = None,
                 originate: Originate | None = None,
                 live_channels: Callable[[], Awaitable[set[str] | None]] | None = None,
                 inbound_calls: Callable[[], int] | None = None, clock_synced: ClockSync | None = None,
                 executor: concurrent.futures.Executor | None = None,
                 plan: Callable[[dt.datetime], Round] | None = None):
        """``facts``, ``emr`` and ``clock`` are the clinic's (one shared EMR connector per process);
        ``clock_synced`` says whether the system clock is NTP-synchronised (adverts wait while it is not);
        ``plan(now)`` runs a planning round (default: ``Planner.run`` in the worker thread; the engine
        service passes ``PlanningProcess.run``: the same planning in its own process)."""
        self.config = config
        self.clock = clock or clinic_clock(config.timezone)
        self.facts = facts
        self.emr = emr
        self.originate = originate
        self.live_channels = live_channels or (lambda: _none())
        self.inbound_calls = inbound_calls or (lambda: 0)
        self.planner = Planner(emr=emr, facts=facts, config=config)
        self.plan = plan or self.planner.run
        self.checks = predial.PreDial(config, facts=facts, emr=emr, clock_synced=clock_synced or clock_sync_for(config),
                                      zone=self.planner.zone)
        self.pending: set[asyncio.Task] = set()
        self.started = False
        self.last_error: str | None = None
        self.owned: set[int] = set()  # attempts this process claimed (the others are a previous process's)
        self._orphan_check: dt.datetime | None = None
        self._own_pool = executor is None
        self._pool = executor or concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="dialer")

    async def _off_loop(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run blocking work (CRM, EMR) in the dialer's worker thread, one job at a time."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        if self._own_pool:
            self._pool.shutdown(wait=True)

    # --- lines ------------------------------------------------------------------------------------------
    def capacity(self) -> int:
        flying = queue.in_flight()
        out = len(flying)
        in_call = sum(1 for a in flying if a.status == queue.IN_CALL)
        inbound = max(0, int(self.inbound_calls()) - in_call)
        lines = int(self.config.sip_lines)
        free_for_inbound = int(self.config.outbound_free_lines)
        max_out = int(self.config.outbound_max_channels)
        return max(0, min(max_out - out, lines - free_for_inbound - inbound - out))

    # --- lifecycle ----------------------------------------------------------------------------------------
    async def start(self) -> bool:
        """Settle what a previous process left in flight. Needs Asterisk's channel list: until it can be read,
        nothing is dialled (no call could be placed anyway) and the next tick tries again."""
        live = await self.live_channels()
        unsettled: list[queue.DialAttempt] = await self._off_loop(queue.in_flight) if live is None else []
        if unsettled:
            _LOGGER.warning("dialer start: Asterisk channels unknown; in-flight attempts wait for reconciliation")
            return False
        await self._off_loop(queue.reconcile, self.clock(), live, startup=True,
                             retry_minutes=queue.retry_minutes(self.config))
        self.started = True
        return True

    async def tick(self) -> list[queue.DialAttempt]:
        """One round; returns the attempts it started (their Originate runs in the background)."""
        if not self.started and not await self.start():
            return []
        now = self.clock()
        orphans, stale = await self._off_loop(self._plan_and_inspect, now)
        if orphans and (self._orphan_check is None or (now - self._orphan_check).total_seconds() >= ORPHAN_CHECK_S):
            # a previous process's calls still live at start: settle each as soon as Asterisk lets it go
            self._orphan_check = now
            live = await self.live_channels()
            await self._off_loop(queue.reconcile, now, live, startup=True, only=orphans,
                                 retry_minutes=queue.retry_minutes(self.config))
        if stale:
            live = await self.live_channels()
            await self._off_loop(queue.reconcile, now, live, stale_after_s=self._stale_s(),
                                 retry_minutes=queue.retry_minutes(self.config))
        if drain.is_draining(self.config):  # ops hook: a restart waits for live calls; place no new ones
            return []
        ready = await self._off_loop(self._claim_due, now)
        for task, attempt in ready:
            self.owned.add(attempt.id)
            job = asyncio.create_task(self._dial(task, attempt))
            self.pending.add(job)
            job.add_done_callback(self.pending.discard)
        return [attempt for _, attempt in ready]

    def _plan_and_inspect(self, now: dt.datetime) -> tuple[set[int], bool]:
        """(worker thread) Expire, plan what is due, and find attempts to reconcile."""
        queue.expire(now)
        due, broken = self.planner.due(now)  # cheap (CRM and calendar only): no planning process when idle
        round_ = self.plan(now) if due or broken else Round()
        if round_.errors:
            self.last_error = "; ".join(f"{name}: {error}" for name, error in round_.errors.items())
        flying = queue.in_flight()
        orphans = {a.id for a in flying if a.id not in self.owned}
        stale = any((now - a.claimed_at).total_seconds() > self._stale_s() for a in flying)
        return orphans, stale

    def _claim_due(self, now: dt.datetime) -> list[tuple[queue.Task, queue.DialAttempt]]:
        """(worker thread) The due tasks that pass the pre-dial checks, claimed while lines are free."""
        free = self.capacity()
        ready: list[tuple[queue.Task, queue.DialAttempt]] = []
        if free <= 0:
            return ready
        self.checks.new_round()
        for task in queue.due_tasks(now, limit=50):
            if free <= 0:
                break
            if not self.checks.allow(task, now):
                continue
            attempt = queue.claim(task.id, now)
            if attempt is None:
                continue
            ready.append((task, attempt))
            free -= 1
        return ready

    def _stale_s(self) -> float:
        return float(self.config.outbound_ring_seconds) + 90.0

    async def _dial(self, task: queue.Task, attempt: queue.DialAttempt) -> None:
        await self._off_loop(queue.mark_originating, attempt.id)
        try:
            got = await self.originate(task, attempt) if self.originate else "unknown"
            result = str(getattr(got, "value", got) or "unknown")  # a telephony.ami.DialResult or its text
        except ConfigError as exc:  # raised before anything was sent (no trunk, bad number)
            _LOGGER.error("task %s: cannot dial: %s", task.id, exc)
            self.last_error = str(exc)
            result = queue.UNREACHABLE
        except Exception as exc:  # the Originate may or may not have reached Asterisk: reconcile decides
            _LOGGER.exception("task %s: originate failed", task.id)
            self.last_error = f"{type(exc).__name__}: {exc}"
            result = "unknown"
        await self._off_loop(self._record_dial, task, attempt, result)
        _LOGGER.info("task %s attempt %s: dial result %s", task.id, attempt.seq, result)

    def _record_dial(self, task: queue.Task, attempt: queue.DialAttempt, result: str) -> None:
        now = self.clock()
        if result == "answered":
            queue.DialAttempt.update(status=queue.ANSWERED, answered_at=now).where(
                queue.DialAttempt.id == attempt.id,
                queue.DialAttempt.status.in_((queue.CLAIMED, queue.ORIGINATING))).execute()
        elif result in (queue.BUSY, queue.NO_ANSWER, queue.UNREACHABLE):
            queue.finish_attempt(attempt.id, result, now, reason=result, retry_minutes=queue.retry_minutes(self.config),
                                 next_window=self.checks.next_window(task))

    def target_due_campaigns(self, now: dt.datetime) -> int:
        """Plan the due campaigns now (blocking: the worker thread's job); returns the calls newly queued."""
        return sum(self.plan(now).queued.values())

    async def drain(self, timeout: float = 5.0) -> None:
        if self.pending:
            await asyncio.wait(set(self.pending), timeout=timeout)


async def _none() -> None:
    return None


def ami_originate(config: Any, facts: Any, link: Any) -> Originate:
    """The dialer's Originate over ``telephony.ami.AmiLink``: the trunk's dial string, the clinic's caller ID,
    the outbound context, and the task/attempt ids for the FastAGI ``outbound`` route."""
    from appliance.data import phone as phones
    from appliance.telephony.ami import Originate as Call
    from appliance.telephony.asterisk import dial_string

    callerid = phones.digits(config.outbound_callerid or (facts.phone if facts else ""))
    ring = int(config.outbound_ring_seconds)

    async def originate(task: queue.Task, attempt: queue.DialAttempt) -> str:
        call = Call(channel=dial_string(config, task.phone, config.outbound_trunk or None),
                    context="dentalcall-outbound", exten="s", channel_id=attempt.channel_id, timeout_s=ring,
                    caller_id=callerid, variables=(("DENTALCALL_TASK", str(task.id)),
                                                   ("DENTALCALL_ATTEMPT", str(attempt.id))))
        outcome = await link.originate(call)
        if outcome.reason or outcome.cause:
            _LOGGER.info("attempt %s: originate %s (reason %s, cause %s)", attempt.id, outcome.result.value,
                         outcome.reason or "-", outcome.cause or "-")
        return outcome.result.value

    return originate


async def run_dialer(engine: Any) -> None:
    """Engine background service: tick every few seconds until the engine stops, with the engine's clinic
    context (its facts, its one EMR connector — one outage state with the calls —, its clock)."""
    from appliance.telephony.ami import AmiLink

    config = engine.config
    facts, emr, clock = engine.clinic.facts, engine.clinic.emr, engine.clinic.clock
    await asyncio.get_running_loop().run_in_executor(None, queue.ensure_tables)
    if facts is None:
        _LOGGER.warning("outbound dialer idle: no clinic facts")
    link = AmiLink(config)
    planning = PlanningProcess(config)
    dialer = Dialer(config, clock=clock, facts=facts, emr=emr, originate=ami_originate(config, facts, link),
                    live_channels=link.live_channels, inbound_calls=lambda: engine.calls_in_progress,
                    plan=planning.run)
    async def tick() -> None:
        if facts is not None:
            await dialer.tick()

    try:
        await services.every(TICK_S, engine.stopping, tick, what="dialer tick", log=_LOGGER)
    finally:
        link.close()
        await asyncio.get_running_loop().run_in_executor(None, dialer.close)
        await asyncio.get_running_loop().run_in_executor(None, planning.close)
