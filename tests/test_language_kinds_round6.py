"""Kinds of caller speech the sixth round of issue 15 (after blind14's first run) taught the understanding, each with
sentences of its own (not copied from the labelled sets): a car's navigation voice half-transcribed on a hands-free
call, being busy as the reason to be brief while asking for something else, a person asked for in so many words over
"끊고 다시 걸게요", a returned missed call asking why the clinic rang (for staff), "원치 않아요" and "…인 줄 알고
걸었어요", a fear told as the reason (no question for staff), a sentence that ends by naming its slot, a care question
after "fine", a slot turned down with "좀 그렇고"/"빠듯해요", papers to hand in ("낼 서류") and a year-end tax return
that name no day, a deadline day before the visit ("…에 출국하거든요 그 전에"), a misheard 사랑니 ("사랑이"), spaced
tens ("이 십 팔일"), a reason or "…도" trailing the sentence, after-care asked in days or "기다려 봐요", and the visit
read back that is not the one booked."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import assert_heard_both_ways

NOW = dt.datetime(2035, 3, 5, 10, 20)  # a Monday morning


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time", "treatment"),
    [
        # a car's navigation voice half-transcribed is not the caller's
        ("500미터 앞에서 좌회전입니다 네 여보세요 내일 오후 두 시 스케일링 돼요", None,
         "book", "2035-03-06", "14:00", "scaling"),
        ("전방에 과속 카메라가 있습니다 아 네 예약 취소하려고요 금요일 거요", None, "cancel", "2035-03-09", None, None),
        ("죄송해요 네비 소리 때문에 검진 예약이요 다음주 월요일 열 시", None, "book", "2035-03-12", "10:00", "checkup"),
        # busy is the reason to be brief, another thing is asked
        ("운전 중이라 길게는 못 하고요 원장님 좀 바꿔 주세요", None, "talk_to_staff", None, None, None),
        ("회의 중이라 짧게 여쭐게요 제 예약 몇 시였죠", None, "confirm_appointment", None, None, None),
        ("네 맞아요 근데 지금 운전 중이라 빨리 말씀해 주세요", "yes_no", "yes", None, None, None),
        ("주차하고 나서 제가 전화드릴게요", None, "callback_later", None, None, None),
        # put through in so many words, a machine asked about in passing
        ("자동응답이면 그냥 끊을게요 상담원 연결 돼요?", None, "talk_to_staff", None, None, None),
        ("이거 녹음이에요? 아 네 그럼 목요일 오후 세 시 예약 할게요", None, "book", "2035-03-08", "15:00", None),
        # returning a missed call and asking why the clinic rang: staff know
        ("부재중 찍혀 있길래 전화했는데 무슨 일이세요", None, "question_other", None, None, None),
        ("어제 이 번호로 전화가 왔었는데 뭐 때문에 하신 거예요", None, "question_other", "2035-03-04", None, None),
        # an opt-out said with 원치 않아요, a number dialled for another shop
        ("이벤트 안내 문자 받는 거 원치 않습니다", "offer", "opt_out", None, None, None),
        ("약국인 줄 알고 눌렀어요 죄송합니다", None, "wrong_number", None, None, None),
        # a fear told as the reason asks nothing of staff; a sentence ending in its slot books
        ("제가 치과가 너무 무서워서 그런데 신경치료 다음주 수요일 오전 열 시에 할게요", None,
         "book", "2035-03-14", "10:00", "root_canal"),
        ("겁이 나서 계속 미뤘는데 어금니가 시큰거려요", None, "symptom", None, None, None),
        ("다른 치과에서 하던 거 이어서 받으려고요 목요일 열한 시 반이요", None, "book", "2035-03-08", "11:30", None),
        # a care question after "fine" to a wellbeing question
        ("네 좋아졌어요 그런데 딱딱한 거 씹어도 돼요", "wellbeing", "medical_question", None, None, None),
        ("괜찮아요 근데 아직 한쪽으로만 씹어야 돼요", "wellbeing", "medical_question", None, None, None),
        # a day or time turned down with 좀 그렇고/촉박해요, another asked instead
        ("월요일은 좀 그렇고 수요일 오후 어때요", "proposal", "no", "2035-03-07", None, None),
        ("열 시는 좀 촉박해요 열한 시 반 안 될까요", "proposal", "no", None, "11:30", None),
        ("그 시간 말고 저녁 시간은 안 돼요?", "reminder", "reschedule", None, None, None),
        # papers to hand in (낼 서류), a year-end tax return, a deadline day before the visit, misheard 사랑니,
        # spaced tens
        ("회사에 낼 서류 떼 주실 수 있어요 진료확인서요", None, "question_other", None, None, None),
        ("연말정산용 의료비 영수증 다시 받을 수 있을까요", None, "question_other", None, None, None),
        ("다음 주 금요일에 출국하거든요 그 전에 스케일링 받고 싶은데 화요일 돼요", None,
         "book", "2035-03-13", None, "scaling"),
        ("사랑이 하나 뽑으려고요 금요일 오후에", None, "book", "2035-03-09", None, "wisdom_tooth"),
        ("삼 십 일 오전 열 시요", "date", "book", "2035-03-30", "10:00", None),
        # a reason or one more thing after the sentence end
        ("영문 진단서도 떼 주세요 비자 신청 때문에", None, "question_other", None, None, None),
        # after-care asked: how many days, wait and see, a modal with an afterthought
        ("냉찜질은 며칠 해요", None, "medical_question", None, None, None),
        ("임시로 붙인 거 며칠 더 지켜봐요", None, "medical_question", None, None, None),
        ("교정 유지장치 밤에만 껴야 돼요 낮에도요", None, "medical_question", None, None, "orthodontics"),
        # a spot on a tooth, one more thing with a yes to an offer, the visit read back is not the one booked
        ("어금니에 검은 점이 생겼어요", None, "symptom", None, None, None),
        ("네 그럼 잡아 주세요 스케일링도", "offer", "yes", None, None, "scaling"),
        ("아니요 그 시간 아니에요 저 다른 날로 바꿨었어요", "confirm", "no", None, None, None),
    ],
)
def test_kinds_of_blind14(text, expect, intent, date, time, treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date"),
    [
        # being busy with no other request is still a call-back, and "나중에 … 연결해 주세요" asks for one later
        ("예 운전 중이라서요", "yes_no", "callback_later", None),
        ("지금 회의 중이라 나중에 원장님 연결해 주세요", None, "callback_later", None),
        # "낼" as tomorrow stays tomorrow
        ("낼 세 시요", "time", "book", "2035-03-06"),
        ("연말에 예약하고 싶어요", None, "book", "2035-12-31"),
        # a refused day with no other one, to "which day?": a sure no
        ("목요일은 안 되는데", "date", "no", "2035-03-08"),
    ],
)
def test_kinds_that_stay(text, expect, intent, date):
    got = understand(text, NOW, expect)
    assert (got.intent, got.date) == (intent, date), got
