"""Texts: bytes as carriers count them, Korean dates, templates, the advertising law, what gets queued."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.data import crm_records
from appliance.data.emr.model import Patient
from appliance.errors import ConfigError
from appliance.sms import dates, encoding, enabled, law, outbox, replies, templates, texts
from tests.sms_helpers import PATIENT_PHONE, SENDER, make_config, open_crm

NOW = dt.datetime(2026, 12, 1, 10, 0)


@pytest.fixture
def config(tmp_path):
    config = make_config(tmp_path, sms_url="http://127.0.0.1:9")
    db = open_crm(config)
    yield config
    db.close()


@pytest.mark.parametrize("text", [
    "안녕하세요 미소치과입니다", "[미소치과] 12월 3일(목) 오후 3:30 스케일링 예약되었습니다. 문의 02-555-0100",
    "ABC abc 123 !?", "내일 10:00 OK? 네/아니오 (1/2)", "가" * 45, "가" * 44 + "ab",
])
def test_bytes_are_counted_as_euc_kr_not_utf8(text):
    expected = len(text.encode("euc-kr"))
    assert encoding.byte_length(text) == expected
    assert encoding.measure(text).type == ("SMS" if expected <= 90 else "LMS")
    if any("가" <= ch <= "힣" for ch in text):
        assert expected != len(text.encode("utf-8"))  # UTF-8 would count Hangul as 3 bytes


def test_sms_lms_boundaries_and_unsendable_text():
    assert encoding.measure("가" * 45).describe() == "SMS 90/90 bytes"
    assert encoding.measure("가" * 45 + "a").type == "LMS"
    assert encoding.measure("a" * 89 + "가").bytes == 91
    assert encoding.check("가" * 1000).type == "LMS"
    with pytest.raises(encoding.TextNotSendable, match="at most 2000"):
        encoding.check("가" * 1000 + "a")
    with pytest.raises(encoding.TextNotSendable, match="cannot show"):
        encoding.check("예약되었습니다 😀")
    with pytest.raises(encoding.TextNotSendable, match="empty"):
        encoding.check("  ")


def test_dates_the_way_korean_texts_write_them():
    assert dates.when_text(dt.datetime(2026, 12, 3, 15, 30)) == "12월 3일(목) 오후 3:30"
    assert dates.when_text(dt.datetime(2026, 12, 7, 10, 0)) == "12월 7일(월) 오전 10시"
    assert dates.time_text(dt.time(12, 5)) == "오후 12:05"
    assert dates.time_text(dt.time(9, 5)) == "오전 9:05"


def test_clinic_edits_its_templates_and_bad_ones_are_clear_errors(config):
    path = templates.clinic_file(config)
    path.write_text('[booking_booked]\ntext = "[{clinic}] {when} 예약 완료! {clinic_phone}"\n', encoding="utf-8")
    loaded = templates.load(config)
    assert loaded["booking_booked"].source == "clinic" and loaded["reminder"].source == "shipped"
    row = texts.queue_confirmation(config, kind="booked", phone=PATIENT_PHONE, start=dt.datetime(2026, 12, 3, 15, 30),
                                   key="b1", now=NOW)
    assert row.text == "[미소치과] 12월 3일(목) 오후 3:30 예약 완료! 02-555-0100"
    path.write_text('[booking_booked]\ntext = "{name}님 예약"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown placeholder"):
        templates.load(config)
    shown = {p.name: p for p in templates.preview()}
    assert shown["reminder"].measure.type == "SMS" and shown["followup_recall"].text.startswith("(광고)")


def test_texts_are_off_until_a_gateway_and_sender_are_set(tmp_path):
    off = make_config(tmp_path / "off", sms_gateway="none")
    db = open_crm(off)
    assert not enabled(off)
    assert texts.queue_confirmation(off, kind="booked", phone=PATIENT_PHONE, start=NOW, key="x", now=NOW) is None
    assert outbox.Message.select().count() == 0
    db.close()
    no_sender = make_config(tmp_path / "nosender", sms_url="http://127.0.0.1:9", sms_sender_number="")
    assert not enabled(no_sender)
    db = open_crm(no_sender)
    with pytest.raises(ConfigError, match="sms_sender_number"):
        texts.queue_confirmation(no_sender, kind="booked", phone=PATIENT_PHONE, start=NOW, key="x", now=NOW)
    db.close()


def test_confirmation_is_informational_and_queued_once(config):
    assert enabled(config)
    start = dt.datetime(2026, 12, 3, 15, 30)
    row = texts.queue_confirmation(config, kind="booked", phone="010-1234-5678", start=start, treatment="scaling",
                                   patient_id="P1", key="call9:sms", now=NOW)
    again = texts.queue_confirmation(config, kind="booked", phone=PATIENT_PHONE, start=start, treatment="scaling",
                                     patient_id="P1", key="call9:sms", now=NOW)
    assert again.id == row.id and outbox.Message.select().count() == 1
    assert row.text == "[미소치과] 12월 3일(목) 오후 3:30 스케일링 예약되었습니다. 문의 02-555-0100"
    assert (row.type, row.bytes, row.kind, row.sender, row.state) == ("SMS", len(row.text.encode("euc-kr")), "INFO",
                                                                      SENDER, "queued")
    assert law.AD_MARK not in row.text and law.OPTOUT_MARK not in row.text
    with pytest.raises(encoding.TextNotSendable, match="mobile"):
        texts.queue_confirmation(config, kind="booked", phone="0212345678", start=start, key="landline", now=NOW)


def _patient(consent: bool, consent_date: dt.date | None) -> Patient:
    return Patient(id="P7", name="김민수", phones=[PATIENT_PHONE], marketing_consent=consent,
                   marketing_consent_date=consent_date)


def test_advert_needs_current_consent_and_carries_the_marks(config):
    assert texts.queue_campaign_followup(config, campaign="recall", patient=_patient(False, None), ref="r1",
                                         now=NOW) is None
    expired = _patient(True, NOW.date() - dt.timedelta(days=800))
    assert texts.queue_campaign_followup(config, campaign="recall", patient=expired, ref="r1", now=NOW) is None
    assert outbox.Message.select().count() == 0  # never queued
    row = texts.queue_campaign_followup(config, campaign="recall", patient=_patient(True, dt.date(2026, 5, 1)),
                                        ref="r1", now=NOW)
    lines = row.text.split("\n")
    assert lines[0] == "(광고)미소치과 02-555-0100" and lines[-1] == "무료수신거부 080-123-4567"
    assert row.kind == "AD" and row.type == "LMS" and row.subject == "[미소치과] 정기 검진 안내"
    # an informational follow-up (implant check-up) needs no consent and has no marks
    info = texts.queue_campaign_followup(config, campaign="implant_checkup", patient=_patient(False, None),
                                         ref="i1", now=NOW)
    assert info.kind == "INFO" and "(광고)" not in info.text


def test_advert_queued_at_night_waits_for_0800_and_needs_the_optout_number(tmp_path, config):
    late = texts.queue_campaign_followup(config, campaign="recall", patient=_patient(True, dt.date(2026, 5, 1)),
                                         ref="late", now=dt.datetime(2026, 12, 1, 21, 30))
    assert late.not_before == dt.datetime(2026, 12, 2, 8, 0)
    assert law.next_ad_moment(dt.datetime(2026, 12, 2, 7, 59)) == dt.datetime(2026, 12, 2, 8, 0)
    assert law.next_ad_moment(dt.datetime(2026, 12, 2, 20, 59)) == dt.datetime(2026, 12, 2, 20, 59)
    no_optout = make_config(tmp_path / "nooptout", sms_url="http://127.0.0.1:9", sms_optout_number="")
    with pytest.raises(ConfigError, match="sms_optout_number"):
        texts.queue_campaign_followup(no_optout, campaign="recall", patient=_patient(True, dt.date(2026, 5, 1)),
                                      ref="r2", now=NOW)


def test_opted_out_number_is_cancelled_at_queue_time(config):
    crm_records.add_opt_out(PATIENT_PHONE, None, source="staff", scope="all")
    row = texts.queue_reminder(config, phone=PATIENT_PHONE, start=dt.datetime(2026, 12, 2, 10, 0), key="rem1", now=NOW)
    assert row.state == "cancelled" and row.error == "opted out"


def test_reminder_waits_for_daytime_and_is_dropped_when_too_late(config):
    row = texts.queue_reminder(config, phone=PATIENT_PHONE, start=dt.datetime(2026, 12, 2, 15, 0), key="rem2",
                               now=dt.datetime(2026, 12, 1, 23, 0))
    assert row.not_before == dt.datetime(2026, 12, 2, 8, 0)
    assert texts.queue_reminder(config, phone=PATIENT_PHONE, start=dt.datetime(2026, 12, 2, 7, 30), key="rem3",
                                now=dt.datetime(2026, 12, 1, 23, 0)) is None


@pytest.mark.parametrize("text,what", [
    ("1", "confirm"), ("네", "confirm"), (" 확인 ", "confirm"), ("네, 확인!", "confirm"), ("2", "cancel"),
    ("취소", "cancel"), ("취소해 주세요", "cancel"), ("변경", "change"), ("거부", "optout"), ("수신거부", "optout"),
    ("광고 수신거부합니다", "optout"), ("주차 되나요?", "other"), ("12", "other"), ("취소 안 할게요", "other"),
])
def test_reply_words(text, what):
    assert replies.classify(text) == what


@pytest.mark.parametrize("scope, sent", [("calls", True), ("ad", True), ("texts", False), ("all", False)])
def test_a_reminder_text_honours_the_opt_out_scope(config, scope, sent):
    """"전화 말고 문자로만" (calls) keeps the reminder texts the patient asked for; texts or all stop them."""
    crm_records.add_opt_out(PATIENT_PHONE, None, source="call_speech", scope=scope)
    row = texts.queue_reminder(config, phone=PATIENT_PHONE, start=dt.datetime(2026, 12, 2, 10, 0), key="rem1", now=NOW)
    assert (row.state == "queued") is sent and (row.error == "opted out") is (not sent)
