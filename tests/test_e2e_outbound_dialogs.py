"""A campaign call on the real parts (dialer → real Asterisk → sipp callee; real engine with Whisper) where the
callee asks about the call itself: "보이스피싱 아니에요?" gets who is calling and "hang up and ring the clinic's
number", "제 번호 어떻게 아셨어요?" the number the patient left at the clinic, and the call goes on (not ended as a
wrong number). The text version is in ``test_outbound_dialogs_campaigns.py``.

The callee speaks a real Korean clip (it triggers the VAD and goes through Whisper) whose transcript the documented
test hook (``<home>/test-hooks/transcripts.txt``, see ``appliance.conversation.factory``) replaces; the birth
date and the answer are keyed as in-band tones, as in ``test_e2e_outbound_calls.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from appliance.data import crm
from appliance.data.emr import EMR
from appliance.speech.prompt_pack import PromptPack
from appliance.telephony import sipp
from tests.audio_checks import heard_in_sequence, heard_prompt
from tests.outbound_e2e_support import add_task, keys_stream, seconds, start_uas, transcript_hook, wait_task

pytestmark = pytest.mark.e2e

THINK_S = 4.0
"""From the end of the callee's clip to the start of the answer: end of turn + Whisper on a shared 2-core box, with
room (the turn usually ends at a pause inside the clip). The six keys of the birth date that follow must all be in
within the 8 s the dialog listens after its question."""


def test_a_doubt_and_a_question_about_the_number_are_answered_and_the_call_goes_on(outbound_lab, tmp_path):
    from appliance.outbound import queue

    lab = outbound_lab
    config = lab["config"]
    pack = PromptPack.load(config)
    clip = sipp.demo_clip(config)
    clip_s = sipp.wav_seconds(clip)
    child = EMR(lab["emr_url"]).get_patient("2")  # a minor of the demo family: the parent keys the child's birth
    first = seconds(pack, "greeting_unrecorded", "ob_purpose_generic", "ask_birth") + 1.0
    second = first + clip_s + THINK_S + seconds(pack, "ob_who_we_are", "ob_call_us_back", "ask_birth_again") + 0.5
    keyed = second + clip_s + THINK_S + seconds(pack, "ob_your_number", "ask_birth_again") + 0.5
    birth = child.birth_date.strftime("%y%m%d")
    presses: list[tuple[float, str | Path]] = [(first, clip), (second, clip)]
    presses += [(keyed + 0.6 * i, digit) for i, digit in enumerate(birth)]
    unlocked = keyed + 0.6 * len(birth) + 0.5
    presses.append((unlocked + seconds(pack, "confirmed_guardian", "ob_purpose_happy", "ob_happy_ask") + 1.0,
                    "2"))  # "no trouble since the treatment"
    with transcript_hook(config, "보이스피싱 아니에요?", "제 번호 어떻게 아셨어요?"):
        uas = start_uas(lab, tmp_path, "about", audio=keys_stream(tmp_path / "keys", presses), timeout=180)
        task = add_task(lab, "happy_call", "INFO", "2", "01020240001", "e2e-about", {"treatment": "extraction"})
        try:
            task = wait_task(task.id, lambda t: t.status == queue.DONE, timeout=180)
        finally:
            callee = uas.wait(180)
    assert callee.ok, callee.describe()
    assert task.outcome == "answered" and task.attempts == 1, (task.__data__, lab["engine"].tail())
    heard = callee.heard_pcm()
    found, missing = heard_in_sequence(heard, *(pack.pcm(key) for key in (
        "ask_birth", "ob_who_we_are", "ob_call_us_back", "ask_birth_again", "ob_your_number", "ask_birth_again",
        "confirmed_guardian", "ob_happy_ask")))
    assert found, (missing, lab["engine"].tail())
    assert not heard_prompt(heard, pack.pcm("ob_wrong_number"))[0]
    call = crm.Call.get_by_id(task.call_id)
    assert call.outcome == "answered" and call.campaign == "happy_call"
    assert "identity_confirmed" in [e["kind"] for e in call.meta["events"]]
