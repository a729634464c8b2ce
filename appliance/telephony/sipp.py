"""Test/demo caller: real SIP calls placed (or answered) with ``sipp``, and what the caller heard.

Used by ``dentalcall demo`` and by the tests. ``sipp`` is Debian package ``sip-tester`` (binary ``sipp`` 3.6.1,
built with RTP streaming). Every run is bounded (``-m 1 -timeout … -timeout_error -nostdin``) and non-interactive.

- ``place_call(host, port, audio)`` dials an INVITE (SDP: PCMU + telephone-event), streams ``audio`` (any format;
  converted to 8 kHz μ-law and padded with silence) with ``<exec rtp_stream>``, sends optional DTMF digits —
  RFC 4733 (``<exec play_dtmf>``: sipp 3.6.1 always uses payload type 96, so the SDP offers telephone-event as 96)
  or SIP INFO — then waits for the remote BYE or hangs up after ``hold_seconds``. A refused INVITE (busy, …) is
  ACKed and reported (``CallResult.rejected``).
  ``start_call`` is the same as a running handle (``CallHandle``) so a test can act while the call is up;
  ``place_call_async`` awaits it.
- A scripted multi-turn caller: ``[(audio|None, seconds), …]`` segments become one stream with generous gaps, so
  the caller "speaks after the bot" (``build_stream``); ``CallResult.sent_spans`` says when each clip was sent.
- ``place_uas(...)`` starts a sipp UAS for outbound (AMI Originate) tests: answer and play, ring without answer,
  or busy (486).
- What the caller HEARD: RTP sent to the caller's RTP port is captured on the loopback/any interface with
  ``dumpcap`` and decoded here (small pcap reader, RTP μ-law/A-law decoding, gaps filled by timestamp) into an
  8 kHz 16-bit WAV: ``CallResult.heard_wav``.
- ``audio_similarity`` (normalised cross-correlation against the μ-law-transcoded reference at the best offset)
  and ``speech_segments`` (energy-based on/off times) for assertions on what the caller got.

``play_dtmf`` and the capture need root (raw sockets / packet capture), as does Asterisk in a rootfs anyway.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time
import wave
from pathlib import Path
from typing import Iterable, Sequence, Union

import numpy as np

_LOGGER = logging.getLogger(__name__)

RATE = 8000
SIPP = "sipp"
DTMF_PAYLOAD_TYPE = 96  # hard-wired in sipp 3.6.1's play_dtmf
DTMF_DURATION_MS = 200
REJECT_CODES = (403, 404, 408, 480, 486, 487, 488, 500, 503, 603)

AudioSource = Union[str, os.PathLike, None]
Segment = tuple  # (AudioSource, seconds)


class SippError(RuntimeError):
    """sipp, sox or dumpcap missing or unusable."""


# --------------------------------------------------------------------------------------------------------------
# G.711
# --------------------------------------------------------------------------------------------------------------
def _ulaw_table() -> np.ndarray:
    u = (~np.arange(256)) & 0xFF
    sign = u & 0x80
    exponent = (u >> 4) & 0x07
    mantissa = u & 0x0F
    magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84
    return np.where(sign, -magnitude, magnitude).astype(np.int16)


def _alaw_table() -> np.ndarray:
    a = np.arange(256) ^ 0x55
    sign = a & 0x80
    exponent = (a >> 4) & 0x07
    mantissa = a & 0x0F
    magnitude = np.where(exponent == 0, (mantissa << 4) + 8, ((mantissa << 4) + 0x108) << np.maximum(exponent - 1, 0))
    return np.where(sign, magnitude, -magnitude).astype(np.int16)


ULAW_TO_PCM = _ulaw_table()
ALAW_TO_PCM = _alaw_table()


def ulaw_decode(data: bytes) -> np.ndarray:
    return ULAW_TO_PCM[np.frombuffer(data, dtype=np.uint8)]


def ulaw_encode(pcm: np.ndarray) -> bytes:
    """G.711 μ-law exactly as Asterisk encodes (codec_ulaw's AST_LIN2MU table).

    Asterisk's table is indexed by the top 14 bits and filled with the 16-bit encoder applied to the last value of
    each group of four (``x | 3``), with the CCITT zero trap (0x00 → 0x02). sox and audioop differ from it by one
    step at some decision boundaries, so a reference transcoded here compares sample-exact with what Asterisk sent.
    """
    x = np.asarray(pcm, dtype=np.int32) | 3
    sign = np.where(x < 0, 0x80, 0)
    mag = np.minimum(np.abs(x), 32635) + 0x84
    exponent = np.clip(np.floor(np.log2(mag)).astype(np.int32) - 7, 0, 7)
    mantissa = (mag >> (exponent + 3)) & 0x0F
    out = (~(sign | (exponent << 4) | mantissa)) & 0xFF
    out = np.where(out == 0, 0x02, out)
    return out.astype(np.uint8).tobytes()


def ulaw_roundtrip(pcm: np.ndarray) -> np.ndarray:
    return ulaw_decode(ulaw_encode(pcm))


# --------------------------------------------------------------------------------------------------------------
# audio files
# --------------------------------------------------------------------------------------------------------------
def _need(tool: str) -> str:
    path = shutil.which(tool)
    if not path:
        hint = {"sipp": "apt-get install sip-tester", "sox": "apt-get install sox", "dumpcap": "apt-get install tshark"}
        raise SippError(f"{tool} not found ({hint.get(tool, 'install it')})")
    return path


def read_pcm(source: Union[str, os.PathLike, bytes, np.ndarray]) -> np.ndarray:
    """8 kHz mono int16 samples from a numpy array, raw s16le bytes, or any audio file (via sox)."""
    if isinstance(source, np.ndarray):
        return source.astype(np.int16, copy=False)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return np.frombuffer(bytes(source), dtype="<i2").copy()
    path = Path(source)
    try:
        with wave.open(str(path), "rb") as wf:
            if wf.getframerate() == RATE and wf.getnchannels() == 1 and wf.getsampwidth() == 2 and wf.getcomptype() == "NONE":
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


# --------------------------------------------------------------------------------------------------------------
# pcap / RTP
# --------------------------------------------------------------------------------------------------------------
@dataclasses.dataclass
class UdpPacket:
    time: float
    src: str
    sport: int
    dst: str
    dport: int
    payload: bytes


def read_pcap(path: Union[str, os.PathLike]) -> list[UdpPacket]:
    """UDP datagrams (IPv4/IPv6) from a classic pcap file (Ethernet, Linux cooked v1/v2, raw IP, BSD loopback)."""
    data = Path(path).read_bytes()
    if len(data) < 24:
        return []
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        endian = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        endian = ">"
    else:
        raise ValueError(f"{path}: not a pcap file (pcapng is not supported; capture with dumpcap -P)")
    nano = magic in (b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d")
    linktype = struct.unpack(endian + "I", data[20:24])[0] & 0x0FFFFFFF
    packets = []
    pos = 24
    while pos + 16 <= len(data):
        sec, frac, incl, _orig = struct.unpack(endian + "IIII", data[pos:pos + 16])
        frame = data[pos + 16:pos + 16 + incl]
        pos += 16 + incl
        if len(frame) < incl:
            break
        ts = sec + frac / (1e9 if nano else 1e6)
        ip = _link_payload(linktype, frame)
        if ip is not None:
            udp = _udp(ip)
            if udp is not None:
                packets.append(UdpPacket(ts, *udp))
    return packets


def _link_payload(linktype: int, frame: bytes) -> bytes | None:
    if linktype == 1:  # Ethernet
        off, ethertype = 14, struct.unpack("!H", frame[12:14])[0] if len(frame) >= 14 else 0
        while ethertype == 0x8100 and len(frame) >= off + 4:
            ethertype = struct.unpack("!H", frame[off + 2:off + 4])[0]
            off += 4
        return frame[off:] if ethertype in (0x0800, 0x86DD) else None
    if linktype == 113:  # Linux cooked v1
        return frame[16:] if len(frame) > 16 and struct.unpack("!H", frame[14:16])[0] in (0x0800, 0x86DD) else None
    if linktype == 276:  # Linux cooked v2
        return frame[20:] if len(frame) > 20 and struct.unpack("!H", frame[0:2])[0] in (0x0800, 0x86DD) else None
    if linktype in (101, 228, 229, 12, 14):  # raw IP
        return frame
    if linktype in (0, 108):  # BSD loopback / OpenBSD loop
        return frame[4:]
    return None


def _udp(ip: bytes):
    if not ip:
        return None
    version = ip[0] >> 4
    if version == 4 and len(ip) >= 20:
        ihl = (ip[0] & 0x0F) * 4
        if ip[9] != 17:
            return None
        frag = struct.unpack("!H", ip[6:8])[0]
        if frag & 0x1FFF:
            return None
        src, dst = socket.inet_ntop(socket.AF_INET, ip[12:16]), socket.inet_ntop(socket.AF_INET, ip[16:20])
        total = struct.unpack("!H", ip[2:4])[0]
        seg = ip[ihl:total] if total else ip[ihl:]
    elif version == 6 and len(ip) >= 40:
        if ip[6] != 17:
            return None
        src, dst = socket.inet_ntop(socket.AF_INET6, ip[8:24]), socket.inet_ntop(socket.AF_INET6, ip[24:40])
        seg = ip[40:]
    else:
        return None
    if len(seg) < 8:
        return None
    sport, dport, length = struct.unpack("!HHH", seg[:6])
    return src, sport, dst, dport, seg[8:length] if length >= 8 else seg[8:]


@dataclasses.dataclass
class RtpPacket:
    time: float
    ssrc: int
    seq: int
    ts: int
    pt: int
    marker: bool
    payload: bytes


def parse_rtp(udp_payload: bytes, at: float = 0.0) -> RtpPacket | None:
    if len(udp_payload) < 12 or udp_payload[0] >> 6 != 2:
        return None
    b0, b1, seq, ts, ssrc = struct.unpack("!BBHII", udp_payload[:12])
    pt = b1 & 0x7F
    if 72 <= pt <= 76:  # RTCP
        return None
    off = 12 + 4 * (b0 & 0x0F)
    if b0 & 0x10:
        if len(udp_payload) < off + 4:
            return None
        off += 4 + 4 * struct.unpack("!H", udp_payload[off + 2:off + 4])[0]
    end = len(udp_payload)
    if b0 & 0x20 and end > off:
        end -= udp_payload[-1]
    if end < off:
        return None
    return RtpPacket(at, ssrc, seq, ts, pt, bool(b1 & 0x80), udp_payload[off:end])


def _unwrap(values: Iterable[int], bits: int) -> list[int]:
    out, prev, base = [], None, 0
    span = 1 << bits
    for v in values:
        if prev is not None:
            delta = v - prev
            if delta < -span // 2:
                base += span
            elif delta > span // 2:
                base -= span
        prev = v
        out.append(v + base)
    return out


def decode_rtp_audio(packets: Sequence[RtpPacket], *, origin: float | None = None,
                     max_jump_seconds: float = 30.0) -> np.ndarray:
    """PCMU (PT 0) / PCMA (PT 8) packets → 8 kHz int16 timeline.

    Packets are grouped per SSRC run (consecutive by arrival), ordered by sequence number inside a run and
    placed by RTP timestamp; a run starts at its first packet's arrival time relative to ``origin`` (default:
    first audio packet). Gaps are silence, duplicates are dropped, telephone-event and other PTs are ignored.
    """
    audio = [p for p in packets if p.pt in (0, 8) and p.payload]
    if not audio:
        return np.zeros(0, dtype=np.int16)
    audio.sort(key=lambda p: p.time)
    if origin is None:
        origin = audio[0].time
    runs: list[list[RtpPacket]] = []
    for p in audio:
        if runs and runs[-1][0].ssrc == p.ssrc:
            runs[-1].append(p)
        else:
            runs.append([p])
    placed: list[tuple[int, np.ndarray]] = []
    for run in runs:
        seqs = _unwrap([p.seq for p in run], 16)
        order = sorted(range(len(run)), key=lambda i: seqs[i])
        seen = set()
        ts_unwrapped = _unwrap([run[i].ts for i in order], 32)
        anchor_pos = anchor_ts = anchor_time = None
        prev_seq = prev_end = None
        for idx, i in enumerate(order):
            if seqs[i] in seen:
                continue
            seen.add(seqs[i])
            p = run[i]
            ts = ts_unwrapped[idx]
            if anchor_ts is None or abs(ts - anchor_ts - (p.time - anchor_time) * RATE) > max_jump_seconds * RATE:
                anchor_ts, anchor_time = ts, p.time
                anchor_pos = int(round((p.time - origin) * RATE))
            pcm = (ULAW_TO_PCM if p.pt == 0 else ALAW_TO_PCM)[np.frombuffer(p.payload, dtype=np.uint8)]
            pos = anchor_pos + ts - anchor_ts
            # Asterisk stamps a short (last) frame with the previous timestamp + its own length, which would
            # overlap the previous frame: consecutive packets never overlap, they follow each other
            if prev_seq is not None and seqs[i] == prev_seq + 1 and prev_end - 160 * 4 < pos < prev_end:
                pos = prev_end
            placed.append((pos, pcm))
            prev_seq, prev_end = seqs[i], pos + len(pcm)
    start = min(0, min(pos for pos, _ in placed))
    end = max(pos + len(pcm) for pos, pcm in placed)
    out = np.zeros(end - start, dtype=np.int16)
    for pos, pcm in placed:
        out[pos - start:pos - start + len(pcm)] = pcm
    return out


@dataclasses.dataclass
class CaptureInfo:
    """What a capture says about a call, all times as epoch seconds (None if not seen)."""

    invite: float | None = None
    answered: float | None = None  # 200 OK to the INVITE
    final_response: int | None = None  # status of the first final response to the INVITE
    ack: float | None = None
    bye: float | None = None
    bye_from_remote: bool | None = None
    first_rtp_in: float | None = None
    last_rtp_in: float | None = None
    rtp_packets_in: int = 0
    dtmf_events_in: list = dataclasses.field(default_factory=list)  # (time, event) of RFC 4733 ends
    rtp_packets_out: int = 0


def analyse_capture(pcap: Union[str, os.PathLike], *, sip_port: int, rtp_port: int,
                    origin: str = "answer") -> tuple[np.ndarray, CaptureInfo]:
    """Decode what arrived at ``rtp_port`` (the caller's side) and the SIP timing seen on ``sip_port``.

    ``origin='answer'``: the PCM timeline starts at the 200 OK/ACK (so leading dead air shows); ``'first'``:
    at the first audio packet.
    """
    info = CaptureInfo()
    rtp_in: list[RtpPacket] = []
    dtmf_seen = set()
    for pkt in read_pcap(pcap):
        if sip_port in (pkt.sport, pkt.dport) and pkt.payload[:1].isalpha():
            first = pkt.payload.split(b"\r\n", 1)[0]
            outgoing = pkt.sport == sip_port
            if first.startswith(b"INVITE ") and info.invite is None:
                info.invite = pkt.time
            elif first.startswith(b"SIP/2.0 ") and b"INVITE" in _header(pkt.payload, b"CSeq"):
                code = int(first[8:11]) if first[8:11].isdigit() else 0
                if code >= 200 and info.final_response is None:
                    info.final_response = code
                    if code < 300:
                        info.answered = pkt.time
            elif first.startswith(b"ACK ") and info.ack is None:
                info.ack = pkt.time
            elif first.startswith(b"BYE ") and info.bye is None:
                info.bye = pkt.time
                info.bye_from_remote = not outgoing
            continue
        if pkt.dport == rtp_port:
            rtp = parse_rtp(pkt.payload, pkt.time)
            if rtp is None:
                continue
            if rtp.pt in (0, 8):
                rtp_in.append(rtp)
                info.rtp_packets_in += 1
                info.first_rtp_in = pkt.time if info.first_rtp_in is None else info.first_rtp_in
                info.last_rtp_in = pkt.time
            elif len(rtp.payload) >= 4 and rtp.payload[1] & 0x80 and (rtp.ssrc, rtp.ts) not in dtmf_seen:
                dtmf_seen.add((rtp.ssrc, rtp.ts))
                info.dtmf_events_in.append((pkt.time, "0123456789*#ABCD"[rtp.payload[0]] if rtp.payload[0] < 16 else str(rtp.payload[0])))
        elif pkt.sport == rtp_port:
            info.rtp_packets_out += 1
    start = info.answered or info.ack
    pcm = decode_rtp_audio(rtp_in, origin=start if origin == "answer" and start else None)
    return pcm, info


def _header(msg: bytes, name: bytes) -> bytes:
    for line in msg.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        key, _, value = line.partition(b":")
        if key.strip().lower() == name.lower():
            return value.strip()
    return b""


class Capture:
    """dumpcap on the interface carrying the call (loopback for local targets), bounded by a duration."""

    def __init__(self, path: Path, ports: Sequence[int], *, interface: str = "lo", max_seconds: float = 120):
        self.path = Path(path)
        bpf = " or ".join(f"udp port {p}" for p in ports)
        self._proc = subprocess.Popen(
            [_need("dumpcap"), "-q", "-P", "-i", interface, "-f", bpf, "-w", str(self.path),
             "-a", f"duration:{int(max_seconds) + 1}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        self._stderr = b""
        deadline = time.monotonic() + 10
        buf = b""
        os.set_blocking(self._proc.stderr.fileno(), False)
        while time.monotonic() < deadline:
            chunk = self._proc.stderr.read() or b""
            buf += chunk
            if b"Capturing on" in buf:
                break
            if self._proc.poll() is not None:
                raise SippError(f"dumpcap failed: {buf.decode(errors='replace').strip()}")
            time.sleep(0.02)
        else:
            self._proc.kill()
            raise SippError("dumpcap did not start within 10 s")
        self._stderr = buf

    def stop(self, linger: float = 0.3) -> Path:
        if self._proc.poll() is None:
            time.sleep(linger)
            self._proc.send_signal(signal.SIGINT)
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        return self.path


# --------------------------------------------------------------------------------------------------------------
# similarity and speech activity
# --------------------------------------------------------------------------------------------------------------
def align(heard, reference) -> tuple[float, float]:
    """Best normalised cross-correlation of ``reference`` (μ-law round-tripped) inside ``heard``.

    Returns (score in [-1, 1], offset seconds of the reference start inside ``heard``)."""
    h = read_pcm(heard).astype(np.float64)
    r = ulaw_roundtrip(read_pcm(reference)).astype(np.float64)
    r -= r.mean() if len(r) else 0.0
    m = len(r)
    if m == 0 or not np.any(r):
        return 0.0, 0.0
    # the reference may stick out at either end (capture started late, call cut): pad with silence
    pad = m - 1
    h = np.concatenate([np.zeros(pad), h, np.zeros(pad)])
    n = len(h) + m
    size = 1 << (n - 1).bit_length()
    corr = np.fft.irfft(np.fft.rfft(h, size) * np.conj(np.fft.rfft(r, size)), size)[: len(h) - m + 1]
    csum = np.concatenate([[0.0], np.cumsum(h)])
    csum2 = np.concatenate([[0.0], np.cumsum(h * h)])
    win_sum = csum[m:] - csum[:-m]
    win_energy = np.maximum(csum2[m:] - csum2[:-m] - win_sum * win_sum / m, 0.0)
    denom = np.sqrt(win_energy) * np.sqrt(np.sum(r * r))
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(denom > 1e-9 * max(1.0, float(denom.max(initial=0.0))), corr / denom, 0.0)
    best = int(np.argmax(score))
    return float(score[best]), (best - pad) / RATE


def audio_similarity(heard_pcm, reference_pcm) -> float:
    """Normalised cross-correlation (best offset) of the reference, transcoded through μ-law, in what was heard.

    1.0 = the reference was heard sample-exact (within μ-law rounding) somewhere in ``heard_pcm``. Arguments:
    numpy int16 arrays, s16le bytes or audio file paths."""
    return align(heard_pcm, reference_pcm)[0]


def speech_segments(pcm, *, threshold_db: float = -45.0, frame_ms: int = 20, min_gap: float = 0.3,
                    min_speech: float = 0.06) -> list[tuple[float, float]]:
    """Energy-based (start, end) seconds where the audio is on (frame RMS above ``threshold_db`` dBFS).

    Gaps shorter than ``min_gap`` are bridged; blips shorter than ``min_speech`` are dropped."""
    x = read_pcm(pcm).astype(np.float64)
    flen = RATE * frame_ms // 1000
    n = len(x) // flen
    if n == 0:
        return []
    frames = x[: n * flen].reshape(n, flen)
    rms = np.sqrt(np.mean(frames * frames, axis=1))
    db = 20 * np.log10(np.maximum(rms, 1e-9) / 32768.0)
    active = db > threshold_db
    segs: list[list[float]] = []
    for i, on in enumerate(active):
        if not on:
            continue
        start, end = i * frame_ms / 1000, (i + 1) * frame_ms / 1000
        if segs and start - segs[-1][1] < min_gap:
            segs[-1][1] = end
        else:
            segs.append([start, end])
    return [(round(s, 3), round(e, 3)) for s, e in segs if e - s >= min_speech]


def longest_silence(pcm, *, start: float = 0.0, end: float | None = None, **kwargs) -> float:
    """Longest stretch (seconds) without audio between ``start`` and ``end`` (default: whole clip)."""
    x = read_pcm(pcm)
    total = len(x) / RATE
    end = total if end is None else end
    cursor, longest = start, 0.0
    for s, e in speech_segments(x, **kwargs):
        if e <= start or s >= end:
            continue
        longest = max(longest, s - cursor)
        cursor = max(cursor, e)
    return max(longest, end - cursor)


# --------------------------------------------------------------------------------------------------------------
# scenarios
# --------------------------------------------------------------------------------------------------------------
_SDP = """v=0
o=dentalcall 53655765 2353687637 IN IP[media_ip_type] [media_ip]
s=-
c=IN IP[media_ip_type] [media_ip]
t=0 0
m=audio [media_port] RTP/AVP 0 {pt}
a=rtpmap:0 PCMU/8000
a=rtpmap:{pt} telephone-event/8000
a=fmtp:{pt} 0-16
a=ptime:20
a=sendrecv
""".replace("{pt}", str(DTMF_PAYLOAD_TYPE))

_BYE_OK = """
<send>
<![CDATA[
SIP/2.0 200 OK
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
[last_CSeq:]
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Content-Length: 0

]]>
</send>
"""


def dtmf_seconds(digits: str) -> float:
    """How long sipp 3.6.1's play_dtmf takes: ~0.78 s of filler packets, then 0.4 s a digit (0.2 s tone)."""
    return 0.8 + 0.4 * len(digits) + 0.1


def _media_steps(stream_wav: Path, dtmf: Sequence[tuple[float, str]], *,
                 info_dialog: tuple[str, str] | None = None) -> tuple[str, int, list[tuple[float, float]]]:
    """rtp_stream + DTMF steps; returns the XML, the milliseconds they take and the (at, seconds) pauses.

    RFC 4733 (default): play_dtmf sends its events from another SSRC, and Asterisk ends a running DTMF event
    whenever the SSRC changes, so interleaved audio packets would chop a digit into several. The audio stream is
    therefore paused while digits are sent (like a phone muting the microphone) and resumed after: audio after a
    DTMF burst is delayed by it. SIP INFO (``info_dialog`` = request URI and the From/To/Call-ID/Contact lines):
    one INFO (application/dtmf-relay) a digit, 250 ms apart; the audio keeps flowing.
    """
    # sipp 3.6.1 streams a file as it is, WAV header included (a 20 ms click): give it the raw μ-law bytes
    raw = Path(stream_wav).with_suffix(".ulaw")
    xml = [f'<nop><action><exec rtp_stream="{raw},1,0"/></action></nop>']
    elapsed = 0
    pauses = []
    cseq = 10
    for at, digits in sorted(dtmf):
        at_ms = int(round(at * 1000))
        if at_ms > elapsed:
            xml.append(f'<pause milliseconds="{at_ms - elapsed}"/>')
            elapsed = at_ms
        if info_dialog is not None:
            for digit in digits:
                cseq += 1
                xml.append(f"""<send retrans="500">
<![CDATA[
INFO {info_dialog[0]} SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
{info_dialog[1]}
CSeq: {cseq} INFO
Max-Forwards: 70
Content-Type: application/dtmf-relay
Content-Length: [len]

Signal={digit}
Duration={DTMF_DURATION_MS}
]]>
</send>
<recv response="200"/>
<pause milliseconds="250"/>""")
                elapsed += 250
            continue
        dur_ms = int(dtmf_seconds(digits) * 1000)
        xml.append('<nop><action><exec rtp_stream="pause"/></action></nop>')
        xml.append(f'<nop><action><exec play_dtmf="{digits},{DTMF_DURATION_MS}"/></action></nop>')
        xml.append(f'<pause milliseconds="{dur_ms}"/>')
        xml.append('<nop><action><exec rtp_stream="resume"/></action></nop>')
        elapsed += dur_ms
        pauses.append((elapsed / 1000 - dur_ms / 1000, dur_ms / 1000))
    return "\n".join(xml), elapsed, pauses


def _shift_spans(spans: list, pauses: list) -> list:
    """Where the clips really are in the call once DTMF pauses delayed the stream."""
    out = []
    for start, end in spans:
        shift = sum(d for at, d in pauses if at <= start + 1e-6)
        out.append((start + shift, end + shift))
    return out


# sipp 3.6.1 looks for global optional receives only *behind* the current step, and refuses an optional recv
# right before a send/pause/nop: the catch-all for the far end's BYE sits just before the mandatory 200 (UAC)
# or ACK (UAS) receive
_GLOBAL_BYE = '<recv request="BYE" optional="global" next="remote_bye"/>'


def _end_steps(hold_ms: int | None, wait_ms: int, *, bye_xml: str) -> str:
    """Wait for the remote BYE (answer 200) or, after hold_ms, send our BYE; then jump to "end".

    A BYE from the far end at any other moment (during pauses, DTMF, INFO transactions) is caught by the
    global optional receive ``_GLOBAL_BYE`` and answered here ("remote_bye"), so the far end may
    always hang up first without failing the run."""
    if hold_ms is None:
        normal = f'<recv request="BYE" timeout="{wait_ms}"/>\n{_BYE_OK}'
    else:
        normal = (f'<recv request="BYE" timeout="{max(hold_ms, 1)}" ontimeout="hangup"/>\n{_BYE_OK}\n'
                  f'<nop next="end"/>\n<label id="hangup"/>\n{bye_xml}\n<recv response="200" crlf="true"/>')
    return f'{normal}\n<nop next="end"/>\n<label id="remote_bye"/>\n{_BYE_OK}\n<nop next="end"/>'


def _info_dialog(method: str, dialog: tuple[str, str]) -> tuple[str, str] | None:
    if method not in ("rfc4733", "info"):
        raise ValueError(f"unknown DTMF method {method!r} (rfc4733 | info)")
    return dialog if method == "info" else None


def uac_scenario(stream_wav: Path, *, to_user: str, from_user: str, dtmf: Sequence[tuple[float, str]],
                 hold_ms: int | None, wait_ms: int, dtmf_method: str = "rfc4733") -> str:
    frm = f'"{from_user}" <sip:{from_user}@[local_ip]:[local_port]>;tag=[pid]DentalCall[call_number]'
    to = f"<sip:{to_user}@[remote_ip]:[remote_port]>"
    dialog = (f"From: {frm}\nTo: {to}[peer_tag_param]\nCall-ID: [call_id]\n"
              f"Contact: <sip:{from_user}@[local_ip]:[local_port]>")
    # a refused call (busy, not found, no answer…) is ACKed (same Via branch) and ends the run without error;
    # CallResult.rejected / capture.final_response tell
    rejections = "\n".join(f'<recv response="{code}" optional="true" next="rejected"/>' for code in REJECT_CODES)
    ruri = f"sip:{to_user}@[remote_ip]:[remote_port]"
    media, media_ms, _ = _media_steps(stream_wav, dtmf, info_dialog=_info_dialog(dtmf_method, (ruri, dialog)))
    if hold_ms is not None:
        hold_ms = max(hold_ms - media_ms, 1)
    wait_ms = max(wait_ms - media_ms, 1000)
    common = f"From: {frm}\nCall-ID: [call_id]\nContact: <sip:{from_user}@[local_ip]:[local_port]>\nMax-Forwards: 70"
    bye = f"""<send retrans="500">
<![CDATA[
BYE sip:{to_user}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
To: {to}[peer_tag_param]
CSeq: 1000 BYE
{common}
Content-Length: 0

]]>
</send>"""
    return f"""<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="dentalcall caller">
<send retrans="500">
<![CDATA[
INVITE sip:{to_user}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
To: {to}
CSeq: 1 INVITE
{common}
User-Agent: DentalCall test caller (sipp)
Content-Type: application/sdp
Content-Length: [len]

{_SDP}
]]>
</send>
<recv response="100" optional="true"/>
<recv response="180" optional="true"/>
<recv response="183" optional="true"/>
{rejections}
{_GLOBAL_BYE}
<recv response="200" rtd="true"/>
<send>
<![CDATA[
ACK sip:{to_user}@[remote_ip]:[remote_port] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
To: {to}[peer_tag_param]
CSeq: 1 ACK
{common}
Content-Length: 0

]]>
</send>
{media}
{_end_steps(hold_ms, wait_ms, bye_xml=bye)}
<label id="rejected"/>
<send>
<![CDATA[
ACK sip:{to_user}@[remote_ip]:[remote_port] SIP/2.0
[last_Via:]
[last_From:]
[last_To:]
[last_Call-ID:]
CSeq: 1 ACK
Max-Forwards: 70
Content-Length: 0

]]>
</send>
<label id="end"/>
</scenario>
"""


def uas_scenario(stream_wav: Path, *, mode: str, ring_ms: int, dtmf: Sequence[tuple[float, str]],
                 hold_ms: int | None, wait_ms: int) -> str:
    tag = ";tag=[pid]DentalCallUas[call_number]"
    sends_bye = mode == "answer" and hold_ms is not None
    # sipp refuses variables that are set but never used: capture the dialog only when we send the BYE
    invite = """<recv request="INVITE" crlf="true">
<action>
<ereg regexp=".*" search_in="hdr" header="From:" check_it="true" assign_to="rfrom"/>
<ereg regexp=".*" search_in="hdr" header="To:" check_it="true" assign_to="rto"/>
<ereg regexp="sip:[^>;]*" search_in="hdr" header="Contact:" check_it="true" assign_to="rcontact"/>
</action>
</recv>""" if sends_bye else '<recv request="INVITE" crlf="true"/>'

    def reply(code: str, *, sdp: bool = False, cseq: str = "[last_CSeq:]") -> str:
        body = f"Content-Type: application/sdp\nContent-Length: [len]\n\n{_SDP}" if sdp else "Content-Length: 0\n"
        return f"""<send>
<![CDATA[
SIP/2.0 {code}
[last_Via:]
[last_From:]
[last_To:]{tag}
[last_Call-ID:]
{cseq}
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
{body}
]]>
</send>"""

    steps = [invite, reply("100 Trying"), reply("180 Ringing")]
    if mode == "busy":
        if ring_ms:
            steps.append(f'<pause milliseconds="{ring_ms}"/>')
        steps += [reply("486 Busy Here"), '<recv request="ACK"/>']
    elif mode == "ring":
        # never answer: the caller gives up with CANCEL (200 to it, 487 to the INVITE) within the run's timeout
        steps += [f'<recv request="CANCEL" timeout="{wait_ms}"><action><ereg regexp="[0-9]+" search_in="hdr" '
                  'header="CSeq:" assign_to="cseqnum"/></action></recv>', reply("200 OK"),
                  reply("487 Request Terminated", cseq="CSeq: [$cseqnum] INVITE"), '<recv request="ACK"/>']
    elif mode == "answer":
        if ring_ms:
            steps.append(f'<pause milliseconds="{ring_ms}"/>')
        steps += [reply("200 OK", sdp=True), _GLOBAL_BYE, '<recv request="ACK" rtd="true" crlf="true"/>']
        media, media_ms, _ = _media_steps(stream_wav, dtmf)
        steps.append(media)
        if hold_ms is not None:
            hold_ms = max(hold_ms - media_ms, 1)
        bye = f"""<send retrans="500">
<![CDATA[
BYE [$rcontact] SIP/2.0
Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
From: [$rto]{tag}
To: [$rfrom]
Call-ID: [call_id]
CSeq: 2 BYE
Contact: <sip:[local_ip]:[local_port];transport=[transport]>
Max-Forwards: 70
Content-Length: 0

]]>
</send>"""
        steps.append(_end_steps(hold_ms, max(wait_ms - media_ms, 1000), bye_xml=bye))
        steps.append('<label id="end"/>')
    else:
        raise ValueError(f"unknown UAS mode {mode!r} (answer | ring | busy)")
    body = "\n".join(steps)
    return f"""<?xml version="1.0" encoding="ISO-8859-1" ?>
<scenario name="dentalcall callee">
{body}
</scenario>
"""


# --------------------------------------------------------------------------------------------------------------
# running sipp
# --------------------------------------------------------------------------------------------------------------
@dataclasses.dataclass
class CallResult:
    returncode: int
    workdir: Path
    scenario: Path
    messages_log: Path
    errors_log: Path
    stdout_log: Path
    sent_wav: Path  # the μ-law stream the caller sent (bit-exact what went into RTP)
    sent_spans: list  # (start, end) seconds after the answer of each audio clip sent (DTMF pauses included)
    started: float  # epoch seconds, sipp started
    ended: float  # epoch seconds, sipp exited
    sip_port: int
    rtp_port: int
    heard_wav: Path | None = None  # 8 kHz s16 WAV of what reached the caller, t=0 at the 200 OK
    pcap: Path | None = None
    capture: CaptureInfo | None = None
    killed: bool = False

    @property
    def rejected(self) -> bool:
        """The far end refused the INVITE (busy, no answer, …): see ``capture.final_response``."""
        return bool(self.capture and self.capture.final_response and self.capture.final_response >= 300)

    @property
    def ok(self) -> bool:
        """sipp ran the scenario through (not stopped by us) and the call was answered."""
        return self.returncode == 0 and not self.killed and not self.rejected

    @property
    def duration(self) -> float:
        return self.ended - self.started

    def heard_pcm(self) -> np.ndarray:
        return read_pcm(self.heard_wav) if self.heard_wav else np.zeros(0, dtype=np.int16)

    def sent_ulaw(self) -> bytes:
        return read_ulaw_wav(self.sent_wav)

    def sip_log(self) -> str:
        return self.messages_log.read_text(errors="replace") if self.messages_log.exists() else ""

    def cleanup(self) -> None:
        """Remove the run's folder (scenario, logs, capture, WAVs): kept until then for inspection."""
        shutil.rmtree(self.workdir, ignore_errors=True)

    def describe(self) -> str:
        tail = self.stdout_log.read_text(errors="replace")[-1500:] if self.stdout_log.exists() else ""
        errors = self.errors_log.read_text(errors="replace")[-1500:] if self.errors_log.exists() else ""
        return f"sipp exit {self.returncode} after {self.duration:.1f}s in {self.workdir}\n{errors}\n{tail}"


def free_udp_port(*, even: bool = False, span: int = 1, start: int | None = None, end: int | None = None,
                  host: str = "0.0.0.0") -> int:
    """A UDP port (and the ``span - 1`` following ones) free right now, optionally from [start, end)."""
    candidates = range(start, end) if start is not None and end is not None else None
    for attempt in range(200):
        if candidates is not None:
            base = candidates[attempt % len(candidates)] if attempt < len(candidates) else None
            if base is None:
                break
        else:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.bind((host, 0))
                base = s.getsockname()[1]
        if even and base % 2:
            base += 1
        socks = []
        try:
            for p in range(base, base + span):
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                socks.append(s)
                s.bind((host, p))
            return base
        except OSError:
            continue
        finally:
            for s in socks:
                s.close()
    raise SippError("no free UDP port found")


def _local_ip_for(host: str) -> str:
    try:
        ip = socket.gethostbyname(host)
    except OSError:
        ip = host
    if ip.startswith("127."):
        return "127.0.0.1"
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect((ip, 9))
        return s.getsockname()[0]


def _interface_for(local_ip: str) -> str:
    return "lo" if local_ip.startswith("127.") else "any"


def _normalise_dtmf(dtmf, audio_seconds: float) -> list[tuple[float, str]]:
    if not dtmf:
        return []
    if isinstance(dtmf, str):
        return [(audio_seconds + 0.5, dtmf)]
    out = []
    for at, digits in dtmf:
        if not digits or any(c not in "0123456789*#ABCDabcd" for c in str(digits)):
            raise ValueError(f"bad DTMF digits {digits!r}")
        out.append((float(at), str(digits)))
    return out


class CallHandle:
    """A running sipp (caller or callee) plus its capture; ``wait()`` gives the ``CallResult``."""

    def __init__(self, *, args: list[str], workdir: Path, scenario: Path, sent_wav: Path, sent_spans: list,
                 sip_port: int, rtp_port: int, timeout: float, capture: Capture | None):
        self.workdir = workdir
        self.scenario = scenario
        self.sip_port = sip_port
        self.rtp_port = rtp_port
        self._timeout = timeout
        self._capture = capture
        self._sent_wav = sent_wav
        self._sent_spans = sent_spans
        self._result: CallResult | None = None
        self._lock = threading.Lock()
        self._killed = False
        self.stdout_log = workdir / "sipp.out"
        self.started = time.time()
        self._out = open(self.stdout_log, "wb")
        _LOGGER.debug("sipp: %s", " ".join(args))
        self.proc = subprocess.Popen(args, cwd=workdir, stdin=subprocess.DEVNULL, stdout=self._out,
                                     stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def running(self) -> bool:
        return self.proc.poll() is None

    def terminate(self) -> None:
        """Stop sipp now (the call is abandoned; the result then has killed=True)."""
        if self.proc.poll() is None:
            self._killed = True
            self.proc.terminate()

    def wait(self, timeout: float | None = None) -> CallResult:
        with self._lock:
            if self._result is not None:
                return self._result
            limit = (self._timeout + 15) if timeout is None else timeout
            try:
                rc = self.proc.wait(limit)
            except subprocess.TimeoutExpired:
                self._killed = True
                self.proc.kill()
                rc = self.proc.wait()
            ended = time.time()
            self._out.close()
            result = CallResult(
                returncode=rc, workdir=self.workdir, scenario=self.scenario,
                messages_log=self.workdir / "messages.log", errors_log=self.workdir / "errors.log",
                stdout_log=self.stdout_log, sent_wav=self._sent_wav, sent_spans=self._sent_spans,
                started=self.started, ended=ended, sip_port=self.sip_port, rtp_port=self.rtp_port,
                killed=self._killed,
            )
            if self._capture is not None:
                pcap = self._capture.stop()
                result.pcap = pcap
                try:
                    pcm, info = analyse_capture(pcap, sip_port=self.sip_port, rtp_port=self.rtp_port)
                    result.capture = info
                    result.heard_wav = write_wav(self.workdir / "heard.wav", pcm)
                except (OSError, ValueError) as exc:
                    _LOGGER.warning("could not decode the capture %s: %s", pcap, exc)
            self._result = result
            return result

    async def wait_async(self) -> CallResult:
        return await asyncio.to_thread(self.wait)

    def __enter__(self) -> "CallHandle":
        return self

    def __exit__(self, *exc) -> None:
        self.terminate()
        self.wait()


def _prepare(audio, *, workdir, hold_seconds, timeout, dtmf, min_stream_seconds=0.0, dtmf_method="rfc4733"):
    if workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="dentalcall-sipp-"))
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    # pad the stream past the end of the call: rtp_stream stops at the file's end and is cut at BYE
    pad_to = (hold_seconds if hold_seconds is not None else timeout) + 1.0
    sent_wav, spans = build_stream(audio, workdir / "stream.wav", min_seconds=max(pad_to, min_stream_seconds))
    sent_wav.with_suffix(".ulaw").write_bytes(read_ulaw_wav(sent_wav))
    audio_end = spans[-1][1] if spans else 0.0
    dtmf_list = _normalise_dtmf(dtmf, audio_end)
    _, _, pauses = _media_steps(sent_wav, dtmf_list, info_dialog=("", "") if dtmf_method == "info" else None)
    return workdir, sent_wav, _shift_spans(spans, pauses), dtmf_list


def _sipp_args(*, remote: str | None, scenario: Path, local_ip: str, sip_port: int, rtp_port: int, timeout: float,
               workdir: Path) -> list[str]:
    args = [_need("sipp")]
    if remote:
        args.append(remote)
    args += ["-sf", str(scenario), "-i", local_ip, "-mi", local_ip, "-p", str(sip_port), "-mp", str(rtp_port),
             "-m", "1", "-l", "1", "-nostdin", "-aa", "-timeout", f"{int(timeout)}s", "-timeout_error",
             "-trace_msg", "-message_file", str(workdir / "messages.log"),
             "-trace_err", "-error_file", str(workdir / "errors.log")]
    return args


def start_call(target_host: str, target_port: int, audio_wav, *, to_user: str = "1000",
               from_user: str = "01012345678", dtmf=None, hold_seconds: float | None = None, local_port: int = 0,
               rtp_port: int = 0, timeout: float = 60, capture: bool = True, workdir=None,
               dtmf_method: str = "rfc4733", local_ip: str | None = None) -> CallHandle:
    """Start a call and return at once (see ``place_call``)."""
    workdir, sent_wav, spans, dtmf_list = _prepare(audio_wav, workdir=workdir, hold_seconds=hold_seconds,
                                                   timeout=timeout, dtmf=dtmf, dtmf_method=dtmf_method)
    local_ip = local_ip or _local_ip_for(target_host)
    sip_port = local_port or free_udp_port(host=local_ip)
    rtp_port = rtp_port or free_udp_port(even=True, span=4, host=local_ip)
    hold_ms = None if hold_seconds is None else int(hold_seconds * 1000)
    scenario = workdir / "uac.xml"
    scenario.write_text(uac_scenario(sent_wav, to_user=to_user, from_user=from_user, dtmf=dtmf_list,
                                     hold_ms=hold_ms, wait_ms=int(timeout * 1000), dtmf_method=dtmf_method),
                        encoding="latin-1")
    cap = Capture(workdir / "call.pcap", [sip_port, rtp_port], interface=_interface_for(local_ip),
                  max_seconds=timeout + 10) if capture else None
    args = _sipp_args(remote=f"{target_host}:{target_port}", scenario=scenario, local_ip=local_ip,
                      sip_port=sip_port, rtp_port=rtp_port, timeout=timeout, workdir=workdir)
    return CallHandle(args=args, workdir=workdir, scenario=scenario, sent_wav=sent_wav, sent_spans=spans,
                      sip_port=sip_port, rtp_port=rtp_port, timeout=timeout, capture=cap)


