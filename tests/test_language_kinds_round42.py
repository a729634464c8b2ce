"""Round 42 (blind68's and blind69's first-run misses: a March day of families moved to town, and an August day at a
seaside resort with holiday makers and 경상도 speakers) tests the kinds behind them with new sentences. Safety first:
an activity asked allowed after a treatment, when the stitches come out said "꿰맨 실", and a trouble then "must I come
today or may I come next week" are medical questions, never bookings. Then the ordinary kinds: a walk-in now with the
trouble after, an appliance's errand on a day, a visitor asking for a day, an offer welcomed with a day, a consultation
then how to book, a treatment to go on with no booking found, a day asked "not possible?" to the date question (book);
a reminder's slot put aside (reschedule); an offer declined for a nearer clinic (no); the way along a road
(ask_location); a yes trailing into a hesitation on a wellbeing call (other); slots: a booked hour moved to another day
names no hour, a red flag's onset day after the treatment's day."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from appliance.language.dialect_endings import standard_endings
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 7, 19, 10, 40)  # a Wednesday morning in July
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("임플란트 심고 나서 수영장 가도 돼요", None),
    ("어제 이 뽑고 왔는데 오늘 헬스 해도 괜찮아요", None),
    ("스케일링 받고 술 마셔도 되나요", "wellbeing"),
    ("발치한 뒤에 비행기 타도 될까요", None),
    ("사랑니 빼고 사우나 가도 돼요?", "wellbeing"),
    ("신경치료 받고 등산 가도 괜찮을까요", None),
])
def test_an_activity_after_a_treatment_is_a_medical_question(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "꿰맨 실은 언제쯤 빼러 가요",
    "그 꿰멘 실 언제 빼러 가면 돼요",
    "봉합한 실 언제쯤 풀러 가야 돼요",
])
def test_when_the_stitches_come_out_is_a_medical_question(text, statistical):
    got = _hear(text, "wellbeing", statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "잇몸이 부었는데 오늘 가야 돼요 아니면 주말 지나고 가도 돼요",
    "어금니가 시큰한데 지금 가 봐야 돼요 아님 다음 주에 와도 괜찮아요",
    "때운 데가 빠졌는데 다음 주에 가도 돼요 아니면 내일 가야 돼요",
])
def test_must_i_come_now_or_may_it_wait_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("지금 가도 되나요 어금니가 좀 아파서요", None),
    ("교정기가 볼을 긁어서 모레 가도 될까요 손보러", "wellbeing"),
    ("틀니가 헐거운데 금요일에 가도 돼요 맞추러", None),
    ("휴가 와 있는 사람인데 내일 가도 돼요", None),
    ("출장 와서 그런데 오늘 가면 될까요", None),
    ("아 마침 잘됐네요 모레 가도 될까요", "offer"),
    ("안 그래도 가려고 했는데 금요일에 가도 돼요", "offer"),
    ("아들 임플란트 상담 좀 받으려고 하는데 예약은 어떻게 해요", None),
    ("스케일링 마저 받아야 되는데 예약이 안 잡혀 있더라고요", None),
])
def test_a_visit_asked_is_a_booking(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "book", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("내일은 안 될까요", "date", "book"),
    ("그럼 금요일은 안 되나요", "date", "book"),
    ("그날 말고 좀 늦은 날 없어요", "reminder", "reschedule"),
    ("그 시간 말고 다른 시간 돼요", "confirm", "reschedule"),
    ("집 근처 가까운 치과 다니려고요", "offer", "no"),
    ("동네 치과로 옮기려고요 애들 학교 때문에", "offer", "no"),
    ("해변 도로 따라오면 바로 보여요", None, "ask_location"),
    ("시장 쪽 큰길로 쭉 걸어오면 나와요?", None, "ask_location"),
    ("어 네 음", "wellbeing", "other"),
])
def test_answers_and_errands_of_the_day(text, expect, intent, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == intent, got


@pytest.mark.parametrize(("text", "expect", "intent", "date", "time"), [
    ("내일 네 시 예약인데 다음 주 수요일로 좀 미뤄 주세요", None, "reschedule", "2051-07-26", None),
    ("오늘 두 시 반 예약한 사람인데요 모레로 바꿀 수 있을까요", None, "reschedule", "2051-07-21", None),
    ("오늘 두 시 예약을 모레 다섯 시로 바꿔 주세요", None, "reschedule", "2051-07-21", "17:00"),
    ("오늘 세 시 예약인데 금요일 같은 시간으로 옮겨 주세요", None, "reschedule", "2051-07-21", "15:00"),
    ("그저께 임플란트 심었는데 어제 저녁부터 볼이 붓고 열이 나요", None, None, "2051-07-18", None),
])
def test_the_day_and_time_meant(text, expect, intent, date, time):
    for statistical in (True, False):
        got = understand(text, NOW, expect=expect, statistical=statistical)
        assert (got.date, got.time) == (date, time), (statistical, got)
        if intent:
            assert got.intent == intent, (statistical, got)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("수요일은 일이 많아가 안 되고 금요일 세 시로 해 주세요", "reminder", "reschedule"),
    ("지금 운전 중이라 조금 있다 다시 해 주세요", "reminder", "callback_later"),
    ("밤 아홉 시 넘어서 연락 주시면 안 될까요", "reminder", "callback_later"),
    ("아이고 이렇게 챙겨 주시고 감사합니다 괜찮아요", "wellbeing", "no"),
    ("괜찮구먼요 걱정 마세요", "wellbeing", "no"),
    ("금요일 가능해요 월급날이라", "date", "book"),
    ("나중에 말씀하신 거로 할게요", "proposal", "yes"),
    ("그날은 좀 어렵고 더 이른 날 없어요", "proposal", "no"),
    ("그걸로 충분해요 감사합니다", "need", "no"),
    ("그럼 그래요 할게요", "offer", "yes"),
    ("못 갈 이유가 뭐 있어요", "offer", "yes"),
    ("거기 중국집 아닌가요", None, "wrong_number"),
    ("잠깐만요 번호가 잘못됐어요 끝자리가 칠이에요", "confirm", "no"),
    ("찬물 마실 때마다 어금니가 시큰해요 신경 때문인지", None, "symptom"),
    ("지금 진료 하고 계세요", None, "ask_hours"),
    ("주말 진료는 어느 날 해요", None, "ask_hours"),
    ("점심 끝나고 몇 시에 다시 시작해요", None, "ask_hours"),
    ("그 예약이 어떤 치료였죠", None, "confirm_appointment"),
    ("모레 예약 다음 주 금요일로요 출장 때문에", None, "reschedule"),
    ("때운 게 떨어져서요 때우러 가야 될 거 같아요", None, "book"),
    ("스케일링 받는 건 시간 얼마나 걸려요", "reminder", "question_other"),
])
def test_answers_read_by_the_rules_alone_too(text, expect, intent, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == intent, got


@pytest.mark.parametrize(("said", "read"), [
    ("원장님 계시는교", "원장님 계시나요"),
    ("비가 와가 길이 많아가 늦어요", "비가 와가 길이 많아서 늦어요"),
    ("그라믄 그래 하입시더", "그러면 그래 합시다"),
])
def test_gyeongsang_endings_read_as_standard(said, read):
    assert standard_endings(said) == read
