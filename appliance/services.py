"""The loop every engine background service runs (``routes.SERVICES``): one round now, then one every few
seconds until the engine stops; a round that fails is logged and the next one runs on time, so one bad round
(an EMR hiccup, a vendor timeout) never stops a service."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable


async def every(seconds: float, stopping: asyncio.Event, one_round: Callable[[], Awaitable[Any]], *,
                what: str, log: logging.Logger) -> None:
    """Await ``one_round()`` until ``stopping`` is set, ``seconds`` apart (a stop ends the wait at once)."""
    while not stopping.is_set():
        try:
            await one_round()
        except Exception:
            log.exception("%s failed", what)
        try:
            await asyncio.wait_for(stopping.wait(), seconds)
        except asyncio.TimeoutError:
            pass
