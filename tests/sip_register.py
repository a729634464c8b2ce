"""A tiny SIP REGISTER client (digest auth, UDP) for the security tests: a staff phone or a password guesser.

Run inside a test network namespace (``ip netns exec NS python tests/sip_register.py ...``); prints one JSON
line per attempt: ``{"status": 200}`` (or 401/403, or ``"timeout"`` when nothing answers — a dropped source).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import socket
import sys


def _md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def _request(user: str, server: str, port: int, src: str, src_port: int, call_id: str, cseq: int,
             auth: str = "") -> bytes:
    branch = "z9hG4bK" + "%08x" % random.getrandbits(32)
    lines = [
        f"REGISTER sip:{server}:{port} SIP/2.0",
        f"Via: SIP/2.0/UDP {src}:{src_port};branch={branch};rport",
        "Max-Forwards: 70",
        f"From: <sip:{user}@{server}>;tag={random.getrandbits(32):x}",
        f"To: <sip:{user}@{server}>",
        f"Call-ID: {call_id}",
        f"CSeq: {cseq} REGISTER",
        f"Contact: <sip:{user}@{src}:{src_port}>",
        "Expires: 60",
        "User-Agent: dentalcall-security-test",
    ]
    if auth:
        lines.append(auth)
    return ("\r\n".join(lines + ["Content-Length: 0", "", ""])).encode()


def _status(data: bytes) -> int:
    m = re.match(rb"SIP/2\.0 (\d{3})", data)
    return int(m.group(1)) if m else 0


def register(user: str, password: str, server: str, port: int, src: str, timeout: float = 2.0) -> int | str:
    """One registration attempt; the final status code, or "timeout" when the server stays silent."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind((src, 0))
        sock.settimeout(timeout)
        src_port = sock.getsockname()[1]
        call_id = "%016x@%s" % (random.getrandbits(64), src)

        def exchange(payload: bytes) -> bytes | None:
            sock.sendto(payload, (server, port))
            while True:
                try:
                    data, _ = sock.recvfrom(65535)
                except (socket.timeout, ConnectionRefusedError):
                    return None
                if _status(data) >= 200:  # skip 100 Trying
                    return data

        first = exchange(_request(user, server, port, src, src_port, call_id, 1))
        if first is None:
            return "timeout"
        if _status(first) != 401:
            return _status(first)
        header = re.search(rb"WWW-Authenticate:\s*Digest\s+(.*)", first, re.I)
        params = dict(re.findall(r'(\w+)="?([^",\r\n]+)"?', header.group(1).decode())) if header else {}
        realm, nonce = params.get("realm", "asterisk"), params.get("nonce", "")
        uri = f"sip:{server}:{port}"
        digest = _md5(f"{_md5(f'{user}:{realm}:{password}')}:{nonce}:{_md5(f'REGISTER:{uri}')}")
        auth = (f'Authorization: Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
                f'response="{digest}", algorithm=MD5')
        if "opaque" in params:
            auth += f', opaque="{params["opaque"]}"'
        second = exchange(_request(user, server, port, src, src_port, call_id, 2, auth))
        return "timeout" if second is None else _status(second)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", action="append", required=True, help="one attempt per --password")
    parser.add_argument("--server", required=True)
    parser.add_argument("--port", type=int, default=5060)
    parser.add_argument("--src", required=True, help="source address (inside the namespace)")
    parser.add_argument("--timeout", type=float, default=2.0)
    args = parser.parse_args(argv)
    for password in args.password:
        result = register(args.user, password, args.server, args.port, args.src, args.timeout)
        print(json.dumps({"status": result}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
