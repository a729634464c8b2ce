"""Kinds of caller speech the second round of issue 15 taught the understanding, each with sentences of its own
(not copied from the labelled sets), and the safety rule that a question about one's own teeth is never a booking."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from appliance.language import blend, understand

NOW = dt.datetime(2031, 4, 9, 10, 30)  # a Wednesday
BOOKING = ("book", "reschedule")

_PARTS = ("어금니가", "앞니가", "잇몸이", "사랑니 쪽이", "씌운 이가", "임플란트 한 데가", "아이 이가")
_SYMPTOMS = ("시려요", "욱신거려요", "좀 부었어요", "흔들려요", "까맣게 변했어요", "피가 조금 나요")
_ASKS = ("괜찮은 거예요?", "왜 그럴까요?", "그냥 둬도 돼요?", "진통제 먹어도 되나요?", "원래 이래요?",
         "어떻게 해야 돼요?", "치과 가야 하는 건가요?", "저절로 나을까요?")


@pytest.mark.parametrize(("part", "symptom", "ask"), list(itertools.product(_PARTS, _SYMPTOMS, _ASKS)))
def test_a_question_about_ones_own_teeth_is_never_a_booking(part, symptom, ask):
    text = f"{part} {symptom} {ask}"
    for statistical in (True, False):
        got = understand(text, NOW, statistical=statistical)
        assert got.intent not in BOOKING, (text, got.intent, got.source)


@pytest.mark.parametrize(
    "text",
    [
        "어금니가 시린데 내일 오후에 봐 주실 수 있어요?",
        "잇몸이 부어서 그러는데 오늘 진료 돼요?",
        "사랑니가 아파서 빼고 싶은데 제일 빠른 날이 언제예요?",
        "이가 흔들려서 빼러 가려고 하는데 금요일 괜찮아요?",
        "씌운 게 빠졌는데 다시 붙이러 가도 돼요?",
    ],
)
def test_a_visit_asked_for_in_so_many_words_stays_a_booking(text):
    assert understand(text, NOW).intent == "book"


def test_the_safety_rule_itself():
    never = blend.never_book_a_medical_question
    assert never("잇몸이 내려앉았는데 다시 올라와요?", "잇몸이내려앉았는데다시올라와요", "book", False)
    assert not never("잇몸 치료 예약 돼요?", "잇몸치료예약돼요", "book", False)
    assert not never("잇몸이 아파요 내일 세 시 돼요?", "잇몸이아파요내일세시돼요", "book", True)
    assert not blend.never_book_a_medical_question("잇몸이 아파요?", "잇몸이아파요", "symptom", False)


@pytest.mark.parametrize(
    ("text", "expect", "allowed", "never"),
    [
        # no red flag: the model may not say emergency
        ("아 오늘 잇몸이 좀 부어서 밥을 못 먹겠어요", None, None, "emergency"),
        ("스케일링 받고 나서 이가 시려서 찬물을 못 마시겠어요", None, None, "medical_question"),  # told, not asked
        ("교정 상담 받으러 가려는데 토요일도 돼요?", None, None, "medical_question"),
    ],
)
def test_the_models_limits(text, expect, allowed, never):
    assert understand(text, NOW, expect).intent != never
    assert blend.told("이가 시려서 못 마시겠어요", "이가시려서못마시겠어요")
    assert not blend.told("다시 가 봐야 되는 건지 모르겠어요", "다시가봐야되는건지모르겠어요")


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        # a reason is the answer: to a proposed slot it declines, to a reminder it cancels
        ("아 그날은 제가 부산에 내려가 있어서요", "proposal", "no"),
        ("그 주에 시험이 있어서요", "proposal", "no"),
        ("아이고 그날 집안에 제사가 있어서요", "reminder", "cancel"),
        ("그 시간은 좀 빡빡한데요", "proposal", "no"),
        # going after all, said last
        ("아니 왜 자꾸 전화하세요 간다니까요 갈게요", "reminder", "yes"),
        # a cancel said not to happen
        ("아뇨 취소하지 말아 주세요 갈 거예요", "confirm", "no"),
        # acceptance idioms
        ("오 그 시간 딱이네요", "proposal", "yes"),
        # identity and numbers
        ("모르겠는데요 그런 분", "yes_no", "wrong_number"),
        ("제 번호가 어떻게 거기 등록돼 있죠? 저 거기 안 다니는데", None, "wrong_number"),
        ("앞으로 연락 안 주셔도 돼요", "offer", "opt_out"),
        ("지금은 됐고요 필요하면 제가 연락드릴게요", "offer", "no"),
        ("여보세요 거기 행복치과 맞죠?", None, "other"),
    ],
)
def test_replies_and_calls(text, expect, intent):
    assert understand(text, NOW, expect).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("처음 가는데 건강보험증 같은 거 챙겨 가야 돼요?", "question_other"),
        ("예약 시간보다 십 분 일찍 가면 돼요?", "question_other"),
        ("예전 치과 기록 없이도 치료 받을 수 있어요?", "question_other"),
        ("치아 성형 같은 것도 하세요?", "question_other"),
        ("교정 전에 충치 치료부터 해야 돼요?", "question_other"),
        ("신경치료 벌써 세 번 받았는데 언제쯤 끝나요?", "question_other"),
        ("임플란트는 몇 주 전에 예약해야 돼요?", "question_other"),
        ("엑스레이 사진 이메일로 보내 주실 수 있어요?", "question_other"),
        ("치료비 내역서 좀 받을 수 있을까요?", "question_other"),
        ("의료급여 대상자는 틀니 본인부담금이 얼마예요?", "ask_insurance"),
        ("소개받고 가면 할인 돼요?", "ask_price"),
        ("예약을 좀 당겨서 내일로 해 주세요", "reschedule"),
        ("아까 취소해 달라고 한 거 제대로 취소된 거 맞죠?", "confirm_appointment"),
        ("미백 한 번 하면 보험 되잖아요 아무튼 그거 받으러 갈게요", "book"),
    ],
)
def test_open_questions_facts_and_requests(text, intent):
    assert understand(text, NOW).intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "사랑니가 반쯤 나왔는데 안 빼도 돼요?",
        "임플란트 한 쪽으로 오징어 씹어도 괜찮아요?",
        "약 먹는 중인데 맥주 한 잔 마셔요 괜찮아요?",
        "잇몸이 거뭇거뭇해졌어요 왜요?",
        "수면 치료 받고 바로 운전해서 와도 돼요?",
        "임플란트 수술 날짜 잡혔는데 비행기 타도 문제없겠습니까?",
        "잇몸 영양제 먹으면 효과 있어요?",
        "이를 세게 닦아서 이가 약해진 걸까요?",
    ],
)
def test_medical_questions_of_new_shapes(text):
    assert understand(text, NOW).intent == "medical_question"


@pytest.mark.parametrize(
    ("text", "intent", "date", "time", "treatment"),
    [
        ("내일 오후 세 시로 확정해 주십시오", "book", "2031-04-10", "15:00", None),
        ("네 말씀하십시오", "other", None, None, None),
        ("지난주에 씌운 게 빠졌는데 오늘 가능해요?", "book", "2031-04-09", None, "crown"),
        ("금요일 예약을 토요일로 아 아니다 그냥 취소해 주세요", "cancel", "2031-04-11", None, None),
        ("스케일링 말고 잇몸 치료로 예약할게요", "book", None, None, "gum"),
        ("잇몸 말고 어금니가 시려요", "symptom", None, None, None),
        ("흔들리는 이 빼 주셨으면 해서요 내일 돼요?", "book", "2031-04-10", None, "extraction"),
    ],
)
def test_slots_of_new_shapes(text, intent, date, time, treatment):
    got = understand(text, NOW)
    assert (got.intent, got.date, got.time, got.treatment) == (intent, date, time, treatment)


def test_red_flags_said_and_denied():
    assert understand("아이가 축구하다 공에 맞아서 앞니가 깨졌어요", NOW).intent == "emergency"
    assert understand("이가 조금 깨졌는데 피는 안 나요 오늘 봐 주실 수 있어요?", NOW).intent == "book"
    assert understand("얼굴 한쪽이 부어올랐어요", NOW).urgent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # a short afterthought after the sentence end ("…요 지금 가면")
        ("주차 공간 넓어요 토요일엔", "ask_location"),
        ("소아 치료도 봐 주세요 일곱 살", "question_other"),
        ("사람 많아요 점심때 가면", "question_other"),
        # where the caller is, not how to get here
        ("지금 버스 안이라서요 다음 주 화요일 예약 좀요", "book"),
        # is the clinic open now
        ("지금 진료 중이세요", "ask_hours"),
        ("지금 진료 중이라 통화가 어려워요", "callback_later"),
        # a day offered on conditions
        ("목요일 되면 목요일 안 되면 금요일", "book"),
        # care questions without a "?"
        ("사랑니 뽑고 샤워해도 됨", "medical_question"),
        ("씌운 데 잇몸이 좀 들뜬 것 같은데 괜찮아요", "medical_question"),
    ],
)
def test_spoken_sentence_shapes(text, intent):
    for statistical in (True, False):
        assert understand(text, NOW, statistical=statistical).intent == intent, statistical


def test_no_yes_or_no_out_of_the_blue_when_a_slot_or_treatment_is_named():
    assert understand("네 스케일링 제일 빨리 되는 날로", NOW).intent == "book"


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        # replies to an offer and to a proposed slot
        ("아버지가 요즘 거동이 불편하셔서요", "offer", "no"),
        ("음 남편이랑 상의해 보고 연락드릴게요", "proposal", "callback_later"),  # round 15: a callback kept
        ("홍보성 문자는 이제 안 받을래요", "offer", "opt_out"),
        # an answer to "which treatment?" the lexicon does not know
        ("애는 실란트요", "treatment", "book"),
        # care of children and parents
        ("아이가 불소 바르고 바로 주스 마셨는데 괜찮을까요", None, "medical_question"),
        ("어머니 틀니는 뭘로 닦는 게 좋아요", None, "medical_question"),
        ("사탕 많이 먹는 게 이에 안 좋아요", None, "medical_question"),
        ("아버지가 와파린 드시는데 이 뽑기 전에 약 끊으셔야 돼요", None, "medical_question"),
        ("할머니가 입이 자꾸 마르신다는데 이것도 치과 문제예요", None, "medical_question"),
        ("아이 입안에 빨간 게 잔뜩 났어요", None, "symptom"),
        # asking staff for something
        ("애가 겁이 많아서 그러는데 수면 치료로 해 주세요", None, "question_other"),
    ],
)
def test_guardians_and_outbound_replies(text, expect, intent):
    assert understand(text, NOW, expect).intent == intent


def test_stitches_are_not_teeth():
    assert understand("실밥은 언제 빼러 가요", NOW, "wellbeing").treatment is None
    assert understand("흔들리는 어금니 빼러 가요", NOW).treatment == "extraction"


def test_the_model_never_cancels_alone_and_the_rules_answer_always_competes():
    assert understand("음 어머니께 여쭤보고 다시 연락드릴게요", NOW, "proposal").intent != "cancel"
    assert understand("아 그날 제가 다른 약속을 잡아서요", NOW, "reminder").intent == "cancel"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("네 취소해 주세요", "cancel"), ("네", "yes"), ("예 내일 갈게요", "no"), ("아뇨 갈 거예요", "no"),
     ("네네 갈게요 취소는 하지 마세요", "no")],
)
def test_a_cancel_confirmation_is_answered_by_going(text, intent):
    """To "예약을 취소해 드릴까요?" a yes cancels the visit: "예 내일 갈게요" must keep it."""
    got = understand(text, NOW, "cancel_confirm")
    assert got.intent == intent
    assert understand("예 내일 갈게요", NOW, "confirm").intent == "yes"  # to "예약 맞으시죠?" it confirms


@pytest.mark.parametrize(
    ("text", "intent", "date", "time", "treatment"),
    [
        # hesitations inside the sentence are no words ("어 제가" is no "어제", "어 금니" no "어금니")
        ("다음 주 어 목요일 음 오후 두 시에 스케일링 돼요?", "book", "2031-04-17", "14:00", "scaling"),
        ("그 주는 어 제가 시험이라서요 다른 날 있어요?", "no", None, None, None),
        ("어 제가 지금 회의 중이라서 이따 다시 걸게요", "callback_later", None, None, None),
        ("어 금니 씌운 게 빠졌는데 내일 가도 돼요?", "book", "2031-04-10", None, "crown"),
        ("광고 문자 그 저기 그만 보내세요", "opt_out", None, None, None),
        ("네 그 시간 어 좋아요", "yes", None, None, None),
    ],
)
def test_hesitations_inside_a_sentence(text, intent, date, time, treatment):
    got = understand(text, NOW, expect="proposal" if text.startswith(("네 그", "그 주")) else None)
    assert (got.intent, got.date, got.time, got.treatment) == (intent, date, time, treatment)


def test_a_spoken_number_after_a_filler_is_still_a_number():
    got = understand("어 구 공 공 삼 일 오요", NOW, expect="digits")
    assert (got.digits, got.date) == ("900315", None)


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date", "time"),
    [
        # "모래" is how STT spells 모레
        ("모래 오전 열한 시 검진 돼요?", None, "book", "2031-04-11", "11:00"),
        # to a proposed slot, another one asked for instead is a no with the new slot
        ("두 시 말고 다섯 시로 해 주세요", "proposal", "no", None, "17:00"),
        ("아 그럼 금요일로 해 주세요", "proposal", "no", "2031-04-11", None),
        ("네 그걸로 해 주세요", "proposal", "yes", None, None),
        # done not long ago, to an offer
        ("작년 겨울에 받았는데요", "offer", "no", None, None),
        # arriving later than booked moves the visit
        ("금요일 세 시 예약인데 삼십 분 늦게 가도 돼요?", None, "reschedule", "2031-04-11", "15:00"),
    ],
)
def test_stt_spellings_counter_proposals_and_moves(text, expect, intent, date, time):
    got = understand(text, NOW, expect=expect)
    assert (got.intent, got.date, got.time) == (intent, date, time)


@pytest.mark.parametrize("text", ["모래알 같은 게 씹혀요", "찬물 마시면 이 시린 게 오래가요", "이 시려서 잠 설쳤어요"])
def test_sand_is_no_day_and_a_sensitive_tooth_no_hour(text):
    got = understand(text, NOW)
    assert (got.date, got.time, got.time_range) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        # whether one's condition allows a treatment is a medical question
        ("고혈압 약 먹고 있는데 사랑니 뺄 수 있어요?", None, "medical_question"),
        ("임신 팔 개월인데 스케일링 받을 수 있나요", None, "medical_question"),
        # coming without a booking is a question for staff, not a booking
        ("예약 안 잡고 그냥 가도 되나요", None, "question_other"),
        # "누구라고요?" asks us to repeat, it is no question for staff
        ("어디시라고요? 누구요?", "yes_no", "other"),
    ],
)
def test_conditions_walk_ins_and_who_is_calling(text, expect, intent):
    assert understand(text, NOW, expect=expect).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # "얼마 안 됐는데", "얼마 전에": not long ago, no price
        ("이 번호 개통한 지 얼마 안 됐는데요", "wrong_number"),
        ("얼마 전에 때운 데가 자꾸 시린데 원래 그래요?", "medical_question"),
        # the model alone never takes a sentence about a tooth for a wrong number
        ("씌운 지 얼마 안 됐는데 또 빠졌어요 왜 그럴까요", "medical_question"),
    ],
)
def test_not_long_ago_is_no_price(text, intent):
    got = understand(text, NOW, expect="yes_no" if "번호" in text else None)
    assert got.intent == intent


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        # outbound replies: what the question asked makes them clear
        ("아 좋아진 거 같아요 괜찮은 거 같아요", "wellbeing", "no"),
        ("지금 지방에 내려와 있어서요", "offer", "no"),
        ("다리가 불편하셔서 이제 못 나가세요", "offer", "no"),
        ("그거 딴 데서 벌써 받았어요", "offer", "no"),
        ("제가 아버지께 잘 전달할게요", "offer", "other"),
        ("저녁은 어렵고 점심 때면 괜찮은데", "proposal", "no"),
        ("아이고 그날 출장이 잡혀 있는데", "reminder", "cancel"),
        ("예 맞아요 깜빡할 뻔했네 감사해요", "reminder", "yes"),
        ("이런 전화 하지 마세요 앞으로", "offer", "opt_out"),
        ("글쎄요 잘 모르겠는데 어금니가 좀 시려서요", "treatment", "symptom"),
    ],
)
def test_outbound_replies_of_new_shapes(text, expect, intent):
    assert understand(text, NOW, expect=expect).intent == intent


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date"),
    [
        # blind11's kinds, in sentences of their own
        ("예약을 이틀 뒤로 미뤄 주실 수 있어요?", None, "reschedule", None),  # counted from the visit, no date
        ("씌운 게 떨어져 나갔어요", None, "symptom", None),  # came off, nobody fell
        ("임플란트요? 아뇨 안 하셔도 돼요", "offer", "no", None),  # declines the offer, asks no leave
        ("실란트 바르고 바로 주스 마셨는데 괜찮나요", None, "medical_question", None),
        ("많이 낳았어요 이제 괜찮아요", "wellbeing", "no", None),  # STT's 낳았 for 나았
        ("접수 직원분 좀요", None, "talk_to_staff", None),
        ("그 주는 제가 이사하는 주라", "proposal", "no", None),
        ("저 박 씨 아니고 최 씨인데요", "yes_no", "wrong_number", None),
    ],
)
def test_kinds_of_blind11(text, expect, intent, date):
    for statistical in (True, False):
        got = understand(text, NOW, expect=expect, statistical=statistical)
        assert (got.intent, got.date) == (intent, date), (text, statistical)


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date"),
    [
        # sentence ends and words as the recogniser spells them
        ("네 그럼 잡아 주세여", "offer", "yes", None),
        ("저는 괜찮아여", "wellbeing", "no", None),
        ("지금 버스 안인대 금요일 오전 자리 있어요", None, "book", "2031-04-11"),
        ("수요일 거 금요 일로 옮겨 주세요", None, "reschedule", "2031-04-11"),
        ("이십 삼일 오전에 검진 돼요", None, "book", "2031-04-23"),
    ],
)
def test_stt_spellings_of_endings_and_split_words(text, expect, intent, date):
    got = understand(text, NOW, expect=expect)
    assert (got.intent, got.date) == (intent, date)


@pytest.mark.parametrize(
    ("text", "expect", "intent", "date"),
    [
        # an answer to "which day/treatment?" that names it and asks nothing is a booking
        ("임플란트요 아래 어금니 쪽", "treatment", "book", None),
        ("평일밖에 안 돼요 수요일", "date", "book", "2031-04-16"),
        # not sure, as the whole answer
        ("음 글쎄요", "treatment", "other", None),
        ("잘 모르겠어요", "date", "other", None),
    ],
)
def test_answers_to_which_slot(text, expect, intent, date):
    got = understand(text, NOW, expect=expect)
    assert (got.intent, got.date) == (intent, date)


@pytest.mark.parametrize("text", ["구강 검진표 받았는데 거기서도 돼요?", "안내 문자 받았는데 그게 무슨 내용이에요?"])
def test_a_form_or_a_text_received_is_no_treatment_received(text):
    assert understand(text, NOW).intent != "medical_question"


@pytest.mark.parametrize("text", ["교정 끝나면 유지장치 꼭 껴야 돼요", "사랑니 안 아프면 굳이 빼야 돼요"])
def test_must_i_asks_without_a_question_mark(text):
    assert understand(text, NOW).intent == "medical_question"


@pytest.mark.parametrize("expect", [None, "need", "date", "offer"])
@pytest.mark.parametrize("text", ["음 그게 저기", "그게 저기", "저기 그러니까"])
def test_nothing_but_hesitation_is_no_intent(text, expect):
    assert understand(text, NOW, expect=expect).intent == "other"
