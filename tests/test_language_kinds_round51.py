"""Round 51 (the first-run misses of blind94, blind95, blind96 and blind97: four clinic days in 광명, 여수, 일산 and
포항) tests the kinds behind them with new sentences. Safety first: a death told with the calls refused "from now on"
in dialect ("인제") is an opt-out; a thing broken "… 부러져 버렸어", then "may I come [a day word]" with no hour, is
round 50's medical_question; an activity asked allowed if a treatment is done is a medical question, never a booking.
Then the ordinary kinds of ``commute_and_coast_kinds``; near-misses beside each must not change."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 7, 12, 10, 40)  # a Wednesday morning in July
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어머니가 지난달에 돌아가셨어요 예약은 다 취소해 주시고 전화도 인제 안 하셔도 돼요",
    "연락은 인제 안 주셔도 됩니다",
    "이런 전화는 인제 안 주셔도 돼요",
])
def test_calls_refused_from_now_on_in_dialect_are_an_opt_out(text, statistical):
    assert _hear(text, None, statistical).intent == "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "틀니가 깨져 버렸어 모레 가도 될까",
    "앞니 씌운 게 부러져 버렸는데 금요일에 가도 돼요",
    "임플란트 심으면 수영장 들어가도 돼요",
    "사랑니 빼고 나서 운동해도 돼요 다음 주에 대회가 있어서",
])
def test_a_thing_broken_then_a_day_and_an_activity_after_a_treatment_are_medical_questions(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("틀니가 깨져 버렸어 모레 두 시에 가도 될까요", "book"),  # an hour: it books (round 34)
    ("사랑니 뽑으면 다음 주에 예약 잡아 주세요", "book"),  # a booking asked, no activity
])
def test_near_misses_of_the_safety_kinds_keep_their_reading(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("교정 하는 중인데 스케일링도 같이 받을 수 있어요", None, "medical_question"),
    ("씌운 게 빠져서요", "treatment", "book"),  # to the treatment question: round 51's count, 19 of 19
    ("교정기가 좀 헐렁해서요", "treatment", "book"),
    ("떼운 데가 깨진 거 같아요", "wellbeing", "symptom"),
    ("어금니 사이에 자꾸 음식이 껴요 고칠 수 있을까요", None, "symptom"),
    ("이 선생님 내일 나오세요", None, "talk_to_staff"),
    ("박 원장님 금요일에 진료하세요", None, "talk_to_staff"),
    ("실손 청구하려는데 진료비 내역서 메일로 받을 수 있어요", None, "question_other"),
    ("예 그럼요 내일 오후에도 돼요", "offer", "book"),
    ("금요일로 하는데 시간을 세 시 반으로 바꿔 주세요", "proposal", "no"),
])
def test_the_ordinary_kinds_of_the_four_days(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, kind", [
    ("교정 중인데 다음 주 화요일에 스케일링 예약할 수 있어요", None, "medical_question"),  # a day and a booking
    ("어금니 사이에 자꾸 음식이 껴요 내일 고칠 수 있을까요", None, "symptom"),  # a day: no bare trouble told
    ("금요일 세 시로 해 주세요", "proposal", "no"),  # a slot of one's own, no day kept
    ("네 오늘 저녁에 전화 주세요", "offer", "book"),  # a call back asked, not "this evening too"
])
def test_near_misses_are_not_taken_by_the_rounds_kinds(text, expect, kind, statistical):
    assert _hear(text, expect, statistical).intent != kind
