"""The inbound receptionist's booking flow on the pure dialog, against a real small SQLite EMR (the reference schema
seeded by the data layer) and a real CRM file: what the caller hears at each step (by speech and by keypad) and what
lands (booking requests, EMR bookings, 문진 notes, a callback when the call drops)."""

from __future__ import annotations

import datetime as dt

from appliance.conversation import outcomes
from appliance.conversation.actions import End, Heard, Listen, Say
from appliance.data import crm_records
from appliance.data.emr.connector import EMR
from appliance.speech import fragments
from tests.demo_emr_support import NOW
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.receptionist_support import FAMILY, UNKNOWN, Talk
from tests.receptionist_support import crm_db as crm_db  # fixtures
from tests.receptionist_support import make as make


def test_every_turn_ends_in_listen_or_end_and_listens_carry_expect_and_hints(make):
    t = Talk(make(caller=UNKNOWN))("예약하고 싶어요", "스케일링이요", "내일 오후요", "네", "김철수요", "아니요", "아니요", "아니요")
    for turn in t.turns:
        assert isinstance(turn[-1], (Listen, End))
        assert all(isinstance(a, Say) for a in turn[:-1])
    for listen in t.listens:
        assert listen.expect and listen.hints, listen


def test_booking_by_speech_reads_back_absolute_date_and_lands_a_request(make):
    t = Talk(make(caller=UNKNOWN))
    t("다음 주 화요일 오후 세 시 반에 스케일링 돼요?")
    assert "십이월 일 일 화요일 오후 세 시 반, 스케일링" in t.said()
    assert "book_this" in t.keys()
    t("네")
    assert "booking_requested" in t.keys()
    rows = list(crm_records.BookingRequest.select())
    assert len(rows) == 1 and rows[0].status == "requested" and rows[0].start == dt.datetime(2026, 12, 1, 15, 30)
    assert rows[0].treatment == "scaling" and rows[0].phone == "01099991234" and rows[0].idempotency_key == "test-call:book"
    t("홍길동입니다", "네")  # name for staff, SMS wanted
    row = crm_records.BookingRequest.get_by_id(rows[0].id)
    assert "홍길동" in row.note and row.meta["sms_confirmation"] == "wanted"
    assert t.dialog.landed["booking"]["status"] == "requested" and t.dialog.outcome == outcomes.BOOKED


def test_booking_asks_only_what_is_missing(make):
    t = Talk(make(caller=UNKNOWN))("예약하고 싶은데요")
    assert t.keys()[0] == "ask_treatment"
    t("임플란트 상담이요")
    assert t.keys()[0] == "ask_date"
    t("모레 오전이요")
    said = t.said()
    assert "십일월 이십오 일 수요일 오전" in said and "임플란트" in said


def test_a_weekday_that_is_not_the_dates_is_said_back_before_the_offer(make):
    """"다음 주 화요일 2일": the 2nd is a Wednesday. The day of the month is taken, and the desk says so before it
    offers a time, so the caller can take the other day instead."""
    t = Talk(make(caller=UNKNOWN))("다음 주 화요일 2일 오전 열 시 스케일링 예약이요")
    said = t.said()
    assert said.startswith("십이월 이 일, 수요일입니다."), said
    pieces = fragments.plan(said.split(".")[0] + ".", fragments.fragment_texts())  # said in the recorded words
    assert [p.key for p in pieces] == ["month_12", "sino_2", "sino_1", "weekday_2", "copula"]
    assert "십이월 이 일 수요일 오전" in said and "스케일링" in said
    t("아 그럼 다음 주 화요일로 해 주세요")
    assert "십이월 일 일 화요일" in t.said() and "수요일입니다" not in t.said()
    t = Talk(make(caller=UNKNOWN))("다음 주 수요일 2일 오전 열 시 스케일링 예약이요")  # they agree: nothing to say
    assert "수요일입니다" not in t.said() and "십이월 이 일 수요일 오전" in t.said()


def test_booking_into_the_emr_when_writes_are_enabled(make, emr_url):
    t = Talk(make(caller=FAMILY, writes=True))
    t("예약하려고요", "820918", "다음 주 목요일 오전 열 시 스케일링이요")
    assert "십이월 삼 일 목요일 오전 열 시" in t.said()
    t("네")
    assert "booked" in t.keys()
    booking = t.dialog.landed["booking"]
    assert booking["status"] == "booked" and booking["appointment_id"] and booking["patient_known"]
    emr = EMR(emr_url, "reference")
    mine = [a for a in emr.upcoming_appointments("1", NOW) if a.start == dt.datetime(2026, 12, 3, 10, 0)]
    assert len(mine) == 1
    # the same call step again (a retry) does not book twice
    again = t.dialog.backend.book(key="test-call:book", patient_id="1", start=dt.datetime(2026, 12, 3, 10, 0),
                                  treatment="scaling", phone=FAMILY)
    assert again.duplicate and again.appointment_id == booking["appointment_id"]


def test_unavailable_time_offers_the_nearest_free_one(make):
    t = Talk(make(caller=UNKNOWN))("다음 주 화요일 오후 한 시 반 스케일링 예약이요")  # lunch break
    assert t.keys()[:2] == ["no_slots", "nearest_is"]  # "죄송하지만 그때는 예약 가능한 시간이 없습니다. 가장 가까운 …"
    assert "십이월 일 일 화요일 오후 두 시, 스케일링" in t.said()
    t = Talk(make(caller=UNKNOWN))("이번 주 일요일 스케일링 예약이요")  # closed
    assert t.keys()[0] == "closed_word" and t.said().startswith("십일월 이십구 일 일요일, 휴진입니다.")
    assert "십일월 삼십 일 월요일" in t.said()


