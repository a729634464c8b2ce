"""The other campaign conversations as pure dialogs: advertising calls (opt-out offered and honoured at once,
scaling and recall bookings), the happy call (problems to staff), the implant check, the answering-machine message,
and what any campaign call answers on the way (staff, wrong number, later, who is calling, is this an AI, silence)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation import outcomes
from appliance.conversation.actions import Heard, Listen, spoken_keys
from appliance.conversation.campaigns import VoicemailDialog
from tests.campaign_dialog_support import APPT, Ops, dialog, end, keys, said, verified


def test_ad_call_offers_opt_out_and_honours_keypad_9_at_once_even_before_identity():
    ops = Ops()
    d = dialog("insurance_scaling", kind="AD", ops=ops)
    said_first = keys(d.start())
    assert said_first[:3] == ["greeting_unrecorded", "ob_optout_notice", "ob_purpose_generic"]
    out = d.on_input(Heard(dtmf="9"))
    assert keys(out) == spoken_keys("ob_opted_out") and end(out).outcome == outcomes.OPTED_OUT
    assert said(out) == "네, 수신거부 처리되었습니다. 앞으로 안내 전화는 드리지 않겠습니다. 좋은 하루 보내세요."
    assert ops.log == [("opt_out", "call_dtmf", "ad")]


def test_ad_opt_out_by_speech_and_scaling_booking():
    ops = Ops()
    d = dialog("insurance_scaling", kind="AD", ops=ops)
    pitch = verified(d)
    assert keys(pitch) == ["confirmed_short", "ob_purpose_scaling", "insurance_scaling", *spoken_keys("ob_offer_booking")]
    assert end(d.on_input(Heard(text="수신 거부할게요"))).outcome == outcomes.OPTED_OUT
    assert ops.log[-1] == ("opt_out", "call_speech", "ad")
    ops = Ops()
    d = dialog("insurance_scaling", kind="AD", ops=ops)
    verified(d)
    d.on_input(Heard(dtmf="1"))
    out = d.on_input(Heard(dtmf="1"))
    assert end(out).outcome == outcomes.BOOKED and ops.changes() == [
        ("book", dt.datetime(2026, 11, 27, 10, 0), "scaling", "55")]


def test_recall_says_why_from_the_last_treatment_only_after_identity():
    d = dialog("recall", kind="AD", detail="implant")
    assert "ob_recall_why_implant" not in keys(d.start())
    assert keys(d.on_input(Heard(dtmf="850302")))[1:] == ["ob_recall_pitch", "ob_recall_why_implant",
                                                           *spoken_keys("ob_offer_booking")]
    assert end(d.on_input(Heard(dtmf="2"))).outcome == outcomes.DECLINED


def test_happy_call_problem_goes_to_staff_now_or_urgent_callback():
    ops = Ops(open_=True)
    d = dialog("happy_call", ops=ops)
    assert keys(verified(d))[-1] == "ob_happy_ask"
    out = d.on_input(Heard(text="피가 계속 나고 많이 아파요"))
    assert end(out).next == "transfer" and end(out).outcome == outcomes.PROBLEM_REPORTED
    assert ("callback", 1) in ops.log
    ops = Ops(open_=False)
    d = dialog("happy_call", ops=ops)
    verified(d)
    out = d.on_input(Heard(dtmf="1"))
    assert keys(out) == ["ob_problem_callback"] and end(out).next == "hangup" and ("callback", 1) in ops.log
    d = dialog("happy_call")
    verified(d)
    assert end(d.on_input(Heard(text="괜찮아요"))).outcome == outcomes.ANSWERED


def test_implant_checkup_books_a_check():
    ops = Ops()
    d = dialog("implant_checkup", ops=ops)
    assert keys(verified(d))[1:] == ["ob_purpose_implant", "ob_implant_ask"]
    d.on_input(Heard(dtmf="2"))
    assert end(d.on_input(Heard(dtmf="1"))).outcome == outcomes.BOOKED
    assert ops.log[0] == ("find_slots", "checkup")


def test_staff_wrong_number_later_who_and_silence():
    d = dialog("recall", kind="AD")
    d.start()
    assert end(d.on_input(Heard(dtmf="0"))).next == "transfer"
    ops = Ops(open_=False)
    d = dialog("recall", kind="AD", ops=ops)
    d.start()
    assert end(d.on_input(Heard(text="직원 바꿔 주세요"))).outcome == outcomes.CALLBACK
    d = dialog("reminder", data=APPT)
    d.start()
    assert end(d.on_input(Heard(text="잘못 거셨어요"))).outcome == outcomes.WRONG_NUMBER
    d = dialog("reminder", data=APPT)
    d.start()
    assert end(d.on_input(Heard(text="지금 바빠요"))).outcome == outcomes.CALLBACK
    d = dialog("reminder", data=APPT)
    d.start()
    out = d.on_input(Heard(text="누구세요?"))
    assert keys(out) == ["ob_who_we_are", "ask_birth_again"] and isinstance(out[-1], Listen)
    assert d.state == "ask_birth" and "미소치과" in said(out)
    d = dialog("happy_call")
    verified(d, "팔오 공삼 공이")
    assert keys(d.on_input(Heard(silence=True))) == ["sorry_again", "ob_happy_ask"]
    d.on_input(Heard(silence=True))
    assert end(d.on_input(Heard(silence=True))) is not None


@pytest.mark.parametrize("kind,head,tail", [("INFO", "ob_voicemail", "ob_voicemail_end"),
                                            ("AD", "ob_voicemail_ad", "ob_voicemail_ad_end")])
def test_voicemail_message_has_no_health_detail_and_says_who_and_how_to_refuse(kind, head, tail):
    actions = VoicemailDialog(kind=kind, clinic_phone="02-555-0100").start()
    assert keys(actions) == [*spoken_keys(head), "ob_voicemail_number", "공이, 오오오, 공일공공.", tail]
    assert end(actions).outcome == outcomes.VOICEMAIL_LEFT
    text = said(actions)
    assert "AI 상담원" in text and "미소치과" in text and "예약" not in text and "치료" not in text
    if kind == "AD":
        assert "광고" in text and "수신거부" in text


def test_campaign_call_answers_and_returns_to_the_question():
    d = dialog("reminder", data=APPT)
    d.start()
    out = d.on_input(Heard(text="잠깐만요 이거 AI예요?"))
    assert keys(out)[0] == ("about_call_recorded" if d.recorded else "about_call_unrecorded")
    assert d.state == "ask_birth" and "AI 상담원" in said(out)


def test_a_doubt_about_who_calls_is_answered_and_the_question_asked_again():
    d = dialog("recall", kind="AD")
    d.start()
    out = d.on_input(Heard(text="보이스피싱 아니에요?"))
    assert keys(out)[:2] == ["ob_who_we_are", "ob_call_us_back"] and d.state == "ask_birth"
    out = d.on_input(Heard(text="제 번호는 어떻게 아셨어요"))
    assert keys(out)[0] == "ob_your_number" and d.state == "ask_birth" and d.outcome is None
