"""A refusal heard but not understood as one (``optout_check``): the caller is asked once; yes stores the opt-out
(CRM row, "수신거부 처리되었습니다", outcome opted_out), no or anything else goes back to the open question and stores
nothing. Campaign calls through ``dentalcall chat --campaign`` (demo EMR, real CRM); inbound calls on the
receptionist with a real SQLite EMR and CRM."""

from __future__ import annotations

import pytest

from appliance.conversation import outcomes
from appliance.conversation.actions import Heard, spoken_keys
from appliance.data import crm_records
from tests.opt_out_support import refusal_the_rules_miss
from tests.test_chat_campaigns import MOTHER
from tests.test_chat_campaigns import run as run  # a fixture
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.receptionist_support import UNKNOWN, Talk
from tests.receptionist_support import crm_db as crm_db  # fixtures
from tests.receptionist_support import make as make
from tests.campaign_dialog_support import Ops, dialog, end, keys, verified

CHECK = "앞으로 병원 안내 연락을 그만 받으시겠어요?"
DONE = "수신거부 처리되었습니다"
ADVERTS = ["recall", "insurance_scaling"]


# --- campaign calls -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("campaign", ADVERTS)
def test_an_advert_refused_in_other_words_is_asked_and_a_yes_opts_out(run, campaign):
    refusal = refusal_the_rules_miss("offer")
    turns, summary = run(campaign, ["#" + MOTHER, refusal, "네"], "1")
    assert turns[1]["state"] == "offer"
    assert turns[2]["state"] == "optout_check" and turns[2]["say"] == CHECK
    assert DONE in turns[3]["say"] and turns[3]["outcome"] == "opted_out"
    assert summary["outcome"] == "opted_out"
    assert summary["opt_outs"] == [{"scope": "ad", "source": "call_speech"}]  # the CRM row
    assert summary["events"] == ["identity_confirmed", "opt_out_check", "opted_out"]
    assert summary["booking_requests"] == []


@pytest.mark.parametrize("campaign", ADVERTS)
def test_a_no_to_the_check_asks_the_offer_again_and_stores_nothing(run, campaign):
    refusal = refusal_the_rules_miss("offer")
    turns, summary = run(campaign, ["#" + MOTHER, refusal, "아니요", "#2"], "1")
    assert turns[2]["state"] == "optout_check"
    assert turns[3]["state"] == "offer"
    assert turns[3]["say"] == "네, 알겠습니다. 진료 예약 도와드릴까요? 네는 1번, 아니요는 2번을 눌러 주세요."
    assert summary["opt_outs"] == [] and summary["outcome"] == "declined"  # the offer, answered as before
    assert summary["events"] == ["identity_confirmed", "opt_out_check", "opt_out_not_confirmed"]


def test_an_unclear_answer_is_no_confirmation(run):
    turns, summary = run("recall", ["#" + MOTHER, refusal_the_rules_miss("offer"), "음 글쎄요", "네", "네"], "1")
    assert turns[3]["state"] == "offer" and DONE not in turns[3]["say"]
    assert "진료 예약 도와드릴까요?" in turns[3]["say"] and not turns[3]["say"].startswith("네, 알겠습니다")
    assert summary["opt_outs"] == [] and summary["outcome"] == "booked"  # the offer went on: yes, yes


def test_after_a_no_the_check_is_not_asked_again_in_the_call(run):
    """The caller said they want the clinic's calls: the same kind of words later in the call are not asked about
    again (the offer answers them); a refusal in so many words still opts out."""
    refusal = refusal_the_rules_miss("offer")
    turns, summary = run("recall", ["#" + MOTHER, refusal, "아니요", refusal, "#2"], "1")
    assert [t["state"] for t in turns[2:4]] == ["optout_check", "offer"]
    assert turns[4]["state"] != "optout_check" and CHECK not in turns[4]["say"]
    assert summary["events"].count("opt_out_check") == 1 and summary["opt_outs"] == []
    turns, summary = run("recall", ["#" + MOTHER, refusal, "아니요", "수신거부요"], "1")
    assert summary["outcome"] == "opted_out" and summary["opt_outs"] == [{"scope": "ad", "source": "call_speech"}]


