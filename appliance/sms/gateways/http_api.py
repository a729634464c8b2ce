"""The common shape of Korean message vendors' REST APIs, described by a profile (TOML).

A profile names the send path, JSON or form body, the body's field names (dotted for nested JSON, e.g.
``message.to``), the vendor's type codes, the auth (``header``: the API key in a header; ``field``: the key
as a body field; ``hmac-sha256``: ``Authorization: HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…``, the
signature being hex HMAC-SHA256 of date+salt with the API secret), how to read the answer (success field and
values, message id field), the optional status lookup (``[status] path`` with ``{reference}``), and the
field names of delivery-report and reply callbacks (``[report]``, ``[mo]``). Shipped: ``http-generic``,
``http-hmac``; a clinic's own goes in ``/etc/dentalcall/sms-profiles/NAME.toml``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import re
import secrets as secretslib
import socket
import urllib.parse
from typing import Any, Callable

import httpx

from appliance.errors import ConfigError
from appliance.sms.gateways.base import (ACCEPTED, REJECTED, RETRY, UNKNOWN, Incoming, Outgoing, Report,
                                    SendResult)

_LOGGER = logging.getLogger(__name__)
_SECRET_REF = re.compile(r"^\{secret:([a-z0-9_]+)\}$")


def get_path(data: Any, path: str) -> Any:
    """``get_path({"a": {"b": 1}}, "a.b") == 1``; None when any step is missing."""
    for part in path.split("."):
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return None
    return data


def set_path(data: dict, path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class HttpGateway:
    def __init__(self, base_url: str, profile: dict[str, Any], *, secret: Callable[[str], str | None],
                 timeout: float = 10.0):
        self.name = f"http:{profile.get('name')}"
        self.base_url = base_url.rstrip("/")
        self.profile = profile
        self.send_cfg = profile.get("send") or {}
        if not self.send_cfg.get("path") or not self.send_cfg.get("fields"):
            raise ConfigError(f"SMS profile {profile.get('name')}: [send] needs path and [send.fields]")
        self.idempotent = bool(profile.get("idempotent", False))
        self.secret = secret
        self.auth = str(self.send_cfg.get("auth", "header"))
        if self.auth not in ("header", "field", "hmac-sha256", "none"):
            raise ConfigError(f"SMS profile {profile.get('name')}: auth must be header, field, hmac-sha256 or none")
        if self.auth != "none" and not self.secret("sms_api_key"):
            raise ConfigError("sms_api_key missing from secrets.ini; run `dentalcall sms connect` "
                              "(the key is asked for)")
        if self.auth == "hmac-sha256" and not self.secret("sms_api_secret"):
            raise ConfigError("sms_api_secret missing from secrets.ini (hmac-sha256 profiles need the API secret)")
        self.client = httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)))

    # --- sending --------------------------------------------------------------------------------------
    def _body(self, message: Outgoing) -> dict[str, Any]:
        fields: dict[str, str] = self.send_cfg["fields"]
        types: dict[str, str] = self.send_cfg.get("types") or {}
        values = {"sender": message.sender, "receiver": message.receiver, "text": message.text,
                  "type": types.get(message.type, message.type), "subject": message.subject,
                  "reference": message.reference}
        body: dict[str, Any] = {}
        for role, value in values.items():
            if role in fields and value is not None:
                set_path(body, fields[role], value)
        for name, value in (self.send_cfg.get("extra") or {}).items():
            ref = _SECRET_REF.match(str(value))
            set_path(body, name, self.secret(ref.group(1)) if ref else value)
        if self.auth == "field":
            set_path(body, fields.get("key", "key"), self.secret("sms_api_key"))
        return body

    def _headers(self) -> dict[str, str]:
        key = self.secret("sms_api_key") or ""
        if self.auth == "header":
            return {self.send_cfg.get("auth_header", "X-Api-Key"): self.send_cfg.get("auth_prefix", "") + key}
        if self.auth == "hmac-sha256":
            date = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            salt = secretslib.token_hex(16)
            signature = hmac.new((self.secret("sms_api_secret") or "").encode(), (date + salt).encode(),
                                 hashlib.sha256).hexdigest()
            return {"Authorization": f"HMAC-SHA256 apiKey={key}, date={date}, salt={salt}, signature={signature}"}
        return {}

    def send(self, message: Outgoing) -> SendResult:
        url = self.base_url + self.send_cfg["path"]
        body = self._body(message)
        kwargs: dict[str, Any] = {"json": body} if self.send_cfg.get("format", "json") == "json" else {"data": body}
        try:
            response = self.client.request(self.send_cfg.get("method", "POST"), url, headers=self._headers(), **kwargs)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            return SendResult(RETRY, error=f"vendor unreachable: {type(exc).__name__}")
        except httpx.HTTPError as exc:  # sent, but no answer: the vendor may have it
            return SendResult(UNKNOWN, error=f"no answer from the vendor: {type(exc).__name__}")
        return self._result(response)

    def _result(self, response: httpx.Response) -> SendResult:
        cfg = self.send_cfg.get("response") or {}
        retry_statuses = [int(s) for s in cfg.get("retry_statuses", [408, 429, 500, 502, 503, 504])]
        if response.status_code in retry_statuses:
            return SendResult(RETRY, error=f"vendor answered HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError:
            data = {}
        error = _text(get_path(data, cfg["error_field"])) if cfg.get("error_field") else None
        if response.status_code >= 400:
            return SendResult(REJECTED, error=f"HTTP {response.status_code}: {error or response.reason_phrase}"[:300])
        ok_field = cfg.get("ok_field")
        if ok_field:
            value = _text(get_path(data, ok_field))
            if value not in [str(v) for v in cfg.get("ok_values", [])]:
                kind = RETRY if value in [str(v) for v in cfg.get("retry_values", [])] else REJECTED
                return SendResult(kind, error=f"vendor said {ok_field}={value}: {error or ''}"[:300])
        vendor_id = _text(get_path(data, cfg["id_field"])) if cfg.get("id_field") else None
        return SendResult(ACCEPTED, vendor_id=vendor_id)

    # --- status ---------------------------------------------------------------------------------------
    def _state(self, section: dict[str, Any], data: Any) -> tuple[str, str | None]:
        value = _text(get_path(data, section.get("status_field", "status")))
        error = _text(get_path(data, section["error_field"])) if section.get("error_field") else None
        if value in [str(v) for v in section.get("delivered", [])]:
            return "delivered", None
        if value in [str(v) for v in section.get("failed", [])]:
            return "failed", error or f"vendor status {value}"
        return "sent", None

    def lookup(self, reference: str) -> Report | None:
        section = self.profile.get("status") or {}
        if not section.get("path"):
            return None
        try:
            response = self.client.get(self.base_url + section["path"].format(reference=reference),
                                       headers=self._headers())
        except httpx.HTTPError as exc:
            _LOGGER.warning("sms status lookup failed: %s", type(exc).__name__)
            return None
        if response.status_code == 404:
            return Report("missing", reference=reference)
        if response.status_code >= 400:
            return None
        state, error = self._state(section, response.json())
        return Report(state, reference=reference, error=error)

    def reports(self, references: list[str]) -> list[Report]:
        out = []
        for reference in references:
            report = self.lookup(reference)
            if report is not None:
                out.append(report)
        return out

    # --- callbacks (webhook payloads) -----------------------------------------------------------------
    def parse_report(self, payload: dict[str, Any]) -> Report:
        section = self.profile.get("report") or {}
        state, error = self._state(section, payload)
        return Report(state, reference=_text(get_path(payload, section.get("reference_field", "reference"))),
                      vendor_id=_text(get_path(payload, section.get("id_field", "message_id"))), error=error)

    def parse_mo(self, payload: dict[str, Any]) -> Incoming:
        section = self.profile.get("mo") or {}
        phone = _text(get_path(payload, section.get("from_field", "from"))) or ""
        text = _text(get_path(payload, section.get("text_field", "text"))) or ""
        received = _text(get_path(payload, section.get("received_field", "received_at")))
        when = None
        if received:
            try:
                when = dt.datetime.fromisoformat(received)
            except ValueError:
                when = None
        return Incoming(_text(get_path(payload, section.get("id_field", "id"))), phone, text, when)

    def check(self) -> None:
        """The vendor's host accepts a connection (raises otherwise)."""
        parts = urllib.parse.urlsplit(self.base_url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        socket.create_connection((parts.hostname or "", port), timeout=3).close()

    def close(self) -> None:
        self.client.close()
