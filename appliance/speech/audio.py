"""Small audio helpers for the telephone path: WAV in/out, 16-bit PCM, resampling, μ-law, silence and trims.

Everything the call path plays is **8 kHz, signed 16-bit little-endian, mono** ("slin" in Asterisk terms);
``PHONE_RATE`` names it. Conversions happen once, when audio enters the appliance (a recording is imported,
piper renders a sentence), never per call.

Resampling uses ``soxr`` (the SoX resampler library, high quality) when installed, else the ``sox`` command,
else a windowed-sinc fallback in numpy — all three band-limit before decimating so 22 kHz voices do not alias
into the phone band.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np

_LOGGER = logging.getLogger(__name__)

PHONE_RATE = 8000
SAMPLE_WIDTH = 2  # bytes, s16le


class AudioError(Exception):
    """A file that is not usable audio (not WAV, unreadable, empty)."""


# --- WAV -----------------------------------------------------------------


def read_wav(source: str | Path | bytes) -> tuple[np.ndarray, int]:
    """Read a PCM WAV (8/16/24/32-bit, any channels) → (float32 mono samples in [-1, 1], sample rate)."""
    try:
        fh = wave.open(io.BytesIO(source) if isinstance(source, (bytes, bytearray)) else str(source), "rb")
    except (wave.Error, EOFError) as exc:
        # not plain PCM (e.g. float or extensible WAV): let sox convert it if we have it
        if not isinstance(source, (bytes, bytearray)) and shutil.which("sox"):
            return _read_with_sox(Path(source))
        raise AudioError(f"not a PCM WAV file: {exc}") from None
    with fh:
        channels, width, rate, frames = fh.getnchannels(), fh.getsampwidth(), fh.getframerate(), fh.getnframes()
        raw = fh.readframes(frames)
    return _to_float_mono(raw, width, channels), rate


def _read_with_sox(path: Path) -> tuple[np.ndarray, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "x.wav"
        proc = subprocess.run(["sox", str(path), "-b", "16", "-e", "signed-integer", "-c", "1", str(out)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise AudioError(f"cannot read {path.name}: {proc.stderr.strip()[:200]}")
        return read_wav(out)


def _to_float_mono(raw: bytes, width: int, channels: int) -> np.ndarray:
    if width == 1:
        data = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    elif width == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        ints = (b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16))
        ints = np.where(ints & 0x800000, ints - 0x1000000, ints)
        data = ints.astype(np.float32) / 8388608.0
    elif width == 4:
        data = np.frombuffer(raw, dtype="<i4").astype(np.float32) / 2147483648.0
    else:
        raise AudioError(f"unsupported sample width {width}")
    if channels > 1:
        data = data[: len(data) - len(data) % channels].reshape(-1, channels).mean(axis=1)
    return data


def float_to_pcm(samples: np.ndarray) -> bytes:
    """float [-1, 1] → s16le bytes (clipped); exact inverse of :func:`pcm_to_float`."""
    return np.clip(np.round(samples * 32768.0), -32768, 32767).astype("<i2").tobytes()


def pcm_to_float(pcm: bytes) -> np.ndarray:
    return np.frombuffer(pcm, dtype="<i2").astype(np.float32) / 32768.0


def wav_bytes(pcm: bytes, rate: int = PHONE_RATE) -> bytes:
    """s16le mono PCM → a complete WAV file in memory."""
    buf = io.BytesIO()
    with wave.open(buf, "wb") as fh:
        fh.setnchannels(1)
        fh.setsampwidth(SAMPLE_WIDTH)
        fh.setframerate(rate)
        fh.writeframes(pcm)
    return buf.getvalue()


def write_wav(path: str | Path, pcm: bytes, rate: int = PHONE_RATE) -> Path:
    """Write s16le mono PCM as WAV atomically (temp file + rename: Asterisk never reads half a file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(wav_bytes(pcm, rate))
    tmp.replace(path)
    return path


def load_phone_pcm(source: str | Path | bytes, rate: int = PHONE_RATE) -> bytes:
    """Any readable WAV → s16le mono PCM at ``rate`` (8 kHz by default)."""
    samples, src_rate = read_wav(source)
    if len(samples) == 0:
        raise AudioError("the file holds no audio")
    return float_to_pcm(resample(samples, src_rate, rate))


def wav_info(path: str | Path) -> dict:
    with wave.open(str(path), "rb") as fh:
        return {"rate": fh.getframerate(), "channels": fh.getnchannels(), "width": fh.getsampwidth(),
                "frames": fh.getnframes(), "seconds": fh.getnframes() / float(fh.getframerate())}


# --- resampling ----------------------------------------------------------


def resampler_name() -> str:
    try:
        import soxr  # noqa: F401

        return "soxr"
    except ImportError:
        return "sox" if shutil.which("sox") else "numpy-sinc"


def resample(samples: np.ndarray, src: int, dst: int) -> np.ndarray:
    """Band-limited resampling of float mono samples."""
    if src == dst or len(samples) == 0:
        return samples.astype(np.float32, copy=False)
    try:
        import soxr

        return soxr.resample(samples.astype(np.float32, copy=False), src, dst, quality="VHQ").astype(np.float32)
    except ImportError:
        pass
    if shutil.which("sox"):
        proc = subprocess.run(
            ["sox", "-t", "raw", "-r", str(src), "-e", "signed-integer", "-b", "16", "-c", "1", "-",
             "-t", "raw", "-r", str(dst), "-e", "signed-integer", "-b", "16", "-c", "1", "-", "rate", "-v"],
            input=float_to_pcm(samples), capture_output=True, check=True)
        return pcm_to_float(proc.stdout)
    return _sinc_resample(samples, src, dst)


def _sinc_resample(samples: np.ndarray, src: int, dst: int, taps: int = 64) -> np.ndarray:
    """Windowed-sinc resampler (Kaiser window), cutoff at 0.95 of the lower Nyquist. Slow but correct."""
    ratio = dst / src
    cutoff = min(1.0, ratio) * 0.95
    n_out = int(round(len(samples) * ratio))
    t = np.arange(n_out) / ratio  # position in input samples
    out = np.zeros(n_out, dtype=np.float64)
    half = int(taps / min(1.0, ratio) / 2)
    padded = np.concatenate([np.zeros(half + 1), samples.astype(np.float64), np.zeros(half + 1)])
    base = np.floor(t).astype(np.int64)
    window_beta = 8.0
    for k in range(-half, half + 1):
        idx = base + k
        x = t - idx
        w = np.kaiser(2 * half + 1, window_beta)[k + half]
        out += padded[idx + half + 1] * cutoff * np.sinc(cutoff * x) * w
    return out.astype(np.float32)


def resample_pcm(pcm: bytes, src: int, dst: int = PHONE_RATE) -> bytes:
    if src == dst:
        return pcm
    return float_to_pcm(resample(pcm_to_float(pcm), src, dst))


# --- μ-law (G.711) ---------------------------------------------------------

_BIAS = 0x84


def _build_ulaw_tables() -> tuple[np.ndarray, np.ndarray]:
    decode = np.zeros(256, dtype=np.int16)
    for i in range(256):
        u = ~i & 0xFF
        sign = u & 0x80
        exponent = (u >> 4) & 0x07
        mantissa = u & 0x0F
        sample = ((mantissa << 3) + _BIAS) << exponent
        sample -= _BIAS
        decode[i] = -sample if sign else sample
    # encoder as in G.711 / CCITT reference code (same bytes as the stdlib's old audioop.lin2ulaw)
    values = np.arange(-32768, 32768, dtype=np.int32) >> 2  # 14-bit, arithmetic shift
    mask = np.where(values < 0, 0x7F, 0xFF)
    mag = np.minimum(np.abs(values), 8159) + (_BIAS >> 2)
    seg_end = np.array([0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF])
    seg = np.searchsorted(seg_end, mag, side="left")
    uval = np.where(seg >= 8, 0x7F, (np.minimum(seg, 7) << 4) | ((mag >> (np.minimum(seg, 7) + 1)) & 0x0F))
    encode = ((uval ^ mask) & 0xFF).astype(np.uint8)
    return encode, decode


_ULAW_ENCODE, _ULAW_DECODE = _build_ulaw_tables()


def pcm_to_ulaw(pcm: bytes) -> bytes:
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.int32)
    return _ULAW_ENCODE[samples + 32768].tobytes()


