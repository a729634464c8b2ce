"""A REAL call books by keypad and asks for the text (sipp → Asterisk → engine); the booking the call leaves in
the CRM is texted exactly once to a real local HTTP vendor, with the right date and time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from appliance.data import crm, crm_records
from appliance.data.emr.settings import write_secret
from appliance.sms import dates, outbox
from appliance.sms.sender import TICK_S
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from tests.sms_fake_vendor import FakeVendor
from tests.sms_helpers import OPTOUT, SENDER

pytestmark = pytest.mark.e2e
MONDAY_10 = "2026-11-23T10:00"


def _seconds(pack: PromptPack, *keys: str) -> float:
    return sum(len(pack.pcm(k) or b"") for k in keys) / 16000


def _keypad_booking_with_sms(config, phone: str):
    pack = PromptPack.load(config)
    t = _seconds(pack, "greeting", "how_can_i_help") + 0.8
    dtmf = [(t, "1")]  # booking
    t += sipp.dtmf_seconds("1") + _seconds(pack, "ask_treatment", "treatment_menu") + 0.8
    dtmf.append((t, "1"))  # scaling
    t += sipp.dtmf_seconds("1") + _seconds(pack, "ask_date", "date_menu") + 0.8
    dtmf.append((t, "*"))  # the earliest day
    t += sipp.dtmf_seconds("*") + 2.5 + 5.0 + _seconds(pack, "book_this", "yes_no_keys") + 0.5
    dtmf.append((t, "1"))  # book it
    t += sipp.dtmf_seconds("1") + 4.0 + _seconds(pack, "booking_requested", "ask_name") + 0.5
    dtmf.append((t, "#"))  # no name
    t += sipp.dtmf_seconds("#") + _seconds(pack, "offer_sms", "yes_no_keys") + 0.5
    dtmf.append((t, "1"))  # yes, send me a text
    t += sipp.dtmf_seconds("1") + _seconds(pack, "sms_ok", "questionnaire_offer", "yes_no_keys") + 0.5
    dtmf.append((t, "2"))
    t += sipp.dtmf_seconds("2") + _seconds(pack, "anything_else", "yes_no_keys") + 0.5
    dtmf.append((t, "2"))
    t += sipp.dtmf_seconds("2") + _seconds(pack, "goodbye") + 3.0
    return sipp.place_call("127.0.0.1", config.sip_port, [(None, t + 5)], dtmf=dtmf, to_user="1000",
                           from_user=phone, hold_seconds=t + 5, timeout=t + 30)


def test_real_call_booking_is_texted_exactly_once(engine_running, tmp_path):
    """The engine is set up with a text gateway (a real local HTTP vendor that refuses the first attempt): the
    caller is offered the text, says yes by keypad, and the engine's own sender texts the booking once."""
    vendor = FakeVendor()
    vendor.fail_next = 1  # the first attempt fails: the engine retries (after 30 s) and still sends one text
    # only this caller's text: a text left queued by an earlier module on the shared engine must not take the fault
    write_secret(engine_running.config, "sms_api_key", "test-key")
    phone = "01077770031"
    vendor.fail_next_to = phone
    texts_on = {"DENTALCALL_SMS_GATEWAY": "http", "DENTALCALL_SMS_URL": vendor.url,
                "DENTALCALL_SMS_SENDER_NUMBER": SENDER, "DENTALCALL_SMS_OPTOUT_NUMBER": OPTOUT}
    try:
        with engine_running.reconfigured(**texts_on) as engine:
            config = engine.config
            hooks = Path(config.home) / "test-hooks"
            hooks.mkdir(exist_ok=True)
            (hooks / "now.txt").write_text(MONDAY_10, encoding="utf-8")
            try:
                result = _keypad_booking_with_sms(config, phone)
            finally:
                (hooks / "now.txt").unlink(missing_ok=True)
            assert result.ok, result.describe()
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and not [m for m in vendor.messages.values() if m["to"] == phone]:
                time.sleep(0.5)
            time.sleep(3 * TICK_S)  # a second text would have gone out by now
            mine = [m for m in vendor.messages.values() if m["to"] == phone]
            assert len(mine) == 1, (vendor.requests, engine.tail())
            assert len([r for r in vendor.requests if r["to"] == phone]) == 2  # refused once, then accepted
        crm.open_database(config.crm_url)
        booking = crm_records.BookingRequest.get(crm_records.BookingRequest.phone == phone)
        assert booking.meta.get("sms_confirmation") == "wanted"
        text = mine[0]["text"]
        assert dates.when_text(booking.start) in text and "스케일링 예약 요청 접수" in text
        assert text.startswith("[미소치과] 11월 23일(월) 오전") and mine[0]["type"] == "SMS"
        row = outbox.Message.get(outbox.Message.key == f"booking:{booking.id}")
        assert row.state == "sent" and row.purpose == "confirmation"
    finally:
        vendor.close()
        crm.database.close()
