"""``inbound_dialog(engine, agi)``: the receptionist for one inbound call (the engine's INBOUND_DIALOG).

The clinic facts, the EMR connection and the caller-lookup cache are made once per engine and shared by
calls; each call gets its own :class:`Backend` view (call id, EMR-down flag) and its own dialog.

Test hook (never active in production): when the instance ``home`` is set AND lies under the system temp
directory (test and demo instances only; production runs with an empty ``home``), and the file
``<home>/test-hooks/transcripts.txt`` exists, each line of it replaces, in order, the transcript of one
caller utterance of the next call (the real audio is still endpointed and transcribed by the real Whisper;
only the text handed to the dialog is swapped). The file is consumed (deleted) when a call picks it up. This
lets end-to-end tests drive speech-only branches (emergency, staff) with the only real Korean clips we have,
which are not about teeth. ``<home>/test-hooks/now.txt`` (same guard) holds an ISO time the dialog uses as
"now" (opening hours, slot search), so those tests do not depend on the wall clock.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from appliance.conversation.actions import Action, Heard
from appliance.conversation.backend import Backend, from_config
from appliance.conversation.receptionist import Receptionist

_LOGGER = logging.getLogger(__name__)
TEST_HOOK_FILE = "test-hooks/transcripts.txt"
TEST_NOW_FILE = "test-hooks/now.txt"


def _shared(engine: Any) -> Backend:
    shared = getattr(engine, "_receptionist_backend", None)
    if shared is None:
        shared = from_config(engine.config)
        engine._receptionist_backend = shared
    return shared


def _call_id(uniqueid: str | None) -> int | None:
    if not uniqueid:
        return None
    try:
        from appliance.data import crm

        row = crm.Call.select(crm.Call.id).where(crm.Call.uniqueid == uniqueid).order_by(crm.Call.id.desc()).first()
        return row.id if row else None
    except Exception:
        return None


def _fallback(engine: Any) -> Any:
    """The local LLM's intent fallback (None when no LLM is configured); made once per engine."""
    if not hasattr(engine, "_receptionist_fallback"):
        try:
            from appliance.llm.intent import make_fallback

            engine._receptionist_fallback = make_fallback(engine.config)
        except Exception:
            _LOGGER.warning("LLM intent fallback unavailable; rules only", exc_info=True)
            engine._receptionist_fallback = None
    return engine._receptionist_fallback


def inbound_dialog(engine: Any, agi: Any) -> Any:
    try:
        shared = _shared(engine)
    except Exception:  # e.g. an invalid clinic facts file: still answer, with the basic dialog
        _LOGGER.exception("receptionist unavailable (clinic facts/EMR settings); using the basic inbound dialog")
        from appliance.conversation.inbound import InboundDialog

        return InboundDialog(clinic_name=engine.config.clinic_name)
    backend = Backend(shared.facts, emr=shared.emr, lookup=shared.lookup, call_id=_call_id(agi.uniqueid))
    voice = getattr(getattr(engine, "models", None), "voice", None)
    extra: dict[str, Any] = {}
    fixed_now = _hook_now(engine.config)
    if fixed_now is not None:
        _LOGGER.warning("TEST HOOK active: dialog clock fixed by %s", TEST_NOW_FILE)
        extra["now"] = lambda: fixed_now
    dialog = Receptionist(clinic_name=engine.config.clinic_name, backend=backend, caller=agi.caller_number or None,
                          call_key=f"call:{agi.uniqueid}", can_say=getattr(voice, "can_say", None),
                          fallback=_fallback(engine), **extra)
    lines = scripted_lines(engine.config)
    if lines is not None:
        _LOGGER.warning("TEST HOOK active: caller transcripts are replaced by %s", TEST_HOOK_FILE)
        return ScriptedTranscripts(dialog, lines)
    return dialog


def _hook_now(config: Any) -> Any:
    path = hook_file(config, TEST_NOW_FILE)
    if path is None:
        return None
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def hook_file(config: Any, name: str = TEST_HOOK_FILE) -> Path | None:
    home = str(getattr(config, "home", "") or "")
    if not home:
        return None  # production layout: never
    try:
        home_path = Path(home).resolve()
        tmp = Path(tempfile.gettempdir()).resolve()
    except OSError:
        return None
    if tmp not in home_path.parents:
        return None
    path = home_path / name
    return path if path.is_file() else None


def scripted_lines(config: Any) -> list[str] | None:
    path = hook_file(config)
    if path is None:
        return None
    try:
        lines = [line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()]
        path.unlink()
    except OSError:
        return None
    return lines


class ScriptedTranscripts:
    """Wraps a dialog: each transcribed utterance's text is replaced by the next scripted line (tests only)."""

    def __init__(self, dialog: Any, lines: list[str]):
        self.dialog = dialog
        self.lines = list(lines)

    @property
    def events(self) -> list:
        return self.dialog.events

    def __getattr__(self, name: str) -> Any:
        return getattr(self.dialog, name)

    def start(self) -> list[Action]:
        return self.dialog.start()

    def on_input(self, heard: Heard) -> list[Action]:
        if heard.text and self.lines:
            heard = Heard(text=self.lines.pop(0), confidence=1.0)
        elif heard.rejected and self.lines:
            heard = Heard(text=self.lines.pop(0), confidence=1.0)
        return self.dialog.on_input(heard)
