"""Kinds of caller speech the nineteenth round of issue 15 (blind26's first-run misses) taught the understanding,
each with sentences of its own (not copied from the labelled sets), with and without the model: whether a thing can
wait until the next visit, how many hours after a treatment one may eat, whether an appliance may be left off a
while are medical questions, never a booking (the safety kind first); the building's access for a walker, a
wheelchair or a pushchair asks the place; a paper's fee is a price question; a photo sent by message to be looked at
is for staff, unless a red flag is told; the doctor of last time or a woman doctor wanted with a day and a time
books; an offer taken with its day and time books; a hold for a mouthful then "네 말씀하세요" has answered nothing;
a change denied and the visit removed in everyday words cancels; "요일 감각이 없어서" is no numbness; the hour a
routine reaches, then the request, takes the request's time; a bare hour for "이따" in the evening is the evening's."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, assert_heard_both_ways, hearer

NOW = dt.datetime(2041, 6, 11, 19, 10)  # a Tuesday evening
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "레진 때운 게 조금 떨어진 것 같은데 다음 진료까지 그냥 둬도 괜찮아요",
    "임시 뚜껑 씌운 게 빠졌는데 다음 예약 때까지 버텨도 돼요",
    "신경치료 하다가 막아 둔 솜이 빠졌는데 다음 예약까지 괜찮을까요",
    "애 실란트 하고 왔는데 몇 시간 뒤에 밥 먹어도 돼요",
    "오늘 스케일링 받았는데 몇 시간 있다가 커피 마셔도 되나요",
    "유지장치 이틀 정도 안 껴도 괜찮아요 여행 가서요",
    "교정 고무줄 오늘만 안 하고 자도 돼요",
    "틀니 며칠 빼고 지내도 돼요",
])
def test_waiting_with_ones_care_is_a_medical_question_never_a_booking(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_the_next_visit_brought_forward_is_still_a_move(statistical):
    assert _hear("다음 예약까지 기다리기 힘드니까 앞당겨 주세요", None, statistical).intent == "reschedule"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("건물 입구에 경사로 있나요 아버지가 휠체어 타세요", None, "ask_location"),
    ("유모차 세워 둘 데 있어요 애기 데리고 가야 돼서", None, "ask_location"),
    ("네 갈게요 근데 보행기 놓을 자리 있어요", "reminder", "ask_location"),
    ("휠체어 타고 들어갈 수 있어요", None, "question_other"),  # into the treatment room: for staff, as before
    ("소견서 떼려면 비용이 얼마나 들어요", None, "ask_price"),
    ("치료확인서 발급비 따로 있어요", None, "ask_price"),
    ("진단서 떼는 데 얼마나 걸려요", None, "question_other"),  # how long, not how much
    ("깨진 이 사진 카톡으로 보낼 테니까 확인해 주실래요", None, "question_other"),
    ("이가 부러져서 피가 계속 나는데 사진 카톡으로 보내면 봐 주세요", None, "emergency"),
])
def test_access_a_papers_fee_and_a_photo_sent(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("지난번 그 선생님 계시는 날로 다음 주 화요일 세 시 스케일링으로요", None, "book"),
    ("여자 선생님 계시면 목요일 오전 열 시로 잡아 주세요", None, "book"),
    ("여자 원장님 계세요", None, "question_other"),
    ("네 좋죠 그럼 금요일 오후 네 시로 검진 잡아 주세요", "offer", "book"),
    ("네 그럼 잡아 주세요 아무 때나 괜찮아요", "offer", "yes"),  # no day nor time: a yes to the offer
    ("잠깐만요 마스크 벗고요 네 말씀하세요", "yes_no", "other"),
    ("아 잠깐만요 지금 먹는 중이라 네 네 말씀하세요", "offer", "other"),
    ("네 맞아요 잠깐만요 네 말씀하세요", "yes_no", "yes"),
    ("예약 바꾸는 게 아니고요 그냥 빼 주세요", "confirm", "cancel"),
    ("옮기는 게 아니라 취소해 주세요", None, "cancel"),
    ("시간 감각이 없어서 그런데 지금 문 열었어요", None, "ask_hours"),
    ("마취가 안 풀려서 입술 감각이 없어요", None, "symptom"),
])
def test_a_doctor_wanted_an_offer_taken_a_hold_a_cancel_and_no_numbness(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@pytest.mark.parametrize("text, expect, intent, date, time, treatment", [
    ("요즘 퇴근하면 일곱 시쯤 되거든 그러니까 목요일 일곱 시 반에 스케일링", None, "book", "2041-06-13", "19:30",
     "scaling"),
    ("지금 운전 중이라 이따 여덟 시쯤 다시 전화 주세요", "yes_no", "callback_later", None, "20:00", None),
    ("내일 아홉 시쯤 다시 전화 주세요", "yes_no", "callback_later", "2041-06-12", "09:00", None),
])
def test_the_time_after_a_routine_hour_and_an_evening_hour_for_later_today(text, expect, intent, date, time,
                                                                            treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)
