"""What the dialog tests on the demo EMR share: a real small SQLite EMR seeded with the demo data as of one Monday
morning, the pure receptionist dialog on it, and a scripted conversation's turns.

A test module takes the fixture by importing it (``from tests.demo_emr_support import emr_url as emr_url``); being
module-scoped, each module seeds its own EMR once."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.commands.chat import parse_input
from appliance.conversation.actions import Action, End
from appliance.conversation.backend import Backend
from appliance.conversation.receptionist import Receptionist
from appliance.data.clinic import facts as factslib
from appliance.data.emr import seed
from appliance.data.emr.connector import EMR

NOW = dt.datetime(2026, 11, 23, 10, 0)  # a Monday, clinic open


@pytest.fixture(scope="module")
def emr_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real SQLite EMR with the demo data (300 patients, seed 7) as of ``NOW``."""
    url = f"sqlite:///{tmp_path_factory.mktemp('emr') / 'emr.sqlite'}"
    seed.seed_demo(url, patients=300, seed=7, today=NOW.date())
    return url


def demo_receptionist(emr_url: str, caller: str, call_key: str) -> Receptionist:
    """The receptionist of the example clinic on the demo EMR at ``NOW``, with a voice that can say anything."""
    return Receptionist(clinic_name="미소치과", backend=Backend(factslib.load(factslib.EXAMPLE),
                                                             emr=EMR(emr_url, "reference")),
                        caller=caller, call_key=call_key, now=lambda: NOW, can_say=lambda text: True)


def talk(dialog, lines) -> list[list[Action]]:
    """The dialog's turns: its start, then its answer to each line until it ends the call."""
    turns = [dialog.start()]
    for line in lines:
        if isinstance(turns[-1][-1], End):
            break
        turns.append(dialog.on_input(parse_input(line)))
    return turns
