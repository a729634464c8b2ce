"""A family's appointments in one reminder call, as a pure dialog: whose birth date unlocks which appointments,
and confirming, moving or cancelling all of them or one of them by keypad and by speech."""

from __future__ import annotations

import datetime as dt

from appliance.conversation import outcomes
from appliance.conversation.actions import Heard, spoken_keys
from appliance.conversation.campaigns import People
from tests.campaign_dialog_support import DAUGHTER, FAMILY, MOTHER, SON, Ops, dialog, end, keys, said, verified


def test_family_reminder_two_children_cancel_one_of_them():
    ops = Ops(people=People([SON, DAUGHTER], others=[MOTHER]))
    d = dialog("reminder", ops=ops, patient_id="2", data=FAMILY, can_say=lambda t: False)
    d.start()
    out = d.on_input(Heard(dtmf="820918"))  # the guardian
    assert keys(out)[:3] == ["confirmed_guardian", "ob_purpose_reminder", "ob_multi_children_2"]
    assert "내일, 십일월 이십육 일 목요일 오후 세 시." in said(out) and "오후 세 시 반" in said(out)
    assert keys(out)[-1] == "ob_reminder_keys" and "김도윤" not in said(out)
    assert keys(d.on_input(Heard(dtmf="3"))) == ["ob_which_appointment"]
    out = d.on_input(Heard(dtmf="2"))
    assert keys(out)[-2:] == spoken_keys("ob_this_one") and "오후 세 시" in said(out)
    d.on_input(Heard(dtmf="2"))  # not that one
    assert keys(d.on_input(Heard(dtmf="1"))) == spoken_keys("ob_cancel_ask")
    out = d.on_input(Heard(dtmf="1"))
    assert keys(out) == ["ob_others_kept", *spoken_keys("ob_cancelled")] and ops.changes() == [("cancel", "72")]
    assert said(out).startswith("나머지 예약은 그대로 두겠습니다. 예약이 취소되었습니다. 필요하시면 언제든 전화 주세요.")


def test_family_reminder_by_speech_all_or_by_time():
    ops = Ops(people=People([SON, DAUGHTER], others=[MOTHER]))
    d = dialog("reminder", ops=ops, patient_id="2", data=FAMILY, can_say=lambda t: True)
    out = verified(d, "#140507")  # one child's birth date unlocks the family's call
    assert "김도윤 님, 내일" in said(out) and "김서아 님, 내일" in said(out)
    d.on_input(Heard(text="둘 다 취소해 주세요"))
    d.on_input(Heard(text="네"))
    assert ops.changes() == [("cancel", "71"), ("cancel", "72")] and d.outcome == outcomes.CANCELLED
    ops = Ops(people=People([SON, DAUGHTER], others=[MOTHER]))
    d = dialog("reminder", ops=ops, patient_id="2", data=FAMILY)
    verified(d, "#820918")
    out = d.on_input(Heard(text="세 시 반 예약은 좀 바꾸고 싶어요"))
    assert keys(out)[-2:] == spoken_keys("ob_offer_slot")
    d.on_input(Heard(dtmf="1"))
    assert ops.changes() == [("reschedule", "72", dt.datetime(2026, 11, 27, 10, 0))]
    assert d.outcome == outcomes.RESCHEDULED
    ops = Ops(people=People([SON, DAUGHTER], others=[MOTHER]))
    d = dialog("reminder", ops=ops, patient_id="2", data=FAMILY)
    verified(d, "#820918")
    assert end(d.on_input(Heard(dtmf="1"))).outcome == outcomes.CONFIRMED
    assert [e.kind for e in d.events].count("confirmed") == 2


def test_family_reminder_move_all_one_by_one():
    ops = Ops(people=People([SON, DAUGHTER], others=[MOTHER]))
    d = dialog("reminder", ops=ops, patient_id="2", data=FAMILY)
    verified(d, "#820918")
    d.on_input(Heard(dtmf="2"))
    out = d.on_input(Heard(dtmf="1"))  # all of them
    assert keys(out)[0] == "ob_reschedule_each" and "ob_moving_this" in keys(out)
    d.on_input(Heard(dtmf="1"))
    out = d.on_input(Heard(dtmf="1"))
    assert end(out).outcome == outcomes.RESCHEDULED
    assert [c[:2] for c in ops.changes()] == [("reschedule", "71"), ("reschedule", "72")]


def test_family_reminder_three_people_and_one_person_twice():
    three = {"appointments": FAMILY["appointments"] + [
        {"id": "70", "patient_id": "1", "start": "2026-11-26T14:30:00", "duration_min": 30, "treatment": "scaling"}]}
    d = dialog("reminder", ops=Ops(people=People([MOTHER, SON, DAUGHTER])), patient_id="1", data=three)
    out = verified(d, "#820918")
    assert keys(out)[2] == "ob_multi_family" and said(out).count("내일, 십일월 이십육 일") == 3
    twice = {"appointments": [dict(a, patient_id="55") for a in FAMILY["appointments"]]}
    d = dialog("reminder", data=twice)
    assert keys(verified(d))[2] == "ob_multi_one_person"


def test_a_childs_birth_date_unlocks_the_children_not_the_parents_appointment():
    mixed = {"appointments": [FAMILY["appointments"][0],
                              {"id": "70", "patient_id": "1", "start": "2026-11-26T14:30:00", "treatment": "implant"}]}
    d = dialog("reminder", ops=Ops(people=People([MOTHER, SON])), patient_id="1", data=mixed, can_say=lambda t: True)
    out = verified(d, "#140507")
    assert "오후 두 시 반" not in said(out) and "오후 세 시" in said(out) and "김지영" not in said(out)
    assert keys(out)[-2:] == spoken_keys("ob_reminder_ask")  # one appointment unlocked: the child's
    d = dialog("reminder", ops=Ops(people=People([MOTHER, SON])), patient_id="1", data=mixed)
    out = verified(d, "#820918")  # the mother: both
    assert "오후 두 시 반" in said(out) and "오후 세 시" in said(out)
