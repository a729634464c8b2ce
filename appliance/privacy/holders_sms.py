"""Text messages as holders of personal data: the SMS layer's outbox (texts sent) and inbox (replies), with their
retention (finished texts and handled replies: ``work_item_retention_days``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from appliance.privacy import retention
from appliance.privacy.holders import table_holder
from appliance.privacy.registry import register

from appliance.sms import inbox, outbox


def purge_sms(config: Any, cutoff: dt.datetime) -> int:
    """Finished texts (sent, delivered, failed, cancelled) and handled replies older than ``cutoff``; queued
    texts and unhandled replies are open work and stay."""
    message, reply = outbox.Message, inbox.Reply
    finished = [s for s in outbox.STATES if s not in outbox.OPEN_STATES]
    removed = message.delete().where(message.state.in_(finished), message.updated_at < cutoff).execute()
    removed += reply.delete().where(reply.action.is_null(False), reply.action != "handling",
                                    reply.received_at < cutoff).execute()
    return removed


register(table_holder("sms_sent", "text messages sent to the person (confirmations, reminders, replies)",
                      outbox.Message))
register(table_holder("sms_received", "text messages the person sent (replies, opt-outs by text)", inbox.Reply))
retention.register(retention.Kind("sms", "work_item_retention_days", "finished text messages and handled replies",
                                  purge_sms))
