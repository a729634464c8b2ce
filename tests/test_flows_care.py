"""Medical questions and questions the facts do not cover (issue 15): never advice, never a re-ask loop; the
question lands in the staff queue with its words, and the earliest visit is offered. The language layer's
intents ``medical_question`` / ``question_other`` are given to the dialog directly here."""

from __future__ import annotations

from appliance.conversation import outcomes
from appliance.data import crm_records
from appliance.language import understand as real_understand
from tests.test_flows_receptionist import NIGHT, UNKNOWN, Talk, crm_db, emr_url, make  # noqa: F401 (fixtures)

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

