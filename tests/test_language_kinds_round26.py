"""Kinds of caller speech the twenty-sixth round of issue 15 (blind36's and blind37's first-run misses: an ordinary
Wednesday and an ordinary Friday) taught the understanding, each with sentences of its own (not copied from the
labelled sets), with and without the model: a person asked to come to the phone is for staff, not a visit changed;
a caller who took the clinic for a shop dialled a wrong number; what to type into a navigation app is the location;
a booked weekday moved to another is a reschedule; a treatment told by its insurance cover and booked on a day is a
booking; getting used to a denture already in is a medical question; "can't talk now, call me later" is a call back,
never a no; duty care and a lunch break on a day are the hours; a farewell weekend names no day; X-ray pictures
printed are no extraction; the reminders refused name no treatment."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2046, 5, 16, 15, 10)  # a Wednesday afternoon
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "실장님 통화 끝나셨으면 잠시만 바꿔 주세요",
    "담당 선생님 좀 바꿔 줄 수 있어요",
    "원장님 수술 끝나셨으면 잠깐 바꿔 주실래요",
])
def test_a_person_asked_to_the_phone_is_for_staff(text, statistical):
    assert _hear(text, None, statistical).intent == "talk_to_staff"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "예약 시간 좀 바꿔 주세요 원장님이 괜찮다 하시면",
    "원장님이 괜찮다 하시면 예약 날짜 목요일로 바꿔 주세요",
])
def test_a_visit_changed_stays_a_reschedule(text, statistical):
    assert _hear(text, None, statistical).intent == "reschedule"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어 세탁소인 줄 알았어요 죄송합니다",
    "중국집인 줄 알고 걸었네요 잘못 걸었어요",
    "아 약국인 줄 알았네 미안해요",
])
def test_a_shop_mistaken_is_a_wrong_number(text, statistical):
    assert _hear(text, None, statistical).intent == "wrong_number"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "네비에 뭘 찍고 가면 돼요",
    "티맵에 뭐라고 검색해야 나와요",
])
def test_what_to_type_into_a_navigation_app_is_the_location(text, statistical):
    assert _hear(text, None, statistical).intent == "ask_location"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "신경치료 받는 날이 목요일인데 그거 금요일로 될까요",
    "스케일링 예약 그거 하루 뒤로 금요일로 해 주세요",
    "검진이 월요일이었는데 그거 화요일로 돼요",
])
def test_a_booked_weekday_moved_to_another_is_a_reschedule(text, statistical):
    assert _hear(text, None, statistical).intent == "reschedule"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "treatment"), [
    ("나이 돼서 보험 되는 틀니 그거 하려고요 금요일 오후 두 시", "denture"),
    ("일 년에 한 번 보험 적용되는 스케일링 받으려고요 다음 주 월요일", "scaling"),
])
def test_a_treatment_told_by_its_cover_then_booked_is_a_booking(text, treatment, statistical):
    got = _hear(text, None, statistical)
    assert (got.intent, got.treatment) == ("book", treatment)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "보험 되는 스케일링 하려는데 얼마 나와요 금요일에",
])
def test_a_cover_told_with_a_price_asked_is_no_booking(text, statistical):
    assert _hear(text, None, statistical).intent != "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "교정기 처음 꼈는데 발음이 새요 적응되는 데 며칠 걸려요",
    "부분틀니 넣었는데 씹기가 불편해요 적응하는데 얼마나 걸려요",
])
def test_getting_used_to_an_appliance_already_in_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "운전 중이라 통화 길게 못 해요 나중에 다시 전화 주세요",
    "지금 고속도로라서요 나중에 주세요",
])
def test_cannot_talk_now_call_later_is_a_callback(text, statistical):
    assert _hear(text, "offer", statistical).intent == "callback_later"


@WITH_AND_WITHOUT_MODEL
def test_cannot_talk_now_with_a_refusal_is_no_callback(statistical):
    got = _hear("운전 중인데 그거 필요없어요 나중에도 전화 주지 마세요", "offer", statistical)
    assert got.intent in ("no", "opt_out")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "이번 토요일에 혹시 당직 진료 하세요",
    "일요일에 당직 같은 거 있어요",
    "금요일도 점심시간 있어요",
    "평일은 점심시간 따로 있나요",
])
def test_duty_care_and_a_lunch_break_on_a_day_are_the_hours(text, statistical):
    assert _hear(text, None, statistical).intent == "ask_hours"


@pytest.mark.parametrize("text", ["네 감사합니다 주말 잘 보내세요", "알겠습니다 즐거운 주말 되세요"])
def test_a_farewell_weekend_names_no_day(text):
    got = _hear(text)
    assert got.date is None, got


def test_a_weekend_asked_for_keeps_its_day():
    assert _hear("주말에 예약 돼요").date == "2046-05-19"


@pytest.mark.parametrize(("text", "treatment"), [
    ("파노라마 사진 다른 치과 가져가게 좀 뽑아 주세요", "checkup"),
    ("엑스레이 찍은 거 출력해서 뽑아 주실 수 있어요", "checkup"),
    ("엑스레이 찍고 사랑니 뽑아야 돼요", "wisdom_tooth"),
])
def test_x_ray_pictures_printed_are_no_extraction(text, treatment):
    assert _hear(text).treatment == treatment


@pytest.mark.parametrize("text", [
    "임플란트 하라는 문자 좀 그만 보내 주세요",
    "미백 받으라는 연락은 안 하셨으면 좋겠어요",
])
def test_reminders_refused_name_no_treatment(text):
    assert _hear(text).treatment is None


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["예전에 예약해 둔 게 금요일 맞는지 궁금해서요", "저번에 잡아 놓은 거 다음 달 맞죠"])
def test_a_booked_visit_asked_about_is_a_confirmation(text, statistical):
    assert _hear(text, "need", statistical).intent == "confirm_appointment"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "교정 장치 조이고 나서 이가 욱신거리는데 보통 며칠 가요",
    "크라운 씌우고 나서 찬 거 마시면 시린데 언제까지 가요",
])
def test_how_long_a_discomfort_after_a_treatment_lasts_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_a_move_a_day_later_names_the_target_weekday(statistical):
    got = _hear("다음 주 목요일 예약 그거 하루 뒤로 금요일로 해 주세요", None, statistical)
    assert (got.intent, got.date) == ("reschedule", "2046-05-25")


def test_the_day_after_then_is_the_one_asked_for():
    got = _hear("이번 주에 되는 날 있어요 아 오늘이 수요일이구나 그럼 다음 주 화요일 아무 때나")
    assert (got.intent, got.date) == ("book", "2046-05-22")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("교정기 빼고 자도 괜찮아요", None),
    ("부분틀니 끼고 자는 게 좋아요 빼는 게 좋아요", "wellbeing"),
    ("이 뺀 데 거즈를 계속 물고 있어야 돼요", "wellbeing"),
])
def test_appliance_at_night_and_gauze_are_medical_questions_never_a_booking(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_gauze_with_bleeding_that_goes_on_stays_an_emergency(statistical):
    assert _hear("사랑니 뺀 데서 피가 계속 나요 거즈 더 물고 있어야 돼요", None, statistical).intent == "emergency"
