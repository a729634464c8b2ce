"""Live screens without reloads: one poller follows the CRM, Server-Sent Events carry the new HTML.

The console never talks to the engine: the engine writes the call log and the work items into the CRM,
and :class:`LiveHub` polls cheap fingerprints of them (index lookups: every ``POLL_SECONDS`` while someone
watches, every ``IDLE_POLL_SECONDS`` otherwise so a baseline always exists). When a fingerprint changes,
every open stream of that topic renders its fragment (with its own person's masking, and an access-log row)
and sends it as an SSE ``update`` event; the page's script
swaps it in. Streams do not keep a session alive: they end with a ``logout`` event once it has gone idle.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from typing import Any, AsyncIterator, Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from appliance.console import sessions
from appliance.console.web import Ctx, session_of

_LOGGER = logging.getLogger(__name__)

POLL_SECONDS = 0.4
IDLE_POLL_SECONDS = 2.0
KEEPALIVE_SECONDS = 10.0


class LiveHub:
    def __init__(self, signatures: dict[str, Callable[[], Any]], poll_s: float = POLL_SECONDS):
        self.signatures = signatures
        self.poll_s = poll_s
        self.version = {topic: 1 for topic in signatures}
        self._seen: dict[str, Any] = {}
        self._changed: asyncio.Event | None = None  # made by run(), on the serving loop
        self._wake: asyncio.Event | None = None
        self.subscribers = 0
        self.last_error: str | None = None

    def poke(self) -> None:
        """Look again now (after a console action, a new voicemail)."""
        if self._wake is not None:
            self._wake.set()

    def _compute(self) -> dict[str, Any]:
        return {topic: fn() for topic, fn in self.signatures.items()}

    async def run(self, stop: asyncio.Event) -> None:
        self._changed, self._wake = asyncio.Event(), asyncio.Event()
        while not stop.is_set():
            try:
                current = await run_in_threadpool(self._compute)
                changed = False
                for topic, sig in current.items():
                    if self._seen.get(topic) != sig:
                        if topic in self._seen:
                            self.version[topic] += 1
                            changed = True
                        self._seen[topic] = sig
                if changed:
                    done, self._changed = self._changed, asyncio.Event()
                    done.set()
                self.last_error = None
            except Exception as exc:  # a DB hiccup: keep polling
                self.last_error = f"{type(exc).__name__}: {exc}"
                _LOGGER.warning("live poll failed: %s", self.last_error)
            self._wake.clear()
            try:  # always keep a baseline (a page rendered now never misses a change); fast while watched
                await asyncio.wait_for(self._wake.wait(), self.poll_s if self.subscribers else IDLE_POLL_SECONDS)
            except asyncio.TimeoutError:
                pass

    async def wait(self, timeout: float) -> None:
        if self._changed is None:  # not running (yet): just pace the caller
            await asyncio.sleep(min(timeout, self.poll_s))
            return
        try:
            await asyncio.wait_for(self._changed.wait(), timeout)
        except asyncio.TimeoutError:
            pass


def _event(name: str, html: str) -> str:
    lines = html.splitlines() or [""]
    return f"event: {name}\n" + "".join(f"data: {line}\n" for line in lines) + "\n"


def stream_endpoint(renderers: dict[str, Callable[[Ctx], str]]) -> Callable[[Request], Any]:
    """GET /live/{topic}?v=N: the SSE stream of one live fragment (``renderers[topic](ctx) -> html``)."""

    async def live(request: Request) -> Response:
        session = await run_in_threadpool(session_of, request, touch=False)
        if session is None:
            return Response("login required", status_code=401)
        topic = request.path_params["topic"]
        if topic not in renderers:
            return Response("no such stream", status_code=404)
        hub: LiveHub = request.app.state.hub
        try:
            shown = int(request.query_params.get("v", "0"))
        except ValueError:
            shown = 0
        idle = dt.timedelta(minutes=int(request.app.state.config.console_idle_minutes))

        async def events() -> AsyncIterator[str]:
            nonlocal shown
            hub.subscribers += 1
            hub.poke()
            checked = time.monotonic()
            memory: dict[str, Any] = {}  # who this screen showed (the access log notes each change once)
            try:
                yield "retry: 2000\n\n"
                while True:
                    if hub.version[topic] != shown:
                        shown = hub.version[topic]
                        html = await run_in_threadpool(renderers[topic], Ctx(request, session, shown=memory))
                        yield _event("update", html)
                        continue
                    await hub.wait(KEEPALIVE_SECONDS)
                    if await request.is_disconnected():
                        break
                    if time.monotonic() - checked > KEEPALIVE_SECONDS:
                        checked = time.monotonic()
                        if not await run_in_threadpool(sessions.still_valid, session, idle):
                            yield "event: logout\ndata: idle\n\n"
                            break
                        yield ": keep-alive\n\n"
            finally:
                hub.subscribers -= 1

        return StreamingResponse(events(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    live.console_kind = "stream"  # type: ignore[attr-defined]
    return live
