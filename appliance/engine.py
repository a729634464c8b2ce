"""The call engine: one long-running process holding FastAGI, AudioSocket, the speech runtime, the clinic
context and the background services (the dialer).

At start: the CRM opened, the speech runtime loaded, the clinic context built (facts, one EMR connector, caller
lookup, clock, LLM fallback), the routes checked against the dialplan (an unserved route fails the start),
then FastAGI and AudioSocket listen on 127.0.0.1. Per call only light objects are made (a dialog, an
endpointer). Every failure inside a call ends with ``DENTALCALL_NEXT`` set so the dialplan takes the caller
to staff or voicemail — and if this process dies, the dialplan's own fallback does the same.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any, Callable, Mapping, TypeVar

from appliance import routes as registry
from appliance.calls.end_of_turn import EndOfTurnPolicy
from appliance.calls.pipeline import CallPipeline
from appliance.calls.speech import Speech, SpeechRuntime
from appliance.clinic import Clinic
from appliance.conversation.actions import Dialog
from appliance.conversation.factory import inbound_dialog
from appliance.conversation.outcomes import NextStep, Outcome
from appliance.data import crm
from appliance.data.calllog import CallLog
from appliance.data.clinic.facts import refusal_for_calls
from appliance.errors import CallerHungUp
from appliance.ops import drain
from appliance.settings import Config
from appliance.telephony.fastagi import AgiChannel, SafeApplication, start_server

_LOGGER = logging.getLogger(__name__)
T = TypeVar("T")

MAX_CALL_SECONDS = 900  # the dialplan watchdog, re-armed by the engine as soon as it takes a call
SERVICE_RESTART_S = 5.0

DialogFactory = Callable[[AgiChannel, "int | None"], Dialog]  # (the call, its call-log id) -> dialog


class Engine:
    def __init__(self, config: Config, *, speech: Speech | None = None, clinic: Clinic | None = None,
                 dialog_factory: DialogFactory | None = None,
                 routes: Mapping[str, registry.Route] | None = None,
                 services: Mapping[str, registry.Service] | None = None,
                 pending_routes: Mapping[str, str] | None = None, dialplan_routes: set[str] | None = None,
                 end_of_turn: EndOfTurnPolicy | None = None):
        self.config = config
        self.speech: Speech = speech or SpeechRuntime(config)
        self.pipeline = CallPipeline(config, self.speech, end_of_turn=end_of_turn)
        self.dialog_factory: DialogFactory = dialog_factory or self._inbound_dialog
        self.routes = dict(registry.ROUTES if routes is None else routes)
        self.services_registry = dict(registry.SERVICES if services is None else services)
        self.pending_routes = dict(registry.PENDING_ROUTES if pending_routes is None else pending_routes)
        self._dialplan_routes = dialplan_routes
        self._clinic = clinic
        self.agi_server: asyncio.AbstractServer | None = None
        self.app: SafeApplication | None = None
        self.stopping = asyncio.Event()
        self.services: dict[str, asyncio.Task[None]] = {}
        self._recording: set[str] = set()  # calls whose recording started (until their dialog is built)

    @property
    def clinic(self) -> Clinic:
        """The clinic context (facts, the one EMR connector, lookup, clock, LLM fallback); built at start."""
        if self._clinic is None:
            raise RuntimeError("the engine has not started: no clinic context yet")
        return self._clinic

    @property
    def calls_in_progress(self) -> int:
        return self.pipeline.calls_in_progress

    # --- lifecycle ------------------------------------------------------------
    def check(self) -> None:
        """Fail loudly (``ConfigError``) on a route or service that is missing, unreached or malformed."""
        dialplan = registry.dialplan_routes() if self._dialplan_routes is None else self._dialplan_routes
        registry.check_routes(self.routes, dialplan, self.pending_routes)
        for name, service in self.services_registry.items():
            registry.check_callable(f"service {name!r}", service, 1)

    async def start(self) -> None:
        self.check()
        crm.open_for(self.config)  # before any call: nothing to keep waiting yet
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self.speech.load)
        if self._clinic is None:
            self._clinic = await loop.run_in_executor(None, Clinic.build, self.config)
        self.app = SafeApplication()
        self.app.add_channel_route("inbound", self.handle_inbound)
        self.app.add_channel_route("health", self.handle_health)
        for name, handler in self.routes.items():
            self.app.add_channel_route(name, _bind(handler, self))
        for name, reason in self.pending_routes.items():
            _LOGGER.error("FastAGI route %r is not available yet (%s): its calls get the fallback", name, reason)
            self.app.add_channel_route(name, _unavailable(name, reason))
        if self.config.background_services:
            for name, service in self.services_registry.items():
                self.services[name] = asyncio.create_task(_supervise(name, service, self))
        await self.pipeline.start()
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
        self.stopping.set()
        for task in self.services.values():
            task.cancel()
        if self.agi_server:
            self.agi_server.close()
        await self.pipeline.stop()
        await asyncio.get_running_loop().run_in_executor(None, self.speech.close)
        if self._clinic is not None:
            self._clinic.close()

    # --- AGI routes -----------------------------------------------------------
    async def handle_health(self, agi: AgiChannel) -> None:
        """`dentalcall doctor` sends a real AGI environment here and answers one command."""
        await agi.get_variable("DENTALCALL_HEALTH")

    def _inbound_dialog(self, agi: AgiChannel, call_id: int | None) -> Dialog:
        return inbound_dialog(self.clinic, agi, call_id=call_id, can_say=self.speech.can_say,
                              recorded=agi.uniqueid in self._recording)

    async def handle_inbound(self, agi: AgiChannel) -> None:
        if drain.is_draining(self.config):  # ops hook: a restart waits for live calls; new ones go to staff
            await agi.set_variable("DENTALCALL_NEXT", NextStep.TRANSFER)
            return
        # re-arm the dialplan watchdog first: proves the engine is alive within engine_answer_timeout
        await agi.exec("Set", f"TIMEOUT(absolute)={MAX_CALL_SECONDS}")
        log = await self.open_call("inbound", uniqueid=agi.uniqueid, channel=agi.channel,
                                   caller=agi.caller_number, called=agi.env.get("agi_dnid", ""))
        _LOGGER.info("call %s: inbound call started (log id %s)", agi.uniqueid, log.call.id)
        refusal = await self.off_loop(refusal_for_calls, self.config)
        if refusal:  # never answer callers with missing, demo or example clinic facts: staff or voicemail
            _LOGGER.error("call %s: refused, the clinic facts cannot answer callers: %s", agi.uniqueid, refusal)
            await agi.set_variable("DENTALCALL_NEXT", NextStep.FALLBACK)
            self.pipeline.writer.submit(log.finish, Outcome.FAILED, next_step=NextStep.FALLBACK,
                                        error=f"clinic facts: {refusal}")
            return
        if await self.start_recording(agi, log):
            self._recording.add(agi.uniqueid)
        try:
            dialog = await self.pipeline.dialog_step(self.dialog_factory, agi, log.call.id)
        finally:
            self._recording.discard(agi.uniqueid)
        await self.converse(agi, log, dialog)

    async def off_loop(self, work: Callable[..., T], *args: Any) -> T:
        """Run blocking work of a route or service (SQL, the EMR) in the dialog pool, never on the audio loop."""
        return await self.pipeline.dialog_step(work, *args)

    async def open_call(self, direction: str, **fields: Any) -> CallLog:
        """The call's row in the call log, written off the audio loop (``CallLog(direction, ...)`` fields)."""
        return await self.pipeline.writer.open_call(direction, **fields)

    async def start_recording(self, agi: AgiChannel, log: CallLog) -> bool:
        """Record the call (both directions mixed); a failure never stops the call. True when it runs, so the
        greeting's recording notice is said only then."""
        if not self.config.record_calls:
            return False
        from appliance.data import recordings

        path = recordings.path_for(self.config, agi.uniqueid)
        try:
            await agi.exec("MixMonitor", str(path))
            self.pipeline.writer.submit(log.update, recording_path=str(path))
            return True
        except CallerHungUp:
            raise
        except Exception:
            _LOGGER.warning("call %s: recording could not start", agi.uniqueid)
            return False

    async def converse(self, agi: AgiChannel, log: CallLog, dialog: Dialog) -> str:
        """Run ``dialog`` over the call's audio; the call always goes back to the dialplan with
        ``DENTALCALL_NEXT`` set. Returns the outcome that was logged (see ``calls.pipeline``)."""
        return await self.pipeline.converse(agi, log, dialog)


def _bind(handler: registry.Route, engine: Engine) -> Callable[[AgiChannel], Any]:
    async def route(agi: AgiChannel) -> None:
        await handler(engine, agi)

    return route


def _unavailable(name: str, reason: str) -> Callable[[AgiChannel], Any]:
    """A dialplan route whose handler is not written yet: say so in the log, send the caller to the fallback."""

    async def route(agi: AgiChannel) -> None:
        _LOGGER.error("call %s: FastAGI route %r is not available (%s); fallback", agi.uniqueid, name, reason)
        await agi.set_variable("DENTALCALL_NEXT", NextStep.FALLBACK)

    return route


async def _supervise(name: str, service: registry.Service, engine: Engine) -> None:
    """Keep a background service running; a crash is logged and the service restarted after a pause."""
    while not engine.stopping.is_set():
        try:
            await service(engine)
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            _LOGGER.exception("background service %s crashed; restarting in %.0f s", name, SERVICE_RESTART_S)
            await asyncio.sleep(SERVICE_RESTART_S)
