"""How long a text is for a Korean carrier, and whether it goes as SMS or LMS.

Korean carriers count message bytes in KS X 1001 / CP949 (EUC-KR plus the extended Hangul syllables):
a Hangul syllable or a full-width sign is 2 bytes, ASCII is 1 byte. A short message (SMS) carries at most
90 bytes; anything longer goes as a long message (LMS) of at most 2,000 bytes, with an optional subject of
at most 40 bytes. A character that CP949 cannot carry (emoji, most non-Korean scripts) would arrive as "?"
on the patient's phone, so it is refused with a clear error instead.
"""

from __future__ import annotations

import dataclasses

from appliance.errors import ApplianceError

ENCODING = "cp949"
SMS_MAX_BYTES = 90
LMS_MAX_BYTES = 2000
SUBJECT_MAX_BYTES = 40
SMS, LMS = "SMS", "LMS"


class TextNotSendable(ApplianceError):
    """The text cannot be sent as a Korean SMS/LMS (too long, or characters a phone cannot show)."""


@dataclasses.dataclass(frozen=True)
class Measure:
    bytes: int
    type: str  # SMS | LMS
    bad_chars: str = ""  # characters CP949 cannot carry

    @property
    def sendable(self) -> bool:
        return not self.bad_chars and self.bytes <= LMS_MAX_BYTES

    def describe(self) -> str:
        """``"SMS 42/90 bytes"``: the preview line staff see."""
        limit = SMS_MAX_BYTES if self.type == SMS else LMS_MAX_BYTES
        out = f"{self.type} {self.bytes}/{limit} bytes"
        if self.bad_chars:
            out += f", cannot send: {self.bad_chars!r}"
        elif self.bytes > LMS_MAX_BYTES:
            out += ", too long"
        return out


def byte_length(text: str) -> int:
    """Bytes a carrier counts: CP949, with characters it cannot carry counted as 2 (for the preview)."""
    return len(text.encode(ENCODING, errors="replace")) + sum(1 for ch in text if not _encodable(ch))


def _encodable(ch: str) -> bool:
    try:
        ch.encode(ENCODING)
        return True
    except UnicodeEncodeError:
        return False


def unsendable_chars(text: str) -> str:
    seen: list[str] = []
    for ch in text:
        if not _encodable(ch) and ch not in seen:
            seen.append(ch)
    return "".join(seen)


def measure(text: str) -> Measure:
    size = byte_length(text)
    return Measure(size, SMS if size <= SMS_MAX_BYTES else LMS, unsendable_chars(text))


def check(text: str, subject: str | None = None) -> Measure:
    """The measure of a text about to be queued; raises ``TextNotSendable`` with the reason."""
    if not text.strip():
        raise TextNotSendable("the text is empty")
    m = measure(text)
    if m.bad_chars:
        raise TextNotSendable(f"characters a Korean phone cannot show: {m.bad_chars!r} (remove emoji and the like)")
    if m.bytes > LMS_MAX_BYTES:
        raise TextNotSendable(f"text is {m.bytes} bytes; a long message (LMS) carries at most {LMS_MAX_BYTES}")
    if subject is not None:
        if unsendable_chars(subject):
            raise TextNotSendable(f"subject has characters a phone cannot show: {unsendable_chars(subject)!r}")
        if byte_length(subject) > SUBJECT_MAX_BYTES:
            raise TextNotSendable(f"subject is {byte_length(subject)} bytes; at most {SUBJECT_MAX_BYTES}")
    return m
