"""Replies (MO) through the vendor webhook (Starlette routes, real ASGI app), what they do in the CRM, the
sweeps that find what to text, and the privacy export/delete."""

from __future__ import annotations

import datetime as dt

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from appliance.conversation import outcomes
from appliance.data import crm_records
from appliance.data.crm import Call
from appliance.outbound import queue
from appliance.sms import config as smsconfig, inbox, outbox, privacy, triggers, texts
from appliance.sms.webhook import sms_webhook_routes, webhook_urls
from tests.sms_helpers import PATIENT_PHONE, make_config, open_crm

APPT = dt.datetime(2030, 12, 3, 15, 30)  # far ahead: the webhook uses the real clock


@pytest.fixture
def config(tmp_path):
    config = make_config(tmp_path, sms_url="http://127.0.0.1:9")
    db = open_crm(config)
    queue.ensure_tables()
    yield config
    db.close()


@pytest.fixture
def client(config):
    app = Starlette(routes=sms_webhook_routes(config))
    with TestClient(app) as c:
        yield c


def _mo_url(config) -> str:
    return webhook_urls(config, "")["mo"]


def _reminder_sent(config, appointment_id="A9"):
    now = dt.datetime.now().replace(microsecond=0)
    row = texts.queue_reminder(config, phone=PATIENT_PHONE, start=APPT, key=f"reminder:{appointment_id}",
                               patient_id="P1", appointment_id=appointment_id, treatment="scaling", now=now)
    outbox.finish(row.id, outbox.SENT, now)
    task = queue.add_task(campaign="reminder", kind="INFO", patient_id="P1", phone=PATIENT_PHONE, day=now.date(),
                          reason="reminder", ref="appt" + appointment_id, now=now, expires_at=APPT,
                          data={"appointment": {"id": appointment_id, "start": APPT.isoformat()}})
    return row, task


def test_webhook_needs_the_secret_path_and_a_sender(config, client):
    assert client.post("/sms/hook/wrong/mo", json={"from": PATIENT_PHONE, "text": "1"}).status_code == 404
    assert client.post(_mo_url(config), json={"text": "1"}).status_code == 400
    assert inbox.Reply.select().count() == 0
    assert smsconfig.webhook_token(config) in _mo_url(config)
    assert sms_webhook_routes(make_config(config.config_dir.parent / "x", sms_gateway="none")) == []


def test_reply_2_cancels_the_appointment_and_closes_the_reminder_call(config, client):
    _, task = _reminder_sent(config)
    r = client.post(_mo_url(config), json={"id": "mo-1", "from": "+82 10-1234-5678", "text": "2"})
    assert r.json() == {"ok": True, "action": "cancelled"}
    cancel = crm_records.BookingRequest.get(crm_records.BookingRequest.idempotency_key.startswith("mo"))
    assert cancel.meta["action"] == "cancel" and cancel.meta["appointment_id"] == "A9"
    assert cancel.status == "requested" and cancel.start == APPT  # no EMR writes: staff carry it out
    assert queue.Task.get_by_id(task.id).outcome == outcomes.CANCELLED
    reply = outbox.Message.get(outbox.Message.purpose == "reply")
    assert reply.text.startswith("[미소치과] 12월 3일(화) 오후 3:30 예약 취소 요청을 받았습니다")
    # the vendor retries the same webhook: still one reply, one cancellation
    assert client.post(_mo_url(config), json={"id": "mo-1", "from": PATIENT_PHONE, "text": "2"}).json()["action"] \
        == "cancelled"
    assert inbox.Reply.select().count() == 1 and crm_records.BookingRequest.select().count() == 1


def test_reply_1_confirms(config, client):
    _, task = _reminder_sent(config)
    assert client.post(_mo_url(config), json={"id": "m2", "from": PATIENT_PHONE, "text": "네"}).json()["action"] \
        == "confirmed"
    assert queue.Task.get_by_id(task.id).outcome == outcomes.CONFIRMED
    note = crm_records.StaffNote.get()
    assert note.patient_id == "P1" and "12월 3일(화) 오후 3:30" in note.text
    assert "확인되었습니다" in outbox.Message.get(outbox.Message.purpose == "reply").text


