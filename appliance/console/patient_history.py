"""One patient's contact with the clinic, gathered for the patient page (``pages/patient.py``).

Everything is found by the patient id a proven identity put on the rows (``Call.patient_id`` and the items made in
those calls), never by a shared phone alone: a family's other patients stay off the page. The exceptions are the
refusals (수신거부): an opt-out of one of the patient's numbers stops calls and texts to that number whoever is
on it, so it is shown (without the other person's id), exactly as ``crm_records.is_opted_out`` counts it; and the
texts sent to one of the patient's numbers with no patient id at all (a text to a number only: it reached whoever
holds the phone), never a text carrying another patient's id.

The consent grid says, per channel (전화, 문자) and purpose (광고, 진료 안내), whether the clinic may contact the
patient now and why not: an opt-out (with its date and source), or for adverts the EMR's marketing consent as the
dialer (``outbound.consent``) and the text sender (``sms.law``) check it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import re
from typing import Any

from appliance.console import workqueue
from appliance.console.pages import texts
from appliance.data import crm_records, phone as phones
from appliance.data.crm import Call, of_person
from appliance.outbound import campaigns as camps
from appliance.outbound import queue
from appliance.outbound.consent import ad_consent_problem
from appliance.sms import law, outbox

SHOWN = 100
PHONE_LIKE = re.compile(r"\+?[0-9][0-9 .()-]*")
CHANNELS = (("call", "전화"), ("text", "문자"))
PURPOSES = (("ad", "광고·홍보"), ("care", "진료 안내 (예약 확인·알림)"))
TASK_STATES_KO = {queue.QUEUED: "대기", queue.DIALING: "거는 중", queue.DONE: "끝남", queue.EXPIRED: "기한 지남",
                  queue.CANCELLED: "취소"}
ATTEMPTS_KO = {queue.FINISHED: "통화함", queue.BUSY: "통화 중", queue.NO_ANSWER: "받지 않음",
               queue.UNREACHABLE: "연결 안 됨", queue.MACHINE: "자동응답", queue.LOST: "끊김"}


@dataclasses.dataclass
class Permission:
    """May the clinic contact the patient on ``channel`` for ``purpose``; ``why`` in Korean for staff."""

    channel: str
    purpose: str
    allowed: bool | None  # None: cannot tell (the EMR did not answer)
    why: str
    refusal: crm_records.OptOut | None = None  # the newest opt-out in force


@dataclasses.dataclass
class CampaignContact:
    """A campaign task that targeted the patient and its last dial."""

    task: Any  # queue.Task
    title: str
    last: Any = None  # queue.DialAttempt


@dataclasses.dataclass
class History:
    patient_id: str
    patient: Any  # the EMR's Patient, or None
    emr_problem: str | None  # no_emr | emr_down | None
    phones: list[str]
    calls: list[Call]
    messages: list[outbox.Message]
    replies: list[Any]
    work: list[workqueue.WorkItem]
    voicemails: list[Any]
    optouts: list[crm_records.OptOut]
    permissions: list[Permission]
    campaigns: list[CampaignContact]

    @property
    def open_work(self) -> list[workqueue.WorkItem]:
        return [w for w in self.work if w.extra.get("open")]

    @property
    def done_work(self) -> list[workqueue.WorkItem]:
        return [w for w in self.work if not w.extra.get("open")]

    @property
    def count(self) -> int:
        return (len(self.calls) + len(self.messages) + len(self.replies) + len(self.work) + len(self.voicemails)
                + len(self.optouts) + len(self.campaigns))


def linked_calls(patient_id: str, limit: int = SHOWN) -> list[Call]:
    """The calls a proven identity linked to the patient, newest first."""
    return list(Call.select().where(Call.patient_id == str(patient_id))
                .order_by(Call.started_at.desc(), Call.id.desc()).limit(limit))


def refusals(patient_id: str, numbers: list[str]) -> list[crm_records.OptOut]:
    """Opt-outs of the patient or of one of their numbers (the rows ``is_opted_out`` counts), newest first."""
    OptOut = crm_records.OptOut
    conds = [of_person(OptOut, n, None) for n in numbers] + [of_person(OptOut, None, patient_id)]
    cond = functools.reduce(operator.or_, [c for c in conds if c is not None])
    return list(OptOut.select().where(cond).order_by(OptOut.created_at.desc(), OptOut.id.desc()))


def permissions(patient: Any, emr_problem: str | None, optouts: list[crm_records.OptOut],
                today: dt.date) -> list[Permission]:
    """The consent grid: per channel and purpose, allowed or not and why."""
    out = []
    for channel, _ in CHANNELS:
        for purpose, _ in PURPOSES:
            # the rule of crm_records.is_opted_out: "ad" stops adverts; "calls"/"texts" that channel; "all" both
            refused = [o for o in optouts if crm_records.refuses(o.scope, channel, purpose == "ad")]
            if refused:
                scope = crm_records.OPT_OUT_SCOPES.get(refused[0].scope, refused[0].scope)
                out.append(Permission(channel, purpose, False, f"수신거부({scope})", refused[0]))
            elif purpose == "care":
                out.append(Permission(channel, purpose, True, "가능"))
            elif patient is None:
                out.append(Permission(channel, purpose, None, "EMR 연결 안 됨: 동의 확인 불가" if emr_problem
                                      else "EMR에 없는 환자: 동의 확인 불가"))
            else:
                problem = (ad_consent_problem(patient, today) if channel == "call" else
                           law.consent_problem(bool(patient.marketing_consent), patient.marketing_consent_date,
                                               today))
                out.append(Permission(channel, purpose, problem is None, _consent_text(patient, problem)))
    return out


def _consent_text(patient: Any, problem: str | None) -> str:
    day = patient.marketing_consent_date
    return {None: f"동의 ({day:%Y-%m-%d})" if day else "동의",
            "no_consent": "광고 수신 동의 없음", "consent_undated": "동의 날짜 없음",
            "consent_expired": f"동의 2년 지남 ({day:%Y-%m-%d})" if day else "동의 2년 지남",
            "minor_without_guardian_consent": "만 14세 미만: 보호자 동의 없음"}.get(problem, problem or "")


def campaign_contacts(patient_id: str, numbers: list[str], limit: int = SHOWN) -> list[CampaignContact]:
    """The campaign tasks that targeted the patient, newest first, each with its last dial: their own, and a
    reminder on their number that also carries their appointment (one call a day per phone, ``queue.history_item``)."""
    Task: Any = queue.Task  # (peewee's stubs do not see the implicit id)
    cond = Task.patient_id == str(patient_id)
    if numbers:
        cond = cond | Task.phone.in_(numbers)
    rows = Task.select().where(cond).order_by(Task.created_at.desc(), Task.id.desc()).limit(limit)
    tasks = [t for t in rows if str(patient_id) in queue.history_item(t).patients]
    last: dict[int, Any] = {}
    if tasks:
        Attempt: Any = queue.DialAttempt
        for attempt in Attempt.select().where(Attempt.task.in_([t.id for t in tasks])).order_by(Attempt.seq):
            last[attempt.task_id] = attempt
    out = []
    for t in tasks:
        try:
            title = camps.get(t.campaign).title
        except Exception:  # noqa: BLE001 - a campaign retired since: its name
            title = t.campaign
        out.append(CampaignContact(t, title, last.get(t.id)))
    return out


def gather(patient_id: str, directory: Any, today: dt.date) -> History:
    """Everything the CRM knows of the patient's contact with the clinic, and the EMR's name and numbers
    (``directory``: the console's ``PatientDirectory``; the EMR down still gives the CRM's part)."""
    patient, problem = directory.one(patient_id)
    numbers = [n for n in (phones.canonical(p) for p in (getattr(patient, "phones", None) or [])) if n]
    calls = linked_calls(patient_id)
    call_ids = [c.id for c in calls]
    optouts = refusals(patient_id, numbers)
    return History(patient_id=patient_id, patient=patient, emr_problem=problem, phones=numbers, calls=calls,
                   messages=outbox.of_patient(patient_id, numbers, limit=SHOWN),
                   replies=texts.replies_of(patient_id, None, limit=SHOWN),
                   work=workqueue.of_patient(patient_id, call_ids),
                   voicemails=workqueue.voicemails_of(patient_id, call_ids),
                   optouts=optouts, permissions=permissions(patient, problem, optouts, today),
                   campaigns=campaign_contacts(patient_id, numbers))


def known_in_crm(patient_id: str) -> bool:
    """Does the CRM hold anything of this patient id (for a search while the EMR cannot tell)?"""
    Task: Any = queue.Task
    models = (Call, crm_records.Callback, crm_records.BookingRequest, crm_records.StaffNote, crm_records.OptOut,
              outbox.Message, Task)
    return any(m.select().where(m.patient_id == str(patient_id)).exists() for m in models)


def find(query: str, directory: Any) -> tuple[list[str], str | None]:
    """Patient ids for a search by 환자번호 or phone number (exact), and the EMR's problem if it could not help.

    A number finds the EMR's patients on it and the patients proven on calls from it (a family phone: several);
    anything else is a 환자번호, found when the EMR or the CRM knows it."""
    query = query.strip()
    if PHONE_LIKE.fullmatch(query) and len(phones.digits(query)) >= 9:
        number = phones.canonical(query)
        if not number:
            return [], None
        found, problem = directory.by_phone(number)
        ids = [str(p.id) for p in found]
        spellings = phones.variants(number)
        linked = (Call.select(Call.patient_id).distinct()
                  .where(Call.patient_id.is_null(False), Call.caller_number.in_(spellings)
                         | Call.called_number.in_(spellings)))
        return ids + sorted({str(c.patient_id) for c in linked} - set(ids)), problem
    if not query:
        return [], None
    patient, problem = directory.one(query)
    return ([query] if patient is not None or known_in_crm(query) else []), problem
