"""Kinds of caller speech the fourth round of issue 15 (after blind12's first run) taught the understanding, each with
sentences of its own (not copied from the labelled sets): callers on a lunch break who give their circumstances
("점심시간이라", "회사 앞이라", "외근 중이라") while they book, a "…로" target after a part of the day, Gyeongsang
words (바까 주이소, 안 할랍니다, 엽니꺼, 마쳐요), what a visit takes, records moved, "is this normal" after a
treatment, and a check of one's visit that the model may not turn into a booking; then the kinds of dev10 and dev11
(teeth grinding, Konglish, penalties and fees, a change only supposed or politely asked for)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import assert_heard_both_ways

NOW = dt.datetime(2031, 4, 9, 12, 15)  # a Wednesday, lunch time


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time", "treatment"),
    [
        # circumstances said while booking: no hours, location or call-back asked; a clock time asked is a slot
        ("점심시간이라 통화 짧게 할게요 금요일 1시 반 충치 치료 돼요", None, "book", "2031-04-11", "13:30", "filling"),
        ("사무실이 바로 앞이라서요 내일 12시 스케일링 가능한가요", None, "book", "2031-04-10", "12:00", "scaling"),
        ("외근 중이라 짧게 여쭙니다 금요일 오후 5시 레진 치료 예약 되겠습니까", None, "book", "2031-04-11", "17:00",
         "filling"),
        ("엄마 틀니 점검 받으셔야 돼서요 금요일 오전 10시 되나요", None, "book", "2031-04-11", "10:00", "denture"),
        # an answer naming the slot asked for is a booking, whatever else it names
        ("1시 반이요 점심시간이거든요", "time", "book", None, "13:30", None),
        ("목요일이요 회사 근처라", "date", "book", "2031-04-10", None, None),
        ("금요일은 안 되는데", "date", "no", "2031-04-11", None, None),  # a day refused is no answer of a day
        ("네 두 시 좋아요", "time", "yes", None, "14:00", None),  # a yes stays a yes
        # the "…로" target wins after a part of the day or a clock time
        ("금요일 예약을 다음 주 월요일 오후로 옮겨 주세요", None, "reschedule", "2031-04-14", None, None),
        ("화요일 검진 예약 목요일 아침 9시로 바꿀게요", None, "reschedule", "2031-04-10", "09:00", "checkup"),
        # Gyeongsang and Jeolla words
        ("예약 좀 바까 주이소 금요일로", None, "reschedule", "2031-04-11", None, None),
        ("아이구 됐심더", "offer", "no", None, None, None),
        ("고마 안 할랍니다", "offer", "no", None, None, None),
        ("그라믄 그래 해 주쇼", "offer", "yes", None, None, None),
        ("문 몇 시에 엽니꺼", None, "ask_hours", None, None, None),
        ("평일엔 몇 시에 마쳐요", None, "ask_hours", None, None, None),
        # paying in parts is a price question; "일시불" is no 1 o'clock
        ("임플란트 값 나눠서 납부해도 돼요", None, "ask_price", None, None, "implant"),
        ("일시불로 하면 좀 깎아 줘요", None, "ask_price", None, None, None),
        ("원장님 오늘 안 계세요", None, "talk_to_staff", "2031-04-09", None, None),
        ("네? 거기 어디라고요", "yes_no", "other", None, None, None),
        # is it normal, after a treatment
        ("입술 마취가 언제쯤 풀려요", None, "medical_question", None, None, None),
        ("뽑은 데서 피가 살짝 비치는데 이 정도면 괜찮은 거죠", None, "medical_question", None, None, "extraction"),
        ("크라운 한 이가 좀 높은 느낌이 드는데 적응되나요", None, "medical_question", None, None, "crown"),
        ("레진 한 데가 단 거 먹으면 찌릿한데 원래 그런 거예요", None, "medical_question", None, None, "filling"),
        # what a visit takes, records moved, a clinic that offers something: for staff
        ("미성년자는 치료 받으려면 보호자가 꼭 와야 돼요", None, "question_other", None, None, None),
        ("임플란트 끝나려면 몇 달이나 다녀야 돼요", None, "question_other", None, None, "implant"),
        ("레이저 치료 되는 치과예요", None, "question_other", None, None, None),
        ("진료 기록 이쪽으로 옮길 수 있나요", None, "question_other", None, None, None),
        ("중국어 하시는 선생님 계세요", None, "question_other", None, None, None),
        # the next visit asked about is a check of one's appointment, not a medical question or a booking
        ("딸이 교정 중인데 다음 달 치아 교정 조이는 날 언제예요", None, "confirm_appointment", None, None,
         "orthodontics"),
        # to an offer, done at work's health check: a no
        ("스케일링요 회사에서 건강검진 때 했어요", "offer", "no", None, None, "scaling"),
        ("죄송한데 지금 미팅 들어가야 해서요 오후에 다시 주세요", "reminder", "callback_later", None, None, None),
        ("네 제가 어머니 보호자인데 대신 들을게요", "yes_no", "yes", None, None, None),
        # dev10: grinding with an adverb between; "다른 날로" moves the visit for sure
        ("아들이 밤마다 이를 박박 가는데 그냥 둬도 돼요", None, "medical_question", None, None, None),
        ("아 그날 출장이라 안 돼요 다른 시간으로 해 주세요", "reminder", "reschedule", None, None, None),
        # dev11: Konglish, a penalty for not showing up, fine but for a symptom
        ("진료 리스케쥴 가능할까요 금요일로", None, "reschedule", "2031-04-11", None, None),
        ("예약 취소하면 위약금 있나요", None, "question_other", None, None, None),
        ("당일 취소 수수료 있어요", None, "question_other", None, None, None),
        ("모레 예약 취소하면 안 될까요", None, "cancel", "2031-04-11", None, None),  # asks politely for one
        ("다 나았어요 찬 거 먹을 때 시린 거 빼고요", "wellbeing", "symptom", None, None, None),
        ("틀니 밤에 안 빼면 잇몸 상해요", None, "medical_question", None, None, "denture"),  # what if I don't
        ("많이 좋아진 것 같아요", "wellbeing", "no", None, None, None),
    ],
)
def test_kinds_of_blind12(text, expect, intent, date, time, treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)


@pytest.mark.parametrize("text", ["할매 틀니가 자꾸 덜그럭거리는데 우짜면 좋노", "씌운 데가 욱신거리는데 우짜면 좋노"])
def test_a_question_plainly_asked_is_no_symptom_told(text):
    """The model may not turn a question the rules found, asked at the end of the sentence, into a symptom told."""
    assert understand(text, NOW).intent == "medical_question"


@pytest.mark.parametrize("text", ["사랑니 뽑은 자리가 시큰한데 원래 좀 그래요", "임플란트 한 데가 가려운데 정상이에요"])
def test_is_it_normal_after_a_treatment_is_sure(text):
    """The rules' answer is sure: the model may not turn it into a symptom told."""
    got = understand(text, NOW)
    assert (got.intent, got.source) == ("medical_question", "rules")
