"""Today, Calls, Opt-outs, Campaigns and Health through the real app and a real SQLite CRM."""

from __future__ import annotations

import datetime as dt

from appliance.console.models import WorkAction
from appliance.data import access_log, crm_records
from appliance.data.crm import Call, Turn, utcnow
from tests.console_support import csrf_of, form_csrf, login


def _call(number: str, outcome: str | None, *, minutes_ago: int = 5, patient: str | None = None) -> Call:
    start = utcnow() - dt.timedelta(minutes=minutes_ago)
    call = Call.create(direction="inbound", caller_number=number, patient_id=patient, started_at=start,
                       ended_at=None if outcome is None else start + dt.timedelta(seconds=70), outcome=outcome,
                       meta={"summary": "예약 문의"})
    Turn.create(call=call, seq=1, speaker="bot", text="무엇을 도와드릴까요?")
    Turn.create(call=call, seq=2, speaker="caller", text="스케일링 예약하려고요", intent="book", t_speech_end=5200,
                t_stt_final=5600, t_decision=5700, t_first_audio=6100, latency_ms=900)
    return call


def test_today_shows_calls_in_progress_and_todays_outcomes(client):
    _call("01012340001", None, minutes_ago=1)
    _call("01012340002", "booked", minutes_ago=30)
    login(client, "kim")
    page = client.get("/today").text
    assert "지금 통화 중 <span class=\"count\">1</span>" in page and "스케일링 예약하려고요" in page
    assert "예약 1" in page and "010-1234-0002" in page


def test_calls_search_is_posted_and_a_call_shows_turns_and_latency(client):
    a = _call("01012345678", "booked", patient="31")
    _call("01099990000", "answered")
    login(client, "kim")
    page = client.get("/calls").text
    r = client.post("/calls", data={"csrf_token": form_csrf(page, "/calls"), "number": "5678", "day": ""})
    assert r.status_code == 200 and "010-1234-5678" in r.text and "010-9999-0000" not in r.text
    assert access_log.entries(action="console.calls.search")[0].patient_id == "31"
    detail = client.get(f"/calls/{a.id}").text
    assert "스케일링 예약하려고요" in detail and ">900<" in detail and "예약 문의" in detail
    assert access_log.entries(action="console.call.view")[0].subject == f"call {a.id}"
    assert client.get(f"/calls/{a.id}/recording").status_code == 404  # none recorded: said, not a crash


def test_opt_outs_need_a_reason_and_are_honoured(client):
    login(client, "desk")
    page = client.get("/optouts").text
    r = client.post("/optouts/add", data={"csrf_token": csrf_of(page), "phone": "010-3333-4444", "scope": "ad",
                                          "source": "staff", "reason": ""})
    assert "사유" in r.text and not crm_records.is_opted_out("01033334444")
    r = client.post("/optouts/add", data={"csrf_token": form_csrf(page, "/optouts/add"), "phone": "010-3333-4444",
                                          "scope": "ad", "source": "sms", "reason": "문자로 수신거부 요청"})
    assert "등록했습니다" in r.text and crm_records.is_opted_out("01033334444")
    row = crm_records.OptOut.get()
    assert row.source == "sms" and "문자로 수신거부 요청" in row.note and "desk" not in (row.patient_id or "")
    found = client.post("/optouts", data={"csrf_token": csrf_of(page), "query": "4444"}).text
    assert "010-****-4444" in found  # staff role: masked here too
    assert WorkAction.get().action == "add"