def ulaw_to_pcm(data: bytes) -> bytes:
    return _ULAW_DECODE[np.frombuffer(data, dtype=np.uint8)].astype("<i2").tobytes()


# --- shaping ---------------------------------------------------------------


def silence(ms: float, rate: int = PHONE_RATE) -> bytes:
    return bytes(int(rate * ms / 1000.0) * SAMPLE_WIDTH)


def duration(pcm: bytes, rate: int = PHONE_RATE) -> float:
    """Seconds of s16 mono audio."""
    return len(pcm) / float(SAMPLE_WIDTH * rate)


def trim_silence(pcm: bytes, rate: int = PHONE_RATE, threshold_db: float = -40.0, keep_ms: float = 10.0) -> bytes:
    """Cut leading and trailing silence (relative to the peak), keeping a few ms so onsets stay soft."""
    x = pcm_to_float(pcm)
    if len(x) == 0:
        return pcm
    peak = float(np.max(np.abs(x)))
    if peak <= 0.0:
        return b""
    frame = max(1, rate // 200)  # 5 ms frames
    n = len(x) // frame
    if n == 0:
        return pcm
    rms = np.sqrt(np.mean(x[: n * frame].reshape(n, frame) ** 2, axis=1))
    loud = np.nonzero(rms > peak * 10 ** (threshold_db / 20.0))[0]
    if len(loud) == 0:
        return b""
    keep = int(rate * keep_ms / 1000.0)
    start = max(0, loud[0] * frame - keep)
    end = min(len(x), (loud[-1] + 1) * frame + keep)
    return pcm[start * SAMPLE_WIDTH: end * SAMPLE_WIDTH]


def fade(pcm: bytes, ms: float = 5.0, rate: int = PHONE_RATE) -> bytes:
    """Short linear fade in and out so joined pieces do not click."""
    x = pcm_to_float(pcm).copy()
    n = min(len(x) // 2, int(rate * ms / 1000.0))
    if n > 0:
        ramp = np.linspace(0.0, 1.0, n, dtype=np.float32)
        x[:n] *= ramp
        x[-n:] *= ramp[::-1]
    return float_to_pcm(x)


def normalise_level(pcm: bytes, target_dbfs: float = -3.0) -> bytes:
    """Scale so the peak sits at ``target_dbfs`` (pieces from different sessions sound alike)."""
    x = pcm_to_float(pcm)
    peak = float(np.max(np.abs(x))) if len(x) else 0.0
    if peak <= 1e-4:
        return pcm
    return float_to_pcm(x * (10 ** (target_dbfs / 20.0) / peak))


def rms_dbfs(pcm: bytes) -> float:
    x = pcm_to_float(pcm)
    if len(x) == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(x.astype(np.float64) ** 2)))
    return 20 * np.log10(max(rms, 1e-6))


