"""Vosk engine runs on the real 8 kHz clip; hints become a grammar."""

from __future__ import annotations


import pytest

from appliance import settings
from tests import shared_data



@pytest.fixture(scope="module")
def vosk_stt(tmp_path_factory):
    from appliance.speech.models import install_defaults
    from appliance.speech.stt import load_transcriber

    config = settings.load(overrides={"home": str(tmp_path_factory.mktemp("vosk-home")), "stt_engine": "vosk"})
    install_defaults(config, names=["vosk-ko-small"])
    return load_transcriber(config)


def test_vosk_transcribes_phone_audio(vosk_stt):
    from appliance.speech.stt.audio import read_audio

    pcm, rate = read_audio(shared_data.bundled_clip())
    result = vosk_stt.transcribe(pcm, rate)
    # measured: "몰입 풀베 파란색 으로 다 바꿔야 죠" — the colour survives, the rest does not
    assert result.engine == "vosk" and "파란색" in result.text
    assert result.avg_logprob <= 0 and result.no_speech_prob == 0.0


def test_vosk_grammar_from_hints(vosk_stt):
    from appliance.speech.stt.audio import read_audio

    pcm, rate = read_audio(shared_data.bundled_clip())
    result = vosk_stt.transcribe(pcm, rate, hints=["파란색", "빨간색"])
    assert set(result.text.split()) <= {"파란색", "빨간색"} and "파란색" in result.text
