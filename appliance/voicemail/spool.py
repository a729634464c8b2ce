"""Reading the clinic's voicemail box in Asterisk's spool (``asterisk_dir/spool/voicemail/dentalcall/<box>``).

Asterisk files each message as ``<folder>/msgNNNN.txt`` (metadata) + ``msgNNNN.wav`` (8 kHz 16-bit PCM:
``format = wav`` in voicemail.conf). Numbers are renumbered when staff move messages (``*98`` listens and
files them into ``Old``), so a message is known by its ``msg_id`` (``<origtime>-<counter>``), which moves
with it. A message counts as complete once both files exist and have not changed for ``SETTLE_SECONDS``.
"""

from __future__ import annotations

import configparser
import dataclasses
import datetime as dt
import logging
import re
import time
from pathlib import Path
from typing import Any

_LOGGER = logging.getLogger(__name__)

FOLDERS = ("INBOX", "Urgent", "Old", "Work", "Family", "Friends")
SETTLE_SECONDS = 1.5
_CALLERID = re.compile(r'^\s*"?([^"<]*)"?\s*<([^>]*)>\s*$')


@dataclasses.dataclass(frozen=True)
class SpoolMessage:
    msg_id: str
    folder: str
    txt: Path
    wav: Path
    caller_number: str | None
    caller_name: str | None
    received_at: dt.datetime  # UTC, naive (as the CRM stores times)
    duration_s: int


def box_dir(config: Any, box: str | None = None) -> Path:
    """Where Asterisk files the clinic's voicemail (same as ``Asterisk.voicemail_dir``, without Asterisk)."""
    return Path(config.asterisk_dir) / "spool" / "voicemail" / "dentalcall" / str(box or config.voicemail_box)


def parse_callerid(raw: str | None) -> tuple[str | None, str | None]:
    """``"홍길동" <01012345678>`` → (number, name); a bare number → (number, None)."""
    if not raw:
        return None, None
    m = _CALLERID.match(raw)
    if m:
        name, number = m.group(1).strip() or None, m.group(2).strip() or None
    else:
        name, number = None, raw.strip().strip('"') or None
    if number and not re.fullmatch(r"\+?[0-9*#]{2,32}", number):
        number = None
    return number, name


def read_message(txt: Path, *, now: float | None = None) -> SpoolMessage | None:
    """The message of one ``msgNNNN.txt``, or None while it is incomplete or unreadable."""
    wav = txt.with_suffix(".wav")
    try:
        stats = (txt.stat(), wav.stat())
    except OSError:
        return None
    now = time.time() if now is None else now
    if any(now - st.st_mtime < SETTLE_SECONDS for st in stats) or stats[1].st_size <= 44:
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(txt.read_text(encoding="utf-8", errors="replace"))
        info = parser["message"]
        origtime = int(info.get("origtime", "0") or 0)
        duration = int(info.get("duration", "0") or 0)
    except (configparser.Error, KeyError, ValueError) as exc:
        _LOGGER.warning("voicemail %s: unreadable metadata (%s)", txt.name, type(exc).__name__)
        return None
    msg_id = (info.get("msg_id") or "").strip() or f"{origtime}-{txt.stem}"
    number, name = parse_callerid(info.get("callerid"))
    received = dt.datetime.fromtimestamp(origtime or stats[0].st_mtime, dt.timezone.utc).replace(tzinfo=None)
    return SpoolMessage(msg_id=msg_id, folder=txt.parent.name, txt=txt, wav=wav, caller_number=number,
                        caller_name=name, received_at=received, duration_s=duration)


def scan(config: Any, box: str | None = None) -> list[SpoolMessage]:
    """Every complete message in the box, oldest first."""
    root = box_dir(config, box)
    found = []
    for folder in FOLDERS:
        for txt in sorted((root / folder).glob("msg[0-9][0-9][0-9][0-9].txt")):
            message = read_message(txt)
            if message is not None:
                found.append(message)
    found.sort(key=lambda m: (m.received_at, m.msg_id))
    return found


def find_audio(config: Any, msg_id: str, hint: str | None = None, box: str | None = None) -> Path | None:
    """The WAV of ``msg_id`` wherever it has moved to (``hint``: where it was last seen)."""
    if hint:
        path = Path(hint)
        txt = path.with_suffix(".txt")
        if path.is_file() and txt.is_file() and f"msg_id={msg_id}" in txt.read_text(errors="replace"):
            return path
    for message in scan(config, box):
        if message.msg_id == msg_id:
            return message.wav
    return None
