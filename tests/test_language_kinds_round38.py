"""Round 38 (blind60's and blind61's first-run misses: a rainy Tuesday in July, and a Friday evening at a clinic open
until nine) tests the kinds behind them with new sentences. Safety first: pus told with no red flag beside it, then
"can it wait", is a medical question, not an emergency (and not with a face swollen); an appliance's trouble told
with "좀 봐 주세요" and no day is a symptom, not a booking; a photo offered for a look is a medical question. Then
the ordinary kinds: a bare eight is the evening, what one pays with the insurance is an insurance question, a walk-in
now from nearby books today, the way on foot from a landmark is the place, a fare covered and a missed visit's fee go
to staff, late to a reminder is a yes, a proposal taken by its time after "그럼" is a yes, nothing to the need
question is a no, the 경상도 "몬 가" and "캐서예", a read-back's "네 시" corrected, a day booked for the stitches,
"아침 일찍" and the treatment slot of "충친가" and of a checkup asked after a cavity."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, assert_heard_both_ways, hearer

NOW = dt.datetime(2051, 11, 16, 18, 20)  # a Thursday evening
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어금니 잇몸에 고름이 살짝 비치는데 주말까지 기다려도 될까요",
    "고름 같은 게 조금 나오는데 모레 가도 괜찮을까요",
])
def test_pus_asked_whether_it_can_wait_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
def test_pus_with_a_swollen_face_stays_an_emergency(statistical):
    got = _hear("고름이 나오고 얼굴이 부었는데 내일 가도 되나요", None, statistical)
    assert got.intent == "emergency", got


@pytest.mark.parametrize(("text", "date", "time"), [
    ("여덟 시 반에 자리 있어요 오늘", "2051-11-16", "20:30"),
    ("다음 주 수요일 여덟 시로 잡아 주세요", "2051-11-22", "20:00"),
])
def test_a_bare_eight_is_the_evening(text, date, time):
    assert_heard_both_ways(NOW, text, None, "book", date, time, None)


@pytest.mark.parametrize(("text", "expect", "time"), [
    ("출근 전에 여덟 시에 되나요", None, "08:00"),
    ("여덟 시 반 아침에요", "time", "08:30"),
])
def test_a_morning_said_before_or_just_after_keeps_eight_in_the_morning(text, expect, time):
    assert_heard_both_ways(NOW, text, expect, "book", None, time, None)


@pytest.mark.parametrize(("text", "treatment"), [
    ("어머니 틀니가 자꾸 헐거워요 좀 봐 주세요", "denture"),
    ("씌운 게 반으로 갈라졌어요", "crown"),
    ("틀니가 자꾸 빠져요", "denture"),
    ("어머니가 틀니가 안 맞다 캐서예 좀 봐 주이소", "denture"),
])
def test_an_appliances_trouble_told_with_no_day_is_a_symptom(text, treatment):
    assert_heard_both_ways(NOW, text, None, "symptom", None, None, treatment)


def test_an_appliances_trouble_with_a_day_books_it():
    assert_heard_both_ways(NOW, "틀니가 헐거워서 내일 좀 봐 주세요", None, "book", "2051-11-17", None, "denture")


@WITH_AND_WITHOUT_MODEL
def test_a_photo_offered_for_a_look_is_a_medical_question_and_by_message_an_errand(statistical):
    assert _hear("사진 보내 드리면 한번 봐 주실 수 있나요", None, statistical).intent == "medical_question"
    assert _hear("카톡으로 사진 보내면 봐 주시나요", None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
def test_a_milk_tooth_loose_with_the_new_one_coming_told_is_a_symptom(statistical):
    got = _hear("애 유치가 흔들거리는데 안쪽에서 영구치가 올라오고 있어요", None, statistical)
    assert got.intent == "symptom", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "intent"), [
    ("보험 적용하면 제가 낼 돈이 얼마예요", "ask_insurance"),
    ("틀니 보험 되면 아버지는 얼마 내세요", "ask_insurance"),
    ("보험 안 되면 얼마 내야 돼요", "ask_price"),
])
def test_what_one_pays_with_the_insurance_is_an_insurance_question(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_an_offer_taken_on_an_insurance_condition_said_with_hamyeon(statistical):
    got = _hear("임플란트도 보험으로 된다고 하면 예 할게요", "offer", statistical)
    assert got.intent == "yes", got


def test_a_walk_in_now_from_nearby_books_today():
    assert_heard_both_ways(NOW, "지금 가도 돼요? 바로 앞이라서요", None, "book", "2051-11-16", None, None)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "intent"), [
    ("버스 정류장에서 몇 분 정도 걸어야 돼요", "ask_location"),
    ("시장 입구에서 얼마나 걸려요", "ask_location"),
    ("스케일링 받는 데 얼마나 걸려요", "question_other"),
    ("교통비 같은 거 지원해 주시나요", "question_other"),
    ("주차비 지원돼요", "ask_location"),
    ("예약하고 못 가면 돈 내야 돼요?", "question_other"),
    ("노쇼하면 벌금 있어요", "question_other"),
])
def test_the_way_on_foot_is_the_place_a_fare_or_a_missed_visits_fee_goes_to_staff(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("갈게요 근데 차가 막혀서 좀 늦을 수도 있어요", "reminder", "yes"),
    ("가요 가는데 버스가 안 와서 조금 늦을지도 모르겠어요", "reminder", "yes"),
    ("그러면 세 시 반으로 할게요", "proposal", "yes"),
    ("그럼 세 시 말고 네 시로 할게요", "proposal", "no"),
    ("아니요 없어요 수고하세요", "need", "no"),
    ("네 없어요 들어가세요", "need", "no"),
    ("오늘은 몬 오겠네예", "reminder", "cancel"),
])
def test_answers_to_the_question_asked(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


def test_a_read_back_corrected_from_four_oclock_is_a_no():
    assert_heard_both_ways(NOW, "네 시 반 말고 다섯 시 반으로요", "confirm", "no", None, "17:30", None)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "별일 없어요 실밥 빼러 언제 가야 할지 예약 좀 해 주세요",
    "실밥 풀러 언제 가면 돼요 날 좀 잡아 주세요",
])
def test_a_day_booked_for_the_stitches_on_a_wellbeing_call_books(text, statistical):
    assert _hear(text, "wellbeing", statistical).intent == "book"


def test_early_in_the_morning_is_no_move():
    assert_heard_both_ways(NOW, "다음 주 월요일 아침 일찍 될까요", None, "book", "2051-11-20", None, None)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "treatment"), [
    ("충친지 모르겠는데 까만 게 보여요", "filling"),
    ("건강검진 때 충치가 보인다고 해서 검진 받으러 갈게요", "checkup"),
])
def test_the_treatment_of_a_cavity_wondered_and_of_a_checkup_asked(text, treatment, statistical):
    assert _hear(text, None, statistical).treatment == treatment


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("그날은 어렵고 금요일로 하면 안 될까요", "reminder", "reschedule"),
    ("됐어요 요즘은 바빠서", "offer", "no"),
    ("제가 일정 좀 보고 연락드릴게요", "offer", "callback_later"),
    ("셋 다 좀 어렵네요", "proposal", "no"),
    ("임플란트는 한 시간이면 끝나요?", None, "question_other"),
    ("그 시간이면 돼요", "proposal", "yes"),
])
def test_another_day_to_a_reminder_busy_now_a_diary_none_of_them_and_how_long(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("예 덕분에 잘 지냅니더", "wellbeing", "no"),
    ("아이고 괜찮혀유 챙겨 줘서 고마워유", "wellbeing", "no"),
    ("예 쪼금 시큰하긴 헌디 괜찮허요", "wellbeing", "no"),
    ("날 좋으믄 가것소", "reminder", "yes"),
])
def test_the_dialects_fine_and_a_hedged_yes(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


def test_the_closing_hour_asked_politely_is_an_hours_question():
    assert_heard_both_ways(NOW, "오늘 저녁 여덟 시까지 하시는 거 맞죠", None, "ask_hours", "2051-11-16", "20:00", None)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "intent"), [
    ("예약 없이 와도 괜찮아요?", "question_other"),
    ("예약 안 하고 바로 가도 돼요 지금", "book"),
])
def test_coming_without_a_booking_asked_on_no_day_is_the_clinics_way_now_a_booking(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent
