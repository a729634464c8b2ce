"""Shared by the dialer's tests (queue, dialing rules, the outbound e2e calls' clinic file): a CRM in a temporary
SQLite file, the settings the dialer is tested with, and a fake Originate that records whom it rang."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import pytest

from appliance.data import crm
from appliance.outbound import queue
from tests.unit_config import unit_config

WED_10 = dt.datetime(2026, 11, 25, 10, 0)


def all_day_clinic(extra: str = "") -> str:
    """The clinic file of the outbound e2e tests: open every day all day (a campaign may ring whenever the test
    runs), no holidays, one doctor, five chairs; ``extra`` adds TOML tables (booking rules, prices)."""
    days = "\n".join(f'{day} = "00:00-23:59"' for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    return (f'[clinic]\nname = "미소치과"\nphone = "02-555-0100"\n[hours]\n{days}\n[closed]\npublic_holidays = false\n'
            f'dates = []\n{extra}[[doctors]]\nname = "김민호"\nemr_id = "1"\n[chairs]\ncount = 5\n')


@pytest.fixture
def crm_store(tmp_path: Any) -> Any:
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    queue.ensure_tables()
    yield
    crm.database.close()


def dialer_config(**kw: Any) -> Any:
    """The settings' defaults (4 lines, 1 kept free, 2 outbound at most, ...) with two quick retries."""
    return unit_config(**{"outbound_retry_minutes": "30,120", **kw})


class FakeOriginate:
    """Answers each call with the next of ``results`` (then "answered"), or never (``block``). ``calls``: the task
    ids rung, in order; ``attempts``: their attempt ids."""

    def __init__(self, *results: str, block: bool = False):
        self.results = list(results)
        self.calls: list[int] = []
        self.attempts: list[int] = []
        self.block = block

    async def __call__(self, task: Any, attempt: Any) -> str:
        self.calls.append(task.id)
        self.attempts.append(attempt.id)
        if self.block:
            await asyncio.Event().wait()
        return self.results.pop(0) if self.results else "answered"
