"""A stand-in for the engine's CRM writes, for the power-loss test (``python -m tests.ops_crash_writer``).

It writes the CRM through the engine's own code as fast as it can — inbound call rows, turns and opt-outs
(``CallLog``, ``crm_records``) and the real ``Dialer`` claiming, placing and finishing outbound calls — and
prints each write once it is committed ("acknowledged"). The test kills it with SIGKILL at random moments.

The trunk is a ledger file: every Originate appends a line (fsync'd) before the phone "rings"; an answered
callee is logged as a call like the engine's outbound route does. A placed channel stays "live" in Asterisk
for ``LIVE_S`` seconds, also across a crash (what a real Asterisk does when the engine dies mid-call).

    python -m tests.ops_crash_writer CRM_URL LEDGER EPOCH0 SEED
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import sys
import time

SPEED = 120.0  # one real second is two minutes on the dialer's clock: back-offs pass quickly
LIVE_S = 0.8
BASE = dt.datetime(2026, 11, 25, 10, 0)  # a Wednesday, clinic open


def ack(kind: str, value: object) -> None:
    print(f"{kind} {value}", flush=True)


def main(url: str, ledger: str, epoch0: float, seed: int) -> None:
    from appliance.data import crm, crm_records
    from appliance.data.calllog import CallLog
    from appliance.data.clinic import facts as factslib
    from appliance.outbound import queue
    from appliance.outbound.dialer import Dialer
    from tests.unit_config import unit_config

    rnd = random.Random(seed)
    crm.open_database(url)
    queue.ensure_tables()

    def clock() -> dt.datetime:
        return BASE + dt.timedelta(seconds=(time.time() - epoch0) * SPEED)

    placed: dict[str, float] = {}
    if os.path.exists(ledger):
        for line in open(ledger):
            if line.endswith("\n"):
                entry = json.loads(line)
                placed[entry["channel"]] = entry["at"]

    async def originate(task, attempt) -> str:
        with open(ledger, "a") as fh:
            fh.write(json.dumps({"task": task.id, "attempt": attempt.id, "channel": attempt.channel_id,
                                 "at": time.time()}) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        placed[attempt.channel_id] = time.time()
        await asyncio.sleep(rnd.uniform(0, 0.15))
        result = rnd.choice(["answered", "answered", "no_answer", "busy"])
        if result == "answered":  # the engine's outbound route: the call row, then the task's outcome
            queue.mark(attempt.id, queue.IN_CALL, clock())
            log = CallLog("outbound", uniqueid=attempt.channel_id, campaign=task.campaign)
            await asyncio.sleep(rnd.uniform(0, 0.1))
            log.finish("confirmed", next_step="hangup")
            queue.finish_attempt(attempt.id, queue.FINISHED, clock(), outcome="confirmed", call_id=log.call.id)
            ack("answered", task.id)
        return result

    async def live_channels() -> set[str]:
        now = time.time()
        return {channel for channel, at in placed.items() if now - at < LIVE_S}

    config = unit_config(sip_lines=8, outbound_max_channels=3, outbound_retry_minutes="1,1")
    dialer = Dialer(config, clock=clock, facts=factslib.load(factslib.EXAMPLE), originate=originate,
                    live_channels=live_channels)

    async def inbound() -> None:
        i = 0
        while True:
            phone = f"010{os.getpid() % 10000:04d}{i % 10000:04d}"
            log = CallLog("inbound", uniqueid=f"in-{os.getpid()}-{i}", caller=phone)
            ack("call", log.call.id)
            turn = log.turn("caller", "광고 전화 그만 받고 싶어요", intent="opt_out")
            ack("turn", turn.id)
            if i % 3 == 0:
                ack("optout", crm_records.add_opt_out(phone, source="call_speech").id)
            log.finish("opted_out", next_step="hangup")
            ack("finished", log.call.id)
            i += 1
            await asyncio.sleep(0)

    async def dial() -> None:
        while True:
            await dialer.tick()
            await asyncio.sleep(0.02)

    async def both() -> None:
        await asyncio.gather(inbound(), dial())

    print("ready", flush=True)
    asyncio.run(both())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]))
