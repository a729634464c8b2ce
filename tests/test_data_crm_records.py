import datetime as dt

from appliance.data import crm_records
from appliance.data.emr import seed


def test_opt_out_by_number_or_patient(crm_db):
    assert not crm_records.is_opted_out("010-1234-5678")
    crm_records.add_opt_out("+82 10 1234 5678", patient_id="42", source="call_dtmf")
    assert crm_records.is_opted_out("01012345678")
    assert crm_records.is_opted_out(None, patient_id="42")
    assert not crm_records.is_opted_out("010-1234-5678", advertising=False)  # reminders still allowed
    crm_records.add_opt_out("010-2222-3333", source="staff", scope="all")
    assert crm_records.is_opted_out("01022223333", advertising=False)
    assert crm_records.opted_out_numbers() == {"01012345678", "01022223333"}


def test_callbacks_notes_and_outage_log(crm_db):
    crm_records.add_callback("pain", phone="010-1111-2222", priority=1)
    crm_records.add_callback("price question", phone="010-1111-3333", priority=7)
    assert [c.reason for c in crm_records.open_callbacks()] == ["pain", "price question"]
    assert crm_records.add_note("환자 요청: 오후 선호", patient_id="7").id
    crm_records.record_emr_event("outage", "get_patient", "refused")
    crm_records.record_emr_event("outage", "get_patient", "refused")  # not repeated within a minute
    crm_records.record_emr_event("recovered", None, None)
    assert [e.kind for e in crm_records.EMRSyncLog.select()] == ["outage", "recovered"]


def test_seed_is_deterministic_and_realistic():
    today = dt.date(2026, 11, 25)
    a = seed.generate(400, seed=3, today=today)
    b = seed.generate(400, seed=3, today=today)
    assert a == b
    assert seed.generate(400, seed=4, today=today)["PATIENT"] != a["PATIENT"]
    patients = a["PATIENT"]
    ages = [(today - dt.date.fromisoformat(f"{p[5][:4]}-{p[5][4:6]}-{p[5][6:]}")).days // 365 for p in patients]
    assert min(ages) >= 4 and max(ages) <= 96
    assert {p[9] for p in patients} >= {"A", "I"}
    assert {p[7] for p in patients} >= {"11", "00"} or {p[7] for p in patients} >= {"11", "21"}
    hp = [p[3] for p in patients if p[3]]
    assert len(hp) > len(set(hp))  # families share a phone
    codes = {t[4] for t in a["TREAT_DETAIL"]}
    assert {"U2233", "U0101", "U0701", "U4411"} <= codes
    assert a["RESERVATION"] and all(r[2] > today.strftime("%Y%m%d") for r in a["RESERVATION"])
