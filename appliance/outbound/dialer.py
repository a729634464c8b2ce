"""The progressive dialler: one call per free line, only inside the calling window, through AMI Originate.

``run_dialer(engine)`` is the engine's background service. Each tick (``Dialer.tick``):

1. expire tasks whose time has passed; target enabled campaigns once a day (when their window opens);
2. reconcile attempts that went quiet (and, at start, every attempt a previous process left in flight);
3. free lines = min(outbound_max_channels - outbound in flight,
                    sip_lines - outbound_free_lines - inbound calls - outbound in flight);
4. for each due task while lines are free: window check (INFO: clinic hours; AD: also 08:00-21:00), a fresh
   opt-out check, claim (attempt row first), then Originate (async) to ``dial_string``, context
   ``dentalcall-outbound`` exten ``s``, ``ChannelId`` = the attempt's channel id, variables
   ``DENTALCALL_TASK``/``DENTALCALL_ATTEMPT``. Busy / no answer / unreachable are retried after the back-off.

Progressive, never predictive: a call is placed only when the engine can take it, and every answered
callee is connected to the AI at once, so no call is ever abandoned.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any, Awaitable, Callable

from appliance.data import crm_records
from appliance.errors import ConfigError
from appliance.ops import drain
from appliance.outbound import campaigns as camps
from appliance.outbound import queue, targeting, window
from appliance.outbound.calls import retry_minutes
from appliance.outbound.clock import Clock, clinic_clock

_LOGGER = logging.getLogger(__name__)

TICK_S = 5.0
RETARGET_HOURS = 3
ORPHAN_CHECK_S = 10.0
# AMI OriginateResponse Reason codes (Asterisk control frames)
REASONS = {"4": "answered", "5": "busy", "3": "no_answer", "1": "no_answer", "8": "unreachable", "0": "unreachable"}
# Q.850 hangup causes of the failed channel (more precise than the Reason: a 486 often comes back as Reason 1)
CAUSES = {"17": "busy", "18": "no_answer", "19": "no_answer", "21": "no_answer", "16": "no_answer",
          "1": "unreachable", "3": "unreachable", "27": "unreachable", "28": "unreachable", "34": "unreachable",
          "38": "unreachable", "41": "unreachable", "42": "unreachable"}

Originate = Callable[[queue.Task, queue.DialAttempt], Awaitable[str]]


class Dialer:
    def __init__(self, config: Any, *, clock: Clock | None = None, facts: Any = None, emr: Any = None,
                 originate: Originate | None = None, live_channels: Callable[[], Awaitable[set[str] | None]] | None = None,
                 inbound_calls: Callable[[], int] | None = None):
        self.config = config
        self.clock = clock or clinic_clock(getattr(config, "timezone", "Asia/Seoul"))
        self.facts = facts
        self.emr = emr
        self.originate = originate
        self.live_channels = live_channels or (lambda: _none())
        self.inbound_calls = inbound_calls or (lambda: 0)
        self.pending: set[asyncio.Task] = set()
        self.started = False
        self.last_error: str | None = None
        self.owned: set[int] = set()  # attempts this process claimed (the others are a previous process's)
        self._orphan_check: dt.datetime | None = None

    # --- settings ---------------------------------------------------------------------------------------
    def _window_kwargs(self, campaign: str) -> dict[str, Any]:
        params = camps.state(campaign)[1] if campaign in camps.CAMPAIGNS else {}
        return {"hours": params.get("hours") or None,
                "closed_days": bool(getattr(self.config, "outbound_closed_days", False))}

    def may_call(self, task: queue.Task, now: dt.datetime) -> bool:
        return window.may_call(self.facts, now, task.kind, **self._window_kwargs(task.campaign))

    def next_window(self, kind: str, campaign: str) -> Callable[[dt.datetime], dt.datetime | None]:
        return lambda moment: window.next_opening(self.facts, moment, kind, **self._window_kwargs(campaign))

    def capacity(self) -> int:
        flying = queue.in_flight()
        out = len(flying)
        in_call = sum(1 for a in flying if a.status == queue.IN_CALL)
        inbound = max(0, int(self.inbound_calls()) - in_call)
        lines = int(getattr(self.config, "sip_lines", 4))
        free_for_inbound = int(getattr(self.config, "outbound_free_lines", 1))
        max_out = int(getattr(self.config, "outbound_max_channels", 2))
        return max(0, min(max_out - out, lines - free_for_inbound - inbound - out))

    # --- lifecycle ----------------------------------------------------------------------------------------
    async def start(self) -> bool:
        """Settle what a previous process left in flight. Needs Asterisk's channel list: until it can be read,
        nothing is dialled (no call could be placed anyway) and the next tick tries again."""
        live = await self.live_channels()
        if live is None and queue.in_flight():
            _LOGGER.warning("dialer start: Asterisk channels unknown; in-flight attempts wait for reconciliation")
            return False
        queue.reconcile(self.clock(), live, startup=True, retry_minutes=retry_minutes(self.config))
        self.started = True
        return True

    async def tick(self) -> list[queue.DialAttempt]:
        """One round; returns the attempts it started (their Originate runs in the background)."""
        if not self.started and not await self.start():
            return []
        now = self.clock()
        queue.expire(now)
        self.target_due_campaigns(now)
        flying = queue.in_flight()
        orphans = {a.id for a in flying if a.id not in self.owned}
        if orphans and (self._orphan_check is None or (now - self._orphan_check).total_seconds() >= ORPHAN_CHECK_S):
            # a previous process's calls still live at start: settle each as soon as Asterisk lets it go
            self._orphan_check = now
            queue.reconcile(now, await self.live_channels(), startup=True, only=orphans,
                            retry_minutes=retry_minutes(self.config))
        stale = [a for a in flying if (now - a.claimed_at).total_seconds() > self._stale_s()]
        if stale:
            queue.reconcile(now, await self.live_channels(), stale_after_s=self._stale_s(),
                            retry_minutes=retry_minutes(self.config))
        if drain.is_draining(self.config):  # ops hook: a restart waits for live calls; place no new ones
            return []
        free = self.capacity()
        started: list[queue.DialAttempt] = []
        if free <= 0:
            return started
        for task in queue.due_tasks(now, limit=50):
            if free <= 0:
                break
            if not self.may_call(task, now):
                nxt = self.next_window(task.kind, task.campaign)(now)
                if nxt is None or nxt >= task.expires_at:
                    queue.Task.update(next_at=task.expires_at).where(queue.Task.id == task.id).execute()
                else:
                    queue.Task.update(next_at=nxt).where(queue.Task.id == task.id).execute()
                continue
            if crm_records.is_opted_out(task.phone, task.patient_id, advertising=task.kind == window.AD):
                queue.cancel_task(task.id, now, outcome="opted_out")
                continue
            attempt = queue.claim(task.id, now)
            if attempt is None:
                continue
            self.owned.add(attempt.id)
            started.append(attempt)
            free -= 1
            job = asyncio.create_task(self._dial(task, attempt))
            self.pending.add(job)
            job.add_done_callback(self.pending.discard)
        return started

    def _stale_s(self) -> float:
        return float(getattr(self.config, "outbound_ring_seconds", 30)) + 90.0

    async def _dial(self, task: queue.Task, attempt: queue.DialAttempt) -> None:
        queue.DialAttempt.update(status=queue.ORIGINATING).where(
            queue.DialAttempt.id == attempt.id, queue.DialAttempt.status == queue.CLAIMED).execute()
        try:
            result = await self.originate(task, attempt) if self.originate else "unknown"
        except ConfigError as exc:  # raised before anything was sent (no trunk, bad number)
            _LOGGER.error("task %s: cannot dial: %s", task.id, exc)
            self.last_error = str(exc)
            result = queue.UNREACHABLE
        except Exception as exc:  # the Originate may or may not have reached Asterisk: reconcile decides
            _LOGGER.exception("task %s: originate failed", task.id)
            self.last_error = f"{type(exc).__name__}: {exc}"
            result = "unknown"
        now = self.clock()
        if result == "answered":
            queue.DialAttempt.update(status=queue.ANSWERED, answered_at=now).where(
                queue.DialAttempt.id == attempt.id,
                queue.DialAttempt.status.in_((queue.CLAIMED, queue.ORIGINATING))).execute()
        elif result in (queue.BUSY, queue.NO_ANSWER, queue.UNREACHABLE):
            queue.finish_attempt(attempt.id, result, now, reason=result, retry_minutes=retry_minutes(self.config),
                                 next_window=self.next_window(task.kind, task.campaign))
        _LOGGER.info("task %s attempt %s: dial result %s", task.id, attempt.seq, result)

    def target_due_campaigns(self, now: dt.datetime) -> int:
        """Target each enabled campaign when its calling window is open (first time each day, then every few hours)."""
        if self.emr is None:
            return 0
        due = []
        for c in camps.enabled_campaigns():
            # again every few hours: a reminder for an appointment booked this afternoon still goes out today
            # (task keys make re-targeting idempotent; patients already queued today are not queued again)
            if queue.TargetRun.select().where(queue.TargetRun.campaign == c.name, queue.TargetRun.day == now.date(),
                                              queue.TargetRun.at > now - dt.timedelta(hours=RETARGET_HOURS)).exists():
                continue
            if window.may_call(self.facts, now, c.kind, **self._window_kwargs(c.name)):
                due.append(c.name)
        added = 0
        if due:
            try:
                for plan in targeting.plan_all(due, emr=self.emr, facts=self.facts, now=now, config=self.config):
                    added += targeting.enqueue(plan, now)
            except Exception as exc:
                self.last_error = f"targeting: {type(exc).__name__}: {exc}"
                _LOGGER.exception("campaign targeting failed")
        return added

    async def drain(self, timeout: float = 5.0) -> None:
        if self.pending:
            await asyncio.wait(set(self.pending), timeout=timeout)


async def _none() -> None:
    return None


# --- AMI ------------------------------------------------------------------------------------------------
class AmiLink:
    """Originate and channel listing over one AMI session (reconnects on failure)."""

    def __init__(self, config: Any, facts: Any):
        self.config = config
        self.facts = facts
        self.manager: Any = None
        self.causes: dict[str, str] = {}

    def _on_hangup(self, manager: Any, message: Any) -> None:
        uid = str(message.get("Uniqueid") or "")
        if uid.startswith("dc-"):
            self.causes[uid] = str(message.get("Cause") or "")
            if len(self.causes) > 500:
                self.causes.pop(next(iter(self.causes)))

    async def _manager(self) -> Any:
        if self.manager is None or not getattr(self.manager, "_connected", False):
            from appliance.telephony.ami import connect_ami

            if self.manager is not None:
                self.manager.close()
            self.manager = await connect_ami(self.config, events="call")
            # never let panoramisk re-send an Originate after a reconnect: that could ring a patient twice
            self.manager.forgetable_actions = tuple(self.manager.forgetable_actions) + ("originate",)
            self.manager.register_event("Hangup", self._on_hangup)
        return self.manager

    def close(self) -> None:
        if self.manager is not None:
            self.manager.close()
            self.manager = None

    async def live_channels(self) -> set[str] | None:
        try:
            manager = await self._manager()
            reply = await asyncio.wait_for(manager.send_action({"Action": "CoreShowChannels"}), 10)
        except Exception as exc:
            _LOGGER.warning("cannot list Asterisk channels: %s", exc)
            return None
        messages = reply if isinstance(reply, list) else [reply]
        return {str(m.get("Uniqueid") or m.get("UniqueID") or "") for m in messages
                if str(m.get("Event", "")).lower() == "coreshowchannel"} - {""}

    async def originate(self, task: queue.Task, attempt: queue.DialAttempt) -> str:
        from appliance.data import phone as phones
        from appliance.telephony.asterisk import dial_string

        ring = int(getattr(self.config, "outbound_ring_seconds", 30))
        callerid = phones.digits(getattr(self.config, "outbound_callerid", "") or (self.facts.phone if self.facts else ""))
        action = {
            "Action": "Originate",
            "Channel": dial_string(self.config, task.phone, getattr(self.config, "outbound_trunk", "") or None),
            "Context": "dentalcall-outbound", "Exten": "s", "Priority": "1",
            "CallerID": f"<{callerid}>" if callerid else "",
            "Timeout": str(ring * 1000), "Async": "true", "ChannelId": attempt.channel_id,
            "Variable": f"DENTALCALL_TASK={task.id},DENTALCALL_ATTEMPT={attempt.id}",
        }
        manager = await self._manager()
        try:
            reply = await asyncio.wait_for(manager.send_action(action), ring + 30)
        except asyncio.TimeoutError:
            return "unknown"
        messages = reply if isinstance(reply, list) else [reply]
        final = [m for m in messages if str(m.get("Event", "")).lower() == "originateresponse"]
        if not final:
            first = messages[0] if messages else {}
            if str(first.get("Response", "")).lower() == "error":
                return queue.UNREACHABLE
            return "unknown"
        m = final[-1]
        if str(m.get("Response", "")).lower() == "success":
            return "answered"
        reason = str(m.get("Reason", "0"))
        for _ in range(10):  # the channel's Hangup event may trail the OriginateResponse a little
            if attempt.channel_id in self.causes:
                break
            await asyncio.sleep(0.05)
        cause = self.causes.pop(attempt.channel_id, "")
        _LOGGER.info("attempt %s: originate failed, reason %s cause %s", attempt.id, reason, cause or "-")
        return CAUSES.get(cause) or REASONS.get(reason, queue.UNREACHABLE)


def status(config: Any, now: dt.datetime | None = None) -> dict[str, Any]:
    """For ``dentalcall dialer status`` (reads the CRM only)."""
    from appliance.data.clinic import facts as factslib

    now = now or clinic_clock(getattr(config, "timezone", "Asia/Seoul"))()
    try:
        facts = factslib.load_for(config)
    except Exception:
        facts = None
    q = queue.Task
    counts = {s: q.select().where(q.status == s).count() for s in (queue.QUEUED, queue.DIALING)}
    today = now.date()
    done_today = q.select().where(q.status == queue.DONE, q.finished_at >= dt.datetime.combine(today, dt.time(0))).count()
    windows = {}
    for kind in (window.INFO, window.AD):
        windows[kind] = {"open_now": bool(facts and window.may_call(facts, now, kind,
                                                                     closed_days=bool(getattr(config, "outbound_closed_days", False)))),
                         "next": None}
        if facts:
            nxt = window.next_opening(facts, now, kind, closed_days=bool(getattr(config, "outbound_closed_days", False)))
            windows[kind]["next"] = nxt.isoformat(timespec="minutes") if nxt else None
    return {"now": now.isoformat(timespec="minutes"), "queued": counts[queue.QUEUED], "dialing": counts[queue.DIALING],
            "in_flight": len(queue.in_flight()), "done_today": done_today,
            "enabled": [c.name for c in camps.enabled_campaigns()], "windows": windows,
            "lines": {"sip_lines": getattr(config, "sip_lines", 4), "max_outbound": getattr(config, "outbound_max_channels", 2),
                      "free_for_inbound": getattr(config, "outbound_free_lines", 1)}}


async def run_dialer(engine: Any) -> None:
    """Engine background service: tick every few seconds until the engine stops."""
    from appliance.outbound.calls import _resources

    queue.ensure_tables()
    facts, emr, clock = _resources(engine)
    if facts is None:
        _LOGGER.warning("outbound dialer idle: no clinic facts")
    link = AmiLink(engine.config, facts)
    dialer = Dialer(engine.config, clock=clock, facts=facts, emr=emr, originate=link.originate,
                    live_channels=link.live_channels, inbound_calls=lambda: engine.calls_in_progress)
    engine.dialer = dialer
    try:
        while not engine.stopping.is_set():
            if facts is not None:
                try:
                    await dialer.tick()
                except Exception:
                    _LOGGER.exception("dialer tick failed")
            try:
                await asyncio.wait_for(engine.stopping.wait(), TICK_S)
            except asyncio.TimeoutError:
                pass
    finally:
        link.close()
