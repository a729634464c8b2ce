"""Voicemail: Asterisk's spool format read into the CRM once per message, its call and patient found, and a
transcript made by the installed STT (a real Korean clip through the real Whisper model)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest

from appliance.data.crm import Call, utcnow
from appliance.errors import SpeechUnavailable
from appliance.voicemail import spool, store
from appliance.voicemail.watcher import VoicemailWatcher
from tests.plugins.engine import installed_models_root

SHARED_CLIP = "data/speech-ko-read/zeroth_104_003_0294_8k_ulaw.wav"  # "한 잔 의 커피 가 소비자 에게 ..."


def _message(config, number: str, folder: str = "INBOX", n: int = 0, *, origtime: int | None = None,
             wav: bytes | None = None, age_s: float = 5.0) -> Path:
    """A message as app_voicemail files it (metadata copied from a real Asterisk 22 box)."""
    from appliance.speech import audio

    box = spool.box_dir(config) / folder
    box.mkdir(parents=True, exist_ok=True)
    origtime = origtime or int(time.time()) - 30
    txt = box / f"msg{n:04d}.txt"
    txt.write_text(f""";
; Message Information file
;
[message]
origmailbox=100
context=dentalcall-next
macrocontext=
exten=voicemail
rdnis=unknown
priority=7
callerchan=PJSIP/127.0.0.1-00000012
callerid="{number}" <{number}>
origdate=Sun Dec  6 10:02:11 AM UTC 2026
origtime={origtime}
category=
msg_id={origtime}-00000003
flag=
duration=3
""", encoding="utf-8")
    target = txt.with_suffix(".wav")
    target.write_bytes(wav if wav is not None else audio.wav_bytes(b"\x00\x10" * 24000))
    past = time.time() - age_s
    for path in (txt, target):
        os.utime(path, (past, past))
    return txt


def test_spool_messages_are_read_once_complete(console_home):
    config = console_home.config
    _message(config, "01077771234", origtime=1796000000)
    fresh = _message(config, "01077775678", n=1, age_s=0.0)  # Asterisk may still be writing it
    found = spool.scan(config)
    assert [(m.caller_number, m.msg_id, m.duration_s) for m in found] == [("01077771234", "1796000000-00000003", 3)]
    os.utime(fresh, (time.time() - 5, time.time() - 5))
    os.utime(fresh.with_suffix(".wav"), (time.time() - 5, time.time() - 5))
    assert len(spool.scan(config)) == 2
    assert spool.parse_callerid('"홍길동" <01012345678>') == ("01012345678", "홍길동")
    assert spool.parse_callerid("anonymous") == (None, None)


def test_ingest_is_idempotent_matches_the_call_and_follows_moves(console_home):
    config = console_home.config
    now = int(time.time()) - 60
    call = Call.create(direction="inbound", caller_number="01077771234", patient_id="12",
                       started_at=dt.datetime.fromtimestamp(now - 40, dt.timezone.utc).replace(tzinfo=None))
    txt = _message(config, "01077771234", origtime=now)
    watcher = VoicemailWatcher(config, transcriber=_Fixed("네 전화 부탁드립니다"))
    added = watcher.ingest_new()
    assert len(added) == 1 and added[0].call_id == call.id and added[0].patient_id == "12"
    assert watcher.ingest_new() == []  # a rescan after a restart adds nothing
    # staff listened on *98: Asterisk moved and renumbered it
    old = spool.box_dir(config) / "Old"
    old.mkdir()
    shutil.move(txt, old / "msg0007.txt")
    shutil.move(txt.with_suffix(".wav"), old / "msg0007.wav")
    watcher.ingest_new()
    row = store.Voicemail.get()
    assert store.Voicemail.select().count() == 1 and row.audio_path.endswith("Old/msg0007.wav")
    assert spool.find_audio(config, row.msg_id, str(txt.with_suffix(".wav"))) == old / "msg0007.wav"


class _Fixed:
    def __init__(self, text: str, fail: int = 0):
        self.text, self.fail, self.calls = text, fail, 0

    def transcribe(self, path: Path) -> str:
        self.calls += 1
        if self.calls <= self.fail:
            raise SpeechUnavailable("speech recognition worker died; restarting")
        return self.text

    def close_if_idle(self) -> bool:
        return False

    def close(self) -> None:
        pass


def test_a_failed_transcription_is_retried_then_settled(console_home):
    config = console_home.config
    _message(config, "01077771234")
    flaky = VoicemailWatcher(config, transcriber=_Fixed("다시 전화 주세요", fail=1))
    flaky.round()
    row = store.Voicemail.get()
    assert row.transcript_status == "failed" and not store.settled(row)
    flaky.round()
    row = store.Voicemail.get()
    assert row.transcript_status == "done" and row.transcript == "다시 전화 주세요" and store.settled(row)
    broken = VoicemailWatcher(config, transcriber=_Fixed("", fail=99))
    _message(config, "01077775555", n=1, origtime=int(time.time()) - 10)
    for _ in range(4):
        broken.round()
    last = store.Voicemail.select().order_by(store.Voicemail.id.desc()).first()
    assert last.transcript_status == "failed" and last.transcribe_tries == 3 and store.settled(last)
    assert "restarting" in last.transcript_error


@pytest.mark.e2e
def test_a_real_message_is_transcribed_by_the_installed_stt(console_home):
    """The real Whisper model (in its own process, as in production) on a real Korean recording."""
    from appliance import settings
    from appliance.speech import audio

    root = installed_models_root()
    clip = Path(settings.load().shared_dir) / SHARED_CLIP
    if root is None or not clip.is_file():
        pytest.skip("needs the installed speech models and the shared Korean clips (shared_dir)")
    from appliance.speech.stt.audio import read_audio

    config = settings.load(overrides={"home": str(console_home.home), "models_root": str(root)}, env={})
    pcm, rate = read_audio(clip)
    _message(config, "01077771234", wav=audio.wav_bytes(b"\x00\x00" * 8000 + pcm + b"\x00\x00" * 8000, rate))
    watcher = VoicemailWatcher(config)
    try:
        watcher.round()
    finally:
        watcher.transcriber.close()
    row = store.Voicemail.get()
    assert row.transcript_status == "done", row.transcript_error
    assert "커피" in row.transcript and ("소비자" in row.transcript or "공정" in row.transcript), row.transcript
    assert row.transcribed_at <= utcnow()
