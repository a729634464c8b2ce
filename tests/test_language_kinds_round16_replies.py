"""Kinds of replies the sixteenth round of issue 15 (after blind23's first run and the training sets dev20, dev21)
taught the understanding, each with sentences of its own (not copied from the labelled sets): refusals in new words
(a number not to be sent to, calls told to stop with a word between, notices cut, the 080 line used, news refused:
opt-outs are law, each read by the rules alone, and a channel preferred is never one); a yes with who answers, who
goes along or passes it on, relayed, or asking to be brief; a read-back confirmed in full; a day turned down for
another; plain noes; an offer thought over with its terms in hand; not an answer yet; a number dialled by mistake;
out of breath from exercise is no emergency."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import hearer

NOW = dt.datetime(2044, 3, 7, 10, 30)  # a Monday morning
_hear = hearer(NOW)


@pytest.mark.parametrize(("text", "expect"), [
    ("제 번호로는 병원 안내 같은 거 보내지 마세요", "offer"),
    ("문자 진짜 이제 그만 좀 하세요", None),
    ("알림 문자 좀 끊어 달라니까요", "reminder"),
    ("080 수신거부 번호로 거부했는데 왜 또 와요", None),
    ("그런 안내는 이제 빼 주세요 필요 없어요", "offer"),
    ("병원 소식 그런 거 더는 안 받겠습니다", "offer"),
])
def test_a_refusal_in_new_words_is_an_opt_out_by_the_rules_alone(text, expect):
    assert _hear(text, expect, statistical=False).intent == "opt_out"
    assert _hear(text, expect).intent == "opt_out"


@pytest.mark.parametrize(("text", "expect"), [
    ("이 번호로 보내지 말고 딸 번호로 보내 주세요", "reminder"),
    ("예약 안내 문자 다시 보내 주세요 지웠어요", "reminder"),
    ("네 할머니 모시고 갈게요 안내 문자도 보내 주세요", "reminder"),
])
def test_a_channel_preferred_or_a_text_asked_for_is_no_opt_out(text, expect):
    assert _hear(text, expect, statistical=False).intent != "opt_out"
    assert _hear(text, expect).intent != "opt_out"


@pytest.mark.parametrize(("text", "expect"), [
    ("할아버지 폰이에요 귀가 어두우셔서 저랑 얘기하시면 돼요", "yes_no"),
    ("네 모레 그거 어머니 예약 맞아요 제가 모시고 갈게요", "reminder"),
    ("남편 예약인데 모레 가는 거 맞아요 제가 전해 줄게요", "reminder"),
    ("목요일 네 시요 잠깐만요 엄마 목요일 네 시 돼 응 괜찮대요", "proposal"),
    ("예 맞는데요 빨리 좀 해 주세요 운전 중이라", "yes_no"),
    ("네 맞아요 이번 주 금요일 오후 두 시 잇몸 치료", "confirm"),
])
def test_a_yes_with_an_aside_is_a_yes(text, expect):
    assert _hear(text, expect, statistical=False).intent == "yes"
    assert _hear(text, expect).intent == "yes"


def test_a_day_turned_down_for_another_is_a_no_with_the_new_day():
    got = _hear("수요일은 싫고 목요일 오전 열 시는요", "proposal")
    assert got.intent == "no"
    assert got.date == "2044-03-10"  # the Thursday asked for, not the Wednesday turned down


@pytest.mark.parametrize(("text", "expect"), [
    ("아 그날 말고요 그다음 주 화요일로 해 주세요", "confirm"),
    ("아니요 아직 못 받았는데요", "yes_no"),
    ("아니요 저 아닌데요 무슨 일이세요", "yes_no"),
    ("아 괜찮아요 요즘 다른 치과 다니고 있어요", "offer"),
])
def test_a_read_back_taken_back_or_a_plain_no_is_a_no(text, expect):
    assert _hear(text, expect, statistical=False).intent == "no"
    assert _hear(text, expect).intent == "no"


def test_a_read_back_moved_in_so_many_words_stays_a_move():
    assert _hear("네 그 시간 말고 다섯 시로 바꿔 주실 수 있어요", "confirm").intent != "no"


@pytest.mark.parametrize(("text", "expect"), [
    ("다음 달 초까지래요 그럼 생각 좀 해 보고 연락드릴게요", "offer"),
    ("고민해 보고 전화드릴게요 우선 문자로 좀 보내 주세요", "offer"),
    ("지금 운전 중이라 휴게소 가서 연락드릴게요", "reminder"),
])
def test_an_offer_thought_over_with_its_terms_or_a_call_after_a_stop_is_a_callback(text, expect):
    assert _hear(text, expect, statistical=False).intent == "callback_later"
    assert _hear(text, expect).intent == "callback_later"


def test_a_bare_think_it_over_to_an_offer_is_a_callback_but_a_refusal_now_stays_a_no():
    """Round 25's convention (docs/understanding.md): a call back promised after thinking it over is a callback."""
    assert _hear("생각해 보고 연락드릴게요", "offer").intent == "callback_later"
    assert _hear("생각해 보고 연락드릴게요 지금은 좀", "offer").intent == "no"


