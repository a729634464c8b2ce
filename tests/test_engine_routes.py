"""The engine's route and service registry: explicit callables, checked against the dialplan at start-up.

A route the dialplan sends calls to but nobody serves (the old ``*77`` → a module never written), a served
route nothing reaches, or a malformed handler fails the engine's start with a clear error; a route whose
handler is still being written (``PENDING_ROUTES``) sends its callers to the fallback, never to silence.
"""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from appliance import routes, settings
from appliance.data import crm
from appliance.engine import Engine
from appliance.errors import ConfigError
from tests.fake_asterisk import run_call, silence
from tests.test_engine_contract import FakeModels, _free_port


def _config(tmp_path, **extra):
    return settings.load(overrides={"home": str(tmp_path), "agi_port": _free_port(),
                                    "audiosocket_port": _free_port(), "background_services": False, **extra},
                         env={})


async def _handler(engine, agi) -> None:
    await agi.set_variable("DENTALCALL_NEXT", "hangup")


def test_the_shipped_registry_serves_every_route_of_the_shipped_dialplan(tmp_path):
    dialplan = routes.dialplan_routes()
    assert {"inbound", "outbound", "prompts"} <= dialplan  # read from dialplan/extensions.conf.in
    served = set(routes.ROUTES) | set(routes.BUILTIN_ROUTES)
    assert dialplan - served == set(routes.PENDING_ROUTES), "a dialplan route nobody serves"
    Engine(_config(tmp_path), speech=FakeModels()).check()  # no error


async def test_an_unknown_route_fails_start_up(tmp_path):
    engine = Engine(_config(tmp_path), speech=FakeModels(), routes={}, pending_routes={})
    with pytest.raises(ConfigError, match=r"route\(s\) outbound, prompts that the engine does not serve"):
        await engine.start()
    assert engine.agi_server is None  # nothing listens: Asterisk's own fallback keeps taking the calls
    typo = Engine(_config(tmp_path), speech=FakeModels(),
                  routes={**routes.ROUTES, "outbund": _handler})
    with pytest.raises(ConfigError, match="outbund are served but the dialplan .* never sends a call there"):
        await typo.start()


async def test_a_malformed_route_or_service_fails_start_up(tmp_path):
    def not_async(engine, agi) -> None:
        pass

    async def one_argument(agi) -> None:
        pass

    with pytest.raises(ConfigError, match="'outbound'.*not an async function"):
        Engine(_config(tmp_path), speech=FakeModels(), routes={"outbound": not_async}).check()
    with pytest.raises(ConfigError, match="'outbound'.*must take 2 argument"):
        Engine(_config(tmp_path), speech=FakeModels(), routes={"outbound": one_argument}).check()
    with pytest.raises(ConfigError, match="service 'sms'.*must take 1 argument"):
        Engine(_config(tmp_path), speech=FakeModels(), services={"sms": _handler}).check()


def test_serve_exits_with_the_error_when_a_route_is_missing(tmp_path):
    """`dentalcall serve` (what systemd runs) stops at once with the reason, before loading any model."""
    code = ("import sys; from appliance import routes; routes.ROUTES.clear(); sys.argv = ['dentalcall', 'serve'];"
            "from appliance.cli import main; main()")
    env = {"DENTALCALL_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": sys.path[0]}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "does not serve" in done.stderr and "outbound" in done.stderr, done.stderr[-2000:]


async def test_a_pending_route_sends_the_caller_to_the_fallback(tmp_path):
    config = _config(tmp_path)
    engine = Engine(config, speech=FakeModels())
    await engine.start()
    try:
        call = await run_call(config.agi_port, silence(1.0), script="prompts", timeout=10)
    finally:
        await engine.stop()
        crm.database.close()
    assert call.variables["DENTALCALL_NEXT"] == "fallback"  # the dialplan plays the apology, then staff


async def test_a_route_gets_the_engine_and_the_call(tmp_path):
    seen = []

    async def outbound(engine, agi) -> None:
        worker = await engine.off_loop(lambda: threading.current_thread().name)  # blocking work: not on the loop
        seen.append((engine.clinic.facts.name if engine.clinic.facts else None, agi.uniqueid, worker))
        await agi.set_variable("DENTALCALL_NEXT", "hangup")

    config = _config(tmp_path)
    engine = Engine(config, speech=FakeModels(), routes={"outbound": outbound})
    await engine.start()
    try:
        call = await run_call(config.agi_port, silence(0.5), script="outbound", uniqueid="1700000000.9")
    finally:
        await engine.stop()
        crm.database.close()
    assert call.variables["DENTALCALL_NEXT"] == "hangup" and seen and seen[0][1] == "1700000000.9"
    assert seen[0][2].startswith("dialog") and seen[0][2] != threading.current_thread().name
