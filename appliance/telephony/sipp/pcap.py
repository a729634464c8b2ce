"""A small classic-pcap reader: the UDP datagrams (IPv4/IPv6) of a capture, whatever the link type."""

from __future__ import annotations

import dataclasses
import os
import socket
import struct
from pathlib import Path
from typing import Union


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
