"""Sweeps that find in the CRM what should be texted, so texts go out whatever layer recorded the need:

* a booking the caller wanted confirmed by text (``BookingRequest.meta.sms_confirmation == "wanted"``, set by
  the receptionist) → ``queue_confirmation`` (booked, requested, or rescheduled when the same call cancelled
  the old visit);
* a reminder call that did not reach the patient (setting ``sms_reminders = unanswered``), or every
  reminder-campaign patient (``all``) → ``queue_reminder`` for that appointment;
* an after-hours voicemail from a mobile number → ``queue_voicemail_reply``.

Each is keyed (``booking:<id>``, ``reminder:<task>``, ``voicemail:<call>``), so sweeping twice texts once.
Only recent rows are looked at (``LOOKBACK``).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from appliance.data import phone as phones
from appliance.errors import ApplianceError
from appliance.sms import config as smsconfig
from appliance.sms import texts

_LOGGER = logging.getLogger(__name__)
LOOKBACK = dt.timedelta(days=1)
NOT_REACHED = ("unreachable", "not_dialled", "voicemail_left", "failed")


def sweep(config: Any, *, now: dt.datetime) -> int:
    """Run every sweep; returns how many texts were newly queued."""
    if smsconfig.gateway_name(config) == "none":
        return 0
    queued = 0
    for job in (booking_confirmations, reminders, voicemail_replies):
        try:
            queued += job(config, now=now)
        except ApplianceError as exc:
            _LOGGER.warning("sms sweep %s: %s", job.__name__, exc)
    return queued


def _utc_to_local(config: Any, moment: dt.datetime) -> dt.datetime:
    zone = ZoneInfo(config.timezone)
    return moment.replace(tzinfo=dt.timezone.utc).astimezone(zone).replace(tzinfo=None)


def _local_to_utc(config: Any, moment: dt.datetime) -> dt.datetime:
    zone = ZoneInfo(config.timezone)
    return moment.replace(tzinfo=zone).astimezone(dt.timezone.utc).replace(tzinfo=None)


def _new(row: Any) -> bool:
    """Queued (the key was checked to be new just before), or None: texts off / not allowed."""
    return row is not None


def booking_confirmations(config: Any, *, now: dt.datetime) -> int:
    from appliance.data.crm_records import BookingRequest as BR
    from appliance.sms import outbox

    since = _local_to_utc(config, now - LOOKBACK)
    queued = 0
    for row in BR.select().where(BR.created_at >= since, BR.meta.contains("sms_confirmation"),
                                 BR.status.in_(("booked", "requested"))):
        if (row.meta or {}).get("sms_confirmation") != "wanted" or not row.phone:
            continue
        if outbox.Message.select().where(outbox.Message.key == f"booking:{row.id}").exists():
            continue
        kind = row.status
        if row.call_id is not None and BR.select().where(BR.call_id == row.call_id, BR.id != row.id,
                                                         BR.meta.contains('"action": "cancel"')).exists():
            kind = "rescheduled"
        queued += _new(texts.queue_confirmation(config, kind=kind, phone=row.phone, start=row.start,
                                                treatment=row.treatment, patient_id=row.patient_id,
                                                key=f"booking:{row.id}", now=now))
    return queued


def reminders(config: Any, *, now: dt.datetime) -> int:
    from appliance.outbound import queue
    from appliance.sms import outbox

    mode = smsconfig.reminders_mode(config)
    if mode == "off":
        return 0
    T = queue.Task
    query = T.select().where(T.campaign == "reminder", T.created_at >= now - LOOKBACK)
    if mode == "unanswered":
        query = query.where(T.status == queue.DONE, T.outcome.in_(NOT_REACHED))
    queued = 0
    for task in query:
        appt = (task.data or {}).get("appointment") or {}
        if not appt.get("start") or not phones.is_mobile(task.phone):
            continue
        key = f"reminder:{task.id}"
        if outbox.Message.select().where(outbox.Message.key == key).exists():
            continue
        queued += _new(texts.queue_reminder(config, phone=task.phone, start=dt.datetime.fromisoformat(appt["start"]),
                                            key=key, patient_id=task.patient_id, appointment_id=appt.get("id"),
                                            treatment=appt.get("treatment"), now=now))
    return queued


def voicemail_replies(config: Any, *, now: dt.datetime) -> int:
    from appliance.conversation import outcomes
    from appliance.data.crm import Call
    from appliance.sms import outbox

    facts = None
    try:
        from appliance.data.clinic import facts as factslib

        facts = factslib.load_for(config)
    except Exception:
        _LOGGER.debug("no clinic facts: every voicemail counts as after hours")
    queued = 0
    for call in Call.select().where(Call.direction == "inbound", Call.outcome == outcomes.VOICEMAIL,
                                    Call.started_at >= _local_to_utc(config, now - LOOKBACK)):
        number = call.caller_number
        if number is None or not phones.is_mobile(number):
            continue
        if facts is not None and facts.is_open_at(_utc_to_local(config, call.started_at)):
            continue  # during opening hours staff call back themselves
        if outbox.Message.select().where(outbox.Message.key == f"voicemail:{call.id}").exists():
            continue
        queued += _new(texts.queue_voicemail_reply(config, phone=number, call_id=call.id,
                                                   patient_id=call.patient_id, now=now))
    return queued