def test_unclear_answers_are_asked_about_twice_at_most(run):
    refusal = refusal_the_rules_miss("offer")
    turns, summary = run("recall", ["#" + MOTHER, refusal, "음 글쎄요", refusal, "글쎄요 뭐", refusal, "#2"], "1")
    states = [t["state"] for t in turns]
    assert states[2] == "optout_check" and states[4] == "optout_check"
    assert states[6] != "optout_check" and CHECK not in turns[6]["say"]
    assert summary["events"].count("opt_out_check") == 2 and summary["opt_outs"] == []


@pytest.mark.parametrize("line, source", [("#1", "call_speech"), ("#9", "call_dtmf"), ("안 받을래요", "call_speech")])
def test_key_1_key_9_or_a_refusal_in_words_confirms(run, line, source):
    turns, summary = run("recall", ["#" + MOTHER, refusal_the_rules_miss("offer"), line], "1")
    assert turns[2]["state"] == "optout_check"
    assert summary["outcome"] == "opted_out" and summary["opt_outs"] == [{"scope": "ad", "source": source}]


def test_a_reminder_refused_in_other_words(run):
    """"이런 전화 …" on a reminder is a wish about calls too: asked; yes stores an opt-out of every call."""
    refusal = refusal_the_rules_miss("reminder")
    turns, summary = run("reminder", ["#" + MOTHER, refusal, "네"], "2")
    assert turns[1]["state"] == "reminder_family" and turns[2]["say"] == CHECK
    assert DONE in turns[3]["say"]
    assert summary["outcome"] == "opted_out" and summary["opt_outs"] == [{"scope": "all", "source": "call_speech"}]
    assert summary["booking_requests"] == []  # nothing cancelled on the way


def test_a_reminder_no_goes_back_to_the_reminder_question(run):
    turns, summary = run("reminder", ["#" + MOTHER, refusal_the_rules_miss("reminder"), "아니요", "네 갈게요"], "2")
    assert turns[3]["state"] == "reminder_family"
    assert turns[3]["say"] == "네, 알겠습니다. 예약대로 오시면 1번, 변경은 2번, 취소는 3번을 누르시거나 말씀해 주세요."
    assert summary["outcome"] == "confirmed" and summary["opt_outs"] == [] and summary["booking_requests"] == []
    assert summary["events"].count("confirmed") == 2


def test_before_the_birth_date_the_check_goes_back_to_the_birth_date(run):
    turns, summary = run("recall", [refusal_the_rules_miss("birth"), "아니요", "#" + MOTHER], "1")
    assert turns[1]["state"] == "optout_check" and turns[2]["state"] == "ask_birth"
    assert "생년월일" in turns[2]["say"] and "확인되었습니다" in turns[3]["say"]
    assert summary["opt_outs"] == []


# --- inbound calls ------------------------------------------------------------------------------------------
def test_inbound_refusal_in_other_words_is_asked_and_a_yes_is_stored(make):
    refusal = refusal_the_rules_miss("need")
    t = Talk(make(caller=UNKNOWN))(refusal)
    assert t.keys() == ["opt_out_check"] and t.said() == CHECK and not crm_records.is_opted_out(UNKNOWN)
    t("네")
    assert t.keys() == ["opt_out_done", "anything_else"] and DONE in t.said()
    assert crm_records.is_opted_out(UNKNOWN)
    row = crm_records.OptOut.get()
    assert (row.phone, row.source, row.scope) == ("01099991234", "call_speech", "ad")
    t("아니요")
    assert t.end.outcome == outcomes.OPTED_OUT
    assert [e.kind for e in t.dialog.events] == ["opt_out_check", "opt_out"]


def test_inbound_no_goes_back_to_what_the_caller_was_asked(make):
    t = Talk(make(caller=UNKNOWN))(refusal_the_rules_miss("need"), "아니요")
    assert t.keys() == ["understood", "reask_need"] and t.dialog.state == "need"
    assert crm_records.OptOut.select().count() == 0
    t("진료시간 알려 주세요")
    assert "hours_intro" in t.keys()
    assert [e.kind for e in t.dialog.events][:2] == ["opt_out_check", "opt_out_not_confirmed"]


