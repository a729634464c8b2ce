"""A hang-up while ``EXEC AudioSocket`` runs is the call's normal end: the pipeline settles that command's task so
asyncio never logs it as an ERROR "Task exception was never retrieved" (which staff would read as a fault)."""

from __future__ import annotations

import asyncio
import gc

from appliance.calls.pipeline import _settle
from appliance.errors import CallerHungUp


async def _hung_up() -> str:
    raise CallerHungUp("hung up")


def _unretrieved_errors(settle: bool) -> list[dict]:
    errors: list[dict] = []

    async def main() -> None:
        asyncio.get_running_loop().set_exception_handler(lambda _loop, context: errors.append(context))
        task = asyncio.create_task(_hung_up())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        assert task.done()
        if settle:
            await _settle(task)
        del task
        gc.collect()

    asyncio.run(main())
    return errors


def test_a_settled_exec_that_ended_in_a_hang_up_is_not_logged_as_an_error():
    assert _unretrieved_errors(settle=True) == []


def test_without_settling_asyncio_would_report_it():  # the check above can fail
    errors = _unretrieved_errors(settle=False)
    assert errors and "never retrieved" in errors[0]["message"]
