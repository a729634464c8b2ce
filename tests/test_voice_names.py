"""Speak only what can be spoken: a patient's name only with a neural voice, "환자분" otherwise; a neural
voice (installed from the installer's file, never downloaded, never the default) says what the clinic has not
recorded, and never replaces what it has.

The neural voice here is a Piper-format voice that says it is Korean: the CC0 English test voice renamed (no
Korean voice exists in any package registry); what is tested is the loader and the layer order."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from appliance import settings
from appliance.phrasebook import build_placeholder, load_pack, load_voice
from appliance.speech import audio, models
from appliance.speech.piper_tts import available
from tests.test_models_install import korean_test_voice

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


@pytest.fixture
def config(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path / "home")}, env={})
    build_placeholder(config)
    return config


def test_without_a_neural_voice_names_are_never_spoken(config):
    voice = load_voice(config, piper=None)
    assert not voice.speaks_names
    assert voice.address("김민수") == "환자분" and voice.address("") == "환자분"
    assert voice.address("김도윤", guardian=True) == "보호자분"
    assert not voice.can_say("김민수 님 맞으세요?")
    assert not voice.can_say("이사 님 되시나요?")  # a name made of digit syllables is not stitched either
    assert voice.can_say("greeting") and voice.can_say("십이월 삼 일 화요일 오후 세 시 반")
    assert voice.uses_placeholder


@pytest.mark.skipif(not available(), reason="piper-tts not installed: pip install 'dentalcall[piper]'")
def test_an_installed_korean_voice_says_names_and_what_is_not_recorded(config, tmp_path):
    assert load_voice(config).piper is None  # never the default: nothing is installed
    line = models.install_path(config, korean_test_voice(tmp_path / "ko_test.onnx"))[0]
    assert "language ko_KR" in line and "CC0" in line  # its licence is shown
    assert models.installed(config)["ko_test"]["licence"].endswith("CC0")
    pack = load_pack(config)
    recorded = audio.float_to_pcm(0.3 * np.sin(2 * np.pi * 300 * np.arange(8000) / 8000))
    pack.store("prompt", "goodbye", recorded, pack.expected_prompts()["goodbye"], source="recorded")
    pack.save_manifest()
    voice = load_voice(config)
    try:
        assert voice.speaks_names and voice.address("김민수") == "김민수 님"
        assert voice.address("김도윤", guardian=True) == "김도윤 보호자님"
        assert voice.can_say("김민수 님 맞으세요?")
        assert voice.render_ex("김민수 님 맞으세요?").layer == "piper"
        assert voice.render_ex("goodbye").layer == "prompt"  # the clinic's recording wins
        assert voice.render_ex("how_can_i_help").layer == "piper"  # not the placeholder
        assert voice.render_ex("십이월 삼 일").layer == "piper"  # placeholder fragments are not used either
    finally:
        voice.close()
