"""A reminder answered only "can't come" ("그날은 안 돼요", "아니요 못 가요") is asked "move or cancel?" before
anything is cancelled: the clinic would rather move a visit than lose it. A cancel said in words or by key 3 still
goes straight to the cancel confirmation (tests/test_outbound_dialogs_reminders.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation import outcomes
from appliance.conversation.actions import Heard
from tests.campaign_dialog_support import APPT, Ops, dialog, end, keys, said, verified


def _cannot_come(answer: str = "그날은 안 돼요"):
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    verified(d)
    asked = d.on_input(Heard(text=answer))
    return d, ops, asked


@pytest.mark.parametrize("answer", ["그날은 안 돼요", "내일 못 갈 것 같아요", "아니요 못 가요"])
def test_cannot_come_is_asked_move_or_cancel_and_changes_nothing_yet(answer):
    d, ops, asked = _cannot_come(answer)
    assert keys(asked) == ["change_or_cancel"] and d.state == "move_or_cancel", said(asked)
    assert "바꿔 드릴까요" in said(asked) and ops.changes() == []


def test_a_move_chosen_offers_the_next_free_time():
    d, ops, _ = _cannot_come()
    proposal = d.on_input(Heard(text="다른 날로 바꿔 주세요"))
    assert "십일월 이십칠 일" in keys(proposal)[0] and d.state == "slot"
    out = d.on_input(Heard(text="네 좋아요"))
    assert end(out).outcome == outcomes.RESCHEDULED and ops.changes()[0][:2] == ("reschedule", "55")


def test_the_move_after_cannot_come_never_offers_the_visits_own_day():
    """The visit is on the 26th; the first free times are on that day too: the patient said that day does not suit,
    so the offer starts on the next day with room. Moved by key 2 from the start, the same day stays offered."""
    free = [dt.datetime(2026, 11, 26, 16), dt.datetime(2026, 11, 26, 17), dt.datetime(2026, 11, 27, 10)]
    ops = Ops(slots=free)
    d = dialog("reminder", ops=ops, data=APPT)
    verified(d)
    d.on_input(Heard(text="그날은 안 돼요"))
    proposal = d.on_input(Heard(text="다른 날로 바꿔 주세요"))
    assert "십일월 이십칠 일" in keys(proposal)[0] and "이십육 일" not in said(proposal)
    asked_by_key = Ops(slots=free)
    d2 = dialog("reminder", ops=asked_by_key, data=APPT)
    verified(d2)
    assert "십일월 이십육 일" in keys(d2.on_input(Heard(dtmf="2")))[0]


def test_a_cancel_chosen_cancels_without_a_second_question():
    d, ops, _ = _cannot_come()
    out = d.on_input(Heard(text="그냥 취소해 주세요"))
    assert end(out).outcome == outcomes.CANCELLED and ops.changes() == [("cancel", "55")]


@pytest.mark.parametrize("answer", ["취소 안 해요 그냥 갈게요", "아니요 그대로 갈게요"])
def test_the_visit_kept_after_all_is_confirmed(answer):
    d, ops, _ = _cannot_come()
    out = d.on_input(Heard(text=answer))
    assert end(out).outcome == outcomes.CONFIRMED and ops.changes() == []


@pytest.mark.parametrize("answer", ["네", "아니요", "음"])
def test_an_answer_that_chooses_nothing_is_asked_again_and_cancels_nothing(answer):
    d, ops, _ = _cannot_come()
    again = d.on_input(Heard(text=answer))
    assert d.state == "move_or_cancel" and "sorry_again" in keys(again) and ops.changes() == []


@pytest.mark.parametrize(("key", "outcome", "change"), [("3", outcomes.CANCELLED, "cancel"),
                                                        ("1", outcomes.CONFIRMED, None)])
def test_keys_choose_as_the_reminder_keys_say(key, outcome, change):
    d, ops, _ = _cannot_come()
    out = d.on_input(Heard(dtmf=key))
    assert end(out).outcome == outcome
    assert [c[0] for c in ops.changes()] == ([change] if change else [])
