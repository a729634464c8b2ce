"""Local network choices for a call: free UDP ports, the address routing to the target, the capture interface."""

from __future__ import annotations

import socket

from .tools import SippError


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
