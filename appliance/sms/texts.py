"""What sends texts: the entry points other layers call (the dialogs, the dialer, the console, the sweeps).

Every function queues at most one message per idempotency key and returns the outbox row, or None when
texts are off (``sms_gateway = none``) or the law says no (advert without a current consent). A configured
gateway with a missing piece raises ``ConfigError``; a text that cannot be sent raises ``TextNotSendable``.

    from appliance.sms import texts
    texts.queue_confirmation(config, kind="booked", phone=caller, start=slot, treatment="scaling",
                             patient_id=pid, key=f"{call_key}:sms")
    texts.queue_reminder(config, phone=..., patient_id=..., start=appointment.start, key=f"reminder:{appt.id}")
    texts.queue_voicemail_reply(config, phone=caller, call_id=call.id)
    texts.queue_campaign_followup(config, campaign="recall", patient=patient, ref="2025-03-02")
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from appliance.errors import ConfigError
from appliance.outbound.clock import clinic_clock
from appliance.sms import config as smsconfig
from appliance.sms import law, outbox, templates

_LOGGER = logging.getLogger(__name__)
CONFIRMATION_TEMPLATES = {"booked": "booking_booked", "requested": "booking_requested",
                          "rescheduled": "rescheduled", "cancelled": "cancelled"}


def _now(config: Any, now: dt.datetime | None) -> dt.datetime:
    return now or clinic_clock(config.timezone)()


def clinic_identity(config: Any) -> tuple[str, str | None]:
    """(clinic name, clinic phone) from the clinic facts, else the settings and the sender number."""
    try:
        from appliance.data.clinic import facts as factslib

        facts = factslib.load_for(config)
        return facts.name, facts.phone
    except Exception:
        return config.clinic_name, smsconfig.sender_number(config)


def _sender(config: Any) -> str | None:
    """The registered sender number, None when texts are off; ConfigError when a gateway lacks it."""
    if smsconfig.gateway_name(config) == "none":
        return None
    number = smsconfig.sender_number(config)
    if number is None:
        raise ConfigError("sms_sender_number is not set: texts are sent only from the clinic's registered number")
    return number


def _queue(config: Any, *, template: str, key: str, purpose: str, phone: str, now: dt.datetime,
           start: dt.datetime | None = None, treatment: str | None = None, patient_id: str | None = None,
           kind: str = outbox.INFO, not_before: dt.datetime | None = None,
           meta: dict | None = None) -> outbox.Message | None:
    sender = _sender(config)
    if sender is None:
        _LOGGER.info("sms off (sms_gateway = none): %s not queued", purpose)
        return None
    outbox.ensure_tables()
    clinic, clinic_phone = clinic_identity(config)
    tpl = templates.load(config).get(template)
    if tpl is None:
        raise ConfigError(f"no SMS template {template!r}")
    text, subject = templates.render(tpl, templates.values(clinic=clinic, clinic_phone=clinic_phone, start=start,
                                                           treatment=treatment))
    if kind == outbox.AD:
        text = law.wrap_advert(text, clinic=clinic, clinic_phone=clinic_phone or "",
                               optout_number=smsconfig.optout_number(config))
        not_before = law.next_ad_moment(not_before or now)
    else:
        law.check_informational(text)
    from appliance.data import crm_records

    state, error = outbox.QUEUED, None
    notice = bool((meta or {}).get("optout_notice"))  # the answer to a refusal goes even to a refused number
    if not notice and crm_records.is_opted_out(phone, patient_id, advertising=kind == outbox.AD, channel="text"):
        state, error = outbox.CANCELLED, "opted out"
    row, _ = outbox.queue(key=key, purpose=purpose, kind=kind, phone=phone, text=text, subject=subject,
                          sender=sender, patient_id=patient_id, now=now, not_before=not_before, meta=meta,
                          state=state, error=error)
    return row


def queue_confirmation(config: Any, *, kind: str, phone: str, start: dt.datetime, key: str,
                       treatment: str | None = None, patient_id: str | None = None,
                       now: dt.datetime | None = None) -> outbox.Message | None:
    """A booking/reschedule/cancel confirmation the patient agreed to on the call (``kind``: booked,
    requested, rescheduled, cancelled). Sent at once, day or night: the patient just asked for it."""
    if kind not in CONFIRMATION_TEMPLATES:
        raise ValueError(f"kind must be one of {', '.join(CONFIRMATION_TEMPLATES)}")
    return _queue(config, template=CONFIRMATION_TEMPLATES[kind], key=key, purpose="confirmation", phone=phone,
                  now=_now(config, now), start=start, treatment=treatment, patient_id=patient_id,
                  meta={"appointment": {"start": start.isoformat()}, "confirmation": kind})


def queue_reminder(config: Any, *, phone: str, start: dt.datetime, key: str, patient_id: str | None = None,
                   appointment_id: str | None = None, treatment: str | None = None,
                   now: dt.datetime | None = None) -> outbox.Message | None:
    """The reminder text before a visit (replies 1/2/변경 act on this appointment). Sent between 08:00 and
    21:00; none when that would be after the appointment has started."""
    now = _now(config, now)
    not_before = law.next_ad_moment(now)
    if not_before >= start:
        _LOGGER.info("sms reminder not queued: the appointment starts before the next daytime moment")
        return None
    return _queue(config, template="reminder", key=key, purpose="reminder", phone=phone, now=now, start=start,
                  treatment=treatment, patient_id=patient_id, not_before=not_before,
                  meta={"appointment": {"id": appointment_id, "start": start.isoformat(), "treatment": treatment}})


def queue_voicemail_reply(config: Any, *, phone: str, call_id: int, patient_id: str | None = None,
                          now: dt.datetime | None = None) -> outbox.Message | None:
    """A short "we got your message" after an after-hours voicemail."""
    return _queue(config, template="voicemail_reply", key=f"voicemail:{call_id}", purpose="voicemail_reply",
                  phone=phone, now=_now(config, now), patient_id=patient_id, meta={"call_id": call_id})


def queue_reply(config: Any, *, template: str, phone: str, key: str, patient_id: str | None = None,
                start: dt.datetime | None = None, now: dt.datetime | None = None) -> outbox.Message | None:
    """The answer to a patient's text (reply_confirmed, reply_cancelled, reply_change,
    reply_optout[_calls|_texts|_all]).
    The answer to an opt-out is sent even though the number just refused texts (the law asks to notify it)."""
    meta = {"optout_notice": True} if template.startswith("reply_optout") else None
    return _queue(config, template=template, key=key, purpose="reply", phone=phone, now=_now(config, now),
                  start=start, patient_id=patient_id, meta=meta)


def queue_campaign_followup(config: Any, *, campaign: str, patient: Any, ref: str, phone: str | None = None,
                            now: dt.datetime | None = None) -> outbox.Message | None:
    """A campaign's follow-up text (template ``followup_<campaign>``). Advertising campaigns: only with a
    current marketing consent (else nothing is queued), with the advertising marks, 08:00-21:00 only."""
    from appliance.outbound import campaigns as camps

    now = _now(config, now)
    kind = camps.get(campaign).kind
    if kind == outbox.AD:
        problem = law.consent_problem(bool(getattr(patient, "marketing_consent", False)),
                                      getattr(patient, "marketing_consent_date", None), now.date())
        if problem:
            _LOGGER.info("sms follow-up %s not queued: %s", campaign, problem)
            return None
    number = phone or next(iter(getattr(patient, "phones", []) or []), None)
    if not number:
        return None
    consent = getattr(patient, "marketing_consent_date", None)
    return _queue(config, template=f"followup_{campaign}", key=f"followup:{campaign}:{patient.id}:{ref}",
                  purpose="followup", phone=number, now=now, patient_id=str(patient.id), kind=kind,
                  not_before=law.next_ad_moment(now),
                  meta={"campaign": campaign, "consent_date": consent.isoformat() if consent else None})


def queue_test(config: Any, phone: str, now: dt.datetime | None = None) -> outbox.Message | None:
    now = _now(config, now)
    return _queue(config, template="test", key=f"test:{phone}:{now.isoformat()}", purpose="test", phone=phone,
                  now=now)
