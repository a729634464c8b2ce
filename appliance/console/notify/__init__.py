"""Notifications to staff, each exactly once (an outbox row per message, claimed before it is sent).

    outbox.py     the ``notification`` table (migration 22): claim, sent, failed, held for the morning
    hours.py      staffed hours (the ``opening_hours`` setting, public holidays)
    alert.py      the short recorded staff alert, rendered by the voice layer into a file Asterisk plays
    originate.py  AMI Originate: ring staff phones with the alert; call back (staff phone first, then patient)
    email.py      e-mail through the clinic's SMTP relay (voicemail with transcript + audio, daily summary)
    webhook.py    signed JSON POSTs for messenger bridges
    summary.py    the daily summary's content
    ops_alerts.py the appliance's health alerts (appliance.ops.alerts) by e-mail and webhook
    service.py    the notifier loop (runs in the console process)
"""
