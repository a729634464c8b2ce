"""Kinds of replies the fifteenth round of issue 15 (after blind22's first run and the training sets dev16-dev19)
taught the understanding, each with sentences of its own (not copied from the labelled sets): refusals in few words,
in dialect, sent "to me" a few words later, every channel cut, a number to be wiped, consent withdrawn (opt-outs are
law: each is read by the rules alone, and a non-refusal is never one); asked to ring later in few words or once one
is off the bus; doing fine said in other words to "불편하신 데 없으세요?"; a slot turned down by where one will be
or by asking for the next one; a yes in dialect or by a guardian; not the person, not the patient; an offer declined
in other words; nothing said yet; a treatment declined and another chosen."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import hearer

NOW = dt.datetime(2040, 12, 17, 10, 30)  # a Monday morning
_hear = hearer(NOW)


@pytest.mark.parametrize(("text", "expect"), [
    ("앞으로 문자 사절이에요", "offer"),
    ("거부요 거부", "offer"),
    ("번호 지워요 필요 없어요", "offer"),
    ("검진 안내 같은 거 저한테는 보내지 마세요 이제", "reminder"),
    ("이 번호로는 다시 걸지 마세요", "yes_no"),
    ("전화든 카톡이든 문자든 전부 끊어 주세요", None),
    ("마케팅 수신 동의했던 거 그거 철회해 주세요", None),
    ("아버지 돌아가셨으니 연락 다시는 오지 않게 해 주세요", "yes_no"),
    ("임플란트 광고 문자 그만 받을래요", None),
    ("아이고 고만 좀 하소 전화 마쇼", "offer"),
    ("다시는 허지 맙서", "offer"),
    ("이런 자동 전화 안 받습니다", "offer"),
])
def test_a_refusal_in_few_words_or_dialect_is_an_opt_out_by_the_rules_alone(text, expect):
    assert _hear(text, expect, statistical=False).intent == "opt_out"
    assert _hear(text, expect).intent == "opt_out"


@pytest.mark.parametrize(("text", "expect"), [
    ("네 문자로 보내 주세요", "offer"),
    ("번호가 바뀌어서 새 번호 알려 드리려고요", None),
    ("신경치료 다시 하지 말고 그냥 뽑으면 안 될까요", None),
    ("광고 보고 전화했는데 미백 얼마예요", None),
    ("네 그 시간 좋아요 문자 주세요", "proposal"),
    ("원장님이 진통제 이제 그만 먹으라고 하셨는데 그만 하라는 게 맞죠", None),
    ("걱정하지 맙서 잘 지내요", "wellbeing"),
    ("제 번호로 문자 왔던 그 예약 빼 주세요", None),
])
def test_what_refuses_nothing_is_never_an_opt_out(text, expect):
    assert _hear(text, expect, statistical=False).intent != "opt_out"
    assert _hear(text, expect).intent != "opt_out"


@pytest.mark.parametrize(("text", "expect"), [
    ("아 지금 말고 이따가요", "offer"),
    ("지금 회의실이에요 나중에요", "reminder"),
    ("버스 타고 있어서요 내려서 할게요", "reminder"),
    ("십 분 뒤에 다시 걸어 주세요", "wellbeing"),
    ("통화는 저녁에만 해 주세요 낮엔 일해요", "offer"),
    ("문자로 내용 남겨 주시면 나중에 읽어 볼게요", "offer"),
])
def test_later_in_few_words_or_once_off_the_bus_is_a_call_back(text, expect):
    assert _hear(text, expect).intent == "callback_later"


@pytest.mark.parametrize("text", [
    "붓기는 거의 다 빠졌어요",
    "네 괜찮아요 이제 피도 다 멎었어요",
    "아 네 잘 지내요 지금 일하는 중이라서 이만",
])
def test_doing_fine_in_other_words_answers_no_to_wellbeing(text):
    assert _hear(text, "wellbeing").intent == "no"


@pytest.mark.parametrize("text", [
    "붓기는 빠졌는데 잇몸이 하얗게 됐어요 괜찮은 거예요",
    "괜찮아요 근데 술은 언제부터 마셔도 돼요",
])
def test_fine_but_a_question_after_is_not_a_no(text):
    assert _hear(text, "wellbeing").intent not in ("no", "yes")


@pytest.mark.parametrize("text", [
    "그날은 제사라 못 가요",
    "오후는 안 돼 손주 봐야 돼",
    "아녀 그 시간 말고",
    "아 그 다음 주는",
    "그건 너무 이르고요 열한 시쯤으로 해 주시면 좋겠어요",
])
def test_a_slot_turned_down_is_a_no(text):
    assert _hear(text, "proposal").intent == "no"


@pytest.mark.parametrize(("text", "expect"), [
    ("그려 그렇게 해 줘", "proposal"),
    ("오냐 알았다", "offer"),
    ("야 내가 맞소", "yes_no"),
    ("네 제가 그 아이 보호자입니다", "yes_no"),
    ("네 알고 있어요 금요일 세 시 스케일링", "reminder"),
    ("그걸로요", "proposal"),
])
def test_a_yes_in_dialect_or_other_words(text, expect):
    assert _hear(text, expect).intent == "yes"


@pytest.mark.parametrize(("text", "expect"), [
    ("우리 집엔 그런 할아버지 안 사세요", "yes_no"),
    ("다른 환자랑 헷갈리신 거 같은데요", "confirm"),
    ("저 거기 예약한 적 없어요", "reminder"),
    ("여기 식당 번호예요", "yes_no"),
])
def test_not_the_person_is_a_wrong_number(text, expect):
    assert _hear(text, expect).intent == "wrong_number"


def test_a_relative_answering_for_a_patient_who_is_out_is_a_no():
    assert _hear("저는 사위인데요 장모님 지금 나가셨어요", "yes_no").intent == "no"


@pytest.mark.parametrize("text", [
    "틀니는 안 할 거예요",
    "요즘 형편이 안 돼서 못 해요",
    "필요 없어요 네",
])
def test_an_offer_declined_in_other_words_is_a_no(text):
    assert _hear(text, "offer").intent == "no"


@pytest.mark.parametrize(("text", "expect"), [
    ("아 네 거시기 뭐시냐", None),
    ("어 예 그 뭐냐", "need"),
    ("네? 네?", "reminder"),
    ("제가 여쭤보려던 게 음 뭐였더라", None),
])
def test_nothing_said_yet_is_other(text, expect):
    assert _hear(text, expect).intent == "other"


def test_a_treatment_declined_gives_way_to_the_one_chosen():
    heard = _hear("아뇨 교정은 안 할게요 그냥 스케일링만 해 주세요", "offer")
    assert heard.treatment == "scaling"


@pytest.mark.parametrize("text", [
    "그거 얼마인데요 비싸면 안 할래요",
    "미백은 얼마예요 비싸면 안 할게요",
])
def test_the_price_asked_before_a_decline_is_not_a_no(text):
    assert _hear(text, "offer").intent == "ask_price"


def test_an_offer_taken_with_the_day_named_books_that_day():
    heard = _hear("네 받을게요 검진 이번 주 금요일", "offer")
    assert (heard.intent, heard.date) == ("book", "2040-12-21")


def test_a_misheard_booking_word_is_never_a_yes():
    assert _hear("예야기 하려고요", None).intent != "yes"
