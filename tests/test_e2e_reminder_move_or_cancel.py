"""The reminder's "move or cancel?" path on a real call (dialer → real Asterisk → sipp callee; real engine with
Whisper): the patient keys the birth date, says "그날은 못 가요" to tomorrow's visit, and hears "날짜를 바꿔 드릴까요,
아니면 취소해 드릴까요?". A word under a negation chooses nothing: "취소는 하지 말고 날짜만 바꿔 주세요" gets a new
time on another day (taken with "네 그 시간으로 해 주세요", moved in the EMR); "바꾸지 말고 그냥 취소해 주세요"
cancels the visit at once (chosen between the two: no second question, no new time offered). The text versions
are in ``test_conversation_move_or_cancel.py``; the keypad reminder calls in ``test_e2e_outbound_calls.py``.

Each spoken turn is a real Korean clip (it triggers the VAD and goes through Whisper) whose transcript the documented
test hook (``transcript_hook``) replaces; the birth date is keyed as in-band tones. Read-backs of a date and time are
rendered by the fragment voice, as the engine renders them, so the test can find them in what the callee heard.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from appliance.data import crm
from appliance.data.emr import drivers
from appliance.language import speak
from appliance.speech.prompt_pack import PromptPack
from appliance.speech.voice import Voice
from appliance.telephony import sipp
from tests.audio_checks import heard_in_sequence, heard_prompt
from tests.outbound_e2e_support import (add_task, birth_presses, keys_stream, now_there, patient_alone_on_a_mobile,
                                        seconds, start_uas, transcript_hook, wait_task)

pytestmark = pytest.mark.e2e

THINK_S = 4.0
"""From the end of the callee's clip to the start of the answer: end of turn + Whisper on a shared 2-core box, with
room (the turn usually ends at a pause inside the clip), as in ``test_e2e_outbound_dialogs.py``."""
LOOKUP_S = 2.0
"""Room for the EMR work before a spoken answer starts (the identity lookup, the free-slot search); a late answer
costs nothing (the dialog listens 8 s), an early one would cut the question it answers."""
CANNOT_COME = "그날은 못 가요"


def _sql(lab, sql: str, params: dict, write: bool = False) -> list[dict]:
    conn = drivers.connect(lab["emr_url"], read_only=not write, connect_timeout=5, statement_timeout=10)
    try:
        if not write:
            return conn.query(sql, params)
        conn.begin(serializable=False)
        conn.execute(sql, params)
        conn.commit()
        return []
    finally:
        conn.close()


@pytest.fixture(scope="module")
def taken() -> set[str]:
    """The patients this module's calls went to: a patient whose visit was cancelled has none upcoming again."""
    return set()


def _reminder_due(lab, taken: set[str], hhmm: str):
    """An adult alone on a mobile, not called before, with a scaling tomorrow at ``hhmm`` (written in the EMR): the
    patient, the reminder's target as the campaign planner builds it, and that appointment."""
    from appliance.data.clinic import facts as factslib
    from appliance.data.emr import EMR
    from appliance.outbound import targeting

    emr = EMR(lab["emr_url"])
    config = lab["config"]
    tomorrow = lab["today"] + dt.timedelta(days=1)
    visit = {"d": tomorrow.strftime("%Y%m%d"), "t": hhmm}
    for _ in range(20):  # the e2e session's other modules may have called a candidate today: one call a day each
        patient = patient_alone_on_a_mobile(lab, taken)
        taken.add(patient.id)
        _sql(lab, "INSERT INTO RESERVATION (RSV_PTID, RSV_DATE, RSV_TIME, RSV_MIN, RSV_DRID, RSV_CHAIR, RSV_STATUS,"
                  " RSV_TXNAME) VALUES (:p, :d, :t, 30, 1, 3, 'R', '스케일링')", {"p": int(patient.id), **visit},
             write=True)
        plan = targeting.plan("reminder", emr=emr, facts=factslib.load_for(config), now=now_there(lab), config=config)
        mine = [t for t in plan.targets if t.patient_id == patient.id]
        if mine:
            break
        _sql(lab, "DELETE FROM RESERVATION WHERE RSV_PTID = :p AND RSV_DATE = :d AND RSV_TIME = :t",
             {"p": int(patient.id), **visit}, write=True)  # not this one: leave the EMR as it was
    assert len(mine) == 1, plan.targets
    appt = next(a for a in mine[0].appointments() if a["patient_id"] == patient.id)
    assert dt.datetime.fromisoformat(appt["start"]) == dt.datetime.combine(tomorrow, dt.time(int(hhmm[:2]),
                                                                                            int(hhmm[2:])))
    return patient, mine[0], appt


