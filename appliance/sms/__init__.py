"""Text messages (SMS/LMS): an outbox sent exactly once through the clinic's vendor, and replies (MO).

Layout, one job a module:

* ``encoding`` bytes as carriers count them (CP949), SMS ≤ 90 bytes else LMS ≤ 2,000;
* ``dates`` Korean date/time text; ``templates`` the clinic-editable Korean texts; ``law`` the advertising
  rules (정보통신망법 art. 50);
* ``outbox`` the CRM table and queueing; ``inbox`` replies received; ``sender`` claim → send → record and
  the crash reconciliation; ``gateways`` the vendor adapters (HTTP API, DB agent);
* ``texts`` what sends texts (entry points other layers call); ``triggers`` the sweeps that find
  confirmations, unanswered reminders and voicemails in the CRM; ``replies`` what a reply does;
* ``webhook`` the vendor's callbacks as Starlette routes; ``privacy`` export/delete per patient; ``cli``.

Other layers call ``sms.enabled(config)`` before offering a text, and the functions in ``sms.texts``.
"""

from __future__ import annotations

from typing import Any


def enabled(config: Any) -> bool:
    """True when texts can be sent: a gateway is chosen and the clinic's registered sender number is set.
    The receptionist offers "문자로 보내 드릴까요?" only then."""
    from appliance.sms import config as smsconfig

    try:
        return smsconfig.gateway_name(config) != "none" and smsconfig.sender_number(config) is not None
    except Exception:  # a broken setting: doctor says so; a call never offers what cannot be sent
        return False
