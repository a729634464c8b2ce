"""Round 28 (blind40's and blind41's first-run misses: the Monday after a long weekend and a Tuesday) tests
the kinds of the days after a holiday: a patient gone with calls to stop; days of the week named only as when
not to call; when stitches come out on a wellbeing call; a pain no medicine eases with "today"; a worse swelling with
the face fine; a weekday told as the onset or the day a thing broke; the day after a booked day; yeses on the cover;
a booking done away with; a read-back's part wrong; a call back after asking at home; and the others of
``after_holiday_kinds``."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2046, 5, 16, 15, 10)  # a Wednesday afternoon
_hear = hearer(NOW)


MONDAY = dt.datetime(2046, 5, 14, 9, 30)  # the Monday after a long weekend
_hear_monday = hearer(MONDAY)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어머니 작년에 돌아가셔서요 이 번호로 전화 안 하셨으면 해요",
    "남편이 지난달에 별세했어요 앞으로 연락 안 주셨으면 합니다",
])
def test_a_patient_gone_with_calls_to_stop_is_a_refusal(text, statistical):
    assert _hear(text, "offer", statistical).intent == "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "월요일 화요일엔 전화 주지 마세요 평일 오후에 주시면 돼요",
    "일요일엔 연락하지 마시고 평일 저녁에 해 주세요",
])
def test_days_of_the_week_named_only_as_when_not_to_call_are_no_refusal(text, statistical):
    heard = _hear(text, "offer", statistical)
    assert (heard.intent, heard.date) == ("callback_later", None)


@WITH_AND_WITHOUT_MODEL
def test_the_weekend_refused_as_when_to_call_names_no_day(statistical):
    heard = _hear("토요일은 말고 평일 낮에 다시 전화 주세요", "offer", statistical)
    assert (heard.intent, heard.date) == ("callback_later", None)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["실밥 빼러는 며칠 뒤에 가면 돼요", "실밥은 풀러는 언제 가야 돼요"])
def test_when_the_stitches_come_out_on_a_wellbeing_call_is_never_a_booking(text, statistical):
    assert _hear(text, "wellbeing", statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "앞니가 반쯤 부러졌는데 약도 안 들어요 오늘 꼭 좀 봐 주세요",
    "사랑니 쪽이 너무 쑤시는데 약도 소용없어요 오늘 봐 주실 수 있어요",
])
def test_a_pain_no_medicine_eases_is_an_emergency(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "붓기가 점점 심해지는데 얼굴은 멀쩡해요 잇몸만 그래요",
    "어제보다 붓기가 더 심한데 얼굴은 안 부었어요",
])
def test_a_swelling_gone_worse_with_the_face_fine_is_a_symptom(text, statistical):
    assert _hear(text, "wellbeing", statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
def test_a_swelling_gone_worse_in_the_face_stays_an_emergency(statistical):
    assert _hear("붓기가 점점 심해져서 얼굴까지 부었어요", "wellbeing", statistical).intent == "emergency"


@pytest.mark.parametrize(("text", "expect", "date"), [
    ("목요일부터 윗니가 시큰거려요", None, "2046-05-10"),
    ("토요일 저녁부터 잇몸이 좀 부어 있어요", None, "2046-05-12"),
    ("금요일에 떡 먹다가 때운 게 떨어졌어요", None, "2046-05-11"),
    ("일요일부터 이가 아파서 오늘 가도 돼요", None, "2046-05-14"),
    ("수요일부터 저녁 진료 가능해요", None, "2046-05-16"),
    ("목요일 예약 말고 그 다음 날로 바꿔 주세요", None, "2046-05-18"),
    ("수요일엔 말고 주말에 전화 주세요", "offer", "2046-05-19"),
])
def test_the_day_meant_after_a_long_weekend(text, expect, date):
    assert _hear_monday(text, expect).date == date


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("임플란트 보험 되믄 해야지 예 갈게요", "offer", "yes"),
    ("보험 된다 카면 해야죠 네 알겠습니다", "offer", "yes"),
    ("네 해야죠 집사람 스케일링도 같이 잡아 주세요", "offer", "book"),
    ("다음 주에 예약 잡힌 게 있는데 그거 좀 없애 주세요", None, "cancel"),
    ("모레 말고 다음 주 목요일 돼요", "reminder", "reschedule"),
    ("네 갈게요 근데 그날 얼마 가져가면 돼요", "reminder", "ask_price"),
    ("오후 휴진하는 날이 무슨 요일이에요", None, "ask_hours"),
    ("지금 로봇 상담원이세요", None, "question_other"),
    ("번호가 바꼈거든요 새 번호로 고쳐 주세요", None, "question_other"),
    ("제 번호는 어떻게 아셨어요", "offer", "question_other"),
    ("딸한테 물어보고 다시 연락드릴게요", "offer", "callback_later"),
    ("성함이 박지훈 아니고 박지환이요", "confirm", "no"),
    ("아 잠시만요 그게 아니고요", "confirm", "no"),
    ("아까 말씀하신 게 며칠이었죠", "proposal", "other"),
    ("멍은 보통 며칠 가요 아직 퍼렇게 있어서", "wellbeing", "medical_question"),
    ("음 뭐라 해야 되나 그냥 어금니가 시려서요", "treatment", "symptom"),
    ("네? 한 번만 다시요", "confirm", "other"),
    ("두 번째 말씀하신 거로요", "proposal", "yes"),
    ("오전엔 바빠서요 퇴근하고 다시 걸어 주세요", "offer", "callback_later"),
    ("그럼 그냥 취소해 주세요 요즘 괜찮아서요", "reminder", "cancel"),
    ("박 원장님 지금 계세요? 얘기 좀 하려고요", None, "talk_to_staff"),
])
def test_the_kinds_of_the_days_after_a_long_weekend(text, expect, intent, statistical):
    assert _hear_monday(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("제 번호 어떻게 아셨어요 그 치과 다닌 적 없는데", "offer", "wrong_number"),
    ("보험 되면 하는 거 맞죠?", "offer", "ask_insurance"),
    ("이름 같은 거 아니고 그냥 그렇게 써요 네 맞아요", "confirm", "yes"),
    ("붓기가 더 심해졌는데 얼굴은 괜찮고 열이 나요", "wellbeing", "emergency"),
])
def test_the_near_misses_of_those_kinds(text, expect, intent, statistical):
    assert _hear_monday(text, expect, statistical).intent == intent
