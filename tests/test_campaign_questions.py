"""Questions about the clinic on a campaign call (`conversation/campaigns/questions.py`), through the real
understanding and the real dialog: hours, location and parking, price, insurance answered after identity with the
inbound desk's own sentences, then the open question again; what the facts cannot answer, and any other question,
a staff callback with the caller's words; a yes said with the question taken as a yes; nothing before identity.

Before (issue 15) every one of these was heard as nothing ("죄송하지만 다시 한 번 말씀해 주시겠어요?"), and "네 가요
근데 주차는 어디 하면 되는교" confirmed the visit with the parking question dropped."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from types import SimpleNamespace

import pytest

from appliance.conversation import outcomes
from appliance.conversation.actions import Heard, Listen, spoken_keys
from appliance.conversation.answers import AnswersFlow
from appliance.conversation.campaigns import CampaignDialog
from appliance.conversation.outcomes import EventKind
from appliance.data import crm, crm_records
from appliance.data.emr import seed
from appliance.data.emr.connector import EMR
from appliance.language import understand
from appliance.outbound import queue
from appliance.outbound.calls import CallOps
from tests.campaign_dialog_support import APPT, FACTS, NOW, Ops, dialog, end, keys, said, verified
from tests.demo_emr_support import emr_url as emr_url  # a fixture
from tests.opt_out_support import refusal_the_rules_miss

SAYS_ALL = {"can_say": lambda text: True}  # a voice that can say the clinic's own sentences
REMINDER = {"campaign": "reminder", "kind": "INFO", "data": APPT, **SAYS_ALL}  # a scaling visit tomorrow
OFFER = {"campaign": "insurance_scaling", "kind": "AD", **SAYS_ALL}
REASK = {"reminder": "ob_reminder_keys", "insurance_scaling": "offer_booking",  # no keypad words after an answer
         "implant_checkup": "ob_implant_ask", "recall": "offer_booking"}
OPEN = {"reminder": "reminder", "insurance_scaling": "offer", "implant_checkup": "implant", "recall": "offer"}
EXPECT = {"reminder": "reminder", "insurance_scaling": "offer", "implant_checkup": "offer", "recall": "offer"}


def asked(setup: dict, text: str, ops: Ops | None = None):
    """The call after identity, the patient's words to its open question: (dialog, what it says, ops)."""
    ops = ops or Ops()
    kw = dict(setup)
    d = dialog(kw.pop("campaign"), ops=ops, **kw)
    verified(d)
    return d, d.on_input(Heard(text=text)), ops


def inbound(intent: str, text: str, treatment: str | None = None):
    """What the inbound desk says to the same words (its AnswersFlow on the same facts)."""
    desk = AnswersFlow(SimpleNamespace(facts=FACTS, can_say=lambda text: True))
    return desk.sentences(intent, understand(text, NOW, expect="need"), text, treatment=treatment)


def asked_again(d, out, campaign: str) -> bool:
    """The open question once more, nothing decided: its last re-ask and a Listen, the state unchanged."""
    return (keys(out)[-len(spoken_keys(REASK[campaign])):] == spoken_keys(REASK[campaign])
            and isinstance(out[-1], Listen) and d.state == OPEN[campaign] and end(out) is None)


@pytest.mark.parametrize("setup", [REMINDER, OFFER], ids=["reminder", "offer"])
@pytest.mark.parametrize(("text", "intent", "heard"), [
    ("진료 몇 시까지 하세요", "ask_hours", "토요일, 오전 아홉 시 반부터 오후 두 시까지입니다."),
    ("토요일도 하세요", "ask_hours", "십일월 이십팔 일 토요일, 오전 아홉 시 반부터 오후 두 시까지"),
    ("주차는 어디에 하면 돼요", "ask_location", FACTS.parking),
    ("치과 위치가 어디예요", "ask_location", FACTS.address),
])
def test_hours_and_location_are_the_inbound_sentences_then_the_question_again(setup, text, intent, heard):
    d, out, ops = asked(setup, text)
    u = understand(text, NOW, expect=EXPECT[setup["campaign"]])
    assert u.intent == intent
    same = inbound(intent, text)
    assert same is not None and out[:len(same)] == same  # word for word what the desk says
    assert heard in said(out)
    assert asked_again(d, out, setup["campaign"])
    assert ops.callbacks == [] and ops.changes() == []
    assert "sorry_again" not in keys(out)


