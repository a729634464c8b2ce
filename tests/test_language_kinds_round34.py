"""Round 34 (blind52's and blind53's first-run misses: an ordinary Wednesday in June and a Monday in May) tests the
kinds behind them with new sentences. Safety first: a pain told and then only "may I come today" is a medical
question, never a booking, and so is whether to go for more of a medicine run out; a painkiller that "does not
work" (듣지 않다) is an emergency; a refusal of texts said with only the time word after the channel, or one
channel told needless with another kept, is an opt-out; "이리저리" is no numbness and no 피-word that is not blood
(피하다, 피곤, 피부, 피해) is read as bleeding. Then the ordinary kinds:
when to call, a day asked back, a question before booking, the insurance, a treated tooth to redo, a wellbeing call
answered better, a walk-in, a death, a lateness, a new number, a part changed, a treatment told as done."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re

import pytest

import appliance.language as language_package
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 7, 5, 11, 20)  # a Wednesday late morning
_hear = hearer(NOW)


def _days_ahead(days: int) -> str:
    return (NOW.date() + dt.timedelta(days=days)).isoformat()


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어제부터 앞니가 시큰거렸는데 내일 가도 될까요",
    "밤새 잇몸이 쑤셨는데 오늘 가도 돼요",  # round 50: with "지금" and no day word it books (29 of 29)
    "며칠째 이가 아팠는데요 오늘 가 봐도 되나요",
])
def test_a_pain_told_then_may_i_come_is_a_medical_question(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_a_pain_with_an_hour_asked_for_is_still_a_booking(statistical):
    assert _hear("이가 좀 시려서 그런데 내일 오후 두 시에 예약 돼요", None, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "진통제를 두 알이나 먹었는데도 듣질 않아요 오늘 꼭 봐 주세요",
    "약을 먹어도 도통 듣지를 않네요 밤새 한숨도 못 잤어요",
])
def test_a_painkiller_that_does_not_work_is_an_emergency(text, statistical):
    """Round 25's convention, said with "듣지 않다": an urgent same-day visit, never a booking."""
    got = _hear(text, "wellbeing", statistical)
    assert got.intent == "emergency" and got.urgent, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("expect", ["wellbeing", None])
def test_whether_to_go_for_more_medicine_is_a_medical_question(expect, statistical):
    assert _hear("처방해 주신 약이 떨어졌는데 더 타러 가야 하나요", expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("돌아가신 아버지 이름으로 자꾸 연락이 오네요 이제 안 하셨으면 해요", None),
    ("카톡 알림은 안 보내셔도 괜찮아요 문자로만 주세요", "reminder"),
    ("문자는 앞으로 안 보내셔도 돼요", "offer"),
])
def test_a_refusal_with_the_time_word_or_one_channel_kept_is_an_opt_out(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("문자로 주셔도 되고 전화로 주셔도 돼요", "offer"),
    ("오늘은 문자 안 보내셔도 돼요 제가 방금 메모했어요", "reminder"),
])
def test_no_refusal_is_heard_where_none_is_said(text, expect, statistical):
    assert _hear(text, expect, statistical).intent != "opt_out"


@WITH_AND_WITHOUT_MODEL
def test_here_and_there_is_no_numbness(statistical):
    got = _hear("주차장이 이리저리 꼬여 있어서 입구를 못 찾겠어요", None, statistical)
    assert got.intent not in ("symptom", "emergency", "medical_question"), got


@WITH_AND_WITHOUT_MODEL
def test_numbness_is_still_heard(statistical):
    assert _hear("마취 풀렸는데 입술이 아직 저리고 감각이 없어요", "wellbeing", statistical).intent in (
        "symptom", "medical_question")


def test_no_blood_pattern_reads_the_other_pi_words_as_blood():
    """Every compiled pattern of appliance/language that finds blood in "잇몸에서피가나요" finds no 피 in words that
    only begin with it: avoiding (피하다), tired (피곤), the skin (피부), harm (피해)."""
    blood = "잇몸에서피가나요"
    others = ("그는이리저리피하면서가요", "요즘너무피곤해서요", "피부과다녀왔어요", "피해가없었으면해요", "피해도돼요")
    for info in pkgutil.iter_modules(language_package.__path__):
        module = importlib.import_module(f"appliance.language.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.search(blood):
                for text in others:
                    found = value.search(text)
                    assert not (found and "피" in found.group(0)), (info.name, name, text)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("월요일엔 제가 전화를 못 받아요 다른 날 주세요", "offer"),
    ("주말엔 연락 주지 마시고 평일 저녁에 주세요", "reminder"),
])
def test_a_restriction_of_when_to_call_names_no_day(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert (got.intent, got.date) == ("callback_later", None), got


@WITH_AND_WITHOUT_MODEL
def test_right_today_cant_it_to_the_date_question_is_a_booking(statistical):
    got = _hear("내일 바로 안 돼요", "date", statistical)
    assert (got.intent, got.date) == ("book", _days_ahead(1)), got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("예약 잡기 전에 교정 기간이 얼마나 걸려요", "question_other"),
    ("틀니 가격이 얼마예요 보험 적용되면요", "ask_insurance"),
    ("실비 청구하려면 영수증도 따로 챙겨야 돼요", "ask_insurance"),
    ("때운 게 빠졌어요 다시 때워 주실 수 있어요", "symptom"),
    ("예약하려고요 지금 전화 괜찮으세요", "book"),
    ("지금 병원 앞 지나가는 길인데 그냥 들어가도 진료 돼요", "book"),
])
def test_the_early_summer_kinds(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_a_warranty_asked_is_no_symptom(statistical):
    assert _hear("씌운 게 깨졌는데 무상으로 다시 해 주세요", None, statistical).intent != "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("처음보다는 한결 낫네요", "wellbeing", "no"),
    ("작년에 남편이 돌아가셔서요", "reminder", "cancel"),
    ("가긴 갈 건데 좀 늦을 것 같아요", "reminder", "yes"),
    ("네 근데 이 번호로 바꿔 주세요 제 번호가 바뀌었거든요", "reminder", "question_other"),
    ("날짜만 금요일로 해 주세요", "confirm", "no"),
    ("임플란트 보험 되면 해야지 네 그럼 할게요", "offer", "yes"),
    ("네 할게요 그리고 아들 것도 같이 봐 주세요", "offer", "book"),
    ("요즘 거기 안 다녀요", "offer", "no"),
    ("금요일 예약 취소하고 다음 주로 다시 잡을게요", None, "reschedule"),
])
def test_answers_to_the_clinics_questions(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_a_treatment_told_as_done_gives_way_to_the_one_the_visit_is_for(statistical):
    got = _hear("스케일링 다 받았는데 잇몸 치료 하러 가야 돼요 예약 좀 해 주세요", None, statistical)
    assert got.treatment == "gum", got


@WITH_AND_WITHOUT_MODEL
def test_the_week_then_a_day_in_it_names_the_day(statistical):
    got = _hear("다음 주로 옮겨 주세요 다음 주 금요일 오전", "reminder", statistical)
    assert (got.intent, got.date) == ("reschedule", "2051-07-14"), got
