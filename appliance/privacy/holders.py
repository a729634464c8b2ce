"""The core holders of personal data (see ``registry``): the CRM's tables and Asterisk's files.

Registered at import. Opt-outs and the access log are exported but never deleted (``kept_because``); every other
holder deletes the person's records and files. The EMR is not ours: its chart stays with the clinic (의료법 art. 22).
"""

from __future__ import annotations

import contextlib
import functools
import operator
from pathlib import Path
from typing import Any, Iterable

import peewee

from appliance.data import access_log, crm, crm_records
from appliance.privacy import asterisk_files
from appliance.privacy.registry import Holder, Subject, register


def _where(model: Any, subject: Subject, number_fields: Iterable[str]) -> Any:
    """Candidate rows: the patient id, or a number ending like one of the subject's (exact match in Python)."""
    conds = []
    if subject.patient_id is not None and hasattr(model, "patient_id"):
        conds.append(model.patient_id == subject.patient_id)
    for number in subject.phones:
        for field in number_fields:
            conds.append(getattr(model, field).endswith(number[-4:]))
    if not conds:
        return model.select().where(peewee.SQL("1 = 0"))
    return model.select().where(functools.reduce(operator.or_, conds))


def _rows(model: Any, subject: Subject, number_fields: tuple[str, ...]) -> list[Any]:
    return [row for row in _where(model, subject, number_fields)
            if subject.owns(getattr(row, "patient_id", None), *(getattr(row, f) for f in number_fields))]


