"""A REAL inbound call (sipp → real Asterisk → real engine with Whisper) is linked to its patient once the caller
proves who they are: the call row in the CRM then carries the patient id; a call whose identity fails carries none.

The caller dials from the demo family's phone (three patients share it: caller ID proves nobody). Each caller turn
is a real Korean clip whose transcript the documented test hook replaces (see ``test_e2e_dialogs.py``, whose
engine fixture and call helper this module shares); the birth date is said as 주민번호 digit pairs.
"""

from __future__ import annotations

import pytest

from appliance.speech.prompt_pack import PromptPack
from tests import test_e2e_dialogs as dialogs
from tests.test_e2e_dialogs import Talk, _in_order, _last_call, _seconds

pytestmark = pytest.mark.e2e

desk = dialogs.desk  # the engine over the seeded EMR, the dialog's clock at Monday 10:00

FAMILY = "01020240001"  # the demo family's phone: patient 1 was born 1982-09-18


def test_a_caller_who_proves_their_birth_date_is_linked_on_the_call_row(desk):
    engine, _ = desk
    config = engine.config
    pack = PromptPack.load(config)
    turns = [("예약하고 싶어요", _seconds(pack, "family_who", "ask_birth")),
             ("팔이 공구 일팔이요", _seconds(pack, "confirmed_short", "ask_treatment") + 2.0)]
    call = Talk(engine, FAMILY, turns)
    _in_order(call.answer(0), pack.pcm("family_who"), pack.pcm("ask_birth"))
    _in_order(call.answer(1), pack.pcm("ask_treatment"))  # identity proven (the confirmation may say the name)
    log = _last_call(config)
    assert log.caller_number and log.caller_number.endswith("20240001")
    assert log.patient_id == "1", engine.tail()  # linked when proven; the caller hung up at the next question
    assert [e["kind"] for e in log.meta["events"]][:1] == ["identity_confirmed"]


def test_a_caller_whose_birth_date_matches_nobody_leaves_the_call_unlinked(desk):
    engine, _ = desk
    config = engine.config
    pack = PromptPack.load(config)
    wrong = _seconds(pack, "birth_not_found", "ask_birth_again")
    turns = [("예약하고 싶어요", _seconds(pack, "family_who", "ask_birth")),
             ("구공 공일 공일이요", wrong), ("구공 공일 공이요", wrong), ("구공 공일 공삼이요", 8.0)]
    call = Talk(engine, FAMILY, turns)
    _in_order(call.answer(1), pack.pcm("birth_not_found"), pack.pcm("ask_birth_again"))
    log = _last_call(config)
    kinds = [e["kind"] for e in (log.meta or {}).get("events", [])]
    assert "identity_failed" in kinds and "identity_confirmed" not in kinds, (kinds, engine.tail())
    assert log.patient_id is None
