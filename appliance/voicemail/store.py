"""Voicemails in the CRM (migration 21): one row per Asterisk message (``msg_id`` unique), its transcript
and the call it came from.

``ingest`` is idempotent: the watcher can rescan the spool after any restart and a message is added once.
Transcription state: ``pending`` → ``done`` | ``failed`` (retried a few times) | ``unavailable`` (no STT).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import peewee

from appliance.data import migrations, phone as phones
from appliance.data.crm import BaseModel, Call, utcnow
from appliance.voicemail.spool import SpoolMessage

_LOGGER = logging.getLogger(__name__)

MAX_TRANSCRIBE_TRIES = 3
CALL_MATCH_WINDOW = dt.timedelta(minutes=30)


class Voicemail(BaseModel):
    id = peewee.AutoField()
    msg_id = peewee.CharField(max_length=64, unique=True)
    box = peewee.CharField(max_length=16)
    audio_path = peewee.CharField(max_length=512)  # where it was last seen (it moves when staff file it)
    caller_number = peewee.CharField(max_length=32, null=True)
    received_at = peewee.DateTimeField(index=True)
    duration_s = peewee.IntegerField(default=0)
    call_id = peewee.IntegerField(null=True)
    patient_id = peewee.CharField(max_length=64, null=True, index=True)
    transcript = peewee.TextField(null=True)
    transcript_status = peewee.CharField(max_length=12, default="pending", index=True)
    transcribe_tries = peewee.IntegerField(default=0)
    transcribed_at = peewee.DateTimeField(null=True)
    transcript_error = peewee.CharField(max_length=255, null=True)
    created_at = peewee.DateTimeField(default=utcnow)


def _v21(db: peewee.Database, migrator: Any) -> None:
    db.create_tables([Voicemail])


migrations.register(21, "voicemail: messages, transcripts, their calls", _v21)


def match_call(number: str | None, received_at: dt.datetime) -> Call | None:
    """The engine's call that ended in this voicemail: same number, started shortly before it."""
    spellings = phones.variants(number) if number else []
    if not spellings:
        return None
    return (Call.select().where(Call.caller_number.in_(spellings),
                                Call.started_at >= received_at - CALL_MATCH_WINDOW,
                                Call.started_at <= received_at + dt.timedelta(seconds=5))
            .order_by(Call.started_at.desc()).first())


def ingest(message: SpoolMessage, box: str) -> tuple[Voicemail, bool]:
    """Add a spool message (or refresh where its audio lives); returns (row, added_now)."""
    row = Voicemail.get_or_none(Voicemail.msg_id == message.msg_id)
    if row is not None:
        if row.audio_path != str(message.wav):
            Voicemail.update(audio_path=str(message.wav)).where(Voicemail.id == row.id).execute()
            row.audio_path = str(message.wav)
        return row, False
    call = match_call(message.caller_number, message.received_at)
    patient_id = call.patient_id if call is not None else None
    if call is not None and patient_id is None:
        from appliance.data.crm_records import Callback

        cb = Callback.select(Callback.patient_id).where(Callback.call_id == call.id,
                                                        Callback.patient_id.is_null(False)).first()
        patient_id = cb.patient_id if cb else None
    try:
        row = Voicemail.create(msg_id=message.msg_id, box=str(box), audio_path=str(message.wav),
                               caller_number=phones.canonical(message.caller_number) or message.caller_number,
                               received_at=message.received_at, duration_s=message.duration_s,
                               call_id=call.id if call else None, patient_id=patient_id)
    except peewee.IntegrityError:  # another watcher added it a moment ago
        return Voicemail.get(Voicemail.msg_id == message.msg_id), False
    _LOGGER.info("voicemail %s added (%d s, call %s)", row.id, row.duration_s, row.call_id or "-")
    return row, True


def pending_transcription() -> list[Voicemail]:
    return list(Voicemail.select().where(Voicemail.transcript_status.in_(("pending", "failed")),
                                         Voicemail.transcribe_tries < MAX_TRANSCRIBE_TRIES)
                .order_by(Voicemail.received_at))


def save_transcript(voicemail_id: int, text: str) -> None:
    Voicemail.update(transcript=text, transcript_status="done", transcribed_at=utcnow(),
                     transcript_error=None, transcribe_tries=Voicemail.transcribe_tries + 1).where(
        Voicemail.id == voicemail_id).execute()


def transcription_failed(voicemail_id: int, error: str, *, final: bool = False) -> None:
    Voicemail.update(transcript_status="unavailable" if final else "failed", transcript_error=error[:255],
                     transcribe_tries=Voicemail.transcribe_tries + 1).where(Voicemail.id == voicemail_id).execute()


def settled(row: Voicemail) -> bool:
    """Transcription has finished one way or another (the e-mail can go out)."""
    return row.transcript_status in ("done", "unavailable") or (
        row.transcript_status == "failed" and row.transcribe_tries >= MAX_TRANSCRIBE_TRIES)
