"""Opt-outs (수신거부) and consent withdrawals, entered by staff with a reason, and searchable.

A refusal said at the desk, sent by SMS or written on a form must land somewhere: here. Opt-outs are
forever (the law, and ``crm_records``: rows are never deleted), so this page adds and finds them; a patient
who wants calls again gives a new consent in the EMR, which the clinic records there. What is queued for the
number or patient that the refusal stops (texts, campaign calls) is cancelled as it is stored (``opt_outs.record``).
"""

from __future__ import annotations

from starlette.responses import Response

from appliance.console.actions import Outcome
from appliance.console.models import log_action
from appliance.console.web import Ctx, action, page
from appliance.data import crm_records, opt_outs, phone as phones
from appliance.outbound.clock import clinic_clock

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
        done = opt_outs.record(number or None, patient_id, source=source, scope=scope,
                               note=f"{reason} (입력: {ctx.staff.label})",
                               now=clinic_clock(str(ctx.config.timezone))())
        log_action(ctx.staff.actor, "opt_out", done.row.get_id() if done.row else "-", "add",
                   result=f"{scope}/{source}", note=reason)
        outcome = Outcome(True, f"수신거부({SCOPES[scope]})를 등록했습니다. {SCOPE_MEANS[scope]}."
                          + _cancelled_text(done.cancelled))
    ctx.state.flash[ctx.session.token_hash] = outcome
    return ctx.see_other("/optouts")


def _cancelled_text(cancelled: dict[str, int]) -> str:
    """" 보내려던 문자 2건, 걸려던 전화 1건을 취소했습니다." (what the opt-out stopped), or nothing."""
    parts = [f"{what} {cancelled[channel]}건" for channel, what in (("text", "보내려던 문자"), ("call", "걸려던 전화"))
             if cancelled.get(channel)]
    return f" {', '.join(parts)}을 취소했습니다." if parts else ""


optouts = page(_optouts)
search = action(_search)
add = action(_add)
