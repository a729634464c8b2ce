"""A scripted fake Asterisk for engine contract tests: speaks AGI and AudioSocket on real sockets.

Only for unit/contract tests of the engine's logic; every capability also has an end-to-end test through
the real Asterisk (tests/test_e2e_*.py).
"""

from __future__ import annotations

import asyncio
import math
import re
import struct
import uuid as uuidlib
from dataclasses import dataclass, field


def tone(seconds: float, freq: float = 300.0, amp: int = 8000) -> bytes:
    n = int(8000 * seconds)
    return b"".join(struct.pack("<h", int(amp * math.sin(2 * math.pi * freq * i / 8000))) for i in range(n))


def silence(seconds: float) -> bytes:
    return b"\x00\x00" * int(8000 * seconds)


@dataclass
class FakeCall:
    commands: list[str] = field(default_factory=list)
    variables: dict[str, str] = field(default_factory=dict)
    heard: bytearray = field(default_factory=bytearray)  # audio the engine sent to the "caller"
    heard_at: list[float] = field(default_factory=list)  # loop time each audio frame of ``heard`` arrived
    audiosocket_ended_by_engine: bool = False


async def run_call(agi_port: int, caller_audio: bytes, *, hangup_after_s: float | None = None,
                   dtmf: list[tuple[float, str]] | None = None, uniqueid: str = "1700000000.7",
                   callerid: str = "01012345678", timeout: float = 30.0, script: str = "inbound") -> FakeCall:
    """Place one fake call: AGI env → answer commands → on EXEC AudioSocket, stream ``caller_audio``."""
    call = FakeCall()
    reader, writer = await asyncio.open_connection("127.0.0.1", agi_port)
    env = (f"agi_network: yes\nagi_network_script: {script}\nagi_request: agi://127.0.0.1/{script}\n"
           f"agi_channel: PJSIP/fake-0001\nagi_uniqueid: {uniqueid}\nagi_callerid: {callerid}\n"
           f"agi_dnid: 1000\n\n")
    writer.write(env.encode())
    await writer.drain()
    hung_up = False

    async def audiosocket(uuid: str, port: int) -> None:
        ar, aw = await asyncio.open_connection("127.0.0.1", port)
        aw.write(struct.pack(">BH", 0x01, 16) + uuidlib.UUID(uuid).bytes)
        await aw.drain()
        frames = [caller_audio[i:i + 320] for i in range(0, len(caller_audio), 320)]
        loop = asyncio.get_running_loop()
        start = loop.time()
        pending_dtmf = sorted(dtmf or [])

        async def receive() -> None:
            while True:
                head = await ar.readexactly(3)
                (length,) = struct.unpack(">H", head[1:])
                payload = await ar.readexactly(length) if length else b""
                if head[0] == 0x10:
                    call.heard.extend(payload)
                    call.heard_at.append(loop.time())
                elif head[0] == 0x00:
                    call.audiosocket_ended_by_engine = True
                    return

        recv = asyncio.create_task(receive())
        i = 0
        try:
            while not recv.done():
                now = loop.time() - start
                if hangup_after_s is not None and now >= hangup_after_s:
                    nonlocal hung_up
                    hung_up = True
                    aw.write(struct.pack(">BH", 0x00, 0))
                    await aw.drain()
                    break
                while pending_dtmf and pending_dtmf[0][0] <= now:
                    _, digit = pending_dtmf.pop(0)
                    aw.write(struct.pack(">BH", 0x03, 1) + digit.encode())
                frame = frames[i] if i < len(frames) else b"\x00" * 320
                aw.write(struct.pack(">BH", 0x10, len(frame)) + frame.ljust(320, b"\x00"))
                await aw.drain()
                i += 1
                await asyncio.sleep(max(0.0, start + i * 0.02 - loop.time()))
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            recv.cancel()
            aw.close()

    async def loop_commands() -> None:
        while True:
            line = await reader.readline()
            if not line:
                return
            text = line.decode().strip()
            call.commands.append(text)
            if hung_up:
                writer.write(b"511 Command Not Permitted on a dead channel or intercepted channel\n")
            elif m := re.match(r'EXEC AudioSocket "([0-9a-f-]+),127\.0\.0\.1:(\d+)"', text):
                await audiosocket(m.group(1), int(m.group(2)))
                writer.write(b"200 result=-1\n" if hung_up else b"200 result=0\n")
            elif m := re.match(r'SET VARIABLE (\S+) "(.*)"', text):
                call.variables[m.group(1)] = m.group(2)
                writer.write(b"200 result=1\n")
            else:
                writer.write(b"200 result=0\n")
            await writer.drain()

    await asyncio.wait_for(loop_commands(), timeout)
    writer.close()
    return call
