"""On the real Asterisk: a FastAGI route of the dialplan whose handler does not exist yet (``*77``, staff prompt
recording) never ends in silence — the call goes on to the fallback (apology, then staff or voicemail)."""

from __future__ import annotations

import time

import pytest

from appliance import routes


def _channels(inst) -> list[list[str]]:
    return [ln.split("!") for ln in inst.rx("core show channels concise").splitlines() if "!" in ln]


def test_star77_without_its_handler_goes_to_the_fallback(asterisk_instance):
    if "prompts" not in routes.PENDING_ROUTES:
        pytest.skip("*77 has its handler now: its own tests cover what the staff phone hears")
    inst = asterisk_instance
    try:
        inst.rx("channel originate Local/*77@dentalcall-staff application Wait 8")
        moved = None
        deadline = time.monotonic() + float(inst.config.engine_answer_timeout) + 6
        while time.monotonic() < deadline and moved is None:
            moved = next((c for c in _channels(inst) if c[0].startswith("Local/*77@dentalcall-staff")
                          and c[1] == "dentalcall-next"), None)
            time.sleep(0.1)
        assert moved, "the *77 call ended without reaching the fallback"
        assert moved[2] in {"fallback", "voicemail", "transfer"}, moved
    finally:
        for channel in _channels(inst):
            if channel[0].startswith("Local/*77@dentalcall-staff"):
                inst.rx(f"channel request hangup {channel[0]}")
