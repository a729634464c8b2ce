"""Birth dates as callers give them on the phone -> YYMMDD."""

from __future__ import annotations

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
