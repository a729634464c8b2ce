"""Kinds of caller speech the twenty-first round of issue 15 (blind28's first-run misses) taught the understanding,
each with sentences of its own (not copied from the labelled sets), with and without the model: a sedated or numbed
person not coming round or breathing strangely is an emergency, and a health worry heard on YouTube, the news or from
friends asked whether it is true, a harm such as radiation asked about, a remedy heard of asked whether to do and
which of two ways of care is right are medical questions, never a booking (the safety kinds first); a photo sent to ask
what the trouble is is a medical question; old fillings replaced on a named day book; the money a machine or a
sedation adds asks the price; a yes followed by "근데" and the insurance or the opening days asks that; "취소요" said
first cancels; the other treatment named with "말고" to the treatment question books; the bot tested and then the
parking asked asks the way; an interpreter asked, or care without leaving a wheelchair, is for staff."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2043, 9, 14, 10, 20)  # a Monday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "아이가 수면 마취 하고 왔는데 아직도 안 깨어나요 계속 자요",
    "마취하고 온 어머니가 숨을 잘 못 쉬세요 헐떡거려요",
    "진정 마취 받은 아버지가 정신을 못 차리세요 어떡해요",
])
def test_a_sedated_person_not_coming_round_is_an_emergency(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "친구가 그러는데 레진이 몸에 안 좋다던데 진짜예요",
    "뉴스에서 봤는데 치아 미백 하면 부작용 있다고 하던데 맞아요",
    "불소 치약 애들한테 위험하다는 얘기 들었는데 계속 써도 돼요",
    "유튜브에서 금니 빼야 된다던데 다 빼야 돼요 안 좋대요",
    "CT 자주 찍으면 방사선 괜찮은 거예요 애가 어려서요",
    "소금물로 헹구면 잇몸이 튼튼해진다는데 매일 해도 돼요",
    "부분 틀니는 잘 때 빼는 게 맞아요 그냥 끼고 자는 게 맞아요",
])
def test_a_worry_heard_elsewhere_is_a_medical_question_never_a_booking(text, statistical):
    heard = _hear(text, None, statistical)
    assert heard.intent == "medical_question"
    assert heard.intent not in ("book", "reschedule")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "잇몸 사진 보내 드리면 염증인지 봐 주실 수 있어요",
    "이 사진 올리면 뭔지 좀 알려 주세요 까만 게 보여서요",
])
def test_a_photo_sent_to_ask_what_the_trouble_is_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("예전에 씌운 금니 바꾸려고요 이번 주 목요일 오전 열 시", "book"),
    ("레진으로 때운 거 교체하려고 하는데 금요일 오후 세 시 돼요", "book"),
    ("레이저로 하면 돈 얼마 더 내야 돼요", "ask_price"),
    ("마취 크림 바르는 거 따로 돈 내요", "ask_price"),
])
def test_fillings_replaced_on_a_day_book_and_money_added_asks_the_price(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("네 좋아요 근데 실비 보험 그거 되나요", "offer", "ask_insurance"),
    ("예 할게요 근데 토요일에도 하세요 제가 주중엔 일해서", "offer", "ask_hours"),
    ("일요일도 진료 해요 급해서요", None, "ask_hours"),
    ("취소요 취소 무서워서 안 갈래요", None, "cancel"),
    ("아니 충치 말고 스케일링요 그거 받으려고", "treatment", "book"),
])
def test_a_question_after_a_yes_a_cancel_first_and_a_treatment_corrected(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("너 로봇이지 근데 주차 되나요 차 가져가려고", "ask_location"),
    ("통역해 주실 분 있어요 어머니가 중국 분이라서요", "question_other"),
    ("휠체어에서 안 내리고 검진 받아도 돼요", "question_other"),
])
def test_the_bot_tested_then_parking_and_staff_matters(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("목요일로 옮기고 싶은데 그날 몇 시까지 하세요", "reschedule"),
    ("몇 시까지 하는지는 알겠고 임플란트 한 데가 흔들리는데 원래 그래요", "medical_question"),
    ("교정 중간에 이사 가면 남은 돈 돌려받아요", "question_other"),
    ("저는 통역하는 사람인데요 이분이 내일 오후 두 시에 충치 치료 받고 싶대요", "book"),
])
def test_near_misses_stay_with_their_own_rules(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("언니가 잇몸 수술하고 계속 욱신거린다던데 그거 오래가요", "medical_question"),
    ("시린 데 바르는 약 있다던데 어떻게 발라요", "medical_question"),
    ("교정 유지 장치 끼고 자면 턱이 아프진 않아요", "medical_question"),
    ("내선 삼백 번 연결해 주세요 수납 담당이요", "talk_to_staff"),
    ("기계 소리 때문에 잘 안 들려요 이따 저녁에 다시 전화 주세요", "callback_later"),
    ("어머니 임플란트 받는 거 다음 달로 좀 미뤄 주세요", "reschedule"),
    ("거동이 불편하신데 집으로 와서 봐 주시는 것도 돼요", "question_other"),
])
def test_hearsay_care_an_extension_a_call_unheard_a_visit_put_off_and_a_home_visit(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent
