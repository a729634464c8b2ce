"""The clinic's voice, measured: recordings needed and reading time; intelligibility (CER through Whisper at
8 kHz μ-law, the call path) of the placeholder voice, of real speech and of stitched speech; and the take
check's accept/reject counts on real speech, wrong text, silence, clipping, noise and mumbling.

    PYTHONPATH=. DENTALCALL_SHARED_DIR=… python bench/voice_pack.py > bench/voice_pack.txt

Real speech: the read clips with human transcripts (shared_dir/data/speech-ko-read). There is no recording of
the clinic's own phrases or of the fragment lists yet, so "stitched real speech" is the read clips cut into
words at their pauses and joined again by the fragment joiner (trim, pack level, fades, word gaps): it
measures what the joining does to a real voice. Stitched placeholder fragments are measured on readouts.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from appliance import settings  # noqa: E402
from appliance.language import speak  # noqa: E402
from appliance.phrasebook import build_placeholder, facts_sentences, load_pack, spoken_table  # noqa: E402
from appliance.speech import audio, decode, fragments  # noqa: E402
from appliance.speech.recording_script import ScriptItem, build_script, summary  # noqa: E402
from appliance.speech.take_check import CER_LIMIT, _frame_db, _speech_threshold, cer, check_take  # noqa: E402

HISTORY = ("130 recordings / 17.3 min when the voice was first counted (issue 13); 160 / 21.6 min once the "
           "dialogs of issue 11 added their phrases; since then one table: sentences said in several places are one "
           "key, longer messages are whole recorded sentences said in turn (phrases.JOINED), unused keys dropped")
READOUTS = [  # what the dialogs read from fragments: (spoken text, what Whisper must give back)
    (speak.say_datetime(dt.datetime(2026, 12, 3, 15, 30)), "12월 3일 목요일 오후 3시 반"),
    (speak.say_datetime(dt.datetime(2026, 6, 10, 10, 0)), "6월 10일 수요일 오전 10시"),
    (speak.say_datetime(dt.datetime(2026, 10, 21, 11, 15)), "10월 21일 수요일 오전 11시 15분"),
    (speak.say_time(dt.time(14, 0)) + "부터 " + speak.say_time(dt.time(18, 30)) + "까지입니다.",
     "오후 2시부터 오후 6시 반까지입니다"),
    (speak.say_price(15000) + "입니다.", "15,000원입니다"),
    (speak.say_price(1200000) + "에서 " + speak.say_price(1500000) + "까지입니다.", "120만 원에서 150만 원까지입니다"),
    (speak.say_phone("02-555-0100"), "02-555-0100"),
    ("스케일링, " + speak.say_date(dt.date(2026, 11, 2)), "스케일링 11월 2일 월요일"),
]


def load_stt(config):
    from appliance.speech.stt import load_transcriber

    stt = load_transcriber(config)
    return lambda pcm: stt.transcribe(pcm, 8000).text


def on_the_line(pcm: bytes) -> bytes:
    return audio.ulaw_to_pcm(audio.pcm_to_ulaw(pcm))


def pooled(pairs) -> float:
    from appliance.speech.take_check import _edits, spoken_chars

    edits = sum(_edits(spoken_chars(ref), spoken_chars(hyp)) for ref, hyp in pairs)
    chars = sum(len(spoken_chars(ref)) for ref, _ in pairs)
    return edits / max(1, chars)


def read_clips(shared: Path) -> list[tuple[str, Path, str]]:
    folder = shared / "data" / "speech-ko-read"
    rows = csv.DictReader(open(folder / "transcripts.tsv", encoding="utf-8"), delimiter="\t")
    return [(r["file"][:-8], folder / r["file"], r["text"]) for r in rows if r["file"].endswith("_16k.wav")]


def restitch(pcm: bytes) -> tuple[bytes, int]:
    """Cut real speech into words at its pauses (as a list take is cut) and join them with the fragment
    joiner's gaps; returns (stitched, number of pieces)."""
    from appliance.speech.take_check import split_parts

    db = _frame_db(pcm)
    _, thr = _speech_threshold(db)
    quiet = db < thr
    gaps = 0
    i = 0
    while i < len(quiet):  # count pauses ≥ 120 ms
        if quiet[i]:
            j = i
            while j < len(quiet) and quiet[j]:
                j += 1
            gaps += 0 < i and j < len(quiet) and (j - i) >= 12
            i = j
        else:
            i += 1
    parts = split_parts(pcm, gaps + 1) or [pcm]
    pieces = [audio.fade(audio.normalise_loudness(p), fragments.FADE_MS) for p in parts]
    return audio.silence(fragments.GAP_WORD_MS).join(pieces), len(pieces)


