"""EMR connector benchmark on a synthetic 100,000-patient reference EMR.

    python bench/emr_bench.py --patients 100000 --backends sqlite,postgresql [--out bench/emr_results.txt]

Starts throwaway PostgreSQL/MariaDB servers the way the tests do (tests/plugins/databases.py), seeds
them with ``seed_demo`` and measures: caller lookup (cached / uncached) p50 and p99, slot finding, and each
outbound target list: the whole list (the connector API), the first page as the dialer reads it, the
server-side count, and each big campaign's whole targeting run. Goals: cached lookup p99 <= 20 ms, uncached
<= 100 ms, target queries <= 1 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import platform
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from appliance.data.clinic import facts as factslib, slots  # noqa: E402
from appliance.data.emr import drivers, seed  # noqa: E402
from appliance.data.emr.connector import EMR  # noqa: E402
from appliance.data.emr.lookup import CallerLookup  # noqa: E402
from appliance.outbound import campaigns as camps, candidates, targeting  # noqa: E402
from appliance.outbound.store import CrmStore, enqueue  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - t) * 1000, result


def bench_backend(name: str, url: str, patients: int, seed_value: int, lines: list[str]) -> None:
    def out(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    t0 = time.perf_counter()
    counts = seed.seed_demo(url, patients=patients, seed=seed_value)
    out(f"\n## {name} (load average before queries {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores): "
        f"seeded {counts['PATIENT']} patients, {counts['RECEIPT']} visits, {counts['TREAT_DETAIL']} treatments, "
        f"{counts['RESERVATION']} appointments in {time.perf_counter() - t0:.1f} s")
    emr = EMR(url, statement_timeout=30)
    conn = drivers.connect(url, read_only=True, statement_timeout=30)
    numbers = [r["pt_hp"] for r in conn.query("SELECT PT_HP FROM PATIENT WHERE PT_HP IS NOT NULL")]
    conn.close()
    rng = random.Random(seed_value)
    sample = rng.sample(numbers, 400)
    misses = [f"010-{rng.randint(1000, 1999)}-{rng.randint(0, 9999):04d}" for _ in range(100)]
    # uncached: every lookup goes to the EMR
    emr.find_patients_by_phone(sample[0])  # connect once
    times = [timed(emr.find_patients_by_phone, n)[0] for n in sample[:300] + misses]
    out(f"caller lookup uncached (EMR query, {len(times)} numbers incl. 100 unknown): "
        f"p50 {pct(times, 50):.2f} ms, p99 {pct(times, 99):.2f} ms (goal p99 <= 100 ms)")
    lookup = CallerLookup(emr, ttl=300)
    for n in sample:
        lookup.lookup(n)
    times = [timed(lookup.lookup, rng.choice(sample))[0] for _ in range(5000)]
    out(f"caller lookup cached (CallerLookup, 5000 lookups): p50 {pct(times, 50):.3f} ms, "
        f"p99 {pct(times, 99):.3f} ms (goal p99 <= 20 ms)")
    lookup.close()
    facts = factslib.load(factslib.EXAMPLE)
    today = dt.date.today()
    times = []
    for i in range(20):
        day = today + dt.timedelta(days=1 + i)
        ms, found = timed(slots.find_slots, "scaling", day, day + dt.timedelta(days=7), "afternoon",
                          facts=facts, emr=emr)
        times.append(ms)
    out(f"slot finding (scaling, 7-day window, afternoon, incl. EMR query): p50 {pct(times, 50):.1f} ms, "
        f"max {max(times):.1f} ms")
    for label, fn in [
        ("recall: not seen for 6 months (within 5 years), nothing booked", lambda: emr.recall_candidates(months=6)),
        ("insurance scaling unused this year, adults 19+", lambda: emr.scaling_candidates()),
        ("implant check-up: surgery ~30 days ago (7-day window)", lambda: emr.implant_checkup_candidates()),
        ("happy call: treated yesterday", lambda: emr.happy_call_candidates()),
        ("65+ (implant/denture insurance), seen within 5 years", lambda: emr.senior_candidates()),
        ("private dental insurance, not seen for 3 months", lambda: emr.private_insurance_candidates()),
    ]:
        runs, full = [], []
        for _ in range(5):
            ms, rows = timed(fn)
            runs.append(ms)
            full.append(ms + timed(lambda rows=rows: [c.patient for c in rows])[0])
        out(f"whole list: {label}: {len(rows)} rows, query best {min(runs):.0f} ms / worst {max(runs):.0f} ms; "
            f"with every row mapped to a Patient best {min(full):.0f} ms")
    # what the dialer reads: the first page of each long list (AD: only current marketing consent), and the
    # server-side count `campaigns preview` shows
    since = today - dt.timedelta(days=camps.CONSENT_VALID_DAYS)
    page = candidates.page_size(camps.get("recall").params())
    for kind in ("recall", "scaling", "senior", "private_insurance"):
        runs, counts = [], []
        for _ in range(5):
            ms, rows = timed(lambda kind=kind: list(itertools.islice(
                emr.iter_candidates(kind, page=page, consented_since=since), page)))
            runs.append(ms + timed(lambda rows=rows: [c.patient for c in rows])[0])
            ms, n = timed(emr.count_candidates, kind)
            counts.append(ms)
        out(f"target query (first page, consent filter): {kind}: {len(rows)} of {n} rows, best {min(runs):.0f} ms / "
            f"worst {max(runs):.0f} ms (goal <= 1000 ms); whole-list COUNT(*) best {min(counts):.0f} ms / "
            f"worst {max(counts):.0f} ms")
    # the whole targeting run per campaign (EMR pages + exclusions + CRM history + recall detail per target),
    # today on an empty CRM, then the next day after today's targets were queued (cooldowns go deeper)
    bench_targeting(emr, facts, today, out)
    emr.close()


def bench_targeting(emr, facts, today, out) -> None:
    import tempfile

    from appliance.data import crm
    from appliance.outbound import queue

    tmp = Path(tempfile.mkdtemp(prefix="dc-bench-crm-"))
    try:
        crm.open_database(f"sqlite:///{tmp / 'crm.sqlite'}")
        queue.ensure_tables()
        now = dt.datetime.combine(today, dt.time(10, 0))
        for day in (0, 1):
            at = now + dt.timedelta(days=day)
            for name in ("recall", "insurance_scaling", "insured_treatment"):
                params = camps.get(name).params()
                times = []
                for _ in range(3):
                    ms, plan = timed(targeting.plan, name, emr=emr, facts=facts, now=at, params=params)
                    times.append(ms)
                out(f"campaign plan {name} ({'today' if day == 0 else 'next day, after today was queued'}): "
                    f"{len(plan.targets)} targets (daily limit {params['daily_limit']}) from {plan.candidates} "
                    f"candidates checked, best {min(times):.0f} ms / worst {max(times):.0f} ms")
                enqueue(plan, at, CrmStore())
    finally:
        crm.database.close()
        shutil.rmtree(tmp, ignore_errors=True)
    emr.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=100000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    from tests.plugins import databases as dbs

    lines = [f"# EMR bench {dt.datetime.now():%Y-%m-%d %H:%M} on {platform.node() and 'dev box'} "
             f"({os.cpu_count()} cores, Python {platform.python_version()}), {args.patients} patients, "
             f"seed {args.seed}"]
    print(lines[0])
    for name in args.backends.split(","):
        server = None
        try:
            if name == "sqlite":
                import tempfile

                root = Path(tempfile.mkdtemp(prefix="dc-bench-"))
                url = f"sqlite:///{root / 'emr.sqlite'}"
            else:
                server = dbs._start_postgresql() if name == "postgresql" else dbs._start_mysql()
                server.create_db("emr")
                url = server.url("emr")
                root = server.root
            bench_backend(name, url, args.patients, args.seed, lines)
        finally:
            if server:
                server.stop()
            shutil.rmtree(root, ignore_errors=True)
    if args.out:
        Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
