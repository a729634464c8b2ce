"""The identity step hears a birth date read as 주민번호 digit pairs ("팔이 영구 일팔이요"), on the pure receptionist
dialog against a real small SQLite EMR: the caller is confirmed and the booking goes on; an impossible date read
in pairs (month 13) is asked again without any EMR check."""

from __future__ import annotations


import pytest

from appliance.commands.chat import parse_input, render_says
from appliance.conversation.actions import Listen, Say
from appliance.data import crm
from appliance.data.emr import seed
from tests.demo_emr_support import demo_receptionist
from tests.demo_emr_support import emr_url as emr_url  # a fixture

FAMILY = seed.DEMO_FAMILY_PHONE  # patients 1-3; patient 1 born 1982-09-18


@pytest.fixture
def dialog(emr_url, tmp_path):
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    yield demo_receptionist(emr_url, FAMILY, "pairs")
    crm.database.close()


def _keys(actions) -> list[str]:
    return [a.key for a in actions if isinstance(a, Say) and a.key]


@pytest.mark.parametrize("said", ["팔이 영구 일팔이요", "팔 이 공 구 일 팔", "82 09 18", "구월 십팔일 팔십이년생"])
def test_a_birth_date_read_in_pairs_proves_the_caller(dialog, said):
    dialog.start()
    assert _keys(dialog.on_input(parse_input("예약하고 싶어요"))) == ["family_who", "ask_birth"]
    out = dialog.on_input(parse_input(said))
    said_back = render_says(out, "미소치과")
    assert dialog.identity.confirmed and dialog.patient.id == "1"
    assert "님, 확인되었습니다." in said_back and "ask_treatment" in _keys(out)
    assert [e.kind for e in dialog.events] == ["identity_confirmed"]


def test_an_impossible_date_read_in_pairs_is_asked_again_never_looked_up(dialog):
    dialog.start()
    dialog.on_input(parse_input("예약하고 싶어요"))
    out = dialog.on_input(parse_input("팔이 일삼 일팔이요"))  # month 13
    assert not dialog.identity.confirmed and dialog.identity.last_birth6 is None  # no EMR check was made
    assert "birth_not_found" not in _keys(out) and dialog.state == "ask_birth" and isinstance(out[-1], Listen)
    out = dialog.on_input(parse_input("팔이 영구 일팔"))
    assert dialog.identity.confirmed and dialog.patient.id == "1"
