"""Round 47 (blind79's and blind80's first-run misses: a March Monday as the school term begins, and a September
Saturday before 추석) tests the kinds behind them with new sentences. Safety first: one sign alone told after an
injection or an anaesthetic (dizziness, breath short, hives, the throat or lips swelling, a faint) is an emergency;
whether a medicine is stopped at a treatment, and a trouble told with "may I come after the holiday", are medical
questions, never a booking. Then the ordinary kinds: the hours of a day gone by, the latest hour to the time
question, another person's visit booked along, a slot asked with a hurry, a slot of one's own "if free" to an offer,
a school checkup form, an age discount under the insurance, a card charged twice, a treatment asked offered, a tooth
gone dark, "…에 낼 거" handed in (no tomorrow) and on one's way now (today)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 10, 17, 10, 20)  # a Tuesday morning in October
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "치과에서 주사 맞고 나서 숨이 좀 가빠요",
    "아까 마취하고 나서 목이 조이는 느낌이에요",
    "마취 주사 맞은 뒤에 팔에 두드러기가 올라왔어요",
    "잇몸 마취 하고 나서 입술이랑 혀가 붓는 것 같아요",
    "마취하고 나서 핑 돌아요 계속",
    "주사 맞고 나서 어지럽고 숨이 좀 찬 것 같은데 괜찮은 건가요",
])
def test_one_sign_after_an_injection_or_an_anaesthetic_is_an_emergency(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("마취 풀리고 나서 애가 입술을 깨물어서 부었어요", "symptom"),
    ("마취 주사 맞으면 어지러운데 그런 사람도 치료 받을 수 있어요?", "medical_question"),
])
def test_a_lip_bitten_while_numb_or_a_history_asked_is_no_emergency(text, intent, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == intent, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, treatment", [
    ("사랑니 뺄 때 아스피린은 끊고 가야 돼요", "wisdom_tooth"),
    ("임플란트 심기 전날 와파린 먹어도 돼요?", "implant"),
    ("이 뽑을 때 혈전 약은 계속 먹어야 되나요", "extraction"),
])
def test_a_medicine_stopped_or_kept_at_a_treatment_is_a_medical_question(text, treatment, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got
    assert got.treatment == treatment, got


@WITH_AND_WITHOUT_MODEL
def test_a_doctors_office_asking_for_the_director_about_a_medicine_is_put_through(statistical):
    got = _hear("여기 정형외과인데요 환자분 발치 전에 와파린 끊어야 하는지 원장님이랑 통화하고 싶어서요", None,
                statistical)
    assert got.intent == "talk_to_staff", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "잇몸이 좀 부었는데 연휴 끝나고 가도 될까요",
    "어금니가 시린데 설 쇠고 가도 괜찮을까요",
    "때운 게 떨어졌는데 출장 다녀와서 가도 되나요",
])
def test_a_trouble_then_may_i_come_after_a_holiday_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
def test_a_trouble_after_a_holiday_with_an_hour_still_books(statistical):
    got = _hear("잇몸이 좀 부었는데 연휴 끝나고 오후 두 시에 가도 될까요", None, statistical)
    assert got.intent == "book", got
    assert got.time == "14:00"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, date", [
    ("그저께 문 일찍 닫으셨어요?", "2051-10-15"),
    ("지난 토요일에 쉬셨어요?", "2051-10-14"),
])
def test_the_hours_of_a_day_gone_by_are_an_hours_question(text, date, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "ask_hours", got
    assert got.date == date, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("제일 늦은 시간이 몇 시예요", "time"),
    ("가장 빠른 게 몇 시예요", "date"),
])
def test_the_latest_or_earliest_hour_to_the_booking_question_books(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
def test_the_latest_hour_out_of_the_blue_stays_an_hours_question(statistical):
    got = _hear("제일 늦은 시간이 몇 시예요", None, statistical)
    assert got.intent == "ask_hours", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, date, time", [
    ("남편 것도 같이 잡아 줄 수 있어요 제 거 할 때", None, None, None),
    ("애들 거까지 같이 예약 되나요", None, None, None),
    ("금요일 아홉 시 돼요 빨리 끝내고 출근해야 돼서", None, "2051-10-20", "09:00"),
    ("토요일 열 시에 되면 갈게요", "offer", "2051-10-21", "10:00"),
    ("학교 구강검진표 받아 왔는데 그거 받으려고요", None, None, None),
])
def test_the_booking_kinds_book(text, expect, date, time, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "book", got
    assert got.date == date, got
    assert (got.time or None) == time, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("일흔 넘으면 보험으로 할인돼요", "ask_insurance"),
    ("노인은 보험으로 임플란트 할인 돼요?", "ask_insurance"),
    ("지난번에 카드가 두 번 결제된 것 같아요", "question_other"),
    ("거기 라미네이트는 하시나요?", "question_other"),
    ("애 앞니가 까맣게 변했어요", "symptom"),
    ("애 앞니가 까맣게 변했는데 괜찮은 거예요?", "medical_question"),
])
def test_the_other_kinds(text, intent, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == intent, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, date", [
    ("소견서 좀 써 주세요 학교에 낼 거", None),
    ("오키 그 낼 거 그냥 취소요", "2051-10-18"),
    ("지금 출발할게요 가면 바로 진료 볼 수 있죠", "2051-10-17"),
])
def test_a_paper_handed_in_names_no_tomorrow_and_on_my_way_now_is_today(text, date, statistical):
    got = _hear(text, None, statistical)
    assert got.date == date, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent, date", [
    ("모레 거 아 모레는 목요일이네 금요일 거 취소할게요", "cancel", "2051-10-20"),
    ("내일 거 아 내일은 수요일이지 목요일 거를 옮기고 싶어요", "reschedule", "2051-10-19"),
    ("내일은 수요일이지만 야간 진료 하세요?", "ask_hours", "2051-10-18"),
])
def test_a_day_found_to_be_another_on_the_way_names_the_one_after(text, intent, date, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == intent, got
    assert got.date == date, got


@WITH_AND_WITHOUT_MODEL
def test_a_slight_sign_gone_by_asked_whether_normal_is_no_emergency(statistical):
    got = _hear("주사 맞고 숨이 좀 찼었는데 원래 그런 거예요", None, statistical)
    assert got.intent != "emergency", got
