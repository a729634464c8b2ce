"""The outbound queue in the CRM: one task per (campaign, patient, reason), dial attempts under it.

Crash safety, the rules:

* A task is *claimed* by writing a ``DialAttempt`` (status ``claimed``) and setting the task to ``dialing``
  in one transaction, **before** AMI Originate is sent. A task with an unfinished attempt is never claimed
  again, so no restart can ring a patient twice for the same task at the same time.
* The attempt carries its own Asterisk channel id (``dc-<attempt>-<random>``, Originate ``ChannelId``), so
  after a crash ``reconcile()`` asks Asterisk whether that channel still exists and looks for the call row
  the engine wrote when the callee answered (``Call.uniqueid``). An attempt that reached the patient is
  never redialled; one that provably did not (no channel, no call row) counts as a failed try and the task
  is retried after its back-off, like a no-answer.
* Every finished task has an ``outcome`` (see appliance.conversation.outcomes): nothing ends silently.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from typing import Any, Iterable

import peewee

from appliance.data import crm_records, migrations, opt_outs
from appliance.data.crm import BaseModel, Call, JSONField, of_person, write_transaction
from appliance.outbound.history import HISTORY_DAYS, HistoryItem, appointment_ref, task_key

_LOGGER = logging.getLogger(__name__)

# task statuses
QUEUED, DIALING, DONE, EXPIRED, CANCELLED = "queued", "dialing", "done", "expired", "cancelled"
# attempt statuses: in flight ...
CLAIMED, ORIGINATING, ANSWERED, IN_CALL = "claimed", "originating", "answered", "in_call"
IN_FLIGHT = (CLAIMED, ORIGINATING, ANSWERED, IN_CALL)
# ... and finished (the dial result)
FINISHED, BUSY, NO_ANSWER = "finished", "busy", "no_answer"
UNREACHABLE, MACHINE, LOST = "unreachable", "machine", "lost"
RETRYABLE = (BUSY, NO_ANSWER, UNREACHABLE, MACHINE, LOST)


class CampaignState(BaseModel):
    """The clinic's switch and tuning of one campaign definition (``campaigns.CAMPAIGNS``)."""

    name = peewee.CharField(max_length=32, primary_key=True)
    enabled = peewee.BooleanField(default=False)
    params = JSONField(null=True)
    updated_at = peewee.DateTimeField(default=dt.datetime.now)

    class Meta:
        table_name = "outbound_campaign"


class TargetRun(BaseModel):
    """Targeting done for a campaign on a day (so the dialer targets once a day, run-now adds to it)."""

    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    campaign = peewee.CharField(max_length=32)
    day = peewee.DateField()
    at = peewee.DateTimeField()
    targeted = peewee.IntegerField(default=0)
    queued = peewee.IntegerField(default=0)
    excluded = JSONField(null=True)  # reason -> count (no PHI)
    error = peewee.TextField(null=True)  # why this campaign's planning failed (the others went on)
    bad_rows = peewee.IntegerField(default=0)  # EMR rows skipped: values that cannot be read
    problems = peewee.IntegerField(default=0)  # appointments on closed days reported to staff
    ms = peewee.IntegerField(null=True)  # how long the planning took

    class Meta:
        table_name = "outbound_target_run"
        indexes = ((("campaign", "day"), False),)


class Task(BaseModel):
    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    key = peewee.CharField(max_length=160, unique=True)  # campaign:patient:reference — targeting twice adds nothing
    campaign = peewee.CharField(max_length=32, index=True)
    kind = peewee.CharField(max_length=4)  # INFO | AD
    patient_id = peewee.CharField(max_length=64, index=True)
    phone = peewee.CharField(max_length=20, index=True)
    day = peewee.DateField(index=True)  # the day it was targeted for
    reason = peewee.CharField(max_length=64)
    detail = peewee.CharField(max_length=64, null=True)
    priority = peewee.IntegerField(default=5)  # 1 first
    status = peewee.CharField(max_length=12, default=QUEUED, index=True)
    attempts = peewee.IntegerField(default=0)
    max_attempts = peewee.IntegerField(default=3)
    next_at = peewee.DateTimeField(index=True)
    expires_at = peewee.DateTimeField()
    outcome = peewee.CharField(max_length=32, null=True)
    call_id = peewee.IntegerField(null=True)
    data = JSONField(null=True)  # appointment, treatment, ... (PHI: CRM only, never logged)
    created_at = peewee.DateTimeField()
    updated_at = peewee.DateTimeField()
    finished_at = peewee.DateTimeField(null=True, index=True)

    class Meta:
        table_name = "outbound_task"


