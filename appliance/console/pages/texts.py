"""Texts (문자): the outbox (what was sent, why, in which state) and the replies patients sent, with what each
reply did (confirmed, cancelled, a callback, an opt-out, or a work item for staff).

The list shows state, type (SMS/LMS), bytes and purpose — never the message text — with numbers masked for
the staff role; a search by patient id or number (POSTed: numbers never appear in a URL) shows one person's
texts, as the call page does for the caller (``for_call``). Every view is written to the access log.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from appliance.console.web import Ctx, action, page
from appliance.data import phone as phones
from appliance.sms import config as smsconfig
from appliance.sms import inbox, outbox

SHOWN = 100
PURPOSES_KO = {"confirmation": "예약 확인", "reminder": "예약 알림", "voicemail_reply": "음성메시지 답장",
               "followup": "안내 후속", "reply": "답장에 대한 회신", "test": "시험 발송"}
STATES_KO = {"queued": "대기", "sending": "보내는 중", "sent": "보냄", "delivered": "전달됨", "failed": "실패",
             "cancelled": "취소"}
REPLY_ACTIONS_KO = {None: "처리 전", "handling": "처리 중", "confirmed": "예약 확인함", "cancelled": "예약 취소함",
                    "callback": "처리할 일(변경 요청)", "opted_out": "수신거부 등록", "work_queue": "처리할 일로 보냄"}


def replies_of(patient_id: str | None = None, number: str | None = None, limit: int = SHOWN) -> list[inbox.Reply]:
    Reply: Any = inbox.Reply  # (peewee's stubs do not see the implicit id)
    query = Reply.select()
    if patient_id and number:
        query = query.where((Reply.patient_id == patient_id) | (Reply.phone == number))
    elif patient_id:
        query = query.where(Reply.patient_id == patient_id)
    elif number:
        query = query.where(Reply.phone == number)
    return list(query.order_by(Reply.id.desc()).limit(limit))


def for_call(ctx: Ctx, patient_id: str | None, number: str | None, subject: str) -> dict[str, Any]:
    """The texts to and from one caller (patient id and/or number), for the call page; access-logged."""
    canonical = phones.canonical(number)
    if not patient_id and not canonical:
        return {"messages": [], "replies": []}
    messages = outbox.for_patient(patient_id, canonical, limit=50)
    replies = replies_of(patient_id, canonical, limit=50)
    if messages or replies:
        ids = [m.patient_id for m in messages] + [r.patient_id for r in replies] + [patient_id]
        ctx.access("console.texts.patient", patient_ids=[i for i in ids if i], subject=subject,
                   count=len(messages) + len(replies))
    return {"messages": messages, "replies": replies}


def _render(ctx: Ctx, messages: list[outbox.Message], replies: list[inbox.Reply], criteria: dict[str, str],
            searched: bool) -> Response:
    ids = [m.patient_id for m in messages] + [r.patient_id for r in replies]
    ctx.access("console.texts.search" if searched else "console.texts.view", patient_ids=[i for i in ids if i],
               subject="texts", count=len(messages) + len(replies))
    try:
        gateway = smsconfig.gateway_name(ctx.config)
    except Exception:  # noqa: BLE001 - a bad setting: the Health page says which
        gateway = "invalid"
    return ctx.render("texts.html", page="texts", messages=messages, replies=replies, criteria=criteria,
                      searched=searched, gateway=gateway, purposes=PURPOSES_KO, states=STATES_KO,
                      actions=REPLY_ACTIONS_KO)


def _texts(ctx: Ctx) -> Response:
    Message: Any = outbox.Message  # (peewee's stubs do not see the implicit id)
    messages = list(Message.select().order_by(Message.id.desc()).limit(SHOWN))
    return _render(ctx, messages, replies_of(), {}, False)


def _search(ctx: Ctx) -> Response:
    criteria = {k: ctx.field(k)[:40] for k in ("number", "patient")}
    number = phones.canonical(criteria["number"]) if criteria["number"] else None
    if criteria["number"] and not number:
        return ctx.render("error.html", status_code=400, message="전화번호 형식이 맞지 않습니다 (예: 010-1234-5678).")
    patient_id = criteria["patient"] or None
    if not number and not patient_id:
        return _texts(ctx)
    return _render(ctx, outbox.for_patient(patient_id, number, limit=SHOWN), replies_of(patient_id, number),
                   criteria, True)


texts = page(_texts)
search = action(_search)
