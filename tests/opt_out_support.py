"""Refusals of contact in words the rules do not read as an opt-out (the dialogs then ask: ``optout_check``).

The rules are improved meanwhile, so a test takes the first wording they still miss for the question asked."""

from __future__ import annotations

import datetime as dt

from appliance.language import understand
from appliance.language.opt_out_check import sounds_like_opt_out

REFUSALS = (
    "이제 병원 문자 안 받고 싶네요",
    "앞으로 이런 안내 받고 싶지 않아요",
    "병원 문자는 이제 안 와도 돼요",
    "이런 전화 이제 필요 없어요",
    "예약 안내 문자 안 와도 돼요",
)


def refusal_the_rules_miss(expect: str | None) -> str:
    """A refusal the understanding does not read as opt_out after ``expect`` but the check hears."""
    now = dt.datetime(2026, 11, 23, 10, 0)
    for text in REFUSALS:
        if understand(text, now, expect=expect).intent != "opt_out" and sounds_like_opt_out(text, expect):
            return text
    raise AssertionError(f"the rules read every example refusal after {expect!r} now: add wordings they miss")
