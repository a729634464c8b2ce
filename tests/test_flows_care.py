"""Medical questions and questions the facts do not cover (issue 15): never advice, never a re-ask loop; the
question lands in the staff queue with its words, and the earliest visit is offered. The language layer's
intents ``medical_question`` / ``question_other`` are given to the dialog directly here."""

from __future__ import annotations

from appliance.conversation import outcomes
from appliance.conversation.actions import Say
from appliance.data import crm_records
from appliance.language import understand as real_understand
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.receptionist_support import NIGHT, UNKNOWN, Talk
from tests.receptionist_support import crm_db as crm_db  # fixtures
from tests.receptionist_support import make as make

PAINKILLER = "사랑니 뽑은 자리가 아직 아픈데 진통제 더 먹어도 돼요?"
BLEEDING = "어제 이 뺀 데서 피가 계속 나는데 원래 그런가요?"
ORTHO = "교정 기간은 보통 얼마나 걸려요?"


def understand(text, now, expect):
    u = real_understand(text, now, expect=expect)
    if text in (PAINKILLER, BLEEDING):
        u.intent = "medical_question"
        u.urgent = text == BLEEDING
    elif text == ORTHO:
        u.intent = "question_other"
    return u


def test_medical_question_no_advice_staff_queue_and_the_earliest_visit(make):
    t = Talk(make(caller=UNKNOWN, understand=understand))(PAINKILLER)
    assert t.keys() == ["medical_no_advice", "offer_earliest"]
    assert "드세요" not in t.said() and "괜찮" not in t.said()  # no advice of any kind
    cb = crm_records.Callback.get()
    assert cb.note == PAINKILLER and cb.priority == 3 and cb.phone == "01099991234"
    t("네")
    assert t.keys()[-1] == "book_this" and "검진" in t.said()  # the earliest free check-up offered
    assert t.dialog.outcome == outcomes.CALLBACK and [e.kind for e in t.dialog.events][:2] == ["medical_question",
                                                                                               "callback"]


def test_urgent_medical_question_takes_the_emergency_path_with_the_question(make):
    t = Talk(make(caller=UNKNOWN, understand=understand))(BLEEDING)
    assert t.end.next == "transfer" and t.end.outcome == outcomes.EMERGENCY
    cb = crm_records.Callback.get()
    assert cb.priority == 1 and cb.note == BLEEDING
    t = Talk(make(caller=UNKNOWN, now=NIGHT, understand=understand))(BLEEDING)
    assert t.end.next == "voicemail" and "응급실" in t.said()


def test_question_for_staff_is_saved_not_reasked(make):
    t = Talk(make(caller=UNKNOWN, understand=understand))(ORTHO)
    assert t.keys() == ["question_to_staff", "anything_else"] and "reask_need" not in t.keys()
    cb = crm_records.Callback.get()
    assert cb.note == ORTHO and "원장님" in cb.reason
    t("아니요")
    assert t.end.outcome == outcomes.CALLBACK


def test_withheld_number_is_told_the_truth_about_the_callback(make):
    t = Talk(make(caller=None, understand=understand))(ORTHO)
    assert t.keys() == ["callback_no_number", "anything_else"]
    assert crm_records.Callback.get().note == ORTHO  # staff still see the question



SMOKING = "이 뽑고 나서 담배 피워도 되나요?"


def readback(turn):
    return [a.text for a in turn if isinstance(a, Say) and a.text]


def test_a_medical_question_during_a_booking_is_answered_and_the_booking_goes_on(make):
    """Asked in the middle of a booking question, a medical question gets the no-advice answer and a staff
    callback with its words, and then the booking question again (not a re-ask as if it were not understood,
    not the end of the booking)."""
    t = Talk(make(caller=UNKNOWN))("예약하고 싶어요", "스케일링이요")
    assert t.dialog.state == "ask_date"
    t(SMOKING)
    assert t.keys() == ["medical_no_advice", "ask_date"] and t.dialog.state == "ask_date"
    assert "ask_date_again" not in t.keys() and "피워도" not in t.said()
    cb = crm_records.Callback.get()
    assert cb.note == SMOKING and cb.priority == 3
    t(ORTHO)  # a question for staff: saved, then the same question again
    assert t.keys() == ["question_to_staff", "ask_date"]
    assert [c.note for c in crm_records.Callback.select().order_by(crm_records.Callback.id)] == [SMOKING, ORTHO]
    t("내일 오후요")
    assert t.dialog.state == "propose"
    offered = readback(t.last)
    t("임플란트 하고 나서 술 마셔도 돼요?")  # while a time is offered: answered, then the same time offered again
    assert t.keys() == ["medical_no_advice", "book_this"] and readback(t.last) == offered and offered
    t("네")
    assert t.dialog.landed["booking"]["treatment"] == "scaling" and t.dialog.outcome == outcomes.BOOKED
    assert [e.kind for e in t.dialog.events].count("medical_question") == 2


def test_facts_asked_during_a_booking_are_answered_then_the_booking_question_again(make):
    t = Talk(make(caller=UNKNOWN))("스케일링 예약하고 싶어요", "내일 오후요")
    assert t.dialog.state == "propose"
    t("보험 돼요?")  # about the treatment being booked
    assert t.keys() == ["insurance_scaling", "book_this"] and t.dialog.state == "propose"
    t("주차는 돼요?")
    assert "지하 주차장" in t.said() and t.keys() == ["book_this"]
    t("네")
    assert t.dialog.landed["booking"]["treatment"] == "scaling"
    assert crm_records.Callback.select().count() == 0


def test_an_urgent_medical_question_during_a_booking_is_an_emergency(make):
    t = Talk(make(caller=UNKNOWN, understand=understand))("예약하고 싶어요", "스케일링이요", BLEEDING)
    assert t.end.next == "transfer" and t.end.outcome == outcomes.EMERGENCY
    assert crm_records.Callback.get().priority == 1


LATE = "지금 가는 중인데 차가 막혀서 십 분 정도 늦을 것 같아요"


def test_a_patient_running_late_is_told_the_desk_knows_and_the_desk_sees_it(make):
    t = Talk(make(caller=UNKNOWN))(LATE)
    assert t.keys() == ["running_late_noted", "anything_else"]
    assert "조심히 오세요" in t.said() and "원장님께 여쭤보고" not in t.said()  # a message, not a question
    cb = crm_records.Callback.get()
    assert cb.note == LATE and "도착 지연" in cb.reason and cb.priority == 2 and cb.phone == "01099991234"
    t("아니요")
    assert t.end.outcome == outcomes.CALLBACK
    assert "running_late" in [e.kind for e in t.dialog.events]


def test_late_with_a_move_asked_is_a_move_not_a_message(make):
    t = Talk(make(caller=UNKNOWN))("가는 중인데 많이 늦을 것 같아서 예약 좀 다른 날로 바꿔 주세요")
    assert "running_late_noted" not in t.keys()
