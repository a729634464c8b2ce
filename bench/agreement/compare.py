"""Inter-annotator agreement between the first labels of a blind set and a second annotator's labels.

Usage: python bench/agreement/compare.py SET[@COMMIT] [SET[@COMMIT] ...]
where SET is a set name such as ``blind26``: the first labels are read from ``tests/data/nlu/SET.jsonl`` (as it is
in the work tree, or as it was at COMMIT, e.g. the commit that added the set before its first run), the second
from ``bench/agreement/SET_second.jsonl``. Lines are paired by position; each pair must have the
same text and ``now`` (the script stops with an error otherwise). Prints, per set and for all sets together,
intent agreement, slot agreement (date, time, treatment; exact match, None equals None), Cohen's kappa for the
intent and the confusion pairs (first label -> second label). Standard library only.
"""
from __future__ import annotations

import collections
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SLOTS = ("date", "time", "treatment")


def parse_jsonl(text: str) -> list[dict]:
    """Return the non-empty lines of JSON-lines text as dicts."""
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def first_labels(name: str, commit: str | None) -> list[dict]:
    """The first annotator's labels of set `name`: the work tree's file, or the file as it was at `commit`."""
    relative = f"tests/data/nlu/{name}.jsonl"
    if commit is None:
        return parse_jsonl((ROOT / relative).read_text(encoding="utf-8"))
    shown = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:{relative}"],
                           capture_output=True, text=True, check=False)
    if shown.returncode != 0:
        raise SystemExit(f"cannot read {relative} at {commit}: {shown.stderr.strip()}")
    return parse_jsonl(shown.stdout)


def paired(spec: str) -> list[tuple[str, dict, dict]]:
    """Return (id, first, second) for every sentence of set `spec` (NAME or NAME@COMMIT), checking both files
    describe the same lines."""
    name, _, commit = spec.partition("@")
    first = first_labels(name, commit or None)
    second = parse_jsonl((ROOT / "bench" / "agreement" / f"{name}_second.jsonl").read_text(encoding="utf-8"))
    if len(first) != len(second):
        raise SystemExit(f"{name}: {len(first)} first labels but {len(second)} second labels")
    pairs = []
    for number, (one, two) in enumerate(zip(first, second), start=1):
        if (one["text"], one["now"]) != (two["text"], two["now"]):
            raise SystemExit(f"{name} line {number}: the two files disagree on the sentence")
        pairs.append((two.get("id", f"{name}:{number}"), one, two))
    return pairs


def cohen_kappa(first: list[str], second: list[str]) -> float:
    """Cohen's kappa of two label sequences of equal length."""
    total = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / total
    count_first = collections.Counter(first)
    count_second = collections.Counter(second)
    expected = sum(count_first[label] * count_second[label] for label in count_first) / (total * total)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def report(title: str, pairs: list[tuple[str, dict, dict]]) -> list[str]:
    """Return the report lines for a list of pairs."""
    total = len(pairs)
    first = [one["intent"] for _, one, _ in pairs]
    second = [two["intent"] for _, _, two in pairs]
    same = sum(a == b for a, b in zip(first, second))
    lines = [f"== {title}: {total} sentences",
             f"intent agreement: {same}/{total} = {100 * same / total:.1f} %",
             f"Cohen's kappa (intent): {cohen_kappa(first, second):.3f}"]
    for slot in SLOTS:
        agree = sum(one[slot] == two[slot] for _, one, two in pairs)
        lines.append(f"{slot} agreement: {agree}/{total} = {100 * agree / total:.1f} %")
    both_same = [(one, two) for _, one, two in pairs if one["intent"] == two["intent"]]
    if both_same:
        all_slots = sum(all(one[s] == two[s] for s in SLOTS) for one, two in both_same)
        lines.append(f"all three slots equal where the intent agrees: {all_slots}/{len(both_same)}")
    confusion = collections.Counter((a, b) for a, b in zip(first, second) if a != b)
    lines.append("confusion pairs (first -> second: count):")
    lines += [f"  {a} -> {b}: {n}" for (a, b), n in confusion.most_common()]
    return lines


def disagreements(pairs: list[tuple[str, dict, dict]]) -> list[str]:
    """Return one line per intent or slot disagreement, for adjudication."""
    lines = []
    for ident, one, two in pairs:
        diff = [key for key in ("intent",) + SLOTS if one[key] != two[key]]
        if diff:
            shown = ", ".join(f"{key} {one[key]} / {two[key]}" for key in diff)
            lines.append(f"  {ident} [{two.get('expect')}] {one['text']}  ::  {shown}")
    return lines


def main(names: list[str]) -> None:
    """Print the agreement report of the named sets, then every disagreement."""
    everything = []
    for name in names:
        pairs = paired(name)
        everything += pairs
        print("\n".join(report(name, pairs)), end="\n\n")
    if len(names) > 1:
        print("\n".join(report(" + ".join(names), everything)), end="\n\n")
    print("== disagreements (first / second)")
    print("\n".join(disagreements(everything)))


if __name__ == "__main__":
    main(sys.argv[1:] or ["blind26", "blind27"])
