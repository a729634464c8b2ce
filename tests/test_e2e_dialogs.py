"""Three dialog behaviours on REAL calls (sipp → real Asterisk → real engine with Whisper): a question about the
call itself, a treatment corrected at the read-back, and a weekday that is not the date's. We assert what the
caller heard (the prompts, and the sentences the fragment voice renders, found in the captured RTP) and what
landed in the EMR and the CRM. The text versions are in ``test_flows_receptionist_questions.py``,
``test_flows_receptionist_booking.py`` and ``test_outbound_dialogs_campaigns.py``; the outbound version of the
first is in ``test_e2e_outbound_dialogs.py``.

As in ``test_e2e_flows_inbound.py``, each caller turn is a real Korean clip (it triggers the VAD and goes through
Whisper) whose transcript the documented test hook (``<home>/test-hooks/transcripts.txt``) replaces, and
``now.txt`` fixes the dialog's clock to a Monday 10:00. The engine runs over a seeded EMR that takes bookings
(``emr_booking = emr``), the same demo data ``dentalcall chat --demo`` uses.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from appliance.commands.chat import DEMO_PATIENTS, DEMO_SEED
from appliance.data import crm, crm_records
from appliance.data.emr import seed
from appliance.data.emr.connector import EMR
from appliance.speech.prompt_pack import PromptPack
from appliance.speech.voice import Voice
from appliance.telephony import sipp
from tests.audio_checks import heard_in_sequence, heard_prompt

pytestmark = pytest.mark.e2e

MONDAY_10 = dt.datetime(2026, 11, 23, 10, 0)
THINK_S = 6.0
"""From the end of a caller's clip to the start of the answer: end of turn + Whisper on a shared 2-core box, with
room. It stays below the 8 s the dialog listens before it asks again, so a slow box costs no extra turn."""


@pytest.fixture(scope="module")
def desk(live_engine, tmp_path_factory):
    """The engine over a seeded EMR it books into; the dialog's clock at Monday 10:00."""
    emr_url = f"sqlite:///{tmp_path_factory.mktemp('dialogs-emr') / 'emr.sqlite'}"
    seed.seed_demo(emr_url, patients=DEMO_PATIENTS, seed=DEMO_SEED, today=MONDAY_10.date())
    if not live_engine.running():
        live_engine.start()
    with live_engine.reconfigured(DENTALCALL_EMR_URL=emr_url, DENTALCALL_EMR_PROFILE="reference",
                                  DENTALCALL_EMR_BOOKING="emr") as engine:
        hooks = Path(engine.config.home) / "test-hooks"
        hooks.mkdir(exist_ok=True)
        (hooks / "now.txt").write_text(MONDAY_10.isoformat(timespec="minutes"), encoding="utf-8")
        try:
            yield engine, emr_url
        finally:
            for f in ("now.txt", "transcripts.txt"):
                (hooks / f).unlink(missing_ok=True)


def _seconds(pack: PromptPack, *keys: str) -> float:
    return sum(len(pack.pcm(k) or b"") for k in keys) / 16000


def _spoken(config, pack: PromptPack, text: str) -> bytes:
    """The audio the engine's voice makes of a sentence that is no recorded prompt (here: fragments)."""
    return Voice(config, pack=pack, piper=None).render(text)


class Talk:
    """A call that says each ``(transcript, seconds of the answer it gets)`` in turn, with a real clip, after the
    greeting; the caller hangs up once the last answer is said. ``answer(i)``: what the caller heard from the start
    of clip ``i`` to the start of the next (the answer to turn ``i``: the end of turn may come at a pause before
    the clip's trailing silence)."""

    def __init__(self, engine, phone: str, turns: list[tuple[str, float]]):
        config = engine.config
        pack = PromptPack.load(config)
        (Path(config.home) / "test-hooks" / "transcripts.txt").write_text(
            "".join(line + "\n" for line, _ in turns), encoding="utf-8")
        clip = sipp.demo_clip(config)
        clip_s = sipp.wav_seconds(clip)
        at = _seconds(pack, "greeting", "how_can_i_help") + 0.8
        script: list[tuple[Path | None, float]] = [(None, at)]
        self.windows: list[tuple[float, float]] = []
        for _, answer_s in turns:
            wait = THINK_S + answer_s + 0.5
            script += [(clip, 0.0), (None, wait)]
            self.windows.append((at, at + clip_s + wait + 1.0))  # (1 s of play for RTP re-stamping)
            at += clip_s + wait
        self.result = sipp.place_call("127.0.0.1", config.sip_port, script, to_user="1000", from_user=phone,
                                      hold_seconds=at, timeout=at + 30)
        assert self.result.ok, self.result.describe()
        self.heard = self.result.heard_pcm()

    def answer(self, turn: int) -> np.ndarray:
        start, end = self.windows[turn]
        return self.heard[int(start * 8000):int(end * 8000)]


def _in_order(heard: np.ndarray, *references: bytes | None) -> None:
    """Each reference heard after the previous one (AssertionError naming the first one missing)."""
    found, missing = heard_in_sequence(heard, *references)
    assert found, f"reference {missing} of {len(references)} not heard in order"


