#!/usr/bin/env python3
"""Does the LLM fallback still help the rule-based NLU? → bench/llm_nlu_results.txt.

For one model (a pinned test GGUF of models/manifest.toml, section LLM) and each labelled NLU set
(tests/data/nlu/*.jsonl):
  without    intent accuracy of ``understand()`` (rules and statistical model) without the LLM
  + LLM      intent accuracy with the classifier as ``fallback`` (asked only when the rules say "other" with low
             confidence, exactly as in a call), how often it was asked, and how often its answer was right
  alone      the classifier alone (every intent allowed) on the rows whose gold intent is one of --alone
             (default: the intents added for issue 15), to see that it can choose them at all

    python bench/llm_nlu.py [--model qwen2.5-coder-1.5b-test] [--sets blind5,dev5] [--threads 1] [--out FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from appliance import settings  # noqa: E402
from appliance.language import understand  # noqa: E402
from appliance.llm import FALLBACK_ALLOWED, INTENTS, IntentClassifier  # noqa: E402
from appliance.llm import models as llm_models  # noqa: E402

DATA = ROOT / "tests" / "data" / "nlu"


def load(name: str) -> list[dict]:
    lines = (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def run_set(clf: IntentClassifier, name: str, out) -> None:
    rows = load(name)
    rules_ok = with_ok = asked = asked_right = 0
    changed: list[str] = []
    for row in rows:
        now = dt.datetime.fromisoformat(row["now"])
        plain = understand(row["text"], now, expect=row.get("expect"))
        calls: list[str] = []

        def fallback(text: str, calls: list[str] = calls) -> str | None:
            calls.append(text)
            return clf.classify(text, FALLBACK_ALLOWED, timeout_s=60)

        helped = understand(row["text"], now, expect=row.get("expect"), fallback=fallback)
        rules_ok += plain.intent == row["intent"]
        with_ok += helped.intent == row["intent"]
        if calls:
            asked += 1
            asked_right += helped.intent == row["intent"]
            changed.append(f"  {row['intent']:<20} rules {plain.intent:<16} +LLM {helped.intent:<16} {row['text']}")
    n = len(rows)
    print(f"\n## {name} ({n} utterances)", file=out)
    print(f"without the LLM  {rules_ok}/{n} = {rules_ok / n:.1%}", file=out)
    print(f"with the LLM     {with_ok}/{n} = {with_ok / n:.1%}  (LLM asked {asked}×, right {asked_right}×)", file=out)
    if changed:
        print("rows where the LLM was asked (gold, rules, with LLM, text):", file=out)
        print("\n".join(changed), file=out)
    out.flush()


def run_alone(clf: IntentClassifier, names: list[str], labels: set[str], out) -> None:
    rows = [row for name in names for row in load(name) if row["intent"] in labels]
    got = Counter()
    right = 0
    for row in rows:
        label = clf.classify(row["text"], INTENTS, timeout_s=60)
        got[(row["intent"], label)] += 1
        right += label == row["intent"]
    print(f"\n## the classifier alone on {sorted(labels)} ({len(rows)} rows of {', '.join(names)}), "
          "all intents allowed", file=out)
    if rows:
        print(f"right {right}/{len(rows)} = {right / len(rows):.0%}", file=out)
        for (want, label), count in sorted(got.items(), key=lambda kv: -kv[1]):
            print(f"  {want:<18} → {label}: {count}", file=out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=llm_models.QWEN_15B)
    ap.add_argument("--sets", default="blind5,dev5")
    ap.add_argument("--alone", default="medical_question,question_other")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", default=str(HERE / "llm_nlu_results.txt"))
    args = ap.parse_args()

    env = {k: v for k, v in os.environ.items() if k == "DENTALCALL_CACHE_DIR"}
    base = settings.load(env=env)
    root = os.environ.get("DENTALCALL_TEST_MODELS_ROOT") or str(Path(base.cache_dir) / "test-models")
    home = tempfile.mkdtemp(prefix="llm-nlu-")
    config = settings.load(overrides={"home": home, "models_root": root, "llm_threads": args.threads}, env=env)
    llm_models.install_test_model(config, args.model)
    names = [name for name in args.sets.split(",") if name]
    started = time.monotonic()
    with open(args.out, "w", encoding="utf-8") as out, IntentClassifier(config, model=args.model) as clf:
        if not clf.wait_ready(600):
            print(f"model {args.model} did not start: {clf.unavailable}", file=sys.stderr)
            return 1
        print("# LLM fallback inside the NLU (bench/llm_nlu.py)", file=out)
        print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; model {args.model}, {args.threads} thread(s); "
              f"{os.cpu_count()} cores, load average at start {os.getloadavg()[0]:.1f} (shared machine)", file=out)
        for name in names:
            run_set(clf, name, out)
        run_alone(clf, names, {label for label in args.alone.split(",") if label}, out)
        print(f"\n# wall time {time.monotonic() - started:.0f} s", file=out)
    print(Path(args.out).read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
