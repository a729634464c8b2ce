"""Outbound targeting on a large synthetic EMR: how long each campaign's plan takes and how many patients each
exclusion removes, then the dialer's own planning run day by day over four weeks (``campaigns calendar``'s dry
run: weekends, Christmas, a closing day, New Year's Day, the year change) with the calls per campaign and day.
Counts only, no PHI.

    /opt/dentalcall/venv/bin/python bench/outbound_targeting.py --patients 20000 --sim-patients 5000

Writes nothing outside a temporary folder. Results of a run are kept in bench/outbound_targeting.txt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

ORDER = ("reminder", "happy_call", "implant_checkup", "insured_treatment", "insurance_scaling", "recall")


def per_campaign(tmp: Path, patients: int, seed_value: int, today: dt.date) -> None:
    from appliance.data.clinic import facts as factslib
    from appliance.data.emr import EMR, seed
    from appliance.outbound import campaigns as camps
    from appliance.outbound import targeting

    url = f"sqlite:///{tmp / 'emr-big.sqlite'}"
    t0 = time.monotonic()
    seed.seed_demo(url, patients=patients, seed=seed_value, today=today)
    print(f"## one planning run per campaign, {patients} patients (seeded in {time.monotonic() - t0:.1f} s, sqlite),"
          f" {today} 10:00, daily_limit off")
    emr = EMR(url)
    facts = factslib.load(factslib.EXAMPLE)
    now = dt.datetime.combine(today, dt.time(10, 0))
    print(f"{'campaign':<18}{'candidates':>11}{'targets':>9}{'ms':>8}  excluded")
    ctx = targeting.new_context(emr, now, None, [])
    for name in ORDER:
        params = dict(camps.get(name).params(), daily_limit=10 ** 9)
        t0 = time.monotonic()
        plan = targeting.plan(name, emr=emr, facts=facts, now=now, ctx=ctx, params=params, full=True)
        ms = (time.monotonic() - t0) * 1000
        ex = ", ".join(f"{k} {v}" for k, v in plan.excluded.most_common())
        print(f"{name:<18}{plan.candidates:>11}{len(plan.targets):>9}{ms:>8.0f}  {ex}")


def simulation(tmp: Path, patients: int, seed_value: int, start: dt.date, days: int) -> None:
    from appliance import settings
    from appliance.data.clinic import facts as factslib
    from appliance.data.emr import EMR, seed
    from appliance.outbound import calendar
    from appliance.outbound import campaigns as camps

    url = f"sqlite:///{tmp / 'emr-sim.sqlite'}"
    seed.seed_demo(url, patients=patients, seed=seed_value, today=start - dt.timedelta(days=1))
    facts = factslib.load(factslib.EXAMPLE)
    config = settings.load(overrides={"home": str(tmp / "home")}, env={})  # the defaults: no file is read
    states = {name: (True, camps.get(name).params()) for name in ORDER}  # defaults, daily_limit 200
    t0 = time.monotonic()
    cal = calendar.simulate(emr=EMR(url), facts=facts, config=config, start=start, days=days, states=states,
                            history=[])
    took = time.monotonic() - t0
    print(f"\n## the dialer's planning day by day ({patients} patients, every campaign on with its defaults, "
          f"{start} + {days} days; {took:.1f} s for {len(cal.runs)} planning runs)")
    calls: Counter = Counter()
    people: Counter = Counter()
    seen: set = set()
    for e in cal.entries:
        people[(e.day, e.campaign)] += 1
        key = (e.day, e.campaign, e.phone)
        if key not in seen:
            seen.add(key)
            calls[(e.day, e.campaign)] += 1
    problems = Counter(p.day for p in cal.problems)
    print(f"{'day':<15}" + "".join(f"{n[:11]:>12}" for n in ORDER) + f"{'closed-day':>12}")
    for i in range(days):
        day = start + dt.timedelta(days=i)
        closed = facts.closed_reason(day)
        row = "".join(f"{calls[(day, n)]:>12}" for n in ORDER)
        note = f"   ({closed})" if closed else ""
        print(f"{day} {'월화수목금토일'[day.weekday()]}  {row}{problems.get(day, 0):>12}{note}")
    total = "".join(f"{sum(v for (d, n), v in calls.items() if n == c):>12}" for c in ORDER)
    print(f"{'total calls':<15}{total}{len(cal.problems):>12}")
    merged = sum(people.values()) - sum(calls.values())
    print(f"(a call is one phone on one day; {merged} more patients were reached inside merged family reminders; "
          "closed-day: appointments booked on a day the clinic is closed, shown on that day; reported to staff, "
          "never reminded)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--patients", type=int, default=20000)
    ap.add_argument("--sim-patients", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--today", default="2026-11-25")
    ap.add_argument("--start", default="2026-12-14")
    ap.add_argument("--days", type=int, default=28)
    args = ap.parse_args()
    from appliance.data import crm
    from appliance.outbound import queue

    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} "
          f"(shared with other work; timings are indicative)")
    tmp = Path(tempfile.mkdtemp(prefix="ob-bench-"))
    try:
        crm.open_database(f"sqlite:///{tmp / 'crm.sqlite'}")
        queue.ensure_tables()
        per_campaign(tmp, args.patients, args.seed, dt.date.fromisoformat(args.today))
        simulation(tmp, args.sim_patients, args.seed, dt.date.fromisoformat(args.start), args.days)
        crm.database.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
