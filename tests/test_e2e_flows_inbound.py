"""The receptionist's main flows on REAL calls: sipp → real Asterisk → real engine (FastAGI + AudioSocket, real
Whisper). We assert what the caller heard (prompts found in the captured RTP) and what landed in the CRM.

The keypad booking path is all real (DTMF as RFC 4733 events). Speech-only branches (emergency, staff, an
unanswerable question, a refusal in other words) send a real Korean clip — the only ones we have are not about
teeth — and use the documented test hook of ``appliance.conversation.factory``
(``<home>/test-hooks/transcripts.txt``, honoured only for a home under the temp dir) to swap the transcript the
dialog receives. ``now.txt`` fixes the dialog's
clock to a Monday 10:00 so opening-hours branches do not depend on when the suite runs.
"""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from appliance.conversation.actions import spoken_keys
from appliance.data import crm, crm_records
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from tests.audio_checks import heard_prompt
from tests.opt_out_support import refusal_the_rules_miss

pytestmark = pytest.mark.e2e

MONDAY_10 = "2026-11-23T10:00"


def _seconds(pack: PromptPack, *keys: str) -> float:
    return sum(len(pack.pcm(k) or b"") for k in keys) / 16000


@pytest.fixture
def lab(engine_running):
    config = engine_running.config
    hooks = Path(config.home) / "test-hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "now.txt").write_text(MONDAY_10, encoding="utf-8")
    yield engine_running
    for f in ("now.txt", "transcripts.txt"):
        (hooks / f).unlink(missing_ok=True)