def test_inbound_no_during_a_booking_reads_the_proposal_again(make):
    t = Talk(make(caller=UNKNOWN))("예약하고 싶어요", "스케일링이요", "내일 오후요")
    assert t.dialog.state == "propose"
    t(refusal_the_rules_miss("proposal"))
    assert t.keys() == ["opt_out_check"]
    t("아니요")
    assert t.dialog.state == "propose" and t.keys() == ["understood", "book_this"]
    assert "십일월 이십사 일 화요일 오후 두 시, 스케일링" in t.said() and crm_records.OptOut.select().count() == 0


# --- the answers to the check, on the pure campaign dialog ----------------------------------------------------
@pytest.mark.parametrize("answer, opted_out", [
    ("네", True), ("네 그만 받을게요", True), ("안 받을래요", True), ("아니요 안 받을래요", True),
    ("수신거부요", True), ("네 빼 주세요", True), ("더는 연락 주지 마세요", True),
    ("계속 문자 오는데 그만 받을래요", True), ("아니 문자 보내지 말라고요", True),
    ("아니요", False), ("아니요 계속 받을게요", False), ("받을게요", False), ("아니요 괜찮아요", False),
    ("아니요 필요 없어요", False), ("수신거부 하지 마세요", False), ("아니요 빼지 마세요", False), ("싫어요", False),
    ("스케일링은 얼마예요?", False), ("음", False),
])
def test_only_a_yes_or_a_refusal_in_words_stores_the_opt_out(answer, opted_out):
    ops = Ops()
    d = dialog("insurance_scaling", kind="AD", ops=ops)
    verified(d)
    asked = d.on_input(Heard(text=refusal_the_rules_miss("offer")))
    assert keys(asked) == ["opt_out_check"] and d.state == "optout_check"
    out = d.on_input(Heard(text=answer))
    if opted_out:
        assert end(out).outcome == outcomes.OPTED_OUT and ops.log[-1][:2] == ("opt_out", "call_speech")
    else:
        assert end(out) is None and d.state == "offer" and not any(e[0] == "opt_out" for e in ops.log)
        assert keys(out)[-2:] == spoken_keys("ob_offer_booking")


def test_staff_and_an_emergency_still_work_on_the_check():
    d = dialog("recall", kind="AD", ops=Ops(open_=True), detail="scaling")
    verified(d)
    d.on_input(Heard(text=refusal_the_rules_miss("offer")))
    assert end(d.on_input(Heard(dtmf="0"))).next == "transfer"
    d = dialog("recall", kind="AD", ops=Ops(open_=True), detail="scaling")
    verified(d)
    d.on_input(Heard(text=refusal_the_rules_miss("offer")))
    out = d.on_input(Heard(text="잇몸에서 피가 계속 나요"))
    assert end(out).outcome == outcomes.PROBLEM_REPORTED


def test_no_text_please_answers_the_text_offer_and_is_not_asked_about(make):
    """"예약 내용을 문자로 보내 드릴까요?" - "문자는 필요 없어요" answers it; a refusal from now on is still asked."""
    t = Talk(make(caller=UNKNOWN))("예약하고 싶어요", "스케일링이요", "내일 오후요", "네", "김철수요")
    assert t.dialog.state == "offer_sms"
    t("문자는 필요 없어요")
    assert "opt_out_check" not in t.keys() and t.dialog.state != "optout_check"
    t = Talk(make(caller=UNKNOWN))("예약하고 싶어요", "스케일링이요", "내일 오후요", "네", "김철수요")
    t(refusal_the_rules_miss("offer"))
    assert t.keys() == ["opt_out_check"]
    t("아니요")
    assert t.dialog.state == "offer_sms" and t.keys() == ["understood", "offer_sms", "yes_no_keys"]
    assert crm_records.OptOut.select().count() == 0
