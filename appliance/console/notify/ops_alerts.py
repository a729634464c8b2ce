"""The appliance's health alerts (``appliance.ops.alerts``: engine restarts, trunk down, EMR unreachable, backup
failed, disk filling up) to staff by e-mail and webhook, through the notification outbox like everything else.

``enqueue_pending`` turns each alert staff have not been told about into outbox rows (kind ``ops_alert``, ref =
the alert id; one per configured channel) and marks the alert notified, so a restart never sends it twice. An
alert of a kind that is already open is not repeated (its count goes up); once resolved, the next occurrence is
a new alert and a new notification. The text is the alert's own (the ops layer keeps patient data out of it).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from zoneinfo import ZoneInfo

from appliance.console.notify import outbox
from appliance.ops import alerts

_LOGGER = logging.getLogger(__name__)

KIND = "ops_alert"
EVENT = "ops.alert"


def enqueue_pending(*, email: bool, webhook: bool) -> int:
    """Queue every alert not yet notified on the configured channels; returns how many rows were added."""
    added = 0
    for alert in alerts.pending_notifications():
        outbox.forget_earlier(KIND, alert.id, alert.first_at)
        if email:
            added += outbox.enqueue("email", KIND, alert.id)
        if webhook:
            added += outbox.enqueue("webhook", KIND, alert.id)
        alerts.mark_notified(alert.id)
        _LOGGER.info("health alert %s (%s) queued for staff", alert.id, alert.kind)
    return added


def find(ref: str) -> alerts.Alert | None:
    try:
        return alerts.Alert.get_or_none(alerts.Alert.id == int(ref))
    except ValueError:
        return None


def title(alert: alerts.Alert) -> str:
    return alerts.KINDS.get(alert.kind, alert.kind)


def _local(value: dt.datetime, zone: str) -> str:
    return f"{value.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}"


def email_content(alert: alerts.Alert, clinic: str, zone: str, console_url: str) -> tuple[str, str]:
    """(subject, body) of the staff e-mail."""
    subject = f"[{clinic}] 장비 점검 필요: {title(alert)}"
    lines = [f"{clinic} 전화 응대 장비에서 점검이 필요한 문제가 생겼습니다.", "",
             f"문제: {title(alert)}", f"내용: {alert.message}",
             f"처음 발생: {_local(alert.first_at, zone)}"]
    if alert.count > 1:
        lines.append(f"마지막 발생: {_local(alert.last_at, zone)} (모두 {alert.count}번)")
    if alert.resolved_at is not None:
        lines.append(f"해결됨: {_local(alert.resolved_at, zone)}")
    lines += ["", f"상태 화면: {console_url}/health",
              "장비 설치 담당자에게 알려 주시거나 `dentalcall doctor` 결과를 전달해 주세요."]
    return subject, "\n".join(lines) + "\n"


def webhook_payload(alert: alerts.Alert, console_url: str) -> dict[str, Any]:
    return {"id": alert.id, "kind": alert.kind, "title": title(alert), "message": alert.message,
            "count": alert.count, "first_at": alert.first_at.isoformat() + "Z",
            "last_at": alert.last_at.isoformat() + "Z",
            "resolved": alert.resolved_at is not None, "url": f"{console_url}/health"}
