"""Kinds of caller speech the tenth round of issue 15 (after the first runs of blind18, dev12 and dev13) taught the
understanding, each with sentences of its own (not copied from the labelled sets): refusals of calls and texts with
only a time word ("이제 보내지 마세요", "다시 걸지 마세요", "그만 보내 주세요"), advertising switched off or taken off a
list, not receiving, one's number not to be used, offers not to be told of, calls and texts made to stop coming,
next to what is no refusal (a text asked for, a no to one offer, being busy); replies to the clinic's own outbound
calls (the person asked says it is them, a relative says the patient is out, busy but the last words say yes, a
change read back agreed, an offer taken on a condition or in the first words, an offer declined in the last words);
one's own visit checked, never booked; medical questions never booked (activities after a treatment, a child's
habit, a condition such as dialysis, a precaution, harm or healing asked, whether to come asked after whether it is
normal); a knocked-out tooth kept in milk; a cancel then a new day; 무르다; a walk from a place; a lost thread."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import assert_heard_both_ways

NOW = dt.datetime(2036, 9, 8, 15, 10)  # a Monday afternoon


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time", "treatment"),
    [
        # a refusal of calls, texts or advertising, in any words, is an opt-out (the law)
        ("저 거기 안 간 지 한참 됐어요 앞으로는 보내지 마세요", None, "opt_out", None, None, None),
        ("바쁜 사람한테 자꾸 이러시면 곤란해요 다시는 걸지 마세요", "offer", "opt_out", None, None, None),
        ("이벤트 안내 이제 그만 보내 주세요", None, "opt_out", None, None, None),
        ("진료 예약 알림은 두시고 광고 카톡만 꺼 주세요", None, "opt_out", None, None, None),
        ("홍보 문자 오는 거 귀찮아서요 그쪽 발송 명단에서 빼 주세요", None, "opt_out", None, None, None),
        ("이 번호는 문자 수신 안 해요", "reminder", "opt_out", None, None, None),
        ("마케팅 용도로 우리 엄마 번호 사용하지 마세요", None, "opt_out", None, None, None),
        ("다음부터 그런 할인 소식은 저한테 알리지 말아 주세요", "offer", "opt_out", None, None, None),
        ("치과에서 오는 전화 받는 것도 싫고 문자도 싫어요", "offer", "opt_out", None, None, None),
        ("새벽에 문자가 와서 깼어요 이거 안 오게 좀 해 주세요", None, "opt_out", None, None, None),
        # ... and what is no opt-out
        ("회의 들어가야 돼서요 문자로 주세요", "offer", "callback_later", None, None, None),
        ("아 괜찮아요 그 검진은 이번엔 안 받을게요", "offer", "no", None, None, "checkup"),
        ("그만 아프고 싶어서 전화했어요 신경치료 예약하려고요", None, "book", None, None, "root_canal"),
        # replies to the clinic's outbound calls, by the question asked
        ("어 네 접니다 제가 지금 밖이라서 시끄럽죠", "yes_no", "yes", None, None, None),
        ("네 지난주에 임플란트 심은 사람이에요", "yes_no", "yes", None, None, "implant"),
        ("저는 아들인데요 아버지 지금 주무세요", "yes_no", "no", None, None, None),
        ("아니요 저는 며느린데요 어머님은 외출하셨어요", "reminder", "no", None, None, None),
        ("수업 중이라 길게는 못 해요 네네 갈게요", "reminder", "yes", None, None, None),
        ("네 어머니 모시고 같이 갈게요", "reminder", "yes", None, None, None),
        ("예 정확합니다", "confirm", "yes", None, None, None),
        ("네 그렇게 변경해 주세요 목요일 오전으로요", "confirm", "yes", "2036-09-11", None, None),
        ("좋아요 공짜로 해 주는 거면 당연히 해야죠", "offer", "yes", None, None, None),
        ("네 할게요 근데 날짜는 남편 스케줄 보고 다시 말씀드릴게요", "offer", "yes", None, None, None),
        ("임플란트는 벌써 다른 데서 해 가지고 필요 없어요", "offer", "no", None, None, "implant"),
        ("퇴근이 늦긴 한데 그래도 갈게요", "proposal", "yes", None, None, None),
        # one's own visit checked, never booked
        ("제 검진 몇 시로 해 놨었죠", None, "confirm_appointment", None, None, "checkup"),
        ("아빠 예약 시간 한 번만 다시 불러 주실래요", None, "confirm_appointment", None, None, None),
        ("엄마 이름으로 예약된 게 있는지 봐 주세요", None, "confirm_appointment", None, None, None),
        ("제 다음 주 예약 취소된 거 아니죠 아무 연락이 없어서요", None, "confirm_appointment", None, None, None),
        # medical questions, never a booking (with or without a day said)
        ("토요일에 발치하는데 그 다음 날 골프 나가도 돼요", None, "medical_question", "2036-09-13", None,
         "extraction"),
        ("신경치료 받은 날 헌혈해도 괜찮아요", None, "medical_question", None, None, "root_canal"),
        ("우리 애가 아직도 손가락을 빨아요 이가 삐뚤어질까요", None, "medical_question", None, None, None),
        ("신장 투석 중인데 임플란트 받을 수 있어요", None, "medical_question", None, None, "implant"),
        ("발치 전에 제가 조심해야 할 게 있어요", None, "medical_question", None, None, "extraction"),
        ("교정하는 동안 사탕 먹으면 안 좋아요", None, "medical_question", None, None, "orthodontics"),
        ("당뇨 있어도 뼈이식 하면 잘 붙어요", None, "medical_question", None, None, "implant"),  # round 16
        ("어제 때운 이가 시큰한데 정상이에요 다시 가 봐야 돼요", None, "medical_question", "2036-09-07", None,
         "filling"),
        # a knocked-out tooth kept in milk: an emergency
        ("애 앞니가 빠져서 빠진 이를 우유에 넣어 가지고 가요", None, "emergency", None, None, None),
        # a cancel then a new day is a move; 무르다 cancels
        ("수요일 예약 취소하고 금요일로 다시 잡아 주세요", None, "reschedule", "2036-09-12", None, None),
        ("다음 주 스케일링 예약 좀 물러 주세요", None, "cancel", None, None, "scaling"),
        # the way from a place; a school's front gate names no braces
        ("역에서 걸어가면 얼마나 걸려요", None, "ask_location", None, None, None),
        ("아이 학교 정문 앞이라던데 어느 건물이에요", None, "ask_location", None, None, None),
        # slots: numbers read out syllable by syllable, a time given as the reason, the evening said after the time,
        # the verb 두다 ("알림은 두시고") is no two o'clock
        ("내 치료가 십 일 월 이 십 일 일 맞죠", None, "confirm_appointment", "2036-11-21", None, None),
        ("다 음 주 목 요 일 오전 열 시 반으로 잡아 줘요", None, "book", "2036-09-18", "10:30", None),
        ("여섯 시 반 퇴근이라서 일곱 시 반이요", "time", "book", None, "19:30", None),
        ("학원 끝나면 네 시인데 다섯 시 예약 돼요", None, "book", None, "17:00", None),
        ("여덟 시쯤 돼요 저녁", "time", "book", None, "20:00", None),
        ("예약 문자는 그대로 두시고 광고 카톡만 꺼 주세요", None, "opt_out", None, None, None),
        # help asked with a booking is a booking (the rebuilt model had started to read it as a check)
        ("처음이라 잘 모르는데 예약 좀 도와주세요", None, "book", None, None, None),
        # the caller lost the thread: nothing asked yet
        ("아 잠깐만요 내가 뭘 물어보려고 했지", None, "other", None, None, None),
    ],
)
def test_round10_kinds(text, expect, intent, date, time, treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)


def test_a_refusal_of_calls_is_never_left_to_the_model():
    """The law: the rules themselves hear the refusal (the statistical model never says opt_out)."""
    for text in ("이제 걸지 마세요", "광고 문자는 꺼 주세요", "수신 안 합니다"):
        got = understand(text, NOW, expect="offer", statistical=False)
        assert got.intent == "opt_out", (text, got)
        assert got.source == "rules"


def test_an_activity_after_a_treatment_with_a_day_is_never_a_booking():
    """Issue 15: leave for an activity after a treatment is a medical question; of two days the treatment's is read
    for staff (as a medicine asked before a treatment keeps the treatment's day)."""
    for statistical in (True, False):
        got = understand("금요일에 임플란트 수술인데 일요일에 등산 가도 돼요", NOW, statistical=statistical)
        assert got.intent == "medical_question"
        assert got.date == "2036-09-12"
