"""FastAGI contract tests against a fake Asterisk on a real socket: the two panoramisk 1.4 bugs."""

from __future__ import annotations

import asyncio
import time

import pytest

from appliance.errors import CallerHungUp
from appliance.telephony.fastagi import AgiChannel, SafeApplication, start_server

ENV = (
    b"agi_network: yes\nagi_network_script: inbound\nagi_request: agi://127.0.0.1/inbound\n"
    b"agi_channel: PJSIP/test-00000001\nagi_uniqueid: 1700000000.1\nagi_callerid: 01012345678\n\n"
)


async def _serve(handler, env_timeout=0.5):
    app = SafeApplication(env_timeout=env_timeout)
    app.add_channel_route("inbound", handler)
    server = await start_server(app, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    return app, server, port


async def test_connection_closed_before_environment_does_not_spin():
    """Bug 1: a connection closed before its environment must not freeze the loop at 100 % CPU."""
    calls = []

    async def handler(agi: AgiChannel) -> None:
        calls.append(agi)

    app, server, port = await _serve(handler)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"agi_network: yes\n")  # half an environment, then EOF
    await writer.drain()
    writer.close()
    cpu0 = time.process_time()
    await asyncio.sleep(0.3)
    # a spinning handler would burn ~0.3 s of CPU here; a correct one burns almost none
    assert time.process_time() - cpu0 < 0.1
    assert not app.active
    assert calls == []
    # and a real call afterwards is still served
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(ENV)
    await writer.drain()
    await asyncio.sleep(0.1)
    assert len(calls) == 1 and calls[0].uniqueid == "1700000000.1"
    server.close()


async def test_stalled_connection_times_out_and_closes():
    async def handler(agi: AgiChannel) -> None:  # pragma: no cover - never reached
        raise AssertionError

    app, server, port = await _serve(handler, env_timeout=0.2)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    data = await asyncio.wait_for(reader.read(), 2)  # server closes the socket after the timeout
    assert data == b""
    server.close()


async def test_hangup_stops_script_at_first_511():
    """Bug 2: after a hang-up every command answers 511 (AGISIGHUP=no); the script must stop, not shift."""
    seen: list[str] = []
    outcome: list[str] = []

    async def handler(agi: AgiChannel) -> None:
        try:
            await agi.exec("Set", "TIMEOUT(absolute)=900")
            seen.append("set")
            await agi.stream_file("/tmp/hello")
            seen.append("stream")  # must not happen
        except CallerHungUp:
            outcome.append("hung up")
            raise

    app, server, port = await _serve(handler)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(ENV)
    await writer.drain()
    line = await asyncio.wait_for(reader.readline(), 2)
    assert line.startswith(b"EXEC Set")
    writer.write(b"200 result=0\n")
    await writer.drain()
    line = await asyncio.wait_for(reader.readline(), 2)
    assert line.startswith(b"STREAM FILE /tmp/hello")
    writer.write(b"511 Command Not Permitted on a dead channel or intercepted channel\n")
    await writer.drain()
    assert await asyncio.wait_for(reader.read(), 2) == b""  # engine closed the AGI socket
    assert seen == ["set"] and outcome == ["hung up"]
    server.close()


async def test_hangup_line_and_eof_are_hangups():
    results: list[str] = []

    async def handler(agi: AgiChannel) -> None:
        for _ in range(2):
            try:
                await agi.verbose("x")
                results.append("ok")
            except CallerHungUp:
                results.append("hangup")
                return

    app, server, port = await _serve(handler)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(ENV)
    await writer.drain()
    await reader.readline()
    writer.write(b"HANGUP\n")
    await writer.drain()
    await asyncio.sleep(0.1)
    assert results == ["hangup"]
    server.close()


async def test_non_async_handler_rejected():
    app = SafeApplication()
    with pytest.raises(TypeError):
        app.add_channel_route("x", lambda agi: None)  # type: ignore[arg-type]


async def test_listen_only_on_loopback():
    app = SafeApplication()
    with pytest.raises(ValueError):
        await start_server(app, "0.0.0.0", 0)
