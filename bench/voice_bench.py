"""Voice pipeline benchmark: real SIP calls through a real Asterisk into the real engine (`dentalcall serve`, its
STT worker process with the installed Whisper model), real Korean speech (the 8 kHz μ-law clips in
<shared_dir>/data/speech-ko), with 1, 2, 4 and 6 concurrent calls.

Every call: the caller talks over "how_can_i_help" (barge-in-able) 0.3 s after it starts, then waits, then says
a second utterance. Measured:

* answer latency  = end of the caller's speech → first audio frame of the answer (CRM turn ``latency_ms``);
* first audio     = end of speech → first audio frame of anything (the "네," acknowledgement when it plays);
* barge-in        = caller's speech onset (what was sent: ``sent_spans`` + the clip's own leading silence) → end
                    of the bot's audio in what the caller heard (``speech_segments`` of the captured RTP);
* CPU / memory    = /proc of the engine process + its STT worker, per call;
* STT             = CER of the calls' transcripts against the clips' reference transcripts (machine, unverified:
                    see bench/stt_results.txt) — the same 8 kHz audio, but through RTP, Asterisk and our VAD.

Usage (root: Asterisk runs in its own temporary home on free ports; ~6 min):
    /opt/dentalcall/venv/bin/python bench/voice_bench.py [--levels 1,2,4,6] [--write bench/voice_results.txt]

The latency goals of issue 15 are measured from outside the engine, on the wire, by ``bench/voice_probe.py``
(callprobe: the answer and the "네," acknowledgement told apart); this bench's latencies are the engine's own.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import platform
import shutil
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from appliance import settings  # noqa: E402
from appliance.data import crm  # noqa: E402
from appliance.speech.stt.worker import find_worker_pids  # noqa: E402
from appliance.telephony import sipp  # noqa: E402

CLIP_A = ["ko_rhino_light_blue_8k_ulaw.wav", "ko_rhino_out_of_context_8k_ulaw.wav"]  # barge-in utterances
CLIP_B = ["ko_rhino_out_of_context_8k_ulaw.wav", "ko_porcupine_bixby_8k_ulaw.wav", "ko_rhino_light_blue_8k_ulaw.wav"]
ROUNDS = {1: 3, 2: 2, 4: 2, 6: 2}
STAGGER_S = 0.7  # between call starts within a round: decodes overlap, as they would on a busy morning
GOALS = "answer p50 <= 900 ms and p95 <= 1500 ms (1 call), p95 <= 2500 ms (6 calls); ack <= 300 ms; barge-in <= 200 ms"


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def fmt(v: float | None, unit: str = "") -> str:
    return "-" if v is None else f"{v:.0f}{unit}"


class ProcSampler:
    """CPU seconds and RSS of the engine and its STT worker(s), sampled every 0.25 s."""

    def __init__(self, engine_pid: int):
        self.engine_pid = engine_pid
        self.tick = os.sysconf("SC_CLK_TCK")
        self.cpu: dict[int, float] = {}
        self.peak_rss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _read(self, pid: int) -> tuple[float, float] | None:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            cpu = (int(fields[11]) + int(fields[12])) / self.tick
            rss = next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                       if line.startswith("VmRSS:")) / 1024
            return cpu, rss
        except (OSError, StopIteration, ValueError):
            return None

    def sample(self) -> float:
        total_rss = 0.0
        for pid in [self.engine_pid, *find_worker_pids(self.engine_pid)]:
            got = self._read(pid)
            if got:
                self.cpu[pid] = got[0]
                total_rss += got[1]
        self.peak_rss_mb = max(self.peak_rss_mb, total_rss)
        return total_rss

    def cpu_total(self) -> float:
        return sum(self.cpu.values())

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            self.sample()

    def __enter__(self):
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.sample()


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def machine_facts() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
               if line.startswith("MemTotal:")) / 1024 / 1024
    return f"{os.cpu_count()} cores ({model}), {mem:.1f} GB RAM, {platform.system()} {platform.release()}"


def call_script(clips: Path, greeting_s: float, i: int) -> tuple[list, float, str, str]:
    a, b = CLIP_A[i % len(CLIP_A)], CLIP_B[i % len(CLIP_B)]
    onset_a = sipp.speech_segments(sipp.read_pcm(clips / a))[0][0]
    lead = greeting_s + 0.3 - onset_a  # speech starts 0.3 s into "how_can_i_help"
    script = [(None, lead), (clips / a, 0.0), (None, 7.0), (clips / b, 0.0), (None, 13.0)]
    total = lead + sipp.wav_seconds(clips / a) + 7.0 + sipp.wav_seconds(clips / b) + 13.0
    return script, total, a, b


def run_call(config, clips: Path, greeting_s: float, i: int, delay: float) -> dict:
    time.sleep(delay)
    script, total, a, b = call_script(clips, greeting_s, i)
    result = sipp.place_call("127.0.0.1", config.sip_port, script, from_user=f"0109000{i:04d}",
                             hold_seconds=total, timeout=total + 30)
    out = {"ok": result.ok, "clips": (a, b), "barge_ms": None, "caller": f"0109000{i:04d}"}
    if result.ok:
        onset = result.sent_spans[0][0] + sipp.speech_segments(sipp.read_pcm(clips / a))[0][0]
        heard = result.heard_pcm()
        segs = sipp.speech_segments(heard, min_gap=0.1)
        bot = [s for s in segs if s[0] <= onset + 0.02 < s[1] + 0.02]
        if bot:
            out["barge_ms"] = (bot[0][1] - onset) * 1000
        else:  # the prompt was already over (or had not started): no barge-in to measure
            out["barge_note"] = [(round(s0, 2), round(s1, 2)) for s0, s1 in segs[:6]]
    result.cleanup()
    return out


def crm_turns(config, since_id: int) -> list[tuple]:
    crm.open_database(config.crm_url)
    try:
        calls = list(crm.Call.select().where(crm.Call.id > since_id).order_by(crm.Call.id))
        return [(c, list(crm.Turn.select().where(crm.Turn.call == c.id).order_by(crm.Turn.seq))) for c in calls]
    finally:
        crm.database.close()


def last_call_id(config) -> int:
    crm.open_database(config.crm_url)
    try:
        last = crm.Call.select().order_by(crm.Call.id.desc()).first()
        return last.id if last else 0
    finally:
        crm.database.close()


def analyse_turns(calls: list[tuple]) -> dict:
    ack_ms: list[int] = []
    answer, first_any, stt_wait, acks, breakdown = [], [], [], 0, {"stt": [], "decide": [], "tts": [], "send": []}
    texts: list[str] = []
    for _call, turns in calls:
        for i, t in enumerate(turns):
            if t.speaker != "caller" or t.t_speech_end is None:
                continue
            texts.append(t.text or "")
            if t.t_stt_final is not None:
                stt_wait.append(t.t_stt_final - t.t_speech_end)
            # the "네," acknowledgement is logged before the caller's turn (that waits for the transcript): look at
            # every bot turn whose first frame went out after this end of speech
            later = sorted((u for u in turns if u.speaker == "bot" and u.t_first_audio is not None
                            and u.t_first_audio >= t.t_speech_end), key=lambda u: u.t_first_audio)
            if later:
                first_any.append(later[0].t_first_audio - t.t_speech_end)
                if (later[0].meta or {}).get("ack"):
                    acks += 1
                    ack_ms.append(later[0].t_first_audio - t.t_speech_end)
            ans = next((u for u in turns[i + 1:] if u.speaker == "bot" and u.latency_ms is not None
                        and not (u.meta or {}).get("ack")), None)
            if ans is not None:
                answer.append(ans.latency_ms)
                if None not in (ans.t_stt_final, ans.t_decision, ans.t_first_tts, ans.t_first_audio):
                    breakdown["stt"].append(ans.t_stt_final - ans.t_speech_end)
                    breakdown["decide"].append(ans.t_decision - ans.t_stt_final)
                    breakdown["tts"].append(ans.t_first_tts - ans.t_decision)
                    breakdown["send"].append(ans.t_first_audio - ans.t_first_tts)
    return {"ack_ms": ack_ms, "answer": answer, "first_any": first_any, "stt_wait": stt_wait, "acks": acks, "breakdown": breakdown,
            "texts": texts}


def cer_of(results: list[dict], calls: list[tuple], refs: dict[str, str]) -> tuple[int, int, list]:
    from stt_cer import edit_distance, normalise

    errors = chars = 0
    rows = []
    by_caller = {call.caller_number: turns for call, turns in calls}
    for res in results:
        turns = by_caller.get(res["caller"], [])
        said = [t.text or "" for t in turns if t.speaker == "caller" and t.t_speech_end is not None]
        for clip, text in zip(res["clips"], said):
            ref = normalise(refs.get(clip, ""))
            if not ref:
                continue
            errors += edit_distance(normalise(text), ref)
            chars += len(ref)
            rows.append((clip, text))
    return errors, chars, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default="1,2,4,6")
    parser.add_argument("--rounds", type=int, default=0, help="rounds per level (default: 3/2/2/2)")
    parser.add_argument("--write", default="", help="also write the report to this file")
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=VALUE",
                        help="engine setting for this run, e.g. endpoint_barge_in_ms=80 (repeatable)")
    parser.add_argument("--stagger", type=float, default=STAGGER_S, help="seconds between call starts in a round")
    args = parser.parse_args()
    levels = [int(x) for x in args.levels.split(",")]

    from tests.plugins.asterisk import make_instance
    from tests.plugins.engine import LiveEngine, installed_models_root

    from appliance.phrasebook import build_placeholder
    from appliance.speech.prompt_pack import PromptPack

    started = time.monotonic()
    load_start = loadavg()
    models_root = installed_models_root()
    if models_root is None:
        sys.exit("speech models not installed (/var/lib/dentalcall/models): dentalcall models install --defaults")
    inst = make_instance(prefix="dentalcall-voicebench-")
    engine = None
    lines: list[str] = []
    try:
        inst.asterisk.start(timeout=60)
        env = dict(inst.env)
        env["DENTALCALL_MODELS_ROOT"] = str(models_root)
        env["DENTALCALL_LLM_MODEL"] = ""
        env["DENTALCALL_BACKGROUND_SERVICES"] = "0"
        for item in args.set:
            name, _, value = item.partition("=")
            env["DENTALCALL_" + name.strip().upper()] = value.strip()
        config = settings.load(env=env)
        build_placeholder(config)
        engine = LiveEngine(inst, env, inst.home / "engine.log")
        t0 = time.monotonic()
        engine.start()
        start_s = time.monotonic() - t0
        pack = PromptPack.load(config)
        greeting_s = len(pack.pcm("greeting") or b"") / 16000
        clips = Path(config.shared_dir) / "data" / "speech-ko"
        refs = {r["file"]: r["machine_transcript_unverified"] for r in
                csv.DictReader(open(clips / "transcripts.tsv", encoding="utf-8"), delimiter="\t")}
        refs = {k.replace("_16k.wav", "_8k_ulaw.wav"): v for k, v in refs.items()}
        with ProcSampler(engine.proc.pid) as idle:
            time.sleep(1.0)
        idle_rss = idle.peak_rss_mb

        table = []
        all_texts = []
        cer_e = cer_c = 0
        for n in levels:
            rounds = args.rounds or ROUNDS.get(n, 1)
            since = last_call_id(config)
            results: list[dict] = []
            la0 = loadavg()
            with ProcSampler(engine.proc.pid) as sampler:
                cpu0 = sampler.cpu_total()
                t_round = time.monotonic()
                for r in range(rounds):
                    with ThreadPoolExecutor(max_workers=n) as pool:
                        futs = [pool.submit(run_call, config, clips, greeting_s, r * n + i, i * args.stagger)
                                for i in range(n)]
                        results += [f.result() for f in futs]
                wall = time.monotonic() - t_round
            cpu = sampler.cpu_total() - cpu0
            calls = crm_turns(config, since)
            stats = analyse_turns(calls)
            e, c, rows = cer_of(results, calls, refs)
            cer_e, cer_c = cer_e + e, cer_c + c
            all_texts += rows
            barge = [x["barge_ms"] for x in results if x["barge_ms"] is not None]
            n_calls = len(results)
            table.append({
                "n": n, "calls": n_calls, "ok": sum(x["ok"] for x in results), "turns": len(stats["answer"]),
                "ans50": pct(stats["answer"], 0.5), "ans95": pct(stats["answer"], 0.95),
                "any50": pct(stats["first_any"], 0.5), "any95": pct(stats["first_any"], 0.95),
                "acks": stats["acks"], "ack50": pct(stats["ack_ms"], 0.5), "stt50": pct(stats["stt_wait"], 0.5), "stt95": pct(stats["stt_wait"], 0.95),
                "barge50": pct(barge, 0.5), "barge95": pct(barge, 0.95), "barge_n": len(barge),
                "cpu_call": cpu / n_calls, "cpu_pct": 100 * cpu / wall, "rss": sampler.peak_rss_mb,
                "rss_call": (sampler.peak_rss_mb - idle_rss) / n, "cer": (100 * e / c) if c else None,
                "load": f"{la0} -> {loadavg()}", "bd": {k: pct(v, 0.5) for k, v in stats["breakdown"].items()},
                "notes": [x.get("barge_note") for x in results if x.get("barge_note")],
                "outcomes": sorted({(c.outcome or "") for c, _ in calls}),
            })
            print(f"  {n} concurrent: {n_calls} calls, {len(stats['answer'])} answered turns, "
                  f"answer p50 {fmt(pct(stats['answer'], 0.5))} ms, load {loadavg()}", flush=True)

        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        lines += [
            f"# Voice pipeline benchmark, {now}: real SIP calls (sipp) → real Asterisk → engine (dentalcall serve)",
            f"# machine: {machine_facts()}; shared with other engineers' work while measured",
            f"# load average (1/5/15 min) at start {load_start}, at end {loadavg()} (> 2 means other work was "
            "competing for the 2 cores: times are inflated)",
            f"# STT: Whisper base int8, beam {config.stt_beam_size} (greedy when decodes queue: "
            f"{config.stt_busy_beam_size}), window {config.stt_whisper_window} s, {config.stt_workers} worker "
            f"process(es) × {config.stt_threads} thread(s); end of turn {config.end_of_turn}",
            f"# engine start (models loaded, FastAGI up): {start_s:.1f} s; engine + STT worker RSS idle "
            f"{idle_rss:.0f} MB",
            "# each call: the caller talks over 'how_can_i_help' (barge-in) then says a second utterance; calls in a "
            f"round start {args.stagger} s apart",
            f"# engine settings changed for this run: {', '.join(args.set) or 'none (defaults)'}",
            f"# goals: {GOALS}",
            "",
            "concurrent calls turns | answer p50  p95 | 1st audio p50  p95 acks | STT wait p50  p95 | barge-in p50  "
            "p95 (n) | CPU s/call  CPU% | RSS MB (+/call) | CER",
        ]
        for row in table:
            lines.append(
                f"{row['n']:>10} {row['calls']:>5} {row['turns']:>5} | {fmt(row['ans50']):>10} {fmt(row['ans95']):>4} | "
                f"{fmt(row['any50']):>13} {fmt(row['any95']):>4} {row['acks']:>4} | "
                f"{fmt(row['stt50']):>12} {fmt(row['stt95']):>4} | {fmt(row['barge50']):>12} "
                f"{fmt(row['barge95']):>4} ({row['barge_n']}) | {row['cpu_call']:>10.1f} {row['cpu_pct']:>5.0f} | "
                f"{row['rss']:>6.0f} ({row['rss_call']:+.0f}) | {fmt(row['cer'], '%')}")
        lines += ["", "# acknowledgements played (end of speech → first frame of '네,'), p50 ms: "
                  + ", ".join(f"{r['n']} calls {r['acks']}× {fmt(r['ack50'])}" for r in table)]
        lines += ["", "# answer latency breakdown, p50 ms: STT wait (speech end → transcript) / decision / "
                  "TTS (decision → audio ready) / send (→ first frame out); load average during the level"]
        for row in table:
            bd = row["bd"]
            lines.append(f"{row['n']:>2} calls: stt {fmt(bd['stt'])} / decide {fmt(bd['decide'])} / tts "
                         f"{fmt(bd['tts'])} / send {fmt(bd['send'])}   load {row['load']}   outcomes "
                         f"{','.join(row['outcomes'])}" + (f"   unmeasured barge-ins {row['notes']}" if row["notes"] else ""))
        lines += ["", f"# STT through the whole call path (RTP μ-law, Asterisk, our VAD cut, worker): CER "
                  f"{fmt(100 * cer_e / cer_c if cer_c else None, '%')} over {len(all_texts)} utterances "
                  "(reference: the clips' unverified machine transcripts, as in bench/stt_results.txt)"]
        seen = set()
        for clip, text in all_texts:
            if (clip, text) not in seen:
                seen.add((clip, text))
                lines.append(f"#   {clip:<40} {text}")
        lines.append(f"# total bench time {time.monotonic() - started:.0f} s")
    finally:
        if engine is not None:
            engine.stop()
            shutil.copy(engine.log_path, Path("/tmp") / "voice_bench_engine.log")
        try:
            inst.asterisk.stop()
        finally:
            shutil.rmtree(inst.home, ignore_errors=True)
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        Path(args.write).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
