"""Kinds of caller speech the nineteenth round of issue 15 (blind26's first-run misses) taught the understanding,
each with sentences of its own (not copied from the labelled sets), with and without the model: whether a thing can
wait until the next visit, how many hours after a treatment one may eat, whether an appliance may be left off a
while are medical questions, never a booking (the safety kind first); the building's access for a walker, a
wheelchair or a pushchair asks the place; a paper's fee is a price question; a photo sent by message to be looked at
is for staff, unless a red flag is told; the doctor of last time or a woman doctor wanted with a day and a time
books; an offer taken with its day and time books; a hold for a mouthful then "네 말씀하세요" has answered nothing;
a change denied and the visit removed in everyday words cancels; "요일 감각이 없어서" is no numbness; the hour a
routine reaches, then the request, takes the request's time; a bare hour for "이따" in the evening is the evening's;
a visit missed before apologised for and this one kept is a yes, a new one asked a booking, whether the next still
stands a check; the visit named, an aside, then another day moves it; the recording objected to and a booking all
the same books; slower speech asked and the clinic's name forgotten aloud ask nothing; "사람이에요 녹음이에요" and
"AI라고 했어요" ask about the call; a companion asked along and whether a doctor is still there are for staff; any time
fine to "what time?" books, the day left to staff asks for staff; how long until a thing settles after a treatment
and how to care for a treated site are medical questions; a missed visit moved and a reminded visit put off move
it; a booking said through a mask books; the same hygienist asked after and a paper asked for are for staff; a
broken appliance told with what it does is a symptom."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import about_the_call
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


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("저번에 못 와서 죄송했어요 이번엔 꼭 갈게요", "reminder", "yes"),
    ("지난주에 못 가서 미안해요 이번에는 진짜 갈게요", "confirm", "yes"),
    ("지난번에 못 갔는데 새로 예약 잡으려고요", None, "book"),
    ("저번에 못 가서 취소된 거 다시 잡아 주세요", None, "book"),
    ("노쇼 해서 다음 예약도 취소됐어요 아직 있나요", None, "confirm_appointment"),
    ("목요일 두 시 맞죠 혹시 변경된 거 아니죠", None, "confirm_appointment"),
    ("내일 예약인데 지금 운전 중이라 길게 못 해요 아무튼 금요일로요", None, "reschedule"),
    ("녹음은 싫은데 그냥 예약만 할게요 목요일 세 시 스케일링", None, "book"),
    ("녹음하지 마세요 전화도 하지 마세요", None, "opt_out"),  # a refusal of calls said with it is one
    ("너무 빨라요 천천히 좀 말씀해 주세요", "reminder", "other"),
    ("천천히 말해도 못 알아들으시네 사람 바꿔 주세요", None, "talk_to_staff"),
    ("그 치과 이름이 뭐였더라 암튼 거기 치과예요", None, "other"),
    ("어 잠깐만 이거 사람이에요 녹음이에요", None, "question_other"),
    ("보호자 같이 가도 되죠 어머니 혼자 못 가셔서요", None, "question_other"),
    ("그 원장님 아직 거기 계세요", None, "question_other"),
    ("시간은 아무 때나 괜찮아요 집에 있으니까", "time", "book"),
    ("날짜는 상관없어요 평일이면 돼요", "date", "book"),
])
def test_no_shows_asides_the_recording_notice_a_companion_and_any_time(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "임플란트 하고 나서 잇몸이 좀 부었는데 며칠이면 가라앉아요",
    "새 틀니가 자꾸 혀에 걸리는데 적응하는 기간인가요",
    "씌운 게 빠졌는데 그냥 두면 이가 썩어요",
])
def test_how_it_goes_with_time_after_a_treatment_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


def test_the_ai_notice_asked_back_gets_the_true_answer():
    assert about_the_call.machine_or_recording_asked("잠깐만 AI라고 했어요 그럼 예약은 누가 확인해요")
    assert about_the_call.machine_or_recording_asked("지금 말하는 게 사람이에요 녹음이에요")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("저번에 못 온 거 미안해요 그거 다음 주 수요일로 다시 해 주세요", None, "reschedule"),
    ("아 그날 결혼식이 있어서 금요일로 좀 미뤄 주세요", "reminder", "reschedule"),
    ("입에 음식이 있어서 발음이 이상할 텐데 스케일링 목요일 오후 두 시요", None, "book"),
    ("마스크 때문에 잘 안 들리시죠 검진 내일 열 시요", None, "book"),
    ("오전이면 다 괜찮아요 월요일만 빼고", "date", "book"),
    ("시간은 실장님이랑 통화해서 정할게요", "time", "talk_to_staff"),
    ("네 갈게요 그날도 같은 원장님이세요", "reminder", "question_other"),
    ("회사에 내야 해서 진료확인서 한 장 떼 주세요", None, "question_other"),
    ("교정 철사가 튀어나와서 볼이 쓸려요", None, "symptom"),
    ("사랑니 뺀 데 구멍에 밥알이 끼는데 어떻게 빼요", None, "medical_question"),
])
def test_missed_visits_moved_muffled_bookings_staff_papers_and_broken_appliances(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent
