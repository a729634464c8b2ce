"""Backup and restore of a clinic CRM with 1,000,000 calls: times and sizes.

    PYTHONPATH=. python bench/operations_bench.py [--calls 1000000] [--keep DIR] > bench/operations.txt

A SQLite CRM (the default) is created with the real schema (every migration) and filled like years of a busy
clinic: N calls with three turns each (greeting, caller, answer; texts and timings), a callback for one call
in twenty, an opt-out for one in a hundred, an outbound task (and a dial attempt) for one in ten, an access
log row for one in five. Then, through the real code: ``dentalcall backup`` (online copy with the SQLite
backup API, zstd archive, secrets sealed), ``backup verify`` (integrity check and row counts of the copy),
and ``restore --replace`` onto another instance, with row counts compared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from appliance import settings  # noqa: E402
from appliance.data import crm  # noqa: E402
from appliance.ops.backup import secret_box  # noqa: E402
from appliance.ops.backup.create import create_backup  # noqa: E402
from appliance.ops.backup.restore import restore_archive  # noqa: E402
from appliance.ops.backup.verify import verify_archive  # noqa: E402
from appliance.ops.disk import human  # noqa: E402

PASSPHRASE = "bench-passphrase-0000"
TEXTS = ("예약하고 싶어요", "내일 오전에 진료하나요?", "임플란트 가격이 궁금해요", "스케일링 보험 되나요?",
         "아이가 이가 아파서요", "예약 취소하려고요", "주차 되나요?")


def fill(path: Path, calls: int, seed: int = 1) -> None:
    """Bulk rows straight into the real schema (the ORM would take an hour for this many)."""
    rnd = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # only for filling the bench CRM
    start = dt.datetime(2023, 1, 2, 9, 0)
    batch = 20000
    for base in range(0, calls, batch):
        call_rows, turn_rows, cb_rows, oo_rows, task_rows, access_rows = [], [], [], [], [], []
        for i in range(base, min(calls, base + batch)):
            at = start + dt.timedelta(minutes=i * 1.5)
            phone = f"010{rnd.randrange(10 ** 8):08d}"
            call_rows.append((i + 1, "inbound", f"PJSIP/trunk-kt-{i:08x}", f"{1670000000 + i}.{i % 97}", phone,
                              "0212345678", f"P{rnd.randrange(20000)}" if i % 3 else None, at, at,
                              at + dt.timedelta(seconds=rnd.randrange(20, 240)),
                              rnd.choice(["answered", "transferred", "caller_hung_up", "booked"]), "hangup", None,
                              None, f"/var/lib/dentalcall/spool/recordings/{at:%Y-%m}/{i}.wav",
                              json.dumps({"summary": "예약 문의", "events": []}, ensure_ascii=False)))
            for seq, (speaker, text) in enumerate((("bot", "안녕하세요, 미소치과 AI 상담원입니다. 통화는 녹음됩니다."),
                                                   ("caller", rnd.choice(TEXTS)),
                                                   ("bot", "네, 원하시는 날짜를 말씀해 주세요.")), start=1):
                turn_rows.append((i + 1, seq, speaker, text, "book" if speaker == "caller" else None,
                                  rnd.randrange(2000, 9000), rnd.randrange(300, 900),
                                  json.dumps({"key": "greeting"}) if seq == 1 else None))
            if i % 20 == 0:
                cb_rows.append((5, "booking_request", phone, "open" if i % 40 else "done", i + 1, at))
            if i % 100 == 0:
                oo_rows.append((phone, at, "call_dtmf", "ad"))
            if i % 10 == 0:
                task_rows.append((f"recall:P{i}:{at:%Y-%m-%d}", "recall", "INFO", f"P{i}", phone, at.date(), "recall",
                                  5, "done", 1, 3, at, at + dt.timedelta(days=2), "confirmed", at, at, at))
            if i % 5 == 0:
                access_rows.append((at, "staff:kim", "console", "calls.show", f"P{i}", f"call {i + 1}", 1))
        conn.executemany("INSERT INTO call (id, direction, channel, uniqueid, caller_number, called_number, "
                         "patient_id, started_at, answered_at, ended_at, outcome, next_step, error, campaign, "
                         "recording_path, meta) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", call_rows)
        conn.executemany("INSERT INTO turn (call_id, seq, speaker, text, intent, t_speech_end, latency_ms, meta) "
                         "VALUES (?,?,?,?,?,?,?,?)", turn_rows)
        conn.executemany("INSERT INTO callback (priority, reason, phone, status, call_id, created_at) "
                         "VALUES (?,?,?,?,?,?)", cb_rows)
        conn.executemany("INSERT INTO opt_out (phone, created_at, source, scope) VALUES (?,?,?,?)", oo_rows)
        conn.executemany("INSERT INTO outbound_task (key, campaign, kind, patient_id, phone, day, reason, priority, "
                         "status, attempts, max_attempts, next_at, expires_at, outcome, created_at, updated_at, "
                         "finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", task_rows)
        conn.executemany("INSERT INTO access_entry (at, actor, origin, action, patient_id, subject, count) "
                         "VALUES (?,?,?,?,?,?,?)", access_rows)
        conn.commit()
    conn.execute("INSERT INTO outbound_attempt (task_id, seq, status, channel_id, claimed_at, ended_at, outcome) "
                 "SELECT id, 1, 'finished', 'dc-' || id || '-1-bench', created_at, finished_at, 'confirmed' "
                 "FROM outbound_task")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


class CallWriter(threading.Thread):
    """The engine logging calls during the backup: a call row every 10 ms, each commit timed."""

    def __init__(self, path: Path):
        super().__init__(daemon=True)
        self.path = path
        self.latencies: list[float] = []
        self._halt = threading.Event()

    def run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute("PRAGMA busy_timeout = 5000")
        while not self._halt.is_set():
            t0 = time.perf_counter()
            conn.execute("INSERT INTO call (direction, caller_number, started_at, meta) VALUES (?,?,?,?)",
                         ("inbound", "01012345678", dt.datetime.now(), "{}"))
            conn.commit()
            self.latencies.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.01)
        conn.close()

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * q / 100))]


def instance(root: Path, name: str) -> settings.Config:
    home = root / name
    config = settings.load(overrides={"home": str(home)}, env={})
    settings.write_config(config, {"clinic_name": "미소치과"})
    config = settings.load(overrides={"home": str(home)}, env={})
    config.secret("ami_secret")
    secret_box.store_passphrase(config, PASSPHRASE)
    return config


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--keep", help="keep the bench instances in this folder")
    args = parser.parse_args()
    root = Path(args.keep or tempfile.mkdtemp(prefix="dc-ops-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    print(f"# operations bench (backup/restore), {dt.date.today()}")
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
          f"CRM SQLite (WAL), archive zstd -3 -T0")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average at start: {load} (other developers' work shares the box)")
    try:
        source = instance(root, "clinic")
        crm.open_for(source)
        crm.database.close()
        t0 = time.monotonic()
        fill(Path(source.crm_url[len("sqlite:///"):]), args.calls)
        crm_file = Path(source.crm_url[len("sqlite:///"):])
        print(f"\n## the CRM\nfilled in {time.monotonic() - t0:.0f} s: {args.calls:,} calls, {3 * args.calls:,} turns, "
              f"{args.calls // 20:,} callbacks, {args.calls // 100:,} opt-outs, {args.calls // 10:,} outbound tasks "
              f"and attempts, {args.calls // 5:,} access log rows")
        print(f"CRM file: {human(crm_file.stat().st_size)}")

        crm.open_for(source)
        writer = CallWriter(crm_file)
        writer.start()
        result = create_backup(source)
        writer.stop()
        counts = result.manifest["crm"]["counts"]
        print(f"\n## backup (online: SQLite backup API, then zstd)\narchive: {human(result.size)} "
              f"({result.size / crm_file.stat().st_size:.0%} of the CRM file) in {result.seconds:.1f} s")
        print(f"calls logged meanwhile by another connection (one every 10 ms): {len(writer.latencies)}, "
              f"commit latency median {writer.percentile(50):.1f} ms, p99 {writer.percentile(99):.1f} ms, "
              f"max {writer.percentile(100):.1f} ms")
        t0 = time.monotonic()
        verify_archive(source, result.path)
        print(f"verify (extract, checksums, integrity_check, row counts, secrets): {time.monotonic() - t0:.1f} s")
        crm.database.close()

        target = instance(root, "new-machine")
        crm.open_for(target)
        crm.database.close()
        t0 = time.monotonic()
        report = restore_archive(target, result.path, passphrase=PASSPHRASE, replace=True)
        seconds = time.monotonic() - t0
        same = all(report.counts.get(t) == n for t, n in counts.items())
        print(f"\n## restore (onto a fresh instance, --replace)\n{seconds:.1f} s; row counts equal to the backup's: "
              f"{'yes' if same else 'NO'} ({report.counts.get('call', 0):,} calls, "
              f"{report.counts.get('turn', 0):,} turns)")
        crm.database.close()
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("note: the lead re-runs this on an idle box; a load average above 2 means the numbers above were shared "
          "with other work")


if __name__ == "__main__":
    main()
