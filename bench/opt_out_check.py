"""The opt-out check (``appliance.language.opt_out_check``) measured on the labelled sets.

A refusal the rules miss is asked about ("앞으로 병원 안내 연락을 그만 받으시겠어요?"); each time the check fires on
a sentence that is no refusal, a caller hears one needless question. Per labelled set (tests/data/nlu; a fresh set
not yet joined to ``nlu_model_compare.ORDER`` is never read), three views:

* **today**: today's rules + today's model (as the appliance runs; the model was trained on every set but heldout,
  so on the others its opt-out scores are in-sample; it has also seen the newest blind set, whose rows are not read
  here);
* **left out**: today's rules + a model trained without the set (nor the unseen ones; honest for the model).
  "alone" is a stress test: how many of the set's refusals the check catches by itself (cue + model), as if the
  rules had missed every one;
* **first runs** (blind7 ... the newest joined set): the rules of git just before the set was written
  (``nlu_arbiter``'s cache) and a model trained only on the sets written before it: honest for both.

Columns: refusals (gold opt_out), the rules miss, the check catches of those; other sentences, the check fires on.
Then the same totals for other values of ``LEAD``.

    python bench/nlu_arbiter.py --record              # the first-run cache (done here for the sets missing or stale)
    python bench/opt_out_check.py > bench/opt_out_check.txt

Result (LEAD 30, stop 29, every joined set: 93, 22 278 sentences): today's rules read every labelled refusal (731 of
731), so today the check never has to ask on them; it fires on 1 of the 21 547 other sentences. By itself it hears
672 of 731 (model without the set). On the honest first runs (blind7 ... blind75, 82 sets) the rules of the time
missed 97 of 694 refusals; the check asks on 80 of them and fires on 7 of 20 146 others (three of them a "not
interested in this event" kept apart from a lasting refusal). The 17 it does not hear carry no cue word (dialect
verbs, "거부 거부요", a stop asked for another person's number); after blind32 only blind53's "예약 문자 안 보내셔도
돼요 전화로만 주세요" and blind63's "전화 고만 하쇼", both read by today's rules. At stop 28
(80 sets) the same run read 667 of 667 today and caught 80 of 96 on the first runs; at stop 22 (47 sets) 436 of 436
today and 8 of 8 on the ten first runs then scored.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import nlu_arbiter as arbiter  # noqa: E402
import nlu_model_compare as compare  # noqa: E402

from appliance.language import opt_out_check as check  # noqa: E402
from appliance.language import statistical as stat  # noqa: E402
from appliance.language import understand  # noqa: E402

DATA = ROOT / "tests" / "data" / "nlu"
def unseen(name: str) -> bool:
    """A set not yet joined to the regression sets (a fresh blind set before its first run and round): never read
    here. ``nlu_model_compare.ORDER`` lists every joined set, in the order they were written; heldout stays out."""
    return name not in compare.ORDER
LEADS = (0.0, 10.0, 15.0, 20.0, 30.0, 50.0, 100.0, float("inf"))  # inf: the cue alone


def labelled_sets() -> list[str]:
    names = [p.stem for p in DATA.glob("*.jsonl") if not unseen(p.stem)]
    order = {name: i for i, name in enumerate(compare.ORDER)}
    return sorted(names, key=lambda n: (order.get(n, len(order)), n))


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]


def today_rows() -> dict[str, list[dict]]:
    """Per set, per sentence: text, expect, gold, today's intent and both models' opt-out margins."""
    out = {}
    today = stat.default_model()
    for name in labelled_sets():
        fresh = tuple(p.stem for p in DATA.glob("*.jsonl") if unseen(p.stem))
        left_out = stat.IntentModel(stat.examples_from_sets(DATA, exclude=(*stat.HELD_OUT_SETS, *fresh, name)))
        rows = []
        for row in load(name):
            got = understand(row["text"], dt.datetime.fromisoformat(row["now"]), expect=row.get("expect")).intent
            rows.append({"text": row["text"], "expect": row.get("expect"), "gold": row["intent"], "got": got,
                         "today": margin(today, row["text"], row.get("expect")),
                         "left_out": margin(left_out, row["text"], row.get("expect"))})
        out[name] = rows
    return out


def first_run_sets(blended: tuple[str, ...]) -> tuple[str, ...]:
    """The blended sets written before the first unseen one. A first run's model is trained on every set written
    before it (``compare.rows_before``), so no first run's model reads a set that is still unseen."""
    return tuple(itertools.takewhile(lambda name: not unseen(name), blended))


