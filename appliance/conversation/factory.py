"""``inbound_dialog(clinic, agi, call_id=..., can_say=...)``: the receptionist for one inbound call.

The clinic context (facts, the EMR connector, the caller-lookup cache, the LLM fallback) is made once per
engine (``appliance.clinic.Clinic``) and shared by calls; each call gets its own :class:`Backend` view (call
id, EMR-down flag) and its own dialog.

Test hook (never active in production): when the instance ``home`` is set AND lies under the system temp
directory (test and demo instances only; production runs with an empty ``home``), and the file
``<home>/test-hooks/transcripts.txt`` exists, each line of it replaces, in order, the transcript of one
caller utterance of the next call, inbound or a campaign call (the real audio is still endpointed and transcribed
by the real Whisper; only the text handed to the dialog is swapped). The file is consumed (deleted) when a call
picks it up. This lets end-to-end tests drive speech-only branches (emergency, staff) with the only real Korean
clips we have, which are not about teeth. ``<home>/test-hooks/now.txt`` (same guard) holds an ISO time the dialog
uses as "now" (opening hours, slot search), so those tests do not depend on the wall clock.
"""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Protocol

from appliance.conversation.actions import Action, Dialog, Heard
from appliance.conversation.receptionist import Receptionist

if TYPE_CHECKING:
    from appliance.clinic import Clinic

_LOGGER = logging.getLogger(__name__)
TEST_HOOK_FILE = "test-hooks/transcripts.txt"
TEST_NOW_FILE = "test-hooks/now.txt"


class CallerInfo(Protocol):
    """What the factory reads from the call (an ``AgiChannel``)."""

    @property
    def uniqueid(self) -> str: ...

    @property
    def caller_number(self) -> str: ...


class HasHome(Protocol):
    @property
    def home(self) -> str: ...


def inbound_dialog(clinic: Clinic, agi: CallerInfo, *, call_id: int | None = None,
                   can_say: Callable[[str], bool] | None = None, recorded: bool = False) -> Dialog:
    """The receptionist for this call, or the basic inbound dialog when the clinic facts are unavailable.
    ``recorded``: this call's recording runs (the greeting's recording notice is said only then)."""
    config = clinic.config
    try:
        backend = clinic.backend(call_id)
    except Exception:  # e.g. an invalid clinic facts file: still answer, with the basic dialog
        _LOGGER.exception("receptionist unavailable (clinic facts/EMR settings); using the basic inbound dialog")
        from appliance.conversation.inbound import InboundDialog

        return InboundDialog(clinic_name=config.clinic_name, recorded=recorded)
    extra: dict[str, Any] = {}
    fixed_now = _hook_now(config)
    if fixed_now is not None:
        _LOGGER.warning("TEST HOOK active: dialog clock fixed by %s", TEST_NOW_FILE)
        extra["now"] = lambda: fixed_now
    dialog = Receptionist(clinic_name=config.clinic_name, backend=backend, caller=agi.caller_number or None,
                          call_key=f"call:{agi.uniqueid}", can_say=can_say, fallback=clinic.llm_fallback,
                          recorded=recorded, **extra)
    return with_test_transcripts(config, dialog)


def with_test_transcripts(config: HasHome, dialog: Dialog) -> Dialog:
    """``dialog``, or ``dialog`` hearing the scripted transcripts of the test hook (inbound and campaign calls)."""
    lines = scripted_lines(config)
    if lines is None:
        return dialog
    _LOGGER.warning("TEST HOOK active: caller transcripts are replaced by %s", TEST_HOOK_FILE)
    return ScriptedTranscripts(dialog, lines)


def _hook_now(config: HasHome) -> dt.datetime | None:
    path = hook_file(config, TEST_NOW_FILE)
    if path is None:
        return None
    try:
        return dt.datetime.fromisoformat(path.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return None


def hook_file(config: HasHome, name: str = TEST_HOOK_FILE) -> Path | None:
    home = str(config.home or "")
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


def scripted_lines(config: HasHome) -> list[str] | None:
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

    def __init__(self, dialog: Dialog, lines: list[str]):
        self.dialog = dialog
        self.lines = list(lines)

    @property
    def events(self) -> list[Any]:
        events: list[Any] = getattr(self.dialog, "events", [])
        return events

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
