"""Kinds of caller speech about a visit that the fifteenth round of issue 15 (blind22, dev16-dev19) taught the
understanding, each with sentences of its own (not copied from the labelled sets): whether a booking went through
or still stands is a check of the visit; a visit called off in everyday words ("없애 주세요", "하기로 한 거 안
할게요") is a cancel; a visit named by its day and moved to another is a move; a sentence that ends by asking for
a slot books, whatever story, symptom or small question came before; of several days the one the closing request
asks for; a time one leaves work at, the closing hour or the visit as it stands loses to the time asked after it;
a treatment turned down before another is asked for is left out; a first visit to have everything looked at is a
checkup; digits with a hedge after them stay digits; a weekday told with a past deed is the one just gone."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2040, 12, 17, 10, 30)  # a Monday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "전화가 중간에 끊겨서요 제 예약 잡혔는지 모르겠어요",
    "어제 시간 바꾼 거 반영됐는지 궁금해서요",
    "목요일 세 시 예약 그대로 맞죠 혹시 바뀐 거 없죠",
    "내일 몇 시 예약이었는지 기억이 안 나서요",
])
def test_whether_a_booking_went_through_or_stands_checks_the_visit(text, statistical):
    assert _hear(text, statistical=statistical).intent == "confirm_appointment"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "다음 주에 잡아 둔 거 있잖아요 그거 그냥 없애 주세요",
    "크라운 하기로 한 거 그냥 안 할게요 다른 데서 하기로 했어요",
    "교정 상담 예약 있는 거 좀 빼 주세요 이사를 가게 돼서요",
])
def test_a_visit_called_off_in_everyday_words_is_a_cancel(text, statistical):
    assert _hear(text, statistical=statistical).intent == "cancel"


@pytest.mark.parametrize(("text", "expect", "date"), [
    ("스케일링 예약이 목요일인데 금요일로 하루만 밀어 주세요", None, "2040-12-21"),
    ("발치가 내일인데 모레로 미뤄도 될까요", None, "2040-12-19"),
    ("그 시간 말고요 그 다음 날 같은 시간은 돼요", "reminder", None),
])
def test_a_visit_named_by_its_day_and_moved_to_another_is_a_move(text, expect, date):
    heard = _hear(text, expect)
    assert (heard.intent, heard.date) == ("reschedule", date)


def test_the_same_words_to_a_proposed_slot_only_turn_it_down():
    assert _hear("아 그날 말고요 그 다음 날은요", "proposal").intent == "no"


@pytest.mark.parametrize(("text", "expect", "date", "time"), [
    ("보험 된다고 들었는데요 그럼 수요일 오후 두 시로 틀니 상담 부탁드려요", None, "2040-12-19", "14:00"),
    ("가격은 가서 물어볼게요 우선 금요일 오전 열 시 넣어 주세요", None, "2040-12-21", "10:00"),
    ("어젯밤에 좀 시큰거렸는데 지금은 괜찮아요 그래도 목요일 오후에 시간 있어요", None, "2040-12-20", None),
    ("아 그런 거예요 네 그럼 받을게요 다음 주 화요일", "offer", "2040-12-25", None),
    ("지난번에 때운 게 좀 거슬려서요 다음 주 월요일에 돼요", None, "2040-12-24", None),
    ("출장이 금요일까지라서 그 전에 봐야 돼요 목요일 오후로 돼요", None, "2040-12-20", None),
])
def test_a_sentence_that_ends_by_asking_for_a_slot_books(text, expect, date, time):
    heard = _hear(text, expect)
    assert (heard.intent, heard.date, heard.time) == ("book", date, time)


def test_a_request_last_that_moves_or_cancels_is_no_new_booking():
    assert _hear("남편 수요일 스케일링 예약 취소 부탁드려요").intent == "cancel"
    assert _hear("일이 생겨서요 목요일 예약을 금요일 오후 세 시로 변경 부탁드려요").intent == "reschedule"


@pytest.mark.parametrize(("text", "date"), [
    ("예약을 수요일로 해 놨었는데 회식이 잡혀서요 다음 주 화요일 같은 시간으로 옮겨 주세요", "2040-12-25"),
    ("내일로 돼 있는 거 모레로 하루만 미뤄 주세요", "2040-12-19"),
])
def test_of_several_days_the_one_the_closing_request_asks_for(text, date):
    assert _hear(text).date == date


def test_days_offered_as_choices_keep_the_first():
    assert _hear("다음 주 수요일이나 목요일 오후 세 시 되는 날 잡아 주세요").date == "2040-12-26"


@pytest.mark.parametrize(("text", "time"), [
    ("밤 근무라서요 아침 여덟 시에 퇴근하고 갈게요 수요일 아홉 시 반 스케일링이요", "09:30"),
    ("토요일은 두 시까지 하시죠 열두 시 반에 갈게요", "12:30"),
    ("제 예약이 세 시로 돼 있던데 그거 다섯 시로 바꿀 수 있어요", "17:00"),
])
def test_a_time_told_as_a_reason_loses_to_the_time_asked(text, time):
    assert _hear(text).time == time


@pytest.mark.parametrize(("text", "expect", "treatment"), [
    ("아니요 교정은 관심 없고요 스케일링만 할게요", "offer", "scaling"),
    ("임플란트는 됐고요 틀니 상담이나 받아 볼게요", "offer", "denture"),
    ("치과를 오 년 만에 가는 거라 전체적으로 좀 봐 주세요 금요일 두 시", None, "checkup"),
    ("우리 애 충치 검진 받으러 가려고요", None, "checkup"),
])
def test_the_treatment_meant(text, expect, treatment):
    assert _hear(text, expect).treatment == treatment


def test_digits_with_a_hedge_after_them_stay_digits():
    heard = _hear("팔 공 일 이 일 오 맞나", "digits")
    assert (heard.digits, heard.date) == ("801215", None)


def test_a_weekday_told_with_a_past_deed_is_the_one_just_gone():
    assert _hear("금요일 뽑았는데 아직 피가 비쳐요 괜찮은 거죠", "wellbeing").date == "2040-12-14"


def test_to_take_leave_is_no_tomorrow():
    assert _hear("그 날은 회사에 휴가 낼 수 있는지 알아볼게요", "proposal").date is None


@pytest.mark.parametrize(("text", "intent"), [
    ("그 다음 주 화요일은 어떠세요?", "book"),
    ("목요일은 좀 어렵고 금요일은 어때요", "no"),
])
def test_another_day_asked_for_in_the_proposed_ones_stead(text, intent):
    assert _hear(text, "proposal").intent == intent


def test_an_offer_taken_with_the_day_books():
    assert _hear("네 받아 볼게요 임플란트 상담 이번 주 금요일", "offer").intent == "book"
    assert _hear("네 할게요 근데 다음 주 화요일은 안 돼요", "offer").intent != "book"


def test_a_change_asked_whether_it_went_through_checks_the_visit():
    assert _hear("아까 시간 옮긴 거 처리됐나요 목요일로 한 거요").intent == "confirm_appointment"


@pytest.mark.parametrize(("text", "expect"), [
    ("문자를 실수로 지워서요 제 예약 시간 좀 다시 알려 주세요", None),
    ("딸이 예약 잡아 놨다던데 며칠로 잡혔는지 모르겠어요", None),
    ("발치 날짜가 정확히 언제예요", None),
    ("우리 영감 예약이 오전이여 오후여", "reminder"),
])
def test_the_day_or_time_of_ones_booking_asked_to_be_told_checks_the_visit(text, expect):
    assert _hear(text, expect, statistical=False).intent == "confirm_appointment"


def test_open_slots_asked_for_are_a_booking_not_a_check():
    assert _hear("예약 가능한 날짜 좀 알려 주세요", statistical=False).intent == "book"


@pytest.mark.parametrize("text", ["날짜만 목요일로요", "한 시간만 늦게요", "그날 말고 토요일로 좀 해 주세요"])
def test_to_a_reminder_a_short_change_is_a_move(text):
    assert _hear(text, "reminder", statistical=False).intent == "reschedule"


def test_please_repeat_the_time_is_no_check_of_the_visit():
    assert _hear("네? 몇 시라고요?", "proposal").intent == "other"
