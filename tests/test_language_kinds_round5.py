"""Kinds of caller speech the fifth round of issue 15 (after blind13's first run) taught the understanding, each with
sentences of its own (not copied from the labelled sets): foreigners' Konglish ("클리닝", "open 몇 시"), a caller
who takes a time back with an apology ("3시 아 미안해요 5시"), the day named with the visit in a move ("수요일 예약
… 미룰 수 있을까요 금요일쯤"), papers fetched for someone else and someone brought along (for staff), messages in
another language, "네? 며칠이라고요" (what the bot said, again), polite refusals ("이번엔 패스요", "마음만 받을게요"),
a jaw that will not close, and the rules-alone misses of blind13 (an insurance claim's itemised bill, "덕분에" to a
wellbeing question, "아니요 그 날짜 아닌데요" to a confirmation, "시간 지나면 나아져요", a care step that must go on,
"…그럼 금요일 6시로 잡아 주세요" after an hours question, a yes and hesitation only)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import assert_heard_both_ways

NOW = dt.datetime(2033, 2, 14, 11, 5)  # a Monday morning


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time", "treatment"),
    [
        # Konglish
        ("치아 클리닝 예약하고 싶어요 목요일 오전 10시", None, "book", "2033-02-17", "10:00", "scaling"),
        ("크리닝 얼마예요", None, "ask_price", None, None, "scaling"),
        ("close 몇 시예요", None, "ask_hours", None, None, None),
        ("저는 태국 사람이에요 내일 세시 갈 수 있어요", None, "book", "2033-02-15", "15:00", None),
        # a time taken back with an apology or "잠깐만요"
        ("수요일 3시 아 미안해요 5시가 좋겠어요", None, "book", "2033-02-16", "17:00", None),
        ("내일 11시 잠깐만요 12시로 해주세요 스케일링", None, "book", "2033-02-15", "12:00", "scaling"),
        # in a move, the day named with the visit is where it is now
        ("수요일 예약 좀 미룰 수 있을까요 금요일쯤", None, "reschedule", "2033-02-18", None, None),
        ("목요일 검진 예약 늦출 수 있나요 다음주 월요일이나", None, "reschedule", "2033-02-21", None, "checkup"),
        ("다음주 수요일로 바꿔 주세요 출장 일정이 생겨서요", "reminder", "reschedule", "2033-02-23", None, None),
        # papers for someone else, someone brought along, messages in another language: for staff
        ("아내 대신 가서 영수증 받아 와도 되나요", None, "question_other", None, None, None),
        ("위임장 있으면 제가 진료기록 떼러 가도 돼요", None, "question_other", None, None, None),
        ("친구랑 같이 들어가도 되나요 혼자 무서워서요", None, "question_other", None, None, None),
        ("유모차 끌고 가도 괜찮아요", None, "question_other", None, None, None),
        ("봐줄 사람이 없어서 애를 데리고 가야 되는데 괜찮아요", None, "question_other", None, None, None),
        ("안내 문자 중국어로 보내 주실 수 있어요", None, "question_other", None, None, None),
        ("예약 알림 카톡으로 받을 수 있어요", None, "question_other", None, None, None),
        ("휠체어 타고 들어갈 수 있나요", None, "question_other", None, None, None),
        # what the bot said, again
        ("네? 며칠이라고요", "proposal", "other", None, None, None),
        ("잘 못 들었어요 언제라고요", "reminder", "other", None, None, None),
        ("아 네 저기 그게요", None, "other", None, None, None),
        # polite refusals of an offer
        ("말씀은 고마운데 이번엔 패스요", "offer", "no", None, None, None),
        ("마음만 받을게요", "offer", "no", None, None, None),
        # a jaw that will not close is an emergency
        ("넘어져서 턱을 찧었는데 입이 안 다물어져요", None, "emergency", None, None, None),
        # the rules-alone misses of blind13, in other words
        ("실비 청구용 세부내역서랑 영수증 떼 주세요", None, "ask_insurance", None, None, None),
        ("네 덕분에 잘 지내요", "wellbeing", "no", None, None, None),
        ("아니요 그 날짜 아닌데요", "confirm", "no", None, None, None),
        ("씌운 데가 좀 뻐근한데 시간 지나면 나아져요", None, "medical_question", None, None, "crown"),
        ("괜찮은데 가글 계속 해야 돼요", "wellbeing", "medical_question", None, None, None),
        ("진통제 계속 먹어야 돼요", None, "medical_question", None, None, None),
        ("토요일은 쉬시죠 그럼 금요일 오후 6시로 잡아 주세요", None, "book", "2033-02-18", "18:00", None),
    ],
)
def test_kinds_of_blind13(text, expect, intent, date, time, treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)


@pytest.mark.parametrize(
    ("text", "intent", "date"),
    [
        # a day with it keeps a visit asked for (someone brought along is then the patient or company)
        ("애가 이가 아파서 수요일에 데리고 가도 될까요", "book", "2033-02-16"),
        # a day that names no visit stays the day asked for
        ("금요일로 바꿔 주세요", "reschedule", "2033-02-18"),
    ],
)
def test_kinds_that_stay(text, intent, date):
    got = understand(text, NOW)
    assert (got.intent, got.date) == (intent, date), got
