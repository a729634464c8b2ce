"""FastAGI server on panoramisk, with the two panoramisk 1.4 bugs worked around.

1. A connection that closes (or stalls) before sending its AGI environment made ``Application.handler``
   spin at 100 % CPU, freezing every call. ``SafeApplication`` reads the environment itself, with a
   timeout and an EOF check, and only then hands a ``Request`` to the route.
2. On hang-up Asterisk sends an extra ``HANGUP`` line that shifts every later reply by one. The dialplan
   sets ``AGISIGHUP=no`` before ``AGI()`` (then every command after a hang-up answers 511), and
   ``AgiChannel`` stops the script at the first 511, ``HANGUP`` line, error or EOF by raising
   ``CallerHungUp``.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from typing import Awaitable, Callable

from panoramisk.fast_agi import Application, Request

from appliance.errors import CallerHungUp

_LOGGER = logging.getLogger(__name__)

ENV_TIMEOUT_S = 5.0
MAX_ENV_BYTES = 16384


class AgiError(Exception):
    """An AGI command failed in a way that is not a hang-up (bad usage, unknown command)."""


class AgiChannel:
    """One call's AGI control connection: typed commands that raise instead of returning error dicts."""

    def __init__(self, request: Request):
        self.request = request
        self.env: dict[str, str] = dict(request.headers)
        self.hung_up = False
        self._last_data = ""

    @property
    def uniqueid(self) -> str:
        return self.env.get("agi_uniqueid", "")

    @property
    def channel(self) -> str:
        return self.env.get("agi_channel", "")

    @property
    def caller_number(self) -> str:
        return self.env.get("agi_callerid", "")

    @property
    def script(self) -> str:
        return self.env.get("agi_network_script", "")

    async def command(self, line: str) -> str:
        """Send one AGI command; return its ``result`` value. Raises CallerHungUp / AgiError."""
        if self.hung_up:
            raise CallerHungUp("channel already hung up")
        if "\n" in line or "\r" in line:
            raise AgiError("AGI command must be a single line")
        reader = self.request.reader
        if reader.at_eof():
            self.hung_up = True
            raise CallerHungUp("AGI connection closed")
        try:
            reply = await self.request.send_command(line)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
            # ValueError: panoramisk cannot parse the empty line it reads at EOF
            self.hung_up = True
            raise CallerHungUp(f"AGI connection lost: {exc}") from None
        code = reply.get("status_code")
        error = reply.get("error")
        # AGIAppError is "200 result=-1": the application failed, in practice because the channel hung up
        if error in ("AGIResultHangup", "AGIAppError") or code == 511 or reader.at_eof():
            self.hung_up = True
            raise CallerHungUp(reply.get("msg") or "hung up")
        if error or code != 200:
            raise AgiError(f"{line.split(' ', 1)[0]} failed: {error or code} {reply.get('msg', '')}".strip())
        result = reply.get("result") or ("", "")
        value = result[0] if isinstance(result, tuple) else str(result)
        self._last_data = result[1] if isinstance(result, tuple) and len(result) > 1 else ""
        return value

    async def set_variable(self, name: str, value: str) -> None:
        await self.command(f'SET VARIABLE {name} "{_quote(value)}"')

    async def get_variable(self, name: str) -> str | None:
        value = await self.command(f"GET VARIABLE {name}")
        if value != "1":
            return None
        return self._last_data

    async def exec(self, app: str, args: str = "") -> str:
        """Run a dialplan application (``EXEC``)."""
        return await self.command(f'EXEC {app} "{_quote(args)}"' if args else f"EXEC {app}")

    async def stream_file(self, path_without_ext: str, escape_digits: str = "") -> str:
        return await self.command(f'STREAM FILE {path_without_ext} "{escape_digits}"')

    async def verbose(self, message: str) -> None:
        await self.command(f'VERBOSE "{_quote(message)}" 3')


def _quote(value: str) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"')


Handler = Callable[[AgiChannel], Awaitable[None]]


class SafeApplication(Application):
    """panoramisk's FastAGI ``Application`` with a handler that cannot spin on a half-open connection."""

    def __init__(self, env_timeout: float = ENV_TIMEOUT_S):
        # create inside the running loop (panoramisk rule 4)
        super().__init__(loop=asyncio.get_running_loop())
        self.env_timeout = env_timeout
        self.active: set[asyncio.Task] = set()

    def add_channel_route(self, path: str, handler: Handler) -> None:
        """Register an ``async def handler(channel: AgiChannel)`` (panoramisk rule 3: async only)."""
        if not asyncio.iscoroutinefunction(handler):
            raise TypeError("FastAGI handlers must be async functions")

        async def endpoint(request: Request) -> None:
            await handler(AgiChannel(request))

        self.add_route(path, endpoint)

    async def read_environment(self, reader: asyncio.StreamReader) -> OrderedDict | None:
        """Read ``agi_*`` lines up to the blank line; None on EOF, timeout, garbage or oversize."""
        buffer = b""

        async def read_all() -> bytes:
            nonlocal buffer
            while b"\n\n" not in buffer:
                chunk = await reader.read(1024)
                if not chunk:
                    return b""
                buffer += chunk
                if len(buffer) > MAX_ENV_BYTES:
                    return b""
            return buffer

        try:
            data = await asyncio.wait_for(read_all(), self.env_timeout)
        except asyncio.TimeoutError:
            return None
        if not data:
            return None
        head = data.split(b"\n\n", 1)[0]
        try:
            text = head.decode(self.default_encoding)
        except UnicodeDecodeError:
            text = head.decode(self.default_encoding, errors="replace")
        headers: OrderedDict = OrderedDict()
        for line in text.split("\n"):
            if ": " in line:
                key, value = line.split(": ", 1)
                if key.startswith("agi_"):
                    headers[key] = value
        return headers if headers else None

    async def handler(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task:
            self.active.add(task)
        try:
            headers = await self.read_environment(reader)
            if headers is None:
                _LOGGER.warning("FastAGI connection without a valid AGI environment: closed")
                return
            script = headers.get("agi_network_script")
            route = self._route.get(script) if script else None
            if route is None:
                _LOGGER.error("FastAGI request for unknown script %r", script)
                return
            request = Request(app=self, headers=headers, reader=reader, writer=writer,
                              encoding=self.default_encoding)
            try:
                await route(request)
            except CallerHungUp:
                _LOGGER.info("call %s: caller hung up", headers.get("agi_uniqueid"))
            except Exception:
                _LOGGER.exception("FastAGI script %r failed", script)
        finally:
            if task:
                self.active.discard(task)
            try:
                writer.close()
            except Exception:  # pragma: no cover - socket already gone
                pass


async def start_server(app: SafeApplication, host: str, port: int) -> asyncio.AbstractServer:
    if host not in ("127.0.0.1", "::1", "localhost"):
        raise ValueError("FastAGI must listen on loopback only")
    return await asyncio.start_server(app.handler, host, port)
