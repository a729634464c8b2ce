"""What the inbound receptionist's flow tests share: the callers (an unknown number, the demo family's phone), a
fresh CRM file, the pure receptionist dialog on the demo EMR (``make``), a patient with an appointment, and ``Talk``,
which drives a dialog with caller lines and keeps every turn.

A test module takes the fixtures by importing them: ``make`` with ``crm_db`` and ``emr_url`` (which ``make`` asks
for), and ``patient_with_appointment`` where it is used."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation.actions import End, Listen, Say
from appliance.conversation.backend import Backend
from appliance.commands.chat import parse_input, render_says
from appliance.conversation.receptionist import Receptionist
from appliance.data import crm
from appliance.data.clinic import facts as factslib
from appliance.data.emr import seed
from appliance.data.emr.connector import EMR
from tests.demo_emr_support import NOW

NIGHT = dt.datetime(2026, 11, 23, 22, 0)
FAMILY = seed.DEMO_FAMILY_PHONE  # patients 1-3; patient 1 born 1982-09-18
UNKNOWN = "010-9999-1234"


def SAYS_ANYTHING(text: str) -> bool:
    """A voice that can say any sentence (a neural voice installed): names and the clinic's own sentences."""
    return True


@pytest.fixture(scope="module")
def patient_with_appointment(emr_url):
    emr = EMR(emr_url, "reference")
    for appt in emr.appointments_between(NOW.date() + dt.timedelta(days=2), NOW.date() + dt.timedelta(days=20)):
        if appt.status != "booked" or not appt.patient_id:
            continue
        p = emr.get_patient(appt.patient_id)
        if p and p.status == "active" and p.phones and len(emr.find_patients_by_phone(p.phones[0])) == 1:
            ups = emr.upcoming_appointments(p.id, NOW)
            if ups and ups[0].id == appt.id:
                return p, appt
    pytest.skip("no single-phone patient with an appointment in the demo data")


@pytest.fixture
def crm_db(tmp_path):
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    yield
    crm.database.close()


@pytest.fixture
def make(emr_url, crm_db):
    facts = factslib.load(factslib.EXAMPLE)

    def build(caller=None, now=NOW, emr=True, writes=False, can_say=SAYS_ANYTHING, url=None, recorded=True,
              understand=None, texts=True):
        backend = Backend(facts, emr=EMR(url or emr_url, "reference", allow_writes=writes) if emr else None,
                          texts=texts)
        return Receptionist(clinic_name="미소치과", backend=backend, caller=caller, call_key="test-call",
                            now=lambda: now, can_say=can_say, recorded=recorded, understand=understand)

    return build


class Talk:
    """Drives a dialog with caller lines (cli syntax: '#5' keys, '' silence); keeps every turn."""

    def __init__(self, dialog: Receptionist):
        self.dialog = dialog
        self.turns: list[list] = [dialog.start()]
        self.listens: list[Listen] = []

    @property
    def last(self) -> list:
        return self.turns[-1]

    def said(self, turn: int = -1) -> str:
        return render_says(self.turns[turn], "미소치과")

    def all_said(self) -> str:
        return " ".join(render_says(t, "미소치과") for t in self.turns)

    def keys(self, turn: int = -1) -> list[str]:
        return [a.key for a in self.turns[turn] if isinstance(a, Say) and a.key]

    def __call__(self, *lines: str) -> "Talk":
        for line in lines:
            assert isinstance(self.last[-1], Listen), f"dialog already ended: {self.said()}"
            self.listens.append(self.last[-1])
            self.turns.append(self.dialog.on_input(parse_input(line)))
        return self

    @property
    def end(self) -> End | None:
        return self.last[-1] if isinstance(self.last[-1], End) else None


def birth(patient) -> str:
    return patient.birth_date.strftime("%y%m%d")


# the find_patients_by_birth query a clinic's profile may add (the reference profile has none): the tests that find
# a caller by birth date and name put it into the profile
BIRTH_QUERY = """
SELECT p.PT_ID AS id, p.PT_CHARTNO AS chart_no, p.PT_NAME AS name, p.PT_BIRTH AS birth_date, p.PT_SEX AS sex,
       p.PT_HP AS phone1, p.PT_TEL AS phone2, p.PT_INSTYPE AS insurance, p.PT_PRIVINS AS private_insurance,
       p.PT_STATUS AS status
  FROM PATIENT p
 WHERE p.PT_BIRTH IN (:birth_dates)
"""
