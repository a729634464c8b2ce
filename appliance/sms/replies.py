"""What a patient's text reply does (MO), with the same data-layer functions the reminder call uses.

* "1" / "네" / "예" / "확인" confirms the next appointment (a reminder call still queued for it is closed
  as confirmed, so nobody rings a patient who already answered);
* "2" / "취소" cancels it through ``booking.cancel`` (in the EMR when writes are on, else a cancellation
  request staff carry out);
* "변경" becomes a callback for staff; "거부" / "수신거부" records the opt-out forever (advertising only when
  it answers an advert, otherwise every text and call), a refusal in other words ("문자 그만 보내세요", "전화는
  하지 마시고 문자로만 주세요") the scope those words name (:func:`opt_out_scope`), and what is queued that the
  scope refuses is cancelled at once (``opt_outs.record``);
* anything else goes to the staff work queue (a callback carrying the text).

Every action is keyed by the reply's id, so a reply handled again after a crash acts once.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

from appliance.data import crm_records, opt_outs
from appliance.language.channels_and_consent import opt_out_scope as scope_of_words
from appliance.language.understanding import understand
from appliance.sms import inbox, outbox, texts

_LOGGER = logging.getLogger(__name__)
ANSWER_WINDOW_DAYS = 14
HANDLING = "handling"  # claimed; a crash leaves it, and ``inbox.release_stale`` hands it back
CONFIRM = {"1", "네", "예", "확인", "네확인", "확인했습니다", "네알겠습니다", "갈게요", "네갈게요"}
CANCEL = {"2", "취소", "취소요", "취소해주세요", "취소할게요", "취소합니다", "예약취소"}
CHANGE = {"변경", "변경요", "변경해주세요", "예약변경", "3"}
OPTOUT = {"거부", "수신거부"}
REPLY_TEMPLATES = {"ad": "reply_optout", "calls": "reply_optout_calls", "texts": "reply_optout_texts",
                   "all": "reply_optout_all"}
"""The answer to a refusal, by the scope stored (what was stored is what the patient reads)."""


def _word(text: str) -> str:
    return re.sub(r"[\s.!~,?ㅡ\-]+", "", text or "")


def _bare_refusal(text: str) -> bool:
    """"거부", "수신거부", "080… 수신거부": the words of a refusal texted back to an advert's notice."""
    word = _word(text)
    return word in OPTOUT or "수신거부" in word or word.endswith("거부")


def _refuses_contact(text: str) -> bool:
    """A refusal in the patient's own words ("문자 그만 보내세요"), read by the rules a call's words are read by (the
    statistical model never decides an opt-out)."""
    return understand(text, dt.datetime.now(), statistical=False).intent == "opt_out"


def classify(text: str) -> str:
    """confirm | cancel | change | optout | other."""
    word = _word(text)
    if word in CONFIRM:
        return "confirm"
    if word in CANCEL:
        return "cancel"
    if word in CHANGE:
        return "change"
    if _bare_refusal(text) or _refuses_contact(text):
        return "optout"
    return "other"


def _patient_id(reply: inbox.Reply, answered: outbox.Message | None, emr: Any) -> str | None:
    if answered is not None and answered.patient_id:
        return answered.patient_id
    if emr is None:
        return None
    try:
        found = [p for p in emr.find_patients_by_phone(reply.phone) if p.status == "active"]
    except Exception:
        _LOGGER.warning("sms reply %s: EMR lookup failed", reply.id)
        return None
    return found[0].id if len(found) == 1 else None  # a shared family phone: staff decide


def _next_appointment(patient_id: str | None, answered: outbox.Message | None, emr: Any, now: dt.datetime) -> Any:
    from appliance.data.emr.model import Appointment

    if patient_id and emr is not None:
        try:
            upcoming = emr.upcoming_appointments(patient_id, now)
            return min(upcoming, key=lambda a: a.start) if upcoming else None
        except Exception:
            _LOGGER.warning("sms reply: EMR unavailable, using the appointment the text was about")
    appt = ((answered.meta or {}) if answered is not None else {}).get("appointment") or {}
    if not appt.get("start"):
        return None
    start = dt.datetime.fromisoformat(appt["start"])
    if start <= now:
        return None
    return Appointment(id=appt.get("id"), patient_id=patient_id, start=start, treatment=appt.get("treatment"))


def _close_reminder_calls(patient_id: str | None, start: dt.datetime, now: dt.datetime, outcome: str) -> None:
    """A reminder call still queued for this appointment is not needed any more."""
    if not patient_id:
        return
    from appliance.outbound import queue

    for task in queue.Task.select().where(queue.Task.patient_id == str(patient_id), queue.Task.campaign == "reminder",
                                          queue.Task.status == queue.QUEUED):
        if ((task.data or {}).get("appointment") or {}).get("start") == start.isoformat():
            queue.cancel_task(task.id, now, outcome=outcome)


def _done(reply: inbox.Reply, action: str, **detail: Any) -> str:
    inbox.Reply.update(action=action, detail=detail or None).where(inbox.Reply.id == reply.id).execute()
    _LOGGER.info("sms reply %s: %s", reply.id, action)
    return action