class DialAttempt(BaseModel):
    id = peewee.AutoField()  # the implicit key, spelled out for type checkers
    task = peewee.ForeignKeyField(Task, backref="dial_attempts", on_delete="CASCADE")
    task_id: int  # the key behind ``task``, which peewee adds
    seq = peewee.IntegerField()
    status = peewee.CharField(max_length=12, default=CLAIMED, index=True)
    channel_id = peewee.CharField(max_length=64, unique=True)
    claimed_at = peewee.DateTimeField(index=True)
    answered_at = peewee.DateTimeField(null=True)
    ended_at = peewee.DateTimeField(null=True)
    reason = peewee.CharField(max_length=64, null=True)  # AMI reason code / AMD result / note
    call_id = peewee.IntegerField(null=True)
    outcome = peewee.CharField(max_length=32, null=True)

    class Meta:
        table_name = "outbound_attempt"
        indexes = ((("task", "seq"), True),)


TABLES = [CampaignState, TargetRun, Task, DialAttempt]


def _v40(db: peewee.Database, migrator: Any) -> None:
    db.create_tables(TABLES)


migrations.register(40, "outbound: campaigns, target runs, tasks, dial attempts", _v40)


def _v60(db: peewee.Database, migrator: Any) -> None:
    from playhouse.migrate import migrate

    have = {c.name for c in db.get_columns(TargetRun._meta.table_name)}
    fields = [f for f in (TargetRun.error, TargetRun.bad_rows, TargetRun.problems, TargetRun.ms)
              if f.column_name not in have]
    if fields:
        migrate(*(migrator.add_column(TargetRun._meta.table_name, f.column_name, f) for f in fields))


migrations.register(60, "outbound: planning errors, unreadable EMR rows and closed-day problems per target run", _v60)


def ensure_tables() -> None:
    """For a CRM opened before this module was imported (migrations only load registered modules)."""
    migrations.migrate_open()


# --- tasks -----------------------------------------------------------------------------------------------
def retry_minutes(config: Any) -> list[int]:
    """``outbound_retry_minutes`` ("30,120,240"): the back-off before each retry."""
    text = str(config.outbound_retry_minutes or "")
    return [int(x) for x in text.replace(" ", "").split(",") if x.strip().isdigit()] or [60]


def add_task(*, campaign: str, kind: str, patient_id: str, phone: str, day: dt.date, reason: str,
             ref: str, now: dt.datetime, expires_at: dt.datetime, detail: str | None = None, priority: int = 5,
             max_attempts: int = 3, data: dict | None = None) -> Task | None:
    """Queue a task once per key; returns None when the key already exists (idempotent targeting)."""
    key = task_key(campaign, str(patient_id), ref)
    try:
        return Task.create(key=key, campaign=campaign, kind=kind, patient_id=str(patient_id), phone=phone, day=day,
                           reason=reason, detail=detail, priority=priority, status=QUEUED, max_attempts=max_attempts,
                           next_at=now, expires_at=expires_at, data=data or {}, created_at=now, updated_at=now)
    except peewee.IntegrityError:
        return None


def join_reminder(task_id: int, entries: list[dict], expires_at: dt.datetime, now: dt.datetime) -> bool:
    """Add appointments to a reminder task still waiting to be dialled (one call per phone a day); False when
    it was claimed meanwhile (the caller queues a new call instead)."""
    with write_transaction():
        task = Task.get_or_none(Task.id == task_id)
        if task is None or task.status != QUEUED:
            return False
        data = dict(task.data or {})
        have = list(data.pop("appointments", None) or [])
        if not have and data.get("appointment"):
            have = [dict(data.pop("appointment"), patient_id=task.patient_id, name=data.get("name"),
                         minor=bool(data.get("minor")))]
        known = {(str(e.get("id")), str(e.get("patient_id")), e.get("start")) for e in have}
        have += [e for e in entries if (str(e.get("id")), str(e.get("patient_id")), e.get("start")) not in known]
        data["appointments"] = have
        n = Task.update(data=data, expires_at=min(task.expires_at, expires_at), updated_at=now).where(
            Task.id == task_id, Task.status == QUEUED).execute()
        return n == 1


def due_tasks(now: dt.datetime, campaigns: Iterable[str] | None = None, limit: int = 50) -> list[Task]:
    q = Task.select().where(Task.status == QUEUED, Task.next_at <= now, Task.expires_at > now)
    if campaigns is not None:
        q = q.where(Task.campaign.in_(list(campaigns)))
    return list(q.order_by(Task.priority, Task.next_at, Task.id).limit(limit))


def in_flight() -> list[DialAttempt]:
    return list(DialAttempt.select().where(DialAttempt.status.in_(IN_FLIGHT)))


def claim(task_id: int, now: dt.datetime) -> DialAttempt | None:
    """Claim a queued task for one dial: the attempt row exists before Originate is sent."""
    with write_transaction():
        n = Task.update(status=DIALING, updated_at=now, attempts=Task.attempts + 1).where(
            Task.id == task_id, Task.status == QUEUED).execute()
        if n != 1:
            return None
        task = Task.get_by_id(task_id)
        if DialAttempt.select().where(DialAttempt.task == task, DialAttempt.status.in_(IN_FLIGHT)).exists():
            raise RuntimeError(f"task {task_id} has an attempt in flight")  # cannot happen: status guards it
        return DialAttempt.create(task=task, seq=task.attempts, status=CLAIMED,
                                  channel_id=f"dc-{task_id}-{task.attempts}-{secrets.token_hex(4)}", claimed_at=now)


def mark_originating(attempt_id: int) -> None:
    """The Originate is about to be sent for a claimed attempt."""
    DialAttempt.update(status=ORIGINATING).where(DialAttempt.id == attempt_id, DialAttempt.status == CLAIMED).execute()


def delay(task_id: int, until: dt.datetime) -> None:
    """A queued task waits until ``until`` (outside its window, or a check that cannot be made now)."""
    Task.update(next_at=until).where(Task.id == task_id, Task.status == QUEUED).execute()


def mark(attempt_id: int, status: str, now: dt.datetime, **fields: Any) -> bool:
    """Move an in-flight attempt on (claimed → originating → answered → in_call); False if it had finished."""
    if status == ANSWERED:
        fields.setdefault("answered_at", now)
    n = DialAttempt.update(status=status, **fields).where(
        DialAttempt.id == attempt_id, DialAttempt.status.in_(IN_FLIGHT)).execute()
    return n == 1


def backoff_minutes(retry_minutes: list[int], attempt_no: int) -> int:
    if not retry_minutes:
        return 60
    return retry_minutes[min(attempt_no - 1, len(retry_minutes) - 1)]


def finish_attempt(attempt_id: int, result: str, now: dt.datetime, *, outcome: str | None = None,
                   reason: str | None = None, call_id: int | None = None, retry_minutes: list[int] | None = None,
                   next_window: Any = None) -> Task | None:
    """Record how one dial ended and decide the task: retry later (busy/no answer/...) or done with an outcome.

    ``next_window(moment)`` gives the first allowed calling moment at or after ``moment`` (None: give up)."""
    with write_transaction():
        attempt = DialAttempt.get_or_none(DialAttempt.id == attempt_id)
        if attempt is None or attempt.status not in IN_FLIGHT:
            return None  # already finished (a late duplicate event)
        task = attempt.task
        DialAttempt.update(status=result, ended_at=now, reason=reason, call_id=call_id,
                           outcome=outcome).where(DialAttempt.id == attempt_id).execute()
        if result in RETRYABLE and outcome is None:
            retry_at = None
            if task.attempts < task.max_attempts:
                retry_at = now + dt.timedelta(minutes=backoff_minutes(retry_minutes or [], task.attempts))
                if next_window is not None and retry_at is not None:
                    retry_at = next_window(retry_at)
            if retry_at is not None and retry_at < task.expires_at:
                Task.update(status=QUEUED, next_at=retry_at, updated_at=now).where(Task.id == task.id).execute()
            else:
                _close(task, "unreachable", now, call_id)
        else:
            _close(task, outcome or "unreachable", now, call_id)
        return Task.get_by_id(task.id)


def _close(task: Task, outcome: str, now: dt.datetime, call_id: int | None) -> None:
    Task.update(status=DONE, outcome=outcome, finished_at=now, updated_at=now,
                call_id=call_id if call_id is not None else task.call_id).where(Task.id == task.id).execute()


def expire(now: dt.datetime) -> int:
    """Queued tasks past their expiry end: ``unreachable`` when they were tried, ``not_dialled`` when the calling
    window never opened for them."""
    n = Task.update(status=DONE, outcome="unreachable", finished_at=now, updated_at=now).where(
        Task.status == QUEUED, Task.expires_at <= now, Task.attempts > 0).execute()
    return n + Task.update(status=DONE, outcome="not_dialled", finished_at=now, updated_at=now).where(
        Task.status == QUEUED, Task.expires_at <= now).execute()


def cancel_task(task_id: int, now: dt.datetime, outcome: str = "cancelled") -> None:
    Task.update(status=CANCELLED, outcome=outcome, finished_at=now, updated_at=now).where(
        Task.id == task_id, Task.status == QUEUED).execute()


