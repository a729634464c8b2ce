"""Round 38: words that spell a symptom inside them are read as what they are. 아파트 (an apartment) holds 아파 (it
hurts), 시리얼 holds 시리 (sensitive), 일부러 (on purpose) holds 부러 (broken), 레시피가 holds 피가 (blood): a clinic in
an apartment district hears 아파트 all day, and a parking or location question must not reach staff as a pain.
Real pain stays pain, also beside the apartment."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re

import pytest

import appliance.language as language_package
from appliance.language.symptom_lookalikes import STAND_INS, plain_words
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2050, 5, 12, 10, 20)  # a Thursday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("저희 아파트 앞에 주차해도 되나요", "ask_location"),
    ("아파트 단지 안에 있는 치과 맞죠", "ask_location"),
    ("아파트 후문 쪽 상가 맞죠 몇 층이에요", "ask_location"),
    ("아파트 주차장에 대고 걸어가도 돼요", "ask_location"),
    ("아파트 단지 제휴 할인 된다던데 스케일링 얼마예요", "ask_price"),
    ("아파트값 말고 임플란트 값이 궁금해서요 얼마 해요", "ask_price"),
    ("바로 앞 아파트 사는데 내일 오후 세 시 예약 돼요", "book"),
    ("아파트 관리사무소 옆이라던데 토요일에도 진료하세요", "ask_hours"),
])
def test_an_apartment_is_no_pain(text, intent, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == intent, got
    assert not got.urgent, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "세마파크미 아파트 등의 공사는 이천십팔 년 완공을 목표로 진행되어",
    "시리야 치과 전화해 줘",
    "레시피가 궁금해서 여쭤본 거예요",
    "아프리카 여행 사진 보내 드릴게요",
])
def test_a_sentence_with_a_lookalike_and_nothing_wrong_tells_no_symptom(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent not in ("symptom", "emergency", "medical_question"), got
    assert not got.urgent, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intents", [
    ("아파요", {"symptom"}),
    ("어금니가 아파서요", {"symptom"}),
    ("어제부터 이가 아프다", {"symptom"}),
    ("찬 거 먹으면 이가 시려요", {"symptom"}),
    ("아파트 계단에서 넘어져서 이가 아파요", {"symptom", "emergency"}),
    ("아파트 놀이터에서 애가 넘어졌는데 앞니가 부러졌어요", {"symptom", "emergency"}),
])
def test_real_pain_stays_pain_also_beside_an_apartment(text, intents, statistical):
    assert _hear(text, None, statistical).intent in intents


@WITH_AND_WITHOUT_MODEL
def test_the_fall_at_the_apartment_stays_urgent(statistical):
    assert _hear("아파트 계단에서 넘어져서 이가 아파요", None, statistical).urgent


def test_a_pain_told_in_a_following_clause_is_still_read():
    assert plain_words("아픈데") == "아픈데"
    assert plain_words("이가 시리아파요") == "이가 시리아파요"  # 시리 아파요 run together, no country
    assert plain_words("아파트단지 아파트값") == "맨션단지 맨션값"


def _patterns():
    for info in pkgutil.iter_modules(language_package.__path__):
        module = importlib.import_module(f"appliance.language.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                yield info.name, name, value


# each lookalike, and a sentence of real trouble with the symptom word it spells inside
_LOOKALIKES = (
    ("아파트", "어금니가아파요"), ("아파트단지", "이가아파서요"), ("아파트값", "이가아프다"),
    ("아프리카", "이가아픈데"),
    ("시리즈", "이가시리고"), ("시리얼", "이가시려요"), ("시리야", "이가시린데"), ("일부러", "앞니가부러졌어요"),
    ("레시피가", "잇몸에서피가나요"), ("흔들의자", "이가흔들려요"), ("붓글씨", "잇몸이붓고"),
)
_FRAMES = ("저희 {} 앞에 주차해도 되나요", "{}에서 왔어요", "{} 때문에 전화드렸어요")


@pytest.mark.parametrize("word, trouble", _LOOKALIKES)
def test_no_symptom_pattern_of_the_understanding_finds_its_symptom_in_a_lookalike(word, trouble):
    """Every compiled pattern of appliance/language that finds the trouble in a sentence that tells it, and nothing
    in the same sentence about a building, finds nothing in the sentence about the lookalike as the rules read it
    (``transcript.tidy``): a new rule's 아파 cannot find the apartment again."""
    from appliance.language.transcript import compact, tidy

    for frame in _FRAMES:
        read, plain = compact(tidy(frame.format(word))), compact(tidy(frame.format("건물")))
        for module, name, pattern in _patterns():
            if pattern.search(trouble) and not pattern.search(plain):
                assert not pattern.search(read), (module, name, word, frame)


def test_every_stand_in_spells_no_symptom_the_understanding_reads():
    troubles = [trouble for _word, trouble in _LOOKALIKES]
    for _word, stand_in in STAND_INS:
        for module, name, pattern in _patterns():
            if any(pattern.search(trouble) for trouble in troubles) and not pattern.search("건물"):
                assert not pattern.search(stand_in), (module, name, stand_in)


def test_no_rule_names_a_lookalike_as_heard():
    """A rule reads the stand-in ("애써" for 일부러, "맨션" for 아파트): a pattern naming the word as heard never
    fires."""
    heard = ("아파트", "아프리카", "아프가니스탄", "시리즈", "시리얼", "시리아", "일부러", "레시피", "흔들의자",
             "붓글씨")
    for module, name, pattern in _patterns():
        if module != "symptom_lookalikes":
            assert not [word for word in heard if word in pattern.pattern], (module, name)
