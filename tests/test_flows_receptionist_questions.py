"""The inbound receptionist on the pure dialog beyond bookings, against a real small SQLite EMR and a real CRM file:
the greeting, questions answered from the clinic's facts, symptoms and emergencies, staff and voicemail, opt-outs,
wrong numbers and not being understood; every computed sentence can be spoken from recorded fragments."""

from __future__ import annotations

from appliance.conversation import outcomes
from appliance.conversation.actions import Say
from appliance.data import crm_records
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.receptionist_support import NIGHT, UNKNOWN, Talk, birth
from tests.receptionist_support import crm_db as crm_db  # fixtures
from tests.receptionist_support import make as make
from tests.receptionist_support import patient_with_appointment as patient_with_appointment


def test_greeting_says_recording_only_when_the_call_is_recorded(make):
    """Issue 11 item 10: "녹음됩니다" only when this call is being recorded."""
    assert Talk(make(caller=UNKNOWN)).keys(0)[0] == "greeting"
    t = Talk(make(caller=UNKNOWN, recorded=False))
    assert t.keys(0)[0] == "greeting_unrecorded" and "녹음" not in t.said(0) and "AI 상담원" in t.said(0)


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


def test_inbound_caller_is_told_the_truth_and_asked_again(make):
    t = Talk(make(caller=UNKNOWN))("이거 녹음 되는 거예요?")
    assert t.keys()[0] in ("about_call_recorded", "about_call_unrecorded")
    assert "AI 상담원" in t.said() and t.end is None
    said_first = t.said()
    t("내일 오전 열 시 스케일링 예약이요")
    assert "스케일링" in t.said() and said_first != t.said()
