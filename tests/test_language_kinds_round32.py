"""Round 32 (blind48's and blind49's first-run misses: a Tuesday in a small fishing town in 전라도 speech and a
Friday at a suburban clinic of implant and gum patients) tests the kinds behind them with new sentences: the 전라도
sentence ends read the standard way ("…ㄴ디", "되겄소", "주쇼", "괜찮허요", "…믄", "…니께", "…당께", "드리께라",
"해야지라", "될랑가", "쪼까", a final "잉") and nothing else; safety first: a trouble told then "now, or can it
wait", "may I come tomorrow" with the trouble as its reason, a treatment wondered possible, a yes then what may be
eaten before the visit, whether a treatment makes a trouble worse (medical questions); a refusal with "again"
(opt-out); "AI or a person" with 인공지능; a reminder answered "I know", "that is all" to the need question, a yes
with a slight discomfort on a wellbeing call, an insurance condition then a yes, one's own share asked, a receipt
asked, a treatment wished; and the days: a weekday with a treatment had or a filling fallen out is the one just gone,
"내일은 어려운데 모레는" names the second."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language.dialect_endings import standard_endings
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2049, 9, 15, 11, 20)  # a Wednesday late morning
_hear = hearer(NOW)


@pytest.mark.parametrize("dialect, standard", [
    ("그 날은 바쁜디 목요일은 되겄소", "그 날은 바쁜데 목요일은 되겠어요"),
    ("예약 좀 넣어 주쇼", "예약 좀 넣어 주세요"),
    ("비 오믄 못 가니께", "비 오면 못 가니까"),
    ("내가 내일 간당께", "내가 내일 간다니까"),
    ("나중에 전화 드리께라", "나중에 전화 드릴게요"),
    ("그건 해야지라", "그건 해야지요"),
    ("틀니가 될랑가", "틀니가 될까"),
    ("쪼까 시려요", "조금 시려요"),
    ("예 갈게요잉", "예 갈게요"),
    ("아이고 괜찮허요", "아이고 괜찮아요"),
    ("허리가 아파서 누워 있어요", "허리가 아파서 누워 있어요"),
    ("애가 캔디 먹고 이가 시리대요", "애가 캔디 먹고 이가 시리대요"),
    ("어디 있어요", "어디 있어요"),
    ("어금니가 겁나 쑤셔요", "어금니가 엄청 쑤셔요"),
    ("치과 가는 게 겁나요", "치과 가는 게 겁나요"),
])
def test_the_jeolla_sentence_ends_are_read_the_standard_way_and_nothing_else(dialect, standard):
    assert standard_endings(dialect) == standard


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "씌운 이가 좀 들뜬 느낌인데 지금 가 봐야 돼요 연휴 지나서 가도 돼요",
    "모레 오후에 가도 돼요 이가 시려서",
    "네 갈게요 근데 전날 술 마셔도 돼요",
    "교정 장치 붙이고 나면 더 아프지 않아요",
])
def test_now_or_later_a_trouble_as_reason_and_care_before_a_visit_are_medical_questions(text, statistical):
    assert _hear(text, None, statistical).intent == "medical_question"


@pytest.mark.parametrize("statistical", [False])
def test_a_treatment_wondered_possible_for_ones_condition_is_a_medical_question(statistical):
    assert _hear("당뇨가 있는데 임플란트가 될까 모르겠어요", "offer", statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
def test_a_treatment_wondered_possible_is_never_a_booking(statistical):
    assert _hear("당뇨가 있는디 임플란트가 될랑가 모르겄소", "offer", statistical).intent not in ("book", "reschedule")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("이런 전화 다시 안 주셔도 돼요", "offer", "opt_out"),
    ("지금 인공지능이에요 아니면 사람이에요", None, "question_other"),
    ("네 알고 있어요 목요일 두 시", "reminder", "yes"),
    ("예약한 거 기억하고 있어요", "reminder", "yes"),
    ("아니요 그게 전부예요", "need", "no"),
    ("네 좀 뻐근하긴 한데 괜찮아요", "wellbeing", "no"),
    ("보험 되면야 해야죠 예 할게요", "offer", "yes"),
    ("제 돈으로 내는 게 얼마쯤 돼요", "offer", "ask_insurance"),
    ("진료비 내역서 좀 떼 주실 수 있어요", None, "question_other"),
    ("사랑니 상담 받아보려고요", None, "book"),
    ("잇몸치료 받고 싶어서", None, "book"),
    ("좀 생각해 보고 지가 다시 전화 드리께라", "offer", "callback_later"),
    ("그날 손주 돌잔치가 있어서요", "reminder", "cancel"),
])
def test_the_kinds_of_a_seaside_day_are_heard(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_a_wish_to_change_or_ask_stays_what_it_was(statistical):
    assert _hear("스케일링 예약 취소하려고요", None, statistical).intent == "cancel"
    assert _hear("아직 좀 시큰하긴 한데 괜찮아요", "wellbeing", statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, day", [
    ("화요일에 신경치료 받았는데요 계속 욱신거려요", "2049-09-14"),
    ("월요일에 때운 게 떨어져 나갔어요", "2049-09-13"),
    ("아 내일은 어려운데 모레는 돼요", "2049-09-17"),
])
def test_the_day_a_treatment_was_had_or_the_day_left_after_a_refusal(text, day, statistical):
    assert _hear(text, "reminder" if "모레" in text else None, statistical).date == day