@pytest.mark.parametrize(("text", "expect"), [
    ("바빠서 그러는데 다시 한번만 말씀해 주세요", "offer"),
    ("잠깐만요 지하철 내리고요", "offer"),
    ("누구시라고요 어디서 전화하신 거예요", "yes_no"),
    ("네 며칠이라고요 다시 한번만", "proposal"),
])
def test_not_an_answer_yet_is_other(text, expect):
    assert _hear(text, expect, statistical=False).intent == "other"
    assert _hear(text, expect).intent == "other"


@pytest.mark.parametrize(("text", "expect"), [
    ("어머 죄송해요 미용실에 건다는 게 잘못 눌렀네", None),
    ("여기 치과예요? 저 학원에 건 건데요", None),
    ("여기 그런 분 안 계세요 없어요", "yes_no"),
])
def test_a_number_dialled_by_mistake_or_no_such_person_is_a_wrong_number(text, expect):
    assert _hear(text, expect, statistical=False).intent == "wrong_number"
    assert _hear(text, expect).intent == "wrong_number"


def test_out_of_breath_from_exercise_is_no_emergency_but_a_red_flag_still_is():
    assert _hear("등산 중이라 숨이 차서요 네 본인 맞습니다", "yes_no").intent == "yes"
    assert _hear("운동하다 넘어져서 이가 부러졌는데 피가 안 멈춰요 숨이 차요").intent == "emergency"


@pytest.mark.parametrize("text", ["이렇게 전화 주셔서 정말 고맙습니다", "아이고 연락 주셔서 감사합니다"])
def test_thanks_for_the_call_alone_is_no_answer_but_fine_with_thanks_to_a_wellbeing_call_is_a_no(text):
    assert _hear(text).intent == "other"
    assert _hear("괜찮아요 " + text, "wellbeing").intent == "no"


def test_a_slot_refused_at_someone_s_side_is_no_relayed_yes():
    assert _hear("아내가 그날은 안 된대요", "proposal").intent == "no"


def test_an_offer_taken_in_other_words_is_a_yes_and_with_a_day_named_a_booking():
    assert _hear("아 마침 잘됐네요 갈게요", "offer", statistical=False).intent == "yes"
    assert _hear("네 그럼 스케일링 한번 해 볼게요", "offer").intent == "yes"
    got = _hear("네 그럼 다음 주 화요일에 해 볼게요", "offer")
    assert got.intent == "book" and got.date == "2044-03-15"


@pytest.mark.parametrize("text", ["목요일이요", "다음 주 화요일", "세 시 반이요"])
def test_a_day_or_time_alone_to_a_yes_no_question_says_neither(text):
    """To "…맞으세요?" a day or a time alone is neither a yes nor a no (a misheard or stray reply), whatever the
    model learned from replies to proposals; with a no word it answers."""
    now = dt.datetime(2026, 11, 23, 10, 0)
    assert understand(text, now, expect="yes_no").intent not in ("yes", "no")
    assert understand("아니요 " + text, now, expect="yes_no").intent == "no"
