"""Calls: search by day, number, patient and outcome; one call with every turn (what was heard and said),
per-turn latency and the recording. Searches are POSTed so numbers never appear in a URL or a server log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable

from peewee import SQL, fn
from starlette.responses import FileResponse, Response

from appliance.console.formatting import OUTCOMES_KO, clinic_today, local_day_bounds
from appliance.console.models import LAST4_CALLED_SQL, LAST4_SQL
from appliance.console.pages import texts
from appliance.console.web import Ctx, action, page
from appliance.console.workqueue import meta_of
from appliance.data import phone as phones
from appliance.data.crm import Call, Turn

SHOWN = 100


def _with_turn_counts(calls: list[Call]) -> dict[int, int]:
    ids = [c.id for c in calls]
    if not ids:
        return {}
    counts: Iterable[tuple[int, int]] = Turn.select(Turn.call, fn.COUNT(Turn.id)).where(Turn.call.in_(ids)).group_by(
        Turn.call).tuples()  # type: ignore[assignment]  # (peewee's stubs type .tuples() as the model)
    return dict(counts)


def _render(ctx: Ctx, calls: list[Call], criteria: dict[str, str], searched: bool) -> Response:
    ctx.access("console.calls.search" if searched else "console.calls.view",
               patient_ids=[c.patient_id for c in calls], subject="call list", count=len(calls))
    return ctx.render("calls.html", page="calls", calls=calls, criteria=criteria, searched=searched,
                      outcomes=OUTCOMES_KO, turns=_with_turn_counts(calls),
                      patients=ctx.state.patients.many(c.patient_id for c in calls))


def _calls(ctx: Ctx) -> Response:
    calls = list(Call.select().order_by(Call.started_at.desc(), Call.id.desc()).limit(SHOWN))
    return _render(ctx, calls, {"day": clinic_today(str(ctx.config.timezone)).isoformat()}, False)


def _search(ctx: Ctx) -> Response:
    criteria = {k: ctx.field(k)[:40] for k in ("day", "number", "patient", "outcome", "direction")}
    query = Call.select()
    zone = str(ctx.config.timezone)
    if criteria["day"]:
        try:
            start, end = local_day_bounds(dt.date.fromisoformat(criteria["day"]), zone)
        except ValueError:
            return ctx.render("error.html", status_code=400, message="날짜는 2026-11-23 형식으로 입력해 주세요.")
        query = query.where(Call.started_at >= start, Call.started_at < end)
    if criteria["number"]:
        spellings = phones.variants(criteria["number"])
        digits = phones.digits(criteria["number"])
        if spellings:
            query = query.where(Call.caller_number.in_(spellings) | Call.called_number.in_(spellings))
        elif len(digits) >= 4:  # the last digits, as staff often remember them (an index lookup on the last 4)
            query = query.where(((SQL(LAST4_SQL) == digits[-4:]) & Call.caller_number.endswith(digits))
                                | ((SQL(LAST4_CALLED_SQL) == digits[-4:]) & Call.called_number.endswith(digits)))
        else:
            return ctx.render("error.html", status_code=400, message="전화번호는 4자리 이상 입력해 주세요.")
    if criteria["patient"]:
        query = query.where(Call.patient_id == criteria["patient"])
    if criteria["outcome"]:
        query = query.where(Call.outcome.is_null() if criteria["outcome"] == "in_progress"
                            else Call.outcome == criteria["outcome"])
    if criteria["direction"] in ("inbound", "outbound"):
        query = query.where(Call.direction == criteria["direction"])
    calls = list(query.order_by(Call.started_at.desc(), Call.id.desc()).limit(SHOWN))
    return _render(ctx, calls, criteria, True)


def _call(ctx: Ctx) -> Response:
    call = Call.get_or_none(Call.id == int(ctx.request.path_params["call_id"]))
    if call is None:
        return ctx.render("error.html", status_code=404, message="그 통화 기록이 없습니다.")
    turns = list(Turn.select().where(Turn.call == call.id).order_by(Turn.seq))
    ctx.access("console.call.view", patient_ids=[call.patient_id], subject=f"call {call.id}", count=1)
    number = call.caller_number if call.direction == "inbound" else call.called_number
    sms = texts.for_call(ctx, call.patient_id, number, f"call {call.id} (texts)")
    meta = meta_of(call)
    events = [e for e in meta.get("events") or [] if isinstance(e, dict)]
    return ctx.render("call.html", page="calls", call=call, turns=turns, events=events,
                      summary=meta.get("summary") or "", has_recording=_recording(ctx, call) is not None,
                      patient=ctx.state.patients.get(call.patient_id), sms=sms, purposes=texts.PURPOSES_KO,
                      states=texts.STATES_KO, actions=texts.REPLY_ACTIONS_KO)


def _recording(ctx: Ctx, call: Call) -> Path | None:
    """The call's recording, only from this instance's recordings folder."""
    if not call.recording_path:
        return None
    root = Path(ctx.config.recordings_dir).resolve()
    for suffix in ("", ".wav"):
        path = Path(call.recording_path + suffix).resolve()
        if path.is_file() and root in path.parents:
            return path
    return None


def _recording_file(ctx: Ctx) -> Response:
    call = Call.get_or_none(Call.id == int(ctx.request.path_params["call_id"]))
    path = _recording(ctx, call) if call is not None else None
    if call is None or path is None:
        return ctx.render("error.html", status_code=404,
                          message="녹음 파일이 없습니다 (보관 기간이 지났을 수 있습니다).")
    ctx.access("console.call.recording", patient_ids=[call.patient_id], subject=f"call {call.id}")
    return FileResponse(path, media_type="audio/wav", headers={"Cache-Control": "no-store"})


calls = page(_calls, calls=True)
search = action(_search, calls=True)
call = page(_call, calls=True)
recording = page(_recording_file, calls=True)