@pytest.mark.parametrize(("setup", "text", "what"), [
    (REMINDER, "비용은 얼마예요", "스케일링, 만 오천 원에서 이만 원까지입니다."),  # the visit's treatment
    (OFFER, "비용은 얼마예요", "스케일링, 만 오천 원에서 이만 원까지입니다."),  # the campaign's
    (REMINDER, "보험 돼요", "만 19세 이상이시면 1년에 한 번 스케일링 보험 적용이 됩니다."),
    (OFFER, "보험 되는 거예요", "만 19세 이상이시면 1년에 한 번 스케일링 보험 적용이 됩니다."),
    ({**OFFER, "campaign": "implant_checkup", "kind": "INFO"}, "보험 돼요", "만 65세 이상이시면 임플란트는"),
])
def test_price_and_insurance_without_a_treatment_are_about_the_calls(setup, text, what):
    d, out, ops = asked(setup, text)
    intent = understand(text, NOW, expect=EXPECT[setup["campaign"]]).intent
    treatment = {"implant_checkup": "implant"}.get(setup["campaign"], "scaling")
    assert out[:-len(spoken_keys(REASK[setup["campaign"]])) - 1] == inbound(intent, text, treatment)
    assert said(out).startswith(what)
    assert asked_again(d, out, setup["campaign"]) and ops.callbacks == []


@pytest.mark.parametrize(("setup", "text", "reason"), [
    ({**OFFER, "campaign": "implant_checkup", "kind": "INFO"}, "임플란트 검진 그거 돈 내야 돼요",
     "비용 문의 (안내 자료 없음)"),  # the check-up: no price in the facts (the implant's is not its price)
    ({**OFFER, "campaign": "recall"}, "비용은 얼마예요", "비용 문의 (안내 자료 없음)"),  # no treatment at all
    (REMINDER, "충치 치료도 보험 돼요", "보험 적용 문의"),  # no rule the desk may say
    ({**REMINDER, "can_say": lambda text: False}, "주차는 어디에 하면 돼요", "주차 문의"),  # a voice that cannot
    ({**OFFER, "facts": None}, "진료 몇 시까지 하세요", "진료시간 문의"),  # no facts file
])
def test_what_the_facts_cannot_answer_goes_to_staff_with_the_words(setup, text, reason):
    d, out, ops = asked(setup, text)
    assert keys(out)[0] == "callback_promise"
    assert said(out).startswith("말씀 잘 들었습니다. 담당자가 확인 후 연락드리겠습니다.")
    assert not re.search(r"[십백천만]\s*원", said(out))  # no amount said
    assert ops.callbacks == [(f"{setup['campaign']}: {reason}", 5, text)]
    assert asked_again(d, out, setup["campaign"])


@pytest.mark.parametrize("setup", [REMINDER, OFFER], ids=["reminder", "offer"])
@pytest.mark.parametrize("text", ["스케일링은 몇 개월마다 받아야 돼요", "원장님 그날 계세요"])
def test_another_question_is_saved_for_staff_never_answered(setup, text):
    d, out, ops = asked(setup, text)
    assert understand(text, NOW, expect=EXPECT[setup["campaign"]]).intent == "question_other"
    assert keys(out)[0] == "question_to_staff" and said(out).startswith("그 부분은 원장님께 여쭤보고 연락드릴게요.")
    assert ops.callbacks == [(f"{setup['campaign']}: 문의 (원장님 확인 후 답변)", 5, text)]
    assert [e.kind for e in d.events][-1] == EventKind.QUESTION_FOR_STAFF
    assert asked_again(d, out, setup["campaign"])


@pytest.mark.parametrize(("text", "answer"), [
    ("네 가요 근데 주차는 어디 하면 되는교", FACTS.parking),
    ("네 갈게요 토요일도 하세요", "십일월 이십팔 일 토요일, 오전 아홉 시 반부터 오후 두 시까지"),
    ("네 근데 원장님 그날 계세요", "그 부분은 원장님께 여쭤보고 연락드릴게요."),
])
def test_a_yes_with_a_question_to_the_reminder_is_answered_and_confirms(text, answer):
    d, out, ops = asked(REMINDER, text)
    assert understand(text, NOW, expect="reminder").answer == "yes"
    assert said(out).startswith(answer)
    assert keys(out)[-2:] == spoken_keys("ob_confirmed") and end(out).outcome == outcomes.CONFIRMED
    assert [e for e in d.events if e.kind == EventKind.CONFIRMED] and ops.changes() == []
    assert said(out).index(answer) < said(out).index("그때 뵙겠습니다")


