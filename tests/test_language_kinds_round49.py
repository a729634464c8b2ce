"""Round 49 (the first-run misses of blind86, blind87, blind88 and blind89: four ordinary clinic days in four cities)
tests the kinds behind them with new sentences. Safety first: a restriction of when to call in the "…안 했으면" form is
a call back, never an opt-out; "이런 전화는 다시 안 해 주셔도 돼요/됩니더" is an opt-out; the mouth hard to open with
swallowing sore is an emergency, and so is a pain a painkiller does not ease; a trouble in dialect or a wire poking,
then "may I come / bring him [day]", an appliance worn with a treatment asked in that state and a check-up asked
needed with nothing wrong are medical questions, never bookings. Then the ordinary kinds of ``four_cities_kinds``."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 10, 17, 10, 20)  # a Tuesday morning in October
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("저녁엔 전화 좀 안 하셨으면 좋겠어요 낮에 주세요", "offer"),
    ("밤엔 좀 연락 안 했으면 좋겠는데 낮에 다시 주세요", "reminder"),
    ("아침엔 전화 안 주셨으면 해요 오후에 주세요", None),
])
def test_a_restriction_of_when_to_call_wished_is_a_call_back_never_an_opt_out(text, expect, statistical):
    got = _hear(text, expect, statistical)
    assert got.intent == "callback_later"
    assert got.date is None


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("이런 전화는 다시 안 해 주셔도 돼요", "offer"),
    ("그런 연락은 앞으로 안 해 주셔도 됩니더", "reminder"),
    ("딴 데로 옮겼어요 이런 전화는 다시 안 해 줘도 돼요", "offer"),
])
def test_calls_of_this_kind_needless_again_is_an_opt_out(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("전화 안 해 주셔도 돼요 제가 할게요", "offer"),  # a call back of one's own, no refusal
    ("주말엔 전화 안 하셨으면 좋겠어요 평일 저녁에 주세요", "offer"),
])
def test_near_misses_of_the_refusal_are_no_opt_out(text, expect, statistical):
    assert _hear(text, expect, statistical).intent != "opt_out"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("어제 사랑니 뽑았는데 입 벌리기가 너무 힘들고 물 삼키기도 아파요", "wellbeing"),
    ("침 삼키는 게 아프고 입 벌리기도 힘들어요 어제 저녁부터요", None),
    ("진통제를 먹어도 계속 욱신거려요 오늘 봐 주실 수 있어요", None),
    ("진통제 두 번 먹어도 여전히 아파요", "wellbeing"),
])
def test_the_mouth_hard_to_open_with_swallowing_sore_or_a_pain_no_painkiller_eases_is_an_emergency(
        text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("입 벌리기가 좀 뻐근해요", "wellbeing"),  # one sign alone, no swallowing
    ("진통제 먹으니까 좀 나아요", "wellbeing"),  # round 25: a pain a painkiller eases is a symptom
])
def test_near_misses_of_the_emergency_stay_no_emergency(text, expect, statistical):
    assert _hear(text, expect, statistical).intent != "emergency"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text", [
    "어금니가 밤새 쑤셔가 내일 가도 되는교",
    "잇몸이 욱신거리가 모레 가도 되능교",
    "딸 교정기 철사가 볼을 찔러요 내일 학원 끝나고 데려가도 돼요",
    "아들 교정 장치를 하고 있는데 그 상태로 불소도 받을 수 있어요",
    "틀니 끼고 있는데 그대로 엑스레이 찍어도 돼요",
    "임플란트 점검 그거 아무 이상 없어도 꼭 받아야 돼요",
    "사랑니 뺀 데 언제부터 씹어도 돼요",
])
def test_a_trouble_then_may_i_come_or_a_treatment_in_ones_state_is_a_medical_question(text, statistical):
    got = _hear(text, None, statistical)
    assert got.intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("아들 교정기 철사가 튀어나왔어요 내일 학교 끝나고 세 시에 데려갈게요", "book"),  # an hour: a visit
    ("어 지금 이가 좀 시려서요 지금 가도 돼요?", "book"),  # round 36: a walk-in now
])
def test_near_misses_with_an_hour_or_now_stay_bookings(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("앞니 때운 게 빠졌거든요 다시 붙여 주실 수 있어요", None, "symptom"),
    ("레진 하고 나서 이 사이가 좀 벌어진 거 같아요", "wellbeing", "symptom"),
    ("좀 뻐근하긴 했는데 이제는 멀쩡해요", "wellbeing", "no"),
    ("예 괜찮수다", "wellbeing", "no"),
    ("부기가 그저께보다 많이 가라앉았어요", "wellbeing", "no"),
    ("못 갈 거는 없지요 가야지요", "offer", "yes"),
    ("요즘 너무 추워서 날 풀리면 갈게", "offer", "yes"),
    ("네 받을게요 근데 제가 다음 달에 이사 가서 이번 달 안에 받아야 돼요", "offer", "yes"),
    ("네 그럼 받아야죠 지난번에도 이맘때 받았으니까", "offer", "yes"),
    ("월요일 거 시간을 다섯 시로 바꿀 수 있어요", "proposal", "no"),
    ("두 번째 건데 시간만 좀 당길 수 있어요", "proposal", "no"),
    ("제 예약에 한 명 더 추가해도 돼요 제 조카요", None, "book"),
    ("예 가야지 할멈 것도 좀 잡아 줘", "offer", "book"),
    ("금요일이요 금요일 아니면 어려워요", "date", "book"),
    ("토요일에도 문 열면 토요일에 가고 싶은데", None, "book"),
    ("아 몇 시라고 하셨죠 다시 한 번요", "reminder", "confirm_appointment"),
    ("딸이 수학여행이라서 그날은 못 가요", "reminder", "cancel"),
    ("아들은 지금 유학 가 있어요", "offer", "no"),
    ("요즘 일이 많아서 당분간은 힘들 것 같아요", "offer", "no"),
    ("지금은 좀 그렇고 다음 주쯤 다시 연락 주세요", "offer", "callback_later"),
    ("틀니 보험으로 하면 본인 부담은 얼마예요", None, "ask_insurance"),
    ("공단 사거리에서 어느 방향으로 가요", None, "ask_location"),
    ("아이고 번호를 잘못 눌렀네요 죄송합니다", None, "wrong_number"),
    ("실란트는 언제 하는 게 좋아요 지금 여섯 살이에요", None, "medical_question"),
    ("설 연휴에 당직 같은 거 있어요", None, "ask_hours"),
    ("일곱 시는 넘어야 돼요", "proposal", "no"),
    ("어 네 알겠어요 감사합니다", None, "other"),
    ("불소는 몇 달에 한 번 바르는 게 좋아요", "offer", "question_other"),
    ("임플란트는 보통 몇 번이나 가야 돼요", None, "question_other"),
    ("추석 연휴에도 진료하세요", None, "ask_hours"),
    ("점심시간은 몇 시부터예요", None, "ask_hours"),
    ("이 원장님 계세요 어제 다시 통화하기로 했는데요", None, "talk_to_staff"),
    ("네 갈 건데 항생제 먹고 있는데 괜찮아요", "reminder", "medical_question"),
    ("네 전에 한 번 와 봤어요", "yes_no", "yes"),
    ("네 그게 다예요 감사합니다", "need", "no"),
    ("네 누구시라고요", "reminder", "other"),
    ("아 잠깐만요 아내 바꿔 드릴게요", "wellbeing", "other"),
    ("목요일은 괜찮은데 시간이 좀 더 빠르면 좋겠어요", "proposal", "no"),
    ("찬 거 마시면 시큰한데 충치인가 싶어가", None, "symptom"),
    ("칫솔질할 때마다 피가 나는데 요새 피곤해서 그런가", None, "symptom"),
    ("잇몸이 좀 빨개요 앞니 쪽이요", "wellbeing", "symptom"),
    ("부기가 더 심해진 것 같은데 열은 없어요", "wellbeing", "symptom"),
    ("어금니 때운 게 떨어져 나간 것 같아요", None, "symptom"),
])
def test_the_ordinary_kinds_of_four_cities(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("스케일링 받고 나서 이 사이가 벌어진 것 같은데 원래 그래요", None, "medical_question"),  # asked: normal?
    ("아직 좀 시큰하긴 한데 괜찮아요", "wellbeing", "symptom"),  # round 46: still a little
    ("붓기는 많이 빠졌는데 아직 좀 욱신거려요", "wellbeing", "symptom"),
    ("몇 시라고 하셨죠 아 열 시 네 알겠어요 갈게요", "reminder", "yes"),
    ("씌운 게 빠져서요 내일 오전에 가서 다시 붙일 수 있을까요", None, "book"),  # a day: a visit
    ("네 갈게요 근데 주차는 돼요", "reminder", "ask_location"),  # round 49's count: 9 of 9
    ("네 알겠어요 감사합니다", "reminder", "yes"),
    ("틀니 보험은 몇 년마다 다시 돼요", None, "ask_insurance"),  # the insurance's period stays ask_insurance
    ("씌운 거 빠진 거 다시 붙이는 거요", "treatment", "book"),
])
def test_near_misses_of_the_ordinary_kinds_keep_their_readings(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent
