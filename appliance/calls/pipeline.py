"""The engine's call pipeline: the parts every call shares, and ``converse`` — one dialog over one call.

``converse(agi, log, dialog)`` connects the call's audio (AudioSocket), runs the dialog with a
:class:`~appliance.calls.runner.CallRunner`, records the outcome, and always hands the call back to the
dialplan with ``DENTALCALL_NEXT`` set (``fallback`` on any failure: the apology, then staff or voicemail).
Dialog work (building a dialog, its steps, hang-up handling) may query the EMR or the LLM: it runs in the
dialog pool, the STT in the STT pool, the call log's writes on the CRM writer thread — never on the loop.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import heapq
import itertools
import logging
import threading
import time
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

from appliance.calls import end_of_turn as turns
from appliance.calls.end_of_turn import EndOfTurnPolicy
from appliance.calls.recorder import CrmWriter, TurnRecorder, events_of
from appliance.calls.runner import CallRunner
from appliance.calls.speech import Speech
from appliance.conversation.actions import Dialog
from appliance.conversation.outcomes import NextStep, Outcome
from appliance.data.calllog import CallLog
from appliance.errors import CallerHungUp
from appliance.settings import Config
from appliance.telephony.audiosocket import AudioSocketServer, AudioStream
from appliance.telephony.fastagi import AgiChannel

_LOGGER = logging.getLogger(__name__)
T = TypeVar("T")

AUDIOSOCKET_CONNECT_TIMEOUT_S = 5.0
DIALOG_THREADS = 8  # concurrent dialog steps; a clinic box carries a handful of calls at once


class CallPipeline:
    def __init__(self, config: Config, speech: Speech, *, end_of_turn: EndOfTurnPolicy | None = None):
        self.config = config
        self.speech = speech
        self.end_of_turn: EndOfTurnPolicy = end_of_turn or turns.from_config(config)
        self.audiosocket = AudioSocketServer()
        self.stt_pool = SttExecutor(max(1, config.stt_workers), batch_max=config.stt_batch_max)
        backlog = getattr(speech, "set_stt_backlog", None)
        if backlog is not None:  # callers waiting behind a decode ask the STT for the cheap one (not queued pieces)
            backlog(lambda: self.stt_pool.urgent_queued)
        self.dialog_pool = concurrent.futures.ThreadPoolExecutor(max_workers=DIALOG_THREADS,
                                                                 thread_name_prefix="dialog")
        self.writer = CrmWriter()
        self.calls_in_progress = 0

    async def start(self) -> None:
        await asyncio.get_running_loop().run_in_executor(None, warm_understanding)
        await self.audiosocket.start("127.0.0.1", self.config.audiosocket_port)

    async def stop(self) -> None:
        await self.audiosocket.stop()
        self.stt_pool.shutdown(wait=False, cancel_futures=True)
        self.dialog_pool.shutdown(wait=False, cancel_futures=True)
        await asyncio.get_running_loop().run_in_executor(None, self.writer.close)  # what is queued is written

    async def dialog_step(self, step: Callable[..., T], *args: Any) -> T:
        """Dialog work (building a dialog, hang-up handling) may query the EMR: run it off the audio loop."""
        return await asyncio.get_running_loop().run_in_executor(self.dialog_pool, step, *args)

    async def _await_stream(self, future: asyncio.Future[AudioStream], exec_task: asyncio.Task[str]) -> AudioStream:
        both: set[asyncio.Future[Any]] = {future, exec_task}
        done, _ = await asyncio.wait(both, timeout=AUDIOSOCKET_CONNECT_TIMEOUT_S, return_when=asyncio.FIRST_COMPLETED)
        if future not in done:
            if exec_task in done:
                exec_task.result()  # raises CallerHungUp if the caller is gone
            raise RuntimeError("AudioSocket did not connect")
        return future.result()

    async def converse(self, agi: AgiChannel, log: CallLog, dialog: Dialog) -> str:
        """Run ``dialog`` over the call's AudioSocket stream; always hand the call back to the dialplan with
        ``DENTALCALL_NEXT`` set (``fallback`` on any failure). Returns the outcome that was logged."""
        self.calls_in_progress += 1
        recorder = TurnRecorder(log, self.writer)
        listen_for_proven_patient(dialog, recorder)
        next_step: str = NextStep.FALLBACK
        outcome: str = Outcome.FAILED
        error: str | None = None
        summary = ""
        stream: AudioStream | None = None
        exec_task: asyncio.Task[str] | None = None
        uuid = str(uuidlib.uuid4())
        try:
            future = self.audiosocket.expect(uuid)
            exec_task = asyncio.create_task(
                agi.exec("AudioSocket", f"{uuid},127.0.0.1:{self.config.audiosocket_port}"))
            stream = await self._await_stream(future, exec_task)
            runner = CallRunner(stream, recorder, self.speech, stt_executor=self.stt_pool,
                                dialog_executor=self.dialog_pool, end_ms=self.config.endpoint_end_ms,
                                speculative_ms=self.config.endpoint_speculative_ms, log_phi=self.config.log_phi,
                                end_of_turn=self.end_of_turn, queue_pieces=self.config.stt_queue_pieces)
            end = await runner.run(dialog)
            next_step, outcome, summary = end.next, end.outcome, end.summary or ""
            recorder.update_meta(summary=end.summary, events=events_of(dialog))
            await stream.close()
            await asyncio.wait_for(exec_task, 5)
        except CallerHungUp:
            next_step, outcome = NextStep.HANGUP, Outcome.CALLER_HUNG_UP
            try:  # let the dialog keep what the caller started (e.g. a callback for a half-made booking)
                on_hangup = getattr(dialog, "on_hangup", None)
                if on_hangup is not None:
                    await self.dialog_step(on_hangup)
                outcome = decided_before_hangup(dialog) or outcome
                recorder.update_meta(events=events_of(dialog))
            except Exception:
                _LOGGER.exception("call %s: dialog hang-up handling failed", agi.uniqueid)
        except Exception as exc:  # the call must still reach a human: dialplan fallback
            _LOGGER.exception("call %s: engine failure, falling back to staff/voicemail", agi.uniqueid)
            error = f"{type(exc).__name__}: {exc}"
        finally:
            self.audiosocket.forget(uuid)
            if stream is not None:
                await stream.close()
            await _settle(exec_task)
            outcome = await self._hand_back(agi, next_step, outcome, summary)
            if next_step == NextStep.VOICEMAIL and outcome == Outcome.FAILED:
                outcome = Outcome.VOICEMAIL
            await recorder.finish(outcome, next_step=next_step, error=error)
            self.calls_in_progress -= 1
            _LOGGER.info("call %s: ended outcome=%s next=%s", agi.uniqueid, outcome, next_step)
        return outcome

    async def _hand_back(self, agi: AgiChannel, next_step: str, outcome: str, summary: str) -> str:
        """Tell the dialplan where the caller goes next; returns the outcome (a hang-up found here counts)."""
        try:
            if not agi.hung_up:
                if summary:  # the handover note staff see with a transferred call
                    await agi.set_variable("DENTALCALL_SUMMARY", summary)
                await agi.set_variable("DENTALCALL_NEXT", next_step)
        except CallerHungUp:
            if outcome == Outcome.FAILED:
                return Outcome.CALLER_HUNG_UP
        except Exception:
            _LOGGER.exception("call %s: could not hand the call back to the dialplan", agi.uniqueid)
        return outcome


def listen_for_proven_patient(dialog: Any, recorder: TurnRecorder) -> bool:
    """Link the call's row to the patient the moment the dialog's identity step proves them (a hang-up right
    after keeps the link). False for a dialog with no identity step (the basic inbound dialog)."""
    listeners = getattr(dialog, "on_patient_proven", None)
    if not isinstance(listeners, list):
        return False
    listeners.append(recorder.link_patient)
    return True


def decided_before_hangup(dialog: Any) -> str | None:
    """What the call achieved before the caller hung up (a booking made, then a hang-up at the questionnaire
    offer, is a booked call), or None when it decided nothing (``final_outcome()`` of the dialog, if it has one)."""
    final = getattr(dialog, "final_outcome", None)
    decided = final() if callable(final) else None
    if not isinstance(decided, str) or decided in (Outcome.ANSWERED, Outcome.FAILED, ""):
        return None
    return decided


def warm_understanding() -> None:
    """Build the understanding's statistical model and compile its rules now, not in the first caller's turn
    (the first ``understand()`` of a process otherwise pays ~60 ms; the end of turn calls it at every pause).
    The model is built explicitly: the rules are sure of the warm-up sentence, so ``understand`` skips it."""
    import datetime as dt

    from appliance.language import statistical, understand

    started = time.monotonic()
    statistical.default_model()
    understand("내일 오후 세 시에 스케일링 예약하고 싶어요", dt.datetime.now(), "date")
    _LOGGER.info("understanding warmed up in %.0f ms", (time.monotonic() - started) * 1000)


@dataclass(eq=False)
class _Job:
    future: concurrent.futures.Future[Any]
    fn: Callable[..., Any]
    args: tuple
    kwargs: dict
    batch: Callable[[list[tuple]], list[Any]] | None = None  # decodes several jobs' ``args`` at once
    batch_key: Any = None  # only jobs of the same key (and priority) share a batch
    queued_at: float = field(default_factory=time.monotonic)


class SttExecutor(concurrent.futures.Executor):
    """One thread per STT worker, so a decode waits here, in the queue, until a worker is free: a stale
    speculative decode is cancelled before it costs anything. The queue is ordered by priority, then by arrival
    (``submit_at``; ``calls.pieces``: a piece decoded while its caller still talks goes after every speculative or
    final decode). ``queued`` counts the decodes not yet started, ``urgent_queued`` those of priority 0 (a caller may
    be waiting for them: ``answer_waits()``); ``busy()``: one waits, or no worker is free.

    Batches (``submit_batched``, ``batch_max`` > 1): when a worker frees and several decodes of the same kind wait
    (callers who stopped talking together), it takes its share of them (the waiting ones split over the free
    workers, at most ``batch_max``) and decodes them in one batch: on one CPU thread a batch costs far less than
    the same decodes one by one (``WhisperTranscriber.decode_windows``)."""

    def __init__(self, workers: int, batch_max: int = 1):
        self.workers = max(1, int(workers))
        self.batch_max = max(1, int(batch_max))
        self._cv = threading.Condition()
        self._heap: list[tuple[int, int, _Job]] = []
        self._seq = itertools.count()
        self._stopping = False
        self.queued = 0
        self.urgent_queued = 0  # priority 0 (``calls.pieces.URGENT``): speculative and final decodes
        self.running = 0
        self.batches = 0  # batches of more than one decode run (tests, the bench)
        self._threads = [threading.Thread(target=self._work, name=f"stt_{i}", daemon=True)
                         for i in range(self.workers)]
        for thread in self._threads:
            thread.start()

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> concurrent.futures.Future[T]:
        return self.submit_at(0, fn, *args, **kwargs)

    def submit_at(self, priority: int, fn: Callable[..., T], /, *args: Any,
                  **kwargs: Any) -> concurrent.futures.Future[T]:
        """Queue ``fn(*args, **kwargs)``; lower ``priority`` first, then first come first served."""
        return self._push(priority, _Job(concurrent.futures.Future(), fn, args, kwargs))

    def submit_batched(self, priority: int, key: Any, fn: Callable[..., T], batch: Callable[[list[tuple]], list[T]],
                       /, *args: Any) -> concurrent.futures.Future[T]:
        """Queue ``fn(*args)``, which may instead run as one item of ``batch([args, …])`` with other waiting jobs of
        the same ``key`` and ``priority`` (``batch`` returns one result per item, in order)."""
        return self._push(priority, _Job(concurrent.futures.Future(), fn, args, {}, batch, key))

    def _push(self, priority: int, job: _Job) -> concurrent.futures.Future[Any]:
        with self._cv:
            if self._stopping:
                raise RuntimeError("cannot schedule new decodes after shutdown")
            self.queued += 1
            self.urgent_queued += priority <= 0
            heapq.heappush(self._heap, (priority, next(self._seq), job))
            job.future.stt_queued_at = job.queued_at  # type: ignore[attr-defined]
            self._cv.notify()
        job.future.add_done_callback(self._forget_cancelled)
        return job.future

    def busy(self) -> bool:
        with self._cv:
            return self.queued > 0 or self.running >= self.workers

    def answer_waits(self) -> bool:
        """A speculative or final decode waits for a worker: a caller may be waiting for an answer."""
        with self._cv:
            return self.urgent_queued > 0

    def _forget_cancelled(self, future: concurrent.futures.Future[Any]) -> None:
        if future.cancelled():  # cancelled before it started: it never will
            with self._cv:
                for i, item in enumerate(self._heap):
                    if item[2].future is future:
                        self._heap[i] = self._heap[-1]
                        self._heap.pop()
                        heapq.heapify(self._heap)
                        self._count_out(item[0])
                        break

    def _count_out(self, priority: int) -> None:
        self.queued -= 1
        self.urgent_queued -= priority <= 0

    def _take(self) -> list[_Job]:
        """Under the lock: the next job to run and, for a batchable one, its share of the waiting same-kind jobs."""
        priority, _, job = heapq.heappop(self._heap)
        self._count_out(priority)
        jobs = [job]
        if job.batch is None or self.batch_max < 2:
            return jobs
        same = sorted(item for item in self._heap if item[0] == priority and item[2].batch_key == job.batch_key
                      and item[2].batch is not None)
        free = max(1, self.workers - self.running)
        share = min(self.batch_max, -(-(len(same) + 1) // free)) - 1
        for item in same[:share]:
            self._heap.remove(item)
            self._count_out(priority)
            jobs.append(item[2])
        if len(jobs) > 1:
            heapq.heapify(self._heap)
        return jobs

    def _work(self) -> None:
        while True:
            with self._cv:
                while not self._heap and not self._stopping:
                    self._cv.wait()
                if not self._heap:
                    return
                jobs = [job for job in self._take() if job.future.set_running_or_notify_cancel()]
                if not jobs:
                    continue
                self.running += 1
                self.batches += len(jobs) > 1
            started = time.monotonic()
            for job in jobs:  # the runner's log says how long its decode waited for a worker
                job.future.stt_wait_ms = int((started - job.queued_at) * 1000)  # type: ignore[attr-defined]
            try:
                self._run(jobs)
            finally:
                with self._cv:
                    self.running -= 1
                _LOGGER.debug("STT: %s waited %d ms for a worker and ran %d ms", f"a batch of {len(jobs)}"
                              if len(jobs) > 1 else "a decode", (started - jobs[0].queued_at) * 1000,
                              (time.monotonic() - started) * 1000)

    @staticmethod
    def _run(jobs: list[_Job]) -> None:
        try:
            if len(jobs) == 1:
                results = [jobs[0].fn(*jobs[0].args, **jobs[0].kwargs)]
            else:
                assert jobs[0].batch is not None
                results = list(jobs[0].batch([job.args for job in jobs]))
                if len(results) != len(jobs):
                    raise RuntimeError(f"a batch of {len(jobs)} decodes returned {len(results)} results")
        except BaseException as exc:
            for job in jobs:
                job.future.set_exception(exc)
            return
        for job, result in zip(jobs, results):
            job.future.set_result(result)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._cv:
            self._stopping = True
            pending = [item[2].future for item in self._heap] if cancel_futures else []
            self._cv.notify_all()
        for future in pending:
            future.cancel()
        if wait:
            for thread in self._threads:
                thread.join()


async def _settle(exec_task: asyncio.Task[str] | None) -> None:
    """Let the ``EXEC AudioSocket`` command finish (its reply must be read before the next AGI command)."""
    if exec_task is None:
        return
    if exec_task.done():
        if not exec_task.cancelled():
            exec_task.exception()  # a hang-up during EXEC ended the call and was handled: seen, not "never retrieved"
        return
    try:
        await asyncio.wait_for(exec_task, 3)
    except (asyncio.TimeoutError, CallerHungUp, Exception):
        pass
