"""Round 33 (blind50's and blind51's first-run misses: a Tuesday of shopkeepers, dentures and crowns, and a
Thursday of expecting mothers and young families) tests the kinds behind them with new sentences. Safety first:
the 피 of 커피, 카피 or a cigarette smoked (담배 피는) is never blood, and real bleeding stays urgent or an
emergency; a baby's age makes "may she have X" a medical question, never a booking; a break wondered about in a
photo offered is a medical question. Then: a sore appliance and "would you trim it" (symptom), a reminder's time
asked again (confirm_appointment), another of the family added to an offer and a cancelled booking taken up again
(book)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import appliance.language as language_package
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2050, 5, 10, 14, 5)  # a Tuesday afternoon
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "커피가",
    "커피가 식었네요",
    "아침마다 커피가 당겨서요",
    "카피가 잘 안 돼요 서류 다시 보내 드릴게요",
    "담배 피는 건 언제부터 괜찮아요",
    "커피나 한 잔 마시고 출발할게요",
    "매일 마시는 커피도 끊어야 돼요",
])
def test_the_pi_of_coffee_copy_or_smoking_is_never_blood(text, statistical):
    got = _hear(text, None, statistical)
    assert not got.urgent, got
    assert got.intent not in ("symptom", "emergency"), got


@WITH_AND_WITHOUT_MODEL
def test_coffee_after_a_treatment_stays_a_medical_question(statistical):
    assert _hear("사랑니 뺐는데 커피는 언제부터 마셔도 돼요", None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intents", [
    ("어제 뽑은 자리에서 피가 아직도 계속 나요", {"emergency"}),
    ("양치할 때마다 잇몸에서 피가 나요", {"symptom"}),
    ("아까부터 코피가 나요", {"symptom", "emergency"}),
])
def test_real_bleeding_is_still_heard(text, intents, statistical):
    got = _hear(text, None, statistical)
    assert got.intent in intents, got
    assert got.urgent, got


def test_no_blood_pattern_of_the_understanding_reads_coffee_as_blood():
    """Every compiled pattern of appliance/language that finds blood in "잇몸에서피가나요" and does not name coffee
    itself finds none in "커피가나요" or "담배피는데요"."""
    import importlib
    import pkgutil

    blood, borrowed = "잇몸에서피가나요", ("아이스커피가나요", "담배피는데요", "카피도나요")
    for info in pkgutil.iter_modules(language_package.__path__):
        module = importlib.import_module(f"appliance.language.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.search(blood) and not value.search("커피"):
                for text in borrowed:
                    found = value.search(text)
                    assert not (found and "피" in found.group(0)), (info.name, name, text)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("우리 애가 이제 두 돌인데 실란트 해도 되나요", "offer"),
    ("아기가 아직 돌 전이라서요 불소 발라도 괜찮은지", "offer"),
    ("칠 개월밖에 안 된 아기인데 불소 바를 수 있어요", None),
])
def test_a_babys_age_makes_may_she_have_it_a_medical_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_a_break_wondered_about_in_a_photo_offered_is_a_medical_question(statistical):
    assert _hear("사진 찍어서 보내면 이게 금이 간 건지 좀 봐 주세요", None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("새로 맞춘 틀니가 잇몸을 자꾸 찔러서 아파요 조금 갈아 주실 수 있어요", None, "symptom"),
    ("아 참 그게 몇 시였죠", "reminder", "confirm_appointment"),
    ("남편도 같이 검진 받을게요", "offer", "book"),
    ("막내도 같이 봐 주실 수 있어요", "offer", "book"),
    ("지난달에 취소했었는데 다시 예약하고 싶어요", None, "book"),
])
def test_the_spring_day_kinds(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_a_family_member_not_coming_is_no_booking(statistical):
    assert _hear("둘째도 같이 가자고 했는데 애가 싫다네요 다음에 할게요", "offer", statistical).intent != "book"


@WITH_AND_WITHOUT_MODEL
def test_a_reminders_time_asked_then_answered_and_taken_is_a_yes(statistical):
    assert _hear("몇 시였죠 아 네 시 반이요 네 메모했어요 갈게요", "reminder", statistical).intent == "yes"


@WITH_AND_WITHOUT_MODEL
def test_the_treatment_a_booking_is_changed_to_is_the_one_named(statistical):
    assert _hear("임플란트 상담 잡은 거 그냥 검진으로 바꿔 주세요", None, statistical).treatment == "checkup"


@WITH_AND_WITHOUT_MODEL
def test_a_weekday_told_last_after_a_breakage_is_the_one_just_gone(statistical):
    got = understand_at_a_thursday("때운 게 떨어졌어요 토요일에요", statistical)
    assert got.date == "2051-03-11", got


def understand_at_a_thursday(text: str, statistical: bool):
    return hearer(dt.datetime(2051, 3, 16, 11, 0))(text, None, statistical)
