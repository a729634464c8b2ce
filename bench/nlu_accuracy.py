"""NLU accuracy on the labelled sets: intent accuracy, per-slot exact match, per-intent confusion, ms/utterance.

    python bench/nlu_accuracy.py                      # train, held-out, stress tables (bench/nlu_accuracy.txt)
    python bench/nlu_accuracy.py --failures heldout   # list the misses of one set
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from appliance.language import INTENTS, understand  # noqa: E402
from nlu_provenance import PROVENANCE  # noqa: E402  (bench/, beside this script)

DATA = ROOT / "tests" / "data" / "nlu"
SLOTS = ("date", "time", "treatment")
MEDICAL = ("medical_question", "emergency")  # must never be routed to a booking
BOOKING = ("book", "reschedule")


def load(name: str) -> list[dict]:
    path = DATA / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(rows: list[dict], statistical: bool = True) -> dict:
    intent_ok = 0
    slot_ok: collections.Counter[str] = collections.Counter()
    all_slots_ok = 0
    confusion: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    failures = []
    started = time.perf_counter()
    for row in rows:
        got = understand(row["text"], dt.datetime.fromisoformat(row["now"]), expect=row.get("expect"),
                         statistical=statistical)
        d = got.to_dict()
        confusion[row["intent"]][got.intent] += 1
        ok = got.intent == row["intent"]
        intent_ok += ok
        bad = [] if ok else [f"intent {got.intent}≠{row['intent']}"]
        slots_right = True
        for slot in SLOTS:
            if d[slot] == row.get(slot):
                slot_ok[slot] += 1
            else:
                slots_right = False
                bad.append(f"{slot} {d[slot]}≠{row.get(slot)}")
        all_slots_ok += slots_right
        if bad:
            failures.append((row, bad))
    elapsed = time.perf_counter() - started
    n = len(rows)
    medical_to_booking = sum(confusion[gold][got] for gold in MEDICAL for got in BOOKING)
    return {
        "n": n,
        "intent": intent_ok / n,
        "slots": {s: slot_ok[s] / n for s in SLOTS},
        "all_slots": all_slots_ok / n,
        "confusion": confusion,
        "failures": failures,
        "ms": 1000 * elapsed / n,
        "medical_to_booking": medical_to_booking,
    }


def table(name: str, res: dict) -> str:
    lines = [f"== {name} ({res['n']} utterances)"]
    lines.append(f"intent accuracy   {res['intent']:.1%}   (rules alone {res['rules_only']:.1%})")
    for slot, acc in res["slots"].items():
        lines.append(f"{slot:<17} {acc:.1%}")
    lines.append(f"all three slots   {res['all_slots']:.1%}")
    lines.append(f"ms per utterance  {res['ms']:.2f}")
    lines.append("")
    lines.append(f"medical -> booking {res['medical_to_booking']}")
    lines.append("")
    lines.append(f"{'gold intent':<20} {'n':>4} {'ok':>6}  mistaken for")
    gold_only = [i for i in res["confusion"] if i not in INTENTS]  # labels the rules do not know (yet)
    for intent in (*INTENTS, *gold_only):
        row = res["confusion"].get(intent)
        if not row:
            continue
        total = sum(row.values())
        wrong = ", ".join(f"{k}×{v}" for k, v in row.most_common() if k != intent)
        lines.append(f"{intent:<20} {total:>4} {row[intent] / total:>6.0%}  {wrong}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--failures", metavar="SET", help="print the misses of one set")
    parser.add_argument("--rules-only", action="store_true", help="without the statistical model")
    args = parser.parse_args()
    if args.failures:
        for row, bad in evaluate(load(args.failures), statistical=not args.rules_only)["failures"]:
            print(f"{row['text']!r} now={row['now']} expect={row.get('expect')}: {'; '.join(bad)}")
        return
    out = []
    out.append(PROVENANCE.strip())
    for name in ("heldout", "train", "stress", "blind2", "blind3", "blind4", "blind5", "dev5", "dev6", "dev7",
                 "blind6", "blind7", "blind8", "dev8", "dev9", "blind9", "blind10", "blind11", "blind12", "dev10",
                 "dev11", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20",
                 "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29",
                 "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37",
                 "blind38", "blind39", "blind40", "blind41", "blind42", "blind43", "blind44", "blind46", "blind45",
                 "blind47", "blind48", "blind49", "blind50", "blind51", "blind52", "blind53", "blind54", "blind55",
                 "blind56", "blind57", "blind58", "blind59", "blind60", "blind61", "blind62", "blind63", "blind64",
                 "blind65", "blind66", "blind67", "blind68", "blind69", "blind70", "blind71", "blind72", "blind73",
                 "blind74", "blind75", "blind76", "blind77", "blind79", "blind80", "blind78", "blind81", "blind82",
                 "blind83", "blind86", "blind87", "blind88", "blind89", "blind90", "blind91", "blind92", "blind93",
                 "blind94", "blind95", "blind96", "blind97",
                 "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21"):
        if (DATA / f"{name}.jsonl").exists():
            res = evaluate(load(name))
            res["rules_only"] = evaluate(load(name), statistical=False)["intent"]
            out.append(table(name, res))
    print("\n\n".join(out))


if __name__ == "__main__":
    main()
