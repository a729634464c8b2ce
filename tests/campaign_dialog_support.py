"""What the campaign dialog tests share: the patients (김민수, and a mother with two children on one phone), their
appointments, ``Ops``, which records what a dialog asks the clinic to do, a campaign dialog at a fixed now, and
small readers of a turn (its keys, what is said, its end)."""

from __future__ import annotations

import datetime as dt

from appliance.conversation.actions import End, Heard, Say
from appliance.conversation.campaigns import CampaignDialog, People
from appliance.commands.chat import render_says
from appliance.data.clinic import facts as factslib
from appliance.data.emr.model import Patient

NOW = dt.datetime(2026, 11, 25, 10, 0)
FACTS = factslib.load(factslib.EXAMPLE)  # the demo clinic's facts, as the outbound route passes the clinic's own
MINSU = Patient(id="55", name="김민수", birth_date=dt.date(1985, 3, 2), sex="M")
MOTHER = Patient(id="1", name="김지영", birth_date=dt.date(1982, 9, 18), sex="F")
SON = Patient(id="2", name="김도윤", birth_date=dt.date(2014, 5, 7), sex="M")
DAUGHTER = Patient(id="3", name="김서아", birth_date=dt.date(2017, 8, 21), sex="F")
APPT = {"appointment": {"id": "55", "start": "2026-11-26T15:30:00", "duration_min": 30, "treatment": "scaling"}}
FAMILY = {"appointments": [
    {"id": "71", "patient_id": "2", "start": "2026-11-26T15:00:00", "duration_min": 30, "treatment": "checkup",
     "doctor": "김민호", "chair": "1", "minor": True},
    {"id": "72", "patient_id": "3", "start": "2026-11-26T15:30:00", "duration_min": 30, "treatment": "checkup",
     "doctor": "김민호", "chair": "1", "minor": True},
]}


class Ops:
    call_id = None

    def __init__(self, open_=True, slots=None, people=None):
        self.log: list[tuple] = []
        self.callbacks: list[tuple] = []  # (reason, priority, note): what staff find in their queue
        self.open_ = open_
        self.slots = slots if slots is not None else [dt.datetime(2026, 11, 27, 10), dt.datetime(2026, 11, 27, 11)]
        self._people = people if people is not None else People([MINSU])

    def people(self):
        return self._people

    def find_slots(self, treatment, limit, avoid=()):
        self.log.append(("find_slots", treatment))
        return [s for s in self.slots if s.date() not in avoid][:limit]

    def book(self, start, treatment, patient_id):
        self.log.append(("book", start, treatment, patient_id))
        return True

    def reschedule(self, appointment, start):
        self.log.append(("reschedule", appointment["id"], start))
        return True

    def cancel(self, appointment):
        self.log.append(("cancel", appointment["id"]))
        return True

    def opt_out(self, source, scope):
        self.log.append(("opt_out", source, scope))

    def callback(self, reason, priority, note=None):
        self.log.append(("callback", priority))
        self.callbacks.append((reason, priority, note))

    def clinic_open(self):
        return self.open_

    def changes(self):
        return [e for e in self.log if e[0] in ("book", "reschedule", "cancel")]


def dialog(campaign, kind="INFO", ops=None, patient_id="55", **kw):
    kw.setdefault("facts", FACTS)
    return CampaignDialog(campaign=campaign, kind=kind, ops=ops or Ops(), patient_id=patient_id, now=lambda: NOW, **kw)


def keys(actions):
    return [a.key or a.text for a in actions if isinstance(a, Say)]


def said(actions):
    return render_says(actions, "미소치과")


def end(actions):
    last = actions[-1]
    return last if isinstance(last, End) else None


def verified(d, birth="#850302"):
    d.start()
    return d.on_input(Heard(dtmf=birth[1:]) if birth.startswith("#") else Heard(text=birth))
