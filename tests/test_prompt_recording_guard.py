"""*77 is for staff only: the generated dialplan routes it from the staff context alone, and the FastAGI handler
refuses any other context and a wrong PIN before anything is played back or recorded. (The whole session is
tested end to end in test_e2e_prompt_recording.py; here the AGI peer is a recorder of commands.)"""

from __future__ import annotations

import asyncio
import re
import shutil

import pytest

from appliance import settings
from appliance.phrasebook import build_placeholder, load_voice
from appliance.speech import prompt_recording
from appliance.telephony.asterisk import Asterisk

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")


def test_only_the_staff_context_reaches_the_prompts_route(tmp_path, monkeypatch):
    for key in list(__import__("os").environ):
        if key.startswith("DENTALCALL_") and key != "DENTALCALL_SHARED_DIR":
            monkeypatch.delenv(key)
    monkeypatch.setenv("DENTALCALL_HOME", str(tmp_path))
    config = settings.load(overrides={"asterisk_mode": "rootfs", "agi_port": 4999})
    files = {p.name: p for p in Asterisk(config).render_config()}
    text = files["extensions.conf"].read_text(encoding="utf-8")
    contexts = re.split(r"(?m)^\[", text)
    with_route = [c.split("]", 1)[0] for c in contexts if "/prompts)" in c]
    assert with_route == ["dentalcall-staff"]
    pjsip = files["pjsip.conf"].read_text(encoding="utf-8")
    staff_endpoints = [b for b in pjsip.split("\n\n") if "context = dentalcall-staff" in b]
    assert all("auth = " in b for b in staff_endpoints)  # staff phones register with a password


class FakeAgi:
    """Answers every AGI command with '0' (no key pressed) and records what was asked."""

    def __init__(self, context: str, keys: list[str] | None = None):
        self.env = {"agi_context": context, "agi_callerid": "201"}
        self.commands: list[str] = []
        self.keys = list(keys or [])
        self.hung_up = False

    async def command(self, line: str) -> str:
        self.commands.append(line)
        if line.startswith("GET DATA"):
            return self.keys.pop(0) if self.keys else ""
        return "0"

    async def exec(self, app: str, args: str = "") -> str:
        return await self.command(f"EXEC {app} {args}")

    async def stream_file(self, path: str, escape: str = "") -> str:
        return await self.command(f"STREAM FILE {path} {escape}")

    async def set_variable(self, name: str, value: str) -> None:
        await self.command(f"SET VARIABLE {name} {value}")


class FakeEngine:
    def __init__(self, config):
        self.config = config
        self.speech = type("M", (), {"voice": load_voice(config, piper=None),
                                     "transcribe": lambda self, pcm, hints: None})()


@pytest.fixture
def engine(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path / "home")}, env={})
    build_placeholder(config)
    return FakeEngine(config)


def test_a_patient_context_is_refused_before_anything_happens(engine):
    prompt_recording.set_pin(engine.config, "1234")
    agi = FakeAgi("dentalcall-inbound", ["1234"])
    asyncio.run(prompt_recording.handle_prompts(engine, agi))
    assert agi.commands == ["SET VARIABLE DENTALCALL_NEXT hangup"]  # nothing asked, nothing played: hung up


def test_without_a_pin_set_staff_are_told_and_nothing_is_recorded(engine):
    agi = FakeAgi("dentalcall-staff")
    asyncio.run(prompt_recording.handle_prompts(engine, agi))
    assert not any(c.startswith(("RECORD", "GET DATA")) for c in agi.commands)
    assert any(c.startswith("STREAM FILE") for c in agi.commands)  # the "no PIN set" message


def test_a_wrong_pin_three_times_ends_the_session(engine):
    prompt_recording.set_pin(engine.config, "1234")
    agi = FakeAgi("dentalcall-staff", ["9999", "0000", "1111", "1234"])
    asyncio.run(prompt_recording.handle_prompts(engine, agi))
    assert sum(c.startswith("GET DATA") for c in agi.commands) == 3
    assert not any(c.startswith("RECORD") for c in agi.commands)
    assert agi.keys == ["1234"]  # never asked a fourth time


def test_the_right_pin_starts_at_the_first_item_still_to_record(engine):
    prompt_recording.set_pin(engine.config, "1234")
    agi = FakeAgi("dentalcall-staff", ["1234", ""])
    asyncio.run(prompt_recording.handle_prompts(engine, agi))
    recorded = [c for c in agi.commands if c.startswith("RECORD FILE")]
    assert len(recorded) == 1 and " wav \"#\" " in recorded[0] and "BEEP" in recorded[0]
    assert "/takes/.incoming/" in recorded[0]  # inside the pack's private takes folder


def test_item_numbers_are_said_in_the_clinic_digits_once_recorded(engine):
    import numpy as np

    from appliance.phrasebook import load_pack
    from appliance.speech import audio
    from appliance.speech.staff_voice import StaffVoice

    staff = StaffVoice(engine.config, engine.speech.voice)
    assert "/number-" not in staff.number_path(14)  # digits not recorded yet: the fallback voice
    pack = load_pack(engine.config)
    tone = audio.float_to_pcm(0.3 * np.sin(2 * np.pi * 300 * np.arange(1600) / 8000))
    for key in ("sino_10", "sino_4"):
        pack.store("fragment", key, tone, pack.expected_fragments()[key], source="recorded")
    pack.save_manifest()
    engine.speech.voice.refresh()
    path = staff.number_path(14)  # 십사: 십 + 사, in the clinic's voice
    assert "/number-14-" in path
    assert audio.duration(audio.load_phone_pcm(path + ".wav")) > 2 * audio.duration(tone)
