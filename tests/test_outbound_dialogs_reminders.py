"""The reminder campaign as a pure dialog: notices first, a generic purpose, the birth date before any patient
detail, keypad and speech, a guardian answering for a child, confirm, reschedule and cancel through ops (the cancel
only on a clear yes), the wrong person hearing nothing, and no one to verify."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation import outcomes
from appliance.conversation.actions import Heard, Listen, spoken_keys
from appliance.conversation.campaigns import People
from appliance.data.emr.model import Patient
from tests.campaign_dialog_support import APPT, FAMILY, MOTHER, SON, Ops, dialog, end, keys, said, verified


def test_reminder_notice_generic_purpose_identity_then_cancel_by_keypad():
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT, can_say=lambda t: False)
    first = d.start()
    assert keys(first) == ["greeting_unrecorded", "ob_purpose_generic", "ask_birth"]  # not recorded: no notice
    assert first[0].barge_in is False and isinstance(first[-1], Listen) and first[-1].max_digits == 6
    assert "김민수" not in said(first) and "스케일링" not in said(first) and "예약" not in said(first)
    body = d.on_input(Heard(dtmf="850302"))
    assert keys(body)[:3] == ["confirmed_short", "ob_purpose_reminder", "내일, 십일월 이십육 일 목요일 오후 세 시 반"]
    assert keys(body)[3:] == spoken_keys("ob_reminder_ask") == ["appointment_is", "ob_reminder_keys"]
    assert keys(d.on_input(Heard(dtmf="3"))) == spoken_keys("ob_cancel_ask") == ["confirm_cancel", "yes_no_keys"]
    out = d.on_input(Heard(dtmf="1"))
    assert end(out).outcome == outcomes.CANCELLED and ops.changes() == [("cancel", "55")]


def test_reminder_spoken_birth_date_name_when_the_voice_can_say_it_and_confirm():
    d = dialog("reminder", data=APPT, can_say=lambda t: True, recorded=True)
    assert keys(d.start())[0] == "greeting"  # a recorded call says so
    body = d.on_input(Heard(text="팔십오년 삼월 이일이요"))
    assert keys(body)[0] == "김민수 님, 확인되었습니다."
    assert end(d.on_input(Heard(text="네 갈게요"))).outcome == outcomes.CONFIRMED
    assert [e.kind for e in d.events] == ["identity_confirmed", "confirmed"]


def test_reminder_reschedule_by_keys_offers_the_next_slot():
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    verified(d)
    proposal = d.on_input(Heard(dtmf="2"))
    assert keys(proposal)[-2:] == spoken_keys("ob_offer_slot") and "십일월 이십칠 일" in keys(proposal)[0]
    d.on_input(Heard(dtmf="2"))  # the next time please
    out = d.on_input(Heard(dtmf="1"))
    assert end(out).outcome == outcomes.RESCHEDULED
    assert ops.changes() == [("reschedule", "55", dt.datetime(2026, 11, 27, 11, 0))]


def test_wrong_person_hears_nothing_and_changes_nothing():
    ops = Ops(open_=True)
    d = dialog("reminder", ops=ops, data=APPT, can_say=lambda t: True)
    heard = [d.start()]
    for wrong in ("#900101", "#900102", "#900103"):
        heard.append(d.on_input(Heard(dtmf=wrong[1:])))
    text = " ".join(said(a) for a in heard)
    for secret in ("김민수", "스케일링", "세 시 반", "이십육 일", "예약 안내"):
        assert secret not in text
    assert keys(heard[1]) == ["birth_not_found", "ask_birth_again"]
    assert end(heard[-1]).next == "transfer" and ops.changes() == []  # staff sort it out (open hours)
    ops = Ops(open_=False)
    d = dialog("reminder", ops=ops, data=APPT)
    d.start()
    for wrong in ("900101", "900102", "900103"):
        out = d.on_input(Heard(dtmf=wrong))
    assert keys(out) == ["ob_staff_unavailable"] and d.outcome == outcomes.CALLBACK and ("callback", 4) in ops.log


def test_a_parent_saying_no_is_not_the_end_and_may_answer_with_the_childs_birth_date():
    ops = Ops(people=People([SON], others=[MOTHER]))
    data = {"appointment": FAMILY["appointments"][0]}
    d = dialog("reminder", ops=ops, patient_id="2", data=data, can_say=lambda t: False)
    d.start()
    out = d.on_input(Heard(text="아니요, 저는 엄마인데요"))
    assert keys(out) == ["ob_family_may_answer"] and end(out) is None
    out = d.on_input(Heard(text="이천십사년 오월 칠일"))
    assert keys(out)[:2] == ["confirmed_guardian", "ob_purpose_reminder"] and "오후 세 시" in said(out)
    assert end(d.on_input(Heard(dtmf="1"))).outcome == outcomes.CONFIRMED
    d = dialog("reminder", ops=Ops(people=People([SON], others=[MOTHER])), patient_id="2", data=data,
               can_say=lambda t: True)
    d.start()
    out = d.on_input(Heard(dtmf="820918"))  # the mother's own birth date: a patient on this phone, her child
    assert keys(out)[0] == "김도윤 보호자님, 확인되었습니다."
    d = dialog("reminder", data=APPT)
    d.start()
    d.on_input(Heard(text="아니요"))
    out = d.on_input(Heard(text="아니요 저 아닌데요"))
    assert keys(out) == ["ob_not_patient"] and end(out).outcome == outcomes.UNREACHABLE


def test_emr_unreadable_nobody_can_be_verified_the_call_ends_politely_and_is_retried():
    class Down(Ops):
        def people(self):
            return None

    out = dialog("reminder", ops=Down(), data=APPT).start()
    assert keys(out)[-1] == "ob_identity_unavailable" and end(out).outcome == outcomes.UNREACHABLE


def test_no_birth_date_on_file_nothing_to_ask():
    nobody = Patient(id="55", name="김민수", birth_date=None)
    ops = Ops(people=People([nobody]), open_=False)
    out = dialog("reminder", ops=ops, data=APPT).start()
    assert "ask_birth" not in keys(out) and keys(out)[-1] == "ob_staff_unavailable" and ("callback", 4) in ops.log


@pytest.mark.parametrize("answer,outcome,cancelled", [
    ("예 내일 갈게요", outcomes.CONFIRMED, False),  # going after all: a yes to "맞으시죠?", a no to "취소해 드릴까요?"
    ("아니요 갈게요", outcomes.CONFIRMED, False),
    ("네 그대로 둬 주세요", outcomes.CONFIRMED, False),
    ("취소 안 해요", outcomes.CONFIRMED, False),
    ("네 취소해 주세요", outcomes.CANCELLED, True),
    ("미안해요 취소해 주세요", outcomes.CANCELLED, True),  # "미안해요" is not "안 해요"
    ("네", outcomes.CANCELLED, True),
    ("#1", outcomes.CANCELLED, True),
    ("#2", outcomes.CONFIRMED, False),
])
def test_the_cancel_confirmation_cancels_only_on_a_clear_yes(answer, outcome, cancelled):
    """Safety: "예약을 취소해 드릴까요?" has its own expect, so "예 내일 갈게요" keeps the visit (it used to cancel it)."""
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    verified(d)
    asked = d.on_input(Heard(text="내일 예약 취소해 주세요"))
    assert keys(asked) == spoken_keys("ob_cancel_ask") and d.state == "cancel_confirm"
    assert asked[-1].expect == "cancel_confirm" and "그대로" in asked[-1].hints
    out = d.on_input(Heard(dtmf=answer[1:]) if answer.startswith("#") else Heard(text=answer))
    assert end(out).outcome == outcome, said(out)
    assert (ops.changes() == [("cancel", "55")]) is cancelled


def test_an_unclear_answer_to_the_cancel_confirmation_asks_again_and_cancels_nothing():
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    verified(d)
    d.on_input(Heard(dtmf="3"))
    out = d.on_input(Heard(text="음 글쎄요"))
    assert keys(out) == ["sorry_again", *spoken_keys("ob_cancel_ask")] and end(out) is None
    assert ops.changes() == [] and d.state == "cancel_confirm"
