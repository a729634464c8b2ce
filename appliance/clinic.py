"""The clinic context: what every call handler needs to know about the clinic, built once at engine start.

One ``Clinic`` per engine process holds the clinic facts, the **one** EMR connector (so one outage state:
when the EMR stops answering, inbound and outbound calls alike stop waiting for it), the caller lookup cache,
the clinic's clock and the LLM intent fallback. Handlers get it as ``engine.clinic``; a call gets its own
``Backend`` view with ``clinic.backend(call_id)``.

Nothing here fails the engine's start: a clinic facts file that does not load leaves ``facts`` None (with
``facts_error``; inbound calls then get the basic dialog, the dialer stays idle), an EMR that cannot be set
up leaves ``emr`` None (callers unknown, bookings become requests), a missing LLM leaves the rules alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import TYPE_CHECKING, Callable
from zoneinfo import ZoneInfo

from appliance.errors import ConfigError
from appliance.settings import Config

if TYPE_CHECKING:
    from appliance.conversation.backend import Backend
    from appliance.data.clinic.facts import Facts
    from appliance.data.emr.connector import EMR
    from appliance.data.emr.lookup import CallerLookup

_LOGGER = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]  # naive local (clinic time zone) datetime, like the EMR's
LlmFallback = Callable[[str], "str | None"]  # text -> intent label, or None (timed out / unsure)
LOOKUP_BUDGET_S = 1.0  # a caller lookup never holds the greeting longer than this


@dataclasses.dataclass
class Clinic:
    config: Config
    facts: Facts | None
    emr: EMR | None = None
    lookup: CallerLookup | None = None
    clock: Clock = dt.datetime.now
    llm_fallback: LlmFallback | None = None
    facts_error: str | None = None  # why ``facts`` is None
    texts: bool = False  # a text-message gateway is set up (sms.enabled): the receptionist may offer texts

    @classmethod
    def build(cls, config: Config, *, clock: Clock | None = None, llm: bool = True) -> Clinic:
        """Load the facts, set up the EMR connector and caller lookup, the clock and (``llm``) the LLM
        fallback. Slow parts (the LLM worker starts) belong off the event loop: call it in an executor."""
        from appliance.data.clinic import facts as factslib

        facts: Facts | None = None
        facts_error: str | None = None
        try:
            facts = factslib.load_for(config)
        except Exception as exc:  # e.g. an invalid clinic facts file: calls still reach staff
            facts_error = f"{type(exc).__name__}: {exc}"
            _LOGGER.error("clinic facts unavailable (%s): basic inbound dialog, no campaign calls", facts_error)
        emr, lookup = _emr(config)
        from appliance import sms

        return cls(config=config, facts=facts, emr=emr, lookup=lookup,
                   clock=clock or local_clock(config.timezone),
                   llm_fallback=_llm_fallback(config) if llm else None, facts_error=facts_error,
                   texts=sms.enabled(config))

    def backend(self, call_id: int | None) -> Backend:
        """One call's view of the clinic for a dialog (its own call id and EMR-down flag)."""
        from appliance.conversation.backend import Backend

        if self.facts is None:
            raise ConfigError(f"clinic facts unavailable: {self.facts_error}")
        return Backend(self.facts, emr=self.emr, lookup=self.lookup, call_id=call_id, texts=self.texts)

    def close(self) -> None:
        if self.lookup is not None:
            self.lookup.close()


def local_clock(timezone: str) -> Clock:
    """Now in the clinic's time zone, naive and to the second (like the EMR's datetimes)."""
    zone = ZoneInfo(timezone)

    def now() -> dt.datetime:
        return dt.datetime.now(zone).replace(tzinfo=None, microsecond=0)

    return now


def _emr(config: Config) -> tuple[EMR | None, CallerLookup | None]:
    if not config.emr_url:
        return None, None
    try:
        from appliance.data.emr.connector import EMR
        from appliance.data.emr.lookup import CallerLookup

        emr = EMR.from_config(config)
        return emr, CallerLookup(emr, ttl=float(config.caller_cache_ttl), budget=LOOKUP_BUDGET_S)
    except Exception as exc:  # an EMR that cannot be set up must not stop the phones
        _LOGGER.warning("EMR not usable (%s): callers unknown, bookings become requests", exc)
        return None, None


def _llm_fallback(config: Config) -> LlmFallback | None:
    try:
        from appliance.llm.intent import make_fallback

        return make_fallback(config)
    except Exception:
        _LOGGER.warning("LLM intent fallback unavailable; rules only", exc_info=True)
        return None
