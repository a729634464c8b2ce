"""Kinds of caller speech the twenty-second round of issue 15 (blind29's first-run misses) taught the understanding,
each with sentences of its own (not copied from the labelled sets), with and without the model: a tooth split with the
nerve showing and great pain is an emergency, and a painless lost filling asked whether a later day is fine is a
medical question, never a booking (the safety kinds first); a slot question answered with a question, whether the
doctor works that day, paying ahead or by a foreign card, a bill compared with a friend's and asked why, and where a
night emergency clinic is (no trouble told) are questions for staff; a reminder accepted while a second person is
added books; "생각해 볼게요" with the caller ringing back is a callback; "알겠어요 끊을게요" unprompted is other;
tomorrow's first slot asked for at night over a sensitivity books; a teenager asking to come alone (no day named) is for
staff and a student card asks the price; a reminder kept with its treatment swapped moves it, another treatment asked
to be added is for staff and its hour asked confirms it; a thing come off asked whether it is re-fixed if brought, and
an ache felt now asked whether tomorrow will do, are symptoms heard (never booked); a broken thing asked to be fixed on
a named day books. Round 23's labelling conventions changed three of these: a slot question asked back books, paying
ahead or by a foreign card asks the price, and a treatment added to a booked visit books."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2043, 9, 14, 10, 20)  # a Monday morning
NIGHT = dt.datetime(2043, 9, 14, 23, 10)  # the same Monday, late at night
_hear = hearer(NOW)
_hear_at_night = hearer(NIGHT)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "고구마 먹다가 어금니가 쪼개졌는데 신경이 보여요 너무 아파요",
    "이가 세로로 갈라져서 안에 신경이 보이는 것 같아요 죽게 아파요",
    "넘어져서 앞니가 부러졌는데 신경이 다 보여요 엄청 아파요",
])
def test_a_split_tooth_with_the_nerve_showing_and_great_pain_is_an_emergency(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "캐러멜 먹다가 때운 게 떨어졌어요 안 아픈데 다음 주에 가도 되죠",
    "씌운 게 살짝 들떴는데 아프진 않은데 주말 지나서 가도 괜찮죠",
    "레진 한 게 깨졌는데 아프지는 않은데 좀 있다가 가도 되겠죠",
])
def test_a_painless_loss_asked_whether_a_later_day_is_fine_is_a_medical_question(text, statistical):
    heard = _hear(text, None, statistical)
    assert heard.intent == "medical_question"
    assert heard.intent not in ("book", "reschedule")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("언제가 비어요", "date"),
    ("무슨 요일이 되는데요", "date"),
    ("그럼 몇 시 되나요", "time"),
])
def test_a_slot_question_answered_with_a_question_books(text, expect, statistical):
    """Round 23's convention: the booking dialog offers the free slots (it was a question for staff in round 22)."""
    assert _hear(text, expect, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("그 요일에 김 원장님 나오세요", "date"),
    ("그 시간에 원장님 진료하시나요 다른 선생님이면 싫어요", "offer"),
    ("작년이랑 같은 치료인데 이번에 만 원 더 냈어요 왜 그런 거예요", None),
    ("동생이랑 같은 거 했는데 제가 더 냈더라고요 이유가 있어요", None),
])
def test_doctor_days_payments_and_bills_compared_are_questions_for_staff(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "진료비를 미리 계좌로 먼저 결제할 수 있나요",
    "외국 카드로 계산돼요 여행 중이라서요",
])
def test_paying_ahead_or_by_a_foreign_card_asks_the_price(text, statistical):
    """Round 23's convention: how to pay, also ahead, is a price question (it was for staff in round 22)."""
    assert _hear(text, None, statistical).intent == "ask_price"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "늦은 시간에 죄송한데 밤에 하는 치과 어디 있어요",
    "혹시 응급으로 진료하는 병원 알려 주세요 주말 밤에도요",
])
def test_where_a_night_clinic_is_with_no_trouble_told_is_a_question(text, statistical):
    assert _hear_at_night(text, None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("네 갈게요 그리고 딸도 같이 검진 예약해 주세요", "reminder"),
    ("예 가요 아내도 그 시간에 하나 더 잡아 주세요", "reminder"),
    ("맞아요 그날 가요 아버지도 같이 봐 주실 수 있죠", "confirm"),
])
def test_a_reminder_accepted_with_a_second_person_added_books(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("좀 생각해 볼게요 다음에 제가 다시 연락드릴게요", "offer", "callback_later"),
    ("일단 생각해볼게요 제가 전화할게요", "offer", "callback_later"),
    ("네 감사합니다 그럼 끊을게요", None, "other"),
    ("어 알겠습니다 끊겠습니다", None, "other"),
])
def test_thinking_it_over_and_hanging_up(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "늦게 죄송해요 내일 첫 타임으로 예약 좀 해 주세요 찬 거 마시면 너무 시려요",
    "밤에 전화드려 죄송한데 내일 아침 일찍 봐 주세요 이가 시려서요",
])
def test_tomorrows_first_slot_asked_at_night_over_a_sensitivity_books(text, statistical):
    heard = _hear_at_night(text, None, statistical)
    assert heard.intent == "book"
    assert heard.date == "2043-09-15"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("저 고등학생인데요 보호자 없이 혼자 받아도 돼요 충치 치료", "question_other"),
    ("열여섯 살인데 엄마 없이 가도 되나요 저 중학생이에요", "question_other"),
    ("학생증 내면 스케일링 좀 할인돼요", "ask_price"),
])
def test_a_teenager_alone_asks_staff_and_a_student_card_asks_the_price(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("그날 가긴 가는데 신경치료 말고 스케일링으로 바꿔 주세요", "reminder", "reschedule"),
    ("시간은 괜찮고요 레진 말고 검진으로만 해 주세요", "reminder", "reschedule"),
    ("스케일링 말고 불소도 같이 되나요 가는 김에", "reminder", "book"),  # round 23's convention: added, booked
    ("예 가요 근데 며칠이었죠 깜빡했네", "reminder", "confirm_appointment"),
    ("맞아요 근데 몇 시였어요 오후였나", "confirm", "confirm_appointment"),
])
def test_a_reminder_kept_with_its_treatment_swapped_added_or_its_hour_asked(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "엿 먹다가 씌운 게 빠졌어요 그거 가져가면 다시 끼워 주나요",
    "찹쌀떡 먹다 때운 게 떨어졌는데 들고 가면 붙여 줄 수 있어요",
])
def test_a_thing_come_off_asked_whether_it_is_refixed_is_a_symptom_heard(text, statistical):
    assert _hear(text, None, statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "누워 있는데 어금니가 욱신거려요 내일 가도 될까요",
    "잘려고 하는데 이가 좀 시려요 내일 아침에 가도 되나요",
])
def test_an_ache_felt_now_asked_whether_tomorrow_will_do_is_a_symptom_heard(text, statistical):
    heard = _hear_at_night(text, None, statistical)
    assert heard.intent == "symptom"
    assert heard.intent not in ("book", "reschedule")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "오징어 씹다가 틀니 고리가 부러졌어요 수리해 주세요 수요일에",
    "치킨 먹다가 교정 장치가 떨어졌어요 금요일에 붙여 주세요",
])
def test_a_broken_thing_asked_to_be_fixed_on_a_named_day_books(text, statistical):
    assert _hear(text, None, statistical).intent == "book"
