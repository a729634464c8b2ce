"""Hearing through the call path against hearing offline, on the same clips: CER of what the call log says the
caller said, next to CER of the same recogniser on the same files without the phone in between.

    python bench/stt_callpath.py [--level 0] [--set SETTING=VALUE] [--write bench/stt_callpath.txt]

Every clip of ``shared_dir/data/speech-ko`` and ``speech-ko-read`` (8 kHz μ-law) is said once into a real call
(sipp → real Asterisk → ``dentalcall serve`` with its Whisper workers), after the greeting; the call's caller
turns (all of them, in order) are its transcript. Offline: the same settings' transcriber on the whole file
(what ``dentalcall stt transcribe`` does) and on the utterances our VAD + endpointer cut. References: the read
clips' human transcripts, the spontaneous clips' unverified machine transcripts (see bench/stt_results.txt).
``--level`` plays every clip at that RMS level (dBFS) instead of as recorded.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from stt_cer import edit_distance, normalise  # noqa: E402
from stt_levels import at_level, reference_clips, utterances  # noqa: E402
from voice_bench import crm_turns, last_call_id, loadavg, machine_facts  # noqa: E402

from appliance import settings  # noqa: E402
from appliance.speech.stt.audio import read_audio, resample_pcm16  # noqa: E402
from appliance.telephony import sipp  # noqa: E402


def cer(pairs: list[tuple[str, str]]) -> float:
    errors = sum(edit_distance(normalise(ref), normalise(hyp)) for ref, hyp in pairs)
    return 100 * errors / max(1, sum(len(normalise(ref)) for ref, _ in pairs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--level", type=float, default=0.0, help="play every clip at this RMS dBFS (0: as recorded)")
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=VALUE")
    parser.add_argument("--only", default="", help="only the clips whose file name contains this")
    parser.add_argument("--write", default="")
    parser.add_argument("--debug-log", action="store_true",
                        help="engine logs at debug level with log_phi (each decode's span and text; bench only)")
    args = parser.parse_args()

    from tests.plugins.asterisk import make_instance
    from tests.plugins.engine import LiveEngine, installed_models_root

    from appliance.phrasebook import build_placeholder
    from appliance.speech.prompt_pack import PromptPack
    from appliance.speech.stt import load_transcriber

    models_root = installed_models_root()
    if models_root is None:
        sys.exit("speech models not installed: dentalcall models install --defaults")
    clips = [c for c in reference_clips(Path(settings.load().shared_dir)) if args.only in c[0].name]
    work = Path(tempfile.mkdtemp(prefix="dentalcall-callpath-"))
    played: dict[Path, Path] = {}
    for path, _ in clips:
        if args.level:
            pcm, rate = read_audio(path)
            pcm16 = at_level(resample_pcm16(pcm, rate, 8000), args.level)
            played[path] = sipp.write_wav(work / path.name, np.frombuffer(pcm16, "<i2"))
        else:
            played[path] = path
    started, load_start = time.monotonic(), loadavg()
    inst = make_instance(prefix="dentalcall-callpath-")
    engine = None
    call_pairs, rows = [], []
    try:
        inst.asterisk.start(timeout=60)
        env = dict(inst.env, DENTALCALL_MODELS_ROOT=str(models_root), DENTALCALL_LLM_MODEL="",
                   DENTALCALL_BACKGROUND_SERVICES="0")
        for item in args.set:
            name, _, value = item.partition("=")
            env["DENTALCALL_" + name.strip().upper()] = value.strip()
        if args.debug_log:
            env.update(DENTALCALL_DEBUG="1", DENTALCALL_LOG_PHI="1")
        config = settings.load(env=env)
        build_placeholder(config)
        engine = LiveEngine(inst, env, inst.home / "engine.log")
        engine.start()
        pack = PromptPack.load(config)
        wait = sum(len(pack.pcm(k) or b"") for k in ("greeting", "how_can_i_help")) / 16000 + 1.0
        for i, (path, ref) in enumerate(clips):
            since = last_call_id(config)
            seconds = sipp.wav_seconds(played[path])
            result = sipp.place_call("127.0.0.1", config.sip_port, [(None, wait), (played[path], 0.0), (None, 8.0)],
                                     hold_seconds=wait + seconds + 7.0, timeout=90, from_user=f"0105000{i:04d}")
            said = ""
            if result.ok:
                for _call, turns in crm_turns(config, since):
                    said = " ".join(t.text for t in turns if t.speaker == "caller" and t.text)
                    if args.only:  # looking at one clip: every turn
                        for t in turns:
                            print(f"    {t.speaker} {t.text!r} speech_end={t.t_speech_end} first_audio="
                                  f"{t.t_first_audio} {t.meta}")
            result.cleanup()
            call_pairs.append((ref, said))
            rows.append((path.name, said))
            print(f"  {path.name:<40} {said}", flush=True)
    finally:
        if engine is not None:
            engine.stop()
            shutil.copy(engine.log_path, Path(tempfile.gettempdir()) / "stt_callpath_engine.log")
        try:
            inst.asterisk.stop()
        finally:
            shutil.rmtree(inst.home, ignore_errors=True)
    config = settings.load(overrides=dict(item.split("=", 1) for item in args.set) or None)
    stt = load_transcriber(config)
    whole, cut = [], []
    for path, ref in clips:
        pcm, rate = read_audio(played[path])
        pcm = resample_pcm16(pcm, rate, 8000)
        whole.append((ref, stt.transcribe(pcm, 8000).text))
        cut.append((ref, " ".join(stt.transcribe(u, 8000).text for u in utterances(pcm, config))))
    shutil.rmtree(work, ignore_errors=True)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"# Call path vs offline CER, {now}: {len(clips)} real Korean clips (8 kHz μ-law)"
             + (f" played at {args.level:.0f} dBFS" if args.level else " as recorded"),
             f"# machine: {machine_facts()}; load average {load_start} at start, {loadavg()} at end",
             f"# engine settings changed: {', '.join(args.set) or 'none (defaults)'}", "",
             f"call path (real calls, the call log's caller turns)   CER {cer(call_pairs):5.1f} %",
             f"offline, whole file (dentalcall stt transcribe)        CER {cer(whole):5.1f} %",
             f"offline, cut by our VAD + endpointer                   CER {cer(cut):5.1f} %", "",
             "# per clip: what the call log heard"]
    lines += [f"#   {name:<40} {said}" for name, said in rows]
    lines.append(f"# total {time.monotonic() - started:.0f} s")
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write:
        Path(args.write).write_text(report, encoding="utf-8")


if __name__ == "__main__":
    if os.geteuid() != 0:
        sys.exit("run as root (Asterisk)")
    main()