def _last_call(config) -> crm.Call:
    crm.open_database(config.crm_url)
    try:
        return crm.Call.select().order_by(crm.Call.id.desc()).first()
    finally:
        crm.database.close()


def test_questions_about_the_call_get_the_true_notice_then_the_open_question(desk):
    """"AI예요?" and "이거 녹음돼요?" on an inbound call: the AI notice with the recording notice as this call is
    (recorded or not), then "what can I do for you" again, each time; the call goes on."""
    engine, _ = desk
    config = engine.config
    pack = PromptPack.load(config)
    answer_s = _seconds(pack, "about_call_recorded", "reask_need")
    call = Talk(engine, "01077770051", [("AI예요?", answer_s), ("이거 녹음돼요?", answer_s)])
    log = _last_call(config)
    recorded = bool(log.recording_path)  # the lab records calls (record_calls = true) when MixMonitor runs
    truth, untrue = ("about_call_recorded", "about_call_unrecorded")[::1 if recorded else -1]
    for turn in (0, 1):
        _in_order(call.answer(turn), pack.pcm(truth), pack.pcm("reask_need"))
    assert not heard_prompt(call.heard, pack.pcm(untrue))[0]
    assert log.outcome not in ("wrong_number", "transferred", "failed"), (log.outcome, engine.tail())


def test_a_treatment_corrected_at_the_read_back_is_offered_again_and_booked_in_the_emr(desk):
    """"아니요 스케일링 말고 잇몸 치료요" at the read-back: the caller hears the offer again with 잇몸 치료, says yes,
    and the EMR appointment is a gum treatment, with no scaling booked."""
    engine, emr_url = desk
    config = engine.config
    pack = PromptPack.load(config)
    thursday_10 = dt.datetime(2026, 12, 3, 10, 0)
    when = "십이월 삼 일 목요일 오전 열 시"
    scaling, gum = (_spoken(config, pack, f"{when}, {t}") for t in ("스케일링", "잇몸 치료"))
    turns = [("다음 주 목요일 오전 열 시 스케일링 예약이요", _seconds(pack, "family_who", "ask_birth")),
             ("82년 9월 18일이요",
              _seconds(pack, "confirmed_short", "book_this", "yes_no_keys") + len(scaling) / 16000),
             ("아니요 스케일링 말고 잇몸 치료요", _seconds(pack, "book_this") + len(gum) / 16000),
             ("네", _seconds(pack, "booked", "questionnaire_offer") + 3.0)]
    before = {a.id for a in EMR(emr_url, "reference").upcoming_appointments("1", MONDAY_10)}
    call = Talk(engine, "01020240001", turns)  # the demo family's phone: patient 1 was born 1982-09-18
    _in_order(call.answer(1), scaling, pack.pcm("book_this"))
    _in_order(call.answer(2), gum, pack.pcm("book_this"))
    assert not heard_prompt(call.answer(2), scaling)[0]
    _in_order(call.answer(3), pack.pcm("booked"))
    new = [a for a in EMR(emr_url, "reference").upcoming_appointments("1", MONDAY_10) if a.id not in before]
    assert [(a.start, a.treatment) for a in new] == [(thursday_10, "gum")], engine.tail()
    log = _last_call(config)
    assert log.outcome == "booked", log.error  # the caller hung up at the questionnaire offer: still a booking
    assert [e["kind"] for e in log.meta["events"]] == ["identity_confirmed", "booking"]


def test_a_weekday_that_is_not_the_dates_is_said_back_before_the_offer(desk):
    """"다음 주 화요일 2일": the 2nd is a Wednesday. The caller hears "십이월 이 일, 수요일입니다." before the offer of
    Wednesday the 2nd; a yes leaves the booking request on that Wednesday."""
    engine, _ = desk
    config = engine.config
    pack = PromptPack.load(config)
    phone = "01077770053"
    note = _spoken(config, pack, "십이월 이 일, 수요일입니다.")
    offer = _spoken(config, pack, "십이월 이 일 수요일 오전 열 시, 스케일링")
    first = (len(note) + len(offer)) / 16000 + _seconds(pack, "nearest_is", "book_this", "yes_no_keys")
    turns = [("다음 주 화요일 2일 오전 열 시 스케일링 예약이요", first),
             ("네", _seconds(pack, "booking_requested", "ask_name") + 3.0)]
    call = Talk(engine, phone, turns)
    _in_order(call.answer(0), note, offer, pack.pcm("book_this"))
    tuesday = _spoken(config, pack, "십이월 일 일 화요일 오전 열 시, 스케일링")
    assert not heard_prompt(call.heard, tuesday)[0]  # the weekday said is not the date taken
    _in_order(call.answer(1), pack.pcm("booking_requested"))
    crm.open_database(config.crm_url)
    try:
        rows = list(crm_records.BookingRequest.select().where(crm_records.BookingRequest.phone == phone))
        assert [(r.start, r.treatment) for r in rows] == [(dt.datetime(2026, 12, 2, 10, 0), "scaling")], engine.tail()
    finally:
        crm.database.close()
