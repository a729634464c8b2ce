"""RTP parsing and decoding of PCMU/PCMA packets into an 8 kHz timeline (gaps filled by timestamp)."""

from __future__ import annotations

import dataclasses
import struct
from typing import Iterable, Sequence

import numpy as np

from .g711 import ALAW_TO_PCM, RATE, ULAW_TO_PCM


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
        anchored, anchor_pos, anchor_ts, anchor_time = False, 0, 0, 0.0
        prev_seq: int | None = None
        prev_end = 0
        for idx, i in enumerate(order):
            if seqs[i] in seen:
                continue
            seen.add(seqs[i])
            p = run[i]
            ts = ts_unwrapped[idx]
            if not anchored or abs(ts - anchor_ts - (p.time - anchor_time) * RATE) > max_jump_seconds * RATE:
                anchored, anchor_ts, anchor_time = True, ts, p.time
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
