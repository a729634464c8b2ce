"""Kinds of caller speech the thirteenth round of issue 15 (after blind20's first run) taught the understanding,
each with sentences of its own (not copied from the labelled sets): the year's end ("연말") is a stretch of days,
never one date; whether it is an emergency asked ("응급인지 모르겠는데요", "응급실 가야 되나") is no emergency said;
whether a thing can wait ("… 아니면 급한 거예요") or what one may do so many days after a treatment ("발치한 지
나흘이면 …해도 돼요") is a medical question, never a booking, whatever day is named; a menu key said aloud while
unsure whether to press it is nothing asked yet; trouble with a parking ticket is for staff, not the way there; a
booking taken up again after a side question books; one's records looked up are for staff; a foreign worker's
health insurance is an insurance question; "그런 직원 없는데요" is a wrong number. Near misses stay what they are:
a real emergency, a way to park asked, a price or hours asked with no booking."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2040, 12, 17, 10, 30)  # a Monday morning in the year-end rush
_hear = hearer(NOW)


@pytest.mark.parametrize("text", [
    "연말 되기 전에 임플란트 상담 한번 받아 보고 싶은데요",
    "연말이라 바쁘실 텐데 검진 자리 있나요",
    "네 연말에 가족들이랑 여행 가서 그 뒤에 연락드릴게요",
])
def test_the_years_end_is_no_date(text):
    assert _hear(text).date is None


@pytest.mark.parametrize("text", [
    "이게 응급인지 아닌지 모르겠어요 크라운 한 쪽이 좀 시큰거려요",
    "새벽인데 임플란트 한 데가 좀 뻐근해요 응급실 가야 하나 싶어서요",
])
def test_whether_it_is_an_emergency_asked_is_no_emergency(text):
    assert _hear(text).intent != "emergency"


def test_a_real_emergency_stays_one():
    assert _hear("피가 계속 안 멈춰요 응급이에요").intent == "emergency"


@pytest.mark.parametrize(("text", "expect"), [
    ("떡 먹다가 씌운 게 빠졌는데 주말 지나고 가도 되나요 아니면 급한 건가요", None),
    ("네 괜찮아요 근데 모레 등산 가는데 사랑니 뺀 지 나흘이면 산에 가도 돼요", "wellbeing"),
    ("내일 사우나 가려는데 임플란트 한 지 이틀이면 땀 빼도 되나요", None),
])
def test_whether_it_can_wait_or_what_one_may_do_after_a_treatment_is_no_booking(text, expect):
    assert _hear(text, expect).intent == "medical_question"


@pytest.mark.parametrize("text", [
    "이 번 이 번 이거 누르는 건가요 말로 하는 건가요",
    "별표 누르라는 거죠 어디 있더라",
])
def test_a_menu_key_said_aloud_asks_nothing_yet(text):
    assert _hear(text).intent == "other"


@pytest.mark.parametrize("text", [
    "주차 도장을 못 받고 그냥 나와 버렸는데 요금 나오면 어떻게 하죠",
    "어제 주차비가 두 번 빠져나갔는데 이거 치과에서 처리해 주세요",
])
def test_parking_ticket_trouble_is_for_staff(text):
    assert _hear(text).intent == "question_other"


def test_the_way_to_park_asked_stays_a_location_question():
    assert _hear("거기 주차 돼요").intent == "ask_location"


@pytest.mark.parametrize("text", [
    "충치 치료 예약하려는데 아 거기 몇 시까지 해요 아 일곱 시요 그럼 수요일 여섯 시로 해 주세요",
    "검진 예약하려고요 아 근데 보험 돼요 네 그럼 목요일 오후 두 시로 해 주세요",
])
def test_a_booking_taken_up_again_after_a_side_question_books(text):
    got = _hear(text)
    assert got.intent == "book" and got.date and got.time


def test_a_price_asked_alone_books_nothing():
    assert _hear("충치 치료 보험 되면 얼마예요").intent in ("ask_price", "ask_insurance")


@pytest.mark.parametrize("text", [
    "올해 파노라마 찍었는지 모르겠어요 보험 기록 좀 확인해 주실 수 있나요",
    "작년에 보험으로 잇몸 치료 받은 내역 좀 찾아봐 주세요",
])
def test_ones_records_looked_up_are_for_staff(text):
    assert _hear(text).intent == "question_other"


@pytest.mark.parametrize("text", [
    "저희 농장 외국인 직원이 건강보험이 있는데 치료 보험 적용돼요",
    "외국인 노동자도 한국 사람처럼 스케일링 보험 되나요",
])
def test_a_foreign_workers_insurance_is_an_insurance_question(text):
    assert _hear(text).intent == "ask_insurance"


@pytest.mark.parametrize("text", ["아니요 여기 가게 번호인데 그런 직원 없어요", "그런 환자 없는데요 여기 식당이에요"])
def test_no_such_staff_member_is_a_wrong_number(text):
    assert _hear(text, "yes_no").intent == "wrong_number"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "간호조무사인데요 제가 받은 레진 치료 후에 찬물에 시린 게 정상 범위인가요",
    "크라운 씌우고 나서 씹을 때 살짝 울리는 게 정상이에요",
])
def test_whether_a_thing_is_normal_is_never_a_booking(text, statistical):
    assert understand(text, NOW, statistical=statistical).intent not in ("book", "reschedule")
