"""The classic-AGI relay forwards a call to the engine's FastAGI port, both ways, line for line."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from appliance.telephony.fastagi import AgiChannel, SafeApplication, start_server

RELAY = Path(__file__).resolve().parent.parent / "agi_scripts" / "dentalcall_agi.py"


async def test_relay_hands_the_call_to_the_engine():
    seen: dict[str, str] = {}

    async def handler(agi: AgiChannel) -> None:
        seen.update(agi.env)
        await agi.set_variable("DENTALCALL_NEXT", "hangup")

    app = SafeApplication()
    app.add_channel_route("inbound", handler)
    server = await start_server(app, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(RELAY), "inbound", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        env={**os.environ, "DENTALCALL_AGI_PORT": str(port)})
    proc.stdin.write(b"agi_request: dentalcall_agi.py\nagi_channel: PJSIP/x-1\nagi_uniqueid: 42.1\n"
                     b"agi_callerid: 01012345678\n\n")
    await proc.stdin.drain()
    line = await asyncio.wait_for(proc.stdout.readline(), 10)
    assert line == b'SET VARIABLE DENTALCALL_NEXT "hangup"\n'
    proc.stdin.write(b"200 result=1\n")
    await proc.stdin.drain()
    assert await asyncio.wait_for(proc.wait(), 10) == 0
    assert seen["agi_uniqueid"] == "42.1" and seen["agi_network_script"] == "inbound"
    server.close()


async def test_relay_exits_at_once_when_engine_is_down():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(RELAY), "inbound", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        env={**os.environ, "DENTALCALL_AGI_PORT": "1"})
    proc.stdin.write(b"agi_request: x\nagi_uniqueid: 1\n\n")
    await proc.stdin.drain()
    assert await asyncio.wait_for(proc.wait(), 10) == 1