FIRST_RUNS = first_run_sets(compare.BLENDED)
"""The first runs scored (blind7 ... the newest joined set), whatever else ``nlu_arbiter``'s cache holds."""


def rules_commit(name: str) -> str:
    """The rules a first run of ``name`` is recorded over, as ``nlu_arbiter`` names them: the commit before the one
    that added the set."""
    found = subprocess.run(["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--",
                            f"tests/data/nlu/{name}.jsonl"], capture_output=True, text=True, check=True).stdout.split()
    return found[-1][:7] + "^" if found else "this checkout"


def to_record(stored: dict, rows: dict[str, list[dict]], commits: dict[str, str]) -> list[str]:
    """The sets of ``rows`` whose cached first run is missing or stale: recorded over other rules than ``commits``
    names, or over other sentences (text, expectation, gold intent) than the set holds today."""
    def cached(name: str) -> list[tuple]:
        return [(r["text"], r["expect"], r["gold"]) for r in stored[name]["records"]]

    def in_file(name: str) -> list[tuple]:
        return [(row["text"], row.get("expect"), row["intent"]) for row in rows[name]]
    return [name for name in rows
            if name not in stored or stored[name]["rules"] != commits[name] or cached(name) != in_file(name)]


def first_run_rows() -> dict[str, list[dict]]:
    """Per first run, per sentence: the rules-of-the-time's intent and the opt-out margin of the model of the sets
    written before; the sets missing from the cache or stale in it are (re)recorded first."""
    stored = json.loads(arbiter.CACHE.read_text()) if arbiter.CACHE.exists() else {}
    rows, commits = {name: load(name) for name in FIRST_RUNS}, {name: rules_commit(name) for name in FIRST_RUNS}
    missing = to_record(stored, rows, commits)
    if missing:
        subprocess.run([sys.executable, str(ROOT / "bench" / "nlu_arbiter.py"), "--record", "--only",
                        ",".join(missing), "--cache", str(arbiter.CACHE)], check=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
        stored = json.loads(arbiter.CACHE.read_text())
    out = {}
    for name in FIRST_RUNS:
        model = stat.IntentModel(compare.rows_before(name, {}))
        out[name] = [{"text": r["text"], "expect": r["expect"], "gold": r["gold"], "got": r["final"],
                      "first": margin(model, r["text"], r["expect"])} for r in stored[name]["records"]]
    return out


def margin(model: stat.IntentModel, text: str, expect: str | None) -> float | None:
    """``opt_out``'s log-probability minus the best other intent's when the refusal cue is said, else None (the
    check never fires without the cue). The check fires when this is >= -LEAD."""
    if not check.refusal_cue(text):
        return None
    scores = model.scores(text, expect)
    opt_out = next(logp for logp, name in scores if name == "opt_out")
    return opt_out - next(logp for logp, name in scores if name != "opt_out")


def fires(row: dict, key: str, lead: float) -> bool:
    return row["got"] != "opt_out" and row[key] is not None and row[key] >= -lead


def counts(rows: list[dict], key: str, lead: float) -> tuple[int, int, int, int, int, int]:
    """(refusals, the rules miss, the check catches, others, the check fires on, alone: refusals cue+model hear)."""
    refusals = [r for r in rows if r["gold"] == "opt_out"]
    others = [r for r in rows if r["gold"] != "opt_out"]
    missed = [r for r in refusals if r["got"] != "opt_out"]
    alone = sum(r[key] is not None and r[key] >= -lead for r in refusals)
    return (len(refusals), len(missed), sum(fires(r, key, lead) for r in missed), len(others),
            sum(fires(r, key, lead) for r in others), alone)


def table(title: str, data: dict[str, list[dict]], key: str, with_alone: bool) -> list[str]:
    head = f"{'set':10} {'refusals':>8} {'missed':>6} {'caught':>6} {'others':>6} {'fired':>5}"
    lines = [title, head + (f" {'alone':>5}" if with_alone else "")]
    total = [0] * 6
    for name, rows in data.items():
        c = counts(rows, key, check.LEAD)
        total = [a + b for a, b in zip(total, c)]
        lines.append(f"{name:10} {c[0]:8} {c[1]:6} {c[2]:6} {c[3]:6} {c[4]:5}" + (f" {c[5]:5}" if with_alone else ""))
    t = total
    lines.append(f"{'total':10} {t[0]:8} {t[1]:6} {t[2]:6} {t[3]:6} {t[4]:5}" + (f" {t[5]:5}" if with_alone else "")
                 + f"   (fires on {100 * t[4] / max(t[3], 1):.2f} % of the other sentences)")
    return lines


def sweep(data: dict[str, list[dict]], key: str) -> str:
    cells = []
    for lead in LEADS:
        t = [sum(c) for c in zip(*(counts(rows, key, lead) for rows in data.values()))]
        cells.append(f"{lead:g}: caught {t[2]}/{t[1]}, alone {t[5]}/{t[0]}, fired {t[4]}/{t[3]}")
    return "; ".join(cells)


def heard(data: dict[str, list[dict]], key: str) -> list[str]:
    """Every sentence the check fires on, every missed refusal, every refusal the check alone would not hear and
    every other sentence with the cue (the texts are test data)."""
    lines = []
    for name, rows in data.items():
        for r in rows:
            missed = r["gold"] == "opt_out" and r["got"] != "opt_out"
            alone_misses = r["gold"] == "opt_out" and not (r[key] is not None and r[key] >= -check.LEAD)
            cue_only = r["gold"] != "opt_out" and r[key] is not None
            if fires(r, key, check.LEAD) or missed or alone_misses or cue_only:
                verdict = ("asks" if fires(r, key, check.LEAD) else "MISSES" if missed else
                           "alone misses" if alone_misses else "cue, quiet")
                m = "no cue" if r[key] is None else f"{r[key]:+.1f}"
                lines.append(f"  {name:9} {verdict:12} gold {r['gold']:14} rules {r['got']:14} margin {m:>7}  "
                             f"{r['text']}")
    return lines or ["  (none)"]


def main() -> None:
    load_avg = os.getloadavg()
    print(f"# {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load average "
          f"{load_avg[0]:.2f} (1 min; counts only, no timings); "
          f"LEAD {check.LEAD:g}")
    print("# refusals = gold opt_out; missed = the rules' reading is not opt_out; caught = the check asks on those;")
    print("# others = every other sentence; fired = the check asks needlessly (one extra question for the caller)")
    now = today_rows()
    first = first_run_rows()
    for title, data, key, alone in (
            ("\ntoday's rules + today's model (in-sample for every set but heldout)", now, "today", False),
            ("\ntoday's rules + the model trained without the set (alone = refusals the check hears by itself)", now,
             "left_out", True),
            ("\nhonest first runs: the rules of the time + the model of the sets written before", first, "first",
             True)):
        print("\n".join(table(title, data, key, alone)))
    print("\nother values of LEAD (totals; inf = the cue alone, the model not asked)")
    for label, data, key in (("today", now, "today"), ("left out", now, "left_out"), ("first runs", first, "first")):
        print(f"{label:10} {sweep(data, key)}")
    for label, data, key in (("today", now, "today"), ("left out", now, "left_out"), ("first runs", first, "first")):
        print(f"\n{label}: the check asks / a missed refusal it MISSES / a refusal it alone misses / an other sentence "
              "with the cue where the model keeps it quiet")
        print("\n".join(heard(data, key)))


if __name__ == "__main__":
    main()
