"""Power loss, as far as a process can have it: the engine's CRM writers (the call log, opt-outs and the real
dialer, see ``tests/ops_crash_writer.py``) are killed with SIGKILL at random moments, again and again, on a
real SQLite CRM. After every kill the CRM opens consistent, everything that was acknowledged is there, and no
patient is called twice: every Originate belongs to a claimed attempt, none is sent twice, and a task whose
patient answered is never dialled again.

(A real power cut also loses what the kernel had not written: the CRM runs with ``synchronous=FULL`` in WAL
mode, so a commit is on disk when it returns — checked below, the rest is SQLite's guarantee.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from appliance.data import crm
from appliance.outbound import queue

REPO = Path(__file__).resolve().parent.parent
ROUNDS = 14
TASKS = 30


def test_crm_commits_are_durable_on_disk(tmp_path):
    db = crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    try:
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] >= 2  # FULL: fsync at every commit
    finally:
        db.close()


def _acked(outputs: list[Path]) -> dict[str, list[int]]:
    acked: dict[str, list[int]] = {}
    for path in outputs:
        text = path.read_text()
        lines = text.split("\n")[:-1]  # a line cut by the kill is not an acknowledgement
        for line in lines:
            kind, _, value = line.partition(" ")
            if value:
                acked.setdefault(kind, []).append(int(value))
    return acked


def test_kill_9_again_and_again_loses_nothing_acknowledged_and_calls_nobody_twice(tmp_path):
    url = f"sqlite:///{tmp_path / 'crm.sqlite'}"
    crm.open_database(url)
    queue.ensure_tables()
    base = dt.datetime(2026, 11, 25, 10, 0)
    for i in range(TASKS):
        queue.add_task(campaign="reminder", kind="INFO", patient_id=f"P{i}", phone=f"0105555{1000 + i}",
                       day=base.date(), reason="reminder", ref=f"r{i}", now=base,
                       expires_at=base + dt.timedelta(days=2), max_attempts=4)
    crm.database.close()
    ledger = tmp_path / "trunk.ledger"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    epoch0 = time.time()
    rnd = random.Random(20261125)
    outputs = []
    for n in range(ROUNDS):
        out = tmp_path / f"round-{n}.out"
        outputs.append(out)
        with open(out, "w") as fh:
            proc = subprocess.Popen([sys.executable, "-m", "tests.ops_crash_writer", url, str(ledger), str(epoch0),
                                     str(n)], env=env, stdout=fh, stderr=subprocess.DEVNULL, cwd=str(REPO))
            deadline = time.monotonic() + 60
            while "ready" not in out.read_text() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(rnd.uniform(0.2, 1.5))
            os.kill(proc.pid, signal.SIGKILL)  # the power goes
            proc.wait()
        # the CRM opens consistent after every single kill
        conn = sqlite3.connect(tmp_path / "crm.sqlite")
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"round {n}"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            conn.close()

    acked = _acked(outputs)
    assert len(acked.get("call", [])) > 50 and acked.get("optout") and acked.get("answered")
    crm.open_database(url)
    try:
        from appliance.data.crm import Call, Turn
        from appliance.data.crm_records import OptOut

        calls = {c.id: c for c in Call.select()}
        assert set(acked["call"]) <= set(calls)
        assert set(acked["turn"]) <= {t.id for t in Turn.select()}
        assert set(acked["optout"]) <= {o.id for o in OptOut.select()}  # an opt-out acknowledged is kept, forever
        for call_id in acked["finished"]:
            assert calls[call_id].outcome == "opted_out" and calls[call_id].ended_at is not None

        placements = [json.loads(line) for line in ledger.read_text().split("\n")[:-1]]
        attempts = {a.id: a for a in queue.DialAttempt.select()}
        assert len(placements) >= TASKS // 2
        # every Originate belongs to an attempt claimed (and committed) before it, and none was sent twice
        assert {p["attempt"] for p in placements} <= set(attempts)
        assert len({p["attempt"] for p in placements}) == len(placements)
        by_task: dict[int, list[int]] = {}
        for p in placements:
            by_task.setdefault(p["task"], []).append(p["attempt"])
        for task_id, placed in by_task.items():
            task = queue.Task.get_by_id(task_id)
            assert len(placed) <= task.max_attempts
            seq = sorted(placed, key=lambda a: attempts[a].seq)
            for earlier, later in zip(seq, seq[1:]):
                first = attempts[earlier]
                # dialled again only after the earlier call provably did not reach the patient
                assert first.status in queue.RETRYABLE, (task_id, first.status, first.outcome)
                assert first.ended_at is not None and first.ended_at <= attempts[later].claimed_at
            answered = [a for a in seq if attempts[a].outcome == "confirmed"]
            if answered:
                assert seq[-1] == answered[0], f"task {task_id} dialled again after the patient answered"
    finally:
        crm.database.close()
