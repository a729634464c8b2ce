"""The caller's outgoing audio: one clip, or a multi-turn script rendered into one μ-law stream."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence, Union

from .audio_io import _clip_ulaw, _write_ulaw_wav
from .g711 import RATE

AudioSource = Union[str, os.PathLike, None]
Segment = tuple  # (AudioSource, seconds)

ULAW_SILENCE = b"\xff"


def build_stream(segments: Sequence[Segment] | AudioSource, path: Union[str, os.PathLike], *,
                 min_seconds: float = 0.0) -> tuple[Path, list[tuple[float, float]]]:
    """Write the caller's outgoing stream as an 8 kHz μ-law WAV.

    ``segments`` is one audio file, or a script: a list of ``(audio_or_None, seconds)``; each segment lasts
    ``seconds`` (audio at its start, then silence; a longer clip is not cut, the segment grows). Returns the path
    and the (start, end) seconds of each audio clip inside the stream. The stream is padded with silence to
    ``min_seconds``.
    """
    if segments is None:
        segments = [(None, 0.0)]
    elif isinstance(segments, (str, os.PathLike)):
        segments = [(segments, 0.0)]
    data = bytearray()
    spans = []
    for item in segments:
        audio, seconds = item
        start = len(data)
        if audio is not None:
            clip = _clip_ulaw(audio)
            data += clip
            spans.append((start / RATE, len(data) / RATE))
        want = start + int(round(float(seconds) * RATE))
        if len(data) < want:
            data += ULAW_SILENCE * (want - len(data))
    want = int(round(min_seconds * RATE))
    if len(data) < want:
        data += ULAW_SILENCE * (want - len(data))
    # whole 20 ms packets
    data += ULAW_SILENCE * ((-len(data)) % 160)
    return _write_ulaw_wav(Path(path), bytes(data)), spans
