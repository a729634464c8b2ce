"""The DB-agent gateway ("문자 에이전트" MT/MO tables) against REAL MariaDB, PostgreSQL and SQLite servers:
MT rows written once (also across a crash), agent results become delivery states, an MO "취소" row cancels
the appointment in the EMR, an MO "수신거부" row lands in the opt-outs."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.data import crm_records, phone as phones
from appliance.data.emr import EMR, drivers
from appliance.outbound.clock import clinic_clock
from appliance.sms import config as smsconfig, gateways, inbox, outbox, sender as senderlib, texts
from appliance.sms.gateways import ACCEPTED, Outgoing, load_profile
from tests.sms_helpers import PATIENT_PHONE, SENDER, make_config, open_crm

pytestmark = [pytest.mark.db, pytest.mark.e2e]


def _agent_db(server) -> str:
    server.create_db("sms_agent")
    url = server.url("sms_agent")
    conn = drivers.connect(url, read_only=False)
    ddl = load_profile(smsconfig.PROFILES_DIR / "agent-generic.toml")["schema"][server.kind]
    for table in ("SMS_MT", "SMS_MO"):
        try:
            conn.begin(serializable=False)
            conn.execute(f"DROP TABLE {table}")
            conn.commit()
        except Exception:
            conn.rollback()
    conn.begin(serializable=False)
    for statement in ddl.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.commit()
    conn.close()
    return url


def _agent_rows(url: str, sql: str, **params) -> list[dict]:
    conn = drivers.connect(url, read_only=True)
    try:
        return conn.query(sql, params)
    finally:
        conn.close()


def _agent_write(url: str, sql: str, **params) -> None:
    conn = drivers.connect(url, read_only=False)
    conn.begin(serializable=False)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


@pytest.fixture
def agent(tmp_path, emr_db):
    server, emr_url = emr_db
    url = _agent_db(server)
    config = make_config(tmp_path, api_key=None, sms_gateway="db_agent", sms_url=url, emr_url=emr_url,
                         emr_booking="emr")
    db = open_crm(config)
    gateway = gateways.load(config)
    sender = senderlib.Sender(config, gateway, emr=EMR.from_config(config))
    sender.start()
    yield config, url, sender
    sender.close()
    gateway.close()
    db.close()


def test_mt_rows_written_once_and_agent_results_read_back(agent):
    config, url, sender = agent
    now = sender.clock()
    (config.config_dir / "sms-templates.toml").write_text(
        '[booking_requested]\ntext = "[{clinic}] {when} {treatment} 예약 요청을 받았습니다. 담당 실장이 확인한 뒤 '
        '확정 문자를 다시 보내 드리겠습니다. 문의 {clinic_phone}"\n', encoding="utf-8")
    short = texts.queue_confirmation(config, kind="booked", phone=PATIENT_PHONE, start=now + dt.timedelta(days=2),
                                     key="s", now=now)
    long = texts.queue_confirmation(config, kind="requested", phone="010-2222-3333", treatment="wisdom_tooth",
                                    start=now + dt.timedelta(days=3), key="l", now=now)
    assert (short.type, long.type) == ("SMS", "LMS")
    assert sender.send_due() == 2
    # a crash after the insert: the restarted sender finds the row instead of writing a second one
    outbox.Message.update(state=outbox.SENDING).where(outbox.Message.id == short.id).execute()
    sender.close()
    assert sender.start() == {"settled": 1, "resend": 0, "unknown": 0}
    assert sender.gateway.send(Outgoing(short.reference, SENDER, PATIENT_PHONE, short.text, "SMS")).status == ACCEPTED
    rows = _agent_rows(url, "SELECT REF_KEY AS ref, PHONE AS phone, CALLBACK AS cb, MSG AS msg, MSG_TYPE AS t, "
                            "SUBJECT AS subject FROM SMS_MT ORDER BY MT_SEQ")
    assert [(r["ref"], r["phone"], r["cb"], r["t"]) for r in rows] == [
        (short.reference, PATIENT_PHONE, SENDER, "S"), (long.reference, "01022223333", SENDER, "L")]
    assert rows[0]["msg"] == short.text and "사랑니 발치" in rows[1]["msg"]
    # the agent reports: one delivered, one failed
    _agent_write(url, "UPDATE SMS_MT SET STATUS = '2', RESULT = '0' WHERE REF_KEY = :r", r=short.reference)
    _agent_write(url, "UPDATE SMS_MT SET STATUS = '2', RESULT = 'E9' WHERE REF_KEY = :r", r=long.reference)
    assert sender.poll_reports() == 2
    assert outbox.Message.get_by_id(short.id).state == "delivered"
    failed = outbox.Message.get_by_id(long.id)
    assert failed.state == "failed" and "E9" in failed.error


def _patient_with_next_visit(emr: EMR, now: dt.datetime):
    today = now.date()
    for i in range(2, 40):
        for appt, patient in emr.appointments_with_patients(today + dt.timedelta(days=i)):
            if patient is None or not any(phones.is_mobile(p) for p in patient.phones):
                continue
            upcoming = emr.upcoming_appointments(patient.id, now)
            if upcoming and min(upcoming, key=lambda a: a.start).id == appt.id:
                return patient, appt
    raise AssertionError("the seeded EMR has no upcoming appointment with a mobile phone")


def _latest_daytime(moment: dt.datetime) -> dt.datetime:
    """The latest moment at or before ``moment`` inside 08:00-21:00: a reminder queued then is due at once, whatever
    the hour this test runs (one queued at night would wait for 08:00)."""
    if 8 <= moment.hour < 21:
        return moment
    day = moment.date() if moment.hour >= 21 else moment.date() - dt.timedelta(days=1)
    return dt.datetime.combine(day, dt.time(20, 0))


def test_latest_daytime_is_never_at_night_nor_in_the_future():
    for hour in range(24):
        moment = dt.datetime(2026, 12, 7, hour, 30)
        daytime = _latest_daytime(moment)
        assert daytime <= moment and 8 <= daytime.hour < 21


def test_mo_cancel_row_cancels_the_appointment_in_the_emr(agent):
    config, url, sender = agent
    emr = sender.emr
    now = _latest_daytime(clinic_clock()())
    patient, appt = _patient_with_next_visit(emr, now)
    mobile = next(p for p in patient.phones if phones.is_mobile(p))
    row = texts.queue_reminder(config, phone=mobile, start=appt.start, key=f"reminder:{appt.id}",
                               patient_id=patient.id, appointment_id=appt.id, now=now)
    sender.send_due()
    assert outbox.Message.get_by_id(row.id).state == "sent"
    _agent_write(url, "INSERT INTO SMS_MO (PHONE, CALLBACK, MSG, RECV_DATE) VALUES (:p, :c, :m, :d)",
                 p=phones.formatted(mobile), c=SENDER, m="취소", d=now)
    assert sender.receive_replies() == 1
    reply = inbox.Reply.get()
    assert (reply.action, reply.patient_id, reply.answers) == ("cancelled", patient.id, row.id)
    status = {a.id: a.status for a in emr.appointments_between(appt.start.date(), appt.start.date())}
    assert status[appt.id] == "cancelled"
    assert sender.receive_replies() == 0 and inbox.Reply.select().count() == 1  # the MO row is read once
    answer = outbox.Message.get(outbox.Message.purpose == "reply")
    assert answer.phone == phones.canonical(mobile) and "취소" in answer.text


def test_mo_optout_row_lands_in_the_opt_outs(agent):
    config, url, sender = agent
    now = clinic_clock()()
    _agent_write(url, "INSERT INTO SMS_MO (PHONE, CALLBACK, MSG, RECV_DATE) VALUES (:p, :c, :m, :d)",
                 p="010-4444-5555", c=SENDER, m="수신거부", d=now)
    sender.receive_replies()
    opt = crm_records.OptOut.get()
    assert (opt.phone, opt.source, opt.scope) == ("01044445555", "sms", "ad")
    assert crm_records.is_opted_out("01044445555")
    assert inbox.Reply.get().action == "opted_out"
