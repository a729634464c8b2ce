"""Round 39 (blind62's and blind63's first-run misses: a clinic seeing a care home's residents in November, and the
week before Christmas) tests the kinds behind them with new sentences. Safety first: a refusal of calls said in
dialect ("전화 고만 하쇼") is an opt-out; a red flag told, then a day or "can it wait" asked, stays an emergency
(fever with pus or a swelling, trouble breathing or swallowing, bleeding that will not stop), while pus alone asked
whether it can wait stays a medical question and a fever denied or "열 시" is no fever; pus told alone is a symptom; a
treatment's bleeding asked is a medical question, not an emergency; the clinic checked then a trouble told is a
symptom, not the place asked. Then the ordinary kinds: the last slot asked, may I come by an hour, a group's or a
home visit asked, another person qualifying, a visit forgotten and booked again, a reminder put off, family added, an
offer taken then "when", another day's hours after a proposal, a visit wished with the price in passing, on my way, a
missed call returned, a read-back held and one part changed, several booked at once, a clipped move, open on a day,
fine on a wellbeing call; slots: a holiday's next day, a milk tooth pulled at home, a cavity wondered, a hospital's
test, a treatment added to one already booked."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, assert_heard_both_ways, hearer

NOW = dt.datetime(2051, 12, 13, 10, 5)  # a Wednesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("이제 치과 안 다니니께 전화 고만 하쇼", "offer"),
    ("연락 고마 하이소 필요 없심더", None),
    ("문자 좀 고만 혀 이제", "yes_no"),
])
def test_a_refusal_said_in_dialect_is_an_opt_out(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["전화 주셔서 고마워요", "연락 고마웠어요 잘 지낼게요"])
def test_thanks_for_a_call_is_no_refusal(text, statistical):
    assert _hear(text, "wellbeing", statistical).intent != "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "잇몸에서 고름이 나오고 열도 나는데 모레 가도 될까요",
    "어금니 쪽에 고름이 차고 열이 좀 있는데 주말까지 기다려도 돼요",
    "볼이 붓고 열이 있는데 내일 가도 되나요",
    "숨 쉬기가 좀 힘든데 다음 주까지 참아도 돼요",
    "침 삼키기가 어렵고 열이 나는데 월요일에 가도 괜찮을까요",
    "이 뺀 데서 피가 계속 안 멈추는데 내일 가도 돼요",
])
def test_a_red_flag_then_can_it_wait_stays_an_emergency(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "emergency", got
    assert got.urgent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "열은 없는데 잇몸에 고름이 좀 보여요 내일 가도 되나요",
    "고름이 살짝 나오는데 다음 주까지 기다려도 돼요",
])
def test_pus_alone_or_a_fever_denied_asked_whether_it_can_wait_stays_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_ten_oclock_is_no_fever(statistical):
    got = _hear("열 시에 가도 되나요 잇몸이 좀 부어서요", None, statistical)
    assert got.intent != "emergency", got
    assert got.time == "10:00"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "신경치료 한 이 옆 잇몸에서 고름 같은 게 나와요",
    "사랑니 뺀 자리에서 고름이 조금 보여요",
])
def test_pus_told_alone_is_a_symptom(text, statistical):
    assert _hear(text, None, statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["고름이 계속 나오고 얼굴까지 부었어요", "고름이랑 피가 같이 나와요"])
def test_pus_with_an_alarm_beside_it_stays_an_emergency(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "아스피린 먹고 있는데 이 빼면 피가 많이 날까요",
    "와파린 복용 중인데 잇몸 치료 받으면 피 많이 나요?",
])
def test_a_treatments_bleeding_asked_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["양치하면 잇몸에서 피가 나요", "칫솔질할 때 피가 좀 나요"])
def test_bleeding_at_a_brushing_told_stays_a_symptom(text, statistical):
    assert _hear(text, None, statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
def test_the_clinic_checked_then_a_trouble_told_is_a_symptom(statistical):
    got = _hear("거기 시청 앞에 있는 치과 맞죠 출장 왔는데 때운 게 빠져서요", None, statistical)
    assert got.intent == "symptom", got


@WITH_AND_WITHOUT_MODEL
def test_the_clinic_checked_then_the_way_asked_stays_the_place(statistical):
    got = _hear("시청 앞에 있는 치과 맞죠 이가 깨졌는데 어디로 가면 돼요", None, statistical)
    assert got.intent != "symptom", got


@pytest.mark.parametrize(("text", "expect", "intent", "date", "time"), [
    ("그 주 금요일 제일 늦은 시간이 언제예요", "time", "book", "2051-12-15", None),
    ("회사 끝나고 일곱 시까지 가면 돼요 내일", None, "book", "2051-12-14", "19:00"),
    ("경로당 어르신들 단체로 검진 받아 주시나요", None, "question_other", None, None),
    ("어머니가 누워 계셔서 그런데 집으로 와서 봐 주시는 건 안 되나요", "offer", "question_other", None, None),
    ("우리 딸이 중학생인데 걔도 받을 수 있어요", "offer", "question_other", None, None),
    ("목요일 예약을 깜빡 잊어버리고 못 갔는데 다음 주 화요일로 다시 잡아 주세요", None, "book", "2051-12-19", None),
    ("그날 차가 없어서 다음 주 목요일로 미뤄 주세요", "reminder", "reschedule", "2051-12-21", None),
    ("남편도 스케일링 같이 해 주세요 네 할게요", "offer", "book", None, None),
    ("올해도 받아야죠 언제 가면 돼요", "offer", "yes", None, None),
    ("그날은 안 돼요 그럼 금요일은 몇 시 비어요", "proposal", "book", "2051-12-15", None),
    ("바로 나갈게요 지금 출발해요", "reminder", "yes", None, None),
    ("아까 전화를 못 받았는데 여기서 전화 왔던데요", None, "question_other", None, None),
    ("아 잠깐만요 십구일로 해 주세요 시간은 그대로요", "confirm", "no", "2051-12-19", None),
    ("아이 둘 한 번에 예약 될까요 같은 날로", None, "book", None, None),
    ("죄송해요 그날 제사라 다음 주로 좀", "reminder", "reschedule", None, None),
    ("설 연휴에도 하는 치과예요?", None, "ask_hours", None, None),
    ("네 그럼 금요일 오후 세 시 되는가요", "offer", "book", "2051-12-15", "15:00"),
    ("아무렇지도 않아요", "wellbeing", "no", None, None),
])
def test_round_39_kinds_by_the_rules_and_the_model(text, expect, intent, date, time):
    for statistical in (True, False):
        got = understand(text, NOW, expect=expect, statistical=statistical)
        assert (got.intent, got.date, got.time) == (intent, date, time), (statistical, got)


@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("교정 상담 받고 싶은데 가격도 궁금해요", None, "book"),
    ("임플란트 진료 받고 싶은데 비용도 알고 싶고요", None, "book"),
])
def test_a_visit_wished_with_the_price_in_passing_books(text, expect, intent):
    for statistical in (True, False):
        assert understand(text, NOW, expect=expect, statistical=statistical).intent == intent


@pytest.mark.parametrize(("text", "date"), [
    ("크리스마스 다음 날 오전에 자리 있어요", "2051-12-26"),
    ("그럼 신정 다음 날로 해 주세요", "2052-01-02"),
])
def test_a_holidays_next_day(text, date):
    for statistical in (True, False):
        assert understand(text, NOW, statistical=statistical).date == date


@pytest.mark.parametrize(("text", "expect", "treatment"), [
    ("우리 애가 흔들리던 유치를 집에서 뺐는데 괜찮은 거죠", None, "extraction"),
    ("아래 어금니가 까매져서 썩은 건지 모르겠어요", None, "filling"),
    ("그날 병원 검사 있어서 못 가요", "reminder", None),
    ("잇몸 치료 예약해 둔 거 있는데 스케일링도 같이 해 주실 수 있나요", None, "scaling"),
    ("유치원 끝나고 가도 돼요", None, None),
])
def test_round_39_treatment_slots(text, expect, treatment):
    for statistical in (True, False):
        assert understand(text, NOW, expect=expect, statistical=statistical).treatment == treatment


def test_a_medicine_asked_with_bleeding_is_never_booked():
    for statistical in (True, False):
        got = understand("혈압약 먹는데 스케일링하면 피 많이 날까요 다음 주에", NOW, statistical=statistical)
        assert got.intent not in ("book", "reschedule"), got


def test_a_bare_day_said_to_the_date_question_still_books():
    assert_heard_both_ways(NOW, "금요일이요", "date", "book", "2051-12-15", None, None)


@pytest.mark.parametrize("text", ["잠깐만요 스케줄 좀 보고요 네 괜찮아요", "달력 좀 볼게요 아 네 돼요"])
def test_a_diary_looked_at_then_a_yes_to_the_slot_is_a_yes(text):
    for statistical in (True, False):
        assert understand(text, NOW, expect="proposal", statistical=statistical).intent == "yes"
