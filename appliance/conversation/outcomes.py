"""How a call ended (``Call.outcome`` in the call log), where the dialplan takes the caller next, and what
a dialog records on the way (``Event.kind``, stored in the call's ``meta.events``).

All three are ``str`` enums: a member *is* its string value, so the CRM rows, JSON and comparisons with plain
strings are the same as before. The module-level names (``outcomes.BOOKED`` ...) stay for existing callers;
the dialogs use the enums (``Outcome.BOOKED``, ``NextStep.HANGUP``, ``EventKind.BOOKING``).
"""

from __future__ import annotations

import enum


class Outcome(enum.StrEnum):
    ANSWERED = "answered"  # inbound handled by the AI (question answered, request taken)
    CALLBACK = "callback_requested"
    TRANSFERRED = "transferred"
    VOICEMAIL = "voicemail"
    CALLER_HUNG_UP = "caller_hung_up"
    FAILED = "failed"  # engine error: the dialplan fallback took the caller to staff/voicemail
    BOOKED = "booked"
    CONFIRMED = "confirmed"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    WRONG_NUMBER = "wrong_number"
    OPTED_OUT = "opted_out"
    VOICEMAIL_LEFT = "voicemail_left"
    UNREACHABLE = "unreachable"
    PROBLEM_REPORTED = "problem_reported"
    EMERGENCY = "emergency"


class NextStep(enum.StrEnum):
    """``DENTALCALL_NEXT``: the ``[dentalcall-next]`` extension the dialplan goes to after the engine."""

    HANGUP = "hangup"
    TRANSFER = "transfer"  # staff ring group (then voicemail)
    VOICEMAIL = "voicemail"
    FALLBACK = "fallback"  # the apology, then staff in opening hours, else voicemail


class EventKind(enum.StrEnum):
    """What a dialog records in ``Event.kind`` (stored in the call's ``meta.events``; values are the CRM's)."""

    CALLBACK = "callback"
    TRANSFER = "transfer"
    EMERGENCY = "emergency"
    SYMPTOM = "symptom"
    MEDICAL_QUESTION = "medical_question"
    QUESTION_FOR_STAFF = "question_for_staff"
    RUNNING_LATE = "running_late"  # a patient on the way, late: a message for the desk
    OPT_OUT = "opt_out"
    OPT_OUT_REQUEST = "opt_out_request"  # asked for, but nothing to store it against: a staff task
    OPTED_OUT = "opted_out"
    OPT_OUT_CHECK = "opt_out_check"  # a refusal the understanding did not read: the caller was asked (optout_check)
    OPT_OUT_NOT_CONFIRMED = "opt_out_not_confirmed"  # ... and did not confirm it: nothing stored
    BOOKING = "booking"
    BOOKED = "booked"
    CANCELLATION = "cancellation"
    CANCELLED = "cancelled"
    RESCHEDULE = "reschedule"
    RESCHEDULED = "rescheduled"
    CONFIRMED = "confirmed"
    QUESTIONNAIRE = "questionnaire"
    QUEUED = "queued"
    SMS_CONFIRMATION = "sms_confirmation"
    OUTAGE = "outage"
    FEELING_FINE = "feeling_fine"
    PROBLEM_REPORTED = "problem_reported"
    NOT_THE_PATIENT = "not_the_patient"
    IDENTITY_CONFIRMED = "identity_confirmed"
    IDENTITY_FAILED = "identity_failed"
    IDENTITY_UNAVAILABLE = "identity_unavailable"  # the EMR could not be read: nobody could be verified


ANSWERED = Outcome.ANSWERED
CALLBACK = Outcome.CALLBACK
TRANSFERRED = Outcome.TRANSFERRED
VOICEMAIL = Outcome.VOICEMAIL
CALLER_HUNG_UP = Outcome.CALLER_HUNG_UP
FAILED = Outcome.FAILED
BOOKED = Outcome.BOOKED
CONFIRMED = Outcome.CONFIRMED
RESCHEDULED = Outcome.RESCHEDULED
CANCELLED = Outcome.CANCELLED
DECLINED = Outcome.DECLINED
WRONG_NUMBER = Outcome.WRONG_NUMBER
OPTED_OUT = Outcome.OPTED_OUT
VOICEMAIL_LEFT = Outcome.VOICEMAIL_LEFT
UNREACHABLE = Outcome.UNREACHABLE
PROBLEM_REPORTED = Outcome.PROBLEM_REPORTED
EMERGENCY = Outcome.EMERGENCY