def place_call(target_host: str, target_port: int, audio_wav, *, to_user: str = "1000",
               from_user: str = "01012345678", dtmf=None, hold_seconds: float | None = None, local_port: int = 0,
               rtp_port: int = 0, timeout: float = 60, capture: bool = True, workdir=None,
               dtmf_method: str = "rfc4733", local_ip: str | None = None) -> CallResult:
    """Call ``to_user@target_host:target_port`` as ``from_user`` and stream ``audio_wav``; block until it ends.

    ``audio_wav``: an audio file (any format), a script ``[(file_or_None, seconds), …]`` (see ``build_stream``)
    or None (silence). ``dtmf``: ``[(seconds_after_answer, "123#"), …]`` sent as RFC 4733 events, or a string sent
    0.5 s after the audio ends; ``dtmf_method``: ``rfc4733`` (RTP events, PT 96; the audio pauses meanwhile, see
    ``dtmf_seconds``) or ``info`` (SIP INFO application/dtmf-relay). ``hold_seconds``: hang up (BYE) that long after the answer unless the far end
    hangs up first; None: wait up to ``timeout`` for the far end's BYE (not getting it is an error).
    ``local_port``/``rtp_port``: 0 picks free ones; ``local_ip``: address to call from (default: the one routing
    to the target, 127.0.0.1 for loopback; another 127.x address gives a loopback caller its own identity). ``capture``: record what the caller heard (``heard_wav``).
    """
    return start_call(target_host, target_port, audio_wav, to_user=to_user, from_user=from_user, dtmf=dtmf,
                      hold_seconds=hold_seconds, local_port=local_port, rtp_port=rtp_port, timeout=timeout,
                      capture=capture, workdir=workdir, dtmf_method=dtmf_method, local_ip=local_ip).wait()


