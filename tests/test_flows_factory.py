"""The engine's inbound dialog factory and its test-only transcript hook (never active in production)."""

from __future__ import annotations

from types import SimpleNamespace

from appliance import settings
from appliance.clinic import Clinic
from appliance.conversation import factory
from appliance.conversation.actions import Heard
from appliance.conversation.receptionist import Receptionist
from appliance.data import crm


def test_hook_needs_a_home_under_the_temp_dir_and_the_file(tmp_path):
    assert factory.hook_file(SimpleNamespace(home="")) is None  # production layout
    assert factory.hook_file(SimpleNamespace(home="/var/lib/dentalcall")) is None
    home = tmp_path / "home"
    (home / "test-hooks").mkdir(parents=True)
    config = SimpleNamespace(home=str(home))
    assert factory.scripted_lines(config) is None
    (home / factory.TEST_HOOK_FILE).write_text("직원 바꿔 주세요\n", encoding="utf-8")
    assert factory.scripted_lines(config) == ["직원 바꿔 주세요"]
    assert not (home / factory.TEST_HOOK_FILE).exists()  # consumed by one call


def test_inbound_dialog_for_a_call(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path / "home")}, env={})
    crm.open_for(config)
    try:
        clinic = Clinic.build(config)
        agi = SimpleNamespace(uniqueid="1700000000.1", caller_number="01012345678")
        dialog = factory.inbound_dialog(clinic, agi, call_id=7)
        assert isinstance(dialog, Receptionist) and dialog.call_key == "call:1700000000.1"
        assert dialog.backend.emr is None  # no EMR connected: unknown callers, booking requests
        assert dialog.backend.call_id == 7 and dialog.backend.facts is clinic.facts
        assert dialog.start()[0].key == "greeting_unrecorded"  # no recording started for this call
        recorded = factory.inbound_dialog(clinic, SimpleNamespace(uniqueid="1700000000.2", caller_number="01012345678"),
                                          call_id=8, recorded=True)
        assert recorded.start()[0].key == "greeting"  # the recording runs
        (tmp_path / "home" / "test-hooks").mkdir()
        (tmp_path / "home" / factory.TEST_HOOK_FILE).write_text("직원 바꿔 주세요\n", encoding="utf-8")
        wrapped = factory.inbound_dialog(clinic, agi)
        wrapped.start()
        end = wrapped.on_input(Heard(text="불 꺼 줘"))[-1]
        assert end.next in ("transfer", "voicemail") and wrapped.events
    finally:
        crm.database.close()
