"""Round 48 (the first-run misses of blind78, blind81, blind82 and blind83: four ordinary clinic days) tests the kinds
behind them with new sentences. Safety first: a refusal ended in "…됩니다/됩니더", also after a death told as "went",
is an opt-out; a day refused for calls with the other time given is a call back, never an opt-out; a trouble told,
then "may I bring the child / come [day]" with no hour, is a medical question, never a booking; a little bleeding
from a pulled tooth with the gauze held is a symptom, no emergency. Then the ordinary kinds of ``market_street_kinds``
and two days: a booked day moved "to the next day" and a week with the booked weekday after it."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 10, 17, 10, 20)  # a Tuesday morning in October
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("이제 연락 안 하셔도 됩니다", "offer"),
    ("문자는 이제 안 보내셔도 됩니더", "reminder"),
    ("할아버지가 지난달에 가셨어요 이제 전화 안 주셔도 됩니다", "offer"),
    ("우리 집사람이 올봄에 먼저 갔어예 연락 안 주셔도 됩니더", "wellbeing"),
    ("아버지 작년에 돌아가셨어요 이런 전화 앞으로 안 주셔도 됩니다", None),
])
def test_a_refusal_ended_in_the_formal_or_dialect_ending_is_an_opt_out(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("남편이 작년에 먼저 갔어요 그래서 못 가요", "offer"),
    ("어머니가 지난달에 가셨어요 그래서 예약은 못 가요", "reminder"),
])
def test_a_death_told_as_went_without_a_stop_asked_is_no_opt_out(text, expect, statistical):
    assert _hear(text, expect, statistical).intent in ("no", "cancel")


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "토요일엔 전화 주지 마시고 평일 저녁에 하이소",
    "월요일엔 전화 좀 하지 마쇼 화요일 오후에 하시고",
    "주말에만 연락 주세요 평일엔 바빠서요",
])
def test_a_day_refused_for_calls_with_the_other_time_is_a_call_back_with_no_day(text, statistical):
    got = _hear(text, "offer", statistical)
    assert (got.intent, got.date) == ("callback_later", None), got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "딸내미가 어금니가 욱신거린다고 하는데 내일 데리고 가도 될까요",
    "아들이 이가 시리다고 우는데 오늘 데려가도 돼요",  # round 50: "지금" with no day word books (29 of 29)
    "앞니가 흔들거리는데 모레 가도 되겠어요 내일은 출근 때문에",
    "어금니가 빠질라 카는데 낼 가도 되능교",
])
def test_a_trouble_then_may_i_bring_the_child_or_come_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question", got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "애가 이가 아프다고 해서 오늘 세 시에 데려가도 돼요",
    "이가 시려서 스케일링 받으러 내일 가도 돼요",
])
def test_a_trouble_with_an_hour_or_an_errand_still_books(text, statistical):
    assert _hear(text, None, statistical).intent == "book"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("뽑은 데서 피가 아직 살짝 비쳐요 솜 물고 있는데", "symptom"),
    ("사랑니 뺀 데서 피가 조금씩 묻어나요 거즈 물고 있어요", "symptom"),
    ("뽑은 데서 피가 계속 나요 거즈를 물고 있는데도요", "emergency"),
])
def test_a_little_bleeding_with_the_gauze_held_is_a_symptom(text, intent, statistical):
    assert _hear(text, "wellbeing", statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("교정기가 부러졌는데 고쳐 주시나요", None),
    ("레진 하고 나서 이가 좀 시려요 어제 했는데", None),
    ("크라운 한 데가 좀 시큰했는데 그것도 봐 주세요", "offer"),
    ("딱히 아픈 건 없는데 때운 게 좀 높은 거 같아요", "wellbeing"),
    ("어금니가 쑤시는데 진통제 먹으면 좀 나아요", None),
    ("마침 잘됐네요 어금니가 좀 시려서요", "offer"),
])
def test_a_trouble_told_is_a_symptom(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "symptom"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("어금니 뺄 때 많이 아파요?", None),
    ("잇몸이 좀 부었는데 이거 며칠 가요", "wellbeing"),
    ("임신 중이라서 안 받아도 되지 않아요", "offer"),
])
def test_the_dentists_call_is_a_medical_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("한 시간을 기다렸는데 이게 뭐예요 관리자 바꿔요", None, "talk_to_staff"),
    ("아 안녕하세요 저 김 실장님 계세요", None, "talk_to_staff"),
    ("아까 통화하다 끊어져서요 예약 이어서 할게요", None, "book"),
    ("우리 바깥양반 것도 같이 잡아 주쇼", "offer", "book"),
    ("몇 시까지 예약 가능해요", "time", "book"),
    ("칠십 넘으면 틀니 반값이라던데", None, "ask_insurance"),
    ("문자가 왔길래 전화했는데 무슨 일이에요", None, "question_other"),
    ("진료 확인서 좀 떼 주세요 회사에 내게", None, "question_other"),
    ("예 갈게요 근데 제 핸드폰 번호가 바뀌었어요", "reminder", "question_other"),
    ("공단 입구에서 오려면 어떻게 가요", None, "ask_location"),
    ("그럼 그걸로 할게요 뭐", "proposal", "yes"),
    ("다니는 데서 다 해 주고 있어요", "offer", "no"),
    ("네? 다시 말씀해 주세요", "offer", "other"),
    ("어 네 그러니까 음", None, "other"),
])
def test_the_ordinary_kinds(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
def test_may_i_come_late_with_an_hour_books_and_the_hours_asked_stay_hours(statistical):
    late = _hear("내일 좀 늦게 가도 돼요 일곱 시쯤", None, statistical)
    assert (late.intent, late.date, late.time) == ("book", "2051-10-18", "19:00"), late
    assert _hear("오늘 늦게 가도 되나요 몇 시까지 받아요", None, statistical).intent == "ask_hours"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, date", [
    ("다음 주 수요일 예약을 그 다음 날로 옮겨 주세요", "2051-10-26"),
    ("다음 주로 좀 옮겨 주세요 목요일 거", None),
])
def test_a_booked_day_moved_on_names_the_day_it_goes_to(text, date, statistical):
    assert _hear(text, None, statistical).date == date


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, time", [
    ("목요일 열 시 거 한 시간 뒤로 미뤄 주세요", "11:00"),
    ("모레 세 시 예약 두 시간 당겨 주세요", "13:00"),
    ("내일 두 시 반 예약 한 시간만 늦춰 주실 수 있어요", "15:30"),
])
def test_a_booked_hour_moved_by_whole_hours_names_the_hour_it_goes_to(text, time, statistical):
    got = _hear(text, None, statistical)
    assert (got.intent, got.time) == ("reschedule", time), got


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("영유아 검진은 무료라던데 맞나요", None, "ask_insurance"),
    ("금요일 거로 할게요", "proposal", "yes"),
    ("두 시 말고 다섯 시로 좀 해 주세요", "reminder", "reschedule"),
    ("예 덕분에 괜찮심더", "wellbeing", "no"),
    ("불소요 네 받을게요", "offer", "yes"),
    ("다음 주 금요일에 한번 가 볼게요", "offer", "book"),
    ("충치인가 싶어가지고요 어금니에 구멍이 보여요", None, "symptom"),
    ("위생사 선생님 계세요", None, "talk_to_staff"),
    ("아들 것도 하나 더 잡고 싶은데요", "need", "book"),
    ("네 수고하세요", None, "other"),
    ("지금 좀 바빠서 괜찮습니다", "offer", "no"),
    ("이가 시린데 치약을 바꿔야 되나요", None, "medical_question"),
    ("장사 끝나고 저녁에 갈 수 있나 해서요", None, "book"),
])
def test_the_kinds_the_rules_alone_missed(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("와이프 것도 같이 잡아 주세요 네 할게요", "offer", "book"),
    ("실비 청구용으로 영수증이랑 세부 내역서 좀 떼 주세요", None, "ask_insurance"),
    ("지금 운전 중이라 나중에 원장님 연결해 주세요", None, "callback_later"),
])
def test_the_readings_beside_them_stay(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent
