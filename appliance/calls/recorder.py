"""The call log's writes, off the event loop: nothing that paces a caller's audio ever waits for SQL.

One :class:`CrmWriter` per engine owns one thread; every call-log write (the call row, each turn, the meta,
the outcome) is queued to it in order, so a slow or locked database (a busy SQLite file, a PostgreSQL server
over the LAN) delays the rows, never the audio of this or any other call. A :class:`TurnRecorder` is one
call's handle: ``turn()`` and ``update_meta()`` queue and return at once; ``finish()`` queues the outcome and
waits (without blocking the loop) until everything of the call is written, so the call's row is complete when
the route that ran it reads it back. A failed write is logged and the call goes on.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from typing import Any, Callable, TypeVar

from appliance.conversation.actions import Event
from appliance.data.calllog import CallLog

_LOGGER = logging.getLogger(__name__)
T = TypeVar("T")


class CrmWriter:
    """The engine's one CRM writer thread (FIFO: a call's rows land in the order they were queued)."""

    def __init__(self) -> None:
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="crm-writer")

    def submit(self, write: Callable[..., Any], *args: Any, **kwargs: Any) -> concurrent.futures.Future[Any]:
        """Queue a write; its failure is logged (the caller does not wait for it)."""
        future = self._pool.submit(write, *args, **kwargs)
        future.add_done_callback(_log_failure)
        return future

    async def run(self, write: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Queue a write and wait for its result without blocking the loop (e.g. the new call's row)."""
        return await asyncio.wrap_future(self._pool.submit(write, *args, **kwargs))

    async def open_call(self, direction: str, **fields: Any) -> CallLog:
        """The call's row, created on the writer thread (``CallLog(direction, uniqueid=..., ...)``)."""
        return await self.run(CallLog, direction, **fields)

    def close(self, wait: bool = True) -> None:
        """Stop taking writes; with ``wait``, write what is queued first."""
        self._pool.shutdown(wait=wait)


def _log_failure(future: concurrent.futures.Future[Any]) -> None:
    if not future.cancelled() and future.exception() is not None:
        _LOGGER.error("call log write failed", exc_info=future.exception())


class TurnRecorder:
    """One call's log: timings against the call's start, rows written by the engine's ``CrmWriter``."""

    def __init__(self, log: CallLog, writer: CrmWriter):
        self.log = log
        self.writer = writer

    def ms(self, monotonic_time: float | None = None) -> int:
        """Milliseconds since the call started (pure arithmetic, no I/O)."""
        return self.log.ms(monotonic_time)

    def turn(self, speaker: str, text: str | None, **fields: Any) -> None:
        self.writer.submit(self.log.turn, speaker, text, **fields)

    def update(self, **fields: Any) -> None:
        self.writer.submit(self.log.update, **fields)

    def link_patient(self, patient_id: str) -> None:
        """Queue the call's link to the patient whose identity was just proven (``CallLog.link_patient``)."""
        self.writer.submit(self.log.link_patient, patient_id)

    def update_meta(self, **meta: Any) -> None:
        """Merge keys into the call's ``meta`` (read and written on the writer thread, in order)."""
        self.writer.submit(_merge_meta, self.log, meta)

    async def finish(self, outcome: str, next_step: str | None = None, error: str | None = None) -> None:
        """Write the outcome last and wait until every row of this call is in the CRM."""
        try:
            await self.writer.run(self.log.finish, outcome, next_step=next_step, error=error)
        except Exception:
            _LOGGER.exception("call %s: the outcome could not be written", self.log.call.id)


def _merge_meta(log: CallLog, meta: dict[str, Any]) -> None:
    log.update(meta={**(log.call.meta or {}), **meta})


def events_of(dialog: Any) -> list[dict[str, Any]]:
    """A dialog's recorded events as stored in the call's meta."""
    events: list[Event] = list(getattr(dialog, "events", None) or [])
    return [dict(e.__dict__) for e in events]
