"""Tricky cases of ``appliance.language.understand``: numerals, dates, times, intents, expect context."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from appliance.language import INTENTS, TREATMENTS, understand
from appliance.language.numerals import number_value, sino_value, spoken_digits

MON = dt.datetime(2026, 11, 23, 10, 0)  # Monday
SAT = dt.datetime(2026, 11, 28, 9, 0)
SUN = dt.datetime(2026, 11, 29, 11, 0)
YEAR_END = dt.datetime(2026, 12, 30, 11, 0)  # Wednesday
FEB = dt.datetime(2027, 2, 26, 9, 30)  # Friday


@pytest.mark.parametrize(
    ("text", "value"),
    [("삼십오", 35), ("십", 10), ("십이", 12), ("이십", 20), ("일삼", None), ("열한", 11), ("열 두", 12), ("세", 3),
     ("15", 15)],
)
def test_numbers(text, value):
    assert number_value(text) == value


def test_sino_rejects_garbage():
    assert sino_value("") is None
    assert sino_value("가") is None


@pytest.mark.parametrize(
    ("text", "digits"),
    [("공일공 일이삼사 오육칠팔", "01012345678"), ("팔오공삼일이요", "850312"), ("850312", "850312"),
     ("일이 생겨서요", None), ("네", None)],
)
def test_spoken_digits(text, digits):
    assert spoken_digits(text) == digits


@pytest.mark.parametrize(
    ("text", "now", "date"),
    [
        ("오늘", MON, "2026-11-23"),
        ("내일", MON, "2026-11-24"),
        ("낼", MON, "2026-11-24"),
        ("모레", MON, "2026-11-25"),
        ("내일모레", MON, "2026-11-25"),
        ("글피", MON, "2026-11-26"),
        ("이번 주 금요일", MON, "2026-11-27"),
        ("이번 주 월요일", SAT, "2026-11-23"),  # weeks start on Monday, may be past
        ("다음 주 화요일", MON, "2026-12-01"),
        ("다음 주 화요일", SUN, "2026-12-01"),  # Sunday still belongs to the week of Mon 23rd
        ("다다음주 월요일", MON, "2026-12-07"),
        ("담주 수욜", MON, "2026-12-02"),
        ("월요일", MON, "2026-11-30"),  # weekday alone: strictly after today
        ("화요일", MON, "2026-11-24"),
        ("주말", MON, "2026-11-28"),
        ("주말", SUN, "2026-11-29"),
        ("다음 주말", MON, "2026-12-05"),
        ("3일 뒤", MON, "2026-11-26"),
        ("사흘 뒤", MON, "2026-11-26"),
        ("이틀 있다가", MON, "2026-11-25"),
        ("일주일 뒤", MON, "2026-11-30"),
        ("이 주 뒤", YEAR_END, "2027-01-13"),
        ("한 달 뒤", MON, "2026-12-23"),
        ("이번 달 말", MON, "2026-11-30"),
        ("이번 달 말일", FEB, "2027-02-28"),
        ("다음 달 초", MON, "2026-12-01"),
        ("다음 달 초", YEAR_END, "2027-01-01"),
        ("다음 달 십오일", MON, "2026-12-15"),
        ("12월 3일", MON, "2026-12-03"),
        ("십이월 삼일", MON, "2026-12-03"),
        ("1월 5일", YEAR_END, "2027-01-05"),  # passed this year → next year
        ("유월 십일", MON, "2027-06-10"),
        ("시월 구일", MON, "2027-10-09"),
        ("15일", MON, "2026-12-15"),  # next occurrence
        ("23일", MON, "2026-11-23"),  # today counts
        ("30일", FEB, "2027-03-30"),  # February has no 30th
        ("15일날", MON, "2026-12-15"),
        ("12/3", MON, "2026-12-03"),
        ("신정", YEAR_END, "2027-01-01"),
        ("다음주화요일오후세시반", MON, "2026-12-01"),
    ],
)
def test_dates(text, now, date):
    assert understand(text, now).date == date


@pytest.mark.parametrize(
    ("text", "now", "date_range"),
    [
        ("다음 주에", MON, ["2026-11-30", "2026-12-06"]),
        ("다음 달 초", MON, ["2026-12-01", "2026-12-10"]),
        ("주말", MON, ["2026-11-28", "2026-11-29"]),
    ],
)
def test_date_ranges(text, now, date_range):
    assert understand(text, now).to_dict()["date_range"] == date_range


def test_reschedule_target_date_wins():
    assert understand("내일 예약을 금요일로 옮길 수 있을까요", MON).date == "2026-11-27"


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("오후 세 시 반", "15:30"),
        ("세시반", "15:30"),
        ("3시 30분", "15:30"),
        ("열한 시", "11:00"),
        ("열 한 시", "11:00"),
        ("두 시쯤", "14:00"),
        ("한 시", "13:00"),
        ("여섯 시", "18:00"),
        ("일곱 시", "19:00"),  # round 16: the clinic is shut at seven in the morning
        ("저녁 일곱 시", "19:00"),
        ("아침 아홉 시 반", "09:30"),
        ("오전 열두 시", "00:00"),
        ("열두 시", "12:00"),
        ("정오", "12:00"),
        ("다섯 시 사십 분", "17:40"),
        ("오후 한시 삼십분", "13:30"),
        ("10시 15분", "10:15"),
        ("14:30", "14:30"),
        ("내일 이시에 갈게요", "14:00"),
        ("오후이시", "14:00"),
        ("십이 시", "12:00"),
        ("오시는 길", None),  # honorific 오시-, not 5 o'clock
        ("한 시간 걸려요", None),
        ("네 시간이요", None),
        ("몇 시까지 해요", None),
        ("오후", None),
    ],
)
def test_times(text, time):
    assert understand(text, MON).time == time


@pytest.mark.parametrize(
    ("text", "time", "time_range"),
    [
        ("아침 일찍", None, ["09:00", "10:00"]),
        ("오전에", None, ["09:00", "13:00"]),
        ("오후에", None, ["14:00", "18:00"]),
        ("저녁에", None, ["18:00", "21:00"]),
        ("점심시간 끝나고", None, ["14:00", "15:00"]),
        ("퇴근하고", None, ["18:00", "21:00"]),
        ("세 시에서 네 시 사이", "15:00", ["15:00", "16:00"]),
        ("세 시 이후에", "15:00", ["15:00", "21:00"]),
        ("아홉 시 전에", None, ["09:00", "09:00"]),
        ("오후 세 시", "15:00", None),
    ],
)
def test_time_ranges(text, time, time_range):
    got = understand(text, MON).to_dict()
    assert (got["time"], got["time_range"]) == (time, time_range)


def test_approximate_flag():
    assert understand("두 시쯤", MON).approximate is True
    assert understand("두 시", MON).approximate is False


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


def test_bare_pm_hours_are_a_clinic_setting():
    from appliance.language import DayParts

    assert understand("일곱 시", MON).time == "19:00"
    assert understand("일곱 시", MON, dayparts=DayParts(bare_pm_hours=(1, 6))).time == "07:00"
    assert understand("여덟 시", MON, dayparts=DayParts(bare_pm_hours=(1, 8))).time == "20:00"
    assert understand("오전 세 시", MON, dayparts=DayParts(bare_pm_hours=(1, 8))).time == "03:00"


def test_past_mention_loses_to_upcoming_one():
    thu = dt.datetime(2026, 11, 26, 10, 0)
    assert understand("이번 주 수요일이나 다음 주 수요일 중에 돼요?", thu).date == "2026-12-02"
    assert understand("어제 이 뽑았는데 피가 계속 나요", thu).date == "2026-11-25"


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
    "text",
    ["일이 많아서 못 갔어요", "이 시간에 전화해서 죄송해요", "일 년에 한 번 받는 거죠", "세 살 아이도 봐요?",
     "10분 거리예요", "1시간 걸려요", "삼 일 동안 아팠어요", "칠십 세 노인", "돈 낼게요", "오시면 돼요"],
)
def test_no_spurious_dates_or_times(text):
    got = understand(text, MON)
    assert (got.date, got.time) == (None, None)


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


def test_bare_weekday_stays_in_the_named_week():
    wed = dt.datetime(2027, 2, 10, 10, 0)
    assert understand("다음 주 목요일 예약 금요일로 변경할게요", wed).date == "2027-02-19"
    assert understand("금요일로 변경할게요", wed).date == "2027-02-12"


@pytest.mark.parametrize(
    ("text", "date", "time", "treatment"),
    [
        ("다 음주 화요 일 오후 세 시 반에 스케 일링 돼요", "2026-12-01", "15:30", "scaling"),  # STT spacing
        ("모 레 오 후 두 시", "2026-11-25", "14:00", None),
        ("2026-12-03 예약", "2026-12-03", None, None),
        ("지금 일하는 중이라 이따 다시 전화 주세요", None, None, None),  # 지금일 is not 금일
    ],
)
def test_wrong_spacing(text, date, time, treatment):
    got = understand(text, MON)
    assert (got.date, got.time, got.treatment) == (date, time, treatment)


def test_tilde_range():
    assert understand("2시~3시 사이", MON).to_dict()["time_range"] == ["14:00", "15:00"]


def test_phone_number_digits():
    assert understand("010-1234-5678", MON).digits == "01012345678"


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


def test_last_day_of_month_and_time_with_do():
    assert understand("이번 달 마지막 날 예약 되나요", FEB).date == "2027-02-28"
    assert understand("내일 밤 8시도 돼요?", MON).time == "20:00"


@pytest.mark.parametrize("text, date, clash", [
    ("다음 주 화요일 2일에 갈게요", "2026-12-02", True),  # the 2nd is a Wednesday: the day of the month wins, marked
    ("다음 주 수요일 2일에 갈게요", "2026-12-02", False),
    ("다음 주 화요일에 갈게요", "2026-12-01", False),
])
def test_a_weekday_that_disagrees_with_the_date_is_marked(text, date, clash):
    u = understand(text, now=dt.datetime(2026, 11, 23, 10, 0))
    assert (u.date, u.weekday_clash) == (date, clash)