def handle(reply: inbox.Reply, *, config: Any, emr: Any, now: dt.datetime) -> str:
    """Act on one stored reply; returns the action recorded on it."""
    if reply.action:
        return reply.action
    claimed = inbox.Reply.update(action=HANDLING, claimed_at=now).where(
        inbox.Reply.id == reply.id, inbox.Reply.action.is_null())
    if claimed.execute() != 1:  # the webhook and the sender's round met on the same reply
        return HANDLING
    answered = outbox.last_to(reply.phone, now - dt.timedelta(days=ANSWER_WINDOW_DAYS))
    patient_id = _patient_id(reply, answered, emr)
    inbox.Reply.update(patient_id=patient_id, answers=answered.id if answered else None).where(
        inbox.Reply.id == reply.id).execute()
    what = classify(reply.text)
    key = f"mo{reply.id}"
    if what == "optout":
        return _opt_out(reply, answered, patient_id, config, now, key)
    if what == "change":
        crm_records.add_callback("문자: 예약 변경 요청", phone=reply.phone, patient_id=patient_id, priority=4,
                                 note=reply.text)
        texts.queue_reply(config, template="reply_change", phone=reply.phone, patient_id=patient_id,
                          key=f"{key}:reply", now=now)
        return _done(reply, "callback")
    if what in ("confirm", "cancel"):
        appt = _next_appointment(patient_id, answered, emr, now)
        if appt is not None:
            if what == "confirm":
                return _confirm(reply, appt, patient_id, config, now, key)
            return _cancel(reply, appt, patient_id, config, emr, now, key)
    crm_records.add_callback("문자 문의", phone=reply.phone, patient_id=patient_id, priority=5, note=reply.text)
    return _done(reply, "work_queue", understood=what)


def _confirm(reply: inbox.Reply, appt: Any, patient_id: str | None, config: Any, now: dt.datetime, key: str) -> str:
    from appliance.conversation import outcomes
    from appliance.sms import dates

    crm_records.add_note(f"문자로 예약 확인: {dates.when_text(appt.start)}", patient_id=patient_id, phone=reply.phone,
                         author="sms")
    _close_reminder_calls(patient_id, appt.start, now, outcomes.CONFIRMED)
    texts.queue_reply(config, template="reply_confirmed", phone=reply.phone, patient_id=patient_id,
                      start=appt.start, key=f"{key}:reply", now=now)
    return _done(reply, "confirmed", start=appt.start.isoformat(), appointment_id=appt.id)


def _cancel(reply: inbox.Reply, appt: Any, patient_id: str | None, config: Any, emr: Any, now: dt.datetime,
            key: str) -> str:
    from appliance.conversation import outcomes
    from appliance.data.emr import booking

    if appt.patient_id is None:
        appt.patient_id = patient_id
    result = booking.cancel(key=f"{key}:cancel", appointment=appt, emr=emr, phone=reply.phone,
                            reason="cancelled by text reply")
    if result.status not in ("cancelled", "requested"):
        crm_records.add_callback("문자 취소 처리 실패", phone=reply.phone, patient_id=patient_id, priority=3,
                                 note=reply.text)
        return _done(reply, "work_queue", understood="cancel", status=result.status)
    _close_reminder_calls(patient_id, appt.start, now, outcomes.CANCELLED)
    texts.queue_reply(config, template="reply_cancelled", phone=reply.phone, patient_id=patient_id,
                      start=appt.start, key=f"{key}:reply", now=now)
    return _done(reply, "cancelled", start=appt.start.isoformat(), appointment_id=appt.id, status=result.status)


def opt_out_scope(text: str, answered: outbox.Message | None) -> str:
    """The scope a refusal by text stores. The words of a bare refusal ("수신거부", "거부") keep their reading:
    ``ad`` in answer to an advert (or to nothing we sent), ``all`` to a reminder or another care text. Other words
    are read like a caller's (``channels_and_consent.opt_out_scope``): "문자 그만 보내세요" refuses ``texts``,
    "전화는 하지 마시고 문자로만 주세요" ``calls``; a refusal of calls alone is ``calls`` even after a reminder,
    since the patient answers by text (the reading stores ``all`` for it only when said on the call itself)."""
    advert = answered is None or answered.kind == outbox.AD
    if _bare_refusal(text):
        return "ad" if advert else "all"
    if scope_of_words(text, None) == "calls":
        return "calls"
    return scope_of_words(text, True if advert else False)


def _opt_out(reply: inbox.Reply, answered: outbox.Message | None, patient_id: str | None, config: Any,
             now: dt.datetime, key: str) -> str:
    scope = opt_out_scope(reply.text, answered)
    # stored forever, and the queued texts and calls the scope refuses are cancelled now (opt_outs.record)
    opt_outs.record(reply.phone, patient_id, source="sms", scope=scope, note="text reply", now=now)
    texts.queue_reply(config, template=REPLY_TEMPLATES[scope], phone=reply.phone, patient_id=patient_id,
                      key=f"{key}:reply", now=now)
    return _done(reply, "opted_out", scope=scope)
