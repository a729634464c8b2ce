"""Round 30 (blind44's and blind46's first-run misses: a busy Saturday morning and a Monday of the school vacation)
tests the kinds behind them with new sentences: faintness told first and the anaesthetic added after; an
appliance's care, a walk-in with a pain, a photo offered, whether an offered check is needed and when to come back
(medical questions); a pain after braces were tightened (a symptom); another person's visit with one's own, a child
brought, a routine weekday kept, a yes to an offer with a day of one's own (book); a booking cancelled for another
day; "understood" to a reminder; busy or moved away to an offer; a sealant as the treatment; a receipt by mail, one's
share under the insurance, late for lack of parking; and the slots: a milk tooth pulled at home, swollen gums beside
a pulled tooth, a routine weekday."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2047, 3, 16, 10, 40)  # a Saturday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "집에 와서부터 어지럽고 쓰러질 것 같아요 마취하고 나서요",
    "계속 어지럽고 식은땀이 나요 주사 맞은 뒤로요",
])
def test_faintness_told_first_then_the_anaesthetic_as_its_cause_is_an_emergency(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "교정기 세척하는 법 좀 여쭤보려고요",
    "아버지 틀니 보관은 어떻게 해야 돼요 물에 담가 둬요",
])
def test_an_appliances_care_asked_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_an_appliance_brought_to_be_mended_stays_a_booking(statistical):
    assert _hear("틀니 수리 맡기러 다음 주 월요일에 갈게요", None, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "예약 안 하고 그냥 가도 되나요? 잇몸이 부어서요",
    "지금 예약 없이 가면 봐 주시나요 어금니가 욱신거려서",
])
def test_a_walk_in_asked_with_a_pain_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_a_photo_offered_for_the_dentist_to_look_at_is_a_medical_question(statistical):
    assert _hear("제가 사진 찍어서 올려 드리면 한번 봐 주시겠어요", None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_a_paper_photographed_is_no_medical_question(statistical):
    assert _hear("보험 서류 사진 찍어서 보내면 봐 주실 수 있어요", None, statistical).intent != "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_whether_an_offered_check_is_needed_at_all_is_a_medical_question(statistical):
    assert _hear("스케일링이요? 아무렇지도 않은데 꼭 받아야 돼요", "offer", statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["네 괜찮아요 그럼 언제 또 가면 되나요", "아픈 건 없는데 언제 다시 와야 돼요"])
def test_when_to_come_back_on_a_wellbeing_call_is_a_medical_question(text, statistical):
    assert _hear(text, "wellbeing", statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_a_pain_after_the_braces_were_tightened_told_on_a_wellbeing_call_is_a_symptom(statistical):
    heard = _hear("철사 바꾼 다음부터 이가 좀 아파요 그래도 견딜 만해요", "wellbeing", statistical)
    assert heard.intent == "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("네 그날 딸도 같이 봐 주실 수 있어요? 스케일링으로", "reminder"),
    ("네 잘 지내요 근데 남편도 검진 좀 받게 해 주세요", "wellbeing"),
    ("예 할게요 와이프 것도 같이 잡아 주세요", "offer"),
])
def test_another_persons_visit_with_ones_own_is_a_booking(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
def test_whether_children_are_seen_at_all_stays_a_question(statistical):
    assert _hear("애들도 봐 주세요? 일곱 살인데", None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
def test_a_child_brought_and_should_i_book_is_a_booking(statistical):
    assert _hear("손녀 충치 좀 보여 주려고 데려가려는데 예약을 해야 하나요", None, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
def test_a_routine_weekday_kept_on_is_a_booking_with_no_day(statistical):
    heard = _hear("수요일마다 교정 받으러 가는데 다음 달도 수요일로 넣어 주세요", None, statistical)
    assert (heard.intent, heard.date) == ("book", None)


@WITH_AND_WITHOUT_MODEL
def test_a_booking_cancelled_for_another_day_is_a_reschedule(statistical):
    heard = _hear("화요일 거 취소하고 목요일로 해 주세요", None, statistical)
    assert (heard.intent, heard.date) == ("reschedule", "2047-03-21")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["예 알겠습니다 고맙습니다", "네네 알겠어요"])
def test_understood_to_a_reminder_is_a_yes(text, statistical):
    assert _hear(text, "reminder", statistical).intent == "yes"


@WITH_AND_WITHOUT_MODEL
def test_two_hours_in_doubt_answered_to_the_time_question_is_a_booking_with_no_time(statistical):
    heard = _hear("두 시였나 세 시였나 그 정도요", "time", statistical)
    assert (heard.intent, heard.time) == ("book", None)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["요즘 바빠서요 괜찮습니다", "이사 가서요 거기 안 다닌 지 한참 됐어요"])
def test_busy_or_moved_away_to_an_offer_is_a_no(text, statistical):
    assert _hear(text, "offer", statistical).intent == "no"


@WITH_AND_WITHOUT_MODEL
def test_the_clinic_moved_asked_to_an_offer_is_no_refusal(statistical):
    assert _hear("거기 이사했다던데 새 건물 어디예요", "offer", statistical).intent != "no"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["네 그럼 금요일 오후로 갈게요", "예 다음 주 수요일 되나요"])
def test_a_yes_to_an_offer_with_a_day_of_ones_own_is_a_booking(text, statistical):
    assert _hear(text, "offer", statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
def test_a_sealant_given_to_the_treatment_question_is_a_booking_with_no_treatment_key(statistical):
    heard = _hear("홈 메우는 거요 작은애", "treatment", statistical)
    assert (heard.intent, heard.treatment) == ("book", None)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "intent"), [
    ("세부내역서 문자로 보내 주실 수 있어요", "question_other"),
    ("보험 적용되면 제가 부담하는 게 얼마예요", "ask_insurance"),
    ("열 시 예약인데 주차할 데를 못 찾아서 좀 늦을 거 같아요", "question_other"),
])
def test_a_receipt_by_mail_ones_share_under_the_insurance_and_late_for_parking(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_a_claims_paper_by_fax_stays_an_insurance_question(statistical):
    assert _hear("실비 청구할 영수증 팩스로 받을 수 있어요", None, statistical).intent == "ask_insurance"


@pytest.mark.parametrize(("text", "expect", "treatment"), [
    ("아들 젖니를 제가 실로 뺐는데 피가 안 멈춰요", None, "extraction"),
    ("뽑은 자리 옆 잇몸이 벌겋게 부었어요", "wellbeing", "gum"),
    ("사랑니 쪽 잇몸이 부었어요", None, "wisdom_tooth"),
])
def test_the_treatment_of_a_milk_tooth_pulled_and_gums_swollen_beside_a_pulled_tooth(text, expect, treatment):
    assert _hear(text, expect, False).treatment == treatment


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("예약 없이 가도 봐 주세요? 뽑은 데서 피가 계속 안 멈춰요", None),
    ("사진 찍어서 보내 드릴게요 봐 주세요 이가 부러졌는데 피가 안 멈춰요", None),
    ("언제 다시 가면 돼요 아파서 한숨도 못 잤어요 진통제도 안 들어요", "wellbeing"),
])
def test_a_red_flag_said_with_one_of_the_rounds_kinds_stays_an_emergency(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
def test_moved_nearer_and_a_yes_to_an_offer_is_no_refusal(statistical):
    assert _hear("이사 와서 가까워졌네요 네 할게요", "offer", statistical).intent != "no"
