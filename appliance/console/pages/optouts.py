"""Opt-outs (수신거부) and consent withdrawals, entered by staff with a reason, and searchable.

A refusal said at the desk, sent by SMS or written on a form must land somewhere: here. Opt-outs are
forever (the law, and ``crm_records``: rows are never deleted), so this page adds and finds them; a patient
who wants calls again gives a new consent in the EMR, which the clinic records there.
"""

from __future__ import annotations

from starlette.responses import Response

from appliance.console.actions import Outcome
from appliance.console.models import log_action
from appliance.console.web import Ctx, action, page
from appliance.data import crm_records, phone as phones

SHOWN = 100
SOURCES = {"staff": "데스크(직접)", "sms": "문자", "call_speech": "전화(AI, 말로)", "call_dtmf": "전화(AI, 9번)",
           "import": "가져오기", "paper": "서면"}
SCOPES = crm_records.OPT_OUT_SCOPES  # 광고 / 전화 / 문자 / 전체
SCOPE_MEANS = {"ad": "광고·홍보 연락은 전화도 문자도 하지 않습니다",
               "calls": "전화는 하지 않습니다 (문자 안내는 보냅니다)",
               "texts": "문자는 보내지 않습니다 (전화 안내는 합니다)", "all": "전화도 문자도 하지 않습니다"}
"""What each scope stops, as staff read it (crm_records.refuses is the rule)."""
SCOPE_CHOICES = {key: f"{label}: {SCOPE_MEANS[key]}" for key, label in SCOPES.items()}


def _render(ctx: Ctx, rows: list, query: str = "") -> Response:
    ctx.access("console.optouts.search" if query else "console.optouts.view",
               patient_ids=[r.patient_id for r in rows], subject="opt-outs", count=len(rows))
    flash = ctx.state.flash.pop(ctx.session.token_hash, None)
    return ctx.render("optouts.html", page="optouts", rows=rows, query=query, sources=SOURCES, scopes=SCOPES,
                      scope_choices=SCOPE_CHOICES,
                      flash=flash, total=crm_records.OptOut.select().count())


def _optouts(ctx: Ctx) -> Response:
    rows = list(crm_records.OptOut.select().order_by(crm_records.OptOut.created_at.desc()).limit(SHOWN))
    return _render(ctx, rows)


def _search(ctx: Ctx) -> Response:
    query = ctx.field("query")[:40]
    OptOut = crm_records.OptOut
    found = OptOut.select()
    number = phones.canonical(query)
    if number:
        found = found.where((OptOut.phone == number) | (OptOut.patient_id == query))
    elif len(phones.digits(query)) >= 4:
        found = found.where(OptOut.phone.endswith(phones.digits(query)) | (OptOut.patient_id == query))
    elif query:
        found = found.where(OptOut.patient_id == query)
    return _render(ctx, list(found.order_by(OptOut.created_at.desc()).limit(SHOWN)), query or " ")


def _add(ctx: Ctx) -> Response:
    number, patient_id = ctx.field("phone"), ctx.field("patient_id")[:64] or None
    scope, source, reason = ctx.field("scope"), ctx.field("source"), ctx.field("reason")[:500]
    if scope not in SCOPES or source not in ("staff", "sms", "paper"):
        outcome = Outcome(False, "거부 범위와 접수 경로를 골라 주세요.")
    elif not reason:
        outcome = Outcome(False, "사유(어떻게 요청하셨는지)를 적어 주세요.")
    elif number and not phones.canonical(number):
        outcome = Outcome(False, "전화번호 형식이 맞지 않습니다 (예: 010-1234-5678).")
    elif not number and not patient_id:
        outcome = Outcome(False, "전화번호나 환자번호 중 하나는 꼭 적어 주세요.")
    else:
        row = crm_records.add_opt_out(number or None, patient_id=patient_id, source=source, scope=scope,
                                      note=f"{reason} (입력: {ctx.staff.label})")
        log_action(ctx.staff.actor, "opt_out", row.get_id() if row else "-", "add", result=f"{scope}/{source}",
                   note=reason)
        outcome = Outcome(True, f"수신거부({SCOPES[scope]})를 등록했습니다. {SCOPE_MEANS[scope]}.")
    ctx.state.flash[ctx.session.token_hash] = outcome
    return ctx.see_other("/optouts")


optouts = page(_optouts)
search = action(_search)
add = action(_add)
