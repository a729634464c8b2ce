"""STT accuracy and decode time at 8 kHz μ-law on the real Korean clips in ``shared_dir/data/speech-ko``.

    python bench/stt_cer.py [--repeat 3] [--out bench/stt_results.txt]

Reference: the clips have NO human transcript. The only text is ``machine_transcript_unverified`` in
transcripts.tsv, which is Whisper base (int8, beam 5, full 30 s window) on the 16 kHz originals. So "CER" here is
the distance to that machine transcript: it measures how much the phone path (8 kHz μ-law), the encoder window,
the VAD cut and the engine change the output, not true accuracy, and it favours Whisper's full-window setting.
Four clips (19 s of speech) are far too few for a decision on their own; issue 5's 100-clip numbers (14.3 % /
17.1 % / 22.0 % CER for full / 10 s / utterance+1 s windows) are the larger sample.

Variants: whisper windows full / 10 / 5 / utt+1, on the whole clip and on the utterances our own VAD +
endpointer cut (what a call decodes); the measures (Hangul-only output, temperature fallback, hints);
vosk fed at 8 kHz and upsampled to 16 kHz.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from appliance import settings  # noqa: E402
from appliance.speech.endpointer import END_OF_UTTERANCE, Endpointer  # noqa: E402
from appliance.speech.models import install_defaults, model_path  # noqa: E402
from appliance.speech.stt.audio import read_audio, resample_pcm16  # noqa: E402
from appliance.speech.vad import VoiceActivityDetector, iter_frames  # noqa: E402


# what a question would offer as expected answers (here: the words of the two test contexts)
HINTS = ["파란색", "빨간색", "불", "커피", "빅스비", "코뿔소", "아이스크림"]


# The only ground truth the clips have: the words their source repositories' tests expect (SOURCES.md).
KEYWORDS = {
    "ko_rhino_light_blue_8k_ulaw.wav": ["파란색"],
    "ko_porcupine_3_keywords_8k_ulaw.wav": ["빅스비", "코뿔소", "아이스크림"],
    "ko_porcupine_bixby_8k_ulaw.wav": ["빅스비"],
}


def normalise(text: str) -> str:
    return re.sub(r"[\s\.,!?~\"'·…-]", "", text.lower())


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def vad_cut(pcm: bytes) -> list[bytes]:
    ep = Endpointer(vad=VoiceActivityDetector(2))
    cuts = []
    for frame in iter_frames(pcm + b"\0" * 16000):  # 1 s of silence so the last utterance ends
        cuts += [e.audio for e in ep.feed(frame) if e.kind == END_OF_UTTERANCE]
    return cuts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="decodes per clip and variant (median time)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--clips", type=Path, default=None,
                        help="folder with *.wav + transcripts.tsv (file, text[, machine_transcript_unverified]); "
                             "default shared_dir/data/speech-ko, 8 kHz mu-law files only. A clinic's own "
                             "recordings with human transcripts in `text` go here.")
    args = parser.parse_args()
    config = settings.load()
    install_defaults(config)
    clips_dir = args.clips or Path(config.shared_dir) / "data" / "speech-ko"
    rows = list(csv.DictReader(open(clips_dir / "transcripts.tsv", encoding="utf-8"), delimiter="\t"))
    if args.clips:  # human references where given
        clips = [(clips_dir / r["file"], r.get("text") or r.get("machine_transcript_unverified", "")) for r in rows]
    else:  # the shared clips: only the machine transcript exists (see the module docstring)
        clips = [(clips_dir / r["file"], r["machine_transcript_unverified"]) for r in rows if "8k_ulaw" in r["file"]]

    from appliance.speech.stt.vosk import VoskTranscriber
    from appliance.speech.stt.whisper import WhisperTranscriber

    whisper = WhisperTranscriber(model_path(config, "whisper-base"))
    latin = WhisperTranscriber(model_path(config, "whisper-base"), hangul_only=False)
    fallback = WhisperTranscriber(model_path(config, "whisper-base"), temperatures=(0.0, 0.2, 0.4, 0.6, 0.8, 1.0))
    vosk = VoskTranscriber(model_path(config, "vosk-ko-small"))
    audio = {}
    for path, _ in clips:  # every clip goes through the phone path: 8 kHz (a clinic's recordings may be wideband)
        pcm, rate = read_audio(path)
        audio[path] = (resample_pcm16(pcm, rate, 8000), 8000)
    cuts = {path: vad_cut(pcm) for path, (pcm, _) in audio.items()}
    whisper.transcribe(audio[clips[0][0]][0], 8000)  # warm-up

    variants = []
    for window in ("full", "10", "5", "utt+1"):
        variants.append((f"whisper window={window} whole clip", lambda p, w=window: [
            whisper.transcribe(audio[p][0], 8000, window=w)]))
        variants.append((f"whisper window={window} VAD-cut", lambda p, w=window: [
            whisper.transcribe(c, 8000, window=w) for c in cuts[p]]))
    variants.append(("whisper full whole clip, Latin allowed",
                     lambda p: [latin.transcribe(audio[p][0], 8000, window="full")]))
    variants.append(("whisper 10 VAD-cut, Latin allowed",
                     lambda p: [latin.transcribe(c, 8000, window="10") for c in cuts[p]]))
    variants.append(("whisper 10 VAD-cut, temp. fallback",
                     lambda p: [fallback.transcribe(c, 8000, window="10") for c in cuts[p]]))
    variants.append(("whisper 10 VAD-cut, hints",
                     lambda p: [whisper.transcribe(c, 8000, window="10", hints=HINTS) for c in cuts[p]]))
    variants.append(("vosk 8 kHz whole clip", lambda p: [vosk.transcribe(audio[p][0], 8000)]))
    variants.append(("vosk upsampled 16 kHz",
                     lambda p: [vosk.transcribe(resample_pcm16(audio[p][0], 8000, 16000), 16000)]))

    lines = []
    out = lines.append
    seconds = sum(len(a[0]) for a in audio.values()) / 16000
    out(f"# STT at 8 kHz mu-law, {len(clips)} real Korean clips ({seconds:.1f} s audio), "
        f"{os.cpu_count()} cores shared, cpu_threads=2, beam 5, int8")
    out("# Reference = machine_transcript_unverified (Whisper base on the 16 kHz originals), NOT a human transcript.")
    out("# CER = character edit distance / reference characters (spaces and punctuation removed), pooled over clips.")
    out("# decode = wall seconds per utterance over --repeat runs (p50, max); whole clip 2.3-9.0 s, VAD-cut utterances")
    out("#          1.0-3.0 s. cpu = process CPU seconds per utterance (both threads), less sensitive to other load.")
    out(f"# load average at start (other work shares the cores; times are inflated when > 2): {os.getloadavg()[0]:.1f}")
    out("")
    n_keywords = sum(len(v) for v in KEYWORDS.values())
    out(
        "# keywords = how many of the words the clips' source tests expect (파란색; 빅스비, 코뿔소, 아이스크림; 빅스비)"
    )
    out("#            appear in the output: the only real ground truth here.")
    out(f"{'variant':<38} {'CER':>6} {'keywords':>8} {'decode p50':>10} {'decode max':>10} {'cpu p50':>9}")
    detail = []
    for label, run in variants:
        errors = chars = hits = 0
        times, cpu = [], []
        for path, ref in clips:
            texts = None
            for _ in range(args.repeat):
                cpu_start = time.process_time()
                results = run(path)
                cpu.append((time.process_time() - cpu_start) / max(1, len(results)))
                times += [r.decode_seconds for r in results]
                texts = " ".join(r.text for r in results)
            hyp = normalise(texts)
            errors += edit_distance(normalise(ref), hyp)
            chars += len(normalise(ref))
            hits += sum(normalise(k) in hyp for k in KEYWORDS.get(path.name, []))
            detail.append(f"{label:<38} {path.name:<38} {texts}")
        out(f"{label:<38} {100 * errors / chars:>5.1f}% {hits:>4}/{n_keywords} {statistics.median(times):>9.2f}s "
            f"{max(times):>9.2f}s {statistics.median(cpu):>8.2f}s")
        print(lines[-1], flush=True)
    out(f"# load average at end: {os.getloadavg()[0]:.1f}")
    out("")
    out("# transcripts")
    lines.extend(detail)
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
