"""`dentalcall chat --campaign NAME [--patient ID] --demo --script`: every campaign call in text, on the demo
EMR, with the real side effects (CRM booking requests, opt-outs, callbacks): confirm, cancel, reschedule,
opt-out, "누구세요?" and "지금 바빠요" on each campaign."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from appliance.commands.chat import chat
from appliance.data.emr import seed

NOW = "2026-11-23T10:00"
TODAY = dt.date(2026, 11, 23)
CAMPAIGNS = ["reminder", "happy_call", "implant_checkup", "insurance_scaling", "recall", "insured_treatment"]


def demo_birth(pid: int) -> str:
    """The birth date (YYMMDD) the demo EMR gives a patient (same seed and day as `chat --demo`)."""
    rows = seed.generate(300, seed=7, today=TODAY)["PATIENT"]
    return next(r[5] for r in rows if r[0] == pid)[2:]


MOTHER = demo_birth(1)  # the family phone: patient 1 and her children 2 and 3 (appointments tomorrow)


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path / "home"))

    def go(campaign: str, lines: list[str], patient: str | None = None) -> tuple[list[dict], dict]:
        args = ["--demo", "--now", NOW, "--campaign", campaign, "--script", "-"]
        if patient:
            args += ["--patient", patient]
        result = CliRunner().invoke(chat, args, input="\n".join(lines) + "\n")
        assert result.exit_code == 0, result.output
        out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        assert "summary" in out[-1]
        return out[:-1], out[-1]["summary"]

    return go


def patient_for(campaign: str) -> str:
    return "2" if campaign == "reminder" else "1"


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_opening_says_nothing_about_the_patient_before_the_birth_date(run, campaign):
    turns, summary = run(campaign, ["#900101", "#900102", "#900103"], patient_for(campaign))
    said = " ".join(t["say"] for t in turns)
    assert turns[0]["state"] == "ask_birth" and "AI 상담원" in turns[0]["say"] and "녹음" not in turns[0]["say"]
    for secret in ("김", "예약이 있", "임플란트", "스케일링", "검진", "치료 후", "보험"):
        assert secret not in said, secret
    assert summary["booking_requests"] == [] and summary["opt_outs"] == []
    assert summary["outcome"] in ("transferred", "callback_requested")
    if campaign in ("insurance_scaling", "recall", "insured_treatment"):
        assert "광고" in turns[0]["say"] and "9번" in turns[0]["say"]


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_opt_out_is_stored_on_every_campaign(run, campaign):
    _, summary = run(campaign, ["수신거부 할게요"], patient_for(campaign))
    assert summary["outcome"] == "opted_out" and summary["opt_outs"][0]["source"] == "call_speech"
    assert summary["opt_outs"][0]["scope"] == ("all" if campaign in ("reminder", "happy_call", "implant_checkup")
                                               else "ad")


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_who_is_calling_is_answered_and_the_call_goes_on(run, campaign):
    turns, summary = run(campaign, ["누구세요?", "#" + MOTHER, "지금 바빠요"], patient_for(campaign))
    assert turns[1]["say"].startswith("미소치과 AI 상담원입니다.") and turns[1]["state"] == "ask_birth"
    assert "확인되었습니다" in turns[2]["say"]
    assert summary["outcome"] == "callback_requested" and summary["callbacks"][0]["priority"] == 5
    assert turns[-1]["say"].startswith("네, 편하실 때 다시 연락드리겠습니다")


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_busy_right_now_ends_with_a_promise_to_call_again(run, campaign):
    turns, summary = run(campaign, ["지금 바빠요"], patient_for(campaign))
    assert summary["outcome"] == "callback_requested" and len(turns) == 2


CONFIRM = {  # the campaign's "yes": keep the visit / book the offered time / all is well
    "reminder": (["네 갈게요"], "confirmed"),
    "happy_call": (["괜찮아요"], "answered"),
    "implant_checkup": (["#2", "#1"], "booked"),
    "insurance_scaling": (["네", "#1"], "booked"),
    "recall": (["네 예약할게요", "네"], "booked"),
    "insured_treatment": (["#1", "#1"], "booked"),
}
CANCEL = {  # the campaign's "no": cancel the visit / decline the offer / report a problem
    "reminder": (["취소해 주세요", "#1", "네"], "cancelled"),  # which ones? 1 = all
    "happy_call": (["네 아직 많이 부어 있어요"], "problem_reported"),
    "implant_checkup": (["#3"], "declined"),
    "insurance_scaling": (["아니요 괜찮아요"], "declined"),
    "recall": (["#2"], "declined"),
    "insured_treatment": (["아니요"], "declined"),
}
RESCHEDULE = {  # another time: move the visit / none of the times offered suits
    "reminder": (["#2", "#1", "#1", "#1"], "rescheduled"),
    "implant_checkup": (["#2", "#2", "#2", "#2"], "callback_requested"),
    "insurance_scaling": (["#1", "다른 시간이요", "아니요", "#2"], "callback_requested"),
    "recall": (["#1", "#2", "#2", "#2"], "callback_requested"),
    "insured_treatment": (["#1", "#2", "#2", "#2"], "callback_requested"),
}


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_confirm(run, campaign):
    lines, outcome = CONFIRM[campaign]
    turns, summary = run(campaign, ["#" + MOTHER, *lines], patient_for(campaign))
    assert summary["outcome"] == outcome, turns
    if outcome == "booked":
        assert [r["action"] for r in summary["booking_requests"]] == ["book"]
        assert summary["booking_requests"][0]["patient_id"] == "1"
        assert "이대로 예약해 드릴까요" in turns[-2]["say"]
    if campaign == "reminder":
        assert summary["events"].count("confirmed") == 2  # both children's appointments
        assert "자녀분 두 분 예약이 있습니다" in turns[1]["say"]


@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_cancel_or_decline(run, campaign):
    lines, outcome = CANCEL[campaign]
    turns, summary = run(campaign, ["#" + MOTHER, *lines], patient_for(campaign))
    assert summary["outcome"] == outcome, turns
    if campaign == "reminder":
        assert summary["events"] == ["identity_confirmed", "cancelled", "cancelled"]
    if campaign == "happy_call":
        assert summary["callbacks"][0]["priority"] == 1 and turns[-1]["next"] == "transfer"  # open: staff now
    assert all(r["action"] == "cancel" for r in summary["booking_requests"])


@pytest.mark.parametrize("campaign", sorted(RESCHEDULE))
def test_reschedule_or_another_time(run, campaign):
    lines, outcome = RESCHEDULE[campaign]
    turns, summary = run(campaign, ["#" + MOTHER, *lines], patient_for(campaign))
    assert summary["outcome"] == outcome, turns
    if campaign == "reminder":
        actions = sorted(r["action"] for r in summary["booking_requests"])
        assert actions == ["book", "book", "cancel", "cancel"]  # both children moved, old times released
        assert {r["patient_id"] for r in summary["booking_requests"]} == {"2", "3"}
    else:
        assert summary["booking_requests"] == [] and summary["callbacks"][0]["priority"] == 4


def test_single_appointment_reminder_with_the_patients_own_birth_date(run, tmp_path):
    from appliance.data.emr.connector import EMR

    url = f"sqlite:///{tmp_path / 'emr.sqlite'}"
    seed.seed_demo(url, patients=300, seed=7, today=TODAY)
    emr = EMR(url, "reference")
    patient = next(p for a in emr.appointments_between(TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=14))
                   if a.patient_id and a.status == "booked" and (p := emr.get_patient(a.patient_id))
                   and p.status == "active" and p.phones and len(emr.find_patients_by_phone(p.phones[0])) == 1
                   and p.birth_date.year < 2010)
    turns, summary = run("reminder", [patient.birth_date.strftime("%Y년 %m월 %d일"), "취소할게요", "#1"], patient.id)
    assert f"{patient.name} 님, 확인되었습니다." in turns[1]["say"] and "예약이 있습니다" in turns[1]["say"]
    assert summary["outcome"] == "cancelled" and summary["booking_requests"][0]["patient_id"] == patient.id


def test_unknown_patient_is_a_clear_error(run):
    result = CliRunner().invoke(chat, ["--demo", "--now", NOW, "--campaign", "recall", "--patient", "99999",
                                       "--script", "-"], input="\n")
    assert result.exit_code != 0 and "99999" in result.output and "Traceback" not in result.output
