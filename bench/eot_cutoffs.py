"""False cut-offs of the end-of-turn policy on real Korean speech with pauses inserted mid-sentence.

    python bench/eot_cutoffs.py [--gaps 300,450,600] [--cuts 4] [--policy korean,silence] [--out bench/eot_results.txt]

Every clip of ``shared_dir/data/speech-ko`` and ``speech-ko-read`` (8 kHz μ-law, the phone path) is split at word
boundaries (Whisper's word timestamps, snapped to the quietest 20 ms frame nearby) and a pause of each ``--gaps``
length is inserted there: "지난해 삼 월 김 전 장관의 [450 ms] 동료 인 …". Each spliced clip goes through what a call
uses — the real VAD and endpointer (settings ``endpoint_*``), a real Whisper decode of the speculative audio at
every short pause, and the end-of-turn policy (``end_of_turn``) with no question asked (``expect`` None) — and
the turn ends where the policy says. A **false cut-off** is a turn that ends before the speaker does (at the
inserted pause or at one of the clip's own pauses). Decodes count as instant, which can only add cut-offs (a
slow decode that comes back after the caller resumed is dropped).

Also reported: how long each policy waits at the real end of the sentence (silence before the turn ends:
the latency the policy adds before the decode/answer).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from appliance import settings  # noqa: E402
from appliance.calls import end_of_turn, segments  # noqa: E402
from appliance.calls.stt_policy import DEFAULT as STT_POLICY  # noqa: E402
from appliance.speech import endpointer as ep  # noqa: E402
from appliance.speech.stt.audio import pcm16_to_float, read_audio, resample_pcm16  # noqa: E402
from appliance.speech.vad import VoiceActivityDetector, iter_frames, rms_dbfs  # noqa: E402

RATE = 8000
FRAME = 320  # bytes of a 20 ms frame


def clips(shared: Path) -> list[Path]:
    found = []
    for folder in ("speech-ko", "speech-ko-read"):
        rows = csv.DictReader(open(shared / "data" / folder / "transcripts.tsv", encoding="utf-8"), delimiter="\t")
        found += [shared / "data" / folder / r["file"] for r in rows if "8k_ulaw" in r["file"]]
    return found


def word_boundaries(model, pcm: bytes) -> list[float]:
    """Seconds between consecutive words (Whisper word timestamps on the 8 kHz clip)."""
    audio = pcm16_to_float(resample_pcm16(pcm, RATE, 16000))
    segments, _ = model.transcribe(audio, language="ko", beam_size=5, word_timestamps=True,
                                   condition_on_previous_text=False, vad_filter=False)
    words = [w for s in segments for w in (s.words or [])]
    return [(a.end + b.start) / 2 for a, b in zip(words, words[1:])]


def snap(pcm: bytes, at_s: float, within_s: float = 0.08) -> int:
    """Byte offset of the quietest 20 ms frame within ``within_s`` of ``at_s`` (a frame boundary)."""
    centre = int(at_s * RATE) * 2 // FRAME
    reach = int(within_s * 50)
    best, best_db = centre, 1e9
    for f in range(max(1, centre - reach), min(len(pcm) // FRAME - 1, centre + reach) + 1):
        level = rms_dbfs(pcm[f * FRAME:(f + 1) * FRAME])
        if level < best_db:
            best, best_db = f, level
    return best * FRAME


def pauses_of(pcm: bytes, config) -> tuple[float, list[tuple[float, float]]]:
    """Where the speech really ends (the endpointer's speech end with an end rule of 5 s) and every pause within
    it that reaches the speculative pause, as (start s, length s): the length as the end rules count it (the silence
    the pause reached when the speaker resumed), so a pause of ``endpoint_hold_ms`` or more is one the hold ends."""
    s = dataclass_replace(ep.EndpointerSettings.from_config(config), end_ms=5000, max_utterance_ms=60000)
    e = ep.Endpointer(s, vad=VoiceActivityDetector(int(config.vad_aggressiveness)))
    pauses: list[tuple[float, float]] = []
    paused_at = None
    for frame in iter_frames(pcm + b"\0" * RATE * 12):
        for event in e.feed(frame):
            if event.kind == ep.SPECULATIVE_END:
                paused_at = (event.t_ms - event.silence_ms) / 1000
            elif event.kind == ep.SPEECH_RESUMED and paused_at is not None:
                pauses.append((paused_at, event.silence_ms / 1000))
            elif event.kind == ep.END_OF_UTTERANCE:
                return (event.t_ms - event.silence_ms) / 1000, pauses
    return len(pcm) / 2 / RATE, pauses


def dataclass_replace(obj, **changes):
    import dataclasses

    return dataclasses.replace(obj, **changes)


class Decoder:
    def __init__(self, transcriber):
        self.transcriber = transcriber
        self.cache: dict[tuple[bytes, str | None], object] = {}
        self.seconds: list[float] = []
        self.asked = self.dropped = 0  # pause decodes the turns asked for, and those the speaker went on after

    def __call__(self, audio: bytes, window: str | None = None):
        """The raw STT result of ``audio`` (cached: the policies see the same decodes)."""
        key = (audio, window)
        if key not in self.cache:
            t0 = time.perf_counter()
            self.cache[key] = self.transcriber.transcribe(audio, RATE, **({"window": window} if window else {}))
            self.seconds.append(time.perf_counter() - t0)
        return self.cache[key]

    def pieces(self, audio: bytes, chain: list[tuple[int, int, int, object]], piece: bool = False):
        """As the call runner decodes (calls.pieces): only the rest after the latest boundary (end, tail_from,
        context_from, raw result) it fits (calls.segments), else the whole; a piece from context_from."""
        for end, tail_from, context_from, raw in reversed(chain):
            if segments.fits(end, len(audio)):
                start = context_from if piece else tail_from
                tail = audio[start:]
                window = segments.TAIL_WINDOW if end - start > segments.OVERLAP_BYTES else None
                joined = segments.combine(raw, self(tail, window), end, len(tail), end - start)
                return self(audio) if joined is None else joined
        return self(audio)


def simulate(pcm: bytes, config, policy, decode: Decoder, pieces: bool = True) -> tuple[float, int, str]:
    """Where the turn ends (the speech end it was decided on, s), the silence waited there (ms), and the text."""
    s = ep.EndpointerSettings.from_config(config)
    if policy.max_silence_ms:
        s = dataclass_replace(s, end_ms=max(s.end_ms, policy.max_silence_ms))
    e = ep.Endpointer(dataclass_replace(s, max_utterance_ms=60000),
                      vad=VoiceActivityDetector(int(config.vad_aggressiveness)))
    verdict: tuple[float, int, str] | None = None  # (speech end s, silence needed ms, text)
    chain: list[tuple[int, int, int, object]] = []  # decoded boundaries: pieces and pauses the speaker went on after
    last = None  # (bytes, raw result) of the utterance up to the last pause
    for frame in iter_frames(pcm + b"\0" * RATE * 3):
        for event in e.feed(frame):
            if event.kind == ep.SPECULATIVE_END and policy.early:
                decode.asked += 1
                raw = decode.pieces(event.audio, chain) if pieces else decode(event.audio)
                last = (len(event.audio), raw)
                transcript = STT_POLICY.judge(raw)
                speech_end = (event.t_ms - event.silence_ms) / 1000
                need = None if transcript.rejected else policy.silence_needed_ms(transcript, None)
                if need is not None:  # never before the decision pause (the decode may start sooner: decode_ms)
                    need = max(need, s.speculative_ms)
                verdict = None if need is None else (speech_end, need, transcript.text)
                if verdict and need <= event.silence_ms:
                    return speech_end, event.silence_ms, transcript.text
            elif event.kind == ep.PIECE and pieces:
                tail_from = segments.piece_tail_from(event.tail_from)
                chain.append((len(event.audio), tail_from, tail_from, decode.pieces(event.audio, chain, True)))
            elif event.kind == ep.SPEECH_RESUMED:
                verdict = None
                decode.dropped += policy.early
                if (pieces and last is not None and last[0] >= segments.MIN_PIECE_BYTES
                        and event.silence_ms >= s.speculative_ms):  # a shorter pause (an early decode): no boundary
                    chain.append((last[0], segments.pause_tail_from(last[0]),
                                  segments.pause_tail_from(last[0], context=True), last[1]))
            elif event.kind == ep.END_OF_UTTERANCE:
                speech_end = (event.t_ms - event.silence_ms) / 1000
                return speech_end, event.silence_ms, (verdict[2] if verdict else "")
        if verdict is not None and e.now_ms / 1000 >= verdict[0] + verdict[1] / 1000:
            return verdict[0], int(e.now_ms - verdict[0] * 1000), verdict[2]
    return len(pcm) / 2 / RATE, 0, ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gaps", default="300,450,600", help="inserted pause lengths, ms")
    parser.add_argument("--cuts", type=int, default=4, help="split points per clip (spread over its words)")
    parser.add_argument("--policy", default="korean,silence")
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=VALUE")
    parser.add_argument("--whole", action="store_true", help="decode the whole utterance at every pause (no pieces)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    overrides = dict(item.split("=", 1) for item in args.set)
    config = settings.load(overrides=overrides or None)
    from appliance.speech.stt import load_transcriber

    transcriber = load_transcriber(config)
    model = transcriber._model  # type: ignore[attr-defined]  # faster-whisper's model, for word timestamps
    decode = Decoder(transcriber)
    gaps = [int(g) for g in args.gaps.split(",")]
    started = time.monotonic()
    load0 = " ".join(Path("/proc/loadavg").read_text().split()[:3])

    trials = []  # (clip, cut s, gap ms, spliced pcm, true speech end s)
    for path in clips(Path(config.shared_dir)):
        pcm, rate = read_audio(path)
        pcm = resample_pcm16(pcm, rate, RATE)
        bounds = word_boundaries(model, pcm)
        if not bounds:
            continue
        picks = sorted({bounds[round(i * (len(bounds) - 1) / max(1, args.cuts - 1))] for i in range(args.cuts)})
        if len(bounds) < args.cuts:
            picks = bounds
        for at in picks:
            cut = snap(pcm, at)
            for gap in gaps:
                spliced = pcm[:cut] + b"\0" * (RATE * gap // 1000 * 2) + pcm[cut:]
                trials.append((path.name, cut / 2 / RATE, gap, spliced, *pauses_of(spliced, config)))
        trials.append((path.name, None, 0, pcm, *pauses_of(pcm, config)))  # the clip as it is

    lines = [f"# End-of-turn false cut-offs, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}: "
             f"{len(clips(Path(config.shared_dir)))} real Korean clips (8 kHz μ-law), pauses of {args.gaps} ms "
             f"inserted at {args.cuts} word boundaries each, plus each clip as it is",
             f"# settings: endpoint_speculative_ms {config.endpoint_speculative_ms}, endpoint_decode_ms "
             f"{config.endpoint_decode_ms}, endpoint_end_ms "
             f"{config.endpoint_end_ms}, endpoint_hold_ms {config.endpoint_hold_ms}, vad_aggressiveness "
             f"{config.vad_aggressiveness}; Whisper {config.stt_whisper_model} window {config.stt_whisper_window}, "
             f"{'the whole utterance at every pause' if args.whole else 'decoded in pieces (calls/segments)'}; "
             f"endpoint_piece_ms {config.endpoint_piece_ms}, endpoint_piece_dip_ms {config.endpoint_piece_dip_ms}, "
             f"endpoint_piece_dip_db {config.endpoint_piece_dip_db}; "
             f"overrides: {', '.join(args.set) or 'none'}",
             "# false cut-off = the turn ended before the speaker finished (at the inserted pause or a pause of the "
             "clip's own); wait at end = silence after the real end of speech before the turn ends",
             "# 'with every pause < hold': the trials whose pauses (inserted + the clip's own around it, as the end "
             "rules count them) all stay shorter than endpoint_hold_ms, the longest the policy waits through", ""]
    detail = []
    hold = int(config.endpoint_hold_ms)
    for name in args.policy.split(","):
        policy = end_of_turn.from_config(settings.load(overrides={**overrides, "end_of_turn": name}))
        cut_offs, waits, short_n, short_cut = 0, [], 0, 0
        for clip, at, gap, pcm, truth, pauses in trials:
            ended, waited, text = simulate(pcm, config, policy, decode, not args.whole)
            cut = ended < truth - 0.1
            cut_offs += cut
            short = max((p for _, p in pauses), default=0) < hold / 1000  # every pause shorter than the hold
            short_n += short
            short_cut += cut and short
            if not cut:
                waits.append(waited)
            else:
                where = f"pause at {at:.2f} s +{gap} ms" if at is not None else "clip as it is"
                pause = min(pauses, key=lambda p: abs(p[0] - ended), default=(0.0, 0.0))[1]
                detail.append(f"#   {name:<8} {clip:<36} {where:<22} cut at {ended:.2f} s of {truth:.2f} s "
                              f"(pause {pause:.2f} s): {text}")
        rate = 100 * cut_offs / len(trials)
        asked, dropped, decode.asked, decode.dropped = decode.asked, decode.dropped, 0, 0
        lines.append(f"{name:<8} trials {len(trials):>4}  false cut-offs {cut_offs:>3} ({rate:.1f} %)  with every "
                     f"pause < {hold} ms: {short_cut}/{short_n} ({100 * short_cut / max(1, short_n):.1f} %)"
                     f"  wait at end p50 {statistics.median(waits) if waits else 0:.0f} ms"
                     f" p95 {np.percentile(waits, 95) if waits else 0:.0f} ms"
                     + (f"  pause decodes per trial {asked / len(trials):.2f} (dropped {dropped / len(trials):.2f})"
                        if asked else ""))
        print(lines[-1], flush=True)
    lines += ["", "# the cut-offs:"] + (detail or ["#   none"])
    lines += ["", f"# {len(decode.seconds)} speculative decodes, p50 {statistics.median(decode.seconds or [0]):.2f} s; "
              f"load average {load0} at start, {' '.join(Path('/proc/loadavg').read_text().split()[:3])} at end; "
              f"{time.monotonic() - started:.0f} s"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
