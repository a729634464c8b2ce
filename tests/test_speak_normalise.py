"""Korean speech normalisation tables: what a good 실장님 says for dates, times, prices, phones and counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from appliance.language import speak


@pytest.mark.parametrize("n, said", [
    (0, "영"), (1, "일"), (10, "십"), (11, "십일"), (20, "이십"), (31, "삼십일"), (100, "백"), (105, "백오"),
    (1000, "천"), (2026, "이천이십육"), (10000, "만"), (15000, "만 오천"), (50000, "오만"), (123000, "십이만 삼천"),
    (110000, "십일만"), (1000000, "백만"), (20000000, "이천만"), (150000000, "일억 오천만"),
])
def test_sino(n, said):
    assert speak.sino(n) == said


@pytest.mark.parametrize("n, said", [
    (1, "한"), (2, "두"), (3, "세"), (4, "네"), (5, "다섯"), (10, "열"), (11, "열한"), (12, "열두"), (20, "스무"),
    (21, "스물한"), (34, "서른네"), (99, "아흔아홉"), (100, "백"),
])
def test_native_before_counter(n, said):
    assert speak.native(n) == said


@pytest.mark.parametrize("date, said", [
    (dt.date(2026, 12, 1), "십이월 일 일 화요일"),
    (dt.date(2026, 12, 3), "십이월 삼 일 목요일"),
    (dt.date(2026, 6, 15), "유월 십오 일 월요일"),
    (dt.date(2026, 10, 10), "시월 십 일 토요일"),
    (dt.date(2026, 11, 25), "십일월 이십오 일 수요일"),
    ("2027-01-31", "일월 삼십일 일 일요일"),
    (dt.datetime(2026, 2, 20, 9, 0), "이월 이십 일 금요일"),
])
def test_say_date(date, said):
    assert speak.say_date(date) == said


def test_say_date_options():
    d = dt.date(2026, 12, 3)
    assert speak.say_date(d, with_weekday=False) == "십이월 삼 일"
    assert speak.say_date(d, with_year=True) == "이천이십육 년 십이월 삼 일 목요일"


@pytest.mark.parametrize("time, said", [
    (dt.time(15, 30), "오후 세 시 반"),
    (dt.time(11, 0), "오전 열한 시"),
    (dt.time(15, 15), "오후 세 시 십오 분"),
    (dt.time(12, 0), "낮 열두 시"),
    (dt.time(12, 30), "낮 열두 시 반"),
    (dt.time(13, 0), "오후 한 시"),
    (dt.time(9, 5), "오전 아홉 시 오 분"),
    (dt.time(10, 45), "오전 열 시 사십오 분"),
    (dt.time(18, 0), "저녁 여섯 시"),
    (dt.time(20, 30), "저녁 여덟 시 반"),
    (dt.time(0, 0), "밤 열두 시"),
    ("14:20", "오후 두 시 이십 분"),
])
def test_say_time(time, said):
    assert speak.say_time(time) == said


def test_say_date_relative_to_today():
    today = dt.date(2026, 11, 25)
    assert speak.say_date(today, today=today) == "오늘, 십일월 이십오 일 수요일"
    said = speak.say_datetime(dt.datetime(2026, 11, 26, 15, 30), today=today)
    assert said == "내일, 십일월 이십육 일 목요일 오후 세 시 반"
    assert speak.say_date(dt.date(2026, 11, 27), today=today).startswith("모레, ")
    assert speak.say_date(dt.date(2026, 12, 1), today=today) == "십이월 일 일 화요일"


def test_say_time_without_half():
    assert speak.say_time(dt.time(15, 30), half=False) == "오후 세 시 삼십 분"
    assert speak.say_datetime(dt.datetime(2026, 11, 25, 15, 30)) == "십일월 이십오 일 수요일 오후 세 시 반"


@pytest.mark.parametrize("won, said", [
    (50000, "오만 원"), (15000, "만 오천 원"), (123000, "십이만 삼천 원"), (10000, "만 원"), (1000, "천 원"),
    (500, "오백 원"), (1200000, "백이십만 원"), (0, "영 원"),
])
def test_say_price(won, said):
    assert speak.say_price(won) == said


@pytest.mark.parametrize("number, said", [
    ("010-1234-5678", "공일공, 일이삼사, 오육칠팔"),
    ("01012345678", "공일공, 일이삼사, 오육칠팔"),
    ("0101234567", "공일공, 일이삼, 사오육칠"),
    ("02-123-4567", "공이, 일이삼, 사오육칠"),
    ("0212345678", "공이, 일이삼사, 오육칠팔"),
    ("031 987 6543", "공삼일, 구팔칠, 육오사삼"),
    ("1588-1234", "일오팔팔, 일이삼사"),
])
def test_say_phone(number, said):
    assert speak.say_phone(number) == said


@pytest.mark.parametrize("n, counter, said", [
    (1, "번", "한 번"), (2, "개", "두 개"), (3, "명", "세 명"), (20, "살", "스무 살"), (1, "번째", "첫 번째"),
    (2, "번째", "두 번째"), (2, "시간", "두 시간"), (3, "개월", "삼 개월"), (10, "분", "십 분"), (5, "회", "오 회"),
])
def test_say_count(n, counter, said):
    assert speak.say_count(n, counter) == said


@pytest.mark.parametrize("text, said", [
    ("12월 3일 오후 3:30에 스케일링, 비용은 15,000원입니다.",
     "십이월 삼 일 오후 세 시 반에 스케일링, 비용은 만 오천 원입니다."),
    ("010-1234-5678로 연락드릴게요.", "공일공, 일이삼사, 오육칠팔로 연락드릴게요."),
    ("2026-12-01 15:30", "십이월 일 일 화요일 오후 세 시 반"),
    ("2026-06-10(수요일)", "유월 십 일 수요일"),
    ("다음 주 화요일 오후 3시 반", "다음 주 화요일 오후 세 시 반"),
    ("3시 15분에 오세요", "세 시 십오 분에 오세요"),
    ("15시", "오후 세 시"),
    ("12:00", "낮 열두 시"),
    ("5만 원입니다", "오만 원입니다"),
    ("1만 5천원", "만 오천 원"),
    ("12만3천원", "십이만 삼천 원"),
    ("사랑니 1개", "사랑니 한 개"),
    ("예약은 1번, 직원 연결은 0번을 눌러 주세요.", "예약은 일 번, 직원 연결은 영 번을 눌러 주세요."),
    ("3개월 뒤", "삼 개월 뒤"),
    ("3일 뒤", "삼 일 뒤"),
    ("15일에", "십오 일에"),
    ("1시간 정도", "한 시간 정도"),
    ("본인부담 30%", "본인부담 삼십 퍼센트"),
    ("김민수 원장님", "김민수 원장님"),
    ("10월 9일은 한글날", "시월 구 일은 한글날"),
    ("평일 오전 9시 30분~오후 6시 30분", "평일 오전 아홉 시 반부터 오후 여섯 시 반까지"),
    ("09:30~18:30", "오전 아홉 시 반부터 저녁 여섯 시 반까지"),
    ("점심시간 13:00-14:00", "점심시간 오후 한 시부터 오후 두 시까지"),
    ("1만~2만 원", "만 원에서 이만 원"),
    ("10,000~20,000원", "만 원에서 이만 원"),
    ("12월 24일~26일 휴진", "십이월 이십사 일부터 이십육 일까지 휴진"),
    ("저는 AI 상담원이고", "저는 에이아이 상담원이고"),
])
def test_normalise(text, said):
    assert speak.normalise(text) == said


@pytest.mark.parametrize("text", [
    "내일 오전 9:00 예약, 02-555-1234", "2026년 6월 6일", "스케일링 1회 1만 5천 원", "25명", "3.5", "0번",
    "8월 15일 오후 2시 45분", "1588-0000번으로",
])
def test_normalise_leaves_no_digit(text):
    assert not re.search(r"\d", speak.normalise(text))
