"""Decoding that scales: how long a caller waits for the transcript when several calls stop speaking together.

    python bench/stt_concurrency.py [--configs 1x2,2x1,2x1+greedy] [--rounds 2] [--out bench/stt_concurrency.txt]

Each configuration is ``WORKERSxTHREADS`` (STT worker processes × CPU threads each), ``+greedy`` = the cheap
decode (beam 1) for a request that others queue behind (``stt_busy_beam_size``), ``@W`` = Whisper window W
(``stt_whisper_window``, e.g. ``2x1+greedy@6``). Short real Korean utterances
(the shared clips cut by the VAD as a call cuts them, 1–3 s) are submitted as N calls would: 4 calls 300 ms
apart, 10 calls 300 ms apart, 10 at the same instant. Measured per request: submit → transcript (what the
end of turn waits for), p50/p95/max over ``--rounds`` rounds; and the CER of the transcripts against the
decodes of the 1x2 beam-5 configuration (what the cheap decode costs in accuracy).
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stt_cer import edit_distance, normalise  # noqa: E402
from stt_levels import reference_clips, utterances  # noqa: E402

from appliance import settings  # noqa: E402
from appliance.speech.stt.audio import read_audio, resample_pcm16  # noqa: E402
from appliance.speech.stt.pool import SttPool  # noqa: E402

SCENARIOS = [("4 calls 300 ms apart", 4, 0.3), ("10 calls 300 ms apart", 10, 0.3), ("10 calls at once", 10, 0.0)]


def short_utterances(config) -> list[bytes]:
    cuts = []
    for path, _ in reference_clips(Path(config.shared_dir)):
        pcm, rate = read_audio(path)
        for cut in utterances(resample_pcm16(pcm, rate, 8000), config):
            cuts.append(cut[: 8000 * 2 * 3])  # an answer on the phone: at most 3 s
    return cuts


def run(pool: SttPool, cuts: list[bytes], n: int, stagger: float, offset: int) -> list[tuple[float, str, int]]:
    results: list[tuple[float, str, int]] = [(0.0, "", 0)] * n
    barrier = threading.Barrier(n)

    def one(i: int) -> None:
        barrier.wait()
        time.sleep(i * stagger)
        t0 = time.monotonic()
        k = (offset + i) % len(cuts)
        text = pool.transcribe(cuts[k], 8000).text
        results[i] = (time.monotonic() - t0, text, k)

    with ThreadPoolExecutor(max_workers=n) as executor:
        list(executor.map(one, range(n)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--configs", default="1x2,2x1,2x1+greedy,1x2+greedy,2x1+greedy@6")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    config = settings.load()
    cuts = short_utterances(config)
    load0 = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    lines = [f"# STT under concurrent calls, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}, "
             f"{os.cpu_count()} cores; Whisper {config.stt_whisper_model} window {config.stt_whisper_window}, beam "
             f"{config.stt_beam_size}; {len(cuts)} real Korean utterances (VAD-cut shared clips, ≤ 3 s)",
             "# wait = submit → transcript per request (ms); CER vs the 1x2 beam-5 transcripts of the same audio", "",
             f"{'config':<14} {'scenario':<24} {'p50':>6} {'p95':>6} {'max':>6} {'CER vs 1x2':>10}"]
    reference: dict[int, str] = {}
    for spec in args.configs.split(","):
        spec_main, _, window = spec.partition("@")
        shape, _, mode = spec_main.partition("+")
        workers, threads = (int(x) for x in shape.split("x"))
        values = config.as_dict()
        if window:
            values["stt_whisper_window"] = window
        pool = SttPool(values, workers=workers, threads=threads, busy_beam_size=1 if mode == "greedy" else None)
        pool.start(wait=True)
        try:
            for label, n, stagger in SCENARIOS:
                waits, errors, chars = [], 0, 0
                for r in range(args.rounds):
                    for wait, text, k in run(pool, cuts, n, stagger, r * n):
                        waits.append(wait * 1000)
                        if spec == "1x2":
                            reference.setdefault(k, text)
                        elif k in reference:
                            errors += edit_distance(normalise(reference[k]), normalise(text))
                            chars += len(normalise(reference[k]))
                cer = f"{100 * errors / chars:.1f}%" if chars else "-"
                p50, p95 = np.percentile(waits, 50), np.percentile(waits, 95)
                lines.append(f"{spec:<14} {label:<24} {p50:>6.0f} {p95:>6.0f} {max(waits):>6.0f} {cer:>10}")
                print(lines[-1], flush=True)
        finally:
            pool.close()
    lines += ["", f"# load average {load0} at start, {' '.join(Path('/proc/loadavg').read_text().split()[:3])} at end "
              "(> 2: other work shared the 2 cores; re-run on an idle box)"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
