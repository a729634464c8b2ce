"""AudioSocket server: streaming 8 kHz signed-linear audio both ways between Asterisk and the engine.

The AGI controller runs ``EXEC AudioSocket <uuid>,127.0.0.1:<port>``; Asterisk connects here and sends the
UUID first, so ``AudioSocketServer.expect(uuid)`` hands the call's controller the matching ``AudioStream``.
Playback is paced in 20 ms frames (never faster than real time, so barge-in can cut it at once); closing
the stream sends the hang-up kind, which ends the ``AudioSocket`` application and returns control to the
dialplan/AGI.
"""

from __future__ import annotations

import asyncio
import logging
import struct
import time
import uuid as uuidlib
from dataclasses import dataclass

_LOGGER = logging.getLogger(__name__)

KIND_HANGUP = 0x00
KIND_UUID = 0x01
KIND_DTMF = 0x03
KIND_AUDIO = 0x10
KIND_ERROR = 0xFF

SAMPLE_RATE = 8000
FRAME_MS = 20
FRAME_BYTES = SAMPLE_RATE * 2 * FRAME_MS // 1000  # 320 bytes of s16le


@dataclass
class InboundEvent:
    kind: str  # "audio" | "dtmf" | "hangup"
    data: bytes = b""
    digit: str = ""
    at: float = 0.0  # time.monotonic() when received


class AudioStream:
    """One call's audio connection. Inbound audio/DTMF arrive as events; outbound audio is paced."""

    def __init__(self, uuid: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.uuid = uuid
        self.reader = reader
        self.writer = writer
        self.events: asyncio.Queue[InboundEvent] = asyncio.Queue()
        self.closed = asyncio.Event()
        self.remote_hangup = False
        self.bytes_in = 0
        self.bytes_out = 0
        self._reader_task: asyncio.Task | None = None

    def start(self) -> None:
        self._reader_task = asyncio.get_running_loop().create_task(self._read_loop())

    async def _read_loop(self) -> None:
        try:
            while True:
                header = await self.reader.readexactly(3)
                kind = header[0]
                (length,) = struct.unpack(">H", header[1:3])
                payload = await self.reader.readexactly(length) if length else b""
                now = time.monotonic()
                if kind == KIND_AUDIO:
                    self.bytes_in += len(payload)
                    await self.events.put(InboundEvent("audio", payload, at=now))
                elif kind == KIND_DTMF:
                    digit = payload[:1].decode("ascii", errors="replace")
                    await self.events.put(InboundEvent("dtmf", digit=digit, at=now))
                elif kind == KIND_HANGUP:
                    break
                elif kind == KIND_ERROR:
                    _LOGGER.warning("audiosocket %s: error frame %s", self.uuid, payload.hex())
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self.remote_hangup = not self.closed.is_set()
            self.closed.set()
            await self.events.put(InboundEvent("hangup", at=time.monotonic()))

    def _send(self, kind: int, payload: bytes = b"") -> None:
        self.writer.write(struct.pack(">BH", kind, len(payload)) + payload)

    async def play(self, pcm: bytes, stop: asyncio.Event | None = None) -> tuple[bool, float | None]:
        """Send ``pcm`` (8 kHz s16le) paced in 20 ms frames.

        Returns (completed, time of the first frame sent). Stops early, without sending the rest, when
        ``stop`` is set (barge-in) or the call ends.
        """
        if self.closed.is_set():
            return False, None
        first_sent: float | None = None
        start = time.monotonic()
        # keep ~60 ms queued in Asterisk so jitter in our loop never starves the caller's ear
        lead = 0.06
        for index, offset in enumerate(range(0, len(pcm), FRAME_BYTES)):
            if self.closed.is_set() or (stop is not None and stop.is_set()):
                return False, first_sent
            frame = pcm[offset: offset + FRAME_BYTES]
            if len(frame) < FRAME_BYTES:
                frame = frame + b"\x00" * (FRAME_BYTES - len(frame))
            due = start + index * FRAME_MS / 1000 - lead
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            try:
                self._send(KIND_AUDIO, frame)
                await self.writer.drain()
            except (ConnectionError, RuntimeError):
                self.closed.set()
                return False, first_sent
            if first_sent is None:
                first_sent = time.monotonic()
            self.bytes_out += len(frame)
        # let the tail of the audio reach the caller before the next step
        tail = start + len(pcm) / (SAMPLE_RATE * 2) - time.monotonic()
        if tail > 0:
            if stop is None:
                await asyncio.sleep(tail)
            else:
                try:
                    await asyncio.wait_for(stop.wait(), tail)
                    return False, first_sent
                except asyncio.TimeoutError:
                    pass
        return True, first_sent

    async def close(self) -> None:
        """End the AudioSocket application (control returns to the AGI script)."""
        if not self.closed.is_set():
            self.closed.set()
            try:
                self._send(KIND_HANGUP)
                await self.writer.drain()
            except (ConnectionError, RuntimeError):
                pass
        try:
            self.writer.close()
        except Exception:  # pragma: no cover
            pass
        if self._reader_task:
            self._reader_task.cancel()


class AudioSocketServer:
    """Accepts Asterisk's AudioSocket connections and routes each to the call waiting for its UUID."""

    def __init__(self) -> None:
        self._waiting: dict[str, asyncio.Future[AudioStream]] = {}
        self.server: asyncio.AbstractServer | None = None

    async def start(self, host: str, port: int) -> None:
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise ValueError("AudioSocket must listen on loopback only")
        self.server = await asyncio.start_server(self._handle, host, port)

    def expect(self, uuid: str) -> asyncio.Future[AudioStream]:
        fut: asyncio.Future[AudioStream] = asyncio.get_running_loop().create_future()
        self._waiting[uuid] = fut
        return fut

    def forget(self, uuid: str) -> None:
        self._waiting.pop(uuid, None)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            header = await asyncio.wait_for(reader.readexactly(3), 5)
            if header[0] != KIND_UUID:
                raise ValueError("first AudioSocket frame is not a UUID")
            (length,) = struct.unpack(">H", header[1:3])
            raw = await asyncio.wait_for(reader.readexactly(length), 5)
            uuid = str(uuidlib.UUID(bytes=raw)) if length == 16 else raw.decode("ascii", "replace")
        except (asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, ConnectionError) as exc:
            _LOGGER.warning("AudioSocket connection rejected: %s", exc)
            writer.close()
            return
        fut = self._waiting.pop(uuid, None)
        if fut is None or fut.done():
            _LOGGER.warning("AudioSocket connection for unknown call %s", uuid)
            writer.write(struct.pack(">BH", KIND_HANGUP, 0))
            writer.close()
            return
        stream = AudioStream(uuid, reader, writer)
        stream.start()
        fut.set_result(stream)

    async def stop(self) -> None:
        if self.server:
            self.server.close()
            await self.server.wait_closed()