async def place_call_async(*args, **kwargs) -> CallResult:
    """``place_call`` for asyncio code: the sipp run does not block the loop."""
    handle = await asyncio.to_thread(start_call, *args, **kwargs)
    return await handle.wait_async()


def place_uas(audio_wav=None, *, local_port: int = 5093, rtp_port: int = 0, mode: str = "answer",
              ring_seconds: float = 0.0, dtmf=None, hold_seconds: float | None = None, timeout: float = 60,
              capture: bool = True, local_ip: str = "127.0.0.1", workdir=None) -> CallHandle:
    """Start a sipp callee on ``local_ip:local_port`` for one incoming INVITE and return its handle at once.

    ``mode``: ``answer`` (after ``ring_seconds`` of ringing; plays ``audio_wav``, sends ``dtmf``, then waits for the
    caller's BYE or hangs up after ``hold_seconds``), ``ring`` (180 and never answer: waits for CANCEL) or
    ``busy`` (486). ``handle.wait()`` gives the ``CallResult`` (with ``heard_wav`` in answer mode).
    """
    workdir, sent_wav, spans, dtmf_list = _prepare(audio_wav, workdir=workdir, hold_seconds=hold_seconds,
                                                   timeout=timeout, dtmf=dtmf)
    rtp_port = rtp_port or free_udp_port(even=True, span=4, host=local_ip)
    hold_ms = None if hold_seconds is None else int(hold_seconds * 1000)
    scenario = workdir / "uas.xml"
    scenario.write_text(uas_scenario(sent_wav, mode=mode, ring_ms=int(ring_seconds * 1000), dtmf=dtmf_list,
                                     hold_ms=hold_ms, wait_ms=int(timeout * 1000)), encoding="latin-1")
    cap = Capture(workdir / "call.pcap", [local_port, rtp_port], interface=_interface_for(local_ip),
                  max_seconds=timeout + 10) if capture and mode == "answer" else None
    args = _sipp_args(remote=None, scenario=scenario, local_ip=local_ip, sip_port=local_port, rtp_port=rtp_port,
                      timeout=timeout, workdir=workdir)
    handle = CallHandle(args=args, workdir=workdir, scenario=scenario, sent_wav=sent_wav, sent_spans=spans,
                        sip_port=local_port, rtp_port=rtp_port, timeout=timeout, capture=cap)
    _wait_bound(handle, local_ip, local_port)
    return handle


