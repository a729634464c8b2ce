"""One short decode through each layer of the call path's STT, to find where a turn's time goes.

    python bench/stt_layers.py [--rounds 10] [--layers inproc,worker,pool,executor]

The voice probe's clip (the 2.28 s from 4.66 s of speech-ko-read/zeroth_104_003_0374, what a call decodes at the
first pause) decoded ``--rounds`` times, one at a time, through: Whisper in this process (``transcribe`` and a
``transcribe_batch`` of one), one STT worker child (pipe, ``ChildHandle.send``'s thread), the pool (``SttPool``
via ``SpeechRuntime``), and the call pipeline's queue (``SttExecutor.submit`` and ``submit_batched`` alone). Per
layer: wall time p50/min/max and the layer's own cost, wall time minus the model's decode time measured inside
the child (``Transcript.decode_seconds``), which does not depend on how busy the cores are. Prints the load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from appliance import settings  # noqa: E402
from appliance.speech.stt.audio import read_audio, resample_pcm16  # noqa: E402

CLIP = "data/speech-ko-read/zeroth_104_003_0374_8k_ulaw.wav"
HINTS = ["예약", "취소", "스케일링"]


def measure(name: str, rounds: int, decode: Callable[[], Any]) -> None:
    walls, own = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        result = decode()
        walls.append(time.perf_counter() - started)
        own.append(walls[-1] - (result[0] if isinstance(result, list) else result).decode_seconds)
    print(f"{name:<26} wall p50 {statistics.median(walls) * 1000:6.1f} min {min(walls) * 1000:6.1f} max "
          f"{max(walls) * 1000:6.1f} ms | layer's own (wall - model) p50 {statistics.median(own) * 1000:5.1f} max "
          f"{max(own) * 1000:5.1f} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--layers", default="inproc,worker,pool,executor")
    args = parser.parse_args()
    layers = set(args.layers.split(","))
    config = settings.load()
    pcm, rate = read_audio(Path(config.shared_dir) / CLIP)
    pcm8 = resample_pcm16(pcm, rate, 8000)
    cut = pcm8[int(4.66 * 8000) * 2: int((4.66 + 2.28) * 8000) * 2]
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {os.cpu_count()} cores, load average "
          f"{' '.join(Path('/proc/loadavg').read_text().split()[:3])}; Whisper {config.stt_whisper_model} window "
          f"{config.stt_whisper_window}, beam {config.stt_beam_size}, n-best {config.stt_n_best}")

    from appliance.calls.pipeline import SttExecutor
    from appliance.calls.speech import SpeechRuntime
    from appliance.speech.stt import load_transcriber
    from appliance.speech.stt.pool import SttPool

    runtime = SpeechRuntime(config)
    n_best = max(1, config.stt_n_best)
    if "inproc" in layers:
        whisper = load_transcriber(config)
        whisper.transcribe(cut, 8000)
        measure("in-process transcribe", args.rounds,
                lambda: whisper.transcribe(cut, 8000, hints=HINTS, prompt=runtime.prompt, n_best=n_best))
        request = {"pcm16": cut, "sample_rate": 8000, "hints": HINTS, "prompt": runtime.prompt, "window": None}
        measure("in-process batch of one", args.rounds, lambda: whisper.transcribe_batch([request], n_best=n_best))
        del whisper
    pool = SttPool(config, workers=config.stt_workers, threads=config.stt_threads,
                   busy_beam_size=config.stt_busy_beam_size or None)
    pool.start(wait=True)
    runtime.transcriber = pool
    try:
        worker = pool.workers[0]
        worker.transcribe(cut, 8000)
        if "worker" in layers:
            measure("worker child", args.rounds,
                    lambda: worker.transcribe(cut, 8000, hints=HINTS, prompt=runtime.prompt, n_best=n_best))
        if "pool" in layers:
            measure("pool (SpeechRuntime)", args.rounds, lambda: runtime.transcribe(cut, HINTS))
        if "executor" in layers:
            executor = SttExecutor(config.stt_workers, batch_max=config.stt_batch_max)
            runtime.set_stt_backlog(lambda: executor.urgent_queued)
            measure("executor submit", args.rounds, lambda: executor.submit(runtime.transcribe, cut, HINTS).result())
            measure("executor submit_batched", args.rounds, lambda: executor.submit_batched(
                0, (None, tuple(HINTS)), runtime.transcribe, runtime.transcribe_batch, cut, HINTS).result())
            print(f"# batches of more than one: {executor.batches}")
            executor.shutdown()
    finally:
        pool.close()


if __name__ == "__main__":
    main()
