"""Kinds of caller speech the eighth round of issue 15 (after blind16's first run) taught the understanding, each with
sentences of its own (not copied from the labelled sets): a weekday and the day of the month said together (the day
of the month wins when they disagree) or the week said after the weekday as an afterthought ("금요일 괜찮아요 다음
주요"), a pulling or aching feeling ("땡기는 느낌", "쑤셔요") that moves no visit, the clinic that referred the caller
named by its speciality ("임플란트 치과에서 … 빼고 오라던데": no implant), X-rays and records sent or collected, which
day a doctor works and where they trained, one's own past treatment asked back to a recall call, how many sessions a
treatment is split into (the plan, for staff), an offer accepted with a question after it, a day and a time checked
with "맞죠", and lines cut off or spelled like a text message."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import assert_heard_both_ways

NOW = dt.datetime(2036, 6, 2, 10, 20)  # a Monday morning


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time", "treatment"),
    [
        # a weekday and the day of the month; the week said after the weekday
        ("다음 주 수요일 10일 오후 세 시요", None, "book", "2036-06-10", "15:00", None),
        ("금요일 6일에 스케일링 돼요", None, "book", "2036-06-06", None, "scaling"),
        ("화요일이요 다음 주", "date", "book", "2036-06-10", None, None),
        ("금요일 괜찮아요 다음 주요", "date", "book", "2036-06-13", None, None),
        # a feeling, not a move
        ("발치한 데가 좀 땡기는 느낌이 있어요", "wellbeing", "symptom", None, None, "extraction"),
        ("잇몸이 계속 쑤셔요", None, "symptom", None, None, "gum"),
        # the referring clinic's speciality is not the treatment
        ("임플란트 치과에서 사랑니부터 빼고 오라던데 목요일 오전 돼요", None, "book", "2036-06-05", None,
         "wisdom_tooth"),
        # X-rays and records, a doctor's days and training: for staff
        ("예전에 찍은 엑스레이 이메일로 보내 주실 수 있나요", None, "question_other", None, None, "checkup"),
        ("진료 기록 떼러 가려면 신분증 있어야 돼요", None, "question_other", None, None, None),
        ("사진 파일 usb에 담아 주세요 제가 들를게요", None, "question_other", None, None, None),
        ("박 선생님은 주로 언제 나오세요", None, "question_other", None, None, None),
        ("원장님 진료하시는 요일이 언제예요", None, "question_other", None, None, None),
        ("원장님 어느 학교 출신이세요", None, "question_other", None, None, None),
        ("애들 진료 잘 봐 주시는 선생님 계세요", None, "question_other", None, None, None),
        # one's own past treatment asked back to a recall call; how many sessions
        ("마지막으로 스케일링 한 게 언제였죠", "offer", "question_other", None, None, "scaling"),
        ("제가 작년에 뭐 받았었는지 알 수 있어요", "offer", "question_other", None, None, None),
        ("신경치료는 보통 몇 번에 나눠서 받아요", None, "question_other", None, None, "root_canal"),
        # an offer accepted with a question after it; a day and a time checked
        ("좋아요 예약해 주세요 근데 오래 걸려요", "offer", "yes", None, None, None),
        ("문자를 못 받아서 그러는데 수요일 세 시 맞죠", None, "confirm_appointment", "2036-06-04", "15:00", None),
        ("아이고 고마워요 미안해요 내가 깜빡해서 그 내일 예약 몇 시였지요 고마워요", None, "confirm_appointment",
         "2036-06-03", None, None),
        # cut off, texting spelling, a cancel with its reason, a family booked together
        ("예약 취소 좀 해 주", None, "cancel", None, None, None),
        ("낼 오전 열시 스켈링 ㄱㄴ?", None, "book", "2036-06-03", "10:00", "scaling"),
        ("ㅇㅋ 그때 갈게요", "reminder", "yes", None, None, None),
        ("할머니 상 치르느라 이번 주 예약 못 가요 취소할게요", None, "cancel", None, None, None),
        ("우리 애 둘 하고 저까지 세 명 검진 목요일 네 시에 돼요", None, "book", "2036-06-05", "16:00", "checkup"),
    ],
)
def test_kinds_of_blind16(text, expect, intent, date, time, treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date"),
    [
        # a visit moved earlier is still a move; a weekday with a move said after it is not put in that week
        ("예약을 하루 당겨 주실 수 있어요", None, "reschedule", None),
        ("화요일에 예약했는데 다음 주로 미뤄 주세요", None, "reschedule", None),
        # an X-ray taken at the visit books it; a doctor asked for by name is put through
        ("엑스레이 찍으러 목요일 오후 두 시에 갈게요", None, "book", "2036-06-05"),
        ("원장님 지금 계세요", None, "talk_to_staff", None),
    ],
)
def test_kinds_that_stay_round8(text, expect, intent, date):
    got = understand(text, NOW, expect)
    assert (got.intent, got.date) == (intent, date), got
