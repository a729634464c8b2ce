"""Outbound campaigns: targeting in the EMR, a crash-safe call queue in the CRM, the AMI dialer, the
per-campaign dialogs and the report.

    campaigns.py  definitions (INFO/AD), per-clinic state (enabled, params) in the CRM
    targeting.py  who to call today and why (EMR connector + exclusions, dedup, caps)
    queue.py      tasks and dial attempts in the CRM (claim before Originate, reconcile after a crash)
    window.py     calling windows: clinic hours, closed days, AD 08:00-21:00
    dialer.py     progressive dialler over AMI Originate (``run_dialer(engine)`` engine service)
    calls.py      the FastAGI "outbound" route: AMD, identity, the dialog, the result
    dialogs.py    the conversations per campaign (pure logic)
    report.py     targeted / dialled / answered / outcomes / bookings / revenue
    cli.py        ``dentalcall campaigns|dialer|report``
"""
