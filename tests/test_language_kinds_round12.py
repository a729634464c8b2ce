"""Kinds of caller speech the twelfth round of issue 15 (after dev14's and dev15's first runs) taught the
understanding, each with sentences of its own (not copied from the labelled sets): notices of offers refused
("할인 소식 같은 건 보내지 마세요", "… 더는 받지 않을래요"), notices or receiving switched off ("알림 해지",
"수신 꺼 주세요"), one's data kept from marketing, a refusal said before ("하지 말라고 했잖아요"), refusing
outright ("거부합니다"), one's number to be wiped, "다음부터는 전화 마세요", calls refused for texts only (the
law keeps every one of these); a place or the hours asked after "네 갈게요 근데 …"; an outing planned after a
treatment and a prescribed course asked (medical questions, never bookings); hives over the whole body (an
emergency); another kind of clinic meant (a wrong number); a decision left to someone else, with a call back
(callback_later) or to a slot proposed (no); papers printed ("영수증 뽑아") are no extraction. Near misses stay
what they are: a channel preferred is no opt-out, "네 갈게요" alone is a yes, a visit asked with a day stays a
booking."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand

NOW = dt.datetime(2040, 5, 14, 10, 30)  # a Monday morning


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        # notices of offers refused
        ("할인 소식 같은 건 저한테 앞으로 보내지 마세요", "offer"),
        ("교정 프로모션 안내는 다시는 받지 않을래요", "offer"),
        ("임플란트 이벤트 소식 이제 받지 않겠습니다", None),
        # notices or receiving switched off
        ("이벤트 알림 해지 좀 해 주세요", None),
        ("알림 문자 이제 꺼 주세요", "reminder"),
        ("수신 좀 해제해 주세요", "offer"),
        # one's data kept from marketing; a refusal said before; refusing outright
        ("제 연락처 홍보에 쓰지 마세요", "offer"),
        ("저번에 걸지 말라고 했잖아요", "offer"),
        ("그런 거 거부합니다", "offer"),
        ("딸인데요 엄마한테 오는 광고 전화 거부해 주세요", "offer"),
        # one's number wiped; from next time on; calls refused for texts only
        ("제 번호 명단에서 지우세요", None),
        ("다음부터는 이런 전화 하지 마세요", "wellbeing"),
        ("담부터는 연락 마세요", "wellbeing"),
        ("전화는 너무 불편해서요 이제 문자로만 보내 주세요", "offer"),
    ],
)
def test_refusals_are_opt_outs(text, expect):
    assert understand(text, NOW, expect).intent == "opt_out"
    assert understand(text, NOW, expect, statistical=False).intent == "opt_out"


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("문자로 보내 주세요", "offer"),  # a channel preferred, none refused
        ("전화는 좀 어려워서요 나중에 문자로 주세요", "reminder"),  # busy now, not "from now on only texts"
        ("걱정하지 마세요 이벤트 때 꼭 갈게요", "offer"),
        ("그 이벤트 가격이 얼마예요", "offer"),
        ("예약 알림은 꼭 받고 싶어요", "reminder"),
    ],
)
def test_near_misses_of_refusals_are_not_opt_outs(text, expect):
    assert understand(text, NOW, expect).intent != "opt_out"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("네 갈게요 근데 주차는 어디다 해요", "ask_location"),
        ("네네 가요 그런데 거기 점심시간이 몇 시예요", "ask_hours"),
        ("지하철 몇 번 출구로 나가요", "ask_location"),
        ("네 갈게요", "yes"),
    ],
)
def test_a_place_or_hours_asked_after_a_yes_to_a_reminder(text, intent):
    assert understand(text, NOW, "reminder").intent == intent


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("모레 골프 치러 가기로 했는데 괜찮을까요", "wellbeing"),
        ("이번 주말에 등산하러 가기로 했는데 괜찮나요", None),
        ("받은 항생제 다 나았어도 계속 먹어야 돼요", "wellbeing"),
        ("처방약 끝까지 다 먹어야 하나요", None),
    ],
)
def test_outings_and_prescriptions_are_medical_questions_never_bookings(text, expect):
    for statistical in (True, False):
        assert understand(text, NOW, expect, statistical=statistical).intent == "medical_question"


@pytest.mark.parametrize(
    "text",
    ["주사 맞고 나서 전신에 두드러기가 올라왔어요", "두드러기가 온몸으로 퍼지고 있어요"],
)
def test_hives_over_the_body_are_an_emergency(text):
    assert understand(text, NOW).intent == "emergency"


@pytest.mark.parametrize(
    "text",
    ["거기 이비인후과 아니에요", "피부과인 줄 알고 걸었네요 죄송합니다", "안과 아닌가요"],
)
def test_another_kind_of_clinic_is_a_wrong_number(text):
    assert understand(text, NOW).intent == "wrong_number"


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        ("와이프랑 얘기해 보고 전화드릴게요", "offer", "callback_later"),
        ("부모님께 여쭤보고 다시 연락드릴게요", "offer", "callback_later"),
        ("음 아내랑 상의해 보고 다시 연락드릴게요", "proposal", "callback_later"),  # round 15: callback
        ("좀 더 생각해 보고 연락드릴게요", "offer", "callback_later"),  # round 25 convention: a call back promised
    ],
)
def test_a_decision_left_to_someone_else(text, expect, intent):
    assert understand(text, NOW, expect).intent == intent


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("진단서 한 장 뽑아 주실 수 있어요", None),
        ("치료 확인서 뽑으러 가도 돼요", None),
        ("사랑니 말고 어금니 뽑아야 돼요", "extraction"),
    ],
)
def test_papers_printed_are_no_extraction(text, treatment):
    assert understand(text, NOW).treatment == treatment


def test_a_hesitation_alone_is_nothing_said_yet():
    assert understand("흐음 글쎄요", NOW).intent == "other"


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        # the patient, but busy: called back later
        ("예 전데요 근데 제가 지금 회의 중이라 통화가 힘들어요 저녁에 다시 주세요", "yes_no", "callback_later"),
        ("네 접니다", "yes_no", "yes"),
        # this one declined, the next one welcome: a no
        ("올해는 괜찮고요 내년에 다시 연락 주세요", "offer", "no"),
        ("이번 달은 됐고요 다음에 또 알려 주세요", "offer", "no"),
        # the slot proposed taken: a yes, not a new booking
        ("아 그 시간이면 좋겠네요 잡아 주세요", "proposal", "yes"),
        ("그날로 괜찮아요 그걸로 잡아 주세요", "proposal", "yes"),
    ],
)
def test_replies_to_the_clinics_calls(text, expect, intent):
    assert understand(text, NOW, expect).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("차 가지고 가도 되나요 주차할 데 있어요", "ask_location"),
        ("차 끌고 가도 돼요 근처에 댈 곳 있죠", "ask_location"),
        ("이 뽑고 바로 차 끌고 가도 돼요", "medical_question"),  # driving after a treatment stays medical
    ],
)
def test_driving_there_with_parking_asked_is_the_location(text, intent):
    assert understand(text, NOW).intent == intent
