"""Medical questions (never booked, never advised), open questions for staff, the urgent flag, and the
phrasings issue 15 found missing (own appointment, asking for a person, accepting an offer, wrong number)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand

MON = dt.datetime(2027, 3, 8, 10, 0)


@pytest.mark.parametrize(
    "text",
    [
        "사랑니 뽑은 자리가 아직 아픈데 진통제 더 먹어도 돼요?",
        "담배는 언제부터 피워도 돼요?",
        "임플란트 하고 술은 며칠 참아야 돼요",
        "신경치료 받은 이가 계속 시큰거리는데 정상이에요?",
        "이 뺀 날 샤워해도 괜찮아요?",
        "교정기 끼고 딱딱한 거 먹으면 안 되죠?",
        "잇몸이 좀 내려간 것 같은데 이게 나이 때문인가요",
        "틀니는 자기 전에 빼 놔야 하나요?",
        "스케일링하고 이가 시린 거 언제쯤 나아지나요",
        "임신 중인데 치과 엑스레이 찍어도 괜찮을까요",
        "레진 한 데가 변색됐는데 다시 해야 되는 건가요?",
        "혀에 하얀 게 생겼는데 이게 뭘까요?",
    ],
)
def test_medical_questions_are_never_bookings(text):
    got = understand(text, MON)
    assert got.intent == "medical_question", got
    assert got.answer is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("사랑니 뽑으러 내일 가도 돼요?", "book"),  # leave to come is a booking question
        ("임플란트 상담 받아도 되나요 다음 주에", "book"),
        ("이가 시려요", "symptom"),  # told, not asked
        ("이빨 하나 빼야 돼요", "book"),
        ("임플란트 하면 틀니보다 낫다던데 보험 돼요?", "ask_insurance"),  # the facts answer it
        ("스케일링 받고 나서 얼마예요", "ask_price"),
    ],
)
def test_care_words_without_a_medical_question(text, intent):
    assert understand(text, MON).intent == intent


@pytest.mark.parametrize(
    ("text", "intent", "urgent"),
    [
        ("이 뺀 데서 피가 멈추질 않는데 어떻게 해야 돼요", "emergency", True),
        ("사랑니 쪽이 붓고 열이 나는데 괜찮은 거예요?", "emergency", True),
        ("애가 넘어져서 앞니가 흔들리는데 괜찮을까요", "emergency", True),
        ("이 뺀 자리에서 피가 조금 비치는데 정상인가요", "medical_question", True),
        ("임플란트 하고 운동은 언제부터 해도 돼요", "medical_question", False),
        ("양치할 때 피가 좀 나요", "symptom", True),
        ("이가 시려요", "symptom", False),
        ("스케일링 예약하고 싶어요", "book", False),
    ],
)
def test_urgent_flag(text, intent, urgent):
    got = understand(text, MON)
    assert (got.intent, got.urgent) == (intent, urgent)


@pytest.mark.parametrize(
    "text",
    [
        "교정 기간은 보통 얼마나 걸려요?",
        "수면 마취로도 치료해 주세요?",
        "임플란트 보증 기간이 있나요",
        "원장님은 무슨 전공이세요",
        "치료는 한 번에 몇 분 정도 걸려요?",
        "라미네이트도 하세요?",
        "아이들도 진료 보시나요",
        "소아 전문 선생님 계세요?",  # about the clinic, not a request for a person
        "개원하신 지 얼마나 됐어요?",
    ],
)
def test_questions_outside_the_facts_go_to_staff(text):
    assert understand(text, MON).intent == "question_other"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("누구세요?", "other"),
        ("뭐라고요?", "other"),
        ("여보세요?", "other"),
        ("진료 시간이 어떻게 돼요?", "ask_hours"),
        ("임플란트 얼마예요?", "ask_price"),
        ("주차 돼요?", "ask_location"),
        ("스케일링 보험 되나요?", "ask_insurance"),
        ("임플란트도 하세요?", "book"),  # a treatment the clinic does: offer a booking
    ],
)
def test_questions_the_clinic_answers_itself_or_no_question(text, intent):
    assert understand(text, MON).intent == intent


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        # confirming one's own appointment
        ("예약 몇 시였죠?", None, "confirm_appointment"),
        ("제가 언제 가기로 했었죠", None, "confirm_appointment"),
        ("다음 진료가 며칠로 잡혀 있어요?", None, "confirm_appointment"),
        ("예약 날짜를 까먹어서요", None, "confirm_appointment"),
        # asking for a person
        ("선생님 계세요?", None, "talk_to_staff"),
        ("실장님 좀 부탁드려요", None, "talk_to_staff"),
        ("전화 받으시는 분 좀 바꿔 주세요", None, "talk_to_staff"),
        ("사람이랑 직접 얘기할 수 있는 분 없어요?", None, "talk_to_staff"),
        # accepting an offer
        ("그 시간으로 할게요", "proposal", "yes"),
        ("그걸로 잡아 주세요", "proposal", "yes"),
        ("그렇게 해 주시면 좋죠", "offer", "yes"),
        ("세 시요? 네 됩니다", "proposal", "yes"),
        ("그 시간은 좀 애매한데 다른 시간 없어요?", "proposal", "no"),
        ("그날은 회사를 가야 돼서요", "proposal", "no"),
        # a wrong number said indirectly
        ("번호 주인 바뀌었어요", None, "wrong_number"),
        ("이 번호 얼마 전에 새로 받은 거예요", None, "wrong_number"),
        ("저 거기 가 본 적도 없는데요", None, "wrong_number"),
        ("아닌데요 저 김 씨 아닌데요", "yes_no", "wrong_number"),
    ],
)
def test_issue_15_phrasings(text, expect, intent):
    assert understand(text, MON, expect=expect).intent == intent


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time"),
    [
        ("목요일이요", "date", "book", "2027-03-11", None),
        ("담주 아무 날이나요", "date", "book", None, None),
        ("세 시 반쯤이요", "time", "book", None, "15:30"),
        ("네 말씀하세요", "yes_no", "yes", None, None),
        ("네 말씀하세요", None, "other", None, None),
        ("생각해 보고 연락드릴게요", "offer", "callback_later", None, None),  # round 25 convention
    ],
)
def test_the_question_asked_is_a_prior(text, expect, intent, date, time):
    got = understand(text, MON, expect=expect)
    assert (got.intent, got.date, got.time) == (intent, date, time)


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("내일 말고 모레 오전에요", "2027-03-10", None),
        ("월요일은 안 되고 화요일도 애매하고 수요일 세 시요", "2027-03-10", "15:00"),
        ("월요일 안 되면 화요일이요", "2027-03-15", None),  # the first is still the wish
        ("다음 주에 갈 건데 화요일 두 시요", "2027-03-16", "14:00"),
        ("네 시 아니 네 시 반이요", None, "16:30"),
        ("세 시 예약인데 다섯 시로 바꿔 주세요", None, "17:00"),
        ("사랑니 뺀 지 삼 일 됐는데요", None, None),
    ],
)
def test_dates_and_times_taken_back(text, date, time):
    got = understand(text, MON)
    assert (got.date, got.time) == (date, time)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("치료받는 중이라서 예약 좀 변경하려고요", "reschedule"),  # in treatment, not busy on the phone
        ("교정 받는 중이라 그러는데 딱딱한 거 먹어도 돼요?", "medical_question"),
        ("애 재우는 중이라 내일 다시 얘기해요", "callback_later"),
        ("지금 밥 먹는 중이라서요", "callback_later"),
        ("잇몸에서 피가 조금씩 나요 양치할 때마다", "symptom"),  # 나다 + 요 tells, it does not ask
        ("사랑니 나는지 잇몸이 좀 부었어요", "symptom"),
        ("임플란트 하면 얼마나 오래 쓸 수 있어요?", "question_other"),  # 얼마나 오래 is not a price
        ("카톡으로 예약 되나요", "question_other"),
    ],
)
def test_look_alikes(text, intent):
    assert understand(text, MON).intent == intent
