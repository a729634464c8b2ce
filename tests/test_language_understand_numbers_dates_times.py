"""Tricky cases of ``appliance.language.understand``: numerals, spoken digits, dates, times and their ranges,
against a fixed now."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from appliance.language.numerals import number_value, sino_value, spoken_digits
from tests.language_understand_support import FEB, MON, SAT, SUN, YEAR_END


@pytest.mark.parametrize(
    ("text", "value"),
    [("삼십오", 35), ("십", 10), ("십이", 12), ("이십", 20), ("일삼", None), ("열한", 11), ("열 두", 12), ("세", 3),
     ("15", 15)],
)
def test_numbers(text, value):
    assert number_value(text) == value


def test_sino_rejects_garbage():
    assert sino_value("") is None
    assert sino_value("가") is None


@pytest.mark.parametrize(
    ("text", "digits"),
    [("공일공 일이삼사 오육칠팔", "01012345678"), ("팔오공삼일이요", "850312"), ("850312", "850312"),
     ("일이 생겨서요", None), ("네", None)],
)
def test_spoken_digits(text, digits):
    assert spoken_digits(text) == digits


@pytest.mark.parametrize(
    ("text", "now", "date"),
    [
        ("오늘", MON, "2026-11-23"),
        ("내일", MON, "2026-11-24"),
        ("낼", MON, "2026-11-24"),
        ("모레", MON, "2026-11-25"),
        ("내일모레", MON, "2026-11-25"),
        ("글피", MON, "2026-11-26"),
        ("이번 주 금요일", MON, "2026-11-27"),
        ("이번 주 월요일", SAT, "2026-11-23"),  # weeks start on Monday, may be past
        ("다음 주 화요일", MON, "2026-12-01"),
        ("다음 주 화요일", SUN, "2026-12-01"),  # Sunday still belongs to the week of Mon 23rd
        ("다다음주 월요일", MON, "2026-12-07"),
        ("담주 수욜", MON, "2026-12-02"),
        ("월요일", MON, "2026-11-30"),  # weekday alone: strictly after today
        ("화요일", MON, "2026-11-24"),
        ("주말", MON, "2026-11-28"),
        ("주말", SUN, "2026-11-29"),
        ("다음 주말", MON, "2026-12-05"),
        ("3일 뒤", MON, "2026-11-26"),
        ("사흘 뒤", MON, "2026-11-26"),
        ("이틀 있다가", MON, "2026-11-25"),
        ("일주일 뒤", MON, "2026-11-30"),
        ("이 주 뒤", YEAR_END, "2027-01-13"),
        ("한 달 뒤", MON, "2026-12-23"),
        ("이번 달 말", MON, "2026-11-30"),
        ("이번 달 말일", FEB, "2027-02-28"),
        ("다음 달 초", MON, "2026-12-01"),
        ("다음 달 초", YEAR_END, "2027-01-01"),
        ("다음 달 십오일", MON, "2026-12-15"),
        ("12월 3일", MON, "2026-12-03"),
        ("십이월 삼일", MON, "2026-12-03"),
        ("1월 5일", YEAR_END, "2027-01-05"),  # passed this year → next year
        ("유월 십일", MON, "2027-06-10"),
        ("시월 구일", MON, "2027-10-09"),
        ("15일", MON, "2026-12-15"),  # next occurrence
        ("23일", MON, "2026-11-23"),  # today counts
        ("30일", FEB, "2027-03-30"),  # February has no 30th
        ("15일날", MON, "2026-12-15"),
        ("12/3", MON, "2026-12-03"),
        ("신정", YEAR_END, "2027-01-01"),
        ("다음주화요일오후세시반", MON, "2026-12-01"),
    ],
)
def test_dates(text, now, date):
    assert understand(text, now).date == date


@pytest.mark.parametrize(
    ("text", "now", "date_range"),
    [
        ("다음 주에", MON, ["2026-11-30", "2026-12-06"]),
        ("다음 달 초", MON, ["2026-12-01", "2026-12-10"]),
        ("주말", MON, ["2026-11-28", "2026-11-29"]),
    ],
)
def test_date_ranges(text, now, date_range):
    assert understand(text, now).to_dict()["date_range"] == date_range


def test_reschedule_target_date_wins():
    assert understand("내일 예약을 금요일로 옮길 수 있을까요", MON).date == "2026-11-27"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("오후 세 시 반", "15:30"),
        ("세시반", "15:30"),
        ("3시 30분", "15:30"),
        ("열한 시", "11:00"),
        ("열 한 시", "11:00"),
        ("두 시쯤", "14:00"),
        ("한 시", "13:00"),
        ("여섯 시", "18:00"),
        ("일곱 시", "19:00"),  # round 16: the clinic is shut at seven in the morning
        ("저녁 일곱 시", "19:00"),
        ("아침 아홉 시 반", "09:30"),
        ("오전 열두 시", "00:00"),
        ("열두 시", "12:00"),
        ("정오", "12:00"),
        ("다섯 시 사십 분", "17:40"),
        ("오후 한시 삼십분", "13:30"),
        ("10시 15분", "10:15"),
        ("14:30", "14:30"),
        ("내일 이시에 갈게요", "14:00"),
        ("오후이시", "14:00"),
        ("십이 시", "12:00"),
        ("오시는 길", None),  # honorific 오시-, not 5 o'clock
        ("한 시간 걸려요", None),
        ("네 시간이요", None),
        ("몇 시까지 해요", None),
        ("오후", None),
    ],
)
def test_times(text, time):
    assert understand(text, MON).time == time


@pytest.mark.parametrize(
    ("text", "time", "time_range"),
    [
        ("아침 일찍", None, ["09:00", "10:00"]),
        ("오전에", None, ["09:00", "13:00"]),
        ("오후에", None, ["14:00", "18:00"]),
        ("저녁에", None, ["18:00", "21:00"]),
        ("점심시간 끝나고", None, ["14:00", "15:00"]),
        ("퇴근하고", None, ["18:00", "21:00"]),
        ("세 시에서 네 시 사이", "15:00", ["15:00", "16:00"]),
        ("세 시 이후에", "15:00", ["15:00", "21:00"]),
        ("아홉 시 전에", None, ["09:00", "09:00"]),
        ("오후 세 시", "15:00", None),
    ],
)
def test_time_ranges(text, time, time_range):
    got = understand(text, MON).to_dict()
    assert (got["time"], got["time_range"]) == (time, time_range)


def test_approximate_flag():
    assert understand("두 시쯤", MON).approximate is True
    assert understand("두 시", MON).approximate is False


def test_bare_pm_hours_are_a_clinic_setting():
    from appliance.language import DayParts

    assert understand("일곱 시", MON).time == "19:00"
    assert understand("일곱 시", MON, dayparts=DayParts(bare_pm_hours=(1, 6))).time == "07:00"
    assert understand("여덟 시", MON, dayparts=DayParts(bare_pm_hours=(1, 8))).time == "20:00"
    assert understand("오전 세 시", MON, dayparts=DayParts(bare_pm_hours=(1, 8))).time == "03:00"


def test_past_mention_loses_to_upcoming_one():
    thu = dt.datetime(2026, 11, 26, 10, 0)
    assert understand("이번 주 수요일이나 다음 주 수요일 중에 돼요?", thu).date == "2026-12-02"
    assert understand("어제 이 뽑았는데 피가 계속 나요", thu).date == "2026-11-25"


@pytest.mark.parametrize(
    "text",
    ["일이 많아서 못 갔어요", "이 시간에 전화해서 죄송해요", "일 년에 한 번 받는 거죠", "세 살 아이도 봐요?",
     "10분 거리예요", "1시간 걸려요", "삼 일 동안 아팠어요", "칠십 세 노인", "돈 낼게요", "오시면 돼요"],
)
def test_no_spurious_dates_or_times(text):
    got = understand(text, MON)
    assert (got.date, got.time) == (None, None)


def test_bare_weekday_stays_in_the_named_week():
    wed = dt.datetime(2027, 2, 10, 10, 0)
    assert understand("다음 주 목요일 예약 금요일로 변경할게요", wed).date == "2027-02-19"
    assert understand("금요일로 변경할게요", wed).date == "2027-02-12"


@pytest.mark.parametrize(
    ("text", "date", "time", "treatment"),
    [
        ("다 음주 화요 일 오후 세 시 반에 스케 일링 돼요", "2026-12-01", "15:30", "scaling"),  # STT spacing
        ("모 레 오 후 두 시", "2026-11-25", "14:00", None),
        ("2026-12-03 예약", "2026-12-03", None, None),
        ("지금 일하는 중이라 이따 다시 전화 주세요", None, None, None),  # 지금일 is not 금일
    ],
)
def test_wrong_spacing(text, date, time, treatment):
    got = understand(text, MON)
    assert (got.date, got.time, got.treatment) == (date, time, treatment)


def test_tilde_range():
    assert understand("2시~3시 사이", MON).to_dict()["time_range"] == ["14:00", "15:00"]


def test_phone_number_digits():
    assert understand("010-1234-5678", MON).digits == "01012345678"


def test_last_day_of_month_and_time_with_do():
    assert understand("이번 달 마지막 날 예약 되나요", FEB).date == "2027-02-28"
    assert understand("내일 밤 8시도 돼요?", MON).time == "20:00"


@pytest.mark.parametrize("text, date, clash", [
    ("다음 주 화요일 2일에 갈게요", "2026-12-02", True),  # the 2nd is a Wednesday: the day of the month wins, marked
    ("다음 주 수요일 2일에 갈게요", "2026-12-02", False),
    ("다음 주 화요일에 갈게요", "2026-12-01", False),
])
def test_a_weekday_that_disagrees_with_the_date_is_marked(text, date, clash):
    u = understand(text, now=dt.datetime(2026, 11, 23, 10, 0))
    assert (u.date, u.weekday_clash) == (date, clash)
