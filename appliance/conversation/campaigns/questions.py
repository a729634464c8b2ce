"""A question about the clinic on a campaign call — "주차는 어디에 하면 돼요", "보험 되는 거예요", "토요일도 하세요" —
answered the way the desk answers it on an inbound call (the same sentences: :mod:`..fact_sentences`), then the
open question again. Only after identity is proven: before it, a campaign call says nothing but what concerns
the call itself.

What the facts cannot answer, and any other question ("스케일링은 몇 개월마다 받아야 돼요"), goes to staff as a
callback with the caller's words; the patient hears that staff will call back with the answer. Never advice,
never a price the facts do not hold. A price or insurance question that names no treatment is about the
campaign's (scaling on the insurance scaling call, the implant on the implant check-up, else the task's).

A yes in the same turn ("네 가요 근데 주차는 어디 하면 되는교") is a yes too: the answer is said and the open
question takes the yes (the reminder confirmed, the offer going on to the booking) instead of asking again. On the
opt-out check ("앞으로 병원 안내 연락을 그만 받으시겠어요?") the check reads the rest itself, as on the inbound desk: a
question there is no refusal, the call goes back to its question; a yes beside a question stores nothing (asked again).
"""

from __future__ import annotations

import re
from typing import Any

from appliance.conversation import fact_sentences
from appliance.conversation.actions import Action, Say
from appliance.conversation.asker import Actions, Step, said_yes
from appliance.conversation.optout_check import STATE as OPT_OUT_CHECK
from appliance.conversation.outcomes import EventKind
from appliance.conversation.phrases import JOINED

ASKED = (*fact_sentences.ASKS, "question_other")
CAMPAIGN_TREATMENT = {"insurance_scaling": "scaling", "implant_checkup": "implant"}
CHECKUP = re.compile(r"검진|점검|정기\s*검사")
"""A question about the check-up ("임플란트 검진 그거 돈 내야 돼요") is not about the implant's price."""
REASONS = {"ask_hours": "진료시간 문의", "ask_location": "위치 문의", "ask_price": "비용 문의 (안내 자료 없음)",
           "ask_insurance": "보험 적용 문의"}
NOTE_MAX = 500


def treatment(d: Any, u: Any, text: str) -> str | None:
    """What a price or insurance question is about: the words' check-up or treatment, else the campaign's."""
    if CHECKUP.search(text):
        return "checkup"
    named = getattr(u, "treatment", None)
    if named:
        return str(named)
    if d.campaign in CAMPAIGN_TREATMENT:
        return CAMPAIGN_TREATMENT[d.campaign]
    if d.data.get("treatment"):
        return str(d.data["treatment"])
    booked = {a.get("treatment") for a in d.appointments}
    return booked.pop() if len(booked) == 1 and None not in booked else None


def sentences(d: Any, intent: str, u: Any, text: str) -> list[Action] | None:
    """The facts' answer, or None when they (or the voice) cannot give it."""
    if d.facts is None or intent == "question_other":
        return None
    if intent == "ask_price":
        t = treatment(d, u, text)
        return fact_sentences.price(d.facts, d.can_say, t) if t else None
    if intent == "ask_insurance":
        return fact_sentences.insurance(treatment(d, u, text))
    return fact_sentences.sentences(d.facts, d.can_say, intent, u, text)


def to_staff(d: Any, intent: str, text: str) -> list[Action]:
    """The question to staff as a callback with the caller's words; what the patient hears."""
    if intent == "question_other":
        d.ops.callback(f"{d.campaign}: 문의 (원장님 확인 후 답변)", 5, text[:NOTE_MAX])
        d.event(EventKind.QUESTION_FOR_STAFF)
        return [Say("question_to_staff")]
    reason = "주차 문의" if intent == "ask_location" and fact_sentences.is_parking(text) else REASONS[intent]
    d.ops.callback(f"{d.campaign}: {reason}", 5, text[:NOTE_MAX])
    d.event(EventKind.CALLBACK, reason=reason)
    return [Say("callback_promise")]


def answer(d: Any, u: Any, text: str, step: Step) -> Actions | None:
    """The answer and the open question again (or the yes said with it taken); None when this is no question
    about the clinic, or identity is not proven yet."""
    intent = getattr(u, "intent", "other")
    if intent not in ASKED or not d.identity.confirmed:
        return None
    said = sentences(d, intent, u, text)
    if said is None:
        said = to_staff(d, intent, text)
    flow = d.steps[d.state][0]
    taken = None
    if d.state == OPT_OUT_CHECK:  # the check reads its own answer (a question is no refusal: back to the call);
        taken = None if said_yes(u) else step.words(flow, u, text)  # a yes beside a question is no clear one
    elif said_yes(u):
        taken = step.words(flow, u, text)
    if taken is not None:
        return said + taken
    return d.again(asked_again(step.reask[-1]), before=said)


def asked_again(reask: str) -> list[str]:
    """The open question as asked after a spoken answer: without the keypad's instructions ("진료 예약 도와드릴까요?",
    not "… 네는 1번, 아니요는 2번을 눌러 주세요."): the patient is talking, and the keys still work."""
    parts = JOINED.get(reask)
    if parts and parts[-1] == "yes_no_keys":
        return list(parts[:-1])
    return [reask]
