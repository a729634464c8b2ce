"""Test tiers: every test that needs Asterisk, sipp, a model or a database server is marked ``e2e``
(database servers also ``db``), so ``pytest -m "not e2e"`` is the quick unit tier. The README's test command
runs both tiers.

Marks come from what a test uses, so a new test is tiered without anyone remembering to: the shared fixtures
of ``tests/plugins/`` (a real Asterisk instance, the live engine, the PostgreSQL/MariaDB EMR), plus the
fixtures and tests listed below that load a model or run sipp on their own. ``test_e2e_*`` files mark
themselves as well.
"""

from __future__ import annotations

from typing import Any

import pytest

# fixtures of tests/plugins that start real parts
E2E_FIXTURES = {
    "asterisk_instance": "a real Asterisk",
    "live_engine": "the engine with its models",
    "engine_running": "the engine with its models",
    "db_servers": "PostgreSQL/MariaDB servers",
}
DB_SERVERS = {"postgresql", "mysql"}  # emr_db params that need a server (sqlite does not)

# module-local fixtures that load a model, per test file
MODEL_FIXTURES = {
    "tests/test_stt_whisper.py": {"stt_config", "whisper"},  # installs and loads Whisper
    "tests/test_stt_cli.py": {"home"},  # installs Whisper into a test home
    "tests/test_stt_worker.py": {"worker", "config"},  # Whisper in the worker process
    "tests/test_stt_vosk.py": {"vosk_stt"},
    "tests/test_voice_piper.py": {"voice", "tts"},  # a piper voice model
}
# whole files, or single tests, that need real parts without a fixture saying so
NEEDS = {
    "tests/test_sipp_asterisk.py": "Asterisk and sipp",
    "tests/test_llm_worker.py": "the LLM model",
    "tests/test_sipp_decoder.py::test_sipp_to_sipp_capture_is_bit_exact": "sipp",
    "tests/test_sipp_decoder.py::test_handle_and_async_variant": "sipp",
    "tests/test_sipp_decoder.py::test_far_end_hangs_up_during_a_pause": "sipp",
}


def needs(item: Any) -> tuple[str | None, bool]:
    """(what real part the test needs, or None; whether it is a database server)."""
    path, _, name = item.nodeid.partition("::")
    base = name.split("[", 1)[0]
    params = getattr(getattr(item, "callspec", None), "params", {})
    if params.get("emr_db") in DB_SERVERS:
        return f"the {params['emr_db']} server", True
    fixtures = set(getattr(item, "fixturenames", ()))
    for fixture, what in E2E_FIXTURES.items():
        if fixture in fixtures and fixture != "db_servers":
            return what, False
    if fixtures & MODEL_FIXTURES.get(path, set()):
        return "a model", False
    for key in (path, f"{path}::{base}"):
        if key in NEEDS:
            return NEEDS[key], False
    return None, False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        what, db = needs(item)
        if what is None:
            continue
        if item.get_closest_marker("e2e") is None:
            item.add_marker(pytest.mark.e2e)
        if db and item.get_closest_marker("db") is None:
            item.add_marker(pytest.mark.db)
