"""``dentalcall chat``: the phone receptionist with text in place of audio.

The very dialog a call runs (``Receptionist``), on the configured EMR/CRM, or on a throwaway demo EMR and
CRM with ``--demo``. ``--campaign NAME [--patient ID]`` runs a campaign call instead (the same dialog the
dialer's calls run; you answer as the patient's phone, see :mod:`.chat_campaign`). Caller input: a line
of text is what the caller said; ``#5`` / ``#850312#`` / ``#*`` are keypad digits; an empty line is
silence; ``/bye`` (or end of input) hangs up.

``--script FILE`` (``-`` = stdin) reads one caller line per line and prints one JSON line per bot turn
``{"say": …, "state": …, "action": "listen"|"end", …}`` then a final ``{"summary": {…}}`` line with what landed
(booking, cancellation, callbacks, transfer, opt-out, questionnaire, SMS wish, and ``linked_patient``: the patient
whose identity the caller proved, whom a real call's row would be linked to).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterator

import click

from appliance.conversation.campaigns import CAMPAIGNS

DEMO_SEED = 7
DEMO_PATIENTS = 300


def parse_input(line: str | None) -> Any:
    from appliance.conversation.actions import Heard

    if line is None:
        return Heard(hung_up=True)
    text = line.rstrip("\n").strip()
    if text in ("/bye", "/hangup"):
        return Heard(hung_up=True)
    if not text or text in ("/silence", "(silence)"):
        return Heard(silence=True)
    if text.startswith("#") and len(text) > 1 and all(c in "0123456789*#" for c in text[1:]):
        digits = text[1:]
        if digits.endswith("#") and len(digits) > 1:
            digits = digits[:-1]
        return Heard(dtmf=digits)
    return Heard(text=text)


def render_says(actions: list[Any], clinic: str) -> str:
    from appliance.conversation.actions import Say
    from appliance.conversation.phrases import PHRASES

    parts = []
    for a in actions:
        if isinstance(a, Say):
            text = PHRASES[a.key].format(clinic=clinic) if a.key else (a.text or "").strip()
            if not a.key and text and text[-1] not in ".?!,":
                text += "."  # a read-back ("십이월 삼 일 …, 스케일링") is its own spoken sentence
            parts.append(text)
    return " ".join(p.strip() for p in parts if p.strip())


def run_dialog(dialog: Any, lines: Iterator[str | None], clinic: str, emit: Any) -> Any:
    """Drive ``dialog`` with caller lines; ``emit(turn_dict)`` per bot turn. Returns the End action."""
    from appliance.conversation.actions import End, Listen

    actions = dialog.start()
    while True:
        say = render_says(actions, clinic)
        last = actions[-1]
        if isinstance(last, End):
            emit({"say": say, "state": dialog.state, "action": "end", "next": last.next, "outcome": last.outcome,
                  "staff_summary": last.summary})
            return last
        if not isinstance(last, Listen):
            raise RuntimeError("dialog turn did not end with Listen or End")
        emit({"say": say, "state": dialog.state, "action": "listen", "expect": last.expect,
              "max_digits": last.max_digits})
        actions = dialog.on_input(parse_input(next(lines, None)))


def summary_of(dialog: Any, end: Any) -> dict[str, Any]:
    landed = dict(dialog.landed)
    return {"outcome": end.outcome, "next": end.next, "staff_summary": end.summary,
            "booking": landed.pop("booking", None), "cancellation": landed.pop("cancellation", None),
            "callbacks": landed.pop("callbacks", []), "transfer": landed.pop("transfer", None),
            "opt_out": landed.pop("opt_out", False), **landed,
            "events": [e.kind for e in dialog.events]}


def make_demo(workdir: Path, today: dt.date, emr_writes: bool) -> tuple[Any, str]:
    """A throwaway demo EMR (SQLite, seeded deterministically) and CRM in ``workdir``."""
    from appliance.data import crm
    from appliance.data.clinic import facts as factslib
    from appliance.data.emr import seed
    from appliance.data.emr.connector import EMR
    from appliance.conversation.backend import Backend

    emr_url = f"sqlite:///{workdir / 'demo-emr.sqlite'}"
    seed.seed_demo(emr_url, patients=DEMO_PATIENTS, seed=DEMO_SEED, today=today)
    crm.open_database(f"sqlite:///{workdir / 'demo-crm.sqlite'}")
    emr = EMR(emr_url, "reference", allow_writes=emr_writes)
    return Backend(factslib.load(factslib.EXAMPLE), emr=emr), seed.DEMO_FAMILY_PHONE


def _talk(dialog: Any, script: Any, clinic: str, summary: Any) -> None:
    """Run ``dialog`` on script lines (JSON out) or interactively; print what landed."""
    if script is not None:
        def emit(turn: dict) -> None:
            click.echo(json.dumps(turn, ensure_ascii=False))

        end = run_dialog(dialog, (line for line in script), clinic, emit)
        click.echo(json.dumps({"summary": summary(end)}, ensure_ascii=False, default=str))
        return
    click.echo("(한 줄씩 말하듯 입력하세요. #숫자 = 키패드, 빈 줄 = 침묵, /bye = 끊기)", err=True)

    def interactive() -> Iterator[str | None]:
        while True:
            try:
                yield input("나> ")
            except EOFError:
                yield None

    def show(turn: dict) -> None:
        click.echo(f"AI> {turn['say']}")
        if turn["action"] == "end":
            click.echo(f"[통화 종료: {turn['next']} / {turn['outcome']}]")

    end = run_dialog(dialog, interactive(), clinic, show)
    click.echo(json.dumps(summary(end), ensure_ascii=False, default=str, indent=1))


def _campaign(name: str, patient: str | None, backend: Any, config: Any, now: dt.datetime, script: Any,
              demo_day: dt.date | None) -> None:
    from appliance.commands import chat_campaign

    if backend.emr is None:
        raise click.ClickException("a campaign call needs an EMR: connect one (dentalcall emr connect) or use --demo")
    try:
        task = chat_campaign.build_task(name, backend.emr, patient, now)
    except LookupError as exc:
        raise click.ClickException(str(exc)) from exc
    if script is None:
        family = f"; the family phone's children have appointments on {demo_day}" if demo_day else ""
        click.echo(f"[campaign {name} ({task.kind}) to patient {task.patient_id}{family}]", err=True)
    before = chat_campaign.marks()
    dialog = chat_campaign.campaign_dialog(task, config=config, facts=backend.facts, emr=backend.emr, now=now)

    def summary(end: Any) -> dict[str, Any]:
        return {"campaign": name, "kind": task.kind, "patient_id": task.patient_id, "outcome": end.outcome,
                "next": end.next, "staff_summary": end.summary, "events": [e.kind for e in dialog.events],
                **chat_campaign.landed_since(task, before)}

    _talk(dialog, script, config.clinic_name, summary)


@click.command("chat")
@click.option("--caller", default=None, help="Caller's number (as the trunk would send it)")
@click.option("--now", "now_text", default=None, help="Pretend it is this time (ISO, e.g. 2026-11-23T10:00)")
@click.option("--demo", is_flag=True, help="Use a throwaway demo EMR and CRM (seeded with a fixed seed)")
@click.option("--emr-writes", is_flag=True, help="With --demo: book straight into the demo EMR (emr_booking=emr)")
@click.option("--campaign", "campaign", default=None, type=click.Choice(CAMPAIGNS),
              help="Run a campaign call instead (you answer as the patient's phone)")
@click.option("--patient", "patient", default=None, help="With --campaign: the patient (EMR id) the call is for")
@click.option("--script", "script", type=click.File("r", encoding="utf-8"), default=None,
              help="Caller lines from FILE ('-' = stdin); prints JSON lines")
@click.option("--keep", is_flag=True, help="With --demo: keep the demo folder and print where it is")
def chat(caller: str | None, now_text: str | None, demo: bool, emr_writes: bool, campaign: str | None,
         patient: str | None, script: Any, keep: bool) -> None:
    """Talk to the phone receptionist in text (the same dialog a call runs), or answer a campaign call."""
    from appliance import settings
    from appliance.conversation.receptionist import Receptionist

    config = settings.load()
    try:
        now = dt.datetime.fromisoformat(now_text) if now_text else None
    except ValueError as exc:
        raise click.BadParameter(f"{now_text!r} is not an ISO time like 2026-11-23T10:00", param_hint="--now") from exc
    clock = (lambda: now) if now is not None else dt.datetime.now
    workdir = None
    demo_day = None
    try:
        if demo:
            workdir = Path(tempfile.mkdtemp(prefix="dentalcall-chat-"))
            today = (now or dt.datetime.now()).date()
            backend, family = make_demo(workdir, today, emr_writes or campaign is not None)
            if campaign is not None:
                from appliance.commands.chat_campaign import add_demo_family_appointments

                demo_day = add_demo_family_appointments(backend.emr.url, today)
            elif script is None:
                click.echo(f"[demo EMR: {DEMO_PATIENTS} patients; family phone {family} has 3 patients]", err=True)
        else:
            from appliance.data import crm
            from appliance.conversation.backend import from_config

            crm.open_for(config)
            backend = from_config(config, lookup_budget=3.0)
        if campaign is not None:
            _campaign(campaign, patient, backend, config, now or dt.datetime.now(), script, demo_day)
        else:
            key = f"chat:{dt.datetime.now():%Y%m%d%H%M%S%f}"
            dialog = Receptionist(clinic_name=config.clinic_name, backend=backend, caller=caller, call_key=key,
                                  now=clock, recorded=bool(config.record_calls),
                                  can_say=lambda text: True)  # text: every sentence can be shown
            proven: list[str] = []  # the patient a call's row would be linked to (as the engine links it)
            dialog.on_patient_proven.append(proven.append)
            _talk(dialog, script, config.clinic_name,
                  lambda end: {**summary_of(dialog, end), "linked_patient": proven[0] if proven else None})
        if keep and workdir is not None:
            click.echo(f"[demo kept in {workdir}]", err=True)
    finally:
        if demo and workdir is not None and not keep:
            shutil.rmtree(workdir, ignore_errors=True)
