"""Fragments: cutting spoken Korean into recorded pieces and joining them with ARS-like gaps."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from appliance import settings
from appliance.speech import audio, fragments
from appliance.speech.fragments import STATIC_FRAGMENTS, FragmentSpeaker, fragment_texts, plan, speak_fragments
from appliance.phrasebook import build_placeholder
from appliance.speech.prompt_pack import PromptPack

TONE_MS = 200


def make_config(home, **overrides):
    return settings.load(overrides={"home": str(home), **overrides}, env={})


def tone(ms=TONE_MS, freq=400.0):
    n = int(8000 * ms / 1000)
    return audio.float_to_pcm(0.5 * np.sin(2 * np.pi * freq * np.arange(n) / 8000))


@pytest.fixture
def tone_pack(tmp_path):
    """Every fragment recorded as a 200 ms tone: durations become exact."""
    config = make_config(tmp_path)
    pack = PromptPack.load(config)
    for key, text in fragment_texts(config).items():
        pack.store("fragment", key, tone(), text, source="recorded")
    pack.save_manifest()
    return config, PromptPack.load(config)


def keys(text):
    return [p.key for p in plan(text, fragment_texts())]


@pytest.mark.parametrize("text, expected", [
    ("십이월 삼 일 목요일", ["month_12", "sino_3", "sino_1", "weekday_3"]),
    ("십일월 십일 일", ["month_11", "sino_10", "sino_1", "sino_1"]),
    ("오후 세 시 반", ["period_pm", "hour_3", "unit_half"]),
    ("낮 열두 시 십오 분", ["period_noon", "hour_12", "sino_10", "sino_5", "unit_minute"]),
    ("만 오천 원", ["sino_10000", "sino_5", "sino_1000", "unit_won"]),
    ("십이만 삼천 원", ["sino_10", "sino_2", "sino_10000", "sino_3", "sino_1000", "unit_won"]),
    ("공일공, 일이삼사", ["phone_0", "sino_1", "phone_0", "sino_1", "sino_2", "sino_3", "sino_4"]),
    ("신경 치료", ["treatment_root_canal"]),
    ("사랑니 발치", ["treatment_wisdom_tooth"]),
    ("유월 시월", ["month_6", "month_10"]),
])
def test_plan_picks_the_right_pieces(text, expected):
    assert keys(text) == expected


def test_plan_gaps():
    pieces = plan("만 오천 원, 공일공", fragment_texts())
    gaps = [p.gap_before_ms for p in pieces]
    assert gaps == [0, fragments.GAP_WORD_MS, fragments.GAP_IN_WORD_MS, fragments.GAP_WORD_MS,
                    fragments.GAP_COMMA_MS, fragments.GAP_PHONE_DIGIT_MS, fragments.GAP_PHONE_DIGIT_MS]
    assert 60 <= fragments.GAP_WORD_MS <= 120
    assert fragments.GAP_COMMA_MS > 2 * fragments.GAP_WORD_MS


def test_plan_raises_on_uncovered_text():
    with pytest.raises(fragments.FragmentMissing):
        plan("김민수 님", fragment_texts())


def test_concatenation_durations_are_exact(tone_pack):
    config, pack = tone_pack
    speaker = FragmentSpeaker(pack, config)
    piece = len(speaker._piece("phone_0"))
    text = "공일공, 일이삼사, 오육칠팔"
    pcm = speaker.speak(text)
    gaps = (2 * fragments.GAP_COMMA_MS + 8 * fragments.GAP_PHONE_DIGIT_MS) * 8  # samples
    assert len(pcm) == 11 * piece + gaps * 2
    # the pause between phone groups is real silence
    x = np.frombuffer(pcm, dtype="<i2")
    start = 3 * piece // 2 + 2 * fragments.GAP_PHONE_DIGIT_MS * 8
    assert not x[start: start + fragments.GAP_COMMA_MS * 8].any()
    assert x[start + fragments.GAP_COMMA_MS * 8: start + fragments.GAP_COMMA_MS * 8 + 80].any()


def test_date_time_readout_duration(tone_pack):
    config, pack = tone_pack
    pcm = speak_fragments("12월 3일 목요일 오후 3시 반", pack, config)  # digits normalised first
    n_pieces = 7  # 십이월 삼 일 목요일 오후 세 시 반 ("세 시" is one recording: the hour with its counter)
    piece_s = audio.duration(FragmentSpeaker(pack, config)._piece("month_12"))
    expected = n_pieces * piece_s + 6 * fragments.GAP_WORD_MS / 1000
    assert audio.duration(pcm) == pytest.approx(expected, abs=0.001)


def test_none_when_a_piece_is_missing(tone_pack):
    config, pack = tone_pack
    (pack.folder / pack.manifest["fragments"]["weekday_3"]["file"]).unlink()
    pack = PromptPack.load(config)
    speaker = FragmentSpeaker(pack, config)
    assert speaker.speak("십이월 삼 일 목요일") is None
    assert speaker.missing_for("십이월 삼 일 목요일") == ["weekday_3"]
    assert speaker.speak("십이월 삼 일") is not None


def test_doctors_from_clinic_file(tmp_path):
    config = make_config(tmp_path)
    config.config_dir.mkdir(parents=True, exist_ok=True)
    (config.config_dir / "clinic.json").write_text(
        json.dumps({"doctors": [{"name": "김하늘"}, "박바다"]}, ensure_ascii=False), encoding="utf-8")
    texts = fragment_texts(config)
    assert fragments.doctor_key("김하늘") in texts and texts[fragments.doctor_key("박바다")] == "박바다"
    pack = PromptPack.load(config, phrases={})
    assert fragments.doctor_key("김하늘") in pack.missing()
    assert keys_with(texts, "김하늘 원장님") == [fragments.doctor_key("김하늘"), "title_director"]


def keys_with(texts, text):
    return [p.key for p in plan(text, texts)]


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_placeholder_fragments_speak_a_readout(tmp_path):
    config = make_config(tmp_path)
    build_placeholder(config)
    pack = PromptPack.load(config)
    for text in ("12월 3일 목요일 오후 3시 반", "5만 원", "010-1234-5678", "스케일링", "유월 십 일"):
        pcm = speak_fragments(text, pack, config)
        assert pcm is not None, text
        assert 0.3 < audio.duration(pcm) < 8.0, text
    assert len(STATIC_FRAGMENTS) == len(pack.manifest["fragments"])


@pytest.mark.parametrize("text, expected", [
    ("내일, 십이월 일 일", ["rel_tomorrow", "month_12", "sino_1", "sino_1"]),
    ("오전 아홉 시 반부터 오후 여섯 시까지", ["period_am", "hour_9", "unit_half", "range_from", "period_pm",
                                  "hour_6", "range_to"]),
    ("만 원에서 이만 원", ["sino_10000", "unit_won", "range_between", "sino_2", "sino_10000", "unit_won"]),
    ("오후 세 시 반입니다.", ["period_pm", "hour_3", "unit_half", "copula"]),
])
def test_plan_relative_days_and_ranges(text, expected):
    assert keys(text) == expected
