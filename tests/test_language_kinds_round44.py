"""Round 44 (blind72's and blind73's first-run misses: an October Friday of office workers, older callers and a foreign
worker, and an April Saturday of the cherry-blossom festival with hikers and reminders) tests the kinds behind them
with new sentences. Safety first, both ways: a swelling told with the fever and the face denied is a symptom (the
clauses "…안 부었고 열도" spell no "고열"), while a fever told stays an emergency; a tooth one thinks broken, told
alone, is a symptom, while a broken tooth with a blow or blood stays an emergency; what happens whenever one has an
anaesthetic asked about "such a person" is a medical question, while the signs told now after one stay an emergency;
a light knock with only a slight sensitivity and "may I come" is a medical question, while a knock with a tooth loose,
out, broken or bleeding stays an emergency. Then the ordinary kinds: a treatment without the anaesthetic, a condition
a treatment may mend, a weak jawbone for an implant (medical_question); a chip with no pain "can you fill it", a
trouble with its cause wondered (symptom); 65 and over asked cheaper (ask_insurance); a course's next visit
(confirm_appointment); answers to a reminder or an offer."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 5, 19, 10, 40)  # a Friday mid-morning in May
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "잇몸 부은 데가 아침보다 더 커졌는데 볼은 안 부었고 열도 없어요",
    "사랑니 쪽이 부었는데요 얼굴은 안 부었고 열은 안 나요",
    "그제부터 잇몸이 부어 있는데 턱은 괜찮고 열도 없어요",
])
def test_a_swelling_with_the_fever_and_the_face_denied_is_a_symptom(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "symptom", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "잇몸이 부었는데 열도 나고 얼굴까지 부었어요",
    "볼이 퉁퉁 붓고 고열이 나요",
])
def test_a_swelling_with_a_fever_told_stays_an_emergency(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("검진 받으러 가는 건데요 어금니가 부러진 것 같아서", "need"),
    ("스케일링 하러 가려고요 앞니가 좀 부러진 거 같아서요", None),
])
def test_a_tooth_thought_broken_told_alone_is_a_symptom(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "symptom", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어금니가 부러진 것 같은데 피가 계속 나요",
    "계단에서 넘어져서 앞니가 부러진 것 같아요",
])
def test_a_tooth_broken_with_a_blow_or_blood_stays_an_emergency(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "제가 마취만 하면 가슴이 쿵쾅거리고 어지러운데 그런 사람도 이 뽑을 수 있나요",
    "치과 마취 주사 맞으면 심장이 두근거리고 식은땀이 나요 저 같은 사람도 치료 가능해요?",
])
def test_an_anaesthetic_history_asked_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "방금 마취 주사 맞고 나서 가슴이 두근거리고 식은땀이 나요",
    "마취하고 나서 심장이 너무 빨리 뛰고 어지러워요 그런 사람도 있나요",
])
def test_an_anaesthetic_reaction_now_stays_an_emergency(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "자전거 타다 넘어져서 턱을 좀 부딪혔는데 이가 살짝 시려요 다음 주에 가도 될까요",
    "문에 입을 부딪혔는데 앞니가 조금 시큰해요 내일 가도 돼요",
])
def test_a_light_knock_with_a_slight_sensitivity_and_may_i_come_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "넘어져서 입을 부딪혔는데 앞니가 좀 흔들려요 내일 가도 돼요",
    "축구하다 공에 맞아서 이가 약간 시큰하고 피가 나요 내일 가도 될까요",
])
def test_a_knock_with_a_loose_tooth_or_blood_stays_an_emergency(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "emergency", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "마취 없이 잇몸 치료 받을 수 있나요 주사를 못 맞아서요",
    "벌어진 앞니 레진으로 메울 수 있어요",
    "임플란트 하고 싶은데 뼈가 부족하다던데 될까 모르겠어요",
])
def test_care_asks_are_medical_questions(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어금니 모서리가 깨졌는데 아프진 않아요 붙일 수 있어요",
    "찬 거 마시면 앞니가 시려요 신경 상한 건가",
])
def test_a_trouble_told_is_a_symptom(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "symptom", got


@WITH_AND_WITHOUT_MODEL
def test_sixty_five_and_over_asked_cheaper_is_an_insurance_question(statistical):
    got = _hear("어머니 임플란트 하려는데 육십오 세 이상이면 싸게 된다던데 맞나요", None, statistical)
    assert got.intent == "ask_insurance", got


@WITH_AND_WITHOUT_MODEL
def test_a_course_next_visit_asked_checks_the_booking(statistical):
    got = _hear("교정 받는 중인데 다음 번은 언제죠", None, statistical)
    assert got.intent == "confirm_appointment", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "예 고맙습니다 전화 주셔서",
    "제가 남편 대신 받았는데 말해 줄게요",
])
def test_a_reminder_thanked_or_taken_for_another_is_a_yes(text, statistical):
    got = _hear(text, "reminder", statistical)
    assert got.intent == "yes", got


@WITH_AND_WITHOUT_MODEL
def test_an_offer_taken_on_a_condition_with_a_day_books(statistical):
    got = _hear("날씨만 좋으면 갈게요 다음 주 수요일에요", "offer", statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
def test_poor_korean_asked_again_slowly_answers_nothing(statistical):
    got = _hear("제가 한국말 잘 못해요 천천히 다시 말해 주세요", "offer", statistical)
    assert got.intent == "other", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "휴대폰 번호가 바뀌어서 수정 좀 해 주세요",
    "집 전화번호 바꿨거든요 새 걸로 바꿔 주세요",
])
def test_ones_own_number_changed_is_for_staff(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "question_other", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "마라톤 대회 한다던데 차로 병원 앞까지 들어갈 수 있나요",
    "장날이라 길 막혔던데 자가용으로 치과 건물까지 진입할 수 있어요",
])
def test_a_car_asked_through_is_the_way(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "ask_location", got


@WITH_AND_WITHOUT_MODEL
def test_another_added_to_ones_booking_books(statistical):
    got = _hear("다음 주 화요일 예약했는데 우리 딸도 그 시간에 넣어 주세요", None, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
def test_a_booking_cancelled_then_another_day_moves_it(statistical):
    got = _hear("모레 두 시 예약 취소하고요 금요일 같은 시간으로요", None, statistical)
    assert got.intent == "reschedule", got


@WITH_AND_WITHOUT_MODEL
def test_an_option_asked_again_answers_nothing(statistical):
    got = _hear("화요일은 언제라고 하셨죠", "proposal", statistical)
    assert got.intent == "other", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "그거 제가 벌써 전화로 옮겼는데요",
    "그날 스케일링 받는 거예요 아니면 잇몸 치료예요",
])
def test_a_reminder_answered_about_the_booking_checks_it(text, statistical):
    got = _hear(text, "reminder", statistical)
    assert got.intent == "confirm_appointment", got


@WITH_AND_WITHOUT_MODEL
def test_a_reminder_taken_with_a_trouble_to_look_at_books(statistical):
    got = _hear("네 갈게요 근데 요즘 잇몸이 좀 시린데 그것도 봐 주세요", "reminder", statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
def test_a_booked_visit_a_little_early_asked_is_for_staff(statistical):
    got = _hear("내일 세 시 예약인데 조금 일찍 가도 되나요", None, statistical)
    assert got.intent == "question_other", got


@WITH_AND_WITHOUT_MODEL
def test_a_missed_call_returned_is_for_staff(statistical):
    got = _hear("아까 전화 주셨길래요 무슨 일로 하셨어요", None, statistical)
    assert got.intent == "question_other", got


SATURDAY = dt.datetime(2051, 5, 20, 9, 30)  # the next day, a Saturday


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "토요일은 몇 시까지 하세요",
    "토요일 오후 진료는 몇 시에 끝나요",
])
def test_the_hours_of_todays_weekday_name_today(text, statistical):
    got = hearer(SATURDAY)(text, None, statistical)
    assert (got.intent, got.date) == ("ask_hours", "2051-05-20"), got


@WITH_AND_WITHOUT_MODEL
def test_the_hours_of_next_weeks_same_weekday_name_that_day(statistical):
    got = hearer(SATURDAY)("다음 주 토요일은 몇 시까지 해요", None, statistical)
    assert got.date == "2051-05-27", got


@WITH_AND_WITHOUT_MODEL
def test_a_treatment_asked_done_on_a_weekday_is_the_opening_days(statistical):
    got = _hear("임플란트 상담은 일요일에도 하세요?", None, statistical)
    assert got.intent == "ask_hours", got
