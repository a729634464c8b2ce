"""The STT queue of the call pipeline (``pipeline.SttExecutor``): pieces wait behind every caller's answer, and
decodes of callers who stopped talking together share a batch. A fake decoder (plain functions); the real
batches are in tests/test_stt_whisper.py, the latency on the wire in bench/voice_probe.py."""

from __future__ import annotations

import threading

import pytest

from appliance.calls import pieces as piece_chain
from appliance.calls.pipeline import SttExecutor


def one(text: str) -> str:
    return f"alone:{text}"


def batched(calls: list[list[str]]):
    def batch(items: list[tuple]) -> list[str]:
        calls.append([item[0] for item in items])
        return [f"batch:{item[0]}" for item in items]
    return batch


def held(executor: SttExecutor) -> threading.Event:
    """Every worker busy until the returned event is set."""
    release, started = threading.Event(), threading.Semaphore(0)

    def hold() -> None:
        started.release()
        release.wait(10)

    for _ in range(executor.workers):
        executor.submit(hold)
    for _ in range(executor.workers):
        assert started.acquire(timeout=5)
    return release


def test_a_queued_piece_is_no_answer_waiting_a_queued_final_decode_is():
    executor = SttExecutor(1)
    release = held(executor)
    piece = executor.submit_at(piece_chain.PIECE, one, "piece")
    assert executor.busy() and not executor.answer_waits()  # a piece may queue behind it: nobody waits for it
    final = executor.submit_at(piece_chain.URGENT, one, "final")
    assert executor.answer_waits() and executor.urgent_queued == 1 and executor.queued == 2
    final.cancel()
    assert not executor.answer_waits() and executor.queued == 1
    release.set()
    assert piece.result(5) == "alone:piece"
    executor.shutdown()
    assert executor.queued == executor.urgent_queued == 0


def test_decodes_that_wait_together_run_as_one_batch_of_their_kind():
    calls: list[list[str]] = []
    executor = SttExecutor(1, batch_max=5)
    release = held(executor)
    futures = [executor.submit_batched(piece_chain.URGENT, "tail", one, batched(calls), name)
               for name in ("a", "b", "c")]
    other = executor.submit_batched(piece_chain.URGENT, "whole", one, batched(calls), "d")
    piece = executor.submit_batched(piece_chain.PIECE, "tail", one, batched(calls), "p")
    release.set()
    assert [f.result(5) for f in futures] == ["batch:a", "batch:b", "batch:c"]
    assert other.result(5) == "alone:d" and piece.result(5) == "alone:p"  # another kind, a lower priority: apart
    executor.shutdown()
    assert calls == [["a", "b", "c"]] and executor.batches == 1


def test_a_batch_is_at_most_batch_max_and_one_alone_is_decoded_alone():
    calls: list[list[str]] = []
    executor = SttExecutor(1, batch_max=2)
    release = held(executor)
    futures = [executor.submit_batched(piece_chain.URGENT, "tail", one, batched(calls), name) for name in "abc"]
    release.set()
    assert [f.result(5) for f in futures] == ["batch:a", "batch:b", "alone:c"]
    executor.shutdown()
    assert calls == [["a", "b"]]


def test_the_waiting_decodes_are_shared_among_the_free_workers():
    """Two workers free up at once with six decodes waiting: the first takes three, not all six (the other worker
    takes the rest), so the batch ends as soon as it can."""
    calls: list[list[str]] = []
    executor = SttExecutor(2, batch_max=5)
    release = held(executor)
    futures = [executor.submit_batched(piece_chain.URGENT, "tail", one, batched(calls), name) for name in "abcdef"]
    with executor._cv:  # as the workers see it the moment both are free
        executor.running = 0
        taken = executor._take()
        executor.running = 2
    assert [job.args[0] for job in taken] == ["a", "b", "c"]
    for job in taken:  # hand them back as they were
        executor._push(piece_chain.URGENT, job)
    release.set()
    assert [f.result(5).split(":")[1] for f in futures] == list("abcdef")  # each decoded once, in its place
    executor.shutdown()


def test_batching_off_decodes_one_by_one():
    calls: list[list[str]] = []
    executor = SttExecutor(1)  # batch_max 1: the setting stt_batch_max = 1
    release = held(executor)
    futures = [executor.submit_batched(piece_chain.URGENT, "tail", one, batched(calls), name) for name in "ab"]
    release.set()
    assert [f.result(5) for f in futures] == ["alone:a", "alone:b"] and calls == []
    executor.shutdown()


def test_a_failed_batch_fails_each_of_its_decodes():
    def broken(items: list[tuple]) -> list[str]:
        raise RuntimeError("worker died")

    executor = SttExecutor(1, batch_max=5)
    release = held(executor)
    futures = [executor.submit_batched(piece_chain.URGENT, "tail", one, broken, name) for name in "ab"]
    release.set()
    for future in futures:
        with pytest.raises(RuntimeError, match="worker died"):
            future.result(5)
    executor.shutdown()


def test_a_lone_decode_takes_the_single_path_at_once_while_the_other_worker_is_busy():
    """One caller stops talking while another caller's decode runs: the free worker decodes it alone, through the
    plain ``transcribe`` (not the batch), and it does not wait for a batch to fill nor for the busy worker."""
    calls: list[list[str]] = []
    executor = SttExecutor(2, batch_max=5)
    release, started = threading.Event(), threading.Event()

    def hold() -> str:
        started.set()
        release.wait(10)
        return "held"

    busy = executor.submit(hold)
    assert started.wait(5)
    lone = executor.submit_batched(piece_chain.URGENT, "whole", one, batched(calls), "x")
    assert lone.result(5) == "alone:x"  # done while the other worker is still held
    assert not busy.done() and calls == [] and executor.batches == 0
    assert lone.stt_wait_ms >= 0  # type: ignore[attr-defined]  # what the runner's end-of-turn line reports
    release.set()
    assert busy.result(5) == "held"
    executor.shutdown()


def test_two_decodes_waiting_for_the_only_worker_share_one_batch_a_third_later_goes_alone():
    calls: list[list[str]] = []
    executor = SttExecutor(1, batch_max=5)
    release = held(executor)
    waiting = [executor.submit_batched(piece_chain.URGENT, "whole", one, batched(calls), name) for name in "ab"]
    release.set()
    assert [f.result(5) for f in waiting] == ["batch:a", "batch:b"]
    later = executor.submit_batched(piece_chain.URGENT, "whole", one, batched(calls), "c")
    assert later.result(5) == "alone:c"  # nobody waits beside it: the single path
    executor.shutdown()
    assert calls == [["a", "b"]] and executor.batches == 1
