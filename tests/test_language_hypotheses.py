"""The question as a prior (context.answer_fit / answers_question) and the n-best chooser (choose_hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import answer_fit, answers_question, choose_hypothesis, understand
from appliance.language.understanding_result import Understanding

MON = dt.datetime(2027, 3, 8, 10, 0)


@pytest.mark.parametrize(
    ("hypotheses", "expect", "chosen"),
    [
        ([("모교 일이요", -0.31), ("목요일이요", -0.42)], "date", 1),  # the date wins over a likelier non-answer
        ([("새 신발이요", -0.20), ("세 시 반이요", -0.35)], "time", 1),
        ([("이 모미요", -0.30), ("잇몸이요", -0.40)], "treatment", 1),
        ([("에 마자요", -0.20), ("네 맞아요", -0.30)], "yes_no", 1),
        ([("구 팔 공 삼 일 이", -0.5), ("구팔공삼일이", -0.6)], "digits", 0),  # both fit: the better score stays
        ([("목요일이요", -0.42), ("모교 일이요", -0.31)], "date", 0),  # order of the list does not matter
    ],
)
def test_the_answer_that_fits_the_question_wins(hypotheses, expect, chosen):
    assert choose_hypothesis(hypotheses, MON, expect) == chosen


def test_a_much_worse_score_is_not_rescued():
    assert choose_hypothesis([("모교 일이요", -0.3), ("목요일이요", -2.5)], MON, "date") == 0
    assert choose_hypothesis([("모교 일이요", -0.3), ("목요일이요", -2.5)], MON, "date", margin=3.0) == 0  # weight 1
    assert choose_hypothesis([("모교 일이요", -0.3), ("목요일이요", -2.5)], MON, "date", margin=3.0, weight=4.0) == 1


def test_long_utterances_keep_the_recognisers_choice():
    long_best = "다음 주에 제가 출장이 있어서 수요일 오후가 좋겠는데요"
    assert choose_hypothesis([(long_best, -0.2), ("목요일이요", -0.25)], MON, "date") == 0


def test_ties_and_empty_hypotheses():
    assert choose_hypothesis([("네", -0.5), ("네", -0.5)], MON, "yes_no") == 0
    assert choose_hypothesis([("", -0.1), ("네", -0.4)], MON, "yes_no") == 1
    assert choose_hypothesis([("", -0.1)], MON, "yes_no") == 0
    with pytest.raises(ValueError):
        choose_hypothesis([], MON, "date")


def test_an_emergency_is_never_traded_for_a_tidier_answer():
    hyps = [("목요일이요", -0.30), ("얼굴이 퉁퉁 부었어요", -0.45)]
    assert choose_hypothesis(hyps, MON, "date") == 0  # both fit fully: the better score
    assert answer_fit(understand("얼굴이 퉁퉁 부었어요", MON, "date"), "date") == 1.0


@pytest.mark.parametrize(
    ("text", "expect", "complete"),
    [
        ("목요일이요", "date", True),
        ("그게요", "date", False),
        ("세 시 반이요", "time", True),
        ("오후에요", "time", True),  # a part of the day is an answer (the slot finder searches it)
        ("네", "proposal", True),
        ("음", "proposal", False),
        ("잇몸 치료요", "treatment", True),
        ("아 그러니까", "need", False),
        ("스케일링 예약하려고요", "need", True),
        ("아니요 별로 불편한 데 없어요", "wellbeing", True),
        ("사람 바꿔 주세요", "date", True),
    ],
)
def test_answers_question(text, expect, complete):
    assert answers_question(understand(text, MON, expect), expect) is complete


@pytest.mark.parametrize(("intent", "expect"), [("callback_later", "reminder"), ("callback_later", "offer"),
                                                 ("book", "offer"), ("callback_later", "confirm")])
def test_a_fairly_sure_reply_ends_the_turn_though_the_chooser_prefers_a_surer_one(intent, expect):
    """The n-best chooser scales a reply's fit by its confidence (a sure reading wins); the end of turn does not, so a
    call-me-later read at 0.6 still ends the turn at once instead of waiting the hold."""
    fairly_sure = Understanding(intent=intent, confidence=0.6)
    sure = Understanding(intent=intent, confidence=1.0)
    assert answer_fit(fairly_sure, expect) < answer_fit(sure, expect)
    assert answers_question(fairly_sure, expect) is True
    assert answers_question(Understanding(intent=intent, confidence=0.4), expect) is False


def test_a_question_the_rules_heard_at_the_open_question_is_a_whole_turn_however_unsure_its_topic():
    heard = Understanding(intent="question_other", confidence=0.45, source="rules")
    assert answers_question(heard, "need") is True and answers_question(heard, None) is True
    assert answers_question(heard, "date") is False  # a slot was asked: the question may be the start of the answer
    guessed = Understanding(intent="question_other", confidence=0.45, source="statistical")
    assert answers_question(guessed, "need") is False  # only the model thinks it is a question
