"""Round 40 (blind64's and blind65's first-run misses: a Monday in January beside a large hospital, and a Thursday of
Children's Day week) tests the kinds behind them with new sentences. Safety first: another's pain relayed then "is
today possible", and a trouble told then "should I go and see", are medical questions, never bookings; a treatment
wondered impossible for one's condition (also in 충청도 speech) or wondered to help a trouble is a medical question; an
appliance's or a crown's trouble told, or with "can you fix it / put it back" and no day, is a symptom. Then the
ordinary kinds: a child not brought or a cancel said first to a reminder, late with a new time, one's own treatment
added to a reminder, fine then "but book me", the machine asked about, who does the treatment, not now, an offer taken
with a reason, a second opinion asked here, another's old number, the share with insurance, a cause wondered, a
walk-in now, a day at one's free hour, nothing thanks, a call back after asking another, open now, a booked day moved;
the 충청도 endings; slots: a day in doubt between two, a day as a condition, a visit moved to a week, "until today",
fluoride asked beside braces."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from appliance.language.dialect_endings import standard_endings
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, assert_heard_both_ways, hearer

NOW = dt.datetime(2051, 3, 14, 10, 5)  # a Tuesday morning
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("딸이 앞니가 아프다고 해서요 오늘 가능할까요", None),
    ("남편이 어금니가 쑤신다고 해서요 내일 가능한가요", None),
    ("어제부터 잇몸이 욱신거려요 한번 가 봐야 하나요", "wellbeing"),
    ("이가 좀 시려요 꼭 가 봐야 될까요", "wellbeing"),
])
def test_a_pain_then_whether_to_come_is_a_medical_question(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("잇몸 뼈가 많이 녹아서 임플란트는 못 하는 거 아닌가요", None),
    ("당뇨가 있어서 임플란트는 안 되는 거 아니에요?", "offer"),
    ("이가 누렇게 변했는데 스케일링 받으면 하얘지나요", None),
])
def test_a_treatment_wondered_for_ones_condition_is_a_medical_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어머니 틀니 고리가 부러졌는데 고칠 수 있을까요",
    "브릿지가 빠졌는데 다시 붙일 수 있나 해서요",
    "틀니가 자꾸 헐렁해서 한번 가 봐야겠는데",
    "아버지 임플란트 나사가 빠진 거 같대요",
    "새로 한 틀니가 자꾸 빠질라 그래요 밥 먹을 때",
])
def test_an_appliances_trouble_to_fix_with_no_day_is_a_symptom(text, statistical):
    assert _hear(text, None, statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "intent"), [
    ("죄송해요 아들이 열이 나서 그날 못 데리고 갈 것 같아요", "cancel"),
    ("미안한데 취소할게요 애 엄마가 출장이라 못 데려간대요", "cancel"),
    ("그날 아이 검진하고 제 충치 치료도 같이 해 주실 수 있어요?", "book"),
    ("네 알겠어요 근데 남편 것도 같이 봐 주세요", "book"),
])
def test_a_reminder_answered(text, intent, statistical):
    assert _hear(text, "reminder", statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("오늘 세 시 예약인데 한 삼십 분 늦을 것 같아요 세 시 반으로 좀", None, "reschedule"),
    ("네 괜찮아요 근데 다음 주 목요일에 예약 잡아 주세요 스케일링도 받게", "wellbeing", "book"),
    ("근데 지금 누가 전화하시는 거예요? 기계예요?", "wellbeing", "question_other"),
    ("그거 원장님께서 직접 해 주시나요?", "offer", "question_other"),
    ("지금은 좀 그래요 요즘 회사 일이 많아서", "offer", "no"),
    ("네 해야지요 작년에도 못 받았으니까", "offer", "yes"),
    ("아 그거 교정 장치 맞추는 날이죠 가야죠", "reminder", "yes"),
    ("다른 치과에서 잇몸 수술 해야 된다고 했는데 여기서 한번 봐 주실 수 있나요", None, "book"),
    ("이 분 이 번호 안 쓰세요 예전 번호라서요", "offer", "wrong_number"),
    ("보험으로 틀니 하면 제가 내는 돈은 얼마나 돼요", None, "ask_insurance"),
    ("찬 거 마시면 이가 시려요 충치인가 싶어서요", None, "symptom"),
    ("퇴근하고 스케일링 받을 수 있는 날 있나요", None, "book"),
    ("아니요 없어요 감사합니다", "need", "no"),
    ("어유 괜찮아요 걱정 마세요", "wellbeing", "no"),
    ("제가 예약한 게 아닌데요 아내한테 물어보고 다시 연락드릴게요", "reminder", "callback_later"),
    ("오늘 진료 하세요", None, "ask_hours"),
    ("깜빡했네요 네 알겠습니다", "reminder", "yes"),
    ("안 갈래요 이제 안 아파요", "reminder", "cancel"),
    ("로봇이에요? 상담원 연결해 주세요", None, "talk_to_staff"),
    ("어머니 틀니를 다시 맞춰야 될 거 같아요", None, "book"),
])
def test_the_ordinary_kinds(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("틀니가 자꾸 헐거워유 좀 봐 줄 수 있슈", None, "symptom"),
    ("예 괜찮어유 신경 써 주셔서 고마워유", "wellbeing", "no"),
    ("이가 하나도 없어서 틀니도 안 되는 거 아녀유?", "offer", "medical_question"),
])
def test_chungcheong_endings_are_heard(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@pytest.mark.parametrize(("said", "read"), [
    ("아파유", "아파요"), ("그 이유가 뭐예요", "그 이유가 뭐예요"), ("우유 먹어도 돼유", "우유 먹어도 돼요"),
    ("모유수유 중인디유", "모유수유 중인디요"), ("있슈?", "있어요?"), ("아녀유", "아니에요"), ("알겄슈", "알겠어요"),
    ("죄송혀유", "죄송해요"), ("통증이 안 잡혀요", "통증이 안 잡혀요"), ("네 수고하셔유", "네 수고하세요"),
    ("예약이 이십 일 맞어유", "예약이 이십 일 맞아요"),
])
def test_chungcheong_endings_read_as_standard(said, read):
    assert standard_endings(said) == read


@pytest.mark.parametrize(("text", "expect", "intent", "date"), [
    ("목요일로 했는지 금요일로 했는지 모르겠어요", None, None, "2051-03-16"),
    ("토요일 쉬시면 일요일은 하세요?", None, "ask_hours", "2051-03-19"),
    ("금요일 예약을 그 다음 주로 미뤄 주세요", None, "reschedule", None),
    ("지난주 금요일에 이 뽑았는데 오늘까지 계속 아파요", None, "symptom", "2051-03-10"),
])
def test_the_day_meant(text, expect, intent, date):
    for statistical in (True, False):
        got = understand(text, NOW, expect=expect, statistical=statistical)
        assert got.date == date, (statistical, got)
        if intent:
            assert got.intent == intent, (statistical, got)


def test_fluoride_asked_beside_braces_names_no_treatment():
    assert_heard_both_ways(NOW, "교정하는 중인데 실란트 해도 돼요?", None, "medical_question", None, None, None)
