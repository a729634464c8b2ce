"""Kinds of caller speech the twenty-fifth round of issue 15 (blind34's and blind35's first-run misses: an ordinary
Monday and an ordinary Saturday) taught the understanding, each with sentences of its own (not copied from the
labelled sets), with and without the model: a call back promised after thinking an offer over is a callback, not a
no; a condition on the insurance then a plain yes is a yes; "네 그런데요 누구세요" to "is this X?" is a yes; a pain
pulling towards the ear or the jaw is a symptom, never a visit moved forward; a clock time asked for today with a
pain as the reason is a booking; where to leave the car is the location; papers issued are for staff; a check-up
with a day then the evening hours checked is a booking; the target day "with the same time" and a booked time told
before the new one lose nothing; 떼웠어요 is a filling."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2046, 5, 14, 10, 20)  # a Monday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("음 좀 생각해 보고 제가 다시 연락드릴게요", "offer"),
    ("남편 일정 보고 제가 전화드릴게요", "proposal"),
    ("그날은 어렵고 달력 보고 연락드릴게요", "proposal"),
])
def test_thought_over_then_a_call_back_is_a_callback(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "callback_later"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "생각해 보고 연락드릴게요 지금은 됐어요",
    "괜찮습니다 필요하면 제가 전화드릴게요",
])
def test_thinking_it_over_with_a_refusal_now_stays_no(text, statistical):
    assert _hear(text, "offer", statistical).intent == "no"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "엄마가 일흔 넘으셔서 보험 되면 해야죠 네 갈게요",
    "임플란트 보험 되면 하지 뭐 예 할게요",
])
def test_a_condition_on_the_insurance_then_a_yes_is_yes(text, statistical):
    assert _hear(text, "offer", statistical).intent == "yes"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["네 그런데요 누구세요", "예 전데요 어디세요", "네 맞는데요 어디시죠"])
def test_a_yes_then_who_is_calling_is_yes(text, statistical):
    assert _hear(text, "yes_no", statistical).intent == "yes"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("이 뺀 데가 턱 쪽까지 땡겨요", "wellbeing"),
    ("수술한 쪽이 귀 쪽으로 자꾸 당겨요 밤에 더해요", "wellbeing"),
    ("사랑니 뽑은 데가 머리까지 땡겨요", None),
])
def test_a_pain_pulling_towards_the_ear_or_jaw_is_a_symptom(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
def test_a_visit_pulled_forward_stays_a_reschedule(statistical):
    assert _hear("목요일 예약을 화요일로 당겨 주세요", None, statistical).intent == "reschedule"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "time"), [
    ("두 시 반에 혹시 오늘 될까요 어금니가 시려서", "14:30"),
    ("세 시에 오늘 안 될까요 이가 너무 아파서", "15:00"),
])
def test_a_clock_time_asked_for_today_with_a_pain_is_a_booking(text, time, statistical):
    got = _hear(text, None, statistical)
    assert (got.intent, got.date, got.time) == ("book", "2046-05-14", time)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["차 끌고 가면 어디에 세워요", "차를 가지고 갈 건데 어디다 주차해요"])
def test_where_to_leave_the_car_is_the_location(text, statistical):
    assert _hear(text, None, statistical).intent == "ask_location"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["소견서 떼려면 며칠 걸려요 학교에 내야 돼서", "통원확인서 발급 미리 말해야 되나요"])
def test_papers_issued_are_for_staff(text, statistical):
    assert _hear(text, None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
def test_a_check_up_with_a_day_then_the_evening_hours_is_a_booking(statistical):
    got = _hear("한번 보려고요 검진 목요일 저녁 일곱 시 야간 하시죠", None, statistical)
    assert (got.intent, got.date, got.time) == ("book", "2046-05-17", "19:00")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "date", "time"), [
    ("화요일 검진을 목요일 같은 시간으로 옮겨 주세요", "2046-05-17", None),
    ("수요일 오전 열한 시 예약한 사람인데요 오후로 바꿀 수 있을까요 오후 네 시", "2046-05-16", "16:00"),
])
def test_the_target_day_and_time_win_over_the_booked_ones(text, date, time, statistical):
    got = _hear(text, None, statistical)
    assert (got.intent, got.date, got.time) == ("reschedule", date, time)


@WITH_AND_WITHOUT_MODEL
def test_a_filling_spelt_with_tteo_is_a_filling(statistical):
    assert _hear("지난주에 떼웠는데 찬 거 먹으면 시려요 원래 그런가요", None, statistical).treatment == "filling"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "date"), [
    ("일요일 새벽부터 계속 아팠는데 오늘 오후에 볼 수 있어요", "2046-05-14"),
    ("주말 내내 잇몸이 부었어요 금요일 밤부터 그랬는데 내일 가도 돼요", "2046-05-15"),
])
def test_a_day_told_as_a_past_pain_is_not_the_visit_day(text, date, statistical):
    assert _hear(text, None, statistical).date == date
