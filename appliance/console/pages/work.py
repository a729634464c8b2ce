"""The work queue page and its actions: done (with a note), approve / reject a booking request, call back,
and "show the number" for the staff role (a logged view)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from starlette.responses import Response

from appliance.console import actions, workqueue
from appliance.console.models import WORK_KINDS, log_action
from appliance.console.web import Ctx, action, page
from appliance.errors import ConfigError

_LOGGER = logging.getLogger(__name__)


def _item_path(ctx: Ctx) -> tuple[str, int] | None:
    kind = str(ctx.request.path_params.get("kind", ""))
    try:
        item_id = int(ctx.request.path_params.get("item_id", 0))
    except ValueError:
        return None
    return (kind, item_id) if kind in WORK_KINDS and item_id > 0 else None


def _items(ctx: Ctx) -> tuple[list[workqueue.WorkItem], dict[str, Any]]:
    items = workqueue.build()
    patients = ctx.state.patients.many(i.patient_id for i in items)
    return items, patients


def _revealed(ctx: Ctx) -> set[str]:
    return ctx.state.revealed.get(ctx.session.token_hash, set())


def live_fragment(ctx: Ctx) -> str:
    items, patients = _items(ctx)
    ctx.access("console.work.live", patient_ids=[i.patient_id for i in items], subject="work queue",
               count=len(items))
    return ctx.render_fragment("_work_items.html", items=items, patients=patients, revealed=_revealed(ctx),
                               version=ctx.state.hub.version["work"])


def _work(ctx: Ctx) -> Response:
    items, patients = _items(ctx)
    ctx.access("console.work.view", patient_ids=[i.patient_id for i in items], subject="work queue",
               count=len(items))
    flash = ctx.state.flash.pop(ctx.session.token_hash, None)
    return ctx.render("work.html", page="work", items=items, patients=patients, revealed=_revealed(ctx),
                      version=ctx.state.hub.version["work"], flash=flash)


def _finish(ctx: Ctx, outcome: actions.Outcome) -> Response:
    ctx.state.flash[ctx.session.token_hash] = outcome
    ctx.state.hub.poke()
    return ctx.see_other("/work")


def _done(ctx: Ctx) -> Response:
    target = _item_path(ctx)
    if target is None:
        return _finish(ctx, actions.Outcome(False, "잘못된 항목입니다."))
    return _finish(ctx, actions.mark_done(ctx.staff, *target, note=ctx.field("note")[:1000]))


def _approve(ctx: Ctx) -> Response:
    target = _item_path(ctx)
    if target is None or target[0] != "booking":
        return _finish(ctx, actions.Outcome(False, "예약 요청만 승인할 수 있습니다."))
    return _finish(ctx, actions.approve_booking(ctx.staff, target[1], ctx.field("note")[:1000], config=ctx.config,
                                                emr=ctx.state.patients.emr, facts=ctx.state.facts()))


def _reject(ctx: Ctx) -> Response:
    target = _item_path(ctx)
    if target is None or target[0] != "booking":
        return _finish(ctx, actions.Outcome(False, "예약 요청만 반려할 수 있습니다."))
    return _finish(ctx, actions.reject_booking(ctx.staff, target[1], ctx.field("note")[:1000]))


def _reveal(ctx: Ctx) -> Response:
    target = _item_path(ctx)
    row = actions.item_row(*target) if target else None
    if target is None or row is None:
        return _finish(ctx, actions.Outcome(False, "잘못된 항목입니다."))
    ctx.access("console.number.reveal", patient_ids=[getattr(row, "patient_id", None)],
               subject=f"{target[0]} {target[1]}")
    ctx.state.revealed.setdefault(ctx.session.token_hash, set()).add(f"{target[0]}-{target[1]}")
    return ctx.see_other(f"/work#{target[0]}-{target[1]}")


def _call_back(ctx: Ctx) -> Response:
    """Ring the staff member's own phone; when they pick up, Asterisk dials the patient."""
    from appliance.console.notify import originate

    target = _item_path(ctx)
    row = actions.item_row(*target) if target else None
    number = getattr(row, "phone", None) or getattr(row, "caller_number", None) if row is not None else None
    if target is None or row is None or not number:
        return _finish(ctx, actions.Outcome(False, "전화번호가 없는 항목입니다."))
    if not ctx.staff.extension:
        return _finish(ctx, actions.Outcome(False, "이 계정에 내선 번호가 없습니다. 관리자가 "
                                                   "`dentalcall staff extension 이름 201` 로 지정해 주세요."))
    try:
        originate.call_back_target(ctx.config, number)
    except ConfigError:
        return _finish(ctx, actions.Outcome(False, "외부 전화 회선(트렁크)이 설정되지 않아 걸 수 없습니다."))
    kind, item_id = target
    log_action(ctx.staff.actor, kind, item_id, "call_back", result=f"ringing {ctx.staff.extension}")
    facts = ctx.state.facts()
    clinic_number = str(ctx.config.outbound_callerid or (getattr(facts, "phone", "") if facts else ""))
    future = asyncio.run_coroutine_threadsafe(
        originate.call_back(ctx.config, ctx.staff.extension, number, clinic_number=clinic_number), ctx.state.loop)
    actor = ctx.staff.actor

    def _logged(done: Any) -> None:
        try:
            ok, text = done.result()
        except Exception as exc:  # AMI down: staff see it in the action log
            ok, text = False, f"{type(exc).__name__}"
        try:
            log_action(actor, kind, item_id, "call_back_result", result=("answered" if ok else text)[:64])
        except Exception:  # noqa: BLE001 - a closed DB at shutdown
            _LOGGER.warning("could not record a call-back result")

    future.add_done_callback(_logged)
    return _finish(ctx, actions.Outcome(True, f"내선 {ctx.staff.extension} 전화기가 울립니다. "
                                              "받으시면 환자분께 연결됩니다."))


work = page(_work)
done = action(_done)
approve = action(_approve)
reject = action(_reject)
reveal = action(_reveal)
call_back = action(_call_back)
