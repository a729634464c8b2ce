"""``dentalcall console --demo``: the demo home has work of every kind, both logins work, and the simulator's
pretend calls go live and end."""

from __future__ import annotations

import asyncio
import re

from starlette.testclient import TestClient

from appliance.console import demo, workqueue
from appliance.console.app import create_app
from appliance.data import crm_records
from appliance.data.crm import Call


def test_the_demo_has_something_on_every_page_for_both_roles(tmp_path):
    config, logins = demo.prepare(tmp_path)
    counts = workqueue.open_counts()
    assert counts["emergency"] == 1 and counts["callback"] >= 3 and counts["booking"] == 3
    assert counts["note"] == 2 and counts["voicemail"] == 2
    with TestClient(create_app(config, background=False)) as c:
        for name, (role, password) in logins.items():
            c.cookies.clear()
            token = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text).group(1)
            assert c.post("/login", data={"name": name, "password": password, "csrf_token": token}).status_code == 200
            for path in ("/today", "/work", "/voicemail", "/calls", "/campaigns", "/optouts", "/health"):
                r = c.get(path)
                assert r.status_code == 200, (name, path)
            work = c.get("/work").text
            assert "응급 증상" in work and ("****" in work) == (role == "staff")
            assert "<svg class=\"chart\"" in c.get("/campaigns").text
            audio = c.get("/voicemail/1/audio")
            assert audio.status_code == 200 and audio.content[:4] == b"RIFF"


def test_the_simulator_places_pretend_calls(tmp_path):
    config, _ = demo.prepare(tmp_path)
    before = Call.select().count()
    callbacks = crm_records.Callback.select().count()

    async def run() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(demo.simulate(stop, config, every_s=0.01, turn_s=0.01))
        while crm_records.Callback.select().count() < callbacks + 1:  # every third pretend call wants one
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.wait_for(task, 10)

    asyncio.run(asyncio.wait_for(run(), 60))
    new = list(Call.select().where(Call.id > before).order_by(Call.id))
    assert len(new) >= 3 and all(c.turns.count() == 4 for c in new if c.ended_at)
    assert [c.outcome for c in new[:3]] == ["answered", "answered", "callback_requested"]