def _wait_bound(handle: CallHandle, ip: str, port: int, limit: float = 5.0) -> None:
    """Return once sipp listens on its SIP port (so an Originate sent next finds it)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and handle.running:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.bind((ip, port))
            except OSError:
                return
        time.sleep(0.05)
    if not handle.running:
        raise SippError(f"sipp callee exited at once:\n{handle.wait().describe()}")


# --------------------------------------------------------------------------------------------------------------
# bundled demo speech
# --------------------------------------------------------------------------------------------------------------
DEMO_CLIP = "ko_rhino_light_blue_8k_ulaw.wav"
_BUNDLED = Path(__file__).resolve().parent / "demo_audio"


def demo_clip(config=None, name: str = DEMO_CLIP) -> Path:
    """A Korean speech clip for demo calls: ``<shared_dir>/data/speech-ko/<name>`` if present, else the
    bundled copy (Apache-2.0, Picovoice; see demo_audio/SOURCES.md)."""
    if config is None:
        try:
            from appliance import settings

            config = settings.load()
        except Exception:  # noqa: BLE001 - a broken config must not break the fallback
            config = None
    shared = getattr(config, "shared_dir", None) if config is not None else None
    if shared:
        candidate = Path(shared) / "data" / "speech-ko" / name
        if candidate.is_file():
            return candidate
    bundled = _BUNDLED / name
    if bundled.is_file():
        return bundled
    return _BUNDLED / DEMO_CLIP
