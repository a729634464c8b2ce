"""Kinds of caller speech the fourteenth round of issue 15 (after blind21's first run) taught the understanding,
each with sentences of its own (not copied from the labelled sets): a caller who corrects the answer to "which
day / time / treatment?" ("아니 두 시 말고 세 시 반이요") answers it, with the corrected slot; after a
self-correction the slot is the one named after it, never the one taken back ("다름이 아니라" takes nothing back);
a treatment passed on by someone at the caller's side ("…받는 거래요") answers "which treatment?"; a need told and
then a slot asked if free books; a throb that keeps one awake, with no other red flag, is a symptom; a relative
answering for the patient who asks to ring again is a call back later; the price asked before an offer is taken is
a price question; which dentist treats is for staff; a stammer with nothing said is nothing yet; a care question
with a short aside after it ("…물고 있어야 돼요 벌써 뱉었는데") is still a medical question, never a booking; to a
read-back ("…맞으시죠?") a correction ("아니요 검진 말고 스케일링이요") is a no that carries the corrected slot."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import hearer

NOW = dt.datetime(2040, 12, 17, 10, 30)  # a Monday morning
_hear = hearer(NOW)


@pytest.mark.parametrize(("text", "expect", "date", "time"), [
    ("아니 두 시 말고 세 시 반이요", "time", None, "15:30"),
    ("아니 수요일 말고 금요일이요", "date", "2040-12-21", None),
    ("어 아니다 오전 말고 오후 네 시요", "time", None, "16:00"),
])
def test_a_corrected_slot_answer_books_the_corrected_slot(text, expect, date, time):
    heard = _hear(text, expect)
    assert (heard.intent, heard.date, heard.time) == ("book", date, time)


@pytest.mark.parametrize(("text", "expect", "date"), [
    ("금요일이요 아 이번 주 말고 다음 주 금요일", "date", "2040-12-28"),
    ("화요일 아니고 수요일 다음 주 수요일이요", "date", "2040-12-26"),
    ("아니요 목요일이 아니라 다음 주 목요일이요 이번 주는 안 돼요", "confirm", "2040-12-27"),
])
def test_the_day_after_a_self_correction_is_the_slot(text, expect, date):
    assert _hear(text, expect).date == date


def test_a_set_phrase_takes_no_day_back():
    assert _hear("다름이 아니라 오늘이나 내일 검진 되나 해서요").date == "2040-12-17"


@pytest.mark.parametrize(("text", "treatment"), [
    ("임플란트요 아 아니다 스케일링 먼저요", "scaling"),
    ("미백 말고 스케일링이요", "scaling"),
])
def test_the_treatment_after_a_self_correction_is_the_slot(text, treatment):
    heard = _hear(text, "treatment")
    assert (heard.intent, heard.treatment) == ("book", treatment)


@pytest.mark.parametrize(("text", "treatment"), [
    ("잠깐만요 여보 뭐라고 아 스케일링 받는 거래요", "scaling"),
    ("할머니 잠깐만요 아 틀니 새로 하는 거래요", "denture"),
])
def test_a_treatment_passed_on_answers_which_treatment(text, treatment):
    heard = _hear(text, "treatment")
    assert (heard.intent, heard.treatment) == ("book", treatment)


@pytest.mark.parametrize("text", [
    "스케일링 받아야 하는데 목요일 오후 두 시 되나요",
    "네 충치 치료 이어서 해야 되는데 금요일 열 시 가능할까요",
])
def test_a_slot_asked_if_free_after_a_need_books(text):
    heard = _hear(text)
    assert heard.intent == "book" and heard.time is not None


def test_a_throb_that_keeps_one_awake_is_a_symptom_and_severe_pain_still_an_emergency():
    assert _hear("어금니가 욱신거려서 잠을 못 자요").intent == "symptom"
    assert _hear("너무 아파서 잠을 한숨도 못 잤어요").intent == "emergency"


@pytest.mark.parametrize("text", [
    "저는 딸인데요 엄마 지금 외출하셨어요 이따 다시 전화 주세요",
    "전 남편인데 집사람 지금 주무세요 나중에 다시 걸어 주세요",
])
def test_a_relative_asking_to_ring_again_is_a_call_back_later(text):
    assert _hear(text, "yes_no").intent == "callback_later"


def test_a_relative_saying_the_patient_is_away_is_still_a_no():
    assert _hear("저는 딸인데 엄마 지금 안 계세요", "yes_no").intent == "no"


@pytest.mark.parametrize("text", ["검진 비용이 얼마인지 먼저 알려 주세요", "가격부터 좀 알려 주세요"])
def test_the_price_asked_before_an_offer_is_taken_is_a_price_question(text):
    assert _hear(text, "offer").intent == "ask_price"


def test_an_offer_taken_is_still_a_yes():
    assert _hear("네 잡아 주세요", "offer").intent == "yes"


@pytest.mark.parametrize("text", ["남자 선생님이세요 여자 선생님이세요", "여자 원장님 계세요 딸이 부끄러워해서요"])
def test_which_dentist_treats_is_for_staff(text):
    assert _hear(text).intent == "question_other"


@pytest.mark.parametrize("text", ["그 그 저 뭐냐 잠깐만요", "어 어 뭐였지 잠깐만"])
def test_a_stammer_with_nothing_said_is_nothing_yet(text):
    assert _hear(text).intent == "other"


@pytest.mark.parametrize("text", [
    "발치하고 솜 얼마나 물고 있어야 돼요 벌써 뱉었는데",
    "사랑니 뺀 데 몇 시간 동안 거즈 물어야 돼요 아까 빼 버렸는데",
])
def test_a_care_question_with_an_aside_after_it_is_never_a_booking(text):
    for statistical in (True, False):
        assert understand(text, NOW, statistical=statistical).intent == "medical_question"


@pytest.mark.parametrize(("text", "date", "time", "treatment"), [
    ("아니요 검진 말고 스케일링이요", None, None, "scaling"),
    ("아닌데요 수요일 아니고 목요일이요", "2040-12-20", None, None),
    ("오후 두 시 아니고 오전 열한 시요", None, "11:00", None),
])
def test_a_corrected_readback_is_a_no_with_the_corrected_slot(text, date, time, treatment):
    heard = _hear(text, "confirm")
    assert heard.intent == "no"
    assert (heard.date, heard.time) == (date, time) and (treatment is None or heard.treatment == treatment)


def test_a_move_asked_after_a_readback_is_no_correction():
    assert _hear("네 근데 두 시 말고 세 시로 되나요", "confirm").intent != "no"
