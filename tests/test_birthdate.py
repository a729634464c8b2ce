"""Birth dates as callers give them on the phone -> YYMMDD."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation.birthdate import birth6, sino_number
from appliance.language import understand


@pytest.mark.parametrize("said,expected", [
    ("850302", "850302"), ("팔오공삼공이", "850302"), ("팔오 공삼 공이요", "850302"), ("85 03 02", "850302"),
    ("19850302", "850302"), ("팔십오년 삼월 이일", "850302"), ("팔십오 년 삼 월 이 일이요", "850302"),
    ("85년 3월 2일생이에요", "850302"), ("1985년 3월 2일", "850302"), ("천구백팔십오년 삼월 이일생입니다", "850302"),
    ("이천십사년 오월 칠일", "140507"), ("공오년 유월 십일일", "050611"), ("구십구년 시월 삼십일일", "991031"),
    ("82년 9월 18일이요", "820918"), ("저 육십이년 십이월 이십일생이요", "621220"), ("2017년 10월 25일", "171025"),
])
def test_birth_dates_as_said(said, expected):
    import datetime as dt

    u = understand(said, dt.datetime(2026, 11, 23, 10), expect="birth")
    assert birth6(said, u.digits) == expected


@pytest.mark.parametrize("said", ["네", "모르겠어요", "1234", "851302", "850345", "삼월 이일", "아니요 저는 엄마인데요",
                                  "열 시 반이요"])
def test_not_a_birth_date(said):
    assert birth6(said) is None


def test_sino_numbers():
    words = ("팔십오", "천구백팔십오", "이천십이", "유", "시", "십이", "팔오", "85", "사과")
    assert [sino_number(t) for t in words] == [85, 1985, 2012, 6, 10, 12, 85, 85, None]


TODAY = dt.date(2026, 11, 23)

# how callers read a birth date (1982-09-18) on the phone, and how Whisper writes it
PAIRED_AND_OTHER_READINGS = [
    "팔이 공구 일팔이요", "팔이 영구 일팔", "팔 이 공 구 일 팔", "여덟 둘 공 아홉 하나 여덟", "여덟둘 공아홉 하나여덟",
    "팔십이년 구월 십팔일", "팔이년 구월 십팔일", "구월 십팔일 팔십이년생", "구월 십팔일 팔이년생",
    "82년생 9월 18일이요",
    "천구백팔십이년 구월 십팔일", "82 09 18", "8 2 0 9 1 8", "팔이공구일팔", "팔이 공구 일팔 이요", "팔이 공구 십팔",
    "팔십이 공구 십팔", "팔이년생이고요 구월 십팔일", "생년월일은 팔이 공구 일팔이요", "저 팔이 공구 일팔입니다",
    "팔이 공구 일팔이에요", "팔이 공구 일팔 맞나 모르겠네", "82.09.18", "1982-09-18", "일구팔이 공구 일팔",
    "주민번호 앞자리 팔이 공구 일팔이요", "팔이 영구 일팔이고요",
]


@pytest.mark.parametrize("said", PAIRED_AND_OTHER_READINGS)
def test_a_birth_date_read_in_pairs_or_as_a_date_is_heard(said):
    u = understand(said, dt.datetime.combine(TODAY, dt.time(10)), expect="birth")
    assert birth6(said, u.digits, today=TODAY) == "820918"


@pytest.mark.parametrize("said,expected", [
    ("팔이 공구 이이요", "820922"),  # the last "이" is a digit here, "요" the ending
    ("공공 공이 이구", "000229"),  # 2000 was a leap year
    ("이공 일이 삼일", "201231"), ("구구 일이 삼일이요", "991231"), ("육이 일이 이공", "621220"),
    ("이육 공일 공일", "260101"),  # 2026-01-01 (or 1926): a possible birth
])
def test_other_paired_dates(said, expected):
    assert birth6(said, today=TODAY) == expected


@pytest.mark.parametrize("said", [
    "팔이 일삼 일팔",  # month 13
    "팔이 공구 삼이",  # day 32
    "팔이 공이 삼공",  # 2월 30일
    "팔일 공이 이구",  # 1981 and 2081 had no 29th of February
    "팔이 공구 일팔 일",  # seven digits
    "오 공구 일팔",  # five digits
    "팔이 공구",  # four
    "이천삼십년 일월 일일",  # in the future
    "삼천년 일월 일일", "팔백이십년 구월 십팔일",  # no birth year
    "팔십이년 십삼월 십팔일", "팔십이년 구월 삼십이일",
    "구월 십팔일이요",  # no year
    "일이 생겨서요", "팔이 공구 일팔 시에 가도 돼요", "내일 오후 세 시요",
])
def test_impossible_or_ambiguous_dates_are_refused(said):
    u = understand(said, dt.datetime.combine(TODAY, dt.time(10)), expect="birth")
    assert birth6(said, u.digits, today=TODAY) is None
