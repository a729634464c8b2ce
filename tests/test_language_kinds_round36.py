"""Round 36 (blind56's and blind57's first-run misses: a Saturday, and the Thursday after a public holiday) tests the
kinds behind them with new sentences. Safety first: dizziness with nausea after an anaesthetic is an emergency; a
trouble told then "must I go to the clinic for it" is a medical question, never a booking; whether the clinic sees
emergencies on a day is an hours question, not an emergency; gums that bleed at a brushing are a symptom; a strong
pain given as the reason for a treatment wished keeps the booking. Then the ordinary kinds: a walk-in asked for now
names today, "what?" at the end is a pardon, a morning said after an evening word keeps a bare hour in the morning,
and "네시" inside a word is no hour."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 10, 16, 10, 20)  # a Thursday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "마취 주사 맞고 왔는데 어지럽고 속이 울렁거려요",
    "사랑니 빼면서 마취하고 나니까 어지럽고 토할 것 같아요 아직 병원 앞이에요",
    "주사 맞고 나서 머리가 핑 돌고 헛구역질이 나요",
])
def test_dizziness_with_nausea_after_an_anaesthetic_is_an_emergency(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "씌운 게 살짝 흔들리는데 이거 치과 가 봐야 되나요",
    "애가 흔들리는 이를 혼자 뺐는데 피가 조금 나요 병원 가야 돼요",
    "때운 데가 좀 깨진 거 같아서 그런데 치과에 꼭 가야 할까요",
])
def test_a_trouble_told_then_must_i_go_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
def test_a_visit_wanted_with_a_clinic_named_still_books(statistical):
    got = _hear("치과 가야 되는데 이번 주 안에 되나요", None, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "공휴일에도 응급으로 봐 주시나요",
    "추석 연휴에 응급 진료 하세요?",
    "명절 당일에도 응급 진료 하나요",
])
def test_whether_emergencies_are_seen_on_a_day_is_an_hours_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "ask_hours", got


@WITH_AND_WITHOUT_MODEL
def test_an_emergency_told_with_emergency_care_asked_stays_one(statistical):
    got = _hear("얼굴이 퉁퉁 부었는데 응급 진료 되나요", None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "칫솔질할 때마다 잇몸에서 피가 계속 나요",
    "요즘 이 닦다가 보면 잇몸에서 피가 많이 나요",
])
def test_gums_bleeding_at_a_brushing_are_a_symptom(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "symptom", got
    assert got.treatment == "gum", got


@WITH_AND_WITHOUT_MODEL
def test_a_bleed_that_will_not_stop_is_still_an_emergency(statistical):
    got = _hear("이 뽑은 자리에서 피가 안 멈춰요 양치도 못 하겠어요", None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어금니가 너무 아파서 그냥 빼고 싶어요",
    "이가 너무 아파서 신경 치료 받고 싶어요",
])
def test_a_strong_pain_as_the_reason_for_a_treatment_wished_books(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "외근 나왔다가 근처인데 지금 가면 봐 주실 수 있어요",
    "지금 출발하면 이십 분 걸리는데 지금 가도 돼요",
])
def test_a_walk_in_asked_for_now_names_today(text, statistical):
    got = _hear(text, None, statistical)
    assert got.date == NOW.date().isoformat(), got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "퇴근하고 바로 가면 진료 받을 수 있나요",
    "애가 넘어져서 이가 부러졌어요 지금 가도 돼요",
])
def test_no_walk_in_now_or_an_emergency_names_no_day(text, statistical):
    got = _hear(text, None, statistical)
    assert got.date is None, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("예 뭐요?", "offer"),
    ("아이고 전화가 자꾸 끊기네 뭐라꼬", "reminder"),
])
def test_what_at_the_end_is_a_pardon(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "other", got


@WITH_AND_WITHOUT_MODEL
def test_a_morning_said_after_the_night_shift_keeps_the_hour_in_the_morning(statistical):
    got = _hear("밤에 야간 근무라서 아침에만 돼요 열 시 반 어때요", None, statistical)
    assert got.time == "10:30", got


@WITH_AND_WITHOUT_MODEL
def test_four_inside_a_country_name_is_no_hour(statistical):
    got = _hear("인도네시아에서 왔는데 이가 아파요", None, statistical)
    assert got.time is None, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "네 좋아요 근데 저는 수요일 저녁밖에 시간이 없어요",
    "예 받을게요 근데 내일 오후는 되나요",
])
def test_a_yes_to_an_offer_with_a_day_of_ones_own_books(text, statistical):
    got = _hear(text, "offer", statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "그날은 출장이라 못 가고 다음 주 아무 때나 괜찮아요",
    "이번 주는 안 되고 담주 월요일 오전 비어 있으면 그때로요",
])
def test_a_reminder_answered_cant_come_then_another_day_is_a_move(text, statistical):
    got = _hear(text, "reminder", statistical)
    assert got.intent == "reschedule", got
