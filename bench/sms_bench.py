"""Outbox throughput and exactly-once under faults, against a real local HTTP vendor (the test fake).

    PYTHONPATH=. python bench/sms_bench.py [--messages 2000] [--fault-messages 10000] > bench/sms.txt

1. Throughput: N confirmations queued (``texts.queue_confirmation``: template, byte count, opt-out check,
   CRM insert), then handed to the vendor by the ``Sender`` (claim, send-time checks, HTTP POST, record).
2. Exactly once: 10,000 messages while the vendor fails 10% of requests (HTTP 500) and loses the answer of
   5% after accepting them, and the sender is "killed" (its state dropped, a new one started) every 1,000
   sends. Counted at the vendor: messages accepted, and POSTs of a reference it already had (what would be a
   second text at a vendor without dedup). Goal: every message accepted once, zero repeats.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from appliance.outbound.clock import FakeClock  # noqa: E402
from appliance.sms import gateways, outbox, sender as senderlib, texts  # noqa: E402
from tests.sms_fake_vendor import FakeVendor  # noqa: E402
from tests.sms_helpers import make_config, open_crm  # noqa: E402


def _setup(home: Path, vendor: FakeVendor):
    config = make_config(home, sms_url=vendor.url)
    db = open_crm(config)
    return config, db


def _queue(config, n: int, clock: FakeClock, prefix: str) -> float:
    start = dt.datetime(2026, 12, 3, 15, 30)
    t0 = time.perf_counter()
    for i in range(n):
        texts.queue_confirmation(config, kind="booked", phone=f"010{10000000 + i:08d}", start=start,
                                 treatment="scaling", patient_id=f"P{i}", key=f"{prefix}{i}", now=clock())
    return time.perf_counter() - t0


def throughput(n: int) -> list[str]:
    vendor = FakeVendor()
    with tempfile.TemporaryDirectory() as tmp:
        config, db = _setup(Path(tmp), vendor)
        clock = FakeClock(dt.datetime(2026, 12, 1, 10, 0))
        queued_s = _queue(config, n, clock, "t")
        gateway = gateways.load(config)
        sender = senderlib.Sender(config, gateway, clock=clock)
        sender.start()
        t0 = time.perf_counter()
        while sender.send_due():
            pass
        sent_s = time.perf_counter() - t0
        sent = outbox.Message.select().where(outbox.Message.state == "sent").count()
        sender.close()
        gateway.close()
        db.close()
    vendor.close()
    return [f"queued:           {n} in {queued_s:.2f} s = {n / queued_s:.0f} messages/s",
            f"handed to vendor: {sent} in {sent_s:.2f} s = {sent / sent_s:.0f} messages/s (HTTP POST each)",
            f"queue + send:     {n / (queued_s + sent_s):.0f} messages/s end to end (goal >= 50)"]


def exactly_once(n: int, kill_every: int = 1000) -> list[str]:
    vendor = FakeVendor()
    vendor.rng = random.Random(16)
    vendor.fail_rate, vendor.drop_rate = 0.10, 0.05
    with tempfile.TemporaryDirectory() as tmp:
        config, db = _setup(Path(tmp), vendor)
        clock = FakeClock(dt.datetime(2026, 12, 1, 10, 0))
        _queue(config, n, clock, "f")
        gateway = gateways.load(config)
        sender = senderlib.Sender(config, gateway, clock=clock)
        sender.start()
        kills = rounds = since_kill = 0
        t0 = time.perf_counter()
        while outbox.Message.select().where(outbox.Message.state.in_(["queued", "sending"])).exists():
            rounds += 1
            for row in outbox.due(clock(), limit=100):
                sender.send_one(row.id)
                since_kill += 1
                if since_kill >= kill_every:  # the process dies: whatever it had in flight stays "sending"
                    sender.close()
                    sender = senderlib.Sender(config, gateway, clock=clock)
                    sender.start()
                    kills += 1
                    since_kill = 0
            clock.advance(seconds=senderlib.UNKNOWN_RECHECK_S + 1)
            sender.reconcile(startup=False)
            if rounds > 10000:
                raise RuntimeError("not converging")
        took = time.perf_counter() - t0
        states = {s: outbox.Message.select().where(outbox.Message.state == s).count() for s in outbox.STATES}
        attempts = sum(m.attempts for m in outbox.Message.select(outbox.Message.attempts))
        sender.close()
        gateway.close()
        db.close()
    vendor.close()
    return [f"messages: {n}; vendor faults: 10% HTTP 500, 5% accepted with the answer lost; sender killed every "
            f"{kill_every} sends ({kills} restarts)",
            f"POSTs: {len(vendor.requests)} for {attempts} attempts; accepted by the vendor: {len(vendor.messages)}; "
            f"repeats of an accepted reference: {vendor.duplicates}",
            f"outbox: {states}; {took:.1f} s",
            "result: " + ("OK, every message accepted exactly once" if len(vendor.messages) == n and
                          vendor.duplicates == 0 and states["sent"] == n else "FAILED")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--fault-messages", type=int, default=10000)
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"# sms outbox bench, {dt.date.today()}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"CRM SQLite (WAL); vendor: local HTTP server on 127.0.0.1")
    print(f"load average at start: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (other developers' work shares the box)")
    print("\n## throughput")
    for line in throughput(args.messages):
        print(line)
    print("\n## exactly once under faults")
    for line in exactly_once(args.fault_messages):
        print(line)
    load = os.getloadavg()
    print(f"\nload average at end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