def _readback(lab, pack, when: dt.datetime) -> bytes:
    """The audio the engine's voice makes of a date and time read back on the call (fragments)."""
    return Voice(lab["config"], pack=pack, piper=None).render(speak.say_datetime(when, today=lab["today"]))


def _longest_readback_s(lab, pack) -> float:
    """An upper bound for the new time's read-back, not known before the call: the next two weeks at 12:30."""
    noon = dt.datetime.combine(lab["today"], dt.time(12, 30))
    return max(len(_readback(lab, pack, noon + dt.timedelta(days=n))) for n in range(15)) / 16000


def _call(lab, tmp_path: Path, name: str, patient, target, appt, turns: list[tuple[str, float]]):
    """The reminder call: the birth date keyed, then each ``(transcript, seconds of the answer it gets)`` said as
    the clip. Returns the finished task and what the callee heard."""
    from appliance.outbound import queue

    config = lab["config"]
    pack = PromptPack.load(config)
    clip = sipp.demo_clip(config)
    clip_s = sipp.wav_seconds(clip)
    presses, unlocked = birth_presses(pack, patient.birth_date.strftime("%y%m%d"))
    visit = len(_readback(lab, pack, dt.datetime.fromisoformat(appt["start"]))) / 16000
    at = unlocked + LOOKUP_S + visit + seconds(pack, "confirmed_short", "ob_purpose_reminder", "appointment_is",
                                               "ob_reminder_keys")
    for _, answer_s in turns:
        presses.append((at, clip))
        at += clip_s + THINK_S + answer_s + 0.5
    with transcript_hook(config, *(line for line, _ in turns)):
        uas = start_uas(lab, tmp_path, name, audio=keys_stream(tmp_path / "keys", presses), timeout=180)
        task = add_task(lab, "reminder", "INFO", patient.id, target.phone, f"e2e-{name}", target.data)
        try:
            task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=180)
        finally:
            callee = uas.wait(180)
    assert callee.ok, callee.describe()
    return task, callee.heard_pcm()


def _upcoming(lab, patient_id: str) -> list[dict]:
    """The patient's EMR reservations from today on (the seeded past visits left out)."""
    return _sql(lab, "SELECT RSV_ID AS id, RSV_DATE AS d, RSV_TIME AS t, RSV_CHAIR AS c, RSV_STATUS AS s"
                     " FROM RESERVATION WHERE RSV_PTID = :p AND RSV_DATE >= :today",
                {"p": int(patient_id), "today": lab["today"].strftime("%Y%m%d")})


