"""The engine's FastAGI routes and background services: one explicit registry of callables.

A **route** is ``async def route(engine, agi)``: the dialplan sends a call to it with
``AGI(agi://127.0.0.1:<agi_port>/<name>)``. A **service** is ``async def service(engine)``, kept running
(restarted after a crash) while the engine runs. Both get the engine's public view (:class:`EngineView`):
the settings, the clinic context, ``converse`` and the call log — never private state.

Adding one is one import and one line below. The engine refuses to start when the dialplan sends calls to a
route nobody serves, or a route is served that nothing sends calls to (``check_routes``): a ``*77`` that points
at a module never written cannot go unnoticed. ``PENDING_ROUTES`` lists, with the reason, the dialplan routes
whose handler is being written; their calls get the apology and the fallback to staff, like any engine failure.
"""

from __future__ import annotations

import asyncio
import inspect
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Mapping, Protocol, TypeVar

from appliance.data.calllog import CallLog
from appliance.errors import ConfigError
from appliance.ops.monitor import run_health_monitor
from appliance.outbound.calls import handle_outbound
from appliance.outbound.dialer import run_dialer
from appliance.privacy.retention import run_daily as run_retention
from appliance.sms.sender import run_sms_sender
from appliance.speech.prompt_recording import handle_prompts
from appliance.settings import Config
from appliance.telephony.fastagi import AgiChannel

if TYPE_CHECKING:
    from appliance.clinic import Clinic
    from appliance.conversation.actions import Dialog

T = TypeVar("T")


class EngineView(Protocol):
    """What routes and services may use of the engine."""

    config: Config
    stopping: asyncio.Event

    @property
    def clinic(self) -> Clinic: ...

    @property
    def calls_in_progress(self) -> int: ...

    async def off_loop(self, work: Callable[..., T], *args: Any) -> T:
        """Run blocking work (SQL, the EMR) in the engine's pool, never on the loop that paces the audio."""
        ...

    async def open_call(self, direction: str, **fields: Any) -> CallLog:
        """The call's row in the call log, created off the audio loop."""
        ...

    async def converse(self, agi: AgiChannel, log: CallLog, dialog: Dialog) -> str:
        """Run the dialog over the call's audio; hands the call back to the dialplan; returns the outcome."""
        ...


Route = Callable[[Any, AgiChannel], Awaitable[None]]  # (engine: EngineView, agi)
Service = Callable[[Any], Awaitable[None]]  # (engine: EngineView)

BUILTIN_ROUTES = ("inbound", "health")  # the engine's own: the receptionist, and `dentalcall doctor`'s probe
INTERNAL_ROUTES = frozenset({"health"})  # called by `dentalcall doctor`, not by the dialplan

ROUTES: dict[str, Route] = {
    "outbound": handle_outbound,  # a campaign call the dialer placed was answered
    "prompts": handle_prompts,  # *77 on a staff phone: record the clinic's voice, item by item
}
SERVICES: dict[str, Service] = {
    "dialer": run_dialer,  # campaign calls (AMI Originate) within the calling windows
    "retention": run_retention,  # daily purge of every kind of personal data past its retention
    "sms": run_sms_sender,  # text messages: the outbox sender, replies, reminder/voicemail sweeps
    "health": run_health_monitor,  # alerts for staff: trunk registration lost, EMR unreachable, disk filling
}
PENDING_ROUTES: dict[str, str] = {}

_AGI_TARGET = re.compile(r"AGI\(agi://127\.0\.0\.1:\{\{agi_port\}\}/(\w+)")


def dialplan_routes(template_dir: Path | None = None) -> set[str]:
    """The FastAGI routes the shipped dialplan sends calls to (``dialplan/extensions.conf.in``)."""
    if template_dir is None:
        from appliance.telephony.asterisk import TEMPLATE_DIR

        template_dir = TEMPLATE_DIR
    text = (template_dir / "extensions.conf.in").read_text(encoding="utf-8")
    return set(_AGI_TARGET.findall(text))


def check_routes(served: Mapping[str, Route], dialplan: set[str], pending: Mapping[str, str]) -> None:
    """Raise ``ConfigError`` unless every dialplan route is served (or pending, with its reason) and every
    served route is reached by the dialplan (or internal); every handler must be an async function."""
    names = set(served) | set(BUILTIN_ROUTES)
    missing = sorted(dialplan - names - set(pending))
    if missing:
        raise ConfigError(f"the dialplan sends calls to FastAGI route(s) {', '.join(missing)} that the engine "
                          f"does not serve; register the handler in appliance/routes.py ROUTES "
                          f"(served: {', '.join(sorted(names))})")
    unreached = sorted(names - dialplan - INTERNAL_ROUTES)
    if unreached:
        raise ConfigError(f"FastAGI route(s) {', '.join(unreached)} are served but the dialplan "
                          f"(dialplan/extensions.conf.in) never sends a call there")
    both = sorted(set(served) & set(pending))
    if both:
        raise ConfigError(f"route(s) {', '.join(both)} are served: delete them from PENDING_ROUTES")
    for name, handler in served.items():
        check_callable(f"route {name!r}", handler, 2)


def check_callable(what: str, handler: Any, arity: int) -> None:
    """A registered route/service must be an ``async def`` taking ``arity`` positional arguments."""
    if not inspect.iscoroutinefunction(handler):
        raise ConfigError(f"{what}: {handler!r} is not an async function")
    try:
        inspect.signature(handler).bind(*range(arity))
    except TypeError:
        raise ConfigError(f"{what}: {handler.__qualname__} must take {arity} argument(s)") from None
