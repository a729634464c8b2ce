"""How a call ended, as stored in the call log (``Call.outcome``)."""

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
