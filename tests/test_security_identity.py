"""Caller ID is not identity (issue 11 item 1): every flow that reads back or changes patient data is tried by
someone who does not know the patient's birth date — a spoofed caller ID on an inbound call, the wrong person
answering a campaign call (a family phone, a minor's phone answered by a sibling) — and nothing about the
patient is said, nothing changes in the EMR or the CRM, and nothing is logged as disclosed; the right birth
date unlocks each flow (and is logged in the access log). Real SQLite EMR (the seeded demo schema), real CRM.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from appliance.conversation.actions import Heard
from appliance.conversation.backend import Backend
from appliance.conversation.booking import TREATMENT_KO
from appliance.conversation.campaigns import CampaignDialog
from appliance.commands.chat import parse_input, render_says
from appliance.conversation.receptionist import Receptionist
from appliance.data import access_log, crm, crm_records
from appliance.data.clinic import facts as factslib
from appliance.data.emr import seed
from appliance.data.emr.connector import EMR
from appliance.language import speak
from appliance.outbound import queue
from appliance.outbound.calls import CallOps
from tests.demo_emr_support import NOW
from tests.demo_emr_support import emr_url as emr_url  # a fixture

WRONG = ["#900101", "#900102", "#900103"]


@pytest.fixture(scope="module")
def victim(emr_url):
    """A patient with an upcoming appointment, alone on their number (the number an attacker spoofs)."""
    emr = EMR(emr_url, "reference")
    for appt in emr.appointments_between(NOW.date() + dt.timedelta(days=2), NOW.date() + dt.timedelta(days=20)):
        p = emr.get_patient(appt.patient_id) if appt.patient_id else None
        if appt.status == "booked" and p and p.status == "active" and p.phones and p.sex == "F" \
                and len(emr.find_patients_by_phone(p.phones[0])) == 1 and appt.treatment in TREATMENT_KO:
            ups = emr.upcoming_appointments(p.id, NOW)
            if ups and ups[0].id == appt.id:
                return p, appt
    pytest.skip("no suitable patient in the demo data")


@pytest.fixture
def crm_db(tmp_path):
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    queue.ensure_tables()
    yield
    crm.database.close()


def secrets(patient, appt) -> list[str]:
    return [patient.name, speak.say_date(appt.start.date()), speak.say_time(appt.start.time()),
            TREATMENT_KO[appt.treatment], "예약이 있습니다"]


def state_of(emr_url, patient):
    emr = EMR(emr_url, "reference")
    return [(a.id, a.start, a.status) for a in emr.upcoming_appointments(patient.id, NOW)]


def nothing_landed(patient) -> None:
    BR = crm_records.BookingRequest
    assert not BR.select().where(BR.patient_id == str(patient.id)).exists()
    assert not BR.select().where(BR.emr_appointment_id.is_null(False)).exists()
    assert not crm_records.StaffNote.select().where(crm_records.StaffNote.patient_id == str(patient.id)).exists()
    assert not access_log.AccessEntry.select().where(access_log.AccessEntry.patient_id == str(patient.id)).exists()


def inbound(emr_url, caller, writes=True):
    facts = factslib.load(factslib.EXAMPLE)
    backend = Backend(facts, emr=EMR(emr_url, "reference", allow_writes=writes), texts=True)
    return Receptionist(clinic_name="미소치과", backend=backend, caller=caller, call_key="sec", now=lambda: NOW,
                        can_say=lambda text: True, recorded=True)


def run(dialog, lines) -> str:
    turns = [dialog.start()]
    for line in lines:
        if turns[-1][-1].__class__.__name__ == "End":
            break
        turns.append(dialog.on_input(parse_input(line)))
    return " ".join(render_says(t, "미소치과") for t in turns)


INBOUND_FLOWS = {
    "confirm": ["예약 확인하려고요"],
    "what time was it": ["예약 몇 시였죠?"],
    "reschedule": ["예약 날짜 좀 바꾸고 싶어요"],
    "cancel": ["예약 취소하고 싶어요"],
    "keypad change": ["#3"],
}


@pytest.mark.parametrize("flow", sorted(INBOUND_FLOWS))
def test_spoofed_caller_id_learns_nothing_and_changes_nothing(flow, emr_url, victim, crm_db):
    patient, appt = victim
    before = state_of(emr_url, patient)
    d = inbound(emr_url, patient.phones[0])
    said = run(d, INBOUND_FLOWS[flow] + WRONG + ["네", "취소해 주세요", "네", "다음 주 금요일 오후", "네"])
    for secret in secrets(patient, appt):
        assert secret not in said, (flow, secret)
    assert not d.identity_confirmed and d.patient is None
    assert state_of(emr_url, patient) == before
    nothing_landed(patient)


@pytest.mark.parametrize("flow", sorted(INBOUND_FLOWS))
def test_the_right_birth_date_unlocks_each_flow(flow, emr_url, victim, crm_db):
    patient, appt = victim
    d = inbound(emr_url, patient.phones[0], writes=False)
    said = run(d, INBOUND_FLOWS[flow] + ["#" + patient.birth_date.strftime("%y%m%d")])
    assert f"{patient.name} 님, 확인되었습니다." in said and speak.say_date(appt.start.date()) in said
    entry = access_log.AccessEntry.get(access_log.AccessEntry.patient_id == str(patient.id))
    assert entry.actor == "ai:phone" and entry.action == "call.disclosed"


def test_spoofed_caller_books_and_answers_the_questionnaire_nothing_lands_on_the_chart(emr_url, victim, crm_db):
    patient, _ = victim
    d = inbound(emr_url, patient.phones[0])
    said = run(d, ["다음 주 월요일 오전 충치 치료 예약할게요"] + WRONG
               + ["네", "#", "아니요", "네", "어금니가 시려요", "네", "아니요", "네", "아니요", "네", "아니요"])
    assert patient.name not in said
    assert d.landed["booking"]["patient_known"] is False and d.landed["questionnaire"]
    row = crm_records.BookingRequest.get()
    assert row.patient_id is None and row.status == "requested"  # a request staff match, not the victim's chart
    note = crm_records.StaffNote.get()
    assert note.patient_id is None and "임신 가능성" in note.text  # not even the sex was used
    nothing_landed(patient)


def test_right_birth_date_books_on_the_chart(emr_url, victim, crm_db):
    patient, _ = victim
    d = inbound(emr_url, patient.phones[0], writes=False)
    run(d, ["다음 주 월요일 오전 충치 치료 예약할게요", patient.birth_date.strftime("%y%m%d"), "네"])
    assert crm_records.BookingRequest.get().patient_id == str(patient.id)


# --- campaign calls ----------------------------------------------------------------------------------------
@dataclasses.dataclass
class Task:
    id: str
    campaign: str
    kind: str
    patient_id: str
    phone: str
    data: dict


def campaign_call(emr_url, task):
    facts = factslib.load(factslib.EXAMPLE)
    ops = CallOps(task, config=None, facts=facts, emr=EMR(emr_url, "reference", allow_writes=True), clock=lambda: NOW)
    return CampaignDialog(campaign=task.campaign, kind=task.kind, ops=ops, facts=facts, patient_id=task.patient_id,
                          data=task.data, now=lambda: NOW, can_say=lambda text: True)


def appt_data(appt) -> dict:
    return {"id": appt.id, "patient_id": str(appt.patient_id), "start": appt.start.isoformat(),
            "duration_min": appt.duration_min, "doctor": appt.doctor, "chair": appt.chair, "treatment": appt.treatment}


def test_wrong_person_answering_a_reminder_hears_nothing_and_changes_nothing(emr_url, victim, crm_db, tmp_path):
    import shutil

    patient, appt = victim
    emr_url = f"sqlite:///{shutil.copy(emr_url.removeprefix('sqlite:///'), tmp_path / 'own-emr.sqlite')}"
    before = state_of(emr_url, patient)
    task = Task("s1", "reminder", "INFO", str(patient.id), patient.phones[0], {"appointment": appt_data(appt)})
    said = run(campaign_call(emr_url, task), WRONG + ["#3", "#1"])
    for secret in secrets(patient, appt) + ["예약 안내 때문에"]:
        assert secret not in said, secret
    assert state_of(emr_url, patient) == before
    nothing_landed(patient)
    said = run(campaign_call(emr_url, task), ["#" + patient.birth_date.strftime("%y%m%d"), "#3", "#1"])
    assert speak.say_time(appt.start.time()) in said and "예약이 취소되었습니다" in said
    assert appt.id not in [a for a, _, _ in state_of(emr_url, patient)]  # cancelled in the EMR (writes on)
    row = crm_records.BookingRequest.get(crm_records.BookingRequest.patient_id == str(patient.id))
    assert row.meta["action"] == "cancel" and row.meta["appointment_id"] == appt.id


FAMILY = seed.DEMO_FAMILY_PHONE  # patient 1 (the mother) and her children 2 and 3


def family(emr_url):
    emr = EMR(emr_url, "reference")
    return [emr.get_patient(str(i)) for i in (1, 2, 3)]


def child_task(child) -> Task:
    start = dt.datetime.combine(NOW.date() + dt.timedelta(days=1), dt.time(15, 0))
    appt = {"id": None, "patient_id": str(child.id), "start": start.isoformat(), "duration_min": 30, "doctor": "김민호",
            "chair": "1", "treatment": "checkup", "minor": True}
    return Task(f"s-child{child.id}", "reminder", "INFO", str(child.id), FAMILY, {"appointment": appt})


def test_family_phone_a_sibling_or_another_minor_cannot_unlock_a_childs_reminder(emr_url, crm_db):
    _, son, daughter = family(emr_url)
    d = campaign_call(emr_url, child_task(son))
    said = run(d, ["#" + daughter.birth_date.strftime("%y%m%d")] + WRONG[:2] + ["#3", "#1"])
    assert son.name not in said and "오후 세 시" not in said and not d.identity.confirmed
    assert not crm_records.BookingRequest.select().exists()


def test_family_phone_a_child_cannot_unlock_the_parents_appointment(emr_url, crm_db):
    mother, son, _ = family(emr_url)
    start = dt.datetime.combine(NOW.date() + dt.timedelta(days=1), dt.time(11, 0))
    task = Task("s-mother", "reminder", "INFO", "1", FAMILY, {"appointment": {
        "id": None, "patient_id": "1", "start": start.isoformat(), "duration_min": 30, "treatment": "implant"}})
    d = campaign_call(emr_url, task)
    said = run(d, ["#" + son.birth_date.strftime("%y%m%d")] + WRONG[:2])
    assert mother.name not in said and "오전 열한 시" not in said and "임플란트" not in said
    assert not d.identity.confirmed


def test_the_guardian_unlocks_a_minors_reminder_and_may_cancel_it(emr_url, crm_db):
    mother, son, _ = family(emr_url)
    d = campaign_call(emr_url, child_task(son))
    said = run(d, ["아니요, 저는 엄마인데요", "#" + mother.birth_date.strftime("%y%m%d"), "취소해 주세요", "네"])
    assert f"{son.name} 보호자님, 확인되었습니다." in said and "내일, 십일월 이십사 일 화요일 오후 세 시" in said
    assert d.outcome == "cancelled" and d.identity.match.guardian
    row = crm_records.BookingRequest.get()
    assert row.meta["action"] == "cancel" and row.patient_id == str(son.id)
    assert access_log.AccessEntry.get().patient_id == str(son.id)


def test_opt_out_from_a_withheld_number_is_never_claimed(emr_url, crm_db):
    """Issue 11 item 4: nothing to store against -> the truth and a staff task, not "수신거부 처리되었습니다"."""
    d = inbound(emr_url, None)
    said = run(d, ["광고 전화 수신거부 해 주세요"])
    assert "수신거부 처리되었습니다" not in said and "바로 수신거부 처리를 하지는 못했습니다" in said
    assert crm_records.OptOut.select().count() == 0
    task = crm_records.Callback.get()
    assert "수신거부" in task.reason and d.landed["opt_out"] is False
    d = inbound(emr_url, "anonymous")
    run(d, ["광고 전화 그만 하세요"])
    assert crm_records.OptOut.select().count() == 0 and crm_records.Callback.select().count() == 2
    d = inbound(emr_url, "010-9999-1234")
    said = run(d, ["수신거부 해 주세요"])
    assert "수신거부 처리되었습니다" in said and crm_records.is_opted_out("010-9999-1234")


def test_withheld_number_opt_out_stored_against_the_proven_patient(emr_url, victim, crm_db):
    from tests.receptionist_support import BIRTH_QUERY

    patient, _ = victim
    d = inbound(emr_url, None)
    emr = d.backend.emr
    emr.profile = dataclasses.replace(emr.profile, queries={**emr.profile.queries,
                                                             "find_patients_by_birth": {"sql": BIRTH_QUERY}})
    said = run(d, ["수신거부 해 주세요", "#" + patient.birth_date.strftime("%y%m%d"), f"{patient.name}입니다"])
    assert "수신거부 처리되었습니다" in said
    assert crm_records.is_opted_out(None, patient_id=str(patient.id))


def test_outbound_hears_identity_before_any_detail_even_when_heard_silently(emr_url, victim, crm_db):
    patient, _ = victim
    task = Task("s2", "implant_checkup", "INFO", str(patient.id), patient.phones[0], {})
    d = campaign_call(emr_url, task)
    opening = render_says(d.start(), "미소치과")
    assert "임플란트" not in opening and patient.name not in opening
    for _ in range(3):
        out = d.on_input(Heard(silence=True))
    assert "임플란트" not in render_says(out, "미소치과") and d.outcome == "callback_requested"
