"""The supervision in ``model_process`` with a real child process (a tiny loader, no model): a child that dies
under a request fails that request at once and never answers it later, the death is counted once, exactly one
replacement is started, and the dead child's pipe stays open while a request still reads it (so its descriptor
cannot be reused by the replacement's pipe: the cause of a request that hung, or was answered by the new child)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from typing import Any, Callable

import pytest

from appliance.model_process import DIED, GONE, HUNG, ModelProcess, RequestFailed


def _load_echo() -> tuple[dict[str, Callable[[Any], Any]], dict[str, Any]]:  # pragma: no cover - in the child
    handled: list[Any] = []

    def echo(payload: Any) -> dict[str, Any]:
        handled.append(payload)
        return {"pid": os.getpid(), "payload": payload, "handled": list(handled)}

    def sleep(payload: Any) -> None:
        time.sleep(float(payload))

    return {"echo": echo, "sleep": sleep}, {}


class EchoProcess(ModelProcess):
    def _child(self):
        return _load_echo, ()


def _until(predicate: Callable[[], bool], timeout_s: float = 30.0) -> bool:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


@pytest.fixture
def worker():
    w = EchoProcess("echo", "dentalcall-echo")
    try:
        assert w.start(wait=True, timeout_s=60)
        yield w
    finally:
        w.close()


def _ask(w: EchoProcess, payload: Any) -> dict[str, Any]:
    return w._request("echo", payload, limit_s=5.0, wait_s=30.0, ready_wait_s=30.0)


def _children(w: EchoProcess) -> list[int]:
    return [p.pid for p in multiprocessing.active_children() if p.name == w.process_name]


def _kill_under_a_request(worker: EchoProcess, label: str) -> None:
    _ask(worker, "warm")
    old, crashes, started = worker.pid, worker.stats.crashes, worker.stats.started
    assert old is not None
    os.kill(old, signal.SIGSTOP)  # the request lands in its pipe and waits there
    outcome: list[Any] = []

    def call() -> None:
        try:
            outcome.append(worker._request("echo", label, limit_s=20.0))
        except RequestFailed as exc:
            outcome.append(exc)

    sent = worker.stats.requests
    thread = threading.Thread(target=call)
    thread.start()
    assert _until(lambda: worker.stats.requests > sent)
    os.kill(old, signal.SIGKILL)
    thread.join(30)
    assert not thread.is_alive(), "the request neither failed nor returned"
    assert len(outcome) == 1 and isinstance(outcome[0], RequestFailed), outcome  # not answered by anyone
    assert outcome[0].reason in (DIED, GONE), outcome[0].reason  # the death was seen, not the 20 s limit
    assert _until(lambda: worker.stats.crashes == crashes + 1)
    answer = _ask(worker, "next")
    assert answer["pid"] != old and answer["handled"] == ["next"]  # the new child never got the lost request
    assert worker.stats.crashes == crashes + 1 and worker.stats.started == started + 1  # once each
    assert _children(worker) == [answer["pid"]]


def test_a_request_on_a_child_killed_under_it_fails_as_died_and_is_never_answered(worker):
    for round_ in range(5):
        _kill_under_a_request(worker, f"lost-{round_}")


def test_a_dead_childs_pipe_stays_open_while_a_request_reads_it(worker):
    old = worker._current
    assert old is not None and old.use()  # a request in flight on this child
    crashes = worker.stats.crashes
    try:
        os.kill(old.proc.pid, signal.SIGKILL)
        assert _until(lambda: worker._current not in (None, old))  # the watcher counted and replaced it
        assert worker.stats.crashes == crashes + 1
        assert not old.conn.closed  # its descriptor is not free for the replacement's pipe
        with pytest.raises(RequestFailed) as failed:  # the old pipe is broken, not the new child's pipe
            worker._exchange(old, "echo", "stale", 5.0, None)
        assert failed.value.reason in (DIED, GONE)
    finally:
        old.release()
    assert old.conn.closed  # closed by the last user, not under it
    assert _ask(worker, "after")["handled"] == ["after"]
    assert worker.stats.crashes == crashes + 1


def test_a_hung_request_is_killed_replaced_once_and_not_counted_as_a_crash(worker):
    old, crashes, started = worker.pid, worker.stats.crashes, worker.stats.started
    with pytest.raises(RequestFailed) as failed:
        worker._request("sleep", 60, limit_s=0.5)
    assert failed.value.reason == HUNG and worker.stats.timeouts == 1
    assert _ask(worker, "back")["pid"] != old
    assert worker.stats.crashes == crashes and worker.stats.started == started + 1


def test_a_request_arriving_before_the_watcher_saw_the_death_waits_for_the_replacement(worker):
    old = worker.pid
    assert old is not None
    crashes = worker.stats.crashes
    with worker._state:  # the watcher cannot handle the death until the request waits (which releases this)
        os.kill(old, signal.SIGKILL)
        assert _until(lambda: not worker._current.alive(), 10)
        assert worker.stats.crashes == crashes  # dead, not yet handled: the request below comes first
        answer = _ask(worker, "after the death")
    assert answer["pid"] != old and answer["handled"] == ["after the death"]  # not sent to the dead child
    assert worker.stats.crashes == crashes + 1 and _children(worker) == [answer["pid"]]


def test_a_child_that_stopped_reading_is_killed_and_replaced_like_a_hung_one(worker):
    """A request bigger than the pipe's buffer, to a child that no longer reads: the write cannot finish, and the
    request must still fail (not block the engine forever) and the child be replaced, as when it stops answering."""
    old = worker._current
    assert old is not None
    crashes, started, timeouts = worker.stats.crashes, worker.stats.started, worker.stats.timeouts
    os.kill(old.proc.pid, signal.SIGSTOP)  # alive, but reads nothing any more
    outcome: list[Any] = []

    def call() -> None:
        try:
            outcome.append(worker._request("echo", b"x" * (8 << 20), limit_s=1.0))
        except RequestFailed as exc:
            outcome.append(exc)

    thread = threading.Thread(target=call, daemon=True)  # daemon: a failing run must not hang at exit
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "the request is still blocked writing to a child that stopped reading"
    assert len(outcome) == 1 and isinstance(outcome[0], RequestFailed), outcome
    assert outcome[0].reason == HUNG and worker.stats.timeouts == timeouts + 1
    assert old.killed is not None and "not read" in old.killed  # killed for not reading, not for not answering
    answer = _ask(worker, "after")
    assert answer["pid"] != old.proc.pid and answer["handled"] == ["after"]
    assert worker.stats.crashes == crashes and worker.stats.started == started + 1
    assert _children(worker) == [answer["pid"]]
