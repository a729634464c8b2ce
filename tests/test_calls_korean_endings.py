"""Korean sentence endings and the Korean end-of-turn verdicts (pure logic: the real understanding, no audio)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from appliance.calls.end_of_turn import KoreanEndOfTurn
from appliance.calls.frames import Transcript
from appliance.calls.korean_endings import Ending, sentence_ending

FINAL = ["예약하고 싶어요", "예약하고 싶어요.", "네", "네 네.", "아니요", "내일 가능한가요?", "예약했습니다", "할까",
         "치료비가 얼마죠", "선생님 계세요?", "갈게", "좋아", "스케일링 받을 수 있습니까"]
CONTINUES = ["사랑니 뽑았는데", "예약하고 싶어요,", "저는", "내일 오후에", "그리고", "음", "임플란트 상담 받고",
             "아파서", "오면", "그러니까", "예약 좀 하려고", "있는데", "좋은데", "괜찮은지", "어제 뽑은 자리가",
             "잇몸이 부어서 좀", "발견하기가 어려울", "이가 불편한", "예약된",
             # the infinitive said in full after a vowel speech contracts: the careful register's link
             "진료 시간이 변경되어", "서류를 보내 주어", "치료를 이어", "결과를 확인하여", "보험이 적용되어."]
OPEN = ["목요일", "세 시", "3시", "사랑니", "빠르게", "",
        "영어", "단어", "대여"]  # nouns in 어/여: after a closed syllable, or 여 not after 하


@pytest.mark.parametrize("text", FINAL)
def test_sentence_final_endings(text):
    assert sentence_ending(text) is Ending.FINAL


@pytest.mark.parametrize("text", CONTINUES)
def test_connectives_particles_and_fillers_go_on(text):
    assert sentence_ending(text) is Ending.CONTINUES


@pytest.mark.parametrize("text", OPEN)
def test_bare_nouns_and_numbers_are_open(text):
    assert sentence_ending(text) is Ending.OPEN


def _verdict(text: str, expect: str | None) -> int | None:
    policy = KoreanEndOfTurn(end_ms=650, hold_ms=1000, clock=lambda: dt.datetime(2026, 12, 7, 10, 0))
    return policy.silence_needed_ms(Transcript(text, 0.9, False), expect)


@pytest.mark.parametrize("text,expect", [
    ("예약하고 싶어요", None), ("목요일이요", "date"), ("네", "yes_no"), ("아니요", "proposal"),
    ("내일 오후 세 시요", "time"), ("너무 아파요 피가 안 멈춰요", "date"),  # an emergency answers any question
])
def test_a_finished_sentence_that_answers_the_question_ends_the_turn_now(text, expect):
    assert _verdict(text, expect) == 0


@pytest.mark.parametrize("text,expect", [
    ("사랑니가 아파서", None), ("목요일은 안 되는데", "date"), ("내일 오후에", "time"),
    ("안녕하세요", None),  # finished, but says nothing the dialog can act on yet
    ("잠시만요", "date"),  # finished, but not a date
])
def test_a_connective_or_an_incomplete_answer_waits_the_longer_silence(text, expect):
    assert _verdict(text, expect) == 1000


def test_an_open_ending_that_answers_waits_the_ordinary_silence():
    assert _verdict("목요일", "date") == 650


def test_a_broken_understanding_leaves_the_decision_to_the_silence_rule():
    def broken(text, now, expect):
        raise RuntimeError("boom")

    policy = KoreanEndOfTurn(understand=broken, answers=lambda u, e: True)
    assert policy.silence_needed_ms(Transcript("예약하고 싶어요", 0.9, False), None) is None


def test_a_finished_sentence_only_the_model_guesses_waits_the_ordinary_silence():
    """Read speech stopped mid-sentence at a full stop the rules cannot read: the model's guess may call it an answer
    (the false cut-off bench's "…2년 전 피부함을 지내요." before its second half); it must not end the turn at once."""
    guess = SimpleNamespace(intent="no", confidence=0.6, source="statistical")
    ruled = SimpleNamespace(intent="book", confidence=0.9, source="rules")
    nothing, a_question = SimpleNamespace(intent="other"), SimpleNamespace(intent="question_other")
    for understood, rules_alone, wait in ((guess, nothing, 650), (ruled, nothing, 0), (guess, a_question, 0)):
        policy = KoreanEndOfTurn(end_ms=650, hold_ms=1000, understand=lambda text, now, expect, u=understood: u,
                                 answers=lambda u, e: True, rules_only=lambda text, now, expect, r=rules_alone: r)
        assert policy.silence_needed_ms(Transcript("이 년 전 피부함을 지내요.", 0.9, False), None) == wait


def test_a_bare_noun_list_only_the_model_reads_waits_the_hold():
    """Things named one by one with pauses between ("칫솔 [0.9 s] 치약 [0.9 s] 치실"): the open ending does not say the
    caller is done, and a reading only the model made must not end the turn at the ordinary silence."""
    guess = SimpleNamespace(intent="symptom", confidence=0.6, source="statistical")
    ruled = SimpleNamespace(intent="treatment", confidence=0.9, source="rules")
    nothing, a_reading = SimpleNamespace(intent="other"), SimpleNamespace(intent="symptom")
    for understood, rules_alone, wait in ((guess, nothing, 1000), (ruled, nothing, 650), (guess, a_reading, 650)):
        policy = KoreanEndOfTurn(end_ms=650, hold_ms=1000, understand=lambda text, now, expect, u=understood: u,
                                 answers=lambda u, e: True, rules_only=lambda text, now, expect, r=rules_alone: r)
        assert policy.silence_needed_ms(Transcript("칫솔 치약 치실", 0.9, False), None) == wait


def test_a_sentence_going_on_after_an_infinitive_waits_the_hold_whatever_it_is_read_as():
    """"…예약이 변경되어 [pause] 다시 연락드립니다": the understanding may read the half as complete; the ending says
    more is coming."""
    for source in ("rules", "statistical"):
        understood = SimpleNamespace(intent="reschedule", confidence=0.9, source=source)
        policy = KoreanEndOfTurn(end_ms=650, hold_ms=1000, understand=lambda text, now, expect, u=understood: u,
                                 answers=lambda u, e: True, rules_only=lambda text, now, expect, u=understood: u)
        assert policy.silence_needed_ms(Transcript("다음 주 예약이 변경되어", 0.9, False), None) == 1000


def test_a_request_the_rules_recognised_and_the_model_relabelled_still_ends_at_once():
    """"국민의당은 어떤 선택을 할까요?" to "무엇을 도와드릴까요?": the rules hear a question, the model a booking."""
    assert _verdict("국민의당은 어떤 선택을 할까요?", "need") == 0


def test_with_the_real_understanding_a_guessed_sentence_is_not_ended_at_once():
    text = "더 선은 이름이 밝혀지지 않은 이 노인인 2년 전 피부함을 지내요."
    assert _verdict(text, None) in (650, 1000) and _verdict(text, "need") in (650, 1000)
