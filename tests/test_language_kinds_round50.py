"""Round 50 (the first-run misses of blind90, blind91, blind92 and blind93: four clinic days in 전주, 세종, 춘천 and
부천) tests the kinds behind them with new sentences. Safety first: a trouble told, then "may I come [a day word]"
with no hour and no errand is a medical question whatever the trouble's ending, a wait between or a reason after
(round 50's count: 15 of 18 earlier such labels), while "지금/바로" with a trouble books today (29 of 29) and an
appliance's fit with a day books (6 of 6); a swelling with "열도 좀 나는" is an emergency, whatever day it is compared
with, and so is the mouth hard to open with "침 삼킬 때" sore. Then the ordinary kinds of ``four_days_kinds``."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.language_kinds_support import WITH_AND_WITHOUT_MODEL, hearer

NOW = dt.datetime(2051, 6, 13, 10, 20)  # a Tuesday morning in June
_hear = hearer(NOW)


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("잇몸이 좀 욱신욱신한데 모레 가도 될까요", None),
    ("이가 시큰해서 그러는데 목요일 오후에 가도 되나요", None),
    ("어금니가 아프긴 한데 좀 참았다가 주말에 가도 될까요", None),
    ("앞니가 시린데 내일 가도 돼요 오늘은 애 학원 때문에", None),
    ("잇몸이 부었는데 금요일 아침에 가 봐도 될까요", "wellbeing"),
])
def test_a_trouble_then_may_i_come_on_a_day_is_a_medical_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, intent", [
    ("이가 좀 시려서 그러는데 지금 바로 가도 돼요", "book"),  # now: round 36's walk-in, 29 of 29
    ("잇몸이 좀 아픈데 내일 오후 세 시에 가도 될까요", "book"),  # an hour: it books (round 34)
    ("틀니가 헐렁해서 그러는데 금요일에 가도 될까요", "book"),  # an appliance's fit with a day, 6 of 6
])
def test_near_misses_of_the_may_i_come_form_still_book(text, intent, statistical):
    assert _hear(text, None, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("볼이 아까보다 더 부었어요 열도 좀 나고요", "wellbeing", "emergency"),
    ("입 벌리기가 힘들어요 침 삼킬 때 목도 아프고", None, "emergency"),
    ("얼굴이 어제보다 좀 부었는데 열은 없어요 이거 괜찮은 거예요", "wellbeing", "medical_question"),
])
def test_a_swelling_with_a_fever_or_swallowing_sore_is_an_emergency(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect", [
    ("우리 애가 이제 십팔 개월인데 처음 치과 검진은 언제 데리고 가면 돼요", None),
    ("사랑니 쪽이 좀 욱신한데 그냥 둬도 되는 건가요", "wellbeing"),
    ("잇몸이 빨갛게 됐는데 그냥 두면 낫나요", None),
    ("혀가 좀 아픈데 이것도 치과에서 봐 주나요", None),
])
def test_whether_a_trouble_can_be_left_or_is_the_dentists_is_a_medical_question(text, expect, statistical):
    assert _hear(text, expect, statistical).intent == "medical_question"


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("실손 청구하려는데 진료확인서 좀 떼 주세요", None, "question_other"),
    ("다 끝나면 영수증 좀 주세요 실비 청구할 거라", "need", "question_other"),
    ("실비 청구하려면 서류 뭐가 필요해요", None, "ask_insurance"),  # which papers: round 27
    ("그럼 그거 얼마 들어요 보험 되면", "offer", "ask_insurance"),
])
def test_a_named_paper_for_a_claim_and_the_cost_with_the_insurance(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("때운 게 떡 먹다가 떨어졌어요 내일 다시 붙여 주실 수 있어요", None, "book"),
    ("때운 게 떨어졌어요 다시 붙일 수 있어요", None, "symptom"),  # no day: round 23
    ("교정기가 볼을 찔러서요 목요일에 좀 손봐 주실 수 있어요", "wellbeing", "book"),
    ("떡 먹다가 씌운 게 빠졌어요 오늘 붙일 수 있을까요", None, "book"),
    ("틀니가 덜그럭거려서 그러는데 월요일에 다시 가서 봐도 될까", "wellbeing", "book"),
    ("틀니가 헐렁해서 잇몸이 아픈데 월요일에 가 봐도 될까요", "wellbeing", "medical_question"),
    ("검진 좀 받아 볼라고요 언제 가면 돼요", None, "book"),
    ("견적 받은 거요 그냥 하기로 했어요 언제 돼요", None, "book"),
    ("금요일 밤 여덟 시에도 진료하죠 그럼 그때 갈게요", None, "book"),
    ("네 잡아 주세요 저 말고 남편 것도요", "offer", "book"),
    ("지금 바로 가면 안 돼요", "date", "book"),
])
def test_visits_asked_in_these_ways_are_bookings(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("스케일링이 이번 주 금요일인데 다음 주 금요일 같은 시간으로 되나요", None, "reschedule"),
    ("가긴 가는데 시간을 네 시 반으로 좀 당겨 주세요", "reminder", "reschedule"),
    ("화요일은 안 되고 수요일은 괜찮아요", "reminder", "reschedule"),
    ("내일 아들 거랑 같이 잡았는데 아들 거만 취소해 주세요", None, "cancel"),
    ("감기가 심해서요 나으면 다시 예약할게요", "reminder", "cancel"),
    ("우리 집사람 예약인데 퇴근하면 전화하라고 할게요", "reminder", "callback_later"),
    ("지금 운전 중이라서요 이따가 다시 좀 전화해 주세요", "offer", "callback_later"),
])
def test_moves_cancels_and_call_backs(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("금요일 좋은데 시간만 조금 당길 수 있어요", "proposal", "no"),
    ("아니 요일은 맞는데 시간을 저녁으로 바꿔 주세요", "confirm", "no"),
    ("저희는 다른 치과로 옮겼어요", "offer", "no"),
    ("없어요 고맙습니다", "need", "no"),
    ("네 좀 뻐근하긴 한데 참을 만해요", "wellbeing", "no"),
    ("좀 뻐근하긴 한데 여전히 참을 만해요", "wellbeing", "symptom"),  # no yes, still: round 32
    ("잠깐만요 스케줄 좀 볼게요 네 괜찮아요", "reminder", "yes"),
    ("오후 건 애 때문에 안 되고 오전 열 시 좋네요", "proposal", "yes"),
    ("세 시는 안 되고 다섯 시는 돼요?", "proposal", "no"),  # another hour asked: round 24
    ("잇몸이 좀 붓긴 했어요 가 볼게요", "offer", "yes"),
])
def test_answers_to_proposals_read_backs_and_wellbeing_calls(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, intent", [
    ("불소 지난달에 했는데 또 해야 돼요", "offer", "question_other"),
    ("네 예약할게요 근데 제가 요번에 번호가 바뀌었거든요", "offer", "question_other"),
    ("저 그 사람 아니에요 번호 바뀌었어요", "reminder", "wrong_number"),  # another's number: no change of one's own
    ("어금니가 또 아파요 씌운 게 깨졌는지", None, "symptom"),
    ("잘 모르겠네요 남편한테 물어봐야 돼요", "yes_no", "other"),
    ("거기 세탁소 아니에요 옷 맡기려고 했는데", None, "wrong_number"),
    ("대기실에 애 기저귀 갈 데 있어요", None, "question_other"),
])
def test_the_ordinary_kinds_of_four_days(text, expect, intent, statistical):
    assert _hear(text, expect, statistical).intent == intent


@WITH_AND_WITHOUT_MODEL
@pytest.mark.parametrize("text, expect, time", [
    ("오전 열한 시였죠 한 시간만 늦춰 주실 수 있어요", "reminder", "12:00"),
    ("오후 네 시였잖아요 두 시간만 당겨 주세요", None, "14:00"),
])
def test_an_hour_read_back_then_moved_by_whole_hours_names_the_hour_it_goes_to(text, expect, time, statistical):
    got = _hear(text, expect, statistical)
    assert (got.intent, got.time) == ("reschedule", time), got
