"""Hearing through real calls: a caller at −20, −30 or −40 dBFS is heard and transcribed (never taken for
silence), and a caller who pauses mid-sentence after a connective is not cut off. Real SIP calls (sipp), real
Asterisk, the real engine (``dentalcall serve``) with its Whisper workers, real Korean speech."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from appliance.speech.stt.audio import read_audio, resample_pcm16
from appliance.telephony import sipp
from tests.shared_data import SPEECH_KO_READ, bundled_clip, needs_speech_ko
from tests.test_e2e_inbound import _calls, _greeting_seconds, _turns

pytestmark = pytest.mark.e2e

LEVELS = (-20.0, -30.0, -40.0)


def _at_level(path, dbfs: float, out) -> object:
    pcm, rate = read_audio(path)
    x = np.frombuffer(resample_pcm16(pcm, rate, 8000), "<i2").astype(np.float64)
    x *= 10 ** ((dbfs - 20 * np.log10(np.sqrt(np.mean(x * x)) / 32768)) / 20)
    return sipp.write_wav(out, np.clip(np.round(x), -32768, 32767).astype("<i2"))


def _call_with(config, clip, caller: str, listen_s: float = 9.0) -> list:
    """One call: the greeting, then ``clip``, then quiet; returns that call's caller turns."""
    before = {c.id for c in _calls(config)}
    wait = _greeting_seconds(config) + 1.0
    seconds = sipp.wav_seconds(clip)
    result = sipp.place_call("127.0.0.1", config.sip_port, [(None, wait), (clip, 0.0), (None, listen_s)],
                             hold_seconds=wait + seconds + listen_s - 1, timeout=90, from_user=caller)
    assert result.ok, result.describe()
    new = [c for c in _calls(config) if c.id not in before and c.caller_number == caller]
    assert len(new) == 1
    return [t for t in _turns(config, new[0].id) if t.speaker == "caller"]


def test_quiet_callers_are_heard_at_every_level(engine_running, tmp_path):
    config = engine_running.config
    clips = {level: _at_level(bundled_clip(), level, tmp_path / f"at{int(-level)}.wav") for level in LEVELS}
    with ThreadPoolExecutor(max_workers=len(LEVELS)) as pool:
        turns = dict(zip(LEVELS, pool.map(lambda lv: _call_with(config, clips[lv], f"0104000{int(-lv):04d}"),
                                          LEVELS)))
    for level, said in turns.items():
        heard = [t for t in said if t.text]
        assert heard, (level, [(t.text, t.meta) for t in said], engine_running.tail())
        assert not (said[0].meta or {}).get("silence"), level  # never taken for silence
        assert "파란" in heard[0].text, (level, heard[0].text)  # "모든 불닭 파란색으로 다 바꿔줘"
        assert not (heard[0].meta or {}).get("rejected"), (level, heard[0].meta)


@needs_speech_ko
def test_a_read_sentence_at_minus_40_dbfs_is_transcribed(engine_running, tmp_path):
    config = engine_running.config
    clip = _at_level(SPEECH_KO_READ / "picovoice_leopard_test_ko_8k_ulaw.wav", -40.0, tmp_path / "read40.wav")
    said = [t for t in _call_with(config, clip, "01040000040") if t.text]
    assert said, "a −40 dBFS caller taken for silence"
    words = ("피하면서", "옆으로", "걸어갔다")  # "그는 이리저리 피하면서 길 한 옆으로 걸어갔다"
    assert sum(w in said[0].text for w in words) >= 2, [(t.text, t.meta) for t in said]


@needs_speech_ko
def test_a_one_word_answer_at_minus_40_dbfs_is_not_rejected_as_no_speech(engine_running, tmp_path):
    """Issue 15: a quiet short answer was heard, then rejected as no speech. One word (1 s), at −40 dBFS."""
    from tests.shared_data import SPEECH_KO

    clip = _at_level(SPEECH_KO / "ko_porcupine_bixby_8k_ulaw.wav", -40.0, tmp_path / "word40.wav")
    said = _call_with(engine_running.config, clip, "01040000041")
    assert said and said[0].text and not said[0].meta.get("rejected"), [(t.text, t.meta) for t in said]


def test_a_pause_after_a_connective_does_not_cut_the_caller_off(engine_running, tmp_path):
    """"모든 불닭 [0.75 s] 파란색으로 다 바꿔줘": the pause is longer than endpoint_end_ms, but the words before it
    do not end a sentence, so the turn goes on and is heard whole."""
    config = engine_running.config
    pcm, rate = read_audio(bundled_clip())
    pcm = np.frombuffer(resample_pcm16(pcm, rate, 8000), "<i2")
    segments = sipp.speech_segments(pcm, min_gap=0.05)
    first_word_end = segments[0][1]  # the clip's first word ("모든")
    cut = int(first_word_end * 8000) + 80
    spliced = np.concatenate([pcm[:cut], np.zeros(int(0.75 * 8000), "<i2"), pcm[cut:]])
    clip = sipp.write_wav(tmp_path / "paused.wav", spliced)
    said = [t for t in _call_with(config, clip, "01040000800") if t.text]
    assert said and "파란" in said[0].text, [(t.text, t.meta) for t in said]
    assert said[0].meta["audio_ms"] >= 2000, said[0].meta


@needs_speech_ko
def test_a_long_read_sentence_is_decoded_in_pieces_while_the_caller_speaks(engine_running):
    """zeroth_104_003_0294: 5.7 s of fluent read speech without a pause. The engine decodes it in pieces while it
    is said (endpoint_piece_ms, 2000 by default; the caller turn's meta counts them), hears it whole, and the
    caller hears the answer after it."""
    _long_sentence_in_pieces(engine_running)


def _long_sentence_in_pieces(engine_running) -> None:
    from appliance.speech.prompt_pack import PromptPack
    from tests.audio_checks import heard_prompt

    config = engine_running.config
    clip = SPEECH_KO_READ / "zeroth_104_003_0294_8k_ulaw.wav"  # "한 잔의 커피가 소비자에게 전해지기 위해선 …"
    before = {c.id for c in _calls(config)}
    wait = _greeting_seconds(config) + 1.0
    seconds = sipp.wav_seconds(clip)
    result = sipp.place_call("127.0.0.1", config.sip_port, [(None, wait), (clip, 0.0), (None, 9.0)],
                             hold_seconds=wait + seconds + 8.0, timeout=90, from_user="01040000294")
    assert result.ok, result.describe()
    new = [c for c in _calls(config) if c.id not in before and c.caller_number == "01040000294"]
    assert len(new) == 1
    turns = _turns(config, new[0].id)
    said = [t for t in turns if t.speaker == "caller" and t.text]
    assert said, ([(t.speaker, t.text, t.meta) for t in turns], engine_running.tail())
    assert (said[0].meta or {}).get("pieces", 0) >= 1, said[0].meta  # decoded while the caller still spoke
    words = ("커피", "소비자", "전해지기", "차례", "공정", "거쳐야")
    assert sum(w in said[0].text for w in words) >= 4, said[0].text  # and heard whole, not in scraps
    answer = [t for t in turns if t.speaker == "bot" and t.seq > said[0].seq and not (t.meta or {}).get("ack")]
    assert answer, [(t.speaker, t.text, t.meta) for t in turns]
    key = (answer[0].meta or {}).get("key")
    start = (PromptPack.load(config).pcm(key) or b"")[:2 * 16000]  # its first 2 s: the call ends during a long one
    found, score, at = heard_prompt(result.heard_pcm(), start)
    assert found and at > wait + 5.0, (key, score, at)  # the caller heard the answer, after the sentence
