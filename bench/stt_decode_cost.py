"""Cheaper Whisper decodes against today's: cost of the probe's answer decode and CER the call path's way.

    python bench/stt_decode_cost.py [--candidates "A:window=10,beam=5,nbest=5;B:window=10,beam=3,nbest=3"]
                                    [--rounds 16] [--repeat 3] [--skip-cer] [--breakdown]
                                    [--out bench/stt_decode_cost.txt]

The adoption test is bench/stt_decode_cost_test.txt (written before these measurements). Every candidate is a
WhisperTranscriber of its own (1 CPU thread like a call's STT worker, level -20 dBFS, the candidate's window, beam
and compute type) with the candidate's n-best; the first candidate is the baseline.

* cost: the voice probe's answer clip (the 2.28 s from 4.66 s of speech-ko-read/zeroth_104_003_0374, 8 kHz) with the
  'need' question's hotwords and the candidate's n-best, decoded ``--rounds`` times per candidate, the candidates
  interleaved (each round in a rotated order) so the box's changing speed hits all alike: median CPU (process time)
  and wall time per decode;
* accuracy: every 8 kHz μ-law clip of speech-ko-read (human transcripts) and speech-ko (machine transcripts)
  decoded as a call decodes it (bench/eot_pieces.py's ``decode_like_a_call``: VAD, endpointer, pieces), ``--repeat``
  times, the candidates interleaved; CER per repeat, and the median time of the end-of-utterance decodes.

``--breakdown``: only where the first candidate's probe decode spends its CPU time (encoder per window, the
decoder's first step with the hotword prompt, then per token, at beams 5, 2 and 1).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from eot_cutoffs import Decoder  # noqa: E402
from eot_pieces import CallHints, decode_like_a_call  # noqa: E402
from stt_cer import edit_distance, normalise  # noqa: E402
from stt_levels import reference_clips  # noqa: E402

from appliance import settings  # noqa: E402
from appliance.speech import endpointer as ep  # noqa: E402
from appliance.speech.stt.audio import read_audio, resample_pcm16  # noqa: E402

RATE = 8000
PROBE_CLIP, PROBE_START, PROBE_SECONDS = "data/speech-ko-read/zeroth_104_003_0374_8k_ulaw.wav", 4.66, 2.28
DEFAULT_CANDIDATES = ("A:window=10,beam=5,nbest=5;beam3:window=10,beam=3,nbest=3;beam2:window=10,beam=2,nbest=2;"
                      "w8:window=8,beam=5,nbest=5;w6:window=6,beam=5,nbest=5;utt+1:window=utt+1,beam=5,nbest=5;"
                      "f32:window=10,beam=5,nbest=5,compute=float32")


def parse(spec: str) -> list[tuple[str, dict[str, str]]]:
    out = []
    for item in filter(None, (s.strip() for s in spec.split(";"))):
        name, _, body = item.partition(":")
        out.append((name, dict(kv.split("=", 1) for kv in body.split(","))))
    return out


def load(config, options: dict[str, str]):
    from appliance.speech.models import model_path
    from appliance.speech.stt.whisper import WhisperTranscriber

    return WhisperTranscriber(model_path(config, config.stt_whisper_model), cpu_threads=1,
                              beam_size=int(options.get("beam", 5)), window=options.get("window", "10"),
                              compute_type=options.get("compute", "int8"), level_dbfs=config.stt_level_dbfs or None)


def trouble(text: str) -> list[str]:
    """What the adoption test's criterion 2 forbids in an output."""
    from appliance.speech.stt.whisper import _LATIN, _REPEAT

    found = []
    if _LATIN.search(text):
        found.append("latin")
    if "\ufffd" in text:
        found.append("broken character")
    if _REPEAT.search(text):
        found.append("repetition")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", default=DEFAULT_CANDIDATES)
    parser.add_argument("--rounds", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-cer", action="store_true")
    parser.add_argument("--breakdown", action="store_true", help="only where the baseline's decode time goes")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    config = settings.load(overrides={"stt_threads": "1"})
    from appliance.conversation.asker import HINTS

    hints = HINTS["need"]
    candidates = parse(args.candidates)
    models = {name: load(config, opts) for name, opts in candidates}
    nbest = {name: int(opts.get("nbest", 5)) for name, opts in candidates}
    shared = Path(config.shared_dir)
    pcm, rate = read_audio(shared / PROBE_CLIP)
    pcm8 = resample_pcm16(pcm, rate, RATE)
    probe = pcm8[int(PROBE_START * RATE) * 2: int((PROBE_START + PROBE_SECONDS) * RATE) * 2]
    loadavg = lambda: " ".join(Path("/proc/loadavg").read_text().split()[:3])  # noqa: E731
    lines = [f"# Whisper decode cost vs accuracy, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}, "
             f"{os.cpu_count()} cores shared with other work; {config.stt_whisper_model}, 1 CPU thread, level "
             f"{config.stt_level_dbfs} dBFS; load average {loadavg()} at start",
             "# candidates: " + "; ".join(f"{n} = {o}" for n, o in candidates), ""]
    started = time.monotonic()
    if args.breakdown:
        print("\n".join(lines + breakdown(models[candidates[0][0]], probe, hints, nbest[candidates[0][0]])))
        return
    for name in models:  # warm-up
        models[name].transcribe(probe, RATE, hints=hints, n_best=nbest[name])
    cpu: dict[str, list[float]] = {n: [] for n in models}
    wall: dict[str, list[float]] = {n: [] for n in models}
    texts: dict[str, set[str]] = {n: set() for n in models}
    names = list(models)
    for r in range(args.rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            c0, w0 = time.process_time(), time.perf_counter()
            result = models[name].transcribe(probe, RATE, hints=hints, n_best=nbest[name])
            cpu[name].append(time.process_time() - c0)
            wall[name].append(time.perf_counter() - w0)
            texts[name].add(result.text)
    base = names[0]
    lines.append(f"# cost: the probe's answer clip ({PROBE_SECONDS} s), {args.rounds} decodes per candidate, "
                 "interleaved; median ms and change against the baseline")
    for name in names:
        c, w = statistics.median(cpu[name]) * 1000, statistics.median(wall[name]) * 1000
        cb, wb = statistics.median(cpu[base]) * 1000, statistics.median(wall[base]) * 1000
        lines.append(f"{name:<10} cpu {c:6.1f} ms ({100 * (c / cb - 1):+5.1f} %)  wall {w:6.1f} ms "
                     f"({100 * (w / wb - 1):+5.1f} %)  heard: {' | '.join(sorted(texts[name]))}")
        print(lines[-1], flush=True)
    lines.append(f"# load average after the cost rounds: {loadavg()}")
    if not args.skip_cer:
        lines += [""] + cer_runs(config, models, nbest, hints, args.repeat)
    lines += ["", f"# load average {loadavg()} at end; {time.monotonic() - started:.0f} s"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as f:
            f.write(report + "\n")


def cpu_ms(run, rounds: int = 12) -> float:
    """Median CPU time (ms) of ``run()`` after one warm-up."""
    run()
    times = []
    for _ in range(rounds):
        c0 = time.process_time()
        run()
        times.append(time.process_time() - c0)
    return statistics.median(times) * 1000


def window_parts(whisper, audio, hints: list[str], n_best: int, window: str) -> str:
    """One window's encoder and decoder CPU time (the decoder's first step, then per further token)."""
    segment, frames, tokens, options = whisper._prepare(audio, hints, None, window)
    padded = whisper._padded(segment, frames)
    encoded = whisper._model.encode(padded)
    steps = len(whisper._generate(encoded, [tokens], options, n_best, options.max_new_tokens)[0].sequences_ids[0])
    parts = [f"window {window} ({frames} frames): encoder {cpu_ms(lambda: whisper._model.encode(padded)):.0f}; "
             f"decoder ({len(tokens)} prompt tokens, {steps} tokens out)"]
    for beam in (5, 2, 1):
        beamed = dataclasses.replace(options, beam_size=beam)
        first = cpu_ms(lambda b=beamed: whisper._generate(encoded, [tokens], b, n_best, 1))
        full = cpu_ms(lambda b=beamed: whisper._generate(encoded, [tokens], b, n_best, options.max_new_tokens))
        parts.append(f"beam {beam}: first step {first:.0f}, all {full:.0f} "
                     f"({(full - first) / max(1, steps - 1):.1f}/token)")
    return "; ".join(parts)


def breakdown(whisper, probe: bytes, hints: list[str], n_best: int) -> list[str]:
    """CPU time of the probe decode's parts: encoder per window, the decoder's first step and each further step."""
    audio = whisper._audio(probe, RATE)
    whole = cpu_ms(lambda: whisper.transcribe(probe, RATE, hints=hints, n_best=n_best))
    out = ["# where the probe decode's time goes (CPU ms, median of 12, one thread)",
           f"whole transcribe (window {whisper.window}, beam {whisper.beam_size}, n-best {n_best}): {whole:.0f}; "
           f"features {cpu_ms(lambda: whisper._model.feature_extractor(audio)):.0f}"]
    return out + [window_parts(whisper, audio, hints, n_best, w) for w in (whisper.window, "6", "utt+1")]


def cer_runs(config, models, nbest, hints, repeat: int) -> list[str]:
    clips = reference_clips(Path(config.shared_dir))
    audio = {}
    for path, _ in clips:
        pcm, rate = read_audio(path)
        audio[path] = resample_pcm16(pcm, rate, RATE)
    s = ep.EndpointerSettings.from_config(config)
    rows: dict[str, list[tuple[float, float, float]]] = {n: [] for n in models}
    heard: dict[str, dict[str, str]] = {n: {} for n in models}
    flagged: dict[str, set[str]] = {n: set() for n in models}
    for rep in range(repeat):
        for name in list(models)[rep % len(models):] + list(models)[:rep % len(models)]:
            decode = Decoder(CallHints(models[name], hints, nbest[name], False))
            errors = {"read": [0, 0], "ko": [0, 0]}
            ends = []
            for path, reference in clips:
                text, finals = decode_like_a_call(audio[path], s, decode, int(config.vad_aggressiveness))
                kind = "read" if "speech-ko-read" in str(path) else "ko"
                errors[kind][0] += edit_distance(normalise(reference), normalise(text))
                errors[kind][1] += len(normalise(reference))
                ends += [t for _, t in finals]
                if rep and heard[name].get(path.name) != text:
                    flagged[name].add(f"{path.name} differs between repeats")
                heard[name][path.name] = text
                flagged[name].update(f"{path.name}: {t}" for t in trouble(text))
            rows[name].append((100 * errors["read"][0] / errors["read"][1], 100 * errors["ko"][0] / errors["ko"][1],
                               statistics.median(ends) * 1000))
            print(name, rep, rows[name][-1], flush=True)
    base = next(iter(models))
    b_read = statistics.mean(r[0] for r in rows[base])
    b_ko = statistics.mean(r[1] for r in rows[base])
    b_end = statistics.median(r[2] for r in rows[base])
    out = [f"# accuracy: {len(clips)} clips decoded as a call decodes them, {repeat} repeats, interleaved; CER read = "
           "11 human-transcribed clips, CER ko = 4 machine-transcribed; end = median end-of-utterance decode time"]
    for name, r in rows.items():
        read, ko, end = statistics.mean(x[0] for x in r), statistics.mean(x[1] for x in r), statistics.median(
            x[2] for x in r)
        out.append(f"{name:<10} CER read {read:5.1f} % ({read - b_read:+4.1f})  CER ko {ko:5.1f} % ({ko - b_ko:+4.1f})"
                   f"  end {end:5.0f} ms ({100 * (end / b_end - 1):+5.1f} %)  per repeat (read) "
                   f"{' '.join(f'{x[0]:.1f}' for x in r)}  {'; '.join(sorted(flagged[name])) or 'no flags'}")
    out += ["", "# what each heard (last repeat):"]
    out += [f"#   {name:<10} {clip:<38} {text}" for name in heard for clip, text in heard[name].items()]
    return out


if __name__ == "__main__":
    main()
