"""Operations: keeping an appliance running for years under a desk.

- ``alerts``        health alerts for staff (CRM table, log, ``doctor``): ``raise_alert(kind, message)``
- ``sdnotify``      systemd notifications (READY, WATCHDOG pings, STATUS) over ``NOTIFY_SOCKET``
- ``engine_hooks``  what ``dentalcall serve`` does at start and stop (pid file, restart alerts, watchdog)
- ``engine_process`` finding and restarting the running engine (systemd or not)
- ``drain``         stop taking new calls, wait for the live ones to end (upgrades, restarts)
- ``monitor``       the engine's health monitor service (trunk registration, EMR reachability, disk)
- ``disk``          disk usage checks
- ``logs``          logrotate and journald limits rendered from the retention settings
- ``backup``        backups, verification, restore, nightly schedule
"""
