"""Kinds of caller speech the twenty-third round of issue 15 (blind30's and blind31's first-run misses) taught the
understanding, each with sentences of its own (not copied from the labelled sets), with and without the model: a
racing heart or faintness after an anaesthetic is an emergency, and medicines on a treatment's day, a mouthguard or
care days after a treatment are medical questions, never bookings (the safety kinds first); a changed phone number
or address is for staff, also after a yes; a read-back echoed with a yes confirms; a family answering for a patient
who died or is in a care home opts out, cancels or declines; which slots are free, or the latest slot, asked when a
day or a time was asked books; hygiene, a bill charged twice and halal medicines are for staff; a deposit's payment
asks the price; one of two bookings cancelled cancels; which of two bookings checked confirms; a visit moved to a
doctor's day or the day's latest slot moves it; "same as last time" books; the bus stop or the floor asks the
location; a carer telling a dementia patient's signs is a symptom; regional speech ("일없어요 괜찮슴다", "봐 주소").
And the days and times: the last or first weekday of a month, 보름 뒤, 말일, the first week of a month, a weekday
some weeks on, a booked weekday moved a week on; a part of the day doubted leaves no time, an hour said again with
its part of the day settles it, the latest slot leaves the hour to the dialog."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2044, 4, 12, 10, 20)  # a Tuesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "마취하고 나왔는데 심장이 너무 빨리 뛰고 식은땀이 나요",
    "아까 잇몸에 주사 맞았는데 가슴이 쿵쾅거리고 어지러워요",
    "마취 풀리기 전인데 가슴이 두근두근하고 정신이 없어요",
])
def test_a_racing_heart_or_faintness_after_an_anaesthetic_is_an_emergency(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "사랑니 뽑는 날 아침에 당뇨약은 그대로 먹고 가요",
    "농구할 때 교정기 위에 보호대 껴야 돼요",
    "발치하고 이틀 됐는데 빨대로 마시면 어떡해요",
])
def test_medicines_on_a_treatments_day_and_care_after_it_are_medical_questions_never_bookings(text, statistical):
    heard = _hear(text, None, statistical)
    assert heard.intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("제 핸드폰 번호가 바뀌었거든요 새 번호로 고쳐 주세요", None),
    ("주소가 바뀌어서요 우편물 새 주소로 보내 주세요", None),
    ("네 그날 갈게요 아 그리고 제 번호 바뀌었어요 이 번호로 연락 주세요", "reminder"),
])
def test_a_changed_number_or_address_is_for_staff(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("목요일 오후 네 시 네 목요일 네 시 맞아요", "confirm"),
    ("금요일이요 금요일 열한 시 네 좋아요", "proposal"),
    ("다음 주 월요일 두 시 반 네 그걸로 맞습니다", "confirm"),
])
def test_a_read_back_echoed_with_a_yes_confirms(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "yes"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("아버지가 작년에 돌아가셨어요 명단에서 빼 주세요", "reminder", "opt_out"),
    ("할머니 돌아가셨어요 이제 전화 그만 주세요", "offer", "opt_out"),
    ("어머니가 요양원에 들어가셔서 그 예약은 못 가세요", "reminder", "cancel"),
    ("아버지 요양병원에 입원해 계셔서 검진은 못 받으세요", "offer", "no"),
])
def test_a_family_answering_for_a_patient_who_died_or_is_in_care(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("그날 비어 있는 게 몇 시예요", "time"),
    ("제일 빠른 게 언제예요", "date"),
    ("퇴근하고 가니까 제일 늦은 시간으로 해 주세요", "time"),
    ("지난번이랑 똑같은 시간으로 해 주세요", "time"),
])
def test_free_slots_the_latest_slot_or_same_as_last_time_asked_books(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "거기 기구들 멸균 제대로 하세요",
    "석션 끝에 다는 거 일회용이에요",
    "카드 결제가 두 번 찍혔어요 확인 좀 해 주세요",
    "주사약에 돼지 성분 있으면 안 돼요 할랄이어야 해서요",
    "다시 전화 준다던데 몇 시쯤 연락 와요",
])
def test_hygiene_billing_halal_and_the_callback_are_for_staff(text, statistical):
    assert _hear(text, None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "예약금은 얼마 내야 돼요",
    "보증금 카드로 내도 돼요",
])
def test_a_deposits_payment_asks_the_price(text, statistical):
    assert _hear(text, None, statistical).intent == "ask_price"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("두 개 잡혀 있는데 금요일 거는 취소해 주세요", None, "cancel"),
    ("둘 중에 오후 거 취소할게요 오전 건 가요", "reminder", "cancel"),
    ("원장님 바뀐다면서요 그럼 취소할게요", None, "cancel"),
    ("이거 수요일 거 맞죠 금요일 거 말고", "reminder", "confirm_appointment"),
    ("박 원장님 나오시는 날로 옮겨 주세요", None, "reschedule"),
    ("그 예약 그날 제일 늦은 시간으로 바꿔 주세요", None, "reschedule"),
])
def test_one_of_two_bookings_and_a_named_doctor(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("버스 타고 가면 무슨 정류장에서 내려요", None, "ask_location"),
    ("네 갈게요 근데 거기 몇 층이었죠", "reminder", "ask_location"),
    ("아버님이 치매가 있으신데 자꾸 턱을 만지시고 밥을 못 드세요", None, "symptom"),
    ("그 시간이면 일없습니다 좋슴다", "proposal", "yes"),
])
def test_places_carers_and_regional_speech(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@pytest.mark.parametrize("text, now, date", [
    ("이번 달 마지막 금요일", dt.datetime(2044, 4, 12, 10), "2044-04-29"),
    ("다음 달 마지막 월요일", dt.datetime(2044, 4, 12, 10), "2044-05-30"),
    ("다음 달 첫째 주 수요일", dt.datetime(2044, 4, 12, 10), "2044-05-04"),
    ("보름 뒤", dt.datetime(2044, 4, 12, 10), "2044-04-27"),
    ("말일", dt.datetime(2044, 2, 3, 10), "2044-02-29"),
    ("다음 달 말일", dt.datetime(2044, 4, 12, 10), "2044-05-31"),
    ("월말", dt.datetime(2044, 4, 12, 10), "2044-04-30"),
    ("이 주 뒤 목요일", dt.datetime(2044, 4, 12, 10), "2044-04-28"),
    ("일주일 뒤 금요일", dt.datetime(2044, 4, 12, 10), "2044-04-22"),
    ("목요일 거 일주일 뒤로 미뤄 주세요", dt.datetime(2044, 4, 12, 10), "2044-04-21"),
    ("금요일 거 딱 일주일 뒤 금요일로요", dt.datetime(2044, 4, 12, 10), "2044-04-22"),
    ("담주 목", dt.datetime(2044, 4, 12, 10), "2044-04-21"),
    ("이번 주 토", dt.datetime(2044, 4, 12, 10), "2044-04-16"),
    ("월요일 화요일 빼고 아무 날이나요", dt.datetime(2044, 4, 12, 10), None),
    ("목요일은 빼고 금요일이요", dt.datetime(2044, 4, 12, 10), "2044-04-15"),
])
def test_days_named_relative_to_a_month_or_a_day(text, now, date):
    for statistical in (True, False):
        assert _hear_at(now)(text, None, statistical).date == date


def test_the_first_week_of_next_month_is_its_first_seven_days():
    assert _hear("다음 달 첫째 주에 갈게요").date_range == ("2044-05-01", "2044-05-07")


@pytest.mark.parametrize("text, expect, time", [
    ("금요일 거 두 시였나 오후 두 시 아 오전이었나", None, None),
    ("열 시요 아 밤 열 시는 안 하죠 아침 열 시", "time", "10:00"),
    ("여덟 시요 아 아침 여덟 시", "time", "08:00"),
    ("세 시 예약 그날 제일 늦은 시간으로 미뤄 주세요", None, None),
])
def test_a_doubted_part_of_the_day_a_corrected_hour_and_the_latest_slot(text, expect, time):
    for statistical in (True, False):
        assert _hear(text, expect, statistical).time == time


def _hear_at(now: dt.datetime):
    return hearer(now)
