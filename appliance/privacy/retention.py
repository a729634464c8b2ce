"""How long each kind of personal data is kept, and the daily purge (engine service and ``dentalcall privacy purge``).

One ``Kind`` per kind of data, each with its setting (days; 0 = forever) and a purge function
``purge(config, cutoff) -> removed``. Open work (an open callback, a pending booking request, a queued dial task)
is never purged: only what is closed and older than the retention. Opt-outs are never purged. Other modules add
their kinds with ``register(Kind(...))`` (e.g. an SMS outbox). The policy is explained in docs/privacy.md.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import json
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Any, Callable

from appliance.data import access_log, crm, crm_records, recordings
from appliance.errors import ConfigError
from appliance.privacy import asterisk_files
from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)

QUESTIONNAIRE_PREFIX = "[AI 문진]"  # the receptionist's questionnaire note (conversation/receptionist.py)
CLOSED_CALLBACKS = ("done", "cancelled")
CLOSED_BOOKINGS = ("booked", "confirmed", "rejected", "taken", "cancelled")
EXPORT_RETENTION_DAYS = 30  # `privacy export` folders left in data_dir/exports
STATE_FILE = "retention-last.json"
PURGED_MARK = "transcript_purged"  # set in a call's meta once its words are gone
DAY_S = 86400


@dataclasses.dataclass(frozen=True)
class Kind:
    name: str
    setting: str  # the *_retention_days setting ("" = fixed days)
    what: str
    purge: Callable[[Any, dt.datetime], int]
    fixed_days: int = 0


def _epoch(cutoff: dt.datetime) -> float:
    """The CRM's naive UTC cutoff as epoch seconds (for file times)."""
    return cutoff.replace(tzinfo=dt.timezone.utc).timestamp()


# ---------------------------------------------------------------- the CRM


def purge_transcripts(config: Any, cutoff: dt.datetime) -> int:
    """Clear what was said (turn texts, keypad digits, the summary and events in the call's meta) of calls that
    started before ``cutoff``; the call row (time, outcome, timings) stays until ``call_log_retention_days``."""
    query = crm.Call.select().where(crm.Call.started_at < cutoff,
                                    crm.Call.meta.is_null() | ~crm.Call.meta.contains(PURGED_MARK))
    cleared = 0
    for call in query:
        with crm.database.atomic():
            crm.Turn.update(text=None).where(crm.Turn.call == call.id).execute()
            for turn in call.turns:
                if "dtmf" in (turn.meta or {}):
                    turn.meta = {k: v for k, v in turn.meta.items() if k != "dtmf"}
                    turn.save()
            call.meta = {k: v for k, v in (call.meta or {}).items() if k not in ("summary", "events")}
            call.meta[PURGED_MARK] = True
            call.save()
        cleared += 1
    return cleared


def purge_questionnaires(config: Any, cutoff: dt.datetime) -> int:
    note = crm_records.StaffNote
    return note.delete().where(note.created_at < cutoff, note.text.startswith(QUESTIONNAIRE_PREFIX)).execute()


def purge_call_log(config: Any, cutoff: dt.datetime) -> int:
    ids = [c.id for c in crm.Call.select(crm.Call.id).where(crm.Call.started_at < cutoff)]
    removed = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        with crm.database.atomic():
            crm.Turn.delete().where(crm.Turn.call.in_(chunk)).execute()
            removed += crm.Call.delete().where(crm.Call.id.in_(chunk)).execute()
    return removed


def purge_work_items(config: Any, cutoff: dt.datetime) -> int:
    """Closed callbacks, closed booking requests whose appointment is past, notes, finished dial tasks."""
    cb, br, note = crm_records.Callback, crm_records.BookingRequest, crm_records.StaffNote
    removed = cb.delete().where(cb.status.in_(CLOSED_CALLBACKS), cb.created_at < cutoff,
                                (cb.done_at.is_null(True) | (cb.done_at < cutoff))).execute()
    removed += br.delete().where(br.status.in_(CLOSED_BOOKINGS), br.start < cutoff, br.updated_at < cutoff).execute()
    removed += note.delete().where(note.created_at < cutoff).execute()
    try:
        from appliance.outbound import queue
    except ImportError:
        return removed
    finished = (queue.DONE, queue.EXPIRED, queue.CANCELLED)
    ids = [t.id for t in queue.Task.select(queue.Task.id).where(
        queue.Task.status.in_(finished), queue.Task.updated_at < cutoff)]
    if ids:
        with crm.database.atomic():
            queue.DialAttempt.delete().where(queue.DialAttempt.task.in_(ids)).execute()
            removed += queue.Task.delete().where(queue.Task.id.in_(ids)).execute()
    return removed


def purge_access_log(config: Any, cutoff: dt.datetime) -> int:
    days = int(config.access_log_retention_days)
    return access_log.purge_older_than(days)


# ---------------------------------------------------------------- files


def purge_recordings(config: Any, cutoff: dt.datetime) -> int:
    return recordings.purge_old(config, before=_epoch(cutoff))


def purge_voicemail(config: Any, cutoff: dt.datetime) -> int:
    return sum(asterisk_files.delete_voicemail(txt) for txt, info in list(asterisk_files.voicemail_messages(config))
               if asterisk_files.voicemail_time(txt, info) < _epoch(cutoff))


def purge_cdr(config: Any, cutoff: dt.datetime) -> int:
    return asterisk_files.drop_cdr_lines(config, asterisk_files.cdr_older_than(cutoff))


def purge_asterisk_logs(config: Any, cutoff: dt.datetime) -> int:
    """Drop old lines from Asterisk's logs; delete rotated copies (messages.log.1 ...) that are entirely old."""
    local = cutoff.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)  # Asterisk logs local time
    removed = 0
    for path in asterisk_files.log_files(config):
        try:
            if path.suffix != ".log" and path.stat().st_mtime < _epoch(cutoff):
                path.unlink()
                removed += 1
            else:
                removed += asterisk_files.drop_log_lines_before(path, local)
        except PermissionError:  # the engine's group cannot delete in Asterisk's log folder; root's purge can
            _LOGGER.warning("retention: %s cannot be changed by this user", path.name)
    return removed


def purge_exports(config: Any, cutoff: dt.datetime) -> int:
    folder = Path(config.data_dir) / "exports"
    if not folder.exists():
        return 0
    removed = 0
    for path in folder.iterdir():
        if path.is_dir() and path.stat().st_mtime < _epoch(cutoff):
            shutil.rmtree(path, ignore_errors=True)
            removed += 0 if path.exists() else 1
    return removed


KINDS: list[Kind] = [
    Kind("recordings", "recording_retention_days", "call recordings", purge_recordings),
    Kind("transcripts", "transcript_retention_days", "what callers and the AI said (turn texts, summaries)",
         purge_transcripts),
    Kind("questionnaires", "questionnaire_retention_days", "the AI's health questionnaire notes (문진)",
         purge_questionnaires),
    Kind("call_log", "call_log_retention_days", "call log rows (number, time, outcome)", purge_call_log),
    Kind("work_items", "work_item_retention_days", "closed callbacks, past booking requests, notes, finished dial "
         "tasks", purge_work_items),
    Kind("voicemail", "voicemail_retention_days", "voicemail messages", purge_voicemail),
    Kind("cdr", "cdr_retention_days", "Asterisk's call records (CDR)", purge_cdr),
    Kind("asterisk_logs", "asterisk_log_retention_days", "Asterisk's log lines", purge_asterisk_logs),
    Kind("access_log", "access_log_retention_days", "the access log (who viewed whose data)", purge_access_log),
    Kind("exports", "", "`privacy export` folders left on the appliance", purge_exports,
         fixed_days=EXPORT_RETENTION_DAYS),
]


def register(kind: Kind) -> None:
    """Add (or replace, by name) a kind of data with its retention."""
    KINDS[:] = [k for k in KINDS if k.name != kind.name] + [kind]


def kinds() -> list[Kind]:
    """Every kind, including those registered by the holder modules (e.g. text messages)."""
    from appliance.privacy import registry

    registry.load_modules()
    return list(KINDS)


def days_for(config: Config, kind: Kind) -> int:
    """The kind's retention: its setting's value (looked up by name in the settings registry), or fixed days."""
    return kind.fixed_days if not kind.setting else int(config.as_dict()[kind.setting])


def policy_problems(config: Any) -> list[str]:
    """Retention settings that cannot be applied (``doctor`` fails on them)."""
    problems = []
    for kind in kinds():
        days = days_for(config, kind)
        if days < 0:
            problems.append(f"{kind.setting} = {days}: use 0 (forever) or a number of days")
    access = int(config.access_log_retention_days)
    if 0 < access < access_log.MIN_RETENTION_DAYS or access < 0:
        problems.append(f"access_log_retention_days = {access}: the access log is kept at least "
                        f"{access_log.MIN_RETENTION_DAYS} days (0 = forever)")
    return problems


def purge_all(config: Any, now: dt.datetime | None = None) -> dict[str, int]:
    """Apply every kind's retention once; returns removed counts by kind (a failing kind is logged, others run)."""
    now = now or crm.utcnow()
    counts: dict[str, int] = {}
    for kind in kinds():
        days = days_for(config, kind)
        if days <= 0:
            continue
        try:
            counts[kind.name] = kind.purge(config, now - dt.timedelta(days=days))
        except (ConfigError, ValueError) as exc:
            _LOGGER.error("retention %s not applied: %s", kind.name, exc)
        except Exception:
            _LOGGER.exception("retention %s failed", kind.name)
    _write_state(config, now, counts)
    return counts


def last_run(config: Any) -> dict[str, Any] | None:
    try:
        return json.loads((Path(config.data_dir) / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_state(config: Any, now: dt.datetime, counts: dict[str, int]) -> None:
    path = Path(config.data_dir) / STATE_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"at": now.isoformat(timespec="seconds"), "removed": counts}, fh)
    except OSError:
        _LOGGER.warning("retention: could not record the last run in %s", path)


async def run_daily(engine: Any) -> None:
    """Engine background service: apply the retention at start, then once a day."""
    while True:
        t0 = time.monotonic()
        counts = await asyncio.get_running_loop().run_in_executor(None, purge_all, engine.config)
        removed = {k: v for k, v in counts.items() if v}
        _LOGGER.info("retention applied in %.1f s: %s", time.monotonic() - t0, removed or "nothing past retention")
        await asyncio.sleep(DAY_S)
