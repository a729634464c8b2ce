"""Voice layer order: recorded prompt → fragments → piper → NoVoice, sentence by sentence."""

from __future__ import annotations

import numpy as np
import pytest

from appliance import settings
from appliance.conversation.phrases import PHRASES
from appliance.speech import audio
from appliance.speech.fragments import fragment_texts
from appliance.speech.prompt_pack import PromptPack
from appliance.speech.voice import NoVoice, Voice, split_sentences


def make_config(home):
    return settings.load(overrides={"home": str(home)}, env={})


def tone(ms, freq):
    n = int(8000 * ms / 1000)
    return audio.float_to_pcm(0.5 * np.sin(2 * np.pi * freq * np.arange(n) / 8000))


class FakePiper:
    """Stands in for PiperTTS: a 1 kHz beep per sentence, recording what it was asked."""

    def __init__(self):
        self.said = []
        self.stored = []
        self.voice = type("V", (), {"name": "fake"})()

    def sentence(self, text, store=True):
        self.said.append(text)
        self.stored.append(store)
        return tone(300, 1000)

    def close(self):
        pass


@pytest.fixture
def pack(tmp_path):
    """Prompts recorded as 500 ms tones, fragments as 100 ms tones (fast, exact)."""
    config = make_config(tmp_path)
    p = PromptPack.load(config, phrases=PHRASES)
    for key, text in p.expected_prompts().items():
        p.store("prompt", key, tone(500, 300), text, source="recorded")
    for key, text in fragment_texts(config).items():
        p.store("fragment", key, tone(100, 600), text, source="recorded")
    p.save_manifest()
    return config, PromptPack.load(config, phrases=PHRASES)


def test_key_and_exact_text_come_from_the_pack(pack):
    config, p = pack
    voice = Voice(config, pack=p, piper=None)
    r = voice.render_ex("goodbye")
    assert r.layer == "prompt" and r.key == "goodbye"
    assert r.pcm == p.pcm("goodbye")
    assert voice.render_ex(PHRASES["good_day"]).layer == "prompt"
    assert voice.file("goodbye") == p.path("goodbye")


def test_greeting_text_with_clinic_name_is_the_prompt(pack):
    config, p = pack
    voice = Voice(config, pack=p, piper=None)
    r = voice.render_ex(PHRASES["greeting"].format(clinic=config.clinic_name))
    assert r.layer == "prompt" and r.key == "greeting"


def test_clauses_of_prompts(pack):
    config, p = pack
    voice = Voice(config, pack=p, piper=None)
    r = voice.render_ex("네, 무엇을 도와드릴까요?")  # ack + how_can_i_help
    assert r.layer == "prompt"
    assert audio.duration(r.pcm) > 1.0  # two recordings, not one


def test_readout_comes_from_fragments(pack):
    config, p = pack
    piper = FakePiper()
    voice = Voice(config, pack=p, piper=piper)
    for text in ("12월 3일 목요일 오후 3시 반", "5만 원", "010-1234-5678", "십이월 삼 일, 오후 세 시"):
        assert voice.render_ex(text).layer == "fragments", text
    assert piper.said == []
    assert voice.stats["fragments"] == 4


def test_piper_for_the_rest(pack):
    config, p = pack
    piper = FakePiper()
    voice = Voice(config, pack=p, piper=piper)
    r = voice.render_ex("김민수 님, 12월 3일 예약 확인 전화드렸습니다.")
    assert r.layer == "piper"
    assert piper.said == ["김민수 님, 십이월 삼 일 예약 확인 전화드렸습니다."]  # normalised before TTS
    assert piper.stored == [False]  # free text (a name) never lands in the disk cache


def test_no_voice_raises_with_what_is_missing(pack):
    config, p = pack
    voice = Voice(config, pack=p, piper=None)
    with pytest.raises(NoVoice, match="김민수"):
        voice.render("김민수 님 맞으세요?")
    assert voice.stats["none"] == 1
    assert not voice.can_say("김민수 님 맞으세요?")
    assert voice.can_say("goodbye") and voice.can_say("오후 세 시 반")


def test_missing_prompt_falls_through_to_piper_with_its_text(pack):
    config, p = pack
    (p.folder / "transfer.wav").unlink()
    p = PromptPack.load(config)
    piper = FakePiper()
    voice = Voice(config, pack=p, piper=piper)
    r = voice.render_ex("transfer")
    assert r.layer == "piper"
    assert piper.said == split_sentences(PHRASES["transfer"])
    assert piper.stored == [True, True]  # fixed phrase: cached
    (p.folder / "goodbye.wav").unlink()  # "… 좋은 하루 보내세요.": that sentence has its own recording (good_day)
    assert Voice(config, pack=PromptPack.load(config), piper=FakePiper()).render_ex("goodbye").layer == "piper+prompt"


def test_sentences_stream_one_by_one_with_mixed_layers(pack):
    config, p = pack
    piper = FakePiper()
    voice = Voice(config, pack=p, piper=piper)
    parts = list(voice.sentences("좋은 하루 보내세요. 오후 세 시 반. 성함이 어떻게 되세요?"))
    assert [r.layer for r in parts] == ["prompt", "fragments", "piper"]
    whole = voice.render_ex("좋은 하루 보내세요. 오후 세 시 반. 성함이 어떻게 되세요?")
    assert whole.layer == "prompt+fragments+piper"
    assert voice.stats["prompt"] >= 2 and voice.stats["piper"] == 2


def test_render_parts_joins_readout_and_prompt(pack):
    config, p = pack
    voice = Voice(config, pack=p, piper=None)
    r = voice.render_parts(["십이월 삼 일 목요일 오후 세 시 반", "how_can_i_help"])
    assert r.layers == ["fragments", "prompt"]
    readout = audio.duration(voice.render("십이월 삼 일 목요일 오후 세 시 반"))
    assert audio.duration(r.pcm) == pytest.approx(readout + 0.120 + 0.5, abs=0.01)


def test_output_is_8k_s16(pack):
    config, p = pack
    pcm = Voice(config, pack=p, piper=None).render("오후 세 시 반")
    assert len(pcm) % 2 == 0
    x = np.frombuffer(pcm, dtype="<i2")
    assert x.dtype == np.int16 and np.abs(x).max() > 1000


@pytest.mark.parametrize("text, expected", [
    ("네. 잠시만요.", ["네.", "잠시만요."]),
    ("예약되었습니다! 감사합니다", ["예약되었습니다!", "감사합니다"]),
    ("오후 세 시 반 괜찮으세요?\n네", ["오후 세 시 반 괜찮으세요?", "네"]),
    ("비용은 3.5만 원", ["비용은 3.5만 원"]),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


def test_warm_loads_everything(pack):
    config, p = pack
    voice = Voice(config, pack=p, piper=None)
    ready = voice.warm()
    assert ready["prompts"] == len(PHRASES) and ready["fragments"] == len(fragment_texts(config))
    assert ready["prerendered"] == 0
