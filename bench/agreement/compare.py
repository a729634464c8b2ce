"""Agreement between two annotators' labels of the same blind sets (stdlib only).

For each set: intent agreement (count and %), agreement on each slot (date, time, treatment; exact match, None =
None counts as agreement), Cohen's kappa for intent, the confusion pairs (first label -> second label, with counts)
and every intent disagreement listed with its id and text.

Usage: python bench/agreement/compare.py FIRST.jsonl SECOND.jsonl [FIRST.jsonl SECOND.jsonl ...]
The first file of a pair is the first annotator's (the set as committed), the second the second annotator's.
Lines are matched by "id" when both files carry it, else by "text" (the first annotator's sets have no id).
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

SLOTS = ("date", "time", "treatment")


def _read(path: str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _pairs(first: list[dict], second: list[dict]) -> list[tuple[dict, dict]]:
    """Match the lines of the two files: by id where both have ids, else by text (in order for repeated texts)."""
    key = "id" if all("id" in row for row in first + second) else "text"
    pending: dict[str, list[dict]] = collections.defaultdict(list)
    for row in second:
        pending[row[key]].append(row)
    pairs = []
    for row in first:
        if not pending.get(row[key]):
            raise SystemExit(f"no second label for {key}={row[key]!r}")
        pairs.append((row, pending[row[key]].pop(0)))
    left = [k for k, rows in pending.items() if rows]
    if left:
        raise SystemExit(f"second labels with no first label: {left[:5]}")
    return pairs


def cohen_kappa(first: list[str], second: list[str]) -> float:
    """Cohen's kappa of two label lists of equal length."""
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    count_a, count_b = collections.Counter(first), collections.Counter(second)
    expected = sum(count_a[label] * count_b[label] for label in set(count_a) | set(count_b)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def report(name: str, pairs: list[tuple[dict, dict]]) -> str:
    n = len(pairs)
    lines = [f"== {name}: {n} sentences"]
    firsts = [a["intent"] for a, _ in pairs]
    seconds = [b["intent"] for _, b in pairs]
    same = sum(a == b for a, b in zip(firsts, seconds))
    lines.append(f"intent agreement: {same}/{n} = {100 * same / n:.1f} %   Cohen's kappa = {cohen_kappa(firsts, seconds):.3f}")
    for slot in SLOTS:
        agree = sum(a.get(slot) == b.get(slot) for a, b in pairs)
        lines.append(f"{slot:9} agreement: {agree}/{n} = {100 * agree / n:.1f} %")
    both = [(a, b) for a, b in pairs if a["intent"] == b["intent"]]
    all_slots = sum(all(a.get(s) == b.get(s) for s in SLOTS) for a, b in both)
    lines.append(f"intent and all three slots agree: {all_slots}/{n} = {100 * all_slots / n:.1f} %")
    confusion = collections.Counter((a, b) for a, b in zip(firsts, seconds) if a != b)
    lines.append("confusion pairs (first -> second: count):")
    lines += [f"  {a} -> {b}: {count}" for (a, b), count in confusion.most_common()]
    lines.append("intent disagreements (id | first | second | text):")
    for a, b in pairs:
        if a["intent"] != b["intent"]:
            lines.append(f"  {b.get('id', '?')} | {a['intent']} | {b['intent']} | {a['text']}")
    lines.append("slot disagreements (id | slot | first | second | text):")
    for a, b in pairs:
        for slot in SLOTS:
            if a.get(slot) != b.get(slot):
                lines.append(f"  {b.get('id', '?')} | {slot} | {a.get(slot)} | {b.get(slot)} | {a['text']}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv or len(argv) % 2:
        print(__doc__)
        return 2
    all_pairs: list[tuple[dict, dict]] = []
    for first_path, second_path in zip(argv[::2], argv[1::2]):
        pairs = _pairs(_read(first_path), _read(second_path))
        all_pairs += pairs
        print(report(Path(first_path).stem, pairs), end="\n\n")
    if len(argv) > 2:
        print(report("all sets together", all_pairs).split("\nintent disagreements")[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
