"""Any audio file staff bring (WAV, m4a/AAC, MP3, OGG/Opus, FLAC …) decoded with FFmpeg through PyAV.

PyAV ships with faster-whisper, so no extra package: the container and codec are whatever FFmpeg knows.
Output is float32 mono at the file's own rate (clipping is judged there, before any resampling) and, via
:func:`to_phone`, 8 kHz s16 mono PCM, the format of the pack.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import numpy as np

from appliance.speech import audio

_LOGGER = logging.getLogger(__name__)

MAX_SECONDS = 120.0  # a take is a sentence or a short list: anything longer is the wrong file


class DecodeError(audio.AudioError):
    """Not audio FFmpeg can read (or no audio stream in it)."""


def decode(source: str | Path | bytes) -> tuple[np.ndarray, int]:
    """(float32 mono samples in [-1, 1], sample rate) of an audio file or its bytes."""
    import av

    name = "<bytes>" if isinstance(source, (bytes, bytearray)) else Path(source).name
    try:
        container = av.open(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else str(source))
    except (av.error.FFmpegError, OSError) as exc:
        raise DecodeError(f"{name}: not an audio file FFmpeg can read ({exc})") from None
    with container:
        if not container.streams.audio:
            raise DecodeError(f"{name}: no audio stream in it")
        stream = container.streams.audio[0]
        rate = int(stream.rate or stream.codec_context.sample_rate or 48000)
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        chunks: list[np.ndarray] = []
        total = 0
        try:
            for frame in container.decode(stream):  # type: ignore[union-attr]
                for out in resampler.resample(frame):
                    data = out.to_ndarray().reshape(-1)
                    chunks.append(data)
                    total += len(data)
                if total > MAX_SECONDS * rate:
                    raise DecodeError(f"{name}: longer than {MAX_SECONDS:.0f} s; one take is one sentence or list")
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
        except av.error.FFmpegError as exc:
            raise DecodeError(f"{name}: broken audio ({exc})") from None
    if not chunks:
        raise DecodeError(f"{name}: holds no audio")
    samples = np.concatenate(chunks).astype(np.float32)
    if samples.size == 0:
        raise DecodeError(f"{name}: holds no audio")
    return samples, rate


def to_phone(samples: np.ndarray, rate: int) -> bytes:
    """Float mono at ``rate`` → 8 kHz s16 mono PCM (band-limited resampling)."""
    return audio.float_to_pcm(audio.resample(samples, rate, audio.PHONE_RATE))


def encode(pcm: bytes, path: Path, rate: int = audio.PHONE_RATE, codec: str | None = None) -> Path:
    """Write s16 mono PCM in the container/codec of ``path``'s extension (.wav .m4a .mp3 .ogg .opus): used to
    keep takes in the form they came and by tests to make files as phones make them."""
    import av

    path = Path(path)
    codecs = {".m4a": "aac", ".aac": "aac", ".mp3": "libmp3lame", ".ogg": "libopus", ".opus": "libopus",
              ".wav": "pcm_s16le"}
    codec = codec or codecs.get(path.suffix.lower())
    if codec is None:
        raise DecodeError(f"{path.name}: cannot write {path.suffix} files")
    out_rate = 48000 if codec == "libopus" else rate
    samples = audio.resample(audio.pcm_to_float(pcm), rate, out_rate)
    fmt = "ipod" if path.suffix.lower() in (".m4a", ".aac") else None
    with av.open(str(path), "w", format=fmt) as container:
        stream: Any = container.add_stream(codec, rate=out_rate, layout="mono")
        frame_size = 960 if codec == "libopus" else 1024
        sample_fmt = "s16" if codec in ("pcm_s16le", "libopus") else "fltp"
        if codec == "libmp3lame":
            sample_fmt = "s16p"
        data = samples.astype(np.float32)
        pts = 0
        for start in range(0, len(data), frame_size):
            chunk = data[start:start + frame_size]
            if len(chunk) < frame_size:
                chunk = np.pad(chunk, (0, frame_size - len(chunk)))
            arr: np.ndarray
            if sample_fmt.startswith("s16"):
                arr = np.clip(np.round(chunk * 32767), -32768, 32767).astype(np.int16).reshape(1, -1)
            else:
                arr = chunk.reshape(1, -1)
            frame = av.AudioFrame.from_ndarray(arr, format=sample_fmt, layout="mono")
            frame.sample_rate = out_rate
            frame.pts = pts
            pts += frame_size
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return path
