"""The clinic context: built once per engine, one EMR connector (one outage state) for every call and the
dialer, each call its own backend view; a broken facts file or EMR never stops the phones."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from appliance import settings
from appliance.clinic import Clinic
from appliance.conversation import factory
from appliance.conversation.inbound import InboundDialog
from appliance.data import crm
from appliance.data.emr import seed
from appliance.errors import ConfigError, EMRUnavailable


@pytest.fixture
def emr_config(tmp_path):
    url = f"sqlite:///{tmp_path / 'emr.sqlite'}"
    seed.seed_demo(url, patients=30)
    config = settings.load(overrides={"home": str(tmp_path / "home"), "emr_url": url}, env={})
    crm.open_for(config)
    yield config
    crm.database.close()


def test_every_call_and_the_dialer_share_one_emr_connector(emr_config):
    clinic = Clinic.build(emr_config, llm=False)
    try:
        first, second = clinic.backend(1), clinic.backend(2)
        assert clinic.emr is not None and first.emr is clinic.emr and second.emr is clinic.emr
        assert first.lookup is clinic.lookup and first.facts is clinic.facts
        assert (first.call_id, second.call_id) == (1, 2)
        emr = clinic.emr  # what the outbound route, the dialer and the SMS sender use (engine.clinic)
        family = first.caller_patients(seed.DEMO_FAMILY_PHONE)  # through the shared lookup cache
        assert [p.id for p in family] == ["1", "2", "3"]
        assert clinic.lookup.lookup(seed.DEMO_FAMILY_PHONE).source == "cache"
        # one outage state: once a query of one call fails, the next call and the dialer stop waiting too
        clinic.emr._failed("find_patients_by_phone", EMRUnavailable("EMR unplugged"))
        assert second.caller_patients("010-9999-0000") == [] and second.emr_down
        with pytest.raises(EMRUnavailable, match="unplugged"):
            emr.get_patient("1")
    finally:
        clinic.close()


def test_the_clock_is_the_clinics_local_time(tmp_path):
    config = settings.load(overrides={"home": str(tmp_path), "timezone": "Asia/Seoul"}, env={})
    now = Clinic.build(config, llm=False).clock()
    seoul = dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).replace(tzinfo=None)
    assert now.tzinfo is None and abs((now - seoul).total_seconds()) < 5


def test_broken_facts_leave_the_phones_working(tmp_path):
    bad = tmp_path / "clinic.toml"
    bad.write_text("[clinic]\nname = 1\n", encoding="utf-8")
    config = settings.load(overrides={"home": str(tmp_path), "clinic_file": str(bad),
                                      "emr_url": "sqlite:////nonexistent/dir/emr.sqlite"}, env={})
    clinic = Clinic.build(config, llm=False)
    assert clinic.facts is None and clinic.facts_error
    with pytest.raises(ConfigError, match="clinic facts unavailable"):
        clinic.backend(None)
    agi = SimpleNamespace(uniqueid="1700000000.2", caller_number="01012345678")
    assert isinstance(factory.inbound_dialog(clinic, agi), InboundDialog)  # the basic dialog still answers


def test_no_emr_configured_means_no_connector(tmp_path):
    clinic = Clinic.build(settings.load(overrides={"home": str(tmp_path)}, env={}), llm=False)
    assert clinic.emr is None and clinic.lookup is None and clinic.llm_fallback is None
    assert clinic.facts is not None and clinic.backend(None).emr is None
