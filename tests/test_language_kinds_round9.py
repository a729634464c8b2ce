"""Kinds of caller speech the ninth round of issue 15 (after blind17's first run) taught the understanding, each with
sentences of its own (not copied from the labelled sets): refusals of calls and texts in dialect or in roundabout
words ("전화허지 마쇼", "이런 전화는 안 받았으면", "광고 문자는 빼 주세요", "광고 전화 오는 거 막아 주세요") next to
what is no refusal ("문자로 보내 주세요", thanks for the call, a no to one offer, taking a visit out); whether to
stop or keep a medicine before a treatment, and travelling or adapting after one (never a booking, even with a day
said); whether the clinic sedates; a request after a few small questions ("…알겠고요 그럼 …"), whose time is the
request's; an insurance word naming the kind of a booking, and a price under the scheme ("보험으로 하면 얼마"); a
cancel whose reason is a move someone advised; a time given with being busy as the reason; thanks and goodbye out
of the blue; a part of an appliance swallowed; braces parts naming orthodontics; "그 다음 주" after a week named, and a
week turned down as "빡빡하고"."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from tests.language_kinds_support import assert_heard_both_ways

NOW = dt.datetime(2036, 6, 2, 10, 20)  # a Monday morning


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time", "treatment"),
    [
        # a refusal of calls or texts, in any words, is an opt-out (the law)
        ("이런 전화 앞으로는 하덜 말어유", "offer", "opt_out", None, None, None),
        ("좋은 말씀인데 앞으로 이런 연락은 안 받고 싶어요", "offer", "opt_out", None, None, None),
        ("예약 알림은 받을게요 근데 이벤트 문자는 빼 주세요", None, "opt_out", None, None, None),
        ("엄마 폰으로 홍보 전화 오는 거 좀 막아 주실래요", None, "opt_out", None, None, None),
        ("미백 할인 그런 문자 저한테는 이제 보내지 마세요", "offer", "opt_out", None, None, "whitening"),
        # ... and what is no opt-out
        ("네 그럼 문자로 보내 주세요", "offer", "yes", None, None, None),
        ("일부러 전화 주셔서 감사해요", None, "other", None, None, None),
        ("아니요 스케일링은 괜찮아요", "offer", "no", None, None, "scaling"),
        ("목요일 예약 빼 주세요", None, "cancel", "2036-06-05", None, None),
        # a medicine stopped or kept before a treatment: a medical question, even with a day said
        ("와파린 먹는 중인데 모레 사랑니 빼기 전에 끊어야 돼요", None, "medical_question", "2036-06-04", None,
         "wisdom_tooth"),
        ("혈압약은 그날 아침에도 먹고 가도 되는 거죠 금요일 임플란트 수술이요", None, "medical_question", "2036-06-06",
         None, "implant"),
        ("골다공증 주사 맞고 있는데 발치 전에 쉬어야 하나요", None, "medical_question", None, None, "extraction"),
        # travelling or adapting after a treatment
        ("사랑니 뽑고 나서 기차 타고 부산 다녀와도 돼요 이번 주말에", None, "medical_question", "2036-06-07", None,
         "wisdom_tooth"),
        ("교정기 새로 끼고 나서 말이 새는데 적응되면 괜찮아지죠", None, "medical_question", None, None, "orthodontics"),
        ("크라운 씌우고 나서 자꾸 혀로 건드리게 되는데 어떡해요", None, "medical_question", None, None, "crown"),
        # whether the clinic sedates: for staff
        ("수면 치료 해 주시는 곳이에요 제가 겁이 많아서 신경치료를 그렇게 받고 싶어서요", None, "question_other", None,
         None, "root_canal"),
        ("웃음가스 같은 거 써 주시는 데예요 애가 너무 무서워해서요", None, "question_other", None, None, None),
        # small questions first, then the real request after "그럼"
        ("위치는 알겠고요 토요일은 두 시까지죠 그럼 이번 주 토요일 열한 시에 가도 돼요", None, "book", "2036-06-07",
         "11:00", None),
        ("비용은 들었어요 카드 된다 하셨고 그러면 다음 주 화요일 오후 세 시로 할게요", None, "book", "2036-06-10",
         "15:00", None),
        # an insurance word naming the kind of a booking; a price under the scheme
        ("어머니 보험 임플란트 상담 받으려고요 목요일 오전 열 시", None, "book", "2036-06-05", "10:00", "implant"),
        ("틀니 보험으로 하면 본인이 얼마 내요", None, "ask_insurance", None, None, "denture"),
        ("임플란트 보험 되면 얼마예요", None, "ask_price", None, None, "implant"),
        # a cancel whose reason is a move someone advised
        ("산부인과에서 치과 치료는 출산 뒤로 미루래요 목요일 예약 취소해 주세요", None, "cancel", "2036-06-05", None,
         None),
        # a time given, busy only the reason
        ("다섯 시 넘어서면 돼요 지금 회의 중이라서요", "time", "book", None, "17:00", None),
        # thanks and goodbye out of the blue; a yes to a proposal
        ("감사합니다 그럼 그때 뵐게요", None, "other", None, None, None),
        ("좋아요 그럼 그때 뵐게요", "proposal", "yes", None, None, None),
        # a part of an appliance swallowed, something stuck in the throat
        ("애가 교정 브라켓 떨어진 걸 삼켰어요", None, "emergency", None, None, "orthodontics"),
        ("틀니 조각이 넘어갔는지 목에 뭐가 걸린 것 같아요", None, "emergency", None, None, "denture"),
        # braces parts name orthodontics
        ("브라켓이 하나 떨어졌는데 다음 조정 때 붙여도 돼요", None, "medical_question", None, None, "orthodontics"),
        ("유지장치 잃어버렸는데 다시 하면 얼마예요", None, "ask_price", None, None, "orthodontics"),
        # after small questions only: a cancel, a move or a check after "그럼" stays what it is
        ("아 그럼 목요일 세 시 예약 취소해 주세요", None, "cancel", "2036-06-05", "15:00", None),
        ("주차는 된다고 하셨고 그럼 목요일 두 시 예약 확인만 해 주세요", None, "confirm_appointment", "2036-06-05",
         "14:00", None),
        ("그럼 목요일 세 시 예약 맞는 거죠", None, "confirm_appointment", "2036-06-05", "15:00", None),
        # time since a treatment ("2주 됐거든요") is no "됐어요" refusal; the day of one's next visit asked
        ("사랑니 뺀 지 일주일 됐거든요 실밥 풀러 금요일 오후 세 시에 갈게요", None, "book", "2036-06-06", "15:00",
         "wisdom_tooth"),
        ("아니요 됐거든요", "offer", "no", None, None, None),
        ("교정 장치 조이러 가는 날이 언제예요", None, "confirm_appointment", None, None, "orthodontics"),
        # the clinic's reminder text checked; dialect answers and goodbyes; callbacks; a person asked for again
        ("문자 받아 보니까 목요일 세 시로 돼 있던데 그게 맞나요", None, "confirm_appointment", "2036-06-05", "15:00",
         None),
        ("그려유 그럼 그렇게 혀유", "proposal", "yes", None, None, None),
        ("그 시간은 안 되겄는디유", "proposal", "no", None, None, None),
        ("네 수고하셔유", None, "other", None, None, None),
        ("원장님한테 확인하고 문자 드릴게요", "proposal", "callback_later", None, None, None),
        ("저녁에 다시 해 주세요 지금 현장이라서요", "reminder", "callback_later", None, None, None),
        ("네 맞습니다 근데 회의 중이라 빨리 말씀해 주세요", "yes_no", "yes", None, None, None),
        ("아까 전화 받으신 남자분 좀 다시 바꿔 주세요", None, "talk_to_staff", None, None, None),
        ("카카오페이로 계산돼요", None, "ask_price", None, None, None),
        ("지금 지하라 끊길 수도 있어요", "yes_no", "other", None, None, None),
        # a condition asked with a polite ending; after-care: will it even out, close again, not even one
        ("혈압약 먹고 있는데 사랑니 뺄 수 있어요", None, "medical_question", None, None, "wisdom_tooth"),
        ("레진 하고 나서 색이 좀 달라 보이는데 시간 지나면 원래대로 돌아와요", None, "medical_question", None, None,
         "filling"),
        ("잇몸 수술하고 내려앉은 잇몸이 다시 올라와요", None, "medical_question", None, None, "gum"),
        ("임플란트 수술한 날 담배 한 대도 안 돼요", None, "medical_question", None, None, "implant"),
        ("그날도 안 돼요", "proposal", "no", None, None, None),
        # a part of an appliance come off: a symptom, or a booking when a visit and its slot are said
        ("애 교정 브라켓이 떨어져서 달랑거려요", None, "symptom", None, None, "orthodontics"),
        ("할머니가 틀니가 자꾸 빠져서 식사를 못 하세요", None, "symptom", None, None, "denture"),
        ("임시치아가 또 빠졌어요 목요일 오후 두 시에 붙이러 갈게요", None, "book", "2036-06-05", "14:00", None),
        # the week after the week named; a week turned down
        ("다음 주는 출장이라 그 다음 주 수요일 오전이면 좋아요", "date", "book", "2036-06-18", None, None),
        ("이번 주는 빡빡하고 다음 주 목요일 돼요", "date", "book", "2036-06-12", None, None),
    ],
)
def test_round9_kinds(text, expect, intent, date, time, treatment):
    assert_heard_both_ways(NOW, text, expect, intent, date, time, treatment)


def test_a_medicine_question_with_a_day_said_is_never_a_booking():
    """Issue 15: a medical question must never go to booking, also when the caller names the day of the treatment."""
    got = understand("아스피린 계속 먹고 있는데 내일 스케일링 그냥 받아도 되는 거죠", NOW)
    assert got.intent == "medical_question"
    assert got.date == "2036-06-03"  # the slot is still read for the staff queue