def test_an_opt_out_shows_its_scope_in_korean(client):
    """Staff pick 광고 / 전화 / 문자 / 전체 with what each stops; the list shows the scope's Korean name."""
    login(client, "desk")
    page = client.get("/optouts").text
    assert "전화: 전화는 하지 않습니다 (문자 안내는 보냅니다)" in page and "전체: 전화도 문자도 하지 않습니다" in page
    r = client.post("/optouts/add", data={"csrf_token": csrf_of(page), "phone": "010-3333-4444", "scope": "calls",
                                          "source": "staff", "reason": "전화 말고 문자로만 받겠다고 하심"})
    assert "수신거부(전화)를 등록했습니다. 전화는 하지 않습니다 (문자 안내는 보냅니다)." in r.text
    assert "<td>전화</td>" in r.text
    assert crm_records.is_opted_out("01033334444", advertising=False, channel="call")
    assert not crm_records.is_opted_out("01033334444", advertising=False, channel="text")
    r = client.post("/optouts/add", data={"csrf_token": form_csrf(page, "/optouts/add"), "phone": "010-3333-5555",
                                          "scope": "texts", "source": "paper", "reason": "서면: 문자 거부"})
    assert "<td>문자</td>" in r.text and "<td>전화</td>" in r.text


def test_an_opt_out_entered_by_staff_cancels_the_queued_texts_it_refuses_and_says_so(client):
    """Stored at the desk, a ``texts`` refusal cancels the number's queued text at once (the text queue shows why)
    and leaves its queued reminder call, which the scope allows."""
    from appliance.outbound import queue
    from appliance.sms import outbox

    local = dt.datetime.now().replace(microsecond=0)
    text = outbox.queue(key="reminder:A1", purpose="reminder", phone="01033334444", patient_id="41",
                        text="[미소치과] 내일 예약", sender="0255501000", now=local,
                        not_before=local + dt.timedelta(hours=2))[0]
    call = queue.add_task(campaign="reminder", kind="INFO", patient_id="41", phone="01033334444", day=local.date(),
                          reason="reminder", ref="A1", now=local, expires_at=local + dt.timedelta(days=1))
    login(client, "kim")
    page = client.get("/optouts").text
    r = client.post("/optouts/add", data={"csrf_token": csrf_of(page), "phone": "010-3333-4444", "scope": "texts",
                                          "source": "staff", "reason": "문자는 그만 받겠다고 하심"})
    assert "수신거부(문자)를 등록했습니다. 문자는 보내지 않습니다 (전화 안내는 합니다)." in r.text
    assert "보내려던 문자 1건을 취소했습니다." in r.text
    row = outbox.Message.get_by_id(text.id)
    assert (row.state, row.error) == (outbox.CANCELLED, "수신거부(문자) 등록으로 취소")
    assert queue.Task.get_by_id(call.id).status == queue.QUEUED
    texts_page = client.get("/texts").text
    assert "수신거부(문자) 등록으로 취소" in texts_page  # staff see why it never went


def test_campaigns_switch_on_and_off_with_an_audit(client):
    from appliance.outbound import campaigns as camps

    login(client, "kim")
    page = client.get("/campaigns").text
    assert "장기 미방문 리콜" in page
    client.post("/campaigns/recall/enable", data={"csrf_token": form_csrf(page, "/campaigns/recall/enable")})
    assert camps.state("recall")[0] is True
    r = client.post("/campaigns/recall/disable", data={"csrf_token": csrf_of(page)})
    assert camps.state("recall")[0] is False and "껐습니다" in r.text
    assert [a.action for a in WorkAction.select().order_by(WorkAction.id)] == ["enable", "disable"]
    r = client.post("/campaigns/recall/preview", data={"csrf_token": csrf_of(page)})
    assert "EMR" in r.text  # no EMR connected in this home: a clear message


def test_health_shows_the_doctor_checks_and_the_console_services(client, console_home):
    console_home.app.state.health.refresh()  # `dentalcall doctor --json` in its own process, as in the background
    login(client, "kim")
    page = client.get("/health").text
    assert "음성메시지 받아쓰기" in page and "알림" in page and "EMR 마지막 기록" in page
    names = [c["name"] for c in console_home.app.state.health.checks]
    assert {"asterisk", "database", "prompts", "console"} <= set(names)
    assert "CRM schema version" in page  # the database check's own words
