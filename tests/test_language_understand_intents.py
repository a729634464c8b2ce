"""Tricky cases of ``appliance.language.understand``: treatments, intents, the expect context of a dialog's
question, answer polarity, the fallback model, speed and the JSON form."""

from __future__ import annotations

import time

import pytest

from appliance.language import INTENTS, TREATMENTS, understand
from tests.language_understand_support import MON


@pytest.mark.parametrize(
    ("text", "treatment"),
    [
        ("스케일링", "scaling"),
        ("치석 제거", "scaling"),
        ("스켈링보험되나요", "scaling"),
        ("임플란트", "implant"),
        ("임프란트", "implant"),
        ("사랑니 발치", "wisdom_tooth"),
        ("사랑니 뽑기", "wisdom_tooth"),
        ("신경치료", "root_canal"),
        ("때우기", "filling"),
        ("레진", "filling"),
        ("충치 치료", "filling"),
        ("씌우기", "crown"),
        ("크라운", "crown"),
        ("어금니가 아파요", None),  # 어금니 is not 금니
        ("틀니", "denture"),
        ("교정", "orthodontics"),
        ("미백", "whitening"),
        ("잇몸 치료", "gum"),
        ("검진", "checkup"),
        ("발치", "extraction"),
        ("이 뽑기", "extraction"),
        ("이빨 하나 빼야 돼요", "extraction"),
        ("임플란트 검진", "implant"),
        ("이가 아파요", None),
    ],
)
def test_treatments(text, treatment):
    got = understand(text, MON)
    assert got.treatment == treatment
    assert got.treatment is None or got.treatment in TREATMENTS


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # emergency wins over everything
        ("피가 안 멈춰요", "emergency"),
        ("얼굴이 부었어요", "emergency"),
        ("넘어져서 이가 부러졌어요", "emergency"),
        ("너무 아파서 잠을 못 자요", "emergency"),
        ("내일 예약인데 얼굴이 너무 부었어요", "emergency"),
        ("예약 취소하려는데 피가 안 멈춰요", "emergency"),
        ("수신거부 하려다가 전화했는데 얼굴이 퉁퉁 부었어요", "emergency"),
        # ...but not its negations or milder symptoms
        ("얼굴은 안 부었는데 이가 좀 아파요", "symptom"),
        ("잇몸에서 피가 나요", "symptom"),
        ("이가 시려요", "symptom"),
        ("틀니가 부러졌어요", "symptom"),
        ("씌운 게 빠졌어요", "symptom"),
        # opt-out vs callback
        ("수신거부", "opt_out"),
        ("전화하지 마세요", "opt_out"),
        ("다시는 전화하지 마세요", "opt_out"),
        ("나중에 다시 전화 주세요", "callback_later"),
        ("지금 운전 중이에요", "callback_later"),
        ("잘못 거셨어요", "wrong_number"),
        ("그런 사람 없는데요", "wrong_number"),
        ("사람 바꿔 주세요", "talk_to_staff"),
        ("상담원 연결", "talk_to_staff"),
        # reminder replies
        ("네 갈게요", "yes"),
        ("네 내일 뵐게요", "yes"),
        ("못 갈 것 같아요", "cancel"),
        ("시간 바꿀 수 있어요?", "reschedule"),
        ("네 근데 시간 좀 바꿀 수 있을까요", "reschedule"),
        ("아니요", "no"),
        ("아뇨 괜찮습니다", "no"),
        # questions
        ("주차 되나요", "ask_location"),
        ("지하철역에서 얼마나 걸려요", "ask_location"),
        ("진료시간이 어떻게 돼요", "ask_hours"),
        ("점심시간이 언제예요", "ask_hours"),
        ("토요일에도 진료하나요", "ask_hours"),
        ("임플란트 얼마예요", "ask_price"),
        ("보험 되면 얼마예요", "ask_price"),
        ("스케일링 보험 되나요", "ask_insurance"),
        ("제 예약 언제였죠", "confirm_appointment"),
        # booking, hesitations, no spaces, elderly speech
        ("어 저기 그 예약 좀 하려구요", "book"),
        ("다음주화요일오후세시반에스케일링돼요", "book"),
        ("스케일링 할라꼬 전화했는데예", "book"),
        ("월요일 점심시간 끝나고 갈게요", "book"),
        ("이가 아파서 내일 가보려고 하는데 예약 돼요?", "book"),
        ("여보세요", "other"),
        ("", "other"),
    ],
)
def test_intents(text, intent):
    got = understand(text, MON)
    assert got.intent == intent
    assert got.intent in INTENTS


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        ("괜찮아요", "yes_no", "no"),  # "예약 도와드릴까요?" → no thanks
        ("괜찮아요", "offer", "no"),
        ("괜찮아요", "wellbeing", "no"),  # "불편하신 데 있으세요?" → no problem
        ("네 괜찮아요", "wellbeing", "no"),
        ("괜찮아요", "proposal", "yes"),  # "내일 세 시 괜찮으세요?" → fine
        ("네 괜찮아요", "proposal", "yes"),
        ("네 그 시간 괜찮아요", None, "yes"),
        ("아니요 괜찮아요", "proposal", "no"),
        ("네", "yes_no", "yes"),
        ("넵", None, "yes"),
        ("괜찮아요", "need", "no"),  # unknown expect values are tolerated
    ],
)
def test_expect_context(text, expect, intent):
    assert understand(text, MON, expect=expect).intent == intent


