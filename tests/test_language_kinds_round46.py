"""Round 46 (blind76's and blind77's first-run misses: a May Monday near an industrial complex, and a July Wednesday
before the summer holidays, of braces, children and 전라도 and 경상도 speech) tests the kinds behind them with new
sentences. Safety first: a step asked allowed while an appliance is on, and "when should I come, may I come now" to
the need question, are medical questions, never a booking; so are the age to start a treatment, two materials
compared and how long a side effect lasts, and a sore appliance with "좀 봐 주세요" is a symptom. Then the ordinary
kinds: parking and a building near the industrial complex (no insurance corporation), fine but for a slight
sensitivity or better than before on a wellbeing call, "네" then the question's own errand, a goodbye yes to a
reminder, cancelled and another day asked, a booked day asked, a paper sent again, a past weekday with a crown come
off, a thing left behind, "지난 X요일" without 주, and a walk-in asked "지금이라도"."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 9, 6, 9, 15)  # a Wednesday morning in September
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("교정기 끼고 있으면 CT 찍어도 괜찮아요", None),
    ("임플란트 하고 있으면 MRI 찍어도 되나요", None),
    ("브라켓 달고 있으면 미백 해도 돼요", None),
    ("유지장치 하고 있는데 스케일링 받아도 되나요", "offer"),
])
def test_a_step_asked_allowed_while_an_appliance_is_on_is_a_medical_question(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("그거 언제 와야 되는지 지금 가도 되나요", "need"),
    ("이거 언제쯤 가야 되는지 오늘 가도 괜찮아요?", "need"),
    ("그럼 언제 가면 되는지 당장 가도 돼요", None),
])
def test_when_to_come_then_may_i_come_now_is_a_medical_question(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "medical_question", got
    assert got.intent not in ("book", "reschedule")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "그거 언제 와야 되는지 내일 열 시에 가도 돼요",
])
def test_when_to_come_with_an_hour_still_books(text, statistical):
    got = _hear(text, "need", statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "우리 애 실란트는 몇 살 때 하는 게 좋아요 지금 여섯 살이에요",
    "애 교정은 몇 살쯤 시작해야 돼요 이제 열 살이에요",
    "세라믹하고 금하고 어떤 게 나아요 어금니에요",
    "아말감이랑 레진 중에 뭐가 나아요 애 이에",
    "임플란트 하고 나면 감각 없는 게 얼마나 가요",
    "발치하고 나서 붓기가 며칠이나 가요",
])
def test_the_dentists_questions_about_treatments_are_medical_questions(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "세라믹하고 금하고 가격 차이가 얼마나 나요",
    "교정은 몇 살까지 보험 돼요",
])
def test_the_price_of_treatments_is_no_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent in ("ask_price", "ask_insurance"), got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "틀니를 새로 했는데 잇몸이 배겨서 좀 봐 주세요",
    "내가 틀니를 맞췄는디 자꾸 쑤셔서 한번 봐 주쇼",
    "이 영구치가 안쪽으로 나요 애기 이는 그대로 있고요",
])
def test_an_appliance_sore_or_a_tooth_coming_in_wrong_told_is_a_symptom(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "symptom", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "주차 할 데는 있나요 트럭 끌고 가야 돼서",
    "차 세울 데 있어요 공단에서 바로 갈 건데",
    "공단 사거리 은행 건물 맞죠",
])
def test_parking_and_a_building_near_the_industrial_complex_are_the_way(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "ask_location", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("좀 욱신한 거 말고는 괜찮아요", "no"),
    ("그저께보다는 훨씬 덜 아파요", "no"),
    ("아직 조금 욱신하긴 한데 괜찮아요", "symptom"),
])
def test_wellbeing_answers(text, intent, statistical):
    got = _hear(text, "wellbeing", statistical)
    assert got.intent == intent, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("예 변경해 주세요", "yes_no", "yes"),
    ("네 접수해 주세요 제가 말이 좀 느려요", "offer", "yes"),
    ("예 알겠어요 들어가세요", "reminder", "yes"),
    ("화요일 열 시나 목요일 두 시요? 음 목요일 두 시요", "proposal", "yes"),
    ("금요일 두 시 거 취소하고 다다음 주 금요일 같은 시간으로 잡아 주세요", None, "reschedule"),
    ("그 스케일링 날짜가 언제로 돼 있어요", None, "confirm_appointment"),
    ("네 괜찮아요 근데 다음 예약이 언제로 돼 있죠", "wellbeing", "confirm_appointment"),
    ("다음 주 화요일 세 시 임플란트 보러 가는 거 맞죠", None, "confirm_appointment"),
    ("애 교정 견적서 한 번만 더 보내 주세요", None, "question_other"),
    ("교정기가 헐거워서 금요일에 좀 봐 주실 수 있어요", "wellbeing", "book"),
])
def test_ordinary_kinds(text, expect, intent, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == intent, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, date", [
    ("월요일에 때운 게 깨져 버렸어요 사과 먹다가", "2051-09-04"),
    ("금요일에 가서 안경을 놓고 온 것 같아요", "2051-09-01"),
    ("지난 목요일부터 잇몸이 계속 아픈데 참을 만해요", "2051-08-31"),
    ("지금이라도 가도 돼요 아까 못 갔는데", "2051-09-06"),
])
def test_days_gone_by_and_now(text, date, statistical):
    got = _hear(text, None, statistical)
    assert got.date == date, got


@WITH_AND_WITHOUT_MODEL
def test_the_step_asked_on_an_appliance_is_the_treatment(statistical):
    got = _hear("교정기 끼고 있으면 엑스레이 찍어도 돼요", None, statistical)
    assert got.treatment == "checkup", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("주차 되나요 그럼 내일 두 시로 잡아 주세요", None, "book"),
    ("아랫니가 잇몸을 찔러서 좀 헐었어요 그거 말고는 괜찮아요", "wellbeing", "symptom"),
])
def test_what_the_round_leaves_alone(text, expect, intent, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == intent, got
