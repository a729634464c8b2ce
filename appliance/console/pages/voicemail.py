"""Voicemail: each message with a player, its transcript, caller and patient match; mark handled.

The audio is streamed from Asterisk's spool (wherever the message has moved, by its ``msg_id``); listening
is a view of personal data and is written to the access log.
"""

from __future__ import annotations

from starlette.responses import FileResponse, Response

from appliance.console import actions
from appliance.console.models import WorkClosure
from appliance.console.web import Ctx, action, page
from appliance.voicemail import spool
from appliance.voicemail.store import Voicemail

SHOWN = 100


def _voicemail(ctx: Ctx) -> Response:
    rows = list(Voicemail.select().order_by(Voicemail.received_at.desc()).limit(SHOWN))
    closed = {c.item_id: c for c in WorkClosure.select().where(WorkClosure.kind == "voicemail",
                                                               WorkClosure.item_id.in_([r.id for r in rows] or [0]))}
    ctx.access("console.voicemail.view", patient_ids=[r.patient_id for r in rows], subject="voicemail list",
               count=len(rows))
    flash = ctx.state.flash.pop(ctx.session.token_hash, None)
    return ctx.render("voicemail.html", page="voicemail", rows=rows, closed=closed, flash=flash,
                      patients=ctx.state.patients.many(r.patient_id for r in rows))


def _audio(ctx: Ctx) -> Response:
    row = Voicemail.get_or_none(Voicemail.id == int(ctx.request.path_params["item_id"]))
    path = spool.find_audio(ctx.config, row.msg_id, row.audio_path, row.box) if row is not None else None
    if row is None or path is None:
        return ctx.render("error.html", status_code=404,
                          message="음성 파일을 찾을 수 없습니다 (삭제되었을 수 있습니다).")
    ctx.access("console.voicemail.listen", patient_ids=[row.patient_id], subject=f"voicemail {row.id}")
    return FileResponse(path, media_type="audio/wav", headers={"Cache-Control": "no-store"})


def _handled(ctx: Ctx) -> Response:
    outcome = actions.mark_done(ctx.staff, "voicemail", int(ctx.request.path_params["item_id"]),
                                note=ctx.field("note")[:1000])
    ctx.state.flash[ctx.session.token_hash] = outcome
    ctx.state.hub.poke()
    return ctx.see_other("/voicemail")


voicemail = page(_voicemail)
audio = page(_audio)
handled = action(_handled)
