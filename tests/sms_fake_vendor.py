"""A fake Korean SMS vendor as a REAL local HTTP server (127.0.0.1, random port) for the sms tests.

It speaks the shipped ``http-generic`` profile: ``POST /messages`` (JSON, ``X-Api-Key``) accepts a message
once per ``reference`` (a resent reference returns the first message id and delivers nothing more),
``GET /messages/{reference}`` answers its status (404 when unknown). Faults are scripted: ``fail_next`` (HTTP
500, nothing accepted), ``drop_next`` (accepted, then the connection is closed without an answer) and
``hold_next`` (accepted, the answer held until ``release()``: the client can be killed meanwhile).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeVendor:
    def __init__(self, api_key: str = "test-key", api_secret: str | None = None):
        self.api_key = api_key
        self.api_secret = api_secret
        self.requests: list[dict[str, Any]] = []  # every POST body received
        self.messages: dict[str, dict[str, Any]] = {}  # reference -> accepted message (delivered to a phone)
        self.status: dict[str, str] = {}
        self.fail_next = 0
        self.fail_next_to: str | None = None  # fail_next counts only the POSTs to this number (others pass)
        self.drop_next = 0
        self.hold_next = 0
        self.duplicates = 0  # POSTs of a reference already accepted (a second text at a vendor without dedup)
        self.fail_rate = 0.0  # random faults (bench): HTTP 500 ...
        self.drop_rate = 0.0  # ... or accepted and the answer lost
        self.rng: Any = None
        self.received = threading.Event()
        self._release = threading.Event()
        self.lock = threading.Lock()
        vendor = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body in separate writes would wait for delayed ACKs
            wbufsize = 1 << 16

            def log_message(self, *args: Any) -> None:
                pass

            def _reply(self, code: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                reference = self.path.rsplit("/", 1)[-1]
                if not vendor._authorised(self.headers):
                    return self._reply(401, {"error": "bad key"})
                if reference not in vendor.messages:
                    return self._reply(404, {"error": "unknown"})
                self._reply(200, {"status": vendor.status.get(reference, "accepted")})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                if not vendor._authorised(self.headers):
                    return self._reply(401, {"error": "bad key"})
                with vendor.lock:
                    vendor.requests.append(body)
                    roll = vendor.rng.random() if vendor.rng is not None else 1.0
                    scripted = vendor.fail_next > 0 and vendor.fail_next_to in (None, body.get("to"))
                    if scripted or roll < vendor.fail_rate:
                        vendor.fail_next = max(0, vendor.fail_next - scripted)
                        return self._reply(500, {"error": "temporary failure"})
                    if roll < vendor.fail_rate + vendor.drop_rate:
                        vendor.drop_next += 1
                    ref = body.get("reference") or body.get("message", {}).get("customFields", {}).get("reference")
                    vendor.duplicates += ref in vendor.messages
                    first = vendor.messages.setdefault(ref, dict(body, message_id=f"m{len(vendor.messages) + 1}"))
                    drop, hold = vendor.drop_next > 0, vendor.hold_next > 0
                    vendor.drop_next -= drop
                    vendor.hold_next -= hold
                vendor.received.set()
                if drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if hold:
                    vendor._release.wait(30)
                self._reply(200, {"status": "accepted", "message_id": first["message_id"],  # http-generic
                                  "statusCode": "2000", "messageId": first["message_id"]})  # http-hmac

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def _authorised(self, headers: Any) -> bool:
        if self.api_secret is None:
            return headers.get("X-Api-Key") == self.api_key
        auth = headers.get("Authorization") or ""
        parts = dict(p.strip().split("=", 1) for p in auth.removeprefix("HMAC-SHA256 ").split(","))
        expected = hmac.new(self.api_secret.encode(), (parts.get("date", "") + parts.get("salt", "")).encode(),
                            hashlib.sha256).hexdigest()
        return parts.get("apiKey") == self.api_key and hmac.compare_digest(parts.get("signature", ""), expected)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def release(self) -> None:
        self._release.set()

    def close(self) -> None:
        self._release.set()
        self.server.shutdown()
        self.server.server_close()
