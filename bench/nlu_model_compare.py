"""Which intent classifier generalises best: simulated first runs of every labelled set, in the order written.

For each set S (from dev5 on, in the order of the provenance in bench/nlu_provenance.py) every candidate of
``nlu_model_candidates`` is trained ONLY on the sets written before S (train, stress, blind2-5 predate dev5;
heldout never) and scored on S:

(a) the classifier alone: intent accuracy, and medical questions/emergencies taken for book/reschedule;
(b) the full ``understand()`` with the candidate in the blend, over the rules AS THEY WERE before S was committed
    (``git archive`` of the parent of the commit that added S, run in a child process whose
    ``appliance.language.statistical.default_model`` is replaced by the candidate: the same hook the blend has
    always called). The rules had no model hook before blind7, so (b) starts there. A set not yet in this
    branch's history (``--set NAME=FILE``) is run over today's rules, which is its true first run.

The blend's thresholds are naive Bayes log-probability leads; each other candidate's scores are multiplied by a
``scale`` chosen on the (b) runs of blind7 ... blind10 (CALIBRATION) and then kept for the later sets (SELECTION:
blind11 ... blind14), whose total decides; the newest set is the final check.

    python bench/nlu_model_compare.py [--set blind15=PATH] > bench/nlu_model_compare.txt

The harness is checked by naive Bayes itself: its (b) numbers for blind11 ... blind15 are the first runs recorded in
the provenance (191/194, 210/219 with blind12's corrected label, 63/66, 66/69, 212/217, 209/220; blind15 219/255
with the labels of its first run, 218/255 with its corrected ones).
Result (bench/nlu_model_compare.txt): no candidate beats naive Bayes clearly. On the selection sets the softmax, the
softmax with 5-grams and the product of both are within 1-2 sentences of it (of 985) and send more medical questions
to booking on the earlier sets; the perceptron and complement naive Bayes are worse. The model stays naive Bayes.
blind16 (its corrected labels, the rules as before its commit): naive Bayes 235/246 (its recorded first run), softmax
x20 and naive Bayes x softmax x8 239/246, none sending a medical question to booking; the adoption test (the
selection sets) is unchanged: none. The arbitration between rules and model is measured by bench/nlu_arbiter.py.
Sentence-embedding candidates (bench/nlu_embedding_candidates.py, ``--candidates bayes*e5,...``; results in
bench/nlu_embeddings.txt): none passes the adoption test either; naive Bayes x an e5 softmax is +1.0 point on the
25 sets written after the selection and +1.5 on the blind ones among them (half of it the product of experts).
``--alone`` runs part (a) only; ``--json`` saves a run and ``--tables A.json B.json ...`` prints several together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "nlu"
ORDER = ("train", "stress", "blind2", "blind3", "blind4", "blind5", "dev5", "dev6", "dev7", "blind6", "blind7",
         "blind8", "dev8", "dev9", "blind9", "blind10", "blind11", "blind12", "dev10", "dev11", "blind13", "blind14",
         "blind15", "blind16", "blind17", "blind18", "dev12", "dev13", "blind19", "dev14", "dev15", "blind20",
         "blind21", "blind22", "dev16", "dev17", "dev18", "dev19", "blind23", "dev20", "dev21", "blind24", "blind25",
         "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35",
         "blind36", "blind37", "blind38", "blind39", "blind40", "blind41", "blind42", "blind43",
         "blind44", "blind46", "blind45", "blind47", "blind48", "blind49", "blind50", "blind51", "blind52",
         "blind53", "blind54", "blind55", "blind56", "blind57",
         "blind58", "blind59", "blind60", "blind61", "blind62", "blind63", "blind64", "blind65", "blind66",
         "blind67", "blind68", "blind69", "blind70", "blind71", "blind72", "blind73", "blind74",
         "blind75", "blind76", "blind77", "blind79", "blind80", "blind78", "blind81", "blind82", "blind83",
         "blind86", "blind87", "blind88", "blind89", "blind90", "blind91", "blind92", "blind93",
         "blind94", "blind95", "blind96", "blind97")
SCORED = ORDER[ORDER.index("dev5"):]
BLENDED = ORDER[ORDER.index("blind7"):]
CALIBRATION = ("blind7", "blind8", "dev8", "dev9", "blind9", "blind10")
SELECTION = ("blind11", "blind12", "dev10", "dev11", "blind13", "blind14")
SOFTMAX_SCALES = (3.0, 5.0, 8.0, 12.0, 20.0, 40.0)
SCALES = {"naive_bayes": (1.0,), "softmax": SOFTMAX_SCALES, "softmax+": SOFTMAX_SCALES,
          "perceptron": (2.0, 5.0, 10.0, 20.0), "complement_nb": (1.0, 2.0, 4.0, 8.0),
          "bayes*softmax": (2.0, 3.0, 5.0, 8.0, 12.0)}
EMBEDDING_SCALES = {f"{kind}{encoder}": scales for encoder in ("e5", "use", "static") for kind, scales in (
    ("", ()), ("_softmax", SOFTMAX_SCALES), ("_knn", (2.0, 4.0, 8.0, 16.0)), ("ngram+", SOFTMAX_SCALES),
    ("bayes*", (2.0, 3.0, 5.0, 8.0, 12.0))) if scales}
MEDICAL, BOOKING = ("medical_question", "emergency"), ("book", "reschedule")


def load(name: str, files: dict[str, Path]) -> list[dict]:
    path = files.get(name, DATA / f"{name}.jsonl")
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rows_before(name: str, files: dict[str, Path]) -> list[tuple[str, str | None, str]]:
    """The training rows of the sets written before ``name`` (as ``statistical.examples_from_sets`` makes them)."""
    rows, seen = [], set()
    for earlier in ORDER[: ORDER.index(name)]:
        for row in load(earlier, files):
            key = (" ".join(row["text"].split()), row.get("expect"), row["intent"])
            if key not in seen:
                seen.add(key)
                rows.append(key)
    return rows


def rules_snapshot(name: str, into: Path) -> tuple[Path, str]:
    """The ``appliance`` package as it was before ``name`` was committed (today's when it is not committed), and
    the commit it comes from."""
    found = subprocess.run(["git", "-C", str(ROOT), "log", "--diff-filter=A", "--format=%H", "--",
                            f"tests/data/nlu/{name}.jsonl"], capture_output=True, text=True, check=True).stdout.split()
    if not found:
        return ROOT, "this checkout"
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", found[-1] + "^", "appliance"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into, found[-1][:7] + "^"


def worker(rules: str) -> None:
    """Child process: train the candidates, score the set alone (a) and through ``understand`` (b)."""
    sys.path.insert(0, rules)
    from appliance.language import statistical as rules_statistical
    from appliance.language import understand

    import nlu_embedding_candidates
    import nlu_model_candidates as candidates

    factories = {**candidates.CANDIDATES, **nlu_embedding_candidates.CANDIDATES}
    job = json.load(sys.stdin)
    train = [tuple(row) for row in job["train"]]
    out: dict = {}
    if job["scales"]:
        right = sum(understand(row["text"], dt.datetime.fromisoformat(row["now"]), expect=row.get("expect"),
                               statistical=False).intent == row["intent"] for row in job["test"])
        out["rules_alone"] = [right, len(job["test"])]
    for name in job["candidates"]:
        started = time.perf_counter()
        model = factories[name](train)
        trained = time.perf_counter() - started
        result = {"alone": candidates.accuracy(model, job["test"]), "train_s": trained, "blend": {}}
        for scale in job["scales"].get(name, ()):
            model.scale = scale
            rules_statistical.default_model = lambda model=model: model
            right = medical = 0
            for row in job["test"]:
                got = understand(row["text"], dt.datetime.fromisoformat(row["now"]), expect=row.get("expect")).intent
                right += got == row["intent"]
                medical += row["intent"] in MEDICAL and got in BOOKING
            result["blend"][str(scale)] = [right, len(job["test"]), medical]
        out[name] = result
    json.dump(out, sys.stdout)


def run_set(name: str, files: dict[str, Path], names: list[str], blended: bool) -> dict:
    test = load(name, files)
    job = {"train": rows_before(name, files), "test": test, "candidates": names,
           "scales": {n: {**SCALES, **EMBEDDING_SCALES}[n] for n in names} if blended else {}}
    with tempfile.TemporaryDirectory() as tmp:
        rules, commit = rules_snapshot(name, Path(tmp)) if blended else (ROOT, "")
        env = dict(os.environ, PYTHONPATH=str(rules))
        done = subprocess.run([sys.executable, __file__, "--worker", str(rules)], input=json.dumps(job), env=env,
                              capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{name}: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout), rules=commit)


def _cell(right: int, n: int, medical: int) -> str:
    return f"{right:>4} {100 * right / n:5.1f}% m{medical}"


def _sum(results: dict, sets: tuple[str, ...] | list[str], pick) -> tuple[int, int, int]:
    cells = [pick(results[s]) for s in sets if s in results]
    return sum(c[0] for c in cells), sum(c[1] for c in cells), sum(c[2] for c in cells)


def _calibrated(results: dict, name: str, scales: list[str]) -> str:
    """The scale with the most right on the calibration sets (fewest medical to booking, then the smaller, on a tie)."""
    def merit(scale: str) -> tuple[int, int, float]:
        right, _, medical = _sum(results, CALIBRATION, lambda r: r[name]["blend"][scale])
        return right, -medical, -float(scale)
    return max(scales, key=merit)


def _groups(results: dict) -> list[tuple[str, list[str]]]:
    scored = [s for s in SCORED if s in results]
    newest = [s for s in scored if s in BLENDED and s not in CALIBRATION + SELECTION]
    return ([("dev5..blind14", [s for s in scored if s not in newest]), ("calibration", list(CALIBRATION)),
             ("selection", list(SELECTION))] + [(s, [s]) for s in newest]
            + [("all (b) sets", [s for s in scored if s in BLENDED])])


def alone_table(results: dict, names: list[str], each_set: bool = True) -> list[str]:
    """Part (a): every set (or only the groups) and the groups of sets, each candidate alone."""
    scored = [s for s in SCORED if s in results]
    lines = ["(a) the classifier alone: right, accuracy, m = medical question/emergency taken for book/reschedule",
             f"{'set':<14}{'n':>5}  " + "".join(f"{n:<20}" for n in names)]
    for label, sets in [(s, [s]) for s in scored if each_set] + _groups(results):
        if not any(s in results for s in sets):
            continue
        total = _sum(results, sets, lambda r: r[names[0]]["alone"])[1]
        cells = [_cell(*_sum(results, sets, lambda r, n=n: r[n]["alone"])) for n in names]
        lines.append(f"{label:<14}{total:>5}  " + "".join(f"{c:<20}" for c in cells))
    return lines


def report(results: dict, names: list[str]) -> str:
    """The tables of bench/nlu_model_compare.txt (see the module docstring)."""
    scored = [s for s in SCORED if s in results]
    blended = [s for s in scored if s in BLENDED]
    newest = [s for s in blended if s not in CALIBRATION + SELECTION]
    groups = _groups(results)
    lines = alone_table(results, names)[:-1]
    chosen = {n: _calibrated(results, n, list(results[blended[0]][n]["blend"])) for n in names}
    lines += ["", "(b) understand() over the rules as they were before each set, the candidate in the blend at the "
              "scale chosen on the calibration sets", f"{'set':<14}{'n':>5}  {'rules alone':<14}"
              + "".join(f"{n + ' x' + chosen[n]:<20}" for n in names)]
    for label, sets in [(s, [s]) for s in blended] + groups[1:]:
        sets = [s for s in sets if s in results]  # a run of some sets only (--only)
        if not sets:
            continue
        right = sum(results[s]["rules_alone"][0] for s in sets)
        total = sum(results[s]["rules_alone"][1] for s in sets)
        cells = [_cell(*_sum(results, sets, lambda r, n=n: r[n]["blend"][chosen[n]])) for n in names]
        lines.append(f"{label:<14}{total:>5}  {right:>4} {100 * right / total:5.1f}%   "
                     + "".join(f"{c:<20}" for c in cells))
    lines += ["", "(b) every scale tried: right (m) on calibration / selection / " + " / ".join(newest)]
    for n in names:
        parts = []
        for k in results[blended[0]][n]["blend"]:
            totals = [_sum(results, sets, lambda r, k=k, n=n: r[n]["blend"][k]) for _, sets in groups[1:-1]]
            parts.append(f"x{k}: " + " / ".join(f"{t[0]} (m{t[2]})" for t in totals))
        lines.append(f"{n:<14}" + "; ".join(parts))
    lines += ["", "Adoption test on the selection sets ((b), chosen scale; vs naive_bayes): >= 1 point on the total, "
              "no set more than 1 point worse, no more medical to booking (counted on all (b) sets)"]
    base = "naive_bayes"
    for n in names:
        if n == base or not all(s in results for s in SELECTION):
            continue
        mine, theirs = (_sum(results, SELECTION, lambda r, m=m: r[m]["blend"][chosen[m]]) for m in (n, base))
        medical = [_sum(results, blended, lambda r, m=m: r[m]["blend"][chosen[m]])[2] for m in (n, base)]
        gain = 100 * (mine[0] - theirs[0]) / mine[1]
        worst = min(100 * (results[s][n]["blend"][chosen[n]][0] - results[s][base]["blend"][chosen[base]][0])
                    / results[s][base]["blend"][chosen[base]][1] for s in SELECTION)
        ok = gain >= 1 and worst >= -1 and medical[0] <= medical[1]
        lines.append(f"{n:<14} total {gain:+.1f} points, worst set {worst:+.1f}, medical to booking {medical[0]} vs "
                     f"{medical[1]}: {'ADOPT' if ok else 'no'}")
    lines += ["", "Rules of each (b) run: " + ", ".join(f"{s} {results[s]['rules']}" for s in blended)]
    lines += ["Training time (s) on the largest training set: "
              + ", ".join(f"{n} {results[scored[-1]][n]['train_s']:.2f}" for n in names)]
    return "\n".join(lines)


def saved_tables(saved: list[dict]) -> str:
    """(a) for every candidate of several --json runs (merged set by set), (a) and (b) for those run in the blend."""
    results: dict = {}
    for run in saved:
        for name, result in run.items():
            results.setdefault(name, {}).update(result)
    names = list(dict.fromkeys(n for r in results.values() for n, v in r.items() if isinstance(v, dict)))
    blended = [n for n in names if any(results[s].get(n, {}).get("blend") for s in results)]
    return "\n".join(alone_table(results, names)) + "\n\n" + (report(results, blended) if blended else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker", metavar="RULES_DIR", help=argparse.SUPPRESS)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=FILE", help="a set not in tests/data/nlu")
    parser.add_argument("--candidates", default=",".join(SCALES))
    parser.add_argument("--only", help="comma-separated sets to run (default: all)")
    parser.add_argument("--json", action="store_true", help="print the raw results instead of the tables")
    parser.add_argument("--alone", action="store_true", help="only part (a), the classifier alone (cheap)")
    parser.add_argument("--tables", nargs="+", metavar="JSON",
                        help="the tables of results saved with --json (the run with (b) last)")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.tables:
        print(saved_tables([json.loads(Path(path).read_text()) for path in args.tables]))
        return
    files = {n: Path(p) for n, p in (s.split("=", 1) for s in args.set)}
    names = args.candidates.split(",")
    sets = [s for s in SCORED if load(s, files) and (not args.only or s in args.only.split(","))]
    results = {}
    for s in sets:
        results[s] = run_set(s, files, names, s in BLENDED and not args.alone)
        print(f"# {s} done", file=sys.stderr, flush=True)
    load1, load5, _ = os.getloadavg()
    if args.json:
        print(json.dumps(results, indent=1))
        return
    tables = "\n".join(alone_table(results, names)) if args.alone else report(results, names)
    print(f"# {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores shared with other "
          f"developers, load average {load1:.2f} (1 min) {load5:.2f} (5 min) at the end; sets given with --set "
          f"(not yet in this branch, so over today's rules): {', '.join(files) or 'none'}\n\n{tables}")


if __name__ == "__main__":
    main()
