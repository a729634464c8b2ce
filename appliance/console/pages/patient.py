"""A patient's page (환자): what we know of their contact with the clinic, on one page — the EMR's name and
numbers, linked calls, texts, open and finished work items, voicemails, consent and opt-outs per channel and
purpose, and the campaigns that targeted them (``patient_history``). And a search by 환자번호 or phone number.

Whoever may see calls may see it (``Staff.sees_calls``). Every view is one line in the access log, with the
patient id; a search that finds nobody is logged too, without what was typed (it may be a phone number). The
search form is POSTed so a number never lands in a URL; ``GET /patients?q=`` works as well (a link, a bookmark
of a 환자번호), and the console's request log never shows a query string (``server.RedactedRequests``).
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import Response

from appliance.console import patient_history
from appliance.console.formatting import clinic_today
from appliance.console.pages import optouts, texts
from appliance.console.web import Ctx, action, page

EMR_PROBLEMS_KO = {"no_emr": "EMR이 연결되어 있지 않아 이름과 번호를 보여 드릴 수 없습니다.",
                   "emr_down": "EMR에 연결할 수 없어 이름과 번호, 광고 동의를 확인하지 못했습니다. "
                               "아래는 DentalCall에 남은 기록입니다."}


def _patient(ctx: Ctx) -> Response:
    patient_id = str(ctx.request.path_params["patient_id"]).strip()[:64]
    history = patient_history.gather(patient_id, ctx.state.patients, clinic_today(str(ctx.config.timezone)))
    if history.patient is None and history.emr_problem is None and not history.count:
        ctx.access("console.patient.view", subject="patient page: unknown id", count=0)
        return ctx.render("error.html", status_code=404, message="그런 환자번호가 없습니다.")
    ctx.access("console.patient.view", patient_ids=[patient_id], subject="patient page", count=1)
    return ctx.render("patient.html", page="patients", h=history,
                      emr_note=EMR_PROBLEMS_KO.get(history.emr_problem or ""),
                      channels=dict(patient_history.CHANNELS), purposes=dict(patient_history.PURPOSES),
                      sources=optouts.SOURCES, scopes=optouts.SCOPES, sms_purposes=texts.PURPOSES_KO,
                      sms_states=texts.STATES_KO, reply_actions=texts.REPLY_ACTIONS_KO,
                      task_states=patient_history.TASK_STATES_KO, attempts=patient_history.ATTEMPTS_KO)


def _search(ctx: Ctx, query: str) -> Response:
    query = query.strip()[:40]
    if not query:
        return ctx.render("patients.html", page="patients", query="", found=None, patients={})
    ids, problem = patient_history.find(query, ctx.state.patients)
    if len(ids) == 1:
        return ctx.see_other(f"/patients/{quote(ids[0], safe='')}")
    ctx.access("console.patients.search", patient_ids=ids, subject="patient search", count=len(ids))
    return ctx.render("patients.html", page="patients", query=query, found=ids, patients=ctx.state.patients.many(ids),
                      emr_note=EMR_PROBLEMS_KO.get(problem or ""))


def _search_get(ctx: Ctx) -> Response:
    return _search(ctx, ctx.request.query_params.get("q", ""))


def _search_post(ctx: Ctx) -> Response:
    return _search(ctx, ctx.field("q"))


patient = page(_patient, calls=True)
search = page(_search_get, calls=True)
search_post = action(_search_post, calls=True)
