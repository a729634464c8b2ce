"""Serving the console with uvicorn: HTTPS with the installed certificate on the chosen LAN address (plain
HTTP only on this box's loopback), no server banner, quick shutdown of open live streams, and a request log
without personal data (``RedactedRequests``)."""

from __future__ import annotations

import logging
import re
from typing import Any

from appliance.console import tls

_LOGGER = logging.getLogger(__name__)

_PATIENT_PATH = re.compile(r"^/patients/[^?]+")


class RedactedRequests(logging.Filter):
    """uvicorn's request log line keeps the method, path and status but never a query string (``/patients?q=``
    may carry a phone number) nor the patient id of ``/patients/<id>``."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            path = args[2].split("?", 1)[0] + ("?…" if "?" in args[2] else "")
            record.args = (*args[:2], _PATIENT_PATH.sub("/patients/…", path), *args[3:])
        return True


def redact_request_log() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactedRequests) for f in access.filters):
        access.addFilter(RedactedRequests())


def serve(config: Any, *, host: str | None = None, port: int | None = None, background: bool = True,
          app: Any = None) -> None:
    import uvicorn

    from appliance.console.app import create_app

    host = host or str(config.console_bind)
    port = int(port or config.console_port)
    files = tls.server_files(config, host)
    app = app if app is not None else create_app(config, background=background)
    scheme = "https" if files else "http"
    _LOGGER.info("staff console on %s://%s:%s", scheme, host, port)
    redact_request_log()
    kwargs: dict[str, Any] = {}
    if files:
        kwargs.update(ssl_certfile=str(files[0]), ssl_keyfile=str(files[1]))
    uvicorn.run(app, host=host, port=port, proxy_headers=False, server_header=False, date_header=False,
                timeout_graceful_shutdown=3, log_config=None, **kwargs)