def test_fallback_only_for_low_confidence_other():
    calls = []

    def fallback(text):
        calls.append(text)
        return "ask_hours"

    got = understand("그 뭐냐 거시기 그거 있잖아요", MON, fallback=fallback)
    assert got.intent == "ask_hours" and got.source == "fallback" and calls  # neither rules nor model knew
    calls.clear()
    assert understand("피가 안 멈춰요", MON, fallback=fallback).intent == "emergency"
    assert understand("네", MON, fallback=fallback).intent == "yes"
    assert calls == []


def test_fallback_failures_and_bad_answers_are_ignored():
    def broken(text):
        raise RuntimeError("model gone")

    assert understand("흐음 글쎄요", MON, fallback=broken).intent == "other"
    assert understand("흐음 글쎄요", MON, fallback=lambda t: "not_an_intent").intent == "other"
    assert understand("흐음 글쎄요", MON, fallback=lambda t: None).intent == "other"


def test_is_fast():
    text = "음 저기 다음 주 화요일 오후 세 시 반쯤 사랑니 뽑으러 갈 수 있을까요"
    understand(text, MON)
    started = time.perf_counter()
    for _ in range(200):
        understand(text, MON)
    assert (time.perf_counter() - started) / 200 < 0.005


def test_to_dict_is_json_ready():
    got = understand("세 시에서 네 시 사이", MON).to_dict()
    assert got["time_range"] == ["15:00", "16:00"]
    assert set(["intent", "date", "time", "treatment", "confidence"]) <= set(got)


@pytest.mark.parametrize(
    ("text", "intent", "answer"),
    [
        ("네 근데 시간 좀 바꿀 수 있을까요", "reschedule", "yes"),
        ("아니요 못 가요", "cancel", "no"),
        ("네", "yes", "yes"),
        ("스케일링 안 할래요", "no", "no"),
        ("임플란트 얼마예요", "ask_price", None),
    ],
)
def test_answer_polarity(text, intent, answer):
    got = understand(text, MON)
    assert (got.intent, got.answer) == (intent, answer)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("저녁에 전화 주세요", "callback_later"),
        ("다음에 전화 주세요", "callback_later"),
        ("전화 주지 마세요", "opt_out"),
        ("그만 좀 전화하세요", "opt_out"),
        ("문자도 전화도 보내지 마세요", "opt_out"),
        ("원장님 계세요?", "talk_to_staff"),
        ("입술이 찢어졌어요", "emergency"),
        ("잇몸이 엄청 부었는데 열도 나요", "emergency"),
        ("숨이 차요", "emergency"),
        ("그러죠 뭐", "yes"),
    ],
)
def test_more_intents(text, intent):
    assert understand(text, MON).intent == intent


@pytest.mark.parametrize(
    ("text", "intent", "date", "date_range", "time"),
    [
        ("이월에 갈게요", "book", None, ["2027-02-01", "2027-02-28"], None),
        ("3월에 예약", "book", None, ["2027-03-01", "2027-03-31"], None),
        ("6개월 뒤에", "other", "2027-05-23", None, None),
        ("예약 도와드릴까요", "book", None, None, None),  # 약도 (map) inside 예약도와 is not a location question
        ("네 시", "book", None, None, "16:00"),  # four o'clock, not "yes"
        ("네 시간 괜찮아요", "yes", None, None, None),
        ("내일 봬요", "yes", "2026-11-24", None, None),
        ("어 그래 알았어", "yes", None, None, None),
        ("오늘 날씨 좋네요", "other", "2026-11-23", None, None),
    ],
)
def test_short_replies_and_months(text, intent, date, date_range, time):
    got = understand(text, MON).to_dict()
    assert (got["intent"], got["date"], got["date_range"], got["time"]) == (intent, date, date_range, time)


@pytest.mark.parametrize(
    ("text", "expect", "intent"),
    [
        ("예 예약 맞아요", "confirm", "yes"),
        ("아 내일이요? 깜빡했네 그날 안 될 것 같은데요", "confirm", "cancel"),
        ("아 그 시간은 안 돼요", "proposal", "no"),
        ("아니요 별로 불편한 데 없어요", "wellbeing", "no"),
        ("네 아직 좀 욱신거려요", "wellbeing", "symptom"),
        ("이 뺀 자리에서 아직도 피가 나요 안 멈춰요", "wellbeing", "emergency"),
    ],
)
def test_dialog_replies(text, expect, intent):
    assert understand(text, MON, expect=expect).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("예약 다시 잡고 싶어요 날짜를 좀", "reschedule"),
        ("이번 예약은 취소할게요 나중에 다시 잡을게요", "cancel"),
        ("예약 그냥 없던 걸로 해 주세요", "cancel"),
        ("토요일도 하세요?", "ask_hours"),
        ("차 대기 편해요?", "ask_location"),
        ("어느 역이랑 가까워요", "ask_location"),
        ("사랑니 쪽이 너무 부어서 침도 못 삼키겠어요", "emergency"),
        ("이따 제가 다시 걸게요", "callback_later"),
        ("저 이 치과 처음 듣는데요", "wrong_number"),
    ],
)
def test_blind4_fixes(text, intent):
    assert understand(text, MON).intent == intent
