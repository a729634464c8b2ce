#!/usr/bin/env python3
"""LLM intent fallback bench → bench/llm_results.txt.

Per model (the pinned test GGUFs of models/manifest.toml, section LLM) and thread count:
  load      spawn → model loaded → fixed prompt evaluated (worker ready)
  cold      first request on a worker without warm-up (whole fixed prompt evaluated)
  warm      every later request (fixed prompt reused; only the sentence and the label are computed)
  accuracy  on bench/llm_intents.tsv (held out from the prompt's examples), every intent allowed

    python bench/llm_bench.py [--models gemma3-270m,qwen2.5-coder-0.5b-test] [--threads 1,2] [--out FILE]

Models are installed on first use into DENTALCALL_TEST_MODELS_ROOT (default cache_dir/test-models).
Numbers depend on what else runs on the machine: the header records the load average.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from appliance import settings  # noqa: E402
from appliance.llm import INTENTS, LlmWorker, Request  # noqa: E402
from appliance.llm import intent as intent_mod  # noqa: E402
from appliance.llm import models as llm_models  # noqa: E402


def load_set(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, label = line.split("\t")
            rows.append((text.strip(), label.strip()))
    return rows


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def bench_model(config, name: str, threads: int, rows, out) -> None:
    path = llm_models.install_test_model(config, name)
    system = intent_mod.system_prompt()

    def req(text: str) -> Request:
        return intent_mod.request_for(text, INTENTS, system)

    # 1) cold vs warm: a worker without warm-up, so its first request evaluates the whole fixed prompt
    t0 = time.monotonic()
    with LlmWorker(str(path), n_threads=threads, name="bench-cold") as worker:
        worker.start(wait=True, timeout_s=600)
        load_s = time.monotonic() - t0
        cold = worker.request(req(rows[0][0]), 600)
        warm1 = worker.request(req(rows[1][0]), 600)
        style = worker.style

    # 2) the classifier's path (warm-up at start), over the labelled set
    t0 = time.monotonic()
    state_dir = tempfile.mkdtemp(prefix="llm-bench-state-")  # fresh: the first start evaluates and saves
    with LlmWorker(str(path), n_threads=threads, warmup=[req("안녕하세요")], name="bench",
                   state_dir=state_dir) as worker:
        worker.start(wait=True, timeout_s=600)
        ready_s = time.monotonic() - t0
        lat, comp, reused, total = [], [], [], []
        confusion: Counter = Counter()
        correct = 0
        misses = []
        for text, want in rows:
            reply = worker.request(req(text), 60)
            got = intent_mod._FROM_ALIAS.get(reply.text.strip(), reply.text) if reply else None
            if reply:
                lat.append(reply.total_s)
                comp.append(reply.compute_s)
                reused.append(reply.reused_tokens)
                total.append(reply.prompt_tokens)
            correct += got == want
            if got != want:
                misses.append((want, got, text))
            confusion[(want, got == want)] += 1
        # stats of the timeout path: time from a too-short request to a usable worker again
        t_to = time.monotonic()
        none = worker.request(req("예약 변경할게요"), 0.005)
        none_s = time.monotonic() - t_to  # how long the caller waited for its None
        back_s = None
        if none is None and worker.start(wait=True, timeout_s=600):
            back_s = time.monotonic() - t_to
        restart_state = worker.prefix_state

    acc = correct / len(rows)
    emerg = [t for w, g, t in misses if w == "emergency"]
    print(f"\n## {name}  ({path.name}, {path.stat().st_size / 1e6:.0f} MB, prompt style {style}), n_threads={threads}",
          file=out)
    print(f"fixed prompt: {cold.prompt_tokens - 0 if cold else '?'} tokens incl. first sentence", file=out)
    print(f"load (spawn → model loaded, no warm-up)       {load_s:6.2f} s", file=out)
    print(f"ready (spawn → loaded + fixed prompt evaluated) {ready_s:6.2f} s", file=out)
    if cold and warm1:
        print(f"cold request (whole prompt evaluated)        {cold.compute_s:6.3f} s  "
              f"({cold.prompt_tokens} prompt tokens, {cold.reused_tokens} reused)", file=out)
        print(f"warm request (prefix reused)                 {warm1.compute_s:6.3f} s  "
              f"({warm1.prompt_tokens} prompt tokens, {warm1.reused_tokens} reused) → "
              f"{cold.compute_s / max(warm1.compute_s, 1e-6):.1f}× faster", file=out)
    if lat:
        print(f"warm latency over {len(lat)} requests: p50 {statistics.median(lat):.3f} s, p95 {pct(lat, 0.95):.3f} s, "
              f"max {max(lat):.3f} s (compute p50 {statistics.median(comp):.3f} s; reused "
              f"{statistics.mean(reused):.0f}/{statistics.mean(total):.0f} prompt tokens on average)", file=out)
    print(f"accuracy ({len(INTENTS)} intents allowed): {correct}/{len(rows)} = {acc:.0%}", file=out)
    print(f"emergencies missed: {len(emerg)}/{sum(1 for _, w in rows if w == 'emergency')}", file=out)
    if back_s is not None:
        print(f"timeout path: 5 ms limit → None after {1000 * none_s:.0f} ms, killed, respawned and ready again "
              f"in {back_s:.2f} s (fixed-prompt state from disk: {restart_state})", file=out)
    if misses:
        answered = Counter(g for _, g, _ in misses)
        print(f"wrong answers by label: {dict(answered.most_common())}", file=out)
        print("misses (want → got: utterance):", file=out)
        for want, got, text in misses[:30]:
            print(f"  {want} → {got}: {text}", file=out)
        if len(misses) > 30:
            print(f"  … and {len(misses) - 30} more", file=out)
    out.flush()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", default=",".join(llm_models.TEST_MODELS))
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--set", default=str(HERE / "llm_intents.tsv"))
    ap.add_argument("--out", default=str(HERE / "llm_results.txt"))
    args = ap.parse_args()

    env = {k: v for k, v in os.environ.items() if k == "DENTALCALL_CACHE_DIR"}
    base = settings.load(env=env)
    root = os.environ.get("DENTALCALL_TEST_MODELS_ROOT") or str(Path(base.cache_dir) / "test-models")
    home = tempfile.mkdtemp(prefix="llm-bench-")
    config = settings.load(overrides={"home": home, "models_root": root}, env=env)
    rows = load_set(Path(args.set))

    import llama_cpp  # only for the version line

    with open(args.out, "w", encoding="utf-8") as out:
        print("# LLM intent fallback bench (bench/llm_bench.py)", file=out)
        print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; llama-cpp-python {llama_cpp.__version__} "
              f"(GGML_NATIVE=OFF wheel); {platform.machine()}, {os.cpu_count()} cores; load average at start "
              f"{os.getloadavg()[0]:.1f} (cores shared with other work: absolute numbers are pessimistic)", file=out)
        print(f"# set: {Path(args.set).name}, {len(rows)} Korean utterances, {len(set(w for _, w in rows))} intents; "
              "greedy, GBNF grammar of the allowed labels, OMP_WAIT_POLICY=passive", file=out)
        for name in [m for m in args.models.split(",") if m]:
            for threads in [int(t) for t in args.threads.split(",") if t]:
                print(f"bench {name} threads={threads} …", file=sys.stderr)
                bench_model(config, name, threads, rows, out)
    print(Path(args.out).read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
