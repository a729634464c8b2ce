"""Round 43 (blind70's and blind71's first-run misses: a November Monday the week before the college entrance exam
in a big-city apartment district, and a June Thursday in a rural county seat with elderly callers, dentures and
전라도/충청도 speech) tests the kinds behind them with new sentences. Safety first: a night not slept said "눈도 못
붙였어요" or a painkiller that left the pain as it was, with a visit asked, is round 25's emergency, while a pain a
painkiller eased stays a booking; a treatment asked allowed while another goes on is a medical question, never a
booking. Then the ordinary kinds: a walk-in now with an appliance's trouble after, seen right away if I leave now, a
cover left to use with a day asked, a booking with the insurance as its way, a slot at an hour with the evening hours
remarked, a yes with a day asked to an offer (book); "put me through to that one" (talk_to_staff); a reason then "can't
come" to a reminder (cancel); the public checkup asked free (ask_insurance); answers to the question asked; the
dialect's "을마나"; slots: "그때 우리" names no filling, a weekday told with a treated thing's trouble is the one just
gone."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 9, 20, 11, 10)  # a Wednesday late morning in September
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "밤새 어금니가 쑤셔서 눈 한번 못 붙였어요 오늘 바로 갈 수 있어요",
    "애가 이가 아파서 눈도 못 붙이고 울었어요 오늘 좀 봐 주실 수 있나요",
    "게보린 두 번 먹었는데도 똑같이 아파요 지금 가도 되나요",
    "진통제 먹었는데 소용없어요 오늘 진료 돼요?",
    "뜬눈으로 밤을 새웠어요 사랑니 쪽이 욱신거려서요 오늘 갈게요",
])
def test_a_night_not_slept_or_a_painkiller_that_did_nothing_is_an_emergency(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "타이레놀 먹으니까 좀 괜찮아졌어요 내일 예약할게요",
    "이가 좀 시려서 금요일에 예약하고 싶어요",
])
def test_a_mild_trouble_with_a_booking_stays_a_booking(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "교정 장치 끼고 있는데 미백 받아도 문제없어요?",
    "임플란트 하는 중인데 스케일링 받아도 괜찮아요?",
    "신경치료 받고 있는데 잇몸치료 해도 상관없어요?",
])
def test_a_treatment_asked_allowed_while_another_goes_on_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("지금 가도 되나요 틀니가 깨진 것 같아서요", None),
    ("지금 바로 가도 돼요 씌운 게 빠진 것 같아서", None),
    ("지금 나서면 바로 진료 받을 수 있어요?", None),
    ("회사 보험 남은 거 쓰려고요 모레 돼요?", None),
    ("어머니가 일흔둘이신데 틀니 보험으로 하려고요 상담 예약 부탁드려요", None),
    ("목요일 저녁 여덟 시 되나요 야간 진료 하시잖아요", None),
    ("네 금요일에 가도 될까요", "offer"),
])
def test_a_visit_asked_is_a_booking(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("박 원장님한테 받았었거든요 그 선생님으로 연결해 주세요", None, "talk_to_staff"),
    ("지난번에 통화했던 사람인데 그분 좀 바꿔 주세요", None, "talk_to_staff"),
    ("아 그날 시어머니 병원 모시고 가야 돼서 못 가겠네요", "reminder", "cancel"),
    ("어르신 구강검진도 공짜인가요", None, "ask_insurance"),
    ("두 번째로 말씀하신 그 시간이 좋겠어요", "proposal", "yes"),
    ("네 그럼 예약 좀 해 주세요", "yes_no", "yes"),
    ("하긴 해야 되는데 네 할게요", "offer", "yes"),
    ("요즘은 좀", "offer", "no"),
    ("네 좀 욱신하긴 한데 참을 만해요 괜찮아요", "wellbeing", "no"),
    ("신경치료 받고 나서 좀 욱신거리는데요 아직도", "wellbeing", "symptom"),
    ("네 그럼 이만 끊을게요", None, "other"),
    ("엊그제부터 잇몸이 빨갛게 부어 있어요", None, "symptom"),
    ("올해는 건너뛸게요", "offer", "no"),
    ("거기 정육점 아니에요?", None, "wrong_number"),
])
def test_answers_and_errands_of_the_day(text, expect, intent, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == intent, got


@WITH_AND_WITHOUT_MODEL
def test_eulmana_is_read_as_eolmana(statistical):
    got = _hear("임플란트 하믄 을마나 들어요", "offer", statistical)
    assert (got.intent, got.treatment) == ("ask_price", "implant"), got


@WITH_AND_WITHOUT_MODEL
def test_that_time_then_our_names_no_filling(statistical):
    got = _hear("네 갈게요 그때 우리 아들도 같이 봐 주실 수 있어요", "reminder", statistical)
    assert got.treatment is None, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "day"), [
    ("월요일에 씌운 게 계속 거슬려요", "2051-09-18"),
    ("화요일에 때운 데가 좀 시려요", "2051-09-19"),
])
def test_a_weekday_told_with_a_treated_things_trouble_is_the_one_just_gone(text, day, statistical):
    got = _hear(text, None, statistical)
    assert got.date == day, got


@WITH_AND_WITHOUT_MODEL
def test_a_booked_day_then_the_day_it_may_move_to_names_the_new_day(statistical):
    got = _hear("엄마 예약이 금요일로 돼 있는데요 다음 주 화요일로 좀 옮길 수 있을까요", None, statistical)
    assert (got.intent, got.date) == ("reschedule", "2051-09-26"), got
