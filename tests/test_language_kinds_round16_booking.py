"""Kinds of caller speech about a visit and its slots that the sixteenth round of issue 15 (blind23, dev20, dev21)
taught the understanding, each with sentences of its own (not copied from the labelled sets): a booking asked for
at the end after the price or insurance was heard books; a denture adjustment and a missed visit booked again are
no moves; "the change went through?" checks the visit; a bare seven o'clock is 19:00 and a time before "그럼" loses
to the next; two times both unsure give none; a treatment named by a part of it (a bone graft, the wire of braces,
a nerve treatment left half done); a paper printed again is no extraction; sand is no 모레; a day turned down with
"싫고", the day a visit moves to with its time kept, the last day followed by only a time; digits read one by one,
a day counted from "그날" and a holiday said to be gone give no date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2041, 6, 17, 8, 50)  # a Monday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "date", "time"), [
    ("임플란트 보험 몇 개까지 되죠 아 네 알겠어요 그럼 목요일 오후 두 시에 해 주세요", "2041-06-20", "14:00"),
    ("미백 얼마예요 아 그렇구나 그냥 금요일 오전 열 시 반에 할게요", "2041-06-21", "10:30"),
    ("주차 되죠 네 그럼 내일 네 시로 예약 해 주세요", "2041-06-18", "16:00"),
])
def test_a_booking_asked_for_at_the_end_after_a_question_books(text, date, time, statistical):
    got = _hear(text, statistical=statistical)
    assert (got.intent, got.date, got.time) == ("book", date, time)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "treatment"), [
    ("틀니가 자꾸 빠져서 조정 좀 받으려고요 목요일 오후 세 시요", "denture"),
    ("지난달에 스케일링 예약 못 왔거든요 다시 잡고 싶어요", "scaling"),
    ("어제 검진을 깜빡하고 못 갔어요 다시 잡아 주세요", "checkup"),
])
def test_an_adjustment_or_a_missed_visit_booked_again_is_a_booking(text, treatment, statistical):
    got = _hear(text, statistical=statistical)
    assert (got.intent, got.treatment) == ("book", treatment)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어제 시간 옮긴 게 반영됐는지 확인 좀 해 주세요",
    "날짜 변경한 게 반영됐나요 문자가 안 와서요",
])
def test_whether_a_change_went_through_checks_the_visit(text, statistical):
    assert _hear(text, statistical=statistical).intent == "confirm_appointment"


@pytest.mark.parametrize(("text", "time"), [
    ("수요일 일곱 시에 스케일링 돼요", "19:00"),
    ("퇴근이 늦어서요 금요일 일곱 시 반 가능해요", "19:30"),
    ("아침 일곱 시에 여는 데는 없죠", "07:00"),
    ("출근 전에 일곱 시 반쯤 잠깐 들를 수 있어요", "07:30"),
    ("토요일은 몇 시에 끝나요 두 시 그럼 한 시 예약할게요", "13:00"),
])
def test_a_bare_seven_is_evening_and_a_time_before_then_loses(text, time):
    assert _hear(text).time == time


@pytest.mark.parametrize("text", [
    "모레 가는 거 두 시였나 세 시였나 기억이 안 나요",
    "다음 주 예약 열 시 반이었나 열한 시였나",
])
def test_two_times_both_unsure_give_no_time(text):
    assert _hear(text).time is None


@pytest.mark.parametrize(("text", "treatment"), [
    ("뼈이식 한 데 실밥 언제 풀어요", "implant"),
    ("골이식 하고 나서 비행기 타도 돼요", "implant"),
    ("철사가 잇몸을 찔러서 따가운데 왁스 붙여도 돼요", "orthodontics"),
    ("하다 만 신경 치료 이어서 하려고요 다음 주 월요일", "root_canal"),
    ("그때 덜한 신경 그거 마저 해야 돼요", "root_canal"),
])
def test_a_treatment_named_by_a_part_of_it(text, treatment):
    assert _hear(text).treatment == treatment


@pytest.mark.parametrize("text", [
    "지난주 진료비 영수증을 어디 뒀는지 모르겠는데 다시 뽑아 주실 수 있어요",
    "실비 청구할 서류를 잃어버려서요 한 번만 더 뽑아 주세요",
])
def test_a_paper_printed_again_is_no_extraction(text):
    assert _hear(text).treatment is None


def test_sand_is_no_day_after_tomorrow_and_a_treated_site_oozing_is_no_booking():
    for statistical in (True, False):
        got = _hear("이 뺀 자리에서 모래 같은 게 자꾸 나와요", statistical=statistical)
        assert got.date is None
        assert got.intent not in ("book", "reschedule")


@pytest.mark.parametrize(("text", "expect", "date", "time"), [
    ("화요일은 싫고 수요일 오전 열 시는요", "proposal", "2041-06-19", "10:00"),
    ("20일 세 시 예약을 25일 같은 시간으로 옮겨 주세요", None, "2041-06-25", "15:00"),
    ("월요일은 회의가 있어서요 금요일이나 토요일만 돼요 이번 주 금요일 오후 네 시", None, "2041-06-21", "16:00"),
])
def test_the_day_meant_among_several(text, expect, date, time):
    got = _hear(text, expect)
    assert (got.date, got.time) == (date, time)


@pytest.mark.parametrize(("text", "expect"), [
    ("생년월일이요 구 일 공 삼 일 오", "digits"),
    ("그날은 출장이라 안 되는데 이틀 뒤는요", "proposal"),
    ("어린이날 지났는데 다음 연휴에도 문 여세요", None),
])
def test_digits_a_day_counted_from_that_day_and_a_holiday_gone_give_no_date(text, expect):
    assert _hear(text, expect).date is None


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["바쁘신데 전화 주셔서 정말 고맙습니다", "네 이렇게 연락 주셔서 감사합니다"])
def test_thanks_for_the_call_out_of_the_blue_asks_and_refuses_nothing(text, statistical):
    assert _hear(text, statistical=statistical).intent == "other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("혹시 제 이름으로 예약 잡혀 있는지 봐 주실래요", None),
    ("제가 며칠로 잡았었죠", None),
    ("예약 안내 문자가 안 오던데요", None),
    ("그날 신경 치료 받는 날이에요 아니면 검사만 해요", "reminder"),
])
def test_whether_and_when_a_visit_stands_checks_it(text, expect, statistical):
    assert _hear(text, expect, statistical=statistical).intent == "confirm_appointment"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("예약 좀 변경하려고 전화드렸어요", "need"),
    ("목요일 거 그 다음 주 월요일 세 시로 돼요", "reminder"),
])
def test_a_move_asked_in_a_word_or_that_visit_to_another_slot(text, expect, statistical):
    assert _hear(text, expect, statistical=statistical).intent == "reschedule"


@WITH_AND_WITHOUT_MODEL
def test_a_slot_said_last_after_then_books(statistical):
    got = _hear("아 주차 되는구나 그럼 우리 애 스케일링 금요일 세 시요", statistical=statistical)
    assert (got.intent, got.date, got.time) == ("book", "2041-06-21", "15:00")
