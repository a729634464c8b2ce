"""The inbound receptionist's flows on the pure dialog, against a real small SQLite EMR (the reference schema
seeded by the data layer) and a real CRM file: what the caller hears and what lands (bookings, requests,
cancellations, callbacks, opt-outs, 문진 notes, transfers)."""

from __future__ import annotations

import datetime as dt

import pytest

from appliance.conversation import outcomes
from appliance.conversation.actions import End, Heard, Listen, Say
from appliance.conversation.backend import Backend
from appliance.commands.chat import parse_input, render_says
from appliance.conversation.receptionist import Receptionist
from appliance.data import crm, crm_records
from appliance.data.clinic import facts as factslib
from appliance.data.emr import seed
from appliance.data.emr.connector import EMR
from appliance.speech import fragments
from tests.demo_emr_support import NOW
from tests.demo_emr_support import emr_url as emr_url  # a fixture

NIGHT = dt.datetime(2026, 11, 23, 22, 0)
FAMILY = seed.DEMO_FAMILY_PHONE  # patients 1-3; patient 1 born 1982-09-18
UNKNOWN = "010-9999-1234"


def SAYS_ANYTHING(text: str) -> bool:
    """A voice that can say any sentence (a neural voice installed): names and the clinic's own sentences."""
    return True


@pytest.fixture(scope="module")
def patient_with_appointment(emr_url):
    emr = EMR(emr_url, "reference")
    for appt in emr.appointments_between(NOW.date() + dt.timedelta(days=2), NOW.date() + dt.timedelta(days=20)):
        if appt.status != "booked" or not appt.patient_id:
            continue
        p = emr.get_patient(appt.patient_id)
        if p and p.status == "active" and p.phones and len(emr.find_patients_by_phone(p.phones[0])) == 1:
            ups = emr.upcoming_appointments(p.id, NOW)
            if ups and ups[0].id == appt.id:
                return p, appt
    pytest.skip("no single-phone patient with an appointment in the demo data")


@pytest.fixture
def crm_db(tmp_path):
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    yield
    crm.database.close()


@pytest.fixture
def make(emr_url, crm_db):
    facts = factslib.load(factslib.EXAMPLE)

    def build(caller=None, now=NOW, emr=True, writes=False, can_say=SAYS_ANYTHING, url=None, recorded=True,
              understand=None, texts=True):
        backend = Backend(facts, emr=EMR(url or emr_url, "reference", allow_writes=writes) if emr else None,
                          texts=texts)
        return Receptionist(clinic_name="미소치과", backend=backend, caller=caller, call_key="test-call",
                            now=lambda: now, can_say=can_say, recorded=recorded, understand=understand)

    return build


class Talk:
    """Drives a dialog with caller lines (cli syntax: '#5' keys, '' silence); keeps every turn."""

    def __init__(self, dialog: Receptionist):
        self.dialog = dialog
        self.turns: list[list] = [dialog.start()]
        self.listens: list[Listen] = []

    @property
    def last(self) -> list:
        return self.turns[-1]

    def said(self, turn: int = -1) -> str:
        return render_says(self.turns[turn], "미소치과")

    def all_said(self) -> str:
        return " ".join(render_says(t, "미소치과") for t in self.turns)

    def keys(self, turn: int = -1) -> list[str]:
        return [a.key for a in self.turns[turn] if isinstance(a, Say) and a.key]

    def __call__(self, *lines: str) -> "Talk":
        for line in lines:
            assert isinstance(self.last[-1], Listen), f"dialog already ended: {self.said()}"
            self.listens.append(self.last[-1])
            self.turns.append(self.dialog.on_input(parse_input(line)))
        return self

    @property
    def end(self) -> End | None:
        return self.last[-1] if isinstance(self.last[-1], End) else None


def test_every_turn_ends_in_listen_or_end_and_listens_carry_expect_and_hints(make):
    t = Talk(make(caller=UNKNOWN))("예약하고 싶어요", "스케일링이요", "내일 오후요", "네", "김철수요", "아니요", "아니요", "아니요")
    for turn in t.turns:
        assert isinstance(turn[-1], (Listen, End))
        assert all(isinstance(a, Say) for a in turn[:-1])
    for listen in t.listens:
        assert listen.expect and listen.hints, listen


def birth(patient) -> str:
    return patient.birth_date.strftime("%y%m%d")


def test_caller_id_is_not_identity_the_name_comes_after_the_birth_date(make, patient_with_appointment):
    """Issue 11: no name on the strength of the number; once the birth date matches, the patient may be
    addressed by name (the voice can say it here)."""
    patient, _ = patient_with_appointment
    t = Talk(make(caller=patient.phones[0]))
    assert t.keys(0) == ["greeting", "how_can_i_help"] and patient.name not in t.said(0)
    t("예약 확인하려고요")
    assert t.keys() == ["ask_birth"] and patient.name not in t.all_said()
    t(birth(patient))
    assert f"{patient.name} 님, 확인되었습니다." in t.said() and "appointment_is" in t.keys()


