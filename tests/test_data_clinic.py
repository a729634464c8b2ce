import datetime as dt
from pathlib import Path

import pytest

from appliance.data.clinic import facts as factslib, slots
from appliance.data.emr.model import Appointment
from appliance.errors import ConfigError


@pytest.fixture
def facts():
    return factslib.load(factslib.EXAMPLE)


def test_example_loads(facts):
    assert facts.name and facts.chairs == 5 and len(facts.doctors) == 3
    assert facts.duration("implant") == 60
    assert facts.prices["scaling"].min == 15000


def test_korean_holidays_lunar_and_substitute(facts):
    assert facts.closed_reason(dt.date(2026, 2, 17)) == "설날"
    assert facts.closed_reason(dt.date(2026, 9, 25)) == "추석"
    assert facts.closed_reason(dt.date(2026, 3, 2))  # 삼일절 대체공휴일
    assert facts.closed_reason(dt.date(2026, 11, 29)) == "정기 휴진"  # Sunday
    assert facts.closed_reason(dt.date(2026, 12, 31)) == "휴진일"
    assert facts.is_open_day(dt.date(2026, 11, 26))


def test_lunch_and_hours(facts):
    assert not facts.is_open_at(dt.datetime(2026, 11, 26, 13, 30))
    assert facts.is_open_at(dt.datetime(2026, 11, 26, 14, 0))
    assert facts.is_open_at(dt.datetime(2026, 11, 25, 20, 0))  # Wednesday night clinic
    assert facts.is_open_at(dt.datetime(2026, 11, 28, 13, 30))  # Saturday: no lunch break


@pytest.mark.parametrize("patch,needle", [
    ({"hours": {"mon": "9:30~8:00"}}, "[hours] mon"),
    ({"hours": {"mon": "nine to six"}}, "[hours] mon"),
    ({"hours": {"monday": "09:00-18:00"}}, "unknown weekday"),
    ({"durations": {"scaling": 0}}, "[durations] scaling"),
    ({"durations": {"cleaning": 30}}, "unknown treatment"),
    ({"prices": {"implant": {"min": 5, "max": 1}}}, "[prices] implant"),
    ({"chairs": {"count": 0}}, "[chairs] count"),
    ({"closed": {"dates": ["2026/12/31"]}}, "YYYY-MM-DD"),
])
def test_validation_names_key_and_fix(tmp_path, patch, needle):
    import tomllib

    data = tomllib.loads(factslib.EXAMPLE.read_text(encoding="utf-8"))
    for section, values in patch.items():
        data[section] = values if section == "hours" else {**data.get(section, {}), **values}
    with pytest.raises(ConfigError) as err:
        factslib.parse(data, Path("clinic.toml"))
    assert needle in str(err.value) and "clinic.toml" in str(err.value)


def test_missing_file_says_how_to_fix(tmp_path):
    with pytest.raises(ConfigError, match="copy"):
        factslib.load(tmp_path / "nope.toml")


def test_find_slots_respects_lunch_hours_holidays_capacity(facts):
    facts.chairs = 1
    now = dt.datetime(2026, 11, 25, 9, 0)
    tue = dt.date(2026, 12, 1)
    busy = [Appointment("a", "p", dt.datetime(2026, 12, 1, 12, 0), 60, "김민호", "1")]
    got = slots.find_slots("scaling", tue, tue, "afternoon", facts=facts, appointments=busy, now=now)
    assert [s.start.time() for s in got] == [dt.time(14, 0), dt.time(14, 30), dt.time(15, 0)]
    # an implant (60 min) cannot start at 12:30 (lunch at 13:00) nor end after closing
    got = slots.find_slots("implant", tue, tue, (dt.time(17, 0), dt.time(19, 0)), facts=facts, appointments=[], now=now)
    assert [s.start.time() for s in got] == [dt.time(17, 0), dt.time(17, 30)]
    # Chuseok: first slot is after the holidays
    got = slots.find_slots("scaling", dt.date(2026, 9, 24), dt.date(2026, 9, 30), None, limit=1, facts=facts,
                           appointments=[], now=dt.datetime(2026, 9, 20, 9, 0))
    assert got[0].start.date() == dt.date(2026, 9, 28)
    # a doctor who does not work on Tuesday
    assert slots.find_slots("scaling", tue, tue, None, doctor="박정훈", facts=facts, appointments=[], now=now) == []


def test_find_slots_never_offers_an_avoided_day_and_still_fills_the_limit(facts):
    """A day the patient said does not suit is skipped in the search itself: the limit is filled from the next
    open days, however many free times the avoided days hold."""
    now = dt.datetime(2026, 11, 25, 9, 0)
    tue, wed, thu = dt.date(2026, 12, 1), dt.date(2026, 12, 2), dt.date(2026, 12, 3)
    plain = slots.find_slots("scaling", tue, thu, None, limit=5, facts=facts, appointments=[], now=now)
    assert {s.start.date() for s in plain} == {tue}
    got = slots.find_slots("scaling", tue, thu, None, limit=5, facts=facts, appointments=[], now=now, avoid={tue, wed})
    assert len(got) == 5 and {s.start.date() for s in got} == {thu}
    assert got[0].start.time() == plain[0].start.time()
