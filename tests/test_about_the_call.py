"""Which sentences ask about the call itself ("AI예요?", "녹음돼요?"); the dialogs' answers are tested in
test_flows_receptionist_questions.py and test_outbound_dialogs_campaigns.py."""

from __future__ import annotations

import pytest

from appliance.conversation import about_the_call


@pytest.mark.parametrize("text", [
    "이거 AI예요?", "기계랑 통화하는 거예요", "로봇이에요 사람이에요", "진짜 사람 맞아요?", "이 통화 녹음 되는 거예요?",
    "녹음하세요", "지금 녹음 중이에요?", "에이아이야?",
])
def test_questions_about_the_call_are_heard(text):
    assert about_the_call.asked(text)


@pytest.mark.parametrize("text", [
    "녹음하지 마세요", "사람 바꿔 주세요", "내일 세 시 예약이요", "기계 소리가 나요 이가 시려서", "사람이 많아요?",
    "녹음된 안내 말고요",
])
def test_other_sentences_are_not(text):
    assert not about_the_call.asked(text)