def test_name_is_never_spoken_when_no_voice_layer_can_say_it(make, patient_with_appointment):
    """Issue 13: the recorded voice cannot say names: "네, 확인되었습니다." without it."""
    patient, _ = patient_with_appointment
    t = Talk(make(caller=patient.phones[0], can_say=lambda text: False))("예약 확인하려고요", "#" + birth(patient))
    assert patient.name not in t.all_said()
    assert t.keys()[0] == "confirmed_short"


def test_greeting_says_recording_only_when_the_call_is_recorded(make):
    """Issue 11 item 10: "녹음됩니다" only when this call is being recorded."""
    assert Talk(make(caller=UNKNOWN)).keys(0)[0] == "greeting"
    t = Talk(make(caller=UNKNOWN, recorded=False))
    assert t.keys(0)[0] == "greeting_unrecorded" and "녹음" not in t.said(0) and "AI 상담원" in t.said(0)


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


def test_cancel_own_appointment_found_by_caller_id(make, patient_with_appointment):
    patient, appt = patient_with_appointment
    t = Talk(make(caller=patient.phones[0]))("예약 취소하고 싶어요", birth(patient))
    assert "appointment_is" in t.keys() and "confirm_cancel" in t.keys()
    t("네")
    assert "cancel_requested" in t.keys()  # EMR writes off: staff carry it out
    row = crm_records.BookingRequest.get(crm_records.BookingRequest.idempotency_key == "test-call:cancel")
    assert row.meta["action"] == "cancel" and row.meta["appointment_id"] == appt.id and row.start == appt.start
    t("아니요", "아니요")
    assert t.end and t.end.outcome == outcomes.CANCELLED


@pytest.mark.parametrize("answer,kept", [("예 내일 갈게요", True), ("아니요 갈게요", True), ("네 그대로 두세요", True),
                                         ("네 취소해 주세요", False), ("#1", False), ("#2", True)])
def test_the_cancel_confirmation_cancels_only_on_a_clear_yes(make, patient_with_appointment, answer, kept):
    """"예약을 취소해 드릴까요?" is heard with its own expect: going after all keeps the visit."""
    patient, _ = patient_with_appointment
    t = Talk(make(caller=patient.phones[0]))("예약 취소하고 싶어요", birth(patient))
    assert t.last[-1].expect == "cancel_confirm" and "그대로" in t.last[-1].hints
    t(answer)
    assert ("keep_appointment" in t.keys()) is kept and ("cancel_requested" in t.keys()) is not kept
    assert crm_records.BookingRequest.select().count() == (0 if kept else 1)


def test_reschedule_books_the_new_time_and_cancels_the_old(make, patient_with_appointment):
    patient, appt = patient_with_appointment
    t = Talk(make(caller=patient.phones[0]))("예약 날짜 좀 바꾸고 싶어요", birth(patient))
    assert "appointment_is" in t.keys()
    t("다음 주 금요일 오후요", "네")
    landed = t.dialog.landed
    assert landed["booking"]["status"] == "requested" and landed["booking"]["start"].startswith("2026-12-04T")
    assert landed["cancellation"]["start"] == appt.start.isoformat(timespec="minutes")
    assert t.dialog.outcome == outcomes.RESCHEDULED


def test_keypad_change_or_cancel(make, patient_with_appointment):
    patient, appt = patient_with_appointment
    t = Talk(make(caller=patient.phones[0]))("#3")
    assert t.keys() == ["ask_birth", "ask_birth_keys"] and t.last[-1].max_digits == 6
    t("#" + birth(patient))
    assert t.keys()[-1] == "change_or_cancel_keys" and "appointment_is" in t.keys()
    t("#2")
    assert "confirm_cancel" in t.keys()
    t("#1")
    assert t.dialog.landed["cancellation"]["start"] == appt.start.isoformat(timespec="minutes")
    t = Talk(make(caller=patient.phones[0]))("#3", "#" + birth(patient), "#1")
    assert "date_menu" in t.keys()


def test_unknown_caller_cancel_cannot_be_proven_and_goes_to_staff(make):
    """A number without patients (and a profile that cannot search by birth date): nothing can be proven on
    the phone, so nothing is read back; the caller is told so and staff get the request."""
    t = Talk(make(caller=UNKNOWN))("예약 취소하려고요")
    assert t.keys()[0] == "identity_failed" and "appointment_is" not in t.keys()
    assert crm_records.Callback.select().count() == 1


