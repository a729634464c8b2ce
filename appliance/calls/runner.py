"""Runs a dialog over a live call's audio stream: speaks its ``Say`` actions (with barge-in), turns the
caller's speech into ``Heard`` for its ``Listen`` actions, and logs every turn with its timings.

One ``Ear`` per call consumes the AudioSocket's inbound frames continuously and feeds one endpointer, so
barge-in, speculative decoding and end-of-utterance all come from the same state. The runner owns no
models: it is given ``speak`` (Say → 8 kHz PCM), ``transcribe`` (PCM, hints → transcript; run in the STT
worker) and ``new_endpointer`` (a fresh endpointer for this call).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import time
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from appliance.conversation.actions import End, Heard, Listen, Say
from appliance.data.calllog import CallLog
from appliance.errors import CallerHungUp
from appliance.telephony.audiosocket import FRAME_MS, AudioStream

_LOGGER = logging.getLogger(__name__)

DTMF_INTERDIGIT_S = 2.5
STT_TIMEOUT_S = 8.0
ACK_AFTER_S = 0.1  # cover a slow decode with a short acknowledgement ("네,") — never the answer itself;
# the turn is already decided here (endpoint_end_ms of silence), so waiting longer only adds dead air


class Endpointer(Protocol):
    def feed(self, frame: bytes) -> list[Any]: ...

    def set_bot_speaking(self, speaking: bool) -> None: ...

    def start_listening(self) -> None: ...


class Dialog(Protocol):
    def start(self) -> list[Any]: ...

    def on_input(self, heard: Heard) -> list[Any]: ...


@dataclass
class EarEvent:
    kind: str  # barge_in | utterance | speculative | resumed | noise | dtmf | no_speech | hangup
    at: float  # monotonic time of the frame that decided it
    audio: bytes = b""
    digit: str = ""
    speech_end: float = 0.0  # monotonic time the caller's last voiced frame arrived
    speculative_ok: bool = False
    during_locked_speech: bool = False  # began while a non-interruptible prompt played


class Ear:
    """Consumes one call's inbound events and turns audio into endpointing events."""

    def __init__(self, stream: AudioStream, endpointer: Endpointer, end_ms: int):
        self.stream = stream
        self.endpointer = endpointer
        self.end_s = end_ms / 1000
        self.events: asyncio.Queue[EarEvent] = asyncio.Queue()
        self.locked = False  # bot is saying something that must not be interrupted (legal notice)
        self._locked_onset = False
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    def stop(self) -> None:
        if self._task:
            self._task.cancel()

    def bot_speaking(self, speaking: bool, locked: bool = False) -> None:
        self.endpointer.set_bot_speaking(speaking)
        self.locked = speaking and locked

    def drain(self) -> None:
        """Forget events nobody waited for (e.g. noise between turns)."""
        while not self.events.empty():
            event = self.events.get_nowait()
            if event.kind in ("hangup",):
                self.events.put_nowait(event)
                return

    async def _run(self) -> None:
        while True:
            inbound = await self.stream.events.get()
            if inbound.kind == "hangup":
                await self.events.put(EarEvent("hangup", inbound.at))
                return
            if inbound.kind == "dtmf":
                await self.events.put(EarEvent("dtmf", inbound.at, digit=inbound.digit))
                continue
            for ev in self.endpointer.feed(inbound.data):
                kind = getattr(ev, "kind", ev)
                if kind == "speech_start":
                    self._locked_onset = self.locked
                elif kind == "barge_in":
                    if not self.locked:
                        await self.events.put(EarEvent("barge_in", inbound.at))
                elif kind == "speculative_end":
                    await self.events.put(EarEvent("speculative", inbound.at, audio=ev.audio,
                                                   during_locked_speech=self._locked_onset))
                elif kind == "speech_resumed":
                    await self.events.put(EarEvent("resumed", inbound.at))
                elif kind == "end_of_utterance":
                    end = inbound.at + FRAME_MS / 1000 - (self.end_s if ev.reason == "silence" else 0)
                    await self.events.put(EarEvent("utterance", inbound.at, audio=ev.audio, speech_end=end,
                                                   speculative_ok=ev.speculative_ok,
                                                   during_locked_speech=self._locked_onset))
                    self._locked_onset = False
                elif kind == "no_speech":
                    await self.events.put(EarEvent("no_speech", inbound.at))
                elif kind == "noise":  # a click or cough that looked like speech: nothing to decode
                    self._locked_onset = False
                    await self.events.put(EarEvent("noise", inbound.at))


