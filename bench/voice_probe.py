"""Turn latency from the caller's side of the wire: callprobe (the shared outside probe) against a real Asterisk
and the real engine, the answer told apart from the "네," acknowledgement.

    python bench/voice_probe.py [--scenarios 1:300,4:300,6:300,10:300,10:0] [--rounds 2]
                                [--clip FILE] [--set SETTING=VALUE] [--write bench/voice_probe.txt]

A scenario ``N:MS`` is N concurrent calls started MS ms apart (callprobe ``--calls N --stagger-ms MS``). Every call
hears the greeting, says the clip once, and listens. From callprobe's capture (``results.json``): the end of the
caller's speech on the wire (last packet ≥ −40 dBFS) and every bot speech burst after it. A first burst no longer
than the pack's "ack" prompt (+150 ms) followed by another is the acknowledgement; the **answer** is the first
other burst. From the engine's call log: its own speech end and answer (``latency_ms``); "speech end offset" =
wire answer latency − engine answer latency, per call (how far the engine's speech end trails the wire's, plus
the few ms of the outbound path).

The clip must be something the understanding can act on, or the Korean end of turn waits its full hold. The
shared clips hold no dental speech; the default is the last phrase of a read sentence from speech-ko-read,
"국민의당은 어떤 선택을 할까요?" (2 s, the length of a caller's answer), which the understanding takes as a
complete reply to "무엇을 도와드릴까요?" (``--clip``/``--clip-start`` choose another).
Needs root (Asterisk, packet capture), sipp and tshark/tcpdump, the shared folder (callprobe + clips).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from voice_bench import crm_turns, last_call_id, loadavg, machine_facts  # noqa: E402

from appliance import settings  # noqa: E402
from appliance.telephony import sipp  # noqa: E402

DEFAULT_CLIP = "data/speech-ko-read/zeroth_104_003_0374_8k_ulaw.wav"
DEFAULT_CLIP_START = 4.66  # "…국민의당은 어떤 선택을 할까요?": its last phrase, 2 s (Whisper's word timestamps)
GOALS = ("answer p50 <= 600 ms and p95 <= 900 ms at 4 calls; p95 <= 1200 ms at 10 calls 300 ms apart, <= 2500 ms "
         "at 10 calls at once; engine speech end within 50 ms of the wire's")


def pct(values: list[float], q: float) -> str:
    return f"{np.percentile(values, q):.0f}" if values else "-"


def split_bursts(bursts: list, ack_s: float) -> tuple[float | None, float | None]:
    """(acknowledgement onset, answer onset) in s after the caller's end, from callprobe's bursts."""
    if not bursts:
        return None, None
    (first, first_len), rest = bursts[0], bursts[1:]
    if rest and first_len <= ack_s + 0.15:
        return first, rest[0][0]
    return None, first


def engine_latencies(config, since: int) -> list[tuple[int | None, bool, int | None, bool, int, int]]:
    """Per call (in order): the engine's answer latency for the caller's first turn, whether the turn ended at
    the first pause (Korean end of turn), the transcript's wait (speech end → transcript judged), whether
    the transcript was decoded in pieces while the caller spoke, and the turn's pause and final decodes and those
    dropped because the caller went on (the turn's ``decodes``/``dropped``)."""
    out: list[tuple[int | None, bool, int | None, bool, int, int]] = []
    for _call, turns in crm_turns(config, since):
        said = next((t for t in turns if t.speaker == "caller" and t.t_speech_end is not None), None)
        if said is None:
            out.append((None, False, None, False, 0, 0))
            continue
        later = [u for u in turns if u.speaker == "bot" and u.seq > said.seq]
        answer = next((u for u in later if not (u.meta or {}).get("ack") and u.latency_ms is not None), None)
        stt = said.t_stt_final - said.t_speech_end if said.t_stt_final is not None else None
        meta = said.meta or {}
        out.append((answer.latency_ms if answer else None, bool(meta.get("early_end")), stt, bool(meta.get("pieces")),
                    int(meta.get("decodes", 0)), int(meta.get("dropped", 0))))
    return out


def trimmed(clip: Path, start_s: float, out: Path) -> Path:
    """``clip`` from the quietest 20 ms frame within 80 ms of ``start_s``, as a WAV callprobe converts."""
    pcm = sipp.read_pcm(clip)
    frame = 160
    centre = int(start_s * 8000) // frame
    quietest = min(range(max(0, centre - 4), centre + 5),
                   key=lambda f: float(np.mean(np.asarray(pcm[f * frame:(f + 1) * frame], dtype=np.float64) ** 2)))
    return sipp.write_wav(out, np.asarray(pcm[quietest * frame:], dtype="<i2"))


def run_probe(probe: Path, config, clip: Path, n: int, stagger_ms: int, wait_s: float, out: Path) -> dict:
    cmd = [sys.executable, str(probe), "--target", f"127.0.0.1:{config.sip_port}", "--ext", "1000",
           "--clip", str(clip), "--wait-greeting", f"{wait_s:.1f}", "--listen", "6", "--calls", str(n),
           "--stagger-ms", str(stagger_ms), "--out", str(out), "--media-port", str(config.rtp_end + 2)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120 + 10 * n)
    path = out / "results.json"
    if not path.exists():
        raise RuntimeError(f"callprobe failed ({proc.returncode}): {proc.stdout[-2000:]} {proc.stderr[-2000:]}")
    return json.loads(path.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenarios", default="1:300,4:300,6:300,10:300,10:0")
    parser.add_argument("--rounds", type=int, default=2, help="callprobe runs per scenario")
    parser.add_argument("--clip", default="", help=f"caller clip (default shared_dir/{DEFAULT_CLIP})")
    parser.add_argument("--clip-start", type=float, default=None,
                        help=f"play the clip from this second (default {DEFAULT_CLIP_START} for the default clip)")
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=VALUE")
    parser.add_argument("--verbose", action="store_true", help="print every call's turns (no transcripts)")
    parser.add_argument("--write", default="")
    args = parser.parse_args()

    from tests.plugins.asterisk import make_instance
    from tests.plugins.engine import LiveEngine, installed_models_root

    from appliance.phrasebook import build_placeholder
    from appliance.speech.prompt_pack import PromptPack

    models_root = installed_models_root()
    if models_root is None:
        sys.exit("speech models not installed (/var/lib/dentalcall/models): dentalcall models install --defaults")
    shared = Path(settings.load().shared_dir)
    probe = shared / "tools" / "callprobe" / "callprobe.py"
    clip = Path(args.clip) if args.clip else shared / DEFAULT_CLIP
    if not probe.exists() or not clip.exists():
        sys.exit(f"needs the shared folder: {probe} and {clip}")
    start_s = args.clip_start if args.clip_start is not None else (None if args.clip else DEFAULT_CLIP_START)
    work = Path(tempfile.mkdtemp(prefix="dentalcall-probe-"))
    if start_s:
        clip = trimmed(clip, start_s, work / f"from{start_s:.2f}_{clip.name}")
    started, load_start = time.monotonic(), loadavg()
    inst = make_instance(prefix="dentalcall-voiceprobe-")
    engine = None
    lines: list[str] = []
    try:
        inst.asterisk.start(timeout=60)
        env = dict(inst.env, DENTALCALL_MODELS_ROOT=str(models_root), DENTALCALL_LLM_MODEL="",
                   DENTALCALL_BACKGROUND_SERVICES="0")
        for item in args.set:
            name, _, value = item.partition("=")
            env["DENTALCALL_" + name.strip().upper()] = value.strip()
        config = settings.load(env=env)
        build_placeholder(config)
        engine = LiveEngine(inst, env, inst.home / "engine.log")
        engine.start()
        pack = PromptPack.load(config)
        greeting_s = sum(len(pack.pcm(k) or b"") for k in ("greeting", "how_can_i_help")) / 16000
        ack_s = len(pack.pcm("ack") or b"") / 16000
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        lines += [f"# Turn latency on the wire (callprobe), {now}: real SIP calls → real Asterisk → engine",
                  f"# machine: {machine_facts()}; load average at start {load_start}",
                  f"# clip: {clip.name} ({sipp.wav_seconds(clip):.1f} s); engine settings changed: "
                  f"{', '.join(args.set) or 'none (defaults)'}; "
                  f"STT: {config.stt_workers} worker(s) × {config.stt_threads} thread(s), window "
                  f"{config.stt_whisper_window}, beam {config.stt_beam_size} (busy: {config.stt_busy_beam_size}); "
                  f"end of turn {config.end_of_turn} (pause {config.endpoint_speculative_ms} ms, decode from "
                  f"{config.endpoint_decode_ms or config.endpoint_speculative_ms} ms)",
                  f"# goals: {GOALS}",
                  "# early = turns ended at the first pause by the end-of-turn policy; pieces = turns decoded in "
                  f"pieces while the caller spoke (endpoint_piece_ms {config.endpoint_piece_ms}); transcript = engine "
                  "speech end → transcript judged (the pause + the decode); dec/drop = pause and final decodes "
                  "per turn, and those dropped because the caller went on",
                  "# answer = first bot burst after the caller's end that is not the 'ne' acknowledgement "
                  f"(a first burst <= {ack_s + 0.15:.2f} s followed by another); ms from the caller's end on the wire",
                  "",
                  "scenario        calls | answer p50  p95  max | acks  ack p50 | engine answer p50 | speech-end "
                  "offset p50  max | early pieces transcript p50 | dec/drop | load during"]
        for scenario in args.scenarios.split(","):
            n, stagger = (int(x) for x in scenario.split(":"))
            answers, acks, engine_ms, offsets, missing, early, stt_ms, pieced = [], [], [], [], 0, 0, [], 0
            decodes, dropped = [], []
            la0 = loadavg()
            for r in range(args.rounds):
                since = last_call_id(config)
                result = run_probe(probe, config, clip, n, stagger, greeting_s + 1.0, work / f"{n}_{stagger}_{r}")
                calls = sorted(result["calls"], key=lambda c: c.get("t_invite") or 0)
                ours = engine_latencies(config, since)
                if args.verbose:
                    for _call, turns in crm_turns(config, since):
                        print("   ", [(t.speaker, t.text if t.speaker == "bot" else len(t.text or ""),
                                      t.t_speech_end, t.t_stt_final, t.t_first_audio, t.meta) for t in turns])
                for i, call in enumerate(calls):
                    ack, answer = split_bursts(call.get("bursts_after_s") or [], ack_s)
                    if answer is None:
                        missing += 1
                        continue
                    answers.append(answer * 1000)
                    if ack is not None:
                        acks.append(ack * 1000)
                    if i < len(ours) and ours[i][0] is not None:
                        engine_ms.append(ours[i][0])
                        offsets.append(answer * 1000 - ours[i][0])
                        early += ours[i][1]
                        pieced += ours[i][3]
                        decodes.append(ours[i][4])
                        dropped.append(ours[i][5])
                        if ours[i][2] is not None:
                            stt_ms.append(ours[i][2])
                time.sleep(1.0)
            label = f"{n} calls {stagger} ms"
            lines.append(f"{label:<15} {len(answers):>5} | {pct(answers, 50):>10} {pct(answers, 95):>4} "
                         f"{pct(answers, 100):>4} | {len(acks):>4} {pct(acks, 50):>8} | {pct(engine_ms, 50):>17} | "
                         f"{pct(offsets, 50):>17} {pct(offsets, 100):>4} | {early:>5} {pieced:>6} "
                         f"{pct(stt_ms, 50):>12} | {np.mean(decodes or [0]):.1f}/{np.mean(dropped or [0]):.1f} | "
                         f"{la0} -> {loadavg()}"
                         + (f"  ({missing} calls without an answer)" if missing else ""))
            print(lines[-1], flush=True)
        lines.append(f"# total {time.monotonic() - started:.0f} s; load average at end {loadavg()}")
    finally:
        if engine is not None:
            engine.stop()
            kept = Path(tempfile.gettempdir()) / f"voice_probe_engine.{os.getpid()}.log"  # runs may overlap
            shutil.copy(engine.log_path, kept)
            print(f"# engine log kept in {kept}", flush=True)
        try:
            inst.asterisk.stop()
        finally:
            shutil.rmtree(inst.home, ignore_errors=True)
            shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        Path(args.write).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    if os.geteuid() != 0:
        sys.exit("run as root (Asterisk and the packet capture)")
    main()
