"""Hearing quiet callers: the shared Korean clips at −20, −30, −40 and −45 dBFS through the VAD, the endpointer
and Whisper as a call decodes them, with and without the automatic gain before decoding (``stt_level_dbfs``).

    python bench/stt_levels.py [--levels -20,-30,-40,-45] [--out bench/stt_levels.txt]

Per level and variant: utterances the endpointer found (0 = the caller was taken for silence), utterances the
STT policy rejected (``calls/stt_policy``: empty, no speech, guessing), and CER against the references (the
read clips' human transcripts; the spontaneous clips' unverified machine transcripts, see bench/stt_results.txt).
The level is the RMS of the whole clip (as the issue measured it), set by digital gain on the 8 kHz audio.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from stt_cer import edit_distance, normalise  # noqa: E402

from appliance import settings  # noqa: E402
from appliance.calls.stt_policy import DEFAULT as STT_POLICY  # noqa: E402
from appliance.speech import endpointer as ep  # noqa: E402
from appliance.speech.models import model_path  # noqa: E402
from appliance.speech.stt.audio import read_audio, resample_pcm16  # noqa: E402
from appliance.speech.vad import iter_frames  # noqa: E402


def reference_clips(shared: Path) -> list[tuple[Path, str]]:
    """(8 kHz μ-law clip, reference text) for speech-ko-read (human) and speech-ko (machine, unverified)."""
    out = []
    for folder, column in (("speech-ko-read", "text"), ("speech-ko", "machine_transcript_unverified")):
        for row in csv.DictReader(open(shared / "data" / folder / "transcripts.tsv", encoding="utf-8"),
                                  delimiter="\t"):
            if "8k_ulaw" in row["file"]:
                out.append((shared / "data" / folder / row["file"], row[column]))
    return out


def rms_dbfs(pcm: bytes) -> float:
    x = np.frombuffer(pcm, "<i2").astype(np.float64)
    return float(20 * np.log10(np.sqrt(np.mean(x * x)) / 32768))


def at_level(pcm: bytes, dbfs: float) -> bytes:
    x = np.frombuffer(pcm, "<i2").astype(np.float64) * 10 ** ((dbfs - rms_dbfs(pcm)) / 20)
    return np.clip(np.round(x), -32768, 32767).astype("<i2").tobytes()


def utterances(pcm: bytes, config) -> list[bytes]:
    e = ep.Endpointer.from_config(config)
    silence = b"\0" * 16000
    return [ev.audio for frame in iter_frames(silence + pcm + silence * 2) for ev in e.feed(frame)
            if ev.kind == ep.END_OF_UTTERANCE]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", default="-20,-30,-40,-45")
    parser.add_argument("--targets", default="off,-20,-20+prompt",
                        help="automatic gain targets to compare (off = none; +prompt: with the clinic prompt)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    config = settings.load()
    from appliance.speech.stt.whisper import WhisperTranscriber

    clips = reference_clips(Path(config.shared_dir))
    audio = {}
    for path, _ in clips:
        pcm, rate = read_audio(path)
        audio[path] = resample_pcm16(pcm, rate, 8000)
    load0 = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    lines = [f"# Quiet callers, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}: {len(clips)} "
             f"real Korean clips (8 kHz μ-law) set to each level (RMS of the whole clip), cut by the VAD + "
             f"endpointer (vad_aggressiveness {config.vad_aggressiveness}), decoded by Whisper "
             f"{config.stt_whisper_model} window {config.stt_whisper_window}, judged by the STT policy",
             "# found = utterances the endpointer cut (clips with none = taken for silence); rejected = decodes the "
             "STT policy rejected; CER over all clips (rejected text counts as nothing heard)", "",
             f"{'level':>6} {'gain before decode':<20} {'silent clips':>12} {'utterances':>10} {'rejected':>8} "
             f"{'CER':>6} {'read CER':>8}"]
    from appliance.calls.speech import clinic_prompt

    prompt_text = clinic_prompt(config)
    lines.insert(2, f"# +prompt = Whisper's prompt is the clinic vocabulary (stt_clinic_prompt): {prompt_text}")
    for target in args.targets.split(","):
        gain, _, with_prompt = target.partition("+")
        level_dbfs = None if gain == "off" else float(gain)
        prompt = prompt_text if with_prompt else None
        stt = WhisperTranscriber(model_path(config, config.stt_whisper_model), cpu_threads=int(config.stt_threads),
                                 beam_size=int(config.stt_beam_size), window=config.stt_whisper_window,
                                 level_dbfs=level_dbfs)
        for level in (float(x) for x in args.levels.split(",")):
            silent = found = rejected = errors = chars = read_errors = read_chars = 0
            for path, ref in clips:
                cuts = utterances(at_level(audio[path], level), config)
                found += len(cuts)
                silent += not cuts
                texts = []
                for cut in cuts:
                    judged = STT_POLICY.judge(stt.transcribe(cut, 8000, prompt=prompt))
                    rejected += judged.rejected
                    texts.append("" if judged.rejected else judged.text)
                e, c = edit_distance(normalise(ref), normalise(" ".join(texts))), len(normalise(ref))
                errors, chars = errors + e, chars + c
                if "speech-ko-read" in str(path):
                    read_errors, read_chars = read_errors + e, read_chars + c
            lines.append(f"{level:>6.0f} {target:<20} {silent:>12} {found:>10} {rejected:>8} "
                         f"{100 * errors / chars:>5.1f}% {100 * read_errors / max(1, read_chars):>7.1f}%")
            print(lines[-1], flush=True)
    lines += ["", f"# load average {load0} at start, {' '.join(Path('/proc/loadavg').read_text().split()[:3])} at end"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