def cancel_refused(phone: str | None, patient_id: str | None, scope: str, now: dt.datetime) -> int:
    """Cancel the calls queued for a number/patient that an opt-out of ``scope`` refuses (``opt_outs.record``)."""
    cond = of_person(Task, phone, patient_id)
    if cond is None:
        return 0
    kinds = [kind for kind in ("AD", "INFO") if crm_records.refuses(scope, "call", advertising=kind == "AD")]
    return Task.update(status=CANCELLED, outcome="opted_out", finished_at=now, updated_at=now).where(
        cond, Task.status == QUEUED, Task.kind.in_(kinds)).execute()


opt_outs.register("call", cancel_refused)


def cancel_queued(campaign: str, now: dt.datetime, outcome: str = "campaign_disabled") -> int:
    """Cancel a campaign's calls not yet dialled (it was switched off); returns how many."""
    return Task.update(status=CANCELLED, outcome=outcome, finished_at=now, updated_at=now).where(
        Task.campaign == campaign, Task.status == QUEUED).execute()


# --- crash recovery --------------------------------------------------------------------------------------
def reconcile(now: dt.datetime, live_channel_ids: set[str] | None, *, stale_after_s: float = 120.0,
              startup: bool = False, retry_minutes: list[int] | None = None, next_window: Any = None,
              only: set[int] | None = None) -> dict[str, int]:
    """Settle in-flight attempts whose dialer is gone (``startup``) or that went quiet for ``stale_after_s``.

    ``live_channel_ids``: channel ids Asterisk has now (None when Asterisk cannot be asked: then nothing that
    might still be live is touched, except attempts whose call row shows they ended)."""
    counts = {"still_live": 0, "answered": 0, "lost": 0}
    for attempt in in_flight():
        if only is not None and attempt.id not in only:
            continue
        age = (now - attempt.claimed_at).total_seconds()
        if not startup and age < stale_after_s:
            continue
        if live_channel_ids is not None and attempt.channel_id in live_channel_ids:
            counts["still_live"] += 1
            continue
        call = Call.select().where(Call.uniqueid == attempt.channel_id).order_by(Call.id.desc()).first()
        if call is not None or attempt.status in (ANSWERED, IN_CALL):
            # the patient was reached: never redial; keep what the call recorded (or mark it for review)
            if live_channel_ids is None and call is not None and call.ended_at is None:
                continue  # maybe still talking and we cannot ask Asterisk
            outcome = (call.outcome if call is not None and call.outcome else None) or "failed"
            if outcome in ("caller_hung_up",):
                outcome = "declined"
            finish_attempt(attempt.id, FINISHED, now, outcome=outcome, reason="reconciled after restart",
                           call_id=call.id if call is not None else None)
            counts["answered"] += 1
            continue
        if live_channel_ids is None:
            continue
        finish_attempt(attempt.id, LOST, now, reason="no channel after restart", retry_minutes=retry_minutes,
                       next_window=next_window)
        counts["lost"] += 1
    if any(counts.values()):
        _LOGGER.info("outbound reconcile: %s", counts)
    return counts


# --- per-patient history (dedup, caps) -------------------------------------------------------------------
def tasks_for_patients_since(since: dt.datetime) -> list[Task]:
    return list(Task.select().where(Task.created_at >= since))


# --- history for planning (cooldowns, caps, taken phones) -------------------------------------------------
def history_items(today: dt.date, days: int = HISTORY_DAYS) -> list[HistoryItem]:
    """The CRM's campaign calls created since ``days`` before ``today``."""
    since = dt.datetime.combine(today - dt.timedelta(days=days), dt.time(0))
    out = []
    for t in Task.select(Task.id, Task.key, Task.campaign, Task.kind, Task.patient_id, Task.phone, Task.day,
                         Task.status, Task.data).where(Task.created_at >= since):
        out.append(history_item(t))
    return out


def history_item(t: Any) -> HistoryItem:
    data = t.data or {}
    entries = data.get("appointments") or ([data["appointment"]] if data.get("appointment") else [])
    refs = tuple(appointment_ref(dict(e, patient_id=e.get("patient_id") or t.patient_id)) for e in entries
                 ) if t.campaign == "reminder" else ()
    patients = tuple(dict.fromkeys([str(e.get("patient_id") or t.patient_id) for e in entries] or [t.patient_id]))
    return HistoryItem(key=t.key, campaign=t.campaign, kind=t.kind, patient_id=str(t.patient_id), phone=t.phone,
                       day=t.day, patients=patients, refs=refs, status=t.status, task_id=t.id)