class CallRunner:
    def __init__(self, stream: AudioStream, log: CallLog, *, speak: Callable[[Say], bytes],
                 transcribe: Callable[[bytes, list[str]], Any], new_endpointer: Callable[[], Any],
                 log_phi: bool = False, stt_executor: concurrent.futures.Executor | None = None,
                 end_ms: int = 650, ack: Callable[[], bytes] | None = None,
                 dialog_executor: concurrent.futures.Executor | None = None):
        self.stream = stream
        self.dialog_executor = dialog_executor
        self.log = log
        self.speak = speak
        self.transcribe = transcribe
        self.log_phi = log_phi
        self.stt_executor = stt_executor
        self.ack = ack
        self.ear = Ear(stream, new_endpointer(), end_ms)
        self._barged = False
        self._pending_timing: dict[str, int] = {}
        self._early: list[EarEvent] = []  # events that arrived while the bot spoke (barge-in utterances, keys)

    # --- the loop -------------------------------------------------------------
    async def run(self, dialog: Dialog) -> End:
        self.ear.start()
        try:
            actions = await self._decide(dialog.start)
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
                        actions = await self._decide(dialog.on_input, heard)
                        self._pending_timing["t_decision"] = self.log.ms()
                        break
                else:
                    raise RuntimeError("dialog returned actions without Listen or End")
        finally:
            self.ear.stop()

    async def _decide(self, step: Callable[..., list[Any]], *args: Any) -> list[Any]:
        """Run one dialog step off the event loop: it may query the EMR or ask the LLM (up to seconds), and
        meanwhile this call's and every other call's audio must keep flowing."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.dialog_executor, step, *args)

    # --- speaking -------------------------------------------------------------
    async def say(self, action: Say, *, is_ack: bool = False) -> None:
        t_start = time.monotonic()
        loop = asyncio.get_running_loop()
        pcm = await loop.run_in_executor(None, self.speak, action) if not is_ack else self.ack()
        t_tts = time.monotonic()
        stop = asyncio.Event()
        self.ear.bot_speaking(True, locked=not action.barge_in)
        watcher = asyncio.create_task(self._watch(stop, action.barge_in))
        try:
            completed, first_sent = await self.stream.play(pcm, stop)
        finally:
            watcher.cancel()
            try:
                await watcher
            except asyncio.CancelledError:
                pass
            self.ear.bot_speaking(False)
        fields: dict[str, Any] = {}
        if not is_ack:
            fields = dict(self._pending_timing)
            self._pending_timing.clear()
        fields["t_first_tts"] = self.log.ms(t_tts)
        if first_sent is not None:
            fields["t_first_audio"] = self.log.ms(first_sent)
        if "t_speech_end" in fields and "t_first_audio" in fields:
            fields["latency_ms"] = fields["t_first_audio"] - fields["t_speech_end"]
        meta = {"key": action.key, "completed": completed, "tts_ms": int((t_tts - t_start) * 1000),
                "samples": len(pcm) // 2, "ack": is_ack}
        self.log.turn("bot", action.text if action.key is None else action.key, meta=meta, **fields)
        if self.stream.closed.is_set() and self.stream.remote_hangup:  # logged first: the call log shows
            raise CallerHungUp("caller hung up while the bot spoke")  # what the caller was hearing

    async def _watch(self, stop: asyncio.Event, barge_in: bool) -> None:
        """While the bot speaks: a barge-in or a key stops playback (when allowed); keep what was said."""
        while True:
            event = await self.ear.events.get()
            if event.kind == "hangup":
                self._early.append(event)
                stop.set()
                return
            if event.kind in ("dtmf", "barge_in"):
                if event.kind == "dtmf":
                    self._early.append(event)
                if barge_in:
                    self._barged = True
                    stop.set()
                continue
            if event.kind == "utterance" and event.during_locked_speech:
                continue  # talking over the legal notice: not an answer to anything yet
            self._early.append(event)

    # --- listening ------------------------------------------------------------
    async def _next(self, timeout: float) -> EarEvent | None:
        if self._early:
            return self._early.pop(0)
        try:
            return await asyncio.wait_for(self.ear.events.get(), max(timeout, 0.001))
        except asyncio.TimeoutError:
            return None

    async def listen(self, action: Listen) -> Heard:
        self.ear.endpointer.start_listening()
        start = time.monotonic()
        deadline = start + action.timeout_s
        digits = ""
        speculative: concurrent.futures.Future | None = None
        in_speech = self._barged
        loop = asyncio.get_running_loop()
        while True:
            now = time.monotonic()
            if digits:
                remaining = min(deadline, now + DTMF_INTERDIGIT_S) - now
            elif in_speech:
                remaining = 20.0  # the endpointer ends long utterances itself (max length)
            else:
                remaining = deadline - now
            event = await self._next(remaining)
            if event is None or event.kind == "no_speech":
                if digits:
                    return self._heard_dtmf(digits)
                if in_speech:
                    continue
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
            if event.kind == "barge_in":
                in_speech = True
            elif event.kind == "speculative":
                in_speech = True
                speculative = loop.run_in_executor(self.stt_executor, self.transcribe, event.audio, action.hints)
            elif event.kind == "resumed":
                speculative = _drop(speculative)  # the caller went on: that decode is stale
            elif event.kind == "noise":
                in_speech, speculative = False, _drop(speculative)  # back to waiting; the question's timeout runs
            elif event.kind == "utterance":
                if event.speculative_ok and speculative is not None:
                    return await self._finish(event, action, speculative, speculative=True)
                job = loop.run_in_executor(self.stt_executor, self.transcribe, event.audio, action.hints)
                return await self._finish(event, action, job, speculative=False)

    def _heard_dtmf(self, digits: str) -> Heard:
        self.log.turn("caller", None, meta={"dtmf": digits if self.log_phi else "*" * len(digits)})
        return Heard(dtmf=digits)

    async def _finish(self, event: EarEvent, action: Listen, job: Any, speculative: bool) -> Heard:
        t_end = event.speech_end
        self._pending_timing = {"t_speech_end": self.log.ms(t_end)}
        try:
            done, _ = await asyncio.wait({job}, timeout=ACK_AFTER_S)
            if not done and self.ack is not None:
                await self.say(Say("ack"), is_ack=True)
            transcript = await asyncio.wait_for(job, STT_TIMEOUT_S)
        except asyncio.TimeoutError:
            raise RuntimeError("speech recognition timed out") from None
        t_final = time.monotonic()
        text = (getattr(transcript, "text", "") or "").strip()
        no_speech = float(getattr(transcript, "no_speech_prob", 0.0) or 0.0)
        logprob = float(getattr(transcript, "avg_logprob", 0.0) or 0.0)
        rejected = not text or no_speech > 0.8 or logprob < -1.5
        confidence = max(0.0, min(1.0, 1.0 + logprob / 2)) * (1.0 - no_speech)
        self._pending_timing["t_stt_final"] = self.log.ms(t_final)
        self.log.turn(
            "caller", text, t_speech_end=self._pending_timing["t_speech_end"],
            t_stt_final=self._pending_timing["t_stt_final"],
            meta={"audio_ms": len(event.audio) * 1000 // (2 * 8000), "avg_logprob": round(logprob, 3),
                  "no_speech_prob": round(no_speech, 3), "rejected": rejected, "speculative": speculative},
        )
        if self.log_phi:
            _LOGGER.info("caller said: %s", text)
        return Heard(text=text, confidence=confidence, rejected=rejected)


def _drop(job: Any) -> None:
    """Forget a stale speculative decode; if the STT worker has not started it yet, it never will."""
    if job is not None:
        job.cancel()
    return None