def _say_next(config, *lines: str) -> None:
    (Path(config.home) / "test-hooks" / "transcripts.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _crm(config):
    crm.open_database(config.crm_url)


def _last_call(config) -> crm.Call:
    _crm(config)
    try:
        return crm.Call.select().order_by(crm.Call.id.desc()).first()
    finally:
        crm.database.close()


def _voicemails(config) -> int:
    return len(glob.glob(str(config.asterisk_dir / "spool" / "voicemail" / "dentalcall" / config.voicemail_box
                             / "INBOX" / "msg*.txt")))


def test_keypad_booking_lands_a_booking_request(lab):
    config = lab.config
    pack = PromptPack.load(config)
    phone = "01077770001"
    t = _seconds(pack, "greeting", "how_can_i_help") + 0.8
    dtmf = [(t, "1")]  # menu: booking
    t += sipp.dtmf_seconds("1") + _seconds(pack, "ask_treatment", "treatment_menu") + 0.8
    dtmf.append((t, "1"))  # scaling
    t += sipp.dtmf_seconds("1") + _seconds(pack, "ask_date", "date_menu") + 0.8
    dtmf.append((t, "*"))  # the earliest day
    # 2.5 s inter-digit wait, slot search, read-back (fragments) + book_this + yes_no_keys
    t += sipp.dtmf_seconds("*") + 2.5 + 5.0 + _seconds(pack, "book_this", "yes_no_keys") + 0.5
    dtmf.append((t, "1"))  # yes, book it
    t += sipp.dtmf_seconds("1") + 4.0 + _seconds(pack, "booking_requested", "ask_name") + 0.5
    dtmf.append((t, "#"))  # no name
    # no text gateway on this instance (the default): no text is offered (tests/test_e2e_sms_booking.py has one)
    t += sipp.dtmf_seconds("#") + _seconds(pack, "questionnaire_offer", "yes_no_keys") + 0.5
    dtmf.append((t, "2"))  # no questionnaire
    t += sipp.dtmf_seconds("2") + _seconds(pack, "anything_else", "yes_no_keys") + 0.5
    dtmf.append((t, "2"))  # nothing else
    t += sipp.dtmf_seconds("2") + _seconds(pack, "goodbye") + 3.0
    result = sipp.place_call("127.0.0.1", config.sip_port, [(None, t + 5)], dtmf=dtmf, to_user="1000",
                             from_user=phone, hold_seconds=t + 5, timeout=t + 30)
    assert result.ok, result.describe()
    heard = result.heard_pcm()
    for key in ("greeting", "booking_requested", "goodbye"):
        assert heard_prompt(heard, pack.pcm(key))[0], (key, lab.tail())
    _crm(config)
    try:
        rows = list(crm_records.BookingRequest.select().where(crm_records.BookingRequest.phone == phone))
        assert len(rows) == 1, lab.tail()
        row = rows[0]
        assert row.status == "requested" and row.treatment == "scaling" and row.source == "call"
        assert "sms_confirmation" not in (row.meta or {})
        assert row.start.strftime("%Y-%m-%d") == "2026-11-23"  # the earliest slot on the (test) Monday
    finally:
        crm.database.close()
    call = _last_call(config)
    assert call.outcome == "booked" and call.next_step == "hangup", call.error
    assert [e["kind"] for e in call.meta["events"]] == ["booking"]


def _speech_call(config, pack, wait_after: float, hold: float):
    wait = _seconds(pack, "greeting", "how_can_i_help") + 0.8
    clip = sipp.demo_clip(config)
    return sipp.place_call("127.0.0.1", config.sip_port, [(None, wait), (clip, 0.0), (None, wait_after)],
                           to_user="1000", from_user="01077770002", hold_seconds=hold, timeout=hold + 30)


def test_emergency_goes_to_staff_at_once_then_voicemail(lab):
    config = lab.config
    pack = PromptPack.load(config)
    before = _voicemails(config)
    _say_next(config, "사랑니 뺀 자리에서 피가 안 멈춰요")
    result = _speech_call(config, pack, 30.0, 45.0)
    assert result.ok, result.describe()
    heard = result.heard_pcm()
    for key in spoken_keys("emergency_transfer"):  # "많이 불편하시겠어요." + "담당 직원에게 연결해 드리겠습니다. …"
        assert heard_prompt(heard, pack.pcm(key))[0], (key, lab.tail())
    assert heard_prompt(heard, pack.pcm("leave_message"))[0]  # nobody in the lab ring group answers
    call = _last_call(config)
    assert call.outcome == "emergency" and call.next_step == "transfer"
    assert "응급" in call.meta["summary"]
    assert _voicemails(config) == before + 1
    _crm(config)
    try:
        cb = crm_records.Callback.select().order_by(crm_records.Callback.id.desc()).first()
        assert cb.priority == 1 and cb.phone == "01077770002"
    finally:
        crm.database.close()


def test_talk_to_staff_transfers_with_summary_then_voicemail(lab):
    config = lab.config
    pack = PromptPack.load(config)
    before = _voicemails(config)
    _say_next(config, "직원분 좀 바꿔 주세요")
    result = _speech_call(config, pack, 30.0, 45.0)
    assert result.ok, result.describe()
    heard = result.heard_pcm()
    assert heard_prompt(heard, pack.pcm("transfer"))[0], lab.tail()
    assert heard_prompt(heard, pack.pcm("leave_message"))[0]
    call = _last_call(config)
    assert call.outcome == "transferred" and call.next_step == "transfer"
    assert "직원 연결" in call.meta["summary"]
    assert _voicemails(config) == before + 1


def test_question_not_in_the_facts_becomes_a_callback(lab):
    config = lab.config
    pack = PromptPack.load(config)
    _say_next(config, "교정 비용은 얼마나 해요?")
    # callback promise + "anything else?" then silence → goodbye and hang-up by the engine
    result = _speech_call(config, pack, 30.0, 40.0)
    assert result.ok, result.describe()
    heard = result.heard_pcm()
    assert heard_prompt(heard, pack.pcm("callback_promise"))[0], lab.tail()
    assert heard_prompt(heard, pack.pcm("goodbye"))[0]
    call = _last_call(config)
    assert call.outcome == "callback_requested" and call.next_step == "hangup"
    _crm(config)
    try:
        cb = crm_records.Callback.select().order_by(crm_records.Callback.id.desc()).first()
        assert cb.phone == "01077770002" and "비용" in cb.reason
    finally:
        crm.database.close()


def test_a_refusal_in_other_words_is_asked_and_a_yes_is_stored(lab):
    """A refusal the rules do not read ("앞으로 이런 안내 받고 싶지 않아요"): the caller is asked "앞으로 병원
    안내 연락을 그만 받으시겠어요?", says yes, and the opt-out lands in the CRM with the call's outcome and events."""
    config = lab.config
    pack = PromptPack.load(config)
    phone = "01077770003"
    _say_next(config, refusal_the_rules_miss("need"), "네")
    clip = sipp.demo_clip(config)
    wait = _seconds(pack, "greeting", "how_can_i_help") + 0.8
    # end of turn + Whisper on a shared box (the first call of a fresh engine is slower) + the whole question: an
    # answer that barged in would cut the question short
    answer_after = 24.0 + _seconds(pack, "opt_out_check")
    script = [(None, wait), (clip, 0.0), (None, answer_after), (clip, 0.0), (None, 30.0)]
    hold = wait + 2 * sipp.wav_seconds(clip) + answer_after + 30.0
    result = sipp.place_call("127.0.0.1", config.sip_port, script, to_user="1000", from_user=phone,
                             hold_seconds=hold, timeout=hold + 30)
    assert result.ok, result.describe()
    heard = result.heard_pcm()
    # the question's first 2 s (the caller's "네" may barge in on its end: the demo clip's tail after its pause can
    # count as the answer) and the whole confirmation
    assert heard_prompt(heard, pack.pcm("opt_out_check")[:2 * 16000])[0], lab.tail()
    assert heard_prompt(heard, pack.pcm("opt_out_done"))[0], lab.tail()
    call = _last_call(config)
    assert call.outcome == "opted_out", call.error
    assert [e["kind"] for e in call.meta["events"]][:2] == ["opt_out_check", "opt_out"]
    _crm(config)
    try:
        rows = list(crm_records.OptOut.select().where(crm_records.OptOut.phone == phone))
        assert [(r.source, r.scope) for r in rows] == [("call_speech", "ad")], lab.tail()
    finally:
        crm.database.close()
