"""Serving the console with uvicorn: HTTPS with the installed certificate on the chosen LAN address (plain
HTTP only on this box's loopback), no server banner, quick shutdown of open live streams."""

from __future__ import annotations

import logging
from typing import Any

from appliance.console import tls

_LOGGER = logging.getLogger(__name__)


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
    kwargs: dict[str, Any] = {}
    if files:
        kwargs.update(ssl_certfile=str(files[0]), ssl_keyfile=str(files[1]))
    uvicorn.run(app, host=host, port=port, proxy_headers=False, server_header=False, date_header=False,
                timeout_graceful_shutdown=3, log_config=None, **kwargs)
