"""Round 41 (blind66's and blind67's first-run misses: the week of 추석, and a February day of reminders and wellbeing
calls) tests the kinds behind them with new sentences. Safety first: a trouble told, a fever denied in its own clause,
then "may I come tomorrow", and a sensitivity told as "시린데" then only "may I come" are medical questions, never
bookings (the lead's two sentences); fine then whether the next treatment may wait until after a holiday, and a
treatment making a trouble worse, are medical questions; "as it happens" then a trouble told, and a trouble with
"would you look again", are symptoms; a yes with what was asked told (the piece kept, the medicines taken, one's age)
is a yes. Then the ordinary kinds: a proposal taken by its time, a slot clashing with one's life, an offer not needed,
a no with a trouble denied, a booking moved in part, put off or swapped, a booking that must be cancelled, which day
was booked, another added, open on a holiday, charged twice, an evening slot at an hour, a walk-in from nearby, a
number changed, another's home, a staff member in; 경상도 "습니더", "되는교"; slots: a day in doubt "…ㄴ가", a day
as a bound, an hour as a bound then the slot within it; a day relayed as fine to the date question (the rebuilt model
read round 7's "수요일이 괜찮대요" as other)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.language import understand
from appliance.language.dialect_endings import standard_endings
from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 10, 7, 11, 20)  # a Saturday before noon
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "잇몸이 좀 부었는데 열은 없어요 내일 가도 될까요",  # the lead's own sentence
    "이가 시린데 모레 가도 돼요?",  # the lead's own sentence
    "어금니가 욱신거리는데 열은 안 나고요 모레 가도 되나요",
    "잇몸이 부었어요 열은 없고요 내일 가도 돼요",
    "앞니가 시린데 내일 가도 될까요",
    "사랑니 쪽이 아픈데 모레 가도 괜찮아요?",
    "치료한 이가 시큰한데 오늘 가도 돼요",
])
def test_a_trouble_then_may_i_come_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("네 괜찮습니다 근데 신경치료는 설 지나고 받아도 돼요", "wellbeing"),
    ("예 아픈 데는 없어요 근데 교정은 여행 다녀와서 해도 되나요", "wellbeing"),
    ("임플란트 하면 시린 거 더 심해지지 않나요", "offer"),
    ("미백 받으면 시린 게 악화되지 않아요", None),
])
def test_whether_care_may_wait_or_worsen_is_a_medical_question(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("안 그래도 요즘 잇몸이 좀 부었어요", "offer"),
    ("안 그래도 씌운 데가 좀 욱신거려서요", "offer"),
    ("네 안 그래도 틀니가 좀 헐거워요", "wellbeing"),
    ("먹을 때 좀 불편한데 교정기가 안 맞는 거 같아요 한번 봐 주실 수 있어요", "wellbeing"),
    ("때운 데가 좀 높은 거 같아요 다시 봐 줄 수 있나요", None),
])
def test_a_trouble_told_reaches_staff_as_a_symptom(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "symptom", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect"), [
    ("네 부러진 조각 챙겨 놨어요", "yes_no"),
    ("예 떨어진 거 봉지에 보관하고 있어요", "yes_no"),
    ("예 당뇨약 매일 먹고 있습니다", "yes_no"),
    ("네 고지혈증 약 먹고 있어요", "yes_no"),
    ("네 칠십 넘었어요", "yes_no"),
    ("예 올해 육십칠 세예요", "yes_no"),
])
def test_a_yes_with_what_was_asked_is_a_yes(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "yes", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "expect", "intent"), [
    ("그럼 네 시 반으로 해 주세요", "proposal", "yes"),
    ("금요일 열한 시로 할게요", "proposal", "yes"),
    ("그날은 남편이 출근해서요", "proposal", "no"),
    ("아 그 시간은 제가 수업이 있어요", "proposal", "no"),
    ("괜찮아요 멀쩡해서 안 와도 될 거 같아요", "offer", "no"),
    ("다른 치과에서 관리받고 있어요", "offer", "no"),
    ("아뇨 피는 안 났어요", "yes_no", "no"),
    ("아니요 아프지는 않아요", "yes_no", "no"),
    ("예 예 괜찮습니더", "wellbeing", "no"),
])
def test_answers_to_a_proposal_an_offer_or_a_question(text, expect, intent, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == intent, got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize(("text", "intent"), [
    ("금요일 예약인데 시간만 좀 일찍 오전 열 시로 되나요", "reschedule"),
    ("임플란트 예약 있는데요 그거 다음 달로 좀 미뤄 주세요", "reschedule"),
    ("예약을 좀 옮기고 싶은데 시간은 나중에 연락드릴게요", "reschedule"),
    ("검진으로 예약한 거 그냥 스케일링으로 바꿔 주세요", "reschedule"),
    ("교정 예약했는데 해외 발령이 나서 취소해야 될 것 같아요", "cancel"),
    ("제 예약 수요일로 돼 있나요 목요일로 돼 있나요", "confirm_appointment"),
    ("목요일 예약돼 있는데 남편도 같이 검진 받게 잡아 주세요", "book"),
    ("설 연휴 끝나고 그 다음 날은 문 여나요", "ask_hours"),
    ("어제 결제가 두 번 된 것 같아요", "question_other"),
    ("다음 주 화요일 여덟 시 야간 돼요", "book"),
    ("지금 바로 가면 진료 되나요 바로 근처예요", "book"),
    ("그리고 번호가 바뀌었거든요 이걸로 저장해 주세요", "question_other"),
    ("거기 박민수 씨 집 아닌가요", "wrong_number"),
    ("이 선생님 계세요 임플란트 하시는", "talk_to_staff"),
])
def test_errands_of_the_day(text, intent, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == intent, got


@pytest.mark.parametrize(("said", "read"), [
    ("괜찮습니더", "괜찮습니다"), ("학생입니더", "학생입니다"), ("토요일 되는교", "토요일 되나요"),
    ("더 먹는교", "더 먹는교"),
])
def test_gyeongsang_endings_read_as_standard(said, read):
    assert standard_endings(said) == read


@pytest.mark.parametrize(("text", "expect", "intent", "date", "time"), [
    ("스케일링은 모렌가 글피쯤 갈게요", None, "book", "2051-10-09", None),
    ("금요일 전이면 아무 때나 괜찮아요", "date", "book", None, None),
    ("잠시만요 여보 언제? 목요일이 좋대요", "date", "book", "2051-10-12", None),
    ("퇴근이 늦어서 일곱 시 지나서요 일곱 시 이십 분", "time", None, None, "19:20"),
    ("학원 끝나고 네 시 넘어서 네 시 반이요", "time", None, None, "16:30"),
])
def test_the_day_and_time_meant(text, expect, intent, date, time):
    for statistical in (True, False):
        got = understand(text, NOW, expect=expect, statistical=statistical)
        assert (got.date, got.time) == (date, time), (statistical, got)
        if intent:
            assert got.intent == intent, (statistical, got)
