"""Runs one dialog over one live call: speaks its ``Say`` actions (with barge-in), turns the caller's speech
into ``Heard`` for its ``Listen`` actions, acknowledges a slow decode, and records every turn with its timings.

The runner owns no models: it is given the speech runtime (``calls.speech.Speech``: speak, ack, transcribe,
new endpointer), the executors to run the STT and the dialog's steps in (never on the audio loop), the call's
recorder, and two policies: which transcripts to believe (``stt_policy``) and when the caller's turn is over
(``end_of_turn``).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import time
import weakref
from typing import Any, Callable

from appliance.calls import segments
from appliance.calls.ear import Ear
from appliance.calls.end_of_turn import EndOfTurnPolicy, SilenceEndOfTurn
from appliance.calls.frames import (BargeIn, CallerFrame, Dtmf, Hangup, Noise, NoSpeech, Piece, Speculative,
                                    SpeechResumed, SpeechStarted, Transcript, Utterance)
from appliance.calls.pieces import PIECE, URGENT, Boundary, PieceChain
from appliance.calls.recorder import TurnRecorder
from appliance.calls.speech import Speech
from appliance.calls.stt_policy import DEFAULT as DEFAULT_STT_POLICY
from appliance.calls.stt_policy import SttPolicy
from appliance.conversation.actions import Action, Dialog, End, Heard, Listen, Say
from appliance.errors import CallerHungUp
from appliance.telephony.audiosocket import AudioStream

_LOGGER = logging.getLogger(__name__)

DTMF_INTERDIGIT_S = 2.5
STT_TIMEOUT_S = 8.0
ACK_AFTER_S = 0.1  # cover a slow decode with a short acknowledgement ("네,") — never the answer itself;
# the turn is already decided here (endpoint_end_ms of silence), so waiting longer only adds dead air
LONG_UTTERANCE_WAIT_S = 20.0  # while the caller talks: the endpointer ends long utterances itself (max length)

Decode = asyncio.Future[Any]


class CallRunner:
    def __init__(self, stream: AudioStream, recorder: TurnRecorder, speech: Speech, *,
                 stt_executor: concurrent.futures.Executor | None = None,
                 dialog_executor: concurrent.futures.Executor | None = None,
                 end_ms: int = 650, speculative_ms: int = 220, log_phi: bool = False,
                 stt_policy: SttPolicy = DEFAULT_STT_POLICY, end_of_turn: EndOfTurnPolicy | None = None,
                 queue_pieces: bool = True):
        self.stream = stream
        self.recorder = recorder
        self.speech = speech
        self.stt_executor = stt_executor
        self.dialog_executor = dialog_executor
        self.log_phi = log_phi
        self.stt_policy = stt_policy
        self.end_of_turn: EndOfTurnPolicy = end_of_turn or SilenceEndOfTurn()
        self.queue_pieces = queue_pieces  # a piece queues unless an answer's decode waits (stt_queue_pieces)
        endpointer = speech.new_endpointer()
        if self.end_of_turn.max_silence_ms:  # the policy may wait longer than the setting: the endpointer too
            end_ms = max(end_ms, self.end_of_turn.max_silence_ms)
            endpointer.set_end_ms(end_ms)
        self.ear = Ear(stream, endpointer, end_ms, speculative_ms)
        self.decision_ms = speculative_ms  # the turn never ends on less silence (the decode may start sooner)
        self._barged = False
        self._pending_timing: dict[str, int] = {}
        self._early: list[CallerFrame] = []  # frames that arrived while the bot spoke (barge-in speech, keys)
        self._queued: dict[int, concurrent.futures.Future[Any]] = {}  # decodes submitted to the STT executor
        self._jobs: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()  # decode -> its job (the log)

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
                        self._pending_timing["t_decision"] = self.recorder.ms()
                        break
                else:
                    raise RuntimeError("dialog returned actions without Listen or End")
        finally:
            self.ear.stop()

    async def _decide(self, step: Callable[..., list[Action]], *args: Any) -> list[Action]:
        """Run one dialog step off the event loop: it may query the EMR or ask the LLM (up to seconds), and
        meanwhile this call's and every other call's audio must keep flowing."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.dialog_executor, step, *args)

    # --- speaking -------------------------------------------------------------
    async def say(self, action: Say, *, ack_pcm: bytes | None = None) -> None:
        """Play ``action`` (or, with ``ack_pcm``, that acknowledgement) until done, barged in or hung up."""
        t_start = time.monotonic()
        is_ack = ack_pcm is not None
        if ack_pcm is not None:
            pcm = ack_pcm
        else:
            pcm = await asyncio.get_running_loop().run_in_executor(None, self.speech.speak, action)
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
        fields["t_first_tts"] = self.recorder.ms(t_tts)
        if first_sent is not None:
            fields["t_first_audio"] = self.recorder.ms(first_sent)
        if "t_speech_end" in fields and "t_first_audio" in fields:
            fields["latency_ms"] = fields["t_first_audio"] - fields["t_speech_end"]
        meta = {"key": action.key, "completed": completed, "tts_ms": int((t_tts - t_start) * 1000),
                "samples": len(pcm) // 2, "ack": is_ack}
        self.recorder.turn("bot", action.text if action.key is None else action.key, meta=meta, **fields)
        if self.stream.closed.is_set() and self.stream.remote_hangup:  # logged first: the call log shows
            raise CallerHungUp("caller hung up while the bot spoke")  # what the caller was hearing

    async def _watch(self, stop: asyncio.Event, barge_in: bool) -> None:
        """While the bot speaks: a barge-in or a key stops playback (when allowed); keep what was said."""
        while True:
            frame = await self.ear.events.get()
            if isinstance(frame, Hangup):
                self._early.append(frame)
                stop.set()
                return
            if isinstance(frame, (Dtmf, BargeIn)):
                if isinstance(frame, Dtmf):
                    self._early.append(frame)
                if barge_in:
                    self._barged = True
                    stop.set()
                continue
            if isinstance(frame, Utterance) and frame.during_locked_speech:
                continue  # talking over the legal notice: not an answer to anything yet
            self._early.append(frame)

    # --- listening ------------------------------------------------------------
    async def _next(self, timeout: float, decode: Decode | None = None) -> CallerFrame | Decode | None:
        """The next caller frame within ``timeout`` (None when it runs out). With ``decode`` (a speculative
        decode an early end-of-turn policy waits for), that decode when it finishes first."""
        if self._early:
            return self._early.pop(0)
        if decode is None:
            try:
                return await asyncio.wait_for(self.ear.events.get(), max(timeout, 0.001))
            except asyncio.TimeoutError:
                return None
        getter = asyncio.ensure_future(self.ear.events.get())
        done, _ = await asyncio.wait({getter, decode}, timeout=max(timeout, 0.001),
                                     return_when=asyncio.FIRST_COMPLETED)
        if getter in done:
            return getter.result()
        getter.cancel()
        if getter.done() and not getter.cancelled():  # a frame arrived just now: keep it for next time
            self._early.insert(0, getter.result())
        return decode if decode in done else None

    async def listen(self, action: Listen) -> Heard:
        self.ear.start_listening()
        deadline = time.monotonic() + action.timeout_s
        digits = ""
        speculative: Boundary | None = None  # the decode of the utterance up to this pause
        spec_frame: Speculative | None = None
        judged: Transcript | None = None  # the speculative transcript the end-of-turn policy saw
        asked = False  # the policy was consulted on this pause's decode (it may have had no opinion)
        turn_over_at: float | None = None  # the policy's verdict: the turn ends then if the caller stays quiet
        chain = PieceChain(lambda audio, priority, window: self._transcribe(audio, action, priority, window),
                           self._waiting, self.log_phi)
        in_speech = self._barged
        decodes = dropped = 0  # speculative decodes asked this turn, and those the caller talked on after
        while True:
            now = time.monotonic()
            if turn_over_at is not None and spec_frame is not None and judged is not None and now >= turn_over_at:
                assert speculative is not None
                chain.settle(speculative)
                return self._end_early(spec_frame, judged, speculative.pieces(), (decodes, dropped))
            if digits:
                remaining = min(deadline, now + DTMF_INTERDIGIT_S) - now
            elif in_speech:
                remaining = LONG_UTTERANCE_WAIT_S
            else:
                remaining = deadline - now
            if turn_over_at is not None:
                remaining = min(remaining, turn_over_at - now)
            pending = self.end_of_turn.early and spec_frame is not None and not asked
            early = speculative.decode if pending and speculative is not None else None
            frame = await self._next(remaining, early)
            if early is not None and frame is early:
                assert spec_frame is not None
                asked = True  # a failed decode or no opinion (judged None): the endpointer's silence decides
                judged, turn_over_at = self._judge(spec_frame, action, early)
                continue
            if isinstance(frame, Hangup):
                if speculative is not None:
                    speculative.decode.cancel()
                chain.drop()
                raise CallerHungUp("caller hung up while we listened")
            if frame is None and turn_over_at is not None:
                continue  # the policy's silence is up: ended at the top of the loop
            if frame is None or isinstance(frame, NoSpeech):
                if digits:
                    return self._heard_dtmf(digits)
                if in_speech:
                    continue
                self.recorder.turn("caller", None, meta={"silence": True})
                return Heard(silence=True)
            if isinstance(frame, Dtmf):
                if frame.digit == "#" and digits:
                    return self._heard_dtmf(digits)
                digits += frame.digit
                if len(digits) >= action.max_digits:
                    return self._heard_dtmf(digits)
                continue
            if digits:
                continue
            if isinstance(frame, (BargeIn, SpeechStarted)):
                in_speech = True  # the caller talks: the question's timeout no longer runs
            elif isinstance(frame, Speculative):
                in_speech = True
                speculative, spec_frame = chain.decode(frame.audio), frame
                judged = turn_over_at = None
                asked = False
                decodes += 1
            elif isinstance(frame, Piece):
                if self._piece_would_delay():  # another caller's decode waits: this one decodes its whole turn later
                    _LOGGER.debug("piece of %d ms not decoded: the STT is busy", len(frame.audio) // 16)
                else:
                    _LOGGER.debug("piece: 0-%d ms, dip at %d ms", len(frame.audio) // 16, frame.tail_from // 16)
                    chain.keep(chain.decode(frame.audio, PIECE), segments.piece_tail_from(frame.tail_from),
                               piece=True)
            elif isinstance(frame, SpeechResumed):
                dropped += speculative is not None
                if speculative is not None and (self._waiting(speculative.job)
                                                or 0 < frame.pause_ms < self.decision_ms):
                    # still queued: never decoded (the STT is busy; pieces.py); or the pause was shorter than the
                    # decision pause (an early decode): no boundary there, the transcript is joined as without it
                    speculative.decode.cancel()
                elif speculative is not None and speculative.end >= segments.MIN_PIECE_BYTES:
                    chain.keep(speculative, segments.pause_tail_from(speculative.end), piece=False,  # the prefix
                               context_from=segments.pause_tail_from(speculative.end, context=True))
                elif speculative is not None:
                    speculative.decode.cancel()  # too short to be a prefix: stale
                speculative = spec_frame = judged = turn_over_at = None
            elif isinstance(frame, Noise):
                if speculative is not None:  # it was a cough: back to waiting; the question's timeout runs
                    speculative.decode.cancel()
                chain.drop()
                speculative = spec_frame = judged = turn_over_at = None
                in_speech = False
            elif isinstance(frame, Utterance):
                final = speculative if frame.speculative_ok and speculative is not None else chain.decode(frame.audio)
                chain.settle(final)
                return await self._finish(frame.audio, frame.speech_end, final, speculative=final is speculative,
                                          expect=action.expect, decodes=(decodes + (final is not speculative), dropped))

    def _transcribe(self, audio: bytes, action: Listen, priority: int = URGENT, window: str | None = None) -> Decode:
        hints = segments.hints_for(action.hints, window)
        args = (audio, hints, window) if window else (audio, hints)
        if self.stt_executor is None:
            return asyncio.get_running_loop().run_in_executor(None, self.speech.transcribe, *args)
        submit_at = getattr(self.stt_executor, "submit_at", None)
        submit_batched = getattr(self.stt_executor, "submit_batched", None)
        batch = getattr(self.speech, "transcribe_batch", None)
        if submit_batched is not None and batch is not None and priority == URGENT:
            # callers who stop talking together: their decodes may share a batch (the same question, window)
            job = submit_batched(priority, (window, tuple(hints or ())), self.speech.transcribe, batch, *args)
        elif submit_at is not None:
            job = submit_at(priority, self.speech.transcribe, *args)
        else:
            job = self.stt_executor.submit(self.speech.transcribe, *args)
        decode = asyncio.wrap_future(job)
        self._queued[id(decode)] = job
        self._jobs[decode] = job
        decode.add_done_callback(lambda d: self._queued.pop(id(d), None))
        return decode

    def _waiting(self, decode: Decode) -> bool:
        """The decode has not reached an STT worker yet (cancelling it costs nothing)."""
        job = self._queued.get(id(decode))
        return job is not None and not job.running() and not job.done()

    def _piece_would_delay(self) -> bool:
        """No piece now: another caller's speculative or final decode waits for an STT worker (with
        ``queue_pieces`` off: any decode waits, or no worker is free). Otherwise the piece queues behind every such
        decode and runs when a worker is free: while nobody waits for an answer, pieces fill the workers."""
        check = getattr(self.stt_executor, "answer_waits" if self.queue_pieces else "busy", None)
        if check is None:
            check = getattr(self.stt_executor, "busy", None)
        return bool(check()) if callable(check) else False

    def _judge(self, frame: Speculative, action: Listen,
               decode: Decode) -> tuple[Transcript | None, float | None]:
        """A speculative decode finished before the endpointer's silence: the policy's verdict, as the
        transcript and the monotonic time the turn ends if the caller stays quiet (None: the endpointer decides)."""
        if decode.cancelled() or decode.exception() is not None:
            return None, None
        heard = decode.result()
        transcript = self.stt_policy.judge(heard, action.expect)
        if transcript.rejected:
            return None, None
        silence_ms = self.end_of_turn.silence_needed_ms(transcript, action.expect)
        job = self._jobs.get(decode)
        asked = getattr(job, "stt_queued_at", None)
        _LOGGER.info("end of turn: pause judged %d ms after the speech end (decode asked at %s ms, waited %s ms for a "
                     "worker, model %d ms), expect %s: wait %s ms%s", int((time.monotonic() - frame.speech_end) * 1000),
                     "?" if asked is None else int((asked - frame.speech_end) * 1000), getattr(job, "stt_wait_ms", "?"),
                     int(getattr(heard, "decode_seconds", 0.0) * 1000), action.expect, silence_ms,
                     f" ({transcript.text})" if self.log_phi else "")
        if silence_ms is None:
            return None, None
        return transcript, frame.speech_end + max(silence_ms, self.decision_ms) / 1000  # not before the decision pause

    def _end_early(self, frame: Speculative, transcript: Transcript, pieces: int, decodes: tuple[int, int]) -> Heard:
        """The policy's silence is up before the endpointer's: the turn ends on the speculative transcript."""
        self.ear.take_utterance()
        self._pending_timing = {"t_speech_end": self.recorder.ms(frame.speech_end)}
        return self._heard(transcript, frame.audio, speculative=True, early=True, pieces=pieces, decodes=decodes)

    def _heard_dtmf(self, digits: str) -> Heard:
        self.recorder.turn("caller", None, meta={"dtmf": digits if self.log_phi else "*" * len(digits)})
        return Heard(dtmf=digits)

    async def _finish(self, audio: bytes, speech_end: float, final: Boundary, speculative: bool,
                      expect: str | None = None, decodes: tuple[int, int] = (0, 0)) -> Heard:
        self._pending_timing = {"t_speech_end": self.recorder.ms(speech_end)}
        job = final.decode
        try:
            done, _ = await asyncio.wait({job}, timeout=ACK_AFTER_S)
            if not done:
                await self._acknowledge()
            raw = await asyncio.wait_for(job, STT_TIMEOUT_S)
        except asyncio.TimeoutError:
            raise RuntimeError("speech recognition timed out") from None
        return self._heard(self.stt_policy.judge(raw, expect), audio, speculative=speculative,
                           pieces=final.pieces(), decodes=decodes)

    async def _acknowledge(self) -> None:
        pcm = self.speech.ack()
        if pcm is not None:
            await self.say(Say("ack"), ack_pcm=pcm)

    def _heard(self, transcript: Transcript, audio: bytes, *, speculative: bool, early: bool = False,
               pieces: int = 0, decodes: tuple[int, int] = (0, 0)) -> Heard:
        self._pending_timing["t_stt_final"] = self.recorder.ms()
        meta: dict[str, Any] = {"audio_ms": len(audio) * 1000 // (2 * 8000),
                                "avg_logprob": round(transcript.avg_logprob, 3),
                                "no_speech_prob": round(transcript.no_speech_prob, 3),
                                "rejected": transcript.rejected, "speculative": speculative}
        if early:
            meta["early_end"] = True
        if pieces:
            meta["pieces"] = pieces  # decoded while the caller spoke: the end decoded only the rest
        if decodes[0]:  # pause and final decodes (pieces not counted), and the pause decodes the caller went on after
            meta["decodes"], meta["dropped"] = decodes
        self.recorder.turn("caller", transcript.text, t_speech_end=self._pending_timing["t_speech_end"],
                           t_stt_final=self._pending_timing["t_stt_final"], meta=meta)
        if self.log_phi:
            _LOGGER.info("caller said: %s", transcript.text)
        return Heard(text=transcript.text, confidence=transcript.confidence, rejected=transcript.rejected)

