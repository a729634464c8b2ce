"""``*77`` from a staff phone: record the clinic's voice item by item, over FastAGI.

The dialplan routes ``*77`` only from the staff context (``dentalcall-staff``) to ``agi://…/prompts``; this
handler refuses any other context and asks for the recording PIN (``dentalcall prompts pin``; 3 tries).
Then it walks through the items that are not yet in a person's voice (missing, placeholder, stale, refused),
in script order, starting where the last session stopped (or at a number staff key in):

    "백십팔 번." · beep · staff read item 118 of the printed script, then # (or stop talking)
    → the take is played back → "1 저장 · 2 다시 · 3 건너뛰기 · # 그만"
    → 1: the take is checked (started while it played back) and kept, or refused with the reason read out
    → after each kept take: "남은 녹음은 … 개입니다." and the next item.

Takes go through :class:`appliance.speech.takes.Recorder` (raw take kept, check result beside it); the
engine's voice picks up a kept take on the next sentence it speaks (the pack manifest is re-read when it
changes), so the next patient call already hears it.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import uuid
from pathlib import Path
from typing import Any

from appliance.config_files import read_secret, write_secret
from appliance.errors import CallerHungUp
from appliance.speech import staff_voice as say
from appliance.speech.prompt_pack import PromptError, PromptPack
from appliance.speech.takes import Recorder, TakeOutcome, private_dir

_LOGGER = logging.getLogger(__name__)

STAFF_CONTEXT = "dentalcall-staff"
SESSION_SECONDS = 3600
PIN_TRIES = 3
RECORD_MAX_MS = 30000
RECORD_SILENCE_S = 10  # stop after this much silence (also before the first word: staff may need a moment)
MENU_WAIT_MS = 15000
_LOCK = asyncio.Lock()  # one recording session changes the pack at a time


# ------------------------------------------------------------------------------------------- the PIN
def read_pin(config: Any) -> str | None:
    value = (read_secret(config.secrets_file, "prompts_pin") or "").strip()
    return value if value.isdigit() else None


def set_pin(config: Any, pin: str | None = None) -> str:
    """Store the recording PIN (4–8 digits; a random 6-digit one when not given) in secrets.ini (0600)."""
    pin = pin or f"{secrets.randbelow(10 ** 6):06d}"
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValueError("the recording PIN is 4 to 8 digits")
    write_secret(config.secrets_file, "prompts_pin", pin)
    return pin


# ------------------------------------------------------------------------------------------ the call
class Session:
    def __init__(self, engine: Any, agi: Any):
        self.engine = engine
        self.agi = agi
        self.config = engine.config
        voice = engine.speech.voice  # the engine's loaded voice (appliance.calls.speech.SpeechRuntime)
        self.voice = voice
        self.staff = say.StaffVoice(self.config, voice)
        # the engine's voice was built with the table of every sentence a caller can hear: record into its pack
        phrases = getattr(getattr(voice, "pack", None), "phrases", None)
        if phrases is None:
            raise PromptError("the engine's voice has no phrase table: *77 cannot tell what to record")
        self.pack = PromptPack.load(self.config, voice.pack.name, phrases=phrases)
        self.recorder = Recorder(self.pack, self._transcribe)
        self.incoming = self.pack.folder / "takes" / ".incoming"

    def _transcribe(self, pcm: bytes) -> str:
        return self.engine.speech.transcribe(pcm, []).text

    async def play(self, text: str, escape: str = "", cue: str = "") -> str:
        return await self._stream(await asyncio.to_thread(self.staff.path, text, cue), escape)

    async def _stream(self, path: str, escape: str = "") -> str:
        result = await self.agi.stream_file(path, escape)
        return chr(int(result)) if result.isdigit() and int(result) > 0 else ""

    async def keys(self, text: str, timeout_ms: int = 8000, max_digits: int = 8) -> str:
        """Play ``text`` and collect digits up to # (GET DATA); '' on timeout."""
        path = await asyncio.to_thread(self.staff.path, text)
        value = await self.agi.command(f"GET DATA {path} {timeout_ms} {max_digits}")
        return value if value.isdigit() else ""

    async def digit(self, text: str, allowed: str) -> str:
        """Play a menu and wait for one of ``allowed`` (twice), '' when none came."""
        for _ in range(2):
            got = await self.play(text, allowed)
            if got in allowed and got:
                return got
            code = await self.agi.command(f"WAIT FOR DIGIT {MENU_WAIT_MS}")
            got = chr(int(code)) if code.isdigit() and int(code) > 0 else ""
            if got in allowed and got:
                return got
        return ""

    # --- steps --------------------------------------------------------------------------------
    async def login(self) -> bool:
        pin = read_pin(self.config)
        if pin is None:
            _LOGGER.warning("*77: no recording PIN set; run `dentalcall prompts pin`")
            await self.play(say.NO_PIN)
            return False
        for _ in range(PIN_TRIES):
            entered = await self.keys(say.ASK_PIN, 10000, 8)
            if entered and secrets.compare_digest(entered, pin):
                return True
            await self.play(say.WRONG_PIN)
        _LOGGER.warning("*77 from %s: wrong PIN %d times", self.agi.env.get("agi_callerid", "?"), PIN_TRIES)
        return False

    def start_index(self, todo: list, entered: str) -> int:
        if entered.isdigit():
            number = int(entered)
            for i, item in enumerate(todo):
                if item.number >= number:
                    return i
        last = (self.pack.manifest.get("session") or {}).get("last_number", 0)
        return next((i for i, item in enumerate(todo) if item.number > last), 0)

    async def record_take(self, item) -> tuple[Path | None, str]:
        """Number, beep, record until # or silence. Returns (file, key that ended it)."""
        await self._stream(await asyncio.to_thread(self.staff.number_path, item.number))
        private_dir(self.incoming.parent)
        private_dir(self.incoming)
        base = self.incoming / uuid.uuid4().hex
        result = await self.agi.command(f"RECORD FILE {base} wav \"#\" {RECORD_MAX_MS} BEEP s={RECORD_SILENCE_S}")
        path = base.with_suffix(".wav")
        ended = chr(int(result)) if result.isdigit() and int(result) > 0 else ""
        return (path if path.is_file() else None), ended

    async def run(self) -> None:
        if self.agi.env.get("agi_context", STAFF_CONTEXT) != STAFF_CONTEXT:
            _LOGGER.error("*77 reached from context %r: refused (staff phones only)", self.agi.env.get("agi_context"))
            return
        await self.agi.exec("Set", f"TIMEOUT(absolute)={SESSION_SECONDS}")
        if not await self.login():
            return
        todo = self.recorder.todo()
        if not todo:
            await self.play(say.ALL_DONE)
            return
        entered = await self.keys(say.remaining(len(todo)) + " " + say.ASK_START, 6000, 4)
        index = self.start_index(todo, entered)
        left = len(todo)
        while index < len(todo):
            item = todo[index]
            outcome = await self.one_item(item)
            if outcome == "stop":
                break
            if outcome == "kept":
                left -= 1
                await self.play(say.SAVED + " " + say.remaining(left), cue="ok")
            index += 1
            self.pack.manifest.setdefault("session", {})["last_number"] = item.number
            self.pack.save_manifest()
        await self.play(say.BYE)

    async def one_item(self, item) -> str:
        """Record ``item`` until it is kept, skipped or the session stops: 'kept' | 'skipped' | 'stop'."""
        while True:
            path, _ended = await self.record_take(item)
            if path is None:
                return "stop"
            # keep the raw take and check it while it plays back: the verdict is ready when staff press 1
            item_, raw = await asyncio.to_thread(self.recorder.prepare, item, path, origin="phone")
            path.unlink(missing_ok=True)
            check = asyncio.ensure_future(asyncio.to_thread(self.recorder.check, item_, raw))
            try:
                choice = await self._stream(str(raw.with_suffix("")), "123#")
                if not choice:
                    choice = await self.digit(say.MENU, "123#")
            except CallerHungUp:
                await self._settle(check, item_, raw, kept_by_staff=False)
                raise
            if choice == "1":
                if not check.done():
                    await self.play(say.CHECKING)
                outcome = await self._settle(check, item_, raw, kept_by_staff=True)
                if outcome is not None and outcome.kept:
                    self._refresh_voice()
                    return "kept"
                reasons = " ".join(outcome.result.reasons) if outcome is not None else say.NOT_AN_ITEM
                await self.play(reasons, cue="error")
                choice = await self.digit(say.RETRY_MENU, "23#")
            else:
                await self._settle(check, item_, raw, kept_by_staff=False)
            if choice == "2":
                continue
            if choice == "3":
                return "skipped"
            return "stop"

    async def _settle(self, check: asyncio.Future, item, raw: Path, *, kept_by_staff: bool) -> TakeOutcome | None:
        try:
            result = await asyncio.shield(check)
        except Exception:
            _LOGGER.exception("*77: the check of a take failed")
            return None
        return await asyncio.to_thread(self.recorder.commit, item, raw, result, origin="phone",
                                       kept_by_staff=kept_by_staff)

    def _refresh_voice(self) -> None:
        if self.voice is not None:
            self.voice.refresh()


async def handle_prompts(engine: Any, agi: Any) -> None:
    """FastAGI route ``prompts`` (dialplan ``*77`` in the staff context)."""
    if _LOCK.locked():
        _LOGGER.warning("*77: another recording session is running; this one waits")
    async with _LOCK:
        session = await asyncio.to_thread(Session, engine, agi)
        try:
            await session.run()
            await agi.set_variable("DENTALCALL_NEXT", "hangup")  # done: the dialplan hangs up, no apology
        except CallerHungUp:
            _LOGGER.info("*77 session ended by hang-up (resumable: kept takes stay)")
