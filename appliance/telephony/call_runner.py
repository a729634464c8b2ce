"""Runs a dialog over a live call's audio stream: speaks its ``Say`` actions (with barge-in), turns the
caller's speech into ``Heard`` for its ``Listen`` actions, and logs every turn with its timings.

The runner owns no models: it is given ``speak`` (text/key → 8 kHz PCM), ``transcribe`` (PCM → transcript,
run in a worker thread) and ``new_endpointer`` (fresh VAD/endpointing state per utterance).
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from appliance.conversation.actions import End, Heard, Listen, Say
from appliance.data.calllog import CallLog
from appliance.errors import CallerHungUp
from appliance.telephony.audiosocket import FRAME_BYTES, AudioStream, InboundEvent

_LOGGER = logging.getLogger(__name__)

PRE_ROLL_FRAMES = 15  # 300 ms of audio kept before speech start, so the first syllable is not cut
MAX_UTTERANCE_S = 15.0
DTMF_INTERDIGIT_S = 2.5
STT_TIMEOUT_S = 8.0


class Endpointer(Protocol):
    def feed(self, frame: bytes) -> list[str]:
        """Feed one 20 ms frame; returns events among 'speech_start', 'end_of_utterance'."""


class Dialog(Protocol):
    def start(self) -> list[Any]: ...

    def on_input(self, heard: Heard) -> list[Any]: ...


@dataclass
class Utterance:
    pcm: bytes
    speech_end: float  # monotonic time the caller stopped speaking


class CallRunner:
    def __init__(self, stream: AudioStream, log: CallLog, *, speak: Callable[[Say], bytes],
                 transcribe: Callable[[bytes, list[str]], Any], new_endpointer: Callable[[], Endpointer],
                 log_phi: bool = False, stt_executor: Any = None):
        self.stream = stream
        self.log = log
        self.speak = speak
        self.transcribe = transcribe
        self.new_endpointer = new_endpointer
        self.log_phi = log_phi
        self.stt_executor = stt_executor
        self._carry: list[InboundEvent] = []  # inbound events that arrived while the bot spoke (barge-in)
        self._barged = False
        self._pending_timing: dict[str, int] = {}

    # --- the loop -------------------------------------------------------------
    async def run(self, dialog: Dialog) -> End:
        actions = dialog.start()
        while True:
            for action in actions:
                if isinstance(action, Say):
                    if self._barged and action.barge_in:
                        continue  # the caller is already talking: skip the rest of this turn's speech
                    await self.say(action)
                elif isinstance(action, End):
                    return action
                elif isinstance(action, Listen):
                    heard = await self.listen(action)
                    self._barged = False
                    t_decision = time.monotonic()
                    actions = dialog.on_input(heard)
                    self._pending_timing["t_decision"] = self.log.ms(t_decision)
                    break
            else:
                raise RuntimeError("dialog returned actions without Listen or End")

    # --- speaking -------------------------------------------------------------
    async def say(self, action: Say) -> None:
        t_start = time.monotonic()
        loop = asyncio.get_running_loop()
        pcm = await loop.run_in_executor(None, self.speak, action)
        t_tts = time.monotonic()
        stop = asyncio.Event()
        monitor = None
        if action.barge_in:
            monitor = asyncio.create_task(self._watch_for_barge_in(stop))
        try:
            completed, first_sent = await self.stream.play(pcm, stop)
        finally:
            if monitor:
                monitor.cancel()
                try:
                    await monitor
                except asyncio.CancelledError:
                    pass
        if self.stream.closed.is_set() and self.stream.remote_hangup:
            raise CallerHungUp("caller hung up while the bot spoke")
        fields = dict(self._pending_timing)
        self._pending_timing.clear()
        fields.setdefault("t_first_tts", self.log.ms(t_tts))
        if first_sent is not None:
            fields.setdefault("t_first_audio", self.log.ms(first_sent))
        if "t_speech_end" in fields and "t_first_audio" in fields:
            fields["latency_ms"] = fields["t_first_audio"] - fields["t_speech_end"]
        meta = {"key": action.key, "completed": completed, "tts_ms": int((t_tts - t_start) * 1000),
                "samples": len(pcm) // 2}
        self.log.turn("bot", action.text if action.key is None else action.key, meta=meta, **fields)

    async def _watch_for_barge_in(self, stop: asyncio.Event) -> None:
        """While the bot speaks, run the endpointer on the caller's audio; speech or a key stops playback."""
        endpointer = self.new_endpointer()
        buffered: list[InboundEvent] = []
        while True:
            event = await self.stream.events.get()
            if event.kind == "hangup":
                self._carry.append(event)
                stop.set()
                return
            if event.kind == "dtmf":
                self._carry.append(event)
                self._barged = True
                stop.set()
                return
            buffered.append(event)
            buffered = buffered[-PRE_ROLL_FRAMES:]
            if "speech_start" in endpointer.feed(event.data):
                self._carry.extend(buffered)
                self._barged = True
                stop.set()
                # keep feeding the carry until playback is cancelled by the caller of this task
                while True:
                    self._carry.append(await self.stream.events.get())

    # --- listening ------------------------------------------------------------
    async def _next_event(self, timeout: float) -> InboundEvent | None:
        if self._carry:
            return self._carry.pop(0)
        try:
            return await asyncio.wait_for(self.stream.events.get(), max(timeout, 0.001))
        except asyncio.TimeoutError:
            return None

    async def listen(self, action: Listen) -> Heard:
        endpointer = self.new_endpointer()
        pre_roll: list[bytes] = []
        speech: list[bytes] = []
        started = False
        start = time.monotonic()
        deadline = start + action.timeout_s
        last_voice = start
        digits = ""
        while True:
            now = time.monotonic()
            if digits:
                remaining = min(deadline, now + DTMF_INTERDIGIT_S) - now
            elif started:
                remaining = start + MAX_UTTERANCE_S - now
            else:
                remaining = deadline - now
            event = await self._next_event(remaining)
            if event is None:
                if digits:
                    return self._heard_dtmf(digits)
                if started:
                    break
                self.log.turn("caller", None, meta={"silence": True})
                return Heard(silence=True)
            if event.kind == "hangup":
                raise CallerHungUp("caller hung up while we listened")
            if event.kind == "dtmf":
                if event.digit == "#" and digits:
                    return self._heard_dtmf(digits)
                digits += event.digit
                if len(digits) >= action.max_digits:
                    return self._heard_dtmf(digits)
                continue
            if digits:
                continue
            frame = event.data
            events = endpointer.feed(frame)
            if not started:
                pre_roll.append(frame)
                pre_roll = pre_roll[-PRE_ROLL_FRAMES:]
                if "speech_start" in events:
                    started = True
                    speech.extend(pre_roll)
                continue
            speech.append(frame)
            if "end_of_utterance" in events:
                last_voice = event.at
                break
            last_voice = event.at
        return await self._transcribe(Utterance(b"".join(speech), last_voice), action)

    def _heard_dtmf(self, digits: str) -> Heard:
        self.log.turn("caller", None, meta={"dtmf": digits if self.log_phi else "*" * len(digits)})
        return Heard(dtmf=digits)

    async def _transcribe(self, utterance: Utterance, action: Listen) -> Heard:
        loop = asyncio.get_running_loop()
        try:
            transcript = await asyncio.wait_for(
                loop.run_in_executor(self.stt_executor, self.transcribe, utterance.pcm, action.hints),
                STT_TIMEOUT_S,
            )
        except asyncio.TimeoutError:
            raise RuntimeError("speech recognition timed out") from None
        t_final = time.monotonic()
        text = (getattr(transcript, "text", "") or "").strip()
        no_speech = float(getattr(transcript, "no_speech_prob", 0.0) or 0.0)
        logprob = float(getattr(transcript, "avg_logprob", 0.0) or 0.0)
        rejected = not text or no_speech > 0.8 or logprob < -1.5
        confidence = max(0.0, min(1.0, 1.0 + logprob / 2)) * (1.0 - no_speech)
        self._pending_timing = {
            "t_speech_end": self.log.ms(utterance.speech_end),
            "t_stt_final": self.log.ms(t_final),
        }
        self.log.turn(
            "caller", text, t_speech_end=self._pending_timing["t_speech_end"],
            t_stt_final=self._pending_timing["t_stt_final"],
            meta={"audio_ms": len(utterance.pcm) * 1000 // (2 * 8000), "avg_logprob": round(logprob, 3),
                  "no_speech_prob": round(no_speech, 3), "rejected": rejected},
        )
        if self.log_phi:
            _LOGGER.info("caller said: %s", text)
        return Heard(text=text, confidence=confidence, rejected=rejected)


__all__ = ["CallRunner", "FRAME_BYTES"]
