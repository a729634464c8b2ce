"""Round 45 (blind74's and blind75's first-run misses: a July Wednesday near an industrial complex of shift workers
and 산재 questions, and a snowy December Friday of reminders and grandparents) tests the kinds behind them with new
sentences. Safety first, both ways: a permanent tooth knocked out whole, or out and kept in milk, saline, water, a cup
or the mouth on the way, is an emergency whatever is asked after, while a milk tooth come out by itself, a crown, a
filling or a denture come out is none; a restriction of when to call with its reason between ("주말엔 자니까 전화
주지 말고 평일에") is callback_later, never an opt-out, while a lasting refusal stays one; "today, or may it wait"
and a treatment asked allowed for a small child are medical questions, never a booking. Then the ordinary kinds:
a cavity wondered names a filling; an hour wondered or refused with "말고" names no time (or the one said after
it), an hour arrived past names itself or the slot asked after it; a late slot asked for, a proposal's time moved,
a reason then a plain yes, a bus asked, a wheelchair with a day."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 9, 6, 9, 15)  # a Wednesday morning in September
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("아들 앞니가 통째로 빠졌어요", "need"),
    ("넘어져서 이가 뿌리째 빠졌는데 오늘 진료 돼요?", None),
    ("축구하다 영구치가 뿌리까지 빠졌는데 우유에 넣어 왔어요 지금 가도 돼요?", None),
    ("이가 하나 쑥 빠져 버려서 컵에 물 담아서 넣어 놨는데 바로 가면 돼요?", None),
    ("앞니가 빠졌는데 입에 물고 있어요 지금 갈게요", None),
    ("딸 앞니가 빠졌는데 우유에 담가 왔어요 지금 봐 주실 수 있어요?", "need"),
    ("어금니 하나가 아예 빠져서 식염수에 담갔는데 몇 시까지 가면 돼요", None),
])
def test_a_permanent_tooth_knocked_out_is_an_emergency(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intents", [
    ("애 젖니가 흔들리다가 저절로 빠졌어요", None, {"medical_question", "symptom"}),
    ("씌운 게 빠졌는데 금요일에 가도 돼요?", None, {"book"}),
    ("틀니가 빠져서 밥을 못 먹어요", None, {"symptom"}),
    ("때운 게 빠졌는데 언제 가면 돼요", None, {"book"}),
])
def test_what_is_no_avulsion_is_no_emergency(text, expect, intents, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent in intents, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("주말에는 애들 보느라 바쁘니까 전화 하지 마시고 평일 저녁에 주세요", "offer"),
    ("낮에는 자거든요 전화 주지 말고 저녁에 주세요", None),
    ("새벽엔 일하는 중이라서 연락 주지 마시고 오후에 다시 주세요", "reminder"),
    ("평일엔 일하니까 전화 하지 말고 주말에 해 주세요", "offer"),
])
def test_when_not_to_call_with_a_reason_is_no_opt_out(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "callback_later", got
    assert got.date is None, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("앞으로 전화 주지 말고 문자로만 주세요", "offer"),
    ("주말에는 쉬니까 다시는 전화하지 마세요", "offer"),
])
def test_a_lasting_refusal_stays_an_opt_out(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "opt_out", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("이거 지금 가 봐야 되는 건지 아니면 좀 참아도 되는 건지 궁금해서요", "need"),
    ("오늘 가야 되나요 아니면 며칠 지켜봐도 될까요", None),
    ("우리 애기가 두 살인데 스케일링 받아도 돼요", None),
    ("십팔 개월인데 불소 발라도 괜찮아요", None),
    ("손녀가 돌 됐는데 불소 발라도 괜찮을까요", None),
])
def test_wait_or_not_and_a_small_childs_treatment_are_medical_questions(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
def test_a_small_childs_treatment_on_a_day_still_books(statistical):
    got = _hear("애가 세 살인데 다음 주 화요일에 불소 바르러 가도 돼요?", None, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "딸아이 어금니가 썩은 거 같아서요 이번 주 금요일 오후에 데려가도 돼요",
    "예약하려고요 남편 이가 썩은 것 같아서",
])
def test_a_cavity_wondered_names_a_filling(text, statistical):
    got = _hear(text, None, statistical)
    assert got.treatment == "filling", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, time", [
    ("제 예약이 언제였더라 네 시였나", None, None),
    ("아니 두 시 말고 저녁으로 잡아 주세요", "confirm", None),
    ("세 시 말고 다섯 시로 해 주세요", "time", "17:00"),
    ("회사 끝나고 가면 일곱 시 좀 넘는데 내일 되나요", None, "19:00"),
    ("학원 끝나면 여섯 시 넘는데 여섯 시 반에 받아 주세요?", None, "18:30"),
])
def test_an_hour_wondered_refused_or_arrived_past(text, expect, time, statistical):
    got = _hear(text, expect, statistical)
    assert got.time == time, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("야간 근무 끝나고 자야 돼서 저녁 늦게 잡아 주세요", None, "book"),
    ("수요일은 괜찮은데 시간을 좀 당겨 주세요", "proposal", "no"),
    ("작년에 받았으니까 예 할게요", "offer", "yes"),
    ("보험 된다 카면 예 하께요", "offer", "yes"),
    ("몇 번 버스 타야 돼요 시장 앞에서", None, "ask_location"),
    ("아버지가 휠체어 타시는데 목요일 두 시 될까요", None, "book"),
])
def test_the_ordinary_kinds(text, expect, intent, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == intent, got
