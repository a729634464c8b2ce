"""Kinds of caller speech the twenty-seventh round of issue 15 (blind38's and blind39's first-run misses: an ordinary
Tuesday and a late-opening Thursday) taught the understanding, each with sentences of its own (not copied from the
labelled sets), with and without the model: dizziness with a cold sweat or a faint coming after an anaesthetic is an
emergency; calls of this kind needless from now on is a refusal; a slot the bot proposed taken by its time is a yes;
a wellbeing call answered "yes, fine" is a no (nothing wrong); "네?" is "pardon?"; a visit that must be moved, a day
refused for another, a treatment added to the visit; offers taken on a condition or with a double negative; a person
asked for by name; a shop asked for; a crown come off "can you put it back"; and the slots: a day named only as when
not to call, a weekday said again with its week, "다음 다음 주", how
long a pain has lasted, an hour doubted or refused, the gums named only as a worry, a cavity looked for."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2046, 5, 16, 15, 10)  # a Wednesday afternoon
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "잇몸에 마취 주사 맞았는데 머리가 핑 돌고 식은땀이 줄줄 나요",
    "아까 마취하고 왔는데 너무 어지러워서 곧 쓰러질 거 같아요",
    "마취 주사 놓고 나서 어지럽고 눈앞이 캄캄해요",
])
def test_dizziness_with_a_collapse_coming_after_an_anaesthetic_is_an_emergency(text, statistical):
    assert _hear(text, None, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
def test_dizziness_alone_asked_about_after_an_anaesthetic_is_no_emergency(statistical):
    assert _hear("마취 주사 맞고 좀 어지러웠는데 원래 그런 거예요", None, statistical).intent != "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "그런 안부 전화는 괜찮아요 이제 안 주셔도 돼요",
    "이런 확인 연락 귀찮기만 해요 앞으로는 안 하셔도 됩니다",
])
def test_calls_of_this_kind_not_needed_from_now_on_are_a_refusal(text, statistical):
    assert _hear(text, "wellbeing", statistical).intent == "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "네 시 반 그거요",
    "그럼 다섯 시 이십 분 거 할게요",
    "열한 시 그걸로요",
    "두 번째 그 날이요",
])
def test_a_slot_proposed_taken_by_its_time_or_place_is_a_yes(text, statistical):
    assert _hear(text, "proposal", statistical).intent == "yes"


@WITH_AND_WITHOUT_MODEL
def test_a_slot_proposed_refused_by_its_time_is_no_yes(statistical):
    assert _hear("네 시 반 그거 말고 다른 거요", "proposal", statistical).intent != "yes"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "예 인자 괜찮습니다",
    "네 많이 나았어요 잘 먹고 잘 자요",
    "네 감사합니다 염려해 주셔서",
])
def test_a_wellbeing_call_answered_yes_fine_is_nothing_wrong(text, statistical):
    assert _hear(text, "wellbeing", statistical).intent == "no"


@WITH_AND_WITHOUT_MODEL
def test_fine_but_for_a_symptom_stays_the_symptom(statistical):
    assert _hear("네 괜찮은데 아직 좀 시큰해요", "wellbeing", statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [("네?", "reminder"), ("예? 어디라고요", "offer")])
def test_pardon_is_no_yes(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("아 그럼 미뤄야겠네요 언제 비어요", "yes_no", "reschedule"),
    ("금요일 말고 토요일로 될까요 시간은 같게", "reminder", "reschedule"),
    ("네 갈게요 그날 불소도 같이 해 주세요", "reminder", "book"),
])
def test_a_booked_visit_moved_or_added_to(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "망설일 것도 없죠 해 주세요",
    "많이 안 비싸면야 하죠 예 할게요",
    "안 그래도 한번 가 보려고 했어요",
    "벌써 그렇게 됐나 네 해야죠",
])
def test_an_offer_taken_on_a_condition_or_anyway_is_a_yes(text, statistical):
    assert _hear(text, "offer", statistical).intent == "yes"


@WITH_AND_WITHOUT_MODEL
def test_an_offer_declined_for_another_clinic_is_a_no(statistical):
    assert _hear("다른 병원 다녀요 거기서 할게요", "offer", statistical).intent == "no"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", ["박 선생님 오늘 계세요?", "담당실장님 아직 계신가요"])
def test_a_person_asked_for_by_name_or_post_is_for_staff(text, statistical):
    assert _hear(text, None, statistical).intent == "talk_to_staff"


@WITH_AND_WITHOUT_MODEL
def test_a_shop_asked_for_is_a_wrong_number(statistical):
    assert _hear("거기 치킨집 아니에요?", None, statistical).intent == "wrong_number"


@WITH_AND_WITHOUT_MODEL
def test_whether_a_machine_answers_is_a_question(statistical):
    assert _hear("이거 로봇이에요? 사람 아니죠?", None, statistical).intent == "question_other"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "때운 게 떨어졌어요 다시 때울 수 있어요?",
    "금니가 빠졌는데 다시 붙여 주실 수 있나요",
])
def test_a_filling_come_off_put_back_is_a_symptom(text, statistical):
    assert _hear(text, None, statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
def test_a_crown_put_back_at_home_stays_a_medical_question(statistical):
    assert _hear("금니가 빠졌는데 제가 순간접착제로 붙여도 돼요", None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("실밥 풀러 언제 가야 돼요", "wellbeing", "medical_question"),
    ("지금 일하는 중이라 좀 이따가 다시 걸어 주세요", "reminder", "callback_later"),
    ("일요일엔 전화 말고 평일 오후에 걸어 주세요", "offer", "callback_later"),
    ("그게 무슨 치료였죠 기억이 안 나네", "reminder", "confirm_appointment"),
    ("오늘 밤 아홉 시까지 하는 거 맞죠", None, "ask_hours"),
    ("카드 말고 계좌 이체도 돼요", None, "ask_price"),
])
def test_kinds_of_a_clinic_day(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("아니요 그때는 못 가요", "reminder", "cancel"),
    ("네 시였나 아 아침이 나을라나 모르겠네", "time", "book"),
])
def test_a_reminder_refused_and_an_hour_in_doubt(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@pytest.mark.parametrize(("text", "expect", "date"), [
    ("일요일엔 전화 말고 평일 오후에 걸어 주세요", "offer", None),
    ("목요일로요 아 다음 주 목요일", "reminder", "2046-05-24"),
    ("금요일로 된 예약을 다음 주 금요일로 미뤄 주세요", None, "2046-05-25"),
    ("다음 다음 주 금요일", "date", "2046-06-01"),
    ("찬물 마실 때 이가 시큰해요 한 달 정도 됐어요", None, None),
    ("한 달쯤 뒤에 갈게요", None, "2046-06-16"),
    ("어머 모레였어요? 모레는 안 되는데 좀 미뤄 주세요", "reminder", None),
])
def test_the_day_meant(text, expect, date):
    assert _hear(text, expect).date == date


@pytest.mark.parametrize(("text", "expect"), [
    ("네 시였나 아 아침이 나을라나 모르겠네", "time"),
    ("두 시는 안 되고 좀 더 일찍은 없어요?", "proposal"),
])
def test_an_hour_doubted_or_refused_is_no_time(text, expect):
    assert _hear(text, expect).time is None


@pytest.mark.parametrize(("text", "treatment"), [
    ("치간칫솔 매일 쓰면 잇몸 상하지 않아요", None),
    ("잇몸에서 피가 나요 잇몸 상한 거 같아요 잇몸 치료 받아야 돼요", "gum"),
    ("애 충치 있는지 한번 보려고요 검진이요", "checkup"),
])
def test_the_treatment_meant(text, treatment):
    assert _hear(text).treatment == treatment
