"""*77 end to end: a staff phone (sipp, real Korean read speech as the staff voice) records five of the clinic's
sentences through the real Asterisk and engine; a wrong take and a silent one are refused with the reason;
the next patient call hears the new recordings (what the caller heard, transcribed by Whisper).

The five items are the clinic's own sentences (address, directions, parking, emergency guidance, a price
note) set to the read clips' human transcripts: there is no recording of the clinic's phrases, so the read
clips are the "clinic's voice" and their transcripts the script. sipp cannot listen, so the staff caller's
keys and speech follow a timeline computed from the staff prompts' own durations, with margins on every
step that depends on the machine's speed (the check runs while the take plays back).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from appliance.phrasebook import clinic_sentences, load_pack, spoken_table
from appliance.speech import audio
from appliance.speech import staff_voice as say
from appliance.speech.recording_script import build_script
from appliance.speech.take_check import CER_LIMIT, cer
from appliance.telephony import sipp
from tests import shared_data
from tests.audio_checks import heard_in_sequence, heard_prompt

pytestmark = pytest.mark.e2e

CLIPS = ("zeroth_104_003_0294", "zeroth_104_003_0352", "zeroth_104_003_0374", "zeroth_104_003_0193",
         "zeroth_104_003_0451")
PIN = "2468"
STAFF_IP = "127.0.0.77"
BEEP_S = 0.4  # Asterisk's beep plus the AGI round trip
SPEAK_AFTER_BEEP_S = 2.5  # staff start reading this long after the expected beep (RECORD_SILENCE_S is 10)
CHECK_BUDGET_S = 8.0  # the check (Whisper) runs while the take plays back; "1" is pressed this long after "#"


def _read_clips() -> dict[str, tuple[Path, str]]:
    folder = shared_data.SPEECH_KO_READ
    if not (folder / "transcripts.tsv").is_file():
        pytest.skip(shared_data.MISSING)
    rows = csv.DictReader(open(folder / "transcripts.tsv", encoding="utf-8"), delimiter="\t")
    texts = {r["file"]: r["text"] for r in rows}
    return {c: (folder / f"{c}_8k_ulaw.wav", texts[f"{c}_8k_ulaw.wav"]) for c in CLIPS}


def _facts_with(texts: list[str]) -> str:
    from appliance.data.clinic import facts

    body = facts.EXAMPLE.read_text(encoding="utf-8").replace("[demo]\nfictitious = true", "")
    for field, text in zip(("address", "directions", "parking", "emergency"), texts):
        body = re.sub(rf'(?m)^{field} = ".*"$', f'{field} = "{text}"', body)
    body = re.sub(r', note = "[^"]*"', "", body)  # no other price notes...
    return body.replace("scaling = { min = 15000, max = 20000 }",  # ...but scaling's is the fifth sentence
                        f'scaling = {{ min = 15000, max = 20000, note = "{texts[4]}" }}')


@pytest.fixture
def clinic_voice_setup(engine_running):
    config = engine_running.config
    clips = _read_clips()
    texts = [clips[c][1] for c in CLIPS]
    facts_file = Path(config.config_dir) / "clinic.toml"
    facts_file.write_text(_facts_with(texts), encoding="utf-8")
    ast = engine_running.instance.asterisk
    ast.add_extra("pjsip.conf", f"[staff77]\ntype=endpoint\ncontext=dentalcall-staff\ndisallow=all\nallow=ulaw\n"
                                f"dtmf_mode=info\ndirect_media=no\nrtp_symmetric=yes\n"
                                f"[staff77]\ntype=identify\nendpoint=staff77\nmatch={STAFF_IP}\n")
    ast.reload()
    from appliance.speech.prompt_recording import set_pin

    set_pin(config, PIN)
    engine_running.stop()  # the engine reads the clinic's sentences at start
    engine_running.start()
    try:
        yield engine_running, clips, texts
    finally:
        facts_file.unlink(missing_ok=True)
        ast.clear_extra()
        ast.reload()
        engine_running.stop()
        engine_running.start()


class Timeline:
    """The staff caller's script: audio segments and INFO key presses at absolute seconds after answer."""

    def __init__(self, staff: say.StaffVoice):
        self.staff = staff
        self.audio: list[tuple[Path | None, float]] = []
        self.keys: list[tuple[float, str]] = []
        self.t = 0.0  # where the audio stream is

    def dur(self, text: str, cue: str = "") -> float:
        return audio.duration(self.staff.pcm(text, cue))

    def key(self, at: float, digits: str) -> float:
        self.keys.append((round(at, 2), digits))
        return at + 0.25 * len(digits)

    def speak(self, at: float, clip: Path) -> float:
        assert at >= self.t, (at, self.t)
        self.audio.append((None, at - self.t))
        seconds = len(sipp.read_pcm(clip)) / sipp.RATE
        self.audio.append((clip, seconds))
        self.t = at + seconds
        return self.t

    def take(self, beep: float, clip: Path | None) -> float:
        """Read ``clip`` after the beep and press # (None: say nothing; the recording stops on silence).
        Returns when the recording ended."""
        if clip is None:
            return beep + 10.5
        end = self.speak(beep + SPEAK_AFTER_BEEP_S, clip)
        return self.key(end + 0.8, "#")


