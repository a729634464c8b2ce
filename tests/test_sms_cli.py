"""``dentalcall sms`` and the doctor check, through the real CLI against a real local vendor."""

from __future__ import annotations

import os
import stat

import pytest
from click.testing import CliRunner

from appliance import settings
from appliance.cli import cli
from appliance.commands.doctor import check_sms
from appliance.data import access_log
from appliance.sms import enabled, outbox
from tests.sms_fake_vendor import FakeVendor
from tests.sms_helpers import PATIENT_PHONE, make_config

pytestmark = pytest.mark.e2e


@pytest.fixture
def vendor():
    v = FakeVendor()
    yield v
    v.close()


def _run(home, *args, input=None):
    result = CliRunner().invoke(cli, ["sms", *args], env={"DENTALCALL_HOME": str(home)}, input=input,
                                catch_exceptions=False)
    return result


def test_connect_then_send_test_then_outbox(tmp_path, vendor):
    r = _run(tmp_path, "connect", "--gateway", "http", "--url", vendor.url, "--sender", "02-555-0100",
             "--optout", "080-123-4567", "--console-url", "https://console.lan:8443", input="test-key\n\n")
    assert r.exit_code == 0, r.output
    assert "https://console.lan:8443/sms/hook/" in r.output
    config = settings.load(overrides={"home": str(tmp_path)}, env={})
    assert enabled(config) and config.sms_sender_number == "025550100"
    assert stat.S_IMODE(os.stat(config.secrets_file).st_mode) == 0o600
    assert "test-key" not in config.config_file.read_text()
    r = _run(tmp_path, "send-test", "010-1234-5678")
    assert r.exit_code == 0, r.output
    assert "sent (SMS 43 bytes)" in r.output and "010-****-5678" in r.output
    (msg,) = vendor.messages.values()
    assert (msg["text"], msg["to"], msg["from"]) == ("[미소치과] DentalCall 문자 발송 시험입니다.", PATIENT_PHONE,
                                                     "025550100")
    r = _run(tmp_path, "outbox")
    assert r.exit_code == 0 and "test" in r.output and "010-****-5678" in r.output and "시험" not in r.output
    outbox.Message.update(patient_id="P9").execute()
    r = _run(tmp_path, "outbox", "--patient", "P9")
    assert "DentalCall 문자 발송 시험입니다" in r.output
    assert access_log.entries(patient_id="P9", action="sms.outbox")


def test_send_test_when_texts_are_off_is_a_clear_error(tmp_path):
    r = CliRunner().invoke(cli, ["sms", "send-test", PATIENT_PHONE], env={"DENTALCALL_HOME": str(tmp_path)})
    assert r.exit_code != 0 and "sms_gateway = none" in r.output


def test_templates_preview_and_agent_schema(tmp_path):
    r = _run(tmp_path, "templates", "--preview")
    assert r.exit_code == 0, r.output
    assert "booking_booked               SMS 75/90 bytes" in r.output
    assert "(광고)미소치과 02-555-0100" in r.output
    r = _run(tmp_path, "agent-schema", "--dialect", "mysql")
    assert "CREATE TABLE SMS_MT" in r.output and "CREATE TABLE SMS_MO" in r.output


def test_doctor_says_ready_only_when_it_is(tmp_path, vendor):
    assert check_sms(make_config(tmp_path / "off", sms_gateway="none")).status == "ok"
    assert check_sms(make_config(tmp_path / "up", sms_url=vendor.url)).status == "ok"
    no_sender = check_sms(make_config(tmp_path / "nosender", sms_url=vendor.url, sms_sender_number=""))
    assert no_sender.status == "fail" and "sms_sender_number" in no_sender.detail
    assert check_sms(make_config(tmp_path / "nokey", sms_url=vendor.url, api_key=None)).status == "fail"
    down = check_sms(make_config(tmp_path / "down", sms_url="http://127.0.0.1:9"))
    assert down.status == "fail" and "not reachable" in down.detail
    no_optout = check_sms(make_config(tmp_path / "nooptout", sms_url=vendor.url, sms_optout_number=""))
    assert no_optout.status == "warn"
    agent = check_sms(make_config(tmp_path / "agent", api_key=None, sms_gateway="db_agent",
                                  sms_url=f"sqlite:///{tmp_path / 'none.sqlite'}"))
    assert agent.status == "fail"  # no MT/MO tables there