def test_family_phone_asks_whose_appointment_by_birth_date(make):
    t = Talk(make(caller=FAMILY))("예약하고 싶어요")
    assert t.keys() == ["family_who", "ask_birth"] and t.last[-1].max_digits == 6
    t("#820918")
    assert "님, 확인되었습니다." in t.said() and t.keys()[0] == "ask_treatment"
    assert t.dialog.patient.id == "1"


def test_keypad_menu_booking_path(make):
    t = Talk(make(caller=UNKNOWN))("#1")
    assert t.keys() == ["ask_treatment", "treatment_menu"]
    t("#1", "#*")
    assert "book_this" in t.keys() and "yes_no_keys" in t.keys()
    t("#1")
    assert t.dialog.landed["booking"]["treatment"] == "scaling"
    t("#2", "#2", "#2")  # no name, no SMS, no questionnaire
    t("#2")
    assert t.end.outcome == outcomes.BOOKED


def test_no_text_offered_without_a_text_gateway(make):
    """With texts off (no gateway set up: the default) the caller is never promised a text."""
    t = Talk(make(caller=UNKNOWN, texts=False))("#1")
    t("#1", "#*", "#1", "#2")  # scaling, first offer, book it, no name
    assert "offer_sms" not in t.keys() and "sms_ok" not in t.keys()
    assert "questionnaire_offer" in t.keys()
    with_texts = Talk(make(caller=UNKNOWN))("#1")
    with_texts("#1", "#*", "#1", "#2")
    assert "offer_sms" in with_texts.keys()


def test_keypad_date_as_month_and_day(make):
    t = Talk(make(caller=UNKNOWN))("#1", "#2", "#1203")
    assert "십이월 삼 일 목요일" in t.said()


def test_questionnaire_is_stored_for_staff(make):
    t = Talk(make(caller=UNKNOWN))("다음 주 월요일 오전에 충치 치료 예약할게요", "네", "김영희요", "아니요", "네")
    assert t.keys() == ["q_complaint"]
    t("어금니가 시려요", "네", "아니요", "네", "모르겠어요", "아니요")
    assert t.keys()[0] == "questionnaire_done"
    note = crm_records.StaffNote.get()
    assert "어금니가 시려요" in note.text and "고혈압: 예" in note.text and "당뇨: 아니요" in note.text
    assert "항응고제 복용: 모름" in note.text
    req = crm_records.BookingRequest.get()
    assert req.meta["questionnaire_note"] == note.id


def test_a_booking_asked_with_a_trouble_told_keeps_the_trouble_for_the_questionnaire(make):
    """"이가 시린데 다음 주 월요일 오전에 가도 돼요?": sympathy first; the 문진 does not ask again what is wrong and
    staff read the caller's own words on the booking's note. A booking with no trouble told starts plainly."""
    t = Talk(make(caller=UNKNOWN))("왼쪽 어금니가 시린데 다음 주 월요일 오전에 가도 돼요?")
    assert t.keys()[0] == "symptom_sorry" and "많이 불편하시겠어요." in t.said()
    t("충치 치료요", "네", "김영희요", "아니요", "네")
    assert "q_complaint" not in t.keys() and "q_pain" in t.keys()
    t("네", "아니요", "네", "모르겠어요", "아니요")
    assert t.keys()[0] == "questionnaire_done"
    note = crm_records.StaffNote.get()
    assert "왼쪽 어금니가 시린데" in note.text
    plain = Talk(make(caller=UNKNOWN))("다음 주 월요일 오전에 스케일링 예약할게요")
    assert "symptom_sorry" not in plain.keys()
    near = Talk(make(caller=UNKNOWN))("옆 아파트 사는데 다음 주 월요일 오전에 스케일링 예약할게요")
    assert "symptom_sorry" not in near.keys()  # 아파트 is no 아파


def test_hangup_in_the_middle_of_a_booking_leaves_a_callback(make):
    t = Talk(make(caller=UNKNOWN))("예약하고 싶어요", "스케일링")
    t("/bye")
    assert t.end.outcome == outcomes.CALLER_HUNG_UP
    assert crm_records.Callback.get().reason.startswith("통화 중 끊김")
    d = make(caller=UNKNOWN)
    d.start()
    d.on_input(Heard(text="예약하고 싶어요"))
    d.on_hangup()  # what the engine calls when the phone line drops
    assert crm_records.Callback.select().count() == 2


def test_emr_down_caller_unknown_and_booking_becomes_request(make):
    dead = "postgresql://dentalcall@127.0.0.1:9/emr"
    t = Talk(make(caller=FAMILY, url=dead))
    assert t.keys(0) == ["greeting", "how_can_i_help"]  # not recognised, no error
    t("내일 오전 열 시 스케일링 예약이요", "네")
    assert t.dialog.landed["booking"]["status"] == "requested"


def test_yes_with_the_offered_time_books_without_asking_again(make):
    t = Talk(make(caller=UNKNOWN))("다음 주 화요일 오후 세 시 반 스케일링이요", "네 세 시 반 좋아요")
    assert t.dialog.landed["booking"]["start"] == "2026-12-01T15:30"


def test_a_treatment_corrected_at_the_read_back_is_offered_again(make):
    """"아니요 스케일링 말고 잇몸 치료요" at "…, 스케일링. 이대로 예약해 드릴까요?": the treatment changes, the offer is
    made again for it; nothing is booked with the wrong one."""
    t = Talk(make(caller=UNKNOWN))("다음 주 목요일 오전 열 시 스케일링 예약이요")
    assert "스케일링" in t.said()
    t("아니요 스케일링 말고 잇몸 치료요")
    assert "잇몸" in t.said() and "booked" not in t.keys() and t.dialog.booking.b.treatment == "gum"
