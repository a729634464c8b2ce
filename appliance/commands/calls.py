"""``dentalcall calls``: the recent call log, and one call's turns with their timings.

Both show personal data (numbers, masked; patient ids; what was said): each view is written to the access log
(``appliance.data.access_log``) before anything is printed.
"""

from __future__ import annotations

import json

import click

from appliance import settings
from appliance.data import access_log, crm
from appliance.data.calllog import duration_s, mask_number, recent_calls


def _open() -> None:
    crm.open_for(settings.load())


@click.group(invoke_without_command=True)
@click.option("-n", "--limit", default=20, show_default=True, help="How many calls")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line")
@click.pass_context
def calls(ctx: click.Context, limit: int, as_json: bool) -> None:
    """Recent calls (numbers masked), newest first. `calls show ID` for the turns."""
    if ctx.invoked_subcommand:
        return
    _open()
    rows = recent_calls(limit)
    _log_list_view(rows)
    if as_json:
        for call in rows:
            click.echo(json.dumps(_call_dict(call), ensure_ascii=False, default=str))
        return
    if not rows:
        click.echo("no calls yet")
        return
    click.echo(f"{'id':>5}  {'started (UTC)':19}  {'dir':8}  {'caller':14}  {'secs':>5}  {'turns':>5}  outcome -> next")
    for call in rows:
        secs = duration_s(call)
        click.echo(
            f"{call.id:>5}  {call.started_at:%Y-%m-%d %H:%M:%S}  {call.direction:8}  "
            f"{mask_number(call.caller_number):14}  {secs if secs is None else round(secs):>5}  "
            f"{call.turns.count():>5}  {call.outcome or 'in progress'} -> {call.next_step or '-'}"
        )


def _log_list_view(rows: list[crm.Call]) -> None:
    """One access-log row per patient whose calls are listed; unidentified callers counted in one row."""
    if not rows:
        return
    known = sorted({str(c.patient_id) for c in rows if c.patient_id})
    subject = f"call list ({len(rows)} calls)"
    if known:
        access_log.record("calls.list", patient_ids=known, subject=subject)
    unknown = sum(1 for c in rows if not c.patient_id)
    if unknown:
        access_log.record("calls.list", subject=subject + ", callers not identified", count=unknown)


def _call_dict(call: crm.Call) -> dict:
    return {
        "id": call.id, "direction": call.direction, "started_at": call.started_at, "ended_at": call.ended_at,
        "caller": mask_number(call.caller_number), "outcome": call.outcome, "next": call.next_step,
        "patient_id": call.patient_id, "campaign": call.campaign, "error": call.error,
        "turns": call.turns.count(),
    }


@calls.command("show")
@click.argument("call_id", type=int)
@click.option("--json", "as_json", is_flag=True)
def show(call_id: int, as_json: bool) -> None:
    """One call: who said what, and per turn end-of-speech → STT → decision → first audio (ms)."""
    _open()
    call = crm.Call.get_or_none(crm.Call.id == call_id)
    if call is None:
        raise click.ClickException(f"no call with id {call_id}; see `dentalcall calls`")
    turns = list(call.turns.order_by(crm.Turn.seq))
    access_log.record("calls.show", patient_id=call.patient_id, subject=f"call {call.id} (transcript)")
    if as_json:
        data = _call_dict(call)
        data["turns"] = [
            {k: getattr(t, k) for k in ("seq", "speaker", "text", "t_speech_end", "t_stt_final", "t_decision",
                                        "t_first_tts", "t_first_audio", "latency_ms", "meta")}
            for t in turns
        ]
        click.echo(json.dumps(data, ensure_ascii=False, default=str, indent=2))
        return
    click.echo(f"call {call.id}  {call.direction}  {mask_number(call.caller_number)}  "
               f"outcome={call.outcome} next={call.next_step}")
    if call.error:
        click.echo(f"error: {call.error}")
    for t in turns:
        stages = " ".join(
            f"{name}={getattr(t, attr)}" for name, attr in (
                ("speech_end", "t_speech_end"), ("stt", "t_stt_final"), ("decision", "t_decision"),
                ("tts", "t_first_tts"), ("audio", "t_first_audio"), ("latency", "latency_ms"))
            if getattr(t, attr) is not None
        )
        who = "BOT   " if t.speaker == "bot" else "CALLER"
        click.echo(f"  {t.seq:>2} {who} {t.text or _describe(t.meta)}   [{stages}]")


def _describe(meta: dict | None) -> str:
    meta = meta or {}
    if meta.get("silence"):
        return "(silence)"
    if "dtmf" in meta:
        return f"(keypad {meta['dtmf']})"
    return "(nothing)"