def _as_dict(row: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {name: getattr(row, name) for name in row._meta.sorted_field_names if name not in skip}


# ---------------------------------------------------------------- calls: log, transcripts, recordings


def _calls(subject: Subject) -> list[crm.Call]:
    return _rows(crm.Call, subject, ("caller_number", "called_number"))


def export_calls(config: Any, subject: Subject) -> list[dict[str, Any]]:
    out = []
    for call in _calls(subject):
        data = _as_dict(call, skip=("channel", "error"))
        data["recording_path"] = Path(call.recording_path).name if call.recording_path else None
        data["turns"] = [_as_dict(t, skip=("call", "id", "audio_path"))
                         for t in call.turns.order_by(crm.Turn.seq)]
        out.append(data)
    return out


def recording_files(config: Any, subject: Subject) -> list[Path]:
    return [Path(c.recording_path) for c in _calls(subject) if c.recording_path]


def delete_calls(config: Any, subject: Subject) -> int:
    calls = _calls(subject)
    for call in calls:
        if call.recording_path:
            with contextlib.suppress(FileNotFoundError):
                Path(call.recording_path).unlink()
    ids = [c.id for c in calls]
    if ids:
        with crm.database.atomic():
            crm.Turn.delete().where(crm.Turn.call.in_(ids)).execute()
            crm.Call.delete().where(crm.Call.id.in_(ids)).execute()
    return len(ids)


register(Holder("calls", "call log rows, what was said (transcripts, summaries, questionnaire events) and the "
                "call recordings", export_calls, delete_calls, files=recording_files))


# ---------------------------------------------------------------- CRM records


def table_holder(name: str, what: str, model: Any, numbers: tuple[str, ...] = ("phone",),
                  kept_because: str = "") -> Holder:
    def export(config: Any, subject: Subject) -> list[dict[str, Any]]:
        return [_as_dict(row) for row in _rows(model, subject, numbers)]

    def delete(config: Any, subject: Subject) -> int:
        ids = [row.id for row in _rows(model, subject, numbers)]
        return model.delete().where(model.id.in_(ids)).execute() if ids else 0

    return Holder(name, what, export, None if kept_because else delete, kept_because=kept_because)


register(table_holder("callbacks", "call-back requests for staff", crm_records.Callback))
register(table_holder("booking_requests", "bookings and booking requests made by calls", crm_records.BookingRequest))
register(table_holder("staff_notes", "notes for staff, including the AI's health questionnaire answers (문진)",
                       crm_records.StaffNote))
register(table_holder(
    "opt_outs", "refusals of advertising calls (수신거부)", crm_records.OptOut,
    kept_because="the refusal must be obeyed for good (정보통신망법 art. 50; kept to comply with that duty, "
                 "개인정보보호법 art. 15(1)2): deleting it would let the appliance call again; only the number, "
                 "patient id, date and source are kept"))


# ---------------------------------------------------------------- outbound dial tasks


def _task_models() -> tuple[Any, Any] | None:
    try:
        from appliance.outbound import queue
    except ImportError:
        return None
    return queue.Task, queue.DialAttempt


def export_tasks(config: Any, subject: Subject) -> list[dict[str, Any]]:
    models = _task_models()
    if models is None:
        return []
    task_model, attempt_model = models
    out = []
    for task in _rows(task_model, subject, ("phone",)):
        data = _as_dict(task)
        data["attempts"] = [_as_dict(a, skip=("task",)) for a in
                            attempt_model.select().where(attempt_model.task == task.id).order_by(attempt_model.seq)]
        out.append(data)
    return out


def delete_tasks(config: Any, subject: Subject) -> int:
    models = _task_models()
    if models is None:
        return 0
    task_model, attempt_model = models
    ids = [t.id for t in _rows(task_model, subject, ("phone",))]
    if ids:
        with crm.database.atomic():
            attempt_model.delete().where(attempt_model.task.in_(ids)).execute()
            task_model.delete().where(task_model.id.in_(ids)).execute()
    return len(ids)


register(Holder("dial_tasks", "campaign calls planned or made to the person (reason, attempts, outcome)",
                export_tasks, delete_tasks))


# ---------------------------------------------------------------- the access log (kept)


def export_access(config: Any, subject: Subject) -> list[dict[str, Any]]:
    if subject.patient_id is None:
        return []
    rows = access_log.AccessEntry.select().where(access_log.AccessEntry.patient_id == subject.patient_id)
    return [_as_dict(r) for r in rows.order_by(access_log.AccessEntry.at)]


register(Holder("access_log", "who viewed or exported the person's data, when and why", export_access,
                kept_because="the access log is a required safeguard kept at least two years (개인정보의 안전성 "
                             "확보조치 기준 art. 8); it holds who looked, never health data"))


# ---------------------------------------------------------------- Asterisk: voicemail and CDR


def _voicemails(config: Any, subject: Subject) -> list[tuple[Path, dict[str, str]]]:
    return [(txt, info) for txt, info in asterisk_files.voicemail_messages(config)
            if subject.has_number(asterisk_files.voicemail_number(info))]


def export_voicemail(config: Any, subject: Subject) -> list[dict[str, Any]]:
    return [{"message": f"{txt.parent.parent.name}/{txt.parent.name}/{txt.stem}", **info}
            for txt, info in _voicemails(config, subject)]


def voicemail_audio(config: Any, subject: Subject) -> list[Path]:
    return [p for txt, _ in _voicemails(config, subject) for p in asterisk_files.voicemail_files(txt)
            if p.suffix != ".txt"]


def delete_voicemail(config: Any, subject: Subject) -> int:
    return sum(asterisk_files.delete_voicemail(txt) for txt, _ in _voicemails(config, subject))


register(Holder("voicemail", "voicemail messages left from the person's number", export_voicemail, delete_voicemail,
                files=voicemail_audio))


def _cdr_match(subject: Subject) -> Any:
    def match(fields: list[str]) -> bool:
        src = fields[1] if len(fields) > 1 else ""
        dst = fields[2] if len(fields) > 2 else ""
        clid = asterisk_files.voicemail_number({"callerid": fields[4]}) if len(fields) > 4 else ""
        return any(subject.has_number(n) for n in (src, dst, clid))

    return match


register(Holder("cdr", "Asterisk's call records (number, time, duration) of the person's calls",
                lambda config, subject: asterisk_files.cdr_lines(config, _cdr_match(subject)),
                lambda config, subject: asterisk_files.drop_cdr_lines(config, _cdr_match(subject))))
