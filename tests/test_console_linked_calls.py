"""Staff find a patient's calls by the link a proven identity made, not by the phone: two inbound calls from one
family phone, one whose caller proved to be patient 1 (linked as the engine links it, ``CallLog.link_patient``),
one whose caller proved nobody. The real console app on a real SQLite CRM."""

from __future__ import annotations

from appliance.data import access_log
from appliance.data.calllog import CallLog
from tests.console_support import form_csrf, login

FAMILY = "01020240001"


def test_the_patient_search_shows_the_calls_linked_to_the_patient_only(client):
    proven = CallLog("inbound", uniqueid="c-proven", caller=FAMILY)
    proven.link_patient("1")
    proven.finish("booked", next_step="hangup")
    unproven = CallLog("inbound", uniqueid="c-unproven", caller=FAMILY)
    unproven.finish("callback", next_step="hangup")
    login(client, "kim")
    page = client.get("/calls").text
    assert "환자번호 1" in page and "확인 안 됨" in page  # the unlinked call from the same phone names nobody
    found = client.post("/calls", data={"csrf_token": form_csrf(page, "/calls"), "patient": "1", "day": ""}).text
    assert f'/calls/{proven.call.id}"' in found and f'/calls/{unproven.call.id}"' not in found
    assert access_log.entries(action="console.calls.search")[0].patient_id == "1"
    client.get(f"/calls/{proven.call.id}")
    assert access_log.entries(action="console.call.view")[0].patient_id == "1"
