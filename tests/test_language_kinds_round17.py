"""Kinds of caller speech the seventeenth round of issue 15 (blind24's first-run misses) taught the understanding,
each with sentences of its own (not copied from the labelled sets), with and without the model: a job seeker, a
salesman or a dental lab calling is an errand for staff (the one in charge asked for is a transfer); where a rider
may leave a motorbike asks the place; being on a bus right now is no place asked (a yes stays a yes, "잠깐만요"
a hold); a relay interpreter's hold is no callback and a relayed yes is a yes; one visit cancelled with another
put in its place moves the visit, with the new treatment; a slot's availability asked in formal speech books;
after-care asked how long and medicine that ran out are medical questions, never a booking; who may stay in the
treatment room and the clinic's app asked by name are questions for staff. Bleeding with gauze changed again and
again stays an emergency, and a refusal or an opt-out is never read as a yes."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2041, 6, 11, 10, 30)  # a Tuesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("간호조무사 채용 공고 보고 전화드렸는데 담당자분 좀 바꿔 주실 수 있나요", "talk_to_staff"),
    ("치약 납품 업체에서 나왔는데요 원장님 잠깐 뵐 수 있을까요", "talk_to_staff"),
    ("데스크 직원 구인 아직 하세요 이력서는 어디로 보내면 돼요", "question_other"),
    ("다음 주에 면접 보기로 한 사람인데요 몇 층으로 가면 되는지 몰라서요", "question_other"),
    ("여기 기공소입니다 지난주에 의뢰하신 틀니 색상 한 번만 다시 확인 부탁드립니다", "question_other"),
])
def test_job_seekers_vendors_and_a_lab_are_errands_for_staff(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "퀵 배달 왔는데 오토바이는 어디 세우면 돼요",
    "자전거 타고 가는데 자전거 세울 데 있어요",
])
def test_where_to_leave_a_motorbike_or_bicycle_asks_the_place(text, statistical):
    assert _hear(text, None, statistical).intent == "ask_location"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("네 맞습니다 지금 지하철이라 짧게 해 주세요", "yes_no", "yes"),
    ("넹 맞아요 지금 택시 안이라 길게는 못 해요", "confirm", "yes"),
    ("잠깐만요 지금 지하철 내려야 돼서요", "reminder", "other"),
])
def test_on_a_bus_or_subway_now_is_no_place_asked(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


def test_the_way_asked_from_the_bus_still_asks_the_place():
    assert _hear("지금 버스 안인데 몇 번 정류장에서 내려요").intent == "ask_location"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("제가 지금 통역하는 중이라 잠시만 기다려 주시겠어요", None, "other"),
    ("수어 통역사입니다 어르신이 네 오신다고 하세요", "reminder", "yes"),
])
def test_a_relay_interpreters_hold_and_relayed_yes(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, treatment", [
    ("목요일 충치 치료는 취소하고요 대신 그 시간에 딸 검진을 잡아 주세요", "checkup"),
    ("미백 예약 취소하고 그 자리에 잇몸 치료로 바꿔 주세요", "gum"),
])
def test_one_visit_cancelled_for_another_in_its_place_moves_it(text, treatment, statistical):
    result = _hear(text, None, statistical)
    assert (result.intent, result.treatment) == ("reschedule", treatment)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "이번 주 목요일 오전 열 시에 검진 예약 가능 여부를 확인해 주시기 바랍니다",
    "야간 진료 하는 날로 잇몸 치료 예약 잡아 주세요",
])
def test_a_slot_asked_formally_or_on_evening_days_books(text, statistical):
    assert _hear(text, None, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("임플란트 수술하고 냉찜질은 하루에 몇 번 해요", None),
    ("이 빼고 온찜질은 언제까지 해야 돼요 내일 퇴근하고 약 사러 가려고요", None),
    ("네 괜찮아요 근데 진통제 다 떨어졌는데 더 먹어야 돼요", "wellbeing"),
])
def test_after_care_and_medicine_asked_are_medical_questions_never_a_booking(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "아이 치료할 때 엄마가 옆에 같이 있어도 되나요",
    "예약은 홈페이지에서도 된다던데 홈페이지 주소가 어떻게 돼요",
])
def test_who_may_stay_in_the_room_and_the_clinics_app_are_questions_for_staff(text, statistical):
    assert _hear(text, None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
def test_bleeding_with_gauze_changed_again_and_again_stays_an_emergency(statistical):
    result = _hear("사랑니 뺀 데 거즈를 몇 번이나 바꿨는데 피가 안 멈춰요", None, statistical)
    assert result.intent == "emergency"
    assert result.urgent


@pytest.mark.parametrize("text, expect, intent", [
    ("아니요 지금 버스라 필요 없어요 전화 그만 주세요", "yes_no", "no"),
    ("광고 전화는 이제 안 받을게요 수신 거부해 주세요", "offer", "opt_out"),
])
def test_a_refusal_or_an_opt_out_on_the_move_is_never_a_yes(text, expect, intent):
    result = _hear(text, expect)
    assert result.intent != "yes"
    assert result.intent == intent or (intent == "no" and result.intent == "opt_out")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("앞니가 반으로 깨져 나갔는데 피가 나고 너무 아파요 지금 봐 주실 수 있어요", "emergency"),
    ("사랑니 뽑고 커피는 괜찮아요 아이스로요", "medical_question"),
    ("신경치료 하고 때우고 왔는데 솜을 계속 물고 있어야 돼요", "medical_question"),
])
def test_a_split_tooth_bleeding_and_after_care_asked_are_never_a_booking(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@pytest.mark.parametrize("text, expect, date, time", [
    ("낼 오후 세 시 되나요", None, "2041-06-12", "15:00"),
    ("넵 그럼 낼 거 그대로 갈게요", "reminder", "2041-06-12", None),
    ("아니요 어젯밤부터 잇몸이 욱신거려요", "wellbeing", "2041-06-10", None),
    ("학원 끝나는 게 네 시라서 그 끝나고 갈게요 목요일 검진 돼요", None, "2041-06-13", None),
    ("퇴근하고 가면 여덟 시 넘는데 늦게까지 하는 날로 잡아 주세요", None, None, None),
])
def test_clipped_day_words_and_a_time_told_as_the_reason(text, expect, date, time):
    result = _hear(text, expect)
    assert (result.date, result.time) == (date, time)


@pytest.mark.parametrize("text, date, time", [
    ("회사에 낼 서류 떼 주실 수 있어요", None, None),  # 낼 here hands papers in: no day
    ("퇴근하고 일곱 시 넘어서 되는 날 있어요", None, "19:00"),  # the hour wished
    ("퇴근하면 여섯 시라서 그때 갈게요", None, "18:00"),
])
def test_no_day_or_time_lost_where_they_are_meant(text, date, time):
    result = _hear(text)
    assert (result.date, result.time) == (date, time)
