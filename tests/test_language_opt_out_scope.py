"""Which opt-out scope a refusal names (``appliance.language.channels_and_consent.opt_out_scope``): a channel the
caller still wants is kept (``calls`` / ``texts``), advertising refused stays ``ad``, a refusal of every contact or
of the very call on an outbound call is ``all``. Sentences written for this test, not taken from the rule examples."""

from __future__ import annotations

import pytest

from appliance.data.crm_records import OPT_OUT_SCOPES
from appliance.language.channels_and_consent import opt_out_scope

INBOUND, REMINDER, ADVERT = None, False, True


@pytest.mark.parametrize("text", [
    "전화 말고 앞으로는 카톡으로만 보내 주세요",
    "전화는 하지 마시고 문자로 주세요",
    "문자로 주시고 전화는 하지 마세요",
    "카톡으로 보내 주시면 되고 전화는 안 하셨으면 좋겠어요",
    "예약 문자는 받을게요 전화만 하지 마세요",
    "통화는 어렵고요 메시지로만 남겨 주세요 통화는 앞으로 하지 말아 주세요",
])
@pytest.mark.parametrize("direction", [INBOUND, REMINDER, ADVERT])
def test_calls_refused_with_texts_wanted_is_calls(text, direction):
    assert opt_out_scope(text, direction) == "calls"


@pytest.mark.parametrize("text", [
    "앞으로 문자는 보내지 마세요",
    "문자 말고 전화로 연락 주세요",
    "카톡 알림은 이제 안 받을래요",
    "메시지 그만 보내 주세요 필요하면 전화 주시고요",
    "문자로도 보내지 마세요",
])
@pytest.mark.parametrize("direction", [INBOUND, REMINDER, ADVERT])
def test_texts_refused_is_texts(text, direction):
    assert opt_out_scope(text, direction) == "texts"


@pytest.mark.parametrize("text", [
    "광고 전화 하지 마세요",
    "이벤트 문자 그만 보내세요",
    "할인 행사 안내는 빼 주세요",
    "홍보 연락은 원치 않아요",
])
@pytest.mark.parametrize("direction", [INBOUND, REMINDER, ADVERT])
def test_advertising_refused_is_ad_whatever_the_channel(text, direction):
    assert opt_out_scope(text, direction) == "ad"


@pytest.mark.parametrize("text", [
    "앞으로 전화도 문자도 하지 마세요",
    "전화나 문자 모두 보내지 마세요",
    "문자랑 전화 다 그만하세요",
    "문자도 안 받을 거고 전화도 싫어요",
])
@pytest.mark.parametrize("direction", [INBOUND, REMINDER, ADVERT])
def test_calls_and_texts_refused_is_all(text, direction):
    assert opt_out_scope(text, direction) == "all"


@pytest.mark.parametrize("text", ["이제 연락하지 마세요", "제 번호 지워 주세요", "다시는 연락 주지 마세요"])
@pytest.mark.parametrize("direction", [INBOUND, REMINDER, ADVERT])
def test_every_contact_refused_with_no_channel_is_all(text, direction):
    """Not about the advertising: even on an advert, every contact is refused."""
    assert opt_out_scope(text, direction) == "all"


@pytest.mark.parametrize("text", ["앞으로 이런 전화 하지 마세요", "전화 그만 좀 하세요", "이런 통화 받고 싶지 않아요"])
def test_calls_refused_and_no_other_channel_named(text):
    """Inbound: calls (the clinic's texts still come); outbound: the very contact refused, texts too (all)."""
    assert opt_out_scope(text, INBOUND) == "calls"
    assert opt_out_scope(text, REMINDER) == "all"
    assert opt_out_scope(text, ADVERT) == "all"


@pytest.mark.parametrize("text", ["수신거부요", "수신 거부 할게요", "됐어요 거부할게요"])
def test_a_bare_refusal(text):
    """On an advert it answers the advert's opt-out notice (ad); on a reminder it refuses the clinic's contact (all);
    inbound it stays what it was (ad)."""
    assert opt_out_scope(text, ADVERT) == "ad"
    assert opt_out_scope(text, REMINDER) == "all"
    assert opt_out_scope(text, INBOUND) == "ad"


def test_every_answer_is_a_scope_the_crm_knows():
    sentences = ["전화 말고 카톡으로만", "문자 보내지 마세요", "광고 그만", "연락하지 마세요", "수신거부", ""]
    assert {opt_out_scope(t, d) for t in sentences for d in (INBOUND, REMINDER, ADVERT)} <= set(OPT_OUT_SCOPES)
