"""One reader for "날짜를 바꿔 드릴까요, 아니면 취소해 드릴까요?" (`conversation/move_or_cancel.py`), used by the
inbound change-or-cancel question (after key 3) and the reminder's move-or-cancel question (after "그날은 못 가요").

A word said under a negation chooses nothing: before, the inbound question cancelled on any "취소" in the answer
("취소 안 해요" cancelled the visit) and the reminder moved on any "바꾸" ("바꾸지 말고 그냥 취소해 주세요" moved
it)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation import move_or_cancel, outcomes
from appliance.conversation.actions import Heard
from appliance.data import crm_records
from appliance.language import understand
from tests.campaign_dialog_support import APPT, Ops, dialog, end, keys, said, verified
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.receptionist_support import Talk, birth
from tests.receptionist_support import crm_db as crm_db  # fixtures
from tests.receptionist_support import make as make
from tests.receptionist_support import patient_with_appointment as patient_with_appointment

NOW = dt.datetime(2026, 11, 24, 10, 0)

CHOICES = [
    ("취소 안 해요", {"no", None}),
    ("취소는 하지 말고 날짜만 바꿔 주세요", {"move"}),
    ("바꾸지 말고 그냥 취소해 주세요", {"cancel"}),
    ("변경 말고 취소요", {"cancel"}),
    ("취소해 주세요", {"cancel"}),
    ("다른 날로 옮겨 주세요", {"move"}),
    ("안 바꿔도 돼요 그대로 둘게요", {"keep"}),
    ("아니요 그냥 갈게요", {"keep"}),
    ("그날 갈 수가 없어요", {None, "no"}),
    ("음", {None}),
]


@pytest.mark.parametrize("expect", ["yes_no", "reminder"])
@pytest.mark.parametrize(("text", "allowed"), CHOICES)
def test_the_reader_hears_a_negated_word_as_no_choice(expect, text, allowed):
    u = understand(text, NOW, expect=expect)
    assert move_or_cancel.choice(u, text) in allowed, (u.intent, text)


@pytest.mark.parametrize(("text", "plain"), [("취소해 주세요", True), ("그냥 취소할게요", True),
                                             ("취소 안 해요", False), ("취소는 하지 마세요", False),
                                             ("취소 말고 바꿔 주세요", False)])
def test_cancel_said_plainly(text, plain):
    assert move_or_cancel.cancel_said(text) is plain


def _changing(make, patient):
    """Key 3 (change), the birth date, then the question in words."""
    t = Talk(make(caller=patient.phones[0]))("#3", "#" + birth(patient))
    assert t.keys()[-1] == "change_or_cancel_keys"
    return t


def test_inbound_no_cancel_said_keeps_the_visit(make, patient_with_appointment):
    patient, _ = patient_with_appointment
    t = _changing(make, patient)("취소 안 해요")
    assert "keep_appointment" in t.keys() and "confirm_cancel" not in t.keys()
    assert "cancellation" not in t.dialog.landed and crm_records.Callback.select().count() == 0


def test_inbound_cancel_instead_of_a_move_asks_the_cancel_confirmation(make, patient_with_appointment):
    patient, appt = patient_with_appointment
    t = _changing(make, patient)("바꾸지 말고 그냥 취소해 주세요")
    assert "confirm_cancel" in t.keys() and "cancellation" not in t.dialog.landed
    t("네")
    assert t.dialog.landed["cancellation"]["start"] == appt.start.isoformat(timespec="minutes")


def test_inbound_move_instead_of_a_cancel_moves(make, patient_with_appointment):
    patient, _ = patient_with_appointment
    t = _changing(make, patient)("취소는 하지 말고 날짜만 바꿔 주세요")
    assert "confirm_cancel" not in t.keys() and "cancellation" not in t.dialog.landed
    assert t.dialog.state in ("ask_date", "propose"), t.keys()


def _reminder_cannot_come():
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    verified(d)
    d.on_input(Heard(text="그날은 안 돼요"))
    assert d.state == "move_or_cancel"
    return d, ops


def test_reminder_cancel_instead_of_a_move_cancels():
    d, ops = _reminder_cannot_come()
    out = d.on_input(Heard(text="바꾸지 말고 그냥 취소해 주세요"))
    assert end(out).outcome == outcomes.CANCELLED and ops.changes() == [("cancel", "55")]


def test_reminder_cannot_go_is_no_visit_kept():
    """"갈 수가 없어요" once read as "갈 수" (going) and confirmed the visit the patient had just refused."""
    d, ops = _reminder_cannot_come()
    again = d.on_input(Heard(text="그날 갈 수가 없어요"))
    assert d.state == "move_or_cancel" and "sorry_again" in keys(again), said(again)
    assert ops.changes() == [] and not any(getattr(a, "outcome", None) for a in again)
