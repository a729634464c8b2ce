"""The ear of one call: consumes the AudioSocket's inbound events and turns them into caller frames.

One ear per call feeds every 20 ms frame to one endpointer, so barge-in, speculative decoding and the end of
an utterance all come from the same state. Frames queue in ``events`` for the runner.
"""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from appliance.calls.frames import (BargeIn, CallerFrame, Dtmf, Hangup, Noise, NoSpeech, Piece, Speculative,
                                    SpeechResumed, SpeechStarted, Utterance)
from appliance.speech import endpointer as ep
from appliance.telephony.audiosocket import FRAME_MS, AudioStream


class Endpointer(Protocol):
    def feed(self, frame: bytes) -> list[Any]: ...

    def set_bot_speaking(self, speaking: bool) -> None: ...

    def start_listening(self) -> None: ...

    def set_end_ms(self, end_ms: int) -> None: ...

    def drop_utterance(self) -> None: ...


class Ear:
    def __init__(self, stream: AudioStream, endpointer: Endpointer, end_ms: int, speculative_ms: int = 220):
        self.stream = stream
        self.endpointer = endpointer
        self.end_s = end_ms / 1000
        self.speculative_s = speculative_ms / 1000
        self.events: asyncio.Queue[CallerFrame] = asyncio.Queue()
        self.locked = False  # the bot says something that must not be interrupted (the legal notice)
        self._locked_onset = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    def stop(self) -> None:
        if self._task:
            self._task.cancel()

    def bot_speaking(self, speaking: bool, locked: bool = False) -> None:
        self.endpointer.set_bot_speaking(speaking)
        self.locked = speaking and locked

    def start_listening(self) -> None:
        self.endpointer.start_listening()

    def take_utterance(self) -> None:
        """The turn ended early on the utterance in progress: the endpointer forgets it, so what the caller
        says next is a new utterance (a barge-in while the bot answers), not the rest of this one."""
        self.endpointer.drop_utterance()
        self._locked_onset = False

    def drain(self) -> None:
        """Forget frames nobody waited for (e.g. noise between turns); a hang-up is kept."""
        while not self.events.empty():
            frame = self.events.get_nowait()
            if isinstance(frame, Hangup):
                self.events.put_nowait(frame)
                return

    async def _run(self) -> None:
        while True:
            inbound = await self.stream.events.get()
            if inbound.kind == "hangup":
                await self.events.put(Hangup(inbound.at))
                return
            if inbound.kind == "dtmf":
                await self.events.put(Dtmf(inbound.at, inbound.digit))
                continue
            for event in self.endpointer.feed(inbound.data):
                frame = self._frame(event, inbound.at)
                if frame is not None:
                    await self.events.put(frame)

    def _frame(self, event: Any, at: float) -> CallerFrame | None:
        kind = getattr(event, "kind", event)
        frame_end = at + FRAME_MS / 1000
        if kind == ep.SPEECH_START:
            self._locked_onset = self.locked
            return None if self.locked else SpeechStarted(at)
        if kind == ep.BARGE_IN:
            return None if self.locked else BargeIn(at)
        if kind == ep.SPECULATIVE_END:
            silence_s = getattr(event, "silence_ms", 0) / 1000 or self.speculative_s
            return Speculative(at, event.audio, speech_end=frame_end - silence_s,
                               during_locked_speech=self._locked_onset)
        if kind == ep.SPEECH_RESUMED:
            return SpeechResumed(at, pause_ms=getattr(event, "silence_ms", 0))
        if kind == ep.PIECE:
            return None if self._locked_onset else Piece(at, event.audio, event.tail_from)
        if kind == ep.END_OF_UTTERANCE:
            silence_s = getattr(event, "silence_ms", 0) / 1000 or self.end_s
            end = frame_end - (silence_s if event.reason == "silence" else 0)
            locked, self._locked_onset = self._locked_onset, False
            return Utterance(at, event.audio, speech_end=end, speculative_ok=event.speculative_ok,
                             during_locked_speech=locked)
        if kind == ep.NO_SPEECH:
            return NoSpeech(at)
        if kind == ep.NOISE:  # a click or cough that looked like speech: nothing to decode
            self._locked_onset = False
            return Noise(at)
        return None
