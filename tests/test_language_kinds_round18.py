"""Kinds of caller speech the eighteenth round of issue 15 (blind25's first-run misses) taught the understanding,
each with sentences of its own (not copied from the labelled sets), with and without the model: ringing refused with
an emphasis word and no channel named ("앞으로 절대 걸지 마세요"), a refusal said before, advertising wished not
sent while the reminders are kept are opt-outs (and the opt-out check would ask about such shapes if the rules
missed them); a risk of a treatment asked ("… 실패하는 경우도 있어요", "그냥 두면 깨질 수도 있어요"), how long to
keep using a prescribed rinse or ointment, and when to wear an appliance are medical questions, never a booking;
swelling down to the neck with breathing trouble is an emergency, days of pain that painkillers only dull keep one
awake without a red flag (a symptom); the change denied and the cancellation insisted on ("변경 아니고 취소요") is
a cancellation (and the other way round); a birth date and the last digits told to identify oneself are no day;
a child's wobbly tooth (흔들니) to be pulled is an extraction."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import opt_out_check
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2041, 6, 11, 10, 30)  # a Tuesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("두 번이나 말씀드렸잖아요 이제 절대 걸지 마세요", "offer"),
    ("다시는 제발 전화하지 마요 진짜로요", "offer"),
    ("전에도 수신 거부한다고 말했는데 또 오네요", None),
    ("검진 알림은 괜찮아요 근데 이벤트 광고는 이제 안 보내 주셨으면 좋겠어요", "reminder"),
    ("예약 문자는 받을게요 할인 행사 같은 건 더는 안 왔으면 해요", "reminder"),
])
def test_refusals_with_an_emphasis_word_said_before_or_of_advertising_only_are_opt_outs(text, expect, statistical):
    heard = _hear(text, expect, statistical)
    assert heard.intent == "opt_out"
    assert heard.answer != "yes"


@pytest.mark.parametrize("text", [
    "두 번이나 말씀드렸잖아요 이제 절대 걸지 마세요",
    "검진 알림은 괜찮아요 근데 이벤트 광고는 이제 안 보내 주셨으면 좋겠어요",
])
def test_the_opt_out_check_would_ask_about_these_shapes(text):
    # the rules read them now; had they not, the cue and the model would have the dialog ask
    assert opt_out_check.refusal_cue(text)
    assert opt_out_check.model_hears_opt_out(text, "offer")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("이 다음 주에 이벤트 할 때 예약 안 했으면 할인 안 돼요", None),
    ("앞으로 절대 무리하지 마세요 그러셨는데 운동은 해도 돼요", None),
    ("검진 알림 문자 잘 받았어요 목요일 맞죠", "reminder"),
])
def test_non_refusals_with_like_words_are_no_opt_outs(text, expect, statistical):
    assert _hear(text, expect, statistical).intent != "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("사랑니 빼고 나면 신경 손상되는 경우도 있어요", None),
    ("레진으로 때운 거 또 떨어질 수도 있나요", None),
    ("교정 끝나고 이가 다시 틀어지는 경우가 있어요", None),
    ("크라운 씌운 이 그냥 두면 썩을 수도 있어요", None),
])
def test_a_risk_of_a_treatment_asked_is_a_medical_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("불편한 데는 없어요 근데 소독약 계속 발라야 돼요", "wellbeing"),
    ("괜찮아요 근데 항생제 며칠 더 먹어야 돼요", "wellbeing"),
    ("교정 유지장치 이제 밤에만 껴도 괜찮아요", None),
    ("틀니는 밤에 빼고 자야 돼요", None),
    ("이갈이 때문에 마우스피스 받았는데 낮에도 껴야 되나요", None),
])
def test_medicine_kept_up_and_an_appliance_worn_are_medical_questions(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("아니요 괜찮지 않아요 부기가 목 밑까지 내려왔고 숨 쉬기가 불편해요", "wellbeing", "emergency"),
    ("얼굴이 퉁퉁 붓고 숨이 좀 어려워요", None, "emergency"),
    ("사흘째 잠을 못 자요 어금니가 아파서 진통제 먹어도 잠깐이고요", None, "symptom"),
])
def test_swelling_with_breathing_trouble_is_an_emergency_days_of_dull_pain_a_symptom(text, expect, intent,
                                                                                     statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("아니 변경이 아니라 취소요 취소", "confirm", "cancel"),
    ("날짜 바꾸는 거 말고 그냥 취소해 주세요", "confirm", "cancel"),
    ("취소 말고 다음 주로 미뤄 주세요", None, "reschedule"),
    ("취소가 아니라 날짜만 바꾸고 싶은 거예요", "confirm", "reschedule"),
])
def test_one_kind_of_change_denied_the_other_insisted_on(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, date", [
    ("저 박지은이고요 구공년 십일월 이십일일생이에요 다음 주 화요일 예약 돼요", "2041-06-18"),
    ("김영호인데 육팔년 유월 칠일 번호 뒷자리 삼삼사오요 모레 예약 취소할게요", "2041-06-13"),
    ("네 저 최순자 오오년 삼월 이일생이에요 제 예약 언제였죠", None),
])
def test_a_birth_date_told_to_identify_oneself_is_no_day(text, date, statistical):
    assert _hear(text, None, statistical).date == date


def test_a_date_with_its_year_for_a_visit_stays_a_date():
    assert _hear("이천사십일년 칠월 삼일에 예약하고 싶어요").date == "2041-07-03"


@pytest.mark.parametrize("text, treatment", [
    ("애 흔들니 빼러 가려고요 오늘 오후 돼요", "extraction"),
    ("우리 딸 흔들니 좀 빼 주세요", "extraction"),
    ("흔들니를 애가 혼자 빼 버렸는데요", None),
])
def test_a_wobbly_baby_tooth_to_be_pulled_is_an_extraction(text, treatment):
    assert _hear(text).treatment == treatment