def test_reply_optout_is_forever_and_its_answer_still_goes(config, client):
    from appliance.data.emr.model import Patient

    _reminder_sent(config)
    advert = texts.queue_campaign_followup(config, campaign="recall", ref="r", patient=Patient(
        id="P1", phones=[PATIENT_PHONE], marketing_consent=True, marketing_consent_date=dt.date.today()))
    assert client.post(_mo_url(config), json={"id": "m3", "from": PATIENT_PHONE, "text": "수신거부"}).json()[
        "action"] == "opted_out"
    opt = crm_records.OptOut.get()
    assert (opt.phone, opt.patient_id, opt.source, opt.scope) == (PATIENT_PHONE, "P1", "sms", "all")
    assert outbox.Message.get_by_id(advert.id).state == "cancelled"
    notice = outbox.Message.get(outbox.Message.purpose == "reply")
    assert notice.state == "queued" and "드리지 않겠습니다" in notice.text
    assert crm_records.is_opted_out(PATIENT_PHONE, advertising=False)


@pytest.mark.parametrize("text,scope,answer", [
    ("전화는 하지 마시고 문자로만 주세요", "calls", "앞으로 전화는 드리지 않고 문자로 안내드리겠습니다"),
    ("전화하지 마세요", "calls", "앞으로 전화는 드리지 않고"),  # by text: the texts they answer are not refused
    ("문자 그만 보내세요", "texts", "앞으로 문자는 보내지 않겠습니다"),
    ("이제 연락하지 마세요", "all", "안내 문자와 전화를 드리지 않겠습니다"),
])
def test_a_refusal_in_other_words_stores_the_scope_they_name_and_stops_only_that_channel(config, client, text, scope,
                                                                                         answer):
    """Read like a caller's words (channels_and_consent.opt_out_scope); the queued text and the queued reminder
    call are cancelled at once when the scope refuses them, with the reason staff see, and left when it does not."""
    _, call = _reminder_sent(config)
    later = texts.queue_reminder(config, phone=PATIENT_PHONE, start=APPT, key="reminder:A10", patient_id="P1",
                                 appointment_id="A10", treatment="scaling",
                                 now=dt.datetime.now().replace(microsecond=0))
    assert later is not None and later.state == outbox.QUEUED
    assert client.post(_mo_url(config), json={"id": "w1", "from": PATIENT_PHONE, "text": text}).json()[
        "action"] == "opted_out"
    opt = crm_records.OptOut.get()
    assert (opt.phone, opt.patient_id, opt.source, opt.scope) == (PATIENT_PHONE, "P1", "sms", scope)
    texts_refused, calls_refused = scope in ("texts", "all"), scope in ("calls", "all")
    kept = outbox.Message.get_by_id(later.id)
    reason = f"수신거부({crm_records.OPT_OUT_SCOPES[scope]}) 등록으로 취소"
    assert (kept.state, kept.error) == ((outbox.CANCELLED, reason) if texts_refused else (outbox.QUEUED, None))
    assert queue.Task.get_by_id(call.id).status == (queue.CANCELLED if calls_refused else queue.QUEUED)
    notice = outbox.Message.get(outbox.Message.purpose == "reply")
    assert notice.state == outbox.QUEUED and answer in notice.text  # the answer to a refusal still goes
    assert inbox.Reply.get().detail == {"scope": scope}


@pytest.mark.parametrize("text,answered_kind,scope", [("수신거부", "AD", "ad"), ("거부", "INFO", "all"),
                                                      ("080-1234-5678 수신거부", "AD", "ad"),
                                                      ("문자 수신거부", "INFO", "all")])
def test_the_words_of_a_bare_refusal_keep_their_reading(text, answered_kind, scope):
    from appliance.sms import replies

    answered = outbox.Message(kind=answered_kind)
    assert replies.classify(text) == "optout"
    assert replies.opt_out_scope(text, answered) == scope


