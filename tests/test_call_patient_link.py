"""An inbound call is linked to its patient (``Call.patient_id``) the moment the identity step proves who the caller
is, never on caller ID alone. The receptionist dialog against a real small SQLite EMR and a real CRM file; the call
row written as the engine writes it (``TurnRecorder`` on a ``CrmWriter`` thread). The real-call version is in
``test_e2e_call_patient_link.py``."""

from __future__ import annotations


import pytest

from appliance.calls.pipeline import listen_for_proven_patient
from appliance.calls.recorder import CrmWriter, TurnRecorder
from appliance.commands.chat import parse_input
from appliance.conversation.backend import Backend
from appliance.conversation.inbound import InboundDialog
from appliance.conversation.receptionist import Receptionist
from appliance.data import crm
from appliance.data.calllog import CallLog
from appliance.data.clinic import facts as factslib
from appliance.data.emr import seed
from appliance.data.emr.connector import EMR
from tests.demo_emr_support import NOW, demo_receptionist
from tests.demo_emr_support import emr_url as emr_url  # a fixture

FAMILY = seed.DEMO_FAMILY_PHONE  # patients 1-3 share it; patient 1 born 1982-09-18


@pytest.fixture
def call(tmp_path, emr_url):
    """``call(caller, *lines)``: a receptionist call on a logged call row; returns the row as stored after the call."""
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    writer = CrmWriter()

    def run(caller: str, *lines: str, hang_up: bool = False) -> tuple[crm.Call, Receptionist]:
        log = CallLog("inbound", uniqueid="test-1", caller=caller)
        dialog = demo_receptionist(emr_url, caller, "link-test")
        recorder = TurnRecorder(log, writer)
        assert listen_for_proven_patient(dialog, recorder)
        dialog.start()
        for line in lines:
            dialog.on_input(parse_input(line))
        if hang_up:
            dialog.on_hangup()
        writer.submit(lambda: None).result()  # what was queued is written
        return crm.Call.get_by_id(log.call.id), dialog

    yield run
    writer.close()
    crm.database.close()


def test_a_proven_birth_date_links_the_call_to_that_patient(call):
    """The family phone: caller ID matches three patients and links none; the birth date proves patient 1."""
    row, dialog = call(FAMILY, "예약하고 싶어요")
    assert row.patient_id is None  # caller ID alone never links
    row, dialog = call(FAMILY, "예약하고 싶어요", "#820918")
    assert dialog.identity.confirmed and row.patient_id == "1"


def test_the_link_is_kept_when_the_caller_hangs_up_right_after(call):
    row, _ = call(FAMILY, "예약하고 싶어요", "팔이 공구 일팔이요", hang_up=True)
    assert row.patient_id == "1"


def test_a_failed_identity_leaves_the_call_unlinked(call):
    row, dialog = call(FAMILY, "예약하고 싶어요", "#900101", "#900102", "#900103")
    assert not dialog.identity.confirmed and row.patient_id is None


def test_a_call_that_knows_its_patient_keeps_it(tmp_path):
    """An outbound call's row names its patient before the call; a later proven identity does not replace it."""
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    try:
        log = CallLog("outbound", called="01012345678")
        log.update(patient_id="7")
        assert log.link_patient("3") is False and log.link_patient("7") is True
        fresh = CallLog("inbound", caller="01012345678")
        assert fresh.link_patient("3") is True and fresh.link_patient("4") is False
        assert crm.Call.get_by_id(log.call.id).patient_id == "7"
        assert crm.Call.get_by_id(fresh.call.id).patient_id == "3"
    finally:
        crm.database.close()


def test_a_dialog_without_an_identity_step_is_not_listened_to(tmp_path):
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    try:
        recorder = TurnRecorder(CallLog("inbound"), CrmWriter())
        assert listen_for_proven_patient(InboundDialog(clinic_name="미소치과"), recorder) is False
        recorder.writer.close()
    finally:
        crm.database.close()


def test_a_failing_listener_does_not_break_the_call(call, emr_url):
    dialog = Receptionist(clinic_name="미소치과", backend=Backend(factslib.load(factslib.EXAMPLE),
                                                                emr=EMR(emr_url, "reference")),
                          caller=FAMILY, call_key="link-test-2", now=lambda: NOW, can_say=lambda text: True)

    def broken(patient_id: str) -> None:
        raise RuntimeError("database gone")

    dialog.on_patient_proven.append(broken)
    dialog.start()
    dialog.on_input(parse_input("예약하고 싶어요"))
    out = dialog.on_input(parse_input("#820918"))
    assert dialog.identity.confirmed and out  # the call goes on to the booking question




@pytest.mark.parametrize("birth_date,linked", [("팔이 공구 일팔이요", "1"), ("#900101", None)])
def test_the_text_chat_tells_whom_the_call_is_linked_to(tmp_path, monkeypatch, birth_date, linked):
    """`dentalcall chat --demo --script`: the same hook the engine links a call row with; a birth date that
    matches nobody links nobody."""
    import json

    from click.testing import CliRunner

    from appliance.commands.chat import chat

    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(chat, ["--demo", "--now", "2026-11-23T10:00", "--caller", FAMILY, "--script", "-"],
                                input=f"예약하고 싶어요\n{birth_date}\n/bye\n")
    assert result.exit_code == 0, result.output
    turns = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    summary = turns[-1]["summary"]
    assert summary["linked_patient"] == linked
    assert ("identity_confirmed" in summary["events"]) == (linked is not None)
