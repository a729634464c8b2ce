"""The inbound receptionist on the pure dialog, against a real small SQLite EMR and a real CRM file: who the caller
is (the birth date before any name or appointment, never the number alone), and changing or cancelling an
appointment once that is proven (what the caller hears, what lands for staff)."""

from __future__ import annotations

import pytest

from appliance.conversation import outcomes
from appliance.data import crm_records
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.receptionist_support import BIRTH_QUERY, NIGHT, UNKNOWN, Talk, birth
from tests.receptionist_support import crm_db as crm_db  # fixtures
from tests.receptionist_support import make as make
from tests.receptionist_support import patient_with_appointment as patient_with_appointment


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
