"""Sending the outbox exactly once: claim the row, send with its reference, record the answer.

* **Claim**: one UPDATE moves a due row ``queued`` → ``sending`` (attempts + 1) before anything is sent.
* **Checks at send time**: an opt-out recorded since queueing cancels the row; an advert outside 08:00-21:00
  goes back to ``queued`` until 08:00; an advert whose consent passed two years is cancelled.
* **Send** with the row's ``reference`` (the same on every attempt) and record: ``accepted`` → ``sent``;
  ``retry`` (certainly not received) → ``queued`` after a back-off, ``failed`` after ``MAX_ATTEMPTS``;
  ``rejected`` → ``failed``; ``unknown`` (timeout after sending) → stays ``sending`` for reconciliation.
* **Reconcile** (at start: every ``sending`` row a dead process left; later: rows unknown for a while): ask
  the vendor by reference (``lookup``); when it cannot be asked, resend only to a vendor that ignores a
  resent reference; otherwise the row fails for staff to check, never risking a second text.

One sender runs per appliance (an exclusive lock file in the data dir), so a restarted sender knows every
``sending`` row it finds at start belongs to a process that is gone.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import fcntl
import logging
import os
import time
from pathlib import Path
from typing import Any, Callable

from appliance import services
from appliance.data import crm, crm_records
from appliance.errors import ApplianceError
from appliance.outbound.campaigns import CONSENT_VALID_DAYS
from appliance.outbound.clock import clinic_clock
from appliance.sms import gateways, inbox, law, outbox
from appliance.sms.gateways import ACCEPTED, REJECTED, RETRY, Outgoing

_LOGGER = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
RETRY_SECONDS = (30, 120, 600, 1800, 3600)
UNKNOWN_RECHECK_S = 60.0
REPORT_EVERY_S = 60.0
SWEEP_EVERY_S = 30.0
TICK_S = 2.0


class SenderBusy(ApplianceError):
    """Another sender holds the outbox (one per appliance)."""


class Sender:
    def __init__(self, config: Any, gateway: Any, *, clock: Callable[[], dt.datetime] | None = None,
                 emr: Any = None, lock_path: Path | None = None, batch: int = 100):
        self.config = config
        self.gateway = gateway
        self.clock = clock or clinic_clock(config.timezone)
        self.emr = emr
        self.lock_path = lock_path or Path(config.data_dir) / "sms-sender.lock"
        self.batch = batch
        self._lock_fd: int | None = None
        self.started = False
        self._last_reports = 0.0
        self._last_sweep = 0.0

    # --- lifecycle ------------------------------------------------------------------------------------
    def start(self) -> dict[str, int]:
        """Take the outbox (``SenderBusy`` if another sender has it) and settle what a dead one left."""
        outbox.ensure_tables()
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SenderBusy(f"another SMS sender is running (lock {self.lock_path})") from None
        self._lock_fd = fd
        self.started = True
        return self.reconcile(startup=True)

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = None
        self.started = False

    # --- one round ------------------------------------------------------------------------------------
    def tick(self) -> dict[str, int]:
        """Send what is due, settle unknown results, and now and then poll reports, replies and sweeps."""
        if not self.started:
            self.start()
        counts = {"sent": self.send_due()}
        counts.update(self.reconcile(startup=False))
        now_s = time.monotonic()
        if now_s - self._last_reports >= REPORT_EVERY_S:
            self._last_reports = now_s
            counts["reports"] = self.poll_reports()
            counts["replies"] = self.receive_replies()
        if now_s - self._last_sweep >= SWEEP_EVERY_S:
            self._last_sweep = now_s
            from appliance.sms import triggers

            counts["swept"] = triggers.sweep(self.config, now=self.clock())
        return counts

    def send_due(self) -> int:
        sent = 0
        for row in outbox.due(self.clock(), limit=self.batch):
            sent += self.send_one(row.id) == outbox.SENT
        return sent

    # --- one message ----------------------------------------------------------------------------------
    def send_one(self, row_id: int) -> str | None:
        """Claim, check, send, record one message; returns its new state (None if it was not ours)."""
        now = self.clock()
        M = outbox.Message
        with crm.write_transaction():
            claimed = M.update(state=outbox.SENDING, attempts=M.attempts + 1, claimed_at=now, updated_at=now).where(
                M.id == row_id, M.state == outbox.QUEUED).execute()
        if claimed != 1:
            return None
        row = M.get_by_id(row_id)
        refusal = self._refusal(row, now)
        if refusal == "wait":
            M.update(state=outbox.QUEUED, attempts=M.attempts - 1, not_before=law.next_ad_moment(now),
                     updated_at=now).where(M.id == row.id).execute()
            return outbox.QUEUED
        if refusal:
            outbox.finish(row.id, outbox.CANCELLED, now, error=refusal, from_states=[outbox.SENDING])
            _LOGGER.info("sms %s cancelled at send time: %s", row.id, refusal)
            return outbox.CANCELLED
        result = self.gateway.send(Outgoing(row.reference, row.sender, row.phone, row.text, row.type, row.subject))
        return self._record(row, result, self.clock())

    def _refusal(self, row: outbox.Message, now: dt.datetime) -> str | None:
        meta = row.meta or {}
        advert = row.kind == outbox.AD
        if not meta.get("optout_notice") and crm_records.is_opted_out(row.phone, row.patient_id, advertising=advert,
                                                                            channel="text"):
            return "opted out"
        if advert:
            if not law.ad_window_open(now):
                return "wait"
            consent = meta.get("consent_date")
            if not consent or (now.date() - dt.date.fromisoformat(consent)).days > CONSENT_VALID_DAYS:
                return "marketing consent expired"
        return None

    def _record(self, row: outbox.Message, result: gateways.SendResult, now: dt.datetime) -> str:
        M = outbox.Message
        if result.status == ACCEPTED:
            outbox.finish(row.id, outbox.SENT, now, vendor_id=result.vendor_id, error=None,
                          from_states=[outbox.SENDING])
            _LOGGER.info("sms %s sent (%s, attempt %d)", row.id, row.type, row.attempts)
            return outbox.SENT
        if result.status == REJECTED or (result.status == RETRY and row.attempts >= MAX_ATTEMPTS):
            outbox.finish(row.id, outbox.FAILED, now, error=result.error, from_states=[outbox.SENDING])
            _LOGGER.warning("sms %s failed after %d attempt(s): %s", row.id, row.attempts, result.error)
            return outbox.FAILED
        if result.status == RETRY:
            wait = RETRY_SECONDS[min(row.attempts - 1, len(RETRY_SECONDS) - 1)]
            M.update(state=outbox.QUEUED, not_before=now + dt.timedelta(seconds=wait), error=result.error,
                     updated_at=now).where(M.id == row.id, M.state == outbox.SENDING).execute()
            _LOGGER.info("sms %s: %s; retry in %d s", row.id, result.error, wait)
            return outbox.QUEUED
        M.update(error=result.error, updated_at=now).where(M.id == row.id).execute()  # unknown: reconcile later
        _LOGGER.warning("sms %s: %s; settled by reconciliation", row.id, result.error)
        return outbox.SENDING

    # --- crash recovery -------------------------------------------------------------------------------
    def reconcile(self, *, startup: bool) -> dict[str, int]:
        now = self.clock()
        counts = {"settled": 0, "resend": 0, "unknown": 0}
        M = outbox.Message
        query = M.select().where(M.state == outbox.SENDING)
        if not startup:
            query = query.where(M.updated_at <= now - dt.timedelta(seconds=UNKNOWN_RECHECK_S))
        for row in query:
            report = self.gateway.lookup(row.reference)
            if report is not None and report.state != "missing":
                state = {"sent": outbox.SENT, "delivered": outbox.DELIVERED}.get(report.state, outbox.FAILED)
                outbox.finish(row.id, state, now, error=report.error, from_states=[outbox.SENDING],
                              sent_at=row.claimed_at)
                counts["settled"] += 1
            elif report is not None or self.gateway.idempotent:
                M.update(state=outbox.QUEUED, not_before=now, updated_at=now).where(
                    M.id == row.id, M.state == outbox.SENDING).execute()
                counts["resend"] += 1
            else:
                outbox.finish(row.id, outbox.FAILED, now, from_states=[outbox.SENDING],
                              error="outcome unknown after an interruption; check the vendor's log before resending")
                counts["unknown"] += 1
        if any(counts.values()):
            _LOGGER.info("sms reconcile (%s): %s", "start" if startup else "stale", counts)
        return counts

    # --- delivery reports and replies -----------------------------------------------------------------
    def poll_reports(self) -> int:
        now = self.clock()
        M = outbox.Message
        rows = list(M.select(M.id, M.reference).where(M.state == outbox.SENT,
                                                        M.sent_at >= now - dt.timedelta(days=3)).limit(200))
        if not rows:
            return 0
        by_ref = {r.reference: r.id for r in rows}
        try:
            reports = self.gateway.reports(list(by_ref))
        except Exception as exc:
            _LOGGER.warning("sms delivery reports unavailable: %s", exc)
            return 0
        return sum(apply_report(r, now) for r in reports if r.reference in by_ref)

    def receive_replies(self) -> int:
        """Read new replies from the agent's MO table (webhook vendors push them), then act on every reply
        not handled yet."""
        now = self.clock()
        if hasattr(self.gateway, "receive_after"):
            try:
                after = inbox.get_cursor("db_agent")
                for mo_id, incoming in self.gateway.receive_after(after):
                    inbox.record("db_agent", incoming.vendor_id, incoming.phone, incoming.text,
                                 incoming.received_at or now)
                    inbox.set_cursor("db_agent", mo_id)
            except Exception as exc:
                _LOGGER.warning("sms replies unavailable from the agent: %s", exc)
        return handle_pending_replies(self.config, self.emr, now)


def apply_report(report: gateways.Report, now: dt.datetime) -> bool:
    """A delivery report (polled or called back) onto its row, found by reference or vendor id."""
    M = outbox.Message
    cond = (M.reference == report.reference) if report.reference else (M.vendor_id == report.vendor_id)
    if report.state == "delivered":
        return M.update(state=outbox.DELIVERED, delivered_at=now, finished_at=now, updated_at=now).where(
            cond, M.state.in_([outbox.SENT, outbox.SENDING])).execute() > 0
    if report.state == "failed":
        return M.update(state=outbox.FAILED, error=report.error, finished_at=now, updated_at=now).where(
            cond, M.state.in_([outbox.SENT, outbox.SENDING])).execute() > 0
    return False


def handle_pending_replies(config: Any, emr: Any, now: dt.datetime) -> int:
    from appliance.sms import replies

    handled = 0
    inbox.release_stale(now)
    for reply in inbox.unhandled():
        try:
            replies.handle(reply, config=config, emr=emr, now=now)
            handled += 1
        except Exception:
            _LOGGER.exception("sms reply %s could not be handled; retried next round", reply.id)
    return handled


def _emr_or_none(config: Any) -> Any:
    try:
        from appliance.data.emr import EMR

        return EMR.from_config(config)
    except Exception as exc:
        _LOGGER.info("sms replies without the EMR: %s", exc)
        return None


async def run_sms_sender(engine: Any) -> None:
    """Engine background service: the outbox sender, replies and sweeps, until the engine stops."""
    config = engine.config
    try:
        gateway = gateways.load(config)
    except ApplianceError as exc:
        _LOGGER.error("texts cannot be sent: %s", exc)
        return
    if gateway is None:
        _LOGGER.info("texts off (sms_gateway = none)")
        return
    sender = Sender(config, gateway, emr=engine.clinic.emr, clock=engine.clinic.clock)  # the engine's one EMR
    async def one_round() -> None:
        try:
            await asyncio.to_thread(sender.tick)
        except SenderBusy as exc:
            _LOGGER.warning("%s; waiting", exc)

    try:
        await services.every(TICK_S, engine.stopping, one_round, what="sms sender round", log=_LOGGER)
    finally:
        sender.close()
        gateway.close()
