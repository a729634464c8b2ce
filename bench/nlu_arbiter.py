"""Arbitration between the rules and the model, measured on honest simulated first runs (cached).

For every blended set S (blind7 ... blind16) the rules are those of git just before S was committed and the model
(naive Bayes, today's features) is trained only on the sets written before S (``nlu_model_compare``'s snapshots).
``--record`` (the expensive part, cached in a JSON file) keeps per sentence: the rules alone (intent, confidence),
where the snapshot's blend consults the model (the rules' intent and confidence there, the exclusions its limits
applied, the model's full score list), the final ``understand()`` intent and the gold one; then the snapshot's
decision is FORCED to the rules' intent and to each of the likeliest allowed intents (a proxy model returns scores
that make the snapshot's own blend choose it) and each final intent kept, so that an arbitration
``decide(consult) -> intent`` is evaluated exactly, downstream rules and the safety rule included, in seconds.
Limits: only sentences where the snapshot consulted the model can change; before dev9 its only exclusion was opt_out.

    python bench/nlu_arbiter.py --record          # fill the cache (~15 s)
    python bench/nlu_arbiter.py > bench/nlu_arbiter.txt   # the variants and the adoption test (seconds)

Result (bench/nlu_arbiter.txt): no variant passes the adoption test, so the blend stays as it is. The best ones (the
model's lead over the rules' intent rather than over its runner-up, raw or per feature; a logistic combiner fitted
chronologically) gain 4-6 sentences of 985 on the selection sets (+0.4-0.6 points, 1.0 needed) and 5-7 of 501 on
blind15+16, some with one more medical question booked on an old set. The ceiling explains it: an oracle choosing
between the rules' answer and the model's guess reaches only 962/985 on the selection sets (+1.1 points); most
misses are the model wrong as well, or the right answer excluded by a safety limit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nlu_model_compare as compare  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "dentalcall_nlu_arbiter.json"
BLENDED, CALIBRATION, SELECTION = compare.BLENDED, compare.CALIBRATION, compare.SELECTION
FINAL = tuple(s for s in BLENDED if s not in CALIBRATION + SELECTION)
MEDICAL, BOOKING = compare.MEDICAL, compare.BOOKING
FORCED = 4  # how many of the likeliest allowed intents (beside the rules' own) are forced per sentence


class _Proxy:
    """The model as the snapshot's blend sees it: records the consultation; when ``force`` is set, returns a score
    list that makes the blend choose ``force`` (or keep the rules' answer when ``force`` is it)."""

    def __init__(self, model, features) -> None:
        self.model, self.features, self.force = model, features, None
        self.seen: dict | None = None

    def _see(self, text: str, expect: str | None, exclude) -> list[tuple[float, str]]:
        caller, real = sys._getframe(2).f_locals, self.model.scores(text, expect)  # the blend's own variables
        self.seen = {"intent": caller["intent"], "confidence": caller["confidence"], "exclude": sorted(set(exclude)),
                     "scores": real, "features": len(self.features(text, expect))}
        return real

    def scores(self, text: str, expect: str | None = None) -> list[tuple[float, str]]:
        real = self._see(text, expect, sys._getframe(1).f_locals.get("exclude", ()))
        return [(0.0, self.force)] + [(-1e9, n) for _, n in real if n != self.force] if self.force else real

    def best(self, text: str, expect: str | None = None, exclude=()) -> tuple[str, float]:
        ranked = [(s, i) for s, i in self._see(text, expect, exclude) if i not in exclude]
        return (self.force, math.inf) if self.force else (ranked[0][1], ranked[0][0] - ranked[1][0])


def worker(rules: str) -> None:
    """Child process over one snapshot: the records of one set (see the module docstring)."""
    sys.path.insert(0, rules)
    from appliance.language import statistical as rules_statistical
    from appliance.language import understand

    import nlu_model_candidates as candidates

    job = json.load(sys.stdin)
    proxy = _Proxy(candidates.NaiveBayes([tuple(row) for row in job["train"]]), candidates.STAT.features)
    rules_statistical.default_model = lambda: proxy  # type: ignore[assignment]
    records = []
    for row in job["test"]:
        now = dt.datetime.fromisoformat(row["now"])
        alone = understand(row["text"], now, expect=row.get("expect"), statistical=False)
        proxy.force, proxy.seen = None, None
        final = understand(row["text"], now, expect=row.get("expect")).intent
        record = {"text": row["text"], "expect": row.get("expect"), "gold": row["intent"], "final": final,
                  "alone": [alone.intent, alone.confidence], "consult": proxy.seen, "forced": {}}
        if proxy.seen:
            seen = proxy.seen
            allowed = [name for _, name in seen["scores"] if name not in seen["exclude"] or name == seen["intent"]]
            for choice in dict.fromkeys([seen["intent"]] + allowed[:FORCED]):
                proxy.force, proxy.seen = choice, None
                record["forced"][choice] = understand(row["text"], now, expect=row.get("expect")).intent
            record["consult"] = seen
        records.append(record)
    json.dump(records, sys.stdout)


def record(sets: list[str], cache: Path) -> None:
    stored = json.loads(cache.read_text()) if cache.exists() else {}
    for name in sets:
        job = {"train": compare.rows_before(name, {}), "test": compare.load(name, {})}
        with tempfile.TemporaryDirectory() as tmp:
            rules, commit = compare.rules_snapshot(name, Path(tmp))
            env = dict(os.environ, PYTHONPATH=str(rules))
            done = subprocess.run([sys.executable, __file__, "--worker", str(rules)], input=json.dumps(job),
                                  env=env, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{name}: {done.stderr[-2000:]}")
        stored[name] = {"rules": commit, "records": json.loads(done.stdout)}
        cache.write_text(json.dumps(stored, ensure_ascii=False))
        print(f"# {name} recorded", file=sys.stderr, flush=True)


def allowed_scores(consult: dict) -> list[tuple[float, str]]:  # the model's scores of the intents it may choose
    return [(s, n) for s, n in consult["scores"] if n not in consult["exclude"] or n == consult["intent"]]


def logp_of(consult: dict, name: str) -> float:
    return next((s for s, n in consult["scores"] if n == name), -math.inf)


def today(consult: dict, below: float = 0.65, lead_all: float = 14.0, lead_unsure: float = 2.0,
          lead_other: float = 8.0, override_below: float = 0.91) -> str:
    """Today's ``blend.with_model`` decision (after its exclusions), with its thresholds as parameters."""
    intent, confidence = consult["intent"], consult["confidence"]
    if confidence >= override_below:
        return intent
    best, guess = allowed_scores(consult)[0]
    if guess == intent:
        return intent
    if intent != "other" and confidence < below:
        lead, needed = best - logp_of(consult, intent), lead_unsure
    else:
        lead = best - next((s for s, n in consult["scores"] if n != guess), -math.inf)
        needed = lead_other if intent == "other" else lead_all
    return guess if lead >= needed else intent


def against_rules(consult: dict, below: float = 0.65, lead_unsure: float = 2.0, lead_sure: float = 14.0,
                  lead_other: float = 8.0, scaled: bool = False) -> str:
    """The model's likeliest allowed guess must beat the rules' intent (not its own runner-up) by a lead that
    depends on the rules' confidence band."""
    intent, confidence = consult["intent"], consult["confidence"]
    best, guess = allowed_scores(consult)[0]
    if guess == intent:
        return intent
    if intent == "other":
        needed = lead_other
    else:
        needed = lead_unsure if confidence < below else lead_sure
    lead = best - logp_of(consult, intent)
    return guess if (lead / math.sqrt(consult["features"]) if scaled else lead) >= needed else intent


def either(consult: dict, below: float = 0.65, lead_all: float = 14.0, lead_unsure: float = 2.0,
           lead_other: float = 8.0, lead_rules: float = 20.0) -> str:
    """Today's decision, or the model's guess when it beats the rules' intent by ``lead_rules``."""
    picked = today(consult, below, lead_all, lead_unsure, lead_other)
    if picked != consult["intent"]:
        return picked
    best, guess = allowed_scores(consult)[0]
    return guess if best - logp_of(consult, consult["intent"]) >= lead_rules else picked


def grid() -> dict[str, object]:
    """Every variant tried, by family: today's thresholds, the lead over the rules' intent (``rules``; ``scaled``:
    divided by the square root of the sentence's feature count, naive Bayes leads grow with length), ``either``."""
    variants: dict[str, object] = {"today": today}
    for a in itertools.product((0.5, 0.65, 0.75, 0.85), (6.0, 10.0, 14.0, 20.0), (0.0, 2.0, 4.0), (4.0, 8.0, 12.0)):
        variants["today b{} l{} u{} o{}".format(*a)] = lambda c, a=a: today(c, *a)
    for a in itertools.product((0.5, 0.65, 0.75, 0.85), (0.0, 2.0, 4.0), (6.0, 10.0, 15.0, 20.0, 30.0),
                               (4.0, 8.0, 12.0)):
        variants["rules b{} u{} s{} o{}".format(*a)] = lambda c, a=a: against_rules(c, *a)
    for a in itertools.product((0.65, 0.75), (0.3, 0.6, 1.0, 1.5), (1.0, 1.5, 2.0, 3.0, 4.0), (1.0, 2.0, 3.0, 4.0)):
        variants["scaled b{} u{} s{} o{}".format(*a)] = lambda c, a=a: against_rules(c, a[0], a[1], a[2], a[3], True)
    for lead_rules in (10.0, 15.0, 20.0, 25.0, 30.0, 40.0):
        variants[f"either r{lead_rules}"] = lambda c, r=lead_rules: either(c, lead_rules=r)
    return variants


def evaluate(stored: dict, decide) -> dict[str, list[int]]:
    """Per set: ``[right, n, medical to booking, unforced]`` with ``decide`` as the arbitration."""
    out = {}
    for name, data in stored.items():
        right = medical = unforced = 0
        for rec in data["records"]:
            final = rec["final"]
            if rec["consult"] and decide is not None:
                choice = decide(rec["consult"])
                final = rec["forced"].get(choice)
                if final is None:
                    unforced, final = unforced + 1, choice
            right += final == rec["gold"]
            medical += rec["gold"] in MEDICAL and final in BOOKING
        out[name] = [right, len(data["records"]), medical, unforced]
    return out


def _total(result: dict, sets) -> tuple[int, int, int]:
    cells = [result[s] for s in sets if s in result]
    return sum(c[0] for c in cells), sum(c[1] for c in cells), sum(c[2] for c in cells)


def adoption(mine: dict, base: dict) -> tuple[bool, float, float]:
    """The test stated before the numbers: on the selection sets >= 1 point of total intent accuracy over today's
    blend, no set more than 1 point worse, and no more medical -> booking on any blended set."""
    (right, n, _), (base_right, _, _) = _total(mine, SELECTION), _total(base, SELECTION)
    gain = 100 * (right - base_right) / n
    worst = min(100 * (mine[s][0] - base[s][0]) / mine[s][1] for s in SELECTION)
    safe = all(mine[s][2] <= base[s][2] for s in mine)
    return gain >= 1 and worst >= -1 and safe, gain, worst


# ------------------------------------------------------------------ a learned combiner, fitted chronologically
COMBINER_L2, COMBINER_THRESHOLDS = (0.3, 1.0, 3.0, 10.0), (0.5, 0.6, 0.7)


def combiner_features(consult: dict) -> tuple[list[float], str]:
    """What a logistic regression sees to choose between the rules' intent and the model's likeliest allowed guess:
    leads (over the rules' intent, the allowed runner-up, every other intent), the rules' confidence and its band,
    and the kinds of both intents."""
    allowed = allowed_scores(consult)
    best, guess = allowed[0]
    intent, confidence = consult["intent"], consult["confidence"]
    runner_up = allowed[1][0] if len(allowed) > 1 else best - 60
    over_all = next((s for s, n in consult["scores"] if n != guess), best - 60)
    kinds = [("other",), ("yes", "no"), BOOKING, ("medical_question", "question_other"), ("symptom",)]
    leads = [min(best - logp_of(consult, intent), 60) / 10, min(best - runner_up, 60) / 10,
             max(min(best - over_all, 60), -30) / 10]
    bands = [confidence, float(confidence < 0.65), float(0.65 <= confidence < 0.8)]
    return [1.0] + leads + bands + [float(guess in k) for k in kinds] + [float(intent in k) for k in kinds], guess


def _combiner_rows(stored: dict, sets) -> tuple[list[list[float]], list[float]]:
    """Sentences where keeping the rules' answer and taking the model's guess end differently, one of them right."""
    xs, ys = [], []
    for name in sets:
        for rec in stored[name]["records"]:
            consult = rec["consult"]
            if not consult:
                continue
            feats, guess = combiner_features(consult)
            took, kept = rec["forced"].get(guess) == rec["gold"], rec["forced"][consult["intent"]] == rec["gold"]
            if guess != consult["intent"] and took != kept:
                xs.append(feats)
                ys.append(float(took))
    return xs, ys


def fit_combiner(xs: list[list[float]], ys: list[float], l2: float):
    import numpy as np

    x, y, w = np.array(xs), np.array(ys), np.zeros(len(xs[0]))
    for _ in range(3000):  # plain gradient descent on the L2-regularised log-loss (a dozen features)
        w -= 0.5 * (x.T @ (1 / (1 + np.exp(-x @ w)) - y) + l2 * w) / len(y)
    return w


def chronological_combiner(stored: dict, l2: float, threshold: float) -> dict[str, list[int]]:
    """Each set S judged by a combiner fitted only on the records of the sets written before S (today's decision
    while fewer than 20 rows are known)."""
    out = {}
    for k, name in enumerate(s for s in BLENDED if s in stored):
        xs, ys = _combiner_rows(stored, [s for s in BLENDED[:k] if s in stored])
        w = fit_combiner(xs, ys, l2) if len(ys) >= 20 else None

        def decide(consult: dict, w=w) -> str:
            if w is None:
                return today(consult)
            feats, guess = combiner_features(consult)
            return guess if 1 / (1 + math.exp(-float(feats @ w))) > threshold else consult["intent"]
        out.update(evaluate({name: stored[name]}, decide))
    return out


def ceiling(stored: dict, every: bool) -> dict[str, list[int]]:
    """An oracle's score: the right one of {rules kept, model's guess} (or of every forced answer) where possible."""
    out = {}
    for name, data in stored.items():
        right = 0
        for rec in data["records"]:
            consult, forced = rec["consult"], rec["forced"]
            options = ((rec["final"],) if not consult else forced.values() if every else
                       (forced[consult["intent"]], forced.get(allowed_scores(consult)[0][1])))
            right += rec["gold"] in options
        out[name] = [right, len(data["records"]), 0, 0]
    return out


MISS_KINDS = ("rules sure, model not asked", "rules right, lost in the blend", "model's guess right, rules kept",
              "right answer excluded", "model and rules both wrong")


def misses_by_kind(stored: dict, sets) -> dict[str, int]:
    """Where today's arbitration misses (see ``MISS_KINDS``)."""
    kinds = dict.fromkeys(MISS_KINDS, 0)
    for name in sets:
        for rec in stored[name]["records"]:
            consult = rec["consult"]
            final = rec["forced"][today(consult)] if consult else rec["final"]
            if final == rec["gold"]:
                continue
            if not consult:
                kind = MISS_KINDS[0]
            elif consult["intent"] == rec["gold"]:
                kind = MISS_KINDS[1]
            elif allowed_scores(consult)[0][1] == rec["gold"]:
                kind = MISS_KINDS[2]
            elif rec["gold"] in consult["exclude"]:
                kind = MISS_KINDS[3]
            else:
                kind = MISS_KINDS[4]
            kinds[kind] += 1
    return kinds


def opt_outs_the_model_saw(stored: dict) -> str:
    """How often the model's top intent (over every intent) is opt_out, by whether the gold one is."""
    right = wrong = missed = 0
    for data in stored.values():
        for rec in data["records"]:
            if rec["consult"] and rec["consult"]["scores"][0][1] == "opt_out":
                right += rec["gold"] == "opt_out"
                wrong += rec["gold"] != "opt_out"
                missed += rec["gold"] == "opt_out" and rec["final"] != "opt_out"
    return (f"The model's top intent was opt_out on {right + wrong} sentences: {right} gold opt_out ({missed} of them "
            f"missed by the rules, the model may never choose it), {wrong} not")


def report(stored: dict) -> str:
    chosen = set(CALIBRATION + SELECTION)

    def merit(result: dict) -> tuple[int, int]:
        right, _, medical = _total(result, chosen)
        return right, -medical
    base, recorded = evaluate(stored, today), evaluate(stored, None)
    rows = {"first runs as recorded": recorded, "today's arbitration": base}
    families: dict[str, list[tuple[str, dict]]] = {}
    for label, decide in grid().items():
        if label != "today":
            families.setdefault(label.split()[0], []).append((label, evaluate(stored, decide)))
    for family, tried in families.items():
        label, result = max(tried, key=lambda t: merit(t[1]))
        rows[f"best {family}: {label[len(family) + 1:] or '-'}"] = result
    combiners = [(f"l2 {l2} p>{th}", chronological_combiner(stored, l2, th)) for l2 in COMBINER_L2
                 for th in COMBINER_THRESHOLDS]
    label, result = max(combiners, key=lambda t: merit(t[1]))
    rows[f"learned combiner {label}"] = result
    rows["ceiling: oracle rules|guess"], rows["ceiling: oracle any forced"] = ceiling(stored, False), ceiling(
        stored, True)
    names = [s for s in BLENDED if s in stored]
    lines = ["right / n (m = medical question or emergency taken for book/reschedule), per set and in total",
             f"{'variant':<44}" + "".join(f"{s:>12}" for s in names) + f"{'calibr.':>14}{'selection':>14}{'final':>12}"]
    for label, result in rows.items():
        cells = [f"{result[s][0]}/{result[s][1]} m{result[s][2]}" for s in names]
        groups = [_total(result, sets) for sets in (CALIBRATION, SELECTION, FINAL)]
        lines.append(f"{label:<44}" + "".join(f"{c:>12}" for c in cells) + "".join(
            f"{f'{g[0]}/{g[1]} m{g[2]}':>14}" for g in groups))
    lines += ["", "Adoption test (stated before the numbers): on the selection sets >= 1 point of total intent "
              "accuracy over today's arbitration, no set more than 1 point worse, no more medical -> booking on any "
              "blended set; blind15/blind16 the final check"]
    for label, result in list(rows.items())[2:-2]:
        ok, gain, worst = adoption(result, base)
        final = _total(result, FINAL)[0] - _total(base, FINAL)[0]
        worse = [s for s in names if result[s][2] > base[s][2]]
        lines.append(f"{label:<44} selection {gain:+.2f} points, worst set {worst:+.2f}, more medical->booking on "
                     f"{', '.join(worse) or 'none'}; final sets {final:+d} sentences: {'ADOPT' if ok else 'no'}")
    lines += ["", "Today's misses by kind: " + ", ".join(MISS_KINDS)]
    for label, sets in (("calibration", CALIBRATION), ("selection", SELECTION), ("final", FINAL)):
        lines.append(f"{label:<12} " + " / ".join(str(n) for n in misses_by_kind(stored, sets).values()))
    lines += ["", opt_outs_the_model_saw(stored)]
    lines += ["", "Rules of each run: " + ", ".join(f"{s} {stored[s]['rules']}" for s in names),
              "Sentences where a variant chose an answer that was not forced (counted as that answer): "
              + str(sum(v[3] for r in rows.values() for v in r.values()))]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker", metavar="RULES_DIR", help=argparse.SUPPRESS)
    parser.add_argument("--record", action="store_true", help="(re)record the cache of the sets (--only)")
    parser.add_argument("--only", help="comma-separated sets to record (default: every blended set)")
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.record:
        record([s for s in BLENDED if not args.only or s in args.only.split(",")], args.cache)
        return
    load1, load5, _ = os.getloadavg()
    print(f"# {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores shared with other "
          f"developers, load average {load1:.2f} (1 min) {load5:.2f} (5 min)\n")
    print(report(json.loads(args.cache.read_text())))


if __name__ == "__main__":
    main()
