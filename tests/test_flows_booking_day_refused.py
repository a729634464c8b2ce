"""A day the caller says does not suit ("내일은 안 돼요") is left out of the booking, never offered back; the same
words in a question's form ("내일은 안 될까요") still ask for that day. The pure dialog against a real small SQLite
EMR (NOW: Monday 23 November 2026, so 내일 is Tuesday the 24th)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation.day_refused import refused_day
from appliance.language import understand
from tests.demo_emr_support import NOW
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.receptionist_support import UNKNOWN, Talk
from tests.receptionist_support import crm_db as crm_db  # fixtures
from tests.receptionist_support import make as make

TOMORROW_SAID = "십일월 이십사 일"


def _to_date_question(make) -> Talk:
    t = Talk(make(caller=UNKNOWN))("예약하고 싶어요", "스케일링이요")
    assert t.keys()[0] == "ask_date"
    return t


@pytest.mark.parametrize("refusal", ["내일은 안 돼요", "내일은 일이 있어서 안 돼요", "내일은 좀 어려워요",
                                     "내일은 못 갈 것 같아요"])
def test_a_day_refused_to_the_date_question_is_left_out_and_the_question_asked_again(make, refusal):
    t = _to_date_question(make)(refusal)
    assert t.keys() == ["day_left_out", "ask_date"], t.said()
    assert TOMORROW_SAID not in t.said() and "book_this" not in t.keys()
    t("아무 때나 괜찮아요")
    assert "book_this" in t.keys() and "스케일링" in t.said()
    assert TOMORROW_SAID not in t.said(), "the refused day was offered back"


def test_the_same_day_asked_in_a_questions_form_is_offered(make):
    t = _to_date_question(make)("내일은 안 될까요")
    assert "day_left_out" not in t.keys() and "book_this" in t.keys()
    assert TOMORROW_SAID in t.said()


def test_that_day_refused_to_an_offer_brings_a_time_on_another_day(make):
    t = Talk(make(caller=UNKNOWN))("내일 오전에 스케일링 예약하고 싶어요")
    assert TOMORROW_SAID in t.said() and "book_this" in t.keys()
    t("아 그날은 안 돼요")
    assert t.keys()[0] == "day_left_out" and "book_this" in t.keys()
    assert TOMORROW_SAID not in t.said(), t.said()
    t("아니요")  # the next offer declined too: still never the refused day
    assert TOMORROW_SAID not in t.said()


def test_two_days_refused_one_after_the_other_still_bring_a_free_time(make):
    """The earliest free times are on the days refused: the search looks past them, it does not give up."""
    t = _to_date_question(make)("내일은 안 돼요", "아무 때나요")
    first = t.said()
    assert "book_this" in t.keys() and TOMORROW_SAID not in first
    day = first.split(" 오")[0]  # "십일월 이십삼 일 월요일"
    t("그날은 안 돼요")
    assert t.keys()[0] == "day_left_out" and "book_this" in t.keys(), t.said()
    assert day not in t.said() and TOMORROW_SAID not in t.said()


@pytest.mark.parametrize(("text", "refused"), [
    ("내일은 안 돼요", "2026-11-24"),
    ("수요일은 출근해서 못 갈 것 같아요", "2026-11-25"),
    ("금요일은 힘들 것 같은데요", "2026-11-27"),
    ("내일은 안 돼요?", None),            # asked, with the rising tone written
    ("내일은 안 되나요", None),
    ("내일은 안 되죠", None),
    ("내일은 안 되고 모레요", None),       # another day named after: that one is the wish
    ("내일은 안 되고 세 시요", None),
    ("오늘 바로 안 돼요", None),           # round 34: "can't I come today" (no topic particle)
    ("금요일은 괜찮아요", None),
])
def test_which_answers_refuse_their_day(text, refused):
    u = understand(text, NOW, "date", statistical=False)
    got = refused_day(u, text)
    assert (got.isoformat() if got else None) == refused


def test_that_day_needs_the_offered_day():
    u = understand("그날은 안 돼요", NOW, "proposal", statistical=False)
    assert refused_day(u, "그날은 안 돼요") is None
    assert refused_day(u, "그날은 안 돼요", dt.date(2026, 11, 24)) == dt.date(2026, 11, 24)