def test_a_yes_with_a_question_to_the_offer_is_answered_and_goes_on_to_the_booking():
    d, out, ops = asked(OFFER, "네 해야죠 보험 되죠")
    assert keys(out) == ["insurance_scaling", "모레, 십일월 이십칠 일 금요일 오전 열 시", *spoken_keys("ob_offer_slot")]
    assert d.state == "slot" and ("find_slots", "scaling") in ops.log
    assert "십일월 이십칠 일" in said(out) and ops.callbacks == []
    out = d.on_input(Heard(text="네 좋아요 근데 주차 돼요"))  # the slot taken, the parking answered
    assert said(out).startswith(FACTS.parking) and end(out).outcome == outcomes.BOOKED
    assert ops.changes() == [("book", dt.datetime(2026, 11, 27, 10, 0), "scaling", "55")]


@pytest.mark.parametrize("setup", [REMINDER, OFFER], ids=["reminder", "offer"])
@pytest.mark.parametrize("text", ["주차는 어디에 하면 돼요", "진료 몇 시까지 하세요",
                                  "스케일링은 몇 개월마다 받아야 돼요", "보험 되는 거예요"])
def test_before_identity_a_question_gets_nothing_of_the_clinic_or_the_patient(setup, text):
    ops = Ops()
    kw = dict(setup)
    d = dialog(kw.pop("campaign"), ops=ops, **kw)
    d.start()
    out = d.on_input(Heard(text=text))
    words = said(out)
    for secret in (FACTS.parking, FACTS.address, "진료시간", "보험", "김민수", "예약이 있", "십일월", "스케일링",
                   "원장님께 여쭤보고"):
        assert secret not in words, secret
    assert d.state == "ask_birth" and ops.callbacks == [] and not d.identity.confirmed


def test_a_campaign_dialog_cannot_be_made_without_the_facts():
    with pytest.raises(TypeError, match="facts"):
        CampaignDialog(campaign="reminder", kind="INFO", ops=Ops(), patient_id="55")  # type: ignore[call-arg]


# --- on the outbound route's own side effects: the callback row in the CRM --------------------------------
@dataclasses.dataclass
class Task:
    id: str
    campaign: str
    kind: str
    patient_id: str
    phone: str
    data: dict


@pytest.fixture
def crm_db(tmp_path):
    crm.open_database(f"sqlite:///{tmp_path / 'crm.sqlite'}")
    queue.ensure_tables()
    yield
    crm.database.close()


def test_the_question_lands_as_a_callback_row_with_the_words(emr_url, crm_db):
    mother = EMR(emr_url, "reference").get_patient("1")
    task = Task("q1", "insurance_scaling", "AD", "1", seed.DEMO_FAMILY_PHONE, {})
    ops = CallOps(task, config=None, facts=FACTS, emr=EMR(emr_url, "reference"), clock=lambda: NOW)
    d = CampaignDialog(campaign="insurance_scaling", kind="AD", ops=ops, facts=FACTS, patient_id="1", data={},
                       now=lambda: NOW, can_say=lambda text: True)
    d.start()
    assert "확인되었습니다" in said(d.on_input(Heard(dtmf=mother.birth_date.strftime("%y%m%d"))))
    out = d.on_input(Heard(text="스케일링은 몇 개월마다 받아야 돼요"))
    assert keys(out)[0] == "question_to_staff"
    row = crm_records.Callback.get()
    assert row.reason == "insurance_scaling: 문의 (원장님 확인 후 답변)" and row.priority == 5
    assert row.note == "campaign insurance_scaling: 스케일링은 몇 개월마다 받아야 돼요"
    assert row.phone == seed.DEMO_FAMILY_PHONE.replace("-", "") and str(row.patient_id) == "1"



def test_on_the_opt_out_check_a_question_is_answered_and_stores_no_refusal():
    d, out, ops = asked(OFFER, refusal_the_rules_miss("offer"))
    assert keys(out) == ["opt_out_check"]
    out = d.on_input(Heard(text="스케일링은 얼마예요?"))  # no refusal: answered, back to the offer
    assert said(out).startswith("스케일링, 만 오천 원에서 이만 원까지입니다.") and d.state == "offer"
    assert keys(out)[-2:] == spoken_keys("ob_offer_booking")
    d, out, ops = asked(OFFER, refusal_the_rules_miss("offer"))
    out = d.on_input(Heard(text="네 근데 주차는 어디에 하면 돼요"))  # a yes beside a question is no clear refusal
    assert said(out).startswith(FACTS.parking) and keys(out)[-1] == "opt_out_check" and d.state == "optout_check"
    assert not any(e[0] == "opt_out" for e in ops.log) and end(out) is None
