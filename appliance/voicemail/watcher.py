"""The voicemail watcher: new messages in Asterisk's spool land in the CRM and are transcribed at once.

Runs as a background task of the console process (``dentalcall console``), not of the call engine: it must
never take CPU or the STT worker from a live call (see ``transcribe``). Every round (``POLL_SECONDS``):

1. scan the box; each complete message is ingested once (``msg_id`` unique — a restart rescans safely);
2. transcribe what is pending, oldest first, one at a time (a failure is retried up to three times; with
   no STT installed the message is marked ``unavailable`` and staff still get the audio);
3. close the STT process after a few idle minutes.

The notifier (``appliance.console.notify.service``) picks up settled voicemails for e-mail and the webhook.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable

from appliance.errors import ApplianceError, ModelMissing
from appliance.voicemail import spool, store
from appliance.voicemail.transcribe import VoicemailTranscriber

_LOGGER = logging.getLogger(__name__)

POLL_SECONDS = 2.0


class VoicemailWatcher:
    def __init__(self, config: Any, transcriber: Any = None, *, on_change: Callable[[], None] | None = None):
        self.config = config
        self.transcriber = transcriber if transcriber is not None else VoicemailTranscriber(config)
        self.on_change = on_change or (lambda: None)
        self.last_error: str | None = None
        self.rounds = 0

    def ingest_new(self) -> list[store.Voicemail]:
        """Step 1 (blocking): add new spool messages; returns the rows added now."""
        box = str(self.config.voicemail_box)
        added = []
        for message in spool.scan(self.config, box):
            row, new = store.ingest(message, box)
            if new:
                added.append(row)
        return added

    def transcribe_one(self, row: store.Voicemail) -> bool:
        """Step 2 (blocking) for one message; True when a transcript was saved."""
        path = spool.find_audio(self.config, row.msg_id, row.audio_path, row.box)
        if path is None:
            store.transcription_failed(row.id, "audio not found in the voicemail box (deleted?)", final=True)
            return False
        try:
            text = self.transcriber.transcribe(path)
        except ModelMissing as exc:
            store.transcription_failed(row.id, f"no speech model: {exc}", final=True)
            self.last_error = str(exc)
            return False
        except (ApplianceError, OSError) as exc:
            store.transcription_failed(row.id, f"{type(exc).__name__}: {exc}")
            self.last_error = f"{type(exc).__name__}: {exc}"
            _LOGGER.warning("voicemail %s: transcription failed (%s)", row.id, type(exc).__name__)
            return False
        store.save_transcript(row.id, text)
        _LOGGER.info("voicemail %s transcribed (%d characters)", row.id, len(text))
        return True

    def round(self) -> int:
        """One full round (blocking); returns how many rows changed."""
        changed = len(self.ingest_new())
        for row in store.pending_transcription():
            self.transcribe_one(row)
            changed += 1
        self.transcriber.close_if_idle()
        self.rounds += 1
        return changed

    async def run(self, stop: asyncio.Event) -> None:
        loop = asyncio.get_running_loop()
        try:
            while not stop.is_set():
                try:
                    if await loop.run_in_executor(None, self.round):
                        self.on_change()
                except Exception as exc:  # keep watching: a bad file or a DB hiccup must not stop voicemail
                    self.last_error = f"{type(exc).__name__}: {exc}"
                    _LOGGER.exception("voicemail watcher round failed")
                try:
                    await asyncio.wait_for(stop.wait(), POLL_SECONDS)
                except asyncio.TimeoutError:
                    pass
        finally:
            await loop.run_in_executor(None, self.transcriber.close)
