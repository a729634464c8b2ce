"""Round 31 (blind45's and blind47's first-run misses: a Thursday beside a traditional market in 경상도 speech and a
rainy Wednesday) tests the kinds behind them with new sentences: the dialect's sentence ends read the standard way
("…주이소", "…해 주소", "그라이소", "…되능교", "…가께예", "…심더", "…라 캤지요"); a break one is unsure of with
"may I come", a symptom's cause asked (medical questions); "can't come" with a reason, another day with this one
refused and a death told, to a reminder; a choice by position, an offer put off, "all sound" on a wellbeing call,
coming a few minutes late; one's own number changed, a parcel left, a prescription lost, the former director asked;
a visit wished with the hours asked, after work, one's own added to another's; an earlier booking cancelled; and a
day refused for being busy names no day."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language.dialect_endings import standard_endings
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2049, 9, 15, 11, 20)  # a Wednesday late morning
_hear = hearer(NOW)


@pytest.mark.parametrize("dialect, standard", [
    ("문자로 보내 주이소", "문자로 보내 주세요"),
    ("그라믄 목요일로 하께요", "그러면 목요일로 하께요"),
    ("오후에 가도 되능교", "오후에 가도 되나요"),
    ("예 알겠심더", "예 알겠습니다"),
    ("모레 가께예", "모레 갈게요"),
    ("좀 있다 다시 걸어 주소", "좀 있다 다시 걸어 주세요"),
    ("거기 주소 좀 불러 주세요", "거기 주소 좀 불러 주세요"),
    ("다이소 건물 몇 층이에요", "다이소 건물 몇 층이에요"),
])
def test_the_dialects_sentence_ends_are_read_the_standard_way_and_nothing_else(dialect, standard):
    assert standard_endings(dialect) == standard


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("바빠서 그라는데 저녁에 다시 전화 주이소", "offer", "callback_later"),
    ("지금 밥 묵는 중이라 좀 이따 걸어 주소", "reminder", "callback_later"),
    ("아 예 그라이소", "yes_no", "yes"),
    ("그 두 번째 거 몇 시라 캤지요", "proposal", "other"),
])
def test_dialect_answers_are_heard_like_the_standard_ones(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "크라운 씌우기 전에 끼워 둔 게 떨어진 거 같은데 오늘 가 봐야 될까요",
    "어제 때운 데가 좀 깨진 거 같은데 내일 가도 돼요",
    "잇몸이 붓는 것도 그 때문인가요 사랑니 나는 거요",
    "애가 밤에 자꾸 이가 아프다는데 이것 때문일까요 충치 치료한 데요",
])
def test_a_break_one_is_unsure_of_or_a_symptoms_cause_asked_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_a_break_with_an_errand_of_its_own_stays_a_booking(statistical):
    assert _hear("씌운 게 빠진 거 같은데 다시 붙이러 금요일에 가도 돼요", None, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("아이고 내일은 못 가겠는데 집에 손님이 와서요", "cancel"),
    ("그날은 안 되겠네요 애 볼 사람이 없어서", "cancel"),
    ("이번엔 안 되고 다음 주 화요일에 갈게요", "reschedule"),
    ("그 예약 우리 아버지 건데 지난주에 돌아가셨어요", "cancel"),
    ("예 가는데 버스가 안 와서 오 분쯤 늦을 수도 있어요", "yes"),
])
def test_a_reminder_answered_with_a_reason_a_day_or_a_death(text, intent, statistical):
    assert _hear(text, "reminder", statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_cant_come_with_another_day_asked_is_a_move(statistical):
    assert _hear("못 가겠는데 다른 날로 바꿔 주세요", "reminder", statistical).intent == "reschedule"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("두 번째요", "proposal", "yes"),
    ("마지막 번째로 할게요", "proposal", "yes"),
    ("요즘은 좀 그렇네요", "offer", "no"),
    ("예 다 멀쩡합니다", "wellbeing", "no"),
])
def test_short_answers_to_a_proposal_an_offer_and_a_wellbeing_call(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "제 휴대폰 번호 바꿨어요 새 번호로 해 주세요",
    "집 전화 없애서 앞으로 핸드폰으로 연락 주세요",
    "장바구니 잠깐 거기 맡겨 놔도 돼요",
    "처방전이 약국에 안 넘어왔다고 하네요",
    "거기 이 원장님 계시던 데 아니에요",
])
def test_errands_for_staff_are_other_questions(text, statistical):
    assert _hear(text, None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
def test_a_number_whose_owner_changed_is_still_a_wrong_number(statistical):
    assert _hear("이 번호 주인 바뀌었어요 그분 아니에요", None, statistical).intent == "wrong_number"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("충치 치료 받고 싶은데 토요일도 되나요", "book"),
    ("일 마치고 가면 일곱 시쯤인데 접수 가능해요", "book"),
    ("저도 같이 검진 잡아 주세요 딸 예약한 시간에", "book"),
    ("아 그리고 지난번에 잡아 둔 예약도 취소해 주세요", "cancel"),
    ("지금 퇴근길이라 짧게 할게요 목요일 저녁 예약 돼요", "book"),
])
def test_a_visit_wished_added_or_cancelled(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_a_day_refused_for_being_busy_names_no_day(statistical):
    heard = _hear("토요일은 장사 바빠서 안 되고 나중에 전화 주세요", "offer", statistical)
    assert heard.intent == "callback_later" and heard.date is None
