"""A refusal of calls on a reminder that also asks the booked visit away ("예약된 거 다 없애 주시고 연락도 인제 안
주셔도 됩니더") cancels the visit as well as storing the opt-out; a refusal that does not ask it, or keeps the visit
in words, cancels nothing; before identity, or across several patients' visits, staff get the words instead.
Through the real understanding and the real campaign dialog."""

from __future__ import annotations

import pytest

from appliance.conversation.actions import Heard
from appliance.conversation.campaigns import People
from appliance.conversation.outcomes import Outcome
from tests.campaign_dialog_support import APPT, DAUGHTER, FAMILY, MOTHER, SON, Ops, dialog, end, keys, said, verified

DEATH_AND_STOP = "아버지가 지난주에 돌아가셔가 예약된 거 다 없애 주시고 연락도 인제 안 주셔도 됩니더"


@pytest.mark.parametrize("text", [
    DEATH_AND_STOP,
    "예약 취소해 주시고 앞으로 전화 안 주셔도 됩니다",
    "어머니가 돌아가셨어요 예약은 없던 걸로 해 주시고 연락 주지 마세요",
])
def test_a_refusal_asking_the_visit_away_cancels_it_and_stores_the_opt_out(text):
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    verified(d)
    out = d.on_input(Heard(text=text))
    assert ("cancel", "55") in ops.log and any(e[0] == "opt_out" for e in ops.log), ops.log
    assert keys(out)[0] == "cancelled" and "예약이 취소되었습니다." in said(out)
    assert end(out).outcome == Outcome.OPTED_OUT and d.outcome == Outcome.OPTED_OUT
    assert not ops.callbacks


@pytest.mark.parametrize("text", [
    "이제 전화 안 주셔도 됩니다",
    "예약은 그대로 두시고 앞으로 연락은 안 주셔도 됩니다",
    "예약은 취소 안 해도 되고 앞으로 전화는 주지 마세요",
])
def test_a_refusal_that_does_not_ask_the_visit_away_cancels_nothing(text):
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    verified(d)
    out = d.on_input(Heard(text=text))
    assert any(e[0] == "opt_out" for e in ops.log), ops.log
    assert not ops.changes() and "cancelled" not in keys(out) and "취소" not in said(out)
    assert end(out).outcome == Outcome.OPTED_OUT


def test_before_identity_nothing_is_cancelled_staff_get_the_words():
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    d.start()
    out = d.on_input(Heard(text=DEATH_AND_STOP))
    assert not ops.changes() and "cancelled" not in keys(out)
    assert [(r, p, n) for r, p, n in ops.callbacks if "staff to check" in r] == [
        ("opt-out asking the booked visits cancelled: staff to check", 3, DEATH_AND_STOP)]


def test_several_patients_visits_go_to_staff_not_cancelled_on_a_guess():
    ops = Ops(people=People([SON, DAUGHTER], others=[MOTHER]))
    d = dialog("reminder", ops=ops, patient_id="1", data=FAMILY)
    verified(d, "#820918")
    out = d.on_input(Heard(text=DEATH_AND_STOP))
    assert not ops.changes() and "cancelled" not in keys(out)
    assert any("staff to check" in r for r, _, _ in ops.callbacks)
    assert end(out).outcome == Outcome.OPTED_OUT