def test_wrong_birth_date_three_times_goes_to_staff(make, patient_with_appointment):
    patient, _ = patient_with_appointment
    t = Talk(make(caller=patient.phones[0]))("예약 취소하려고요", "#900101", "#900102")
    assert t.keys() == ["birth_not_found", "ask_birth_again"] and t.end is None
    t("#900103")
    assert t.end.next == "transfer" and "본인 확인 실패" in t.end.summary
    assert "appointment_is" not in t.all_said() and crm_records.BookingRequest.select().count() == 0
    t = Talk(make(caller=patient.phones[0], now=NIGHT))("예약 취소하려고요", "#900101", "#900102", "#900103")
    assert "identity_failed" in t.keys() and crm_records.Callback.select().count() == 1


def test_hours_lunch_and_closed_days_come_from_the_facts(make):
    t = Talk(make(caller=UNKNOWN))("진료시간이 어떻게 되나요?")
    said = t.said()
    assert "수요일, 오전 아홉 시 반부터 저녁 아홉 시까지입니다." in said
    assert "일요일, 휴진입니다." in said and "점심시간은 오후 한 시부터" in said
    t("토요일도 해요?")
    assert "십일월 이십팔 일 토요일, 오전 아홉 시 반부터 오후 두 시까지" in t.said()
    t("크리스마스에 진료해요?")
    assert "휴진입니다" in t.said()


def test_price_insurance_location_answers_and_unknown_facts_become_callbacks(make):
    t = Talk(make(caller=UNKNOWN))("스케일링 비용이 얼마예요?")
    assert "스케일링, 만 오천 원에서 이만 원까지입니다." in t.said()
    t("임플란트 보험 돼요?")
    assert t.keys()[0] == "insurance_implant"
    t("교정은 얼마예요?")  # no price in the facts file
    assert "callback_promise" in t.keys()
    t("주차 되나요?")
    assert "지하 주차장" in t.said()
    assert crm_records.Callback.select().count() == 1


def test_facts_no_voice_can_say_become_a_callback(make):
    t = Talk(make(caller=UNKNOWN, can_say=lambda text: False))("병원 위치가 어디예요?")
    assert "callback_promise" in t.keys() and "테헤란로" not in t.said()


def test_emergency_during_opening_hours_transfers_at_once(make):
    t = Talk(make(caller=UNKNOWN))("사랑니 뺀 데서 피가 안 멈춰요")
    assert t.end.next == "transfer" and t.end.outcome == outcomes.EMERGENCY and t.end.summary
    assert t.keys()[:2] == ["symptom_sorry", "transfer"]  # "많이 불편하시겠어요. 담당 직원에게 연결해 …"
    cb = crm_records.Callback.get()
    assert cb.priority == 1


def test_emergency_after_hours_guidance_priority_callback_and_voicemail(make):
    t = Talk(make(caller=UNKNOWN, now=NIGHT))("얼굴이 퉁퉁 부었어요")
    assert t.end.next == "voicemail" and t.end.outcome == outcomes.EMERGENCY
    assert t.keys()[0] == "emergency_after_hours" and "응급실" in t.said()
    assert crm_records.Callback.get().priority == 1


def test_severe_symptom_goes_to_staff_mild_symptom_offers_booking(make):
    t = Talk(make(caller=UNKNOWN))("이가 너무 아파서 잠을 못 자요")
    assert t.end.next == "transfer"
    t = Talk(make(caller=UNKNOWN))("이가 좀 시려요")
    assert t.keys() == ["symptom_sorry", "offer_booking"]
    t("네")
    assert t.keys()[0] == "ask_date"


def test_talk_to_staff_transfers_with_summary_and_after_hours_voicemail(make):
    t = Talk(make(caller=UNKNOWN))("진료시간 알려 주세요", "직원분이랑 통화하고 싶어요")
    assert t.end.next == "transfer" and "직원 연결" in t.end.summary and "진료시간" in t.end.summary
    assert "01099991234" not in t.end.summary
    t = Talk(make(caller=UNKNOWN, now=NIGHT))("상담원 연결해 주세요")
    assert t.end.next == "voicemail" and crm_records.Callback.select().count() == 1


def test_opt_out_is_recorded_and_confirmed(make):
    t = Talk(make(caller=UNKNOWN))("광고 전화 수신거부 해 주세요")
    assert t.keys()[0] == "opt_out_done"
    assert crm_records.is_opted_out(UNKNOWN)
    t("아니요")
    assert t.end.outcome == outcomes.OPTED_OUT


def test_not_understood_reasks_then_keypad_then_staff_never_loops(make):
    t = Talk(make(caller=UNKNOWN))("음 그게 저기")
    assert t.keys() == ["reask_need"]
    t("어어")
    assert t.keys() == ["menu_dtmf"]
    t("뭐라고요")
    assert t.end.next == "transfer"
    t = Talk(make(caller=UNKNOWN, now=NIGHT))("", "", "")
    assert t.keys(1) == ["silence", "reask_need"] and t.end.next == "voicemail"


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


