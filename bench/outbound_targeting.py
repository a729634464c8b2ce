"""Outbound targeting on a large synthetic EMR: how long each campaign's plan takes and how many patients
each exclusion removes (counts only, no PHI).

    /opt/dentalcall/venv/bin/python bench/outbound_targeting.py --patients 20000 --seed 1

Writes nothing outside a temporary folder. Results of a run are kept in bench/outbound_targeting.txt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--patients", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--today", default="2026-11-25")
    args = ap.parse_args()
    from appliance.data import crm
    from appliance.data.clinic import facts as factslib
    from appliance.data.emr import EMR, seed
    from appliance.outbound import campaigns as camps
    from appliance.outbound import queue, targeting

    today = dt.date.fromisoformat(args.today)
    now = dt.datetime.combine(today, dt.time(10, 0))
    tmp = Path(tempfile.mkdtemp(prefix="ob-bench-"))
    try:
        url = f"sqlite:///{tmp / 'emr.sqlite'}"
        t0 = time.monotonic()
        seed.seed_demo(url, patients=args.patients, seed=args.seed, today=today)
        print(f"seeded {args.patients} patients in {time.monotonic() - t0:.1f} s (sqlite)")
        crm.open_database(f"sqlite:///{tmp / 'crm.sqlite'}")
        queue.ensure_tables()
        emr = EMR(url)
        facts = factslib.load(factslib.EXAMPLE)
        print(f"{'campaign':<18}{'candidates':>11}{'targets':>9}{'ms':>8}  excluded")
        ctx = targeting.Context(emr, today, now)
        for name in sorted(camps.CAMPAIGNS, key=lambda n: camps.get(n).priority):
            params = dict(camps.get(name).params(), daily_limit=10 ** 9)
            t0 = time.monotonic()
            plan = targeting.plan(name, emr=emr, facts=facts, now=now, ctx=ctx, params=params)
            ms = (time.monotonic() - t0) * 1000
            ex = ", ".join(f"{k} {v}" for k, v in plan.excluded.most_common())
            print(f"{name:<18}{plan.candidates:>11}{len(plan.targets):>9}{ms:>8.0f}  {ex}")
        crm.database.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
