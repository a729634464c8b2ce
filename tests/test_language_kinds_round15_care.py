"""Kinds of caller speech the fifteenth round of issue 15 (dev16-dev19 and blind22, the care kinds) taught the
understanding, each with sentences of its own (not copied from the labelled sets): what one may do around a
treatment asked in few words ("브릿지 하고 오징어 돼요", "잇몸 수술 받은 데 치실 써도") is a medical question and
never a booking, even with the treatment's day named, with and without the model; so are whether something is
normal in other words, whether one's condition still allows a treatment, whether a treatment is needed at all and
when the gauze comes out; a jaw that will not close, a whole tooth out, bleeding "too much" and a child choking on
a part are emergencies; papers for the tax return, one's own balance, plan or chart looked up, a doctor's days and
something left behind are questions for staff; the public scheme and workers' compensation are insurance
questions; the hours and the lift in other words are facts asked; a question about the call in two or three words
is an open question the dialog answers truly."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2041, 6, 11, 10, 30)  # a Tuesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("브릿지 하고 오징어 돼요", None),
    ("잇몸 수술 받은 데 치실 써도", None),
    ("모레 어금니 뽑는데 전날 소주 한 잔은 괜찮아요", None),
    ("임플란트 심은 날 샤워 해요?", "wellbeing"),
    ("목요일 신경치료인데 그날 저녁에 밥 먹어도", "reminder"),
    ("스케일링 받고 커피 바로 괜찮아요 회사에 가야 돼서요", None),
])
def test_leave_asked_around_a_treatment_in_few_words_is_a_medical_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "보철 새로 끼웠는데 원래 처음엔 이렇게 발음이 새요",
    "혈압약 먹는 중인데 저도 발치 되는 건가요",
    "애 유치 충치 꼭 때워야 돼요 그냥 두면 안 돼요",
    "그 솜은 몇 시간 물고 있는 거예요",
    "씌운 이가 좀 들뜬 느낌인데 이대로 둬도 돼요",
    "모유 수유 하고 있는데 스케일링 마취 괜찮아요",
    "어제 사랑니 뺐는데 운동 언제",
])
def test_normal_condition_need_and_gauze_questions_are_medical_questions(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "다음 주 월요일 미백 예약하려고요 그 전에 커피 끊어야 돼요",  # a booking said: a care word on the way books
    "스케일링 하고 양치 하러 가도 돼요",  # a visit asked for ("하러 가도 돼요"), not leave
    "임플란트 상담 다음 주 금요일 두 시로 잡아 주세요 그날 술 약속은 괜찮죠",  # the slot asked is the point
])
def test_a_booking_said_with_a_care_word_still_books(text, statistical):
    assert _hear(text, None, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("아빠가 하품하다가 턱이 안 다물어져요", None),
    ("앞니가 빠졌어요 뿌리째 그대로", None),
    ("피가 엄청 나요", "wellbeing"),
    ("애가 교정 고무줄을 삼킬 뻔해서 숨을 캑캑거려요", None),
    ("이 뽑은 데서 피가 두 시간째 나요", None),
    ("임플란트 한 데서 피가 계속", "wellbeing"),
    ("계단에서 굴렀는데 입이 다물어지지가 않아요", None),
])
def test_new_red_flags_are_emergencies(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "emergency"


def test_a_crown_out_whole_and_a_throb_in_dialect_stay_symptoms():
    assert _hear("브릿지가 뿌리째 빠졌어요 세 개짜리").intent != "emergency"
    assert _hear("밤만 되면 욱신욱신 혀서 잠을 못 자겄어", "wellbeing").intent == "symptom"


@pytest.mark.parametrize("text", [
    "연말정산 하려는데 작년 치료비 납입 증명서 메일로 보내 주실 수 있어요",
    "임플란트 할부로 낸 거 남은 잔액이 얼마인지 봐 주세요",
    "지난번에 받은 치료 계획서 다시 뽑아 주실 수 있어요",
    "제 차트에 혈압약 먹는다고 적혀 있는지 확인 좀 해 주세요",
    "박 원장님은 수요일에 진료 보세요",
    "어제 진료받고 나오다가 목도리를 두고 왔는데 혹시 있어요",
    "학교에 내야 돼서 치과 다녀왔다는 확인서 발급돼요",
])
@WITH_AND_WITHOUT_MODEL
def test_papers_own_records_a_doctors_days_and_things_left_behind_are_for_staff(text, statistical):
    assert _hear(text, None, statistical).intent == "question_other"


def test_a_price_asked_with_the_tax_return_as_the_reason_stays_a_price_question():
    assert _hear("라미네이트 하면 얼마예요 연말정산 때 넣으려고요").intent == "ask_price"


@pytest.mark.parametrize(("text", "expect"), [("미백 할인하면 얼마라고요", "offer"), ("교정 가격이 얼마라구요?", None)])
def test_the_price_asked_again_is_a_price_question_not_a_request_to_repeat(text, expect):
    assert _hear(text, expect).intent == "ask_price"


@pytest.mark.parametrize(("text", "intent"), [
    ("공단 구강검진 그쪽 치과에서도 받을 수 있나요", "ask_insurance"),
    ("일하다 다친 건데 산재로 처리돼요", "ask_insurance"),
    ("실손 보험 청구하려는데 세부내역서 팩스로 받을 수 있어요", "ask_insurance"),
    ("평일 야간 진료 돼요", "ask_hours"),
    ("퇴근하면 밤 여덟 시 반인데 그때 문 열려 있어요", "ask_hours"),
    ("엘베 있죠 할머니 모시고 가요", "ask_location"),
    ("공휴일에도 하는감", "ask_hours"),
    ("주말은 쉬나요", "ask_hours"),
    ("시장 건너편이라 했나 헷갈리네", "ask_location"),
])
@WITH_AND_WITHOUT_MODEL
def test_facts_asked_in_other_words(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@pytest.mark.parametrize(("text", "expect"), [
    ("로봇이에요?", None),
    ("녹음되나요?", "yes_no"),
    ("기계예요 사람이에요", None),
    ("제 번호 어디서 나셨어요", "offer"),
])
@WITH_AND_WITHOUT_MODEL
def test_a_question_about_the_call_in_few_words_is_an_open_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "question_other"
