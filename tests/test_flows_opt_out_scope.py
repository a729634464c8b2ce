"""An opt-out keeps the channel the caller named, through the real dialogs: what lands in the CRM and what the caller
hears. Campaign calls through ``dentalcall chat --campaign`` (demo EMR, real CRM); inbound calls on the
receptionist with a real SQLite EMR and CRM."""

from __future__ import annotations

import pytest

from appliance.data import crm_records
from tests.test_chat_campaigns import MOTHER
from tests.test_chat_campaigns import run as run  # a fixture
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.receptionist_support import UNKNOWN, Talk
from tests.receptionist_support import crm_db as crm_db  # fixtures
from tests.receptionist_support import make as make

CALLS_DONE = "네, 앞으로 전화는 드리지 않고 문자로만 안내드리겠습니다."
TEXTS_DONE = "네, 앞으로 문자는 보내 드리지 않겠습니다."
ALL_DONE = "네, 수신거부 처리되었습니다. 앞으로 전화나 문자로 연락드리지 않겠습니다."


# --- campaign calls -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("words, scope, done", [
    ("전화 말고 앞으로는 카톡으로만 보내 주세요", "calls", CALLS_DONE),
    ("전화는 하지 마시고 앞으로 문자로만 주세요", "calls", CALLS_DONE),
    ("앞으로 문자는 보내지 마세요", "texts", TEXTS_DONE),
    ("앞으로 이런 전화 하지 마세요", "all", ALL_DONE),
])
def test_a_reminder_call_stores_the_scope_the_words_name(run, words, scope, done):
    turns, summary = run("reminder", ["#" + MOTHER, words], "2")
    assert turns[-1]["outcome"] == "opted_out" and turns[-1]["say"] == done + " 좋은 하루 보내세요."
    assert summary["opt_outs"] == [{"scope": scope, "source": "call_speech"}]  # the CRM row
    assert summary["booking_requests"] == []


def test_an_advert_refused_as_advertising_stays_ad(run):
    turns, summary = run("recall", ["#" + MOTHER, "광고 전화는 이제 하지 마세요"], "1")
    assert turns[-1]["say"] == "네, 수신거부 처리되었습니다. 앞으로 안내 전화는 드리지 않겠습니다. 좋은 하루 보내세요."
    assert summary["opt_outs"] == [{"scope": "ad", "source": "call_speech"}]


# --- inbound calls ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("words, scope, key, done", [
    ("앞으로 이런 전화 하지 마세요", "calls", "opt_out_calls_done", CALLS_DONE),
    ("전화 말고 앞으로는 카톡으로만 보내 주세요", "calls", "opt_out_calls_done", CALLS_DONE),
    ("앞으로 문자는 보내지 마세요", "texts", "opt_out_texts_done", TEXTS_DONE),
    ("제 번호 지워 주세요 연락하지 마세요", "all", "opt_out_all_done", ALL_DONE),
    ("수신거부요", "ad", "opt_out_done", "수신거부 처리되었습니다"),
])
def test_an_inbound_refusal_stores_the_scope_the_words_name(make, words, scope, key, done):
    t = Talk(make(caller=UNKNOWN))(words)
    assert t.keys() == [key, "anything_else"] and done in t.said()
    row = crm_records.OptOut.get()
    assert (row.phone, row.source, row.scope) == ("01099991234", "call_speech", scope)
    may_call = not crm_records.is_opted_out(UNKNOWN, advertising=False, channel="call")
    may_text = not crm_records.is_opted_out(UNKNOWN, advertising=False, channel="text")
    assert (may_call, may_text) == {"calls": (False, True), "texts": (True, False), "all": (False, False),
                                    "ad": (True, True)}[scope]
