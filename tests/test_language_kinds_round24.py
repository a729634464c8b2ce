"""Kinds of caller speech the twenty-fourth round of issue 15 (blind32's and blind33's first-run misses) taught the
understanding, each with sentences of its own (not copied from the labelled sets), with and without the model:
red flags win over every non-safety rule (a place, a price, the hours, a booking, a person asked beside them);
infant teeth, a child's tooth, a blood thinner resumed, a child unsteady after sedation, a temporary treatment on a
trip and food after a treatment are medical questions, never bookings; a lasting refusal of calls for another
channel and advertising stopped for another number too are opt-outs, a restriction of when to call is a callback;
a choice by position answers yes, none of them no; hedged and double-negative acceptances are yes; a read-back
accepted but for one part changed is no; staff known by name, how long a visit takes and papers are for staff."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2044, 4, 12, 10, 20)  # a Tuesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "마취 주사 맞고 어지럽고 심장이 쿵쾅거려요 병원 앞 주차장인데 어디로 가요",  # location
    "주사 맞은 뒤로 숨이 차고 가슴이 벌렁거려요 아까 치료비 얼마 나왔죠",  # price
    "마취하고 나서 정신이 없고 가슴이 두근두근해요 오늘 몇 시까지 하세요",  # hours
    "마취 주사 맞고 식은땀 나고 심장이 빨리 뛰어요 내일 세 시 예약 있는데",  # booking
    "마취 풀리기 전에 가슴이 두근대고 어지러워요 원장님 바꿔 주세요",  # staff
    "넘어져서 앞니가 부러지고 피가 안 멈춰요 실장님 계세요",  # staff
    "얼굴이 퉁퉁 붓고 열이 나요 주차는 어디에 해요",  # location
])
def test_red_flags_win_over_location_price_hours_booking_and_staff_words(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "아기 이가 처음 나기 시작했는데 치과는 몇 개월부터 가요",
    "애기 젖병 물려 재우면 이가 썩나요",
    "딸이 여섯 살인데 흔들리는 이를 집에서 빼야 돼요",
    "와파린 이틀 쉬었는데 발치하고 언제부터 다시 먹어요",
    "여행 가서 임시로 때운 거 그대로 둬도 되나요",
    "스케일링 받고 커피는 며칠 참아야 돼요",
])
def test_infant_teeth_medicines_and_care_after_a_treatment_are_medical_questions_never_bookings(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("전화는 힘들고 이제부터 문자로만 보내 주세요", "reminder", "opt_out"),
    ("전화 대신 앞으로는 카톡으로만 연락 주세요", None, "opt_out"),
    ("홍보 문자 끊어 주세요 남편 번호도 같이요", None, "opt_out"),
    ("평일 낮엔 전화 하지 마세요 저녁에 다시 주세요", "offer", "callback_later"),
    ("저녁엔 연락 주지 마세요 오전에만 전화 주세요", "reminder", "callback_later"),
])
def test_a_lasting_channel_refusal_opts_out_and_a_time_restriction_is_a_callback(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("두 번째 걸로 할게요", "proposal", "yes"),
    ("앞에 거요 화요일", "proposal", "yes"),
    ("마지막 거 그걸로 해 주세요", "offer", "yes"),
    ("셋 다 안 돼요 다른 날 없어요", "proposal", "no"),
])
def test_a_choice_by_position_answers_yes_and_none_of_them_no(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("안 할 것도 없죠 해 주세요", "offer"),
    ("못 받을 이유가 없죠 그 시간 좋아요", "proposal"),
    ("애 학원 끝나면 갈게요 그날 맞아요", "reminder"),
    ("두 명 다 돼요 그 시간으로요", "proposal"),
])
def test_hedged_and_double_negative_acceptances_are_yes(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "yes"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("날짜는 맞는데 시간을 두 시로 해 주세요", "confirm"),
    ("다 좋은데 이름만 딸 이름으로 바꿔 주세요", "confirm"),
    ("첫 번째 날은 좋은데 조금 늦춰 주세요", "proposal"),
])
def test_a_read_back_accepted_but_for_one_part_changed_is_no(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "no"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("김 실장님 그날 나오세요", "date"),
    ("박 선생님 아니세요 목소리가 다르시네", "yes_no"),
    ("신경 치료는 몇 시간이나 걸려요", None),
    ("소견서 같은 거 내과에서 받아 가야 돼요", None),
])
def test_staff_by_name_and_how_long_a_visit_takes_are_for_staff(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "question_other"


def test_a_numeric_date_with_a_dot_a_slash_or_다시_is_that_day_and_no_measure_is_a_date():
    from appliance.language.dates import find_dates

    today = dt.date(2044, 2, 10)
    assert [r.date for r in find_dates("4.22 오전이요", today)] == [dt.date(2044, 4, 22)]
    assert [r.date for r in find_dates("11/7 이요", today)] == [dt.date(2044, 11, 7)]
    assert find_dates("열이 37.8도 나와요", today) == []
    assert find_dates("2.5배 더 비싸요", today) == []
    assert _hear("사 다시 이십이 일 오전 열 시요").date == "2044-04-22"


@pytest.mark.parametrize("text, date", [
    ("이십 일이 월급날이라 그 다음 날로 잡아 주세요", "2044-04-21"),
    ("18일 다음 날 오후 두 시요", "2044-04-19"),
    ("삼십 일 담날 되나요", "2044-05-01"),
])
def test_the_day_after_a_day_of_the_month_is_one_day_on(text, date):
    for statistical in (True, False):
        assert _hear(text, None, statistical).date == date


@pytest.mark.parametrize("text, date", [
    ("토요일에 출국이라서 그 전에 제일 빠른 날로 잡아 주세요", None),
    ("목요일 전에 스케일링 받고 싶어요 수요일 오후요", "2044-04-13"),
])
def test_a_day_given_as_a_deadline_is_no_day_of_the_visit(text, date):
    for statistical in (True, False):
        assert _hear(text, None, statistical).date == date
