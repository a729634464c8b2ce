"""The call engine: one long-running process holding FastAGI, AudioSocket, AMI and the loaded models.

Models are loaded once at start; per call only light objects are made (a dialog, an endpointer state).
Every failure inside a call ends with ``DENTALCALL_NEXT`` set so the dialplan takes the caller to staff or
voicemail — and if this process dies, the dialplan's own fallback does the same.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import signal
import time
import uuid as uuidlib
from typing import Any, Callable

from appliance.conversation import outcomes
from appliance.conversation.actions import Say
from appliance.conversation.inbound import InboundDialog
from appliance.data import crm
from appliance.data.calllog import CallLog
from appliance.errors import CallerHungUp
from appliance.ops import drain
from appliance.settings import Config
from appliance.telephony.audiosocket import AudioSocketServer
from appliance.telephony.call_runner import CallRunner
from appliance.telephony.fastagi import AgiChannel, SafeApplication, start_server

_LOGGER = logging.getLogger(__name__)

# Extra AGI routes and background services, each owned by its layer: "module:function".
# A route handler is ``async def handler(engine, agi)``; a service is ``async def service(engine)``.
ROUTES = {
    "outbound": "appliance.outbound.calls:handle_outbound",
    "prompts": "appliance.speech.prompt_recording:handle_prompts",
}
SERVICES = {
    "dialer": "appliance.outbound.dialer:run_dialer",
    "recordings": "appliance.data.recordings:run_purger",
    "sms": "appliance.sms.sender:run_sms_sender",  # text messages: outbox sender, replies, sweeps
    "health": "appliance.ops.monitor:run_health_monitor",  # alerts: trunk registration, EMR reachable, disk
}
INBOUND_DIALOG = "appliance.conversation.factory:inbound_dialog"  # (engine, agi) -> dialog

MAX_CALL_SECONDS = 900  # the dialplan watchdog, re-armed by the engine as soon as it takes a call
AUDIOSOCKET_CONNECT_TIMEOUT_S = 5.0
DIALOG_THREADS = 8  # concurrent dialog steps; a clinic box carries a handful of calls at once


class Models:
    """The speech models, loaded once. Built lazily by layer so a missing one is a clear error.

    STT runs in its own supervised process (``SttWorker``): a crashed or hung decode fails that request fast
    (the call falls back to staff/voicemail) and the worker is restarted in the background."""

    def __init__(self, config: Config):
        self.config = config
        self.transcriber: Any = None  # the SttWorker (same transcribe() signature as a Transcriber)
        self.voice: Any = None
        self.errors: dict[str, str] = {}

    def load(self) -> None:
        from appliance.speech.stt.worker import SttWorker
        from appliance.speech.voice import Voice

        t0 = time.monotonic()
        self.transcriber = SttWorker(self.config)
        self.transcriber.start(wait=False)  # loads (and warms up) in its own process meanwhile
        self.voice = Voice(self.config)
        self.voice.warm()  # recordings into memory, piper started, fixed phrases pre-rendered
        self.transcriber.wait_ready()
        _LOGGER.info("models loaded in %.1f s", time.monotonic() - t0)

    def speak(self, action: Say) -> bytes:
        return self.voice.render(action.key if action.key else action.text)

    def transcribe(self, pcm: bytes, hints: list[str]) -> Any:
        return self.transcriber.transcribe(pcm, 8000, hints=hints or None)

    def close(self) -> None:
        if self.transcriber is not None:
            self.transcriber.close()

    def new_endpointer(self) -> Any:
        from appliance.speech.endpointer import Endpointer

        return Endpointer.from_config(self.config)

    def ack(self) -> bytes:
        return self.voice.render("ack")


class Engine:
    def __init__(self, config: Config, models: Models | None = None,
                 dialog_factory: Callable[[AgiChannel], Any] | None = None):
        self.config = config
        self.models = models or Models(config)
        self.audiosocket = AudioSocketServer()
        self.agi_server: asyncio.AbstractServer | None = None
        self.app: SafeApplication | None = None
        self.stt_pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt")
        # dialog steps (EMR queries, the LLM fallback) run here, never on the loop that carries the audio
        self.dialog_pool = concurrent.futures.ThreadPoolExecutor(max_workers=DIALOG_THREADS,
                                                                 thread_name_prefix="dialog")
        self.dialog_factory = dialog_factory or self._inbound_dialog
        self.stopping = asyncio.Event()
        self.calls_in_progress = 0
        self.services: dict[str, asyncio.Task] = {}

    # --- lifecycle ------------------------------------------------------------
    async def start(self) -> None:
        crm.open_for(self.config)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self.models.load)
        self.app = SafeApplication()
        self.app.add_channel_route("inbound", self.handle_inbound)
        self.app.add_channel_route("health", self.handle_health)
        for name, target in ROUTES.items():
            handler = _optional(target)
            if handler is not None:
                self.app.add_channel_route(name, _bind(handler, self))
        if self.config.background_services:
            for name, target in SERVICES.items():
                service = _optional(target)
                if service is not None:
                    self.services[name] = asyncio.create_task(_supervise(name, service, self))
        await self.audiosocket.start("127.0.0.1", self.config.audiosocket_port)
        self.agi_server = await start_server(self.app, "127.0.0.1", self.config.agi_port)
        _LOGGER.info("engine ready: FastAGI 127.0.0.1:%s, AudioSocket 127.0.0.1:%s",
                     self.config.agi_port, self.config.audiosocket_port)

    async def serve_forever(self) -> None:
        from appliance.ops.engine_hooks import ServeHooks

        ops = ServeHooks(self)  # ops hook: pid file, restart alert, systemd READY/watchdog pings
        await self.start()
        ops.ready()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, self.stopping.set)
            except NotImplementedError:  # pragma: no cover
                pass
        await self.stopping.wait()
        ops.stopping()
        await self.stop()
        ops.stopped()

    async def stop(self) -> None:
        for task in self.services.values():
            task.cancel()
        if self.agi_server:
            self.agi_server.close()
        await self.audiosocket.stop()
        self.stt_pool.shutdown(wait=False, cancel_futures=True)
        self.dialog_pool.shutdown(wait=False, cancel_futures=True)
        close = getattr(self.models, "close", None)
        if close is not None:
            await asyncio.get_running_loop().run_in_executor(None, close)

    # --- AGI routes -----------------------------------------------------------
    async def handle_health(self, agi: AgiChannel) -> None:
        """`dentalcall doctor` sends a real AGI environment here and answers one command."""
        await agi.get_variable("DENTALCALL_HEALTH")

    def _inbound_dialog(self, agi: AgiChannel) -> Any:
        factory = _optional(INBOUND_DIALOG)
        if factory is not None:
            return factory(self, agi)
        return InboundDialog(clinic_name=self.config.clinic_name)

    async def handle_inbound(self, agi: AgiChannel) -> None:
        if drain.is_draining(self.config):  # ops hook: a restart waits for live calls; new ones go to staff
            await agi.set_variable("DENTALCALL_NEXT", "transfer")
            return
        # re-arm the dialplan watchdog first: proves the engine is alive within engine_answer_timeout
        await agi.exec("Set", f"TIMEOUT(absolute)={MAX_CALL_SECONDS}")
        log = CallLog("inbound", uniqueid=agi.uniqueid, channel=agi.channel, caller=agi.caller_number,
                      called=agi.env.get("agi_dnid", ""))
        _LOGGER.info("call %s: inbound call started (log id %s)", agi.uniqueid, log.call.id)
        # --- clinic facts guard (issue 11 item 6, privacy branch): never answer with missing or demo facts ---
        from appliance.data.clinic.facts import refusal_for_calls

        refusal = refusal_for_calls(self.config)
        if refusal:
            _LOGGER.error("call %s: refused, the clinic facts cannot answer callers: %s", agi.uniqueid, refusal)
            await agi.set_variable("DENTALCALL_NEXT", "fallback")
            log.finish(outcomes.FAILED, next_step="fallback", error=f"clinic facts: {refusal}")
            return
        # --- end of the clinic facts guard ---
        await self.start_recording(agi, log)
        await self.converse(agi, log, await self._dialog_step(self.dialog_factory, agi))

    async def _dialog_step(self, step: Callable[..., Any], *args: Any) -> Any:
        """Dialog work (building a dialog, hang-up handling) may query the EMR: run it off the audio loop."""
        return await asyncio.get_running_loop().run_in_executor(self.dialog_pool, step, *args)

    async def start_recording(self, agi: AgiChannel, log: CallLog) -> None:
        """Record the call as announced (both directions mixed); a failure never stops the call."""
        if not self.config.record_calls:
            return
        from appliance.data import recordings

        path = recordings.path_for(self.config, agi.uniqueid)
        try:
            await agi.exec("MixMonitor", str(path))
            log.update(recording_path=str(path))
        except CallerHungUp:
            raise
        except Exception:
            _LOGGER.warning("call %s: recording could not start", agi.uniqueid)

    async def converse(self, agi: AgiChannel, log: CallLog, dialog: Any) -> str:
        """Run ``dialog`` over the call's AudioSocket stream; always hand the call back to the dialplan with
        ``DENTALCALL_NEXT`` set (``fallback`` on any failure). Returns the outcome that was logged."""
        self.calls_in_progress += 1
        next_step, outcome, error, summary = "fallback", outcomes.FAILED, None, ""
        stream = None
        uuid = str(uuidlib.uuid4())
        exec_task: asyncio.Task | None = None
        try:
            future = self.audiosocket.expect(uuid)
            exec_task = asyncio.create_task(agi.exec("AudioSocket", f"{uuid},127.0.0.1:{self.config.audiosocket_port}"))
            done, _ = await asyncio.wait({future, exec_task}, timeout=AUDIOSOCKET_CONNECT_TIMEOUT_S,
                                         return_when=asyncio.FIRST_COMPLETED)
            if future not in done:
                if exec_task in done:
                    exec_task.result()  # raises CallerHungUp if the caller is gone
                raise RuntimeError("AudioSocket did not connect")
            stream = future.result()
            runner = CallRunner(stream, log, speak=self.models.speak, transcribe=self.models.transcribe,
                                new_endpointer=self.models.new_endpointer, log_phi=self.config.log_phi,
                                stt_executor=self.stt_pool, ack=getattr(self.models, "ack", None),
                                end_ms=int(self.config.endpoint_end_ms), dialog_executor=self.dialog_pool)
            end = await runner.run(dialog)
            next_step, outcome, summary = end.next, end.outcome, end.summary or ""
            log.update(meta={**(log.call.meta or {}), "summary": end.summary,
                             "events": [e.__dict__ for e in getattr(dialog, "events", [])]})
            await stream.close()
            await asyncio.wait_for(exec_task, 5)
        except CallerHungUp:
            next_step, outcome = "hangup", outcomes.CALLER_HUNG_UP
            try:  # let the dialog keep what the caller started (e.g. a callback for a half-made booking)
                if hasattr(dialog, "on_hangup"):
                    await self._dialog_step(dialog.on_hangup)
                log.update(meta={**(log.call.meta or {}),
                                 "events": [e.__dict__ for e in getattr(dialog, "events", [])]})
            except Exception:
                _LOGGER.exception("call %s: dialog hang-up handling failed", agi.uniqueid)
        except Exception as exc:  # the call must still reach a human: dialplan fallback
            _LOGGER.exception("call %s: engine failure, falling back to staff/voicemail", agi.uniqueid)
            error = f"{type(exc).__name__}: {exc}"
        finally:
            self.audiosocket.forget(uuid)
            if stream is not None:
                await stream.close()
            if exec_task is not None and not exec_task.done():
                try:
                    await asyncio.wait_for(exec_task, 3)
                except (asyncio.TimeoutError, CallerHungUp, Exception):
                    pass
            try:
                if not agi.hung_up:
                    if summary:  # the handover note staff see with a transferred call
                        await agi.set_variable("DENTALCALL_SUMMARY", summary)
                    await agi.set_variable("DENTALCALL_NEXT", next_step)
            except CallerHungUp:
                if outcome == outcomes.FAILED:
                    outcome = outcomes.CALLER_HUNG_UP
            except Exception:
                _LOGGER.exception("call %s: could not hand the call back to the dialplan", agi.uniqueid)
            if next_step == "voicemail" and outcome == outcomes.FAILED:
                outcome = outcomes.VOICEMAIL
            log.finish(outcome, next_step=next_step, error=error)
            self.calls_in_progress -= 1
            _LOGGER.info("call %s: ended outcome=%s next=%s", agi.uniqueid, outcome, next_step)
        return outcome


def _optional(target: str) -> Any:
    """The function at "module:attr", or None when that layer is not installed yet."""
    import importlib

    module_name, attr = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name and module_name.startswith(exc.name):
            return None
        raise
    return getattr(module, attr, None)


def _bind(handler: Callable[..., Any], engine: "Engine") -> Callable[[AgiChannel], Any]:
    async def route(agi: AgiChannel) -> None:
        await handler(engine, agi)

    return route


async def _supervise(name: str, service: Callable[..., Any], engine: "Engine") -> None:
    """Keep a background service running; a crash is logged and the service restarted after a pause."""
    while not engine.stopping.is_set():
        try:
            await service(engine)
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            _LOGGER.exception("background service %s crashed; restarting in 5 s", name)
            await asyncio.sleep(5)
