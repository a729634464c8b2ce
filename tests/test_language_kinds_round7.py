"""Kinds of caller speech the seventh round of issue 15 (after blind15's first run) taught the understanding, each with
sentences of its own (not copied from the labelled sets): running late or already on the way (a message for staff),
someone's answer relayed from the background ("엄마 뭐라고? … 좋대요"), a caller hard of hearing ("크게 좀 말해
주세요", "귀가 어두워서", a person asked to take the call), the phone and the days open over the holidays and at lunch,
Saturdays every week or every other, paying at once, monthly or by transfer, a bill disputed and a redo asked for
free, a wire or elastic changed in a treatment series (no visit moved), a treatment "중간" and "제대로 된 거 맞아요"
(after-care), how many visits or months a treatment takes (the plan, for staff), counter-questions to a reminder
(whose visit, what it is for, how long it takes), opt-outs said with 다신/끊어/차단, the last words accepting after a
busy reason, "이따가요", painkillers that do not hold the pain, a number that someone else used, moving to another
clinic (a cancel), and staying beside a child in the surgery."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import assert_heard_both_ways

NOW = dt.datetime(2035, 3, 5, 10, 20)  # a Monday morning


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time", "treatment"),
    [
        # running late or on the way: a message for staff, unless a move or a cancel is asked
        ("지금 택시 타고 가는 중인데 오 분쯤 늦을 거 같아요", None, "question_other", None, None, None),
        ("길이 너무 막혀서 예약 시간보다 좀 늦겠는데 어떡하죠", None, "question_other", None, None, None),
        ("차가 막혀서 늦을 것 같아요 삼십 분 뒤로 미뤄 주실 수 있어요", None, "reschedule", None, None, None),
        ("가는 중이었는데 너무 늦어질 것 같아서 오늘 건 취소할게요", None, "cancel", "2035-03-05", None, None),
        # someone's answer relayed from the background
        ("잠깐만요 아빠 뭐라고? 수요일이 괜찮대요", "date", "book", "2035-03-07", None, None),
        ("어머니가 그 시간은 안 된대요", "proposal", "no", None, None, None),
        # hard of hearing: say it again, or a person to take the call
        ("좀 천천히 말해 줘요 잘 못 알아듣겠어", "reminder", "other", None, None, None),
        ("보청기를 껴도 잘 안 들려서 그래 직원이 직접 받아 줘", None, "talk_to_staff", None, None, None),
        # the holidays, lunch and Saturdays
        ("추석 연휴에 진료하는 날 있어요", None, "ask_hours", None, None, None),
        ("명절 때 전화 접수는 돼요", None, "ask_hours", None, None, None),
        ("토요일 진료는 매주 해요", None, "ask_hours", "2035-03-10", None, None),
        ("평일에 끝나는 시간이 몇 시예요", None, "ask_hours", None, None, None),
        ("주말에 응급으로 봐 주는 날 있어요", None, "ask_hours", "2035-03-10", None, None),  # a weekend named: that one
        # paying at once, monthly, by transfer
        ("임플란트 비용 매달 나눠서 내도 되나요", None, "ask_price", None, None, "implant"),
        ("검진비 카드로 돼요", None, "ask_price", None, None, "checkup"),
        ("계좌이체로 보내 드려도 돼요", None, "ask_price", None, None, None),
        # a bill disputed, a redo asked for free
        ("치료비 계산이 잘못 나온 것 같아서 전화했어요", None, "question_other", None, None, None),
        ("레진 한 게 또 떨어졌는데 다시 해 주시면 무상이죠", None, "question_other", None, None, "filling"),
        # a treatment series: a wire changed moves no visit; "중간", "제대로 된 거 맞아요", how many visits
        ("교정 고무줄 바꾸러 가야 되는데 목요일 다섯 시 돼요", None, "book", "2035-03-08", "17:00", "orthodontics"),
        ("임플란트 치료 중간인데 딱딱한 거 씹어도 괜찮아요", None, "medical_question", None, None, "implant"),
        ("신경치료 받았는데 아직 시려요 치료가 제대로 된 거 맞아요", None, "medical_question", None, None,
         "root_canal"),
        ("교정 끝나면 유지장치 점검은 몇 번 더 가야 돼요", None, "question_other", None, None, "orthodontics"),
        # counter-questions to a reminder
        ("누구 예약 말씀하시는 거예요 애 거예요", "reminder", "confirm_appointment", None, None, None),
        ("그날 무슨 진료 받는 날이었죠", "reminder", "confirm_appointment", None, None, None),
        ("그거 몇 시간 정도 걸려요 반차 내야 돼서요", "reminder", "question_other", None, None, None),
        # opt-outs said with 다신, 끊어, 차단
        ("광고 전화면 다신 하지 마세요", "offer", "opt_out", None, None, None),
        ("이벤트 문자 오는 거 차단해 주세요", None, "opt_out", None, None, None),
        ("연락 좀 끊어 주세요 필요 없어요", "offer", "opt_out", None, None, None),
        # the last words accept after a busy reason; "이따가요"
        ("도서관이라 길게 통화 못 하는데 그 시간 괜찮아요", "proposal", "yes", None, None, None),
        ("이따가요 이따가", "yes_no", "callback_later", None, None, None),
        # painkillers that do not hold the pain, bleeding that goes on
        ("진통제를 먹었는데도 통증이 안 잡혀요", None, "emergency", None, None, None),
        ("아까 이 뺀 데서 피가 나는데 한 시간 넘게 안 멈춰요", None, "emergency", None, None, "extraction"),
        # a number someone else used; moving to another clinic cancels
        ("이 번호 예전에 누나가 쓰던 건데요", "yes_no", "wrong_number", None, None, None),
        ("다음 주 예약 취소해 주세요 회사 근처로 옮기려고요", None, "cancel", None, None, None),
        # staying beside a child in the surgery: what the clinic allows
        ("애 진료 볼 때 제가 옆에 있어도 되나요", None, "question_other", None, None, None),
        ("임플란트 하고 커피 한 잔은 괜찮죠", None, "medical_question", None, None, "implant"),
    ],
)
def test_kinds_of_blind15(text, expect, intent, date, time, treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        # an emergency now is still one; a late answer to a proposal is a no, not a message
        ("지금 응급으로 봐 주실 수 있어요 피가 안 멈춰요", None, "emergency"),
        ("그 시간은 너무 늦어요", "proposal", "no"),
        # "이따가" is later, not a stinging pain; "그거 무슨" is no darkened tooth
        ("이따가 점심 먹고 다시 전화할게요", None, "callback_later"),
        ("그거 무슨 말씀이세요", "yes_no", "other"),
    ],
)
def test_kinds_that_stay(text, expect, intent):
    got = understand(text, NOW, expect)
    assert got.intent == intent, got
