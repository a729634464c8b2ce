"""Signed JSON webhooks for messenger bridges (``notify_webhook_url``).

Each POST carries::

    X-DentalCall-Event: voicemail.new | callback.urgent | summary.daily | ops.alert
    X-DentalCall-Delivery: <outbox key>          (the same on a retry: receivers can drop duplicates)
    X-DentalCall-Timestamp: <unix seconds>
    X-DentalCall-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with webhook_secret>

``webhook_secret`` is generated into secrets.ini (0600) the first time; ``dentalcall console webhook-secret``
prints it for the bridge's configuration. Payloads carry masked numbers and no transcript: a messenger is
outside the clinic's systems; staff open the console (``console_url``) for the details.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
from typing import Any

import httpx

from appliance.console.notify.email import NotifyError
from appliance.settings import Config

_LOGGER = logging.getLogger(__name__)

TIMEOUT_S = 10.0


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    """For receivers (and tests): constant-time check of a delivery's signature."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature or "")


def post(config: Config, event: str, key: str, payload: dict[str, Any]) -> int:
    """POST one event; returns the HTTP status. ``NotifyError`` on a network error or a non-2xx answer."""
    url = config.notify_webhook_url.strip()
    if not url:
        raise NotifyError("notify_webhook_url is not set")
    body = json.dumps({"event": event, **payload}, ensure_ascii=False, sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {"Content-Type": "application/json; charset=utf-8", "X-DentalCall-Event": event,
               "X-DentalCall-Delivery": key, "X-DentalCall-Timestamp": timestamp,
               "X-DentalCall-Signature": sign(config.secret("webhook_secret"), timestamp, body),
               "User-Agent": "DentalCall-notify"}
    try:
        response = httpx.post(url, content=body, headers=headers, timeout=TIMEOUT_S)
    except httpx.HTTPError as exc:
        raise NotifyError(f"webhook: {type(exc).__name__}: {exc}") from None
    if not 200 <= response.status_code < 300:
        raise NotifyError(f"webhook answered HTTP {response.status_code}")
    _LOGGER.info("webhook %s delivered (HTTP %s)", event, response.status_code)
    return response.status_code
