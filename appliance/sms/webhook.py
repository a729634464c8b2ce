"""The HTTP vendor's callbacks as Starlette routes, for the console's web server to mount.

    from appliance.sms.webhook import sms_webhook_routes
    routes += sms_webhook_routes(config)      # [] unless sms_gateway = http

* ``POST /sms/hook/{token}/mo`` — a reply (MO): stored once, then acted on (``replies.handle``);
* ``POST /sms/hook/{token}/report`` — a delivery report: the outbox row becomes delivered / failed.

Vendors cannot log in, so these two paths sit outside the console's login; the secret ``token`` in the path
(``sms_webhook_token`` in secrets.ini, 0600; ``dentalcall sms connect`` prints the URLs) is what admits them.
Bodies are JSON or form fields, with the field names of the vendor profile's ``[mo]`` and ``[report]``.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from appliance.outbound.clock import clinic_clock
from appliance.sms import config as smsconfig

_LOGGER = logging.getLogger(__name__)


class _Hooks:
    def __init__(self, config: Any):
        self.config = config
        self.token = smsconfig.webhook_token(config)
        self.clock = clinic_clock(config.timezone)
        self._gateway: Any = None
        self._emr: Any = None

    def gateway(self) -> Any:
        if self._gateway is None:
            from appliance.sms import gateways, sender

            self._gateway = gateways.load(self.config)
            self._emr = sender._emr_or_none(self.config)
        return self._gateway

    async def _payload(self, request: Request) -> dict[str, Any] | None:
        if not hmac.compare_digest(str(request.path_params.get("token", "")), self.token):
            return None
        if "json" in request.headers.get("content-type", ""):
            data = await request.json()
            return data if isinstance(data, dict) else {}
        return dict(await request.form())

    async def mo(self, request: Request) -> JSONResponse:
        payload = await self._payload(request)
        if payload is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        incoming = self.gateway().parse_mo(payload)
        if not incoming.phone or not incoming.text:
            return JSONResponse({"error": "reply without sender or text"}, status_code=400)
        action = await run_in_threadpool(self._store_and_handle, incoming)
        return JSONResponse({"ok": True, "action": action})

    def _store_and_handle(self, incoming: Any) -> str | None:
        from appliance.sms import inbox, replies

        now = self.clock()
        row, _ = inbox.record("webhook", incoming.vendor_id, incoming.phone, incoming.text, incoming.received_at or now)
        try:
            return replies.handle(row, config=self.config, emr=self._emr, now=now)
        except Exception:  # stored: the sender's next round handles it
            _LOGGER.exception("sms reply %s stored, handling deferred", row.id)
            return None

    async def report(self, request: Request) -> JSONResponse:
        payload = await self._payload(request)
        if payload is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        report = self.gateway().parse_report(payload)
        if not report.reference and not report.vendor_id:
            return JSONResponse({"error": "report names no message"}, status_code=400)
        from appliance.sms.sender import apply_report

        changed = await run_in_threadpool(apply_report, report, self.clock())
        return JSONResponse({"ok": True, "updated": bool(changed)})


def sms_webhook_routes(config: Any) -> list[Route]:
    """The vendor callback routes (empty unless the clinic uses an HTTP vendor)."""
    if smsconfig.gateway_name(config) != "http":
        return []
    hooks = _Hooks(config)
    return [Route("/sms/hook/{token}/mo", hooks.mo, methods=["POST"]),
            Route("/sms/hook/{token}/report", hooks.report, methods=["POST"])]


def webhook_urls(config: Any, base: str) -> dict[str, str]:
    """The URLs to give the vendor (``base`` = the console's address as the vendor reaches it)."""
    token = smsconfig.webhook_token(config)
    return {"mo": f"{base.rstrip('/')}/sms/hook/{token}/mo", "report": f"{base.rstrip('/')}/sms/hook/{token}/report"}
