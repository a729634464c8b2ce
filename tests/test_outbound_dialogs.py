"""The campaign conversations as pure dialogs: notices first, identity before treatment, keypad and speech,
opt-out honoured and confirmed, problems to staff, bookings/cancellations through ops."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from appliance.conversation import outcomes
from appliance.conversation.actions import End, Heard, Listen, Say
from appliance.conversation.phrases import PHRASES
from appliance.outbound.dialogs import OutboundDialog, VoicemailDialog

NOW = dt.datetime(2026, 11, 25, 10, 0)
APPT = {"appointment": {"id": "55", "start": "2026-11-26T15:30:00", "duration_min": 30, "treatment": "scaling"},
        "name": "김민수"}


class Ops:
    def __init__(self, open_=True, slots=None):
        self.log = []
        self.open_ = open_
        self.slots = slots if slots is not None else [dt.datetime(2026, 11, 27, 10, 0), dt.datetime(2026, 11, 27, 11, 0)]

    def find_slots(self, treatment, limit):
        self.log.append(("find_slots", treatment))
        return self.slots

    def book(self, start, treatment):
        self.log.append(("book", start, treatment))
        return True

    def reschedule(self, start):
        self.log.append(("reschedule", start))
        return True

    def cancel(self):
        self.log.append(("cancel",))
        return True

    def opt_out(self, source):
        self.log.append(("opt_out", source))

    def callback(self, reason, priority):
        self.log.append(("callback", priority))

    def clinic_open(self):
        return self.open_


def dialog(campaign, kind="INFO", ops=None, **kw):
    return OutboundDialog(campaign=campaign, kind=kind, ops=ops or Ops(), now=lambda: NOW, **kw)


def keys(actions):
    return [a.key or a.text for a in actions if isinstance(a, Say)]


def end(actions):
    last = actions[-1]
    return last if isinstance(last, End) else None


def test_every_key_is_a_phrase():
    """Every prompt key the campaign dialogs can say has its text in the one phrase table (and so in the pack)."""
    import re

    import appliance.outbound.dialogs as d

    source = Path(d.__file__).read_text(encoding="utf-8")
    said = set(re.findall(r'"(ob_[a-z_]+)"', source))
    assert len(said) > 20
    assert said <= set(PHRASES), sorted(said - set(PHRASES))


def test_reminder_notice_purpose_identity_then_cancel_by_keypad():
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT, name="김민수", can_say=lambda t: False)
    first = d.start()
    said = keys(first)
    assert said[0] == "greeting" and first[0].barge_in is False  # AI + recording notice, not interruptible
    assert said[1:] == ["ob_purpose_reminder", "ob_identity"]  # no name (cannot be voiced), no treatment yet
    assert "ob_optout_notice" not in said  # INFO call
    assert isinstance(first[-1], Listen)
    body = d.on_input(Heard(dtmf="1"))
    assert keys(body)[0] == "내일, 십일월 이십육 일 목요일 오후 세 시 반"
    assert keys(body)[1] == "ob_reminder_ask"
    assert keys(d.on_input(Heard(dtmf="3"))) == ["ob_cancel_ask"]
    out = d.on_input(Heard(dtmf="1"))
    assert end(out).outcome == outcomes.CANCELLED and ("cancel",) in ops.log


def test_reminder_confirm_and_reschedule_by_speech():
    d = dialog("reminder", data=APPT, name="김민수", can_say=lambda t: True)
    assert keys(d.start())[-2:] == ["김민수 님 되시나요?", "ob_identity_keys"]
    d.on_input(Heard(text="네 맞아요"))
    assert end(d.on_input(Heard(text="네 갈게요"))).outcome == outcomes.CONFIRMED
    ops = Ops()
    d = dialog("reminder", ops=ops, data=APPT)
    d.start()
    d.on_input(Heard(dtmf="1"))
    proposal = d.on_input(Heard(dtmf="2"))
    assert keys(proposal)[-1] == "ob_offer_slot" and "십일월 이십칠 일" in keys(proposal)[0]
    d.on_input(Heard(dtmf="2"))  # the next time please
    out = d.on_input(Heard(dtmf="1"))
    assert end(out).outcome == outcomes.RESCHEDULED and ("reschedule", dt.datetime(2026, 11, 27, 11, 0)) in ops.log


def test_someone_else_answers_nothing_is_disclosed():
    d = dialog("reminder", data=APPT)
    d.start()
    out = d.on_input(Heard(dtmf="2"))
    assert keys(out) == ["ob_not_patient"] and end(out).outcome == outcomes.UNREACHABLE


def test_ad_call_offers_opt_out_and_honours_keypad_9_at_once():
    ops = Ops()
    d = dialog("insurance_scaling", kind="AD", ops=ops)
    said = keys(d.start())
    assert said[:3] == ["greeting", "ob_optout_notice", "ob_purpose_scaling"]
    out = d.on_input(Heard(dtmf="9"))
    assert keys(out) == ["ob_opted_out"] and end(out).outcome == outcomes.OPTED_OUT
    assert ops.log == [("opt_out", "call_dtmf")]


def test_ad_opt_out_by_speech_and_scaling_booking():
    ops = Ops()
    d = dialog("insurance_scaling", kind="AD", ops=ops)
    d.start()
    pitch = d.on_input(Heard(text="네"))
    assert keys(pitch) == ["ob_scaling_pitch", "ob_offer_booking"]
    assert end(d.on_input(Heard(text="수신 거부할게요"))).outcome == outcomes.OPTED_OUT
    assert ops.log[-1] == ("opt_out", "call_speech")
    ops = Ops()
    d = dialog("insurance_scaling", kind="AD", ops=ops)
    d.start()
    d.on_input(Heard(dtmf="1"))
    d.on_input(Heard(dtmf="1"))
    out = d.on_input(Heard(dtmf="1"))
    assert end(out).outcome == outcomes.BOOKED and ("book", dt.datetime(2026, 11, 27, 10, 0), "scaling") in ops.log


def test_recall_says_why_from_the_last_treatment():
    d = dialog("recall", kind="AD", detail="implant")
    d.start()
    assert keys(d.on_input(Heard(dtmf="1"))) == ["ob_recall_pitch", "ob_recall_why_implant", "ob_offer_booking"]
    assert end(d.on_input(Heard(dtmf="2"))).outcome == outcomes.DECLINED


def test_happy_call_problem_goes_to_staff_now_or_urgent_callback():
    ops = Ops(open_=True)
    d = dialog("happy_call", ops=ops)
    d.start()
    assert keys(d.on_input(Heard(dtmf="1"))) == ["ob_happy_ask"]
    out = d.on_input(Heard(text="피가 계속 나고 많이 아파요"))
    assert end(out).next == "transfer" and end(out).outcome == outcomes.PROBLEM_REPORTED
    assert ("callback", 1) in ops.log
    ops = Ops(open_=False)
    d = dialog("happy_call", ops=ops)
    d.start()
    d.on_input(Heard(dtmf="1"))
    out = d.on_input(Heard(dtmf="1"))
    assert keys(out) == ["ob_problem_callback"] and end(out).next == "hangup" and ("callback", 1) in ops.log
    d = dialog("happy_call")
    d.start()
    d.on_input(Heard(dtmf="1"))
    assert end(d.on_input(Heard(text="괜찮아요"))).outcome == outcomes.ANSWERED


def test_implant_checkup_books_a_check():
    ops = Ops()
    d = dialog("implant_checkup", ops=ops)
    d.start()
    assert keys(d.on_input(Heard(dtmf="1"))) == ["ob_implant_ask"]
    d.on_input(Heard(dtmf="2"))
    assert end(d.on_input(Heard(dtmf="1"))).outcome == outcomes.BOOKED
    assert ops.log[0] == ("find_slots", "checkup")


def test_staff_wrong_number_later_and_silence():
    d = dialog("recall", kind="AD")
    d.start()
    out = d.on_input(Heard(dtmf="0"))
    assert end(out).next == "transfer"
    ops = Ops(open_=False)
    d = dialog("recall", kind="AD", ops=ops)
    d.start()
    assert end(d.on_input(Heard(text="직원 바꿔 주세요"))).outcome == outcomes.CALLBACK
    d = dialog("reminder", data=APPT)
    d.start()
    assert end(d.on_input(Heard(text="잘못 거셨어요"))).outcome == outcomes.WRONG_NUMBER
    d = dialog("reminder", data=APPT)
    d.start()
    assert end(d.on_input(Heard(text="나중에 다시 전화 주세요"))).outcome == outcomes.CALLBACK
    d = dialog("reminder", data=APPT)
    d.start()
    assert keys(d.on_input(Heard(silence=True)))[0] == "ob_not_understood"
    d.on_input(Heard(silence=True))
    assert end(d.on_input(Heard(silence=True))) is not None


def test_voicemail_message_has_no_health_detail():
    actions = VoicemailDialog().start()
    assert keys(actions) == ["ob_voicemail"] and end(actions).outcome == outcomes.VOICEMAIL_LEFT
    assert "예약" not in PHRASES["ob_voicemail"] and "치료" not in PHRASES["ob_voicemail"]
