"""Audio files in and out: any format to 8 kHz PCM (via sox), plain WAVs, and the μ-law WAVs sipp streams."""

from __future__ import annotations

import os
import struct
import subprocess
import wave
from pathlib import Path
from typing import Union

import numpy as np

from .g711 import RATE, ulaw_decode, ulaw_encode
from .tools import _need


def read_pcm(source: Union[str, os.PathLike, bytes, np.ndarray]) -> np.ndarray:
    """8 kHz mono int16 samples from a numpy array, raw s16le bytes, or any audio file (via sox)."""
    if isinstance(source, np.ndarray):
        return source.astype(np.int16, copy=False)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return np.frombuffer(bytes(source), dtype="<i2").copy()
    path = Path(source)
    try:
        with wave.open(str(path), "rb") as wf:
            if (wf.getframerate(), wf.getnchannels(), wf.getsampwidth(), wf.getcomptype()) == (RATE, 1, 2, "NONE"):
                return np.frombuffer(wf.readframes(wf.getnframes()), dtype="<i2").copy()
    except (wave.Error, EOFError):
        pass
    if path.suffix in (".ulaw", ".ul", ".pcmu"):
        return ulaw_decode(path.read_bytes())
    if path.suffix in (".sln", ".raw", ".slin"):
        return np.frombuffer(path.read_bytes(), dtype="<i2").copy()
    out = subprocess.run(
        [_need("sox"), "-D", str(path), "-t", "raw", "-r", str(RATE), "-c", "1", "-e", "signed", "-b", "16", "-L", "-"],
        check=True, capture_output=True,
    ).stdout
    return np.frombuffer(out, dtype="<i2").copy()


def write_wav(path: Union[str, os.PathLike], pcm: np.ndarray, rate: int = RATE) -> Path:
    path = Path(path)
    with wave.open(str(path), "wb") as wf:
        wf.setnchannels(1)
        wf.setsampwidth(2)
        wf.setframerate(rate)
        wf.writeframes(np.asarray(pcm, dtype="<i2").tobytes())
    return path


def wav_seconds(path: Union[str, os.PathLike]) -> float:
    return len(read_pcm(path)) / RATE


def _write_ulaw_wav(path: Path, ulaw: bytes) -> Path:
    """A μ-law WAV (format 7) with a plain 'fmt '/'data' layout, the way sipp 3.6.1's rtp_stream reads it."""
    fmt = struct.pack("<HHIIHH", 7, 1, RATE, RATE, 1, 8)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(ulaw)) + ulaw
    if len(ulaw) % 2:
        body += b"\0"
    path.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    return path


def read_ulaw_wav(path: Union[str, os.PathLike]) -> bytes:
    """The μ-law bytes of a μ-law WAV (our own or sox's)."""
    data = Path(path).read_bytes()
    pos = 12
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        if cid == b"data":
            return data[pos + 8:pos + 8 + size]
        pos += 8 + size + (size & 1)
    raise ValueError(f"{path}: no data chunk")


def _clip_ulaw(source: Union[str, os.PathLike]) -> bytes:
    """Any audio file as 8 kHz mono μ-law bytes; an 8 kHz mono μ-law WAV passes through unchanged (bit-exact)."""
    path = Path(source)
    try:
        with wave.open(str(path), "rb"):
            pass
    except wave.Error as exc:
        if "unknown format: 7" in str(exc):
            raw = path.read_bytes()
            fmt_pos = raw.find(b"fmt ")
            if fmt_pos > 0:
                fmt, channels, rate = struct.unpack("<HHI", raw[fmt_pos + 8:fmt_pos + 16])
                if fmt == 7 and channels == 1 and rate == RATE:
                    return read_ulaw_wav(path)
    except (EOFError, OSError):
        pass
    # resampled by sox to 16-bit, μ-law encoded here exactly as Asterisk would (sox rounds differently)
    return ulaw_encode(read_pcm(path))
