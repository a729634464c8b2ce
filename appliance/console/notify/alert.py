"""The short recorded alert staff phones play (phrase ``staff_alert``), as a file Asterisk can play.

Rendered through the voice layer (``Voice.render``: the clinic's recorded prompt when there is one, else
fragments or piper) into ``spool_dir/alerts/staff_alert.wav`` — the spool folder Asterisk and the appliance
share (same path on both sides, also in rootfs mode). Re-rendered when the audio would change.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any, Callable

_LOGGER = logging.getLogger(__name__)

ALERT_KEY = "staff_alert"


def alert_file(config: Any) -> Path:
    return Path(config.spool_dir) / "alerts" / f"{ALERT_KEY}.wav"


def render_alert(config: Any, render: Callable[[str], bytes] | None = None) -> Path:
    """Write the alert WAV (8 kHz mono s16) if it is missing or changed; returns its path.

    Raises ``ApplianceError`` (e.g. ``NoVoice``) when no voice layer can say it: ringing a phone with
    silence would be worse than a clear error on the Health page."""
    from appliance.speech import audio

    if render is None:
        from appliance.speech.voice import Voice

        voice = Voice(config)
        try:
            pcm = voice.render(ALERT_KEY)
        finally:
            voice.close()
    else:
        pcm = render(ALERT_KEY)
    data = audio.wav_bytes(pcm)
    target = alert_file(config)
    if target.is_file() and hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(data).digest():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    os.chmod(tmp, 0o640)  # group dentalcall: Asterisk reads it, nobody else
    tmp.replace(target)
    _LOGGER.info("staff alert rendered (%.1f s) into %s", audio.duration(pcm), target)
    return target
