"""A REAL call books by keypad and asks for the text (sipp → Asterisk → engine); the booking the call leaves in
the CRM is texted exactly once to a real local HTTP vendor, with the right date and time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from appliance.data import crm, crm_records
from appliance.outbound.clock import clinic_clock
from appliance.speech.prompt_pack import PromptPack
from appliance.sms import dates, gateways, outbox, sender as senderlib, triggers
from appliance.telephony import sipp
from tests.sms_fake_vendor import FakeVendor
from tests.sms_helpers import make_config

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
    engine_config = engine_running.config
    hooks = Path(engine_config.home) / "test-hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "now.txt").write_text(MONDAY_10, encoding="utf-8")
    phone = "01077770031"
    try:
        result = _keypad_booking_with_sms(engine_config, phone)
    finally:
        (hooks / "now.txt").unlink(missing_ok=True)
    assert result.ok, result.describe()
    vendor = FakeVendor()
    vendor.fail_next = 2  # and the vendor fails twice first
    config = make_config(tmp_path, sms_url=vendor.url, crm_db=engine_config.crm_url,
                         clinic_file=engine_config.clinic_file)
    crm.open_database(config.crm_url)
    gateway = gateways.load(config)
    clock = clinic_clock()
    offset = [0]
    sender = senderlib.Sender(config, gateway, clock=lambda: clock() + dt.timedelta(minutes=offset[0]))
    try:
        booking = crm_records.BookingRequest.get(crm_records.BookingRequest.phone == phone)
        assert booking.meta.get("sms_confirmation") == "wanted", engine_running.tail()
        sender.start()
        for _ in range(4):  # sweeps and rounds, the clock moving past the retry back-offs
            triggers.sweep(config, now=sender.clock())
            sender.send_due()
            offset[0] += 10
        mine = [m for m in vendor.messages.values() if m["to"] == phone]
        assert len(mine) == 1 and len([r for r in vendor.requests if r["to"] == phone]) == 3
        text = mine[0]["text"]
        assert dates.when_text(booking.start) in text and "스케일링 예약 요청 접수" in text
        assert text.startswith("[미소치과] 11월 23일(월) 오전") and mine[0]["type"] == "SMS"
        row = outbox.Message.get(outbox.Message.key == f"booking:{booking.id}")
        assert row.state == "sent" and row.purpose == "confirmation"
    finally:
        sender.close()
        gateway.close()
        vendor.close()
        crm.database.close()