def frames(pcm: bytes, ms: int = 20, rate: int = PHONE_RATE) -> list[bytes]:
    """Split into fixed frames (20 ms = 320 bytes at 8 kHz); the last one is zero-padded."""
    size = rate * ms // 1000 * SAMPLE_WIDTH
    out = [pcm[i: i + size] for i in range(0, len(pcm), size)]
    if out and len(out[-1]) < size:
        out[-1] = out[-1] + bytes(size - len(out[-1]))
    return out


# --- loudness ------------------------------------------------------------------

PACK_LEVEL_DBFS = -20.0  # active speech level of every entry of a pack (takes, placeholder, fragments alike)
PEAK_LIMIT_DBFS = -1.0


def active_level_dbfs(pcm: bytes, rate: int = PHONE_RATE, floor_db: float = 35.0) -> float:
    """Level of the speech only (ITU-T P.56 in spirit): RMS over the 20 ms frames within ``floor_db`` of the
    loudest frame, so pauses do not pull a slow reader's level down."""
    x = pcm_to_float(pcm).astype(np.float64)
    size = rate // 50
    n = len(x) // size
    if n == 0:
        return rms_dbfs(pcm)
    energy = np.mean(x[: n * size].reshape(n, size) ** 2, axis=1)
    top = float(np.max(energy))
    if top <= 1e-12:
        return -120.0
    active = energy[energy >= top * 10 ** (-floor_db / 10.0)]
    return float(10 * np.log10(max(float(np.mean(active)), 1e-12)))


def normalise_loudness(pcm: bytes, target_dbfs: float = PACK_LEVEL_DBFS, peak_dbfs: float = PEAK_LIMIT_DBFS) -> bytes:
    """Scale so the active speech level is ``target_dbfs``; never let a peak pass ``peak_dbfs`` (the gain is
    lowered instead, so nothing clips)."""
    x = pcm_to_float(pcm)
    if len(x) == 0:
        return pcm
    level = active_level_dbfs(pcm)
    if level <= -100:
        return pcm
    gain = 10 ** ((target_dbfs - level) / 20.0)
    peak = float(np.max(np.abs(x))) * gain
    limit = 10 ** (peak_dbfs / 20.0)
    if peak > limit:
        gain *= limit / peak
    return float_to_pcm(x * gain)
