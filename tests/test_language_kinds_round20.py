"""Kinds of caller speech the twentieth round of issue 15 (blind27's first-run misses) taught the understanding, each
with sentences of its own (not copied from the labelled sets), with and without the model: a fever, a cold or the
flu told with a question whether to come or to move the visit, and a treatment asked on the day of a flu shot, are
medical questions, never a booking (the safety kind first); a fever told about a visit, with no swelling, is no
emergency, while a swelling with a fever still is; a wind instrument or singing asked about with a treatment and
whether a sports mouthguard is needed are medical questions; an injury's cover by an insurer asks the insurance; a
counsellor asked for about instalments puts through (a card's instalments asked stay a price question); a waiting
list asked after is a check, a cancelled slot today asked to be put in books; unwell and the visit moved or
cancelled moves or cancels it, a visit put off taken up again books; a deposit's, a no-show's or a late arrival's
rule, a place on a waiting list and the clinic's number are for staff; the 24-hour clock read aloud ("열다섯 시") is
that hour, and "아니고 열네 시" no fever; a time taken back for one half recalled is none; a lunar day is no solar
date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, assert_heard_both_ways, hearer

NOW = dt.datetime(2042, 3, 17, 9, 40)  # a Monday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어제부터 열이 좀 나는데 오늘 스케일링 받아도 돼요 아니면 다음에 할까요",
    "몸살 기운이 있는데 내일 임플란트 수술 그대로 해도 되나요",
    "감기 걸려서 열 나는데 치료 받으러 가도 괜찮은 건지 날짜를 옮겨야 하는지 모르겠어요",
    "코로나 백신 맞은 다음 날 사랑니 뽑아도 돼요",
])
def test_unwell_asking_whether_to_come_is_a_medical_question_never_a_booking(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("열이 삼십팔 도 넘어서 모레 예약은 다음 주로 좀 미뤄 주세요", "reschedule"),
    ("고열 때문에 내일 검진은 취소할게요", "cancel"),
    ("잇몸이 퉁퉁 붓고 열이 삼십구 도까지 올라요", "emergency"),  # a swelling with a fever stays one
    ("사랑니 쪽이 부어서 열이 나요 입도 잘 안 벌어져요", "emergency"),
    ("임플란트 수술 받고 나서 열이 펄펄 나요", "emergency"),  # a fever after a treatment, no visit moved: as before
    ("어제 사랑니 치료 받고 고열이 나요", "emergency"),
])
def test_a_fever_told_about_a_visit_is_no_emergency_but_a_swelling_with_one_is(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("플루트 전공인데 교정하면 연주하는 데 지장 있나요", "medical_question"),
    ("임플란트 하고 나서 트롬본 불어도 괜찮아요", "medical_question"),
    ("합창단인데 이 뽑고 노래 불러도 되나요", "medical_question"),
    ("농구할 때 마우스가드 꼭 해야 돼요", "medical_question"),
    ("아들이 태권도 하는데 마우스가드 맞추려고 예약하고 싶어요", "book"),  # a mouthguard wanted books
])
def test_instruments_singing_and_mouthguards_asked_are_medical_questions(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("자전거 타다 넘어져서 다친 이 실손보험 청구 되나요", "ask_insurance"),
    ("현대카드 무이자 할부 되나요", "ask_price"),  # a way to pay asked stays a price question, as in the older sets
    ("교정 얼마예요 무이자 할부도 되나요", "ask_price"),  # a price asked with it stays a price question
    ("실장님 좀 바꿔 주세요 할부 때문에요", "talk_to_staff"),
    ("대기 신청해 놓은 거 연락 언제 와요", "confirm_appointment"),
    ("오늘 취소된 자리 생기면 저 좀 끼워 주세요 충치 치료요", "book"),
])
def test_cover_payment_ways_and_waiting_lists(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@pytest.mark.parametrize("text, expect, intent, date, time, treatment", [
    ("열여섯 시 반으로 해 주세요", "time", "book", None, "16:30", None),
    ("열세 시 말고 열일곱 시요", "time", "book", None, "17:00", None),
    ("오전 열 시 아니고 열네 시요", "time", "book", None, "14:00", None),
    ("제 예약 수요일 두 시 맞죠 아니 세 시였나", None, "confirm_appointment", "2042-03-19", None, None),
    ("음력 시월 초하루 지나서 틀니 보러 갈게요 예약만 해 주세요", None, "book", None, None, "denture"),
])
def test_24_hour_clock_half_recalled_times_and_lunar_days(text, expect, intent, date, time, treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("목감기가 심해서 수요일 예약 다음 주로 옮겨 주실 수 있어요", "reschedule"),
    ("장염 걸려서 내일 치료는 취소할게요", "cancel"),
    ("몸살 나서 연기했던 검진 다시 잡을게요 목요일 오전에요", "book"),
    ("위약금 있어요 당일에 취소하면", "question_other"),
    ("보증금 내면 그거 치료비로 들어가는 거예요", "question_other"),
    ("보증금 환불되면 다음 주 예약 취소하고 싶어요", "cancel"),
    ("십 분 정도 늦어도 진료 받을 수 있어요", "question_other"),
    ("빈자리 생기면 문자 좀 주세요 더 빨리 가고 싶어서요", "question_other"),
    ("다음 주 화요일 예약금요일로 바꿔 주세요", "reschedule"),  # "예약 금요일": no deposit
    ("노쇼 했었는데 실장님이랑 통화하고 싶어요", "talk_to_staff"),
    ("예약 안내 문자는 무슨 번호로 오는 거예요", "question_other"),
    ("보증금은 얼마 걸어야 돼요", "ask_price"),  # the amount asked stays a price question
])
def test_unwell_moves_and_the_clinics_rules_asked(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent
