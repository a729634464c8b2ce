"""The campaign conversations as pure dialogs: notices first, a generic purpose, the birth date before any
patient detail, keypad and speech, opt-out honoured and confirmed, problems to staff, bookings and
cancellations through ops; a family's appointments in one call; the answering-machine message."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation import outcomes
from appliance.conversation.actions import End, Heard, Listen, Say, spoken_keys
from appliance.conversation.campaigns import CampaignDialog, People, VoicemailDialog
from appliance.commands.chat import render_says
from appliance.data.emr.model import Patient

NOW = dt.datetime(2026, 11, 25, 10, 0)
MINSU = Patient(id="55", name="김민수", birth_date=dt.date(1985, 3, 2), sex="M")
MOTHER = Patient(id="1", name="김지영", birth_date=dt.date(1982, 9, 18), sex="F")
SON = Patient(id="2", name="김도윤", birth_date=dt.date(2014, 5, 7), sex="M")
DAUGHTER = Patient(id="3", name="김서아", birth_date=dt.date(2017, 8, 21), sex="F")
APPT = {"appointment": {"id": "55", "start": "2026-11-26T15:30:00", "duration_min": 30, "treatment": "scaling"}}
FAMILY = {"appointments": [
    {"id": "71", "patient_id": "2", "start": "2026-11-26T15:00:00", "duration_min": 30, "treatment": "checkup",
     "doctor": "김민호", "chair": "1", "minor": True},
    {"id": "72", "patient_id": "3", "start": "2026-11-26T15:30:00", "duration_min": 30, "treatment": "checkup",
     "doctor": "김민호", "chair": "1", "minor": True},
]}


class Ops:
    call_id = None

    def __init__(self, open_=True, slots=None, people=None):
        self.log: list[tuple] = []
        self.open_ = open_
        self.slots = slots if slots is not None else [dt.datetime(2026, 11, 27, 10), dt.datetime(2026, 11, 27, 11)]
        self._people = people if people is not None else People([MINSU])

    def people(self):
        return self._people

    def find_slots(self, treatment, limit):
        self.log.append(("find_slots", treatment))
        return self.slots

    def book(self, start, treatment, patient_id):
        self.log.append(("book", start, treatment, patient_id))
        return True

    def reschedule(self, appointment, start):
        self.log.append(("reschedule", appointment["id"], start))
        return True

    def cancel(self, appointment):
        self.log.append(("cancel", appointment["id"]))
        return True

    def opt_out(self, source, scope):
        self.log.append(("opt_out", source, scope))

    def callback(self, reason, priority, note=None):
        self.log.append(("callback", priority))

    def clinic_open(self):
        return self.open_

    def changes(self):
        return [e for e in self.log if e[0] in ("book", "reschedule", "cancel")]


def dialog(campaign, kind="INFO", ops=None, patient_id="55", **kw):
    return CampaignDialog(campaign=campaign, kind=kind, ops=ops or Ops(), patient_id=patient_id, now=lambda: NOW, **kw)


def keys(actions):
    return [a.key or a.text for a in actions if isinstance(a, Say)]


def said(actions):
    return render_says(actions, "미소치과")


def end(actions):
    last = actions[-1]
    return last if isinstance(last, End) else None


def verified(d, birth="#850302"):
    d.start()
    return d.on_input(Heard(dtmf=birth[1:]) if birth.startswith("#") else Heard(text=birth))


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


def test_emr_unreadable_nobody_can_be_verified_the_call_ends_politely_and_is_retried():
    class Down(Ops):
        def people(self):
            return None

    out = dialog("reminder", ops=Down(), data=APPT).start()
    assert keys(out)[-1] == "ob_identity_unavailable" and end(out).outcome == outcomes.UNREACHABLE


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
    asked = d.on_input(Heard(text="내일 못 갈 것 같아요"))
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