def test_staff_record_five_by_phone_and_the_next_call_hears_them(clinic_voice_setup, tmp_path):
    engine, clips, texts = clinic_voice_setup
    config = engine.config
    table = spoken_table(config)
    fact_keys = list(clinic_sentences(config))
    assert len(fact_keys) == 5, fact_keys
    items = {i.key: i for i in build_script(table, config.clinic_name, config)}
    numbers = [items[k].number for k in fact_keys]
    assert numbers == list(range(numbers[0], numbers[0] + 5))  # one after another in the script
    todo_before = len([i for i in items.values() if set(i.keys) & set(load_pack(config).not_recorded())])

    staff = say.StaffVoice(config)  # the same espeak rendering the engine uses (same files)
    tl = Timeline(staff)
    wrong, silent = CLIPS[4], None
    plan = [(0, wrong, False), (0, CLIPS[0], True), (1, silent, False), (1, CLIPS[1], True),
            (2, CLIPS[2], True), (3, CLIPS[3], True), (4, CLIPS[4], True)]
    t = tl.key(1.5, PIN + "#")
    t = tl.key(t + 1.2, f"{numbers[0]}#")
    left = todo_before
    beep = t + 0.3 + tl.dur(say.item_number(numbers[0])) + BEEP_S
    for n, (index, clip, good) in enumerate(plan):
        ended = tl.take(beep, clips[clip][0] if clip else None)
        pressed = tl.key(ended + CHECK_BUDGET_S, "1")
        number = numbers[index]
        if good:
            left -= 1
            if n + 1 == len(plan):
                break
            nxt = numbers[plan[n + 1][0]]
            saved = tl.dur(say.SAVED + " " + say.remaining(left), "ok")
            beep = pressed + 0.3 + saved + tl.dur(say.item_number(nxt)) + BEEP_S
        else:
            reason = "silent" if clip is None else "words"
            from appliance.speech.take_check import REASONS

            again = tl.key(pressed + 0.5 + tl.dur(REASONS[reason], "error") + 1.5, "2")
            beep = again + 0.3 + tl.dur(say.item_number(number)) + BEEP_S
    hold = pressed + 0.5 + tl.dur(say.SAVED + " " + say.remaining(left), "ok") + 2.0
    result = sipp.place_call("127.0.0.1", config.sip_port, tl.audio + [(None, 5.0)], to_user="*77",
                             from_user="201", local_ip=STAFF_IP, dtmf=tl.keys, dtmf_method="info",
                             hold_seconds=hold, timeout=hold + 30)
    assert result.ok, result.describe() + engine.tail(40)

    pack = load_pack(config)
    for key, _text in zip(fact_keys, texts):
        assert pack.is_recorded(key), (key, pack.manifest["checks"].get(key), engine.tail(40))
        check = pack.manifest["checks"][key]
        assert check["ok"] and check["cer"] <= CER_LIMIT and check["origin"] == "phone", check
    # every take is kept raw with its check beside it: the refused ones say why
    logs = {}
    for key in fact_keys[:2]:
        logs[key] = [json.loads(p.read_text(encoding="utf-8"))
                     for p in sorted((pack.folder / "takes" / key).glob("*.json"))]
    assert [(log["ok"], log["codes"]) for log in logs[fact_keys[0]]] == [(False, ["words"]), (True, [])], logs
    assert [(log["ok"], log["codes"]) for log in logs[fact_keys[1]]] == [(False, ["silent"]), (True, [])], logs
    assert all((pack.folder / log["take"]).is_file() for log in logs[fact_keys[0]])
    assert (pack.folder / logs[fact_keys[0]][0]["take"]).stat().st_mode & 0o007 == 0  # the clinic's files
    # staff heard the reasons read out (the refused takes' Korean reasons), and the remaining count
    from appliance.speech.take_check import REASONS

    # in the order they were refused, each found after the previous one: the two reasons start with the same
    # low tone and end with the same words, so the best match of a piece alone may sit in the other reason
    heard = result.heard_pcm()
    found, missing = heard_in_sequence(heard, staff.pcm(REASONS["words"], "error"),
                                       staff.pcm(REASONS["silent"], "error"), min_score=0.8)
    assert found, ("reason not heard", ["words", "silent"][missing] if missing < 2 else None)
    assert heard_prompt(heard, say.CUES["ok"], min_score=0.8)[0]  # the "kept" chime

    # the next patient call: asks where the clinic is; the answer is the clinic's new recordings
    hooks = Path(config.home) / "test-hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "transcripts.txt").write_text("병원 위치가 어디예요?\n", encoding="utf-8")
    greeting_s = sum(len(pack.pcm(k) or b"") for k in ("greeting", "how_can_i_help")) / 16000
    ask = shared_data.SPEECH_KO_READ / "picovoice_leopard_test_ko_8k_ulaw.wav"
    answer_s = sum(len(pack.pcm(k)) for k in fact_keys[:2]) / 16000 + 12
    call = sipp.place_call("127.0.0.1", config.sip_port, [(None, greeting_s + 1.0), (ask, 0.0), (None, answer_s)],
                           from_user="01099990000", hold_seconds=greeting_s + 5 + answer_s,
                           timeout=greeting_s + answer_s + 40)
    assert call.ok, call.describe()
    heard = call.heard_pcm()
    from appliance.speech.takes import transcriber_for

    transcribe = transcriber_for(config)
    for key, text in zip(fact_keys[:2], texts[:2]):
        recorded = pack.pcm(key)
        found, score, at = heard_prompt(heard, recorded)
        assert found, (key, score, engine.tail(30))
        start = int(at * 8000) * 2
        segment = sipp.read_pcm(heard)[int(at * 8000): int(at * 8000) + len(recorded) // 2]
        said = transcribe(audio.ulaw_to_pcm(audio.pcm_to_ulaw(segment.tobytes())))
        assert cer(text, said) <= CER_LIMIT, (text, said, start)