@pytest.mark.parametrize("text", ["문자로 보내 주세요", "전화 주세요", "문자 잘 받았어요", "주차 되나요?"])
def test_a_channel_asked_for_is_no_refusal(text):
    from appliance.sms import replies

    assert replies.classify(text) == "other"


@pytest.mark.parametrize("text,reason,action", [("변경", "문자: 예약 변경 요청", "callback"),
                                                ("주차 되나요?", "문자 문의", "work_queue")])
def test_change_and_anything_else_go_to_staff(config, client, text, reason, action):
    assert client.post(_mo_url(config), data={"id": "f1", "from": PATIENT_PHONE, "text": text}).json()["action"] \
        == action
    cb = crm_records.Callback.get()
    assert (cb.reason, cb.phone, cb.note, cb.status) == (reason, PATIENT_PHONE, text, "open")


def test_delivery_report_callback(config, client):
    row = texts.queue_confirmation(config, kind="booked", phone=PATIENT_PHONE, start=APPT, key="k")
    outbox.finish(row.id, outbox.SENT, dt.datetime.now(), vendor_id="m77")
    url = webhook_urls(config, "")["report"]
    assert client.post(url, json={"message_id": "m77", "status": "delivered"}).json() == {"ok": True, "updated": True}
    assert outbox.Message.get_by_id(row.id).state == "delivered"


def test_sweeps_text_what_the_crm_asks_for_once(config):
    now = dt.datetime(2030, 12, 2, 11, 0)
    utc_now = now - dt.timedelta(hours=9)
    crm_records.BookingRequest.create(idempotency_key="call5:book", patient_id="P2", phone=PATIENT_PHONE,
                                      treatment="scaling", start=APPT, status="booked", created_at=utc_now,
                                      meta={"sms_confirmation": "wanted"})
    crm_records.BookingRequest.create(idempotency_key="call6:book", phone="01099998888", start=APPT,
                                      status="requested", created_at=utc_now, meta={})
    queue.add_task(campaign="reminder", kind="INFO", patient_id="P3", phone="01055556666", day=now.date(),
                   reason="reminder", ref="apptA1", now=now, expires_at=APPT,
                   data={"appointment": {"id": "A1", "start": APPT.isoformat()}})
    queue.Task.update(status=queue.DONE, outcome="unreachable").execute()
    Call.create(direction="inbound", caller_number="01077778888", outcome=outcomes.VOICEMAIL,
                started_at=dt.datetime(2030, 12, 1, 14, 0))  # 23:00 in Seoul: after hours
    Call.create(direction="inbound", caller_number="0212345678", outcome=outcomes.VOICEMAIL, started_at=utc_now)
    assert triggers.sweep(config, now=now) == 3
    assert triggers.sweep(config, now=now) == 0
    by_purpose = {m.purpose: m for m in outbox.Message.select()}
    assert set(by_purpose) == {"confirmation", "reminder", "voicemail_reply"}
    assert by_purpose["confirmation"].text.startswith("[미소치과] 12월 3일(화) 오후 3:30 스케일링 예약되었습니다")
    assert by_purpose["reminder"].phone == "01055556666" and by_purpose["voicemail_reply"].phone == "01077778888"


def test_privacy_export_and_delete(config, client):
    _reminder_sent(config)
    client.post(_mo_url(config), json={"id": "p1", "from": PATIENT_PHONE, "text": "1"})
    crm_records.add_opt_out(PATIENT_PHONE, "P1", source="sms")
    data = privacy.export_for_patient("P1", PATIENT_PHONE)
    assert len(data["sms_sent"]) == 2 and data["sms_received"][0]["text"] == "1"
    assert privacy.delete_for_patient("P1", PATIENT_PHONE) == {"sms_sent": 2, "sms_received": 1}
    assert privacy.export_for_patient("P1") == {"sms_sent": [], "sms_received": []}
    assert crm_records.OptOut.select().count() == 1  # a refusal is kept forever
