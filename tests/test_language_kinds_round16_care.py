"""Kinds of caller speech the sixteenth round of issue 15 (blind23, dev20, dev21: the care kinds) taught the
understanding, each with sentences of its own (not copied from the labelled sets): a throb that kept one awake, a
lip bitten while numb, numbness that stays and pain some days after a treatment are symptoms told, while a jaw that
will not close, a swelling that makes breathing hard or reaches the eye are emergencies; fasting before surgery,
a broken appliance, whether one must come in, a child's teeth late and food after a treatment are medical
questions and never a booking, with and without the model; a returned call, papers, a job and the chart looked
up are questions for staff; "보험 되는 거죠" asks the cover, "얼마라고요" and "할부" the price, a weekend
asked to an offer the hours, and a fact asked after "네 갈게요 근데" to a reminder or an offer is that fact;
someone asked for by name goes to staff. A refusal is never read by these rules, and a day with a request at the
end still books."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2041, 6, 11, 10, 30)  # a Tuesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "씌운 이가 밤새 욱신욱신해서 잠을 제대로 못 잤어요",
    "마취 덜 풀렸을 때 볼을 씹었나 봐요 볼 안쪽이 헐었어요",
    "사랑니 뽑은 지 일주일 됐는데 턱 밑이 아직 얼얼해요",
    "어금니 때운 지 사흘째인데 찬물 마시면 찌릿하게 아파요",
])
def test_symptoms_told_are_symptoms_not_emergencies(text, statistical):
    assert _hear(text, None, statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "하품하다가 입이 안 다물어져요 침이 계속 흘러요",
    "어제 이 뺀 쪽이 부어서 숨 쉬기가 힘들어요",
    "볼이 눈 밑까지 부어서 한쪽 눈이 잘 안 떠져요",
])
def test_a_locked_jaw_or_swelling_that_threatens_breath_or_eye_is_an_emergency(text, statistical):
    result = _hear(text, None, statistical)
    assert result.intent == "emergency"
    assert result.urgent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("모레 사랑니 수술인데 아침은 굶고 가야 돼요", None),
    ("유지장치가 반으로 부러졌는데 그냥 끼고 자도 돼요", None),
    ("임시로 씌운 게 빠진 것 같은데 이거 바로 가야 돼요", None),
    ("미백하고 나서 커피 마시면 다시 누레져요", "wellbeing"),
    ("양치 세게 하면 잇몸이 내려간다는 말 있던데 사실이에요", None),
    ("딸이 열 살인데 앞니 영구치가 아직 안 나요 언제까지 기다려요", None),
])
def test_care_questions_are_medical_questions_never_bookings(text, expect, statistical):
    result = _hear(text, expect, statistical)
    assert result.intent == "medical_question"
    assert result.intent not in ("book", "reschedule")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("아 부재중 전화가 찍혀 있길래요", None),
    ("문자 받고 연락드렸는데 무슨 일이세요", None),
    ("회사에 낼 진단서 한 장 떼 주실 수 있어요", None),
    ("간호조무사 구하세요 일자리 알아보고 있어서요", None),
    ("제가 작년에 스케일링 했는지 기록 보고 알려 주세요", None),
    ("이거 기계 목소리 같은데 자동 전화예요", "reminder"),
])
def test_calls_papers_jobs_and_records_are_questions_for_staff(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("크라운 값 보험 되는 거죠 앞니인데", None, "ask_insurance"),
    ("부모님 임플란트 보험 되는 거면 얼마 정도 해요", "offer", "ask_insurance"),
    ("네 받을게요 근데 실비 청구 돼요", "offer", "ask_insurance"),
    ("스케일링 가격이 얼마라고 하셨죠", "offer", "ask_price"),
    ("교정비 할부로 나눠 내도 돼요", None, "ask_price"),
    ("네 갈게요 그런데 주차는 어디에 해요", "reminder", "ask_location"),
    ("일요일에도 그 검진 해요", "offer", "ask_hours"),
    ("이사 가셨다던데 새 병원 어디예요", None, "ask_location"),
])
def test_facts_asked_are_those_facts(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("직원 좀 바꿔 주세요 기계랑 말하기 싫어요", "offer"),
    ("박 선생님 오늘 나오셨어요 그분이 제 상담해 주셨거든요", None),
])
def test_someone_asked_for_is_put_through_to_staff(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "talk_to_staff"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("네 그 시간 좋아요 근데 주차 돼요", "proposal", "yes"),  # accepting a slot books it: the parking is on the way
    ("스케일링 보험 되죠 그럼 금요일 열 시로 예약해 주세요", None, "book"),  # the request comes last
    ("검진 받으려고 하는데 토요일도 되나요", None, "book"),  # a visit asked for on a Saturday
    ("이가 너무 아파서 잠을 한숨도 못 잤어요", None, "emergency"),  # "아파서" kept awake stays urgent
    ("신경치료 다시 하러 가야 돼요", None, "book"),  # going for a treatment, not whether to come in
])
def test_the_boundaries_leave_requests_and_urgent_pain_alone(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@pytest.mark.parametrize(("text", "expect"), [
    ("네 갈게요 근데 앞으로 이런 광고 전화는 하지 마세요", "reminder"),
    ("부재중 전화 와 있던데 이제 전화 주지 마세요", None),
    ("보험 되는 거면 몰라도 이런 문자는 그만 보내세요", "offer"),
])
def test_a_refusal_is_never_read_by_the_care_boundaries(text, expect):
    from appliance.language.care_boundaries import care_boundary
    from appliance.language.understanding import _compact
    assert care_boundary(_compact(text), expect, False) is None
    assert _hear(text, expect).intent == "opt_out"


@pytest.mark.parametrize(("text", "treatment"), [
    ("골이식 한 데가 좀 욱신거려요", "implant"),
    ("교정 철사가 혀를 찔러요", "orthodontics"),
    ("잃어버린 진료비 내역서 다시 뽑아 주세요", None),
    ("틀니 철사가 헐거워졌어요", "denture"),
])
def test_treatment_slot_of_grafts_wires_and_papers(text, treatment):
    assert _hear(text).treatment == treatment
