"""Pieces (decoding while the caller talks) against decoding at pauses only: accuracy and what is left to decode.

    python bench/eot_pieces.py [--pieces 2000:60:20,1500:60:20] [--only zeroth] [--out bench/eot_pieces.txt]

Every clip of ``shared_dir/data/speech-ko`` and ``speech-ko-read`` (8 kHz μ-law) goes through the real VAD and
endpointer (settings ``endpoint_*``, end of turn on silence) and is decoded as the call runner decodes it: a piece
at each ``piece`` event, the utterance so far at each short pause, each built on the latest boundary it fits
(``calls.segments``; the STT counts as never busy), and the utterance at its end on the same chain. Compared for
each ``--pieces`` setting (``endpoint_piece_ms:endpoint_piece_dip_ms:endpoint_piece_dip_db``; ``0`` = no pieces,
the decoding before pieces): CER against the references (read clips: human transcripts; the spontaneous clips:
unverified machine transcripts, as in bench/stt_callpath.py), how much audio the decode at the end of each
utterance held (what the caller waits for), and that decode's time on this machine (one thread, like a worker).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eot_cutoffs import Decoder  # noqa: E402
from stt_cer import edit_distance, normalise  # noqa: E402
from stt_levels import reference_clips  # noqa: E402

from appliance import settings  # noqa: E402
from appliance.calls import segments  # noqa: E402
from appliance.speech import endpointer as ep  # noqa: E402
from appliance.speech.stt.audio import read_audio, resample_pcm16  # noqa: E402
from appliance.speech.vad import VoiceActivityDetector, iter_frames  # noqa: E402

RATE = 8000


class CallHints:
    """The transcriber as a call's question uses it: with its hotwords (``asker.HINTS``) and n-best; a piece's tail
    (a decode with the context window) with them too when ``tail_hints``, else as the call runner
    (``segments.hints_for``)."""

    def __init__(self, transcriber, hints: list[str], n_best: int, tail_hints: bool):
        self.transcriber, self.hints, self.n_best, self.tail_hints = transcriber, hints, n_best, tail_hints

    def transcribe(self, audio: bytes, rate: int, window: str | None = None):
        hints = self.hints if self.tail_hints else segments.hints_for(self.hints, window)
        return self.transcriber.transcribe(audio, rate, hints=hints or None, n_best=self.n_best,
                                           **({"window": window} if window else {}))


def decode_like_a_call(pcm: bytes, s: ep.EndpointerSettings, decode: Decoder, vad_level: int) -> tuple[str, list]:
    """The clip's transcript (its utterances' texts) and, per utterance, (bytes decoded at its end, seconds)."""
    e = ep.Endpointer(s, vad=VoiceActivityDetector(vad_level))
    texts, finals = [], []
    chain: list[tuple[int, int, int, object]] = []
    last = None
    for frame in iter_frames(b"\0" * RATE + pcm + b"\0" * RATE * 3):
        for event in e.feed(frame):
            if event.kind == ep.SPECULATIVE_END:
                last = (len(event.audio), decode.pieces(event.audio, chain))
            elif event.kind == ep.PIECE:
                tail_from = segments.piece_tail_from(event.tail_from)
                chain.append((len(event.audio), tail_from, tail_from, decode.pieces(event.audio, chain, True)))
            elif event.kind == ep.SPEECH_RESUMED:
                if last is not None and last[0] >= segments.MIN_PIECE_BYTES:
                    chain.append((last[0], segments.pause_tail_from(last[0]),
                                  segments.pause_tail_from(last[0], context=True), last[1]))
            elif event.kind == ep.END_OF_UTTERANCE:
                base = next((c for c in reversed(chain) if segments.fits(c[0], len(event.audio))), None)
                tail = event.audio[base[1]:] if base else event.audio
                window = segments.TAIL_WINDOW if base and base[0] - base[1] > segments.OVERLAP_BYTES else None
                result = decode.pieces(event.audio, chain)
                t0 = time.perf_counter()
                decode.transcriber.transcribe(tail, RATE, **({"window": window} if window else {}))  # timed anew
                finals.append((len(tail), time.perf_counter() - t0))
                texts.append(str(getattr(result, "text", "") or ""))
                chain, last = [], None
    return " ".join(t for t in texts if t), finals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pieces", default="0,2000:60:20,1500:60:20,1500:60:18",
                        help="comma-separated piece_ms:dip_ms:dip_db settings (0: no pieces)")
    parser.add_argument("--only", default="", help="only the clips whose file name contains this")
    parser.add_argument("--hints", default="", help="decode with this question's hotwords (asker.HINTS), e.g. need")
    parser.add_argument("--tail-hints", action="store_true", help="with --hints: a piece's tail decodes with them too")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    config = settings.load(overrides={"stt_threads": "1"})
    from appliance.speech.stt import load_transcriber

    clips = [c for c in reference_clips(Path(config.shared_dir)) if args.only in c[0].name]
    transcriber = load_transcriber(config)
    hints_note = "no hints"
    if args.hints:
        from appliance.conversation.asker import HINTS

        transcriber = CallHints(transcriber, HINTS[args.hints], int(config.stt_n_best), args.tail_hints)
        hints_note = (f"the '{args.hints}' question's hints, n-best {config.stt_n_best}; a piece's tail "
                      + ("with them too" if args.tail_hints else "without them"))
    decode = Decoder(transcriber)
    load0 = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    started = time.monotonic()
    base = ep.EndpointerSettings.from_config(config)
    lines = [f"# Pieces vs pauses only, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M UTC}: "
             f"{len(clips)} real Korean clips (8 kHz μ-law), decoded as a call decodes them (end of turn on silence)",
             f"# Whisper {config.stt_whisper_model} window {config.stt_whisper_window} beam {config.stt_beam_size}, "
             f"1 thread, level {config.stt_level_dbfs} dBFS; {hints_note}, no prompt",
             "# setting = endpoint_piece_ms:endpoint_piece_dip_ms:endpoint_piece_dip_db (0: no pieces); end decode = "
             "the audio decoded at an utterance's end (after its latest piece or pause) and its time here", ""]
    details = []
    for spec in args.pieces.split(","):
        parts = [float(p) for p in spec.split(":")] + [0, 0]
        s = dataclasses.replace(base, piece_ms=int(parts[0]), piece_dip_ms=int(parts[1] or base.piece_dip_ms),
                                piece_dip_db=parts[2] or base.piece_dip_db)
        errors = chars = 0
        read_errors = read_chars = 0
        finals = []
        for path, reference in clips:
            pcm, rate = read_audio(path)
            text, ends = decode_like_a_call(resample_pcm16(pcm, rate, RATE), s, decode, int(config.vad_aggressiveness))
            err, n = edit_distance(normalise(reference), normalise(text)), len(normalise(reference))
            errors, chars = errors + err, chars + n
            if "speech-ko-read" in str(path):
                read_errors, read_chars = read_errors + err, read_chars + n
            finals += ends
            details.append(f"#   {spec:<12} {path.name:<38} {text}")
        secs = [b / 2 / RATE for b, _ in finals]
        times = [t * 1000 for _, t in finals]
        lines.append(f"{spec:<12} CER {100 * errors / max(1, chars):5.1f} %  "
                     f"(read clips {100 * read_errors / max(1, read_chars):5.1f} %)"
                     f"  end decode: audio p50 {statistics.median(secs):.2f} s max {max(secs):.2f} s,"
                     f" time p50 {statistics.median(times):.0f} ms max {max(times):.0f} ms")
        print(lines[-1], flush=True)
    lines += ["", "# what each heard:"] + details
    lines += ["", f"# load average {load0} at start, {' '.join(Path('/proc/loadavg').read_text().split()[:3])} at end;"
              f" {time.monotonic() - started:.0f} s"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
