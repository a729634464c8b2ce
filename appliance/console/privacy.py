"""The staff console's tables as holders of personal data (``dentalcall privacy export|delete``) and their
retention (the daily purge), registered at import (listed in ``privacy.registry.HOLDER_MODULES``).

Holders, each found by the patient id and the phone number (a family phone's other patients are not included):

* ``console_voicemail`` — the voicemail rows: caller number, patient match and the transcript (the audio itself
  is Asterisk's, the ``voicemail`` holder);
* ``work_closures`` / ``work_actions`` — who finished a patient's work item or acted on it, when, and the
  staff's note (they remember whose item it was, so they are found after the item is gone).

Staff accounts, sessions and login attempts hold staff data, not patients': no holder, but a retention (they
are access records, kept as long as the access log). The notification outbox holds ids and flags only (what
was sent about which item, never a number, name or transcript): no holder, a retention for its growth.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from typing import Any

from appliance.console.models import ConsoleSession, LoginAttempt, WorkAction, WorkClosure
from appliance.console.notify import outbox as notifications
from appliance.data import access_log
from appliance.data.crm import database, utcnow
from appliance.data.crm_records import BookingRequest, Callback, OptOut, StaffNote
from appliance.privacy import retention
from appliance.privacy.holders import table_holder
from appliance.privacy.registry import Holder, Subject, register
from appliance.voicemail.store import Voicemail

ITEM_MODELS: dict[str, Any] = {"callback": Callback, "booking": BookingRequest, "note": StaffNote,
                               "voicemail": Voicemail, "opt_out": OptOut}
NOTIFICATION_MIN_DAYS = 3  # the notifier looks back 48 h: an older row may go, a newer one would be resent
FINISHED_NOTIFICATIONS = ("sent", "gave_up", "skipped", "summarised", "uncertain", "held")

# ---------------------------------------------------------------- holders

_voicemail_rows = table_holder("console_voicemail", "", Voicemail, numbers=("caller_number",))


def delete_voicemail_rows(config: Any, subject: Subject) -> int:
    """The person's voicemail rows, with the notification rows about them (a reused id must be notified)."""
    ids = [row["id"] for row in _voicemail_rows.export(config, subject)]
    if not ids:
        return 0
    with database.atomic():
        notifications.Notification.delete().where(notifications.Notification.kind == "voicemail",
                                                  notifications.Notification.ref.in_([str(i) for i in ids])).execute()
        return Voicemail.delete().where(Voicemail.id.in_(ids)).execute()


register(Holder("console_voicemail", "voicemail messages in the staff console: caller number, patient match and "
                "the transcript of what the person said", _voicemail_rows.export, delete_voicemail_rows))
register(table_holder("work_closures", "who finished the person's callbacks, booking requests, questionnaires and "
                      "voicemails in the staff console, when, and the staff's note", WorkClosure))
register(table_holder("work_actions", "what staff did about the person's items in the staff console (call back, "
                      "approve, reject, opt-out entered), when, and their notes", WorkAction))

# ---------------------------------------------------------------- retention


def _item_gone() -> Any:
    """Closures whose item (of ``ITEM_MODELS``) no longer exists."""
    conds = [(WorkClosure.kind == kind) & WorkClosure.item_id.not_in(item.select(item.id))
             for kind, item in ITEM_MODELS.items()]
    return functools.reduce(operator.or_, conds)


def purge_voicemail_rows(config: Any, cutoff: dt.datetime) -> int:
    """Handled voicemails received before ``cutoff`` (an unhandled one is open work: it stays in the queue)."""
    handled = WorkClosure.select(WorkClosure.item_id).where(WorkClosure.kind == "voicemail")
    return Voicemail.delete().where(Voicemail.received_at < cutoff, Voicemail.id.in_(handled)).execute()


def purge_work_records(config: Any, cutoff: dt.datetime) -> int:
    """Closures older than ``cutoff`` whose item is gone (purged or deleted), and staff actions older than it."""
    removed = WorkClosure.delete().where(WorkClosure.closed_at < cutoff, _item_gone()).execute()
    return removed + WorkAction.delete().where(WorkAction.at < cutoff).execute()


def purge_logins(config: Any, cutoff: dt.datetime) -> int:
    """Login attempts and finished sessions older than ``cutoff``, never sooner than the access log's minimum."""
    cutoff = min(cutoff, utcnow() - dt.timedelta(days=access_log.MIN_RETENTION_DAYS))
    removed = LoginAttempt.delete().where(LoginAttempt.at < cutoff).execute()
    return removed + ConsoleSession.delete().where(ConsoleSession.last_seen_at < cutoff).execute()


def purge_notifications(config: Any, cutoff: dt.datetime) -> int:
    """Finished notification rows older than ``cutoff`` (at least ``NOTIFICATION_MIN_DAYS``: never one the
    notifier would still look for and send again)."""
    cutoff = min(cutoff, utcnow() - dt.timedelta(days=NOTIFICATION_MIN_DAYS))
    n = notifications.Notification
    return n.delete().where(n.status.in_(FINISHED_NOTIFICATIONS), n.updated_at < cutoff).execute()


retention.register(retention.Kind("console_voicemail", "voicemail_retention_days", "handled voicemails in the staff "
                                  "console (caller, patient match, transcript)", purge_voicemail_rows))
retention.register(retention.Kind("console_work", "work_item_retention_days", "staff notes on finished items "
                                  "(closures of items that are gone) and the staff action log", purge_work_records))
retention.register(retention.Kind("console_logins", "access_log_retention_days", "staff login attempts and "
                                  "console sessions (access records)", purge_logins))
retention.register(retention.Kind("console_notify", "work_item_retention_days", "sent notifications (ids and "
                                  "flags only)", purge_notifications))
