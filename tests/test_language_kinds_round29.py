"""Round 29 (blind42's and blind43's first-run misses: a Wednesday in a small provincial town and a Friday) tests
the kinds behind them with new sentences: stitches told as "꿰맨 거/데" asked on a wellbeing call; an insurance tag
question then a conditional yes; a trouble photographed for the dentist; a person asked for with today first; an
option asked again or none of them fitting; thought over then "다시 걸게요"; a booked day moved; an offer taken on
a slot of one's own; a person booked in with one's own visit."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2046, 5, 16, 15, 10)  # a Wednesday afternoon
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "꿰맨 데 실은 언제쯤 빼러 가면 돼요",
    "꿰맨 자리는 언제 풀러 와야 되나요",
])
def test_when_sewn_stitches_come_out_on_a_wellbeing_call_is_a_medical_question(text, statistical):
    heard = _hear(text, "wellbeing", statistical)
    assert (heard.intent, heard.treatment) == ("medical_question", None)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "틀니 그것도 보험 되는 거 맞죠? 그럼 할게요",
    "스케일링 보험 처리 되는 거지요 되면 해야지",
])
def test_an_insurance_tag_question_then_a_conditional_yes_stays_the_question(text, statistical):
    assert _hear(text, "offer", statistical).intent == "ask_insurance"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "입천장에 뭐가 하얗게 생겼는데 사진 올려 드리면 봐 주실 수 있어요",
    "잇몸이 좀 부었는데 사진 찍어서 보내면 봐 주세요",
])
def test_a_trouble_photographed_for_a_look_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "오늘 최 원장님 출근하셨어요?",
    "지금 이 선생님 진료 중이세요",
])
def test_a_person_asked_for_with_today_first_is_for_the_staff(text, statistical):
    assert _hear(text, None, statistical).intent == "talk_to_staff"


@WITH_AND_WITHOUT_MODEL
def test_a_doctor_asked_on_another_day_stays_a_question(statistical):
    assert _hear("그날 원장님 계세요", None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["마지막 거는 며칠이라고 하셨어요", "첫 번째 게 몇 시라 했죠"])
def test_an_option_asked_again_is_other(text, statistical):
    assert _hear(text, "proposal", statistical).intent == "other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["둘 다 시간이 안 맞아요", "세 개 다 안 맞는데요"])
def test_none_of_the_options_fitting_is_no(text, statistical):
    assert _hear(text, "proposal", statistical).intent == "no"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["남편하고 얘기해 보고 다시 걸게요", "집사람이랑 상의해 보고 제가 다시 걸께요"])
def test_talked_over_then_a_call_back_is_callback_later(text, statistical):
    assert _hear(text, "offer", statistical).intent == "callback_later"


@WITH_AND_WITHOUT_MODEL
def test_a_booked_day_named_then_moved_is_a_reschedule(statistical):
    heard = _hear("이번 주 금요일에 예약된 게 있는데 그거 다음 주 월요일로 해 주세요", None, statistical)
    assert (heard.intent, heard.date) == ("reschedule", "2046-05-21")


@WITH_AND_WITHOUT_MODEL
def test_an_offer_taken_on_a_slot_of_ones_own_is_a_booking(statistical):
    heard = _hear("목요일 저녁 일곱 시 괜찮으면 갈게요", "offer", statistical)
    assert (heard.intent, heard.date, heard.time) == ("book", "2046-05-17", "19:00")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["동생도 같이 잡아 주실 수 있어요 저 받는 날에",
                                  "딸도 같이 예약하고 싶어요 제 시간 바로 뒤에"])
def test_a_person_booked_in_with_ones_own_visit_is_a_booking(text, statistical):
    assert _hear(text, None, statistical).intent == "book"
