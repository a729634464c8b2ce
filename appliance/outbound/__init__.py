"""Outbound campaigns: targeting in the EMR, a crash-safe call queue in the CRM, the AMI dialer, the
per-campaign dialogs and the report.

    campaigns.py  definitions (INFO/AD), per-clinic state (enabled, params) in the CRM
    params.py     typed, range-checked campaign settings (legal bounds fixed)
    candidates.py each campaign's raw candidates (reminders on the last open day before the appointment)
    targeting.py  who to call today and why (exclusions, one call per patient and phone a day, caps)
    consent.py    the advertising-consent rule (newest row, two years, guardians for under-14s)
    history.py    what earlier calls mean for today's plan (cooldowns, caps, taken phones)
    store.py      where plans go: the CRM queue (dialer) or memory (calendar dry run)
    planning.py   the dialer's planning round, one campaign's failure isolated
    planner_process.py  that planning in its own lower-priority process (the engine's audio loop stays free)
    calendar.py   ``campaigns calendar``: the same planning over coming days, nothing written
    queue.py      tasks and dial attempts in the CRM (claim before Originate, reconcile after a crash)
    window.py     calling windows: clinic hours, closed days, AD 08:00-21:00 Asia/Seoul
    predial.py    the checks right before each dial (window, number, opt-out, clock, consent)
    dialer.py     progressive dialler (``run_dialer(engine)`` engine service; blocking work off the loop)
    status.py     ``dialer status`` and ``doctor``'s outbound check
    calls.py      the FastAGI "outbound" route: AMD, identity, the dialog, the result
    dialogs.py    the conversations per campaign (pure logic)
    report.py     targeted / dialled / answered / outcomes / bookings / revenue
    cli.py        ``dentalcall campaigns|dialer|report``
"""
