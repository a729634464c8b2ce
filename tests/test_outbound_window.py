"""Calling windows with a fixed clock: clinic hours, lunch, Sundays, holidays, and the hard AD 08:00-21:00."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from appliance.data.clinic import facts as factslib
from appliance.outbound import window

AD, INFO = window.AD, window.INFO


@pytest.fixture
def facts():
    return factslib.load(factslib.EXAMPLE)  # mon-fri 09:30-18:30 (wed to 21:00), sat to 14:00, lunch 13-14


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def test_info_follows_clinic_hours_and_lunch(facts):
    # 2026-11-25 is a Wednesday (late clinic)
    assert window.may_call(facts, at("2026-11-25 10:00"), INFO)
    assert not window.may_call(facts, at("2026-11-25 09:00"), INFO)
    assert not window.may_call(facts, at("2026-11-25 13:30"), INFO)  # lunch
    assert window.may_call(facts, at("2026-11-25 20:30"), INFO)
    assert not window.may_call(facts, at("2026-11-25 20:59"), INFO)  # would run past closing
    assert not window.may_call(facts, at("2026-11-26 19:00"), INFO)  # thursday closes 18:30
    assert window.may_call(facts, at("2026-11-28 11:00"), INFO)  # saturday morning
    assert not window.may_call(facts, at("2026-11-28 14:30"), INFO)


def test_sundays_and_holidays_closed_unless_configured(facts):
    sunday = at("2026-11-29 11:00")
    christmas = at("2026-12-25 11:00")  # a Friday, public holiday
    extra_closed = at("2026-12-31 11:00")  # clinic's own closed day
    for moment in (sunday, christmas, extra_closed):
        assert not window.may_call(facts, moment, INFO)
        assert not window.may_call(facts, moment, AD)
    assert window.may_call(facts, sunday, INFO, closed_days=True)
    assert window.may_call(facts, christmas, AD, closed_days=True)
    assert window.next_opening(facts, at("2026-12-24 18:40"), INFO) == at("2026-12-26 09:30")
    assert window.next_opening(facts, at("2026-11-28 14:10"), AD) == at("2026-11-30 09:30")


def test_ad_never_outside_8_to_21_whatever_the_hours(facts):
    late = dataclasses.replace(facts, hours={**facts.hours, "wed": (dt.time(7, 0), dt.time(23, 0))}, lunch=None)
    assert window.may_call(late, at("2026-11-25 07:30"), INFO)
    assert window.may_call(late, at("2026-11-25 21:30"), INFO)
    assert not window.may_call(late, at("2026-11-25 07:30"), AD)
    assert not window.may_call(late, at("2026-11-25 21:00"), AD)
    assert not window.may_call(late, at("2026-11-25 20:59"), AD)
    assert window.may_call(late, at("2026-11-25 20:57"), AD)
    assert window.may_call(late, at("2026-11-25 08:00"), AD)
    # closed-day calling and campaign hours cannot widen it either
    assert not window.may_call(late, at("2026-11-29 21:30"), AD, closed_days=True, hours="06:00-23:30")
    assert window.next_opening(late, at("2026-11-25 21:10"), AD) == at("2026-11-26 09:30")


def test_campaign_hours_narrow_the_window(facts):
    assert not window.may_call(facts, at("2026-11-25 10:00"), INFO, hours="15:00-17:00")
    assert window.may_call(facts, at("2026-11-25 15:30"), INFO, hours="15:00-17:00")
    assert window.next_opening(facts, at("2026-11-25 10:00"), INFO, hours="15:00-17:00") == at("2026-11-25 15:00")
