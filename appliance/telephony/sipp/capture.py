"""Capturing a call with dumpcap and reading back what the caller heard plus the SIP timing."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Sequence, Union

import numpy as np

from .pcap import read_pcap
from .rtp import RtpPacket, decode_rtp_audio, parse_rtp
from .tools import SippError, _need


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
                event = rtp.payload[0]
                info.dtmf_events_in.append((pkt.time, "0123456789*#ABCD"[event] if event < 16 else str(event)))
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
        stderr = self._proc.stderr
        assert stderr is not None  # stderr=PIPE above
        os.set_blocking(stderr.fileno(), False)
        while time.monotonic() < deadline:
            chunk = stderr.read() or b""
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