def test_wrong_number(make):
    t = Talk(make(caller=UNKNOWN))("아 죄송합니다 전화 잘못 걸었어요")
    assert t.end.outcome == outcomes.WRONG_NUMBER


def test_every_computed_sentence_can_be_spoken_from_recorded_fragments(make, patient_with_appointment):
    """Read-backs, hours and prices must never need a TTS voice: each sentence is made of fragments."""
    from appliance.language import speak
    from appliance.speech.fragments import fragment_texts, plan
    from appliance.speech.voice import split_sentences

    patient, _ = patient_with_appointment
    texts = fragment_texts()
    scripts = [
        (UNKNOWN, ["다음 주 화요일 오후 세 시 반에 스케일링 돼요?", "아니요", "아니요"]),
        (UNKNOWN, ["진료시간 알려 주세요", "토요일 진료해요?", "크리스마스에 진료해요?", "점심시간 언제예요?"]),
        (UNKNOWN, ["스케일링 얼마예요?", "크라운 비용이요", "미백은 얼마예요?", "충치 치료 얼마예요?"]),
        (UNKNOWN, ["#1", "#4", "#1231", "#2", "#2"]),
        (patient.phones[0], ["예약 확인하려고요", birth(patient), "예약 바꾸고 싶어요", "다음 주 수요일 오후 세 시요"]),
    ]
    checked = 0
    for caller, lines in scripts:
        t = Talk(make(caller=caller, can_say=lambda text: False))(*lines)
        for turn in t.turns:
            for action in turn:
                if isinstance(action, Say) and action.text:
                    for sentence in split_sentences(action.text):
                        plan(speak.normalise(sentence), texts)  # raises FragmentMissing
                        checked += 1
    assert checked > 15


def test_yes_with_the_offered_time_books_without_asking_again(make):
    t = Talk(make(caller=UNKNOWN))("다음 주 화요일 오후 세 시 반 스케일링이요", "네 세 시 반 좋아요")
    assert t.dialog.landed["booking"]["start"] == "2026-12-01T15:30"


BIRTH_QUERY = """
SELECT p.PT_ID AS id, p.PT_CHARTNO AS chart_no, p.PT_NAME AS name, p.PT_BIRTH AS birth_date, p.PT_SEX AS sex,
       p.PT_HP AS phone1, p.PT_TEL AS phone2, p.PT_INSTYPE AS insurance, p.PT_PRIVINS AS private_insurance,
       p.PT_STATUS AS status
  FROM PATIENT p
 WHERE p.PT_BIRTH IN (:birth_dates)
"""


def test_unknown_number_found_by_birth_date_and_name(make, patient_with_appointment):
    """A patient calling from another phone: birth date (keypad) + name (speech), when the profile can search."""
    import dataclasses

    patient, appt = patient_with_appointment
    d = make(caller=UNKNOWN)
    emr = d.backend.emr
    emr.profile = dataclasses.replace(emr.profile, queries={**emr.profile.queries,
                                                             "find_patients_by_birth": {"sql": BIRTH_QUERY}})
    t = Talk(d)("예약 확인하고 싶어요", "#" + patient.birth_date.strftime("%y%m%d"))
    assert t.keys() == ["ask_name_verify"]
    t(f"{patient.name}입니다")
    assert "appointment_is" in t.keys() and t.dialog.patient.id == patient.id
    assert speak_date(appt.start) in t.said()
    t = Talk(make(caller=UNKNOWN))("예약 확인하고 싶어요", "#" + patient.birth_date.strftime("%y%m%d"))
    assert "ask_name_verify" not in t.keys()  # profile without the query: nobody is found by birth date


def speak_date(start):
    from appliance.language import speak

    return speak.say_date(start.date())


def test_inbound_caller_is_told_the_truth_and_asked_again(make):
    t = Talk(make(caller=UNKNOWN))("이거 녹음 되는 거예요?")
    assert t.keys()[0] in ("about_call_recorded", "about_call_unrecorded")
    assert "AI 상담원" in t.said() and t.end is None
    said_first = t.said()
    t("내일 오전 열 시 스케일링 예약이요")
    assert "스케일링" in t.said() and said_first != t.said()


def test_a_treatment_corrected_at_the_read_back_is_offered_again(make):
    """"아니요 스케일링 말고 잇몸 치료요" at "…, 스케일링. 이대로 예약해 드릴까요?": the treatment changes, the offer is
    made again for it; nothing is booked with the wrong one."""
    t = Talk(make(caller=UNKNOWN))("다음 주 목요일 오전 열 시 스케일링 예약이요")
    assert "스케일링" in t.said()
    t("아니요 스케일링 말고 잇몸 치료요")
    assert "잇몸" in t.said() and "booked" not in t.keys() and t.dialog.booking.b.treatment == "gum"