def main() -> None:
    load0 = os.getloadavg()
    t0 = time.monotonic()
    shared = Path(settings.load().shared_dir)
    home = tempfile.mkdtemp(prefix="voice-bench-")
    models_root = os.environ.get("DENTALCALL_MODELS_ROOT", "/var/lib/dentalcall/models")
    config = settings.load(overrides={"home": home, "models_root": models_root}, env={})
    transcribe = load_stt(config)
    out = print
    out(f"# The clinic's voice: bench/voice_pack.py, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC")
    out(f"# machine: {os.cpu_count()} cores, shared with other developers' work; load average at start "
        f"{load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f} (only CER/counts here: load does not change them)")
    out("# STT: the call path's Whisper (base, int8, window as on calls) on 8 kHz audio through G.711 μ-law and back")
    out(f"# CER = character edit distance / reference syllables, digits read as spoken, spaces/punctuation ignored;"
        f" the take check keeps a take at CER <= {CER_LIMIT:.2f}")

    items = build_script(spoken_table(config), config.clinic_name, config)
    s = summary(items)
    out("\n## Recordings needed (default clinic, no doctors in the facts, no clinic sentences)")
    out(f"recordings: {s['recordings']} ({s['phrases']} sentences + {s['fragment_takes']} word lists) covering "
        f"{s['entries']} pack entries; {s['syllables']} syllables")
    out(f"reading time: {s['reading_minutes']} min (4.5 syllables/s, 3 s per item, 0.8 s between listed words); "
        f"by phone (*77) with each take played back: {s['phone_session_minutes']} min")
    from appliance.data.clinic import facts as facts_module

    own = facts_sentences(facts_module.load(facts_module.EXAMPLE))
    c = summary(build_script({**spoken_table(config), **own}, config.clinic_name, config))
    out(f"with a clinic's own sentences like the example facts file's ({len(own)}: address, directions, parking, "
        f"emergency guidance, price notes): {c['recordings']} recordings, {c['reading_minutes']} min of reading, "
        f"{c['phone_session_minutes']} min by phone")
    out("goal: <= 150 recordings, <= 30 min of reading")
    out(f"history: {HISTORY}")

    out("\n## Intelligibility (pooled CER)")
    build_placeholder(config)
    pack = load_pack(config)
    pairs = []
    for key, text in pack.expected_prompts().items():
        pairs.append((text, transcribe(on_the_line(pack.pcm(key)))))
    worst = sum(cer(ref, hyp) > CER_LIMIT for ref, hyp in pairs)
    out(f"placeholder voice (espeak-ng ko), {len(pairs)} phrases: CER {pooled(pairs):.0%}; "
        f"{worst}/{len(pairs)} would fail the take check")
    for ref, hyp in pairs[:3]:
        out(f"#   {ref[:40]!r} -> {hyp[:40]!r}")
    clips = read_clips(shared)
    real = []
    stitched = []
    pieces_total = 0
    for _name, path, text in clips:
        pcm = audio.load_phone_pcm(path)
        real.append((text, transcribe(on_the_line(pcm))))
        joined, n = restitch(pcm)
        pieces_total += n
        stitched.append((text, transcribe(on_the_line(joined))))
    out(f"real read speech, {len(real)} clips: CER {pooled(real):.0%}")
    out(f"stitched real speech (same clips cut at their pauses into {pieces_total} pieces, re-joined by the "
        f"fragment joiner: trim, pack level, {fragments.FADE_MS} ms fades, {fragments.GAP_WORD_MS} ms gaps): "
        f"CER {pooled(stitched):.0%}")
    readouts = []
    for spoken, written in READOUTS:
        pcm = fragments.speak_fragments(spoken, pack, config)
        readouts.append((spoken, written, transcribe(on_the_line(pcm)) if pcm else "(no fragments)"))
    right = sum(cer(spoken, heard) == 0.0 for spoken, _, heard in readouts)
    out(f"stitched placeholder fragments, {len(readouts)} readouts (dates, times, prices, a phone number): CER "
        f"{pooled([(a, c) for a, _, c in readouts]):.0%}; {right}/{len(readouts)} given back exactly")
    for spoken, written, heard in readouts:
        out(f"#   {written:<34} spoken {spoken!r:<44} heard {heard!r}")

    out("\n## The take check (kept / refused)")
    rng = np.random.default_rng(13)
    rows = {"real speech of the text": [], "another text (wrong clip)": [], "silence": [], "clipping (x12)": [],
            "noise (SNR ~5 dB)": [], "mumbled (speech reversed)": []}
    for i, (_name, path, text) in enumerate(clips):
        samples, rate = decode.decode(path)
        mine = ScriptItem(1, "x", "clinic", text, ("x",), (text,))
        other_text = clips[(i + 1) % len(clips)][2]
        other = ScriptItem(1, "x", "clinic", other_text, ("x",), (other_text,))
        level = float(np.sqrt(np.mean(samples ** 2)))
        rows["real speech of the text"].append(check_take(samples, rate, mine, transcribe))
        rows["another text (wrong clip)"].append(check_take(samples, rate, other, transcribe))
        rows["silence"].append(check_take(rng.normal(0, 1e-4, rate * 3).astype(np.float32), rate, mine, transcribe))
        rows["clipping (x12)"].append(check_take(np.clip(samples * 12, -1, 1), rate, mine, transcribe))
        noisy = samples + rng.normal(0, level * 0.6, len(samples)).astype(np.float32)
        rows["noise (SNR ~5 dB)"].append(check_take(noisy, rate, mine, transcribe))
        rows["mumbled (speech reversed)"].append(check_take(samples[::-1].copy(), rate, mine, transcribe))
    out(f"{'take':<28} {'kept':>5} {'refused':>8}  reasons")
    for label, results in rows.items():
        kept = sum(r.ok for r in results)
        reasons: dict[str, int] = {}
        for r in results:
            for c in r.codes:
                reasons[c] = reasons.get(c, 0) + 1
        cers = [r.cer for r in results if r.cer is not None]
        extra = f"  CER {min(cers):.0%}-{max(cers):.0%}" if cers else ""
        out(f"{label:<28} {kept:>5} {len(results) - kept:>8}  {reasons}{extra}")
    load1 = os.getloadavg()
    out(f"\n# load average at end {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f}; "
        f"bench took {time.monotonic() - t0:.0f} s")


if __name__ == "__main__":
    main()
