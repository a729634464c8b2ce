"""``campaigns calendar``: a dry run of the dialer's own planning over coming days — which campaign would
call whom on which day, with the clinic's hours and holidays — dialling nothing and writing nothing.

It steps a clock through each day (every ``STEP_MINUTES``) and calls the same ``planning.Planner.run`` the
dialer calls on every tick, with a ``MemoryStore`` that starts from the CRM's call history: cooldowns, the
advert frequency cap and one call per phone a day carry over from day to day exactly as they would live.
Calls already queued in the CRM are not planned again (``dialer status`` shows them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Iterator

from appliance.outbound import campaigns as camps
from appliance.outbound.planning import Planner
from appliance.outbound.params import ParamError
from appliance.outbound.store import MemoryStore, RunRecord
from appliance.outbound.targeting import Problem

STEP_MINUTES = 5  # the dialer ticks every few seconds; planning only depends on windows and 3-hour rounds


@dataclasses.dataclass(frozen=True)
class Entry:
    """One patient in one planned call (a merged reminder gives one entry per appointment)."""

    day: dt.date
    campaign: str
    kind: str
    patient_id: str
    phone: str
    appointment: dt.datetime | None
    name: str | None = None
    why: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "campaign": self.campaign, "kind": self.kind,
                "patient_id": self.patient_id, "phone": self.phone,
                "appointment": self.appointment.strftime("%Y-%m-%dT%H:%M") if self.appointment else None}


@dataclasses.dataclass
class Calendar:
    entries: list[Entry]
    problems: list[Problem]
    runs: list[RunRecord]

    def errors(self) -> dict[str, str]:
        """{campaign: its latest planning error} when its latest run in the dry run failed."""
        latest: dict[str, RunRecord] = {}
        for run in self.runs:
            latest[run.campaign] = run
        return {name: run.error for name, run in latest.items() if run.error}


def campaign_states(names: list[str] | None = None) -> dict[str, tuple[bool, Any]]:
    """The clinic's campaigns as the dialer sees them; ``names`` plans those whether enabled or not."""
    out: dict[str, tuple[bool, Any]] = {}
    for name in camps.CAMPAIGNS:
        enabled, raw = camps.stored(name)
        if names is not None:
            enabled = name in names
        try:
            out[name] = (enabled, camps.state(name)[1])
        except ParamError as exc:
            out[name] = (enabled, exc)
    return out


def moments(start: dt.date, days: int, step_minutes: int = STEP_MINUTES) -> Iterator[dt.datetime]:
    t = dt.datetime.combine(start, dt.time(0))
    end = dt.datetime.combine(start + dt.timedelta(days=days), dt.time(0))
    while t < end:
        yield t
        t += dt.timedelta(minutes=step_minutes)


def simulate(*, emr: Any, facts: Any, config: Any, start: dt.date, days: int,
             states: dict[str, tuple[bool, Any]] | None = None, history: list | None = None,
             step_minutes: int = STEP_MINUTES) -> Calendar:
    """Plan ``days`` days from ``start`` the way the dialer would (nothing dialled, nothing written)."""
    from appliance.outbound import queue

    store = MemoryStore(history if history is not None else queue.history_items(start))
    planner = Planner(emr=emr, facts=facts, config=config, store=store,
                      states=states if states is not None else campaign_states())
    for moment in moments(start, days, step_minutes):
        planner.run(moment)
    entries: list[Entry] = []
    for day, target in store.calls:
        booked = target.appointments()
        if booked:
            for a in booked:
                entries.append(Entry(day, target.campaign, target.kind, str(a.get("patient_id") or target.patient_id),
                                     target.phone, dt.datetime.fromisoformat(a["start"]), a.get("name") or target.name,
                                     target.why))
        else:
            entries.append(Entry(day, target.campaign, target.kind, target.patient_id, target.phone, None,
                                 target.name, target.why))
    return Calendar(entries, store.problems, store.runs)
