"""The round modules' table matcher (``kind_rules``): the first row that holds decides, and a row holds only when
all it needs is found, nothing it is ruled out by is, and the question asked and the day said fit."""

from __future__ import annotations

import re

from appliance.language.kind_rules import KindRule, first_kind

_SORRY = re.compile("죄송")
_COMING = re.compile("갈게")
_CANCEL = re.compile("취소")
_HANG_UP = re.compile("끊을게요$")

RULES = (
    KindRule("kept after a miss", "yes", (_SORRY, _COMING), unless=(_CANCEL,), expect=("reminder",)),
    KindRule("coming on a day", "book", (_COMING,), dated=True, confidence=0.8),
    KindRule("hanging up unprompted", "other", (_HANG_UP,), expect=(None,)),
)


def test_the_first_row_that_holds_decides():
    assert first_kind(RULES, "죄송해요이번엔꼭갈게요", "reminder", True) == ("yes", 0.92)
    assert first_kind(RULES, "이번엔꼭갈게요", "reminder", True) == ("book", 0.8)


def test_a_row_needs_every_pattern_and_none_of_its_unless():
    assert first_kind(RULES, "이번엔꼭갈게요", "reminder", False) is None
    assert first_kind(RULES, "죄송해요취소하고다시갈게요", "reminder", False) is None


def test_the_question_asked_and_the_day_said_must_fit():
    assert first_kind(RULES, "죄송해요갈게요", "offer", False) is None
    assert first_kind(RULES, "알겠어요끊을게요", None, False) == ("other", 0.92)
    assert first_kind(RULES, "알겠어요끊을게요", "reminder", False) is None  # (None,): only when nothing was asked