def test_cannot_come_then_a_move_not_a_cancel_gets_a_new_time_on_another_day(outbound_lab, taken, tmp_path):
    """"그날은 못 가요" → the question → "취소는 하지 말고 날짜만 바꿔 주세요" (취소 under a negation) → a new time,
    not tomorrow, taken in words → moved in the EMR: the old visit freed, the new one held for the same patient."""
    lab = outbound_lab
    pack = PromptPack.load(lab["config"])
    patient, target, appt = _reminder_due(lab, taken, "1400")
    offer_s = _longest_readback_s(lab, pack) + seconds(pack, "book_this", "yes_no_keys") + LOOKUP_S
    task, heard = _call(lab, tmp_path, "move", patient, target, appt, [
        (CANNOT_COME, seconds(pack, "change_or_cancel")),
        ("취소는 하지 말고 날짜만 바꿔 주세요", offer_s),
        ("네 그 시간으로 해 주세요", seconds(pack, "rescheduled", "see_you"))])
    assert task.outcome == "rescheduled", (task.__data__, lab["engine"].tail())
    call = crm.Call.get_by_id(task.call_id)
    assert call.campaign == "reminder" and call.outcome == "rescheduled" and call.patient_id == patient.id
    events = call.meta["events"]
    assert [e["kind"] for e in events] == ["identity_confirmed", "rescheduled"], events
    moved = dt.datetime.fromisoformat(events[1]["data"]["start"])
    old = dt.datetime.fromisoformat(appt["start"])
    assert moved.date() != old.date()  # the day the patient cannot come is not offered back
    assert events[1]["data"]["patient_id"] == patient.id
    expected = [*map(pack.pcm, ("ask_birth", "confirmed_short", "ob_purpose_reminder")), _readback(lab, pack, old),
                *map(pack.pcm, ("appointment_is", "ob_reminder_keys", "change_or_cancel")),
                _readback(lab, pack, moved),  # the new time offered ...
                *map(pack.pcm, ("book_this", "yes_no_keys", "rescheduled", "see_you"))]  # ... taken
    found, missing = heard_in_sequence(heard, *expected)
    assert found, (missing, lab["engine"].tail())
    assert not heard_prompt(heard, pack.pcm("cancelled"))[0]
    rows = {str(r["id"]): r for r in _upcoming(lab, patient.id)}
    assert rows[str(appt["id"])]["s"] == "X"  # the old slot is free again
    held = [r for r in rows.values() if r["s"] != "X"]
    assert [(str(r["d"]), str(r["t"])) for r in held] == [(moved.strftime("%Y%m%d"), moved.strftime("%H%M"))], held
    at_new = _sql(lab, "SELECT RSV_PTID AS p FROM RESERVATION WHERE RSV_DATE = :d AND RSV_TIME = :t"
                       " AND RSV_CHAIR = :c AND RSV_STATUS <> 'X'",
                  {"d": str(held[0]["d"]), "t": str(held[0]["t"]), "c": held[0]["c"]})
    assert [str(r["p"]) for r in at_new] == [patient.id]  # the new slot is held, by this patient alone


def test_cannot_come_then_a_cancel_not_a_move_cancels_without_offering_times(outbound_lab, taken, tmp_path):
    """"그날은 못 가요" → the question → "바꾸지 말고 그냥 취소해 주세요" (바꾸 under a negation) → cancelled at once:
    the patient chose between the two, so no second "취소할까요?" and no new time is offered."""
    lab = outbound_lab
    pack = PromptPack.load(lab["config"])
    patient, target, appt = _reminder_due(lab, taken, "1600")
    task, heard = _call(lab, tmp_path, "cancel", patient, target, appt, [
        (CANNOT_COME, seconds(pack, "change_or_cancel")),
        ("바꾸지 말고 그냥 취소해 주세요", seconds(pack, "cancelled", "call_anytime", "good_day"))])
    assert task.outcome == "cancelled", (task.__data__, lab["engine"].tail())
    call = crm.Call.get_by_id(task.call_id)
    assert call.campaign == "reminder" and call.outcome == "cancelled" and call.patient_id == patient.id
    events = call.meta["events"]
    assert [e["kind"] for e in events] == ["identity_confirmed", "cancelled"], events
    assert events[1]["data"]["start"] == appt["start"]
    found, missing = heard_in_sequence(heard, *(pack.pcm(key) for key in (
        "ask_birth", "confirmed_short", "ob_purpose_reminder", "appointment_is", "ob_reminder_keys",
        "change_or_cancel", "cancelled", "call_anytime", "good_day")))
    assert found, (missing, lab["engine"].tail())
    for key in ("book_this", "confirm_cancel", "rescheduled"):  # no time offered, no second question
        assert not heard_prompt(heard, pack.pcm(key))[0], key
    rows = _upcoming(lab, patient.id)
    assert [(str(r["id"]), r["s"]) for r in rows] == [(str(appt["id"]), "X")]  # cancelled, nothing booked instead
