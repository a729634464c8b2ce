"""Round 35 (blind54's and blind55's first-run misses: an ordinary Friday in June full of students and a Tuesday in
April) tests the kinds behind them with new sentences. Safety first: a treatment asked whether allowed in one's
condition (braces worn, a baby's first teeth, a pregnancy) or whether it may be skipped, and a trouble come back with
"must it be redone", are medical questions, never bookings; a swelling or a pain told with a step of care at home
asked is a medical question, not an emergency, unless a red flag is told beside it. Then the ordinary kinds: a yes
with another of the family booked in, the cost after the insurance, a 충청도 "가께유" after a condition, and the
treatment one is in the middle of giving way to the one asked about."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 9, 12, 14, 40)  # a Tuesday afternoon
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "교정기 끼고 있는데 미백 해도 돼요",
    "임신 중인데 충치 치료 받아도 괜찮아요",
    "아기가 이가 나기 시작했는데 불소 발라도 되나요",
    "교정하는 중이라 스케일링은 안 받아도 되는 거죠",
])
def test_a_treatment_asked_allowed_in_ones_condition_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
def test_a_treatment_in_ones_condition_with_a_day_asked_still_books(statistical):
    got = _hear("교정 중인데 스케일링 받아도 돼요 내일 오후에 예약 돼요", None, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "씌운 지 삼 년 됐는데 그 이가 다시 시려요 다시 씌워야 돼요",
    "교정 끝났는데 앞니가 다시 틀어지는 것 같아요 다시 해야 되나요",
])
def test_a_trouble_come_back_whether_to_redo_it_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("턱이 좀 부었는데 냉찜질 해도 돼요", None),
    ("어금니가 계속 욱신거려서 타이레놀 두 알 먹었는데 한 알 더 먹어도 되나요", None),
    ("잇몸이 부어서 그런데 소금물로 가글 해도 괜찮아요", "wellbeing"),
])
def test_a_step_of_care_at_home_asked_with_a_swelling_or_pain_is_a_medical_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "볼이 퉁퉁 부었고 열도 나는데 얼음찜질 해도 돼요",
    "얼굴이 부어서 숨 쉬기가 힘든데 냉찜질 해도 돼요",
])
def test_a_red_flag_beside_the_care_step_stays_an_emergency(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
def test_a_pain_eased_by_a_painkiller_told_is_no_question(statistical):
    assert _hear("조금 아프긴 한데 진통제 먹으면 괜찮아요", "wellbeing", statistical).intent != "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("네 가는 김에 남편 검진도 같이 잡아 주세요", "offer"),
    ("예 딸이랑 같이 갈게요 딸도 스케일링 받을 수 있어요", "reminder"),
])
def test_a_yes_with_another_of_the_family_booked_in_books(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
def test_the_cost_after_the_insurance_is_an_insurance_question(statistical):
    got = _hear("임플란트 하나에 얼마 나와요 보험 적용받고", None, statistical)
    assert (got.intent, got.treatment) == ("ask_insurance", "implant"), got


@WITH_AND_WITHOUT_MODEL
def test_a_chungcheong_yes_after_an_insurance_condition(statistical):
    got = _hear("임플란트 보험 되믄 해야지유 예 가께유", "offer", statistical)
    assert (got.intent, got.treatment) == ("yes", "implant"), got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, treatment", [
    ("교정기 낀 채로 미백 받아도 돼요", "whitening"),
    ("교정 중인데 사랑니 빼도 되나요", "wisdom_tooth"),
])
def test_braces_one_is_in_the_middle_of_give_way_to_the_treatment_asked(text, treatment, statistical):
    assert _hear(text, None, statistical).treatment == treatment


@WITH_AND_WITHOUT_MODEL
def test_a_root_canal_in_progress_stays_the_treatment(statistical):
    assert _hear("신경치료 하는 중인데 임시로 막은 데가 좀 시려요", None, statistical).treatment == "root_canal"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "지난번에 못 간 예약 다시 하고 싶어요 목요일로",
    "예약하려고요 발표 끝나는 날이 이십 일이라 그 다음 날로요",
])
def test_a_missed_visit_taken_up_or_a_booking_announced_books(text, statistical):
    assert _hear(text, None, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
def test_a_booking_of_ones_own_moved_stays_a_move(statistical):
    assert _hear("예약한 거 그 다음 날로 옮겨 주세요", None, statistical).intent == "reschedule"
